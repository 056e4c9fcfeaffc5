// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/startuptokencheck.h"

#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

constexpr Forge kForges[] = {Forge::GitHub, Forge::GitLab};

StartupTokenVerdict verdictOn(const TokenKey &key, StartupTokenVerdict::Kind kind)
{
    StartupTokenVerdict verdict;
    verdict.forge = key.forge;
    verdict.kind = kind;
    verdict.key = key;
    return verdict;
}

}  // namespace

QString StartupTokenVerdict::kindId() const
{
    switch (kind) {
    case Kind::Missing:
        return u"missing"_s;
    case Kind::Locked:
        return u"locked"_s;
    case Kind::Unusable:
        return u"unusable"_s;
    case Kind::ExpiresSoon:
        return u"expires-soon"_s;
    case Kind::Ok:
        return u"ok"_s;
    case Kind::KeychainUnavailable:
        break;
    }
    return u"keychain-unavailable"_s;
}

StartupTokenCheck::StartupTokenCheck(TokenStore &store, TokenHealthCheck *healthCheck,
                                     QList<TokenKey> keys, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_healthCheck(healthCheck)
    , m_keys(std::move(keys))
{ }

StartupTokenCheck::~StartupTokenCheck() = default;

TokenKey StartupTokenCheck::expectedKey(Forge forge) const
{
    for (const TokenKey &key : m_keys) {
        if (key.forge == forge)
            return key;
    }
    return TokenKey {forge, defaultHost(forge)};
}

void StartupTokenCheck::start()
{
    const quint64 run = ++m_run;
    m_verdicts.clear();
    m_pending = 0;
    m_running = true;
    m_store.status(m_keys, this, [this, run](const KeychainStatus &status) {
        if (run == m_run)
            review(run, status);
    });
}

void StartupTokenCheck::review(quint64 run, const KeychainStatus &status)
{
    QList<TokenKey> stored;
    QList<StartupTokenVerdict> known;
    for (const Forge forge : kForges) {
        if (status.error) {
            StartupTokenVerdict verdict =
                verdictOn(expectedKey(forge), StartupTokenVerdict::Kind::KeychainUnavailable);
            verdict.keychainError = status.error;
            known << verdict;
            continue;
        }
        // Any host of this forge will do: a self-hosted GitLab user needs no gitlab.com token.
        std::optional<TokenKey> storedKey;
        std::optional<TokenKey> lockedKey;
        for (const TokenEntryStatus &entry : status.entries) {
            if (entry.key.forge != forge)
                continue;
            if (!storedKey && (entry.presence == EntryPresence::Stored || entry.hasThisRunToken))
                storedKey = entry.key;
            if (!lockedKey && entry.presence == EntryPresence::Locked)
                lockedKey = entry.key;
        }
        if (storedKey)
            stored << *storedKey;
        else if (lockedKey)
            known << verdictOn(*lockedKey, StartupTokenVerdict::Kind::Locked);
        else
            known << verdictOn(expectedKey(forge), StartupTokenVerdict::Kind::Missing);
    }
    m_pending = int(stored.size() + known.size());
    // The stored tokens are asked about first; their answers come later, from the event loop.
    for (const TokenKey &key : std::as_const(stored))
        checkStored(run, key);
    for (StartupTokenVerdict &verdict : known) {
        if (!conclude(run, std::move(verdict)))
            return;
    }
}

void StartupTokenCheck::checkStored(quint64 run, const TokenKey &key)
{
    m_store.load(key, this, [this, run, key](TokenLoad loaded) {
        takeLoad(run, key, loaded);
        loaded.token.fill('\0');
    });
}

void StartupTokenCheck::takeLoad(quint64 run, const TokenKey &key, TokenLoad &loaded)
{
    if (run != m_run)
        return;
    if (loaded.error) {
        // The entry was listed a moment ago; what stops it being read now decides.
        switch (loaded.error->kind) {
        case KeychainErrorKind::NotFound:
            conclude(run, verdictOn(expectedKey(key.forge), StartupTokenVerdict::Kind::Missing));
            return;
        case KeychainErrorKind::Locked:
            conclude(run, verdictOn(key, StartupTokenVerdict::Kind::Locked));
            return;
        default:
            break;
        }
        StartupTokenVerdict verdict =
            verdictOn(key, StartupTokenVerdict::Kind::KeychainUnavailable);
        verdict.keychainError = loaded.error;
        conclude(run, std::move(verdict));
        return;
    }
    if (!m_healthCheck) {
        conclude(run, verdictOn(key, StartupTokenVerdict::Kind::Ok));
        return;
    }
    // The check copies what it needs before returning; the caller wipes the token after.
    m_healthCheck->check(key, loaded.token, this,
                         [this, run, key](const TokenHealthReport &report) {
                             if (run == m_run)
                                 conclude(run, verdictFromHealth(key, report));
                         });
}

StartupTokenVerdict StartupTokenCheck::verdictFromHealth(const TokenKey &key,
                                                         const TokenHealthReport &report) const
{
    StartupTokenVerdict verdict = verdictOn(key, StartupTokenVerdict::Kind::Ok);
    if (report.networkError)
        return verdict;  // offline says nothing about the token; the release steps will say more
    verdict.checked = true;
    const TokenHealth &health = report.health;
    if (!health.accepted || health.expired || !health.problems.isEmpty()) {
        verdict.kind = StartupTokenVerdict::Kind::Unusable;
        verdict.reason = health.problems.isEmpty()
            ? tr("%1 rejected this token.").arg(forgeDisplayName(key.forge))
            : health.problems.join(u' ');
        return verdict;
    }
    verdict.warnings = health.warnings;
    if (health.expiresSoon && health.expiresAt) {
        verdict.kind = StartupTokenVerdict::Kind::ExpiresSoon;
        verdict.expiresAt = health.expiresAt->toUTC();
    }
    return verdict;
}

bool StartupTokenCheck::conclude(quint64 run, StartupTokenVerdict verdict)
{
    m_verdicts << verdict;
    const bool last = --m_pending == 0;
    if (last)
        m_running = false;
    emit verdictReady(verdict);
    if (run != m_run)
        return false;  // a receiver started over
    if (last)
        emit finished();
    return run == m_run;
}

}  // namespace rc::secrets
