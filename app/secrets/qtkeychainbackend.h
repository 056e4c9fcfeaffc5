// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/keychainbackend.h"

#include <QObject>

namespace rc::secrets {

// The OS keychain through QtKeychain, with the insecure (plaintext QSettings) fallback off.
class QtKeychainBackend final : public QObject, public KeychainBackend
{
    Q_OBJECT

public:
    explicit QtKeychainBackend(QObject *parent = nullptr);
    ~QtKeychainBackend() override;

    void read(const QString &service, const QString &account, Done done) override;
    void write(const QString &service, const QString &account, const QCA::SecureArray &secret,
               Done done) override;
    void remove(const QString &service, const QString &account, Done done) override;
};

}  // namespace rc::secrets
