// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/keychainprobe.h"

#include <QDBusConnection>
#include <QObject>

#include <memory>

class QDBusMessage;

namespace rc::secrets {

// Looks at the freedesktop Secret Service (gnome-keyring, KeePassXC, KWallet 6...) over D-Bus,
// the way QtKeychain's libsecret backend stores entries: attribute "server" = service,
// "user" = account, in the default collection. Every call is asynchronous and bounded.
class SecretServiceProbe final : public QObject, public KeychainProbe
{
    Q_OBJECT

public:
    // `secretServiceIsQtKeychainBackend` is false on desktops where QtKeychain prefers KWallet's
    // own API; then only the bus is checked and entries are left to QtKeychain.
    SecretServiceProbe(QDBusConnection bus, std::chrono::milliseconds callTimeout,
                       bool secretServiceIsQtKeychainBackend = qtKeychainUsesSecretService(),
                       QObject *parent = nullptr);
    ~SecretServiceProbe() override;

    void inspect(const QString &service, Done done) override;

    // The session bus of this process (it may be disconnected: that is what the probe reports).
    static QDBusConnection sessionBus();
    // Mirrors QtKeychain's choice on Linux: KWallet on KDE Plasma sessions, else libsecret.
    static bool qtKeychainUsesSecretService();

private:
    struct Inspection;
    using ReplyHandler = std::function<void(const QDBusMessage &)>;

    void call(const QDBusMessage &message, ReplyHandler onReply);
    void checkActivatable(const std::shared_ptr<Inspection> &inspection);
    void readDefaultCollection(const std::shared_ptr<Inspection> &inspection);
    void readLockedProperty(const std::shared_ptr<Inspection> &inspection,
                            const QString &collection);
    void searchItems(const std::shared_ptr<Inspection> &inspection);
    void readItemAttributes(const std::shared_ptr<Inspection> &inspection, QStringList itemPaths);
    void finish(const std::shared_ptr<Inspection> &inspection);
    void fail(const std::shared_ptr<Inspection> &inspection, KeychainError error);

    QDBusConnection m_bus;
    int m_callTimeoutMs;
    bool m_secretServiceIsQtKeychainBackend;
};

}  // namespace rc::secrets
