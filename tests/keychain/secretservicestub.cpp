// A Secret Service that never answers: it owns org.freedesktop.secrets on the session bus and
// swallows every call, so a client sees the hang a stuck keyring prompt causes. Prints "ready"
// once the name is owned. Stopped by the test that started it.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

class SilentObject final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    // "Handled" without a reply: the caller waits until its own timeout.
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    SilentObject silent;
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
