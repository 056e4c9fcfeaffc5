// SPDX-License-Identifier: BSD-3-Clause
#include "cli/clisupport.h"

#include "cli/cli.h"
#include "forge/servertext.h"
#include "secrets/redaction.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef Q_OS_WIN
#include <io.h>
#include <stdio.h>
#else
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::Session)
};

// A sandbox run (about 12 virtual minutes) takes half a minute at this speed.
constexpr double kSandboxSpeed = 25.0;

}  // namespace

QString printable(const QString &text)
{
    return forge::printableServerText(text, 0, forge::LineBreaks::Keep);
}

void waitUntil(const bool &done)
{
    QEventLoop loop;
    while (!done)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

bool standardOutputIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdout)) != 0;
#else
    return isatty(STDOUT_FILENO) != 0;
#endif
}

bool standardInputIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

CommandSession openSession(const GlobalOptions &global, const QString &profileName,
                           QTextStream &err)
{
    CommandSession session;
    flow::ReleaseEnvironment::Options options;
    options.sandbox = global.sandbox;
    options.sandboxSpeed = kSandboxSpeed;
    QString error;
    session.environment = flow::ReleaseEnvironment::create(options, &error);
    if (!session.environment) {
        err << Text::tr("error: %1").arg(error) << u'\n';
        session.exitCode = Failure;
        return session;
    }
    QString name = profileName;
    if (name.isEmpty() && global.sandbox)
        name = u"sandbox"_s;
    if (name.isEmpty()) {
        const QStringList names = session.environment->profiles().names();
        if (names.size() == 1) {
            name = names.constFirst();
        } else {
            err << (names.isEmpty()
                        ? Text::tr("error: no profile yet: create one with 'release-console "
                                   "profiles add', or try '--sandbox'")
                        : Text::tr("error: say which profile with --profile (%1)")
                              .arg(names.join(u", "_s)))
                << u'\n';
            session.exitCode = InvalidInput;
            return session;
        }
    }
    const std::optional<profiles::Profile> profile = session.environment->profiles().load(name);
    if (!profile) {
        err << Text::tr("error: no profile named '%1'; see 'release-console profiles list'")
                   .arg(secrets::redactTokenShapes(name))
            << u'\n';
        session.exitCode = InvalidInput;
        return session;
    }
    session.profile = *profile;
    const QList<profiles::ProfileProblem> problems = profiles::validateProfile(*profile);
    if (!problems.isEmpty()) {
        for (const profiles::ProfileProblem &problem : problems)
            err << Text::tr("error: profile '%1': %2: %3")
                       .arg(name, profiles::profileFieldName(problem.field), problem.message)
                << u'\n';
        session.exitCode = InvalidInput;
        return session;
    }

    bool loaded = false;
    QStringList tokenProblems;
    QObject context;
    session.environment->prepareTokens(session.profile, &context,
                                       [&loaded, &tokenProblems](QStringList problemsFound) {
                                           tokenProblems = problemsFound;
                                           loaded = true;
                                       });
    waitUntil(loaded);
    // A missing token is for the checks to report, with what to do about it.
    for (const QString &problem : std::as_const(tokenProblems))
        err << Text::tr("warning: token %1").arg(problem) << u'\n';
    return session;
}

}  // namespace rc::cli
