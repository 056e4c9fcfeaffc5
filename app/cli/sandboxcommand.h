// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

class QTextStream;

namespace rc::cli {

// `release-console sandbox serve [--port N] [--speed X]`: runs the local forge simulator
// headless until SIGINT/SIGTERM, after printing its base URLs and demo tokens.
int runSandboxCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace rc::cli
