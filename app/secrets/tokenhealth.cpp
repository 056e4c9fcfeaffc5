// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/tokenhealth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::secrets::TokenHealth)
};

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

QString abilityId(Ability ability)
{
    switch (ability) {
    case Ability::Yes:
        return u"yes"_s;
    case Ability::No:
        return u"no"_s;
    case Ability::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString abilityText(const AbilityVerdict &verdict)
{
    const QString word = verdict.ability == Ability::Yes ? Text::tr("yes")
        : verdict.ability == Ability::No                 ? Text::tr("no")
                                                         : Text::tr("unknown");
    return verdict.reason.isEmpty() ? word : word + u" — "_s + verdict.reason;
}

HealthSeverity abilitySeverity(Ability ability)
{
    return ability == Ability::Yes ? HealthSeverity::Ok
        : ability == Ability::No   ? HealthSeverity::Problem
                                   : HealthSeverity::Info;
}

// Applies the expiry rules shared by both forges.
void applyExpiry(TokenHealth &health, const std::optional<QDateTime> &expiresAt,
                 const QDateTime &now)
{
    health.expiresAt = expiresAt;
    if (!expiresAt)
        return;
    const qint64 secondsLeft = now.secsTo(*expiresAt);
    if (secondsLeft <= 0) {
        health.expired = true;
        health.problems << Text::tr("the token expired on %1").arg(formatTime(*expiresAt));
    } else if (secondsLeft <= std::chrono::seconds(kExpiryWarningWindow).count()) {
        health.expiresSoon = true;
        const qint64 days = secondsLeft / 86400;
        const QString when = days == 0 ? Text::tr("in less than a day")
            : days == 1                ? Text::tr("in 1 day")
                                       : Text::tr("in %1 days").arg(days);
        health.warnings << Text::tr("the token expires on %1 (%2): replace it soon")
                               .arg(formatTime(*expiresAt), when);
    }
}

// Why a capability check failed, naming what GitHub says is missing.
QString deniedReason(const HttpCheck &check, const QString &fallbackNeed)
{
    QString need = check.acceptedGitHubPermissions;
    if (need.isEmpty() && !check.acceptedOAuthScopes.isEmpty())
        need = Text::tr("scope %1").arg(check.acceptedOAuthScopes);
    if (need.isEmpty())
        need = fallbackNeed;
    if (check.status == 404) {
        return Text::tr("GitHub answered 404: the token cannot see the repository or the workflow "
                        "does not exist (needs %1)")
            .arg(need);
    }
    return Text::tr("GitHub answered %1: missing permission %2").arg(check.status).arg(need);
}

// Scopes as the maintainer reads them: sorted, each once, whatever order the forge sent.
QStringList sortedUnique(QStringList scopes)
{
    scopes.removeAll(QString());
    scopes.sort();
    scopes.removeDuplicates();
    return scopes;
}

bool isDenied(int status)
{
    return status == 401 || status == 403 || status == 404;
}

AbilityVerdict verdictFromCheck(const HttpCheck &check, const QString &need)
{
    if (check.status == 0)
        return {Ability::Unknown, Text::tr("not checked")};
    if (check.status >= 200 && check.status < 300)
        return {Ability::Yes, {}};
    if (isDenied(check.status))
        return {Ability::No, deniedReason(check, need)};
    return {Ability::Unknown, Text::tr("GitHub answered %1").arg(check.status)};
}

}  // namespace

QString gitHubTokenKindId(forge::GitHubTokenKind kind)
{
    using Kind = forge::GitHubTokenKind;
    switch (kind) {
    case Kind::Classic:
        return u"classic"_s;
    case Kind::FineGrained:
        return u"fine-grained"_s;
    // The dialog and `tokens test --json` have always said "oauth-app" for these three: each is
    // made by an app, not by the maintainer, and none fits a release flow.
    case Kind::OAuth:
    case Kind::UserToServer:
    case Kind::Installation:
        return u"oauth-app"_s;
    case Kind::Unknown:
        break;
    }
    return u"unknown"_s;
}

TokenHealth evaluateGitHubToken(const GitHubTokenFacts &facts, const QDateTime &now)
{
    TokenHealth health;
    health.kind = gitHubTokenKindId(facts.kind);
    if (facts.userStatus == 401) {
        health.problems << Text::tr("GitHub rejected the token (HTTP 401): it was revoked, has "
                                    "expired or is mistyped");
        health.canRead = {Ability::No, Text::tr("the token is rejected")};
        health.canDispatch = {Ability::No, Text::tr("the token is rejected")};
        return health;
    }
    if (facts.userStatus != 200) {
        health.problems << (facts.userStatus == 0
                                ? Text::tr("GitHub was not asked about the token")
                                : Text::tr("GitHub answered HTTP %1 when asked who owns the token")
                                      .arg(facts.userStatus));
        return health;
    }
    health.accepted = true;
    health.login = facts.login;
    if (facts.oauthScopes)
        health.scopes = sortedUnique(*facts.oauthScopes);
    applyExpiry(health, facts.expiresAt, now);

    const QString readNeed = Text::tr("actions=read");
    if (facts.kind == forge::GitHubTokenKind::Classic) {
        const bool hasRepo = health.scopes.contains(u"repo"_s);
        health.canRead = verdictFromCheck(facts.workflowRead, u"repo"_s);
        if (health.canRead.ability == Ability::Unknown && hasRepo)
            health.canRead = {Ability::Yes, Text::tr("the 'repo' scope covers it")};
        if (facts.dispatchCheck.status == 422) {
            health.canDispatch = {Ability::Yes, {}};
        } else if (hasRepo && !isDenied(facts.dispatchCheck.status)) {
            health.canDispatch = {Ability::Yes, Text::tr("the token has the 'repo' scope")};
        } else {
            const QString has =
                health.scopes.isEmpty() ? Text::tr("none") : health.scopes.join(u", "_s);
            health.canDispatch = {Ability::No,
                                  Text::tr("a classic token needs the 'repo' scope to dispatch "
                                           "workflows (it has: %1)")
                                      .arg(has)};
        }
    } else {
        health.canRead = verdictFromCheck(
            facts.runsRead.status != 0 && facts.workflowRead.status == 0 ? facts.runsRead
                                                                         : facts.workflowRead,
            readNeed);
        if (health.canRead.ability == Ability::Yes && isDenied(facts.runsRead.status))
            health.canRead = {Ability::No, deniedReason(facts.runsRead, readNeed)};
        if (facts.dispatchCheck.status == 422 ||
            (facts.dispatchCheck.status >= 200 && facts.dispatchCheck.status < 300)) {
            health.canDispatch = {Ability::Yes, Text::tr("Actions write is granted")};
        } else if (isDenied(facts.dispatchCheck.status)) {
            health.canDispatch = {Ability::No,
                                  deniedReason(facts.dispatchCheck, Text::tr("actions=write"))};
        } else {
            health.canDispatch = {
                Ability::Unknown,
                facts.dispatchCheck.status == 0
                    ? Text::tr("not checked (needs Actions: read and write)")
                    : Text::tr("GitHub answered %1").arg(facts.dispatchCheck.status)};
        }
    }
    if (health.canRead.ability == Ability::No)
        health.problems
            << Text::tr("cannot read the workflow and its runs: %1").arg(health.canRead.reason);
    if (health.canDispatch.ability == Ability::No)
        health.problems << Text::tr("cannot dispatch: %1").arg(health.canDispatch.reason);
    return health;
}

TokenHealth evaluateGitLabToken(const GitLabTokenFacts &facts, const QDateTime &now)
{
    TokenHealth health;
    health.kind = Text::tr("personal access token");
    health.login = facts.login;
    if (facts.selfStatus == 401 || (facts.selfStatus == 404 && facts.userStatus == 401)) {
        health.problems << Text::tr("GitLab rejected the token (HTTP 401): it was revoked, has "
                                    "expired or is mistyped");
        health.canRead = {Ability::No, Text::tr("the token is rejected")};
        return health;
    }
    if (facts.selfStatus == 200) {
        health.accepted = true;
        health.scopes = sortedUnique(facts.scopes);
        if (facts.revoked)
            health.problems << Text::tr("the token was revoked");
        else if (!facts.active)
            health.problems << Text::tr("the token is not active (expired or revoked)");
        if (facts.expiresAt)
            applyExpiry(health, QDateTime(*facts.expiresAt, QTime(0, 0), QTimeZone::UTC), now);
        const bool canReadApi =
            health.scopes.contains(u"read_api"_s) || health.scopes.contains(u"api"_s);
        if (!health.problems.isEmpty() && !health.expired)
            health.canRead = {Ability::No, health.problems.constFirst()};
        else if (!canReadApi)
            health.canRead = {
                Ability::No,
                Text::tr("the token lacks the 'read_api' scope (it has: %1)")
                    .arg(health.scopes.isEmpty() ? Text::tr("none") : health.scopes.join(u", "_s))};
        else if (health.expired)
            health.canRead = {Ability::No, Text::tr("the token has expired")};
        else
            health.canRead = {Ability::Yes, {}};
        if (canReadApi == false)
            health.problems << Text::tr("cannot read the project: %1").arg(health.canRead.reason);
        return health;
    }
    if (facts.selfStatus == 404 && facts.userStatus == 200) {
        // Older GitLab without /personal_access_tokens/self: the token works, its scopes are
        // unknown.
        health.accepted = true;
        health.canRead = {Ability::Yes, {}};
        health.warnings << Text::tr(
            "this GitLab cannot list a token's scopes or expiry; make sure it has 'read_api'");
        return health;
    }
    const int status = facts.selfStatus == 404 ? facts.userStatus : facts.selfStatus;
    health.problems
        << (status == 0
                ? Text::tr("GitLab was not asked about the token")
                : Text::tr("GitLab answered HTTP %1 when asked about the token").arg(status));
    return health;
}

HealthSeverity TokenHealth::overall() const
{
    if (!problems.isEmpty())
        return HealthSeverity::Problem;
    if (!warnings.isEmpty())
        return HealthSeverity::Warning;
    return HealthSeverity::Ok;
}

QList<HealthLine> TokenHealth::lines() const
{
    QList<HealthLine> list;
    list << HealthLine {Text::tr("Login"), login.isEmpty() ? Text::tr("unknown") : login,
                        accepted ? HealthSeverity::Ok : HealthSeverity::Problem};
    list << HealthLine {Text::tr("Kind"), kind, HealthSeverity::Info};
    list << HealthLine {Text::tr("Scopes"),
                        scopes.isEmpty() ? Text::tr("none listed") : scopes.join(u", "_s),
                        HealthSeverity::Info};
    if (!expiresAt) {
        list << HealthLine {Text::tr("Expires"), Text::tr("never"), HealthSeverity::Info};
    } else {
        list << HealthLine {Text::tr("Expires"), formatTime(*expiresAt),
                            expired           ? HealthSeverity::Problem
                                : expiresSoon ? HealthSeverity::Warning
                                              : HealthSeverity::Ok};
    }
    list << HealthLine {Text::tr("Can read"), abilityText(canRead),
                        abilitySeverity(canRead.ability)};
    if (!canDispatch.reason.isEmpty() || canDispatch.ability != Ability::Unknown)
        list << HealthLine {Text::tr("Can dispatch"), abilityText(canDispatch),
                            abilitySeverity(canDispatch.ability)};
    for (const QString &problem : problems)
        list << HealthLine {Text::tr("Problem"), problem, HealthSeverity::Problem};
    for (const QString &warning : warnings)
        list << HealthLine {Text::tr("Warning"), warning, HealthSeverity::Warning};
    return list;
}

QJsonObject TokenHealth::toJson() const
{
    const auto ability = [](const AbilityVerdict &verdict) {
        return QJsonObject {{u"ability"_s, abilityId(verdict.ability)},
                            {u"reason"_s, verdict.reason}};
    };
    const QString severity = overall() == HealthSeverity::Problem ? u"problem"_s
        : overall() == HealthSeverity::Warning                    ? u"warning"_s
                                                                  : u"ok"_s;
    return QJsonObject {
        {u"accepted"_s, accepted},
        {u"login"_s, login},
        {u"kind"_s, kind},
        {u"scopes"_s, QJsonArray::fromStringList(scopes)},
        {u"expiresAt"_s,
         expiresAt ? QJsonValue(expiresAt->toUTC().toString(Qt::ISODate)) : QJsonValue()},
        {u"expired"_s, expired},
        {u"expiresSoon"_s, expiresSoon},
        {u"canRead"_s, ability(canRead)},
        {u"canDispatch"_s, ability(canDispatch)},
        {u"problems"_s, QJsonArray::fromStringList(problems)},
        {u"warnings"_s, QJsonArray::fromStringList(warnings)},
        {u"severity"_s, severity},
    };
}

}  // namespace rc::secrets
