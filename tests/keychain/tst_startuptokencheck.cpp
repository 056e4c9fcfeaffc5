// SPDX-License-Identifier: BSD-3-Clause
// The start-up token policy: a real TokenStore over the in-memory keychain stand-in, a scripted
// health check, and one verdict per forge out: missing, locked, unusable, expiring, fine, or no
// keychain at all.
#include "secrets/startuptokencheck.h"
#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"
#include "support/fakekeychain.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace rc::secrets;
using rc::test::FakeKeychain;
using Kind = StartupTokenVerdict::Kind;

namespace {

const QDateTime kNow(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
const TokenKey kGitHub {Forge::GitHub, u"api.github.com"_s};
const TokenKey kGitLab {Forge::GitLab, u"gitlab.com"_s};
const TokenKey kSelfHostedGitLab {Forge::GitLab, u"gitlab.example.org"_s};

TokenHealthReport gitHubAnswer(int status, std::optional<QDateTime> expiresAt = std::nullopt,
                               QStringList scopes = {u"repo"_s})
{
    GitHubTokenFacts facts;
    facts.kind = rc::forge::GitHubTokenKind::Classic;
    facts.userStatus = status;
    facts.login = u"robertodr"_s;
    facts.oauthScopes = std::move(scopes);
    facts.expiresAt = std::move(expiresAt);
    return TokenHealthReport {std::nullopt, evaluateGitHubToken(facts, kNow)};
}

TokenHealthReport gitLabAnswer()
{
    GitLabTokenFacts facts;
    facts.selfStatus = 200;
    facts.active = true;
    facts.scopes = {u"read_api"_s};
    facts.login = u"robertodr"_s;
    return TokenHealthReport {std::nullopt, evaluateGitLabToken(facts, kNow)};
}

// Answers what the test scripted for each account (a healthy token when nothing was), later,
// and only while the caller's context lives.
class ScriptedHealthCheck final : public TokenHealthCheck
{
public:
    QHash<QString, TokenHealthReport> answers;  // by account
    QStringList asked;                          // accounts, in order
    QList<QByteArray> tokens;

    void check(const TokenKey &key, const QCA::SecureArray &token, QObject *context,
               Done done) override
    {
        asked << key.account();
        tokens << token.toByteArray();
        const TokenHealthReport report = answers.value(
            key.account(), key.forge == Forge::GitHub ? gitHubAnswer(200) : gitLabAnswer());
        QTimer::singleShot(0, context, [done, report] { done(report); });
    }
};

// A keychain that lists its entries but refuses to hand any over.
class RefusingBackend final : public KeychainBackend
{
public:
    void read(const QString &, const QString &, Done done) override
    {
        QTimer::singleShot(0, &m_context, [done] {
            KeychainReply reply;
            reply.error = KeychainError {KeychainErrorKind::AccessDenied, u"dismissed"_s};
            done(reply);
        });
    }
    void write(const QString &, const QString &, const QCA::SecureArray &, Done) override { }
    void remove(const QString &, const QString &, Done) override { }

private:
    QObject m_context;
};

}  // namespace

class TestStartupTokenCheck : public QObject
{
    Q_OBJECT

private:
    QCA::Initializer m_secureMemory;
    FakeKeychain m_keychain;
    ScriptedHealthCheck m_healthCheck;
    std::unique_ptr<TokenStore> m_store;

    void makeStore(std::unique_ptr<KeychainBackend> backend = {})
    {
        if (!backend)
            backend = std::make_unique<rc::test::FakeKeychainBackend>(m_keychain);
        m_store = std::make_unique<TokenStore>(
            std::move(backend), std::make_unique<rc::test::FakeKeychainProbe>(m_keychain));
    }

    // Runs a start to its end and returns the verdicts, checking there is one per forge.
    QList<StartupTokenVerdict> runCheck(TokenHealthCheck *healthCheck)
    {
        if (!m_store)
            makeStore();
        StartupTokenCheck check(*m_store, healthCheck);
        QSignalSpy finished(&check, &StartupTokenCheck::finished);
        QSignalSpy verdicts(&check, &StartupTokenCheck::verdictReady);
        check.start();
        [&] {
            QVERIFY(check.isRunning());
        }();
        if (!finished.wait(5000))
            return {};
        [&] {
            QVERIFY(!check.isRunning());
            QCOMPARE(finished.size(), 1);
            QCOMPARE(verdicts.size(), 2);
            QCOMPARE(check.verdicts().size(), 2);
        }();
        return check.verdicts();
    }

    static StartupTokenVerdict of(const QList<StartupTokenVerdict> &verdicts, Forge forge)
    {
        for (const StartupTokenVerdict &verdict : verdicts) {
            if (verdict.forge == forge)
                return verdict;
        }
        return {};
    }

private slots:
    void init()
    {
        m_keychain = {};
        m_healthCheck.answers.clear();
        m_healthCheck.asked.clear();
        m_healthCheck.tokens.clear();
        m_store.reset();
    }

