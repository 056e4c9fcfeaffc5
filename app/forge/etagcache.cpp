// SPDX-License-Identifier: BSD-3-Clause
#include "forge/etagcache.h"

#include <QCryptographicHash>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace rc::forge {

ETagCache::ETagCache(int capacity, qint64 byteBudget)
    : m_capacity(qMax(1, capacity))
    , m_byteBudget(qMax<qint64>(1, byteBudget))
{ }

qint64 ETagCache::sizeOf(const Entry &entry)
{
    return entry.etag.size() + entry.body.size() + entry.contentType.size();
}

void ETagCache::setByteBudget(qint64 bytes)
{
    m_byteBudget = qMax<qint64>(1, bytes);
    evict();
}

void ETagCache::evict()
{
    while (!m_order.isEmpty() && (m_order.size() > m_capacity || m_bytes > m_byteBudget)) {
        const auto it = m_entries.constFind(m_order.takeFirst());
        if (it == m_entries.constEnd())
            continue;
        m_bytes -= sizeOf(*it);
        m_entries.erase(it);
    }
}

QString ETagCache::key(const QByteArray &method, const QUrl &url, const QString &tokenIdentity)
{
    return QString::fromLatin1(method) % u' ' % QString::fromLatin1(url.toEncoded()) % u' ' %
        tokenIdentity;
}

QString ETagCache::tokenIdentity(int service, QByteArrayView token)
{
    if (token.isEmpty())
        return u"anonymous"_s;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("rc-etag-identity:"));
    hash.addData(QByteArray::number(service));
    hash.addData(QByteArrayLiteral(":"));
    hash.addData(token);
    return QString::fromLatin1(hash.result().toHex().left(16));
}

QString ETagCache::tokenIdentity(int service, const QString &token)
{
    QByteArray utf8 = token.toUtf8();
    const QString identity = tokenIdentity(service, QByteArrayView(utf8));
    utf8.fill('\0');
    return identity;
}

std::optional<ETagCache::Entry> ETagCache::find(const QString &key)
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return std::nullopt;
    m_order.removeOne(key);
    m_order.append(key);
    return *it;
}

void ETagCache::insert(const QString &key, Entry entry)
{
    remove(key);
    const qint64 bytes = sizeOf(entry);
    if (bytes > m_byteBudget)
        return;  // would push out everything else and still not fit
    m_entries.insert(key, std::move(entry));
    m_order.append(key);
    m_bytes += bytes;
    ++m_stores;
    evict();
}

void ETagCache::remove(const QString &key)
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return;
    m_bytes -= sizeOf(*it);
    m_entries.erase(it);
    m_order.removeOne(key);
}

void ETagCache::clear()
{
    m_entries.clear();
    m_order.clear();
    m_bytes = 0;
}

}  // namespace rc::forge
