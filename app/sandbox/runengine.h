// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <optional>

namespace rc::sandbox {

class VirtualClock;

// One cell of the deploy workflow's build matrix.
struct Platform
{
    QString os;      // runner label: ubuntu-latest, macos-14, windows-2022
    QString python;  // 3.12
    QString mpi;     // mpich, msmpi

    // "ubuntu-latest_3.12_mpich": the suffix of the build_summary artifact.
    QString key() const;
    // "build (ubuntu-latest, 3.12, mpich)": how GitHub names a matrix job.
    QString jobName() const;
    // conda's subdir for the runner: linux-64, osx-arm64, win-64.
    QString condaSubdir() const;
};

// What a build job does, scripted per platform by tests.
enum class BuildOutcome {
    Success,     // conda-build succeeds and uploads; summary.json says "success"
    BuildFails,  // conda-build fails; continue-on-error keeps the job "success"; summary.json says
                 // "failure" and nothing is uploaded
    JobFails,    // a step without continue-on-error fails (the checksum check): job "failure"
};

// Why a BuildFails build failed, which its log and annotations tell.
enum class BuildFailure {
    None,
    CompileError,   // scripted by setPlatformOutcome: the compiler stops half-way
    UploadRefused,  // the file is already on anaconda.org (no --force)
};

// A check-run annotation as the runner makes one: from a workflow command (`::error
// title=...::message`) or a failed step ("Process completed with exit code 1."). Without a file
// the runner files it under ".github", line 1.
struct CheckAnnotation
{
    QString path = QStringLiteral(".github");
    int startLine = 1;
    int endLine = 1;
    QString level;  // failure, warning, notice
    QString title;
    QString message;
    QString rawDetails;
};

// How a workflow's build jobs write the patch input to patch.diff, and its concurrency.
struct WorkflowBehaviour
{
    enum class PatchWrite {
        PrintfQuoted,  // run: printf '${{ inputs.patch }}' > patch.diff (bash sees the input as
                       // code)
        Raw,           // env: PATCH: ${{ inputs.patch }}, run: printf '%s' "$PATCH" > patch.diff
    };
    PatchWrite patchWrite = PatchWrite::PrintfQuoted;
    bool cancelInProgress = true;  // false: a new run waits ("pending") for the one in progress
    // true: the build step has no continue-on-error (the recipes-repo kit's deploy.yml), so
    // BuildOutcome::BuildFails fails the step and the job; the summary steps still run.
    bool failedBuildFailsJob = false;
};

struct StepPlan
{
    QString name;
    qint64 seconds = 0;
    QString conclusion = QStringLiteral("success");  // success, failure, skipped
};

struct StepView
{
    QString name;
    int number = 0;
    QString status;      // queued, in_progress, completed
    QString conclusion;  // empty while not completed
    QDateTime startedAt;
    QDateTime completedAt;
};

struct Job
{
    enum class Kind { Prepare, Build, Summary };

    qint64 id = 0;
    qint64 runId = 0;
    int runAttempt = 1;
    Kind kind = Kind::Build;
    QString name;
    std::optional<Platform> platform;
    BuildOutcome outcome = BuildOutcome::Success;
    BuildFailure buildFailure = BuildFailure::None;
    QString failedStep;                    // JobFails: which step failed
    QHash<QString, QStringList> stepLogs;  // extra log lines of a step (git apply's output, errors)
    QDateTime createdAt;                   // queued from here
    QDateTime startAt;                     // picked up by a runner
    QList<StepPlan> steps;
    std::optional<QDateTime> cancelledAt;
    qint64 runnerId = 0;
    bool superseded = false;  // a later attempt re-ran this job

    QDateTime plannedCompletion() const;
    // When the job ends, counting a cancellation.
    QDateTime completion() const;
    bool existsAt(const QDateTime &time) const;
};

// A job as the API shows it at one instant.
struct JobView
{
    QString status;  // queued, in_progress, completed
    QString conclusion;
    QDateTime startedAt;
    QDateTime completedAt;  // invalid while not completed
    QList<StepView> steps;
    QString currentStep;
};

JobView viewJob(const Job &job, const QDateTime &time);

struct Artifact
{
    qint64 id = 0;
    qint64 runId = 0;
    QString name;
    QDateTime createdAt;
    QByteArray zip;            // small artifacts
    qint64 streamedSize = -1;  // large ones: DeterministicByteDevice(streamedSize, seed)
    quint32 seed = 0;

