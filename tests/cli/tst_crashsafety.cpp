// SPDX-License-Identifier: BSD-3-Clause
// A dispatch process that dies at either side of its POST, for real: a separate `sandbox serve`
// forge, the user's own profile, tokens in a (throw-away) keychain and a ledger on disk. The next
// process tells the truth: nothing ran, or the run that did is found and recorded.

#include "apprunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Outcome = AppOutcome;

constexpr int kCrashExitCode = 137;

}  // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir home;
    QProcess forge;
    QString base;  // http://127.0.0.1:P, for GitHub, GitLab and anaconda.org alike
    QString host;  // 127.0.0.1:P

    QProcessEnvironment environment(const QByteArray &crashAt = {}) const
    {
        QProcessEnvironment e = headlessEnvironment();
        e.insert(u"HOME"_s, home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        if (!crashAt.isEmpty())
            e.insert(u"RC_TEST_CRASH_AT"_s, QString::fromLatin1(crashAt));
        return e;
    }

    Outcome run(const QStringList &arguments, const QByteArray &crashAt = {},
                const QByteArray &input = {})
    {
        return runApp(arguments, environment(crashAt), input);
    }

    QJsonObject earlierDispatchCheck(const QString &sha)
    {
        const Outcome checked = run({u"preflight"_s, u"--profile"_s, u"crash"_s, u"--commit"_s, sha,
                                     u"--version"_s, u"1.0rc5"_s, u"--json"_s});
        const QJsonObject result = QJsonDocument::fromJson(checked.out.toUtf8()).object();
        for (const QJsonValue &check : result[u"checks"_s].toArray()) {
            if (check[u"id"_s] == u"earlier-dispatch"_s)
                return check.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(home.isValid());
        forge.setProcessEnvironment(environment());
        forge.start(QStringLiteral(RC_APP_EXECUTABLE), {u"sandbox"_s, u"serve"_s});
        QVERIFY(forge.waitForStarted());
        QString banner;
        while (!banner.contains(u"Ctrl+C"_s)) {
            QVERIFY2(forge.waitForReadyRead(20000), "sandbox serve printed no banner");
            banner += QString::fromUtf8(forge.readAllStandardOutput());
        }
        const QRegularExpressionMatch match =
            QRegularExpression(u"GitHub API:\\s+(http://127\\.0\\.0\\.1:(\\d+))"_s).match(banner);
        QVERIFY2(match.hasMatch(), qPrintable(banner));
        base = match.captured(1);
        host = u"127.0.0.1:"_s + match.captured(2);
        const QByteArray github = banner.section(u"GitHub token (classic):"_s, 1)
                                      .section(u'\n', 0, 0)
                                      .trimmed()
                                      .toLatin1();
        const QByteArray gitlab =
            banner.section(u"GitLab token:"_s, 1).section(u'\n', 0, 0).trimmed().toLatin1();
        QVERIFY(!github.isEmpty() && !gitlab.isEmpty());

        const Outcome added =
            run({u"profiles"_s, u"add"_s, u"crash"_s, u"--gitlab-url"_s, base,
                 u"--gitlab-project"_s, u"veloxchem/veloxchem"_s, u"--github-api-url"_s, base,
                 u"--recipes-repo"_s, u"VeloxChem/meta-vlx"_s, u"--recipe"_s, u"veloxchem"_s,
                 u"--channel"_s, u"veloxchem"_s, u"--anaconda-url"_s, base});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(run({u"tokens"_s, u"set"_s, u"--forge"_s, u"github"_s, u"--host"_s, host}, {},
                     github + '\n')
                     .exitCode,
                 0);
        QCOMPARE(run({u"tokens"_s, u"set"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s, host}, {},
                     gitlab + '\n')
                     .exitCode,
                 0);
    }

    void cleanupTestCase()
    {
        run({u"tokens"_s, u"remove"_s, u"--forge"_s, u"github"_s, u"--host"_s, host});
        run({u"tokens"_s, u"remove"_s, u"--forge"_s, u"gitlab"_s, u"--host"_s, host});
        forge.kill();
        forge.waitForFinished();
    }

    void deathAtEitherSideOfThePost()
    {
        const Outcome listed = run({u"commits"_s, u"--profile"_s, u"crash"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QString sha;
        for (const QJsonValue &commit : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            if (commit[u"pipelineStatus"_s] == u"success"_s) {
                sha = commit[u"sha"_s].toString();
                break;
            }
        }
        QVERIFY(!sha.isEmpty());
        const QStringList send = {u"dispatch"_s,  u"--profile"_s, u"crash"_s, u"--commit"_s, sha,
                                  u"--version"_s, u"1.0rc5"_s,    u"--yes"_s, u"--resend"_s};
        QCOMPARE(earlierDispatchCheck(sha)[u"state"_s].toString(), u"ok"_s);

        // Killed after the ledger write, before the POST: nothing ran, and the next start says
        // this dispatch's outcome is open.
        QCOMPARE(run(send, "before-post").exitCode, kCrashExitCode);
        QJsonObject earlier = earlierDispatchCheck(sha);
        QCOMPARE(earlier[u"state"_s].toString(), u"warning"_s);
        QVERIFY2(earlier[u"reason"_s].toString().contains(u"no run started"_s),
                 qPrintable(earlier[u"reason"_s].toString()));

        // Killed after GitHub accepted the POST, before the answer was recorded: the next start
        // finds that run and records it; the dispatch killed before its POST stays open.
        QCOMPARE(run(send, "after-post").exitCode, kCrashExitCode);
        earlier = earlierDispatchCheck(sha);
        const QString reason = earlier[u"reason"_s].toString();
        QVERIFY2(reason.contains(u"#2"_s) && reason.contains(u"started run"_s), qPrintable(reason));
        QVERIFY2(reason.contains(u"#1"_s) && reason.contains(u"outcome unknown"_s),
                 qPrintable(reason));
        // Recorded: the next look only names the one still open.
        const QString again = earlierDispatchCheck(sha)[u"reason"_s].toString();
        QVERIFY2(!again.contains(u"#2"_s) && again.contains(u"#1"_s), qPrintable(again));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
