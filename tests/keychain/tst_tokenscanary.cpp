// SPDX-License-Identifier: BSD-3-Clause
// The canary scan: every tokens command, on success and failure paths, run with recognisable
// canary tokens; then every file the app wrote (its HOME and XDG folders, the keyring's folder)
// and everything it printed is searched for them. Zero hits allowed.
#include "keychaintestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rc::test::AppRun;

class TestTokensCanary : public QObject
{
    Q_OBJECT

private slots:
    void canaryAppearsNowhere()
    {
        rc::test::PrivateBus bus;
        QVERIFY2(bus.isRunning(), qPrintable(bus.error()));
        rc::test::PrivateKeyring keyring(bus);
        QVERIFY2(keyring.isRunning(), qPrintable(keyring.error()));
        rc::test::PrivateBus bare;
        QVERIFY2(bare.isRunning(), qPrintable(bare.error()));
        QTemporaryDir home;
        const QString canary = QString::fromLatin1(rc::test::kCanaryToken);
        const QString otherCanary = QString::fromLatin1(rc::test::kOtherCanaryToken);

        struct Step
        {
            QStringList arguments;
            QByteArray input;
            int expectedExit;
            QString busAddress;
        };
        const QString address = bus.address();
        const QList<Step> steps {
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s},
             rc::test::kCanaryToken,
             0,
             address},
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s,
              u"gitlab.example.org"_s},
             QByteArray(rc::test::kOtherCanaryToken) + "\r\n",
             0,
             address},
            {{u"tokens"_s, u"status"_s}, {}, 0, address},
            {{u"tokens"_s, u"status"_s, u"--json"_s}, {}, 0, address},
            // A host under .invalid never resolves: the check fails without the token leaving.
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s, u"gitlab.invalid"_s},
             rc::test::kOtherCanaryToken,
             0,
             address},
            {{u"tokens"_s, u"test"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s, u"gitlab.invalid"_s},
             {},
             1,
             address},
            {{u"tokens"_s, u"remove"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s,
              u"gitlab.invalid"_s},
             {},
             0,
             address},
            // A token pasted as an argument is refused without being echoed.
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s, canary}, {}, 2, address},
            {{u"tokens"_s, u"set"_s, u"--forge"_s, canary}, {}, 2, address},
            {{u"tokens"_s, canary}, {}, 2, address},
            {{u"tokens"_s, u"set"_s, u"--"_s + canary}, {}, 2, address},
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s, u"--host"_s, canary + u"/x y"_s},
             {},
             2,
             address},
            // A malformed token is refused without being echoed.
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s},
             QByteArray(rc::test::kCanaryToken) + " tail",
             2,
             address},
            // Unusable keychain: refused, stored nowhere.
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s},
             rc::test::kCanaryToken,
             1,
             bare.address()},
            {{u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s},
             rc::test::kCanaryToken,
             1,
             QString()},
            {{u"tokens"_s, u"remove"_s, u"--forge"_s, u"github"_s}, {}, 0, address},
            {{u"tokens"_s, u"remove"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s,
              u"gitlab.example.org"_s},
             {},
             0,
             address},
            {{u"tokens"_s, u"status"_s, u"--json"_s}, {}, 0, address},
        };
        for (const Step &step : steps) {
            const AppRun run =
                rc::test::runApp(step.arguments, step.busAddress, home.path(), step.input);
            const QString what = step.arguments.join(u' ').replace(canary, u"<canary>"_s);
            QVERIFY2(run.exitCode == step.expectedExit,
                     qPrintable(what + u" exited "_s + QString::number(run.exitCode)));
            for (const QString &output : {run.out, run.err}) {
                QVERIFY2(!output.contains(canary), qPrintable(what));
                QVERIFY2(!output.contains(otherCanary), qPrintable(what));
            }
        }
        for (const QString &folder : {home.path(), keyring.home()}) {
            QCOMPARE(rc::test::filesContaining(folder, rc::test::kCanaryToken), QStringList());
            QCOMPARE(rc::test::filesContaining(folder, rc::test::kOtherCanaryToken), QStringList());
        }
        // The keyring did hold them (encrypted): the scan looked where they would have leaked.
        QVERIFY(!rc::test::filesUnder(keyring.home() + u"/.local/share/keyrings"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokensCanary)
#include "tst_tokenscanary.moc"
