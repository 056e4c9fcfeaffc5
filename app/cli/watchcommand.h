// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "cli/clisupport.h"
#include "watch/runwatcher.h"

#include <QStringList>

class QTextStream;

namespace rc::flow {
struct ForgeClients;
}
namespace rc::ledger {
class ReleaseLedger;
}

namespace rc::cli {

// release-console watch [RUN_ID|--last] [--profile P] [--interval S] [--json]
int runWatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                    const GlobalOptions &global);

// release-console runs [--profile P] [--limit N] [--json]
int runRunsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                   const GlobalOptions &global);

// Follows one run to its true per-platform outcome, printing a line per change (JSON lines with
// `json`). Exit code: 0 every platform succeeded, 1 one failed or was cancelled, 4 the forge
// could not be asked, 5 the run could not be found.
// With a `ledger` and the dispatch's `entryId`, the platforms and the outcome are recorded.
int followRun(const flow::ForgeClients &clients, const watch::WatchTarget &target,
              const watch::WatchOptions &options, const watch::RunWatcher::Clock &clock, bool json,
              QTextStream &out, QTextStream &err, ledger::ReleaseLedger *ledger = nullptr,
              qint64 entryId = 0);

}  // namespace rc::cli
