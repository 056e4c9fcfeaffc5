// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Runs the real executable as a user would from a terminal, for the command tests.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct AppOutcome
{
    int exitCode = -1;  // -1: crashed or did not finish
    QString out;
    QString err;
};

// The environment of a terminal without any display: a GUI would abort on the xcb platform.
inline QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    return environment;
}

inline AppOutcome runApp(const QStringList &arguments,
                         const QProcessEnvironment &environment = headlessEnvironment(),
                         const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RC_APP_EXECUTABLE), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}
