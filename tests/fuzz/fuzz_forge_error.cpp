// SPDX-License-Identifier: BSD-3-Clause
// An HTTP error answer (status, headers, body) mapped to a ForgeError. The first two bytes pick
// the status; then header lines, an empty line, and the body.
#include "forge/forgeerror.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

using namespace rc::forge;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const rc::fuzz::HttpPieces http = rc::fuzz::splitHttp(rc::fuzz::bytesOf(data + 2, size - 2));
    const QDateTime now = rc::fuzz::fuzzNow();
    const int strikes = data[0] % 10;
    const double jitter = data[1] / 255.0;

    const ForgeError error = errorFromHttp(status, http.headers, http.body, now, strikes, jitter);
    RC_FUZZ_CHECK(error.isError());
    RC_FUZZ_CHECK(error.httpStatus == status);
    RC_FUZZ_CHECK(!error.describe().isEmpty());
    RC_FUZZ_CHECK(error.message == serverMessage(http.body) || error.message.isEmpty() ||
                  serverMessage(http.body).isEmpty());
    if (error.kind == ForgeError::Kind::RateLimited) {
        // A rate limit always says when to try again, as a real moment.
        RC_FUZZ_CHECK(error.retryAt && error.retryAt->isValid());
        RC_FUZZ_CHECK(status == 429 || status == 403);
    }
    switch (status) {
    case 401:
        RC_FUZZ_CHECK(error.kind == ForgeError::Kind::Unauthorized);
        break;
    case 404:
    case 410:
        RC_FUZZ_CHECK(error.kind == ForgeError::Kind::NotFound);
        break;
    case 400:
    case 409:
    case 422:
        RC_FUZZ_CHECK(error.kind == ForgeError::Kind::Validation);
        break;
    default:
        if (status >= 500)
            RC_FUZZ_CHECK(error.kind == ForgeError::Kind::Server);
        break;
    }

    // Whatever the server wrote back, a token we name never survives redaction.
    const QString token = u"ghp_FuzzSecretToken"_s;
    const QString echoed = redacted(error.message + token + error.describe(), token);
    RC_FUZZ_CHECK(!echoed.contains(token));
    return 0;
}
