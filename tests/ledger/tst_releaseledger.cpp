// SPDX-License-Identifier: BSD-3-Clause
#include "ledger/ledgerexport.h"
#include "ledger/releaseledger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using rc::ledger::DispatchState;
using rc::ledger::LedgerEntry;
using rc::ledger::PlatformRecord;
using rc::ledger::ReleaseLedger;
using rc::ledger::StepDuration;

namespace {

// Run as `tst_releaseledger --ledger-writer <file> <seed>`, the binary is the writer child of
// the crash-safety tests instead of the test.
constexpr char kWriterFlag[] = "--ledger-writer";
constexpr int kWriterIterations = 2000;  // a bound, in case the parent dies without killing it
constexpr qint64 kRunIdBase = 9000000000;
constexpr int kWaitMs = 30000;

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms),
                     QTimeZone(QTimeZone::UTC));
}

// A clock that starts at a fixed instant and moves 1.001 s at each reading.
class FakeClock
{
public:
    QDateTime next = utc(2025, 3, 4, 5, 6, 7, 89);
    int readings = 0;
    ReleaseLedger::Clock clock()
    {
        return [this] {
            ++readings;
            const QDateTime now = next;
            next = next.addMSecs(1001);
            return now;
        };
    }
};

LedgerEntry sampleEntry(const QString &profile = u"pb11mpi-dev"_s)
{
    LedgerEntry entry;
    entry.profile = profile;
    entry.recipe = u"pb11mpi"_s;
    entry.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    entry.version = u"0.1.0.dev10"_s;
    entry.build = u"1"_s;
    entry.channel = u"robertodr"_s;
    entry.label = u"dev"_s;
    entry.url = u"https://gitlab.com/robertodr/pb11mpi/-/archive/0123/pb11mpi-0123.tar.bz2"_s;
    entry.sha256 = QString(64, u'a');
    entry.endpoint = u"POST https://api.github.com/repos/o/r/actions/workflows/f.yml/dispatches"_s;
    entry.body = R"({"ref":"main","inputs":{"recipe":"pb11mpi"}})";
    entry.installLine = u"conda install -c robertodr/label/dev pb11mpi=0.1.0.dev10"_s;
    return entry;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
        file.write(bytes) == bytes.size();
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// A plain connection, to look at the file the way the sqlite3 CLI would.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(u"raw-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        m_error = query.lastError().text();
        return false;
    }
    QVariantList row(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next()) {
            m_error = query.lastError().text();
            return {};
        }
        QVariantList values;
        for (int column = 0; column < query.record().count(); ++column)
            values.append(query.value(column));
        return values;
    }
    QVariant value(const QString &sql)
    {
        const QVariantList values = row(sql);
        return values.isEmpty() ? QVariant() : values.first();
    }
    QString error() const { return m_error; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray randomBytes(QRandomGenerator &rng, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(rng.bounded(256));
    return bytes;
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

// The platforms each writer entry goes through: every one starts, then every one ends.
const QStringList &writerPlatforms()
{
    static const QStringList keys {u"build (ubuntu-latest, 3.12, mpich)"_s,
                                   u"build (macos-14, 3.13, mpich)"_s,
                                   u"build (windows-2022, 3.12, msmpi)"_s};
    return keys;
}

PlatformRecord writerPlatform(qint64 id, int index, bool done)
{
    PlatformRecord record;
    record.platformKey = writerPlatforms().at(index);
    record.os = QStringList {u"Linux"_s, u"macOS"_s, u"Windows"_s}.at(index);
    record.variant = u"Python 3.12"_s;
    record.status = done ? u"success"_s : u"in_progress"_s;
    record.outcome = done ? u"success"_s : QString();
    record.startedAt = QDateTime::currentDateTimeUtc();
    if (done)
        record.completedAt = record.startedAt->addSecs(60 + index);
    record.jobId = id * 10 + index;
    record.htmlUrl = QUrl(u"https://github.com/o/r/actions/runs/%1/job/%2"_s.arg(kRunIdBase + id)
                              .arg(id * 10 + index));
    record.runAttempt = 1;
    return record;
}

// The child: records dispatches and their runs as fast as it can and prints each write AFTER
// the call returned: "committed ID STEP", STEP one of sending, sent, attempt,
// platform:INDEX:started, platform:INDEX:done, completed.
int runWriter(const QString &path, quint32 seed)
{
    QRandomGenerator rng(seed);
    ReleaseLedger ledger(path);
    if (!ledger.isOpen()) {
        printLine("error " + ledger.errorString().toUtf8() + '\n');
        return 2;
    }
    printLine("opened\n");
    const auto committed = [](qint64 id, const QByteArray &step) {
        printLine("committed " + QByteArray::number(id) + ' ' + step + '\n');
    };
    const auto failed = [&ledger](int code) {
        printLine("error " + ledger.errorString().toUtf8() + '\n');
        return code;
    };
    for (int i = 0; i < kWriterIterations; ++i) {
        LedgerEntry entry = sampleEntry(u"writer"_s);
        entry.body = randomBytes(
            rng, i % 16 == 5 ? ReleaseLedger::maxBodyBytes : qsizetype(rng.bounded(64 * 1024)));
        entry.sha256 = sha256Hex(entry.body);
        const std::optional<qint64> id = ledger.recordSending(entry);
        if (!id)
            return failed(3);
        committed(*id, "sending");
        const QUrl runUrl(u"https://github.com/o/r/actions/runs/%1"_s.arg(kRunIdBase + *id));
        if (!ledger.recordSent(*id, kRunIdBase + *id, runUrl, QDateTime::currentDateTimeUtc()))
            return failed(4);
        committed(*id, "sent");
        if (!ledger.recordRunAttempt(*id, 1))
            return failed(5);
        committed(*id, "attempt");
        for (const bool done : {false, true}) {
            for (int index = 0; index < writerPlatforms().size(); ++index) {
                if (!ledger.recordPlatform(*id, writerPlatform(*id, index, done)))
                    return failed(6);
                committed(*id,
                          "platform:" + QByteArray::number(index) + (done ? ":done" : ":started"));
            }
        }
        if (!ledger.recordRunCompleted(*id, u"success"_s, QDateTime::currentDateTimeUtc()))
            return failed(7);
        committed(*id, "completed");
    }
    return 0;
}

// What the writer children said they committed: id → the steps, in order.
using Confirmed = QHash<qint64, QStringList>;

// Reads one line of the writer; false (with `problem`) when it is not a line we expect.
bool takeLine(const QByteArray &line, Confirmed &confirmed, int &committedLines, QString &problem)
{
    static const QRegularExpression step(
        u"^(sending|sent|attempt|platform:[0-2]:(started|done)|completed)$"_s);
    const QList<QByteArray> words = line.trimmed().split(' ');
    if (words.size() == 1 && words.first() == "opened")
        return true;
    bool isNumber = false;
    const qint64 id = words.size() == 3 ? words.at(1).toLongLong(&isNumber) : 0;
    if (words.first() != "committed" || !isNumber ||
        !step.match(QString::fromLatin1(words.at(2))).hasMatch()) {
        problem = u"unexpected line from the writer: "_s + QString::fromUtf8(line);
        return false;
    }
    confirmed[id].append(QString::fromLatin1(words.at(2)));
    ++committedLines;
    return true;
}

// Empty when the ledger holds every step the writer confirmed for entry `id`.
QString missingStep(const ReleaseLedger &ledger, qint64 id, const QStringList &steps)
{
    const std::optional<LedgerEntry> stored = ledger.entry(id);
    if (!stored)
        return u"lost entry %1"_s.arg(id);
    if (sha256Hex(stored->body) != stored->sha256)
        return u"entry %1: body does not match its sha256"_s.arg(id);
    const QList<PlatformRecord> platforms = ledger.platforms(id);
    const auto platformStatus = [&](const QString &key) -> QString {
        for (const PlatformRecord &record : platforms) {
            if (record.platformKey == key)
                return record.status;
        }
        return {};
    };
    for (const QString &step : steps) {
        if (step == "sent"_L1 &&
            (stored->state != DispatchState::Sent || stored->runId != kRunIdBase + id))
            return u"entry %1: lost 'sent'"_s.arg(id);
        if (step == "attempt"_L1 && stored->runAttempt != 1)
            return u"entry %1: lost the attempt"_s.arg(id);
        if (step.startsWith(u"platform:"_s)) {
            const QString key = writerPlatforms().at(step.section(u':', 1, 1).toInt());
            const QString status = platformStatus(key);
            const bool done = step.endsWith(u":done"_s);
            if (done ? status != "success"_L1 : status.isEmpty())
                return u"entry %1: lost %2 (now '%3')"_s.arg(id).arg(step, status);
        }
        if (step == "completed"_L1 &&
            (!stored->runCompletedAt || stored->runConclusion != "success"_L1))
            return u"entry %1: lost the completion"_s.arg(id);
    }
    return {};
}

}  // namespace

class TestReleaseLedger : public QObject
{
    Q_OBJECT

private slots:
    void stateNames();
    void createsFoldersAndSchema();
    void roundTripsEveryField();
    void keepsEmptyFields();
    void transitions_data();
    void transitions();
    void missingIdRefused();
    void refusesOversizedInput_data();
    void refusesOversizedInput();
    void acceptsInputAtTheLimits();
    void refusesBadRunValues();
    void cutsLongDetail();
    void refusesInvalidClock();
    void entriesOrderFilterLimit();
    void unresolvedOldestFirst();
    void persistsAcrossReopen();
    void emptyFileIsANewLedger();
    void twoInstancesOnOneFile();
    void refusesNewerSchema();
    void refusesForeignFile_data();
    void refusesForeignFile();
    void unwritableLocation_data();
    void unwritableLocation();
    void migratesVersion1InPlace();
    void recordsPlatforms();
    void refusesBadPlatforms_data();
    void refusesBadPlatforms();
    void platformNeedsARun_data();
    void platformNeedsARun();
    void boundsPlatformsPerEntry();
    void runAttemptAndCompletion();
    void unfinishedOldestFirst();
    void platformDuration();
    void stepDurationsTimeLaterRuns();
    void refusesBadStepDurations();
    void overallOutcome_data();
    void overallOutcome();
    void exportsJson();
    void exportsCsv();
    void csvField_data();
    void csvField();
    void prettyJson_data();
    void prettyJson();
    void survivesKillAtAnyMoment();
    void writesWhileAnotherProcessWrites();

private:
    QTemporaryDir m_dir;
};

void TestReleaseLedger::stateNames()
{
    const QList<std::pair<DispatchState, QString>> names {{DispatchState::Sending, u"sending"_s},
                                                          {DispatchState::Sent, u"sent"_s},
                                                          {DispatchState::Refused, u"refused"_s},
                                                          {DispatchState::Unknown, u"unknown"_s}};
    for (const auto &[state, name] : names) {
        QCOMPARE(rc::ledger::stateName(state), name);
        QVERIFY(rc::ledger::stateFromName(name) == state);
    }
    QVERIFY(!rc::ledger::stateFromName(u"Sent"));
    QVERIFY(!rc::ledger::stateFromName(u""));
    QVERIFY(!rc::ledger::stateFromName(u"done"));
}

void TestReleaseLedger::createsFoldersAndSchema()
{
    const QString path = m_dir.filePath(u"created/deep/er/ledger.sqlite"_s);
    const QStringList connectionsBefore = QSqlDatabase::connectionNames();
    {
        ReleaseLedger ledger(path);
        QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
        QVERIFY(ledger.errorString().isEmpty());
        QCOMPARE(ledger.path(), path);
        QVERIFY(QFile::exists(path));
        QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore.size() + 1);
        QVERIFY(!QSqlDatabase::contains(QLatin1StringView(QSqlDatabase::defaultConnection)));
        QVERIFY(ledger.entries().isEmpty());
        QVERIFY(ledger.unresolved().isEmpty());
        QVERIFY(!ledger.entry(1));
    }
    QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);

    RawDatabase raw(path);
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), ReleaseLedger::schemaVersion);
    QCOMPARE(raw.value(u"PRAGMA application_id"_s).toLongLong(), ReleaseLedger::applicationId);
    QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'dispatch'"_s).toInt(), 1);
    QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'platform'"_s).toInt(), 1);
    QCOMPARE(raw.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
}

