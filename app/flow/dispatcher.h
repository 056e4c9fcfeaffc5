// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "flow/forgeclients.h"
#include "ledger/releaseledger.h"
#include "profiles/profile.h"
#include "release/releasecore.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

namespace rc::flow {

enum class DispatchOutcome {
    Sent,        // GitHub accepted it (the run may still be starting)
    Refused,     // GitHub answered that it did not accept it: nothing was dispatched
    Unknown,     // the POST may have been received, and no run was found: look before resending
    NotStarted,  // nothing was sent (the ledger could not record it first, or it was not ready)
};
QString
dispatchOutcomeName(DispatchOutcome outcome);  // "sent", "refused", "unknown", "not-started"

struct DispatchRequest
{
    profiles::Profile profile;
    release::PreparedRelease release;
    QString gitHubLogin;  // the actor, to find the run when no id came back
    // The workflow's `run-name` template (from the preflight): a run found by listing must carry
    // the title it gives this body, when that can be known.
    QString runNameTemplate;
    // Looking for a run after an unclear answer: how often and how far apart.
    int findAttempts = 6;
    std::chrono::milliseconds findInterval {5000};
    // How far the runs list's `created` filter reaches back before the moment of sending.
    std::chrono::seconds clockSkewAllowance {120};
};

struct DispatchReport
{
    DispatchOutcome outcome = DispatchOutcome::NotStarted;
    qint64 ledgerId = 0;
    std::optional<qint64> runId;
    QUrl runUrl;
    QString message;  // what happened, and for Unknown what to look at
    int postsSent = 0;
    bool resentWithoutRunDetails = false;
    bool runFoundByListing = false;
    forge::ForgeError refusal;  // Refused: what GitHub answered
};

// Sends one prepared release at most once (SPEC F7): recorded in the ledger first, then POSTed;
// the answer is recorded. After a timeout, a 5xx or a lost connection nothing is resent: the
// run is looked for (actor, event, ref, created since the server's time of sending). The one
// resend is without return_run_details, after a server refused that field by name.
class Dispatcher : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    Dispatcher(const ForgeClients *clients, ledger::ReleaseLedger *ledger, DispatchRequest request,
               Clock clock = &QDateTime::currentDateTimeUtc, QObject *parent = nullptr);

    // Once per object: a second call does nothing (one confirmation, one dispatch).
    void start();
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    const DispatchReport &report() const { return m_report; }

signals:
    void stageChanged(const QString &description);
    // The request is about to go out: the ledger already has it as "sending".
    void posting();
    // An answer (or an error) came back and is about to be recorded.
    void answerReceived();
    void finished();

private:
    void post(const QByteArray &body);
    void onAnswer(const forge::ForgeResult<forge::DispatchResult> &result);
    void findRun();
    void onRunsListed(const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result);
    void finish(DispatchOutcome outcome, const QString &message);
    ledger::LedgerEntry ledgerEntry() const;

    const ForgeClients *m_clients;
    ledger::ReleaseLedger *m_ledger;
    DispatchRequest m_request;
    Clock m_clock;
    DispatchReport m_report;
    std::optional<QString> m_expectedTitle;
    QDateTime m_sentAt;  // server's Date when known, else the local clock at sending
    bool m_sentAtFromServer = false;
    QString m_unclearReason;
    int m_findAttempt = 0;
    QTimer m_findTimer;
    bool m_started = false;
    bool m_finished = false;
};

// Looks for the run of an earlier dispatch whose outcome is unknown (a crash between the POST
// and its answer, a timeout): the same search as after an unclear answer, for a ledger entry.
// Runs already recorded for another dispatch (`claimedRunIds`) are never this entry's. `done`
// gets the run or nullopt, with a message.
void findRunOfEntry(const ForgeClients *clients, const profiles::Profile &profile,
                    const ledger::LedgerEntry &entry, const QString &gitHubLogin,
                    const QSet<qint64> &claimedRunIds, QObject *context,
                    std::function<void(std::optional<forge::WorkflowRun>, QString)> done);

// The run ids the ledger already attributes to a dispatch of the profile.
QSet<qint64> claimedRunIds(const ledger::ReleaseLedger &ledger, const QString &profile);

}  // namespace rc::flow
