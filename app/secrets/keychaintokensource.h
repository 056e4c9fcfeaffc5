// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/tokensource.h"
#include "secrets/tokenstore.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace rc::secrets {

// The forge transport's TokenSource, fed from the TokenStore. The transport asks synchronously
// per request, so the tokens a profile needs are loaded first (asynchronously) and held in
// secure memory; a token saved or removed in the store is reloaded or dropped here.
class KeychainTokenSource final : public QObject, public forge::TokenSource
{
    Q_OBJECT

public:
    explicit KeychainTokenSource(TokenStore &store, QObject *parent = nullptr);
    ~KeychainTokenSource() override;

    using Errors = QHash<QString, KeychainError>;  // by account; empty when every key loaded
    // Loads `keys` and keeps them; `done` gets the keys that could not be loaded and why.
    void load(const QList<TokenKey> &keys, QObject *context, std::function<void(Errors)> done);
    bool has(const TokenKey &key) const;
    void forget(const TokenKey &key);

    // forge::TokenSource: a copy of the loaded token of the forge at that origin (bytes of its
    // own), else empty.
    QCA::SecureArray token(forge::Service service, const QString &origin) const override;

    // The key a forge origin (scheme://host:port) maps to, e.g. https://ghe.corp ->
    // github:ghe.corp.
    static std::optional<TokenKey> keyForOrigin(forge::Service service, const QString &origin);

signals:
    // A token was loaded again or dropped after the store changed.
    void tokensChanged();

private:
    void reloadAll();
    void drop(const QString &account);

    TokenStore &m_store;
    QHash<QString, QCA::SecureArray> m_tokens;  // by account
    QSet<QString> m_wanted;                     // accounts asked for and not forgotten
};

}  // namespace rc::secrets
