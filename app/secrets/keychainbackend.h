// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/keychainerror.h"

#include <QString>
#include <QtCrypto>

#include <functional>
#include <optional>

namespace rc::secrets {

struct KeychainReply
{
    std::optional<KeychainError> error;
    QCA::SecureArray secret;  // only filled by a successful read
};

// The raw keychain operations, so tests and other platforms can plug in their own. An
// implementation calls `done` at most once, later, from the event loop. A hanging keychain may
// never call it: TokenStore's timeout covers that, so an implementation must tolerate being asked
// again while an earlier call is still pending, and must never call `done` after it is destroyed.
class KeychainBackend
{
public:
    using Done = std::function<void(KeychainReply)>;

    virtual ~KeychainBackend() = default;

    virtual void read(const QString &service, const QString &account, Done done) = 0;
    virtual void write(const QString &service, const QString &account,
                       const QCA::SecureArray &secret, Done done) = 0;
    virtual void remove(const QString &service, const QString &account, Done done) = 0;
};

}  // namespace rc::secrets
