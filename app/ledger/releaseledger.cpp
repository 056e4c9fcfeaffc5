// SPDX-License-Identifier: BSD-3-Clause
#include "ledger/releaseledger.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace rc::ledger {

using namespace Qt::StringLiterals;

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::ledger::ReleaseLedger)
};

constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);

// The schema, one step per version: step i brings a file from user_version i to i + 1, inside
// one transaction. To grow the schema append a step (and raise ReleaseLedger::schemaVersion);
// never edit a step that has shipped, files in the field were made by it.
QList<QStringList> migrationSteps()
{
    return {
        // 1: the dispatches.
        {
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
        },
        // 2: how the run went, per platform and as a whole.
        {
            u"ALTER TABLE dispatch ADD COLUMN run_attempt INTEGER"
            " CHECK (run_attempt IS NULL OR run_attempt > 0)"_s,
            u"ALTER TABLE dispatch ADD COLUMN run_conclusion TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE dispatch ADD COLUMN run_completed_at TEXT"_s,
            u"CREATE INDEX dispatch_unfinished ON dispatch (id)"
            " WHERE state = 'sent' AND run_id IS NOT NULL AND run_completed_at IS NULL"_s,
            u"CREATE TABLE platform ("
            "  dispatch_id INTEGER NOT NULL REFERENCES dispatch (id) ON DELETE CASCADE,"
            "  platform_key TEXT NOT NULL CHECK (platform_key <> ''),"
            "  os TEXT NOT NULL DEFAULT '',"
            "  variant TEXT NOT NULL DEFAULT '',"
            "  status TEXT NOT NULL CHECK (status <> ''),"
            "  outcome TEXT NOT NULL DEFAULT '',"
            "  started_at TEXT,"
            "  completed_at TEXT,"
            "  job_id INTEGER CHECK (job_id IS NULL OR job_id > 0),"
            "  html_url TEXT NOT NULL DEFAULT '',"
            "  run_attempt INTEGER CHECK (run_attempt IS NULL OR run_attempt > 0),"
            "  updated_at TEXT NOT NULL,"
            "  PRIMARY KEY (dispatch_id, platform_key)"
            ")"_s,
        },
        // 3: how long each step took, to time the polls of later runs.
        {
            u"CREATE TABLE step_duration ("
            "  dispatch_id INTEGER NOT NULL REFERENCES dispatch (id) ON DELETE CASCADE,"
            "  job_name TEXT NOT NULL CHECK (job_name <> ''),"
            "  step_name TEXT NOT NULL CHECK (step_name <> ''),"
            "  seconds INTEGER NOT NULL CHECK (seconds >= 0),"
            "  PRIMARY KEY (dispatch_id, job_name, step_name)"
            ")"_s,
        },
    };
}

constexpr auto kColumns =
    "id, profile, recipe, commit_sha, version, build, channel, label, url, sha256, endpoint,"
    " body, install_line, state, state_detail, run_id, run_url, created_at, server_date,"
    " updated_at, run_attempt, run_conclusion, run_completed_at"_L1;

constexpr auto kPlatformColumns =
    "dispatch_id, platform_key, os, variant, status, outcome, started_at, completed_at, job_id,"
    " html_url, run_attempt, updated_at"_L1;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString sqliteMessage(const QSqlError &error)
{
    QString message = error.databaseText().trimmed();
    if (message.isEmpty())
        message = error.driverText().trimmed();
    if (message.isEmpty())
        message = Text::tr("unknown SQLite error");
    while (message.endsWith(u'.'))
        message.chop(1);
    return message;
}