    void healthyTokensAreOk()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        m_keychain.entries.insert(kGitLab.account(), "glpat-stored");
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(verdicts.size(), 2);
        for (const StartupTokenVerdict &verdict : verdicts) {
            QCOMPARE(verdict.kindId(), u"ok"_s);
            QVERIFY(verdict.checked);
        }
        QCOMPARE(of(verdicts, Forge::GitHub).key, kGitHub);
        QCOMPARE(of(verdicts, Forge::GitLab).key, kGitLab);
        QCOMPARE(m_healthCheck.asked.size(), 2);
        QVERIFY(m_healthCheck.tokens.contains(QByteArray("ghp_stored")));
    }

    void anyHostOfAForgeCounts()
    {
        // GitHub has no token; the self-hosted GitLab one is enough for GitLab.
        m_keychain.entries.insert(kSelfHostedGitLab.account(), "glpat-stored");
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(verdicts.size(), 2);
        QCOMPARE(verdicts.constFirst().forge, Forge::GitHub);  // known at once, so said first
        QCOMPARE(verdicts.constFirst().kind, Kind::Missing);
        QCOMPARE(verdicts.constFirst().key, kGitHub);
        QCOMPARE(of(verdicts, Forge::GitLab).kind, Kind::Ok);
        QCOMPARE(of(verdicts, Forge::GitLab).key, kSelfHostedGitLab);
        QCOMPARE(m_healthCheck.asked, QStringList {kSelfHostedGitLab.account()});
    }

    void nothingStoredIsMissingTwice()
    {
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(verdicts.size(), 2);
        QCOMPARE(of(verdicts, Forge::GitHub).kind, Kind::Missing);
        QCOMPARE(of(verdicts, Forge::GitLab).kind, Kind::Missing);
        QCOMPARE(of(verdicts, Forge::GitLab).key, kGitLab);
        QVERIFY(m_healthCheck.asked.isEmpty());
    }

