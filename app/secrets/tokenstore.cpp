// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/tokenstore.h"

#include "forge/tokensource.h"
#include "secrets/qtkeychainbackend.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::secrets::TokenStore)
};

KeychainError timedOut(std::chrono::milliseconds timeout)
{
    return {KeychainErrorKind::TimedOut,
            Text::tr("no answer within %1 s").arg(double(timeout.count()) / 1000.0)};
}

EntryPresence presenceFromProbe(const KeychainProbeResult &probe, const QString &account)
{
    const bool locked = probe.problem && probe.problem->kind == KeychainErrorKind::Locked;
    if (probe.problem && !locked)
        return EntryPresence::Unknown;
    if (!probe.seesEntries)
        return locked ? EntryPresence::Locked : EntryPresence::Unknown;
    if (probe.accounts.contains(account))
        return EntryPresence::Stored;
    // A locked keyring hides entries: what it does not show may still be there.
    if (locked || probe.lockedEntryCount > 0)
        return EntryPresence::Locked;
    return EntryPresence::Absent;
}

}  // namespace

QString presenceId(EntryPresence presence)
{
    switch (presence) {
    case EntryPresence::Stored:
        return u"stored"_s;
    case EntryPresence::Absent:
        return u"absent"_s;
    case EntryPresence::Locked:
        return u"locked"_s;
    case EntryPresence::Unknown:
        break;
    }
    return u"unknown"_s;
}

