// SPDX-License-Identifier: BSD-3-Clause
// GitHub's token headers: GitHub-Authentication-Token-Expiration and X-OAuth-Scopes.
#include "forge/forgeheaders.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView value = rc::fuzz::bytesOf(data, size);

    if (const std::optional<QDateTime> expiry = rc::forge::parseTokenExpiration(value)) {
        RC_FUZZ_CHECK(expiry->isValid());
        // Whatever zone the header names, the moment is stored in UTC for comparisons.
        RC_FUZZ_CHECK(expiry->toUTC() == *expiry);
    }
    for (const QString &scope : rc::forge::parseScopes(value)) {
        RC_FUZZ_CHECK(!scope.isEmpty());
        RC_FUZZ_CHECK(scope == scope.trimmed());
        RC_FUZZ_CHECK(!scope.contains(u','));
    }
    return 0;
}
