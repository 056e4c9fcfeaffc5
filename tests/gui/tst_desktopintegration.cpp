// SPDX-License-Identifier: BSD-3-Clause
// The window as a desktop application: the first start without a profile, Settings, a later
// launch handing over its --profile, the tray's summary of the runs, and a shortcut on every
// main action.

#include "flow/releaseenvironment.h"
#include "mainwindow.h"
#include "monitorwidget.h"
#include "profilesdialog.h"
#include "secrets/tokenstore.h"
#include "settingsdialog.h"
#include "support/fakekeychain.h"
#include "tokensdialog.h"
#include "welcomepage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtCrypto>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QCA::Initializer> m_qca;
    QTemporaryDir m_dir;

    // A real (not sandbox) environment whose settings and ledger live in the test's folder.
    std::unique_ptr<rc::flow::ReleaseEnvironment> realEnvironment(const QString &name)
    {
        rc::flow::ReleaseEnvironment::Options options;
        options.settingsFile = m_dir.filePath(name + u".ini"_s);
        options.ledgerFile = m_dir.filePath(name + u".sqlite"_s);
        QString error;
        auto environment = rc::flow::ReleaseEnvironment::create(options, &error);
        if (!environment)
            qWarning("%s", qPrintable(error));
        return environment;
    }

    static std::unique_ptr<rc::flow::ReleaseEnvironment> sandboxEnvironment()
    {
        rc::flow::ReleaseEnvironment::Options options;
        options.sandbox = true;
        QString error;
        auto environment = rc::flow::ReleaseEnvironment::create(options, &error);
        if (!environment)
            qWarning("%s", qPrintable(error));
        return environment;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_qca = std::make_unique<QCA::Initializer>();
        QVERIFY(m_dir.isValid());
    }

    void firstStartOffersAProfileOrTheSandbox()
    {
        auto environment = realEnvironment(u"first"_s);
        QVERIFY(environment);
        rc::ui::MainWindow window;
        int launched = 0;
        window.setSandboxLauncher([&launched] {
            ++launched;
            return true;
        });
        window.setEnvironment(environment.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        rc::ui::WelcomePage *welcome = window.welcomePage();
        QVERIFY(welcome->isVisible());

        QTest::mouseClick(welcome->sandboxButton(), Qt::LeftButton);
        QCOMPARE(launched, 1);

        QTest::mouseClick(welcome->createButton(), Qt::LeftButton);
        auto *dialog = window.findChild<rc::ui::ProfilesDialog *>();
        QVERIFY(dialog);
        // A profile saved there: the welcome gives way to the form.
        QVERIFY(environment->profiles()
                    .save(rc::flow::ReleaseEnvironment::sandboxProfile(
                        *sandboxEnvironment()->simulator()))
                    .isEmpty());
        emit dialog->profilesChanged(u"sandbox"_s);
        QTRY_VERIFY(!welcome->isVisible());
    }

    void sandboxNeverShowsTheWelcome()
    {
        auto environment = sandboxEnvironment();
        QVERIFY(environment);
        rc::ui::MainWindow window;
        window.setEnvironment(environment.get());
        window.show();
        QVERIFY(!window.welcomePage()->isVisible());
        QVERIFY(window.findChild<QLabel *>(u"sandboxBanner"_s)->isVisible());
    }

    void settingsAreValidatedAppliedAndKept()
    {
        auto environment = realEnvironment(u"settings"_s);
        QVERIFY(environment);
        rc::ui::MainWindow window;
        window.setEnvironment(environment.get());
        window.show();
        window.findChild<QAction *>(u"openSettings"_s)->trigger();
        auto *dialog = window.findChild<rc::ui::SettingsDialog *>();
        QVERIFY(dialog);
        auto *problem = dialog->findChild<QLabel *>(u"settingsProblem"_s);
        dialog->pollMinBox()->setValue(10);
        dialog->pollMaxBox()->setValue(5);
        QVERIFY(!dialog->okButton()->isEnabled());
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"10"_s), qPrintable(problem->text()));
        dialog->pollMaxBox()->setValue(90);
        QVERIFY(dialog->okButton()->isEnabled());
        QVERIFY(!problem->isVisible());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QCOMPARE(window.appSettings().pollMin, 10s);
        QCOMPARE(window.appSettings().pollMax, 90s);
        // Kept in the environment's settings, for the next start.
        QCOMPARE(rc::desktop::AppSettings::load(environment->settings()), window.appSettings());
    }

    // Under the C locale (no LANG) the app is in English, and the first entry says so.
    void systemLanguageIsNamedUnderTheCLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale::c());
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        rc::ui::SettingsDialog dialog(rc::desktop::AppSettings {});
        auto *language = dialog.findChild<QComboBox *>(u"language"_s);
        QVERIFY(language);
        QCOMPARE(language->itemText(0), u"As the system (English)"_s);
        QCOMPARE(language->itemData(0).toString(), QString());
    }

    void laterLaunchSelectsItsProfile()
    {
        auto environment = sandboxEnvironment();
        QVERIFY(environment);
        rc::profiles::Profile second = *environment->profiles().load(u"sandbox"_s);
        second.name = u"second"_s;
        QCOMPARE(environment->profiles().save(second), QString());
        rc::ui::MainWindow window;
        window.setEnvironment(environment.get());
        QTRY_VERIFY(window.currentProfile() && window.currentProfile()->name == u"sandbox"_s);
        window.handleLaunch({u"release-console"_s, u"--profile"_s, u"second"_s});
        QVERIFY(window.isVisible());
        QTRY_VERIFY(window.currentProfile() && window.currentProfile()->name == u"second"_s);
        // An unknown name changes nothing.
        window.handleLaunch({u"release-console"_s, u"--profile"_s, u"nope"_s});
        QCOMPARE(window.currentProfile()->name, u"second"_s);
    }

    // The Tokens dialog and the start-up check ask for the profile's own forges (here a
    // self-hosted GitLab and GitHub Enterprise), not the public hosts.
    void tokensFollowTheProfilesForges()
    {
        auto environment = realEnvironment(u"selfhosted"_s);
        QVERIFY(environment);
        rc::profiles::Profile profile =
            rc::flow::ReleaseEnvironment::sandboxProfile(*sandboxEnvironment()->simulator());
        profile.name = u"selfhosted"_s;
        profile.gitLabUrl = QUrl(u"https://gitlab.example.org"_s);
        profile.gitHubApiUrl = QUrl(u"https://ghe.example.org/api/v3"_s);
        QCOMPARE(environment->profiles().save(profile), QString());
        rc::test::FakeKeychain keychain;
        rc::secrets::TokenStore store(std::make_unique<rc::test::FakeKeychainBackend>(keychain),
                                      std::make_unique<rc::test::FakeKeychainProbe>(keychain));
        rc::ui::MainWindow window;
        // As main() does: the token services right after the environment, while the profile's
        // tokens still load.
        window.setEnvironment(environment.get());
        window.setTokenServices(&store, nullptr);
        // Neither token is stored: the dialog opens on its own, on these two hosts.
        QTRY_VERIFY(window.tokensDialog() && window.tokensDialog()->isVisible());
        QVERIFY(window.tokensDialog()->findChild<QWidget *>(u"row-gitlab:gitlab.example.org"_s));
        QVERIFY(window.tokensDialog()->findChild<QWidget *>(u"row-github:ghe.example.org"_s));
        QVERIFY(!window.tokensDialog()->findChild<QWidget *>(u"row-github:api.github.com"_s));
        QTRY_VERIFY(window.currentProfile() && window.currentProfile()->name == u"selfhosted"_s);
    }

    // A screen reader can name every control: its own name, its text, or its label's.
    void everyControlHasAnAccessibleName()
    {
        auto environment = sandboxEnvironment();
        QVERIFY(environment);
        rc::ui::MainWindow window;
        window.setEnvironment(environment.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openSettingsDialog();
        window.findChild<QAction *>(u"openHistory"_s)->trigger();
        window.findChild<QAction *>(u"openKit"_s)->trigger();
        window.findChild<QAction *>(u"openProfiles"_s)->trigger();
        QStringList unnamed;
        QList<QWidget *> widgets = window.findChildren<QWidget *>();
        for (QWidget *widget : std::as_const(widgets)) {
            if (!widget->isVisible())
                continue;
            const bool control = qobject_cast<QAbstractButton *>(widget) ||
                qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) ||
                qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QPlainTextEdit *>(widget);
            // Parts of other controls (a combo's line edit, a spin box's, a view's scroll bars).
            if (!control || qobject_cast<QComboBox *>(widget->parentWidget()) ||
                qobject_cast<QHeaderView *>(widget) ||
                qstrcmp(widget->metaObject()->className(), "QLineEditIconButton") == 0 ||
                qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                widget->objectName().startsWith(u"qt_"_s))
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QString::fromLatin1(widget->metaObject()->className()) + u' ' +
                        widget->objectName() + u" in " +
                        QString::fromLatin1(widget->window()->metaObject()->className());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"\n"_s)));
    }

    void everyMainActionHasAShortcut()
    {
        rc::ui::MainWindow window;
        QStringList missing;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *action : menu->menu()->actions()) {
                if (action->isSeparator() || action->menu())
                    continue;
                if (action->shortcut().isEmpty() && action->text() != u"About &Qt"_s &&
                    action->text() != u"&About Release Console"_s &&
                    action->text() != u"Fill With &Example"_s)
                    missing << action->text();
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    }
};

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
