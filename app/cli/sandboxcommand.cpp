// SPDX-License-Identifier: BSD-3-Clause
#include "cli/sandboxcommand.h"

#include "cli/cli.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/virtualclock.h"
#include "secrets/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::SandboxCommand)
};

// A signal handler may only touch a lock-free atomic flag; a timer on the event loop polls it.
// This is the one piece of process-wide state the command needs, and only while it runs.
volatile std::sig_atomic_t stopRequested = 0;

extern "C" void requestStop(int)
{
    stopRequested = 1;
}

constexpr double kDefaultSpeed = 10.0;
// A session may run for days: the request log keeps the newest requests only.
constexpr qsizetype kServeRequestLogEntries = 10000;

void printBanner(const sandbox::ForgeSimulator &simulator, double speed, QTextStream &out)
{
    const auto line = [&out](const QString &label, const QString &value) {
        out << label.leftJustified(29) << value << u'\n';
    };
    out << Text::tr("Release Console sandbox: a local GitHub, GitLab and anaconda.org.") << u'\n';
    line(Text::tr("GitHub API:"), simulator.gitHubApiUrl().toString());
    line(Text::tr("GitHub Enterprise API:"), simulator.gitHubEnterpriseApiUrl().toString());
    line(Text::tr("GitLab:"),
         simulator.gitLabUrl().toString() + u"  (API "_s + simulator.gitLabApiUrl().toString() +
             u')');
    line(Text::tr("anaconda.org API:"), simulator.anacondaApiUrl().toString());
    line(Text::tr("Other host (blobs):"), simulator.otherHostUrl().toString());
    line(Text::tr("GitHub token (classic):"),
         QString(sandbox::ForgeSimulator::kGitHubClassicToken));
    line(Text::tr("GitHub token (fine-grained):"),
         QString(sandbox::ForgeSimulator::kGitHubFineGrainedToken));
    line(Text::tr("GitLab token:"), QString(sandbox::ForgeSimulator::kGitLabToken));
    line(Text::tr("Recipes repository:"),
         simulator.recipesRepository() + u" (workflow "_s +
             QString(sandbox::ForgeSimulator::kWorkflowFile) + u')');
    line(Text::tr("GitLab project:"), simulator.gitLabProjectPath() + u" (id 42)"_s);
    line(Text::tr("Speed:"), Text::tr("%1 virtual seconds per second").arg(speed));
    out << Text::tr("Press Ctrl+C to stop.") << u'\n';
    out.flush();
}

}  // namespace

int runSandboxCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Run the local forge simulator (sandbox)."));
    const QCommandLineOption port(
        u"port"_s, Text::tr("TCP port on 127.0.0.1 (default: any free port)"), u"N"_s, u"0"_s);
    const QCommandLineOption speed(
        u"speed"_s, Text::tr("virtual seconds per real second for workflow runs (default 10)"),
        u"X"_s, QString::number(kDefaultSpeed));
    const QCommandLineOption help({u"h"_s, u"help"_s}, Text::tr("show this help"));
    parser.addOptions({port, speed, help});
    parser.addPositionalArgument(u"serve"_s, Text::tr("serve until interrupted"));
    const QString program = arguments.value(0);
    if (!parser.parse(arguments)) {
        err << u"error: "_s << secrets::redactTokenShapes(parser.errorText()) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, program, u"serve [--port N] [--speed X]"_s);
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList {u"serve"_s}) {
        err << Text::tr("error: expected '%1 serve [--port N] [--speed X]'").arg(program) << u'\n';
        return InvalidInput;
    }
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        err << Text::tr("error: --port must be a number from 0 to 65535") << u'\n';
        return InvalidInput;
    }
    bool speedOk = false;
    const double speedFactor = parser.value(speed).toDouble(&speedOk);
    if (!speedOk || speedFactor <= 0.0) {
        err << Text::tr("error: --speed must be a positive number") << u'\n';
        return InvalidInput;
    }

    sandbox::ForgeSimulator simulator;
    simulator.setRequestLogCapacity(kServeRequestLogEntries);
    if (!simulator.start(quint16(portNumber))) {
        err << Text::tr("error: cannot listen: %1").arg(simulator.errorString()) << u'\n';
        return Failure;
    }
    simulator.clock()->setSpeed(speedFactor);
    printBanner(simulator, speedFactor, out);

    stopRequested = 0;
    const auto previousInterrupt = std::signal(SIGINT, requestStop);
    const auto previousTerminate = std::signal(SIGTERM, requestStop);
    QTimer stopPoll;
    stopPoll.setInterval(std::chrono::milliseconds(100));
    QObject::connect(&stopPoll, &QTimer::timeout, &simulator, [] {
        if (stopRequested)
            QCoreApplication::quit();
    });
    stopPoll.start();
    const int status = QCoreApplication::exec();
    std::signal(SIGINT, previousInterrupt);
    std::signal(SIGTERM, previousTerminate);
    simulator.stop();
    out << Text::tr("Sandbox stopped.") << u'\n';
    return status == 0 ? Success : Failure;
}

}  // namespace rc::cli
