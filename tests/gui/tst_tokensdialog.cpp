// SPDX-License-Identifier: BSD-3-Clause
// The Tokens dialog driven like a user would, on top of a real TokenStore whose keychain is an
// in-memory stand-in (the real keychain is covered by tests/keychain): masked entry, show/hide,
// paste, save, remove, test, inline errors for a locked keyring, the this-run-only banner.
#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"
#include "support/fakekeychain.h"
#include "tokensdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace rc::secrets;
using rc::test::FakeKeychain;

namespace {

constexpr char kCanary[] = "ghp_RCCANARYgui0123456789abcdefABCDEF";

// Answers like the forge would for a classic token about to expire, and records what it saw.
class FakeHealthCheck final : public TokenHealthCheck
{
public:
    QByteArray lastToken;
    void check(const TokenKey &, const QCA::SecureArray &token, QObject *context,
               Done done) override
    {
        lastToken = token.toByteArray();
        QTimer::singleShot(0, context, [done] {
            GitHubTokenFacts facts;
            facts.kind = rc::forge::GitHubTokenKind::Classic;
            facts.userStatus = 200;
            facts.login = u"robertodr"_s;
            facts.oauthScopes = QStringList {u"gist"_s};
            facts.expiresAt = QDateTime(QDate(2026, 11, 28), QTime(8, 0), QTimeZone::UTC);
            const QDateTime now(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
            done(TokenHealthReport {std::nullopt, evaluateGitHubToken(facts, now)});
        });
    }
};

}  // namespace

class TestTokensDialog : public QObject
{
    Q_OBJECT

private:
    QCA::Initializer m_secureMemory;
    FakeKeychain m_keychain;
    std::unique_ptr<TokenStore> m_store;
    FakeHealthCheck m_healthCheck;
    std::unique_ptr<rc::ui::TokensDialog> m_dialog;
    const TokenKey m_github {Forge::GitHub, u"api.github.com"_s};
    const TokenKey m_gitlab {Forge::GitLab, u"gitlab.example.org"_s};

    QGroupBox *row(const TokenKey &key) const
    {
        return m_dialog->findChild<QGroupBox *>(u"row-"_s + key.account());
    }
    template<typename Widget>
    Widget *in(const TokenKey &key, const QString &name) const
    {
        QGroupBox *box = row(key);
        return box ? box->findChild<Widget *>(name) : nullptr;
    }
    QString message(const TokenKey &key) const
    {
        return in<QLabel>(key, u"messageLabel"_s)->text();
    }
    void typeToken(const TokenKey &key, const QString &token)
    {
        QLineEdit *edit = in<QLineEdit>(key, u"tokenEdit"_s);
        edit->setFocus();
        QTest::keyClicks(edit, token);
    }
    void openDialog()
    {
        m_dialog = std::make_unique<rc::ui::TokensDialog>(
            *m_store, QList<TokenKey> {m_github, m_gitlab}, &m_healthCheck);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    // Everything a person or a screenshot could read in the dialog.
    QString visibleText() const
    {
        QString all = m_dialog->windowTitle();
        for (const QLabel *label : m_dialog->findChildren<QLabel *>())
            all += label->text();
        for (const QListWidget *list : m_dialog->findChildren<QListWidget *>()) {
            for (int i = 0; i < list->count(); ++i)
                all += list->item(i)->text();
        }
        return all;
    }
    static bool anyMessageBox()
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (qobject_cast<QMessageBox *>(widget) && widget->isVisible())
                return true;
        }
        return false;
    }

private slots:
    void init()
    {
        m_keychain = {};
        m_store = std::make_unique<TokenStore>(
            std::make_unique<rc::test::FakeKeychainBackend>(m_keychain),
            std::make_unique<rc::test::FakeKeychainProbe>(m_keychain));
        m_healthCheck.lastToken.clear();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_store.reset();
    }

