// SPDX-License-Identifier: BSD-3-Clause
// Rate-limit headers (GitHub x-ratelimit-*, GitLab RateLimit-*), Retry-After and the server's
// Date, with the clock-skew correction the transport applies to all of them.
#include "forge/forgeheaders.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rc::fuzz::HttpPieces http = rc::fuzz::splitHttp(rc::fuzz::bytesOf(data, size));
    const QDateTime now = rc::fuzz::fuzzNow();

    const std::optional<QDateTime> date = rc::forge::serverDate(http.headers);
    if (date) {
        RC_FUZZ_CHECK(date->isValid());
        // The server's "now" moved to our clock is our now: that is what skew correction means.
        RC_FUZZ_CHECK(rc::forge::toLocalClock(*date, http.headers, now) == now);
    }
    // Any HTTP date the parser accepts is a real moment.
    if (const auto parsed = rc::forge::parseHttpDate(http.body))
        RC_FUZZ_CHECK(parsed->isValid());

    if (const std::optional<rc::forge::RateLimit> limit =
            rc::forge::parseRateLimit(http.headers, now)) {
        RC_FUZZ_CHECK(limit->limit >= -1 && limit->remaining >= -1);
        // A reset moment, when given, is a real moment on the local clock.
        RC_FUZZ_CHECK(limit->resetAt.isNull() || limit->resetAt.isValid());
        if (limit->isExhausted())
            RC_FUZZ_CHECK(limit->remaining == 0);
    }

    if (const std::optional<QDateTime> retryAt = rc::forge::parseRetryAfter(http.headers, now))
        RC_FUZZ_CHECK(retryAt->isValid());
    return 0;
}