void TestReleaseLedger::roundTripsEveryField()
{
    const QString path = m_dir.filePath(u"roundtrip.sqlite"_s);
    FakeClock clock;
    ReleaseLedger ledger(path, clock.clock());
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));

    LedgerEntry input =
        sampleEntry(u"Åsa's «räksmörgås» \"quoted\" 🚀 \\ ; DROP TABLE dispatch; --"_s);
    input.recipe = u"rè'cipe\"🙂"_s;
    input.commitSha = u"ffffffffffffffffffffffffffffffffffffffff"_s;
    input.version = u"1.0.0\u00e9"_s;
    input.build = u"2\t3"_s;
    input.channel = u"chän'nel"_s;
    input.label = u"l\"a\nbel"_s;
    input.url = u"https://gitlab.com/a/b/-/archive/x/ü%20y.tar.bz2?q='1'"_s;
    input.sha256 = QString(64, u'f');
    input.installLine = u"conda install -c \"chän'nel\" 'pkg=1.0'"_s;
    QByteArray body("{\"patch\":\"a\0b\\\"c'\"}", 19);
    for (int byte = 0; byte < 256; ++byte)
        body.append(char(byte));
    body.append("\xf0\x9f\x9a\x80 \xff\xfe\0\0", 9);
    input.body = body;
    // Fields the ledger sets itself; recordSending must ignore these.
    input.id = 777;
    input.state = DispatchState::Refused;
    input.stateDetail = u"ignored"_s;
    input.createdAt = utc(2000, 1, 1, 0, 0, 0, 0);

    const QDateTime sendingTime = clock.next;
    const std::optional<qint64> id = ledger.recordSending(input);
    QVERIFY2(id, qPrintable(ledger.errorString()));
    QCOMPARE_GT(*id, 0);

    std::optional<LedgerEntry> stored = ledger.entry(*id);
    QVERIFY(stored);
    QCOMPARE(stored->id, *id);
    QCOMPARE(stored->profile, input.profile);
    QCOMPARE(stored->recipe, input.recipe);
    QCOMPARE(stored->commitSha, input.commitSha);
    QCOMPARE(stored->version, input.version);
    QCOMPARE(stored->build, input.build);
    QCOMPARE(stored->channel, input.channel);
    QCOMPARE(stored->label, input.label);
    QCOMPARE(stored->url, input.url);
    QCOMPARE(stored->sha256, input.sha256);
    QCOMPARE(stored->endpoint, input.endpoint);
    QCOMPARE(stored->body.size(), body.size());
    QCOMPARE(stored->body, body);
    QCOMPARE(stored->installLine, input.installLine);
    QCOMPARE(rc::ledger::stateName(stored->state), u"sending"_s);
    QCOMPARE(stored->stateDetail, QString());
    QVERIFY(!stored->runId);
    QVERIFY(stored->runUrl.isEmpty());
    QCOMPARE(stored->createdAt, sendingTime);
    QCOMPARE(stored->createdAt.timeSpec(), Qt::UTC);
    QVERIFY(!stored->serverDate);
    QCOMPARE(stored->updatedAt, sendingTime);

    // The server's Date given in another zone comes back as the same instant, in UTC.
    const QDateTime serverDate(QDate(2025, 3, 4), QTime(7, 6, 9, 5),
                               QTimeZone::fromSecondsAheadOfUtc(2 * 3600));
    const QUrl runUrl(u"https://github.com/o/r/actions/runs/987654321"_s);
    const QDateTime sentTime = clock.next;
    QVERIFY2(ledger.recordSent(*id, 987654321, runUrl, serverDate),
             qPrintable(ledger.errorString()));
    const LedgerEntry before = *stored;
    stored = ledger.entry(*id);
    QVERIFY(stored);
    QCOMPARE(rc::ledger::stateName(stored->state), u"sent"_s);
    QCOMPARE(stored->runId.value_or(-1), qint64(987654321));
    QCOMPARE(stored->runUrl, runUrl);
    QVERIFY(stored->serverDate);
    QCOMPARE(*stored->serverDate, serverDate);
    QCOMPARE(stored->serverDate->timeSpec(), Qt::UTC);
    QCOMPARE(stored->createdAt, sendingTime);
    QCOMPARE(stored->updatedAt, sentTime);
    QCOMPARE(stored->body, before.body);
    QCOMPARE(stored->profile, before.profile);

    // The file itself reads well with the sqlite3 CLI: ISO text times and a BLOB body.
    RawDatabase raw(path);
    const QVariantList row = raw.row(
        u"SELECT created_at, updated_at, server_date, typeof(body), length(body), state, run_id"
        " FROM dispatch WHERE id = %1"_s.arg(*id));
    QCOMPARE(row.size(), 7);
    QCOMPARE(row.at(0).toString(), u"2025-03-04T05:06:07.089Z"_s);
    QCOMPARE(row.at(1).toString(), u"2025-03-04T05:06:08.090Z"_s);
    QCOMPARE(row.at(2).toString(), u"2025-03-04T05:06:09.005Z"_s);
    QCOMPARE(row.at(3).toString(), u"blob"_s);
    QCOMPARE(row.at(4).toLongLong(), body.size());
    QCOMPARE(row.at(5).toString(), u"sent"_s);
    QCOMPARE(row.at(6).toLongLong(), 987654321);
}

