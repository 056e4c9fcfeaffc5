// SPDX-License-Identifier: BSD-3-Clause
#include "forge/tokensource.h"

#include "forge/forgeheaders.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::forge {

static QString key(Service service, const QString &origin)
{
    return QString::number(int(service)) % u' ' % origin;
}

QCA::SecureArray deepCopy(const QCA::SecureArray &token)
{
    QCA::SecureArray copy(token.size());
    std::copy_n(token.constData(), token.size(), copy.data());
    return copy;
}

MemoryTokenSource::~MemoryTokenSource()
{
    clear();
}

void MemoryTokenSource::setToken(Service service, const QUrl &anyUrlOfOrigin,
                                 const QCA::SecureArray &token)
{
    const QString k = key(service, originOf(anyUrlOfOrigin));
    remove(k);
    if (!token.isEmpty())
        m_tokens.insert(k, deepCopy(token));
}

void MemoryTokenSource::setToken(Service service, const QUrl &anyUrlOfOrigin, const QString &token)
{
    QByteArray utf8 = token.toUtf8();
    setToken(service, anyUrlOfOrigin, QCA::SecureArray(utf8));
    utf8.fill('\0');
}

void MemoryTokenSource::remove(const QString &key)
{
    const auto found = m_tokens.find(key);
    if (found == m_tokens.end())
        return;
    found->fill('\0');
    m_tokens.erase(found);
}

void MemoryTokenSource::clear()
{
    for (QCA::SecureArray &token : m_tokens)
        token.fill('\0');
    m_tokens.clear();
}

QCA::SecureArray MemoryTokenSource::token(Service service, const QString &origin) const
{
    const auto found = m_tokens.constFind(key(service, origin));
    return found == m_tokens.cend() ? QCA::SecureArray() : deepCopy(*found);
}

GitHubTokenKind gitHubTokenKind(const QString &token)
{
    if (token.startsWith(u"github_pat_"))
        return GitHubTokenKind::FineGrained;
    if (token.startsWith(u"ghp_"))
        return GitHubTokenKind::Classic;
    if (token.startsWith(u"gho_"))
        return GitHubTokenKind::OAuth;
    if (token.startsWith(u"ghu_"))
        return GitHubTokenKind::UserToServer;
    if (token.startsWith(u"ghs_"))
        return GitHubTokenKind::Installation;
    return GitHubTokenKind::Unknown;
}

QString gitHubTokenKindName(GitHubTokenKind kind)
{
    switch (kind) {
    case GitHubTokenKind::Unknown:
        return u"unknown"_s;
    case GitHubTokenKind::Classic:
        return u"classic"_s;
    case GitHubTokenKind::FineGrained:
        return u"fine-grained"_s;
    case GitHubTokenKind::OAuth:
        return u"oauth"_s;
    case GitHubTokenKind::UserToServer:
        return u"user-to-server"_s;
    case GitHubTokenKind::Installation:
        return u"installation"_s;
    }
    return u"unknown"_s;
}

}  // namespace rc::forge
