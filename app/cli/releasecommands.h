// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "cli/clisupport.h"

#include <QStringList>

class QTextStream;

namespace rc::cli {

// release-console commits --profile P [--limit N] [--json]
int runCommitsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                      const GlobalOptions &global);
// release-console checksum --profile P --commit SHA [--json]
int runChecksumCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const GlobalOptions &global);
// release-console preflight --profile P --commit SHA [release options] [--json]
int runPreflightCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                        const GlobalOptions &global);
// release-console dispatch --profile P --commit SHA [release options] [--yes] [--dry-run] [--json]
int runDispatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const GlobalOptions &global);

}  // namespace rc::cli
