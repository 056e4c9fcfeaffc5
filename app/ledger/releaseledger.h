// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>
#include <QUrl>
#include <QVariant>

#include <functional>
#include <optional>

class QSqlError;

namespace rc::ledger {

// Where a dispatch stands. Sending is written before the POST leaves; the answer moves it to
// Sent (accepted), Refused (a definite "no" from the server) or Unknown (no answer, timeout, 5xx:
// the run may or may not exist and has to be looked for before anything is sent again).
enum class DispatchState { Sending, Sent, Refused, Unknown };

// "sending", "sent", "refused", "unknown": stable, for JSON, CSV and the database itself.
QString stateName(DispatchState state);
std::optional<DispatchState> stateFromName(QStringView name);

// One dispatch as the ledger keeps it. There is deliberately no field for a token or any header.
struct LedgerEntry
{
    qint64 id = 0;
    QString profile;
    QString recipe;
    QString commitSha;
    QString version;
    QString build;
    QString channel;
    QString label;
    QString url;  // tarball URL sent
    QString sha256;
    QString endpoint;  // e.g. "POST
                       // https://api.github.com/repos/o/r/actions/workflows/f.yml/dispatches"
    QByteArray body;   // the exact bytes POSTed (kept byte-exact, BLOB)
    QString installLine;
    DispatchState state = DispatchState::Sending;
    QString stateDetail;  // why it was refused / what to look at when unknown
    std::optional<qint64> runId;
    QUrl runUrl;                          // the run's html_url
    QDateTime createdAt;                  // written before the POST (UTC, ms precision)
    std::optional<QDateTime> serverDate;  // the server's Date at sending
    QDateTime updatedAt;
    // The run as the watcher last saw it. A re-run (a higher attempt) clears the completion.
    std::optional<int> runAttempt;
    QString runConclusion;  // the run's own conclusion ("success", "failure", "cancelled", ...)
    std::optional<QDateTime> runCompletedAt;

    friend bool operator==(const LedgerEntry &, const LedgerEntry &) = default;
};

// One platform of a dispatch's run (one build job of the matrix), as the watcher last saw it.
// `status` is what the job shows ("queued", "in_progress", "success", "failure", "cancelled",
// ...); `outcome` is the true outcome from the job's build summary ("success", "failure"), empty
// until known: a job "success" whose build failed has outcome "failure".
struct PlatformRecord
{
    QString platformKey;  // the job's name, unique within the run
    QString os;           // "Linux", "macOS", "Windows"
    QString variant;      // e.g. "Python 3.12, mpich"
    QString status;
    QString outcome;
    std::optional<QDateTime> startedAt;
    std::optional<QDateTime> completedAt;
    std::optional<qint64> jobId;
    QUrl htmlUrl;
    std::optional<int> runAttempt;  // the attempt this job belongs to
    QDateTime updatedAt;            // set by the ledger

    // The outcome when known, the job's status otherwise.
    QString truth() const { return outcome.isEmpty() ? status : outcome; }
    // Milliseconds from start to completion, when both are known and in order.
    std::optional<qint64> durationMs() const;

    friend bool operator==(const PlatformRecord &, const PlatformRecord &) = default;
};

using PlatformsByEntry = QHash<qint64, QList<PlatformRecord>>;

// How long one step of one job took in a run: what times the polls of the profile's later runs.
struct StepDuration
{
    QString jobName;  // the job's name, e.g. "build (ubuntu-latest, 3.12, mpich)"
    QString stepName;
    qint64 seconds = 0;
    friend bool operator==(const StepDuration &, const StepDuration &) = default;
};

// The release ledger: one SQLite file (WAL, synchronous=FULL) recording every dispatch before
// its POST and updated after. Every write is one committed transaction, so a kill at any moment
// leaves a readable file that holds every write that returned true. Several instances, in one
// process or several, may use the same file at once. Not thread-safe: use it from one thread.
class ReleaseLedger
{
public:
    using Clock = std::function<QDateTime()>;

    // The schema this code writes (PRAGMA user_version); a file with a newer one is refused.
    static constexpr int schemaVersion = 3;
    // PRAGMA application_id of a ledger file ("RCLG"), so another program's database is refused.
    static constexpr qint32 applicationId = 0x52434C47;
    // How long a write waits for another connection's write to finish before failing.
    static constexpr int busyTimeoutMs = 10000;
    // Bounds on what one entry may hold (the bytes of the body; characters of the texts).
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;
    static constexpr qsizetype maxShortTextLength = 1024;  // profile, recipe, sha, version...
    static constexpr qsizetype maxLongTextLength = 8192;   // url, endpoint, install line, run URL
    // A longer state detail is cut (and marked so) rather than refused: losing the transition
    // of a dispatch that already happened would be worse than losing the end of a message.
    static constexpr qsizetype maxDetailLength = 16384;
    // Platforms one entry may hold (a matrix is a handful; this bounds a runaway one).
    static constexpr qsizetype maxPlatformsPerEntry = 2048;
    // Steps one job may record (GitHub allows 1000 per job).
    static constexpr qsizetype maxStepsPerJob = 1000;
    // Earlier runs a typical step duration is the median of.
    static constexpr int typicalRuns = 5;