void TestReleaseLedger::keepsEmptyFields()
{
    ReleaseLedger ledger(m_dir.filePath(u"empty-fields.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const std::optional<qint64> id = ledger.recordSending(LedgerEntry());
    QVERIFY2(id, qPrintable(ledger.errorString()));
    const std::optional<LedgerEntry> stored = ledger.entry(*id);
    QVERIFY(stored);
    QVERIFY(stored->profile.isEmpty());
    QVERIFY(stored->body.isEmpty());
    QVERIFY(stored->installLine.isEmpty());
    QVERIFY(stored->createdAt.isValid());
    QCOMPARE(stored->createdAt.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(stored->createdAt.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    // An absent run id and URL stay absent.
    QVERIFY(ledger.recordSent(*id, std::nullopt, QUrl(), std::nullopt));
    QVERIFY(!ledger.entry(*id)->runId);
    QVERIFY(ledger.entry(*id)->runUrl.isEmpty());
    QVERIFY(!ledger.entry(*id)->serverDate);
}

void TestReleaseLedger::transitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("expectedState");

    const auto row = [](const char *from, const char *action, bool accepted, const char *expected) {
        QTest::addRow("%s, %s", from, action)
            << QString::fromLatin1(from) << QString::fromLatin1(action) << accepted
            << QString::fromLatin1(expected);
    };
    row("sending", "sent", true, "sent");
    row("sending", "refused", true, "refused");
    row("sending", "unknown", true, "unknown");
    row("sending", "run-found", true, "sent");

    row("sent", "sent", false, "sent");
    row("sent", "refused", false, "sent");
    row("sent", "unknown", false, "sent");
    row("sent", "run-found", false, "sent");  // a different run
    row("sent", "run-found-same", true, "sent");

    row("sent-without-run", "sent", false, "sent");
    row("sent-without-run", "refused", false, "sent");
    row("sent-without-run", "unknown", false, "sent");
    row("sent-without-run", "run-found", true, "sent");

    row("refused", "sent", false, "refused");
    row("refused", "refused", false, "refused");
    row("refused", "unknown", false, "refused");
    row("refused", "run-found", false, "refused");

    row("unknown", "sent", false, "unknown");
    row("unknown", "refused", true, "refused");
    row("unknown", "unknown", true, "unknown");
    row("unknown", "run-found", true, "sent");
}

void TestReleaseLedger::transitions()
{
    QFETCH(QString, from);
    QFETCH(QString, action);
    QFETCH(bool, accepted);
    QFETCH(QString, expectedState);

    FakeClock clock;
    ReleaseLedger ledger(m_dir.filePath(u"transitions.sqlite"_s), clock.clock());
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const std::optional<qint64> id = ledger.recordSending(sampleEntry());
    QVERIFY2(id, qPrintable(ledger.errorString()));

    const QUrl firstRunUrl(u"https://github.com/o/r/actions/runs/111"_s);
    const QUrl otherRunUrl(u"https://github.com/o/r/actions/runs/222"_s);
    const QDateTime serverDate = utc(2025, 3, 4, 5, 6, 0, 0);
    bool prepared = true;
    if (from == "sent"_L1)
        prepared = ledger.recordSent(*id, 111, firstRunUrl, serverDate);
    else if (from == "sent-without-run"_L1)
        prepared = ledger.recordSent(*id, std::nullopt, QUrl(), std::nullopt);
    else if (from == "refused"_L1)
        prepared = ledger.recordRefused(*id, u"422 Unexpected inputs provided: [\"patch\"]"_s);
    else if (from == "unknown"_L1)
        prepared = ledger.recordUnknown(*id, u"timed out; look for the run"_s, serverDate);
    QVERIFY2(prepared, qPrintable(ledger.errorString()));
    const std::optional<LedgerEntry> before = ledger.entry(*id);
    QVERIFY(before);
    QCOMPARE(rc::ledger::stateName(before->state), from.section(u'-', 0, 0));

    bool ok = false;
    if (action == "sent"_L1)
        ok = ledger.recordSent(*id, 222, otherRunUrl, std::nullopt);
    else if (action == "refused"_L1)
        ok = ledger.recordRefused(*id, u"403 Resource not accessible"_s);
    else if (action == "unknown"_L1)
        ok = ledger.recordUnknown(*id, u"502; look for runs since t0"_s, std::nullopt);
    else if (action == "run-found"_L1)
        ok = ledger.recordRunFound(*id, 222, otherRunUrl);
    else if (action == "run-found-same"_L1)
        ok = ledger.recordRunFound(*id, 111, QUrl(u"https://github.com/o/r/actions/runs/111?x"_s));
    QCOMPARE(ok, accepted);

    const std::optional<LedgerEntry> after = ledger.entry(*id);
    QVERIFY(after);
    QCOMPARE(rc::ledger::stateName(after->state), expectedState);
    if (!accepted) {
        QVERIFY(ledger.errorString().contains(QString::number(*id)));
        QVERIFY2(ledger.errorString().contains(rc::ledger::stateName(before->state)),
                 qPrintable(ledger.errorString()));
        QVERIFY(after == before);  // untouched, updatedAt included
        return;
    }
    QCOMPARE_GT(after->updatedAt, before->updatedAt);
    QCOMPARE(after->createdAt, before->createdAt);
    if (action == "refused"_L1)
        QCOMPARE(after->stateDetail, u"403 Resource not accessible"_s);
    if (action == "unknown"_L1) {
        QCOMPARE(after->stateDetail, u"502; look for runs since t0"_s);
        QVERIFY(after->serverDate == before->serverDate);  // absent: the earlier one is kept
    }
    if (action == "sent"_L1 || action == "run-found"_L1) {
        QCOMPARE(after->runId.value_or(-1), qint64(222));
        QCOMPARE(after->runUrl, otherRunUrl);
        QVERIFY(after->stateDetail.isEmpty());
    }
    if (action == "run-found-same"_L1) {
        QCOMPARE(after->runId.value_or(-1), qint64(111));
        QCOMPARE(after->runUrl, QUrl(u"https://github.com/o/r/actions/runs/111?x"_s));
        QVERIFY(after->serverDate == serverDate);
    }
}

void TestReleaseLedger::missingIdRefused()
{
    ReleaseLedger ledger(m_dir.filePath(u"missing.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const QUrl runUrl(u"https://github.com/o/r/actions/runs/1"_s);
    const QList<std::function<bool()>> calls {
        [&] { return ledger.recordSent(4242, 1, runUrl, std::nullopt); },
        [&] { return ledger.recordRefused(4242, u"no"_s); },
        [&] { return ledger.recordUnknown(4242, u"look"_s, std::nullopt); },
        [&] { return ledger.recordRunFound(4242, 1, runUrl); },
    };
    for (const auto &call : calls) {
        QVERIFY(!call());
        QVERIFY2(ledger.errorString().contains(u"no entry 4242"_s),
                 qPrintable(ledger.errorString()));
        QVERIFY(ledger.errorString().contains(ledger.path()));
    }
    QVERIFY(!ledger.entry(4242));
    QVERIFY(ledger.entries().isEmpty());
}

void TestReleaseLedger::refusesOversizedInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("body") << u"body"_s << u"1048577 bytes"_s;
    QTest::newRow("profile") << u"profile"_s << u"profile has 1025 characters"_s;
    QTest::newRow("version") << u"version"_s << u"version has 1025 characters"_s;
    QTest::newRow("url") << u"url"_s << u"url has 8193 characters"_s;
    QTest::newRow("endpoint") << u"endpoint"_s << u"endpoint has 8193 characters"_s;
    QTest::newRow("install line") << u"installLine"_s << u"install line has 8193 characters"_s;
}

void TestReleaseLedger::refusesOversizedInput()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    ReleaseLedger ledger(m_dir.filePath(u"oversized.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const qsizetype countBefore = ledger.entries().size();

    LedgerEntry entry = sampleEntry();
    const QString longShort(ReleaseLedger::maxShortTextLength + 1, u'x');
    const QString longLong(ReleaseLedger::maxLongTextLength + 1, u'x');
    if (field == "body"_L1)
        entry.body = QByteArray(ReleaseLedger::maxBodyBytes + 1, 'b');
    else if (field == "profile"_L1)
        entry.profile = longShort;
    else if (field == "version"_L1)
        entry.version = longShort;
    else if (field == "url"_L1)
        entry.url = longLong;
    else if (field == "endpoint"_L1)
        entry.endpoint = longLong;
    else if (field == "installLine"_L1)
        entry.installLine = longLong;

    QVERIFY(!ledger.recordSending(entry));
    QVERIFY2(ledger.errorString().contains(expected), qPrintable(ledger.errorString()));
    QVERIFY(ledger.errorString().contains(ledger.path()));
    QCOMPARE(ledger.entries().size(), countBefore);
}

void TestReleaseLedger::acceptsInputAtTheLimits()
{
    ReleaseLedger ledger(m_dir.filePath(u"limits.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    LedgerEntry entry = sampleEntry(QString(ReleaseLedger::maxShortTextLength, u'p'));
    QRandomGenerator rng(7);
    entry.body = randomBytes(rng, ReleaseLedger::maxBodyBytes);
    entry.installLine = QString(ReleaseLedger::maxLongTextLength, u'i');
    const std::optional<qint64> id = ledger.recordSending(entry);
    QVERIFY2(id, qPrintable(ledger.errorString()));
    const std::optional<LedgerEntry> stored = ledger.entry(*id);
    QVERIFY(stored);
    QCOMPARE(stored->body, entry.body);
    QCOMPARE(stored->profile, entry.profile);
    QCOMPARE(stored->installLine, entry.installLine);
}

void TestReleaseLedger::refusesBadRunValues()
{
    ReleaseLedger ledger(m_dir.filePath(u"bad-run.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const std::optional<qint64> id = ledger.recordSending(sampleEntry());
    QVERIFY(id);
    const LedgerEntry before = *ledger.entry(*id);

    QVERIFY(!ledger.recordSent(*id, 0, QUrl(), std::nullopt));
    QVERIFY2(ledger.errorString().contains(u"not a run id"_s), qPrintable(ledger.errorString()));
    QVERIFY(!ledger.recordSent(*id, 5, QUrl(u"javascript:alert(1)"_s), std::nullopt));
    QVERIFY2(ledger.errorString().contains(u"http(s)"_s), qPrintable(ledger.errorString()));
    QVERIFY(!ledger.recordRunFound(*id, -3, QUrl()));
    QVERIFY(!ledger.recordRunFound(
        *id, 5, QUrl(u"https://github.com/"_s + QString(ReleaseLedger::maxLongTextLength, u'r'))));
    QVERIFY2(ledger.errorString().contains(u"longer than"_s), qPrintable(ledger.errorString()));
    QVERIFY(*ledger.entry(*id) == before);
}

void TestReleaseLedger::cutsLongDetail()
{
    ReleaseLedger ledger(m_dir.filePath(u"detail.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const std::optional<qint64> id = ledger.recordSending(sampleEntry());
    QVERIFY(id);
    // 😀 is two UTF-16 units: the cut must not leave half of one.
    const QString detail = u"422 "_s +
        QString(ReleaseLedger::maxDetailLength, u'x')
            .replace(ReleaseLedger::maxDetailLength - 6, 2, u"😀"_s);
    QVERIFY2(ledger.recordRefused(*id, detail), qPrintable(ledger.errorString()));
    const QString stored = ledger.entry(*id)->stateDetail;
    QCOMPARE_LE(stored.size(), ReleaseLedger::maxDetailLength);
    QVERIFY(stored.startsWith(u"422 xxx"_s));
    QVERIFY(stored.endsWith(u'…'));
    QVERIFY(!stored.at(stored.size() - 2).isHighSurrogate());
    QCOMPARE(QString::fromUtf8(stored.toUtf8()), stored);
}

void TestReleaseLedger::refusesInvalidClock()
{
    ReleaseLedger ledger(m_dir.filePath(u"clock.sqlite"_s), [] { return QDateTime(); });
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    QVERIFY(!ledger.recordSending(sampleEntry()));
    QVERIFY2(ledger.errorString().contains(u"clock"_s), qPrintable(ledger.errorString()));
    QVERIFY(ledger.entries().isEmpty());
}

void TestReleaseLedger::entriesOrderFilterLimit()
{
    // A clock going backwards: the order is the order of recording all the same.
    QDateTime time = utc(2030, 1, 1, 0, 0, 0, 0);
    ReleaseLedger ledger(m_dir.filePath(u"order.sqlite"_s), [&time] {
        time = time.addSecs(-60);
        return time;
    });
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    QList<qint64> ids;
    for (const QString &profile : {u"a"_s, u"b"_s, u"a"_s, u"b"_s, u"a"_s}) {
        const std::optional<qint64> id = ledger.recordSending(sampleEntry(profile));
        QVERIFY2(id, qPrintable(ledger.errorString()));
        ids.append(*id);
    }
    const auto idsOf = [](const QList<LedgerEntry> &entries) {
        QList<qint64> result;
        for (const LedgerEntry &entry : entries)
            result.append(entry.id);
        return result;
    };
    QCOMPARE(idsOf(ledger.entries()), (QList<qint64> {ids[4], ids[3], ids[2], ids[1], ids[0]}));
    QCOMPARE(idsOf(ledger.entries({}, 0)), idsOf(ledger.entries()));
    QCOMPARE(idsOf(ledger.entries({}, 2)), (QList<qint64> {ids[4], ids[3]}));
    QCOMPARE(idsOf(ledger.entries(u"a"_s)), (QList<qint64> {ids[4], ids[2], ids[0]}));
    QCOMPARE(idsOf(ledger.entries(u"b"_s)), (QList<qint64> {ids[3], ids[1]}));
    QCOMPARE(idsOf(ledger.entries(u"b"_s, 1)), (QList<qint64> {ids[3]}));
    QCOMPARE(idsOf(ledger.entries(u"a"_s, 10)), (QList<qint64> {ids[4], ids[2], ids[0]}));
    QVERIFY(ledger.entries(u"nobody"_s).isEmpty());
    QVERIFY(ledger.entries(u"A"_s).isEmpty());
    for (const LedgerEntry &entry : ledger.entries(u"b"_s))
        QCOMPARE(entry.profile, u"b"_s);
}

void TestReleaseLedger::unresolvedOldestFirst()
{
    ReleaseLedger ledger(m_dir.filePath(u"unresolved.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids.append(ledger.recordSending(sampleEntry()).value_or(-1));
    QVERIFY(!ids.contains(-1));
    QVERIFY(ledger.recordSent(ids[1], 11, QUrl(), std::nullopt));
    QVERIFY(ledger.recordUnknown(ids[2], u"timeout"_s, std::nullopt));
    QVERIFY(ledger.recordRefused(ids[3], u"422"_s));
    QVERIFY(ledger.recordUnknown(ids[4], u"502"_s, std::nullopt));
    QVERIFY(ledger.recordRunFound(ids[4], 44, QUrl()));

    QList<qint64> unresolved;
    for (const LedgerEntry &entry : ledger.unresolved()) {
        QVERIFY(entry.state == DispatchState::Sending || entry.state == DispatchState::Unknown);
        unresolved.append(entry.id);
    }
    QCOMPARE(unresolved, (QList<qint64> {ids[0], ids[2], ids[5]}));
}

void TestReleaseLedger::persistsAcrossReopen()
{
    const QString path = m_dir.filePath(u"reopen.sqlite"_s);
    QList<LedgerEntry> written;
    qint64 lastId = 0;
    {
        ReleaseLedger ledger(path);
        QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
        const std::optional<qint64> first = ledger.recordSending(sampleEntry(u"one"_s));
        const std::optional<qint64> second = ledger.recordSending(sampleEntry(u"two"_s));
        QVERIFY(first && second);
        QVERIFY(ledger.recordSent(*first, 5, QUrl(u"https://github.com/o/r/actions/runs/5"_s),
                                  QDateTime::currentDateTimeUtc()));
        QVERIFY(ledger.recordUnknown(*second, u"timeout"_s, std::nullopt));
        written = ledger.entries();
        lastId = *second;
    }
    ReleaseLedger reopened(path);
    QVERIFY2(reopened.isOpen(), qPrintable(reopened.errorString()));
    QCOMPARE(reopened.entries().size(), 2);
    QVERIFY(reopened.entries() == written);
    const std::optional<qint64> third = reopened.recordSending(sampleEntry(u"three"_s));
    QVERIFY(third);
    QCOMPARE_GT(*third, lastId);
    QCOMPARE(reopened.unresolved().size(), 2);
}

// What a writer killed between creating the file and its first commit leaves behind.
void TestReleaseLedger::emptyFileIsANewLedger()
{
    const QString path = m_dir.filePath(u"empty.sqlite"_s);
    QVERIFY(writeFile(path, QByteArray()));
    ReleaseLedger ledger(path);
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    QVERIFY(ledger.recordSending(sampleEntry()));
    QCOMPARE(ledger.entries().size(), 1);
}

void TestReleaseLedger::twoInstancesOnOneFile()
{
    const QString path = m_dir.filePath(u"shared.sqlite"_s);
    const qsizetype connectionsBefore = QSqlDatabase::connectionNames().size();
    auto window = std::make_unique<ReleaseLedger>(path);
    auto cli = std::make_unique<ReleaseLedger>(path);
    QVERIFY2(window->isOpen(), qPrintable(window->errorString()));
    QVERIFY2(cli->isOpen(), qPrintable(cli->errorString()));
    QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore + 2);

    const std::optional<qint64> fromWindow = window->recordSending(sampleEntry(u"window"_s));
    QVERIFY(fromWindow);
    QVERIFY(cli->entry(*fromWindow));
    QCOMPARE(cli->entry(*fromWindow)->profile, u"window"_s);
    QVERIFY2(cli->recordSent(*fromWindow, 77, QUrl(), std::nullopt),
             qPrintable(cli->errorString()));
    QCOMPARE(window->entry(*fromWindow)->runId.value_or(-1), qint64(77));
    QVERIFY(!window->recordRefused(*fromWindow, u"late"_s));

    const std::optional<qint64> fromCli = cli->recordSending(sampleEntry(u"cli"_s));
    QVERIFY(fromCli);
    QVERIFY(*fromCli != *fromWindow);
    QCOMPARE(window->entries().size(), 2);
    QCOMPARE(window->unresolved().size(), 1);

    window.reset();
    QVERIFY(cli->recordRefused(*fromCli, u"422"_s));
    QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore + 1);
    cli.reset();
    QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore);
}

void TestReleaseLedger::refusesNewerSchema()
{
    const QString folder = m_dir.filePath(u"newer"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/ledger.sqlite"_s;
    {
        RawDatabase raw(path);
        QVERIFY2(raw.exec(u"CREATE TABLE dispatch (id INTEGER PRIMARY KEY, future TEXT)"_s),
                 qPrintable(raw.error()));
        QVERIFY(raw.exec(u"INSERT INTO dispatch (future) VALUES ('from the future')"_s));
        QVERIFY(raw.exec(u"PRAGMA application_id = %1"_s.arg(ReleaseLedger::applicationId)));
        QVERIFY(raw.exec(u"PRAGMA user_version = %1"_s.arg(ReleaseLedger::schemaVersion + 1)));
    }
    const QByteArray bytes = fileBytes(path);
    const QStringList files = filesIn(folder);
    QVERIFY(bytes.startsWith("SQLite format 3"));
    {
        ReleaseLedger ledger(path);
        QVERIFY(!ledger.isOpen());
        QVERIFY2(ledger.errorString().contains(u"newer version"_s),
                 qPrintable(ledger.errorString()));
        QVERIFY(
            ledger.errorString().contains(u"schema %1"_s.arg(ReleaseLedger::schemaVersion + 1)));
        QVERIFY(ledger.errorString().contains(u"left as it is"_s));
        QVERIFY(ledger.errorString().contains(QDir::toNativeSeparators(path)));
        QVERIFY(!ledger.recordSending(sampleEntry()));
        QVERIFY(!ledger.recordSent(1, 1, QUrl(), std::nullopt));
        QVERIFY(ledger.entries().isEmpty());
        QVERIFY(ledger.errorString().contains(u"newer version"_s));
    }
    QCOMPARE(fileBytes(path), bytes);
    QCOMPARE(filesIn(folder), files);
}

void TestReleaseLedger::refusesForeignFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    QRandomGenerator rng(42);
    const QByteArray garbage = randomBytes(rng, 8192);
    QTest::newRow("random bytes") << garbage << u"not an SQLite database"_s;
    QTest::newRow("one byte") << QByteArray("x") << u"not an SQLite database"_s;
    QTest::newRow("text") << QByteArray("dispatches:\n- id: 1\n") << u"not an SQLite database"_s;
    QTest::newRow("magic, then garbage") << QByteArray("SQLite format 3\0", 16) +
            QByteArray(4080, '\xab') << u"cannot be read as a release ledger"_s;

    // Another program's real SQLite database.
    const QString otherPath = m_dir.filePath(u"other-program.sqlite"_s);
    {
        RawDatabase raw(otherPath);
        QVERIFY(raw.exec(u"CREATE TABLE bookmarks (url TEXT)"_s));
        QVERIFY(raw.exec(u"INSERT INTO bookmarks VALUES ('https://example.invalid')"_s));
    }
    QTest::newRow("another program's database")
        << fileBytes(otherPath) << u"SQLite database of another program"_s;
}

void TestReleaseLedger::refusesForeignFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString folder =
        m_dir.filePath(u"foreign-"_s + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/ledger.sqlite"_s;
    QVERIFY(writeFile(path, bytes));
    {
        ReleaseLedger ledger(path);
        QVERIFY(!ledger.isOpen());
        QVERIFY2(ledger.errorString().contains(expected), qPrintable(ledger.errorString()));
        QVERIFY(ledger.errorString().contains(u"left as it is"_s));
        QVERIFY(ledger.errorString().contains(QDir::toNativeSeparators(path)));
        QVERIFY(!ledger.recordSending(sampleEntry()));
        QVERIFY(ledger.unresolved().isEmpty());
    }
    QCOMPARE(fileBytes(path), bytes);
    QCOMPARE(filesIn(folder), QStringList {u"ledger.sqlite"_s});
}

void TestReleaseLedger::unwritableLocation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("parent is a file") << u"parent-file"_s;
    QTest::newRow("path is a folder") << u"folder"_s;
    QTest::newRow("read-only folder") << u"read-only"_s;
}

void TestReleaseLedger::unwritableLocation()
{
    QFETCH(QString, kind);
    const QString base = m_dir.filePath(u"unwritable-"_s + kind);
    QString path;
    QString expected;
    bool expectOpen = false;
    if (kind == "parent-file"_L1) {
        QVERIFY(writeFile(base, "a plain file"));
        path = base + u"/sub/ledger.sqlite"_s;
        expected = u"cannot be created"_s;
    } else if (kind == "folder"_L1) {
        QVERIFY(QDir().mkpath(base + u"/ledger.sqlite"_s));
        path = base + u"/ledger.sqlite"_s;
        expected = u"is a folder"_s;
    } else {
        QVERIFY(QDir().mkpath(base));
        QVERIFY(QFile::setPermissions(base, QFile::ReadOwner | QFile::ExeOwner));
        path = base + u"/ledger.sqlite"_s;
        expected = u"not writable"_s;
        // Root (as in some CI containers) writes anywhere: then the ledger must simply work.
        expectOpen = writeFile(base + u"/probe"_s, "probe");
        QFile::remove(base + u"/probe"_s);
    }
    {
        ReleaseLedger ledger(path);
        if (expectOpen) {
            QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
            QVERIFY(ledger.recordSending(sampleEntry()));
        } else {
            QVERIFY(!ledger.isOpen());
            QVERIFY2(ledger.errorString().contains(expected), qPrintable(ledger.errorString()));
            QVERIFY(!ledger.recordSending(sampleEntry()));
            QVERIFY(ledger.errorString().contains(expected));
        }
    }
    QFile::setPermissions(base, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// A file as version 1 of the ledger made it: its exact schema, by raw SQL (never edit this, it
// stands for files in the field).
void TestReleaseLedger::migratesVersion1InPlace()
{
    const QString folder = m_dir.filePath(u"v1"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/ledger.sqlite"_s;
    const QByteArray body(
        "{\"ref\":\"main\",\"inputs\":{\"recipe\":\"pb11mpi\",\"patch\":\"a\\nb\"}}");
    {
        RawDatabase raw(path);
        const QStringList v1 {
            u"PRAGMA journal_mode = WAL"_s,
            u"CREATE TABLE dispatch ("
            "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "  profile TEXT NOT NULL,"
            "  recipe TEXT NOT NULL,"
            "  commit_sha TEXT NOT NULL,"
            "  version TEXT NOT NULL,"
            "  build TEXT NOT NULL,"
            "  channel TEXT NOT NULL,"
            "  label TEXT NOT NULL,"
            "  url TEXT NOT NULL,"
            "  sha256 TEXT NOT NULL,"
            "  endpoint TEXT NOT NULL,"
            "  body BLOB NOT NULL,"
            "  install_line TEXT NOT NULL,"
            "  state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'refused', 'unknown')),"
            "  state_detail TEXT NOT NULL DEFAULT '',"
            "  run_id INTEGER CHECK (run_id IS NULL OR run_id > 0),"
            "  run_url TEXT NOT NULL DEFAULT '',"
            "  created_at TEXT NOT NULL,"
            "  server_date TEXT,"
            "  updated_at TEXT NOT NULL"
            ")"_s,
            u"CREATE INDEX dispatch_by_profile ON dispatch (profile, id)"_s,
            u"CREATE INDEX dispatch_unresolved ON dispatch (id)"
            " WHERE state IN ('sending', 'unknown')"_s,
            u"PRAGMA application_id = %1"_s.arg(ReleaseLedger::applicationId),
            u"PRAGMA user_version = 1"_s,
            u"INSERT INTO dispatch (profile, recipe, commit_sha, version, build, channel, label,"
            " url, sha256, endpoint, body, install_line, state, state_detail, run_id, run_url,"
            " created_at, server_date, updated_at) VALUES ('p', 'pb11mpi', 'abc', '0.1', '1',"
            " 'robertodr', 'dev', 'https://x/t.tar.bz2', 'aa', 'POST https://x', X'%1',"
            " 'conda install pb11mpi=0.1=*_1', 'sent', '', 4242,"
            " 'https://github.com/o/r/actions/runs/4242', '2025-01-02T03:04:05.006Z',"
            " '2025-01-02T03:04:04.000Z', '2025-01-02T03:04:06.007Z')"_s.arg(
                QString::fromLatin1(body.toHex())),
            u"INSERT INTO dispatch (profile, recipe, commit_sha, version, build, channel, label,"
            " url, sha256, endpoint, body, install_line, state, state_detail, created_at,"
            " updated_at) VALUES ('q', 'r', 's', 'v', '2', 'c', 'l', 'u', 'h', 'e', X'00ff',"
            " 'i', 'unknown', 'timed out', '2025-01-03T00:00:00.000Z',"
            " '2025-01-03T00:00:01.000Z')"_s,
        };
        for (const QString &statement : v1)
            QVERIFY2(raw.exec(statement), qPrintable(raw.error()));
    }

    {
        ReleaseLedger ledger(path);
        QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
        const QList<LedgerEntry> entries = ledger.entries();
        QCOMPARE(entries.size(), 2);
        const LedgerEntry &sent = entries.at(1);
        QCOMPARE(sent.profile, u"p"_s);
        QCOMPARE(sent.body, body);
        QCOMPARE(sent.installLine, u"conda install pb11mpi=0.1=*_1"_s);
        QCOMPARE(rc::ledger::stateName(sent.state), u"sent"_s);
        QCOMPARE(sent.runId.value_or(-1), qint64(4242));
        QCOMPARE(sent.runUrl, QUrl(u"https://github.com/o/r/actions/runs/4242"_s));
        QCOMPARE(sent.createdAt, utc(2025, 1, 2, 3, 4, 5, 6));
        QCOMPARE(sent.serverDate.value_or(QDateTime()), utc(2025, 1, 2, 3, 4, 4, 0));
        QCOMPARE(sent.updatedAt, utc(2025, 1, 2, 3, 4, 6, 7));
        QVERIFY(!sent.runAttempt);
        QVERIFY(sent.runConclusion.isEmpty());
        QVERIFY(!sent.runCompletedAt);
        const LedgerEntry &unknown = entries.at(0);
        QCOMPARE(unknown.body, QByteArray("\x00\xff", 2));
        QCOMPARE(unknown.stateDetail, u"timed out"_s);
        QVERIFY(!unknown.runId);

        // A v1 run was never recorded as completed: it is watched again.
        QCOMPARE(ledger.unfinished().size(), 1);
        QCOMPARE(ledger.unfinished().first().id, sent.id);
        QCOMPARE(ledger.unresolved().size(), 1);
        QCOMPARE(ledger.unresolved().first().id, unknown.id);

        // And everything of version 2 works on it.
        PlatformRecord record;
        record.platformKey = u"build (ubuntu-latest)"_s;
        record.status = u"success"_s;
        QVERIFY2(ledger.recordPlatform(sent.id, record), qPrintable(ledger.errorString()));
        QVERIFY(ledger.recordRunCompleted(sent.id, u"success"_s, utc(2025, 1, 2, 4, 0, 0, 0)));
        QVERIFY(ledger.unfinished().isEmpty());
        QVERIFY(ledger.recordRunFound(unknown.id, 5, QUrl()));
        const std::optional<qint64> added = ledger.recordSending(sampleEntry());
        QVERIFY(added);
        QCOMPARE_GT(*added, unknown.id);
    }

    RawDatabase raw(path);
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), ReleaseLedger::schemaVersion);
    QCOMPARE(raw.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    QCOMPARE(raw.value(u"SELECT count(*) FROM platform"_s).toInt(), 1);
    QCOMPARE(raw.value(u"SELECT count(*) FROM dispatch"_s).toInt(), 3);
    QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'dispatch_unfinished'"_s)
                 .toInt(),
             1);
    // Opening it again migrates nothing twice.
    ReleaseLedger again(path);
    QVERIFY2(again.isOpen(), qPrintable(again.errorString()));
    QCOMPARE(again.entries().size(), 3);
    QCOMPARE(again.platforms(again.entries().at(2).id).size(), 1);
}

namespace {

// An entry Sent with run 100 + its id.
qint64 sentEntry(ReleaseLedger &ledger, const QString &profile = u"pb11mpi-dev"_s)
{
    const std::optional<qint64> id = ledger.recordSending(sampleEntry(profile));
    if (!id)
        return -1;
    if (!ledger.recordSent(*id, 100 + *id,
                           QUrl(u"https://github.com/o/r/actions/runs/%1"_s.arg(100 + *id)),
                           std::nullopt))
        return -1;
    return *id;
}

PlatformRecord platform(const QString &key, const QString &status, const QString &outcome = {})
{
    PlatformRecord record;
    record.platformKey = key;
    record.os = u"Linux"_s;
    record.variant = u"Python 3.12, mpich"_s;
    record.status = status;
    record.outcome = outcome;
    return record;
}

}  // namespace

void TestReleaseLedger::recordsPlatforms()
{
    FakeClock clock;
    ReleaseLedger ledger(m_dir.filePath(u"platforms.sqlite"_s), clock.clock());
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const qint64 id = sentEntry(ledger);
    const qint64 other = sentEntry(ledger);
    QVERIFY(id > 0 && other > 0);
    QVERIFY(ledger.platforms(id).isEmpty());

    PlatformRecord ubuntu = platform(u"build (ubuntu-latest, 3.12, mpich)"_s, u"in_progress"_s);
    ubuntu.startedAt = utc(2025, 3, 4, 6, 0, 0, 0);
    ubuntu.jobId = 555;
    ubuntu.htmlUrl = QUrl(u"https://github.com/o/r/actions/runs/1/job/555"_s);
    ubuntu.runAttempt = 1;
    PlatformRecord windows = platform(u"build (windows-2022, 3.13, msmpi)"_s, u"queued"_s);
    windows.os = u"Windows"_s;
    const QDateTime linuxTime = clock.next;
    QVERIFY2(ledger.recordPlatform(id, ubuntu), qPrintable(ledger.errorString()));
    QVERIFY2(ledger.recordPlatform(id, windows), qPrintable(ledger.errorString()));
    QVERIFY(ledger.recordPlatform(other,
                                  platform(u"build (ubuntu-latest, 3.12, mpich)"_s, u"failure"_s)));

    QList<PlatformRecord> stored = ledger.platforms(id);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).updatedAt, linuxTime);
    PlatformRecord expected = ubuntu;
    expected.updatedAt = linuxTime;
    QVERIFY(stored.at(0) == expected);
    QCOMPARE(stored.at(1).platformKey, windows.platformKey);
    QCOMPARE(stored.at(1).os, u"Windows"_s);
    QVERIFY(!stored.at(1).startedAt && !stored.at(1).jobId && stored.at(1).htmlUrl.isEmpty());

    // The same key again replaces every field and keeps its place; the other entry is untouched.
    PlatformRecord finished = ubuntu;
    finished.status = u"success"_s;
    finished.outcome = u"failure"_s;  // continue-on-error: the job's success is not the truth
    finished.completedAt = utc(2025, 3, 4, 6, 12, 30, 500);
    finished.htmlUrl = QUrl();
    finished.runAttempt = 2;
    const QDateTime finishedTime = clock.next;
    QVERIFY2(ledger.recordPlatform(id, finished), qPrintable(ledger.errorString()));
    stored = ledger.platforms(id);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).platformKey, ubuntu.platformKey);
    QCOMPARE(stored.at(0).status, u"success"_s);
    QCOMPARE(stored.at(0).outcome, u"failure"_s);
    QCOMPARE(stored.at(0).truth(), u"failure"_s);
    QCOMPARE(stored.at(0).completedAt.value_or(QDateTime()), *finished.completedAt);
    QCOMPARE(stored.at(0).durationMs().value_or(-1), qint64(750500));
    QVERIFY(stored.at(0).htmlUrl.isEmpty());
    QCOMPARE(stored.at(0).runAttempt.value_or(-1), 2);
    QCOMPARE(stored.at(0).updatedAt, finishedTime);
    QCOMPARE(ledger.platforms(other).size(), 1);
    QCOMPARE(ledger.platforms(other).first().status, u"failure"_s);
    QVERIFY(ledger.platforms(424242).isEmpty());

    const rc::ledger::PlatformsByEntry byEntry =
        ledger.platforms(QList<LedgerEntry> {*ledger.entry(id), *ledger.entry(other)});
    QCOMPARE(byEntry.size(), 2);
    QCOMPARE(byEntry.value(id), ledger.platforms(id));
    QCOMPARE(byEntry.value(other), ledger.platforms(other));

    // Recording a platform leaves the entry itself as it was.
    const LedgerEntry entry = *ledger.entry(id);
    QVERIFY(ledger.recordPlatform(id, windows));
    QVERIFY(*ledger.entry(id) == entry);
}

void TestReleaseLedger::refusesBadPlatforms_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no key") << u"key"_s << u"no platform key"_s;
    QTest::newRow("no status") << u"status"_s << u"no status"_s;
    QTest::newRow("long key") << u"long-key"_s << u"platform key has 1025 characters"_s;
    QTest::newRow("long variant") << u"long-variant"_s << u"variant has 1025 characters"_s;
    QTest::newRow("long outcome") << u"long-outcome"_s << u"outcome has 1025 characters"_s;
    QTest::newRow("invalid time") << u"time"_s << u"not a valid time"_s;
    QTest::newRow("job id 0") << u"job"_s << u"not a job id"_s;
    QTest::newRow("attempt 0") << u"attempt"_s << u"not a run attempt"_s;
    QTest::newRow("javascript URL") << u"url"_s << u"job URL is not an http(s) URL"_s;
    QTest::newRow("long URL") << u"long-url"_s << u"job URL is longer than"_s;
}

void TestReleaseLedger::refusesBadPlatforms()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    ReleaseLedger ledger(m_dir.filePath(u"bad-platforms.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const qint64 id = sentEntry(ledger);
    QVERIFY(id > 0);
    PlatformRecord record = platform(u"build"_s, u"queued"_s);
    const QString tooLong(ReleaseLedger::maxShortTextLength + 1, u'x');
    if (field == "key"_L1)
        record.platformKey.clear();
    else if (field == "status"_L1)
        record.status.clear();
    else if (field == "long-key"_L1)
        record.platformKey = tooLong;
    else if (field == "long-variant"_L1)
        record.variant = tooLong;
    else if (field == "long-outcome"_L1)
        record.outcome = tooLong;
    else if (field == "time"_L1)
        record.completedAt = QDateTime();
    else if (field == "job"_L1)
        record.jobId = 0;
    else if (field == "attempt"_L1)
        record.runAttempt = 0;
    else if (field == "url"_L1)
        record.htmlUrl = QUrl(u"javascript:alert(1)"_s);
    else if (field == "long-url"_L1)
        record.htmlUrl =
            QUrl(u"https://github.com/"_s + QString(ReleaseLedger::maxLongTextLength, u'r'));
    QVERIFY(!ledger.recordPlatform(id, record));
    QVERIFY2(ledger.errorString().contains(expected), qPrintable(ledger.errorString()));
    QVERIFY(ledger.errorString().contains(QString::number(id)));
    QVERIFY(ledger.platforms(id).isEmpty());
}

void TestReleaseLedger::platformNeedsARun_data()
{
    QTest::addColumn<QString>("from");
    QTest::newRow("sending") << u"sending"_s;
    QTest::newRow("sent without run") << u"sent-without-run"_s;
    QTest::newRow("refused") << u"refused"_s;
    QTest::newRow("unknown") << u"unknown"_s;
    QTest::newRow("missing") << u"missing"_s;
}

// What the watcher records exists only for a run: every run write is refused before one.
void TestReleaseLedger::platformNeedsARun()
{
    QFETCH(QString, from);
    ReleaseLedger ledger(m_dir.filePath(u"needs-run.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    qint64 id = ledger.recordSending(sampleEntry()).value_or(-1);
    QVERIFY(id > 0);
    if (from == "sent-without-run"_L1)
        QVERIFY(ledger.recordSent(id, std::nullopt, QUrl(), std::nullopt));
    else if (from == "refused"_L1)
        QVERIFY(ledger.recordRefused(id, u"422"_s));
    else if (from == "unknown"_L1)
        QVERIFY(ledger.recordUnknown(id, u"timeout"_s, std::nullopt));
    else if (from == "missing"_L1)
        id = 987654;
    const std::optional<LedgerEntry> before = ledger.entry(id);
    const QString expected = from == "missing"_L1 ? u"no entry 987654"_s : u"without a run"_s;
    const QList<std::function<bool()>> calls {
        [&] { return ledger.recordPlatform(id, platform(u"build"_s, u"queued"_s)); },
        [&] { return ledger.recordRunAttempt(id, 1); },
        [&] {
            return ledger.recordRunCompleted(id, u"success"_s, QDateTime::currentDateTimeUtc());
        },
    };
    for (const auto &call : calls) {
        QVERIFY(!call());
        QVERIFY2(ledger.errorString().contains(expected), qPrintable(ledger.errorString()));
    }
    QVERIFY(ledger.platforms(id).isEmpty());
    QVERIFY(ledger.entry(id) == before);
    QVERIFY(ledger.unfinished().isEmpty());
}

void TestReleaseLedger::boundsPlatformsPerEntry()
{
    const QString path = m_dir.filePath(u"many-platforms.sqlite"_s);
    ReleaseLedger ledger(path);
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const qint64 id = sentEntry(ledger);
    QVERIFY(id > 0);
    QVERIFY(ledger.recordPlatform(id, platform(u"job 0"_s, u"queued"_s)));
    {
        // The rest at once, by raw SQL: one commit instead of two thousand.
        RawDatabase raw(path);
        QVERIFY(raw.exec(u"BEGIN"_s));
        for (qsizetype i = 1; i < ReleaseLedger::maxPlatformsPerEntry; ++i)
            QVERIFY2(raw.exec(u"INSERT INTO platform (dispatch_id, platform_key, status,"
                              " updated_at) VALUES (%1, 'job %2', 'queued',"
                              " '2025-01-01T00:00:00.000Z')"_s.arg(id)
                                  .arg(i)),
                     qPrintable(raw.error()));
        QVERIFY(raw.exec(u"COMMIT"_s));
    }
    QCOMPARE(ledger.platforms(id).size(), ReleaseLedger::maxPlatformsPerEntry);
    QVERIFY(!ledger.recordPlatform(id, platform(u"one too many"_s, u"queued"_s)));
    QVERIFY2(ledger.errorString().contains(u"already has 2048 platforms"_s),
             qPrintable(ledger.errorString()));
    // A known platform still changes, and another entry has its own room.
    QVERIFY2(ledger.recordPlatform(id, platform(u"job 7"_s, u"success"_s)),
             qPrintable(ledger.errorString()));
    QCOMPARE(ledger.platforms(id).at(7).status, u"success"_s);
    const qint64 other = sentEntry(ledger);
    QVERIFY(ledger.recordPlatform(other, platform(u"one too many"_s, u"queued"_s)));
    QCOMPARE(ledger.platforms(id).size(), ReleaseLedger::maxPlatformsPerEntry);
}

void TestReleaseLedger::runAttemptAndCompletion()
{
    FakeClock clock;
    ReleaseLedger ledger(m_dir.filePath(u"completion.sqlite"_s), clock.clock());
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const qint64 id = sentEntry(ledger);
    QVERIFY(id > 0);
    QCOMPARE(ledger.unfinished().size(), 1);

    QVERIFY2(ledger.recordRunAttempt(id, 1), qPrintable(ledger.errorString()));
    QCOMPARE(ledger.entry(id)->runAttempt.value_or(-1), 1);
    const QDateTime completedAt(QDate(2025, 3, 4), QTime(8, 0, 0, 250),
                                QTimeZone::fromSecondsAheadOfUtc(3600));
    const QDateTime completionTime = clock.next;
    QVERIFY2(ledger.recordRunCompleted(id, u"failure"_s, completedAt),
             qPrintable(ledger.errorString()));
    LedgerEntry stored = *ledger.entry(id);
    QCOMPARE(stored.runConclusion, u"failure"_s);
    QCOMPARE(stored.runCompletedAt.value_or(QDateTime()), completedAt);
    QCOMPARE(stored.runCompletedAt->timeSpec(), Qt::UTC);
    QCOMPARE(stored.updatedAt, completionTime);
    QVERIFY(ledger.unfinished().isEmpty());

    // The same attempt again changes nothing; an older one is refused.
    QVERIFY(ledger.recordRunAttempt(id, 1));
    QVERIFY(*ledger.entry(id) == stored);
    QVERIFY(!ledger.recordRunAttempt(id, 0));
    QVERIFY2(ledger.errorString().contains(u"not a run attempt"_s),
             qPrintable(ledger.errorString()));

    // Re-run failed jobs: attempt 2 is being watched again, until it completes too.
    QVERIFY2(ledger.recordRunAttempt(id, 2), qPrintable(ledger.errorString()));
    stored = *ledger.entry(id);
    QCOMPARE(stored.runAttempt.value_or(-1), 2);
    QVERIFY(stored.runConclusion.isEmpty());
    QVERIFY(!stored.runCompletedAt);
    QCOMPARE(ledger.unfinished().size(), 1);
    QVERIFY(!ledger.recordRunAttempt(id, 1));
    QVERIFY2(ledger.errorString().contains(u"attempt 2"_s), qPrintable(ledger.errorString()));
    QVERIFY(*ledger.entry(id) == stored);
    QVERIFY(ledger.recordRunCompleted(id, u"success"_s, completedAt.addSecs(600)));
    QVERIFY(ledger.recordRunCompleted(id, u"cancelled"_s, completedAt.addSecs(700)));
    QCOMPARE(ledger.entry(id)->runConclusion, u"cancelled"_s);
    QCOMPARE(ledger.entry(id)->runAttempt.value_or(-1), 2);
    QVERIFY(ledger.unfinished().isEmpty());

    // Bad completions are refused and change nothing.
    stored = *ledger.entry(id);
    QVERIFY(!ledger.recordRunCompleted(id, QString(), completedAt));
    QVERIFY2(ledger.errorString().contains(u"conclusion is empty"_s),
             qPrintable(ledger.errorString()));
    QVERIFY(!ledger.recordRunCompleted(id, QString(ReleaseLedger::maxShortTextLength + 1, u'c'),
                                       completedAt));
    QVERIFY(!ledger.recordRunCompleted(id, u"success"_s, QDateTime()));
    QVERIFY2(ledger.errorString().contains(u"not a valid time"_s),
             qPrintable(ledger.errorString()));
    QVERIFY(*ledger.entry(id) == stored);
}

void TestReleaseLedger::unfinishedOldestFirst()
{
    ReleaseLedger ledger(m_dir.filePath(u"unfinished.sqlite"_s));
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(sentEntry(ledger));
    QVERIFY(!ids.contains(-1));
    const qint64 sending = ledger.recordSending(sampleEntry()).value_or(-1);
    const qint64 withoutRun = ledger.recordSending(sampleEntry()).value_or(-1);
    QVERIFY(ledger.recordSent(withoutRun, std::nullopt, QUrl(), std::nullopt));
    QVERIFY(ledger.recordRunCompleted(ids[1], u"success"_s, QDateTime::currentDateTimeUtc()));
    QVERIFY(ledger.recordRunCompleted(ids[3], u"failure"_s, QDateTime::currentDateTimeUtc()));
    QList<qint64> unfinished;
    for (const LedgerEntry &entry : ledger.unfinished()) {
        QCOMPARE(rc::ledger::stateName(entry.state), u"sent"_s);
        QVERIFY(entry.runId);
        unfinished.append(entry.id);
    }
    QCOMPARE(unfinished, (QList<qint64> {ids[0], ids[2], ids[4]}));
    QVERIFY(!unfinished.contains(sending));
    // A run found later for an unresolved dispatch is watched too.
    QVERIFY(ledger.recordRunFound(sending, 77, QUrl()));
    QCOMPARE(ledger.unfinished().last().id, sending);
}

void TestReleaseLedger::platformDuration()
{
    PlatformRecord record;
    QVERIFY(!record.durationMs());
    record.startedAt = utc(2025, 1, 1, 10, 0, 0, 0);
    QVERIFY(!record.durationMs());
    record.completedAt = utc(2025, 1, 1, 10, 42, 7, 5);
    QCOMPARE(record.durationMs().value_or(-1), qint64(42 * 60000 + 7005));
    record.completedAt = utc(2025, 1, 1, 9, 0, 0, 0);  // a clock gone wrong is no duration
    QVERIFY(!record.durationMs());
    record.completedAt = QDateTime();
    QVERIFY(!record.durationMs());
    QCOMPARE(record.truth(), QString());
    record.status = u"success"_s;
    QCOMPARE(record.truth(), u"success"_s);
    record.outcome = u"failure"_s;
    QCOMPARE(record.truth(), u"failure"_s);
}

void TestReleaseLedger::overallOutcome_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("hasRun");
    QTest::addColumn<QString>("conclusion");  // empty: not completed
    QTest::addColumn<QStringList>("truths");  // status/outcome per platform
    QTest::addColumn<QString>("expected");

    QTest::newRow("sending") << u"sending"_s << false << QString() << QStringList() << u"sending"_s;
    QTest::newRow("refused") << u"refused"_s << false << QString() << QStringList() << u"refused"_s;
    QTest::newRow("sent, no run") << u"sent"_s << false << QString() << QStringList()
                                  << u"unknown"_s;
    QTest::newRow("waiting for jobs")
        << u"sent"_s << true << QString() << QStringList() << u"running"_s;
    QTest::newRow("building") << u"sent"_s << true << QString()
                              << QStringList {u"in_progress/"_s, u"success/success"_s}
                              << u"running"_s;
    QTest::newRow("one failed while others build")
        << u"sent"_s << true << QString() << QStringList {u"in_progress/"_s, u"success/failure"_s}
        << u"failure"_s;
    QTest::newRow("all succeeded")
        << u"sent"_s << true << u"success"_s
        << QStringList {u"success/success"_s, u"success/success"_s} << u"success"_s;
    QTest::newRow("job success, build failure")
        << u"sent"_s << true << u"success"_s
        << QStringList {u"success/success"_s, u"success/failure"_s} << u"failure"_s;
    QTest::newRow("cancelled") << u"sent"_s << true << u"cancelled"_s
                               << QStringList {u"cancelled/"_s} << u"failure"_s;
    QTest::newRow("run failed, platforms fine")
        << u"sent"_s << true << u"failure"_s << QStringList {u"success/success"_s} << u"failure"_s;
    QTest::newRow("completed without platforms")
        << u"sent"_s << true << u"success"_s << QStringList() << u"success"_s;
    QTest::newRow("skipped helper")
        << u"sent"_s << true << u"success"_s << QStringList {u"skipped/"_s, u"success/success"_s}
        << u"success"_s;
}

void TestReleaseLedger::overallOutcome()
{
    QFETCH(QString, state);
    QFETCH(bool, hasRun);
    QFETCH(QString, conclusion);
    QFETCH(QStringList, truths);
    QFETCH(QString, expected);
    LedgerEntry entry = sampleEntry();
    entry.state = *rc::ledger::stateFromName(state);
    if (hasRun)
        entry.runId = 5;
    if (!conclusion.isEmpty()) {
        entry.runConclusion = conclusion;
        entry.runCompletedAt = utc(2025, 1, 1, 0, 0, 0, 0);
    }
    QList<PlatformRecord> platforms;
    for (const QString &truth : std::as_const(truths))
        platforms.append(platform(u"p%1"_s.arg(platforms.size()), truth.section(u'/', 0, 0),
                                  truth.section(u'/', 1, 1)));
    QCOMPARE(rc::ledger::overallOutcome(entry, platforms), expected);
}

namespace {

// The history the export tests write: a released entry with platforms, a refused one.
struct ExportFixture
{
    QList<LedgerEntry> entries;
    rc::ledger::PlatformsByEntry platforms;

    ExportFixture()
    {
        LedgerEntry released = sampleEntry(u"dev, \"quoted\"\nprofile"_s);
        released.id = 7;
        released.body = R"({"ref":"main","inputs":{"recipe":"pb11mpi","patch":"--- a\n+++ b\n"}})";
        released.installLine =
            u"conda install pb11mpi=0.1.0.dev10=*_1 -c robertodr/label/dev -c conda-forge"_s;
        released.state = DispatchState::Sent;
        released.runId = 9876543210;
        released.runUrl = QUrl(u"https://github.com/o/r/actions/runs/9876543210"_s);
        released.runAttempt = 2;
        released.runConclusion = u"success"_s;
        released.runCompletedAt = utc(2025, 3, 4, 7, 0, 0, 0);
        released.createdAt = utc(2025, 3, 4, 6, 0, 0, 1);
        released.serverDate = utc(2025, 3, 4, 6, 0, 0, 0);
        released.updatedAt = utc(2025, 3, 4, 7, 0, 1, 0);
        PlatformRecord ubuntu =
            platform(u"build (ubuntu-latest, 3.12, mpich)"_s, u"success"_s, u"success"_s);
        ubuntu.startedAt = utc(2025, 3, 4, 6, 1, 0, 0);
        ubuntu.completedAt = utc(2025, 3, 4, 6, 13, 20, 0);
        ubuntu.jobId = 31;
        ubuntu.htmlUrl = QUrl(u"https://github.com/o/r/actions/runs/9876543210/job/31"_s);
        ubuntu.runAttempt = 1;
        ubuntu.updatedAt = utc(2025, 3, 4, 6, 13, 21, 0);
        PlatformRecord windows =
            platform(u"build (windows-2022, 3.12, msmpi)"_s, u"success"_s, u"failure"_s);
        windows.os = u"Windows"_s;
        windows.updatedAt = utc(2025, 3, 4, 6, 20, 0, 0);
        platforms.insert(released.id, {ubuntu, windows});

        LedgerEntry refused = sampleEntry(u"other"_s);
        refused.id = 8;
        refused.body = QByteArray("\xff\xfe not UTF-8", 12);
        refused.state = DispatchState::Refused;
        refused.stateDetail = u"422 Unexpected inputs provided: [\"patch\"], sorry"_s;
        refused.createdAt = utc(2025, 3, 5, 0, 0, 0, 0);
        refused.updatedAt = utc(2025, 3, 5, 0, 0, 1, 0);
        entries = {released, refused};
    }
};

// RFC 4180, read back strictly: quoted fields may hold commas, quotes ("") and CRLF.
QList<QStringList> parseCsv(const QString &text, QString *problem)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    bool fieldStarted = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"' && !fieldStarted) {
            ++i;
            while (true) {
                if (i >= text.size()) {
                    *problem = u"unterminated quoted field"_s;
                    return {};
                }
                if (text.at(i) == u'"') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
            fieldStarted = true;
            if (i < text.size() && text.at(i) != u',' && text.at(i) != u'\r') {
                *problem = u"text after a quoted field at %1"_s.arg(i);
                return {};
            }
            continue;
        }
        if (c == u',') {
            row << field;
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n') {
                *problem = u"a CR without LF at %1"_s.arg(i);
                return {};
            }
            row << field;
            rows << row;
            row.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == u'\n' || c == u'"') {
            *problem = u"a bare LF or quote at %1"_s.arg(i);
            return {};
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    if (!row.isEmpty() || fieldStarted) {
        *problem = u"the last row has no CRLF"_s;
        return {};
    }
    return rows;
}

}  // namespace

void TestReleaseLedger::exportsJson()
{
    const ExportFixture fixture;
    const QByteArray bytes = rc::ledger::exportJson(fixture.entries, fixture.platforms);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root[u"format"_s].toString(), u"release-console-ledger"_s);
    QCOMPARE(root[u"formatVersion"_s].toInt(), 1);
    const QJsonArray entries = root[u"entries"_s].toArray();
    QCOMPARE(entries.size(), 2);

    const LedgerEntry &released = fixture.entries.at(0);
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first[u"id"_s].toInteger(), 7);
    QCOMPARE(first[u"profile"_s].toString(), released.profile);
    QCOMPARE(first[u"commit"_s].toString(), released.commitSha);
    QCOMPARE(first[u"version"_s].toString(), released.version);
    QCOMPARE(first[u"sha256"_s].toString(), released.sha256);
    QCOMPARE(first[u"body"_s].toString().toUtf8(), released.body);
    QCOMPARE(first[u"bodyBytes"_s].toInteger(), released.body.size());
    QCOMPARE(first[u"bodySha256"_s].toString(), sha256Hex(released.body));
    QVERIFY(!first.contains(u"bodyBase64"_s));
    QCOMPARE(first[u"installLine"_s].toString(), released.installLine);
    QCOMPARE(first[u"state"_s].toString(), u"sent"_s);
    QCOMPARE(first[u"runId"_s].toInteger(), 9876543210);
    QCOMPARE(first[u"runUrl"_s].toString(), released.runUrl.toString());
    QCOMPARE(first[u"runAttempt"_s].toInt(), 2);
    QCOMPARE(first[u"runConclusion"_s].toString(), u"success"_s);
    QCOMPARE(first[u"runCompletedAt"_s].toString(), u"2025-03-04T07:00:00.000Z"_s);
    QCOMPARE(first[u"createdAt"_s].toString(), u"2025-03-04T06:00:00.001Z"_s);
    QCOMPARE(first[u"serverDate"_s].toString(), u"2025-03-04T06:00:00.000Z"_s);
    QCOMPARE(first[u"outcome"_s].toString(), u"failure"_s);  // Windows' build failed
    const QJsonArray platforms = first[u"platforms"_s].toArray();
    QCOMPARE(platforms.size(), 2);
    const QJsonObject ubuntu = platforms.at(0).toObject();
    QCOMPARE(ubuntu[u"key"_s].toString(), u"build (ubuntu-latest, 3.12, mpich)"_s);
    QCOMPARE(ubuntu[u"os"_s].toString(), u"Linux"_s);
    QCOMPARE(ubuntu[u"variant"_s].toString(), u"Python 3.12, mpich"_s);
    QCOMPARE(ubuntu[u"status"_s].toString(), u"success"_s);
    QCOMPARE(ubuntu[u"outcome"_s].toString(), u"success"_s);
    QCOMPARE(ubuntu[u"startedAt"_s].toString(), u"2025-03-04T06:01:00.000Z"_s);
    QCOMPARE(ubuntu[u"completedAt"_s].toString(), u"2025-03-04T06:13:20.000Z"_s);
    QCOMPARE(ubuntu[u"durationMs"_s].toInteger(), 740000);
    QCOMPARE(ubuntu[u"jobId"_s].toInteger(), 31);
    QCOMPARE(ubuntu[u"runAttempt"_s].toInt(), 1);
    QVERIFY(ubuntu[u"htmlUrl"_s].toString().endsWith(u"/job/31"_s));
    const QJsonObject windows = platforms.at(1).toObject();
    QCOMPARE(windows[u"truth"_s].toString(), u"failure"_s);
    QVERIFY(windows[u"startedAt"_s].isNull());
    QVERIFY(windows[u"durationMs"_s].isNull());
    QVERIFY(windows[u"jobId"_s].isNull());

    const QJsonObject second = entries.at(1).toObject();
    QCOMPARE(second[u"state"_s].toString(), u"refused"_s);
    QCOMPARE(second[u"stateDetail"_s].toString(), fixture.entries.at(1).stateDetail);
    QCOMPARE(second[u"outcome"_s].toString(), u"refused"_s);
    QVERIFY(second[u"runId"_s].isNull());
    QVERIFY(second[u"runCompletedAt"_s].isNull());
    QVERIFY(second[u"serverDate"_s].isNull());
    // Bytes that are not UTF-8 are kept exactly, in base64.
    QVERIFY(second[u"body"_s].isNull());
    QCOMPARE(QByteArray::fromBase64(second[u"bodyBase64"_s].toString().toLatin1()),
             fixture.entries.at(1).body);
    QCOMPARE(second[u"platforms"_s].toArray().size(), 0);

    // Without the body (ledger list --json), the rest is the same.
    QJsonObject withoutBody = rc::ledger::entryToJson(released, fixture.platforms.value(7),
                                                      rc::ledger::BodyInJson::Omitted);
    QVERIFY(!withoutBody.contains(u"body"_s));
    withoutBody.insert(u"body"_s, first[u"body"_s]);
    QCOMPARE(withoutBody, first);

    const QByteArray empty = rc::ledger::exportJson({}, {});
    QCOMPARE(QJsonDocument::fromJson(empty).object()[u"entries"_s].toArray().size(), 0);
}

void TestReleaseLedger::exportsCsv()
{
    const ExportFixture fixture;
    const QByteArray bytes = rc::ledger::exportCsv(fixture.entries, fixture.platforms);
    const QString text = QString::fromUtf8(bytes);
    QCOMPARE(text.toUtf8(), bytes);
    QString problem;
    const QList<QStringList> rows = parseCsv(text, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows.at(0);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), header.size());
    QVERIFY(!header.contains(u"body"_s));
    const auto cell = [&](int row, const QString &column) {
        const qsizetype index = header.indexOf(column);
        return index < 0 ? u"<no column %1>"_s.arg(column) : rows.at(row).at(index);
    };
    const LedgerEntry &released = fixture.entries.at(0);
    QCOMPARE(cell(1, u"id"_s), u"7"_s);
    QCOMPARE(cell(1, u"profile"_s), released.profile);  // comma, quotes and a line break
    QCOMPARE(cell(1, u"commit"_s), released.commitSha);
    QCOMPARE(cell(1, u"install_line"_s), released.installLine);
    QCOMPARE(cell(1, u"body_sha256"_s), sha256Hex(released.body));
    QCOMPARE(cell(1, u"body_bytes"_s), QString::number(released.body.size()));
    QCOMPARE(cell(1, u"run_id"_s), u"9876543210"_s);
    QCOMPARE(cell(1, u"run_attempt"_s), u"2"_s);
    QCOMPARE(cell(1, u"run_conclusion"_s), u"success"_s);
    QCOMPARE(cell(1, u"run_completed_at"_s), u"2025-03-04T07:00:00.000Z"_s);
    QCOMPARE(cell(1, u"created_at"_s), u"2025-03-04T06:00:00.001Z"_s);
    QCOMPARE(cell(1, u"outcome"_s), u"failure"_s);
    QCOMPARE(cell(1, u"platforms"_s),
             u"build (ubuntu-latest, 3.12, mpich): success (740s); "
             "build (windows-2022, 3.12, msmpi): failure"_s);
    QCOMPARE(cell(2, u"state"_s), u"refused"_s);
    QCOMPARE(cell(2, u"state_detail"_s), fixture.entries.at(1).stateDetail);
    QCOMPARE(cell(2, u"run_id"_s), QString());
    QCOMPARE(cell(2, u"server_date"_s), QString());
    QCOMPARE(cell(2, u"body_bytes"_s), u"12"_s);
    // The body itself is not in it.
    QVERIFY(!bytes.contains("\"recipe\":\"pb11mpi\""));
    QVERIFY(!bytes.contains("not UTF-8"));

    const QList<QStringList> headerOnly =
        parseCsv(QString::fromUtf8(rc::ledger::exportCsv({}, {})), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(headerOnly.size(), 1);
    QCOMPARE(headerOnly.first(), header);
}

void TestReleaseLedger::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"pb11mpi"_s << u"pb11mpi"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces and semicolons") << u"a b; c"_s << u"a b; c"_s;
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("LF") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::newRow("CR") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("only a quote") << u"\""_s << u"\"\"\"\""_s;
    QTest::newRow("unicode") << u"räksmörgås 🚀"_s << u"räksmörgås 🚀"_s;
    QTest::newRow("formula") << u"=HYPERLINK(\"http://x\")"_s
                             << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
    QTest::newRow("plus") << u"+1"_s << u"'+1"_s;
    QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
    QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::newRow("leading tab") << u"\t=1"_s << u"'\t=1"_s;
    QTest::newRow("equals inside is text") << u"a=b"_s << u"a=b"_s;
}

void TestReleaseLedger::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(rc::ledger::csvField(value), expected);
}

void TestReleaseLedger::prettyJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");  // empty: not JSON
    QTest::newRow("dispatch body")
        << QByteArray(R"({"ref":"main","inputs":{"version":"1.0","build":"1"}})")
        << u"{\n  \"ref\": \"main\",\n  \"inputs\": {\n    \"version\": \"1.0\",\n"
           "    \"build\": \"1\"\n  }\n}"_s;
    QTest::newRow("keys keep their order")
        << QByteArray(R"({"z":1,"a":2})") << u"{\n  \"z\": 1,\n  \"a\": 2\n}"_s;
    QTest::newRow("strings kept exactly")
        << QByteArray(R"({"patch":"a,b:{c}[d] \"e\" \\ \n\u00e9 ","n":1.50e3})")
        << u"{\n  \"patch\": \"a,b:{c}[d] \\\"e\\\" \\\\ \\n\\u00e9 \",\n  \"n\": 1.50e3\n}"_s;
    QTest::newRow("empty containers and arrays")
        << QByteArray("{ \"a\" : [ ] , \"b\" : { } , \"c\" : [1, [true, null]] }")
        << u"{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    [\n      true,\n      null\n"
           "    ]\n  ]\n}"_s;
    QTest::newRow("not JSON") << QByteArray("{\"a\":") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("two documents") << QByteArray("{}{}") << QString();
}