    void expiringTokenSaysWhen()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        m_keychain.entries.insert(kGitLab.account(), "glpat-stored");
        const QDateTime expiresAt(QDate(2026, 11, 28), QTime(8, 0), QTimeZone::UTC);
        m_healthCheck.answers.insert(kGitHub.account(), gitHubAnswer(200, expiresAt));
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        const StartupTokenVerdict github = of(verdicts, Forge::GitHub);
        QCOMPARE(github.kind, Kind::ExpiresSoon);
        QCOMPARE(github.kindId(), u"expires-soon"_s);
        QCOMPARE(github.expiresAt, expiresAt);
        QCOMPARE(github.warnings.size(), 1);
        QVERIFY2(github.warnings.constFirst().contains(u"in 3 days"_s),
                 qPrintable(github.warnings.constFirst()));
        QCOMPARE(of(verdicts, Forge::GitLab).kind, Kind::Ok);
    }

    void expiryFarAwayIsOk()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        m_healthCheck.answers.insert(
            kGitHub.account(),
            gitHubAnswer(200, QDateTime(QDate(2027, 6, 1), QTime(8, 0), QTimeZone::UTC)));
        QCOMPARE(of(runCheck(&m_healthCheck), Forge::GitHub).kind, Kind::Ok);
    }

    void rejectedTokenIsUnusable()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_revoked");
        m_healthCheck.answers.insert(kGitHub.account(), gitHubAnswer(401));
        const StartupTokenVerdict github = of(runCheck(&m_healthCheck), Forge::GitHub);
        QCOMPARE(github.kind, Kind::Unusable);
        QVERIFY(github.checked);
        QVERIFY2(github.reason.contains(u"401"_s), qPrintable(github.reason));
    }

    void acceptedButUnableIsUnusable()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_gist_only");
        m_healthCheck.answers.insert(kGitHub.account(),
                                     gitHubAnswer(200, std::nullopt, {u"gist"_s}));
        const StartupTokenVerdict github = of(runCheck(&m_healthCheck), Forge::GitHub);
        QCOMPARE(github.kind, Kind::Unusable);
        QVERIFY2(github.reason.contains(u"'repo'"_s), qPrintable(github.reason));
    }

    void rejectedWithoutAReasonSaysWhoRejected()
    {
        m_keychain.entries.insert(kGitLab.account(), "glpat-stored");
        const TokenHealthReport refused;  // not accepted, and no problem named
        m_healthCheck.answers.insert(kGitLab.account(), refused);
        const StartupTokenVerdict gitlab = of(runCheck(&m_healthCheck), Forge::GitLab);
        QCOMPARE(gitlab.kind, Kind::Unusable);
        QCOMPARE(gitlab.reason, u"GitLab rejected this token."_s);
    }

    void offlineSaysNothingAboutTheToken()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        m_keychain.entries.insert(kGitLab.account(), "glpat-stored");
        m_healthCheck.answers.insert(kGitHub.account(),
                                     TokenHealthReport {u"Host not found"_s, {}});
        m_healthCheck.answers.insert(kGitLab.account(),
                                     TokenHealthReport {u"Connection refused"_s, {}});
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        for (const StartupTokenVerdict &verdict : verdicts) {
            QCOMPARE(verdict.kind, Kind::Ok);
            QVERIFY(!verdict.checked);
        }
        QCOMPARE(verdicts.size(), 2);
    }

    void withoutAHealthCheckStoredIsOkUnchecked()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        const QList<StartupTokenVerdict> verdicts = runCheck(nullptr);
        QCOMPARE(of(verdicts, Forge::GitHub).kind, Kind::Ok);
        QVERIFY(!of(verdicts, Forge::GitHub).checked);
        QCOMPARE(of(verdicts, Forge::GitLab).kind, Kind::Missing);
    }

    void lockedKeyringIsNotMissing()
    {
        m_keychain.lockedEntryCount = 2;
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(of(verdicts, Forge::GitHub).kind, Kind::Locked);
        QCOMPARE(of(verdicts, Forge::GitHub).kindId(), u"locked"_s);
        QCOMPARE(of(verdicts, Forge::GitLab).kind, Kind::Locked);
        QCOMPARE(of(verdicts, Forge::GitLab).key, kGitLab);
        QVERIFY(m_healthCheck.asked.isEmpty());
    }

    void visibleTokenWinsOverALockedCollection()
    {
        m_keychain.lockedEntryCount = 1;
        m_keychain.entries.insert(kGitLab.account(), "glpat-stored");
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(of(verdicts, Forge::GitHub).kind, Kind::Locked);
        QCOMPARE(of(verdicts, Forge::GitLab).kind, Kind::Ok);
    }

    void keychainUnavailableForEveryForge()
    {
        m_keychain.problem = KeychainError {KeychainErrorKind::NoSecretService, {}};
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(verdicts.size(), 2);
        for (const StartupTokenVerdict &verdict : verdicts) {
            QCOMPARE(verdict.kind, Kind::KeychainUnavailable);
            QCOMPARE(verdict.kindId(), u"keychain-unavailable"_s);
            QVERIFY(verdict.keychainError);
            QCOMPARE(verdict.keychainError->kind, KeychainErrorKind::NoSecretService);
        }
        QVERIFY(m_healthCheck.asked.isEmpty());
        QCOMPARE(m_keychain.writes, 0);
        QCOMPARE(m_keychain.removals, 0);
    }

    void unreadableEntryIsAKeychainVerdict()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        makeStore(std::make_unique<RefusingBackend>());
        const StartupTokenVerdict github = of(runCheck(&m_healthCheck), Forge::GitHub);
        QCOMPARE(github.kind, Kind::KeychainUnavailable);
        QCOMPARE(github.key, kGitHub);
        QCOMPARE(github.keychainError.value_or(KeychainError {}).kind,
                 KeychainErrorKind::AccessDenied);
        QVERIFY(m_healthCheck.asked.isEmpty());
    }

    void thisRunTokenCounts()
    {
        makeStore();
        m_store->keepForThisRunOnly(kGitHub, QCA::SecureArray(QByteArray("ghp_this_run")));
        const QList<StartupTokenVerdict> verdicts = runCheck(&m_healthCheck);
        QCOMPARE(of(verdicts, Forge::GitHub).kind, Kind::Ok);
        QVERIFY(of(verdicts, Forge::GitHub).checked);
        QCOMPARE(m_healthCheck.tokens, QList<QByteArray> {QByteArray("ghp_this_run")});
    }

    void startingOverDropsTheEarlierStart()
    {
        m_keychain.entries.insert(kGitHub.account(), "ghp_stored");
        makeStore();
        StartupTokenCheck check(*m_store, &m_healthCheck);
        QSignalSpy finished(&check, &StartupTokenCheck::finished);
        QSignalSpy verdicts(&check, &StartupTokenCheck::verdictReady);
        check.start();
        check.start();
        QVERIFY(finished.wait(5000));
        // Both keychain answers came before the forge's: the first start's was dropped.
        QCOMPARE(m_healthCheck.asked.size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(verdicts.size(), 2);
        QCOMPARE(check.verdicts().size(), 2);
    }

    void aReceiverMayStartOver()
    {
        makeStore();
        StartupTokenCheck check(*m_store, &m_healthCheck);
        QSignalSpy finished(&check, &StartupTokenCheck::finished);
        int restarts = 0;
        connect(&check, &StartupTokenCheck::verdictReady, this,
                [&check, &restarts](const StartupTokenVerdict &) {
                    if (restarts++ == 0)
                        check.start();  // e.g. the dialog it opened was closed at once
                });
        check.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(check.verdicts().size(), 2);
        QCOMPARE(restarts, 3);  // the first start said one verdict, the second both
    }
};

QTEST_GUILESS_MAIN(TestStartupTokenCheck)
#include "tst_startuptokencheck.moc"
