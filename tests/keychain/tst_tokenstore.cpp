// SPDX-License-Identifier: BSD-3-Clause
// TokenStore against a real gnome-keyring on a private bus (write, read back, independence,
// removal), and against real failing keychains on other private buses (no Secret Service, one
// that never answers, a locked one) with a recording backend proving nothing was written.
#include "keychaintestsupport.h"
#include "secrets/secretserviceprobe.h"
#include "secrets/tokenstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace rc::secrets;
using namespace std::chrono_literals;

namespace {

// Answers nothing and records every call: proves the store never reached the keychain.
class RecordingBackend final : public KeychainBackend
{
public:
    explicit RecordingBackend(int *calls)
        : m_calls(calls)
    { }
    void read(const QString &, const QString &, Done) override { ++*m_calls; }
    void write(const QString &, const QString &, const QCA::SecureArray &, Done) override
    {
        ++*m_calls;
    }
    void remove(const QString &, const QString &, Done) override { ++*m_calls; }

private:
    int *m_calls;
};

// Sees an empty, usable keychain.
class EmptyKeychainProbe final : public KeychainProbe
{
public:
    void inspect(const QString &, Done done) override
    {
        QTimer::singleShot(0, &m_context, [done = std::move(done)] {
            KeychainProbeResult result;
            result.seesEntries = false;
            done(result);
        });
    }

private:
    QObject m_context;
};

template<typename Result, typename Start>
Result wait(Start start)
{
    QObject context;
    std::optional<Result> result;
    start(&context, [&result](Result value) { result = std::move(value); });
    // The store's own timeout bounds every call; this only stops a broken test.
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 15000)) {
        Result gaveUp;
        gaveUp.error = KeychainError {KeychainErrorKind::Failed, u"test gave up"_s};
        return gaveUp;
    }
    return std::move(*result);
}

QCA::SecureArray secure(QByteArrayView bytes)
{
    return QCA::SecureArray(bytes.toByteArray());
}

// QVERIFY2 evaluates its message even when the check passes.
QString describe(const std::optional<KeychainError> &error)
{
    return error ? error->describe() : QString();
}

QString errorId(const std::optional<KeychainError> &error)
{
    return error ? error->id() : u"none"_s;
}

QByteArray bytesOf(const QCA::SecureArray &array)
{
    return array.toByteArray();
}

}  // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private:
    QCA::Initializer m_secureMemory;
    std::unique_ptr<rc::test::PrivateBus> m_bus;
    std::unique_ptr<rc::test::PrivateKeyring> m_keyring;
    std::unique_ptr<TokenStore> m_store;

    TokenChange save(TokenStore &store, const TokenKey &key, QByteArrayView token)
    {
        const QCA::SecureArray secret = secure(token);
        return wait<TokenChange>(
            [&](QObject *context, auto done) { store.save(key, secret, context, done); });
    }
    TokenLoad load(TokenStore &store, const TokenKey &key)
    {
        return wait<TokenLoad>(
            [&](QObject *context, auto done) { store.load(key, context, done); });
    }
    TokenChange remove(TokenStore &store, const TokenKey &key)
    {
        return wait<TokenChange>(
            [&](QObject *context, auto done) { store.remove(key, context, done); });
    }
    KeychainStatus status(TokenStore &store, const QList<TokenKey> &keys = {})
    {
        return wait<KeychainStatus>(
            [&](QObject *context, auto done) { store.status(keys, context, done); });
    }
    static EntryPresence presenceOf(const KeychainStatus &status, const TokenKey &key)
    {
        for (const TokenEntryStatus &entry : status.entries) {
            if (entry.key == key)
                return entry.presence;
        }
        return EntryPresence::Unknown;
    }

