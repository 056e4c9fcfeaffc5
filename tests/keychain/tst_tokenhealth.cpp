// SPDX-License-Identifier: BSD-3-Clause
// Token health as pure functions: typed facts a forge answered in, verdicts out, with a fixed
// clock. Parsing the answers is the forge layer's (tests/forge/tst_forgeheaders.cpp).
#include "secrets/tokenhealth.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rc::secrets;
using rc::forge::GitHubTokenKind;

namespace {

const QDateTime kNow(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);

QDateTime utc(QDate date, QTime time)
{
    return QDateTime(date, time, QTimeZone::UTC);
}

GitHubTokenFacts acceptedGitHubToken(GitHubTokenKind kind)
{
    GitHubTokenFacts facts;
    facts.kind = kind;
    facts.userStatus = 200;
    facts.login = u"robertodr"_s;
    return facts;
}

GitLabTokenFacts activeGitLabToken()
{
    GitLabTokenFacts facts;
    facts.selfStatus = 200;
    facts.name = u"release-console"_s;
    facts.active = true;
    facts.scopes = {u"read_api"_s};
    facts.login = u"robertodr"_s;
    return facts;
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &item : list) {
        if (item.contains(needle))
            return true;
    }
    return false;
}

}  // namespace

class TestTokenHealth : public QObject
{
    Q_OBJECT

private slots:
    void kindIdsStayStable_data()
    {
        QTest::addColumn<GitHubTokenKind>("kind");
        QTest::addColumn<QString>("id");
        QTest::newRow("classic") << GitHubTokenKind::Classic << u"classic"_s;
        QTest::newRow("fine-grained") << GitHubTokenKind::FineGrained << u"fine-grained"_s;
        QTest::newRow("gho_") << GitHubTokenKind::OAuth << u"oauth-app"_s;
        QTest::newRow("ghu_") << GitHubTokenKind::UserToServer << u"oauth-app"_s;
        QTest::newRow("ghs_") << GitHubTokenKind::Installation << u"oauth-app"_s;
        QTest::newRow("unknown") << GitHubTokenKind::Unknown << u"unknown"_s;
    }

    void kindIdsStayStable()
    {
        QFETCH(GitHubTokenKind, kind);
        QFETCH(QString, id);
        QCOMPARE(gitHubTokenKindId(kind), id);
        GitHubTokenFacts facts = acceptedGitHubToken(kind);
        QCOMPARE(evaluateGitHubToken(facts, kNow).toJson().value("kind"_L1).toString(), id);
    }