    void entryIsMaskedUntilShown()
    {
        openDialog();
        auto *edit = in<QLineEdit>(m_github, u"tokenEdit"_s);
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!in<QPushButton>(m_github, u"saveButton"_s)->isEnabled());
        QTest::mouseClick(in<QToolButton>(m_github, u"showButton"_s), Qt::LeftButton);
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(in<QToolButton>(m_github, u"showButton"_s), Qt::LeftButton);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }

    void showsWhatIsStored()
    {
        m_keychain.entries.insert(m_gitlab.account(), "glpat-stored");
        m_keychain.entries.insert(u"github:ghe.example.org"_s, "ghp_enterprise");
        openDialog();
        QTRY_COMPARE(message(m_gitlab), u"Stored in the keychain."_s);
        QCOMPARE(message(m_github), u"No token stored."_s);
        // An entry the caller did not ask about still gets its own row.
        const TokenKey enterprise {Forge::GitHub, u"ghe.example.org"_s};
        QTRY_VERIFY(row(enterprise));
        QVERIFY(!m_dialog->findChild<QLabel *>(u"thisRunBanner"_s)->isVisible());
    }

    void saveStoresExactlyWhatWasTyped()
    {
        openDialog();
        typeToken(m_github, QString::fromLatin1(kCanary));
        auto *save = in<QPushButton>(m_github, u"saveButton"_s);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(message(m_github), u"Saved in the keychain."_s);
        QCOMPARE(m_keychain.entries.value(m_github.account()), QByteArray(kCanary));
        QCOMPARE(m_keychain.writes, 1);
        auto *edit = in<QLineEdit>(m_github, u"tokenEdit"_s);
        QVERIFY(edit->text().isEmpty());
        // Undo must not bring the saved token back into the (now showable) entry.
        QTest::mouseClick(in<QToolButton>(m_github, u"showButton"_s), Qt::LeftButton);
        edit->undo();
        QVERIFY(edit->text().isEmpty());
        QVERIFY(!visibleText().contains(QLatin1StringView(kCanary)));
    }

    void returnInTheTokenFieldSavesThatRowOnly()
    {
        openDialog();
        // A host typed but not added yet must not be added by a Return elsewhere.
        QTest::keyClicks(m_dialog->findChild<QLineEdit *>(u"addHost"_s), u"gitlab.other.example"_s);
        QSignalSpy addClicked(m_dialog->findChild<QPushButton *>(u"addHostButton"_s),
                              &QPushButton::clicked);
        typeToken(m_github, QString::fromLatin1(kCanary));
        QVERIFY(!row(TokenKey {Forge::GitLab, u"gitlab.other.example"_s}));
        QTest::keyClick(in<QLineEdit>(m_github, u"tokenEdit"_s), Qt::Key_Return);
        QTRY_COMPARE(message(m_github), u"Saved in the keychain."_s);
        QCOMPARE(m_keychain.writes, 1);
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(addClicked.count(), 0);
        QVERIFY(!row(TokenKey {Forge::GitLab, u"gitlab.other.example"_s}));
    }

    void pasteFillsTheEntry()
    {
        openDialog();
        QGuiApplication::clipboard()->setText(u"  glpat-from-clipboard\n"_s);
        QTest::mouseClick(in<QPushButton>(m_gitlab, u"pasteButton"_s), Qt::LeftButton);
        QCOMPARE(in<QLineEdit>(m_gitlab, u"tokenEdit"_s)->text(), u"glpat-from-clipboard"_s);
        QVERIFY(in<QPushButton>(m_gitlab, u"saveButton"_s)->isEnabled());
        QGuiApplication::clipboard()->clear();
    }

    void removeDeletesTheEntry()
    {
        m_keychain.entries.insert(m_gitlab.account(), "glpat-old");
        openDialog();
        QTRY_COMPARE(message(m_gitlab), u"Stored in the keychain."_s);
        QTest::mouseClick(in<QPushButton>(m_gitlab, u"removeButton"_s), Qt::LeftButton);
        QTRY_COMPARE(message(m_gitlab), u"Removed."_s);
        QVERIFY(!m_keychain.entries.contains(m_gitlab.account()));
        QCOMPARE(m_keychain.removals, 1);
    }

    void lockedKeyringErrorIsInlineAndWritesNothing()
    {
        m_keychain.entries.insert(m_github.account(), "ghp_existing");
        m_keychain.problem = KeychainError {KeychainErrorKind::Locked, {}};
        openDialog();
        QTRY_VERIFY(message(m_github).contains(u"locked"_s));
        typeToken(m_github, u"ghp_replacement"_s);
        QTest::mouseClick(in<QPushButton>(m_github, u"saveButton"_s), Qt::LeftButton);
        QTRY_VERIFY(message(m_github).startsWith(u"Not saved"_s));
        QVERIFY(message(m_github).contains(u"Unlock the keyring"_s));
        QTest::mouseClick(in<QPushButton>(m_github, u"removeButton"_s), Qt::LeftButton);
        QTRY_VERIFY(message(m_github).startsWith(u"Not removed"_s));
        QCOMPARE(m_keychain.writes, 0);
        QCOMPARE(m_keychain.removals, 0);
        QCOMPARE(m_keychain.entries.value(m_github.account()), QByteArray("ghp_existing"));
        // The typed token stays for a retry once the keyring is unlocked; no dialogs popped up.
        QCOMPARE(in<QLineEdit>(m_github, u"tokenEdit"_s)->text(), u"ghp_replacement"_s);
        QVERIFY(!anyMessageBox());
        QVERIFY(!m_dialog->findChild<QLabel *>(u"thisRunBanner"_s)->isVisible());
    }

    void noKeychainKeepsTheTokenForThisRunOnly()
    {
        m_keychain.problem = KeychainError {KeychainErrorKind::NoSecretService, {}};
        openDialog();
        auto *banner = m_dialog->findChild<QLabel *>(u"thisRunBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"Secret Service"_s));
        typeToken(m_github, QString::fromLatin1(kCanary));
        QTest::mouseClick(in<QPushButton>(m_github, u"saveButton"_s), Qt::LeftButton);
        QTRY_VERIFY(m_store->hasThisRunToken(m_github));
        QVERIFY(message(m_github).contains(u"this run only"_s));
        QVERIFY(banner->text().contains(u"Kept for this run only"_s));
        QVERIFY(banner->text().contains(m_github.displayName()));
        QCOMPARE(m_keychain.writes, 0);
        QVERIFY(m_keychain.entries.isEmpty());
        QVERIFY(!visibleText().contains(QLatin1StringView(kCanary)));
    }

    void testShowsHealthAsAShortList()
    {
        m_keychain.entries.insert(m_github.account(), kCanary);
        openDialog();
        QTest::mouseClick(in<QPushButton>(m_github, u"testButton"_s), Qt::LeftButton);
        auto *health = in<QListWidget>(m_github, u"healthList"_s);
        QTRY_VERIFY(health->isVisible());
        // The stored token (nothing typed) is the one checked.
        QCOMPARE(m_healthCheck.lastToken, QByteArray(kCanary));
        QStringList lines;
        for (int i = 0; i < health->count(); ++i)
            lines << health->item(i)->text();
        const QString all = lines.join(u'\n');
        QVERIFY2(all.contains(u"Login: robertodr"_s), qPrintable(all));
        QVERIFY2(all.contains(u"Kind: classic"_s), qPrintable(all));
        QVERIFY2(all.contains(u"Expires: 2026-11-28 08:00 UTC"_s), qPrintable(all));
        QVERIFY2(all.contains(u"Can dispatch: no"_s), qPrintable(all));
        QVERIFY(message(m_github).contains(u"cannot be used"_s));
        QVERIFY(!visibleText().contains(QLatin1StringView(kCanary)));
        // For the docs and for eyes: RC_SCREENSHOT_DIR=/some/dir saves what the dialog shows.
        if (const QString folder = qEnvironmentVariable("RC_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(m_dialog->grab().save(folder + u"/tokens-dialog.png"_s));
    }

    void focusTokenPointsAtTheRow()
    {
        openDialog();
        const TokenKey enterprise {Forge::GitLab, u"gitlab.corp.example"_s};
        m_dialog->focusToken(enterprise, u"The GitLab token expires on 2026-11-28."_s);
        QVERIFY(row(enterprise));
        QTRY_VERIFY(in<QLineEdit>(enterprise, u"tokenEdit"_s)->hasFocus());
        QCOMPARE(message(enterprise), u"The GitLab token expires on 2026-11-28."_s);
    }

    void addHostAddsARowForThatServer_data()
    {
        QTest::addColumn<int>("forgeIndex");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("account");
        QTest::newRow("self-hosted GitLab by host")
            << 1 << u"gitlab.example.org"_s << u"gitlab:gitlab.example.org"_s;
        QTest::newRow("GitHub Enterprise by URL")
            << 0 << u"https://ghe.example.com/org"_s << u"github:ghe.example.com"_s;
    }

    void addHostAddsARowForThatServer()
    {
        QFETCH(int, forgeIndex);
        QFETCH(QString, typed);
        QFETCH(QString, account);
        openDialog();
        m_dialog->findChild<QComboBox *>(u"addForge"_s)->setCurrentIndex(forgeIndex);
        auto *host = m_dialog->findChild<QLineEdit *>(u"addHost"_s);
        host->setFocus();
        QTest::keyClicks(host, typed);
        QTest::keyClick(host, Qt::Key_Return);
        QVERIFY(m_dialog->isVisible());  // Return added the host; it did not close the dialog
        const std::optional<TokenKey> key = TokenKey::fromAccount(account);
        QVERIFY(key);
        QVERIFY(row(*key));
        QTRY_VERIFY(in<QLineEdit>(*key, u"tokenEdit"_s)->hasFocus());
        QVERIFY(host->text().isEmpty());
        QCOMPARE(m_keychain.writes, 0);  // adding a host stores nothing until Save
    }

    void addHostRefusesANonHost()
    {
        openDialog();
        const int rowsBefore = int(m_dialog->findChildren<QGroupBox *>().size());
        auto *host = m_dialog->findChild<QLineEdit *>(u"addHost"_s);
        host->setFocus();
        QTest::keyClicks(host, u"not a host!"_s);
        QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"addHostButton"_s), Qt::LeftButton);
        QCOMPARE(int(m_dialog->findChildren<QGroupBox *>().size()), rowsBefore);
        QCOMPARE(host->text(), u"not a host!"_s);  // kept, to be corrected
        QVERIFY(!host->toolTip().isEmpty());
    }

    void testWithoutStoredTokenSaysSoInline()
    {
        openDialog();
        QTest::mouseClick(in<QPushButton>(m_gitlab, u"testButton"_s), Qt::LeftButton);
        QTRY_VERIFY(message(m_gitlab).startsWith(u"Cannot test"_s));
        QVERIFY(message(m_gitlab).contains(u"No token is stored"_s));
        QVERIFY(m_healthCheck.lastToken.isEmpty());
        QVERIFY(!anyMessageBox());
    }
};

QTEST_MAIN(TestTokensDialog)
#include "tst_tokensdialog.moc"
