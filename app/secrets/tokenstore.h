// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/keychainbackend.h"
#include "secrets/keychainerror.h"
#include "secrets/keychainprobe.h"
#include "secrets/tokenkey.h"

#include <QHash>
#include <QObject>
#include <QtCrypto>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace rc::secrets {

// What the keychain knows about one entry, learned without reading the secret.
enum class EntryPresence {
    Stored,   // the entry exists and can be read
    Absent,   // the keychain is unlocked and has no such entry
    Locked,   // the keyring is locked: the entry may exist; never treated as absent
    Unknown,  // the keychain cannot be asked (see the status error) or cannot list entries
};
QString presenceId(EntryPresence presence);  // "stored", "absent", "locked", "unknown"

struct TokenEntryStatus
{
    TokenKey key;
    EntryPresence presence = EntryPresence::Unknown;
    bool hasThisRunToken = false;  // a token kept in memory for this run only
};

struct KeychainStatus
{
    std::optional<KeychainError> error;  // why the keychain cannot be used now, if it cannot
    QList<TokenEntryStatus> entries;     // the asked keys, then every other entry found
};

enum class TokenSource { Keychain, ThisRunOnly };

struct TokenLoad
{
    std::optional<KeychainError> error;
    QCA::SecureArray token;  // empty on error; drop it as soon as the request is built
    TokenSource source = TokenSource::Keychain;
};

struct TokenChange
{
    std::optional<KeychainError> error;  // on error nothing was written or removed
};

// The tokens of Release Console: one keychain entry per forge and host under the service
// "release-console", and never a plaintext copy anywhere. Every call is asynchronous and bounded
// by one timeout; the answer goes to `done` on the event loop, unless `context` was destroyed.
// A QCA::Initializer must be alive while a TokenStore is used (the application owns it).
class TokenStore : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout {10000};

    TokenStore(std::unique_ptr<KeychainBackend> backend, std::unique_ptr<KeychainProbe> probe,
               std::chrono::milliseconds timeout = kDefaultTimeout, QObject *parent = nullptr);
    // The OS keychain through QtKeychain, probed first where the platform allows.
    static std::unique_ptr<TokenStore>
    forSystemKeychain(std::chrono::milliseconds timeout = kDefaultTimeout,
                      QObject *parent = nullptr);
    ~TokenStore() override;

    std::chrono::milliseconds timeout() const { return m_timeout; }

    // The state of the keychain and of `keys`, plus any other entry of ours it holds.
    void status(const QList<TokenKey> &keys, QObject *context,
                std::function<void(KeychainStatus)> done);
    // A token kept for this run wins over the keychain; else the keychain entry.
    void load(const TokenKey &key, QObject *context, std::function<void(TokenLoad)> done);
    // Writes the token to the keychain (replacing an entry), and then drops any this-run copy.
    void save(const TokenKey &key, const QCA::SecureArray &token, QObject *context,
              std::function<void(TokenChange)> done);
    // Removes the keychain entry and any this-run copy.
    void remove(const TokenKey &key, QObject *context, std::function<void(TokenChange)> done);

    // For when the keychain is unusable: the token lives in this process's secure memory only,
    // and is gone when the application quits. The UI shows a banner while any exists.
    void keepForThisRunOnly(const TokenKey &key, const QCA::SecureArray &token);
    bool hasThisRunToken(const TokenKey &key) const;
    QList<TokenKey> thisRunTokenKeys() const;
    void forgetThisRunToken(const TokenKey &key);

    // The last problem that made the keychain unusable, cleared when it answers again.
    std::optional<KeychainError> keychainProblem() const { return m_keychainProblem; }

signals:
    void keychainProblemChanged();
    void thisRunTokensChanged();
    // A keychain entry was written or removed.
    void entriesChanged();

private:
    template<typename Result>
    std::function<void(Result)> guard(QObject *context, std::function<void(Result)> done);
    void noteProbe(const KeychainProbeResult &probe);

    std::unique_ptr<KeychainBackend> m_backend;
    std::unique_ptr<KeychainProbe> m_probe;
    std::chrono::milliseconds m_timeout;
    QHash<QString, QCA::SecureArray> m_thisRunTokens;  // by account
    std::optional<KeychainError> m_keychainProblem;
};

// Checks the shape of a token typed or pasted by a person: not empty, no whitespace or control
// characters, at most 1024 bytes. Returns the reason it is not acceptable, or an empty string.
QString checkTokenShape(const QCA::SecureArray &token);
// Drops one trailing "\n" or "\r\n" (from `echo` or a file) in place.
void chopLineEnd(QCA::SecureArray &token);

}  // namespace rc::secrets