    void scopesAreSortedOnce()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = QStringList {u"workflow"_s, u"repo"_s, u"workflow"_s};
        facts.expiresAt = utc(QDate(2027, 12, 1), QTime(10, 0));
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.scopes, QStringList({u"repo"_s, u"workflow"_s}));
        QCOMPARE(health.expiresAt.value_or(QDateTime()), utc(QDate(2027, 12, 1), QTime(10, 0)));
        QVERIFY(!health.expiresSoon);
    }

    // No X-OAuth-Scopes (fine-grained) is not the same fact as an empty one (a classic token
    // without scopes): only the second is a classic token that cannot dispatch.
    void absentScopesAreNotEmptyScopes()
    {
        GitHubTokenFacts classic = acceptedGitHubToken(GitHubTokenKind::Classic);
        classic.oauthScopes = QStringList();
        const TokenHealth none = evaluateGitHubToken(classic, kNow);
        QCOMPARE(none.canDispatch.ability, Ability::No);
        QVERIFY2(none.canDispatch.reason.contains(u"(it has: none)"_s),
                 qPrintable(none.canDispatch.reason));

        GitHubTokenFacts fineGrained = acceptedGitHubToken(GitHubTokenKind::FineGrained);
        const TokenHealth unchecked = evaluateGitHubToken(fineGrained, kNow);
        QVERIFY(unchecked.scopes.isEmpty());
        QCOMPARE(unchecked.canDispatch.ability, Ability::Unknown);
        QVERIFY(unchecked.problems.isEmpty());
    }

    void classicWithRepoCanDispatch()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = QStringList {u"repo"_s, u"read:org"_s};
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QVERIFY(health.accepted);
        QCOMPARE(health.kind, u"classic"_s);
        QCOMPARE(health.canDispatch.ability, Ability::Yes);
        QCOMPARE(health.canRead.ability, Ability::Yes);
        QCOMPARE(health.overall(), HealthSeverity::Ok);
        QVERIFY(!health.expiresAt);
    }

    void classicWithoutRepoCannotDispatch()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = QStringList {u"read:user"_s, u"gist"_s};
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QVERIFY(health.accepted);
        QCOMPARE(health.canDispatch.ability, Ability::No);
        QVERIFY2(health.canDispatch.reason.contains(u"'repo'"_s),
                 qPrintable(health.canDispatch.reason));
        QVERIFY(health.canDispatch.reason.contains(u"gist, read:user"_s));
        QCOMPARE(health.overall(), HealthSeverity::Problem);
    }

    void fineGrainedMissingActionsWrite()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::FineGrained);
        facts.workflowRead = HttpCheck {200, {}, {}};
        facts.runsRead = HttpCheck {200, {}, {}};
        facts.dispatchCheck = HttpCheck {403, {}, u"actions=write"_s};
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.kind, u"fine-grained"_s);
        QVERIFY(health.scopes.isEmpty());
        QCOMPARE(health.canRead.ability, Ability::Yes);
        QCOMPARE(health.canDispatch.ability, Ability::No);
        QVERIFY2(health.canDispatch.reason.contains(u"actions=write"_s),
                 qPrintable(health.canDispatch.reason));
        QVERIFY(anyContains(health.problems, u"cannot dispatch"_s));
    }

    void fineGrainedWithActionsWrite()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::FineGrained);
        facts.workflowRead = HttpCheck {200, {}, {}};
        facts.dispatchCheck = HttpCheck {422, {}, {}};
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.canDispatch.ability, Ability::Yes);
        QCOMPARE(health.overall(), HealthSeverity::Ok);
    }

    void fineGrainedWithoutRepositoryAccess()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::FineGrained);
        facts.workflowRead = HttpCheck {404, {}, u"actions=read"_s};
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.canRead.ability, Ability::No);
        QVERIFY(health.canRead.reason.contains(u"404"_s));
        QVERIFY(health.canRead.reason.contains(u"actions=read"_s));
        QCOMPARE(health.canDispatch.ability, Ability::Unknown);
    }

    void revokedGitHubToken()
    {
        GitHubTokenFacts facts;
        facts.kind = GitHubTokenKind::Classic;
        facts.userStatus = 401;
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QVERIFY(!health.accepted);
        QVERIFY(anyContains(health.problems, u"401"_s));
        QCOMPARE(health.canDispatch.ability, Ability::No);
        QCOMPARE(health.overall(), HealthSeverity::Problem);
    }

    void expiryWindow_data()
    {
        QTest::addColumn<QDateTime>("expiration");
        QTest::addColumn<bool>("soon");
        QTest::addColumn<bool>("expired");
        QTest::newRow("in 3 days") << utc(QDate(2026, 11, 28), QTime(8, 0)) << true << false;
        QTest::newRow("in 14 days exactly")
            << utc(QDate(2026, 12, 9), QTime(8, 0)) << true << false;
        QTest::newRow("in 15 days") << utc(QDate(2026, 12, 10), QTime(8, 0)) << false << false;
        QTest::newRow("an hour ago") << utc(QDate(2026, 11, 25), QTime(7, 0)) << false << true;
    }

    void expiryWindow()
    {
        QFETCH(QDateTime, expiration);
        QFETCH(bool, soon);
        QFETCH(bool, expired);
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = QStringList {u"repo"_s};
        facts.expiresAt = expiration;
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.expiresSoon, soon);
        QCOMPARE(health.expired, expired);
        QCOMPARE(anyContains(health.warnings, expiration.toString(u"yyyy-MM-dd"_s)), soon);
        QCOMPARE(health.overall(),
                 expired ? HealthSeverity::Problem
                         : (soon ? HealthSeverity::Warning : HealthSeverity::Ok));
    }

    void expiringInThreeDaysSaysWhen()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = QStringList {u"repo"_s};
        facts.expiresAt = utc(QDate(2026, 11, 28), QTime(8, 0));
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.warnings.size(), 1);
        QVERIFY2(health.warnings.constFirst().contains(u"2026-11-28 08:00 UTC"_s),
                 qPrintable(health.warnings.constFirst()));
        QVERIFY2(health.warnings.constFirst().contains(u"in 3 days"_s),
                 qPrintable(health.warnings.constFirst()));
        bool expiryLineIsWarning = false;
        for (const HealthLine &line : health.lines())
            expiryLineIsWarning |=
                line.label == u"Expires"_s && line.severity == HealthSeverity::Warning;
        QVERIFY(expiryLineIsWarning);
    }

    void gitLabHealthy()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.scopes = {u"read_user"_s, u"read_api"_s};
        facts.expiresAt = QDate(2027, 6, 1);
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(health.accepted);
        QCOMPARE(health.login, u"robertodr"_s);
        QCOMPARE(health.scopes, QStringList({u"read_api"_s, u"read_user"_s}));
        QCOMPARE(health.canRead.ability, Ability::Yes);
        QCOMPARE(health.expiresAt.value_or(QDateTime()),
                 QDateTime(QDate(2027, 6, 1), QTime(0, 0), QTimeZone::UTC));
        QCOMPARE(health.overall(), HealthSeverity::Ok);
    }

    void gitLabWithoutReadApi()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.scopes = {u"read_repository"_s, u"read_user"_s};
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QCOMPARE(health.canRead.ability, Ability::No);
        QVERIFY2(health.canRead.reason.contains(u"read_api"_s), qPrintable(health.canRead.reason));
        QCOMPARE(health.overall(), HealthSeverity::Problem);
    }

    void gitLabApiScopeCoversReadApi()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.scopes = {u"api"_s};
        QCOMPARE(evaluateGitLabToken(facts, kNow).canRead.ability, Ability::Yes);
    }

    void gitLabInactive()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.active = false;
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(anyContains(health.problems, u"not active"_s));
        QCOMPARE(health.canRead.ability, Ability::No);
        QCOMPARE(health.overall(), HealthSeverity::Problem);
    }

    void gitLabRevoked()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.active = false;
        facts.revoked = true;
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(anyContains(health.problems, u"revoked"_s));
        QCOMPARE(health.canRead.ability, Ability::No);
    }

    void gitLabRejected()
    {
        GitLabTokenFacts facts;
        facts.selfStatus = 401;
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(!health.accepted);
        QVERIFY(anyContains(health.problems, u"401"_s));
    }

    void gitLabExpiringSoon()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.expiresAt = QDate(2026, 11, 28);
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(health.expiresSoon);
        QVERIFY(anyContains(health.warnings, u"2026-11-28"_s));
        QCOMPARE(health.canRead.ability, Ability::Yes);
    }

    void gitLabTokenStopsAtTheStartOfItsDay()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.expiresAt = QDate(2026, 11, 25);  // today, and it is 08:00 UTC
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(health.expired);
        QCOMPARE(health.canRead.ability, Ability::No);
        QCOMPARE(health.overall(), HealthSeverity::Problem);
    }

    void oldGitLabFallsBackToUser()
    {
        GitLabTokenFacts facts;
        facts.selfStatus = 404;
        facts.userStatus = 200;
        facts.login = u"robertodr"_s;
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(health.accepted);
        QCOMPARE(health.login, u"robertodr"_s);
        QCOMPARE(health.overall(), HealthSeverity::Warning);
    }

    void jsonCarriesVerdicts()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = QStringList {u"gist"_s};
        const QJsonObject json = evaluateGitHubToken(facts, kNow).toJson();
        QCOMPARE(json.value("login"_L1).toString(), u"robertodr"_s);
        QCOMPARE(json.value("canDispatch"_L1).toObject().value("ability"_L1).toString(), u"no"_s);
        QCOMPARE(json.value("severity"_L1).toString(), u"problem"_s);
        QVERIFY(json.value("expiresAt"_L1).isNull());
    }
};

QTEST_GUILESS_MAIN(TestTokenHealth)
#include "tst_tokenhealth.moc"
