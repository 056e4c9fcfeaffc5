// SPDX-License-Identifier: BSD-3-Clause
#include "sandboxclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTimer>

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;

namespace sandboxtest {

Reply Client::get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET"_ba, url, {}, headers);
}

Reply Client::post(const QUrl &url, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> withType = headers;
    withType.append({"Content-Type"_ba, "application/json"_ba});
    return send("POST"_ba, url, body, withType);
}

Reply Client::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.networkError = int(reply->error());
    result.errorString = reply->errorString();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

int RawExchange::status() const
{
    if (!bytes.startsWith("HTTP/1.1 "))
        return 0;
    return bytes.mid(9, 3).toInt();
}

QByteArray RawExchange::header(const QByteArray &name) const
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray RawExchange::body() const
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : bytes.mid(end + 4);
}

namespace {

// Spins the event loop until bytes arrive, the peer closes, or `waitMs` pass.
bool waitForBytesOrClose(QTcpSocket &socket, int waitMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(waitMs);
    loop.exec();
    return timeout.isActive();
}

}  // namespace

RawExchange rawExchange(quint16 port, const QByteArray &request, int waitMs, bool untilClosed)
{
    // The simulator runs on this thread: every wait must spin the event loop (QSignalSpy::wait),
    // never block in waitFor*().
    RawExchange exchange;
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!connected.wait(5000))
        return exchange;
    QElapsedTimer clock;
    clock.start();
    socket.write(request);
    const auto complete = [&] {
        const QByteArray length = exchange.header("Content-Length"_ba);
        return !untilClosed && !length.isEmpty() && exchange.body().size() >= length.toLongLong() &&
            exchange.header("Connection"_ba) != "close";
    };
    while (disconnected.isEmpty() && !complete()) {
        if (socket.bytesAvailable() == 0 && !waitForBytesOrClose(socket, waitMs))
            break;
        const QByteArray chunk = socket.readAll();
        if (!chunk.isEmpty()) {
            if (exchange.millisecondsToFirstByte < 0)
                exchange.millisecondsToFirstByte = clock.elapsed();
            exchange.bytes += chunk;
            ++exchange.reads;
        }
    }
    exchange.bytes += socket.readAll();
    exchange.disconnected =
        !disconnected.isEmpty() || socket.state() != QAbstractSocket::ConnectedState;
    exchange.socketError =
        socket.error() == QAbstractSocket::UnknownSocketError ? -1 : int(socket.error());
    return exchange;
}

namespace {

template<typename Visitor>
void visitArchive(const QByteArray &bytes, Visitor &&visit)
{
    archive *reader = archive_read_new();
    archive_read_support_filter_all(reader);
    archive_read_support_format_all(reader);
    if (archive_read_open_memory(reader, bytes.constData(), size_t(bytes.size())) == ARCHIVE_OK) {
        archive_entry *entry = nullptr;
        while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
            if (!visit(reader, entry))
                break;
        }
    }
    archive_read_free(reader);
}

}  // namespace

QByteArray extractFile(const QByteArray &archiveBytes, const QString &path)
{
    QByteArray content;
    visitArchive(archiveBytes, [&](archive *reader, archive_entry *entry) {
        if (QString::fromUtf8(archive_entry_pathname(entry)) != path)
            return true;
        char buffer[8192];
        la_ssize_t read = 0;
        while ((read = archive_read_data(reader, buffer, sizeof buffer)) > 0)
            content.append(buffer, qsizetype(read));
        return false;
    });
    return content;
}

QStringList archiveEntries(const QByteArray &archiveBytes)
{
    QStringList entries;
    visitArchive(archiveBytes, [&](archive *, archive_entry *entry) {
        entries << QString::fromUtf8(archive_entry_pathname(entry));
        return true;
    });
    return entries;
}

}  // namespace sandboxtest
