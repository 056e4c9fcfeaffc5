// SPDX-License-Identifier: BSD-3-Clause
// Watching one 6-job run of the simulator for about an hour (SPEC §6): the rate-limit units our
// RunWatcher spends against a baseline poller doing what `gh run watch` 2.46 does on the same
// run (goal ≤ 0.05), and the median delay from a change on the server to our model showing it
// (goal ≤ the poll interval). All watch the very same run at the same time, so they see the
// same changes. Ours is measured twice, side by side: as a profile's first release is watched,
// and with the step durations the ledger keeps from an earlier run of the profile (moved by up
// to ±15 %, since real runs vary and the simulator's do not), which time polls for when a step
// is due to end.
//
// The run: the simulator's matrix with its conda-build steps `--build-scale` (6) times as long
// as the demo's, so that the run lasts about an hour, as real conda builds of a C++ code do.
//
// Time: the simulator's virtual clock is driven by this program, every few real milliseconds, at
// `--speed` S virtual seconds per real second (VirtualClock's own ticker moves in 100 ms steps,
// S × 100 ms virtual: too coarse to time a 3 s poll). The pollers run on real QTimers, so every
// interval they were configured with is divided by S: RunWatcher gets WatchOptions {3 s, 60 s}
// / S (and clockSpeed S for its predicted waits) and the baseline sleeps 3 s / S between rounds.
// A request's real latency is stretched by S too (a 2 ms answer looks like 0.12 s at S = 60),
// for all alike. The watch window is two virtual hours from the dispatch (`--minutes`); all stop
// earlier when the run completes, as `gh run watch` exits and RunWatcher finishes.
//
// Counted: GitHub API answers that are not 304 (the simulator's request log, told apart by the
// User-Agent); 304s and the other host (artifact zips after the 302) cost no rate limit.
// Delay: the server's transitions are read from the run's plan afterwards: the instants at which
// a job appears, starts, moves to another step or completes, as the jobs list shows it. A
// transition is shown when our model first holds that job at that progress or later (rows
// inserted or changed, read from the watcher's snapshot at the virtual instant of the signal).
//
//   bench_watch_cost [--speed 60] [--minutes 120] [--build-scale 6]

#include "forge/githubclient.h"
#include "forge/tokensource.h"
#include "platformmodel.h"
#include "sandbox/demopatch.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "watch/runwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rc::sandbox::ForgeSimulator;

namespace {

const QString kOwner = u"VeloxChem"_s;
const QString kRepo = u"meta-vlx"_s;
const QString kWorkflow = u"deploy-cxx.yml"_s;
constexpr auto kBaselineUserAgent = QByteArrayView("GitHub CLI 2.46.0");
constexpr auto kFirstUserAgent = QByteArrayView("ReleaseConsole-bench first release");
constexpr auto kTimedUserAgent = QByteArrayView("ReleaseConsole-bench with history");
constexpr auto kBaselineInterval = 3s;  // gh run watch --interval default
constexpr auto kDriverStep = 5ms;       // real time between two moves of the virtual clock

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, qsizetype(p * double(values.size())))];
}

// How far a job has come, as a jobs list shows it: queued, in progress at step N, completed.
// The current step is read the way watch::platformFromJob reads it (the step in progress, else
// the last completed one), so a step's end without the next one's start is no visible change.
struct Progress
{
    int rank = -1;  // -1 not listed, 0 queued, 1 in progress, 2 completed
    int step = 0;
    auto operator<=>(const Progress &) const = default;
};

int rankOf(const QString &status)
{
    if (status == "completed"_L1)
        return 2;
    if (status == "in_progress"_L1)
        return 1;
    return 0;
}

template<class Steps, class StatusOf, class NumberOf>
int currentStepOf(const Steps &steps, StatusOf statusOf, NumberOf numberOf)
{
    int current = 0;
    for (const auto &step : steps) {
        const QString status = statusOf(step);
        if (status == "in_progress"_L1)
            return numberOf(step);
        if (status == "completed"_L1)
            current = std::max(current, numberOf(step));
    }
    return current;
}