void TestReleaseLedger::prettyJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const std::optional<QString> pretty = rc::ledger::prettyJsonText(json);
    if (expected.isEmpty()) {
        QVERIFY(!pretty);
        return;
    }
    QVERIFY(pretty);
    QCOMPARE(*pretty, expected);
    QCOMPARE(QJsonDocument::fromJson(pretty->toUtf8()), QJsonDocument::fromJson(json));
}

// The writer child is killed with SIGKILL after a random number of its lines (0 included: before
// it even opened the file), so most kills land inside its next transaction: a dispatch, a run
// attempt, a platform or a completion. After each kill the file must open, pass integrity_check
// and hold every write the child reported. 100 rounds, as issue 9 asks.
void TestReleaseLedger::survivesKillAtAnyMoment()
{
    const QString path = m_dir.filePath(u"crash/ledger.sqlite"_s);
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator rng(seed);
    const QByteArray seedNote = "seed " + QByteArray::number(seed);
    Confirmed confirmed;
    constexpr int rounds = 100;
    int unfinishedSeen = 0;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round) {
        // Rounds 0 and 1 kill before any line and right after "opened"; the rest at random,
        // within about two entries of nine writes each.
        const int linesBeforeKill = round < 2 ? round : int(rng.bounded(1, 20));
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QCoreApplication::applicationFilePath(),
                     {QString::fromLatin1(kWriterFlag), path, QString::number(rng.generate())});
        QVERIFY2(writer.waitForStarted(kWaitMs), qPrintable(writer.errorString()));
        int lines = 0;
        int committedLines = 0;
        QString problem;
        while (lines < linesBeforeKill) {
            if (!writer.canReadLine()) {
                // QVERIFY2 evaluates its message every time: no readAll() in it.
                if (!writer.waitForReadyRead(kWaitMs))
                    QFAIL(QByteArray(seedNote + ", round " + QByteArray::number(round) +
                                     ": the writer stopped after " + QByteArray::number(lines) +
                                     " lines: " + writer.readAll())
                              .constData());
                continue;
            }
            QVERIFY2(takeLine(writer.readLine(), confirmed, committedLines, problem),
                     qPrintable(problem));
            ++lines;
        }
        writer.kill();
        QVERIFY(writer.waitForFinished(kWaitMs));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        // Lines printed before the kill landed are promises too.
        while (writer.canReadLine())
            QVERIFY2(takeLine(writer.readLine(), confirmed, committedLines, problem),
                     qPrintable(problem));

        ReleaseLedger ledger(path);
        QVERIFY2(ledger.isOpen(),
                 QByteArray(seedNote + ": " + ledger.errorString().toUtf8()).constData());
        {
            RawDatabase raw(path);
            QCOMPARE(raw.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
            QCOMPARE(raw.value(u"PRAGMA foreign_key_check"_s), QVariant());
        }
        for (auto it = confirmed.cbegin(); it != confirmed.cend(); ++it) {
            const QString missing = missingStep(ledger, it.key(), it.value());
            QVERIFY2(missing.isEmpty(), QByteArray(seedNote + ": " + missing.toUtf8()).constData());
        }
        // Each killed writer leaves at most the one dispatch it was sending or watching.
        QCOMPARE_LE(ledger.unresolved().size() + ledger.unfinished().size(), round + 1);
        unfinishedSeen = int(ledger.unfinished().size());
    }
    qInfo("%d rounds in %lld ms, %lld entries confirmed", rounds, timer.elapsed(),
          qint64(confirmed.size()));
    QCOMPARE_GE(confirmed.size(), rounds / 2);
    // Kills landed between a dispatch's writes, and inside the watching of its run.
    ReleaseLedger ledger(path);
    QCOMPARE_GT(ledger.unresolved().size(), 0);
    QCOMPARE_GT(unfinishedSeen, 0);
}

