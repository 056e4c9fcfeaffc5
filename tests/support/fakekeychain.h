// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// An in-memory keychain for tests of code above the TokenStore (dialog, token source). Only
// tests use it: the product has no keychain but the OS one.

#include "secrets/keychainbackend.h"
#include "secrets/keychainprobe.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace rc::test {

// What the stand-in keychain holds and how it behaves; shared with the test.
struct FakeKeychain
{
    QHash<QString, QByteArray> entries;             // by account
    std::optional<secrets::KeychainError> problem;  // reported by the probe before any call
    int lockedEntryCount = 0;  // entries in a locked collection: hidden, but not absent
    int writes = 0;
    int removals = 0;
};

class FakeKeychainBackend final : public secrets::KeychainBackend
{
public:
    explicit FakeKeychainBackend(FakeKeychain &keychain)
        : m_keychain(keychain)
    { }
    void read(const QString &, const QString &account, Done done) override
    {
        later([this, account, done] {
            secrets::KeychainReply reply;
            if (m_keychain.entries.contains(account))
                reply.secret = QCA::SecureArray(m_keychain.entries.value(account));
            else
                reply.error = secrets::KeychainError {secrets::KeychainErrorKind::NotFound, {}};
            done(reply);
        });
    }
    void write(const QString &, const QString &account, const QCA::SecureArray &secret,
               Done done) override
    {
        ++m_keychain.writes;
        m_keychain.entries.insert(account, secret.toByteArray());
        later([done] { done({}); });
    }
    void remove(const QString &, const QString &account, Done done) override
    {
        ++m_keychain.removals;
        m_keychain.entries.remove(account);
        later([done] { done({}); });
    }

private:
    void later(std::function<void()> work) { QTimer::singleShot(0, &m_context, std::move(work)); }
    FakeKeychain &m_keychain;
    QObject m_context;
};

class FakeKeychainProbe final : public secrets::KeychainProbe
{
public:
    explicit FakeKeychainProbe(FakeKeychain &keychain)
        : m_keychain(keychain)
    { }
    void inspect(const QString &, Done done) override
    {
        QTimer::singleShot(0, &m_context, [this, done] {
            secrets::KeychainProbeResult result;
            result.problem = m_keychain.problem;
            result.seesEntries = !m_keychain.problem;
            result.accounts = m_keychain.entries.keys();
            result.lockedEntryCount = m_keychain.lockedEntryCount;
            done(result);
        });
    }

private:
    FakeKeychain &m_keychain;
    QObject m_context;
};

}  // namespace rc::test
