// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/forgerequest.h"

#include <QHash>
#include <QString>
#include <QUrl>
#include <QtCrypto>

namespace rc::forge {

// Where the Transport gets the token for a service at an origin (scheme://host:port).
// Implemented over the keychain by secrets/; in memory for the sandbox, the token health check
// (the token being checked) and tests.
// Called on the thread of the Transport, once per attempt; must not block.
// Tokens stay in QCA secure memory up to the request header (see app/forge/README.md), so a
// QCA::Initializer must be alive wherever one is held.
class TokenSource
{
public:
    virtual ~TokenSource() = default;
    // The token for `service` at `origin` (see originOf()), empty for none: a copy of its own
    // (deepCopy()), so the caller may wipe it and the source's copy stays whole.
    virtual QCA::SecureArray token(Service service, const QString &origin) const = 0;
};

// A copy of `token` with bytes of its own. Copies of a QCA::SecureArray share their bytes until
// one is written, so wiping one copy (fill) would leave the bytes alive in the others.
QCA::SecureArray deepCopy(const QCA::SecureArray &token);

// A TokenSource holding tokens in memory (QCA secure memory), keyed by service and origin;
// they are wiped when replaced, cleared or destroyed. An empty token removes the entry.
class MemoryTokenSource final : public TokenSource
{
public:
    MemoryTokenSource() = default;
    ~MemoryTokenSource() override;
    Q_DISABLE_COPY_MOVE(MemoryTokenSource)

    void setToken(Service service, const QUrl &anyUrlOfOrigin, const QCA::SecureArray &token);
    // For tests and the sandbox's demo tokens, which exist as text anyway; stored as UTF-8.
    void setToken(Service service, const QUrl &anyUrlOfOrigin, const QString &token);
    void clear();
    QCA::SecureArray token(Service service, const QString &origin) const override;

private:
    void remove(const QString &key);

    // Secure memory exists only while QCA is initialised. Counted, so it shares an
    // application's own Initializer; declared first, so it outlives the tokens.
    QCA::Initializer m_secureMemory;
    QHash<QString, QCA::SecureArray> m_tokens;
};

// The kind of a GitHub token, from its prefix.
enum class GitHubTokenKind {
    Unknown,
    Classic,       // ghp_
    FineGrained,   // github_pat_
    OAuth,         // gho_
    UserToServer,  // ghu_
    Installation,  // ghs_
};
GitHubTokenKind gitHubTokenKind(const QString &token);
QString gitHubTokenKindName(GitHubTokenKind kind);

}  // namespace rc::forge