void TestReleaseLedger::writesWhileAnotherProcessWrites()
{
    const QString path = m_dir.filePath(u"concurrent/ledger.sqlite"_s);
    ReleaseLedger ledger(path);
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));

    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QCoreApplication::applicationFilePath(),
                 {QString::fromLatin1(kWriterFlag), path, u"1"_s});
    QVERIFY2(writer.waitForStarted(kWaitMs), qPrintable(writer.errorString()));
    Confirmed confirmed;
    int committedLines = 0;
    QString problem;
    const auto readUntil = [&](int wanted) {
        while (committedLines < wanted) {
            if (!writer.canReadLine()) {
                if (!writer.waitForReadyRead(kWaitMs))
                    return false;
                continue;
            }
            if (!takeLine(writer.readLine(), confirmed, committedLines, problem))
                return false;
        }
        return true;
    };
    QVERIFY2(readUntil(4), qPrintable(problem));

    QList<qint64> ours;
    for (int i = 0; i < 40; ++i) {
        const std::optional<qint64> id = ledger.recordSending(sampleEntry(u"parent"_s));
        QVERIFY2(id, qPrintable(ledger.errorString()));
        QVERIFY2(ledger.recordSent(*id, 1 + i, QUrl(), std::nullopt),
                 qPrintable(ledger.errorString()));
        ours.append(*id);
    }
    // The writer is still writing after all of that.
    QVERIFY2(readUntil(committedLines + 4), qPrintable(problem));
    writer.kill();
    QVERIFY(writer.waitForFinished(kWaitMs));

    for (const qint64 id : std::as_const(ours)) {
        QVERIFY(!confirmed.contains(id));
        const std::optional<LedgerEntry> stored = ledger.entry(id);
        QVERIFY(stored);
        QCOMPARE(stored->profile, u"parent"_s);
        QCOMPARE(rc::ledger::stateName(stored->state), u"sent"_s);
    }
    for (auto it = confirmed.cbegin(); it != confirmed.cend(); ++it)
        QCOMPARE(ledger.entry(it.key())->profile, u"writer"_s);
    QCOMPARE(ledger.entries(u"parent"_s).size(), 40);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], kWriterFlag) == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toUInt());
    TestReleaseLedger test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_releaseledger.moc"

