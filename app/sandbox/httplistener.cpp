// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/httplistener.h"

#include <QIODevice>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

constexpr qint64 kStreamChunkBytes = 256 * 1024;
constexpr qint64 kMaxBufferedWriteBytes = 1024 * 1024;

}  // namespace

HttpListener::HttpListener(Listener role, Handler handler, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this,
            &HttpListener::acceptConnections);
}

HttpListener::~HttpListener()
{
    closeConnections();
}

bool HttpListener::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpListener::closeConnections()
{
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>();
    for (HttpConnection *connection : connections)
        connection->close();
}

void HttpListener::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new HttpConnection(socket, m_role, m_handler, m_limits, this);
}

HttpConnection::HttpConnection(QTcpSocket *socket, Listener role,
                               const HttpListener::Handler &handler, const ListenerLimits &limits,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_role(role)
    , m_handler(handler)
    , m_limits(limits)
    , m_idleTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(m_limits.idleTimeout);
    connect(m_idleTimer, &QTimer::timeout, this, &HttpConnection::idleTimedOut);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::pumpBody);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_limits.idleTimeout.count() > 0)
        m_idleTimer->start();
    readAvailable();
}

void HttpConnection::close()
{
    if (m_trickleTimer)
        m_trickleTimer->stop();
    m_idleTimer->stop();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::readAvailable()
{
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > m_limits.bufferCap()) {
        // No single request needs more, so this is a client pushing bytes at an answer that is
        // parked or slow: drop it rather than let the buffer grow.
        close();
        return;
    }
    // Only the wait for the client's bytes counts as idle; an owed answer stops the clock.
    if (!m_busy && m_limits.idleTimeout.count() > 0)
        m_idleTimer->start();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_busy && !m_buffer.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState) {
        HttpParseResult parsed = parseHttpRequest(m_buffer, m_limits.http);
        switch (parsed.status) {
        case HttpParseResult::Status::NeedMore:
            // curl asks before sending a large body; answering saves it a one-second wait.
            if (parsed.expectsContinue && !m_continueSent) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
                m_continueSent = true;
            }
            return;
        case HttpParseResult::Status::Error:
            refuse(parsed.errorStatus, parsed.errorReason);
            return;
        case HttpParseResult::Status::Complete:
            break;
        }
        m_continueSent = false;
        m_buffer.remove(0, parsed.consumedBytes);
        m_keepAlive = parsed.keepAlive;
        HttpRequest &request = parsed.request;
        request.listener = m_role;
        m_headRequest = request.method == "HEAD";
        if (m_limits.checkHost) {
            const qsizetype hosts = std::count_if(
                request.headers.cbegin(), request.headers.cend(), [](const auto &header) {
                    return header.first.compare("Host", Qt::CaseInsensitive) == 0;
                });
            if (hosts != 1) {
                refuse(400, "exactly one Host header is required"_ba);
                return;
            }
            if (!hostIsOurs(request.header("Host"))) {
                // Answered here, before any forge sees it: not in the request log either.
                respond(HttpResponse::text(
                    421,
                    "421 misdirected request: this sandbox answers to loopback names only\n"_ba,
                    "text/plain"_ba));
                return;
            }
        }
        respond(m_handler(request));
    }
}

