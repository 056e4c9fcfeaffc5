// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Helpers for the forge fuzz targets: turn fuzz bytes into the HTTP pieces the parsers read.

#include "forge/transport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHttpHeaders>
#include <QJsonDocument>
#include <QList>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QUrl>

#include <cstddef>
#include <cstdint>

namespace rc::fuzz {

// QHttpHeaders warns on every name or value HTTP does not allow; fuzz input is mostly that, and
// the log would slow the run to a crawl.
inline const bool kQuietHeaderWarnings = [] {
    QLoggingCategory::setFilterRules(QStringLiteral("qt.network.http.headers=false"));
    return true;
}();

inline QByteArrayView bytesOf(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// "Name: value" lines (CR LF or LF) up to the first empty line become headers; the rest is the
// body. Lines without a colon are skipped, as an HTTP parser would reject them.
struct HttpPieces
{
    QHttpHeaders headers;
    QByteArray body;
};

inline HttpPieces splitHttp(QByteArrayView input)
{
    HttpPieces pieces;
    qsizetype position = 0;
    while (position < input.size()) {
        qsizetype end = input.indexOf('\n', position);
        if (end < 0)
            end = input.size();
        QByteArrayView line = input.sliced(position, end - position);
        position = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        // QHttpHeaders refuses names and values HTTP does not allow; so does a real server.
        pieces.headers.append(line.first(colon).trimmed(), line.sliced(colon + 1).trimmed());
    }
    if (position < input.size())
        pieces.body = input.sliced(position).toByteArray();
    return pieces;
}

// A fixed local clock, so every run sees the same "now".
inline QDateTime fuzzNow()
{
    return QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
}

// A 200 JSON answer as the Transport hands it to the parsers.
inline forge::ForgeResponse jsonResponse(QByteArrayView body, const QHttpHeaders &headers = {})
{
    forge::ForgeResponse response;
    response.httpStatus = 200;
    response.headers = headers;
    response.body = body.toByteArray();
    response.json = QJsonDocument::fromJson(response.body);
    response.finalUrl = QUrl(QStringLiteral("https://api.example.org/list?per_page=2&page=1"));
    return response;
}

}  // namespace rc::fuzz
