// SPDX-License-Identifier: BSD-3-Clause
// RunWatcher against the forge simulator over loopback HTTP, on the simulator's virtual clock:
// a whole 6-job run to its true outcomes, a continue-on-error failure shown when its job ends,
// the request budget (one conditional request per tick, 304s while nothing changes), network
// loss and recovery, cancel by a newer dispatch, a re-run followed, two runs at once, runs
// that never appear, polls timed from the profile's history, and true outcomes shown soon after
// each build's end when that history is off.

#include "forge/githubclient.h"
#include "forge/tokensource.h"
#include "sandbox/demopatch.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "support/forgewait.h"
#include "support/simulatorclients.h"
#include "watch/runwatcher.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace rc::forge;
using namespace rc::watch;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rc::sandbox::BuildOutcome;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;
using rc::sandbox::ForgeSimulator;
using rc::sandbox::Listener;
using namespace rc::sandbox::test;
using rc::test::waitForResult;

Q_DECLARE_METATYPE(rc::sandbox::FaultKind)

namespace {

const QString kOwner = u"VeloxChem"_s;
const QString kRepo = u"meta-vlx"_s;
const QString kWorkflow = u"deploy-cxx.yml"_s;
const QString kLogin = u"octo-maintainer"_s;
constexpr int kBuilds = 6;
constexpr int kJobs = kBuilds + 2;     // prepare, 6 builds, summary
constexpr double kSpeed = 200.0;       // virtual seconds per real second
constexpr double kTimedSpeed = 50.0;   // where true outcomes are timed (timedOptions())
constexpr int kRunTimeoutMs = 60'000;  // a whole run is ~12 virtual minutes: ~4 s here

WatchOptions fastOptions()
{
    WatchOptions o;
    o.minInterval = 20ms;
    o.maxInterval = 160ms;
    o.findTimeout = 60s;  // virtual
    // Runs dispatched earlier in the same test would time these watchers' polls: learning from
    // an earlier run has tests of its own.
    o.learnFromEarlierRun = false;
    return o;
}

// The simulator's clock moves once every 100 real milliseconds, by the time that passed times its
// speed. A longer step means this process did not run (a loaded machine, a sanitizer's pause):
// neither the watcher nor the server could act then, so a bound on how soon the watcher saw
// something leaves that time out. Without stalls it changes nothing.
class StallMeter : public QObject
{
public:
    StallMeter(rc::sandbox::VirtualClock *clock, double speed)
        : m_last(clock->now())
        , m_normalStepMs(qint64(100.0 * speed))
    {
        connect(clock, &rc::sandbox::VirtualClock::advanced, this, [this](const QDateTime &now) {
            const qint64 step = m_last.msecsTo(now);
            if (step > 2 * m_normalStepMs)
                m_stalls.append({now, step - m_normalStepMs});
            m_last = now;
        });
    }
    // Virtual milliseconds between `from` and `to` in which the process stood still.
    qint64 stalledBetween(const QDateTime &from, const QDateTime &to) const
    {
        qint64 stalled = 0;
        for (const auto &[end, excess] : m_stalls) {
            if (end > from && end <= to)
                stalled += std::min(excess, from.msecsTo(end));
        }
        return stalled;
    }

private:
    QDateTime m_last;
    qint64 m_normalStepMs;
    QList<std::pair<QDateTime, qint64>> m_stalls;  // where a long step ended, its excess
};

}  // namespace

class TestRunWatcher : public QObject
{
    Q_OBJECT
private:
    rc::test::SimulatorClients forge;

