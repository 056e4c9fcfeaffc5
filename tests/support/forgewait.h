// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/forgeresult.h"

#include <QObject>
#include <QTest>

namespace rc::test {

// Runs a client call taking (context, callback) and waits (event loop, no sleep) for its result.
// The context dies on return, so a call still running when the wait gives up is aborted.
template<class T, class Call>
bool waitForResult(Call call, forge::ForgeResult<T> *out, int timeoutMs = 20000)
{
    bool done = false;
    QObject context;
    call(&context, [&](const forge::ForgeResult<T> &result) {
        *out = result;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, timeoutMs);
}

}  // namespace rc::test
