// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QtGlobal>

// Tests of time and memory bounds run under AddressSanitizer in CI (the dev preset). There the
// code runs several times slower and freed memory is held in a quarantine before it is reused:
// bounds scale by these, so that they still catch a change of complexity, not the instrument.

#if defined(__SANITIZE_ADDRESS__)
#define RC_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RC_TEST_UNDER_ASAN 1
#endif
#endif

namespace rc::test {

#ifdef RC_TEST_UNDER_ASAN
inline constexpr bool kUnderAddressSanitizer = true;
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif

// How many times longer a time bound may be under the sanitizer.
inline constexpr int kSanitizerSlowdown = kUnderAddressSanitizer ? 4 : 1;

// How many times fewer bytes a throughput test feeds under the sanitizer, keeping its time bound.
inline constexpr int kSanitizerWorkDivisor = kUnderAddressSanitizer ? 20 : 1;

// Memory the sanitizer itself may hold on top of what the code keeps (its quarantine, set by
// ASAN_OPTIONS in the test preset).
inline constexpr qint64 kSanitizerMemorySlackBytes = kUnderAddressSanitizer ? qint64(48) << 20 : 0;

}  // namespace rc::test