void TestReleaseLedger::stepDurationsTimeLaterRuns()
{
    FakeClock clock;
    ReleaseLedger ledger(m_dir.filePath(u"steps.sqlite"_s), clock.clock());
    QVERIFY2(ledger.isOpen(), qPrintable(ledger.errorString()));
    const QString linux = u"build (ubuntu-latest, 3.12, mpich)"_s;
    const QString windows = u"build (windows-2022, 3.13, msmpi)"_s;
    const QString build = u"Build and upload with conda-build"_s;
    QList<qint64> ids;
    for (const qint64 seconds : {10, 20, 30, 40, 50, 60}) {  // oldest first
        const qint64 id = sentEntry(ledger);
        QVERIFY(id > 0);
        ids << id;
        QVERIFY2(ledger.recordStepDurations(id, linux,
                                            {{linux, u"Set up job"_s, 3}, {linux, build, seconds}}),
                 qPrintable(ledger.errorString()));
    }
    QVERIFY(ledger.recordStepDurations(ids.first(), windows, {{windows, build, 600}}));
    // Another profile's runs do not count.
    const qint64 other = sentEntry(ledger, u"other-profile"_s);
    QVERIFY(ledger.recordStepDurations(other, linux, {{linux, build, 9999}}));

    // The median of the newest five: 20, 30, 40, 50, 60.
    const QList<StepDuration> typical = ledger.typicalStepDurations(u"pb11mpi-dev"_s);
    const QList<StepDuration> expected {
        {linux, build, 40}, {linux, u"Set up job"_s, 3}, {windows, build, 600}};
    QCOMPARE(typical, expected);
    QCOMPARE(ledger.typicalStepDurations(u"other-profile"_s),
             (QList<StepDuration> {{linux, build, 9999}}));
    QVERIFY(ledger.typicalStepDurations(u"no-such-profile"_s).isEmpty());

    // A job recorded again (a re-run) replaces what the entry held for it.
    QVERIFY(ledger.recordStepDurations(ids.last(), linux, {{linux, build, 1000}}));
    QCOMPARE(ledger.stepDurations(ids.last()), (QList<StepDuration> {{linux, build, 1000}}));
    QCOMPARE(ledger.typicalStepDurations(u"pb11mpi-dev"_s).first().seconds, 40);  // 20..50, 1000

    // Kept across a reopen.
    ReleaseLedger again(ledger.path());
    QVERIFY(again.isOpen());
    QCOMPARE(again.stepDurations(ids.first()).size(), 3);
}

