// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/keychainerror.h"

#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace rc::secrets {

// What a probe learned about the keychain without reading any secret.
struct KeychainProbeResult
{
    // Set when the keychain must not be called at all now: no D-Bus session, no Secret Service,
    // the default keyring is locked, or it did not answer in time.
    std::optional<KeychainError> problem;
    // True when `accounts` is the complete list of entries under the service; false when the
    // probe cannot see entries (another backend, another platform) and only a read can tell.
    bool seesEntries = false;
    QStringList accounts;      // entries under the service that are visible (unlocked)
    int lockedEntryCount = 0;  // entries under the service that exist but are locked
};

// Looks at the keychain before QtKeychain is asked, because QtKeychain alone cannot tell a locked
// keyring, a missing provider or a hanging one from an absent entry (and on Linux a hanging call
// blocks every later QtKeychain job of the process).
class KeychainProbe
{
public:
    using Done = std::function<void(KeychainProbeResult)>;

    virtual ~KeychainProbe() = default;

    // Calls `done` at most once, later, from the event loop.
    virtual void inspect(const QString &service, Done done) = 0;
};

// The probe for this platform: the Secret Service over the session bus on Linux (each D-Bus call
// bounded by `callTimeout`), and on other platforms a probe that sees nothing and lets
// QtKeychain answer.
std::unique_ptr<KeychainProbe> createSystemKeychainProbe(std::chrono::milliseconds callTimeout);

}  // namespace rc::secrets
