// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/keychainerror.h"
#include "secrets/tokenkey.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <optional>

namespace rc::secrets {

class TokenHealthCheck;
class TokenStore;
struct KeychainStatus;
struct TokenHealthReport;
struct TokenLoad;

// What start-up learned about one forge's token, and so what the window or a command should
// do about it. Only the fields named for a kind are set.
struct StartupTokenVerdict
{
    enum class Kind {
        Missing,              // no token of this forge on any host: ask for one
        Locked,               // none can be seen because the keyring is locked: unlock it
        Unusable,             // rejected, expired, or unable to do a release: `reason`
        ExpiresSoon,          // usable until `expiresAt` (inside 14 days): `warnings` say so
        Ok,                   // usable, or not checked (`checked`: the forge was not asked)
        KeychainUnavailable,  // the keychain cannot be used now: `keychainError`
    };

    Forge forge = Forge::GitHub;
    Kind kind = Kind::Missing;
    // The token the verdict is about: the stored one (any host of the forge counts), the locked
    // one, and for Missing and KeychainUnavailable the forge's default key.
    TokenKey key;
    QString reason;        // Unusable: why, in the forge's words
    QDateTime expiresAt;   // ExpiresSoon: when (UTC)
    QStringList warnings;  // ExpiresSoon, Ok: what the health check warned about
    std::optional<KeychainError> keychainError;  // KeychainUnavailable
    // Unusable, ExpiresSoon, Ok: the forge answered about this token. False when it could not be
    // asked (offline says nothing about a token) or no health check was given.
    bool checked = false;

    // "missing", "locked", "unusable", "expires-soon", "ok", "keychain-unavailable".
    QString kindId() const;
};

// The start-up token policy, shared by the main window and the command line: for each forge,
// is a token stored (on any host), can it be read, and does the forge accept it? The answer is
// one StartupTokenVerdict per forge; showing it is the caller's business.
class StartupTokenCheck final : public QObject
{
    Q_OBJECT

public:
    // `healthCheck` may be null: stored tokens are then Ok without being checked. `keys` are
    // asked for by name; every other entry of ours the keychain holds counts too.
    StartupTokenCheck(TokenStore &store, TokenHealthCheck *healthCheck,
                      QList<TokenKey> keys = defaultTokenKeys(), QObject *parent = nullptr);
    ~StartupTokenCheck() override;

    // Asks the keychain, then each forge about its stored token. Calling it again starts over:
    // what an earlier start has not said yet is never said.
    void start();
    bool isRunning() const { return m_running; }
    // The verdicts of the last start so far, in the order they were emitted.
    QList<StartupTokenVerdict> verdicts() const { return m_verdicts; }

signals:
    // Once per forge (GitHub, then GitLab, for those known at once) per start(), as soon as it is
    // known: Missing, Locked and KeychainUnavailable straight from the keychain's answer, the
    // others when the forge has answered.
    void verdictReady(const rc::secrets::StartupTokenVerdict &verdict);
    // After the last forge's verdict of this start.
    void finished();

private:
    void review(quint64 run, const KeychainStatus &status);
    void checkStored(quint64 run, const TokenKey &key);
    void takeLoad(quint64 run, const TokenKey &key, TokenLoad &loaded);
    StartupTokenVerdict verdictFromHealth(const TokenKey &key,
                                          const TokenHealthReport &report) const;
    // The key a verdict about `forge` names when no stored one does: the first of the keys
    // checked (the profile's host), else the public host.
    TokenKey expectedKey(Forge forge) const;
    // Emits the verdict; false when a receiver started over, so this run must say no more.
    bool conclude(quint64 run, StartupTokenVerdict verdict);

    TokenStore &m_store;
    TokenHealthCheck *m_healthCheck;
    QList<TokenKey> m_keys;
    quint64 m_run = 0;  // the start() whose answers still count
    int m_pending = 0;  // forges of this run still waiting for the forge or the keychain
    bool m_running = false;
    QList<StartupTokenVerdict> m_verdicts;
};

}  // namespace rc::secrets

Q_DECLARE_METATYPE(rc::secrets::StartupTokenVerdict)
