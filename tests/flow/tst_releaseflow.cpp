// SPDX-License-Identifier: BSD-3-Clause
// The release flow's services against the in-process sandbox over loopback HTTP: preparing a
// commit, every preflight check, and a dispatch sent at most once whatever the network does.

#include "flow/dispatcher.h"
#include "flow/preflight.h"
#include "flow/releaseenvironment.h"
#include "flow/releasepreparation.h"
#include "flow/runname.h"
#include "flow/runrecorder.h"
#include "ledger/releaseledger.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "support/sandboxrelease.h"
#include "support/simulatorclients.h"
#include "watch/runwatcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QtCrypto>

using namespace Qt::StringLiterals;
using rc::flow::CheckState;
using rc::flow::DispatchOutcome;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;

Q_DECLARE_METATYPE(FaultKind)
Q_DECLARE_METATYPE(DispatchOutcome)

namespace {

// How many dispatch POSTs the simulator has read (answered or not).
int dispatchPosts(const rc::sandbox::ForgeSimulator &simulator)
{
    return int(simulator.requestLog().matching("POST", u"*/dispatches"_s).size());
}

}  // namespace

class TestReleaseFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QCA::Initializer> qca;
    rc::test::SandboxRelease sandbox;

    QString releasableSha() const { return rc::test::releasableSha(sandbox.simulator()); }

    rc::flow::PreparationResult prepare(const QString &sha, rc::flow::ReleaseOverrides overrides)
    {
        rc::flow::ReleasePreparation preparation(sandbox.clients.get(), sandbox.profile, sha,
                                                 overrides);
        QSignalSpy finished(&preparation, &rc::flow::ReleasePreparation::finished);
        preparation.start();
        if (!preparation.isFinished())
            [&] {
                QVERIFY(finished.wait(20000));
            }();
        return preparation.result();
    }

    rc::flow::PreparationResult prepareRelease()
    {
        rc::flow::ReleaseOverrides overrides;
        overrides.version = u"1.0rc5"_s;
        overrides.label = u"dev"_s;
        overrides.author = u"O'Brien, 100% \\ Co"_s;
        return prepare(releasableSha(), overrides);
    }

    rc::flow::PreflightReport preflight(const rc::flow::PreparationResult &prepared)
    {
        rc::flow::PreflightInput input;
        input.profile = sandbox.profile;
        input.release = prepared.release;
        input.checksum = prepared.checksum;
        input.ledger = &sandbox.environment->ledger();
        rc::flow::Preflight check(sandbox.clients.get(), input);
        QSignalSpy finished(&check, &rc::flow::Preflight::finished);
        check.start();
        if (!check.report().allFinished())
            [&] {
                QVERIFY(finished.wait(20000));
            }();
        return check.report();
    }

    rc::flow::DispatchReport dispatch(const rc::flow::PreparationResult &prepared,
                                      const QString &login = u"robertodr"_s)
    {
        rc::flow::DispatchRequest request;
        request.profile = sandbox.profile;
        request.release = prepared.release;
        request.gitHubLogin = login;
        request.findAttempts = 3;
        request.findInterval = std::chrono::milliseconds(200);
        rc::flow::Dispatcher dispatcher(sandbox.clients.get(), &sandbox.environment->ledger(),
                                        request);
        QSignalSpy finished(&dispatcher, &rc::flow::Dispatcher::finished);
        dispatcher.start();
        dispatcher.start();  // a second start is ignored: one confirmation, one dispatch
        if (!dispatcher.isFinished())
            [&] {
                QVERIFY(finished.wait(30000));
            }();
        return dispatcher.report();
    }

    // What a process killed right after its POST leaves behind: a run the ledger never heard of.
    void postOutsideTheLedger(const rc::flow::PreparationResult &prepared)
    {
        bool done = false;
        QObject context;
        sandbox.clients->gitHub.dispatchWorkflow(
            sandbox.profile.recipesOwner(), sandbox.profile.recipesName(),
            sandbox.profile.workflowFile, prepared.release.payload.json, &context,
            [&done](const rc::forge::ForgeResult<rc::forge::DispatchResult> &r) {
                QVERIFY(r.ok());
                done = true;
            });
        QTRY_VERIFY(done);
    }

    QString gitHubLogin()
    {
        const auto report = preflight(prepareRelease());
        return report.gitHubLogin;
    }

