// SPDX-License-Identifier: BSD-3-Clause
// `release-console ledger list|show|export`: the command in-process on a ledger in a throw-away
// data folder (the user's own path, as the command finds it), and the real executable.

#include "apprunner.h"
#include "cli/ledgercommand.h"
#include "ledger/releaseledger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using rc::ledger::LedgerEntry;
using rc::ledger::PlatformRecord;
using rc::ledger::ReleaseLedger;

namespace {

// Set up in main() before any Qt code reads the environment.
QTemporaryDir *g_home = nullptr;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run ledgerCommand(QStringList arguments, bool sandbox = false)
{
    arguments.prepend(u"release-console ledger"_s);  // as app/cli/cli.cpp hands it over
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    rc::cli::GlobalOptions global;
    global.sandbox = sandbox;
    run.exitCode = rc::cli::runLedgerCommand(arguments, out, err, global);
    out.flush();
    err.flush();
    return run;
}

QDateTime utc(int hour, int minute, int second)
{
    return QDateTime(QDate(2025, 3, 4), QTime(hour, minute, second), QTimeZone(QTimeZone::UTC));
}

LedgerEntry entryFor(const QString &profile, const QString &version)
{
    LedgerEntry entry;
    entry.profile = profile;
    entry.recipe = u"veloxchem"_s;
    entry.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    entry.version = version;
    entry.build = u"1"_s;
    entry.channel = u"robertodr"_s;
    entry.label = u"dev"_s;
    entry.url = u"https://gitlab.com/api/v4/projects/1/jobs/77/artifacts/veloxchem.tar.bz2"_s;
    entry.sha256 = QString(64, u'c');
    entry.endpoint = u"POST https://api.github.com/repos/VeloxChem/meta-vlx/actions/workflows/"
                     "deploy-cxx.yml/dispatches"_s;
    entry.body = R"({"ref":"main","inputs":{"recipe":"veloxchem","version":")" + version.toUtf8() +
        R"(","patch":"--- a\n+++ b\n@@ -1 +1 @@\n"}})";
    entry.installLine =
        u"conda install veloxchem=%1=*_1 -c robertodr/label/dev -c conda-forge"_s.arg(version);
    return entry;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

}  // namespace

class TestLedgerCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listNewestFirst();
    void listFilterAndLimit();
    void listJson();
    void showEveryField();
    void showJson();
    void showKeepsTheTerminalSafe();
    void exportToStandardOutput_data();
    void exportToStandardOutput();
    void exportToFile();
    void exportToUnwritableFile();
    void badInput_data();
    void badInput();
    void help();
    void sandboxHasItsOwnLedger();
    void realExecutable();

private:
    QList<qint64> m_ids;  // oldest first: released (dev), refused (dev), running (other)
    QString m_ledgerPath;
};

