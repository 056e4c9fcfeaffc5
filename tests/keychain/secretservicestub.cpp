// SPDX-License-Identifier: BSD-3-Clause
// A Secret Service that misbehaves on purpose. By default it owns org.freedesktop.secrets on the
// session bus and swallows every call, so a client sees the hang a stuck keyring prompt causes;
// with --deny it answers every call with org.freedesktop.DBus.Error.AccessDenied (a sandbox or
// a policy refusing the app). Prints "ready" once the name is owned. Stopped by its test.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

class SilentObject final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    explicit SilentObject(bool deny)
        : m_deny(deny)
    { }
    // "Handled" without a reply: the caller waits until its own timeout. Or refused.
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (m_deny) {
            connection.send(message.createErrorReply(QDBusError::AccessDenied,
                                                     u"denied by secretservicestub --deny"_s));
        }
        return true;
    }

private:
    bool m_deny;
};

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    SilentObject silent(QCoreApplication::arguments().contains(u"--deny"_s));
    if (!bus.isConnected() ||
        !bus.registerVirtualObject(u"/"_s, &silent, QDBusConnection::SubPath) ||
        !bus.registerService(u"org.freedesktop.secrets"_s)) {
        QTextStream(stderr) << "secretservicestub: cannot own org.freedesktop.secrets: "
                            << bus.lastError().message() << '\n';
        return 1;
    }
    QTextStream(stdout) << "ready" << Qt::endl;
    return QCoreApplication::exec();
}