Progress progressOf(const rc::sandbox::JobView &view)
{
    return {rankOf(view.status),
            currentStepOf(
                view.steps, [](const rc::sandbox::StepView &s) { return s.status; },
                [](const rc::sandbox::StepView &s) { return s.number; })};
}

struct Transition
{
    QString job;
    QDateTime at;
    Progress progress;
};

// Every visible transition of the run's jobs, from the engine's plan.
QList<Transition> serverTransitions(const rc::sandbox::RunEngine &engine, qint64 runId)
{
    QList<Transition> out;
    for (const rc::sandbox::Job *job : engine.jobsOf(runId, true)) {
        QList<QDateTime> instants {job->createdAt, job->startAt, job->completion()};
        QDateTime boundary = job->startAt;
        for (const rc::sandbox::StepPlan &step : job->steps) {
            boundary = boundary.addSecs(step.seconds);
            instants << boundary;
        }
        std::sort(instants.begin(), instants.end());
        instants.erase(std::unique(instants.begin(), instants.end()), instants.end());
        for (const QDateTime &at : std::as_const(instants)) {
            if (!job->existsAt(at))
                continue;
            const QDateTime before = at.addMSecs(-1);
            const Progress was =
                job->existsAt(before) ? progressOf(viewJob(*job, before)) : Progress {};
            const Progress now = progressOf(viewJob(*job, at));
            if (now != was)
                out << Transition {job->name, at, now};
        }
    }
    return out;
}

struct Observation
{
    QDateTime at;
    Progress progress;
    bool settled = false;  // the row shows its outcome (after the build summary, for builds)
};
using Observations = QHash<QString, QList<Observation>>;  // per job name, in time order

struct Delays
{
    QList<double> seconds;
    int missed = 0;
};

Delays delaysOf(const QList<Transition> &transitions, const Observations &seen)
{
    Delays d;
    for (const Transition &t : transitions) {
        const QList<Observation> observed = seen.value(t.job);
        const auto shown = std::find_if(observed.cbegin(), observed.cend(), [&](const auto &o) {
            return o.at >= t.at && o.progress >= t.progress;
        });
        if (shown == observed.cend())
            ++d.missed;
        else
            d.seconds << double(t.at.msecsTo(shown->at)) / 1000.0;
    }
    return d;
}

// A build's true outcome: from its job's end to the row showing success/failure.
Delays outcomeDelaysOf(const rc::sandbox::RunEngine &engine, qint64 runId, const Observations &seen)
{
    Delays d;
    for (const rc::sandbox::Job *job : engine.jobsOf(runId)) {
        if (job->kind != rc::sandbox::Job::Kind::Build)
            continue;
        const QList<Observation> observed = seen.value(job->name);
        const auto shown = std::find_if(observed.cbegin(), observed.cend(),
                                        [](const Observation &o) { return o.settled; });
        if (shown == observed.cend())
            ++d.missed;
        else
            d.seconds << double(job->completion().msecsTo(shown->at)) / 1000.0;
    }
    return d;
}

// One of our watchers with its own transport (its own ETag cache and User-Agent, so its
// requests are counted apart) and a PlatformModel whose signals are the observations.
struct Ours
{
    Ours(QNetworkAccessManager *network, const rc::forge::TokenSource *tokens,
         const std::function<QDateTime()> &clock, const QUrl &api,
         const rc::watch::WatchTarget &target, const rc::watch::WatchOptions &options,
         QByteArrayView userAgent, const char *name)
        : transport(network, tokens, clock)
        , client(&transport, api)
        , watcher(&client, target, options, clock)
        , label(name)
    {
        rc::forge::TransportOptions transportOptions;
        transportOptions.userAgent = userAgent.toByteArray();
        transport.setOptions(transportOptions);
        model.setClock(clock);
        model.setWatcher(&watcher);
        const auto observeRows = [this, clock](int first, int last) {
            const auto &rows = watcher.snapshot().platforms;
            for (int row = first; row <= last && row < rows.size(); ++row) {
                const rc::watch::PlatformState &p = rows.at(row);
                const bool settled = p.status != rc::watch::PlatformStatus::Queued &&
                    p.status != rc::watch::PlatformStatus::Running;
                observations[p.key]
                    << Observation {clock(), {rankOf(p.jobStatus), p.stepNumber}, settled};
            }
        };
        QObject::connect(
            &model, &QAbstractItemModel::rowsInserted, &model,
            [observeRows](const QModelIndex &, int first, int last) { observeRows(first, last); });
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &model,
                         [observeRows](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                             if (topLeft.column() == 0)  // not the elapsed column's ticks
                                 observeRows(topLeft.row(), bottomRight.row());
                         });
        QObject::connect(&model, &QAbstractItemModel::modelReset, &model,
                         [this] { ++modelResets; });
    }

    rc::forge::Transport transport;
    rc::forge::GitHubClient client;
    rc::watch::RunWatcher watcher;
    rc::ui::PlatformModel model;
    Observations observations;
    int modelResets = 0;
    const char *label;
};

