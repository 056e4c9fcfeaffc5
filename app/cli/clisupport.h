// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// What the release commands share: the environment, waiting on the event loop, printing
// outside text safely. Not part of the public contract.

#include "flow/releaseenvironment.h"
#include "profiles/profile.h"

#include <QEventLoop>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QTextStream;

namespace rc::cli {

// Options every release command takes (before or after the command's name).
struct GlobalOptions
{
    bool sandbox = false;
};

// Server text (commit titles, error messages) as a terminal may show it: control characters,
// escape sequences, carriage returns, bells and bidi controls dropped, so a commit title cannot
// rewrite the screen (forge::printableServerText, line breaks kept).
QString printable(const QString &text);

// Runs the event loop until `object` emits `signal` (or is destroyed).
template<class Object, class Signal>
void waitFor(Object *object, Signal signal)
{
    QEventLoop loop;
    QObject::connect(object, signal, &loop, &QEventLoop::quit);
    QObject::connect(object, &QObject::destroyed, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until a callback has set `done`.
void waitUntil(const bool &done);

// The environment of a command, with its profile and tokens loaded; on failure it has written
// the reason to `err` and `exitCode` says how the command must end.
struct CommandSession
{
    std::unique_ptr<flow::ReleaseEnvironment> environment;
    profiles::Profile profile;
    int exitCode = 0;

    bool ok() const { return environment != nullptr && exitCode == 0; }
};

// Opens the environment (the sandbox or the user's), loads profile `name` (in the sandbox,
// "sandbox" when empty) and its tokens.
CommandSession openSession(const GlobalOptions &global, const QString &profileName,
                           QTextStream &err);

// Whether the terminal can be asked (stdin is a terminal).
bool standardInputIsTerminal();
// Whether standard output is a terminal (a live view may redraw in place).
bool standardOutputIsTerminal();

}  // namespace rc::cli
