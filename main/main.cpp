// SPDX-License-Identifier: BSD-3-Clause
#include "about/version.h"
#include "appearance.h"
#include "appstyle.h"
#include "cli/cli.h"
#include "desktop/appsettings.h"
#include "desktop/filelog.h"
#include "desktop/fontconfigwarmup.h"
#include "desktop/librarypreload.h"
#include "desktop/processhardening.h"
#include "desktop/singleinstance.h"
#include "firstpaint.h"
#include "flow/releaseenvironment.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "secrets/forgetokenhealthcheck.h"
#include "secrets/redaction.h"
#include "secrets/tokenstore.h"
#include "tokensdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <QWindow>
#include <QtCrypto>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::Main)
};

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"ReleaseConsole"_s);
    QCoreApplication::setApplicationName(u"release-console"_s);
    QCoreApplication::setApplicationVersion(rc::versionString());
}

// The user's choice in Settings, else the system's languages; the translations built in.
void installTranslation(QTranslator &translator)
{
    const QString chosen = rc::desktop::AppSettings::load(QSettings()).language;
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    // Installed next to the binary (the .deb, the tarball, conda), else built in.
    const QString installed =
        QCoreApplication::applicationDirPath() + u'/' + QStringLiteral(RC_TRANSLATIONS_FROM_BINARY);
    if (translator.load(locale, u"release-console"_s, u"_"_s, installed) ||
        translator.load(locale, u"release-console"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);
}

// The plugins the window's start loads on the main thread, in the order it needs them: the SVG
// icon engine for the window icon, the SQLite driver for the ledger. Only where Qt takes them from
// its own plugin folder: QT_PLUGIN_PATH, or a qt.conf next to the program (a relocated Qt), can
// send Qt elsewhere, and qt.conf is read only once QCoreApplication exists. Linux only: the file
// names, and how the program finds itself before QCoreApplication, differ elsewhere.
QStringList pluginsLoadedAtStart()
{
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsSet("QT_PLUGIN_PATH"))
        return {};
    const QDir programDir = QFileInfo(QFileInfo(u"/proc/self/exe"_s).symLinkTarget()).dir();
    if (programDir.exists(u"qt.conf"_s) || programDir.exists(u"qt6.conf"_s))
        return {};
    const QString plugins = QLibraryInfo::path(QLibraryInfo::PluginsPath);
    return {plugins + u"/iconengines/libqsvgicon.so"_s, plugins + u"/sqldrivers/libqsqlite.so"_s};
#else
    return {};
#endif
}

