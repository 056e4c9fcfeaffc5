// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <memory>

class QIODevice;

namespace rc::sandbox {

// Which of the simulator's two listeners received a request: the API host, or the "other host"
// that plays GitHub's blob storage for redirects.
enum class Listener { Api, OtherHost };

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One parsed HTTP/1.1 request, exactly as it arrived on the socket.
struct HttpRequest
{
    Listener listener = Listener::Api;
    QByteArray method;
    QByteArray target;   // raw request target: path and query, still percent-encoded
    QByteArray rawPath;  // target without the query, still percent-encoded
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;

    // The first value of a header (case-insensitive name), or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // The path split on '/' with each segment percent-decoded, so "group%2Fproject" stays one
    // segment as GitLab requires.
    QStringList pathSegments() const;
    QString path() const { return QString::fromUtf8(rawPath); }
};

// Bounds the request parser enforces; the defaults are what the simulator's listener uses.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 64 * 1024;    // request line, headers and the blank line
    qint64 maxBodyBytes = 16 * 1024 * 1024;  // a larger Content-Length is refused with 413
};

struct HttpParseResult
{
    enum class Status { NeedMore, Complete, Error };
    Status status = Status::NeedMore;
    // Complete: the request (its listener is Listener::Api; the caller sets the real one).
    HttpRequest request;
    // Complete: the bytes the request used (head and body); what follows is the next pipelined
    // request. 0 otherwise.
    qsizetype consumedBytes = 0;
    // Complete: whether the connection stays open after the answer.
    bool keepAlive = true;
    // NeedMore: the head is complete and valid, its body has not all arrived and the client
    // waits for "100 Continue" before sending it.
    bool expectsContinue = false;
    // Error: the status to answer (400, 411, 413 or 431) and a one-line ASCII reason.
    int errorStatus = 0;
    QByteArray errorReason;
};

// Parses the HTTP/1.1 request at the start of `bytes`. Pure: no sockets, no state, so the
// listener and the fuzz target run the same code. Never needs more than
// maxHeaderBytes + maxBodyBytes bytes to decide.
HttpParseResult parseHttpRequest(QByteArrayView bytes, const HttpLimits &limits = {});

// How the bytes of a response reach the client; anything but Normal is a fault being injected.
struct Delivery
{
    enum class Mode {
        Normal,
        NoAnswer,         // read the request, never answer, keep the connection open
        Trickle,          // send the body a few bytes at a time
        TruncatedBody,    // announce the full Content-Length, send part of the body, then close
        ConnectionReset,  // answer nothing, reset the connection (RST)
    };
    Mode mode = Mode::Normal;
    std::chrono::milliseconds delay {0};  // wait before the first byte of the answer
    qint64 trickleChunkBytes = 1;
    std::chrono::milliseconds trickleInterval {50};
    qint64 truncateAfterBytes = -1;  // -1: half the body
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    // A large body is streamed from a device instead of `body`; bodyDeviceSize must be known.
    std::shared_ptr<QIODevice> bodyDevice;
    qint64 bodyDeviceSize = 0;
    Delivery delivery;

    qint64 contentLength() const { return bodyDevice ? bodyDeviceSize : body.size(); }
    QByteArray header(QByteArrayView name) const;
    // Replaces every header of that name.
    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(QByteArrayView name);

    static HttpResponse json(int status, const QJsonDocument &document);
    static HttpResponse text(int status, const QByteArray &body, const QByteArray &contentType);
    static HttpResponse empty(int status);
    static HttpResponse redirect(const QByteArray &location, int status = 302);
};

QByteArray reasonPhrase(int status);
// Sets a weak ETag on a 200 answer to a GET, derived from its body so unchanged state keeps its
// ETag, and turns the answer into a 304 when the request's If-None-Match names it.
// Returns true when it became a 304.
bool applyConditional(const HttpRequest &request, HttpResponse &response);
// RFC 9110 IMF-fixdate, the form of the Date header.
QByteArray httpDate(const QDateTime &time);
// GitHub/GitLab timestamp form: 2024-05-01T10:00:00Z.
QString isoTime(const QDateTime &time);

}  // namespace rc::sandbox
