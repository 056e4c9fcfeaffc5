#pragma once

#include <QByteArray>
#include <QDateTime>
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

    friend bool operator==(const LedgerEntry &, const LedgerEntry &) = default;
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
    static constexpr int schemaVersion = 1;
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

    std::optional<LedgerEntry> entry(qint64 id) const;
    // Newest recorded first (insertion order, whatever the clock did); limit 0 = all.
    QList<LedgerEntry> entries(const QString &profile = {}, int limit = 0) const;
    QList<LedgerEntry> unresolved() const;  // Sending or Unknown, oldest first

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
