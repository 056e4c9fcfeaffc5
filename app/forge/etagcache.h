// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace rc::forge {

// Remembers the last good answer of conditional GETs, keyed by URL and token identity
// (a digest, never the token), so a 304 can give the cached value back. Bounded, LRU.
class ETagCache
{
public:
    struct Entry
    {
        QByteArray etag;
        QByteArray body;
        QByteArray contentType;
    };

    explicit ETagCache(int capacity = 512);

    // The key of a request: method + URL + a digest of (service, token).
    static QString key(const QByteArray &method, const QUrl &url, const QString &tokenIdentity);
    // A short irreversible identity of a token ("anonymous" when empty).
    static QString tokenIdentity(int service, const QString &token);

    std::optional<Entry> find(const QString &key);  // refreshes recency
    void insert(const QString &key, Entry entry);
    void remove(const QString &key);
    void clear();
    int size() const { return int(m_entries.size()); }
    int capacity() const { return m_capacity; }

    // Statistics (for benchmarks and the status bar).
    qint64 hits() const { return m_hits; }
    qint64 stores() const { return m_stores; }
    void countHit() { ++m_hits; }

private:
    int m_capacity;
    QHash<QString, Entry> m_entries;
    QList<QString> m_order;  // least recently used first
    qint64 m_hits = 0;
    qint64 m_stores = 0;
};

}  // namespace rc::forge
