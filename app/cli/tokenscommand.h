// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

class QTextStream;

namespace rc::cli {

// `release-console tokens status|set|remove|test ...`: the tokens in the OS keychain.
// `set` reads the token from standard input (never from the arguments) and never prints it.
// Exit codes: 0 done; 1 the keychain could not do it (message and next step on `err`);
// 2 invalid arguments or token.
int runTokensCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace rc::cli