void TestReleaseLedger::refusesBadStepDurations()
{
    FakeClock clock;
    ReleaseLedger ledger(m_dir.filePath(u"bad-steps.sqlite"_s), clock.clock());
    QVERIFY(ledger.isOpen());
    const qint64 id = sentEntry(ledger);
    QVERIFY(id > 0);
    const QString job = u"build (ubuntu-latest, 3.12, mpich)"_s;
    const QString longName(ReleaseLedger::maxShortTextLength + 1, u'x');
    QVERIFY(!ledger.recordStepDurations(id, QString(), {{QString(), u"a"_s, 1}}));
    QVERIFY(!ledger.recordStepDurations(id, longName, {{longName, u"a"_s, 1}}));
    QVERIFY(!ledger.recordStepDurations(id, job, {{job, QString(), 1}}));
    QVERIFY(!ledger.recordStepDurations(id, job, {{job, u"a"_s, -1}}));
    QVERIFY(!ledger.recordStepDurations(id, job, {{job, u"a"_s, 24 * 3600 + 1}}));
    QList<StepDuration> tooMany;
    for (int i = 0; i <= ReleaseLedger::maxStepsPerJob; ++i)
        tooMany.append({job, u"step %1"_s.arg(i), 1});
    QVERIFY(!ledger.recordStepDurations(id, job, tooMany));
    QVERIFY(ledger.errorString().contains(u"steps"_s));
    // Only a dispatch that was sent has a run to time.
    const std::optional<qint64> sending = ledger.recordSending(sampleEntry());
    QVERIFY(sending);
    QVERIFY(!ledger.recordStepDurations(*sending, job, {{job, u"a"_s, 1}}));
    QVERIFY(ledger.stepDurations(id).isEmpty());
    QVERIFY(ledger.stepDurations(*sending).isEmpty());
    // A refused write left the good ones alone.
    QVERIFY(ledger.recordStepDurations(id, job, {{job, u"a"_s, 24 * 3600}}));
    QCOMPARE(ledger.stepDurations(id).size(), 1);
}
