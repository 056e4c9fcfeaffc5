// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace rc::secrets {

enum class Forge { GitHub, GitLab };

// "github" / "gitlab": the word used on the command line, in JSON and in keychain accounts.
QString forgeId(Forge forge);
// "GitHub" / "GitLab": the word shown to people.
QString forgeDisplayName(Forge forge);
std::optional<Forge> forgeFromId(QStringView id);
// api.github.com for GitHub, gitlab.com for GitLab.
QString defaultHost(Forge forge);

// Names one token: a forge and the host of its API. GitHub Enterprise and self-hosted GitLab
// hosts each get their own keychain entry, so one person can keep tokens for several servers.
struct TokenKey
{
    Forge forge = Forge::GitHub;
    QString host;  // normalized: lower case, no scheme, no path; ":port" only when not default

    // The keychain account, e.g. "github:api.github.com".
    QString account() const;
    // e.g. "GitHub (api.github.com)".
    QString displayName() const;

    // Builds a key from user input: `host` may be empty (the forge's default host), a bare host
    // ("gitlab.example.org", "ghe.corp:8443") or a URL ("https://gitlab.example.org/group").
    // Returns nothing when the host is not a plausible host name.
    static std::optional<TokenKey> fromUserInput(Forge forge, const QString &host);
    // Parses an account written by account(); nothing when it is not one of ours.
    static std::optional<TokenKey> fromAccount(QStringView account);

    friend bool operator==(const TokenKey &, const TokenKey &) = default;
};

// The two entries every installation has: github:api.github.com and gitlab:gitlab.com.
QList<TokenKey> defaultTokenKeys();

// The keychain service under which every entry is stored.
inline constexpr QStringView kKeychainService = u"release-console";

}  // namespace rc::secrets
