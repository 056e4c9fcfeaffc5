// SPDX-License-Identifier: BSD-3-Clause
#include "forge/forgeerror.h"

#include "forge/forgeheaders.h"
#include "forge/servertext.h"

#include <QCoreApplication>
#include <QHttpHeaders>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace rc::forge {

QString kindName(ForgeError::Kind kind)
{
    using K = ForgeError::Kind;
    switch (kind) {
    case K::None:
        return u"none"_s;
    case K::Network:
        return u"network"_s;
    case K::Timeout:
        return u"timeout"_s;
    case K::Tls:
        return u"tls"_s;
    case K::Redirect:
        return u"redirect"_s;
    case K::Unauthorized:
        return u"unauthorized"_s;
    case K::Forbidden:
        return u"forbidden"_s;
    case K::NotFound:
        return u"not-found"_s;
    case K::Validation:
        return u"validation"_s;
    case K::RateLimited:
        return u"rate-limited"_s;
    case K::Server:
        return u"server"_s;
    case K::HttpStatus:
        return u"http-status"_s;
    case K::BadResponse:
        return u"bad-response"_s;
    case K::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::ForgeError)
};

}  // namespace

static QString kindSentence(ForgeError::Kind kind)
{
    using K = ForgeError::Kind;
    switch (kind) {
    case K::None:
        return Text::tr("No error.");
    case K::Network:
        return Text::tr("Network error.");
    case K::Timeout:
        return Text::tr("The request timed out.");
    case K::Tls:
        return Text::tr("Secure connection (TLS) failed.");
    case K::Redirect:
        return Text::tr("Address or redirect refused.");
    case K::Unauthorized:
        return Text::tr("The token was rejected (unauthorized).");
    case K::Forbidden:
        return Text::tr("Access denied (forbidden).");
    case K::NotFound:
        return Text::tr("Not found (or not visible with this token).");
    case K::Validation:
        return Text::tr("The server rejected the request as invalid.");
    case K::RateLimited:
        return Text::tr("Rate limit exceeded.");
    case K::Server:
        return Text::tr("The server failed.");
    case K::HttpStatus:
        return Text::tr("Unexpected HTTP status.");
    case K::BadResponse:
        return Text::tr("The server's answer could not be understood.");
    case K::Cancelled:
        return Text::tr("Cancelled.");
    }
    return {};
}

QString ForgeError::describe() const
{
    QString text = kindSentence(kind);
    if (httpStatus > 0)
        text += u" (HTTP " % QString::number(httpStatus) % u')';
    if (!message.isEmpty())
        text += u' ' % message;
    if (!operation.isEmpty())
        text += u" [" % operation % u']';
    if (!acceptedScopes.isEmpty())
        text += u' ' % Text::tr("Needs token scopes: %1.").arg(acceptedScopes);
    if (!acceptedPermissions.isEmpty())
        text += u' ' % Text::tr("Needs token permissions: %1.").arg(acceptedPermissions);
    if (!requestId.isEmpty())
        text += u' ' % Text::tr("Request id: %1.").arg(requestId);
    return text;
}

static QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : v.toArray()) {
            const QString t = jsonText(item);
            if (!t.isEmpty())
                parts.append(t);
        }
        return parts.join(u"; "_s);
    }
    if (v.isObject()) {
        // GitLab validation: {"message": {"name": ["has already been taken"]}}
        const QJsonObject o = v.toObject();
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString t = jsonText(it.value());
            if (!t.isEmpty())
                parts.append(it.key() % u": " % t);
        }
        return parts.join(u"; "_s);
    }
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

static QString githubErrorItem(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    const QJsonObject o = v.toObject();
    const QString message = o.value(u"message").toString();
    if (!message.isEmpty())
        return message;
    // {"resource":"Issue","field":"title","code":"missing_field"}
    QStringList parts;
    for (const char *key : {"resource", "field", "code", "value"}) {
        const QString t = jsonText(o.value(QLatin1StringView(key)));
        if (!t.isEmpty())
            parts.append(t);
    }
    return parts.join(u' ');
}

