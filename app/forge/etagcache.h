// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace rc::forge {

// Remembers the last good answer of conditional GETs, keyed by URL and token identity
// (a digest, never the token), so a 304 can give the cached value back. Bounded by an entry
// count and by a byte budget (the entries' ETag, body and content type together); the least
// recently used go first. An answer larger than the whole budget is not kept.
class ETagCache
{
public:
    struct Entry
    {
        QByteArray etag;
        QByteArray body;
        QByteArray contentType;
    };

    static constexpr qint64 kDefaultByteBudget = qint64(32) << 20;

    explicit ETagCache(int capacity = 512, qint64 byteBudget = kDefaultByteBudget);

    // The key of a request: method + URL + a digest of (service, token).
    static QString key(const QByteArray &method, const QUrl &url, const QString &tokenIdentity);
    // A short irreversible identity of a token's bytes ("anonymous" when empty).
    static QString tokenIdentity(int service, QByteArrayView token);
    // The same identity for a token given as text (its UTF-8 bytes).
    static QString tokenIdentity(int service, const QString &token);

    std::optional<Entry> find(const QString &key);  // refreshes recency
    void insert(const QString &key, Entry entry);
    void remove(const QString &key);
    void clear();
    int size() const { return int(m_entries.size()); }
    int capacity() const { return m_capacity; }
    qint64 byteBudget() const { return m_byteBudget; }
    // Evicts the least recently used entries until the rest fits (at least 1 byte).
    void setByteBudget(qint64 bytes);
    qint64 totalBytes() const { return m_bytes; }

    // Statistics (for benchmarks and the status bar).
    qint64 hits() const { return m_hits; }
    qint64 stores() const { return m_stores; }
    void countHit() { ++m_hits; }

private:
    static qint64 sizeOf(const Entry &entry);
    void evict();

    int m_capacity;
    qint64 m_byteBudget;
    qint64 m_bytes = 0;
    QHash<QString, Entry> m_entries;
    QList<QString> m_order;  // least recently used first
    qint64 m_hits = 0;
    qint64 m_stores = 0;
};

}  // namespace rc::forge