    // Opens (creating folders and schema as needed) the database at `path`. Check isOpen().
    // A file that is not a ledger, or one written by a newer schema, is refused and left as it is.
    explicit ReleaseLedger(const QString &path, Clock clock = &QDateTime::currentDateTimeUtc);
    ~ReleaseLedger();
    ReleaseLedger(const ReleaseLedger &) = delete;
    ReleaseLedger &operator=(const ReleaseLedger &) = delete;

    // <AppDataLocation>/ledger.sqlite
    static QString defaultPath();

    bool isOpen() const;
    QString errorString() const;  // last error, one human sentence (path + SQLite's message)
    QString path() const;

    // Inserts the entry with state Sending, createdAt = updatedAt = clock(); durable on return
    // (committed). The entry's id, state, stateDetail, runId, runUrl, createdAt and updatedAt
    // are ignored; its serverDate is kept when given. Returns the new id, or nullopt (then
    // errorString()).
    std::optional<qint64> recordSending(const LedgerEntry &entry);
    // Sending → Sent. An absent or invalid serverDate keeps the one already recorded.
    bool recordSent(qint64 id, std::optional<qint64> runId, const QUrl &runUrl,
                    std::optional<QDateTime> serverDate);
    // Sending or Unknown → Refused.
    bool recordRefused(qint64 id, const QString &why);
    // Sending or Unknown → Unknown (a later call replaces the detail).
    bool recordUnknown(qint64 id, const QString &whatToLookAt, std::optional<QDateTime> serverDate);
    // A run found later for a Sending/Unknown entry: becomes Sent with the run. Also accepted
    // for a Sent entry that has no run yet, or the same run (then only the URL is refreshed).
    bool recordRunFound(qint64 id, qint64 runId, const QUrl &runUrl);

    // The per-platform state of a Sent entry's run, replacing every field of the row with the
    // same entry and platform key (or adding one). Times absent or valid; URL empty or http(s).
    bool recordPlatform(qint64 id, const PlatformRecord &record);
    // The attempt of a Sent entry's run. A higher attempt than the one recorded (a re-run)
    // clears the run's conclusion and completion: it is being watched again. A lower one is
    // refused; the same one changes nothing.
    bool recordRunAttempt(qint64 id, int attempt);
    // A Sent entry's run has completed with `conclusion`; a later call replaces both.
    bool recordRunCompleted(qint64 id, const QString &conclusion, const QDateTime &completedAt);
    // The step durations of one job of a Sent entry's run, replacing what the entry held for
    // that job. Names non-empty and short, seconds from 0 to a day.
    bool recordStepDurations(qint64 id, const QString &jobName, const QList<StepDuration> &steps);

    std::optional<LedgerEntry> entry(qint64 id) const;
    // Newest recorded first (insertion order, whatever the clock did); limit 0 = all.
    QList<LedgerEntry> entries(const QString &profile = {}, int limit = 0) const;
    QList<LedgerEntry> unresolved() const;  // Sending or Unknown, oldest first
    // Sent, with a run, and that run not recorded as completed: to be watched again at start.
    // Oldest first.
    QList<LedgerEntry> unfinished() const;
    // Platforms of an entry in the order first recorded; empty for none or an unknown id.
    QList<PlatformRecord> platforms(qint64 id) const;
    // Platforms of each of `entries` (an entry without any has no key).
    PlatformsByEntry platforms(const QList<LedgerEntry> &entries) const;
    // Per job and step of the profile's runs: the median of the newest `typicalRuns` entries
    // that recorded it. Sorted by job, then step name.
    QList<StepDuration> typicalStepDurations(const QString &profile) const;
    // What entry `id` recorded, by job then step name.
    QList<StepDuration> stepDurations(qint64 id) const;

private:
    struct Transition;

    bool open();
    bool checkHeader();
    bool migrate();
    bool fail(const QString &sentence) const;
    bool failSql(const QString &action, const QSqlError &error) const;
    bool requireOpen() const;
    std::optional<QString> now();
    bool inTransaction(const QString &action, const std::function<bool()> &work);
    bool apply(qint64 id, const Transition &transition);
    bool withRun(qint64 id, const QString &action, const std::function<bool()> &work);
    QList<LedgerEntry> select(const QString &where, const QVariantList &values,
                              const QString &order, int limit) const;

    QString m_path;
    Clock m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
    mutable QString m_error;
};

}  // namespace rc::ledger
