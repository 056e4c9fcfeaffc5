// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/githubclient.h"
#include "watch/platforms.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace rc::watch {

struct WatchTarget
{
    QString owner, repo, workflow;                        // workflow file name
    std::optional<qint64> runId;                          // known: watch it; else find it:
    QString event = QStringLiteral("workflow_dispatch");  // or repository_dispatch
    QString actor;                                        // login
    QString branch;                                       // ref (workflow dispatch)
    QDateTime createdSince;                // server's Date at sending (minus a little skew)
    std::optional<QString> expectedTitle;  // run-name title, when known
};

// How long each step of each job typically takes: job name → step name → duration.
using StepDurations = QHash<QString, QHash<QString, std::chrono::seconds>>;

// How long each step of a job took: the steps that completed successfully with both times, in
// order. What the ledger keeps to time the polls of later runs.
QList<std::pair<QString, std::chrono::seconds>> stepDurationsOf(const forge::WorkflowJob &job);

struct WatchOptions
{
    std::chrono::milliseconds minInterval {3000};
    std::chrono::milliseconds maxInterval {60000};
    std::chrono::milliseconds findTimeout {120000};  // no run after this: NotFound (a failure)
    // This profile's earlier runs (from the ledger): while every running job is in a step of
    // known length, the next poll is timed for the earliest end instead of every minInterval,
    // and near a step's typical end (before or after it) polls come closer together.
    StepDurations typicalStepDurations;
    // A job the history above does not know (a profile's first release, a new platform) is
    // timed from the newest successful run of the watched run's workflow other than itself (any
    // branch or event): at most two requests per watcher, not retried when they fail.
    bool learnFromEarlierRun = true;
    // Seconds of the watcher's clock per real second: 1, except for the sandbox's virtual clock,
    // which runs faster (a predicted wait on that clock is divided by it).
    double clockSpeed = 1.0;
};

enum class WatchPhase { FindingRun, Watching, Completed, NotFound, Failed };
// "finding-run", "watching", "completed", "not-found", "failed"
QString watchPhaseName(WatchPhase phase);

struct RunSnapshot
{
    WatchPhase phase = WatchPhase::FindingRun;
    std::optional<forge::WorkflowRun> run;
    // Builds first in job order, helpers after; rows never move (a helper listed before any
    // build, such as prepare, is held back until the builds appear or every job has ended).
    QList<PlatformState> platforms;
    bool stale = false;
    QDateTime staleSince;
    QString problem;                      // network down etc.
    bool allSucceeded() const;            // completed and every build platform Success
    QStringList failedPlatforms() const;  // keys of build platforms that failed or were cancelled
};

// Follows one workflow run to its true per-platform outcome, frugally: in steady state one
// conditional request per tick (the run's jobs, filter=latest; a 304 costs no rate limit), the
// run itself only at the start, when every job has completed and when run_attempt changes, and
// the build summaries as soon as a build job completes, and (once, for jobs the history lacks)
// an earlier successful run's step durations. One request in flight; errors back off
// exponentially (up to maxInterval) and mark the snapshot stale until an answer comes back.
// Each watcher has its own state: several can watch at once over one client.
class RunWatcher : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    RunWatcher(const forge::GitHubClient *client, WatchTarget target, WatchOptions options = {},
               Clock clock = &QDateTime::currentDateTimeUtc, QObject *parent = nullptr);
    ~RunWatcher() override;

    // Starts watching. Called again after finished() (Completed), it watches the same run
    // once more: after a re-run the new attempt is followed.
    void start();
    // Stops polling and drops the request in flight; start() resumes.
    void stop();
    bool isActive() const { return m_active; }
    const RunSnapshot &snapshot() const { return m_snapshot; }
    qint64 requestsSent() const { return m_requestsSent; }  // every request the watcher made
    // The wait before the next poll (adaptive, between the options' bounds, on the timer: a
    // predicted wait is divided by clockSpeed).
    std::chrono::milliseconds currentInterval() const { return m_wait; }
    // The run's jobs as last listed (helpers held back from the rows included).
    const QList<forge::WorkflowJob> &jobs() const { return m_lastJobs; }
    // How far GitHub's clock is ahead of the watcher's (negative: behind), from the answers'
    // Date headers; 0 while the difference is within what the round trip and Date's whole
    // seconds explain. Step times are GitHub's: predictions compare them with its clock.
    std::chrono::milliseconds serverClockOffset() const { return m_serverOffset; }
    // What the polls are timed by: the options' history plus what was learned from an earlier run.
    const StepDurations &typicalStepDurations() const { return m_options.typicalStepDurations; }

signals:
    void platformsInserted(int first, int last);  // rows appended to snapshot().platforms
    void platformChanged(int index);              // that row's values changed
    void runChanged();                            // run, phase, stale or problem changed
    void finished();                              // Completed, NotFound or Failed

