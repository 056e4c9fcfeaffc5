// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "flow/forgeclients.h"
#include "forge/github.h"
#include "ledger/releaseledger.h"
#include "profiles/profile.h"
#include "release/releasecore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace rc::flow {

enum class CheckState { Unknown, Ok, Warning, Failed };
QString checkStateName(CheckState state);  // "unknown", "ok", "warning", "failed"

// One line of the preflight screen: what was checked, how it went, why, and what to do.
struct PreflightCheck
{
    QString id;     // stable: "github-token", "workflow", "checksum", ...
    QString title;  // "GitHub token"
    CheckState state = CheckState::Unknown;
    QString reason;
    QString nextStep;
    bool finished = false;  // the answer came (else still checking)
};

// The checksum as computed, to tell whether it belongs to the release being sent.
struct ChecksumRecord
{
    QString commitSha;
    QString url;
    QString sha256;
    QString pipelineStatus;  // GitLab status of the commit's pipeline, "" when unknown
};

struct PreflightInput
{
    profiles::Profile profile;
    release::PreparedRelease release;
    std::optional<ChecksumRecord> checksum;
    // Where earlier dispatches of the profile whose outcome is open are looked up (and their
    // runs looked for) before another is sent; null: not checked.
    ledger::ReleaseLedger *ledger = nullptr;
};

struct PreflightReport
{
    QList<PreflightCheck> checks;
    QString gitHubLogin;  // who dispatches: the run is looked for by this actor
    std::optional<forge::WorkflowRun> runInProgress;
    bool workflowHasRunName = false;
    QString workflowRunName;         // the `run-name` template, when the workflow has one
    bool alreadyDispatched = false;  // this very release was sent from here before
    bool wouldCancelRun = false;     // runInProgress, and the workflow cancels runs in progress

    bool allFinished() const;
    bool hasFailures() const;
    bool hasWarnings() const;
    const PreflightCheck *check(const QString &id) const;
};

// Every check a careful maintainer makes before sending (SPEC F7), asked of the forges in
// parallel. The list of checks is known at once (all "checking"); each is filled as its answer
// comes. Nothing is sent.
class Preflight : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    Preflight(const ForgeClients *clients, PreflightInput input,
              Clock clock = &QDateTime::currentDateTimeUtc, QObject *parent = nullptr);

    void start();
    const PreflightReport &report() const { return m_report; }
    const PreflightInput &input() const { return m_input; }

signals:
    void checkChanged(int index);
    void finished();

private:
    int indexOf(const QString &id) const;
    void settle(const QString &id, CheckState state, const QString &reason,
                const QString &nextStep = {});
    void checkGitHubToken();
    void checkGitLabToken();
    void checkWorkflow();
    void checkWorkflowContract();
    void checkRef();
    void checkRunsInProgress();
    void settleRunsInProgress();
    void checkAlreadyDispatched();
    void checkAnaconda();
    void checkLocalFacts();
    void checkEarlierDispatches();
    void lookForNextEarlierRun();

    const ForgeClients *m_clients;
    PreflightInput m_input;
    Clock m_clock;
    PreflightReport m_report;
    bool m_cancelsInProgress = true;  // until the workflow says otherwise
    bool m_emittedFinished = false;
    std::optional<forge::ForgeResult<forge::Page<forge::WorkflowRun>>> m_runsAnswer;
    bool m_contractAnswered = false;
    QList<ledger::LedgerEntry> m_earlierOpenEntries;  // still to look at, newest first
    QSet<qint64> m_earlierClaimed;
    QStringList m_earlierOpen;
    QStringList m_earlierFound;
};

}  // namespace rc::flow
