// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/runengine.h"

#include "sandbox/anacondaapi.h"
#include "sandbox/archives.h"
#include "sandbox/gitapply.h"
#include "sandbox/joblog.h"
#include "sandbox/shellprintf.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

const QString kSuccess = u"success"_s;
const QString kFailure = u"failure"_s;
const QString kSkipped = u"skipped"_s;
const QString kCancelled = u"cancelled"_s;
const QString kQueued = u"queued"_s;
const QString kInProgress = u"in_progress"_s;
const QString kCompleted = u"completed"_s;

const QString kBuildStep = u"Build and upload with conda-build"_s;
const QString kChecksumStep = u"Verify checksum"_s;
const QString kDownloadStep = u"Download tarball"_s;
const QString kWritePatchStep = u"Write patch"_s;
const QString kApplyPatchStep = u"Apply patch"_s;
const QString kPending = u"pending"_s;
// Where a runner keeps the script of a `run:` step; bash names it in its errors.
const QString kStepScript = u"/home/runner/work/_temp/2f1c7a0e-5b3d-4e9a-9c61-3d2b8f0e7a41.sh"_s;
const QString kUploadSummaryStep = u"Upload build summary"_s;

// Steps that run whatever happened before them (`if: always()` and post steps).
bool runsAlways(const QString &step)
{
    return step == u"Write build summary"_s || step == kUploadSummaryStep ||
        step.startsWith(u"Post "_s) || step == u"Complete job"_s;
}

qint64 queueSeconds(const Platform &platform)
{
    qint64 seconds = 5;
    if (platform.os.startsWith(u"macos"_s))
        seconds = 25;
    else if (platform.os.startsWith(u"windows"_s))
        seconds = 12;
    return platform.python == u"3.13"_s ? seconds + 3 : seconds;
}

qint64 condaBuildSeconds(const Platform &platform)
{
    qint64 seconds = 420;
    if (platform.os.startsWith(u"macos"_s))
        seconds = 360;
    else if (platform.os.startsWith(u"windows"_s))
        seconds = 600;
    return platform.python == u"3.13"_s ? seconds + 15 : seconds;
}

// The step fails and the ones after it are skipped, except those that always run.
void failFromStep(QList<StepPlan> &steps, const QString &failedStep)
{
    bool afterFailure = false;
    for (StepPlan &step : steps) {
        if (step.name == failedStep) {
            step.conclusion = kFailure;
            afterFailure = true;
        } else if (afterFailure && !runsAlways(step.name)) {
            step.conclusion = kSkipped;
            step.seconds = 0;
        }
    }
}

QList<StepPlan> prepareSteps()
{
    return {{u"Set up job"_s, 2},
            {u"Run actions/checkout@v4"_s, 2},
            {u"Validate inputs"_s, 1},
            {u"Post Run actions/checkout@v4"_s, 1},
            {u"Complete job"_s, 1}};
}

QList<StepPlan> summarySteps()
{
    return {{u"Set up job"_s, 2},
            {u"Download build summaries"_s, 3},
            {u"Summarize builds"_s, 1},
            {u"Complete job"_s, 1}};
}

}  // namespace

QString Platform::key() const
{
    return os + u'_' + python + u'_' + mpi;
}

QString Platform::jobName() const
{
    return u"build ("_s + os + u", "_s + python + u", "_s + mpi + u')';
}

QString Platform::condaSubdir() const
{
    if (os.startsWith(u"macos"_s))
        return u"osx-arm64"_s;
    if (os.startsWith(u"windows"_s))
        return u"win-64"_s;
    return u"linux-64"_s;
}

QDateTime Job::plannedCompletion() const
{
    qint64 seconds = 0;
    for (const StepPlan &step : steps)
        seconds += step.seconds;
    return startAt.addSecs(seconds);
}

QDateTime Job::completion() const
{
    const QDateTime planned = plannedCompletion();
    if (cancelledAt && *cancelledAt < planned)
        return std::max(*cancelledAt, createdAt);
    return planned;
}