// What `gh run watch` 2.46 does (pkg/cmd/run/watch/watch.go): shared.GetRun (the run, then
// its workflow for the name), then until the run is completed: renderRun = GetRun (run +
// workflow), GetJobs (per_page=100), and GetAnnotations once per completed job (cached by job
// id); sleep the interval. Plain GETs, never conditional.
class GhRunWatchBaseline : public QObject
{
public:
    using Clock = std::function<QDateTime()>;
    using JobsSeen = std::function<void(const QJsonArray &jobs)>;

    GhRunWatchBaseline(QNetworkAccessManager *network, QUrl apiBase, qint64 runId,
                       std::chrono::milliseconds interval, JobsSeen jobsSeen)
        : m_network(network)
        , m_apiBase(std::move(apiBase))
        , m_runId(runId)
        , m_interval(interval)
        , m_jobsSeen(std::move(jobsSeen))
    {
        m_sleep.setSingleShot(true);
        connect(&m_sleep, &QTimer::timeout, this, [this] { renderRun(); });
    }

    void start()
    {
        getRun([this] { renderRun(); });
    }
    bool finished() const { return m_finished; }
    QString problem() const { return m_problem; }

private:
    QString repoPath() const { return u"/repos/"_s + kOwner + u'/' + kRepo; }

    void get(const QString &pathAndQuery, std::function<void(const QJsonDocument &)> done)
    {
        QNetworkRequest request(QUrl(m_apiBase.toString() + pathAndQuery));
        request.setRawHeader("Authorization",
                             "token " + QByteArray(ForgeSimulator::kGitHubClassicToken.data()));
        request.setRawHeader("Accept", "application/vnd.github+json");
        request.setRawHeader("User-Agent", kBaselineUserAgent.toByteArray());
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError) {
                m_problem = reply->errorString();
                m_finished = true;
                return;
            }
            done(QJsonDocument::fromJson(reply->readAll()));
        });
    }

    void getRun(std::function<void()> then)
    {
        get(repoPath() + u"/actions/runs/"_s + QString::number(m_runId),
            [this, then = std::move(then)](const QJsonDocument &run) {
                m_runStatus = run.object().value(u"status").toString();
                const QString workflowId =
                    QString::number(run.object().value(u"workflow_id").toInteger());
                get(repoPath() + u"/actions/workflows/"_s + workflowId,
                    [then](const QJsonDocument &) { then(); });
            });
    }

    void renderRun()
    {
        getRun([this] {
            get(repoPath() + u"/actions/runs/"_s + QString::number(m_runId) +
                    u"/jobs?per_page=100"_s,
                [this](const QJsonDocument &jobs) {
                    const QJsonArray list = jobs.object().value(u"jobs").toArray();
                    m_jobsSeen(list);
                    m_pendingAnnotations.clear();
                    for (const QJsonValue &job : list) {
                        const qint64 id = job.toObject().value(u"id").toInteger();
                        if (job.toObject().value(u"status").toString() == "completed"_L1 &&
                            !m_annotated.contains(id))
                            m_pendingAnnotations << id;
                    }
                    nextAnnotation();
                });
        });
    }

    void nextAnnotation()
    {
        if (m_pendingAnnotations.isEmpty()) {
            if (m_runStatus == "completed"_L1)
                m_finished = true;
            else
                m_sleep.start(m_interval);
            return;
        }
        const qint64 id = m_pendingAnnotations.takeFirst();
        m_annotated.insert(id);
        get(repoPath() + u"/check-runs/"_s + QString::number(id) + u"/annotations"_s,
            [this](const QJsonDocument &) { nextAnnotation(); });
    }

    QNetworkAccessManager *m_network;
    QUrl m_apiBase;
    qint64 m_runId;
    std::chrono::milliseconds m_interval;
    JobsSeen m_jobsSeen;
    QTimer m_sleep;
    QString m_runStatus;
    QSet<qint64> m_annotated;
    QList<qint64> m_pendingAnnotations;
    bool m_finished = false;
    QString m_problem;
};