// Stored as ISO-8601 UTC with milliseconds ("2025-03-04T05:06:07.089Z"): readable with the
// sqlite3 CLI, sorts as text, and QDateTime has no finer precision to lose.
bool storable(const QDateTime &time)
{
    if (!time.isValid())
        return false;
    const int year = time.toUTC().date().year();
    return year >= 1 && year <= 9999;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromText(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QVariant serverDateValue(const std::optional<QDateTime> &date)
{
    if (date && storable(*date))
        return timeText(*date);
    return QVariant();
}

std::optional<QDateTime> optionalTime(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return timeFromText(value.toString());
}

template<class Number>
QVariant optionalValue(const std::optional<Number> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

QString urlText(const QUrl &url)
{
    return url.isEmpty() ? QString() : QString::fromUtf8(url.toEncoded());
}

// Empty when the URL may be stored (empty, or a valid http(s) URL of a bounded length).
QString httpUrlProblem(const QUrl &url, const QString &what)
{
    if (url.isEmpty())
        return {};
    if (!url.isValid() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1))
        return Text::tr("the %1 is not an http(s) URL").arg(what);
    if (url.toEncoded().size() > ReleaseLedger::maxLongTextLength)
        return Text::tr("the %1 is longer than %2 characters")
            .arg(what)
            .arg(ReleaseLedger::maxLongTextLength);
    return {};
}

QString runUrlProblem(const QUrl &url)
{
    return httpUrlProblem(url, Text::tr("run URL"));
}

// Empty when the platform may be recorded; otherwise what is wrong with it.
QString platformProblem(const PlatformRecord &record)
{
    if (record.platformKey.isEmpty())
        return Text::tr("it has no platform key");
    if (record.status.isEmpty())
        return Text::tr("it has no status");
    struct Field
    {
        QLatin1StringView name;
        const QString &value;
    };
    const Field fields[] = {
        {"platform key"_L1, record.platformKey}, {"os"_L1, record.os},
        {"variant"_L1, record.variant},          {"status"_L1, record.status},
        {"outcome"_L1, record.outcome},
    };
    for (const Field &field : fields) {
        if (field.value.size() > ReleaseLedger::maxShortTextLength)
            return Text::tr("its %1 has %2 characters, more than the %3 allowed")
                .arg(field.name)
                .arg(field.value.size())
                .arg(ReleaseLedger::maxShortTextLength);
    }
    if ((record.startedAt && !storable(*record.startedAt)) ||
        (record.completedAt && !storable(*record.completedAt)))
        return Text::tr("one of its times is not a valid time");
    if (record.jobId && *record.jobId <= 0)
        return Text::tr("%1 is not a job id").arg(*record.jobId);
    if (record.runAttempt && *record.runAttempt <= 0)
        return Text::tr("%1 is not a run attempt").arg(*record.runAttempt);
    return httpUrlProblem(record.htmlUrl, Text::tr("job URL"));
}

QString boundedDetail(const QString &detail)
{
    if (detail.size() <= ReleaseLedger::maxDetailLength)
        return detail;
    qsizetype keep = ReleaseLedger::maxDetailLength - 1;
    if (detail.at(keep - 1).isHighSurrogate())
        --keep;
    return detail.left(keep) + u'…';
}

// Empty when the entry may be recorded; otherwise what is wrong with it.
QString entryProblem(const LedgerEntry &entry)
{
    if (entry.body.size() > ReleaseLedger::maxBodyBytes)
        return Text::tr("its body is %1 bytes, more than the %2 an entry may hold")
            .arg(entry.body.size())
            .arg(ReleaseLedger::maxBodyBytes);
    struct Field
    {
        QLatin1StringView name;
        const QString &value;
        qsizetype cap;
    };
    const Field fields[] = {
        {"profile"_L1, entry.profile, ReleaseLedger::maxShortTextLength},
        {"recipe"_L1, entry.recipe, ReleaseLedger::maxShortTextLength},
        {"commit"_L1, entry.commitSha, ReleaseLedger::maxShortTextLength},
        {"version"_L1, entry.version, ReleaseLedger::maxShortTextLength},
        {"build"_L1, entry.build, ReleaseLedger::maxShortTextLength},
        {"channel"_L1, entry.channel, ReleaseLedger::maxShortTextLength},
        {"label"_L1, entry.label, ReleaseLedger::maxShortTextLength},
        {"sha256"_L1, entry.sha256, ReleaseLedger::maxShortTextLength},
        {"url"_L1, entry.url, ReleaseLedger::maxLongTextLength},
        {"endpoint"_L1, entry.endpoint, ReleaseLedger::maxLongTextLength},
        {"install line"_L1, entry.installLine, ReleaseLedger::maxLongTextLength},
    };
    for (const Field &field : fields) {
        if (field.value.size() > field.cap)
            return Text::tr("its %1 has %2 characters, more than the %3 allowed")
                .arg(field.name)
                .arg(field.value.size())
                .arg(field.cap);
    }
    return {};
}

LedgerEntry entryFromRow(const QSqlQuery &row)
{
    LedgerEntry entry;
    int column = 0;
    const auto next = [&] {
        return row.value(column++);
    };
    entry.id = next().toLongLong();
    entry.profile = next().toString();
    entry.recipe = next().toString();
    entry.commitSha = next().toString();
    entry.version = next().toString();
    entry.build = next().toString();
    entry.channel = next().toString();
    entry.label = next().toString();
    entry.url = next().toString();
    entry.sha256 = next().toString();
    entry.endpoint = next().toString();
    entry.body = next().toByteArray();
    entry.installLine = next().toString();
    // The CHECK constraint keeps other names out; a hand-edited file reads as "look at it".
    entry.state = stateFromName(next().toString()).value_or(DispatchState::Unknown);
    entry.stateDetail = next().toString();
    if (const QVariant runId = next(); !runId.isNull())
        entry.runId = runId.toLongLong();
    if (const QString runUrl = next().toString(); !runUrl.isEmpty())
        entry.runUrl = QUrl::fromEncoded(runUrl.toUtf8());
    entry.createdAt = timeFromText(next().toString());
    if (const QVariant serverDate = next(); !serverDate.isNull())
        entry.serverDate = timeFromText(serverDate.toString());
    entry.updatedAt = timeFromText(next().toString());
    if (const QVariant attempt = next(); !attempt.isNull())
        entry.runAttempt = attempt.toInt();
    entry.runConclusion = next().toString();
    entry.runCompletedAt = optionalTime(next());
    return entry;
}

PlatformRecord platformFromRow(const QSqlQuery &row)
{
    PlatformRecord record;
    int column = 1;  // after dispatch_id
    const auto next = [&] {
        return row.value(column++);
    };
    record.platformKey = next().toString();
    record.os = next().toString();
    record.variant = next().toString();
    record.status = next().toString();
    record.outcome = next().toString();
    record.startedAt = optionalTime(next());
    record.completedAt = optionalTime(next());
    if (const QVariant jobId = next(); !jobId.isNull())
        record.jobId = jobId.toLongLong();
    if (const QString url = next().toString(); !url.isEmpty())
        record.htmlUrl = QUrl::fromEncoded(url.toUtf8());
    if (const QVariant attempt = next(); !attempt.isNull())
        record.runAttempt = attempt.toInt();
    record.updatedAt = timeFromText(next().toString());
    return record;
}

QString describeState(DispatchState state, std::optional<qint64> runId)
{
    if (runId)
        return Text::tr("%1 (run %2)").arg(stateName(state)).arg(*runId);
    return stateName(state);
}

}  // namespace

QString stateName(DispatchState state)
{
    switch (state) {
    case DispatchState::Sending:
        return u"sending"_s;
    case DispatchState::Sent:
        return u"sent"_s;
    case DispatchState::Refused:
        return u"refused"_s;
    case DispatchState::Unknown:
        return u"unknown"_s;
    }
    return u"unknown"_s;
}

std::optional<DispatchState> stateFromName(QStringView name)
{
    for (const DispatchState state : {DispatchState::Sending, DispatchState::Sent,
                                      DispatchState::Refused, DispatchState::Unknown}) {
        if (name == stateName(state))
            return state;
    }
    return std::nullopt;
}

std::optional<qint64> PlatformRecord::durationMs() const
{
    if (!startedAt || !completedAt || !startedAt->isValid() || !completedAt->isValid())
        return std::nullopt;
    const qint64 ms = startedAt->msecsTo(*completedAt);
    if (ms < 0)
        return std::nullopt;
    return ms;
}

struct ReleaseLedger::Transition
{
    DispatchState target;
    QString action;  // "record entry 5 as sent", for messages
    std::function<bool(DispatchState current, std::optional<qint64> currentRunId)> allowed;
    QString assignments;  // "column = ?, ..." beyond state and updated_at, bound from `values`
    QVariantList values;
};

ReleaseLedger::ReleaseLedger(const QString &path, Clock clock)
    : m_path(path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath())
    , m_clock(std::move(clock))
    , m_connectionName(u"rc-ledger-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_open = open();
    if (!m_open && m_db.isOpen())
        m_db.close();
}

ReleaseLedger::~ReleaseLedger()
{
    m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

QString ReleaseLedger::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return folder.isEmpty() ? QString() : folder + u"/ledger.sqlite"_s;
}

bool ReleaseLedger::isOpen() const
{
    return m_open;
}

QString ReleaseLedger::errorString() const
{
    return m_error;
}

QString ReleaseLedger::path() const
{
    return m_path;
}

bool ReleaseLedger::fail(const QString &sentence) const
{
    m_error = sentence;
    return false;
}

bool ReleaseLedger::failSql(const QString &action, const QSqlError &error) const
{
    return fail(Text::tr("Could not %1 in the release ledger %2: %3.")
                    .arg(action, native(m_path), sqliteMessage(error)));
}

bool ReleaseLedger::requireOpen() const
{
    if (m_open)
        return true;
    if (m_error.isEmpty())
        m_error = Text::tr("The release ledger %1 is not open.").arg(native(m_path));
    return false;
}

// Refuses an existing file that is not an SQLite database before SQLite opens it: the message
// says what the file is not, and nothing (not even a -wal or -shm file) is created beside it.
bool ReleaseLedger::checkHeader()
{
    const QFileInfo info(m_path);
    if (info.isDir())
        return fail(Text::tr("The release ledger %1 is a folder, not a file.").arg(native(m_path)));
    if (info.size() == 0)
        return true;  // created by a process killed before its first commit: a new ledger
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Text::tr("The release ledger %1 cannot be read: %2.")
                        .arg(native(m_path), file.errorString()));
    if (file.read(kSqliteMagic.size()) != kSqliteMagic)
        return fail(Text::tr("The file %1 is not a release ledger (it is not an SQLite database); "
                             "it was left as it is.")
                        .arg(native(m_path)));
    return true;
}