bool Job::existsAt(const QDateTime &time) const
{
    if (cancelledAt && createdAt > *cancelledAt)
        return false;  // cancelled before it was ever queued
    return createdAt <= time;
}

JobView viewJob(const Job &job, const QDateTime &time)
{
    JobView view;
    view.startedAt = job.createdAt;  // GitHub reports a queued job as started when queued
    const bool cancelled = job.cancelledAt && *job.cancelledAt < job.plannedCompletion();
    const QDateTime effective = cancelled ? std::min(time, *job.cancelledAt) : time;
    if (effective < job.startAt) {
        if (cancelled && time >= *job.cancelledAt) {
            view.status = kCompleted;
            view.conclusion = kCancelled;
            view.completedAt = *job.cancelledAt;
        } else {
            view.status = kQueued;
        }
        return view;
    }
    view.startedAt = job.startAt;
    QDateTime stepStart = job.startAt;
    bool failed = false;
    int number = 1;
    for (const StepPlan &plan : job.steps) {
        StepView step;
        step.name = plan.name;
        step.number = number++;
        const QDateTime stepEnd = stepStart.addSecs(plan.seconds);
        if (cancelled && *job.cancelledAt < stepEnd && time >= *job.cancelledAt) {
            if (*job.cancelledAt >= stepStart) {
                step.status = kCompleted;
                step.conclusion = kCancelled;
                step.startedAt = stepStart;
                step.completedAt = *job.cancelledAt;
            } else {
                step.status = kCompleted;
                step.conclusion = kSkipped;
            }
        } else if (effective >= stepEnd) {
            step.status = kCompleted;
            step.conclusion = plan.conclusion;
            step.startedAt = stepStart;
            step.completedAt = stepEnd;
            failed = failed || plan.conclusion == kFailure;
        } else if (effective >= stepStart) {
            step.status = kInProgress;
            step.startedAt = stepStart;
            view.currentStep = plan.name;
        } else {
            step.status = kQueued;
        }
        view.steps.append(step);
        stepStart = stepEnd;
    }
    if (time >= job.completion()) {
        view.status = kCompleted;
        view.completedAt = job.completion();
        view.conclusion = cancelled ? kCancelled : (failed ? kFailure : kSuccess);
        view.currentStep.clear();
    } else {
        view.status = kInProgress;
    }
    return view;
}

RunEngine::RunEngine(VirtualClock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_matrix = {
        {u"ubuntu-latest"_s, u"3.12"_s, u"mpich"_s}, {u"ubuntu-latest"_s, u"3.13"_s, u"mpich"_s},
        {u"macos-14"_s, u"3.12"_s, u"mpich"_s},      {u"macos-14"_s, u"3.13"_s, u"mpich"_s},
        {u"windows-2022"_s, u"3.12"_s, u"msmpi"_s},  {u"windows-2022"_s, u"3.13"_s, u"msmpi"_s}};
    connect(m_clock, &VirtualClock::advanced, this, &RunEngine::catchUp);
}

QDateTime RunEngine::now() const
{
    return m_clock->now();
}

void RunEngine::setPlatformOutcome(const QString &platformPattern, BuildOutcome outcome,
                                   int throughAttempt)
{
    m_outcomes.prepend({platformPattern, outcome, std::max(throughAttempt, 0)});
}

BuildOutcome RunEngine::outcomeFor(const Platform &platform, const Run &run, int attempt) const
{
    if (m_tarballLookup) {
        // The runner really checks the tarball: a wrong sha256 fails every build.
        if (const std::optional<QByteArray> bytes =
                m_tarballLookup(run.inputs.value(u"url"_s).toString())) {
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex());
            if (bytes->isEmpty() || sha != run.inputs.value(u"sha256"_s).toString().toLower())
                return BuildOutcome::JobFails;
        }
    }
    if (alreadyPublished(platform, run))
        return BuildOutcome::BuildFails;
    for (const OutcomeRule &rule : m_outcomes) {
        if (rule.throughAttempt > 0 && attempt > rule.throughAttempt)
            continue;
        const QRegularExpression expression(QRegularExpression::wildcardToRegularExpression(
            rule.pattern, QRegularExpression::NonPathWildcardConversion));
        if (expression.match(platform.key()).hasMatch())
            return rule.outcome;
    }
    return BuildOutcome::Success;
}

