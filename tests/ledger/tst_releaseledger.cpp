#include "ledger/releaseledger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
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
using rc::ledger::ReleaseLedger;

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

// The child: records dispatches as fast as it can and prints each one AFTER the call returned.
int runWriter(const QString &path, quint32 seed)
{
    QRandomGenerator rng(seed);
    ReleaseLedger ledger(path);
    if (!ledger.isOpen()) {
        printLine("error " + ledger.errorString().toUtf8() + '\n');
        return 2;
    }
    printLine("opened\n");
    for (int i = 0; i < kWriterIterations; ++i) {
        LedgerEntry entry = sampleEntry(u"writer"_s);
        entry.body = randomBytes(
            rng, i % 16 == 5 ? ReleaseLedger::maxBodyBytes : qsizetype(rng.bounded(64 * 1024)));
        entry.sha256 = sha256Hex(entry.body);
        const std::optional<qint64> id = ledger.recordSending(entry);
        if (!id) {
            printLine("error " + ledger.errorString().toUtf8() + '\n');
            return 3;
        }
        printLine("committed " + QByteArray::number(*id) + " sending\n");
        const QUrl runUrl(u"https://github.com/o/r/actions/runs/%1"_s.arg(kRunIdBase + *id));
        if (!ledger.recordSent(*id, kRunIdBase + *id, runUrl, QDateTime::currentDateTimeUtc())) {
            printLine("error " + ledger.errorString().toUtf8() + '\n');
            return 4;
        }
        printLine("committed " + QByteArray::number(*id) + " sent\n");
    }
    return 0;
}

// What the writer children said they committed: id → "sending" or "sent" (the latest).
using Confirmed = QHash<qint64, QString>;

// Reads one line of the writer; false (with `problem`) when it is not a line we expect.
bool takeLine(const QByteArray &line, Confirmed &confirmed, int &committedLines, QString &problem)
{
    const QList<QByteArray> words = line.trimmed().split(' ');
    if (words.size() == 1 && words.first() == "opened")
        return true;
    bool isNumber = false;
    const qint64 id = words.size() == 3 ? words.at(1).toLongLong(&isNumber) : 0;
    if (words.first() != "committed" || !isNumber ||
        (words.at(2) != "sending" && words.at(2) != "sent")) {
        problem = u"unexpected line from the writer: "_s + QString::fromUtf8(line);
        return false;
    }
    if (confirmed.value(id) != "sent"_L1)
        confirmed.insert(id, QString::fromLatin1(words.at(2)));
    ++committedLines;
    return true;
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
        QVERIFY(ledger.errorString().contains(u"schema 2"_s));
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

// The writer child is killed with SIGKILL after a random number of its lines (0 included: before
// it even opened the file), so most kills land inside its next transaction. After each kill the
// file must open, pass integrity_check and hold every write the child reported.
void TestReleaseLedger::survivesKillAtAnyMoment()
{
    const QString path = m_dir.filePath(u"crash/ledger.sqlite"_s);
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator rng(seed);
    const QByteArray seedNote = "seed " + QByteArray::number(seed);
    Confirmed confirmed;
    constexpr int rounds = 25;
    for (int round = 0; round < rounds; ++round) {
        // Rounds 0 and 1 kill before any line and right after "opened"; the rest at random.
        const int linesBeforeKill = round < 2 ? round : int(rng.bounded(1, 40));
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
        }
        for (auto it = confirmed.cbegin(); it != confirmed.cend(); ++it) {
            const std::optional<LedgerEntry> stored = ledger.entry(it.key());
            QVERIFY2(
                stored,
                QByteArray(seedNote + ": lost entry " + QByteArray::number(it.key())).constData());
            if (it.value() == "sent"_L1) {
                QCOMPARE(rc::ledger::stateName(stored->state), u"sent"_s);
                QCOMPARE(stored->runId.value_or(-1), kRunIdBase + it.key());
            } else {
                QVERIFY(stored->state == DispatchState::Sending ||
                        stored->state == DispatchState::Sent);
            }
            QCOMPARE(sha256Hex(stored->body), stored->sha256);
        }
        // Each killed writer leaves at most the one dispatch it was sending.
        QCOMPARE_LE(ledger.unresolved().size(), round + 1);
    }
    QCOMPARE_GE(confirmed.size(), rounds / 2);
    // Kills landed between a dispatch's two writes (about half the time, on 23 random rounds).
    ReleaseLedger ledger(path);
    QCOMPARE_GT(ledger.unresolved().size(), 0);
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
