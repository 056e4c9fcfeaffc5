// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/forgeresult.h"
#include "forge/transport.h"

#include <QObject>
#include <QTest>

#include <chrono>
#include <utility>

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

// The same for a test that checks the result whatever it is: a wait that gives up yields a
// Cancelled error, so it can never pass for the answer the test expects.
template<class T, class Call>
forge::ForgeResult<T> resultOf(Call call, int timeoutMs = 20000)
{
    forge::ForgeResult<T> result;
    if (!waitForResult<T>(std::move(call), &result, timeoutMs))
        result.error = forge::ForgeError::make(forge::ForgeError::Kind::Cancelled,
                                               QStringLiteral("test wait timed out"));
    return result;
}

// The inactivity timeout of a test that waits until a silent server times out. Only that wait is
// made short: elsewhere a stalled test process (AddressSanitizer, a loaded machine) must not pass
// for a silent server, since a POST is not retried.
inline constexpr std::chrono::milliseconds kSilenceTimeout {400};

inline void setInactivityTimeout(forge::Transport &transport, std::chrono::milliseconds timeout)
{
    forge::TransportOptions options = transport.options();
    options.inactivityTimeout = timeout;
    transport.setOptions(options);
}

}  // namespace rc::test