bool ReleaseLedger::open()
{
    if (m_path.isEmpty())
        return fail(Text::tr("No file was given for the release ledger."));
    const QFileInfo info(m_path);
    if (info.exists()) {
        if (!checkHeader())
            return false;
    } else {
        const QString folder = info.absolutePath();
        if (!QDir().mkpath(folder))
            return fail(Text::tr("The folder %1 for the release ledger cannot be created.")
                            .arg(native(folder)));
        if (!QFileInfo(folder).isWritable())
            return fail(Text::tr("The folder %1 is not writable, so the release ledger cannot be "
                                 "created in it.")
                            .arg(native(folder)));
    }

    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!m_db.isValid())
        return fail(Text::tr("The SQLite driver of Qt SQL (QSQLITE) is not available, so the "
                             "release ledger %1 cannot be opened.")
                        .arg(native(m_path)));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    if (!m_db.open())
        return fail(Text::tr("The release ledger %1 cannot be opened: %2.")
                        .arg(native(m_path), sqliteMessage(m_db.lastError())));

    // Read-only inspection first: nothing is written to a file until it is known to be ours.
    // One statement, so one snapshot, even while another process is creating the schema.
    QSqlQuery inspection(m_db);
    if (!inspection.exec(u"SELECT (SELECT application_id FROM pragma_application_id),"
                         " (SELECT user_version FROM pragma_user_version),"
                         " (SELECT count(*) FROM sqlite_master)"_s) ||
        !inspection.next())
        return fail(Text::tr("The file %1 cannot be read as a release ledger: %2; it was left as "
                             "it is.")
                        .arg(native(m_path), sqliteMessage(inspection.lastError())));
    const qint64 appId = inspection.value(0).toLongLong();
    const qint64 version = inspection.value(1).toLongLong();
    const qint64 objects = inspection.value(2).toLongLong();
    inspection.finish();
    const bool fresh = appId == 0 && version == 0 && objects == 0;
    if (appId != applicationId && !fresh)
        return fail(Text::tr("The file %1 is an SQLite database of another program, not a "
                             "release ledger; it was left as it is.")
                        .arg(native(m_path)));
    if (version > schemaVersion)
        return fail(Text::tr("The release ledger %1 was written by a newer version of Release "
                             "Console (schema %2; this one knows up to %3); it was left as it is.")
                        .arg(native(m_path))
                        .arg(version)
                        .arg(schemaVersion));

    // WAL lets readers and one writer work at once (the window and a CLI); FULL syncs the WAL
    // on every commit, so a commit that returned survives a power cut, not only a kill.
    for (const QString &pragma :
         {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s,
          u"PRAGMA foreign_keys = ON"_s, u"PRAGMA busy_timeout = %1"_s.arg(busyTimeoutMs)}) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma))
            return fail(Text::tr("The release ledger %1 cannot be prepared: %2.")
                            .arg(native(m_path), sqliteMessage(query.lastError())));
    }
    return version == schemaVersion || migrate();
}

