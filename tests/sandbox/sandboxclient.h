// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

// Plain HTTP over loopback for the simulator's tests: QNetworkAccessManager with redirects left
// to the caller, and a raw-socket exchange for byte-level faults.
namespace sandboxtest {

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    int networkError = 0;                   // QNetworkReply::NetworkError
    QString errorString;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

class Client
{
public:
    Reply get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply post(const QUrl &url, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers);

private:
    QNetworkAccessManager m_manager;
};

// What a raw socket saw: every byte, in how many reads, and how the connection ended.
struct RawExchange
{
    QByteArray bytes;
    int reads = 0;
    bool disconnected = false;
    int socketError = -1;  // QAbstractSocket::SocketError, -1 when none
    qint64 millisecondsToFirstByte = -1;

    int status() const;
    QByteArray header(const QByteArray &name) const;
    QByteArray body() const;
};

// Sends `request` verbatim and collects the answer until the peer closes or `waitMs` pass
// without a byte (or, with keep-alive, once a whole Content-Length body has arrived).
RawExchange rawExchange(quint16 port, const QByteArray &request, int waitMs = 2000,
                        bool untilClosed = false);

// The content of one file in a zip or tar archive held in memory (libarchive).
QByteArray extractFile(const QByteArray &archive, const QString &path);
// Every entry path of an archive held in memory.
QStringList archiveEntries(const QByteArray &archive);

}  // namespace sandboxtest
