// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Small lenient readers of forge JSON (internal).

#include "forge/forgeerror.h"
#include "forge/forgeheaders.h"
#include "forge/servertext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace rc::forge::detail {

// A parser's error; its text may quote the server, so it is made printable.
inline ForgeError badResponse(const QString &what)
{
    return ForgeError::make(ForgeError::Kind::BadResponse,
                            printableServerText(what, kMaxServerMessageChars, LineBreaks::Keep));
}

// The next page of a paged answer, or the error that a next page was named but may not be
// followed (another scheme or origin): a page must not look like the last when it is not.
inline std::optional<ForgeError> nextPageOf(const QHttpHeaders &headers, const QUrl &current,
                                            QUrl *next)
{
    const QString refusal = nextPageRefusal(headers, current);
    if (!refusal.isEmpty()) {
        next->clear();
        return badResponse(refusal);
    }
    *next = nextPageUrl(headers, current);
    return std::nullopt;
}

// Adds `key=value` to a query only when there is a value (filters left empty are not sent).
inline void addQueryItemIfSet(QUrlQuery &query, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

inline QString str(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

inline qint64 int64(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return v.toInteger(fallback);
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

inline bool boolean(const QJsonObject &o, QLatin1StringView key, bool fallback = false)
{
    const QJsonValue v = o.value(key);
    return v.isBool() ? v.toBool() : fallback;
}

inline QDateTime dateTime(const QJsonObject &o, QLatin1StringView key)
{
    const QString text = o.value(key).toString();
    if (text.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

inline QUrl url(const QJsonObject &o, QLatin1StringView key)
{
    return QUrl(o.value(key).toString(), QUrl::StrictMode);
}

inline QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

}  // namespace rc::forge::detail
