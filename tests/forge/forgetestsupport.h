// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/forgeresult.h"
#include "forge/tokensource.h"
#include "forge/transport.h"
#include "support/forgewait.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTest>

namespace rc::forge::test {

// Waits (event loop, no sleep) for a reply and copies its response before it deletes itself.
inline bool waitFor(ForgeReply *reply, ForgeResponse *out, int timeoutMs = 15000)
{
    bool done = false;
    QObject context;
    QObject::connect(reply, &ForgeReply::finished, &context, [&] {
        *out = reply->response();
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, timeoutMs);
}

// Runs a client call taking (context, callback) and waits for its result.
template<class T, class Call>
bool waitForResult(Call call, ForgeResult<T> *out, int timeoutMs = 15000)
{
    bool done = false;
    QObject context;
    call(&context, [&](const ForgeResult<T> &r) {
        *out = r;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, timeoutMs);
}

// A transport with a settable clock, a fixed jitter, a tight deadline and instant retries.
// Its inactivity timeout is long enough that a test process standing still on a loaded machine
// (sanitizers, two shared cores) does not look like a silent server; the tests that wait out a
// silent server shorten it.
struct TransportFixture
{
    QNetworkAccessManager nam;
    MemoryTokenSource tokens;
    QDateTime now = QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
    Transport transport {&nam, &tokens, [this] {
                             return now;
                         }};

    TransportFixture()
    {
        TransportOptions o;
        o.inactivityTimeout = std::chrono::milliseconds(2000);
        o.deadline = std::chrono::milliseconds(5000);
        o.retryBaseDelay = std::chrono::milliseconds(1);
        o.retryMaxDelay = std::chrono::milliseconds(5);
        o.maxRetries = 2;
        transport.setOptions(o);
        transport.setRandomSource([] { return 0.5; });
    }

    // For a test that waits until a silent server times out.
    void shortenInactivityTimeout()
    {
        rc::test::setInactivityTimeout(transport, rc::test::kSilenceTimeout);
    }
};

}  // namespace rc::forge::test