    QJsonObject inputs(const QString &version = u"2.0.0"_s) const
    {
        return rc::test::releaseInputs(*forge.simulator, rc::test::releasableSha(*forge.simulator),
                                       version);
    }
    ForgeResult<DispatchResult> dispatch(const QString &ref = u"main"_s,
                                         bool returnRunDetails = true,
                                         const QString &version = u"2.0.0"_s)
    {
        ForgeResult<DispatchResult> r;
        const QByteArray body = dispatchBody(ref, inputs(version), returnRunDetails);
        if (!waitForResult<DispatchResult>(
                [&](QObject *c, auto cb) {
                    forge.github->dispatchWorkflow(kOwner, kRepo, kWorkflow, body, c, cb);
                },
                &r))
            r.error = ForgeError::make(ForgeError::Kind::Cancelled, u"test wait timed out"_s);
        return r;
    }
    qint64 dispatchedRun(const QString &ref = u"main"_s, const QString &version = u"2.0.0"_s)
    {
        const auto r = dispatch(ref, true, version);
        return r.ok() && r.value.runId ? *r.value.runId : 0;
    }
    std::unique_ptr<RunWatcher> watcherFor(WatchTarget target, WatchOptions options = fastOptions())
    {
        ForgeSimulator *s = forge.simulator.get();
        return std::make_unique<RunWatcher>(forge.github.get(), std::move(target), options,
                                            [s] { return s->clock()->now(); });
    }
    WatchTarget targetOf(std::optional<qint64> runId) const
    {
        WatchTarget t;
        t.owner = kOwner;
        t.repo = kRepo;
        t.workflow = kWorkflow;
        t.runId = runId;
        t.actor = kLogin;
        t.branch = u"main"_s;
        t.createdSince = forge.simulator->clock()->now().addSecs(-5);
        return t;
    }
    bool serverRunCompleted(qint64 runId) const
    {
        const rc::sandbox::Run *run = forge.simulator->runs()->run(runId);
        return run && forge.simulator->runs()->viewRun(*run).status == u"completed"_s;
    }
    // Requests on the API host about one run (its jobs, the run, its artifacts).
    QList<rc::sandbox::LoggedRequest> requestsAbout(qint64 runId) const
    {
        return forge.simulator->requestLog().matching(
            "GET", u"*/actions/runs/"_s + QString::number(runId) + u"*"_s);
    }
    // A release dispatched and run to its end a day ago: its jobs, as GitHub lists them.
    void finishEarlierRelease(QList<rc::forge::WorkflowJob> *jobs, qint64 *runId = nullptr)
    {
        const qint64 earlierRunId = dispatchedRun(u"main"_s, u"2.0.0"_s);
        QVERIFY(earlierRunId > 0);
        forge.simulator->advance(24h);
        QVERIFY(serverRunCompleted(earlierRunId));
        ForgeResult<QList<rc::forge::WorkflowJob>> listed;
        QVERIFY(waitForResult<QList<rc::forge::WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, earlierRunId, c, cb); },
            &listed));
        QVERIFY(listed.ok());
        *jobs = listed.value;
        if (runId)
            *runId = earlierRunId;
    }
    // For the tests that time true outcomes: a slower clock than the others' (kTimedSpeed), so
    // that a poll's real latency on a loaded machine (tens of milliseconds) is a few virtual
    // seconds, not twenty; polls 1 to 100 virtual seconds apart.
    static WatchOptions timedOptions()
    {
        WatchOptions options = fastOptions();
        options.maxInterval = 2000ms;
        options.clockSpeed = kTimedSpeed;
        return options;
    }
    // Starts the watcher with the simulator's clock at `speed` and follows the run to its end,
    // noting per build the virtual milliseconds from its job's end to its true outcome shown.
    void watchToTheEnd(RunWatcher *watcher, double speed, QHash<QString, qint64> *shownAfter)
    {
        QSignalSpy finished(watcher, &RunWatcher::finished);
        StallMeter stalls(forge.simulator->clock(), speed);
        connect(watcher, &RunWatcher::platformChanged, &stalls,
                [this, watcher, shownAfter, &stalls](int i) {
                    const PlatformState &p = watcher->snapshot().platforms.at(i);
                    if (p.helper || p.status == PlatformStatus::Queued ||
                        p.status == PlatformStatus::Running || shownAfter->contains(p.key))
                        return;
                    const rc::sandbox::Job *job = forge.simulator->runs()->job(p.jobId);
                    QVERIFY(job);
                    const QDateTime now = forge.simulator->clock()->now();
                    const qint64 stalled = stalls.stalledBetween(job->completion(), now);
                    if (stalled > 0)
                        qInfo() << p.key << "the process stood still for" << stalled
                                << "virtual ms of its delay";
                    shownAfter->insert(p.key, job->completion().msecsTo(now) - stalled);
                });
        forge.simulator->clock()->setSpeed(speed);
        watcher->start();
        QVERIFY(finished.wait(kRunTimeoutMs));
        QVERIFY(watcher->snapshot().allSucceeded());
    }
    // A job's end is listed, then the artifacts, then the summary read: three requests of well
    // under a virtual second each at 50 times real speed, a few on a loaded machine (a real half
    // second is 25 virtual ones: the bounds leave room for a busy CI). Time in which the process
    // stood still is not in the delays (StallMeter).
    static void verifyTrueOutcomesShownSoon(const QHash<QString, qint64> &shownAfter)
    {
        QCOMPARE(shownAfter.size(), kBuilds);
        QList<qint64> delays = shownAfter.values();
        std::sort(delays.begin(), delays.end());
        qInfo() << "true outcome shown after the job's end (virtual ms):" << shownAfter;
        QVERIFY(delays.first() >= 0);
        const qint64 median = (delays.at(kBuilds / 2 - 1) + delays.at(kBuilds / 2)) / 2;
        QVERIFY2(median <= 15'000, qPrintable(QString::number(median)));
        QVERIFY2(delays.last() <= 35'000, qPrintable(QString::number(delays.last())));
    }
    static int countBuilds(const RunSnapshot &s)
    {
        return int(std::count_if(s.platforms.cbegin(), s.platforms.cend(),
                                 [](const PlatformState &p) { return !p.helper; }));
    }
    void verifyRowsComplete(const RunSnapshot &s)
    {
        QCOMPARE(s.platforms.size(), kJobs);
        QCOMPARE(countBuilds(s), kBuilds);
        // Builds first, helpers after.
        for (int i = 0; i < kBuilds; ++i)
            QVERIFY2(!s.platforms.at(i).helper, qPrintable(s.platforms.at(i).key));
        QVERIFY(s.platforms.at(kBuilds).helper);
        QVERIFY(s.platforms.at(kBuilds + 1).helper);
    }

private slots:
    void init()
    {
        TransportOptions o;
        // Roomy for a loaded machine: no test here waits out a silent server.
        o.inactivityTimeout = 3000ms;
        o.deadline = 4000ms;
        o.maxRetries = 0;  // the watcher's own back-off is under test
        QString error;
        QVERIFY2(forge.start(o, &error, false), qPrintable(error));
    }
    void cleanup()
    {
        if (forge.simulator) {
            forge.simulator->clock()->setSpeed(0);
            QVERIFY(forge.simulator->credentialLeaks().isEmpty());
        }
        forge.stop();
    }

    // The meter the timing bounds rely on: a step of the clock longer than its ticker's counts,
    // beyond the normal step, and only the part after `from`.
    void stallMeterCountsOnlyLongSteps()
    {
        rc::sandbox::VirtualClock clock(
            QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC));
        const QDateTime start = clock.now();
        const StallMeter stalls(&clock, 50.0);  // a normal step: 5 virtual s
        clock.advance(5s);
        clock.advance(6s);
        QCOMPARE(stalls.stalledBetween(start, clock.now()), 0);
        clock.advance(35s);  // the process stood still for 30 s of it
        const QDateTime afterStall = clock.now();
        clock.advance(5s);
        QCOMPARE(stalls.stalledBetween(start, clock.now()), 30'000);
        QCOMPARE(stalls.stalledBetween(start.addSecs(30), clock.now()), 16'000);
        QCOMPARE(stalls.stalledBetween(afterStall, clock.now()), 0);
    }

    void fullRunCompletesWithEverySuccess()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        QSignalSpy inserted(watcher.get(), &RunWatcher::platformsInserted);
        int rowsAnnounced = 0;
        connect(watcher.get(), &RunWatcher::platformsInserted, this, [&](int first, int last) {
            QCOMPARE(first, rowsAnnounced);  // appended, never inserted in between
            rowsAnnounced = last + 1;
        });
        QList<PlatformStatus> seen;
        connect(watcher.get(), &RunWatcher::platformChanged, this,
                [&](int index) { seen << watcher->snapshot().platforms.at(index).status; });
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QVERIFY(finished.wait(kRunTimeoutMs));
        QCOMPARE(finished.size(), 1);

        const RunSnapshot &s = watcher->snapshot();
        QCOMPARE(s.phase, WatchPhase::Completed);
        QVERIFY(s.run);
        QCOMPARE(s.run->id, runId);
        QCOMPARE(s.run->status, u"completed"_s);
        QCOMPARE(s.run->conclusion, u"success"_s);
        QVERIFY(!s.stale);
        verifyRowsComplete(s);
        QCOMPARE(rowsAnnounced, kJobs);
        QVERIFY(!inserted.isEmpty());
        for (const PlatformState &p : s.platforms) {
            QCOMPARE(p.status, PlatformStatus::Success);
            QCOMPARE(p.jobStatus, u"completed"_s);
            QVERIFY(p.jobId > 0);
            QVERIFY(p.stepCount > 0);
            QCOMPARE(p.stepNumber, p.stepCount);
            if (!p.helper) {
                QVERIFY2(p.trueOutcome, qPrintable(p.key));
                QCOMPARE(*p.trueOutcome, u"success"_s);
                QVERIFY(!p.os.isEmpty());
                QVERIFY(p.variant.startsWith(u"Python 3.1"_s));
            }
        }
        QCOMPARE(s.platforms.at(kBuilds).key, u"prepare"_s);
        QCOMPARE(s.platforms.at(kBuilds + 1).key, u"summary"_s);
        QVERIFY(seen.contains(PlatformStatus::Running));
        QVERIFY(s.allSucceeded());
        QVERIFY(s.failedPlatforms().isEmpty());

        // Every build summary read once, through the other host.
        QCOMPARE(forge.simulator->requestLog().matching("GET", u"*/artifacts/*/zip"_s).size(),
                 kBuilds);
        // The watcher's count is what reached the API host.
        qsizetype apiRequests = 0;
        for (const auto &e : forge.simulator->requestLog().entries()) {
            if (e.listener == Listener::Api && e.method == "GET")
                ++apiRequests;
        }
        QCOMPARE(watcher->requestsSent(), qint64(apiRequests));
        // After the end nothing more is asked.
        const qint64 sent = watcher->requestsSent();
        QTest::qWait(200);
        QCOMPARE(watcher->requestsSent(), sent);
    }

    void continueOnErrorFailureShownWhenItsJobEnds()
    {
        forge.simulator->runs()->setPlatformOutcome(u"windows-2022_*"_s, BuildOutcome::BuildFails);
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        struct Seen
        {
            QString key;
            QDateTime at;  // virtual
            qint64 jobId = 0;
            bool runCompletedOnServer = false;
            bool watcherRunning = false;
        };
        QList<Seen> failures;
        QList<PlatformStatus> windowsStatuses;
        connect(watcher.get(), &RunWatcher::platformChanged, this, [&](int index) {
            const PlatformState &p = watcher->snapshot().platforms.at(index);
            if (p.key.contains(u"windows"_s))
                windowsStatuses << p.status;
            const bool known = std::any_of(failures.cbegin(), failures.cend(),
                                           [&](const Seen &f) { return f.key == p.key; });
            if (p.status == PlatformStatus::Failure && !known)
                failures << Seen {p.key, forge.simulator->clock()->now(), p.jobId,
                                  serverRunCompleted(runId),
                                  watcher->snapshot().phase == WatchPhase::Watching};
        });
        const StallMeter stalls(forge.simulator->clock(), kSpeed);
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QVERIFY(finished.wait(kRunTimeoutMs));

        const RunSnapshot &s = watcher->snapshot();
        QCOMPARE(s.phase, WatchPhase::Completed);
        // GitHub calls it a success; the truth is two failed Windows builds.
        QCOMPARE(s.run->conclusion, u"success"_s);
        QVERIFY(!s.allSucceeded());
        QStringList failed = s.failedPlatforms();
        failed.sort();
        QCOMPARE(failed,
                 (QStringList {u"build (windows-2022, 3.12, msmpi)"_s,
                               u"build (windows-2022, 3.13, msmpi)"_s}));
        for (const PlatformState &p : s.platforms) {
            if (p.key.contains(u"windows"_s)) {
                QCOMPARE(p.jobConclusion, u"success"_s);
                QCOMPARE(p.trueOutcome, std::optional<QString>(u"failure"_s));
                QCOMPARE(p.status, PlatformStatus::Failure);
            } else {
                QCOMPARE(p.status, PlatformStatus::Success);
            }
        }
        // A Windows row was never shown a success on the way.
        QVERIFY(!windowsStatuses.contains(PlatformStatus::Success));
        QCOMPARE(failures.size(), 2);
        for (const Seen &f : std::as_const(failures)) {
            QVERIFY2(!f.runCompletedOnServer, qPrintable(f.key));
            QVERIFY(f.watcherRunning);
            const rc::sandbox::Job *job = forge.simulator->runs()->job(f.jobId);
            QVERIFY(job);
            const QDateTime ended = job->completion();
            QVERIFY(f.at >= ended);
            // Known within a few polls of the job's end (maxInterval is ~32 virtual s here; at
            // 200 times real speed a loaded machine's requests cost virtual seconds too).
            const qint64 seenAfter = ended.msecsTo(f.at) - stalls.stalledBetween(ended, f.at);
            QVERIFY2(seenAfter <= 160'000, qPrintable(QString::number(seenAfter)));
        }
    }

    void steadyStateIsOneConditionalRequestPerTick()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        watcher->start();
        // Walk the clock until every build is running (none queued).
        for (int i = 0; i < 40; ++i) {
            const qint64 before = watcher->requestsSent();
            forge.simulator->advance(5s);
            QTRY_VERIFY(watcher->requestsSent() > before);
            const auto &rows = watcher->snapshot().platforms;
            if (countBuilds(watcher->snapshot()) == kBuilds &&
                std::all_of(rows.cbegin(), rows.cend(), [](const PlatformState &p) {
                    return p.helper || p.status == PlatformStatus::Running;
                }))
                break;
        }
        QCOMPARE(countBuilds(watcher->snapshot()), kBuilds);
        QTRY_COMPARE(watcher->snapshot().platforms.at(0).status, PlatformStatus::Running);

        // Nothing changes on the server now: every tick is one jobs request, answered 304,
        // and the interval grows to its bound. The request in flight at this point may still
        // be answered 200 (it asked about the last step); the server logs answers in the order
        // the watcher sent them, one at a time, so the ones sent from here on start at index
        // sentBefore of the requests about this run. Seven arrived: the first six were
        // answered (the seventh may be in flight).
        const qint64 sentBefore = watcher->requestsSent();
        QCOMPARE(forge.simulator->requestLog().matching("GET", u"*/zip"_s).size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(requestsAbout(runId).size() >= sentBefore + 7, 5000);
        QTRY_COMPARE(watcher->currentInterval(), fastOptions().maxInterval);
        const auto entries = requestsAbout(runId).mid(sentBefore, 6);
        QCOMPARE(entries.size(), 6);
        for (const auto &e : entries) {
            QCOMPARE(e.method, QByteArray("GET"));
            QVERIFY2(e.path.endsWith(u"/actions/runs/"_s + QString::number(runId) + u"/jobs"_s),
                     qPrintable(e.path));
            QVERIFY(e.query.contains(u"filter=latest"_s));
            QCOMPARE(e.status, 304);
            QVERIFY(!e.header("If-None-Match").isEmpty());
        }

        // Over the whole run, most answers are 304s and the run itself is rarely asked for.
        forge.simulator->clock()->setSpeed(kSpeed);
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        QVERIFY(finished.wait(kRunTimeoutMs));
        QVERIFY(watcher->snapshot().allSucceeded());
        const auto all = requestsAbout(runId);
        qsizetype jobs = 0, notModified = 0, runs = 0, artifacts = 0;
        for (const auto &e : all) {
            if (e.path.endsWith(u"/jobs"_s)) {
                ++jobs;
                notModified += e.status == 304 ? 1 : 0;
            } else if (e.path.endsWith(u"/artifacts"_s)) {
                ++artifacts;
            } else {
                ++runs;
            }
        }
        qInfo("whole run: %lld requests; jobs %lld (%lld answered 304), run %lld, artifacts %lld",
              watcher->requestsSent(), qint64(jobs), qint64(notModified), qint64(runs),
              qint64(artifacts));
        QVERIFY2(notModified * 2 > jobs, qPrintable(u"%1 of %2"_s.arg(notModified).arg(jobs)));
        QVERIFY2(runs <= 8, qPrintable(QString::number(runs)));
        QVERIFY2(artifacts <= kBuilds + 2, qPrintable(QString::number(artifacts)));
    }

    void networkLossMarksStaleThenRecovers_data()
    {
        QTest::addColumn<FaultKind>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("connection reset") << FaultKind::ConnectionReset << 0;
        QTest::newRow("503") << FaultKind::ServerError << 503;
    }
    void networkLossMarksStaleThenRecovers()
    {
        QFETCH(FaultKind, kind);
        QFETCH(int, status);
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QTRY_VERIFY_WITH_TIMEOUT(countBuilds(watcher->snapshot()) == kBuilds, 20000);

        Fault fault = Fault::make(kind, "GET", u"*/actions/runs/*"_s, 5);
        fault.status = status;
        const int id = forge.simulator->addFault(fault);
        QTRY_VERIFY(watcher->snapshot().stale);
        const QDateTime staleSince = watcher->snapshot().staleSince;
        QVERIFY(staleSince.isValid());
        QVERIFY(!watcher->snapshot().problem.isEmpty());
        QCOMPARE(watcher->snapshot().phase, WatchPhase::Watching);
        // Recovery by itself once the faults are used up.
        QTRY_VERIFY_WITH_TIMEOUT(!watcher->snapshot().stale, 10000);
        QVERIFY(forge.simulator->faultHits(id) >= 5);
        QVERIFY(watcher->snapshot().problem.isEmpty());
        QVERIFY(finished.wait(kRunTimeoutMs));
        QCOMPARE(watcher->snapshot().phase, WatchPhase::Completed);
        QVERIFY(watcher->snapshot().allSucceeded());
    }

    void backOffIsExponentialAndCapped()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        watcher->start();
        QTRY_VERIFY(forge.simulator->requestLog().matching("GET", u"*/jobs"_s).size() >= 2);
        forge.simulator->addFault(
            Fault::make(FaultKind::ServerError, "GET", u"*/actions/runs/*"_s, Fault::kAlways));
        QTRY_VERIFY(watcher->snapshot().stale);
        QList<std::chrono::milliseconds> intervals;
        for (int i = 0; i < 5; ++i) {
            const qint64 before = watcher->requestsSent();
            QTRY_VERIFY(watcher->requestsSent() > before);
            intervals << watcher->currentInterval();
        }
        for (int i = 1; i < intervals.size(); ++i)
            QVERIFY(intervals.at(i) >= intervals.at(i - 1));
        QCOMPARE(intervals.last(), fastOptions().maxInterval);
        forge.simulator->clearFaults();
        QTRY_VERIFY(!watcher->snapshot().stale);
    }

    void cancelledByANewerDispatch()
    {
        const qint64 first = dispatchedRun();
        QVERIFY(first > 0);
        auto watcher = watcherFor(targetOf(first));
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QTRY_VERIFY_WITH_TIMEOUT(countBuilds(watcher->snapshot()) == kBuilds, 20000);
        // concurrency: cancel-in-progress on the same ref.
        const qint64 second = dispatchedRun(u"main"_s, u"2.0.1"_s);
        QVERIFY(second > 0 && second != first);
        QVERIFY(finished.wait(kRunTimeoutMs));
        const RunSnapshot &s = watcher->snapshot();
        QCOMPARE(s.phase, WatchPhase::Completed);
        QCOMPARE(s.run->id, first);
        QCOMPARE(s.run->conclusion, u"cancelled"_s);
        QVERIFY(!s.allSucceeded());
        QVERIFY(!s.failedPlatforms().isEmpty());
        bool anyCancelled = false;
        for (const PlatformState &p : s.platforms) {
            QVERIFY(p.status != PlatformStatus::Running && p.status != PlatformStatus::Queued);
            anyCancelled = anyCancelled || p.status == PlatformStatus::Cancelled;
        }
        QVERIFY(anyCancelled);
    }

    void rerunOfFailedJobsIsFollowed()
    {
        forge.simulator->runs()->setPlatformOutcome(u"macos-*"_s, BuildOutcome::JobFails);
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QVERIFY(finished.wait(kRunTimeoutMs));
        QCOMPARE(watcher->snapshot().phase, WatchPhase::Completed);
        QCOMPARE(watcher->snapshot().run->runAttempt, qint64(1));
        QCOMPARE(watcher->snapshot().run->conclusion, u"failure"_s);
        const QStringList failed = watcher->snapshot().failedPlatforms();
        QVERIFY(!failed.isEmpty());
        for (const QString &key : failed)
            QVERIFY2(key.contains(u"macos"_s), qPrintable(key));
        QStringList keysBefore;
        QHash<QString, qint64> jobIdsBefore;
        for (const PlatformState &p : watcher->snapshot().platforms) {
            keysBefore << p.key;
            jobIdsBefore.insert(p.key, p.jobId);
        }

        forge.simulator->runs()->clearPlatformOutcomes();
        ForgeResult<Done> rerun;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.github->rerunFailedJobs(kOwner, kRepo, runId, c, cb);
            },
            &rerun));
        QVERIFY2(rerun.ok(), qPrintable(rerun.error.describe()));
        watcher->start();
        QVERIFY(finished.wait(kRunTimeoutMs));
        QCOMPARE(finished.size(), 2);

        const RunSnapshot &s = watcher->snapshot();
        QCOMPARE(s.phase, WatchPhase::Completed);
        QCOMPARE(s.run->runAttempt, qint64(2));
        QCOMPARE(s.run->conclusion, u"success"_s);
        QVERIFY(s.allSucceeded());
        QStringList keysAfter;
        for (const PlatformState &p : s.platforms) {
            keysAfter << p.key;
            if (failed.contains(p.key) || p.key == u"summary"_s)
                QVERIFY2(p.jobId != jobIdsBefore.value(p.key), qPrintable(p.key));
            else
                QCOMPARE(p.jobId, jobIdsBefore.value(p.key));
            if (!p.helper)
                QCOMPARE(p.trueOutcome, std::optional<QString>(u"success"_s));
        }
        QCOMPARE(keysAfter, keysBefore);  // rows never move
    }

    void twoRunsAtOnce()
    {
        forge.simulator->runs()->setPlatformOutcome(u"ubuntu-latest_3.13_*"_s,
                                                    BuildOutcome::BuildFails);
        const qint64 onMain = dispatchedRun(u"main"_s);
        const qint64 onDev = dispatchedRun(u"dev"_s, u"2.0.1"_s);
        QVERIFY(onMain > 0 && onDev > 0 && onMain != onDev);
        auto first = watcherFor(targetOf(onMain));
        WatchTarget devTarget = targetOf(onDev);
        devTarget.branch = u"dev"_s;
        auto second = watcherFor(devTarget);
        QSignalSpy firstDone(first.get(), &RunWatcher::finished);
        QSignalSpy secondDone(second.get(), &RunWatcher::finished);
        forge.simulator->clock()->setSpeed(kSpeed);
        first->start();
        second->start();
        QTRY_VERIFY_WITH_TIMEOUT(firstDone.size() == 1 && secondDone.size() == 1, kRunTimeoutMs);
        for (const auto *w : {first.get(), second.get()}) {
            const RunSnapshot &s = w->snapshot();
            QCOMPARE(s.phase, WatchPhase::Completed);
            verifyRowsComplete(s);
            for (const PlatformState &p : s.platforms) {
                const rc::sandbox::Job *job = forge.simulator->runs()->job(p.jobId);
                QVERIFY(job);
                QCOMPARE(job->runId, s.run->id);
            }
            QCOMPARE(s.failedPlatforms(), QStringList {u"build (ubuntu-latest, 3.13, mpich)"_s});
        }
        QCOMPARE(first->snapshot().run->id, onMain);
        QCOMPARE(second->snapshot().run->id, onDev);
        QCOMPARE(
            first->requestsSent() + second->requestsSent(),
            qint64(requestsAbout(onMain).size() + requestsAbout(onDev).size() +
                   forge.simulator->requestLog().matching("GET", u"*/artifacts/*/zip"_s).size()));
    }

    void runFoundByListing()
    {
        const auto sent = dispatch(u"main"_s, false);
        QVERIFY2(sent.ok(), qPrintable(sent.error.describe()));
        QVERIFY(!sent.value.runId);
        QVERIFY(sent.value.serverDate);
        WatchTarget target = targetOf(std::nullopt);
        target.createdSince = sent.value.serverDate->addSecs(-2);
        auto watcher = watcherFor(target);
        QSignalSpy changed(watcher.get(), &RunWatcher::runChanged);
        watcher->start();
        QCOMPARE(watcher->snapshot().phase, WatchPhase::FindingRun);
        QTRY_COMPARE(watcher->snapshot().phase, WatchPhase::Watching);
        QVERIFY(watcher->snapshot().run);
        QCOMPARE(watcher->snapshot().run->id, forge.simulator->runs()->runs().first()->id);
        QVERIFY(!changed.isEmpty());
        QTRY_VERIFY(!forge.simulator->requestLog().matching("GET", u"*/jobs"_s).isEmpty());
        watcher->stop();
        const qint64 stopped = watcher->requestsSent();
        QTest::qWait(100);
        QCOMPARE(watcher->requestsSent(), stopped);
    }

    void freshRunNotFoundIsRetried()
    {
        // The id the next dispatch gets: asked for before the run exists, GitHub answers 404.
        const qint64 nextId = forge.simulator->runs()->runs().first()->id + 1;
        auto watcher = watcherFor(targetOf(nextId));
        watcher->start();
        QTRY_VERIFY(forge.simulator->requestLog().matching("GET", u"*/actions/runs/*"_s).size() >=
                    3);
        QCOMPARE(watcher->snapshot().phase, WatchPhase::FindingRun);
        QVERIFY(!watcher->snapshot().stale);
        QCOMPARE(dispatchedRun(), nextId);
        QTRY_COMPARE(watcher->snapshot().phase, WatchPhase::Watching);
        QCOMPARE(watcher->snapshot().run->id, nextId);
    }

    void runNeverAppearingIsNotFound_data()
    {
        QTest::addColumn<bool>("dispatchFirst");
        QTest::addColumn<QString>("expectedTitle");
        QTest::addColumn<qint64>("runId");
        QTest::newRow("nothing dispatched") << false << QString() << qint64(0);
        QTest::newRow("another title") << true << u"veloxchem 9.9.9"_s << qint64(0);
        QTest::newRow("unknown run id") << false << QString() << qint64(9129999999);
    }
    void runNeverAppearingIsNotFound()
    {
        QFETCH(bool, dispatchFirst);
        QFETCH(QString, expectedTitle);
        QFETCH(qint64, runId);
        WatchTarget target = targetOf(runId ? std::optional<qint64>(runId) : std::nullopt);
        if (dispatchFirst)
            QVERIFY(dispatch(u"main"_s, false).ok());
        if (!expectedTitle.isEmpty())
            target.expectedTitle = expectedTitle;
        auto watcher = watcherFor(target);
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        const QDateTime startedAt = forge.simulator->clock()->now();
        const StallMeter stalls(forge.simulator->clock(), kSpeed);
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QVERIFY(finished.wait(20000));
        const RunSnapshot &s = watcher->snapshot();
        QCOMPARE(s.phase, WatchPhase::NotFound);
        QVERIFY(!s.run);
        QVERIFY(!s.allSucceeded());
        QVERIFY(!s.problem.isEmpty());
        const QDateTime endedAt = forge.simulator->clock()->now();
        QVERIFY(startedAt.secsTo(endedAt) >= 60);
        const qint64 searched =
            startedAt.msecsTo(endedAt) - stalls.stalledBetween(startedAt, endedAt);
        QVERIFY2(searched < 120'000, qPrintable(QString::number(searched)));
    }

    // With the profile's earlier step durations, a wait that would outlast the due end of a
    // running step is cut to that end; a change predicted and not there is looked for soon.
    void pollTimedForAStepsTypicalEnd()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        forge.simulator->advance(150s);  // every build in its conda-build step (6 to 10 minutes)
        ForgeResult<QList<rc::forge::WorkflowJob>> listed;
        QVERIFY(waitForResult<QList<rc::forge::WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); },
            &listed));
        QVERIFY(listed.ok());
        const QDateTime now = forge.simulator->clock()->now();
        WatchOptions options = fastOptions();
        options.clockSpeed = 1000;  // 100 s of the (stopped) clock: 100 ms of the timer
        int builds = 0;
        for (const rc::forge::WorkflowJob &job : std::as_const(listed.value)) {
            if (job.status == u"completed"_s)
                continue;
            QCOMPARE(job.status, u"in_progress"_s);
            const auto step = std::find_if(job.steps.cbegin(), job.steps.cend(),
                                           [](auto &s) { return s.status == u"in_progress"_s; });
            QVERIFY(step != job.steps.cend());
            QVERIFY(step->name.contains(u"conda-build"_s));
            // Due 100 s from now for the first, later for the others.
            options.typicalStepDurations[job.name][step->name] =
                std::chrono::seconds(step->startedAt.secsTo(now) + 100 + 10 * builds++);
        }
        QCOMPARE(builds, kBuilds);

        auto timed = watcherFor(targetOf(runId), options);
        auto untimed = watcherFor(targetOf(runId), fastOptions());
        timed->start();
        untimed->start();
        // Nothing changes: the untimed wait grows to its bound, the timed one stops at the end
        // due first (100 s + the 1 s margin, on a clock 1000 times faster than the timer).
        QTRY_COMPARE(untimed->currentInterval(), fastOptions().maxInterval);
        QTRY_COMPARE(timed->currentInterval(), 101ms);

        // Just past that end with nothing changed: the step may end any moment (runs vary), so
        // it is looked for at the shortest interval, poll after poll, not less and less often.
        forge.simulator->advance(105s);
        QVERIFY(QTest::qWaitFor([&] { return timed->currentInterval() < 100ms; }, 5000));
        const qint64 sentNearTheEnd = timed->requestsSent();
        QTRY_VERIFY(timed->requestsSent() >= sentNearTheEnd + 5);
        QCOMPARE(timed->currentInterval(), fastOptions().minInterval);

        // Well past every job's end (more than a quarter of its step's typical length), the
        // history does not fit this run: polls back off as without it. (A job only just past
        // its end would still be looked for closely while the others are past theirs.)
        forge.simulator->advance(180s);
        QTRY_COMPARE(timed->currentInterval(), fastOptions().maxInterval);

        // Both follow the run to the same end.
        QSignalSpy timedDone(timed.get(), &RunWatcher::finished);
        QSignalSpy untimedDone(untimed.get(), &RunWatcher::finished);
        forge.simulator->clock()->setSpeed(kSpeed);
        QVERIFY(timedDone.wait(kRunTimeoutMs));
        QVERIFY(untimedDone.count() > 0 || untimedDone.wait(kRunTimeoutMs));
        QVERIFY(timed->snapshot().allSucceeded());
        QVERIFY(untimed->snapshot().allSucceeded());
    }

    // The profile's history is off for this run, as real runs vary: half the builds end 15 %
    // sooner than their steps' typical durations say, half 15 % later. Each build's true outcome
    // still shows within a few polls of its job's end, not after the wait grew towards its bound
    // (100 virtual seconds here: a build's end would take up to that to be seen).
    void trueOutcomeShownSoonAfterABuildEndsOffItsHistory()
    {
        QList<rc::forge::WorkflowJob> earlierJobs;
        finishEarlierRelease(&earlierJobs);
        if (QTest::currentTestFailed())
            return;
        WatchOptions options = timedOptions();
        int builds = 0;
        for (const rc::forge::WorkflowJob &job : std::as_const(earlierJobs)) {
            const bool isBuild = job.name.startsWith(u"build"_s);
            const double factor = !isBuild ? 1.0 : (builds++ % 2 == 0 ? 0.85 : 1.15);
            for (const auto &[step, duration] : stepDurationsOf(job))
                options.typicalStepDurations[job.name][step] =
                    std::chrono::seconds(qint64(std::llround(double(duration.count()) * factor)));
        }
        QCOMPARE(builds, kBuilds);

        const qint64 runId = dispatchedRun(u"main"_s, u"2.0.1"_s);
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId), options);
        QHash<QString, qint64> shownAfter;
        watchToTheEnd(watcher.get(), kTimedSpeed, &shownAfter);
        if (QTest::currentTestFailed())
            return;

        // The old back-off missed them, with worst cases of 40 and 78 s.
        verifyTrueOutcomesShownSoon(shownAfter);
    }

    // This machine's clock is off by minutes: step times are GitHub's, so the predictions go by
    // GitHub's clock (the answers' Date) and still catch every build's end soon after it.
    void predictionsFollowGitHubsClockWhenOursIsOff_data()
    {
        QTest::addColumn<int>("skewSeconds");  // ours minus GitHub's
        QTest::newRow("ours 5 minutes ahead") << 300;
        QTest::newRow("ours 5 minutes behind") << -300;
    }

    void predictionsFollowGitHubsClockWhenOursIsOff()
    {
        QFETCH(int, skewSeconds);
        QList<rc::forge::WorkflowJob> earlierJobs;
        finishEarlierRelease(&earlierJobs);
        if (QTest::currentTestFailed())
            return;
        WatchOptions options = timedOptions();
        for (const rc::forge::WorkflowJob &job : std::as_const(earlierJobs)) {
            for (const auto &[step, duration] : stepDurationsOf(job))
                options.typicalStepDurations[job.name][step] = duration;
        }

        const qint64 runId = dispatchedRun(u"main"_s, u"2.0.1"_s);
        QVERIFY(runId > 0);
        ForgeSimulator *s = forge.simulator.get();
        RunWatcher watcher(forge.github.get(), targetOf(runId), options,
                           [s, skewSeconds] { return s->clock()->now().addSecs(skewSeconds); });
        QHash<QString, qint64> shownAfter;
        watchToTheEnd(&watcher, kTimedSpeed, &shownAfter);
        if (QTest::currentTestFailed())
            return;
        verifyTrueOutcomesShownSoon(shownAfter);
        // Known to within the round trip and the Date header's whole seconds.
        const qint64 offsetMs = watcher.serverClockOffset().count();
        QVERIFY2(std::abs(offsetMs + skewSeconds * 1000) <= 30'000,
                 qPrintable(QString::number(offsetMs)));
    }

    // A profile's first release (no history in the ledger): the workflow's last successful run
    // on GitHub times the polls, so a build's end is seen soon after it, not after a back-off
    // of up to maxInterval (without it here: delays of up to 100 virtual seconds).
    void firstReleaseIsTimedFromTheWorkflowsLastSuccessfulRun()
    {
        QList<rc::forge::WorkflowJob> earlier;
        qint64 earlierRunId = 0;
        finishEarlierRelease(&earlier, &earlierRunId);
        if (QTest::currentTestFailed())
            return;

        WatchOptions options = timedOptions();
        options.learnFromEarlierRun = true;
        QVERIFY(options.typicalStepDurations.isEmpty());
        const qint64 runId = dispatchedRun(u"main"_s, u"2.0.1"_s);
        QVERIFY(runId > 0);
        const qsizetype logBefore = forge.simulator->requestLog().entries().size();
        auto watcher = watcherFor(targetOf(runId), options);
        QHash<QString, qint64> shownAfter;
        watchToTheEnd(watcher.get(), kTimedSpeed, &shownAfter);
        if (QTest::currentTestFailed())
            return;

        // Learning cost two requests, once: the workflow's successful runs, that run's jobs.
        const auto log = forge.simulator->requestLog().entries().mid(logBefore);
        qsizetype runLists = 0, earlierJobs = 0;
        for (const auto &e : log) {
            if (e.path.endsWith(u"/runs"_s)) {
                ++runLists;
                QVERIFY2(e.query.contains(u"status=success"_s), qPrintable(e.query));
            }
            if (e.path.endsWith(u"/runs/"_s + QString::number(earlierRunId) + u"/jobs"_s))
                ++earlierJobs;
        }
        QCOMPARE(runLists, 1);
        QCOMPARE(earlierJobs, 1);
        // What it learned is exactly the earlier run's step durations, for every job.
        QCOMPARE(earlier.size(), kJobs);
        const rc::watch::StepDurations &learned = watcher->typicalStepDurations();
        QCOMPARE(learned.size(), kJobs);
        for (const rc::forge::WorkflowJob &job : std::as_const(earlier)) {
            QVERIFY2(learned.contains(job.name), qPrintable(job.name));
            const auto steps = stepDurationsOf(job);
            QVERIFY(!steps.isEmpty());
            QCOMPARE(learned.value(job.name).size(), steps.size());
            for (const auto &[step, duration] : steps)
                QCOMPARE(learned.value(job.name).value(step), duration);
        }

        verifyTrueOutcomesShownSoon(shownAfter);
    }

    // Nothing to learn from (the listing of successful runs fails; the simulator's own history
    // would answer it otherwise): the run is watched as before, never shown stale, and the
    // listing is not asked for again.
    void firstReleaseWithNothingToLearnFromIsWatchedAsBefore()
    {
        WatchOptions options = fastOptions();
        options.learnFromEarlierRun = true;
        const qint64 runId = dispatchedRun(u"main"_s, u"3.0.0"_s);
        QVERIFY(runId > 0);
        const int fault = forge.simulator->addFault(
            rc::sandbox::Fault::make(rc::sandbox::FaultKind::ServerError, "GET",
                                     u"*/actions/workflows/*/runs"_s, rc::sandbox::Fault::kAlways));
        const qsizetype logBefore = forge.simulator->requestLog().entries().size();
        auto watcher = watcherFor(targetOf(runId), options);
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        bool everStale = false;
        connect(watcher.get(), &RunWatcher::runChanged, this,
                [&] { everStale = everStale || watcher->snapshot().stale; });
        forge.simulator->clock()->setSpeed(kSpeed);
        watcher->start();
        QVERIFY(finished.wait(kRunTimeoutMs));
        QVERIFY(watcher->snapshot().allSucceeded());
        QVERIFY(!everStale);
        QVERIFY(watcher->snapshot().problem.isEmpty());
        QVERIFY(watcher->typicalStepDurations().isEmpty());
        qsizetype runLists = 0, otherRuns = 0;
        for (const auto &e : forge.simulator->requestLog().entries().mid(logBefore)) {
            runLists += e.path.endsWith(u"/runs"_s) ? 1 : 0;
            otherRuns += e.path.contains(u"/actions/runs/"_s) &&
                    !e.path.contains(u"/actions/runs/"_s + QString::number(runId))
                ? 1
                : 0;
        }
        QCOMPARE(runLists, 1);  // asked once, never again
        QCOMPARE(otherRuns, 0);
        QCOMPARE(forge.simulator->faultHits(fault), 1);
        forge.simulator->removeFault(fault);
    }

    // GitHub's primary rate limit runs out mid-watch: the watcher waits for the reset the
    // headers announce (no hammering), shows why, and resumes by itself.
    void rateLimitHitMidWatchWaitsForTheReset()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        WatchOptions options = fastOptions();
        options.clockSpeed = 1000;  // the hour to the reset: 3.6 s of the timer
        auto watcher = watcherFor(targetOf(runId), options);
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        watcher->start();
        forge.simulator->advance(30s);
        QTRY_COMPARE(countBuilds(watcher->snapshot()), kBuilds);

        forge.simulator->gitHub()->setRateLimit(5000, 0);  // resets an hour from now
        QTRY_VERIFY(watcher->snapshot().stale);
        QVERIFY2(watcher->snapshot().problem.contains(u"rate limit"_s, Qt::CaseInsensitive),
                 qPrintable(watcher->snapshot().problem));
        QVERIFY(watcher->currentInterval() >= 3000ms);
        QVERIFY(watcher->currentInterval() <= 3600ms);
        const qsizetype refusedAt = forge.simulator->requestLog().entries().size();
        QTest::qWait(500);
        QVERIFY2(forge.simulator->requestLog().entries().size() == refusedAt,
                 "asked again before the reset");

        forge.simulator->advance(3601s);  // the window rolls over
        QTRY_VERIFY_WITH_TIMEOUT(!watcher->snapshot().stale, 10000);
        QVERIFY(watcher->snapshot().problem.isEmpty());
        forge.simulator->clock()->setSpeed(kSpeed);
        QVERIFY(finished.wait(kRunTimeoutMs));
        QVERIFY(watcher->snapshot().allSucceeded());
    }

    void revokedTokenFails()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId > 0);
        auto watcher = watcherFor(targetOf(runId));
        QSignalSpy finished(watcher.get(), &RunWatcher::finished);
        watcher->start();
        QTRY_VERIFY(!watcher->snapshot().platforms.isEmpty() || watcher->snapshot().run);
        forge.simulator->addFault(
            Fault::make(FaultKind::Unauthorized, "GET", u"*"_s, Fault::kAlways));
        forge.simulator->advance(10s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(watcher->snapshot().phase, WatchPhase::Failed);
        QVERIFY(!watcher->snapshot().problem.isEmpty());
        QVERIFY(!watcher->snapshot().problem.contains(ForgeSimulator::kGitHubClassicToken));
    }
};

QTEST_GUILESS_MAIN(TestRunWatcher)
#include "tst_runwatcher.moc"