private slots:
    void initTestCase() { qca = std::make_unique<QCA::Initializer>(); }

    void init()
    {
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        rc::forge::TransportOptions transportOptions;
        transportOptions.inactivityTimeout = std::chrono::milliseconds(1500);
        transportOptions.retryBaseDelay = std::chrono::milliseconds(20);
        sandbox.environment->transport()->setOptions(transportOptions);
    }

    void cleanup() { sandbox.stop(); }

    void preparationFindsTarballAndPatch()
    {
        const QString sha = releasableSha();
        QVERIFY(!sha.isEmpty());
        const rc::flow::PreparationResult prepared = prepareRelease();
        QVERIFY2(prepared.ok(), qPrintable(prepared.problem + prepared.error.describe()));
        QVERIFY2(prepared.release.isReady(),
                 qPrintable(prepared.release.blockingReasons().join(u'\n')));
        const rc::release::ReleaseSpec &spec = prepared.release.spec;
        QCOMPARE(spec.commitSha, sha);
        QCOMPARE(spec.url, sandbox.simulator().tarballUrl(sha).toString(QUrl::FullyEncoded));
        QCOMPARE(spec.sha256, rc::test::tarballSha256(sandbox.simulator(), sha));
        QVERIFY(spec.url.contains(u"/jobs/"_s));
        QVERIFY(!spec.url.contains(u"/jobs/artifacts/"_s));  // never the by-ref URL
        QVERIFY(spec.patch.contains(u"+__deployed__ = {"_s));
        QVERIFY(spec.patch.contains(u"1.0rc5"_s));
        QCOMPARE(spec.channel, u"veloxchem"_s);
        QVERIFY(prepared.checksum.has_value());
    }

    // A profile on the recipes-repo kit's workflow sends a fresh dispatch id, which the run's
    // name carries: the run is found by it, and a failed build fails its job for real.
    void kitWorkflowRunFoundByItsDispatchId()
    {
        QString error;
        QVERIFY2(sandbox.useProfile(u"sandbox-kit"_s, &error), qPrintable(error));
        sandbox.simulator().runs()->setPlatformOutcome(u"windows-*_3.13_*"_s,
                                                       rc::sandbox::BuildOutcome::BuildFails);
        const auto prepared = prepareRelease();
        QVERIFY2(prepared.release.isReady(),
                 qPrintable(prepared.release.blockingReasons().join(u'\n')));
        const QJsonObject inputs = QJsonDocument::fromJson(prepared.release.payload.json)
                                       .object()
                                       .value(u"inputs"_s)
                                       .toObject();
        const QString dispatchId = inputs.value(u"dispatch_id"_s).toString();
        QVERIFY2(QRegularExpression(u"^rc-[0-9a-f]{8}$"_s).match(dispatchId).hasMatch(),
                 qPrintable(dispatchId));
        QCOMPARE(inputs.size(), 9);
        // The next preparation gets another id.
        QVERIFY(QJsonDocument::fromJson(prepareRelease().release.payload.json)
                    .object()
                    .value(u"inputs"_s)
                    .toObject()
                    .value(u"dispatch_id"_s)
                    .toString() != dispatchId);

        const auto report = preflight(prepared);
        QVERIFY(report.allFinished());
        for (const rc::flow::PreflightCheck &check : report.checks)
            QVERIFY2(check.state != CheckState::Failed,
                     qPrintable(check.id + u": "_s + check.reason));
        const QString title =
            rc::flow::expectedRunTitle(report.workflowRunName, prepared.release.payload.json)
                .value_or(QString());
        QVERIFY2(title.contains(dispatchId), qPrintable(title));

        const rc::flow::DispatchReport sent = dispatch(prepared, gitHubLogin());
        QCOMPARE(sent.outcome, DispatchOutcome::Sent);
        // Found by listing and its title, as when GitHub gives no run id.
        rc::watch::WatchTarget target;
        target.owner = sandbox.profile.recipesOwner();
        target.repo = sandbox.profile.recipesName();
        target.workflow = sandbox.profile.workflowFile;
        target.actor = gitHubLogin();
        target.branch = sandbox.profile.workflowRef;
        target.createdSince = sandbox.simulator().clock()->now().addSecs(-60);
        target.expectedTitle = title;
        rc::watch::WatchOptions options;
        options.minInterval = std::chrono::milliseconds(20);
        options.maxInterval = std::chrono::milliseconds(100);
        rc::watch::RunWatcher watcher(&sandbox.clients->gitHub, target, options,
                                      [this] { return sandbox.simulator().clock()->now(); });
        QSignalSpy finished(&watcher, &rc::watch::RunWatcher::finished);
        watcher.start();
        sandbox.simulator().clock()->setSpeed(200);
        QVERIFY(finished.wait(60000));
        QCOMPARE(watcher.snapshot().phase, rc::watch::WatchPhase::Completed);
        QCOMPARE(watcher.snapshot().run->id, *sent.runId);
        QCOMPARE(watcher.snapshot().run->displayTitle, title);
        // No continue-on-error lie: GitHub itself says the run failed.
        QCOMPARE(watcher.snapshot().run->conclusion, u"failure"_s);
        QCOMPARE(watcher.snapshot().failedPlatforms().size(), 1);
    }

    void shortShaIsResolved()
    {
        const QString sha = releasableSha();
        rc::flow::ReleaseOverrides overrides;
        overrides.version = u"1.0rc5"_s;
        const auto prepared = prepare(sha.left(8), overrides);
        QVERIFY2(prepared.ok(), qPrintable(prepared.problem + prepared.error.describe()));
        QCOMPARE(prepared.release.spec.commitSha, sha);
    }

    void buildSuggestedFromAnaconda()
    {
        rc::flow::ReleaseOverrides overrides;
        overrides.version = u"1.0rc4.dev1"_s;  // builds 0 and 1 are published
        const auto prepared = prepare(releasableSha(), overrides);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared.buildSuggestion, u"2"_s);
        QCOMPARE(prepared.release.spec.build, u"2"_s);
    }

    void unknownCommitIsANetworkFailure()
    {
        rc::flow::ReleaseOverrides overrides;
        const auto prepared = prepare(QString(40, u'e'), overrides);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error.kind, rc::forge::ForgeError::Kind::NotFound);
    }

    void preflightPasses()
    {
        const auto prepared = prepareRelease();
        const rc::flow::PreflightReport report = preflight(prepared);
        QVERIFY(report.allFinished());
        QVERIFY(!report.gitHubLogin.isEmpty());
        for (const rc::flow::PreflightCheck &check : report.checks)
            QVERIFY2(check.state != CheckState::Failed,
                     qPrintable(check.id + u": "_s + check.reason));
        QCOMPARE(report.check(u"checksum"_s)->state, CheckState::Ok);
        QCOMPARE(report.check(u"patch"_s)->state, CheckState::Ok);
        QCOMPARE(report.check(u"version"_s)->state, CheckState::Ok);
        QCOMPARE(report.check(u"workflow"_s)->state, CheckState::Ok);
        QCOMPARE(report.check(u"ref"_s)->state, CheckState::Ok);
        QCOMPARE(dispatchPosts(sandbox.simulator()), 0);  // a preflight sends nothing
    }

    void preflightFlagsPublishedVersion()
    {
        rc::flow::ReleaseOverrides overrides;
        overrides.version = u"1.0rc4.dev1"_s;
        overrides.build = u"1"_s;
        overrides.label = u"dev"_s;
        const auto report = preflight(prepare(releasableSha(), overrides));
        const rc::flow::PreflightCheck *version = report.check(u"version"_s);
        QCOMPARE(version->state, CheckState::Failed);
        QVERIFY2(version->nextStep.contains(u"2"_s), qPrintable(version->nextStep));
    }

    void preflightFlagsStaleChecksum()
    {
        auto prepared = prepareRelease();
        prepared.checksum->commitSha = QString(40, u'0');
        const auto report = preflight(prepared);
        QCOMPARE(report.check(u"checksum"_s)->state, CheckState::Failed);
        prepared.checksum.reset();
        QCOMPARE(preflight(prepared).check(u"checksum"_s)->state, CheckState::Failed);
    }

    void preflightFlagsRejectedToken()
    {
        const auto prepared = prepareRelease();
        sandbox.simulator().addFault(Fault::make(FaultKind::Unauthorized, "GET", u"/user"_s));
        const auto report = preflight(prepared);
        QCOMPARE(report.check(u"github-token"_s)->state, CheckState::Failed);
    }

    void preflightFlagsMissingRef()
    {
        sandbox.profile.workflowRef = u"no-such-branch"_s;
        const auto report = preflight(prepareRelease());
        QCOMPARE(report.check(u"ref"_s)->state, CheckState::Failed);
    }

    void preflightFlagsRunInProgress()
    {
        const auto prepared = prepareRelease();
        QCOMPARE(dispatch(prepared, gitHubLogin()).outcome, DispatchOutcome::Sent);
        const auto report = preflight(prepareRelease());
        const rc::flow::PreflightCheck *running = report.check(u"run-in-progress"_s);
        QCOMPARE(running->state, CheckState::Warning);
        QVERIFY2(running->reason.contains(u"cancelled"_s), qPrintable(running->reason));
    }

    void dispatchSendsTheExactBytesOnce()
    {
        const auto prepared = prepareRelease();
        const QString login = gitHubLogin();
        const rc::flow::DispatchReport report = dispatch(prepared, login);
        QCOMPARE(report.outcome, DispatchOutcome::Sent);
        QVERIFY(report.runId.has_value());
        QCOMPARE(report.postsSent, 1);
        const auto posts = sandbox.simulator().requestLog().matching("POST", u"*/dispatches"_s);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.constFirst().body, prepared.release.payload.json);
        const auto entry = sandbox.environment->ledger().entry(report.ledgerId);
        QVERIFY(entry);
        QCOMPARE(entry->state, rc::ledger::DispatchState::Sent);
        QCOMPARE(entry->body, prepared.release.payload.json);
        QCOMPARE(entry->runId, report.runId);
        QVERIFY(sandbox.simulator().credentialLeaks().isEmpty());
    }

    void unclearAnswerFindsTheRunWithoutResending_data()
    {
        QTest::addColumn<FaultKind>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("takesEffect");
        QTest::addColumn<DispatchOutcome>("outcome");

        // The simulator's gateway errors never reach the workflow: no run ever appears.
        QTest::newRow("502") << FaultKind::ServerError << 502 << false << DispatchOutcome::Unknown;
        QTest::newRow("504") << FaultKind::ServerError << 504 << false << DispatchOutcome::Unknown;
        QTest::newRow("no answer, dispatched")
            << FaultKind::NoAnswer << 0 << true << DispatchOutcome::Sent;
        QTest::newRow("no answer, lost")
            << FaultKind::NoAnswer << 0 << false << DispatchOutcome::Unknown;
        QTest::newRow("reset after the request was read, dispatched")
            << FaultKind::ConnectionReset << 0 << true << DispatchOutcome::Sent;
        QTest::newRow("reset, lost")
            << FaultKind::ConnectionReset << 0 << false << DispatchOutcome::Unknown;
        QTest::newRow("truncated answer, dispatched")
            << FaultKind::TruncatedBody << 0 << true << DispatchOutcome::Sent;
    }

    void unclearAnswerFindsTheRunWithoutResending()
    {
        QFETCH(FaultKind, fault);
        QFETCH(int, status);
        QFETCH(bool, takesEffect);
        QFETCH(DispatchOutcome, outcome);
        const auto prepared = prepareRelease();
        const QString login = gitHubLogin();
        Fault rule = Fault::make(fault, "POST", u"*/dispatches"_s);
        rule.status = status;
        rule.requestTakesEffect = takesEffect;
        sandbox.simulator().addFault(rule);

        const rc::flow::DispatchReport report = dispatch(prepared, login);
        QCOMPARE(report.outcome, outcome);
        QCOMPARE(report.postsSent, 1);
        QCOMPARE(dispatchPosts(sandbox.simulator()), 1);  // never resent after an unclear answer
        const auto entry = sandbox.environment->ledger().entry(report.ledgerId);
        QVERIFY(entry);
        if (outcome == DispatchOutcome::Sent) {
            QVERIFY(report.runFoundByListing);
            QVERIFY(report.runId);
            QCOMPARE(entry->state, rc::ledger::DispatchState::Sent);
        } else {
            QVERIFY(!report.runId);
            QCOMPARE(entry->state, rc::ledger::DispatchState::Unknown);
            QVERIFY2(report.message.contains(u"before sending again"_s),
                     qPrintable(report.message));
        }
    }

    void refusalIsRecordedAndNothingRuns()
    {
        const auto prepared = prepareRelease();
        sandbox.simulator().addFault(
            Fault::make(FaultKind::Unauthorized, "POST", u"*/dispatches"_s));
        const rc::flow::DispatchReport report = dispatch(prepared);
        QCOMPARE(report.outcome, DispatchOutcome::Refused);
        QCOMPARE(dispatchPosts(sandbox.simulator()), 1);
        QCOMPARE(sandbox.environment->ledger().entry(report.ledgerId)->state,
                 rc::ledger::DispatchState::Refused);
    }

    void olderEnterpriseGetsOneResendWithoutRunDetails_data()
    {
        QTest::addColumn<int>("refusal");
        QTest::newRow("400") << 400;
        QTest::newRow("422") << 422;
    }

    void olderEnterpriseGetsOneResendWithoutRunDetails()
    {
        QFETCH(int, refusal);
        const auto prepared = prepareRelease();
        const QString login = gitHubLogin();
        sandbox.simulator().gitHub()->setEnterpriseMode(true, refusal);
        const rc::flow::DispatchReport report = dispatch(prepared, login);
        QCOMPARE(report.outcome, DispatchOutcome::Sent);
        QVERIFY(report.resentWithoutRunDetails);
        QCOMPARE(report.postsSent, 2);
        const auto posts = sandbox.simulator().requestLog().matching("POST", u"*/dispatches"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(0).body, prepared.release.payload.json);
        QCOMPARE(posts.at(1).body, prepared.release.bodyWithoutRunDetails);
        QVERIFY(report.runFoundByListing);
    }

    // The demo's newest commits hold quotes, '%' and '\' next to __version__: encoded for printf,
    // the patch the runner writes applies on every platform; sent raw to the printf workflow,
    // the runner's "Write patch" step breaks, as it would on GitHub.
    void patchIsWrittenByteExactOnTheRunner_data()
    {
        QTest::addColumn<rc::release::PatchEncoding>("encoding");
        QTest::addColumn<QString>("writePatch");
        QTest::newRow("printf") << rc::release::PatchEncoding::Printf << u"success"_s;
        QTest::newRow("raw to a printf workflow")
            << rc::release::PatchEncoding::Raw << u"failure"_s;
    }

    void patchIsWrittenByteExactOnTheRunner()
    {
        QFETCH(rc::release::PatchEncoding, encoding);
        QFETCH(QString, writePatch);
        const QString sha =
            sandbox.simulator().gitLab()->commits().at(1).sha;  // newest with a tarball
        QVERIFY(sandbox.simulator().gitLab()->tarballJobFor(sha));
        rc::flow::ReleaseOverrides overrides;
        overrides.version = u"1.0rc5"_s;
        overrides.encoding = encoding;
        const auto prepared = prepare(sha, overrides);
        QVERIFY2(prepared.ok(), qPrintable(prepared.problem + prepared.error.describe()));
        QVERIFY(prepared.release.spec.patch.contains(u"%"_s));
        QVERIFY(prepared.release.spec.patch.contains(u"'"_s));
        const rc::flow::DispatchReport report = dispatch(prepared, gitHubLogin());
        QCOMPARE(report.outcome, DispatchOutcome::Sent);

        sandbox.simulator().advance(std::chrono::minutes(20));
        QList<rc::forge::WorkflowJob> jobs;
        bool done = false;
        QObject context;
        sandbox.clients->gitHub.jobs(
            sandbox.profile.recipesOwner(), sandbox.profile.recipesName(), *report.runId, &context,
            [&](const rc::forge::ForgeResult<QList<rc::forge::WorkflowJob>> &r) {
                QVERIFY(r.ok());
                jobs = r.value;
                done = true;
            });
        QTRY_VERIFY(done);
        int builds = 0;
        for (const rc::forge::WorkflowJob &job : std::as_const(jobs)) {
            for (const rc::forge::WorkflowStep &step : job.steps) {
                if (step.name == "Write patch"_L1) {
                    ++builds;
                    QCOMPARE(step.conclusion, writePatch);
                }
                if (step.name == "Apply patch"_L1 && writePatch == "success"_L1)
                    QCOMPARE(step.conclusion, u"success"_s);
            }
        }
        QCOMPARE(builds, 6);
    }

    void runTitleFromRunName()
    {
        const QByteArray body =
            R"({"ref":"main","inputs":{"recipe":"veloxchem","version":"1.0","build":"2"}})";
        QCOMPARE(rc::flow::expectedRunTitle(
                     u"Deploy ${{ inputs.recipe }} ${{github.event.inputs.version}} build "
                     "${{ inputs.build }}"_s,
                     body),
                 std::optional<QString>(u"Deploy veloxchem 1.0 build 2"_s));
        QCOMPARE(rc::flow::expectedRunTitle(u"Deploy ${{ github.actor }}"_s, body), std::nullopt);
        QCOMPARE(rc::flow::expectedRunTitle(u"Deploy ${{ inputs.nope }}"_s, body), std::nullopt);
        QCOMPARE(rc::flow::expectedRunTitle({}, body), std::nullopt);
        QCOMPARE(rc::flow::expectedRunTitle(
                     u"${{ github.event.client_payload.recipe }}"_s,
                     R"({"event_type":"conda-build","client_payload":{"recipe":"vlx"}})"),
                 std::optional<QString>(u"vlx"_s));
    }

    // With a run-name, a lost answer is matched by the title the run must carry: another run
    // started meanwhile by the same person is not taken for it.
    void lostAnswerMatchedByRunName()
    {
        sandbox.profile.workflowFile = u"deploy-raw.yml"_s;
        sandbox.profile.patchEncoding = rc::release::PatchEncoding::Raw;
        rc::flow::ReleaseOverrides overrides;
        overrides.version = u"1.0rc5"_s;
        const auto other = prepare(releasableSha(), overrides);
        overrides.version = u"1.0rc6"_s;
        const auto prepared = prepare(releasableSha(), overrides);
        const auto report = preflight(prepared);
        QVERIFY2(!report.workflowRunName.isEmpty(), "deploy-raw.yml has a run-name");
        // Another dispatch by the same person (from another machine: not in this ledger) lands
        // first, then ours loses its answer.
        postOutsideTheLedger(other);
        Fault lost = Fault::make(FaultKind::NoAnswer, "POST", u"*/dispatches"_s);
        sandbox.simulator().addFault(lost);
        rc::flow::DispatchRequest request;
        request.profile = sandbox.profile;
        request.release = prepared.release;
        request.gitHubLogin = report.gitHubLogin;
        request.runNameTemplate = report.workflowRunName;
        request.findAttempts = 2;
        request.findInterval = std::chrono::milliseconds(100);
        rc::flow::Dispatcher dispatcher(sandbox.clients.get(), &sandbox.environment->ledger(),
                                        request);
        QSignalSpy finished(&dispatcher, &rc::flow::Dispatcher::finished);
        dispatcher.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(dispatcher.report().outcome, DispatchOutcome::Sent);
        QVERIFY(dispatcher.report().runFoundByListing);
        bool done = false;
        QObject context;
        sandbox.clients->gitHub.run(sandbox.profile.recipesOwner(), sandbox.profile.recipesName(),
                                    *dispatcher.report().runId, &context,
                                    [&](const rc::forge::ForgeResult<rc::forge::WorkflowRun> &r) {
                                        QVERIFY(r.ok());
                                        QVERIFY2(r.value.displayTitle.contains(u"1.0rc6"_s),
                                                 qPrintable(r.value.displayTitle));
                                        done = true;
                                    });
        QTRY_VERIFY(done);
    }

    void preflightFlagsWorkflowProblems_data()
    {
        QTest::addColumn<QString>("workflow");
        QTest::addColumn<QString>("failedCheck");
        QTest::newRow("no such workflow") << u"nope.yml"_s << u"workflow"_s;
        QTest::newRow("no workflow_dispatch") << u"lint.yml"_s << u"workflow-inputs"_s;
    }

    void preflightFlagsWorkflowProblems()
    {
        QFETCH(QString, workflow);
        QFETCH(QString, failedCheck);
        const auto prepared = prepareRelease();
        sandbox.profile.workflowFile = workflow;
        const auto report = preflight(prepared);
        QVERIFY(report.allFinished());
        const rc::flow::PreflightCheck *check = report.check(failedCheck);
        QVERIFY2(check->state == CheckState::Failed, qPrintable(check->reason));
    }

    // The history keeps every platform's true outcome, and a run is "unfinished" (watched again
    // at the next start) until its outcome is recorded.
    void historyRecordsTheTruePerPlatformOutcome()
    {
        sandbox.simulator().runs()->setPlatformOutcome(u"windows-2022_*"_s,
                                                       rc::sandbox::BuildOutcome::BuildFails);
        const auto prepared = prepareRelease();
        const rc::flow::DispatchReport report = dispatch(prepared, gitHubLogin());
        QCOMPARE(report.outcome, DispatchOutcome::Sent);
        QCOMPARE(sandbox.environment->ledger().unfinished().size(), 1);

        rc::watch::WatchTarget target;
        target.owner = sandbox.profile.recipesOwner();
        target.repo = sandbox.profile.recipesName();
        target.workflow = sandbox.profile.workflowFile;
        target.runId = report.runId;
        rc::watch::WatchOptions options;
        options.minInterval = std::chrono::milliseconds(20);
        options.maxInterval = std::chrono::milliseconds(100);
        rc::watch::RunWatcher watcher(&sandbox.clients->gitHub, target, options);
        new rc::flow::RunRecorder(&watcher, &sandbox.environment->ledger(), report.ledgerId);
        QSignalSpy finished(&watcher, &rc::watch::RunWatcher::finished);
        watcher.start();
        sandbox.simulator().clock()->setSpeed(200);
        QVERIFY(finished.wait(60000));

        const auto entry = sandbox.environment->ledger().entry(report.ledgerId);
        QCOMPARE(entry->runConclusion, u"failure"_s);  // GitHub says success; two builds failed
        QVERIFY(entry->runCompletedAt.has_value());
        QVERIFY(sandbox.environment->ledger().unfinished().isEmpty());
        int builds = 0;
        int failures = 0;
        for (const rc::ledger::PlatformRecord &record :
             sandbox.environment->ledger().platforms(report.ledgerId)) {
            if (record.variant.isEmpty())
                continue;  // prepare, summary: helper jobs
            ++builds;
            if (record.truth() == "failure"_L1) {
                ++failures;
                QCOMPARE(record.os, u"Windows"_s);
            }
            QVERIFY(record.durationMs().has_value());
        }
        QCOMPARE(builds, 6);
        QCOMPARE(failures, 2);

        // The jobs that succeeded time the polls of the profile's next runs; the failed builds
        // (which ran short) do not.
        const rc::watch::WatchOptions next =
            sandbox.environment->watchOptions(sandbox.profile.name);
        QCOMPARE(next.clockSpeed, 200.0);
        QCOMPARE(next.typicalStepDurations.size(), 6);  // prepare, 4 builds, summary
        for (auto job = next.typicalStepDurations.cbegin(); job != next.typicalStepDurations.cend();
             ++job) {
            QVERIFY2(!job.key().contains(u"windows"_s), qPrintable(job.key()));
            QVERIFY2(job->contains(u"Set up job"_s), qPrintable(job.key()));
        }
        const auto linux = next.typicalStepDurations.value(u"build (ubuntu-latest, 3.12, mpich)"_s);
        QCOMPARE(linux.value(u"Build and upload with conda-build"_s), std::chrono::seconds(420));
    }

    void notReadyIsNeverSent()
    {
        auto prepared = prepareRelease();
        prepared.release.spec.patch.clear();
        prepared.release.problems.append({rc::release::ReleaseField::Patch, u"empty"_s});
        const rc::flow::DispatchReport report = dispatch(prepared);
        QCOMPARE(report.outcome, DispatchOutcome::NotStarted);
        QCOMPARE(dispatchPosts(sandbox.simulator()), 0);
        QVERIFY(sandbox.environment->ledger().entries().isEmpty());
    }

    // A crash between the ledger write and the POST, or after the POST: the entry says
    // "sending"; looking for its run tells the truth.
    void unfinishedEntryIsResolvedByLooking()
    {
        const auto prepared = prepareRelease();
        const QString login = gitHubLogin();
        rc::ledger::LedgerEntry entry;
        entry.profile = sandbox.profile.name;
        entry.recipe = prepared.release.spec.recipe;
        entry.body = prepared.release.payload.json;
        const auto neverPosted = sandbox.environment->ledger().recordSending(entry);
        QVERIFY(neverPosted);

        const auto find = [&](qint64 id) {
            std::optional<rc::forge::WorkflowRun> run;
            QString message;
            bool done = false;
            QObject context;
            rc::flow::findRunOfEntry(
                sandbox.clients.get(), sandbox.profile, *sandbox.environment->ledger().entry(id),
                login, rc::flow::claimedRunIds(sandbox.environment->ledger(), sandbox.profile.name),
                &context, [&](std::optional<rc::forge::WorkflowRun> found, QString m) {
                    run = found;
                    message = m;
                    done = true;
                });
            [&] {
                QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
            }();
            return std::make_pair(run, message);
        };
        const auto [notFound, why] = find(*neverPosted);
        QVERIFY(!notFound);
        QVERIFY2(why.contains(u"no run"_s), qPrintable(why));

        // Recorded, then POSTed by a process that died before it heard the answer.
        const auto posted = sandbox.environment->ledger().recordSending(entry);
        postOutsideTheLedger(prepared);
        const auto [found, message] = find(*posted);
        QVERIFY2(found.has_value(), qPrintable(message));
        QVERIFY(sandbox.environment->ledger().recordRunFound(*posted, found->id, found->htmlUrl));
        // The entry that was never posted does not get that run.
        QVERIFY(!find(*neverPosted).first);
    }

    // The next preflight looks for the runs of open entries first: one is found and recorded,
    // the other stays open and is named.
    void preflightResolvesEarlierDispatches()
    {
        const auto prepared = prepareRelease();
        const QString login = gitHubLogin();
        rc::ledger::LedgerEntry entry;
        entry.profile = sandbox.profile.name;
        entry.recipe = u"veloxchem"_s;
        entry.version = u"1.0rc5"_s;
        entry.body = prepared.release.payload.json;
        const auto crashedBeforePost = sandbox.environment->ledger().recordSending(entry);
        QVERIFY(crashedBeforePost);
        auto report = preflight(prepared);
        const rc::flow::PreflightCheck *earlier = report.check(u"earlier-dispatch"_s);
        QCOMPARE(earlier->state, CheckState::Warning);
        QVERIFY2(earlier->reason.contains(u"#%1"_s.arg(*crashedBeforePost)),
                 qPrintable(earlier->reason));

        // A later release's run is never taken for this entry's.
        QCOMPARE(dispatch(prepared, login).outcome, DispatchOutcome::Sent);
        QCOMPARE(preflight(prepared).check(u"earlier-dispatch"_s)->state, CheckState::Warning);
        QVERIFY(
            sandbox.environment->ledger().recordRefused(*crashedBeforePost, u"checked by hand"_s));

        // Its POST had gone out before the crash: the run is found and recorded.
        const auto crashedAfterPost = sandbox.environment->ledger().recordSending(entry);
        postOutsideTheLedger(prepared);
        report = preflight(prepared);
        QCOMPARE(report.check(u"earlier-dispatch"_s)->state, CheckState::Ok);
        QCOMPARE(sandbox.environment->ledger().entry(*crashedAfterPost)->state,
                 rc::ledger::DispatchState::Sent);
    }
};

QTEST_GUILESS_MAIN(TestReleaseFlow)
#include "tst_releaseflow.moc"
