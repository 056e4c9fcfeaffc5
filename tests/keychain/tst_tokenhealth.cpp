// Token health as pure functions: facts a forge answered in, verdicts out, with a fixed clock.
#include "secrets/tokenhealth.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rc::secrets;

namespace {

const QDateTime kNow(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);

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
    void kindFromPrefix_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("scopesHeader");
        QTest::addColumn<GitHubTokenKind>("expected");
        QTest::newRow("ghp_") << QByteArray("ghp_abc") << true << GitHubTokenKind::Classic;
        QTest::newRow("github_pat_")
            << QByteArray("github_pat_11AB") << false << GitHubTokenKind::FineGrained;
        QTest::newRow("gho_") << QByteArray("gho_x") << true << GitHubTokenKind::OAuthApp;
        QTest::newRow("old hex, scopes sent")
            << QByteArray("0123abcd") << true << GitHubTokenKind::Classic;
        QTest::newRow("old hex, no scopes")
            << QByteArray("0123abcd") << false << GitHubTokenKind::Unknown;
    }

    void kindFromPrefix()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, scopesHeader);
        QFETCH(GitHubTokenKind, expected);
        QCOMPARE(gitHubTokenKind(token, scopesHeader), expected);
    }

    void parsesGitHubExpiration_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("UTC") << u"2026-12-01 10:00:00 UTC"_s
                             << QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::UTC);
        QTest::newRow("offset") << u"2026-12-01 10:00:00 -0700"_s
                                << QDateTime(QDate(2026, 12, 1), QTime(17, 0), QTimeZone::UTC);
        QTest::newRow("garbage") << u"next tuesday"_s << QDateTime();
        QTest::newRow("bad zone") << u"2026-12-01 10:00:00 CEST"_s << QDateTime();
        QTest::newRow("bad date") << u"2026-13-01 10:00:00 UTC"_s << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }

    void parsesGitHubExpiration()
    {
        QFETCH(QString, header);
        QFETCH(QDateTime, expected);
        const std::optional<QDateTime> parsed = parseGitHubTokenExpiration(header);
        QCOMPARE(parsed.has_value(), expected.isValid());
        if (parsed)
            QCOMPARE(*parsed, expected);
    }

    void readsGitHubUserResponse()
    {
        GitHubTokenFacts facts;
        facts.kind = GitHubTokenKind::Classic;
        readGitHubUserResponse(
            facts, 200,
            {{"x-oauth-scopes", "repo, workflow"},
             {"GitHub-Authentication-Token-Expiration", "2027-12-01 10:00:00 UTC"}},
            R"({"login":"robertodr","id":1})");
        QCOMPARE(facts.login, u"robertodr"_s);
        QCOMPARE(facts.oauthScopes.value_or(QString()), u"repo, workflow"_s);
        QCOMPARE(facts.expiration, u"2027-12-01 10:00:00 UTC"_s);
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.scopes, QStringList({u"repo"_s, u"workflow"_s}));
        QVERIFY(!health.expiresSoon);
    }

    void classicWithRepoCanDispatch()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = u"repo, read:org"_s;
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
        facts.oauthScopes = u"read:user, gist"_s;
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
        facts.workflowRead = readHttpCheck(200, {});
        facts.runsRead = readHttpCheck(200, {});
        facts.dispatchCheck =
            readHttpCheck(403, {{"X-Accepted-GitHub-Permissions", "actions=write"}});
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
        facts.workflowRead = readHttpCheck(200, {});
        facts.dispatchCheck = readHttpCheck(422, {});
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.canDispatch.ability, Ability::Yes);
        QCOMPARE(health.overall(), HealthSeverity::Ok);
    }

    void fineGrainedWithoutRepositoryAccess()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::FineGrained);
        facts.workflowRead =
            readHttpCheck(404, {{"X-Accepted-GitHub-Permissions", "actions=read"}});
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
        readGitHubUserResponse(facts, 401, {}, R"({"message":"Bad credentials"})");
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QVERIFY(!health.accepted);
        QVERIFY(anyContains(health.problems, u"401"_s));
        QCOMPARE(health.canDispatch.ability, Ability::No);
        QCOMPARE(health.overall(), HealthSeverity::Problem);
    }

    void expiryWindow_data()
    {
        QTest::addColumn<QString>("expiration");
        QTest::addColumn<bool>("soon");
        QTest::addColumn<bool>("expired");
        QTest::newRow("in 3 days") << u"2026-11-28 08:00:00 UTC"_s << true << false;
        QTest::newRow("in 14 days exactly") << u"2026-12-09 08:00:00 UTC"_s << true << false;
        QTest::newRow("in 15 days") << u"2026-12-10 08:00:00 UTC"_s << false << false;
        QTest::newRow("an hour ago") << u"2026-11-25 07:00:00 UTC"_s << false << true;
    }

    void expiryWindow()
    {
        QFETCH(QString, expiration);
        QFETCH(bool, soon);
        QFETCH(bool, expired);
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = u"repo"_s;
        facts.expiration = expiration;
        const TokenHealth health = evaluateGitHubToken(facts, kNow);
        QCOMPARE(health.expiresSoon, soon);
        QCOMPARE(health.expired, expired);
        QCOMPARE(anyContains(health.warnings, expiration.left(10)), soon);
        QCOMPARE(health.overall(),
                 expired ? HealthSeverity::Problem
                         : (soon ? HealthSeverity::Warning : HealthSeverity::Ok));
    }

    void expiringInThreeDaysSaysWhen()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = u"repo"_s;
        facts.expiration = u"2026-11-28 08:00:00 UTC"_s;
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
        GitLabTokenFacts facts;
        readGitLabTokenSelfResponse(facts, 200,
                                    R"({"id":4,"name":"rc","revoked":false,"active":true,
                                        "scopes":["read_api","read_user"],"expires_at":"2027-06-01"})");
        readGitLabUserResponse(facts, 200, R"({"username":"robertodr"})");
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
        readGitLabTokenSelfResponse(facts, 401, R"({"message":"401 Unauthorized"})");
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(!health.accepted);
        QVERIFY(anyContains(health.problems, u"401"_s));
    }

    void gitLabExpiringSoon()
    {
        GitLabTokenFacts facts = activeGitLabToken();
        facts.expiresAt = u"2026-11-28"_s;
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(health.expiresSoon);
        QVERIFY(anyContains(health.warnings, u"2026-11-28"_s));
        QCOMPARE(health.canRead.ability, Ability::Yes);
    }

    void oldGitLabFallsBackToUser()
    {
        GitLabTokenFacts facts;
        readGitLabTokenSelfResponse(facts, 404, {});
        readGitLabUserResponse(facts, 200, R"({"username":"robertodr"})");
        const TokenHealth health = evaluateGitLabToken(facts, kNow);
        QVERIFY(health.accepted);
        QCOMPARE(health.login, u"robertodr"_s);
        QCOMPARE(health.overall(), HealthSeverity::Warning);
    }

    void jsonCarriesVerdicts()
    {
        GitHubTokenFacts facts = acceptedGitHubToken(GitHubTokenKind::Classic);
        facts.oauthScopes = u"gist"_s;
        const QJsonObject json = evaluateGitHubToken(facts, kNow).toJson();
        QCOMPARE(json.value("login"_L1).toString(), u"robertodr"_s);
        QCOMPARE(json.value("canDispatch"_L1).toObject().value("ability"_L1).toString(), u"no"_s);
        QCOMPARE(json.value("severity"_L1).toString(), u"problem"_s);
        QVERIFY(json.value("expiresAt"_L1).isNull());
    }
};

QTEST_GUILESS_MAIN(TestTokenHealth)
#include "tst_tokenhealth.moc"
