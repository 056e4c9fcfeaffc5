// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/httpmessage.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QLocale>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

bool sameHeaderName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

}  // namespace

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
    case 409:
        return "Conflict"_ba;
    case 410:
        return "Gone"_ba;
    case 411:
        return "Length Required"_ba;
    case 413:
        return "Content Too Large"_ba;
    case 422:
        return "Unprocessable Entity"_ba;
    case 429:
        return "Too Many Requests"_ba;
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
