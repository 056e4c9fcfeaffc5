// SPDX-License-Identifier: BSD-3-Clause
#include "forge/tokensource.h"

#include "forge/forgeheaders.h"

namespace rc::forge {

static QString key(Service service, const QString &origin)
{
    return QString::number(int(service)) % u' ' % origin;
}

void MemoryTokenSource::setToken(Service service, const QUrl &anyUrlOfOrigin, const QString &token)
{
    m_tokens.insert(key(service, originOf(anyUrlOfOrigin)), token);
}

void MemoryTokenSource::clear()
{
    m_tokens.clear();
}

QString MemoryTokenSource::token(Service service, const QString &origin) const
{
    return m_tokens.value(key(service, origin));
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
        return QStringLiteral("unknown");
    case GitHubTokenKind::Classic:
        return QStringLiteral("classic");
    case GitHubTokenKind::FineGrained:
        return QStringLiteral("fine-grained");
    case GitHubTokenKind::OAuth:
        return QStringLiteral("oauth");
    case GitHubTokenKind::UserToServer:
        return QStringLiteral("user-to-server");
    case GitHubTokenKind::Installation:
        return QStringLiteral("installation");
    }
    return QStringLiteral("unknown");
}

}  // namespace rc::forge