bool RunEngine::alreadyPublished(const Platform &platform, const Run &run) const
{
    if (!m_publishedLookup)
        return false;
    const Upload upload {run.inputs.value(u"channel"_s).toString(),
                         run.inputs.value(u"recipe"_s).toString(),
                         run.inputs.value(u"version"_s).toString(),
                         run.inputs.value(u"build"_s).toString(),
                         run.inputs.value(u"label"_s).toString(),
                         platform,
                         now()};
    return m_publishedLookup(upload);
}

QList<StepPlan> RunEngine::buildSteps(const Platform &platform, BuildOutcome outcome,
                                      const QString &failedStep, bool patchSkipped) const
{
    const auto buildSeconds = qint64(double(condaBuildSeconds(platform)) * m_buildStepScale);
    QList<StepPlan> steps = {
        {u"Set up job"_s, 3},
        {u"Run actions/checkout@v4"_s, 4},
        {kDownloadStep, 5},
        {kChecksumStep, 1},
        {u"Unpack tarball"_s, 1},
        {kWritePatchStep, 1},
        {kApplyPatchStep, 1},
        {u"Set up Miniforge"_s, 45},
        {u"Configure recipe"_s, 1},
        // continue-on-error: a failed build still concludes "success"
        {kBuildStep, outcome == BuildOutcome::BuildFails ? buildSeconds / 2 : buildSeconds},
        {u"Write build summary"_s, 1},
        {kUploadSummaryStep, 3},
        {u"Post Run actions/checkout@v4"_s, 1},
        {u"Complete job"_s, 1}};
    bool afterFailure = false;
    for (StepPlan &step : steps) {
        const bool isPatchStep = step.name == kWritePatchStep || step.name == kApplyPatchStep;
        if (outcome == BuildOutcome::JobFails && step.name == failedStep) {
            step.conclusion = kFailure;
            afterFailure = true;
        } else if ((afterFailure && !runsAlways(step.name)) || (isPatchStep && patchSkipped)) {
            step.conclusion = kSkipped;
            step.seconds = 0;
        }
    }
    return steps;
}

RunEngine::PatchCheck RunEngine::checkPatch(const Run &run) const
{
    PatchCheck check;
    const QByteArray input = run.inputs.value(u"patch"_s).toString().toUtf8();
    if (input.isEmpty()) {
        check.skipped = true;
        return check;
    }
    const auto failAt = [&check](const QString &step, QStringList lines, int exitCode) {
        lines << u"##[error]Process completed with exit code "_s + QString::number(exitCode) + u'.';
        check.failedStep = step;
        check.logs.insert(step, lines);
    };
    QByteArray written = input;
    if (workflowBehaviour(run.workflowPath).patchWrite ==
        WorkflowBehaviour::PatchWrite::PrintfQuoted) {
        const ShellResult shell = printfQuotedToFile(input);
        QStringList lines;
        for (const QString &line : shell.error.split(u'\n', Qt::SkipEmptyParts))
            lines << kStepScript + u": line 1: "_s + line;
        if (!shell.ok()) {
            failAt(kWritePatchStep, lines, shell.exitCode);
            return check;
        }
        if (!lines.isEmpty())
            check.logs.insert(kWritePatchStep, lines);
        written = shell.output;
    }
    // The tree the patch applies to: the tarball as "Unpack tarball" left it, when this
    // simulator serves its URL (otherwise, like the checksum, it cannot be checked).
    if (!m_tarballLookup)
        return check;
    const std::optional<QByteArray> tarball =
        m_tarballLookup(run.inputs.value(u"url"_s).toString());
    if (!tarball || tarball->isEmpty())
        return check;
    const std::optional<QHash<QString, QByteArray>> files = readArchiveFiles(*tarball);
    if (!files)
        return check;
    const QString top = run.inputs.value(u"recipe"_s).toString() + u'/';
    QHash<QString, QByteArray> tree;
    for (auto it = files->constBegin(); it != files->constEnd(); ++it) {
        if (it.key().startsWith(top))
            tree.insert(it.key().mid(top.size()), it.value());
    }
    const GitApplyResult applied = gitApply(written, tree);
    if (!applied.ok)
        failAt(kApplyPatchStep, applied.log, 1);
    else
        check.logs.insert(kApplyPatchStep, applied.log);
    return check;
}

