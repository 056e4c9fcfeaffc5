// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "cli/clisupport.h"

#include <QStringList>

class QTextStream;

namespace rc::cli {

// release-console ledger list [--profile P] [--limit N] [--json]
//                 ledger show ID [--json]
//                 ledger export --format json|csv [--profile P] [--output FILE]
int runLedgerCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                     const GlobalOptions &global);

}  // namespace rc::cli
