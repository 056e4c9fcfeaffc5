#include "desktop/singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rc::desktop {

namespace {

// The user, as the system names them, so that each user has a server of their own.
QString userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name;
}

constexpr QByteArrayView kHello("release-console/1");
constexpr std::chrono::milliseconds kMessageTimeout {5000};

}  // namespace

SingleInstance::SingleInstance(QString key, QObject *parent)
    : QObject(parent)
{
    const QByteArray hash =
        QCryptographicHash::hash((key + u'\n' + userName()).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(24);
    m_serverName = u"release-console-"_s + QString::fromLatin1(hash);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::becomePrimary(const QStringList &arguments, int timeoutMs)
{
    {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(timeoutMs)) {
            QByteArray message;
            QDataStream stream(&message, QIODevice::WriteOnly);
            stream << kHello.toByteArray() << arguments.mid(0, maxArguments);
            QByteArray framed;
            QDataStream(&framed, QIODevice::WriteOnly) << quint32(message.size());
            framed += message;
            socket.write(framed);
            // The first instance answers once it has the message. Without an answer in time it
            // is still there (busy): this launch exits all the same rather than open a second.
            if (socket.waitForBytesWritten(timeoutMs))
                socket.waitForReadyRead(timeoutMs);
            return false;
        }
    }
    // Nobody answered: a server file left by a crash is removed before listening.
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        QLocalServer::removeServer(m_serverName);
        if (!m_server->listen(m_serverName))
            return true;  // cannot listen: run alone rather than not at all
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A launch hands its arguments at once; a connection that holds back is dropped.
        QTimer::singleShot(kMessageTimeout, socket, &QLocalSocket::abort);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket = QPointer(socket)] {
            if (!socket)
                return;
            if (socket->bytesAvailable() > maxMessageBytes + 4) {
                socket->abort();
                return;
            }
            const QByteArray buffered = socket->peek(socket->bytesAvailable());
            if (buffered.size() < 4)
                return;
            quint32 length = 0;
            QDataStream(buffered.left(4)) >> length;
            if (length > maxMessageBytes) {
                socket->abort();
                return;
            }
            if (buffered.size() < qsizetype(4 + length))
                return;  // the rest is on its way
            socket->read(4 + length);
            QDataStream stream(buffered.mid(4, length));
            QByteArray hello;
            QStringList arguments;
            stream >> hello >> arguments;
            if (stream.status() != QDataStream::Ok || hello != kHello ||
                arguments.size() > maxArguments) {
                socket->abort();
                return;
            }
            socket->write("ok");
            socket->flush();
            socket->disconnectFromServer();
            emit launched(arguments);
        });
    }
}

}  // namespace rc::desktop