QDateTime RunEngine::completionOf(const Run &run) const
{
    QDateTime last = run.attemptStartedAt;
    for (const qint64 id : run.jobIds) {
        const Job &job = *m_jobs.constFind(id);
        if (!job.superseded)
            last = std::max(last, job.completion());
    }
    return last;
}

bool RunEngine::isPending(const Run &run) const
{
    return run.pendingUntil.isValid() && !run.cancelledAt && now() < run.pendingUntil;
}

void RunEngine::startUnblockedRuns()
{
    for (Run &waiting : m_runs) {
        if (!isPending(waiting))
            continue;
        bool blocked = false;
        for (const Run &other : std::as_const(m_runs)) {
            blocked = blocked ||
                (&other != &waiting && other.workflowPath == waiting.workflowPath &&
                 other.headBranch == waiting.headBranch && !isPending(other) &&
                 viewRun(other).status != kCompleted);
        }
        if (blocked)
            continue;
        for (const qint64 id : std::as_const(waiting.jobIds))
            m_jobs.remove(id);
        waiting.jobIds.clear();
        waiting.pendingUntil = now();
        waiting.attemptStartedAt = now();
        for (const Job &job : planJobs(waiting, now(), {}, 1)) {
            m_jobs.insert(job.id, job);
            waiting.jobIds.append(job.id);
        }
    }
}

QList<Job> RunEngine::planJobs(Run &run, const QDateTime &start, const QSet<QString> &onlyJobNames,
                               int attempt)
{
    // Jobs kept from the previous attempt, by name.
    QHash<QString, const Job *> kept;
    for (const qint64 id : std::as_const(run.jobIds)) {
        const Job &job = m_jobs[id];
        if (!job.superseded)
            kept.insert(job.name, &job);
    }
    const auto replan = [&](const QString &name) {
        return onlyJobNames.isEmpty() || onlyJobNames.contains(name);
    };
    QList<Job> planned;
    const auto newJob = [&](Job::Kind kind, const QString &name, const QDateTime &createdAt) {
        Job job;
        job.id = m_nextJobId++;
        job.runId = run.id;
        job.runAttempt = attempt;
        job.kind = kind;
        job.name = name;
        job.createdAt = createdAt;
        job.runnerId = m_nextRunnerId++;
        return job;
    };

    QDateTime prepareDone = start;
    if (replan(u"prepare"_s)) {
        Job prepare = newJob(Job::Kind::Prepare, u"prepare"_s, start);
        prepare.startAt = start.addSecs(3);
        prepare.steps = prepareSteps();
        prepareDone = prepare.plannedCompletion();
        planned.append(prepare);
    } else if (const Job *previous = kept.value(u"prepare"_s)) {
        prepareDone = std::max(start, previous->completion());
    }

    QDateTime buildsDone = prepareDone;
    const PatchCheck patch = checkPatch(run);
    for (const Platform &platform : std::as_const(m_matrix)) {
        if (replan(platform.jobName())) {
            Job build = newJob(Job::Kind::Build, platform.jobName(), prepareDone);
            build.platform = platform;
            build.outcome = outcomeFor(platform, run, attempt);
            if (build.outcome == BuildOutcome::BuildFails)
                build.buildFailure = alreadyPublished(platform, run) ? BuildFailure::UploadRefused
                                                                     : BuildFailure::CompileError;
            if (build.outcome == BuildOutcome::JobFails) {
                build.failedStep = kChecksumStep;
            } else if (!patch.failedStep.isEmpty()) {
                build.outcome = BuildOutcome::JobFails;
                build.failedStep = patch.failedStep;
            }
            if (build.failedStep != kChecksumStep)
                build.stepLogs = patch.logs;
            build.startAt = prepareDone.addSecs(queueSeconds(platform));
            build.steps = buildSteps(platform, build.outcome, build.failedStep, patch.skipped);
            if (build.outcome == BuildOutcome::BuildFails &&
                workflowBehaviour(run.workflowPath).failedBuildFailsJob) {
                build.failedStep = kBuildStep;
                failFromStep(build.steps, kBuildStep);
            }
            buildsDone = std::max(buildsDone, build.plannedCompletion());
            planned.append(build);
        } else if (const Job *previous = kept.value(platform.jobName())) {
            buildsDone = std::max(buildsDone, previous->completion());
        }
    }

    Job summary = newJob(Job::Kind::Summary, u"summary"_s, buildsDone);
    summary.startAt = buildsDone.addSecs(3);
    summary.steps = summarySteps();
    planned.append(summary);
    return planned;
}

