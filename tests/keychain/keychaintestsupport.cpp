// SPDX-License-Identifier: BSD-3-Clause
#include "keychaintestsupport.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusServiceWatcher>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rc::test {

namespace {

constexpr int kStartTimeoutMs = 10000;

// A session bus with no <servicedir>: nothing can be activated, so a test sees exactly the
// services it started.
QByteArray busConfig(const QString &socketDirectory)
{
    return "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
           " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
           "<busconfig><type>session</type><listen>unix:dir=" +
        socketDirectory.toUtf8() +
        "</listen>\n"
        "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
        "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n";
}

void setFreshHome(QProcessEnvironment &environment, const QString &home)
{
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    environment.insert(u"XDG_STATE_HOME"_s, home + u"/.local/state"_s);
    environment.insert(u"XDG_RUNTIME_DIR"_s, home + u"/runtime"_s);
    QDir().mkpath(home + u"/runtime"_s);
    QFile::setPermissions(home + u"/runtime"_s,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // QtKeychain picks KWallet on KDE sessions; these tests are about the Secret Service.
    for (const QString &name :
         {u"XDG_CURRENT_DESKTOP"_s, u"DESKTOP_SESSION"_s, u"KDE_FULL_SESSION"_s,
          u"KDE_SESSION_VERSION"_s, u"GNOME_DESKTOP_SESSION_ID"_s, u"DISPLAY"_s,
          u"WAYLAND_DISPLAY"_s, u"GNOME_KEYRING_CONTROL"_s}) {
        environment.remove(name);
    }
}

// Waits (on the event loop, no sleeping) until `name` is owned on `bus`.
bool waitForName(const QDBusConnection &bus, const QString &name)
{
    QDBusServiceWatcher watcher(name, bus, QDBusServiceWatcher::WatchForRegistration);
    QEventLoop loop;
    QObject::connect(&watcher, &QDBusServiceWatcher::serviceRegistered, &loop, &QEventLoop::quit);
    QTimer::singleShot(kStartTimeoutMs, &loop, &QEventLoop::quit);
    if (!bus.interface()->isServiceRegistered(name))
        loop.exec();
    return bus.interface()->isServiceRegistered(name);
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished(kStartTimeoutMs);
}

}  // namespace

PrivateBus::PrivateBus()
{
    const QString configPath = m_dir.filePath(u"bus.conf"_s);
    QFile config(configPath);
    if (!m_dir.isValid() || !config.open(QIODevice::WriteOnly)) {
        m_error = u"cannot write the bus configuration"_s;
        return;
    }
    config.write(busConfig(m_dir.path()));
    config.close();
    m_daemon.start(u"dbus-daemon"_s,
                   {u"--config-file="_s + configPath, u"--nofork"_s, u"--print-address=1"_s});
    if (!m_daemon.waitForStarted(kStartTimeoutMs)) {
        m_error = u"dbus-daemon did not start: "_s + m_daemon.errorString();
        return;
    }
    while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(kStartTimeoutMs)) { }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    if (m_address.isEmpty())
        m_error = u"dbus-daemon printed no address: "_s +
            QString::fromUtf8(m_daemon.readAllStandardError());
    static int counter = 0;
    m_connectionName = u"rc-test-bus-"_s + QString::number(++counter);
}

PrivateBus::~PrivateBus()
{
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
    stop(m_daemon);
}

QDBusConnection PrivateBus::connection() const
{
    return QDBusConnection::connectToBus(m_address, m_connectionName);
}

PrivateKeyring::PrivateKeyring(const PrivateBus &bus)
    : m_bus(bus)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    setFreshHome(environment, m_home.path());
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, bus.address());
    m_daemon.setProcessEnvironment(environment);
    m_daemon.start(u"gnome-keyring-daemon"_s,
                   {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    if (!m_daemon.waitForStarted(kStartTimeoutMs)) {
        m_error = u"gnome-keyring-daemon did not start: "_s + m_daemon.errorString();
        return;
    }
    // The password only unlocks this throw-away keyring; nobody needs to know it.
    m_daemon.write(QByteArray::number(QRandomGenerator::system()->generate64(), 36));
    m_daemon.closeWriteChannel();
    m_running = waitForName(bus.connection(), u"org.freedesktop.secrets"_s);
    if (!m_running)
        m_error = u"gnome-keyring-daemon did not own org.freedesktop.secrets: "_s +
            QString::fromUtf8(m_daemon.readAllStandardError());
}

PrivateKeyring::~PrivateKeyring()
{
    stop(m_daemon);
}

bool PrivateKeyring::lockDefaultCollection()
{
    const QString service = u"org.freedesktop.secrets"_s;
    const QString path = u"/org/freedesktop/secrets"_s;
    const QString interface = u"org.freedesktop.Secret.Service"_s;
    QDBusMessage readAlias =
        QDBusMessage::createMethodCall(service, path, interface, u"ReadAlias"_s);
    readAlias << u"default"_s;
    const QDBusMessage alias = m_bus.connection().call(readAlias, QDBus::Block, kStartTimeoutMs);
    const QDBusObjectPath collection = alias.arguments().value(0).value<QDBusObjectPath>();
    if (alias.type() != QDBusMessage::ReplyMessage || collection.path().size() < 2) {
        m_error = u"no default collection: "_s + alias.errorMessage();
        return false;
    }
    QDBusMessage lock = QDBusMessage::createMethodCall(service, path, interface, u"Lock"_s);
    lock << QVariant::fromValue(QList<QDBusObjectPath> {collection});
    const QDBusMessage locked = m_bus.connection().call(lock, QDBus::Block, kStartTimeoutMs);
    if (locked.type() != QDBusMessage::ReplyMessage) {
        m_error = u"Lock failed: "_s + locked.errorMessage();
        return false;
    }
    return true;
}

QByteArray PrivateKeyring::snapshot() const
{
    QByteArray all;
    const QStringList files = filesUnder(m_home.path());
    for (const QString &path : files) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            all += path.toUtf8() + '\n' + file.readAll() + '\n';
    }
    return all;
}

SilentSecretService::SilentSecretService(const PrivateBus &bus, Behaviour behaviour)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, bus.address());
    m_stub.setProcessEnvironment(environment);
    m_stub.start(QStringLiteral(RC_SECRET_SERVICE_STUB),
                 behaviour == Behaviour::Deny ? QStringList {u"--deny"_s} : QStringList {});
    while (m_stub.waitForReadyRead(kStartTimeoutMs) && !m_stub.canReadLine()) { }
    m_running = m_stub.readLine().trimmed() == "ready";
    if (!m_running)
        m_error = u"secretservicestub did not start: "_s +
            QString::fromUtf8(m_stub.readAllStandardError());
}

SilentSecretService::~SilentSecretService()
{
    stop(m_stub);
}

AppRun runApp(const QStringList &arguments, const QString &busAddress, const QString &home,
              const QByteArray &input)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    setFreshHome(environment, home);
    if (busAddress.isEmpty())
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    else
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, busAddress);
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(RC_APP_EXECUTABLE), arguments);
    if (!process.waitForStarted(kStartTimeoutMs))
        return {};
    process.write(input);
    process.closeWriteChannel();
    AppRun run;
    if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    else
        stop(process);
    run.elapsedMs = clock.elapsed();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QStringList filesContaining(const QString &folder, QByteArrayView needle)
{
    QStringList hits;
    for (const QString &path : filesUnder(folder)) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

}  // namespace rc::test