bool ReleaseLedger::migrate()
{
    const QList<QStringList> steps = migrationSteps();
    Q_ASSERT(steps.size() == schemaVersion);
    const QString action = Text::tr("prepare the tables");
    return inTransaction(action, [&] {
        // Read again under the write lock: another process may have migrated meanwhile.
        QSqlQuery query(m_db);
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
            return failSql(action, query.lastError());
        const qint64 version = query.value(0).toLongLong();
        query.finish();
        if (version > schemaVersion)
            return fail(Text::tr("The release ledger %1 was changed by a newer version of "
                                 "Release Console while it was being opened.")
                            .arg(native(m_path)));
        for (qsizetype step = version; step < schemaVersion; ++step) {
            for (const QString &statement : steps.at(step)) {
                if (!query.exec(statement))
                    return failSql(action, query.lastError());
            }
        }
        if (!query.exec(u"PRAGMA application_id = %1"_s.arg(applicationId)) ||
            !query.exec(u"PRAGMA user_version = %1"_s.arg(schemaVersion)))
            return failSql(action, query.lastError());
        return true;
    });
}

std::optional<QString> ReleaseLedger::now()
{
    const QDateTime time = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    if (!storable(time)) {
        fail(Text::tr("The clock gave an invalid time, so nothing was written to the release "
                      "ledger %1.")
                 .arg(native(m_path)));
        return std::nullopt;
    }
    return timeText(time);
}

// BEGIN IMMEDIATE takes the write lock up front, so a second writer waits in the busy handler
// instead of failing when a read transaction would have had to become a write one.
bool ReleaseLedger::inTransaction(const QString &action, const std::function<bool()> &work)
{
    {
        QSqlQuery begin(m_db);
        if (!begin.exec(u"BEGIN IMMEDIATE"_s))
            return failSql(action, begin.lastError());
    }
    const auto rollback = [this] {
        QSqlQuery(m_db).exec(u"ROLLBACK"_s);
    };
    if (!work()) {
        rollback();
        return false;
    }
    QSqlQuery commit(m_db);
    if (!commit.exec(u"COMMIT"_s)) {
        const QSqlError error = commit.lastError();
        rollback();
        return failSql(action, error);
    }
    return true;
}