qint64 RunEngine::startRun(const QString &event, const QString &workflowPath, const QString &branch,
                           const QString &sha, const QString &actor, const QString &title,
                           const QJsonObject &inputs)
{
    catchUp();
    const QDateTime time = now();
    // concurrency: { group: ${{ github.workflow }}-${{ github.ref }}, cancel-in-progress: ... }
    const bool cancelInProgress = workflowBehaviour(workflowPath).cancelInProgress;
    QDateTime startAt = time;
    for (Run &other : m_runs) {
        if (other.workflowPath != workflowPath || other.headBranch != branch ||
            viewRun(other).status == kCompleted)
            continue;
        if (cancelInProgress || isPending(other))
            cancelAt(other, time);
        else
            startAt = std::max(startAt, completionOf(other));
    }
    const qint64 id = addRun(event, workflowPath, branch, sha, actor, title, inputs, time, startAt);
    emit changed();
    return id;
}

qint64 RunEngine::addHistoricalRun(const QString &workflowPath, const QString &branch,
                                   const QString &sha, const QString &actor, const QString &title,
                                   const QJsonObject &inputs, const QDateTime &createdAt)
{
    const qint64 id =
        addRun(u"workflow_dispatch"_s, workflowPath, branch, sha, actor, title, inputs, createdAt);
    catchUp();
    return id;
}

qint64 RunEngine::addRun(const QString &event, const QString &workflowPath, const QString &branch,
                         const QString &sha, const QString &actor, const QString &title,
                         const QJsonObject &inputs, const QDateTime &createdAt,
                         const QDateTime &startAt)
{
    const QDateTime start = startAt.isValid() ? startAt : createdAt;
    Run run;
    run.id = m_nextRunId++;
    run.runNumber = m_nextRunNumber++;
    run.event = event;
    run.workflowPath = workflowPath;
    run.headBranch = branch;
    run.headSha = sha;
    run.actor = actor;
    run.displayTitle = title;
    run.inputs = inputs;
    run.createdAt = createdAt;
    run.attemptStartedAt = start;
    if (start > createdAt)
        run.pendingUntil = start;
    for (const Job &job : planJobs(run, start, {}, 1)) {
        m_jobs.insert(job.id, job);
        run.jobIds.append(job.id);
    }
    m_runs.append(run);
    return run.id;
}

