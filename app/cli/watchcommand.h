#pragma once

#include "cli/clisupport.h"
#include "watch/runwatcher.h"

#include <QStringList>

class QTextStream;

namespace rc::flow {
struct ForgeClients;
}

namespace rc::cli {

// release-console watch [RUN_ID|--last] [--profile P] [--interval S] [--json]
int runWatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                    const GlobalOptions &global);

// Follows one run to its true per-platform outcome, printing a line per change (JSON lines with
// `json`). Exit code: 0 every platform succeeded, 1 one failed or was cancelled, 4 the forge
// could not be asked, 5 the run could not be found.
int followRun(const flow::ForgeClients &clients, const watch::WatchTarget &target,
              const watch::WatchOptions &options, bool json, QTextStream &out, QTextStream &err);

}  // namespace rc::cli
