// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/httplistener.h"

#include <QIODevice>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;
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
        new HttpConnection(socket, m_role, m_handler, this);
}

HttpConnection::HttpConnection(QTcpSocket *socket, Listener role,
                               const HttpListener::Handler &handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_role(role)
    , m_handler(handler)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::pumpBody);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    readAvailable();
}

void HttpConnection::close()
{
    if (m_trickleTimer)
        m_trickleTimer->stop();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::readAvailable()
{
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_busy && !m_buffer.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState) {
        HttpRequest request;
        request.listener = m_role;
        QByteArray problem;
        switch (parseRequest(request, problem)) {
        case ParseResult::NeedMore:
            return;
        case ParseResult::Invalid: {
            m_keepAlive = false;
            HttpResponse response = HttpResponse::text(problem.startsWith("413") ? 413 : 400,
                                                       problem + '\n', "text/plain"_ba);
            respond(std::move(response));
            return;
        }
        case ParseResult::Complete:
            m_headRequest = request.method == "HEAD";
            respond(m_handler(request));
            break;
        }
    }
}

HttpConnection::ParseResult HttpConnection::parseRequest(HttpRequest &request, QByteArray &problem)
{
    // A method starts with an upper-case letter. Anything else (a TLS ClientHello from an
    // https:// URL pointed at this plain-HTTP port) is answered at once, as real servers do,
    // instead of waiting for a header end that never comes.
    const char first = m_buffer.front();
    if (first < 'A' || first > 'Z') {
        problem = "400 not an HTTP request (https to a plain-HTTP port?)"_ba;
        return ParseResult::Invalid;
    }
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > kMaxHeaderBytes) {
            problem = "431 request header too large"_ba;
            return ParseResult::Invalid;
        }
        return ParseResult::NeedMore;
    }
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        problem = "400 malformed request line"_ba;
        return ParseResult::Invalid;
    }
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            problem = "400 malformed header"_ba;
            return ParseResult::Invalid;
        }
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (!request.header("Transfer-Encoding").isEmpty()) {
        problem = "411 only Content-Length request bodies are supported"_ba;
        return ParseResult::Invalid;
    }
    qint64 bodyLength = 0;
    if (const QByteArray length = request.header("Content-Length"); !length.isEmpty()) {
        bool ok = false;
        bodyLength = length.toLongLong(&ok);
        if (!ok || bodyLength < 0) {
            problem = "400 bad Content-Length"_ba;
            return ParseResult::Invalid;
        }
        if (bodyLength > kMaxBodyBytes) {
            problem = "413 request body too large"_ba;
            return ParseResult::Invalid;
        }
    }
    const qsizetype bodyStart = headEnd + 4;
    if (m_buffer.size() - bodyStart < bodyLength) {
        // curl asks before sending a large body; answering saves it a one-second wait.
        if (!m_continueSent &&
            request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
            m_continueSent = true;
        }
        return ParseResult::NeedMore;
    }
    m_continueSent = false;
    request.body = m_buffer.mid(bodyStart, bodyLength);
    m_buffer.remove(0, bodyStart + bodyLength);

    const qsizetype question = request.target.indexOf('?');
    request.rawPath = question < 0 ? request.target : request.target.left(question);
    if (question >= 0) {
        // '+' means a space in a query string; QUrlQuery leaves it alone.
        QByteArray query = request.target.mid(question + 1);
        query.replace('+', "%20");
        request.query = QUrlQuery(QString::fromUtf8(query));
    }
    const QByteArray connection = request.header("Connection").toLower();
    m_keepAlive = http10 ? connection == "keep-alive" : connection != "close";
    return ParseResult::Complete;
}

void HttpConnection::respond(HttpResponse response)
{
    m_busy = true;
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