// An empty ledger first, then the history the other tests read.
void TestLedgerCommand::initTestCase()
{
    m_ledgerPath = ReleaseLedger::defaultPath();
    QVERIFY2(m_ledgerPath.startsWith(g_home->path()), qPrintable(m_ledgerPath));

    const Run text = ledgerCommand({u"list"_s});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, u"No releases recorded yet.\n"_s);
    QVERIFY2(text.err.isEmpty(), qPrintable(text.err));
    const Run json = ledgerCommand({u"list"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array(), QJsonArray());
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
    const Run csv = ledgerCommand({u"export"_s, u"--format"_s, u"csv"_s});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(csv.out.count(u"\r\n"_s), 1);  // the header only
    QVERIFY(csv.out.startsWith(u"id,created_at,profile,"_s));

    ReleaseLedger ledger(m_ledgerPath);
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const std::optional<qint64> released = ledger.recordSending(entryFor(u"dev"_s, u"1.0.0"_s));
    QVERIFY(released);
    QVERIFY(ledger.recordSent(*released, 9001,
                              QUrl(u"https://github.com/VeloxChem/meta-vlx/actions/runs/9001"_s),
                              utc(6, 0, 0)));
    QVERIFY(ledger.recordRunAttempt(*released, 1));
    PlatformRecord onLinux;
    onLinux.platformKey = u"build (ubuntu-latest, 3.12, mpich)"_s;
    onLinux.os = u"Linux"_s;
    onLinux.variant = u"Python 3.12, mpich"_s;
    onLinux.status = u"success"_s;
    onLinux.outcome = u"success"_s;
    onLinux.startedAt = utc(6, 1, 0);
    onLinux.completedAt = utc(6, 13, 5);
    onLinux.jobId = 71;
    onLinux.htmlUrl = QUrl(u"https://github.com/VeloxChem/meta-vlx/actions/runs/9001/job/71"_s);
    onLinux.runAttempt = 1;
    PlatformRecord onWindows = onLinux;
    onWindows.platformKey = u"build (windows-2022, 3.12, msmpi)"_s;
    onWindows.os = u"Windows"_s;
    onWindows.variant = u"Python 3.12, msmpi"_s;
    onWindows.outcome = u"failure"_s;  // the job "succeeded" under continue-on-error
    onWindows.jobId = 72;
    onWindows.htmlUrl = QUrl(u"https://github.com/VeloxChem/meta-vlx/actions/runs/9001/job/72"_s);
    QVERIFY2(ledger.recordPlatform(*released, onLinux), qPrintable(ledger.errorString()));
    QVERIFY(ledger.recordPlatform(*released, onWindows));
    QVERIFY(ledger.recordRunCompleted(*released, u"success"_s, utc(6, 20, 0)));

    const std::optional<qint64> refused = ledger.recordSending(entryFor(u"dev"_s, u"1.0.1"_s));
    QVERIFY(refused);
    QVERIFY(ledger.recordRefused(*refused, u"422 Unexpected inputs provided: [\"patch\"]"_s));

    const std::optional<qint64> running = ledger.recordSending(entryFor(u"other"_s, u"2.0"_s));
    QVERIFY(running);
    QVERIFY(ledger.recordSent(*running, 9002, QUrl(), std::nullopt));
    m_ids = {*released, *refused, *running};
}

void TestLedgerCommand::listNewestFirst()
{
    const Run run = ledgerCommand({});  // list is the default
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).trimmed().startsWith(QString::number(m_ids[2])), qPrintable(run.out));
    QVERIFY(lines.at(0).contains(u"veloxchem 2.0 build 1"_s));
    QVERIFY(lines.at(0).contains(u"run 9002"_s));
    QVERIFY(lines.at(0).trimmed().endsWith(u"running"_s));
    QVERIFY(lines.at(1).contains(u"refused"_s));
    QVERIFY(lines.at(2).trimmed().startsWith(QString::number(m_ids[0])));
    QVERIFY(lines.at(2).contains(u"robertodr/label/dev"_s));
    QVERIFY2(lines.at(2).trimmed().endsWith(u"failure (1/2 ok)"_s), qPrintable(lines.at(2)));
}

void TestLedgerCommand::listFilterAndLimit()
{
    const Run dev = ledgerCommand({u"list"_s, u"--profile"_s, u"dev"_s});
    QCOMPARE(dev.exitCode, 0);
    QCOMPARE(dev.out.count(u'\n'), 2);
    QVERIFY(!dev.out.contains(u"other"_s));
    const Run limited = ledgerCommand({u"list"_s, u"--limit"_s, u"1"_s});
    QCOMPARE(limited.exitCode, 0);
    QCOMPARE(limited.out.count(u'\n'), 1);
    QVERIFY(limited.out.contains(u"2.0"_s));
    const Run nobody = ledgerCommand({u"list"_s, u"--profile"_s, u"nobody"_s});
    QCOMPARE(nobody.exitCode, 0);
    QCOMPARE(nobody.out, u"No releases recorded for profile 'nobody'.\n"_s);
}