void RunEngine::cancelAt(Run &run, const QDateTime &time)
{
    run.cancelledAt = time;
    for (const qint64 id : std::as_const(run.jobIds)) {
        Job &job = m_jobs[id];
        if (!job.superseded && job.plannedCompletion() > time && !job.cancelledAt)
            job.cancelledAt = time;
    }
}

RunEngine::ControlResult RunEngine::cancelRun(qint64 runId)
{
    catchUp();
    for (Run &run : m_runs) {
        if (run.id != runId)
            continue;
        if (viewRun(run).status == kCompleted)
            return ControlResult::Conflict;
        cancelAt(run, now());
        startUnblockedRuns();
        emit changed();
        return ControlResult::Done;
    }
    return ControlResult::NotFound;
}

RunEngine::ControlResult RunEngine::rerunFailedJobs(qint64 runId)
{
    catchUp();
    for (Run &run : m_runs) {
        if (run.id != runId)
            continue;
        if (viewRun(run).status != kCompleted)
            return ControlResult::Conflict;
        QSet<QString> failed;
        for (const Job *job : jobsOf(runId)) {
            const QString conclusion = viewJob(*job).conclusion;
            if (conclusion == kFailure || conclusion == kCancelled)
                failed.insert(job->name);
        }
        // Jobs that were cancelled before they were ever queued are re-run too.
        for (const qint64 id : std::as_const(run.jobIds)) {
            const Job &job = m_jobs[id];
            if (!job.superseded && !job.existsAt(now()))
                failed.insert(job.name);
        }
        if (failed.isEmpty())
            return ControlResult::Conflict;
        failed.insert(u"summary"_s);
        startNewAttempt(run, failed);
        return ControlResult::Done;
    }
    return ControlResult::NotFound;
}

void RunEngine::startNewAttempt(Run &run, const QSet<QString> &jobNames)
{
    // Like GitHub: the named jobs run again as a new attempt; their old rows stay, superseded.
    const int attempt = run.runAttempt + 1;
    const QList<Job> jobs = planJobs(run, now(), jobNames, attempt);
    for (const qint64 id : std::as_const(run.jobIds)) {
        if (jobNames.contains(m_jobs[id].name))
            m_jobs[id].superseded = true;
    }
    for (const Job &job : jobs) {
        m_jobs.insert(job.id, job);
        run.jobIds.append(job.id);
    }
    run.runAttempt = attempt;
    run.attemptStartedAt = now();
    run.cancelledAt.reset();
    emit changed();
}

RunEngine::ControlResult RunEngine::rerunJob(qint64 jobId)
{
    catchUp();
    const Job *target = job(jobId);
    if (!target || target->superseded)
        return ControlResult::NotFound;
    for (Run &run : m_runs) {
        if (run.id != target->runId)
            continue;
        if (viewRun(run).status != kCompleted)
            return ControlResult::Conflict;
        startNewAttempt(run, {target->name, u"summary"_s});
        return ControlResult::Done;
    }
    return ControlResult::NotFound;
}

qint64 RunEngine::addLargeArtifact(qint64 runId, const QString &name, qint64 bytes, quint32 seed)
{
    for (Run &run : m_runs) {
        if (run.id != runId)
            continue;
        Artifact artifact;
        artifact.id = m_nextArtifactId++;
        artifact.runId = runId;
        artifact.name = name;
        artifact.createdAt = now();
        artifact.streamedSize = bytes;
        artifact.seed = seed;
        m_artifacts.insert(artifact.id, artifact);
        run.artifactIds.append(artifact.id);
        emit changed();
        return artifact.id;
    }
    return 0;
}

