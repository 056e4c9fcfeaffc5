// SPDX-License-Identifier: BSD-3-Clause
// ForgeTokenHealthCheck: the real forge clients and transport against a scripted loopback
// server, so the facts the health rules see are what a forge's answers really produce.
#include "forge/testhttpserver.h"
#include "secrets/forgetokenhealthcheck.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rc::secrets;
using rc::forge::test::answer;
using rc::forge::test::HttpRequest;
using rc::forge::test::TestHttpServer;

namespace {

constexpr char kGitHubCanary[] = "ghp_RCCANARYhealth0123456789abcdef";
constexpr char kFineGrained[] = "github_pat_11RCCANARY0123456789";
constexpr char kGitLabCanary[] = "glpat-RCCANARYhealth0123";
const QDateTime kNow(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);

}  // namespace

class TestForgeTokenHealthCheck : public QObject
{
    Q_OBJECT

private:
    QCA::Initializer m_secureMemory;
    QNetworkAccessManager m_network;
    std::unique_ptr<TestHttpServer> m_api;
    std::unique_ptr<ForgeTokenHealthCheck> m_check;

    TokenHealthReport run(const TokenKey &key, QByteArrayView token)
    {
        std::optional<TokenHealthReport> report;
        QObject context;
        m_check->check(key, QCA::SecureArray(token.toByteArray()), &context,
                       [&report](TokenHealthReport value) { report = std::move(value); });
        if (!QTest::qWaitFor([&report] { return report.has_value(); }, 20000))
            return TokenHealthReport {u"test gave up"_s, {}};
        return *report;
    }

private slots:
    void init()
    {
        m_api = std::make_unique<TestHttpServer>();
        QVERIFY(m_api->listen());
        const QUrl api = m_api->url();
        m_check = std::make_unique<ForgeTokenHealthCheck>(
            &m_network, [] { return kNow; },
            [api](const TokenKey &key) {
                return api.resolved(QUrl(key.forge == Forge::GitHub ? u"/api/v3"_s : u"/api/v4"_s));
            });
    }

    void cleanup()
    {
        m_check.reset();
        m_api.reset();
    }

    void defaultApiBases()
    {
        QCOMPARE(ForgeTokenHealthCheck::defaultApiBase({Forge::GitHub, u"api.github.com"_s}),
                 QUrl(u"https://api.github.com"_s));
        QCOMPARE(ForgeTokenHealthCheck::defaultApiBase({Forge::GitHub, u"ghe.corp:8443"_s}),
                 QUrl(u"https://ghe.corp:8443/api/v3"_s));
        QCOMPARE(ForgeTokenHealthCheck::defaultApiBase({Forge::GitLab, u"gitlab.example.org"_s}),
                 QUrl(u"https://gitlab.example.org/api/v4"_s));
        // The local sandbox: plain HTTP on loopback only.
        QCOMPARE(ForgeTokenHealthCheck::defaultApiBase({Forge::GitLab, u"127.0.0.1:18080"_s}),
                 QUrl(u"http://127.0.0.1:18080/api/v4"_s));
        QCOMPARE(ForgeTokenHealthCheck::defaultApiBase({Forge::GitHub, u"localhost:8080"_s}),
                 QUrl(u"http://localhost:8080/api/v3"_s));
        QCOMPARE(ForgeTokenHealthCheck::defaultApiBase({Forge::GitHub, u"127.example.org"_s}),
                 QUrl(u"https://127.example.org/api/v3"_s));
    }

    void classicWithRepoExpiringInThreeDays()
    {
        m_api->setHandler([](const HttpRequest &) {
            return answer(200, R"({"login":"robertodr","id":1})",
                          {{"X-OAuth-Scopes", "repo, workflow"},
                           {"GitHub-Authentication-Token-Expiration", "2026-11-28 08:00:00 UTC"}});
        });
        const TokenHealthReport report = run({Forge::GitHub, u"api.github.com"_s}, kGitHubCanary);
        QVERIFY2(!report.networkError, qPrintable(report.networkError.value_or(QString())));
        QCOMPARE(report.health.login, u"robertodr"_s);
        QCOMPARE(report.health.kind, u"classic"_s);
        QCOMPARE(report.health.canDispatch.ability, Ability::Yes);
        QVERIFY(report.health.expiresSoon);
        QCOMPARE(report.health.overall(), HealthSeverity::Warning);
        // The token went to the API in the header, and only there.
        QCOMPARE(m_api->requests().constFirst().headers.value("authorization"),
                 QByteArray("Bearer ") + kGitHubCanary);
    }

    void classicWithoutRepo()
    {
        m_api->setHandler([](const HttpRequest &) {
            return answer(200, R"({"login":"robertodr","id":1})", {{"X-OAuth-Scopes", "gist"}});
        });
        const TokenHealthReport report = run({Forge::GitHub, u"api.github.com"_s}, kGitHubCanary);
        QCOMPARE(report.health.canDispatch.ability, Ability::No);
        QVERIFY(report.health.canDispatch.reason.contains(u"'repo'"_s));
    }

