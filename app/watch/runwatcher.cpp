// SPDX-License-Identifier: BSD-3-Clause
#include "watch/runwatcher.h"

#include "forge/servertext.h"

// The forge's own paging glue: the watcher needs the jobs request with filter=latest, which
// GitHubClient::jobs does not take.

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace rc::watch {

namespace {

// Outside input is bounded: a run with more jobs than this is shown in part.
constexpr qsizetype kMaxRows = 2000;
// A build job's summary that cannot be read after this many tries is left unknown.
constexpr int kMaxSummaryFailures = 3;
// Listings of the run's artifacts that may lack a completed job's summary before it is given up
// (a workflow without build summaries still completes).
constexpr int kMaxListingsWithoutSummary = 3;
constexpr qsizetype kMaxOutcomeLength = 64;
constexpr std::chrono::milliseconds kMaxRateLimitWait = 1h;
// A predicted poll goes out a little after the typical end, so the change is there to see.
constexpr std::chrono::milliseconds kPredictionMargin = 1s;
// Runs vary (the ledger's durations are those of earlier runs): a step is taken to end within a
// quarter of its typical length before or after its typical end. Within that window the wait
// is a twentieth of the distance to the typical end: 3 s within a minute of it, 30 s ten
// minutes away; beyond it the history does not fit this run and polls react to what changed.
constexpr qint64 kNearEndWindowDivisor = 4;
constexpr qint64 kNearEndWaitDivisor = 20;

bool isTerminal(WatchPhase phase)
{
    return phase == WatchPhase::Completed || phase == WatchPhase::NotFound ||
        phase == WatchPhase::Failed;
}

// Errors that polling again cannot cure.
bool isFatal(forge::ForgeError::Kind kind)
{
    using Kind = forge::ForgeError::Kind;
    return kind == Kind::Unauthorized || kind == Kind::Forbidden || kind == Kind::Validation ||
        kind == Kind::Redirect;
}

qint64 pagesOf(qsizetype items)
{
    return std::max<qint64>(1, (qint64(items) + 99) / 100);
}

}  // namespace

QList<std::pair<QString, std::chrono::seconds>> stepDurationsOf(const forge::WorkflowJob &job)
{
    QList<std::pair<QString, std::chrono::seconds>> durations;
    for (const forge::WorkflowStep &step : job.steps) {
        if (step.status != u"completed"_s || step.conclusion != u"success"_s ||
            step.name.isEmpty() || !step.startedAt.isValid() || !step.completedAt.isValid() ||
            step.completedAt < step.startedAt)
            continue;
        durations.append(
            {step.name, std::chrono::seconds(step.startedAt.secsTo(step.completedAt))});
    }
    return durations;
}

QString watchPhaseName(WatchPhase phase)
{
    switch (phase) {
    case WatchPhase::FindingRun:
        return u"finding-run"_s;
    case WatchPhase::Watching:
        return u"watching"_s;
    case WatchPhase::Completed:
        return u"completed"_s;
    case WatchPhase::NotFound:
        return u"not-found"_s;
    case WatchPhase::Failed:
        return u"failed"_s;
    }
    return {};
}

bool RunSnapshot::allSucceeded() const
{
    if (phase != WatchPhase::Completed || !run || run->status != u"completed"_s)
        return false;
    bool anyBuild = false;
    for (const PlatformState &p : platforms) {
        if (p.helper)
            continue;
        anyBuild = true;
        if (p.status != PlatformStatus::Success)
            return false;
    }
    return anyBuild;
}

QStringList RunSnapshot::failedPlatforms() const
{
    QStringList failed;
    for (const PlatformState &p : platforms) {
        if (!p.helper &&
            (p.status == PlatformStatus::Failure || p.status == PlatformStatus::Cancelled))
            failed << p.key;
    }
    return failed;
}

RunWatcher::RunWatcher(const forge::GitHubClient *client, WatchTarget target, WatchOptions options,
                       Clock clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_target(std::move(target))
    , m_options(options)
    , m_clock(std::move(clock))
    , m_runId(m_target.runId)
{
    m_options.minInterval = std::max(m_options.minInterval, 1ms);
    m_options.maxInterval = std::max(m_options.maxInterval, m_options.minInterval);
    m_interval = m_options.minInterval;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RunWatcher::tick);
}

RunWatcher::~RunWatcher() = default;

void RunWatcher::start()
{
    if (m_active)
        return;
    m_active = true;
    if (isTerminal(m_snapshot.phase)) {
        // Watching again: a completed run may have a new attempt; a run not found is looked
        // for afresh.
        m_snapshot.phase = m_runId && m_snapshot.phase == WatchPhase::Completed
            ? WatchPhase::Watching
            : WatchPhase::FindingRun;
        m_snapshot.problem.clear();
        m_needRun = true;
        emit runChanged();
    }
    m_startedAt = m_clock();
    m_failures = 0;
    m_interval = m_options.minInterval;
    schedule(Next::Soon);
}

void RunWatcher::stop()
{
    m_active = false;
    m_timer.stop();
    // The request in flight is dropped: its answer is ignored, and deleting its context aborts
    // it (later, since stop() may be called from a slot the answer's callback emitted).
    ++m_generation;
    if (m_context)
        m_context->deleteLater();
    m_context = nullptr;
    m_inFlight = false;
}

QObject *RunWatcher::freshContext()
{
    if (m_context)
        m_context->deleteLater();
    m_context = new QObject(this);
    m_inFlight = true;
    m_sentAt = m_clock();
    return m_context;
}

template<class T>
forge::Callback<T> RunWatcher::answerTo(void (RunWatcher::*handler)(const forge::ForgeResult<T> &))
{
    return [this, handler, generation = m_generation](const forge::ForgeResult<T> &result) {
        if (generation == m_generation)
            (this->*handler)(result);
    };
}

void RunWatcher::schedule(Next next)
{
    if (!m_active)
        return;
    using std::chrono::milliseconds;
    if (next == Next::Soon) {
        m_wait = 0ms;
        m_timer.start(0ms);
        return;
    }
    if (m_failures > 0) {
        // Exponential back-off, capped.
        const int shift = std::min(m_failures - 1, 20);
        milliseconds wait = m_options.minInterval * (qint64(1) << shift);
        m_interval = std::min(wait, m_options.maxInterval);
    } else if (m_snapshot.phase != WatchPhase::Watching || m_changedOnLastPoll ||
               m_waitWasPredicted || m_snapshot.platforms.isEmpty() ||
               std::any_of(
                   m_snapshot.platforms.cbegin(), m_snapshot.platforms.cend(),
                   [](const PlatformState &p) { return p.status == PlatformStatus::Queued; })) {
        // A predicted change that was not there yet is due any moment: looked for soon again.
        m_interval = m_options.minInterval;
    } else {
        m_interval = std::min(m_interval * 2, m_options.maxInterval);
    }
    // A change due before the next reactive poll is polled for when it is due; near a step's
    // typical end the wait is a fraction of the distance to it, so that an end a little early
    // or late is seen soon after it while one further off costs few polls.
    m_waitWasPredicted = false;
    milliseconds wait = m_interval;
    const auto onTimer = [this](qint64 clockMs) {
        return milliseconds(qint64(double(clockMs) / std::max(m_options.clockSpeed, 1e-3)));
    };
    if (const std::optional<Prediction> prediction =
            m_failures == 0 && m_snapshot.phase == WatchPhase::Watching ? predictedChange()
                                                                        : std::nullopt) {
        if (prediction->nearestEnd) {
            const milliseconds nearEnd =
                onTimer(prediction->nearestEnd->count() / kNearEndWaitDivisor);
            wait = std::min(wait, std::max(nearEnd, m_options.minInterval));
        }
        if (prediction->nextEnd.isValid()) {
            const milliseconds untilDue =
                onTimer(serverNow().msecsTo(prediction->nextEnd) + kPredictionMargin.count());
            if (untilDue < wait) {
                wait = std::max(untilDue, m_options.minInterval);
                m_waitWasPredicted = true;
            }
        }
    }
    m_wait = wait;
    m_timer.start(wait);
}

void RunWatcher::tick()
{
    if (!m_active || m_inFlight)
        return;
    switch (m_snapshot.phase) {
    case WatchPhase::FindingRun:
        if (m_runId)
            fetchRun();
        else
            findRun();
        return;
    case WatchPhase::Watching:
        if (m_needRun) {
            fetchRun();
            return;
        }
        if (m_needArtifacts) {
            fetchArtifacts();
            return;
        }
        if (const int index = rowNeedingSummary(); index >= 0) {
            if (const auto artifact = summaryArtifactFor(m_snapshot.platforms.at(index))) {
                fetchSummary(index, *artifact);
                return;
            }
        }
        if (m_learnDue) {
            m_learnDue = false;
            if (m_earlierRunId)
                fetchEarlierJobs(*m_earlierRunId);
            else
                fetchEarlierRuns();
            return;
        }
        fetchJobs();
        return;
    case WatchPhase::Completed:
    case WatchPhase::NotFound:
    case WatchPhase::Failed:
        return;
    }
}

std::optional<RunWatcher::Prediction> RunWatcher::predictedChange() const
{
    if (m_options.typicalStepDurations.isEmpty() || m_lastJobs.isEmpty())
        return std::nullopt;
    const QDateTime now = serverNow();  // step times are on GitHub's clock
    Prediction prediction;
    bool anyPredicted = false;
    for (const forge::WorkflowJob &job : m_lastJobs) {
        if (job.status == u"completed"_s)
            continue;
        if (job.status != u"in_progress"_s)
            return std::nullopt;  // queued: polled for at the shortest interval anyway
        // A job the history cannot time leaves the reactive polls to it, not the others.
        const auto steps = m_options.typicalStepDurations.constFind(job.name);
        if (steps == m_options.typicalStepDurations.cend())
            continue;
        const auto current = std::find_if(job.steps.cbegin(), job.steps.cend(), [](const auto &s) {
            return s.status == u"in_progress"_s;
        });
        if (current == job.steps.cend() || !current->startedAt.isValid())
            continue;
        const auto typical = steps->constFind(current->name);
        if (typical == steps->cend())
            continue;
        const qint64 typicalMs = qint64(typical->count()) * 1000;
        const QDateTime due = current->startedAt.addMSecs(typicalMs);
        const qint64 untilDue = now.msecsTo(due);  // negative once past it
        // Step times are whole seconds: the window is at least the margin wide.
        const qint64 window = typicalMs / kNearEndWindowDivisor + kPredictionMargin.count();
        if (untilDue < -window)
            continue;  // far past its typical end: the history does not fit this job's run
        anyPredicted = true;
        if (std::abs(untilDue) <= window) {
            const std::chrono::milliseconds distance(std::abs(untilDue));
            if (!prediction.nearestEnd || distance < *prediction.nearestEnd)
                prediction.nearestEnd = distance;
        }
        if (untilDue > 0 && (!prediction.nextEnd.isValid() || due < prediction.nextEnd))
            prediction.nextEnd = due;
    }
    if (!anyPredicted)
        return std::nullopt;
    return prediction;
}

bool RunWatcher::mayLearnFromEarlierRun() const
{
    if (!m_options.learnFromEarlierRun || m_learnDone || m_learnDue || !m_runId)
        return false;
    return std::any_of(m_lastJobs.cbegin(), m_lastJobs.cend(), [this](const auto &job) {
        return job.status != u"completed"_s && !m_options.typicalStepDurations.contains(job.name);
    });
}

// --- requests -----------------------------------------------------------------------------

void RunWatcher::findRun()
{
    forge::RunQuery query;
    query.workflow = m_target.workflow;
    query.event = m_target.event;
    query.actor = m_target.actor;
    query.branch = m_target.branch;
    if (m_target.createdSince.isValid())
        query.createdSince = m_target.createdSince;
    query.perPage = 20;
    ++m_requestsSent;
    m_client->runs(m_target.owner, m_target.repo, query, freshContext(),
                   answerTo(&RunWatcher::onRuns));
}

void RunWatcher::fetchRun()
{
    ++m_requestsSent;
    m_client->run(m_target.owner, m_target.repo, *m_runId, freshContext(),
                  answerTo(&RunWatcher::onRun));
}

void RunWatcher::fetchEarlierRuns()
{
    // The watched run's own workflow: a run watched by its id may belong to another workflow
    // than the profile's.
    forge::RunQuery query;
    query.workflow = m_snapshot.run && m_snapshot.run->workflowId > 0
        ? QString::number(m_snapshot.run->workflowId)
        : m_target.workflow;
    if (query.workflow.isEmpty()) {
        m_learnDone = true;  // no workflow to ask about
        schedule(Next::Soon);
        return;
    }
    query.status = u"success"_s;
    query.perPage = 5;
    ++m_requestsSent;
    m_client->runs(m_target.owner, m_target.repo, query, freshContext(),
                   answerTo(&RunWatcher::onEarlierRuns));
}

void RunWatcher::fetchEarlierJobs(qint64 runId)
{
    fetchJobsOf(runId, &RunWatcher::onEarlierJobs);
}

void RunWatcher::fetchJobs()
{
    fetchJobsOf(*m_runId, &RunWatcher::onJobs);
}

void RunWatcher::fetchJobsOf(
    qint64 runId,
    void (RunWatcher::*handler)(const forge::ForgeResult<QList<forge::WorkflowJob>> &))
{
    ++m_requestsSent;
    m_client->jobs(
        m_target.owner, m_target.repo, runId, freshContext(),
        [this, handler,
         generation = m_generation](const forge::ForgeResult<QList<forge::WorkflowJob>> &result) {
            // Every page of the listing was a request.
            m_requestsSent += result.ok() ? pagesOf(result.value.size()) - 1 : 0;
            if (generation == m_generation)
                (this->*handler)(result);
        },
        u"latest"_s);
}

void RunWatcher::fetchArtifacts()
{
    m_needArtifacts = false;
    ++m_requestsSent;
    m_client->artifacts(m_target.owner, m_target.repo, *m_runId, freshContext(),
                        [this, generation = m_generation](
                            const forge::ForgeResult<QList<forge::GitHubArtifact>> &result) {
                            m_requestsSent += result.ok() ? pagesOf(result.value.size()) - 1 : 0;
                            if (generation == m_generation)
                                onArtifacts(result);
                        });
}

void RunWatcher::fetchSummary(int index, const forge::GitHubArtifact &artifact)
{
    const qint64 jobId = m_snapshot.platforms.at(index).jobId;
    ++m_requestsSent;
    m_client->buildSummary(m_target.owner, m_target.repo, artifact, freshContext(),
                           [this, index, jobId, generation = m_generation](
                               const forge::ForgeResult<forge::BuildSummary> &result) {
                               if (generation == m_generation)
                                   onSummary(index, jobId, result);
                           });
}

// --- answers ------------------------------------------------------------------------------

void RunWatcher::onRuns(const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result)
{
    m_inFlight = false;
    if (!result.ok()) {
        noteFailure(result.error);
        return;
    }
    noteAnswer();
    std::optional<forge::WorkflowRun> newest;
    for (const forge::WorkflowRun &run : result.value.items) {
        if (m_target.createdSince.isValid() &&
            (!run.createdAt.isValid() || run.createdAt < m_target.createdSince))
            continue;
        if (!m_target.event.isEmpty() && run.event != m_target.event)
            continue;
        if (!m_target.actor.isEmpty() &&
            run.actorLogin.compare(m_target.actor, Qt::CaseInsensitive) != 0)
            continue;
        if (!m_target.branch.isEmpty() && run.headBranch != m_target.branch)
            continue;
        if (m_target.expectedTitle && run.displayTitle != *m_target.expectedTitle)
            continue;
        if (!newest || run.createdAt > newest->createdAt ||
            (run.createdAt == newest->createdAt && run.id > newest->id))
            newest = run;
    }
    if (!newest) {
        if (findTimedOut()) {
            finish(WatchPhase::NotFound,
                   tr("No run of %1 appeared within %2 seconds of the dispatch.")
                       .arg(m_target.workflow)
                       .arg(m_options.findTimeout.count() / 1000));
            return;
        }
        schedule(Next::Poll);
        return;
    }
    m_runId = newest->id;
    m_snapshot.phase = WatchPhase::Watching;
    m_needRun = false;
    setRun(*newest);
    schedule(Next::Soon);
}

void RunWatcher::onRun(const forge::ForgeResult<forge::WorkflowRun> &result)
{
    m_inFlight = false;
    if (!result.ok()) {
        // GitHub may answer 404 for a moment right after the dispatch: keep asking.
        if (result.error.kind == forge::ForgeError::Kind::NotFound &&
            m_snapshot.phase == WatchPhase::FindingRun) {
            noteAnswer();
            if (findTimedOut()) {
                finish(WatchPhase::NotFound,
                       tr("Run %1 could not be found: GitHub answered “not found” for %2 "
                          "seconds.")
                           .arg(*m_runId)
                           .arg(m_options.findTimeout.count() / 1000));
                return;
            }
            schedule(Next::Poll);
            return;
        }
        noteFailure(result.error);
        return;
    }
    noteAnswer();
    m_needRun = false;
    const bool wasFinding = m_snapshot.phase == WatchPhase::FindingRun;
    m_snapshot.phase = WatchPhase::Watching;
    setRun(result.value);
    if (wasFinding) {
        schedule(Next::Soon);
        return;
    }
    maybeComplete();
    if (m_snapshot.phase == WatchPhase::Watching)
        schedule(m_learnDue ? Next::Soon : Next::Poll);
}

void RunWatcher::onJobs(const forge::ForgeResult<QList<forge::WorkflowJob>> &result)
{
    m_inFlight = false;
    if (!result.ok()) {
        noteFailure(result.error);
        return;
    }
    noteAnswer();
    noteServerClock(result.serverDate);
    // A 304 carries the cached list: merging it changes nothing, but a watcher whose first
    // answer came from a cache another watcher filled learns the jobs from it.
    m_changedOnLastPoll = mergeJobs(result.value);
    m_jobsSeen = true;
    if (mayLearnFromEarlierRun())
        m_learnDue = true;

    qint64 attempt = 0;
    for (const forge::WorkflowJob &job : std::as_const(m_lastJobs))
        attempt = std::max(attempt, job.runAttempt);
    const forge::WorkflowRun *run = m_snapshot.run ? &*m_snapshot.run : nullptr;
    if (run && attempt > run->runAttempt) {
        m_needRun = true;  // a re-run: the run tells the new attempt's status
    } else if (everyJobCompleted()) {
        if (!run || run->status != u"completed"_s || run->runAttempt != attempt)
            m_needRun = true;  // alternates with the jobs while the run catches up
        else
            maybeComplete();
    }
    if (m_snapshot.phase != WatchPhase::Watching)
        return;
    // Rows waiting for a summary the last listing lacked: list again (bounded per job).
    if (!m_needArtifacts && rowNeedingSummary() < 0) {
        for (const PlatformState &row : std::as_const(m_snapshot.platforms)) {
            if (rowWaitsForSummary(row) && !summaryArtifactFor(row)) {
                m_needArtifacts = true;
                break;
            }
        }
    }
    const bool followUp = m_needArtifacts || (rowNeedingSummary() >= 0) || m_learnDue;
    schedule(followUp ? Next::Soon : Next::Poll);
}

// Learning is a nicety: whatever goes wrong, the run itself is watched as before (its own polls
// tell when the network is down).
void RunWatcher::onEarlierRuns(const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result)
{
    m_inFlight = false;
    if (result.ok()) {
        for (const forge::WorkflowRun &run : result.value.items) {
            if (run.id != *m_runId && run.status == u"completed"_s &&
                run.conclusion == u"success"_s) {
                m_earlierRunId = run.id;
                m_learnDue = true;
                break;
            }
        }
    }
    if (!m_earlierRunId)
        m_learnDone = true;
    if (m_snapshot.phase == WatchPhase::Watching)
        schedule(Next::Soon);
}

void RunWatcher::onEarlierJobs(const forge::ForgeResult<QList<forge::WorkflowJob>> &result)
{
    m_inFlight = false;
    m_learnDone = true;
    if (result.ok()) {
        // What the profile's own history knows stays; only the jobs it lacks are filled in. (A
        // build that failed under continue-on-error also reads "success" here, with a short
        // build step: the worst that does is a few polls around an end that does not come.)
        StepDurations learned;
        for (const forge::WorkflowJob &job : result.value) {
            if (job.status != u"completed"_s || job.conclusion != u"success"_s ||
                m_options.typicalStepDurations.contains(job.name))
                continue;
            for (const auto &[step, duration] : stepDurationsOf(job))
                learned[job.name][step] = duration;
        }
        m_options.typicalStepDurations.insert(learned);
    }
    if (m_snapshot.phase == WatchPhase::Watching)
        schedule(Next::Soon);
}

void RunWatcher::onArtifacts(const forge::ForgeResult<QList<forge::GitHubArtifact>> &result)
{
    m_inFlight = false;
    if (!result.ok()) {
        m_needArtifacts = true;
        noteFailure(result.error);
        return;
    }
    noteAnswer();
    m_artifacts = result.value;
    for (const PlatformState &row : std::as_const(m_snapshot.platforms)) {
        if (rowWaitsForSummary(row) && !summaryArtifactFor(row))
            ++m_listingsWithoutSummary[row.jobId];
    }
    refreshStatuses();
    maybeComplete();
    if (m_snapshot.phase != WatchPhase::Watching)
        return;
    schedule(rowNeedingSummary() >= 0 || m_learnDue ? Next::Soon : Next::Poll);
}

void RunWatcher::onSummary(int index, qint64 jobId,
                           const forge::ForgeResult<forge::BuildSummary> &result)
{
    m_inFlight = false;
    if (!result.ok()) {
        using Kind = forge::ForgeError::Kind;
        const Kind kind = result.error.kind;
        if (kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
            kind == Kind::RateLimited) {
            noteFailure(result.error);
            return;
        }
        // The zip is there but unreadable (or gone): tried a few times, then left unknown.
        noteAnswer();
        if (++m_summaryFailures[jobId] == kMaxSummaryFailures &&
            index < m_snapshot.platforms.size() && m_snapshot.platforms.at(index).jobId == jobId) {
            m_snapshot.problem =
                tr("The build summary of %1 could not be read (%2): its outcome is not known, "
                   "so it is shown as a failure.")
                    .arg(forge::printableServerText(m_snapshot.platforms.at(index).key, 200),
                         result.error.describe());
            emit runChanged();
        }
        refreshStatuses();
    } else {
        noteAnswer();
        if (index < m_snapshot.platforms.size() && m_snapshot.platforms.at(index).jobId == jobId) {
            PlatformState row = m_snapshot.platforms.at(index);
            row.trueOutcome = result.value.outcome.left(kMaxOutcomeLength);
            row.status = shownStatus(row);
            updateRow(index, row);
        }
    }
    maybeComplete();
    if (m_snapshot.phase != WatchPhase::Watching)
        return;
    schedule(rowNeedingSummary() >= 0 ? Next::Soon : Next::Poll);
}

// --- state --------------------------------------------------------------------------------

void RunWatcher::noteServerClock(const std::optional<QDateTime> &serverDate)
{
    if (!serverDate || !m_sentAt.isValid())
        return;
    using std::chrono::milliseconds;
    const QDateTime now = m_clock();
    const qint64 roundTripMs = std::max<qint64>(0, m_sentAt.msecsTo(now));
    // The server stamped its Date between the request going out and its answer coming back,
    // cut down to the second: taken as the middle of both.
    const qint64 offsetMs = m_sentAt.addMSecs(roundTripMs / 2).msecsTo(*serverDate) + 500;
    const qint64 unexplainedFromMs = roundTripMs / 2 + 1500;
    m_serverOffset = milliseconds(std::abs(offsetMs) > unexplainedFromMs ? offsetMs : 0);
}

QDateTime RunWatcher::serverNow() const
{
    return m_clock().addMSecs(m_serverOffset.count());
}

void RunWatcher::noteAnswer()
{
    m_failures = 0;
    if (m_snapshot.stale) {
        m_snapshot.stale = false;
        m_snapshot.staleSince = {};
        m_snapshot.problem.clear();
        emit runChanged();
    }
}

void RunWatcher::noteFailure(const forge::ForgeError &error)
{
    if (error.kind == forge::ForgeError::Kind::Cancelled && !m_active)
        return;
    if (isFatal(error.kind)) {
        finish(WatchPhase::Failed, error.describe());
        return;
    }
    ++m_failures;
    const QString problem = error.describe();
    if (!m_snapshot.stale || m_snapshot.problem != problem) {
        if (!m_snapshot.stale) {
            m_snapshot.stale = true;
            m_snapshot.staleSince = m_clock();
        }
        m_snapshot.problem = problem;
        emit runChanged();
    }
    if (m_snapshot.phase == WatchPhase::FindingRun && findTimedOut()) {
        finish(WatchPhase::Failed, tr("The run could not be looked for: %1").arg(error.describe()));
        return;
    }
    if (error.kind == forge::ForgeError::Kind::RateLimited && error.retryAt) {
        // The reset is a time on the watcher's clock; the wait is on the timer.
        const auto untilReset = std::chrono::milliseconds(qint64(
            double(m_clock().msecsTo(*error.retryAt)) / std::max(m_options.clockSpeed, 1e-3)));
        const auto wait = std::min(std::max(untilReset, m_options.minInterval), kMaxRateLimitWait);
        m_interval = wait;
        m_wait = wait;
        if (m_active)
            m_timer.start(wait);
        return;
    }
    schedule(Next::Poll);
}

bool RunWatcher::findTimedOut() const
{
    return m_startedAt.isValid() &&
        m_startedAt.msecsTo(m_clock()) >= qint64(m_options.findTimeout.count());
}

void RunWatcher::finish(WatchPhase phase, const QString &problem)
{
    m_active = false;
    m_timer.stop();
    m_snapshot.phase = phase;
    if (!problem.isEmpty())
        m_snapshot.problem = problem;
    emit runChanged();
    emit finished();
}

void RunWatcher::setRun(const forge::WorkflowRun &run)
{
    if (m_snapshot.run && m_snapshot.run->runAttempt != run.runAttempt) {
        // A new attempt: its jobs are listed afresh before anything is concluded.
        m_jobsSeen = false;
        m_changedOnLastPoll = true;
    }
    const bool changed = !m_snapshot.run || m_snapshot.run->id != run.id ||
        m_snapshot.run->status != run.status || m_snapshot.run->conclusion != run.conclusion ||
        m_snapshot.run->runAttempt != run.runAttempt ||
        m_snapshot.run->updatedAt != run.updatedAt ||
        m_snapshot.run->displayTitle != run.displayTitle;
    m_snapshot.run = run;
    if (changed)
        emit runChanged();
}

bool RunWatcher::mergeJobs(const QList<forge::WorkflowJob> &jobs)
{
    // One job per name: the newest attempt (filter=latest gives one already).
    QList<forge::WorkflowJob> latest;
    QHash<QString, qsizetype> at;
    for (const forge::WorkflowJob &job : jobs) {
        if (const auto it = at.constFind(job.name); it != at.cend()) {
            forge::WorkflowJob &kept = latest[*it];
            if (job.runAttempt > kept.runAttempt ||
                (job.runAttempt == kept.runAttempt && job.id > kept.id))
                kept = job;
            continue;
        }
        at.insert(job.name, latest.size());
        latest << job;
    }
    m_lastJobs = latest;

    bool changed = false;
    QHash<QString, int> rowOf;
    for (int i = 0; i < m_snapshot.platforms.size(); ++i)
        rowOf.insert(m_snapshot.platforms.at(i).key, i);

    QList<PlatformState> newBuilds, newHelpers;
    for (const forge::WorkflowJob &job : std::as_const(latest)) {
        PlatformState fresh = platformFromJob(job);
        if (const auto it = rowOf.constFind(fresh.key); it != rowOf.cend()) {
            const PlatformState &old = m_snapshot.platforms.at(*it);
            if (old.jobId == fresh.jobId)
                fresh.trueOutcome = old.trueOutcome;
            fresh.status = shownStatus(fresh);
            if (!fresh.helper && fresh.jobStatus == u"completed"_s &&
                (old.jobStatus != u"completed"_s || old.jobId != fresh.jobId))
                m_needArtifacts = true;
            if (fresh != old) {
                changed = true;
                updateRow(*it, fresh);
            }
            continue;
        }
        if (!fresh.helper && fresh.jobStatus == u"completed"_s)
            m_needArtifacts = true;
        fresh.status = shownStatus(fresh);
        (fresh.helper ? newHelpers : newBuilds) << fresh;
    }

    // Builds come first, helpers after, and rows never move: a helper (prepare) waits for the
    // builds to appear, unless no build is coming (every job listed has ended).
    bool anyBuild = !newBuilds.isEmpty();
    for (const PlatformState &row : std::as_const(m_snapshot.platforms))
        anyBuild = anyBuild || !row.helper;
    const bool allEnded = std::all_of(latest.cbegin(), latest.cend(),
                                      [](const auto &job) { return job.status == u"completed"_s; });
    QList<PlatformState> appended = newBuilds;
    if (anyBuild || allEnded)
        appended << newHelpers;
    const qsizetype room = kMaxRows - m_snapshot.platforms.size();
    if (appended.size() > room)
        appended.resize(std::max<qsizetype>(0, room));
    if (!appended.isEmpty()) {
        const int first = int(m_snapshot.platforms.size());
        m_snapshot.platforms << appended;
        changed = true;
        emit platformsInserted(first, int(m_snapshot.platforms.size()) - 1);
    }
    return changed;
}

void RunWatcher::updateRow(int index, PlatformState state)
{
    if (m_snapshot.platforms.at(index) == state)
        return;
    m_snapshot.platforms[index] = std::move(state);
    emit platformChanged(index);
}

std::optional<forge::GitHubArtifact> RunWatcher::summaryArtifactFor(const PlatformState &row) const
{
    std::optional<forge::GitHubArtifact> best;
    for (const forge::GitHubArtifact &artifact : m_artifacts) {
        if (artifact.expired || !summaryBelongsTo(artifact.name, row))
            continue;
        // An earlier attempt's summary is not this job's.
        if (row.startedAt.isValid() && artifact.createdAt.isValid() &&
            artifact.createdAt < row.startedAt)
            continue;
        if (!best || artifact.createdAt > best->createdAt ||
            (artifact.createdAt == best->createdAt && artifact.id > best->id))
            best = artifact;
    }
    return best;
}

PlatformStatus RunWatcher::shownStatus(const PlatformState &row) const
{
    // A build that ended "success" is not shown a success before its summary says so.
    if (rowWaitsForSummary(row))
        return PlatformStatus::Running;
    // The job says success, but continue-on-error makes it say so whatever the build did: a
    // summary that could not be read leaves the truth unknown, and unknown is not a success.
    if (!row.helper && !row.trueOutcome && row.jobStatus == u"completed"_s &&
        row.jobConclusion == u"success"_s &&
        m_summaryFailures.value(row.jobId) >= kMaxSummaryFailures)
        return PlatformStatus::Failure;
    return statusOf(row.jobStatus, row.jobConclusion, row.trueOutcome);
}

void RunWatcher::refreshStatuses()
{
    for (int i = 0; i < m_snapshot.platforms.size(); ++i) {
        PlatformState row = m_snapshot.platforms.at(i);
        row.status = shownStatus(row);
        updateRow(i, row);
    }
}

bool RunWatcher::rowWaitsForSummary(const PlatformState &row) const
{
    return !row.helper && row.jobStatus == u"completed"_s && row.jobConclusion == u"success"_s &&
        !row.trueOutcome && m_summaryFailures.value(row.jobId) < kMaxSummaryFailures &&
        m_listingsWithoutSummary.value(row.jobId) < kMaxListingsWithoutSummary;
}

int RunWatcher::rowNeedingSummary() const
{
    for (int i = 0; i < m_snapshot.platforms.size(); ++i) {
        const PlatformState &row = m_snapshot.platforms.at(i);
        if (rowWaitsForSummary(row) && summaryArtifactFor(row))
            return i;
    }
    return -1;
}

bool RunWatcher::everyJobCompleted() const
{
    return !m_lastJobs.isEmpty() &&
        std::all_of(m_lastJobs.cbegin(), m_lastJobs.cend(),
                    [](const forge::WorkflowJob &job) { return job.status == u"completed"_s; });
}

void RunWatcher::maybeComplete()
{
    if (m_snapshot.phase != WatchPhase::Watching || !m_snapshot.run ||
        m_snapshot.run->status != u"completed"_s || !m_jobsSeen || m_needRun || m_needArtifacts ||
        !everyJobCompleted())
        return;
    for (const forge::WorkflowJob &job : std::as_const(m_lastJobs)) {
        if (job.runAttempt > m_snapshot.run->runAttempt)
            return;
    }
    for (const PlatformState &row : std::as_const(m_snapshot.platforms)) {
        if (rowWaitsForSummary(row))
            return;
    }
    // Rows held back (a helper while no build appeared) are shown now.
    mergeJobs(m_lastJobs);
    finish(WatchPhase::Completed);
}

}  // namespace rc::watch