const Run *RunEngine::run(qint64 id) const
{
    for (const Run &candidate : m_runs) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

const Job *RunEngine::job(qint64 id) const
{
    const auto found = m_jobs.constFind(id);
    if (found == m_jobs.cend() || !found->existsAt(now()))
        return nullptr;
    return &*found;
}

const Artifact *RunEngine::artifact(qint64 id) const
{
    const auto found = m_artifacts.constFind(id);
    return found == m_artifacts.cend() ? nullptr : &*found;
}

QList<const Run *> RunEngine::runs() const
{
    QList<const Run *> result;
    for (const Run &run : m_runs)
        result.prepend(&run);
    return result;
}

QList<const Job *> RunEngine::jobsOf(qint64 runId, bool allAttempts) const
{
    QList<const Job *> result;
    const Run *owner = run(runId);
    if (!owner)
        return result;
    const QDateTime time = now();
    for (const qint64 id : owner->jobIds) {
        const Job &job = *m_jobs.constFind(id);
        if ((allAttempts || !job.superseded) && job.existsAt(time))
            result.append(&job);
    }
    return result;
}

QList<const Artifact *> RunEngine::artifactsOf(qint64 runId) const
{
    QList<const Artifact *> result;
    if (const Run *owner = run(runId)) {
        for (const qint64 id : owner->artifactIds)
            result.append(&*m_artifacts.constFind(id));
    }
    return result;
}

RunView RunEngine::viewRun(const Run &run) const
{
    const QDateTime time = now();
    RunView view;
    if (isPending(run)) {
        view.status = kPending;
        view.updatedAt = run.createdAt;
        return view;
    }
    // A run cancelled while pending never started.
    const QDateTime started =
        run.cancelledAt ? std::min(run.attemptStartedAt, *run.cancelledAt) : run.attemptStartedAt;
    bool allDone = true;
    bool anyStarted = false;
    bool anyFailed = false;
    bool anyCancelled = false;
    QDateTime lastCompletion = started;
    QDateTime firstStart;
    for (const qint64 id : run.jobIds) {
        const Job &job = *m_jobs.constFind(id);
        if (job.superseded || (job.cancelledAt && job.createdAt > *job.cancelledAt))
            continue;
        lastCompletion = std::max(lastCompletion, job.completion());
        if (job.completion() > time) {
            allDone = false;
        } else {
            const QString conclusion = viewJob(job).conclusion;
            anyFailed = anyFailed || conclusion == kFailure;
            anyCancelled = anyCancelled || conclusion == kCancelled;
        }
        // Jobs kept from an earlier attempt do not make a re-run "in progress".
        if (job.runAttempt == run.runAttempt && job.existsAt(time) && job.startAt <= time &&
            (!job.cancelledAt || job.startAt <= *job.cancelledAt)) {
            anyStarted = true;
            if (!firstStart.isValid() || job.startAt < firstStart)
                firstStart = job.startAt;
        }
    }
    // updated_at moves with the run's own transitions only, not with every step.
    view.updatedAt = std::max(run.createdAt, started);
    if (allDone) {
        view.status = kCompleted;
        if (run.cancelledAt || anyCancelled)
            view.conclusion = kCancelled;
        else
            view.conclusion = anyFailed ? kFailure : kSuccess;
        view.updatedAt = std::max(view.updatedAt, lastCompletion);
        if (run.cancelledAt)
            view.updatedAt = std::max(view.updatedAt, *run.cancelledAt);
    } else if (anyStarted) {
        view.status = kInProgress;
        view.updatedAt = std::max(view.updatedAt, firstStart);
    } else {
        view.status = kQueued;
    }
    return view;
}

JobView RunEngine::viewJob(const Job &job) const
{
    return rc::sandbox::viewJob(job, now());
}

QString RunEngine::jobLog(const Job &job) const
{
    const Run *owner = run(job.runId);
    const bool raw = owner &&
        workflowBehaviour(owner->workflowPath).patchWrite == WorkflowBehaviour::PatchWrite::Raw;
    return jobTranscript(job, owner, viewJob(job), now(), raw).log;
}

QList<CheckAnnotation> RunEngine::annotations(const Job &job) const
{
    const Run *owner = run(job.runId);
    const bool raw = owner &&
        workflowBehaviour(owner->workflowPath).patchWrite == WorkflowBehaviour::PatchWrite::Raw;
    return jobTranscript(job, owner, viewJob(job), now(), raw).annotations;
}

QByteArray RunEngine::summaryZip(const Run &run, const Job &job) const
{
    const Platform platform = job.platform.value_or(Platform {});
    const bool built = job.outcome == BuildOutcome::Success;
    QJsonObject summary {
        {u"outcome"_s, built ? kSuccess : kFailure},
        {u"recipe"_s, run.inputs.value(u"recipe"_s)},
        {u"version"_s, run.inputs.value(u"version"_s)},
        {u"build"_s, run.inputs.value(u"build"_s)},
        {u"channel"_s, run.inputs.value(u"channel"_s)},
        {u"label"_s, run.inputs.value(u"label"_s)},
        {u"os"_s, platform.os},
        {u"python"_s, platform.python},
        {u"mpi"_s, platform.mpi},
        {u"run_id"_s, run.id},
        {u"run_attempt"_s, job.runAttempt},
        {u"job"_s, job.name},
        {u"conda_build_exit_code"_s, job.outcome == BuildOutcome::BuildFails ? 1 : 0},
        {u"failed_step"_s, job.failedStep.isEmpty() ? QJsonValue() : QJsonValue(job.failedStep)},
    };
    QJsonArray packages;
    if (built) {
        const int buildNumber = run.inputs.value(u"build"_s).toString().toInt();
        packages.append(
            QString(platform.condaSubdir() + u'/' + run.inputs.value(u"recipe"_s).toString() +
                    u'-' + run.inputs.value(u"version"_s).toString() + u'-' +
                    condaBuildString(platform.python, platform.key(), buildNumber) + u".conda"_s));
    }
    summary.insert(u"packages"_s, packages);
    return makeZip({{u"summary.json"_s, QJsonDocument(summary).toJson(QJsonDocument::Indented)}},
                   job.plannedCompletion());
}

void RunEngine::catchUp()
{
    const QDateTime time = now();
    bool any = false;
    for (Run &run : m_runs) {
        for (const qint64 id : std::as_const(run.jobIds)) {
            const Job &job = m_jobs[id];
            if (job.kind != Job::Kind::Build || !job.existsAt(time))
                continue;
            QDateTime stepEnd = job.startAt;
            for (const StepPlan &step : job.steps) {
                stepEnd = stepEnd.addSecs(step.seconds);
                const bool reached =
                    stepEnd <= time && (!job.cancelledAt || stepEnd <= *job.cancelledAt);
                if (!reached)
                    break;
                if (step.name == kBuildStep && job.outcome == BuildOutcome::Success &&
                    !m_uploadedJobs.contains(job.id)) {
                    m_uploadedJobs.insert(job.id);
                    if (m_uploadSink) {
                        m_uploadSink({run.inputs.value(u"channel"_s).toString(),
                                      run.inputs.value(u"recipe"_s).toString(),
                                      run.inputs.value(u"version"_s).toString(),
                                      run.inputs.value(u"build"_s).toString(),
                                      run.inputs.value(u"label"_s).toString(), *job.platform,
                                      stepEnd});
                    }
                    any = true;
                }
                if (step.name == kUploadSummaryStep && !m_summarizedJobs.contains(job.id)) {
                    m_summarizedJobs.insert(job.id);
                    Artifact artifact;
                    artifact.id = m_nextArtifactId++;
                    artifact.runId = run.id;
                    artifact.name = u"build_summary-"_s + job.platform->key();
                    artifact.createdAt = stepEnd;
                    artifact.zip = summaryZip(run, job);
                    m_artifacts.insert(artifact.id, artifact);
                    run.artifactIds.append(artifact.id);
                    any = true;
                }
            }
        }
    }
    if (any)
        emit changed();
}

}  // namespace rc::sandbox
