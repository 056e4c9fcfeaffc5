// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

class QTextStream;

namespace rc::cli {

// `release-console payload ...`: validates a release and prints the exact dispatch body.
// Invalid input: exit 2, one line per problem on `err`, nothing on `out`.
int runPayloadCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace rc::cli