    void fineGrainedWithoutWorkflowAccess()
    {
        m_check->setGitHubWorkflow(
            GitHubWorkflowTarget {u"VeloxChem"_s, u"meta-vlx"_s, u"deploy-cxx.yml"_s});
        m_api->setHandler([](const HttpRequest &request) {
            if (request.path().endsWith("/user"))
                return answer(200, R"({"login":"robertodr","id":1})");
            return answer(404, R"({"message":"Not Found"})",
                          {{"X-Accepted-GitHub-Permissions", "actions=read"}});
        });
        const TokenHealthReport report = run({Forge::GitHub, u"api.github.com"_s}, kFineGrained);
        QCOMPARE(report.health.kind, u"fine-grained"_s);
        QCOMPARE(report.health.canRead.ability, Ability::No);
        QVERIFY2(report.health.canRead.reason.contains(u"actions=read"_s),
                 qPrintable(report.health.canRead.reason));
        QCOMPARE(m_api->requests().size(), 2);
        QCOMPARE(m_api->requests().at(1).path(),
                 QByteArray("/api/v3/repos/VeloxChem/meta-vlx/actions/workflows/deploy-cxx.yml"));
    }

    void revokedGitHubToken()
    {
        m_api->setHandler(
            [](const HttpRequest &) { return answer(401, R"({"message":"Bad credentials"})"); });
        const TokenHealthReport report = run({Forge::GitHub, u"api.github.com"_s}, kGitHubCanary);
        QVERIFY(!report.networkError);
        QVERIFY(!report.health.accepted);
        QCOMPARE(report.health.overall(), HealthSeverity::Problem);
    }

    void gitLabWithoutReadApi()
    {
        m_api->setHandler([](const HttpRequest &request) {
            if (request.path().endsWith("/personal_access_tokens/self"))
                return answer(200, R"({"id":4,"name":"rc","revoked":false,"active":true,
                                       "scopes":["read_repository"],"expires_at":null})");
            return answer(200, R"({"id":3,"username":"robertodr"})");
        });
        const TokenHealthReport report =
            run({Forge::GitLab, u"gitlab.example.org"_s}, kGitLabCanary);
        QVERIFY2(!report.networkError, qPrintable(report.networkError.value_or(QString())));
        QCOMPARE(report.health.login, u"robertodr"_s);
        QCOMPARE(report.health.canRead.ability, Ability::No);
        QVERIFY(report.health.canRead.reason.contains(u"read_api"_s));
        QCOMPARE(m_api->requests().constFirst().headers.value("private-token"),
                 QByteArray(kGitLabCanary));
    }

    void gitLabInactive()
    {
        m_api->setHandler([](const HttpRequest &request) {
            if (request.path().endsWith("/personal_access_tokens/self"))
                return answer(200, R"({"id":4,"name":"rc","revoked":false,"active":false,
                                       "scopes":["read_api"],"expires_at":"2026-11-01"})");
            return answer(200, R"({"id":3,"username":"robertodr"})");
        });
        const TokenHealthReport report =
            run({Forge::GitLab, u"gitlab.example.org"_s}, kGitLabCanary);
        QCOMPARE(report.health.overall(), HealthSeverity::Problem);
        QVERIFY(report.health.expired);
    }

    void answersOnlyWhileTheContextLives()
    {
        m_api->setHandler([](const HttpRequest &) {
            return answer(200, R"({"login":"robertodr","id":1})", {{"X-OAuth-Scopes", "repo"}});
        });
        bool answered = false;
        {
            QObject context;
            m_check->check({Forge::GitHub, u"api.github.com"_s},
                           QCA::SecureArray(QByteArray(kGitHubCanary)), &context,
                           [&answered](const TokenHealthReport &) { answered = true; });
        }
        // A second check, asked after, answers: the first one had its chance to answer too.
        const TokenHealthReport report = run({Forge::GitHub, u"api.github.com"_s}, kGitHubCanary);
        QCOMPARE(report.health.login, u"robertodr"_s);
        // Both checks' sessions are gone, so the first can never answer.
        QTRY_VERIFY(m_check->findChildren<QObject *>(Qt::FindDirectChildrenOnly).isEmpty());
        QVERIFY(!answered);
    }

    void unreachableForgeIsNotATokenVerdict()
    {
        m_api->setHandler([](const HttpRequest &) { return answer(503, R"({"message":"down"})"); });
        const TokenHealthReport report =
            run({Forge::GitLab, u"gitlab.example.org"_s}, kGitLabCanary);
        QVERIFY(report.networkError);
        QVERIFY(!report.networkError->contains(QLatin1StringView(kGitLabCanary)));
    }
};

QTEST_GUILESS_MAIN(TestForgeTokenHealthCheck)
#include "tst_forgetokenhealthcheck.moc"
