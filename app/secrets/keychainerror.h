// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

namespace rc::secrets {

// Why the keychain could not do what was asked. Each kind has its own message and next step,
// because each needs a different action from the maintainer.
enum class KeychainErrorKind {
    NoDBusSession,    // Linux: no session bus to reach a keychain on
    NoSecretService,  // a session bus, but nothing provides org.freedesktop.secrets
    Locked,           // the keyring exists and is locked: entries may exist but cannot be seen
    AccessDenied,     // the keychain refused (or the user dismissed the prompt)
    NotFound,         // the keychain answered and has no such entry
    TimedOut,         // the keychain did not answer within the app's timeout
    NoBackend,        // QtKeychain has no backend on this platform
    Failed,           // anything else; `detail` says what the keychain said
};

struct KeychainError
{
    KeychainErrorKind kind = KeychainErrorKind::Failed;
    QString detail;  // what the keychain or D-Bus said, never a secret

    // A stable identifier for JSON and tests, e.g. "locked", "no-dbus-session".
    QString id() const;
    // One sentence saying what is wrong, in the maintainer's words.
    QString message() const;
    // What to do about it.
    QString nextStep() const;
    // message, detail (when there is one) and next step on one line, for a CLI or a label.
    QString describe() const;
    // True when the keychain cannot be used at all (as opposed to "this entry is missing").
    bool makesKeychainUnusable() const;

    friend bool operator==(const KeychainError &, const KeychainError &) = default;
};

}  // namespace rc::secrets
