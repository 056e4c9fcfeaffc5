// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "cli/clisupport.h"

#include <QStringList>

class QTextStream;

namespace rc::cli {

// release-console profiles list|show|add|edit|remove [--json]
int runProfilesCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const GlobalOptions &global);

}  // namespace rc::cli