void TestLedgerCommand::listJson()
{
    const Run run = ledgerCommand({u"list"_s, u"--json"_s, u"--profile"_s, u"dev"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray entries = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(entries.size(), 2);
    const QJsonObject released = entries.at(1).toObject();
    QCOMPARE(released[u"id"_s].toInteger(), m_ids[0]);
    QCOMPARE(released[u"outcome"_s].toString(), u"failure"_s);
    QCOMPARE(released[u"runId"_s].toInteger(), 9001);
    QCOMPARE(released[u"platforms"_s].toArray().size(), 2);
    QVERIFY(!released.contains(u"body"_s));  // list is a summary: the body is in show/export
    QCOMPARE(released[u"bodySha256"_s].toString().size(), 64);
    QCOMPARE(entries.at(0)[u"state"_s].toString(), u"refused"_s);
}

void TestLedgerCommand::showEveryField()
{
    const Run run = ledgerCommand({u"show"_s, QString::number(m_ids[0])});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const LedgerEntry entry = entryFor(u"dev"_s, u"1.0.0"_s);
    for (const QString &expected : QStringList {
             u"Entry:"_s + QString(11, u' ') + QString::number(m_ids[0]), entry.commitSha,
             entry.url, entry.sha256, entry.endpoint, entry.installLine, u"Run:             9001"_s,
             u"https://github.com/VeloxChem/meta-vlx/actions/runs/9001"_s, u"Run attempt:     1"_s,
             u"Run conclusion:  success"_s, u"Run completed:   2025-03-04 06:20:00Z"_s,
             u"Outcome:         failure"_s, u"Server date:     2025-03-04 06:00:00Z"_s,
             u"build (ubuntu-latest, 3.12, mpich)"_s, u"build (windows-2022, 3.12, msmpi)"_s,
             u"outcome failure"_s, u"12m 05s"_s, u"job 71, attempt 1"_s, u"/job/72"_s}) {
        QVERIFY2(run.out.contains(expected),
                 qPrintable(u"'%1' missing from:\n%2"_s.arg(expected, run.out)));
    }
    // The exact body, pretty-printed in its own key order, its strings untouched.
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(entry.body, QCryptographicHash::Sha256).toHex());
    QVERIFY(run.out.contains(u"Body (%1 bytes, sha256 %2):"_s.arg(entry.body.size()).arg(hash)));
    QVERIFY2(run.out.endsWith(u"{\n  \"ref\": \"main\",\n  \"inputs\": {\n    \"recipe\": "
                              "\"veloxchem\",\n    \"version\": \"1.0.0\",\n    \"patch\": "
                              "\"--- a\\n+++ b\\n@@ -1 +1 @@\\n\"\n  }\n}\n"_s),
             qPrintable(run.out));

    const Run refused = ledgerCommand({u"show"_s, QString::number(m_ids[1])});
    QCOMPARE(refused.exitCode, 0);
    QVERIFY(refused.out.contains(u"State:           refused"_s));
    QVERIFY(refused.out.contains(u"422 Unexpected inputs provided"_s));
    QVERIFY(refused.out.contains(u"Platforms:       -"_s));
    QVERIFY(refused.out.contains(u"Run:             -"_s));
}

void TestLedgerCommand::showJson()
{
    const Run run = ledgerCommand({u"show"_s, QString::number(m_ids[0]), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject entry = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(entry[u"id"_s].toInteger(), m_ids[0]);
    QCOMPARE(entry[u"body"_s].toString().toUtf8(), entryFor(u"dev"_s, u"1.0.0"_s).body);
    QCOMPARE(entry[u"installLine"_s].toString(), entryFor(u"dev"_s, u"1.0.0"_s).installLine);
    const QJsonArray platforms = entry[u"platforms"_s].toArray();
    QCOMPARE(platforms.size(), 2);
    QCOMPARE(platforms.at(0)[u"durationMs"_s].toInteger(), 725000);
    QCOMPARE(platforms.at(1)[u"truth"_s].toString(), u"failure"_s);
}

void TestLedgerCommand::showKeepsTheTerminalSafe()
{
    qint64 id = 0;
    {
        ReleaseLedger ledger(m_ledgerPath);
        LedgerEntry entry = entryFor(u"evil\x1b]0;owned\x07"_s, u"1"_s);
        entry.body = "not json \x1b[2J";
        id = ledger.recordSending(entry).value_or(-1);
        QVERIFY(ledger.recordRefused(id, u"\x1b[31mred\r"_s));
    }
    const Run run = ledgerCommand({u"show"_s, QString::number(id)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains(u'\x1b'));
    QVERIFY(!run.out.contains(u'\r'));
    QVERIFY(run.out.contains(u"not json"_s));
    const Run list = ledgerCommand({u"list"_s});
    QVERIFY(!list.out.contains(u'\x1b'));
    QVERIFY(!list.out.contains(u'\a'));
}

void TestLedgerCommand::exportToStandardOutput_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << u"json"_s;
    QTest::newRow("csv") << u"csv"_s;
}

void TestLedgerCommand::exportToStandardOutput()
{
    QFETCH(QString, format);
    const Run run = ledgerCommand({u"export"_s, u"--format"_s, format, u"--profile"_s, u"dev"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    if (format == "json"_L1) {
        const QJsonArray entries =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[u"entries"_s].toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1)[u"body"_s].toString().toUtf8(), entryFor(u"dev"_s, u"1.0.0"_s).body);
        QCOMPARE(entries.at(1)[u"installLine"_s].toString(),
                 entryFor(u"dev"_s, u"1.0.0"_s).installLine);
    } else {
        QCOMPARE(run.out.count(u"\r\n"_s), 3);
        QVERIFY(run.out.contains(entryFor(u"dev"_s, u"1.0.0"_s).installLine));
        QVERIFY(!run.out.contains(u"\"ref\""_s));  // no body in the CSV
        QVERIFY(run.out.contains(u"\"422 Unexpected inputs provided: [\"\"patch\"\"]\""_s));
    }
    // Without --profile: every release (no default limit on an export).
    const Run all = ledgerCommand({u"export"_s, u"--format"_s, format});
    QCOMPARE(all.exitCode, 0);
    if (format == "csv"_L1)
        QCOMPARE_GE(all.out.count(u"\r\n"_s), 4);
}

void TestLedgerCommand::exportToFile()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(u"history.json"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(100000, 'x'));  // longer than the export: it must be replaced, not kept
    old.close();

    const Run run = ledgerCommand({u"export"_s, u"--format"_s, u"json"_s, u"--output"_s, path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(run.out.startsWith(u"Exported "_s));
    QVERIFY(run.out.contains(path));
    const Run toStdout = ledgerCommand({u"export"_s, u"--format"_s, u"json"_s});
    QCOMPARE(fileBytes(path), toStdout.out.toUtf8());
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList {u"history.json"_s});

    const QString csvPath = folder.filePath(u"new/../history.csv"_s);
    QVERIFY(QDir().mkpath(folder.filePath(u"new"_s)));
    const Run csv = ledgerCommand({u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s, csvPath});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(fileBytes(folder.filePath(u"history.csv"_s)).startsWith("id,created_at,"));
}

void TestLedgerCommand::exportToUnwritableFile()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString target = folder.filePath(u"a-folder"_s);
    QVERIFY(QDir().mkpath(target));
    const Run run = ledgerCommand({u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s, target});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(u"error: cannot write "_s), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(QFileInfo(target).isDir());
    const Run missing = ledgerCommand({u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s,
                                       folder.filePath(u"no/such/folder/x.csv"_s)});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestLedgerCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown action") << QStringList {u"frobnicate"_s} << u"unknown action"_s;
    QTest::newRow("unknown option") << QStringList {u"list"_s, u"--colour"_s} << u"colour"_s;
    QTest::newRow("list with an argument") << QStringList {u"list"_s, u"3"_s} << u"no argument"_s;
    QTest::newRow("limit 0") << QStringList {u"list"_s, u"--limit"_s, u"0"_s} << u"limit"_s;
    QTest::newRow("limit text") << QStringList {u"list"_s, u"--limit"_s, u"ten"_s} << u"limit"_s;
    QTest::newRow("limit huge") << QStringList {u"list"_s, u"--limit"_s, u"99999999999"_s}
                                << u"limit"_s;
    QTest::newRow("empty profile")
        << QStringList {u"list"_s, u"--profile"_s, QString()} << u"profile"_s;
    QTest::newRow("list with format") << QStringList {u"list"_s, u"--format"_s, u"csv"_s}
                                      << u"--format does not go with 'list'"_s;
    QTest::newRow("show without id") << QStringList {u"show"_s} << u"one entry id"_s;
    QTest::newRow("show two ids") << QStringList {u"show"_s, u"1"_s, u"2"_s} << u"one entry id"_s;
    QTest::newRow("show text id") << QStringList {u"show"_s, u"one"_s} << u"one entry id"_s;
    QTest::newRow("show 0") << QStringList {u"show"_s, u"0"_s} << u"one entry id"_s;
    QTest::newRow("show negative")
        << QStringList {u"show"_s, u"--"_s, u"-4"_s} << u"one entry id"_s;
    QTest::newRow("show missing") << QStringList {u"show"_s, u"424242"_s} << u"no entry 424242"_s;
    QTest::newRow("show with profile")
        << QStringList {u"show"_s, u"1"_s, u"--profile"_s, u"dev"_s} << u"--profile"_s;
    QTest::newRow("show with output")
        << QStringList {u"show"_s, u"1"_s, u"--output"_s, u"x"_s} << u"--output"_s;
    QTest::newRow("export without format") << QStringList {u"export"_s} << u"needs --format"_s;
    QTest::newRow("export xml") << QStringList {u"export"_s, u"--format"_s, u"xml"_s}
                                << u"'xml' is not json or csv"_s;
    QTest::newRow("export JSON uppercase")
        << QStringList {u"export"_s, u"--format"_s, u"JSON"_s} << u"not json or csv"_s;
    QTest::newRow("export --json")
        << QStringList {u"export"_s, u"--format"_s, u"json"_s, u"--json"_s} << u"--json"_s;
    QTest::newRow("export empty output")
        << QStringList {u"export"_s, u"--format"_s, u"json"_s, u"--output"_s, QString()}
        << u"output"_s;
}

void TestLedgerCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = ledgerCommand(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(u"error: "_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
}

void TestLedgerCommand::help()
{
    const Run run = ledgerCommand({u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"release-console ledger list|show|export"_s), qPrintable(run.out));
    for (const QString &option :
         {u"--profile"_s, u"--limit"_s, u"--json"_s, u"--format"_s, u"--output"_s})
        QVERIFY(run.out.contains(option));
}

// The sandbox never shows (or touches) the user's history.
void TestLedgerCommand::sandboxHasItsOwnLedger()
{
    const QByteArray before = fileBytes(m_ledgerPath);
    const Run text = ledgerCommand({u"list"_s}, true);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, u"No releases recorded yet.\n"_s);
    const Run json = ledgerCommand({u"list"_s, u"--json"_s}, true);
    QCOMPARE(json.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);
    const Run show = ledgerCommand({u"show"_s, QString::number(m_ids[0])}, true);
    QCOMPARE(show.exitCode, 2);
    QCOMPARE(fileBytes(m_ledgerPath), before);
}

// The same command through the executable, as a user types it (needs `ledger` registered in
// app/cli/cli.cpp).
void TestLedgerCommand::realExecutable()
{
    QProcessEnvironment environment = headlessEnvironment();
    environment.insert(u"HOME"_s, g_home->path());
    environment.insert(u"XDG_CONFIG_HOME"_s, g_home->filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, g_home->filePath(u"data"_s));

    const AppOutcome sandbox =
        runApp({u"--sandbox"_s, u"ledger"_s, u"list"_s, u"--json"_s}, environment);
    QVERIFY2(sandbox.exitCode == 0, qPrintable(sandbox.err));
    QCOMPARE(QJsonDocument::fromJson(sandbox.out.toUtf8()).array().size(), 0);
    QVERIFY(QJsonDocument::fromJson(sandbox.out.toUtf8()).isArray());

    const AppOutcome show =
        runApp({u"ledger"_s, u"show"_s, QString::number(m_ids[0]), u"--json"_s}, environment);
    QVERIFY2(show.exitCode == 0, qPrintable(show.err));
    QCOMPARE(QJsonDocument::fromJson(show.out.toUtf8()).object()[u"installLine"_s].toString(),
             entryFor(u"dev"_s, u"1.0.0"_s).installLine);

    const AppOutcome csv = runApp({u"ledger"_s, u"export"_s, u"--format"_s, u"csv"_s}, environment);
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(csv.out, ledgerCommand({u"export"_s, u"--format"_s, u"csv"_s}).out);

    QCOMPARE(runApp({u"ledger"_s, u"list"_s, u"--limit"_s, u"0"_s}, environment).exitCode, 2);
    QCOMPARE(runApp({u"ledger"_s, u"--help"_s}, environment).exitCode, 0);
}

int main(int argc, char *argv[])
{
    // The command opens the user's ledger and settings: here they live in a throw-away home.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = &home;
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
    QCoreApplication app(argc, argv);
    // As main/main.cpp names them, so the user's ledger path is the executable's.
    QCoreApplication::setOrganizationName(u"ReleaseConsole"_s);
    QCoreApplication::setApplicationName(u"release-console"_s);
    TestLedgerCommand test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledgercommand.moc"
