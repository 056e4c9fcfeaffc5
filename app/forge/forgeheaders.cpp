// SPDX-License-Identifier: BSD-3-Clause
#include "forge/forgeheaders.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::forge {

QString originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    return scheme % u"://" % url.host().toLower() % u':' % QString::number(url.port(defaultPort));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const QString oa = originOf(a);
    return !oa.isEmpty() && oa == originOf(b);
}

QList<std::pair<QString, QUrl>> parseLinkHeader(const QByteArray &linkHeader)
{
    // <url>; rel="next", <url>; rel="last" — URLs may contain commas, so scan by '<' '>'.
    QList<std::pair<QString, QUrl>> links;
    const QString text = QString::fromLatin1(linkHeader);
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u'<', pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u'>', open + 1);
        if (close < 0)
            break;
        const QUrl url(text.mid(open + 1, close - open - 1).trimmed(), QUrl::StrictMode);
        qsizetype end = text.indexOf(u'<', close + 1);
        if (end < 0)
            end = text.size();
        const QString params = text.mid(close + 1, end - close - 1);
        static const QRegularExpression relRe(uR"re(;\s*rel\s*=\s*"?([^";,]+)"?)re"_s,
                                              QRegularExpression::CaseInsensitiveOption);
        const auto match = relRe.match(params);
        if (match.hasMatch() && url.isValid()) {
            const QStringList rels =
                match.captured(1).trimmed().toLower().split(u' ', Qt::SkipEmptyParts);
            for (const QString &rel : rels)
                links.append({rel, url});
        }
        pos = end;
    }
    return links;
}

QUrl linkNext(const QByteArray &linkHeader)
{
    for (const auto &[rel, url] : parseLinkHeader(linkHeader)) {
        if (rel == u"next")
            return url;
    }
    return {};
}

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::Transport)
};

// The next page as the answer names it, before any check.
QUrl namedNextPage(const QHttpHeaders &headers, const QUrl &current)
{
    const QUrl fromLink = linkNext(headers.combinedValue(QHttpHeaders::WellKnownHeader::Link));
    if (fromLink.isValid() && !fromLink.isEmpty())
        return current.resolved(fromLink);
    const QString next = headerText(headers, "x-next-page").trimmed();
    bool ok = false;
    const int page = next.toInt(&ok);
    if (!ok || page <= 0)
        return {};
    QUrl url = current;
    QUrlQuery query(url);
    query.removeAllQueryItems(u"page"_s);
    query.addQueryItem(u"page"_s, QString::number(page));
    url.setQuery(query);
    return url;
}

}  // namespace

QString nextPageRefusal(const QHttpHeaders &headers, const QUrl &current)
{
    const QUrl next = namedNextPage(headers, current);
    if (next.isEmpty() || sameOrigin(next, current))
        return {};
    const QString where =
        originOf(next).isEmpty() ? next.scheme().toLower().left(20) + u':' : originOf(next);
    return Text::tr("The next page is on %1, not on %2: not followed.")
        .arg(where, originOf(current));
}

QUrl nextPageUrl(const QHttpHeaders &headers, const QUrl &current)
{
    const QUrl next = namedNextPage(headers, current);
    if (next.isEmpty() || !sameOrigin(next, current))
        return {};
    return next;
}