std::optional<qint64> ReleaseLedger::recordSending(const LedgerEntry &entry)
{
    if (!requireOpen())
        return std::nullopt;
    if (const QString problem = entryProblem(entry); !problem.isEmpty()) {
        fail(Text::tr("The dispatch was not recorded in the release ledger %1: %2.")
                 .arg(native(m_path), problem));
        return std::nullopt;
    }
    const std::optional<QString> stamp = now();
    if (!stamp)
        return std::nullopt;

    std::optional<qint64> id;
    const QString action = Text::tr("record the dispatch");
    const bool ok = inTransaction(action, [&] {
        QSqlQuery insert(m_db);
        // COALESCE: Qt binds a null QString/QByteArray as NULL, an empty field is still a field.
        insert.prepare(u"INSERT INTO dispatch (profile, recipe, commit_sha, version, build,"
                       " channel, label, url, sha256, endpoint, body, install_line, state,"
                       " state_detail, created_at, server_date, updated_at)"
                       " VALUES (COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
                       " COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
                       " COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, X''),"
                       " COALESCE(?, ''), ?, '', ?, ?, ?)"_s);
        for (const QString *text :
             {&entry.profile, &entry.recipe, &entry.commitSha, &entry.version, &entry.build,
              &entry.channel, &entry.label, &entry.url, &entry.sha256, &entry.endpoint})
            insert.addBindValue(*text);
        insert.addBindValue(entry.body);
        insert.addBindValue(entry.installLine);
        insert.addBindValue(stateName(DispatchState::Sending));
        insert.addBindValue(*stamp);
        insert.addBindValue(serverDateValue(entry.serverDate));
        insert.addBindValue(*stamp);
        if (!insert.exec())
            return failSql(action, insert.lastError());
        id = insert.lastInsertId().toLongLong();
        return true;
    });
    if (!ok)
        return std::nullopt;
    return id;
}

bool ReleaseLedger::apply(qint64 id, const Transition &transition)
{
    if (!requireOpen())
        return false;
    const std::optional<QString> stamp = now();
    if (!stamp)
        return false;
    return inTransaction(transition.action, [&] {
        QSqlQuery current(m_db);
        current.prepare(u"SELECT state, run_id FROM dispatch WHERE id = ?"_s);
        current.addBindValue(id);
        if (!current.exec())
            return failSql(transition.action, current.lastError());
        if (!current.next())
            return fail(
                Text::tr("The release ledger %1 has no entry %2.").arg(native(m_path)).arg(id));
        const DispatchState state =
            stateFromName(current.value(0).toString()).value_or(DispatchState::Unknown);
        std::optional<qint64> runId;
        if (!current.value(1).isNull())
            runId = current.value(1).toLongLong();
        current.finish();
        if (!transition.allowed(state, runId))
            return fail(Text::tr("Entry %1 of the release ledger %2 is %3, so it cannot be "
                                 "recorded as %4.")
                            .arg(id)
                            .arg(native(m_path), describeState(state, runId),
                                 stateName(transition.target)));

        QSqlQuery update(m_db);
        update.prepare(u"UPDATE dispatch SET state = ?, "_s + transition.assignments +
                       u", updated_at = ? WHERE id = ?"_s);
        update.addBindValue(stateName(transition.target));
        for (const QVariant &value : transition.values)
            update.addBindValue(value);
        update.addBindValue(*stamp);
        update.addBindValue(id);
        if (!update.exec())
            return failSql(transition.action, update.lastError());
        if (update.numRowsAffected() != 1)
            return fail(
                Text::tr("The release ledger %1 has no entry %2.").arg(native(m_path)).arg(id));
        return true;
    });
}

bool ReleaseLedger::recordSent(qint64 id, std::optional<qint64> runId, const QUrl &runUrl,
                               std::optional<QDateTime> serverDate)
{
    const QString action = Text::tr("record entry %1 as sent").arg(id);
    if (runId && *runId <= 0)
        return fail(Text::tr("Entry %1 was not recorded as sent in the release ledger %2: run id "
                             "%3 is not a run id.")
                        .arg(id)
                        .arg(native(m_path))
                        .arg(*runId));
    if (const QString problem = runUrlProblem(runUrl); !problem.isEmpty())
        return fail(Text::tr("Entry %1 was not recorded as sent in the release ledger %2: %3.")
                        .arg(id)
                        .arg(native(m_path), problem));
    return apply(
        id,
        {DispatchState::Sent,
         action,
         [](DispatchState state, std::optional<qint64>) { return state == DispatchState::Sending; },
         u"run_id = ?, run_url = COALESCE(?, ''), server_date = COALESCE(?, server_date),"
         " state_detail = ''"_s,
         {runId ? QVariant(*runId) : QVariant(), urlText(runUrl), serverDateValue(serverDate)}});
}

bool ReleaseLedger::recordRefused(qint64 id, const QString &why)
{
    return apply(id,
                 {DispatchState::Refused,
                  Text::tr("record entry %1 as refused").arg(id),
                  [](DispatchState state, std::optional<qint64>) {
                      return state == DispatchState::Sending || state == DispatchState::Unknown;
                  },
                  u"state_detail = COALESCE(?, '')"_s,
                  {boundedDetail(why)}});
}

bool ReleaseLedger::recordUnknown(qint64 id, const QString &whatToLookAt,
                                  std::optional<QDateTime> serverDate)
{
    return apply(id,
                 {DispatchState::Unknown,
                  Text::tr("record entry %1 as unknown").arg(id),
                  [](DispatchState state, std::optional<qint64>) {
                      return state == DispatchState::Sending || state == DispatchState::Unknown;
                  },
                  u"state_detail = COALESCE(?, ''), server_date = COALESCE(?, server_date)"_s,
                  {boundedDetail(whatToLookAt), serverDateValue(serverDate)}});
}