private slots:
    void initTestCase()
    {
        // This process's session bus (QtDBus and libsecret read it on first use) becomes a
        // private one with a throw-away keyring: the user's keyring is never touched.
        m_bus = std::make_unique<rc::test::PrivateBus>();
        QVERIFY2(m_bus->isRunning(), qPrintable(m_bus->error()));
        m_keyring = std::make_unique<rc::test::PrivateKeyring>(*m_bus);
        QVERIFY2(m_keyring->isRunning(), qPrintable(m_keyring->error()));
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus->address().toUtf8());
        for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION"})
            qunsetenv(name);
        m_store = TokenStore::forSystemKeychain(5s);
        const KeychainStatus initial = status(*m_store);
        QVERIFY2(!initial.error, qPrintable(describe(initial.error)));
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_keyring.reset();
        m_bus.reset();
    }

    void writeThenReadBackIdenticalBytes_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("canary classic") << QByteArray(rc::test::kCanaryToken);
        QTest::newRow("fine-grained")
            << QByteArray("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz");
        QByteArray printable;
        for (char c = 0x21; c < 0x7f; ++c)
            printable += c;
        QTest::newRow("every printable ASCII") << printable;
        QTest::newRow("1024 bytes") << QByteArray(1024, 'z');
    }

    void writeThenReadBackIdenticalBytes()
    {
        QFETCH(QByteArray, token);
        const TokenKey key {Forge::GitHub, u"ghe.example.org"_s};
        const TokenChange saved = save(*m_store, key, token);
        QVERIFY2(!saved.error, qPrintable(describe(saved.error)));
        const TokenLoad loaded = load(*m_store, key);
        QVERIFY2(!loaded.error, qPrintable(describe(loaded.error)));
        QCOMPARE(loaded.source, TokenSource::Keychain);
        QCOMPARE(bytesOf(loaded.token), token);
        QVERIFY(!remove(*m_store, key).error);
    }

    void replacingKeepsOneEntry()
    {
        const TokenKey key {Forge::GitLab, u"gitlab.example.org"_s};
        QVERIFY(!save(*m_store, key, "glpat-first").error);
        QVERIFY(!save(*m_store, key, "glpat-second").error);
        QCOMPARE(bytesOf(load(*m_store, key).token), QByteArray("glpat-second"));
        QVERIFY(!remove(*m_store, key).error);
        QCOMPARE(errorId(load(*m_store, key).error), u"not-found"_s);
    }

    void twoEntriesAreIndependent()
    {
        const TokenKey github {Forge::GitHub, u"api.github.com"_s};
        const TokenKey gitlab {Forge::GitLab, u"gitlab.example.org"_s};
        QVERIFY(!save(*m_store, github, rc::test::kCanaryToken).error);
        QVERIFY(!save(*m_store, gitlab, rc::test::kOtherCanaryToken).error);
        QCOMPARE(bytesOf(load(*m_store, github).token), QByteArray(rc::test::kCanaryToken));
        QCOMPARE(bytesOf(load(*m_store, gitlab).token), QByteArray(rc::test::kOtherCanaryToken));

        const KeychainStatus both = status(*m_store);
        QCOMPARE(presenceOf(both, github), EntryPresence::Stored);
        QCOMPARE(presenceOf(both, gitlab), EntryPresence::Stored);

        QVERIFY(!remove(*m_store, github).error);
        QCOMPARE(errorId(load(*m_store, github).error), u"not-found"_s);
        QCOMPARE(bytesOf(load(*m_store, gitlab).token), QByteArray(rc::test::kOtherCanaryToken));
        QVERIFY(!remove(*m_store, gitlab).error);
    }

    void readAfterRemoveIsAbsent()
    {
        const TokenKey key {Forge::GitLab, u"gitlab.com"_s};
        QVERIFY(!save(*m_store, key, "glpat-remove-me").error);
        QSignalSpy changed(m_store.get(), &TokenStore::entriesChanged);
        QVERIFY(!remove(*m_store, key).error);
        QCOMPARE(changed.size(), 1);
        const TokenLoad loaded = load(*m_store, key);
        QVERIFY(loaded.error);
        QCOMPARE(errorId(loaded.error), u"not-found"_s);
        QVERIFY(loaded.token.isEmpty());
        QCOMPARE(presenceOf(status(*m_store, {key}), key), EntryPresence::Absent);
        // Removing what is not there says so instead of pretending.
        QCOMPARE(errorId(remove(*m_store, key).error), u"not-found"_s);
    }

    void otherEntriesInTheKeyringAreNotOurs()
    {
        // Another application's entry for the same account name, and a malformed one of ours,
        // written with secret-tool straight into the Secret Service.
        const auto storeWithSecretTool = [this](const QStringList &attributes) {
            QProcess tool;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_bus->address());
            tool.setProcessEnvironment(environment);
            tool.start(u"secret-tool"_s, QStringList {u"store"_s, u"--label=other"_s} + attributes);
            tool.write("not-ours");
            tool.closeWriteChannel();
            return tool.waitForFinished(10000) && tool.exitCode() == 0;
        };
        QVERIFY(storeWithSecretTool(
            {u"server"_s, u"another-app"_s, u"user"_s, u"github:api.github.com"_s}));
        QVERIFY(storeWithSecretTool(
            {u"server"_s, u"release-console"_s, u"user"_s, u"not an account"_s}));
        const TokenKey github {Forge::GitHub, u"api.github.com"_s};
        const KeychainStatus current = status(*m_store, {github});
        QVERIFY(!current.error);
        QCOMPARE(current.entries.size(), 1);
        QCOMPARE(presenceOf(current, github), EntryPresence::Absent);
        QCOMPARE(errorId(load(*m_store, github).error), u"not-found"_s);
    }

    void thisRunTokenStaysOutOfTheKeychain()
    {
        const TokenKey key {Forge::GitHub, u"api.github.com"_s};
        QSignalSpy banner(m_store.get(), &TokenStore::thisRunTokensChanged);
        m_store->keepForThisRunOnly(key, secure("ghp_this_run_only"));
        QCOMPARE(banner.size(), 1);
        const TokenLoad loaded = load(*m_store, key);
        QCOMPARE(loaded.source, TokenSource::ThisRunOnly);
        QCOMPARE(bytesOf(loaded.token), QByteArray("ghp_this_run_only"));
        const KeychainStatus current = status(*m_store, {key});
        QCOMPARE(presenceOf(current, key), EntryPresence::Absent);
        QVERIFY(current.entries.constFirst().hasThisRunToken);
        m_store->forgetThisRunToken(key);
        QCOMPARE(banner.size(), 2);
        QCOMPARE(errorId(load(*m_store, key).error), u"not-found"_s);
    }

    void rejectsMalformedTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("plain") << QByteArray("ghp_abc") << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("inner space") << QByteArray("ghp_a bc") << false;
        QTest::newRow("tab") << QByteArray("ghp_a\tbc") << false;
        QTest::newRow("non-ASCII") << QByteArray("ghp_\xc3\xa9") << false;
        QTest::newRow("too long") << QByteArray(1025, 'a') << false;
    }

    void rejectsMalformedTokens()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, acceptable);
        QCOMPARE(checkTokenShape(secure(token)).isEmpty(), acceptable);
    }

    void chopsOneLineEnd_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("LF") << QByteArray("tok\n") << QByteArray("tok");
        QTest::newRow("CRLF") << QByteArray("tok\r\n") << QByteArray("tok");
        QTest::newRow("none") << QByteArray("tok") << QByteArray("tok");
        QTest::newRow("only newline") << QByteArray("\n") << QByteArray();
    }

    void chopsOneLineEnd()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCA::SecureArray token = secure(input);
        chopLineEnd(token);
        QCOMPARE(bytesOf(token), expected);
    }

    void busWithoutSecretServiceWritesNothing()
    {
        rc::test::PrivateBus bare;
        QVERIFY2(bare.isRunning(), qPrintable(bare.error()));
        int backendCalls = 0;
        TokenStore store(std::make_unique<RecordingBackend>(&backendCalls),
                         std::make_unique<SecretServiceProbe>(bare.connection(), 2s, true), 2s);
        QSignalSpy problem(&store, &TokenStore::keychainProblemChanged);
        const TokenChange saved =
            save(store, {Forge::GitHub, u"api.github.com"_s}, rc::test::kCanaryToken);
        QVERIFY(saved.error);
        QCOMPARE(errorId(saved.error), u"no-secret-service"_s);
        QCOMPARE(backendCalls, 0);
        QCOMPARE(problem.size(), 1);
        QVERIFY(store.keychainProblem());
        QCOMPARE(errorId(store.keychainProblem()), u"no-secret-service"_s);
        QCOMPARE(errorId(remove(store, {Forge::GitHub, u"api.github.com"_s}).error),
                 u"no-secret-service"_s);
        QCOMPARE(backendCalls, 0);
    }

    void silentSecretServiceTimesOut()
    {
        rc::test::PrivateBus bus;
        QVERIFY2(bus.isRunning(), qPrintable(bus.error()));
        rc::test::SilentSecretService silent(bus);
        QVERIFY2(silent.isRunning(), qPrintable(silent.error()));
        int backendCalls = 0;
        TokenStore store(std::make_unique<RecordingBackend>(&backendCalls),
                         std::make_unique<SecretServiceProbe>(bus.connection(), 300ms, true),
                         300ms);
        QElapsedTimer clock;
        clock.start();
        const TokenChange saved =
            save(store, {Forge::GitHub, u"api.github.com"_s}, rc::test::kCanaryToken);
        QVERIFY(saved.error);
        QCOMPARE(errorId(saved.error), u"timed-out"_s);
        // The 300 ms probe, not D-Bus's 25 s default, decided.
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(backendCalls, 0);
        QCOMPARE(errorId(status(store).error), u"timed-out"_s);
    }

    void backendThatNeverAnswersTimesOut()
    {
        int backendCalls = 0;
        TokenStore store(std::make_unique<RecordingBackend>(&backendCalls),
                         std::make_unique<EmptyKeychainProbe>(), 200ms);
        const TokenLoad loaded = load(store, {Forge::GitLab, u"gitlab.com"_s});
        QVERIFY(loaded.error);
        QCOMPARE(errorId(loaded.error), u"timed-out"_s);
        QCOMPARE(backendCalls, 1);
        QVERIFY(store.keychainProblem());
    }

    void timeoutIsCappedAtTenSeconds()
    {
        int backendCalls = 0;
        TokenStore store(std::make_unique<RecordingBackend>(&backendCalls),
                         std::make_unique<EmptyKeychainProbe>(), 60s);
        QCOMPARE(store.timeout(), TokenStore::kDefaultTimeout);
    }

    void lockedKeyringIsNeverTreatedAsAbsent()
    {
        // A second keyring, filled by the real binary, then locked through the Secret Service.
        rc::test::PrivateBus bus;
        QVERIFY2(bus.isRunning(), qPrintable(bus.error()));
        rc::test::PrivateKeyring keyring(bus);
        QVERIFY2(keyring.isRunning(), qPrintable(keyring.error()));
        QTemporaryDir home;
        const rc::test::AppRun set =
            rc::test::runApp({u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s}, bus.address(),
                             home.path(), rc::test::kCanaryToken);
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY2(keyring.lockDefaultCollection(), qPrintable(keyring.error()));
        const QByteArray before = keyring.snapshot();

        int backendCalls = 0;
        TokenStore store(std::make_unique<RecordingBackend>(&backendCalls),
                         std::make_unique<SecretServiceProbe>(bus.connection(), 2s, true), 2s);
        const TokenKey key {Forge::GitHub, u"api.github.com"_s};
        const KeychainStatus locked = status(store, {key});
        QVERIFY(locked.error);
        QCOMPARE(errorId(locked.error), u"locked"_s);
        QCOMPARE(presenceOf(locked, key), EntryPresence::Locked);
        QCOMPARE(errorId(load(store, key).error), u"locked"_s);
        QCOMPARE(errorId(save(store, key, "ghp_would_overwrite").error), u"locked"_s);
        QCOMPARE(errorId(remove(store, key).error), u"locked"_s);
        QCOMPARE(backendCalls, 0);
        // Locked is not "no keychain": no banner, no this-run fallback offered by the store.
        QVERIFY(!store.keychainProblem());
        QCOMPARE(keyring.snapshot(), before);
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
