// SPDX-License-Identifier: BSD-3-Clause
// KeychainTokenSource: the forge transport's synchronous view of the asynchronous TokenStore.
#include "secrets/keychaintokensource.h"
#include "support/fakekeychain.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rc::secrets;

class TestKeychainTokenSource : public QObject
{
    Q_OBJECT

private:
    QCA::Initializer m_secureMemory;
    rc::test::FakeKeychain m_keychain;
    std::unique_ptr<TokenStore> m_store;
    std::unique_ptr<KeychainTokenSource> m_source;

    KeychainTokenSource::Errors load(const QList<TokenKey> &keys)
    {
        std::optional<KeychainTokenSource::Errors> errors;
        QObject context;
        m_source->load(keys, &context,
                       [&errors](const KeychainTokenSource::Errors &value) { errors = value; });
        if (!QTest::qWaitFor([&errors] { return errors.has_value(); }, 5000))
            return {{u"test"_s, KeychainError {KeychainErrorKind::Failed, u"gave up"_s}}};
        return *errors;
    }

private slots:
    void init()
    {
        m_keychain = {};
        m_store = std::make_unique<TokenStore>(
            std::make_unique<rc::test::FakeKeychainBackend>(m_keychain),
            std::make_unique<rc::test::FakeKeychainProbe>(m_keychain));
        m_source = std::make_unique<KeychainTokenSource>(*m_store);
    }

    void cleanup()
    {
        m_source.reset();
        m_store.reset();
    }

