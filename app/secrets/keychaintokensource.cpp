// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/keychaintokensource.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace rc::secrets {

KeychainTokenSource::KeychainTokenSource(TokenStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_store, &TokenStore::entriesChanged, this, &KeychainTokenSource::reloadAll);
    connect(&m_store, &TokenStore::thisRunTokensChanged, this, &KeychainTokenSource::reloadAll);
}

KeychainTokenSource::~KeychainTokenSource()
{
    for (QCA::SecureArray &token : m_tokens)
        token.fill('\0');
}

void KeychainTokenSource::load(const QList<TokenKey> &keys, QObject *context,
                               std::function<void(Errors)> done)
{
    struct Pending
    {
        int left = 0;
        Errors errors;
        QPointer<QObject> receiver;
        std::function<void(Errors)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(keys.size());
    pending->receiver = context;
    pending->done = std::move(done);
    if (keys.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [pending] {
                if (pending->receiver)
                    pending->done({});
            },
            Qt::QueuedConnection);
        return;
    }
    for (const TokenKey &key : keys) {
        m_wanted.insert(key.account());
        m_store.load(key, this, [this, key, pending](const TokenLoad &loaded) {
            if (loaded.error) {
                pending->errors.insert(key.account(), *loaded.error);
                // Only an entry that is gone takes the token with it: a keyring that locked or
                // did not answer in time says nothing about a token already read from it.
                if (loaded.error->kind == KeychainErrorKind::NotFound)
                    drop(key.account());
            } else {
                m_tokens.insert(key.account(), loaded.token);
            }
            if (--pending->left == 0 && pending->receiver)
                pending->done(pending->errors);
        });
    }
}

bool KeychainTokenSource::has(const TokenKey &key) const
{
    return m_tokens.contains(key.account());
}

void KeychainTokenSource::forget(const TokenKey &key)
{
    m_wanted.remove(key.account());
    drop(key.account());
}

void KeychainTokenSource::drop(const QString &account)
{
    auto found = m_tokens.find(account);
    if (found == m_tokens.end())
        return;
    found->fill('\0');
    m_tokens.erase(found);
}

QCA::SecureArray KeychainTokenSource::token(forge::Service service, const QString &origin) const
{
    const std::optional<TokenKey> key = keyForOrigin(service, origin);
    if (!key)
        return {};
    const auto found = m_tokens.constFind(key->account());
    if (found == m_tokens.cend())
        return {};
    // Bytes of its own: drop() wipes the held token, and a shared one would keep the bytes
    // alive in every copy handed out.
    return forge::deepCopy(*found);
}

std::optional<TokenKey> KeychainTokenSource::keyForOrigin(forge::Service service,
                                                          const QString &origin)
{
    switch (service) {
    case forge::Service::GitHub:
        return TokenKey::fromUserInput(Forge::GitHub, origin);
    case forge::Service::GitLab:
        return TokenKey::fromUserInput(Forge::GitLab, origin);
    case forge::Service::Anaconda:
        break;
    }
    return std::nullopt;
}

void KeychainTokenSource::reloadAll()
{
    // Every key still wanted, also those that could not be loaded before: the change may be
    // the token that was missing.
    QList<TokenKey> keys;
    for (const QString &account : std::as_const(m_wanted)) {
        if (const std::optional<TokenKey> key = TokenKey::fromAccount(account))
            keys << *key;
    }
    load(keys, this, [this](const Errors &) { emit tokensChanged(); });
}

}  // namespace rc::secrets
