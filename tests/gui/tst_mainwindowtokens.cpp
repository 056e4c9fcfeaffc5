// SPDX-License-Identifier: BSD-3-Clause
// The main window's token wiring: a missing token opens the Tokens dialog on it, an expiring one
// is named in the status bar, a rejected one opens the dialog with the forge's reason.
#include "mainwindow.h"
#include "secrets/tokenhealth.h"
#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"
#include "support/fakekeychain.h"
#include "tokensdialog.h"

#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace rc::secrets;

namespace {

const QDateTime kNow(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);

// Answers as GitHub/GitLab would for a token expiring at `expiration` (or one they reject).
class ScriptedHealthCheck final : public TokenHealthCheck
{
public:
    QDateTime expiration = QDateTime(QDate(2027, 6, 1), QTime(8, 0), QTimeZone::UTC);
    bool rejected = false;
    int checks = 0;
    int answered = 0;  // after the window has had the answer

    void check(const TokenKey &key, const QCA::SecureArray &, QObject *context, Done done) override
    {
        ++checks;
        QTimer::singleShot(0, context, [this, key, done] {
            if (key.forge == Forge::GitLab) {
                GitLabTokenFacts facts;
                facts.selfStatus = 200;
                facts.active = true;
                facts.scopes = {u"read_api"_s};
                done(TokenHealthReport {std::nullopt, evaluateGitLabToken(facts, kNow)});
                ++answered;
                return;
            }
            GitHubTokenFacts facts;
            facts.kind = rc::forge::GitHubTokenKind::Classic;
            facts.userStatus = rejected ? 401 : 200;
            facts.login = u"robertodr"_s;
            facts.oauthScopes = QStringList {u"repo"_s, u"workflow"_s};
            facts.expiresAt = expiration;
            done(TokenHealthReport {std::nullopt, evaluateGitHubToken(facts, kNow)});
            ++answered;
        });
    }
};

}  // namespace

class TestMainWindowTokens : public QObject
{
    Q_OBJECT

private:
    QCA::Initializer m_secureMemory;
    rc::test::FakeKeychain m_keychain;
    std::unique_ptr<TokenStore> m_store;
    ScriptedHealthCheck m_healthCheck;
    std::unique_ptr<rc::ui::MainWindow> m_window;

    void startWindow()
    {
        m_store = std::make_unique<TokenStore>(
            std::make_unique<rc::test::FakeKeychainBackend>(m_keychain),
            std::make_unique<rc::test::FakeKeychainProbe>(m_keychain));
        m_window = std::make_unique<rc::ui::MainWindow>([] { return kNow; });
        m_window->show();
        m_window->setTokenServices(m_store.get(), &m_healthCheck);
    }
    QString rowMessage(const QString &account) const
    {
        auto *row = m_window->tokensDialog()->findChild<QGroupBox *>(u"row-"_s + account);
        return row ? row->findChild<QLabel *>(u"messageLabel"_s)->text() : QString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_keychain = {};
        m_healthCheck.expiration = QDateTime(QDate(2027, 6, 1), QTime(8, 0), QTimeZone::UTC);
        m_healthCheck.rejected = false;
        m_healthCheck.checks = 0;
        m_healthCheck.answered = 0;
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
    }

    void missingTokenOpensTheDialogOnIt()
    {
        m_keychain.entries.insert(u"gitlab:gitlab.example.org"_s, "glpat-stored");
        startWindow();
        QTRY_VERIFY(m_window->tokensDialog());
        QTRY_VERIFY(m_window->tokensDialog()->isVisible());
        // GitHub has no token; the self-hosted GitLab one is enough for GitLab.
        QTRY_VERIFY2(rowMessage(u"github:api.github.com"_s).contains(u"No GitHub token"_s),
                     qPrintable(rowMessage(u"github:api.github.com"_s)));
        QVERIFY(!rowMessage(u"gitlab:gitlab.com"_s).contains(u"No GitLab token"_s));
    }

    void expiringTokenIsNamedInTheStatusBar()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_stored");
        m_keychain.entries.insert(u"gitlab:gitlab.com"_s, "glpat-stored");
        m_healthCheck.expiration = QDateTime(QDate(2026, 11, 28), QTime(8, 0), QTimeZone::UTC);
        startWindow();
        QTRY_VERIFY2(m_window->tokenStatusText().contains(u"expires on"_s),
                     qPrintable(m_window->tokenStatusText()));
        QVERIFY(m_window->tokenStatusText().contains(u"GitHub"_s));
        QVERIFY(!m_window->tokensDialog());  // a warning, not an interruption
        QCOMPARE(m_healthCheck.checks, 2);
    }

    void healthyTokensStayQuiet()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_stored");
        m_keychain.entries.insert(u"gitlab:gitlab.com"_s, "glpat-stored");
        startWindow();
        QTRY_COMPARE(m_healthCheck.answered, 2);
        QVERIFY(!m_window->tokensDialog());
        QVERIFY(m_window->tokenStatusText().isEmpty());
    }

    void rejectedTokenOpensTheDialog()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_revoked");
        m_keychain.entries.insert(u"gitlab:gitlab.com"_s, "glpat-stored");
        m_healthCheck.rejected = true;
        startWindow();
        QTRY_VERIFY(m_window->tokensDialog() && m_window->tokensDialog()->isVisible());
        QTRY_VERIFY(!rowMessage(u"github:api.github.com"_s).isEmpty());
        QVERIFY(m_window->tokenStatusText().contains(u"unusable"_s));
    }

    void keychainProblemIsShownNotHidden()
    {
        m_keychain.problem = KeychainError {KeychainErrorKind::NoSecretService, {}};
        startWindow();
        QTRY_COMPARE(m_window->tokenStatusText(), u"Keychain unavailable"_s);
        QCOMPARE(m_keychain.writes, 0);
        QCOMPARE(m_keychain.removals, 0);
    }

    void toolsMenuOpensTheDialog()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_stored");
        m_keychain.entries.insert(u"gitlab:gitlab.com"_s, "glpat-stored");
        startWindow();
        auto *action = m_window->findChild<QAction *>(u"openTokens"_s);
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QVERIFY(m_window->tokensDialog() && m_window->tokensDialog()->isVisible());
    }
};

QTEST_MAIN(TestMainWindowTokens)
#include "tst_mainwindowtokens.moc"