TokenStore::TokenStore(std::unique_ptr<KeychainBackend> backend,
                       std::unique_ptr<KeychainProbe> probe, std::chrono::milliseconds timeout,
                       QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
    , m_probe(std::move(probe))
    , m_timeout(std::min(timeout, kDefaultTimeout))
{ }

std::unique_ptr<TokenStore> TokenStore::forSystemKeychain(std::chrono::milliseconds timeout,
                                                          QObject *parent)
{
    return std::make_unique<TokenStore>(std::make_unique<QtKeychainBackend>(),
                                        createSystemKeychainProbe(timeout), timeout, parent);
}

TokenStore::~TokenStore()
{
    for (QCA::SecureArray &token : m_thisRunTokens)
        token.fill('\0');
}

// Wraps `done` so that it runs once: with the real answer, or with "timed out" when the timeout
// fires first; a late answer is dropped (and with it any secret it carried).
template<typename Result>
std::function<void(Result)> TokenStore::guard(QObject *context, std::function<void(Result)> done)
{
    struct Pending
    {
        bool answered = false;
        QPointer<QObject> receiver;
        std::function<void(Result)> done;
        QPointer<QTimer> timer;
    };
    auto pending = std::make_shared<Pending>();
    pending->receiver = context;
    pending->done = std::move(done);
    auto answer = [pending](Result result) {
        if (pending->answered)
            return;
        pending->answered = true;
        if (pending->timer)
            pending->timer->deleteLater();
        if (pending->receiver)
            pending->done(std::move(result));
    };
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    pending->timer = timer;
    connect(timer, &QTimer::timeout, this, [this, answer] {
        Result result;
        result.error = timedOut(m_timeout);
        m_keychainProblem = result.error;
        emit keychainProblemChanged();
        answer(std::move(result));
    });
    timer->start(m_timeout);
    return answer;
}

void TokenStore::noteProbe(const KeychainProbeResult &probe)
{
    std::optional<KeychainError> problem;
    // A keychain that does not answer is as unusable as a missing one, for now.
    if (probe.problem &&
        (probe.problem->makesKeychainUnusable() ||
         probe.problem->kind == KeychainErrorKind::TimedOut))
        problem = probe.problem;
    if (problem == m_keychainProblem)
        return;
    m_keychainProblem = problem;
    emit keychainProblemChanged();
}

void TokenStore::status(const QList<TokenKey> &keys, QObject *context,
                        std::function<void(KeychainStatus)> done)
{
    auto answer = guard<KeychainStatus>(context, std::move(done));
    m_probe->inspect(
        kKeychainService.toString(), [this, keys, answer](const KeychainProbeResult &probe) {
            noteProbe(probe);
            KeychainStatus status;
            status.error = probe.problem;
            QList<TokenKey> all = keys;
            for (const QString &account : probe.accounts) {
                if (const std::optional<TokenKey> key = TokenKey::fromAccount(account);
                    key && !all.contains(*key))
                    all << *key;
            }
            for (const TokenKey &key : thisRunTokenKeys()) {
                if (!all.contains(key))
                    all << key;
            }
            for (const TokenKey &key : std::as_const(all))
                status.entries << TokenEntryStatus {key, presenceFromProbe(probe, key.account()),
                                                    hasThisRunToken(key)};
            answer(std::move(status));
        });
}

void TokenStore::load(const TokenKey &key, QObject *context, std::function<void(TokenLoad)> done)
{
    auto answer = guard<TokenLoad>(context, std::move(done));
    if (const auto found = m_thisRunTokens.constFind(key.account());
        found != m_thisRunTokens.cend()) {
        TokenLoad result;
        result.token = forge::deepCopy(*found);
        result.source = TokenSource::ThisRunOnly;
        QTimer::singleShot(0, this, [answer, result] { answer(result); });
        return;
    }
    m_probe->inspect(
        kKeychainService.toString(), [this, key, answer](const KeychainProbeResult &probe) {
            noteProbe(probe);
            if (probe.problem) {
                answer(TokenLoad {probe.problem, {}, TokenSource::Keychain});
                return;
            }
            switch (presenceFromProbe(probe, key.account())) {
            case EntryPresence::Absent:
                answer(TokenLoad {
                    KeychainError {KeychainErrorKind::NotFound, {}}, {}, TokenSource::Keychain});
                return;
            case EntryPresence::Locked:
                answer(TokenLoad {
                    KeychainError {KeychainErrorKind::Locked, {}}, {}, TokenSource::Keychain});
                return;
            case EntryPresence::Stored:
            case EntryPresence::Unknown:
                break;
            }
            m_backend->read(kKeychainService.toString(), key.account(),
                            [answer](KeychainReply reply) {
                                answer(TokenLoad {std::move(reply.error), std::move(reply.secret),
                                                  TokenSource::Keychain});
                            });
        });
}

void TokenStore::save(const TokenKey &key, const QCA::SecureArray &token, QObject *context,
                      std::function<void(TokenChange)> done)
{
    auto answer = guard<TokenChange>(context, std::move(done));
    m_probe->inspect(
        kKeychainService.toString(), [this, key, token, answer](const KeychainProbeResult &probe) {
            noteProbe(probe);
            if (probe.problem) {
                answer(TokenChange {probe.problem});  // locked, missing or hanging: write nothing
                return;
            }
            m_backend->write(kKeychainService.toString(), key.account(), token,
                             [this, key, answer](const KeychainReply &reply) {
                                 if (!reply.error) {
                                     forgetThisRunToken(key);
                                     emit entriesChanged();
                                 }
                                 answer(TokenChange {reply.error});
                             });
        });
}

void TokenStore::remove(const TokenKey &key, QObject *context,
                        std::function<void(TokenChange)> done)
{
    auto answer = guard<TokenChange>(context, std::move(done));
    const bool hadThisRunToken = hasThisRunToken(key);
    forgetThisRunToken(key);
    m_probe->inspect(
        kKeychainService.toString(),
        [this, key, answer, hadThisRunToken](const KeychainProbeResult &probe) {
            noteProbe(probe);
            if (probe.problem) {
                // Forgetting a this-run token is all there was to do when the keychain is unusable.
                const bool onlyThisRun = hadThisRunToken && probe.problem->makesKeychainUnusable();
                answer(TokenChange {onlyThisRun ? std::nullopt : probe.problem});
                return;
            }
            switch (presenceFromProbe(probe, key.account())) {
            case EntryPresence::Absent:
                answer(TokenChange {hadThisRunToken ? std::nullopt
                                                    : std::optional(KeychainError {
                                                          KeychainErrorKind::NotFound, {}})});
                return;
            case EntryPresence::Locked:
                answer(TokenChange {KeychainError {KeychainErrorKind::Locked, {}}});
                return;
            case EntryPresence::Stored:
            case EntryPresence::Unknown:
                break;
            }
            m_backend->remove(kKeychainService.toString(), key.account(),
                              [this, answer](const KeychainReply &reply) {
                                  if (!reply.error)
                                      emit entriesChanged();
                                  answer(TokenChange {reply.error});
                              });
        });
}

void TokenStore::keepForThisRunOnly(const TokenKey &key, const QCA::SecureArray &token)
{
    m_thisRunTokens.insert(key.account(), forge::deepCopy(token));
    emit thisRunTokensChanged();
}

bool TokenStore::hasThisRunToken(const TokenKey &key) const
{
    return m_thisRunTokens.contains(key.account());
}

QList<TokenKey> TokenStore::thisRunTokenKeys() const
{
    QList<TokenKey> keys;
    for (auto it = m_thisRunTokens.cbegin(); it != m_thisRunTokens.cend(); ++it) {
        if (const std::optional<TokenKey> key = TokenKey::fromAccount(it.key()))
            keys << *key;
    }
    std::sort(keys.begin(), keys.end(),
              [](const TokenKey &a, const TokenKey &b) { return a.account() < b.account(); });
    return keys;
}

void TokenStore::forgetThisRunToken(const TokenKey &key)
{
    auto found = m_thisRunTokens.find(key.account());
    if (found == m_thisRunTokens.end())
        return;
    found->fill('\0');
    m_thisRunTokens.erase(found);
    emit thisRunTokensChanged();
}

QString checkTokenShape(const QCA::SecureArray &token)
{
    if (token.isEmpty())
        return Text::tr("the token is empty");
    if (token.size() > 1024)
        return Text::tr("the token is longer than 1024 characters");
    for (int i = 0; i < token.size(); ++i) {
        const auto byte = static_cast<unsigned char>(token[i]);
        if (byte <= 0x20 || byte == 0x7f)
            return Text::tr("the token contains a space or control character at position %1")
                .arg(i + 1);
        if (byte > 0x7f)
            return Text::tr("the token contains a non-ASCII character at position %1").arg(i + 1);
    }
    return {};
}

void chopLineEnd(QCA::SecureArray &token)
{
    int size = token.size();
    if (size > 0 && token[size - 1] == '\n')
        --size;
    if (size > 0 && token[size - 1] == '\r')
        --size;
    if (size != token.size()) {
        for (int i = size; i < token.size(); ++i)
            token[i] = '\0';
        token.resize(size);
    }
}

}  // namespace rc::secrets