bool ReleaseLedger::recordRunFound(qint64 id, qint64 runId, const QUrl &runUrl)
{
    if (runId <= 0)
        return fail(Text::tr("The run found for entry %1 was not recorded in the release ledger "
                             "%2: %3 is not a run id.")
                        .arg(id)
                        .arg(native(m_path))
                        .arg(runId));
    if (const QString problem = runUrlProblem(runUrl); !problem.isEmpty())
        return fail(Text::tr("The run found for entry %1 was not recorded in the release ledger "
                             "%2: %3.")
                        .arg(id)
                        .arg(native(m_path), problem));
    return apply(id,
                 {DispatchState::Sent,
                  Text::tr("record the run found for entry %1").arg(id),
                  [runId](DispatchState state, std::optional<qint64> currentRunId) {
                      if (state == DispatchState::Sending || state == DispatchState::Unknown)
                          return true;
                      return state == DispatchState::Sent &&
                          (!currentRunId || *currentRunId == runId);
                  },
                  u"run_id = ?, run_url = COALESCE(NULLIF(?, ''), run_url), state_detail = ''"_s,
                  {QVariant(runId), urlText(runUrl)}});
}

// Runs `work` in a write transaction once entry `id` is known to be Sent with a run: what the
// watcher records only exists for a run.
bool ReleaseLedger::withRun(qint64 id, const QString &action, const std::function<bool()> &work)
{
    if (!requireOpen())
        return false;
    return inTransaction(action, [&] {
        QSqlQuery current(m_db);
        current.prepare(u"SELECT state, run_id FROM dispatch WHERE id = ?"_s);
        current.addBindValue(id);
        if (!current.exec())
            return failSql(action, current.lastError());
        if (!current.next())
            return fail(
                Text::tr("The release ledger %1 has no entry %2.").arg(native(m_path)).arg(id));
        const DispatchState state =
            stateFromName(current.value(0).toString()).value_or(DispatchState::Unknown);
        const bool hasRun = !current.value(1).isNull();
        current.finish();
        if (state != DispatchState::Sent || !hasRun)
            return fail(Text::tr("Entry %1 of the release ledger %2 is %3 without a run, so its "
                                 "run cannot be recorded.")
                            .arg(id)
                            .arg(native(m_path), stateName(state)));
        return work();
    });
}

bool ReleaseLedger::recordPlatform(qint64 id, const PlatformRecord &record)
{
    if (const QString problem = platformProblem(record); !problem.isEmpty())
        return fail(Text::tr("The platform of entry %1 was not recorded in the release ledger "
                             "%2: %3.")
                        .arg(id)
                        .arg(native(m_path), problem));
    const std::optional<QString> stamp = now();
    if (!stamp)
        return false;
    const QString action = Text::tr("record a platform of entry %1").arg(id);
    return withRun(id, action, [&] {
        QSqlQuery count(m_db);
        count.prepare(u"SELECT count(*), sum(platform_key = ?) FROM platform"
                      " WHERE dispatch_id = ?"_s);
        count.addBindValue(record.platformKey);
        count.addBindValue(id);
        if (!count.exec() || !count.next())
            return failSql(action, count.lastError());
        const bool known = count.value(1).toLongLong() > 0;
        if (!known && count.value(0).toLongLong() >= maxPlatformsPerEntry)
            return fail(Text::tr("Entry %1 of the release ledger %2 already has %3 platforms, the "
                                 "most one entry may hold.")
                            .arg(id)
                            .arg(native(m_path))
                            .arg(maxPlatformsPerEntry));
        count.finish();

        QSqlQuery upsert(m_db);
        upsert.prepare(u"INSERT INTO platform ("_s + kPlatformColumns +
                       u") VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, COALESCE(?, ''),"
                       " ?, ?, ?, COALESCE(?, ''), ?, ?)"
                       " ON CONFLICT (dispatch_id, platform_key) DO UPDATE SET"
                       " os = excluded.os, variant = excluded.variant, status = excluded.status,"
                       " outcome = excluded.outcome, started_at = excluded.started_at,"
                       " completed_at = excluded.completed_at, job_id = excluded.job_id,"
                       " html_url = excluded.html_url, run_attempt = excluded.run_attempt,"
                       " updated_at = excluded.updated_at"_s);
        upsert.addBindValue(id);
        upsert.addBindValue(record.platformKey);
        upsert.addBindValue(record.os);
        upsert.addBindValue(record.variant);
        upsert.addBindValue(record.status);
        upsert.addBindValue(record.outcome);
        upsert.addBindValue(serverDateValue(record.startedAt));
        upsert.addBindValue(serverDateValue(record.completedAt));
        upsert.addBindValue(optionalValue(record.jobId));
        upsert.addBindValue(urlText(record.htmlUrl));
        upsert.addBindValue(optionalValue(record.runAttempt));
        upsert.addBindValue(*stamp);
        if (!upsert.exec())
            return failSql(action, upsert.lastError());
        return true;
    });
}