static int monthNumber(QStringView name)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
        if (name.compare(QLatin1StringView(months[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

std::optional<QDateTime> parseHttpDate(QByteArrayView value)
{
    const QString text = QString::fromLatin1(value).simplified();
    if (text.isEmpty())
        return std::nullopt;
    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
    // asctime "Sun Nov  6 08:49:37 1994". The weekday is not checked.
    static const QRegularExpression imf(
        u"^[A-Za-z]{3}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"_s);
    static const QRegularExpression rfc850(
        u"^[A-Za-z]+, (\\d{1,2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"_s);
    static const QRegularExpression asctime(
        u"^[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"_s);
    int day = 0, month = 0, year = 0, h = 0, m = 0, sec = 0;
    if (const auto a = imf.match(text); a.hasMatch()) {
        day = a.captured(1).toInt();
        month = monthNumber(a.capturedView(2));
        year = a.captured(3).toInt();
        h = a.captured(4).toInt();
        m = a.captured(5).toInt();
        sec = a.captured(6).toInt();
    } else if (const auto b = rfc850.match(text); b.hasMatch()) {
        day = b.captured(1).toInt();
        month = monthNumber(b.capturedView(2));
        year = b.captured(3).toInt();
        year += year < 70 ? 2000 : 1900;
        h = b.captured(4).toInt();
        m = b.captured(5).toInt();
        sec = b.captured(6).toInt();
    } else if (const auto c = asctime.match(text); c.hasMatch()) {
        month = monthNumber(c.capturedView(1));
        day = c.captured(2).toInt();
        h = c.captured(3).toInt();
        m = c.captured(4).toInt();
        sec = c.captured(5).toInt();
        year = c.captured(6).toInt();
    } else {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(h, m, sec);
    if (month == 0 || !date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::UTC);
}

std::optional<QDateTime> serverDate(const QHttpHeaders &headers)
{
    return parseHttpDate(headers.value(QHttpHeaders::WellKnownHeader::Date));
}

QDateTime toLocalClock(const QDateTime &serverMoment, const QHttpHeaders &headers,
                       const QDateTime &now)
{
    const auto date = serverDate(headers);
    if (!date || !now.isValid())
        return serverMoment;
    // The server says "it is `date` now"; our clock says `now`. Shift by the difference.
    return now.addSecs(date->secsTo(serverMoment));
}

QString headerText(const QHttpHeaders &headers, QAnyStringView name)
{
    return QString::fromLatin1(headers.value(name)).trimmed();
}

static std::optional<qint64> headerInt(const QHttpHeaders &headers, QAnyStringView name)
{
    if (!headers.contains(name))
        return std::nullopt;
    bool ok = false;
    const qint64 v = headerText(headers, name).toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

std::optional<RateLimit> parseRateLimit(const QHttpHeaders &headers, const QDateTime &now)
{
    RateLimit rl;
    // GitHub first, then GitLab's spelling (header names are case-insensitive).
    const auto limit = headerInt(headers, "x-ratelimit-limit");
    const auto remaining = headerInt(headers, "x-ratelimit-remaining");
    const auto used = headerInt(headers, "x-ratelimit-used");
    auto reset = headerInt(headers, "x-ratelimit-reset");
    const auto glLimit = headerInt(headers, "ratelimit-limit");
    const auto glRemaining = headerInt(headers, "ratelimit-remaining");
    const auto glReset = headerInt(headers, "ratelimit-reset");
    const auto glUsed = headerInt(headers, "ratelimit-observed");
    rl.limit = limit.value_or(glLimit.value_or(-1));
    rl.remaining = remaining.value_or(glRemaining.value_or(-1));
    rl.used = used.value_or(glUsed.value_or(-1));
    if (rl.used < 0 && rl.limit >= 0 && rl.remaining >= 0)
        rl.used = rl.limit - rl.remaining;
    if (!reset)
        reset = glReset;
    if (reset) {
        // Epoch seconds on the server's clock. A small number is a delta (some proxies).
        QDateTime serverReset;
        if (*reset < 1'000'000'000) {
            const auto date = serverDate(headers);
            serverReset = (date ? *date : now).addSecs(*reset);
        } else {
            serverReset = QDateTime::fromSecsSinceEpoch(*reset, QTimeZone::UTC);
        }
        rl.resetAt = toLocalClock(serverReset, headers, now);
    }
    rl.resource = headerText(headers, "x-ratelimit-resource");
    if (!rl.isValid())
        return std::nullopt;
    return rl;
}

std::optional<QDateTime> parseRetryAfter(const QHttpHeaders &headers, const QDateTime &now)
{
    if (!headers.contains(QHttpHeaders::WellKnownHeader::RetryAfter))
        return std::nullopt;
    const QString text = headerText(headers, "retry-after");
    // Delta-seconds beyond any sensible wait (or beyond qint64) are read as a century: the
    // caller caps the wait, a huge number must not fall back to "no hint".
    constexpr qint64 kCentury = qint64(100) * 365 * 24 * 3600;
    const bool allDigits = !text.isEmpty() &&
        std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit() && c < u'\x80'; });
    bool ok = false;
    qint64 seconds = text.toLongLong(&ok);
    if (allDigits && (!ok || seconds > kCentury)) {
        ok = true;
        seconds = kCentury;
    }
    if (ok && seconds >= 0) {
        const QDateTime at = now.addSecs(seconds);
        if (!at.isValid())
            return std::nullopt;  // beyond QDateTime's range: no usable hint
        return at;
    }
    const auto date = parseHttpDate(text.toLatin1());
    if (!date)
        return std::nullopt;
    return toLocalClock(*date, headers, now);
}

std::optional<QDateTime> parseTokenExpiration(QByteArrayView value)
{
    QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const QLocale c = QLocale::c();
    static const QRegularExpression re(
        uR"(^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$)"_s);
    const auto m = re.match(text);
    if (m.hasMatch()) {
        QDateTime dt = c.toDateTime(m.captured(1) % u' ' % m.captured(2), u"yyyy-MM-dd HH:mm:ss"_s);
        if (!dt.isValid())
            return std::nullopt;
        QString zone = m.captured(3);
        int offset = 0;
        if (!zone.isEmpty() && (zone.front() == u'+' || zone.front() == u'-')) {
            zone.remove(u':');
            const int sign = zone.front() == u'-' ? -1 : 1;
            const int hours = zone.mid(1, 2).toInt();
            const int minutes = zone.mid(3, 2).toInt();
            // Qt reads an impossible offset as UTC: a wrong expiry rather than none.
            if (hours > 14 || minutes > 59)
                return std::nullopt;
            offset = sign * (hours * 3600 + minutes * 60);
        }
        dt.setTimeZone(QTimeZone::fromSecondsAheadOfUtc(offset));
        return dt.toUTC();
    }
    const QDateTime iso = QDateTime::fromString(text, Qt::ISODate);
    if (iso.isValid())
        return iso.toUTC();
    return std::nullopt;
}

QStringList parseScopes(QByteArrayView value)
{
    QStringList scopes;
    const QStringList parts = QString::fromLatin1(value).split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString s = part.trimmed();
        if (!s.isEmpty())
            scopes.append(s);
    }
    return scopes;
}

}  // namespace rc::forge