    void keyForOrigin_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("account");
        QTest::newRow("github.com") << int(rc::forge::Service::GitHub)
                                    << u"https://api.github.com"_s << u"github:api.github.com"_s;
        QTest::newRow("enterprise with port")
            << int(rc::forge::Service::GitHub) << u"https://ghe.corp:8443"_s
            << u"github:ghe.corp:8443"_s;
        QTest::newRow("explicit default port")
            << int(rc::forge::Service::GitLab) << u"https://gitlab.example.org:443"_s
            << u"gitlab:gitlab.example.org"_s;
        QTest::newRow("sandbox") << int(rc::forge::Service::GitLab) << u"http://127.0.0.1:8080"_s
                                 << u"gitlab:127.0.0.1:8080"_s;
        QTest::newRow("anaconda has none")
            << int(rc::forge::Service::Anaconda) << u"https://api.anaconda.org"_s << QString();
    }

    void keyForOrigin()
    {
        QFETCH(int, service);
        QFETCH(QString, origin);
        QFETCH(QString, account);
        const std::optional<TokenKey> key =
            KeychainTokenSource::keyForOrigin(static_cast<rc::forge::Service>(service), origin);
        QCOMPARE(key ? key->account() : QString(), account);
    }

    void givesTheLoadedTokenOnlyToItsForgeAndOrigin()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_loaded");
        QVERIFY(load({TokenKey {Forge::GitHub, u"api.github.com"_s}}).isEmpty());
        QCOMPARE(
            m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s).toByteArray(),
            "ghp_loaded"_ba);
        QVERIFY(m_source->token(rc::forge::Service::GitLab, u"https://api.github.com"_s).isEmpty());
        QVERIFY(
            m_source->token(rc::forge::Service::GitHub, u"https://objects.githubusercontent.com"_s)
                .isEmpty());
        QVERIFY(
            m_source->token(rc::forge::Service::Anaconda, u"https://api.github.com"_s).isEmpty());
    }

    // Each token handed out has bytes of its own: the transport may wipe its copy, and
    // forget() wipes the held one without leaving the bytes alive in a copy handed out.
    void handsOutCopiesThatShareNoBytes()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_loaded");
        QVERIFY(load({TokenKey {Forge::GitHub, u"api.github.com"_s}}).isEmpty());
        QCA::SecureArray first =
            m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s);
        const QCA::SecureArray second =
            m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s);
        QCOMPARE(first.toByteArray(), "ghp_loaded"_ba);
        QVERIFY(first.constData() != second.constData());

        first.fill('\0');
        first.clear();
        QCOMPARE(second.toByteArray(), "ghp_loaded"_ba);
        QCOMPARE(
            m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s).toByteArray(),
            "ghp_loaded"_ba);

        m_source->forget(TokenKey {Forge::GitHub, u"api.github.com"_s});
        QVERIFY(m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s).isEmpty());
        QCOMPARE(second.toByteArray(), "ghp_loaded"_ba);
    }

    void reportsWhatCouldNotBeLoaded()
    {
        m_keychain.entries.insert(u"github:api.github.com"_s, "ghp_loaded");
        const TokenKey gitlab {Forge::GitLab, u"gitlab.example.org"_s};
        const KeychainTokenSource::Errors errors =
            load({TokenKey {Forge::GitHub, u"api.github.com"_s}, gitlab});
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.value(gitlab.account()).kind, KeychainErrorKind::NotFound);
        QVERIFY(!m_source->has(gitlab));
    }

    void followsTheStore()
    {
        const TokenKey github {Forge::GitHub, u"api.github.com"_s};
        m_keychain.entries.insert(github.account(), "ghp_first");
        QVERIFY(load({github}).isEmpty());
        QSignalSpy changed(m_source.get(), &KeychainTokenSource::tokensChanged);
        QObject context;
        m_store->save(github, QCA::SecureArray(QByteArray("ghp_second")), &context,
                      [](const TokenChange &) { });
        QVERIFY(changed.wait());
        QCOMPARE(
            m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s).toByteArray(),
            "ghp_second"_ba);
        m_store->remove(github, &context, [](const TokenChange &) { });
        QVERIFY(changed.wait());
        QVERIFY(m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s).isEmpty());
    }

    // A key the profile needs but that could not be loaded (absent, or the keychain unusable)
    // must still follow the store: once the person saves the token, or keeps one for this run,
    // the transport has it.
    void picksUpATokenThatFailedToLoadEarlier_data()
    {
        QTest::addColumn<bool>("keychainUnusable");
        QTest::newRow("absent, then saved") << false;
        QTest::newRow("keychain unusable, then kept for this run") << true;
    }
    void picksUpATokenThatFailedToLoadEarlier()
    {
        QFETCH(bool, keychainUnusable);
        const TokenKey gitlab {Forge::GitLab, u"gitlab.com"_s};
        if (keychainUnusable)
            m_keychain.problem = KeychainError {KeychainErrorKind::NoDBusSession, {}};
        QCOMPARE(load({gitlab}).size(), 1);
        QVERIFY(!m_source->has(gitlab));

        QSignalSpy changed(m_source.get(), &KeychainTokenSource::tokensChanged);
        QObject context;
        if (keychainUnusable)
            m_store->keepForThisRunOnly(gitlab, QCA::SecureArray(QByteArray("glpat-later")));
        else
            m_store->save(gitlab, QCA::SecureArray(QByteArray("glpat-later")), &context,
                          [](const TokenChange &) { });
        QVERIFY(changed.wait());
        QCOMPARE(m_source->token(rc::forge::Service::GitLab, u"https://gitlab.com"_s).toByteArray(),
                 "glpat-later"_ba);
    }

    // A keyring that locks (or stops answering) after the token was read must not turn the
    // next requests into anonymous ones: locked is not absent.
    void keepsALoadedTokenWhenTheKeyringLocks()
    {
        const TokenKey github {Forge::GitHub, u"api.github.com"_s};
        m_keychain.entries.insert(github.account(), "ghp_loaded");
        QVERIFY(load({github}).isEmpty());
        m_keychain.problem = KeychainError {KeychainErrorKind::Locked, {}};
        const KeychainTokenSource::Errors errors = load({github});
        QCOMPARE(errors.size(), 1);
        QCOMPARE(
            m_source->token(rc::forge::Service::GitHub, u"https://api.github.com"_s).toByteArray(),
            "ghp_loaded"_ba);
    }

    void usesThisRunTokens()
    {
        const TokenKey gitlab {Forge::GitLab, u"gitlab.com"_s};
        m_keychain.problem = KeychainError {KeychainErrorKind::NoDBusSession, {}};
        m_store->keepForThisRunOnly(gitlab, QCA::SecureArray(QByteArray("glpat-session")));
        QVERIFY(load({gitlab}).isEmpty());
        QCOMPARE(m_source->token(rc::forge::Service::GitLab, u"https://gitlab.com"_s).toByteArray(),
                 "glpat-session"_ba);
        QCOMPARE(m_keychain.writes, 0);
    }
};

QTEST_GUILESS_MAIN(TestKeychainTokenSource)
#include "tst_keychaintokensource.moc"
