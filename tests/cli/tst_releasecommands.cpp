// SPDX-License-Identifier: BSD-3-Clause
// The release commands of the real executable against its built-in sandbox (--sandbox): the
// same core as the window, gh-like exit codes, JSON, and nothing stored in the user's folders.

#include "apprunner.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Outcome = AppOutcome;

class TestReleaseCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir home;

    Outcome run(const QStringList &arguments)
    {
        QProcessEnvironment environment = headlessEnvironment();
        // The sandbox must leave the user's folders alone: they are empty folders here.
        environment.insert(u"HOME"_s, home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        return runApp(arguments, environment);
    }

    // The newest commit whose pipeline passed (it has a tarball).
    QString releasableSha()
    {
        const Outcome listed = run({u"--sandbox"_s, u"commits"_s, u"--json"_s});
        const QJsonArray commits = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        for (const QJsonValue &commit : commits) {
            if (commit[u"pipelineStatus"_s].toString() == "success"_L1)
                return commit[u"sha"_s].toString();
        }
        return {};
    }

    QStringList filesUnder(const QString &path)
    {
        QStringList files;
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

private slots:
    void initTestCase() { QVERIFY(home.isValid()); }

    void profilesListShowsTheSandboxProfile()
    {
        const Outcome listed = run({u"--sandbox"_s, u"profiles"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray profiles = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(profiles.size(), 2);  // the seed's workflow, and the recipes-repo kit's
        QCOMPARE(profiles.at(0)[u"name"_s].toString(), u"sandbox"_s);
        QCOMPARE(profiles.at(1)[u"name"_s].toString(), u"sandbox-kit"_s);
        QCOMPARE(profiles.at(1)[u"dispatch-id-input"_s].toString(), u"dispatch_id"_s);
        QCOMPARE(profiles.at(0)[u"recipes-repo"_s].toString(), u"VeloxChem/meta-vlx"_s);
    }

    void profilesAddRefusesInvalidValues()
    {
        const Outcome added =
            run({u"--sandbox"_s, u"profiles"_s, u"add"_s, u"x"_s, u"--recipe"_s, u"Bad Name"_s});
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(u"recipe: "_s), qPrintable(added.err));
        QVERIFY(added.err.contains(u"gitlab-project: "_s));
    }

    void commitsListsWithPipelines()
    {
        const Outcome listed =
            run({u"--sandbox"_s, u"commits"_s, u"--limit"_s, u"40"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray commits = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(commits.size(), 30);  // every demo commit, over two pages
        QCOMPARE(commits.at(0)[u"pipelineStatus"_s].toString(), u"running"_s);
        const Outcome text = run({u"--sandbox"_s, u"commits"_s, u"--limit"_s, u"3"_s});
        QCOMPARE(text.out.count(u'\n'), 3);
        QVERIFY(text.out.contains(u"! running"_s));
    }

    void checksumOfACommit()
    {
        const QString sha = releasableSha();
        QVERIFY(!sha.isEmpty());
        const Outcome summed =
            run({u"--sandbox"_s, u"checksum"_s, u"--commit"_s, sha.left(8), u"--json"_s});
        QCOMPARE(summed.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(summed.out.toUtf8()).object();
        QCOMPARE(result[u"commit"_s].toString(), sha);
        QCOMPARE(result[u"sha256"_s].toString().size(), 64);
        QCOMPARE(result[u"topFolders"_s].toArray(), QJsonArray {u"veloxchem"_s});
        QVERIFY(result[u"url"_s].toString().contains(u"/jobs/"_s));
    }

    void checksumOfACommitWithoutTarball()
    {
        const Outcome summed =
            run({u"--sandbox"_s, u"checksum"_s, u"--commit"_s, u"fb08b22c"_s});  // running
        QCOMPARE(summed.exitCode, 3);
        QVERIFY(!summed.err.isEmpty());
        QVERIFY(summed.out.isEmpty());
    }

    void invalidInputExits2()
    {
        QCOMPARE(run({u"--sandbox"_s, u"preflight"_s, u"--commit"_s, u"xyz"_s}).exitCode, 2);
        QCOMPARE(run({u"--sandbox"_s, u"preflight"_s}).exitCode, 2);
        QCOMPARE(run({u"--sandbox"_s, u"dispatch"_s, u"--commit"_s, u"abcdef12"_s,
                      u"--patch-encoding"_s, u"base64"_s, u"--yes"_s})
                     .exitCode,
                 2);
        // Not a terminal and no --yes: nothing is asked, nothing is sent.
        const Outcome unconfirmed =
            run({u"--sandbox"_s, u"dispatch"_s, u"--commit"_s, releasableSha()});
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY(unconfirmed.err.contains(u"--yes"_s));
    }

    void preflightFailsOnAPublishedBuild()
    {
        const Outcome checked =
            run({u"--sandbox"_s, u"preflight"_s, u"--commit"_s, releasableSha(), u"--version"_s,
                 u"1.0rc4.dev1"_s, u"--build"_s, u"1"_s, u"--label"_s, u"dev"_s, u"--json"_s});
        QCOMPARE(checked.exitCode, 3);
        const QJsonObject result = QJsonDocument::fromJson(checked.out.toUtf8()).object();
        QCOMPARE(result[u"ready"_s].toBool(), false);
        bool versionFailed = false;
        for (const QJsonValue &check : result[u"checks"_s].toArray())
            versionFailed = versionFailed ||
                (check[u"id"_s] == u"version"_s && check[u"state"_s] == u"failed"_s);
        QVERIFY(versionFailed);
    }

    void dispatchSendsAndSaysHowToInstall()
    {
        const Outcome sent =
            run({u"--sandbox"_s, u"dispatch"_s, u"--profile"_s, u"sandbox"_s, u"--commit"_s,
                 releasableSha(), u"--version"_s, u"1.0rc5"_s, u"--yes"_s});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err + sent.out));
        QVERIFY2(sent.out.contains(u"Sent"_s), qPrintable(sent.out));
        QVERIFY(sent.out.contains(u"conda install veloxchem=1.0rc5=*_0 -c veloxchem/label/dev "
                                  "-c conda-forge"_s));
        QVERIFY(!sent.out.contains(u"glpat-"_s) && !sent.err.contains(u"ghp_"_s));
    }

    void dispatchJson()
    {
        const Outcome sent = run({u"--sandbox"_s, u"dispatch"_s, u"--commit"_s, releasableSha(),
                                  u"--version"_s, u"1.0rc5"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        const QJsonObject result = QJsonDocument::fromJson(sent.out.toUtf8()).object();
        QCOMPARE(result[u"outcome"_s].toString(), u"sent"_s);
        QVERIFY(result[u"runId"_s].toInteger() > 0);
        QCOMPARE(result[u"posts"_s].toInt(), 1);
        const QJsonObject body =
            QJsonDocument::fromJson(result[u"body"_s].toString().toUtf8()).object();
        QCOMPARE(body[u"inputs"_s][u"version"_s].toString(), u"1.0rc5"_s);
        QCOMPARE(body[u"inputs"_s][u"patch"_s].toString(),
                 result[u"patchEncoding"_s] == u"printf"_s
                     ? body[u"inputs"_s][u"patch"_s].toString()
                     : QString());
    }

    // A whole sandbox release in the terminal: sent, then followed to every platform's outcome.
    void dispatchAndWatch()
    {
        const Outcome watched =
            run({u"--sandbox"_s, u"dispatch"_s, u"--commit"_s, releasableSha(), u"--version"_s,
                 u"1.0rc5"_s, u"--yes"_s, u"--watch"_s, u"--json"_s});
        QVERIFY2(watched.exitCode == 0, qPrintable(watched.err + watched.out.right(2000)));
        const QStringList lines = watched.out.trimmed().split(u'\n');
        const QJsonObject last = QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
        QCOMPARE(last[u"event"_s].toString(), u"finished"_s);
        QCOMPARE(last[u"exitCode"_s].toInt(), 0);
        int successes = 0;
        for (const QString &line : lines) {
            const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
            if (event[u"event"_s] == u"platform"_s && !event[u"helper"_s].toBool() &&
                event[u"status"_s] == u"success"_s)
                ++successes;
        }
        QCOMPARE(successes, 6);
    }

    void runsListsTrueOutcomes()
    {
        const Outcome listed = run({u"--sandbox"_s, u"runs"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray runs = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QVERIFY(runs.size() >= 2);  // the demo's history
        for (const QJsonValue &each : runs) {
            QVERIFY(!each[u"trueOutcome"_s].toString().isEmpty());
            QVERIFY(!each[u"outcomeFrom"_s].toString().isEmpty());
        }
        QCOMPARE(run({u"--sandbox"_s, u"runs"_s, u"--limit"_s, u"0"_s}).exitCode, 2);
    }

    void watchNeedsARun()
    {
        QCOMPARE(run({u"--sandbox"_s, u"watch"_s, u"abc"_s}).exitCode, 2);
        QCOMPARE(run({u"--sandbox"_s, u"watch"_s, u"1"_s, u"--last"_s}).exitCode, 2);
    }

    void dryRunPrintsTheBodyAndSendsNothing()
    {
        const Outcome dry = run({u"--sandbox"_s, u"dispatch"_s, u"--commit"_s, releasableSha(),
                                 u"--version"_s, u"1.0rc5"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        const QString lastLine = dry.out.trimmed().section(u'\n', -1);
        const QJsonObject body = QJsonDocument::fromJson(lastLine.toUtf8()).object();
        QCOMPARE(body[u"ref"_s].toString(), u"main"_s);
        QCOMPARE(body[u"inputs"_s].toObject().size(), 8);
    }

    void sandboxStoresNothingInTheUsersFolders()
    {
        QCOMPARE(filesUnder(home.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestReleaseCommands)
#include "tst_releasecommands.moc"
