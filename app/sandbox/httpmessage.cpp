// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/httpmessage.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QLocale>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

bool sameHeaderName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

HttpParseResult parseError(int status, QByteArrayView reason)
{
    HttpParseResult result;
    result.status = HttpParseResult::Status::Error;
    result.errorStatus = status;
    result.errorReason = reason.toByteArray();
    return result;
}

bool isTokenCharacter(char c)
{
    // RFC 9110 §5.6.2 tchar.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenCharacter);
}

bool hasControlCharacter(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
}

}  // namespace

HttpParseResult parseHttpRequest(QByteArrayView bytes, const HttpLimits &limits)
{
    if (bytes.isEmpty())
        return {};
    // A method starts with an upper-case letter. Anything else (a TLS ClientHello from an
    // https:// URL pointed at this plain-HTTP port) is answered at once, as real servers do,
    // instead of waiting for a header end that never comes.
    const char first = bytes.front();
    if (first < 'A' || first > 'Z')
        return parseError(400, "not an HTTP request (https to a plain-HTTP port?)");
    const qsizetype headEnd = bytes.indexOf(QByteArrayView("\r\n\r\n"));
    const qsizetype bodyStart = headEnd + 4;
    // The cap holds whether or not the blank line has arrived: a huge head that does end is
    // refused as surely as one that never does.
    if ((headEnd < 0 && bytes.size() > limits.maxHeaderBytes) ||
        (headEnd >= 0 && bodyStart > limits.maxHeaderBytes))
        return parseError(431, "request header too large");
    if (headEnd < 0)
        return {};

    HttpParseResult result;
    HttpRequest &request = result.request;
    const QList<QByteArray> lines = bytes.first(headEnd).toByteArray().split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty() ||
        hasControlCharacter(requestLine.at(1)) || !requestLine.at(2).startsWith("HTTP/1."))
        return parseError(400, "malformed request line");
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)) || hasControlCharacter(line.mid(colon + 1)))
            return parseError(400, "malformed header");
        request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    if (request.hasHeader("Transfer-Encoding"))
        return parseError(411, "only Content-Length request bodies are supported");
    qint64 bodyLength = 0;
    QByteArray announcedLength;
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (!sameHeaderName(name, "Content-Length"))
            continue;
        // Two different lengths are how request smuggling starts (RFC 9112 §6.3).
        if (!announcedLength.isNull() && value != announcedLength)
            return parseError(400, "conflicting Content-Length");
        announcedLength = value;
    }
    if (!announcedLength.isNull()) {
        const bool digitsOnly = !announcedLength.isEmpty() &&
            std::all_of(announcedLength.begin(), announcedLength.end(),
                        [](char c) { return c >= '0' && c <= '9'; });
        bool ok = false;
        bodyLength = announcedLength.toLongLong(&ok);
        if (!digitsOnly || !ok)
            return parseError(400, "bad Content-Length");
        if (bodyLength > limits.maxBodyBytes)
            return parseError(413, "request body too large");
    }
    if (bytes.size() - bodyStart < bodyLength) {
        HttpParseResult waiting;
        // curl asks before sending a large body; answering saves it a one-second wait.
        waiting.expectsContinue =
            request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
        return waiting;
    }
    request.body = bytes.sliced(bodyStart, bodyLength).toByteArray();
    result.consumedBytes = bodyStart + bodyLength;

    const qsizetype question = request.target.indexOf('?');
    request.rawPath = question < 0 ? request.target : request.target.left(question);
    if (question >= 0) {
        // '+' means a space in a query string; QUrlQuery leaves it alone.
        QByteArray query = request.target.mid(question + 1);
        query.replace('+', "%20");
        request.query = QUrlQuery(QString::fromUtf8(query));
    }
    const QByteArray connection = request.header("Connection").toLower();
    result.keepAlive = http10 ? connection == "keep-alive" : connection != "close";
    result.status = HttpParseResult::Status::Complete;
    return result;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (sameHeaderName(key, name))
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (sameHeaderName(entry.first, name))
            return true;
    }
    return false;
}

QStringList HttpRequest::pathSegments() const
{
    QStringList segments;
    const QList<QByteArray> parts = rawPath.split('/');
    for (const QByteArray &part : parts) {
        if (!part.isEmpty())
            segments << QUrl::fromPercentEncoding(part);
    }
    return segments;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (sameHeaderName(key, name))
            return value;
    }
    return {};
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

void HttpResponse::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const QPair<QByteArray, QByteArray> &entry) {
        return sameHeaderName(entry.first, name);
    });
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &document)
{
    HttpResponse response;
    response.status = status;
    response.body = document.toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type"_ba, "application/json; charset=utf-8"_ba);
    return response;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.setHeader("Content-Type"_ba, contentType);
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse response;
    response.status = status;
    return response;
}

HttpResponse HttpResponse::redirect(const QByteArray &location, int status)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Location"_ba, location);
    return response;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK"_ba;
    case 201:
        return "Created"_ba;
    case 202:
        return "Accepted"_ba;
    case 204:
        return "No Content"_ba;
    case 301:
        return "Moved Permanently"_ba;
    case 302:
        return "Found"_ba;
    case 304:
        return "Not Modified"_ba;
    case 307:
        return "Temporary Redirect"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 409:
        return "Conflict"_ba;
    case 410:
        return "Gone"_ba;
    case 411:
        return "Length Required"_ba;
    case 413:
        return "Content Too Large"_ba;
    case 421:
        return "Misdirected Request"_ba;
    case 422:
        return "Unprocessable Entity"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 502:
        return "Bad Gateway"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 504:
        return "Gateway Timeout"_ba;
    default:
        return "Status"_ba;
    }
}

bool applyConditional(const HttpRequest &request, HttpResponse &response)
{
    if ((request.method != "GET" && request.method != "HEAD") || response.status != 200 ||
        response.bodyDevice)
        return false;
    const QByteArray tag =
        "W/\""_ba + QCryptographicHash::hash(response.body, QCryptographicHash::Sha1).toHex() + '"';
    response.setHeader("ETag"_ba, tag);
    const QByteArray wanted = request.header("If-None-Match");
    if (wanted.isEmpty())
        return false;
    const QList<QByteArray> candidates = wanted.split(',');
    for (const QByteArray &candidate : candidates) {
        const QByteArray trimmed = candidate.trimmed();
        // Weak comparison (RFC 9110 §13.1.2): W/"x" and "x" name the same representation.
        const QByteArray bare = trimmed.startsWith("W/") ? trimmed.mid(2) : trimmed;
        if (trimmed == "*" || bare == tag.mid(2)) {
            response.status = 304;
            response.body.clear();
            response.removeHeader("Content-Type");
            return true;
        }
    }
    return false;
}

QByteArray httpDate(const QDateTime &time)
{
    // The C locale keeps day and month names English whatever the user's locale is.
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

}  // namespace rc::sandbox