QString serverMessage(const QByteArray &body)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    QString text = jsonText(o.value(u"message"));
    if (text.isEmpty()) {
        text = jsonText(o.value(u"error"));
        const QString description = o.value(u"error_description").toString();
        if (!description.isEmpty())
            text = text.isEmpty() ? description : text % u": " % description;
    }
    const QJsonArray errors = o.value(u"errors").toArray();
    QStringList items;
    for (const QJsonValue &e : errors) {
        const QString t = githubErrorItem(e);
        if (!t.isEmpty())
            items.append(t);
    }
    if (!items.isEmpty())
        text = text.isEmpty() ? items.join(u"; "_s) : text % u": " % items.join(u"; "_s);
    return printableServerText(text, kMaxServerMessageChars, LineBreaks::Keep);
}

QString retryWaitText(const QDateTime &retryAt, const QDateTime &now)
{
    const qint64 seconds = qMax<qint64>(0, (now.msecsTo(retryAt) + 999) / 1000);
    QString wait;
    if (seconds < 60)
        wait = Text::tr("in %1 s").arg(seconds);
    else if (seconds < 3600)
        wait = Text::tr("in %1 min").arg((seconds + 59) / 60);
    else
        wait = Text::tr("in %1 h %2 min").arg(seconds / 3600).arg((seconds % 3600 + 59) / 60);
    const QDateTime at = retryAt.toUTC();
    const QString when =
        seconds < 20 * 3600 ? at.toString(u"HH:mm"_s) : at.toString(u"yyyy-MM-dd HH:mm"_s);
    return Text::tr("Retry after %1 UTC (%2).").arg(when, wait);
}

ForgeError errorFromHttp(int status, const QHttpHeaders &headers, const QByteArray &body,
                         const QDateTime &now, int rateLimitStrikes, double jitter,
                         std::chrono::seconds maxRetryWait)
{
    using K = ForgeError::Kind;
    ForgeError e;
    e.httpStatus = status;
    e.message = serverMessage(body);
    const auto headerLine = [&headers](QAnyStringView name) {
        return printableServerText(headerText(headers, name), 200);
    };
    e.requestId = headerLine("x-github-request-id");
    if (e.requestId.isEmpty())
        e.requestId = headerLine("x-request-id");
    e.acceptedScopes = headerLine("x-accepted-oauth-scopes");
    e.acceptedPermissions = headerLine("x-accepted-github-permissions");

    const auto retryAfter = parseRetryAfter(headers, now);
    const auto rate = parseRateLimit(headers, now);
    const bool exhausted = rate && rate->isExhausted();
    const bool saysRateLimit = e.message.contains(u"rate limit", Qt::CaseInsensitive);

    if (status == 429 || (status == 403 && (retryAfter || exhausted || saysRateLimit))) {
        e.kind = K::RateLimited;
        if (retryAfter) {
            e.retryAt = *retryAfter;
        } else if (exhausted && rate->resetAt.isValid() && rate->resetAt > now) {
            e.retryAt = rate->resetAt;
        } else {
            // No usable hint: wait at least a minute, doubling per strike, with jitter.
            const int strikes = std::clamp(rateLimitStrikes, 1, 7);
            const double base = 60.0 * std::pow(2.0, strikes - 1);
            const double wait =
                std::min(base, 3600.0) * (1.0 + 0.25 * std::clamp(jitter, 0.0, 1.0));
            e.retryAt = now.addMSecs(qint64(wait * 1000.0));
        }
    } else if (status == 401) {
        e.kind = K::Unauthorized;
    } else if (status == 403) {
        e.kind = K::Forbidden;
    } else if (status == 404 || status == 410) {
        e.kind = K::NotFound;
    } else if (status == 400 || status == 409 || status == 422) {
        e.kind = K::Validation;
    } else if (status >= 500 && status <= 599) {
        e.kind = K::Server;
        if (retryAfter)
            e.retryAt = *retryAfter;
    } else {
        e.kind = K::HttpStatus;
    }
    if (e.message.isEmpty() && !body.isEmpty()) {
        const QByteArray ct =
            headers.value(QHttpHeaders::WellKnownHeader::ContentType).toByteArray();
        if (ct.contains("html"))
            e.message = Text::tr("The server answered with an HTML page.");
    }
    if (e.retryAt) {
        // A server saying "wait ten years" (or a date in the past) gets the cap (or now).
        const QDateTime latest = now.addSecs(qMax<qint64>(0, maxRetryWait.count()));
        e.retryAt = std::clamp(*e.retryAt, now, latest);
    }
    return e;
}

QString redacted(QString text, const QString &secret)
{
    if (secret.size() >= 4)
        text.replace(secret, u"***"_s);
    return text;
}

}  // namespace rc::forge
