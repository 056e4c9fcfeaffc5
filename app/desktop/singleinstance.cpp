// SPDX-License-Identifier: BSD-3-Clause
#include "desktop/singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rc::desktop {

namespace {

constexpr auto kHello = "release-console/1"_L1;
constexpr std::chrono::milliseconds kMessageTimeout {5000};

// Frames: a 4-byte big-endian length, then {"hello": ..., "arguments": [...]} as JSON.
QByteArray frame(const QStringList &arguments)
{
    const QByteArray json =
        QJsonDocument(QJsonObject {
                          {u"hello"_s, QString(kHello)},
                          {u"arguments"_s, QJsonArray::fromStringList(arguments)},
                      })
            .toJson(QJsonDocument::Compact);
    QByteArray framed;
    QDataStream(&framed, QIODevice::WriteOnly) << quint32(json.size());
    return framed + json;
}

// The arguments of one complete message; nullopt when it is not one of ours.
std::optional<QStringList> unframe(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonValue arguments = object.value(u"arguments"_s);
    if (object.value(u"hello"_s).toString() != kHello || !arguments.isArray() ||
        arguments.toArray().size() > SingleInstance::maxArguments)
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &value : arguments.toArray()) {
        if (!value.isString())
            return std::nullopt;
        list << value.toString();
    }
    return list;
}

}  // namespace

SingleInstance::SingleInstance(QString key, QObject *parent)
    : QObject(parent)
{
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    const QString name = u"release-console-"_s + QString::fromLatin1(hash);
#ifdef Q_OS_UNIX
    // The user's own runtime folder (mode 0700), never the shared temporary one.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    m_serverName = folder.isEmpty() ? name : folder + u'/' + name;
#else
    m_serverName = name + u'-' + qEnvironmentVariable("USERNAME");
#endif
}

SingleInstance::~SingleInstance() = default;

SingleInstance::Role SingleInstance::becomePrimary(const QStringList &arguments, int timeoutMs)
{
    const QString lockPath =
        (m_serverName.contains(u'/') ? m_serverName : QDir::temp().filePath(m_serverName)) +
        u".lock"_s;
    m_lock = std::make_unique<QLockFile>(lockPath);
    m_lock->setStaleLockTime(0);  // only a dead process's lock is stale
    if (m_lock->tryLock(0)) {
        // The first: a socket left by a crash is removed, then this one listens.
        QLocalServer::removeServer(m_serverName);
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
        m_server->listen(m_serverName);  // failing that, this one runs alone
        return Role::Primary;
    }
    m_lock.reset();
    // Another holds the lock: it may still be starting to listen, so keep trying a little.
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(int(std::max<qint64>(1, deadline.remainingTime())))) {
            socket.write(frame(arguments.mid(0, maxArguments)));
            if (socket.waitForBytesWritten(int(std::max<qint64>(1, deadline.remainingTime()))) &&
                socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))) &&
                socket.readAll().startsWith("ok"))
                return Role::HandedOver;
            return Role::NoAnswer;
        }
        QThread::msleep(50);
    }
    return Role::NoAnswer;
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
            const std::optional<QStringList> arguments = unframe(buffered.mid(4, length));
            if (!arguments) {
                socket->abort();
                return;
            }
            socket->write("ok");
            socket->flush();
            socket->disconnectFromServer();
            emit launched(*arguments);
        });
    }
}

}  // namespace rc::desktop