// Saves what the screen shows once the window has been painted, then quits.
void scheduleScreenshot(rc::ui::MainWindow &window, const QString &path)
{
    QTimer::singleShot(400, &window, [&window, path] {
        QScreen *screen = window.screen();
        const QRect frame = window.frameGeometry();
        const QPixmap shot = screen
            ? screen->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
            : window.grab();
        const bool saved = shot.save(path, "PNG");
        QTextStream(stderr) << (saved ? u"saved "_s : u"could not save "_s) << path << u'\n';
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

// For the docs: the Tokens dialog over the window, on every token the keychain holds, each
// tested with its forge; what the screen shows of the dialog is saved once every test has
// answered (or after a minute, showing whatever it shows then), then the app quits.
void scheduleTokensScreenshot(rc::ui::MainWindow &window, rc::secrets::TokenStore &store,
                              rc::secrets::TokenHealthCheck &healthCheck, const QString &path)
{
    store.status(
        {}, &window,
        [&window, &store, &healthCheck, path](const rc::secrets::KeychainStatus &status) {
            QList<rc::secrets::TokenKey> stored;
            for (const rc::secrets::TokenEntryStatus &entry : status.entries) {
                if (entry.presence == rc::secrets::EntryPresence::Stored)
                    stored << entry.key;
            }
            auto *dialog = new rc::ui::TokensDialog(store, stored, &healthCheck, &window);
            dialog->show();
            QList<QPushButton *> tests;
            for (const rc::secrets::TokenKey &key : std::as_const(stored)) {
                const auto *row = dialog->findChild<QGroupBox *>(u"row-"_s + key.account());
                if (auto *test = row ? row->findChild<QPushButton *>(u"testButton"_s) : nullptr) {
                    test->click();
                    tests << test;
                }
            }
            // A row's Test button is disabled from the click until its forge has answered.
            auto *poll = new QTimer(dialog);
            auto elapsed = std::make_shared<QElapsedTimer>();
            elapsed->start();
            QObject::connect(poll, &QTimer::timeout, dialog, [dialog, poll, tests, elapsed, path] {
                const bool answered = std::ranges::all_of(
                    tests, [](const QPushButton *test) { return test->isEnabled(); });
                if (!answered && elapsed->elapsed() < 60'000)
                    return;
                poll->stop();
                // Taller, as a user would make it, until every row's health is in view.
                if (const auto *scroll = dialog->findChild<QScrollArea *>();
                    scroll && scroll->widget() && dialog->screen()) {
                    const int hidden =
                        scroll->widget()->sizeHint().height() - scroll->viewport()->height();
                    const int frame = dialog->frameGeometry().height() - dialog->height();
                    const QRect available = dialog->screen()->availableGeometry();
                    const int height = std::min(dialog->height() + std::max(hidden, 0),
                                                available.height() - frame);
                    const int top = std::clamp(dialog->frameGeometry().top(), available.top(),
                                               available.bottom() + 1 - height - frame);
                    dialog->resize(dialog->width(), height);
                    dialog->move(dialog->x(), top);
                }
                QTimer::singleShot(300, dialog, [dialog, path] {
                    const QRect frame = dialog->frameGeometry();
                    const QPixmap shot = dialog->screen()
                        ? dialog->screen()->grabWindow(0, frame.x(), frame.y(), frame.width(),
                                                       frame.height())
                        : dialog->grab();
                    const bool saved = shot.save(path, "PNG");
                    QTextStream(stderr)
                        << (saved ? u"saved "_s : u"could not save "_s) << path << u'\n';
                    QCoreApplication::exit(saved ? 0 : 1);
                });
            });
            poll->start(100);
        });
}

}  // namespace

int main(int argc, char *argv[])
{
    // Before any token is read: a core dump or a debugger attached later must not carry one.
    rc::desktop::denyCoreDumpsAndTracing();
    QStringList rawArguments;
    rawArguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);

    if (rc::cli::isHeadlessInvocation(rawArguments)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QTranslator translator;
        installTranslation(translator);
        // Secure memory for tokens and QCA's hashing plugins, for every command.
        QCA::Initializer qca;
        QTextStream out(stdout);
        QTextStream err(stderr);
        return rc::cli::run(QCoreApplication::arguments(), out, err);
    }

    // On other threads while QApplication, settings and the ledger start on this one.
    rc::desktop::FontConfigWarmUp fontConfig;
    const rc::desktop::LibraryPreload plugins(pluginsLoadedAtStart());
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setWindowIcon(QIcon(u":/icons/release-console.svg"_s));
    QGuiApplication::setDesktopFileName(u"io.github.releaseconsole.ReleaseConsole"_s);
    QTranslator translator;
    installTranslation(translator);

    QCommandLineParser parser;
    const QCommandLineOption example(u"example"_s,
                                     Text::tr("Fill the form with an example release."));
    const QCommandLineOption screenshot(
        u"screenshot"_s, Text::tr("Save a screenshot of the window to <png> and quit."), u"png"_s);
    QCommandLineOption quitAfterFirstPaint(u"quit-after-first-paint"_s,
                                           u"Quit once the window has painted (benchmarks)."_s);
    quitAfterFirstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption sandbox(
        u"sandbox"_s,
        Text::tr("Use the built-in local forge with demo data and tokens; "
                 "nothing is stored."));
    const QCommandLineOption profile(
        u"profile"_s, Text::tr("Start with the profile <name> selected."), u"name"_s);
    QCommandLineOption screenshots(u"screenshots"_s,
                                   u"With --sandbox: a whole release, a PNG per screen in <dir>."_s,
                                   u"dir"_s);
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption colorScheme(u"color-scheme"_s, u"dark or light, whatever the system says."_s,
                                   u"scheme"_s);
    colorScheme.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotTokens(
        u"screenshot-tokens"_s,
        u"Test every stored token in the Tokens dialog, save a PNG of it to <png> and quit."_s,
        u"png"_s);
    screenshotTokens.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sandbox, profile, example, screenshot, screenshots, screenshotTokens,
                       colorScheme, quitAfterFirstPaint});
    if (!parser.parse(QApplication::arguments()) || !parser.positionalArguments().isEmpty()) {
        const QString problem = parser.errorText().isEmpty()
            ? Text::tr("unexpected argument '%1'").arg(parser.positionalArguments().value(0))
            : parser.errorText();
        // The parser quotes what was typed; a token pasted there must not reach the terminal.
        QTextStream(stderr) << "error: " << rc::secrets::redactTokenShapes(problem) << "\n"
                            << rc::cli::usage(u"release-console"_s);
        return rc::cli::InvalidInput;
    }

    rc::ui::installAppStyle();
    if (parser.value(colorScheme) == "dark"_L1)
        rc::ui::applyColorScheme(Qt::ColorScheme::Dark);
    else if (parser.value(colorScheme) == "light"_L1)
        rc::ui::applyColorScheme(Qt::ColorScheme::Light);
    else
        rc::ui::followSystemColorScheme();

    // One window per user: a second launch raises the first (the sandbox, screenshots and
    // benchmarks are windows of their own).
    const bool alone = parser.isSet(screenshot) || parser.isSet(screenshots) ||
        parser.isSet(screenshotTokens) || parser.isSet(quitAfterFirstPaint);
    rc::desktop::SingleInstance instance(u"window"_s);
    if (!alone && !parser.isSet(sandbox)) {
        switch (instance.becomePrimary(QApplication::arguments())) {
        case rc::desktop::SingleInstance::Role::Primary:
            break;
        case rc::desktop::SingleInstance::Role::HandedOver:
            return rc::cli::Success;
        case rc::desktop::SingleInstance::Role::NoAnswer:
            QTextStream(stderr) << Text::tr("Release Console is already running but did not "
                                            "answer; close it (or end its process) and start "
                                            "again.")
                                << u'\n';
            return rc::cli::Failure;
        }
    }
    // What the app logs, in a rotating file of its own (never the sandbox's runs).
    std::optional<rc::desktop::FileLog> log;
    if (!parser.isSet(sandbox) && !alone)
        log.emplace(rc::desktop::FileLog::defaultPath());

    // Secure memory for tokens, for as long as any may exist.
    QCA::Initializer secureMemory;
    rc::flow::ReleaseEnvironment::Options environmentOptions;
    environmentOptions.sandbox = parser.isSet(sandbox);
    environmentOptions.sandboxSpeed = 25.0;  // a sandbox run finishes in about half a minute
    environmentOptions.sandboxBuildFailsOnce = true;
    QString environmentError;
    const std::unique_ptr<rc::flow::ReleaseEnvironment> environment =
        rc::flow::ReleaseEnvironment::create(environmentOptions, &environmentError);
    if (!environment) {
        QTextStream(stderr) << "error: " << environmentError << "\n";
        return rc::cli::Failure;
    }
    if (parser.isSet(screenshotTokens) && !environment->tokenStore()) {
        QTextStream(stderr) << "error: --screenshot-tokens needs the keychain (not --sandbox)\n";
        return rc::cli::InvalidInput;
    }
    // The tour drives a whole release on the sandbox's demo data (and changes its settings).
    if (parser.isSet(screenshots) && !environment->isSandbox()) {
        QTextStream(stderr) << "error: --screenshots needs --sandbox\n";
        return rc::cli::InvalidInput;
    }
    rc::secrets::ForgeTokenHealthCheck healthCheck(environment->network());

    // The window measures text as it is built.
    fontConfig.wait();
    rc::ui::MainWindow window;
    window.setEnvironment(environment.get());
    // A screenshot shows the form, not a first-run dialog over it; the sandbox has no keychain.
    if (!parser.isSet(screenshot) && !parser.isSet(screenshots) &&
        !parser.isSet(screenshotTokens) && environment->tokenStore())
        window.setTokenServices(environment->tokenStore(), &healthCheck);
    if (parser.isSet(example))
        window.fillWithExample();
    if (parser.isSet(profile))
        window.handleLaunch({u"--profile"_s, parser.value(profile)});
    QObject::connect(&instance, &rc::desktop::SingleInstance::launched, &window,
                     &rc::ui::MainWindow::handleLaunch);
    window.show();
    if (parser.isSet(quitAfterFirstPaint))
        new QuitAfterFirstPaint(&window);
    if (parser.isSet(screenshots))
        rc::ui::runScreenshotTour(window, parser.value(screenshots));
    else if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot));
    else if (parser.isSet(screenshotTokens))
        scheduleTokensScreenshot(window, *environment->tokenStore(), healthCheck,
                                 parser.value(screenshotTokens));
    return QApplication::exec();
}
