// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QDateTime>
#include <QHttpHeaders>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

// Pure parsers of the HTTP headers the forges send. Every function tolerates garbage.
namespace rc::forge {

// "scheme://host:port" with the default port made explicit; empty for a URL without host.
// Two URLs belong to the same origin exactly when their origins compare equal.
QString originOf(const QUrl &url);
bool sameOrigin(const QUrl &a, const QUrl &b);

// The URL with rel="next" in an RFC 8288 Link header (GitHub, GitLab); empty if none.
QUrl linkNext(const QByteArray &linkHeader);
// Every rel → URL pair of a Link header.
QList<std::pair<QString, QUrl>> parseLinkHeader(const QByteArray &linkHeader);
// The next page of a paged answer: Link rel="next", else GitLab's X-Next-Page applied to
// `current`'s `page` query item. Empty when this was the last page, and when the next page the
// answer names may not be followed (see nextPageRefusal()).
QUrl nextPageUrl(const QHttpHeaders &headers, const QUrl &current);
// Why the next page a paged answer names must not be followed: it leaves `current`'s scheme or
// origin (https→http, another host or port, file:, data:, qrc:, no host), where the request's
// token would not belong. Empty when there is no next page or it may be followed. A caller that
// reads "all pages" reports this as an error rather than return part of the list.
QString nextPageRefusal(const QHttpHeaders &headers, const QUrl &current);

// The server's clock from the Date header (RFC 7231 IMF-fixdate, also RFC 850 / asctime).
std::optional<QDateTime> serverDate(const QHttpHeaders &headers);
// Parses an HTTP date.
std::optional<QDateTime> parseHttpDate(QByteArrayView value);

// Converts a moment on the server's clock to the local clock, using the server's Date header
// against the local `now` (when there is no Date header the moment is taken as is).
QDateTime toLocalClock(const QDateTime &serverMoment, const QHttpHeaders &headers,
                       const QDateTime &now);

// Rate-limit state announced by a response (GitHub x-ratelimit-*, GitLab RateLimit-*).
struct RateLimit
{
    qint64 limit = -1;
    qint64 remaining = -1;
    qint64 used = -1;
    QDateTime resetAt;  // on the local clock (corrected for the server's clock skew)
    QString resource;   // GitHub: core, search, ...

    bool isValid() const { return limit >= 0 || remaining >= 0; }
    bool isExhausted() const { return remaining == 0; }
    friend bool operator==(const RateLimit &, const RateLimit &) = default;
};

std::optional<RateLimit> parseRateLimit(const QHttpHeaders &headers, const QDateTime &now);

// Retry-After as a local moment: delta-seconds from `now`, or an HTTP date moved to the
// local clock with the Date header.
std::optional<QDateTime> parseRetryAfter(const QHttpHeaders &headers, const QDateTime &now);

// GitHub-Authentication-Token-Expiration: "2026-12-01 10:00:00 UTC", "... +0200", or ISO 8601.
std::optional<QDateTime> parseTokenExpiration(QByteArrayView value);

// X-OAuth-Scopes: "repo, workflow" → {"repo", "workflow"}.
QStringList parseScopes(QByteArrayView value);

// First value of a header as text ("" when absent).
QString headerText(const QHttpHeaders &headers, QAnyStringView name);

}  // namespace rc::forge

Q_DECLARE_METATYPE(rc::forge::RateLimit)