private:
    enum class Next { Poll, Soon };

    void tick();
    void schedule(Next next);
    QObject *freshContext();
    // The handler, called only if the watcher was not stopped since the request went out.
    template<class T>
    forge::Callback<T> answerTo(void (RunWatcher::*handler)(const forge::ForgeResult<T> &));
    void findRun();
    void fetchRun();
    void fetchJobs();
    void fetchArtifacts();
    void fetchSummary(int index, const forge::GitHubArtifact &artifact);
    void fetchEarlierRuns();
    void fetchEarlierJobs(qint64 runId);
    void
    fetchJobsOf(qint64 runId,
                void (RunWatcher::*handler)(const forge::ForgeResult<QList<forge::WorkflowJob>> &));

    void onRun(const forge::ForgeResult<forge::WorkflowRun> &result);
    void onRuns(const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result);
    void onJobs(const forge::ForgeResult<QList<forge::WorkflowJob>> &result);
    void onArtifacts(const forge::ForgeResult<QList<forge::GitHubArtifact>> &result);
    void onSummary(int index, qint64 jobId, const forge::ForgeResult<forge::BuildSummary> &result);
    void onEarlierRuns(const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result);
    void onEarlierJobs(const forge::ForgeResult<QList<forge::WorkflowJob>> &result);
    // Whether a listed job has no typical step durations and an earlier run may tell them.
    bool mayLearnFromEarlierRun() const;

    // An answer came back (any answer: the network works).
    void noteAnswer();
    // Updates serverClockOffset() from an answer's Date (the request went out at m_sentAt).
    void noteServerClock(const std::optional<QDateTime> &serverDate);
    QDateTime serverNow() const;
    // A request failed: stale, back off; true when the watch has to give up.
    void noteFailure(const forge::ForgeError &error);
    bool findTimedOut() const;
    // When the next visible change is due from the typical step durations.
    struct Prediction
    {
        QDateTime nextEnd;  // the earliest typical end of a running job's step still ahead
        // The least distance of a running step from its typical end, among the steps near it
        // (runs vary: a step may end a little before or after it).
        std::optional<std::chrono::milliseconds> nearestEnd;
    };
    // Empty when a job is queued or no running job is predictable; a job between steps, in a
    // step of unknown length or well past its step's typical end is left to the reactive polls
    // (the others are still timed).
    std::optional<Prediction> predictedChange() const;
    void finish(WatchPhase phase, const QString &problem = {});
    void setRun(const forge::WorkflowRun &run);
    // Merges the jobs into the rows; true when anything changed.
    bool mergeJobs(const QList<forge::WorkflowJob> &jobs);
    void updateRow(int index, PlatformState state);
    // The row's summary artifact, when listed: the newest of the job's attempt.
    std::optional<forge::GitHubArtifact> summaryArtifactFor(const PlatformState &row) const;
    int rowNeedingSummary() const;
    bool rowWaitsForSummary(const PlatformState &row) const;
    // The job's status corrected by the true outcome; Running while the summary is awaited.
    PlatformStatus shownStatus(const PlatformState &row) const;
    void refreshStatuses();
    bool everyJobCompleted() const;
    void maybeComplete();

    const forge::GitHubClient *m_client;
    WatchTarget m_target;
    WatchOptions m_options;
    Clock m_clock;
    RunSnapshot m_snapshot;

    QTimer m_timer;
    QPointer<QObject> m_context;  // parent of the request in flight; deleting it aborts it
    QDateTime m_sentAt;           // when the request in flight (or the last one) went out
    std::chrono::milliseconds m_serverOffset {0};
    bool m_active = false;
    bool m_inFlight = false;
    quint64 m_generation = 0;  // bumped by stop(): answers to earlier requests are dropped
    qint64 m_requestsSent = 0;
    std::chrono::milliseconds m_interval {0};  // the reactive interval
    std::chrono::milliseconds m_wait {0};      // the one last waited: reactive or predicted
    int m_failures = 0;                        // in a row
    QDateTime m_startedAt;

    std::optional<qint64> m_runId;
    bool m_needRun = true;
    bool m_jobsSeen = false;
    bool m_changedOnLastPoll = true;
    bool m_waitWasPredicted = false;  // the last wait was timed for a predicted change
    // Artifacts: listed when a build job completed since the last listing.
    bool m_needArtifacts = false;
    QList<forge::GitHubArtifact> m_artifacts;
    QHash<qint64, int> m_summaryFailures;         // per job id: unreadable summaries
    QHash<qint64, int> m_listingsWithoutSummary;  // per job id: listings that lacked it
    QList<forge::WorkflowJob> m_lastJobs;         // the latest listing, helpers held back included
    // Learning step durations from an earlier run (learnFromEarlierRun):
    bool m_learnDue = false;               // its next request (either stage) goes at the next tick
    std::optional<qint64> m_earlierRunId;  // the run found to learn from
    bool m_learnDone = false;              // learned, or nothing to learn from: never again
};

}  // namespace rc::watch
