// SPDX-License-Identifier: BSD-3-Clause
// Every keychain state the maintainer can meet, through the real binary: no D-Bus session, a
// bus without a Secret Service, a Secret Service that never answers, a locked keyring. Each
// must give its own message and next step, store the token nowhere, and delete nothing.
#include "keychaintestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using rc::test::AppRun;

namespace {

const QStringList kSetGitHub {u"tokens"_s, u"set"_s,       u"--forge"_s,
                              u"github"_s, u"--timeout"_s, u"2"_s};
const QStringList kStatusJson {u"tokens"_s, u"status"_s, u"--json"_s, u"--timeout"_s, u"2"_s};

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString tokenState(const QJsonObject &status, const QString &account)
{
    for (const QJsonValue &entry : status.value("tokens"_L1).toArray()) {
        if (entry.toObject().value("account"_L1).toString() == account)
            return entry.toObject().value("state"_L1).toString();
    }
    return {};
}

}  // namespace

class TestKeychainStates : public QObject
{
    Q_OBJECT

private:
    // What every failing state must leave behind: the token in no file and no output.
    void verifyNothingLeaked(const QString &home, const QList<AppRun> &runs)
    {
        QCOMPARE(rc::test::filesContaining(home, rc::test::kCanaryToken), QStringList());
        // QtKeychain's insecure fallback would have written a QSettings file here.
        QCOMPARE(rc::test::filesUnder(home + u"/.config"_s), QStringList());
        for (const AppRun &run : runs) {
            QVERIFY(!run.out.contains(QLatin1StringView(rc::test::kCanaryToken)));
            QVERIFY(!run.err.contains(QLatin1StringView(rc::test::kCanaryToken)));
        }
    }

    // status --json and set must both name the state and say that nothing was stored.
    void verifyUnusableState(const QString &busAddress, const QString &state, const QString &words)
    {
        QTemporaryDir home;
        const AppRun status = rc::test::runApp(kStatusJson, busAddress, home.path());
        QCOMPARE(status.exitCode, 1);
        const QJsonObject json = parseJson(status.out);
        QCOMPARE(json.value("keychain"_L1).toObject().value("state"_L1).toString(), state);
        QVERIFY(!json.value("keychain"_L1).toObject().value("nextStep"_L1).toString().isEmpty());
        // Unknown, never "absent": the keychain was not asked.
        QCOMPARE(tokenState(json, u"github:api.github.com"_s), u"unknown"_s);

        const AppRun set =
            rc::test::runApp(kSetGitHub, busAddress, home.path(), rc::test::kCanaryToken);
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains(words), qPrintable(set.err));
        QVERIFY2(set.err.contains(u"next step:"_s), qPrintable(set.err));
        QVERIFY2(set.err.contains(u"not stored anywhere"_s), qPrintable(set.err));
        QVERIFY(set.out.isEmpty());

        const AppRun remove = rc::test::runApp(
            {u"tokens"_s, u"remove"_s, u"--forge"_s, u"github"_s}, busAddress, home.path());
        QCOMPARE(remove.exitCode, 1);
        QVERIFY2(remove.err.contains(words), qPrintable(remove.err));
        verifyNothingLeaked(home.path(), {status, set, remove});
    }