bool HttpConnection::hostIsOurs(QByteArrayView host) const
{
    const QByteArray port = ':' + QByteArray::number(m_socket->localPort());
    const QHostAddress local = m_socket->localAddress();
    bool isIpv4 = false;
    const QHostAddress ipv4(local.toIPv4Address(&isIpv4));
    const QByteArray localName =
        isIpv4 ? ipv4.toString().toLatin1() : '[' + local.toString().toLatin1() + ']';
    for (const QByteArray &name : {"127.0.0.1"_ba, "localhost"_ba, "[::1]"_ba, localName}) {
        if (host.compare(QByteArray(name + port), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void HttpConnection::refuse(int status, const QByteArray &reason)
{
    m_keepAlive = false;
    m_headRequest = false;
    respond(HttpResponse::text(status, QByteArray::number(status) + ' ' + reason + '\n',
                               "text/plain"_ba));
}

void HttpConnection::idleTimedOut()
{
    if (m_busy)
        return;
    // A request started and stalled gets told why; a quiet keep-alive connection just ends.
    if (!m_buffer.isEmpty())
        refuse(408, "request timeout"_ba);
    else
        m_socket->disconnectFromHost();
}

void HttpConnection::respond(HttpResponse response)
{
    m_busy = true;
    m_idleTimer->stop();
    m_response = std::move(response);
    m_bodyOffset = 0;
    if (m_response.delivery.delay.count() > 0)
        QTimer::singleShot(m_response.delivery.delay, this, &HttpConnection::writeAnswer);
    else
        writeAnswer();
}

void HttpConnection::writeAnswer()
{
    const qint64 length = m_headRequest ? 0 : m_response.contentLength();
    switch (m_response.delivery.mode) {
    case Delivery::Mode::NoAnswer:
        return;  // stays busy: nothing more is read or written on this connection
    case Delivery::Mode::ConnectionReset:
        resetConnection();
        return;
    case Delivery::Mode::TruncatedBody: {
        const qint64 cut = m_response.delivery.truncateAfterBytes;
        m_bodyLimit = cut >= 0 ? qMin(cut, qMax<qint64>(length - 1, 0)) : length / 2;
        m_keepAlive = false;
        writeHead(m_response.contentLength());
        pumpBody();
        return;
    }
    case Delivery::Mode::Trickle:
        m_bodyLimit = length;
        writeHead(m_response.contentLength());
        m_trickleTimer = new QTimer(this);
        m_trickleTimer->setInterval(m_response.delivery.trickleInterval);
        connect(m_trickleTimer, &QTimer::timeout, this, &HttpConnection::trickleNext);
        m_trickleTimer->start();
        return;
    case Delivery::Mode::Normal:
        m_bodyLimit = length;
        writeHead(m_response.contentLength());
        pumpBody();
        return;
    }
}

void HttpConnection::writeHead(qint64 announcedLength)
{
    QByteArray head = "HTTP/1.1 "_ba + QByteArray::number(m_response.status) + ' ' +
        reasonPhrase(m_response.status) + "\r\n";
    for (const auto &[name, value] : std::as_const(m_response.headers))
        head += name + ": " + value + "\r\n";
    const bool mayHaveBody = m_response.status != 204 && m_response.status != 304;
    if (mayHaveBody)
        head += "Content-Length: " + QByteArray::number(announcedLength) + "\r\n";
    head += m_keepAlive ? "Connection: keep-alive\r\n"_ba : "Connection: close\r\n"_ba;
    head += "\r\n";
    if (!mayHaveBody)
        m_bodyLimit = 0;
    m_socket->write(head);
}

void HttpConnection::pumpBody()
{
    if (!m_busy || m_response.delivery.mode == Delivery::Mode::Trickle ||
        m_response.delivery.mode == Delivery::Mode::NoAnswer)
        return;
    while (m_bodyOffset < m_bodyLimit && m_socket->bytesToWrite() < kMaxBufferedWriteBytes) {
        const qint64 chunk = qMin(kStreamChunkBytes, m_bodyLimit - m_bodyOffset);
        QByteArray bytes;
        if (m_response.bodyDevice) {
            bytes = m_response.bodyDevice->read(chunk);
            if (bytes.isEmpty()) {
                // The device ended before its announced size: the answer cannot be completed.
                resetConnection();
                return;
            }
        } else {
            bytes = m_response.body.mid(m_bodyOffset, chunk);
        }
        m_socket->write(bytes);
        m_bodyOffset += bytes.size();
    }
    if (m_bodyOffset >= m_bodyLimit && m_socket->bytesToWrite() == 0)
        finishAnswer();
}

void HttpConnection::trickleNext()
{
    if (m_bodyOffset >= m_bodyLimit) {
        m_trickleTimer->stop();
        m_trickleTimer->deleteLater();
        m_trickleTimer = nullptr;
        m_response.delivery.mode = Delivery::Mode::Normal;
        pumpBody();
        return;
    }
    const qint64 chunk = qMin(m_response.delivery.trickleChunkBytes, m_bodyLimit - m_bodyOffset);
    const QByteArray bytes = m_response.bodyDevice ? m_response.bodyDevice->read(chunk)
                                                   : m_response.body.mid(m_bodyOffset, chunk);
    m_socket->write(bytes);
    m_bodyOffset += bytes.size();
}

void HttpConnection::finishAnswer()
{
    const bool truncated = m_response.delivery.mode == Delivery::Mode::TruncatedBody;
    m_response = {};
    m_busy = false;
    if (truncated || !m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    if (m_limits.idleTimeout.count() > 0)
        m_idleTimer->start();
    // Requests that arrived while this answer was written are handled next, in order.
    QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

void HttpConnection::resetConnection()
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN: the client sees
    // "connection reset by peer", not an orderly end of stream.
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor != -1) {
        linger option {};
        option.l_onoff = 1;
        option.l_linger = 0;
#if defined(Q_OS_WIN)
        ::setsockopt(static_cast<SOCKET>(descriptor), SOL_SOCKET, SO_LINGER,
                     reinterpret_cast<const char *>(&option), sizeof option);
#else
        ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
#endif
    }
    m_busy = true;
    m_socket->abort();
}

}  // namespace rc::sandbox
