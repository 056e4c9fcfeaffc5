// SPDX-License-Identifier: BSD-3-Clause
#include "apprunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Outcome = AppOutcome;

const auto kSha256 = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;
const auto kCommit = u"8f14e45fceea167a5a36dedd4bea2543f1c7a5d0"_s;
const auto kUrl =
    u"https://gitlab.example.org/api/v4/projects/42/jobs/7/artifacts/pb11mpi.tar.bz2"_s;

QStringList validPayloadArguments()
{
    return {u"payload"_s,
            u"--recipe"_s,
            u"pb11mpi"_s,
            u"--version"_s,
            u"0.1.0.dev10"_s,
            u"--build"_s,
            u"1"_s,
            u"--channel"_s,
            u"robertodr"_s,
            u"--label"_s,
            u"dev"_s,
            u"--url"_s,
            kUrl,
            u"--sha256"_s,
            kSha256,
            u"--init-file"_s,
            QStringLiteral(RC_DEMO_INIT_FILE),
            u"--commit"_s,
            kCommit,
            u"--author"_s,
            u"Ada"_s,
            u"--timestamp"_s,
            u"2026-11-25T08:00:00Z"_s};
}

}  // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelpNeedNoDisplay_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--version") << QStringList {u"--version"_s} << u"QtKeychain"_s;
        QTest::newRow("--help") << QStringList {u"--help"_s} << u"payload"_s;
        QTest::newRow("payload --help") << QStringList {u"payload"_s, u"--help"_s} << u"--sha256"_s;
        QTest::newRow("help payload") << QStringList {u"help"_s, u"payload"_s} << u"--init-file"_s;
    }

    void versionAndHelpNeedNoDisplay()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Outcome outcome = runApp(arguments);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY2(outcome.out.contains(expected), qPrintable(outcome.out));
        QVERIFY2(outcome.err.isEmpty(), qPrintable(outcome.err));
    }

    void unknownCommandIsRejected()
    {
        const Outcome outcome = runApp({u"launch-rockets"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(u"unknown command 'launch-rockets'"_s),
                 qPrintable(outcome.err));
    }

    void tokenTypedAsCommandIsNotEchoed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString canary = u"ghp_RCCANARYcli0123456789abcdef"_s;
        QTest::newRow("as a command") << QStringList {canary};
        QTest::newRow("as a payload argument") << QStringList {u"payload"_s, canary};
        QTest::newRow("as a payload option") << QStringList {u"payload"_s, u"--"_s + canary};
    }

    void tokenTypedAsCommandIsNotEchoed()
    {
        QFETCH(QStringList, arguments);
        const Outcome outcome = runApp(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(!outcome.err.isEmpty());
        QVERIFY2(!outcome.err.contains(u"RCCANARY"_s), qPrintable(outcome.err));
        QVERIFY(!outcome.out.contains(u"RCCANARY"_s));
    }

    void payloadPrintsWorkflowDispatch()
    {
        const Outcome outcome = runApp(validPayloadArguments());
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QJsonParseError error;
        const QJsonObject body = QJsonDocument::fromJson(outcome.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(body.value("ref"_L1).toString(), u"main"_s);
        const QJsonObject inputs = body.value("inputs"_L1).toObject();
        QCOMPARE(inputs.size(), 8);
        QCOMPARE(inputs.value("version"_L1).toString(), u"0.1.0.dev10"_s);
        QCOMPARE(inputs.value("sha256"_L1).toString(), kSha256);
        QVERIFY(inputs.value("patch"_L1).toString().contains(kCommit));
        QVERIFY(inputs.value("patch"_L1).toString().contains(u"__version__ = \"0.1.0.dev10\""_s));
    }

    void payloadTakesValuesFromCommitMessage()
    {
        QTemporaryDir dir;
        QFile message(dir.filePath(u"message.txt"_s));
        QVERIFY(message.open(QIODevice::WriteOnly));
        message.write("Deploy experimental package [conda-build]\n\n"
                      "package = {\"version\": \"0.1.0.dev10\", \"build\": \"1\", "
                      "\"channel\": \"robertodr\", \"label\": \"dev\", \"colour\": \"blue\"}\n");
        message.close();
        const Outcome outcome = runApp({u"payload"_s,
                                        u"--recipe"_s,
                                        u"pb11mpi"_s,
                                        u"--commit-message-file"_s,
                                        message.fileName(),
                                        u"--label"_s,
                                        u"main"_s,
                                        u"--url"_s,
                                        kUrl,
                                        u"--sha256"_s,
                                        kSha256,
                                        u"--init-file"_s,
                                        QStringLiteral(RC_DEMO_INIT_FILE),
                                        u"--commit"_s,
                                        kCommit,
                                        u"--author"_s,
                                        u"Ada"_s,
                                        u"--compact"_s,
                                        u"--kind"_s,
                                        u"repository"_s});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        const QJsonObject body = QJsonDocument::fromJson(outcome.out.toUtf8()).object();
        QCOMPARE(body.value("event_type"_L1).toString(), u"conda-build"_s);
        const QJsonObject fields = body.value("client_payload"_L1).toObject();
        QCOMPARE(fields.value("channel"_L1).toString(), u"robertodr"_s);
        QCOMPARE(fields.value("label"_L1).toString(), u"main"_s);  // the option wins
        QVERIFY2(outcome.err.contains(u"colour"_s),
                 qPrintable(outcome.err));      // reported, not dropped
        QCOMPARE(outcome.out.count(u'\n'), 1);  // compact: one line
    }

    void invalidInputExitsTwoWithOneLinePerProblem()
    {
        QStringList arguments = validPayloadArguments();
        arguments[arguments.indexOf(u"0.1.0.dev10"_s)] = u"1.0-rc1"_s;
        arguments[arguments.indexOf(kSha256)] = u"abc"_s;
        arguments[arguments.indexOf(u"robertodr"_s)] = u"my channel"_s;
        const Outcome outcome = runApp(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        const QStringList lines = outcome.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(outcome.err.contains(u"error: version:"_s), qPrintable(outcome.err));
        QVERIFY2(outcome.err.contains(u"error: channel:"_s), qPrintable(outcome.err));
        QVERIFY2(outcome.err.contains(u"error: sha256:"_s), qPrintable(outcome.err));
    }

    void missingPatchSourceIsReported()
    {
        const Outcome outcome =
            runApp({u"payload"_s, u"--recipe"_s, u"pb11mpi"_s, u"--version"_s, u"1.0"_s,
                    u"--build"_s, u"0"_s, u"--channel"_s, u"c"_s, u"--label"_s, u"dev"_s,
                    u"--url"_s, kUrl, u"--sha256"_s, kSha256});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(u"--init-file"_s), qPrintable(outcome.err));
    }

    void unreadableFileIsReported()
    {
        QStringList arguments = validPayloadArguments();
        arguments[arguments.indexOf(QStringLiteral(RC_DEMO_INIT_FILE))] =
            u"/nonexistent/__init__.py"_s;
        const Outcome outcome = runApp(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(u"/nonexistent/__init__.py"_s), qPrintable(outcome.err));
    }

    void unknownOptionIsReported()
    {
        const Outcome outcome = runApp({u"payload"_s, u"--colour"_s, u"blue"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(u"colour"_s), qPrintable(outcome.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