private slots:
    void noDBusSession_data()
    {
        QTest::addColumn<bool>("deadSocket");
        QTest::newRow("variable unset") << false;
        QTest::newRow("socket does not exist") << true;
    }

    void noDBusSession()
    {
        QFETCH(bool, deadSocket);
        QTemporaryDir nowhere;
        const QString address =
            deadSocket ? u"unix:path="_s + nowhere.filePath(u"no-bus"_s) : QString();
        verifyUnusableState(address, u"no-dbus-session"_s, u"no D-Bus session"_s);
    }

    void busWithoutSecretService()
    {
        rc::test::PrivateBus bare;
        QVERIFY2(bare.isRunning(), qPrintable(bare.error()));
        verifyUnusableState(bare.address(), u"no-secret-service"_s,
                            u"No keychain (Secret Service)"_s);
    }

    void secretServiceThatNeverAnswers()
    {
        rc::test::PrivateBus bus;
        QVERIFY2(bus.isRunning(), qPrintable(bus.error()));
        rc::test::SilentSecretService silent(bus);
        QVERIFY2(silent.isRunning(), qPrintable(silent.error()));
        QTemporaryDir home;
        const QStringList quickSet {u"tokens"_s, u"set"_s,       u"--forge"_s,
                                    u"gitlab"_s, u"--timeout"_s, u"1"_s};
        const AppRun set =
            rc::test::runApp(quickSet, bus.address(), home.path(), rc::test::kCanaryToken);
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains(u"did not answer in time"_s), qPrintable(set.err));
        // The app's own timeout, not D-Bus's 25 s default, decides (the bound leaves room for a
        // sanitizer build's start and exit on a loaded machine).
        QVERIFY2(set.elapsedMs < 20000, qPrintable(QString::number(set.elapsedMs)));

        const AppRun status =
            rc::test::runApp({u"tokens"_s, u"status"_s, u"--json"_s, u"--timeout"_s, u"1"_s},
                             bus.address(), home.path());
        QCOMPARE(status.exitCode, 1);
        QCOMPARE(parseJson(status.out).value("keychain"_L1).toObject().value("state"_L1).toString(),
                 u"timed-out"_s);
        verifyNothingLeaked(home.path(), {set, status});
    }

    void secretServiceThatDeniesAccess()
    {
        rc::test::PrivateBus bus;
        QVERIFY2(bus.isRunning(), qPrintable(bus.error()));
        rc::test::SilentSecretService denying(bus, rc::test::SilentSecretService::Behaviour::Deny);
        QVERIFY2(denying.isRunning(), qPrintable(denying.error()));
        QTemporaryDir home;
        const AppRun status = rc::test::runApp(kStatusJson, bus.address(), home.path());
        QCOMPARE(status.exitCode, 1);
        QCOMPARE(parseJson(status.out).value("keychain"_L1).toObject().value("state"_L1).toString(),
                 u"access-denied"_s);
        const AppRun set =
            rc::test::runApp(kSetGitHub, bus.address(), home.path(), rc::test::kCanaryToken);
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains(u"denied access"_s), qPrintable(set.err));
        QVERIFY2(set.err.contains(u"not stored anywhere"_s), qPrintable(set.err));
        verifyNothingLeaked(home.path(), {status, set});
    }

    void lockedKeyringKeepsItsEntry()
    {
        rc::test::PrivateBus bus;
        QVERIFY2(bus.isRunning(), qPrintable(bus.error()));
        rc::test::PrivateKeyring keyring(bus);
        QVERIFY2(keyring.isRunning(), qPrintable(keyring.error()));
        QTemporaryDir home;
        const AppRun stored =
            rc::test::runApp(kSetGitHub, bus.address(), home.path(), rc::test::kCanaryToken);
        QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
        QCOMPARE(
            tokenState(parseJson(rc::test::runApp(kStatusJson, bus.address(), home.path()).out),
                       u"github:api.github.com"_s),
            u"stored"_s);

        QVERIFY2(keyring.lockDefaultCollection(), qPrintable(keyring.error()));
        const QByteArray before = keyring.snapshot();

        const AppRun status = rc::test::runApp(kStatusJson, bus.address(), home.path());
        QCOMPARE(status.exitCode, 1);
        const QJsonObject json = parseJson(status.out);
        QCOMPARE(json.value("keychain"_L1).toObject().value("state"_L1).toString(), u"locked"_s);
        QCOMPARE(tokenState(json, u"github:api.github.com"_s), u"locked"_s);

        const AppRun replace =
            rc::test::runApp(kSetGitHub, bus.address(), home.path(), "ghp_replacement");
        QCOMPARE(replace.exitCode, 1);
        QVERIFY2(replace.err.contains(u"keyring is locked"_s), qPrintable(replace.err));
        QVERIFY2(replace.err.contains(u"Unlock the keyring"_s), qPrintable(replace.err));

        const AppRun remove = rc::test::runApp(
            {u"tokens"_s, u"remove"_s, u"--forge"_s, u"github"_s}, bus.address(), home.path());
        QCOMPARE(remove.exitCode, 1);
        QVERIFY2(remove.err.contains(u"keyring is locked"_s), qPrintable(remove.err));

        // Not one byte of the keyring changed, and it holds the token encrypted only.
        QCOMPARE(keyring.snapshot(), before);
        QCOMPARE(rc::test::filesContaining(keyring.home(), rc::test::kCanaryToken), QStringList());
        verifyNothingLeaked(home.path(), {stored, status, replace, remove});
    }
};

QTEST_GUILESS_MAIN(TestKeychainStates)
#include "tst_keychainstates.moc"