    qint64 size() const { return streamedSize >= 0 ? streamedSize : zip.size(); }
};

struct Run
{
    qint64 id = 0;
    int runNumber = 0;
    int runAttempt = 1;
    QString event;  // workflow_dispatch, repository_dispatch
    QString headBranch;
    QString headSha;
    QString actor;
    QString workflowPath;
    QString displayTitle;
    QJsonObject inputs;
    QDateTime createdAt;
    QDateTime attemptStartedAt;
    QDateTime pendingUntil;  // concurrency without cancel-in-progress: waits until then
    std::optional<QDateTime> cancelledAt;  // of the current attempt
    QList<qint64> jobIds;                  // every attempt's jobs, in creation order
    QList<qint64> artifactIds;
};

struct RunView
{
    QString status;  // queued, in_progress, completed
    QString conclusion;
    QDateTime updatedAt;
};

// Runs the deploy workflow's jobs on the virtual clock: dispatch plans a whole run up front
// (prepare → 6 matrix builds → summary, with realistic step durations); every question is
// answered by looking at that plan at the clock's current time, so state changes only when the
// clock moves. Side effects (artifacts, anaconda.org uploads) happen as the clock passes them.
class RunEngine : public QObject
{
    Q_OBJECT

public:
    struct Upload
    {
        QString channel;
        QString package;
        QString version;
        QString build;
        QString label;
        Platform platform;
        QDateTime time;
    };
    using UploadSink = std::function<void(const Upload &)>;
    // Answers the bytes a tarball URL serves, when the simulator itself serves it, so the
    // "Verify checksum" step can compare the sha256 input for real.
    using TarballLookup = std::function<std::optional<QByteArray>(const QString &url)>;

    RunEngine(VirtualClock *clock, QObject *parent = nullptr);

    void setMatrix(const QList<Platform> &matrix) { m_matrix = matrix; }
    const QList<Platform> &matrix() const { return m_matrix; }
    // The conda-build step of later runs takes `factor` times its usual 6 to 10 minutes (real
    // builds of a C++ code take tens of minutes; the demo keeps them short).
    void setBuildStepScale(double factor) { m_buildStepScale = std::max(factor, 0.01); }
    // Outcome for platforms whose key matches the wildcard (e.g. "windows-*"); later calls win.
    // With `throughAttempt` N > 0 only attempts 1..N have it (a re-run then succeeds).
    void setPlatformOutcome(const QString &platformPattern, BuildOutcome outcome,
                            int throughAttempt = 0);
    void clearPlatformOutcomes() { m_outcomes.clear(); }
    void setUploadSink(UploadSink sink) { m_uploadSink = std::move(sink); }
    void setTarballLookup(TarballLookup lookup) { m_tarballLookup = std::move(lookup); }
    // True when anaconda.org already holds this build: conda-build's upload then fails (no
    // --force), which continue-on-error turns into a "success" job with a failed summary.
    using PublishedLookup = std::function<bool(const Upload &)>;
    void setPublishedLookup(PublishedLookup lookup) { m_publishedLookup = std::move(lookup); }
    // The patch step and concurrency of a workflow (default: printf-quoted, cancel-in-progress).
    void setWorkflowBehaviour(const QString &workflowPath, const WorkflowBehaviour &behaviour)
    {
        m_behaviours.insert(workflowPath, behaviour);
    }
    WorkflowBehaviour workflowBehaviour(const QString &workflowPath) const
    {
        return m_behaviours.value(workflowPath);
    }

