#include "secrets/tokenhealth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TokenHealth)
};

QString headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(value).trimmed();
    }
    return {};
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

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

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

}  // namespace

QString gitHubTokenKindId(GitHubTokenKind kind)
{
    switch (kind) {
    case GitHubTokenKind::Classic:
        return u"classic"_s;
    case GitHubTokenKind::FineGrained:
        return u"fine-grained"_s;
    case GitHubTokenKind::OAuthApp:
        return u"oauth-app"_s;
    case GitHubTokenKind::Unknown:
        break;
    }
    return u"unknown"_s;
}

GitHubTokenKind gitHubTokenKind(QByteArrayView tokenStart, bool hasOAuthScopesHeader)
{
    if (tokenStart.startsWith("github_pat_"))
        return GitHubTokenKind::FineGrained;
    if (tokenStart.startsWith("ghp_"))
        return GitHubTokenKind::Classic;
    if (tokenStart.startsWith("gho_") || tokenStart.startsWith("ghu_") ||
        tokenStart.startsWith("ghs_"))
        return GitHubTokenKind::OAuthApp;
    // Old 40-hex classic tokens have no prefix; only classic tokens get X-OAuth-Scopes.
    return hasOAuthScopesHeader ? GitHubTokenKind::Classic : GitHubTokenKind::Unknown;
}

std::optional<QDateTime> parseGitHubTokenExpiration(QStringView header)
{
    const QList<QStringView> parts = header.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 3)
        return std::nullopt;
    const QDate date = QDate::fromString(parts.at(0).toString(), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(parts.at(1).toString(), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QStringView zone = parts.at(2);
    int offsetSeconds = 0;
    if (zone != u"UTC" && zone != u"GMT" && zone != u"Z") {
        if (zone.size() != 5 || (zone.front() != u'+' && zone.front() != u'-'))
            return std::nullopt;
        bool hoursOk = false;
        bool minutesOk = false;
        const int hours = zone.sliced(1, 2).toInt(&hoursOk);
        const int minutes = zone.sliced(3, 2).toInt(&minutesOk);
        if (!hoursOk || !minutesOk || hours > 14 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.front() == u'-' ? -1 : 1);
    }
    return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(offsetSeconds)).toUTC();
}

std::optional<QDateTime> parseGitLabExpiresAt(QStringView value)
{
    const QString text = value.trimmed().toString();
    if (const QDate date = QDate::fromString(text, u"yyyy-MM-dd"_s); date.isValid())
        return QDateTime(date, QTime(0, 0), QTimeZone::UTC);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid())
        return time.toUTC();
    return std::nullopt;
}

QStringList parseScopeList(QStringView header)
{
    QStringList scopes;
    for (const QStringView item : header.split(u',', Qt::SkipEmptyParts)) {
        const QString scope = item.trimmed().toString();
        if (!scope.isEmpty() && !scopes.contains(scope))
            scopes << scope;
    }
    scopes.sort();
    return scopes;
}

void readGitHubUserResponse(GitHubTokenFacts &facts, int status,
                            const QList<QPair<QByteArray, QByteArray>> &headers,
                            const QByteArray &body)
{
    facts.userStatus = status;
    if (hasHeader(headers, "X-OAuth-Scopes"))
        facts.oauthScopes = headerValue(headers, "X-OAuth-Scopes");
    facts.expiration = headerValue(headers, "GitHub-Authentication-Token-Expiration");
    if (status == 200)
        facts.login = QJsonDocument::fromJson(body).object().value("login"_L1).toString();
}

HttpCheck readHttpCheck(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return {status, headerValue(headers, "X-Accepted-OAuth-Scopes"),
            headerValue(headers, "X-Accepted-GitHub-Permissions")};
}

void readGitLabTokenSelfResponse(GitLabTokenFacts &facts, int status, const QByteArray &body)
{
    facts.selfStatus = status;
    if (status != 200)
        return;
    const QJsonObject token = QJsonDocument::fromJson(body).object();
    facts.name = token.value("name"_L1).toString();
    facts.active = token.value("active"_L1).toBool();
    facts.revoked = token.value("revoked"_L1).toBool();
    facts.scopes = jsonStrings(token.value("scopes"_L1));
    facts.scopes.sort();
    facts.expiresAt = token.value("expires_at"_L1).toString();
}

void readGitLabUserResponse(GitLabTokenFacts &facts, int status, const QByteArray &body)
{
    facts.userStatus = status;
    if (status == 200)
        facts.login = QJsonDocument::fromJson(body).object().value("username"_L1).toString();
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
        health.scopes = parseScopeList(*facts.oauthScopes);
    if (!facts.expiration.isEmpty()) {
        const std::optional<QDateTime> expiresAt = parseGitHubTokenExpiration(facts.expiration);
        if (!expiresAt)
            health.warnings
                << Text::tr("GitHub's expiry date '%1' could not be read").arg(facts.expiration);
        applyExpiry(health, expiresAt, now);
    }

    const QString readNeed = Text::tr("actions=read");
    if (facts.kind == GitHubTokenKind::Classic) {
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
        health.scopes = facts.scopes;
        if (facts.revoked)
            health.problems << Text::tr("the token was revoked");
        else if (!facts.active)
            health.problems << Text::tr("the token is not active (expired or revoked)");
        if (!facts.expiresAt.isEmpty()) {
            const std::optional<QDateTime> expiresAt = parseGitLabExpiresAt(facts.expiresAt);
            if (!expiresAt)
                health.warnings
                    << Text::tr("GitLab's expiry date '%1' could not be read").arg(facts.expiresAt);
            applyExpiry(health, expiresAt, now);
        }
        const bool canReadApi =
            facts.scopes.contains(u"read_api"_s) || facts.scopes.contains(u"api"_s);
        if (!health.problems.isEmpty() && !health.expired)
            health.canRead = {Ability::No, health.problems.constFirst()};
        else if (!canReadApi)
            health.canRead = {
                Ability::No,
                Text::tr("the token lacks the 'read_api' scope (it has: %1)")
                    .arg(facts.scopes.isEmpty() ? Text::tr("none") : facts.scopes.join(u", "_s))};
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
