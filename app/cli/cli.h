// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace rc::cli {

// Exit codes shared by every sub-command (gh-like).
enum ExitCode : int {
    Success = 0,
    Failure = 1,         // the work was attempted and did not succeed
    InvalidInput = 2,    // bad arguments or input; nothing was done
    CheckFailed = 3,     // a release check failed; nothing was sent
    NetworkFailure = 4,  // a forge could not be reached, refused the token or the request
    OutcomeUnknown = 5,  // a dispatch may have been received: look before sending again
};

// True when the arguments ask for something that needs no display: a sub-command, --help or
// --version (after a global --sandbox, if any). Decided before any QGuiApplication exists, so it
// must not touch Qt's GUI.
bool isHeadlessInvocation(const QStringList &arguments);

// Whether the window or the command runs against the built-in sandbox (a global --sandbox
// before the command's name).
bool wantsSandbox(const QStringList &arguments);

// Runs a headless invocation; `arguments` includes the program name first.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

// A sub-command's --help: the parser's text under "Usage: release-console <command> <synopsis>"
// (Qt's own first line names the executable's path instead).
QString commandHelp(const QCommandLineParser &parser, const QString &commandName,
                    const QString &synopsis);

// The top-level usage text shown by --help.
QString usage(const QString &programName);

}  // namespace rc::cli