bool ReleaseLedger::recordRunAttempt(qint64 id, int attempt)
{
    if (attempt <= 0)
        return fail(Text::tr("The run attempt of entry %1 was not recorded in the release ledger "
                             "%2: %3 is not a run attempt.")
                        .arg(id)
                        .arg(native(m_path))
                        .arg(attempt));
    const std::optional<QString> stamp = now();
    if (!stamp)
        return false;
    const QString action = Text::tr("record the run attempt of entry %1").arg(id);
    return withRun(id, action, [&] {
        QSqlQuery current(m_db);
        current.prepare(u"SELECT run_attempt FROM dispatch WHERE id = ?"_s);
        current.addBindValue(id);
        if (!current.exec() || !current.next())
            return failSql(action, current.lastError());
        const QVariant recorded = current.value(0);
        current.finish();
        if (!recorded.isNull() && recorded.toLongLong() == attempt)
            return true;
        if (!recorded.isNull() && recorded.toLongLong() > attempt)
            return fail(Text::tr("Entry %1 of the release ledger %2 is at run attempt %3, so "
                                 "attempt %4 cannot be recorded.")
                            .arg(id)
                            .arg(native(m_path))
                            .arg(recorded.toLongLong())
                            .arg(attempt));
        QSqlQuery update(m_db);
        // A re-run: the run is not finished any more, whatever the earlier attempt ended as.
        update.prepare(recorded.isNull()
                           ? u"UPDATE dispatch SET run_attempt = ?, updated_at = ? WHERE id = ?"_s
                           : u"UPDATE dispatch SET run_attempt = ?, run_conclusion = '',"
                             " run_completed_at = NULL, updated_at = ? WHERE id = ?"_s);
        update.addBindValue(attempt);
        update.addBindValue(*stamp);
        update.addBindValue(id);
        if (!update.exec())
            return failSql(action, update.lastError());
        return true;
    });
}

bool ReleaseLedger::recordRunCompleted(qint64 id, const QString &conclusion,
                                       const QDateTime &completedAt)
{
    QString problem;
    if (conclusion.isEmpty())
        problem = Text::tr("the conclusion is empty");
    else if (conclusion.size() > maxShortTextLength)
        problem = Text::tr("the conclusion has %1 characters, more than the %2 allowed")
                      .arg(conclusion.size())
                      .arg(maxShortTextLength);
    else if (!storable(completedAt))
        problem = Text::tr("the completion time is not a valid time");
    if (!problem.isEmpty())
        return fail(Text::tr("The completion of the run of entry %1 was not recorded in the "
                             "release ledger %2: %3.")
                        .arg(id)
                        .arg(native(m_path), problem));
    const std::optional<QString> stamp = now();
    if (!stamp)
        return false;
    const QString action = Text::tr("record the completion of the run of entry %1").arg(id);
    return withRun(id, action, [&] {
        QSqlQuery update(m_db);
        update.prepare(u"UPDATE dispatch SET run_conclusion = ?, run_completed_at = ?,"
                       " updated_at = ? WHERE id = ?"_s);
        update.addBindValue(conclusion);
        update.addBindValue(timeText(completedAt));
        update.addBindValue(*stamp);
        update.addBindValue(id);
        if (!update.exec())
            return failSql(action, update.lastError());
        return true;
    });
}

bool ReleaseLedger::recordStepDurations(qint64 id, const QString &jobName,
                                        const QList<StepDuration> &steps)
{
    constexpr qint64 kMaxStepSeconds = 24 * 3600;
    QString problem;
    if (jobName.isEmpty() || jobName.size() > maxShortTextLength)
        problem =
            Text::tr("the job name is empty or longer than %1 characters").arg(maxShortTextLength);
    else if (steps.size() > maxStepsPerJob)
        problem = Text::tr("%1 steps are more than the %2 a job may have")
                      .arg(steps.size())
                      .arg(maxStepsPerJob);
    for (const StepDuration &step : steps) {
        if (!problem.isEmpty())
            break;
        if (step.stepName.isEmpty() || step.stepName.size() > maxShortTextLength)
            problem = Text::tr("a step name is empty or longer than %1 characters")
                          .arg(maxShortTextLength);
        else if (step.seconds < 0 || step.seconds > kMaxStepSeconds)
            problem = Text::tr("step “%1” took %2 seconds, outside 0 to a day")
                          .arg(step.stepName)
                          .arg(step.seconds);
    }
    if (!problem.isEmpty())
        return fail(Text::tr("The step durations of entry %1 were not recorded in the release "
                             "ledger %2: %3.")
                        .arg(id)
                        .arg(native(m_path), problem));
    const QString action = Text::tr("record the step durations of entry %1").arg(id);
    return withRun(id, action, [&] {
        QSqlQuery clear(m_db);
        clear.prepare(u"DELETE FROM step_duration WHERE dispatch_id = ? AND job_name = ?"_s);
        clear.addBindValue(id);
        clear.addBindValue(jobName);
        if (!clear.exec())
            return failSql(action, clear.lastError());
        QSqlQuery insert(m_db);
        // A step name repeated within a job keeps its last duration.
        insert.prepare(u"INSERT OR REPLACE INTO step_duration"
                       " (dispatch_id, job_name, step_name, seconds) VALUES (?, ?, ?, ?)"_s);
        for (const StepDuration &step : steps) {
            insert.addBindValue(id);
            insert.addBindValue(jobName);
            insert.addBindValue(step.stepName);
            insert.addBindValue(step.seconds);
            if (!insert.exec())
                return failSql(action, insert.lastError());
        }
        return true;
    });
}

