#include "cli/cli.h"
#include "firstpaint.h"
#include "mainwindow.h"
#include "secrets/forgetokenhealthcheck.h"
#include "secrets/redaction.h"
#include "secrets/tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <QWindow>
#include <QtCrypto>

using namespace Qt::StringLiterals;

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"ReleaseConsole"_s);
    QCoreApplication::setApplicationName(u"release-console"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RC_VERSION_STRING));
}

void installTranslation(QTranslator &translator)
{
    if (translator.load(QLocale(), u"release-console"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);
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

}  // namespace

int main(int argc, char *argv[])
{
    QStringList rawArguments;
    rawArguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);

    if (rc::cli::isHeadlessInvocation(rawArguments)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QTranslator translator;
        installTranslation(translator);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return rc::cli::run(QCoreApplication::arguments(), out, err);
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setWindowIcon(QIcon(u":/icons/release-console.svg"_s));
    QGuiApplication::setDesktopFileName(u"io.github.releaseconsole.ReleaseConsole"_s);
    QTranslator translator;
    installTranslation(translator);

    QCommandLineParser parser;
    const QCommandLineOption example(
        u"example"_s, QApplication::translate("main", "Fill the form with an example release."));
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QApplication::translate("main", "Save a screenshot of the window to <png> and quit."),
        u"png"_s);
    QCommandLineOption quitAfterFirstPaint(u"quit-after-first-paint"_s,
                                           u"Quit once the window has painted (benchmarks)."_s);
    quitAfterFirstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({example, screenshot, quitAfterFirstPaint});
    if (!parser.parse(QApplication::arguments()) || !parser.positionalArguments().isEmpty()) {
        const QString problem = parser.errorText().isEmpty()
            ? QApplication::translate("main", "unexpected argument '%1'")
                  .arg(parser.positionalArguments().value(0))
            : parser.errorText();
        // The parser quotes what was typed; a token pasted there must not reach the terminal.
        QTextStream(stderr) << "error: " << rc::secrets::redactTokenShapes(problem) << "\n"
                            << rc::cli::usage(u"release-console"_s);
        return rc::cli::InvalidInput;
    }

    // Secure memory for tokens, for as long as any may exist.
    QCA::Initializer secureMemory;
    const std::unique_ptr<rc::secrets::TokenStore> tokenStore =
        rc::secrets::TokenStore::forSystemKeychain();
    QNetworkAccessManager network;
    rc::secrets::ForgeTokenHealthCheck healthCheck(&network);

    rc::ui::MainWindow window;
    // A screenshot shows the form, not a first-run dialog over it.
    if (!parser.isSet(screenshot))
        window.setTokenServices(tokenStore.get(), &healthCheck);
    if (parser.isSet(example))
        window.fillWithExample();
    window.show();
    if (parser.isSet(quitAfterFirstPaint))
        new QuitAfterFirstPaint(&window);
    if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot));
    return QApplication::exec();
}