struct Counts
{
    QMap<QString, int> counted;  // by kind, non-304
    int notModified = 0;
    int total() const
    {
        int sum = 0;
        for (int n : counted)
            sum += n;
        return sum;
    }
};

QString kindOf(const QString &path)
{
    if (path.contains("/annotations"_L1))
        return u"annotations"_s;
    if (path.endsWith("/jobs"_L1))
        return u"jobs"_s;
    if (path.endsWith("/zip"_L1))
        return u"artifact zip (302)"_s;
    if (path.endsWith("/artifacts"_L1))
        return u"artifacts"_s;
    if (path.contains("/actions/workflows/"_L1))
        return u"workflow"_s;
    if (path.contains("/actions/runs/"_L1))
        return u"run"_s;
    return path;
}

void printCounts(const char *who, const Counts &c)
{
    QStringList parts;
    for (auto it = c.counted.cbegin(); it != c.counted.cend(); ++it)
        parts << it.key() + u' ' + QString::number(it.value());
    std::printf("  %-26s %4d counted (%s); %d answered 304\n", who, c.total(),
                qPrintable(parts.join(u", "_s)), c.notModified);
}

void printDelays(const char *who, const Delays &d)
{
    std::printf("  %-26s median %.1f s, p90 %.1f s, max %.1f s over %lld transitions%s\n", who,
                median(d.seconds), percentile(d.seconds, 0.9),
                d.seconds.isEmpty() ? 0.0 : *std::max_element(d.seconds.cbegin(), d.seconds.cend()),
                qlonglong(d.seconds.size()),
                d.missed ? qPrintable(u", %1 never shown"_s.arg(d.missed)) : "");
}

}  // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption speedOption(u"speed"_s, u"Virtual seconds per real second (60)."_s,
                                         u"x"_s, u"60"_s);
    const QCommandLineOption minutesOption(
        u"minutes"_s, u"Watch window in virtual minutes (120)."_s, u"n"_s, u"120"_s);
    const QCommandLineOption scaleOption(
        u"build-scale"_s, u"The conda-build step's length, times the simulator's usual (6)."_s,
        u"x"_s, u"6"_s);
    parser.addOption(speedOption);
    parser.addOption(minutesOption);
    parser.addOption(scaleOption);
    parser.process(app);
    const double speed = std::clamp(parser.value(speedOption).toDouble(), 1.0, 1000.0);
    const int minutes = std::max(1, parser.value(minutesOption).toInt());
    const auto scaled = [speed](std::chrono::milliseconds virtualTime) {
        return std::max(1ms,
                        std::chrono::milliseconds(qint64(double(virtualTime.count()) / speed)));
    };

    ForgeSimulator sim(QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC));
    if (!sim.start()) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(sim.errorString()));
        return 1;
    }
    // Both pollers share the demo token's bucket; the bench counts units, it does not run out.
    sim.gitHub()->setRateLimit(1'000'000, 1'000'000);
    // An hour-long run, as SPEC §6 has it: the conda-build steps take 36 to 60 minutes.
    const double buildScale = std::clamp(parser.value(scaleOption).toDouble(), 0.1, 100.0);
    sim.runs()->setBuildStepScale(buildScale);
    const auto virtualNow = [&sim] {
        return sim.clock()->now();
    };

    QNetworkAccessManager network;
    rc::forge::MemoryTokenSource tokens;
    tokens.setToken(rc::forge::Service::GitHub, sim.gitHubApiUrl(),
                    QString(ForgeSimulator::kGitHubClassicToken));
    rc::forge::Transport transport(&network, &tokens, virtualNow);
    rc::forge::GitHubClient github(&transport, sim.gitHubApiUrl());

    // A valid release of the newest commit with a tarball, with a real patch.
    QString sha;
    for (const auto &commit : sim.gitLab()->commits()) {
        if (sim.gitLab()->tarballJobFor(commit.sha)) {
            sha = commit.sha;
            break;
        }
    }
    const QByteArray tarball = sim.gitLab()->tarballFor(sha);
    const QByteArray version = "2.0.0";
    namespace demo = rc::sandbox::test;
    const QJsonObject inputs {
        {u"recipe"_s, u"veloxchem"_s},
        {u"url"_s, sim.tarballUrl(sha).toString()},
        {u"sha256"_s,
         QString::fromLatin1(
             QCryptographicHash::hash(tarball, QCryptographicHash::Sha256).toHex())},
        {u"version"_s, QString::fromLatin1(version)},
        {u"build"_s, u"0"_s},
        {u"channel"_s, u"veloxchem"_s},
        {u"label"_s, u"dev"_s},
        {u"patch"_s,
         QString::fromUtf8(demo::printfEncoded(
             demo::versionPatch(demo::initFileOf(sim.gitLab(), sha), version)))}};
    const auto dispatch = [&](const QString &build) -> qint64 {
        QJsonObject release = inputs;
        release[u"build"_s] = build;
        qint64 id = 0;
        QEventLoop loop;
        QObject context;
        github.dispatchWorkflow(
            kOwner, kRepo, kWorkflow, demo::dispatchBody(u"main"_s, release), &context,
            [&](const rc::forge::ForgeResult<rc::forge::DispatchResult> &r) {
                if (r.ok() && r.value.runId)
                    id = *r.value.runId;
                else if (!r.ok())
                    std::fprintf(stderr, "dispatch: %s\n", qPrintable(r.error.describe()));
                loop.quit();
            });
        loop.exec();
        return id;
    };

    // An earlier release of this profile, run to its end: what the ledger would have recorded
    // from it (RunRecorder keeps watch::stepDurationsOf of each job that succeeded). Real runs
    // vary, the simulator's do not: every learned duration is moved by up to ±15 % (seeded), so
    // the predictions are not exact.
    const qint64 earlierRunId = dispatch(u"0"_s);
    if (earlierRunId == 0) {
        std::fprintf(stderr, "the dispatch gave no run id\n");
        return 1;
    }
    sim.advance(std::chrono::hours(24));
    rc::watch::StepDurations learned;
    {
        QEventLoop loop;
        QObject context;
        github.jobs(kOwner, kRepo, earlierRunId, &context,
                    [&](const rc::forge::ForgeResult<QList<rc::forge::WorkflowJob>> &r) {
                        QRandomGenerator random(20261201);
                        for (const rc::forge::WorkflowJob &job : r.value) {
                            for (const auto &[step, duration] : rc::watch::stepDurationsOf(job)) {
                                const double factor = 0.85 + 0.3 * random.generateDouble();
                                learned[job.name][step] = std::chrono::seconds(
                                    qint64(std::llround(double(duration.count()) * factor)));
                            }
                        }
                        loop.quit();
                    });
        loop.exec();
    }

    const qint64 runId = dispatch(u"1"_s);
    if (runId == 0) {
        std::fprintf(stderr, "the dispatch gave no run id\n");
        return 1;
    }
    sim.clearRequestLog();
    const QDateTime dispatchedAt = virtualNow();

    // (a) ours: RunWatcher → PlatformModel, once as a first release of the profile would be
    // watched (no history) and once with the earlier run's step durations, side by side.
    rc::watch::WatchTarget target;
    target.owner = kOwner;
    target.repo = kRepo;
    target.workflow = kWorkflow;
    target.runId = runId;
    const rc::watch::WatchOptions defaults;
    rc::watch::WatchOptions options;
    options.minInterval = scaled(defaults.minInterval);
    options.maxInterval = scaled(defaults.maxInterval);
    options.findTimeout = defaults.findTimeout;  // compared on the (virtual) clock
    // No history anywhere, not even the earlier run on the server: the reactive polls alone.
    options.learnFromEarlierRun = false;
    rc::watch::WatchOptions timedOptions = options;
    timedOptions.typicalStepDurations = learned;
    timedOptions.clockSpeed = speed;
    Ours first(&network, &tokens, virtualNow, sim.gitHubApiUrl(), target, options, kFirstUserAgent,
               "first release");
    Ours timed(&network, &tokens, virtualNow, sim.gitHubApiUrl(), target, timedOptions,
               kTimedUserAgent, "with history");

    // (b) the baseline, on a network manager of its own (its own connections, no ETag cache).
    QNetworkAccessManager baselineNetwork;
    Observations theirs;
    GhRunWatchBaseline baseline(
        &baselineNetwork, sim.gitHubApiUrl(), runId, scaled(kBaselineInterval),
        [&](const QJsonArray &jobs) {
            for (const QJsonValue &value : jobs) {
                const QJsonObject job = value.toObject();
                const Progress progress {
                    rankOf(job.value(u"status").toString()),
                    currentStepOf(
                        job.value(u"steps").toArray(),
                        [](const QJsonValue &s) {
                            return s.toObject().value(u"status").toString();
                        },
                        [](const QJsonValue &s) { return s.toObject().value(u"number").toInt(); })};
                theirs[job.value(u"name").toString()]
                    << Observation {virtualNow(), progress, false};
            }
        });

    // The virtual clock, moved from here in small steps.
    QElapsedTimer real;
    QTimer driver;
    driver.setTimerType(Qt::PreciseTimer);
    double carried = 0;
    const QDateTime windowEnd = dispatchedAt.addSecs(qint64(minutes) * 60);
    QEventLoop loop;
    QObject::connect(&driver, &QTimer::timeout, &driver, [&] {
        carried += double(real.restart()) * speed;
        const auto whole = qint64(carried);
        carried -= double(whole);
        sim.advance(std::chrono::milliseconds(whole));
        const bool oursDone = !first.watcher.isActive() && !timed.watcher.isActive();
        if ((oursDone && baseline.finished()) || virtualNow() >= windowEnd)
            loop.quit();
    });

    QElapsedTimer wall;
    wall.start();
    real.start();
    driver.start(kDriverStep);
    first.watcher.start();
    timed.watcher.start();
    baseline.start();
    loop.exec();
    driver.stop();
    // The model tells a poll's changes once the poll's signals are in (a queued flush): when
    // the last poll also ended the watch, that flush is still pending here, and without it the
    // last build's outcome would count as never shown.
    QCoreApplication::sendPostedEvents();
    const double wallSeconds = double(wall.elapsed()) / 1000.0;
    const QDateTime endedAt = virtualNow();

    Counts firstCount, timedCount, theirsCount;
    for (const rc::sandbox::LoggedRequest &e : sim.requestLog().entries()) {
        if (e.listener != rc::sandbox::Listener::Api || e.path == "/rate_limit"_L1)
            continue;
        const QByteArray agent = e.header("user-agent");
        Counts &c = agent == kBaselineUserAgent ? theirsCount
            : agent == kTimedUserAgent          ? timedCount
                                                : firstCount;
        if (e.status == 304)
            ++c.notModified;
        else if (e.status != 0)
            ++c.counted[kindOf(e.path)];
    }

    const QList<Transition> transitions = serverTransitions(*sim.runs(), runId);
    const Delays firstDelays = delaysOf(transitions, first.observations);
    const Delays timedDelays = delaysOf(transitions, timed.observations);
    const Delays theirsDelays = delaysOf(transitions, theirs);
    const Delays firstOutcomeDelays = outcomeDelaysOf(*sim.runs(), runId, first.observations);
    const Delays timedOutcomeDelays = outcomeDelaysOf(*sim.runs(), runId, timed.observations);

    const rc::sandbox::Run *run = sim.runs()->run(runId);
    const rc::sandbox::RunView runView = sim.runs()->viewRun(*run);
    const auto ratioOf = [&](const Counts &c) {
        return theirsCount.total() > 0 ? double(c.total()) / double(theirsCount.total()) : 0;
    };
    std::printf("bench_watch_cost: run %lld (%lld jobs), %s at %s virtual; watched %.1f virtual "
                "min at %gx (%.1f s real), conda-build steps %gx the simulator's\n",
                qlonglong(runId), qlonglong(sim.runs()->jobsOf(runId).size()),
                qPrintable(runView.status), qPrintable(runView.updatedAt.toString(Qt::ISODate)),
                double(dispatchedAt.msecsTo(endedAt)) / 60000.0, speed, wallSeconds, buildScale);
    for (const Ours *ours : {&first, &timed}) {
        std::printf("  RunWatcher %s: %s%s, %lld requests sent\n", ours->label,
                    qPrintable(rc::watch::watchPhaseName(ours->watcher.snapshot().phase)),
                    ours->watcher.snapshot().allSucceeded() ? " (all succeeded)" : "",
                    qlonglong(ours->watcher.requestsSent()));
    }
    std::printf(
        "  gh baseline: %s%s\n", baseline.finished() ? "exited at completion" : "still watching",
        baseline.problem().isEmpty() ? "" : qPrintable(u" ("_s + baseline.problem() + u')'));
    std::printf("rate-limit units (non-304 GitHub API answers):\n");
    printCounts("RunWatcher, with history", timedCount);
    printCounts("RunWatcher, first release", firstCount);
    printCounts("gh run watch 2.46 (3 s)", theirsCount);
    std::printf("ratio RunWatcher / gh run watch: %.3f with the profile's history (goal <= 0.05), "
                "%.3f on a first release\n",
                ratioOf(timedCount), ratioOf(firstCount));
    std::printf("delay from a job transition on the server to the model (%lld transitions):\n",
                qlonglong(transitions.size()));
    printDelays("with history -> model", timedDelays);
    printDelays("first release -> model", firstDelays);
    printDelays("gh run watch (jobs seen)", theirsDelays);
    printDelays("build end -> true outcome", timedOutcomeDelays);
    printDelays("  (first release)", firstOutcomeDelays);
    std::printf(
        "median delay: %.1f s with history, %.1f s first (goal <= %lld s, the poll interval); "
        "model resets: %d\n",
        median(timedDelays.seconds), median(firstDelays.seconds),
        qlonglong(std::chrono::duration_cast<std::chrono::seconds>(defaults.minInterval).count()),
        first.modelResets + timed.modelResets);
    const qlonglong pollInterval =
        qlonglong(std::chrono::duration_cast<std::chrono::seconds>(defaults.minInterval).count());
    std::printf("RESULT name=watch_units_ratio value=%.4f goal=<=0.05 unit=x\n",
                ratioOf(timedCount));
    std::printf("RESULT name=watch_units_ratio_first value=%.4f goal=<=0.05 unit=x\n",
                ratioOf(firstCount));
    std::printf("RESULT name=watch_delay value=%.2f goal=<=%lld unit=s\n",
                median(timedDelays.seconds), pollInterval);
    std::printf("RESULT name=watch_delay_first value=%.2f goal=<=%lld unit=s\n",
                median(firstDelays.seconds), pollInterval);
    std::printf("RESULT name=watch_delay_gh value=%.2f goal=none unit=s\n",
                median(theirsDelays.seconds));
    std::printf("RESULT name=watch_outcome_delay value=%.2f goal=none unit=s\n",
                median(timedOutcomeDelays.seconds));
    std::printf("RESULT name=watch_units value=%d goal=none unit=units\n", timedCount.total());
    std::printf("RESULT name=watch_units_gh value=%d goal=none unit=units\n", theirsCount.total());
    std::printf("RESULT name=watch_model_resets value=%d goal=<=0 unit=resets\n",
                first.modelResets + timed.modelResets);
    const bool ok = runView.status == "completed"_L1 &&
        first.watcher.snapshot().phase == rc::watch::WatchPhase::Completed &&
        timed.watcher.snapshot().phase == rc::watch::WatchPhase::Completed && baseline.finished() &&
        baseline.problem().isEmpty();
    return ok ? 0 : 2;
}
