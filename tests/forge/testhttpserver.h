// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// A tiny scripted HTTP/1.1 server on loopback for transport tests: every byte is ours, so
// truncated bodies, silence and trickles are easy. One request per connection (Connection: close).
// listenTls() serves https instead (a QSslServer with a certificate made by the test).

#include <QHostAddress>
#include <QHttpHeaders>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace rc::forge::test {

struct HttpRequest
{
    QByteArray method;
    QByteArray target;  // path + query as sent
    QHttpHeaders headers;
    QByteArray body;
    QByteArray path() const
    {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
};

struct HttpAnswer
{
    QByteArray raw;                   // the exact bytes to write
    bool hang = false;                // accept the request and never answer
    int trickleMs = 0;                // after the head, write one body byte every trickleMs
    bool silentAfterTrickle = false;  // then leave the connection open and say nothing more
    bool reset = false;  // read the request, then drop the connection without an answer
};

// Builds a well-formed answer.
inline HttpAnswer answer(int status, const QByteArray &body = {},
                         const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                         const QByteArray &contentType = "application/json; charset=utf-8")
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : headers) {
        raw += name + ": " + value + "\r\n";
        hasLength = hasLength || name.compare("content-length", Qt::CaseInsensitive) == 0;
    }
    if (!contentType.isEmpty() && !body.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    if (!hasLength)
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "Connection: close\r\n\r\n" + body;
    return {raw, false, 0};
}

inline HttpAnswer redirect(int status, const QUrl &to)
{
    return answer(status, {}, {{"Location", to.toEncoded()}});
}

class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpAnswer(const HttpRequest &)>;

    explicit TestHttpServer(QObject *parent = nullptr)
        : QObject(parent)
        , m_server(std::make_unique<QTcpServer>())
    {
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
                &TestHttpServer::onConnection);
    }
    bool listen(const QHostAddress &address = QHostAddress::LocalHost)
    {
        return m_server->listen(address, 0);
    }
    // Serves https with `configuration` (local certificate and private key). A connection
    // reaches the handler only after its handshake succeeded.
    bool listenTls(const QSslConfiguration &configuration,
                   const QHostAddress &address = QHostAddress::LocalHost)
    {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(configuration);
        connect(server.get(), &QSslServer::pendingConnectionAvailable, this,
                &TestHttpServer::onConnection);
        connect(server.get(), &QSslServer::errorOccurred, this,
                [this](QSslSocket *, QAbstractSocket::SocketError) { ++m_failedHandshakes; });
        connect(server.get(), &QSslServer::sslErrors, this,
                [this](QSslSocket *, const QList<QSslError> &) { ++m_failedHandshakes; });
        m_server = std::move(server);
        m_tls = true;
        return m_server->listen(address, 0);
    }
    QUrl url(const QString &pathAndQuery = {}) const
    {
        return QUrl(
            (m_tls ? QStringLiteral("https://127.0.0.1:") : QStringLiteral("http://127.0.0.1:")) +
            QString::number(m_server->serverPort()) + pathAndQuery);
    }
    // Connections that never got through the TLS handshake (refused by the client).
    int failedHandshakes() const { return m_failedHandshakes; }
    // Bytes of request heads and bodies received in the clear (after TLS), all connections.
    qint64 bytesReceived() const { return m_bytesReceived; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<HttpRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method) const
    {
        int n = 0;
        for (const HttpRequest &r : m_requests)
            n += r.method == method ? 1 : 0;
        return n;
    }
    void clear() { m_requests.clear(); }

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            auto buffer = std::make_shared<QByteArray>();
            const auto read = [this, socket, buffer] {
                const QByteArray bytes = socket->readAll();
                m_bytesReceived += bytes.size();
                buffer->append(bytes);
                tryServe(socket, *buffer);
            };
            connect(socket, &QTcpSocket::readyRead, this, read);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->bytesAvailable() > 0)  // arrived with the TLS handshake
                read();
        }
    }

    void tryServe(QTcpSocket *socket, QByteArray &buffer)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        HttpRequest request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append(name, value);
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.clear();
        m_requests.append(request);
        const HttpAnswer a =
            m_handler ? m_handler(request) : answer(404, "{\"message\":\"Not Found\"}");
        if (a.hang)
            return;
        if (a.reset) {
            socket->abort();
            return;
        }
        if (a.trickleMs > 0) {
            auto *timer = new QTimer(socket);
            const qsizetype head = a.raw.indexOf("\r\n\r\n") + 4;
            socket->write(a.raw.left(head));
            auto pos = std::make_shared<qsizetype>(head);
            const QByteArray raw = a.raw;
            const bool silentAfter = a.silentAfterTrickle;
            connect(timer, &QTimer::timeout, socket, [socket, timer, pos, raw, silentAfter] {
                if (*pos >= raw.size()) {
                    timer->stop();
                    if (!silentAfter)
                        socket->disconnectFromHost();
                    return;
                }
                socket->write(raw.mid((*pos)++, 1));
            });
            timer->start(a.trickleMs);
            return;
        }
        socket->write(a.raw);
        socket->disconnectFromHost();
    }

    std::unique_ptr<QTcpServer> m_server;
    Handler m_handler;
    QList<HttpRequest> m_requests;
    bool m_tls = false;
    int m_failedHandshakes = 0;
    qint64 m_bytesReceived = 0;
};

}  // namespace rc::forge::test
