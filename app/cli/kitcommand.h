// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

class QTextStream;

namespace rc::cli {

// `release-console kit export DIR [--builder conda-build|rattler-build] [--recipe NAME]
// [--force]`: writes the recipes-repo kit (deploy workflow, recipe template, README) under DIR
// and prints the files written. Refuses to replace existing files without --force.
int runKitCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace rc::cli
