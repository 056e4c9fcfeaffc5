// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/forgerequest.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace rc::forge {

// Where the Transport gets the token for a service at an origin (scheme://host:port).
// Implemented over the keychain by secrets/, in memory for tests and the CLI.
// Called on the thread of the Transport, once per attempt; must not block.
class TokenSource
{
public:
    virtual ~TokenSource() = default;
    // The token for `service` at `origin` (see originOf()), or an empty string for none.
    virtual QString token(Service service, const QString &origin) const = 0;
};

// A TokenSource holding tokens in memory, keyed by service and origin.
class MemoryTokenSource final : public TokenSource
{
public:
    void setToken(Service service, const QUrl &anyUrlOfOrigin, const QString &token);
    void clear();
    QString token(Service service, const QString &origin) const override;

private:
    QHash<QString, QString> m_tokens;
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