    // Plans a new run and applies the workflow's concurrency to runs on the same ref:
    // cancel-in-progress cancels them; otherwise the new run is pending until the one in
    // progress ends (and replaces an older pending run, which is cancelled).
    qint64 startRun(const QString &event, const QString &workflowPath, const QString &branch,
                    const QString &sha, const QString &actor, const QString &title,
                    const QJsonObject &inputs);
    // A finished run in the past, as history for listings.
    qint64 addHistoricalRun(const QString &workflowPath, const QString &branch, const QString &sha,
                            const QString &actor, const QString &title, const QJsonObject &inputs,
                            const QDateTime &createdAt);
    enum class ControlResult { Done, NotFound, Conflict };
    ControlResult cancelRun(qint64 runId);
    ControlResult rerunFailedJobs(qint64 runId);
    ControlResult rerunJob(qint64 jobId);
    // A large artifact on a run, streamed from deterministic bytes; returns its id.
    qint64 addLargeArtifact(qint64 runId, const QString &name, qint64 bytes, quint32 seed);

    const Run *run(qint64 id) const;
    const Job *job(qint64 id) const;
    const Artifact *artifact(qint64 id) const;
    // Newest first.
    QList<const Run *> runs() const;
    // The jobs of the run's latest attempt that exist now (or of every attempt).
    QList<const Job *> jobsOf(qint64 runId, bool allAttempts = false) const;
    QList<const Artifact *> artifactsOf(qint64 runId) const;
    RunView viewRun(const Run &run) const;
    JobView viewJob(const Job &job) const;
    // The job's log as GitHub serves it: timestamped lines, ##[group] headers per step, the
    // tools' own words (curl, sha256sum, git apply, conda, the compiler, pytest, anaconda-client)
    // up to the clock's time. A few hundred lines per build job.
    QString jobLog(const Job &job) const;
    // The annotations of the job's check run (the check run id is the job id), in the order
    // the runner made them: only steps completed by now have theirs.
    QList<CheckAnnotation> annotations(const Job &job) const;
    QDateTime now() const;

    // Moves side effects up to the clock's time; called on every clock tick and request.
    void catchUp();

signals:
    void changed();

private:
    // A new run with its first attempt's jobs planned from `createdAt`; returns its id.
    qint64 addRun(const QString &event, const QString &workflowPath, const QString &branch,
                  const QString &sha, const QString &actor, const QString &title,
                  const QJsonObject &inputs, const QDateTime &createdAt,
                  const QDateTime &startAt = {});
    struct PatchCheck
    {
        bool skipped = false;  // no patch input: `if: inputs.patch != ''` skips both steps
        QString failedStep;
        QHash<QString, QStringList> logs;
    };
    // What "Write patch" and "Apply patch" do with the run's inputs, for real.
    PatchCheck checkPatch(const Run &run) const;
    QDateTime completionOf(const Run &run) const;
    bool isPending(const Run &run) const;
    // Pending runs whose blocker ended early (cancelled) start now.
    void startUnblockedRuns();
    void startNewAttempt(Run &run, const QSet<QString> &jobNames);
    QList<Job> planJobs(Run &run, const QDateTime &start, const QSet<QString> &onlyJobNames,
                        int attempt);
    QList<StepPlan> buildSteps(const Platform &platform, BuildOutcome outcome,
                               const QString &failedStep, bool patchSkipped) const;
    BuildOutcome outcomeFor(const Platform &platform, const Run &run, int attempt) const;
    bool alreadyPublished(const Platform &platform, const Run &run) const;
    void cancelAt(Run &run, const QDateTime &time);
    QByteArray summaryZip(const Run &run, const Job &job) const;

    VirtualClock *m_clock;
    QList<Platform> m_matrix;
    double m_buildStepScale = 1.0;
    struct OutcomeRule
    {
        QString pattern;
        BuildOutcome outcome;
        int throughAttempt = 0;  // 0: every attempt
    };
    QList<OutcomeRule> m_outcomes;
    UploadSink m_uploadSink;
    TarballLookup m_tarballLookup;
    PublishedLookup m_publishedLookup;
    QHash<QString, WorkflowBehaviour> m_behaviours;
    QList<Run> m_runs;
    QHash<qint64, Job> m_jobs;
    QHash<qint64, Artifact> m_artifacts;
    QSet<qint64> m_uploadedJobs;
    QSet<qint64> m_summarizedJobs;
    qint64 m_nextRunId = 9120000001;
    int m_nextRunNumber = 41;
    qint64 m_nextJobId = 25900000001;
    qint64 m_nextArtifactId = 1790000001;
    qint64 m_nextRunnerId = 1000;
};

}  // namespace rc::sandbox
