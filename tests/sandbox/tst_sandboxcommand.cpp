// SPDX-License-Identifier: BSD-3-Clause
#include "sandboxclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// `release-console sandbox serve` as a user runs it: prints where it listens, answers, and stops
// cleanly on SIGTERM.
class TestSandboxCommand : public QObject
{
    Q_OBJECT

private slots:
    void servesUntilTerminated();
    void rejectsBadOptions();
};

void TestSandboxCommand::servesUntilTerminated()
{
    QProcess process;
    process.start(QStringLiteral(RC_APP_EXECUTABLE),
                  {u"sandbox"_s, u"serve"_s, u"--speed"_s, u"60"_s});
    QVERIFY(process.waitForStarted(10000));
    QByteArray banner;
    while (!banner.contains("Ctrl+C") && process.waitForReadyRead(10000))
        banner += process.readAllStandardOutput();
    QVERIFY2(banner.contains("Ctrl+C"), banner.constData());
    const QRegularExpressionMatch github =
        QRegularExpression(u"GitHub API:\\s+(http://127\\.0\\.0\\.1:\\d+)"_s)
            .match(QString::fromUtf8(banner));
    QVERIFY(github.hasMatch());
    QVERIFY(banner.contains("/api/v4"));
    QVERIFY(banner.contains("ghp_"));
    QVERIFY(banner.contains("glpat-"));

    sandboxtest::Client client;
    QUrl rateLimit(github.captured(1));
    rateLimit.setPath(u"/rate_limit"_s);
    QCOMPARE(client.get(rateLimit).status, 200);
    QUrl version(github.captured(1));
    version.setPath(u"/api/v4/version"_s);
    QCOMPARE(client.get(version, {{"PRIVATE-TOKEN"_ba, "glpat-SandboxDemoToken0000"_ba}}).status,
             200);

    process.terminate();  // SIGTERM
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("Sandbox stopped."));
}

void TestSandboxCommand::rejectsBadOptions()
{
    QProcess process;
    process.start(QStringLiteral(RC_APP_EXECUTABLE),
                  {u"sandbox"_s, u"serve"_s, u"--speed"_s, u"-1"_s});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--speed"));
    process.start(QStringLiteral(RC_APP_EXECUTABLE), {u"sandbox"_s});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestSandboxCommand)
#include "tst_sandboxcommand.moc"
