// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Real parts for keychain tests: a private D-Bus daemon (no service activation, so nothing on
// the machine can be started behind the test's back), a throw-away gnome-keyring on it, and
// runs of the real release-console binary with a fresh HOME. Nothing here touches the user's
// own session bus or keyring.

#include <QByteArray>
#include <QDBusConnection>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace rc::test {

// Recognisable and fake: every test stores this, then proves it was written nowhere else.
inline constexpr char kCanaryToken[] = "ghp_RCCANARY7e57c0ffee0123456789abcdefABCD";
inline constexpr char kOtherCanaryToken[] = "glpat-RCCANARY2-feedface0123456789";

// A dbus-daemon of our own, on a socket in a temporary folder; killed on destruction.
class PrivateBus
{
public:
    PrivateBus();
    ~PrivateBus();
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    bool isRunning() const { return !m_address.isEmpty(); }
    QString address() const { return m_address; }
    // A connection of this test process to the bus (named, so several buses can coexist).
    QDBusConnection connection() const;
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QString m_connectionName;
    QString m_error;
};

// gnome-keyring-daemon on a PrivateBus with its own home; unlocked with a random password.
class PrivateKeyring
{
public:
    explicit PrivateKeyring(const PrivateBus &bus);
    ~PrivateKeyring();
    PrivateKeyring(const PrivateKeyring &) = delete;
    PrivateKeyring &operator=(const PrivateKeyring &) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    QString home() const { return m_home.path(); }
    // Locks the default collection through org.freedesktop.Secret.Service.Lock.
    bool lockDefaultCollection();
    // Every file under the keyring's home with its content, to show nothing changed.
    QByteArray snapshot() const;

private:
    const PrivateBus &m_bus;
    QTemporaryDir m_home;
    QProcess m_daemon;
    bool m_running = false;
    QString m_error;
};

// The misbehaving Secret Service (secretservicestub) on a PrivateBus: it never answers, or with
// `Behaviour::Deny` it refuses every call.
class SilentSecretService
{
public:
    enum class Behaviour { NeverAnswer, Deny };
    explicit SilentSecretService(const PrivateBus &bus,
                                 Behaviour behaviour = Behaviour::NeverAnswer);
    ~SilentSecretService();
    SilentSecretService(const SilentSecretService &) = delete;
    SilentSecretService &operator=(const SilentSecretService &) = delete;
    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }

private:
    QProcess m_stub;
    bool m_running = false;
    QString m_error;
};

struct AppRun
{
    int exitCode = -1;  // -1: crashed or did not finish
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

// Runs the real release-console with `busAddress` as its session bus ("" = no bus at all) and
// a fresh HOME/XDG tree under `home`, feeding `input` on standard input.
AppRun runApp(const QStringList &arguments, const QString &busAddress, const QString &home,
              const QByteArray &input = {});

// Every file under `folder` whose bytes contain `needle`.
QStringList filesContaining(const QString &folder, QByteArrayView needle);
// Every regular file under `folder`.
QStringList filesUnder(const QString &folder);

}  // namespace rc::test