QList<StepDuration> ReleaseLedger::stepDurations(qint64 id) const
{
    if (!requireOpen())
        return {};
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT job_name, step_name, seconds FROM step_duration WHERE dispatch_id = ?"
                  " ORDER BY job_name, step_name"_s);
    query.addBindValue(id);
    QList<StepDuration> result;
    if (!query.exec()) {
        failSql(Text::tr("read the step durations"), query.lastError());
        return {};
    }
    while (query.next())
        result.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return result;
}

QList<StepDuration> ReleaseLedger::typicalStepDurations(const QString &profile) const
{
    if (!requireOpen())
        return {};
    // Only the profile's newest timed entries are read, whatever the history's length (a step
    // missing from them, a job dropped from the matrix, has no typical duration any more); the
    // newest first, so the first `typicalRuns` values of a step are the ones used.
    constexpr int kNewestEntries = 4 * typicalRuns;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT s.job_name, s.step_name, s.seconds FROM step_duration s"
                  " WHERE s.dispatch_id IN (SELECT DISTINCT t.dispatch_id FROM step_duration t"
                  "   JOIN dispatch d ON d.id = t.dispatch_id WHERE d.profile = ?"
                  "   ORDER BY t.dispatch_id DESC LIMIT ?)"
                  " ORDER BY s.job_name, s.step_name, s.dispatch_id DESC"_s);
    query.addBindValue(profile);
    query.addBindValue(kNewestEntries);
    if (!query.exec()) {
        failSql(Text::tr("read the step durations"), query.lastError());
        return {};
    }
    QList<StepDuration> result;
    QList<qint64> newest;
    const auto flush = [&] {
        if (newest.isEmpty())
            return;
        std::sort(newest.begin(), newest.end());
        result.last().seconds = newest.at(newest.size() / 2);
        newest.clear();
    };
    while (query.next()) {
        const QString job = query.value(0).toString();
        const QString step = query.value(1).toString();
        if (result.isEmpty() || result.last().jobName != job || result.last().stepName != step) {
            flush();
            result.append({job, step, 0});
        }
        if (newest.size() < typicalRuns)
            newest.append(query.value(2).toLongLong());
    }
    flush();
    return result;
}

QList<LedgerEntry> ReleaseLedger::select(const QString &where, const QVariantList &values,
                                         const QString &order, int limit) const
{
    if (!requireOpen())
        return {};
    QString sql = u"SELECT "_s + kColumns + u" FROM dispatch"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where;
    sql += u" ORDER BY "_s + order;
    if (limit > 0)
        sql += u" LIMIT "_s + QString::number(limit);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        failSql(Text::tr("read the dispatches"), query.lastError());
        return {};
    }
    QList<LedgerEntry> result;
    while (query.next())
        result.append(entryFromRow(query));
    return result;
}

std::optional<LedgerEntry> ReleaseLedger::entry(qint64 id) const
{
    const QList<LedgerEntry> found = select(u"id = ?"_s, {id}, u"id"_s, 1);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<LedgerEntry> ReleaseLedger::entries(const QString &profile, int limit) const
{
    if (profile.isEmpty())
        return select({}, {}, u"id DESC"_s, limit);
    return select(u"profile = ?"_s, {profile}, u"id DESC"_s, limit);
}

QList<LedgerEntry> ReleaseLedger::unresolved() const
{
    // Written as the partial index's condition, so SQLite uses the index.
    return select(u"state IN ('sending', 'unknown')"_s, {}, u"id"_s, 0);
}

QList<LedgerEntry> ReleaseLedger::unfinished() const
{
    // Written as the partial index's condition, so SQLite uses the index.
    return select(u"state = 'sent' AND run_id IS NOT NULL AND run_completed_at IS NULL"_s, {},
                  u"id"_s, 0);
}

QList<PlatformRecord> ReleaseLedger::platforms(qint64 id) const
{
    LedgerEntry one;
    one.id = id;
    return platforms(QList<LedgerEntry> {one}).value(id);
}

PlatformsByEntry ReleaseLedger::platforms(const QList<LedgerEntry> &entries) const
{
    if (!requireOpen() || entries.isEmpty())
        return {};
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kPlatformColumns +
                  u" FROM platform WHERE dispatch_id = ? ORDER BY rowid"_s);
    PlatformsByEntry result;
    for (const LedgerEntry &entry : entries) {
        query.addBindValue(entry.id);
        if (!query.exec()) {
            failSql(Text::tr("read the platforms"), query.lastError());
            return {};
        }
        while (query.next())
            result[entry.id].append(platformFromRow(query));
        query.finish();
    }
    return result;
}

}  // namespace rc::ledger
