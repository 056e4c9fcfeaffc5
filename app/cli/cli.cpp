// SPDX-License-Identifier: BSD-3-Clause
#include "cli/cli.h"

#include "about/versions.h"
#include "cli/kitcommand.h"
#include "cli/ledgercommand.h"
#include "cli/payloadcommand.h"
#include "cli/profilescommand.h"
#include "cli/releasecommands.h"
#include "cli/sandboxcommand.h"
#include "cli/tokenscommand.h"
#include "cli/watchcommand.h"
#include "secrets/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli)
};

using CommandFunction = int (*)(const QStringList &arguments, QTextStream &out, QTextStream &err,
                                const GlobalOptions &global);

struct Command
{
    QLatin1StringView name;
    const char *summary;  // translated at use
    CommandFunction run;
};

// The commands that take no global option.
template<int (*run)(const QStringList &, QTextStream &, QTextStream &)>
int withoutGlobals(const QStringList &arguments, QTextStream &out, QTextStream &err,
                   const GlobalOptions &)
{
    return run(arguments, out, err);
}

constexpr Command kCommands[] = {
    {"profiles"_L1, QT_TRANSLATE_NOOP("rc::cli", "List, show, add, edit and remove profiles"),
     &runProfilesCommand},
    {"commits"_L1, QT_TRANSLATE_NOOP("rc::cli", "List the branch's commits with pipeline status"),
     &runCommitsCommand},
    {"checksum"_L1, QT_TRANSLATE_NOOP("rc::cli", "Find a commit's tarball and its SHA-256"),
     &runChecksumCommand},
    {"preflight"_L1, QT_TRANSLATE_NOOP("rc::cli", "Prepare a release and run every check"),
     &runPreflightCommand},
    {"dispatch"_L1, QT_TRANSLATE_NOOP("rc::cli", "Prepare, check and send a release, at most once"),
     &runDispatchCommand},
    {"watch"_L1, QT_TRANSLATE_NOOP("rc::cli", "Follow a run live to its true per-platform outcome"),
     &runWatchCommand},
    {"runs"_L1,
     QT_TRANSLATE_NOOP("rc::cli", "Recent runs of the workflow with their true outcomes"),
     &runRunsCommand},
    {"ledger"_L1, QT_TRANSLATE_NOOP("rc::cli", "List, show and export the release history"),
     &runLedgerCommand},
    {"payload"_L1, QT_TRANSLATE_NOOP("rc::cli", "Print the exact dispatch JSON for a release"),
     &withoutGlobals<&runPayloadCommand>},
    {"tokens"_L1,
     QT_TRANSLATE_NOOP("rc::cli", "Store, check and remove the GitHub and GitLab tokens"),
     &withoutGlobals<&runTokensCommand>},
    {"sandbox"_L1, QT_TRANSLATE_NOOP("rc::cli", "Run the local forge simulator: sandbox serve"),
     &withoutGlobals<&runSandboxCommand>},
    {"kit"_L1,
     QT_TRANSLATE_NOOP("rc::cli", "Export a deploy workflow and recipe for a new recipes repo"),
     &withoutGlobals<&runKitCommand>},
};

bool isSandboxFlag(const QString &argument)
{
    return argument == "--sandbox"_L1;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : kCommands) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

bool isHelpFlag(const QString &argument)
{
    return argument == "--help"_L1 || argument == "-h"_L1 || argument == "help"_L1;
}

bool isVersionFlag(const QString &argument)
{
    return argument == "--version"_L1 || argument == "-v"_L1;
}

QString versionText()
{
    const LibraryVersions versions = libraryVersions();
    return u"release-console "_s + versions.application + u"\nQt "_s + versions.qt +
        u"\nQtKeychain "_s + versions.qtKeychain + u"\nQCA "_s + versions.qca + u'\n';
}

}  // namespace

bool wantsSandbox(const QStringList &arguments)
{
    return arguments.size() >= 2 && isSandboxFlag(arguments.at(1));
}

bool isHeadlessInvocation(const QStringList &arguments)
{
    const qsizetype firstIndex = wantsSandbox(arguments) ? 2 : 1;
    if (arguments.size() <= firstIndex)
        return false;
    // Any bare word is a command (known or not): an unknown one is reported without a display.
    const QString &first = arguments.at(firstIndex);
    return isHelpFlag(first) || isVersionFlag(first) || !first.startsWith(u'-');
}

QString commandHelp(const QCommandLineParser &parser, const QString &commandName,
                    const QString &synopsis)
{
    QString text = parser.helpText();
    const qsizetype endOfFirstLine = text.indexOf(u'\n');
    text.replace(0, endOfFirstLine, Text::tr("Usage: %1 %2").arg(commandName, synopsis));
    return text;
}

QString usage(const QString &programName)
{
    QString text = Text::tr("Usage: %1 [command] [options]\n\n"
                            "Without a command, opens the Release Console window.\n\n"
                            "Commands:\n")
                       .arg(programName);
    for (const Command &command : kCommands) {
        text +=
            u"  "_s + QString(command.name).leftJustified(12) + Text::tr(command.summary) + u'\n';
    }
    text += Text::tr("\nOptions:\n"
                     "  --sandbox      Run against the built-in local forge: a demo profile "
                     "'sandbox', demo tokens,\n"
                     "                 nothing stored (put it before the command; alone, it opens "
                     "the window)\n"
                     "  -h, --help     Show this help; '%1 <command> --help' for a command\n"
                     "  -v, --version  Show the version\n")
                .arg(programName);
    return text;
}

int run(const QStringList &allArguments, QTextStream &out, QTextStream &err)
{
    const QString programName = u"release-console"_s;
    GlobalOptions global;
    QStringList arguments = allArguments;
    if (wantsSandbox(arguments)) {
        global.sandbox = true;
        arguments.removeAt(1);
    }
    if (arguments.size() < 2 || isHelpFlag(arguments.at(1))) {
        if (arguments.size() >= 3 && arguments.at(1) == "help"_L1) {
            if (const Command *command = findCommand(arguments.at(2)))
                return command->run({programName + u' ' + arguments.at(2), u"--help"_s}, out, err,
                                    global);
        }
        out << usage(programName);
        return Success;
    }
    if (isVersionFlag(arguments.at(1))) {
        out << versionText();
        return Success;
    }
    const Command *command = findCommand(arguments.at(1));
    if (!command) {
        // Quoting the word helps with typos, but a token pasted here must not be echoed.
        err << Text::tr("error: unknown command '%1'; see '%2 --help'\n")
                   .arg(secrets::redactTokenShapes(arguments.at(1)), programName);
        return InvalidInput;
    }
    // The sub-command sees itself as the program: "release-console payload" + its options.
    QStringList commandArguments = arguments.mid(1);
    commandArguments[0] = programName + u' ' + arguments.at(1);
    return command->run(commandArguments, out, err, global);
}

}  // namespace rc::cli
