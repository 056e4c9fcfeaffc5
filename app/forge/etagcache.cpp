// SPDX-License-Identifier: BSD-3-Clause
#include "forge/etagcache.h"

#include <QCryptographicHash>
#include <QUrl>

namespace rc::forge {

ETagCache::ETagCache(int capacity)
    : m_capacity(qMax(1, capacity))
{ }

QString ETagCache::key(const QByteArray &method, const QUrl &url, const QString &tokenIdentity)
{
    return QString::fromLatin1(method) % u' ' % QString::fromLatin1(url.toEncoded()) % u' ' %
        tokenIdentity;
}

QString ETagCache::tokenIdentity(int service, const QString &token)
{
    if (token.isEmpty())
        return QStringLiteral("anonymous");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("rc-etag-identity:"));
    hash.addData(QByteArray::number(service));
    hash.addData(QByteArrayLiteral(":"));
    hash.addData(token.toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(16));
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
    if (m_entries.contains(key))
        m_order.removeOne(key);
    m_entries.insert(key, std::move(entry));
    m_order.append(key);
    ++m_stores;
    while (m_order.size() > m_capacity)
        m_entries.remove(m_order.takeFirst());
}

void ETagCache::remove(const QString &key)
{
    if (m_entries.remove(key))
        m_order.removeOne(key);
}

void ETagCache::clear()
{
    m_entries.clear();
    m_order.clear();
}

}  // namespace rc::forge
