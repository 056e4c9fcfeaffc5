// SPDX-License-Identifier: BSD-3-Clause
// Every client call against the local forge simulator over loopback HTTP, and every fault the
// simulator can inject: the error kind and message, nothing partial, no token to the other
// host (from the simulator's request log), no POST repeated.

#include "forge/anacondaclient.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "sandbox/demopatch.h"
#include "sandbox/demoworkflows.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "support/forgewait.h"
#include "support/simulatorclients.h"

#include <QJsonObject>
#include <QTest>

using namespace rc::forge;
using namespace Qt::StringLiterals;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;
using rc::sandbox::ForgeSimulator;
using namespace rc::sandbox::test;
using rc::test::resultOf;
using rc::test::waitForResult;

Q_DECLARE_METATYPE(rc::sandbox::FaultKind)
Q_DECLARE_METATYPE(ForgeError::Kind)

namespace {

const QString kOwner = u"VeloxChem"_s;
const QString kRepo = u"meta-vlx"_s;
const QString kWorkflow = u"deploy-cxx.yml"_s;

}  // namespace

class TestClientSimulator : public QObject
{
    Q_OBJECT
private:
    rc::test::SimulatorClients forge;

    // A commit whose newest pipeline made a tarball, and the dispatch inputs for it.
    QString releasableSha() const { return rc::test::releasableSha(*forge.simulator); }
    QJsonObject inputsFor(const QString &sha) const
    {
        return rc::test::releaseInputs(*forge.simulator, sha, u"1.0.0"_s);
    }
    // The patch as the file must hold it (what deploy-raw.yml takes as is).
    QByteArray rawPatchFor(const QString &sha) const
    {
        return versionPatch(initFileOf(forge.simulator->gitLab(), sha), "1.0.0");
    }
    ForgeResult<DispatchResult> dispatch(const QJsonObject &inputs, bool returnRunDetails = true,
                                         const QString &workflow = kWorkflow)
    {
        const QByteArray body = dispatchBody(u"main"_s, inputs, returnRunDetails);
        return resultOf<DispatchResult>([&](QObject *c, auto cb) {
            forge.github->dispatchWorkflow(kOwner, kRepo, workflow, body, c, cb);
        });
    }
    QList<WorkflowJob> finishedJobs(qint64 runId)
    {
        forge.simulator->advance(std::chrono::minutes(20));
        ForgeResult<QList<WorkflowJob>> jobs;
        if (!waitForResult<QList<WorkflowJob>>(
                [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); },
                &jobs) ||
            !jobs.ok())
            return {};
        return jobs.value;
    }
    static const WorkflowStep *stepNamed(const WorkflowJob &job, const QString &name)
    {
        for (const WorkflowStep &step : job.steps) {
            if (step.name == name)
                return &step;
        }
        return nullptr;
    }
    QByteArray logOf(qint64 jobId)
    {
        ForgeResult<QByteArray> log;
        if (!waitForResult<QByteArray>(
                [&](QObject *c, auto cb) { forge.github->jobLog(kOwner, kRepo, jobId, c, cb); },
                &log))
            return {};
        return log.value;
    }
    ForgeResult<WorkflowRun> runOf(qint64 runId)
    {
        return resultOf<WorkflowRun>(
            [&](QObject *c, auto cb) { forge.github->run(kOwner, kRepo, runId, c, cb); });
    }
    qint64 dispatchedRun()
    {
        const auto r = dispatch(inputsFor(releasableSha()));
        return r.ok() && r.value.runId ? *r.value.runId : 0;
    }
    int posts(const QString &pattern) const
    {
        return int(forge.simulator->requestLog().matching("POST", pattern).size());
    }
    void noCredentialLeaks() const
    {
        const auto leaks = forge.simulator->credentialLeaks();
        for (const auto &leak : leaks)
            qWarning("credential sent to the other host: %s %s", leak.method.constData(),
                     qPrintable(leak.path));
        QVERIFY(leaks.isEmpty());
    }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(forge.start(rc::test::SimulatorClients::quickOptions(), &error),
                 qPrintable(error));
    }
    void cleanup()
    {
        if (forge.simulator)
            noCredentialLeaks();
        forge.stop();
    }

    // --- GitHub ---------------------------------------------------------------------------

    void whoAmI_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<GitHubTokenKind>("kind");
        QTest::addColumn<bool>("scopesKnown");
        QTest::newRow("classic") << QString(ForgeSimulator::kGitHubClassicToken)
                                 << GitHubTokenKind::Classic << true;
        QTest::newRow("fine-grained") << QString(ForgeSimulator::kGitHubFineGrainedToken)
                                      << GitHubTokenKind::FineGrained << false;
    }
    void whoAmI()
    {
        QFETCH(QString, token);
        QFETCH(GitHubTokenKind, kind);
        QFETCH(bool, scopesKnown);
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(), token);
        ForgeResult<GitHubIdentity> r;
        QVERIFY(waitForResult<GitHubIdentity>(
            [&](QObject *c, auto cb) { forge.github->whoAmI(c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(!r.value.login.isEmpty());
        QCOMPARE(r.value.tokenKind, kind);
        QCOMPARE(r.value.scopesKnown, scopesKnown);
        if (scopesKnown)
            QVERIFY(r.value.scopes.contains(u"repo"_s));
        QVERIFY(r.value.expiresAt);
        QVERIFY(*r.value.expiresAt > forge.simulator->clock()->now());
    }

    void badTokenIsUnauthorized()
    {
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               u"ghp_NotAValidToken000000000000000000000"_s);
        ForgeResult<GitHubIdentity> r;
        QVERIFY(waitForResult<GitHubIdentity>(
            [&](QObject *c, auto cb) { forge.github->whoAmI(c, cb); }, &r));
        QCOMPARE(r.error.kind, ForgeError::Kind::Unauthorized);
        QVERIFY(!r.error.message.isEmpty());
        QVERIFY(!r.error.describe().contains(u"ghp_NotAValidToken"_s));
    }

    void missingPermissionsAreNamed()
    {
        const rc::sandbox::GitHubToken weak = rc::test::fineGrainedToken(
            u"github_pat_11WEAK0000000000000000_ReadOnlyActions00000000000000000000000000000"_s,
            {{u"actions"_s, u"read"_s}, {u"contents"_s, u"read"_s}, {u"metadata"_s, u"read"_s}});
        forge.simulator->gitHub()->addToken(weak);
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(), weak.token);
        const auto r = dispatch(inputsFor(releasableSha()));
        QCOMPARE(r.error.kind, ForgeError::Kind::Forbidden);
        QCOMPARE(r.error.acceptedPermissions, u"actions=write"_s);
        QVERIFY(r.error.describe().contains(u"actions=write"_s));
        QVERIFY(!r.error.describe().contains(weak.token));
        QCOMPARE(posts(u"*/dispatches"_s), 1);

        const rc::sandbox::GitHubToken noRepo =
            rc::test::classicToken(u"ghp_NoRepoScope00000000000000000000000000"_s, {u"read:org"_s});
        forge.simulator->gitHub()->addToken(noRepo);
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(), noRepo.token);
        ForgeResult<GitHubWorkflow> w;
        QVERIFY(waitForResult<GitHubWorkflow>(
            [&](QObject *c, auto cb) { forge.github->workflow(kOwner, kRepo, kWorkflow, c, cb); },
            &w));
        QCOMPARE(w.error.kind, ForgeError::Kind::NotFound);
        QVERIFY(w.error.acceptedScopes.contains(u"repo"_s));
    }

    void exhaustedRateLimitWaitsForTheReset()
    {
        forge.simulator->gitHub()->setRateLimit(100, 0);
        const auto r = dispatch(inputsFor(releasableSha()));
        QCOMPARE(r.error.kind, ForgeError::Kind::RateLimited);
        QVERIFY(r.error.retryAt);
        QVERIFY(*r.error.retryAt > forge.simulator->clock()->now());
        QVERIFY(*r.error.retryAt <= forge.simulator->clock()->now().addSecs(3600));
        QCOMPARE(posts(u"*/dispatches"_s), 1);
        QVERIFY(forge.simulator->runs()->runs().size() ==
                2);  // the history only: no run was created
    }

    void workflow()
    {
        ForgeResult<GitHubWorkflow> r;
        QVERIFY(waitForResult<GitHubWorkflow>(
            [&](QObject *c, auto cb) { forge.github->workflow(kOwner, kRepo, kWorkflow, c, cb); },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(r.value.isActive());
        QVERIFY(r.value.path.endsWith(kWorkflow));
    }

    void dispatchReturnsRun()
    {
        const auto r = dispatch(inputsFor(releasableSha()));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(r.value.runId);
        QCOMPARE(*r.value.serverDate, forge.simulator->clock()->now());
        QCOMPARE(posts(u"*/dispatches"_s), 1);
        // The bytes the caller built are the bytes that arrived.
        QCOMPARE(forge.simulator->requestLog().matching("POST", u"*/dispatches"_s).first().body,
                 dispatchBody(u"main"_s, inputsFor(releasableSha())));
    }

    void dispatchOnEnterpriseIsRefusedOnceAndNotResent()
    {
        forge.simulator->gitHub()->setEnterpriseMode(true);
        forge.github = std::make_unique<GitHubClient>(forge.transport.get(),
                                                      forge.simulator->gitHubEnterpriseApiUrl());
        const auto refused = dispatch(inputsFor(releasableSha()));
        QCOMPARE(refused.error.httpStatus, 400);
        QVERIFY(isReturnRunDetailsRefusal(refused.error));
        QCOMPARE(refused.value.serverDate, forge.simulator->clock()->now());
        QCOMPARE(posts(u"*/dispatches"_s), 1);  // the client never resends by itself
        QCOMPARE(forge.simulator->runs()->runs().size(), 2);

        // The caller's decision: a body without the field, sent once.
        forge.simulator->advance(std::chrono::seconds(2));
        const auto r = dispatch(inputsFor(releasableSha()), false);
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(!r.value.runId);
        const auto logged =
            forge.simulator->requestLog().matching("POST", u"/api/v3/*/dispatches"_s);
        QCOMPARE(logged.size(), 2);
        QVERIFY(logged.first().body.contains("return_run_details"));
        QVERIFY(!logged.last().body.contains("return_run_details"));
        // Found by listing instead, with the server's clock.
        RunQuery q;
        q.workflow = kWorkflow;
        q.event = u"workflow_dispatch"_s;
        q.createdSince = r.value.serverDate->addSecs(-5);
        ForgeResult<Page<WorkflowRun>> runs;
        QVERIFY(waitForResult<Page<WorkflowRun>>(
            [&](QObject *c, auto cb) { forge.github->runs(kOwner, kRepo, q, c, cb); }, &runs));
        QVERIFY2(runs.ok(), qPrintable(runs.error.describe()));
        QCOMPARE(runs.value.items.size(), 1);
    }

    void dispatchValidation_data()
    {
        QTest::addColumn<QString>("drop");
        QTest::addColumn<QString>("add");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("missing input") << u"sha256"_s << QString() << u"sha256"_s;
        QTest::newRow("unexpected input") << QString() << u"extra"_s << u"extra"_s;
    }
    void dispatchValidation()
    {
        QFETCH(QString, drop);
        QFETCH(QString, add);
        QFETCH(QString, messagePart);
        QJsonObject inputs = inputsFor(releasableSha());
        if (!drop.isEmpty())
            inputs.remove(drop);
        if (!add.isEmpty())
            inputs.insert(add, u"x"_s);
        const auto r = dispatch(inputs);
        QCOMPARE(r.error.kind, ForgeError::Kind::Validation);
        QCOMPARE(r.error.httpStatus, 422);
        QVERIFY2(r.error.message.contains(messagePart), qPrintable(r.error.message));
        QCOMPARE(posts(u"*/dispatches"_s), 1);
    }

    void repositoryDispatch()
    {
        ForgeResult<DispatchResult> r;
        const QByteArray body =
            repositoryDispatchBody(u"conda-build"_s, inputsFor(releasableSha()));
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) {
                forge.github->repositoryDispatch(kOwner, kRepo, body, c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.serverDate, forge.simulator->clock()->now());
        QCOMPARE(posts(u"*/dispatches"_s), 1);
        QCOMPARE(forge.simulator->requestLog().matching("POST", u"*/dispatches"_s).first().body,
                 body);
    }

    // --- The recipes repo's files and branches (preflight, workflow contract check) ---------

    void workflowFilesAndBranches_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("deploy-cxx default ref")
            << u".github/workflows/deploy-cxx.yml"_s << QString()
            << rc::sandbox::deployCxxWorkflowYaml();
        QTest::newRow("deploy-raw on dev") << u".github/workflows/deploy-raw.yml"_s << u"dev"_s
                                           << rc::sandbox::deployRawWorkflowYaml();
        QTest::newRow("lint by full ref") << u".github/workflows/lint.yml"_s << u"refs/heads/main"_s
                                          << rc::sandbox::lintWorkflowYaml();
    }
    void workflowFilesAndBranches()
    {
        QFETCH(QString, path);
        QFETCH(QString, ref);
        QFETCH(QByteArray, expected);
        ForgeResult<QByteArray> file;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                forge.github->fileContents(kOwner, kRepo, path, ref, c, cb);
            },
            &file));
        QVERIFY2(file.ok(), qPrintable(file.error.describe()));
        QCOMPARE(file.value, expected);
        QVERIFY(expected.size() > 60 * 3 / 4 * 3);  // several wrapped base64 lines were joined
    }

    void workflowFileErrors()
    {
        ForgeResult<QByteArray> file;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                forge.github->fileContents(kOwner, kRepo, u".github/workflows/deploy-cxx.yml"_s,
                                           u"no-such-branch"_s, c, cb);
            },
            &file));
        QCOMPARE(file.error.kind, ForgeError::Kind::NotFound);
        QVERIFY2(file.error.message.contains(u"No commit found for the ref no-such-branch"_s),
                 qPrintable(file.error.message));
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                forge.github->fileContents(kOwner, kRepo, u".github/workflows/nope.yml"_s, {}, c,
                                           cb);
            },
            &file));
        QCOMPARE(file.error.kind, ForgeError::Kind::NotFound);
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                forge.github->fileContents(kOwner, kRepo, u".github/workflows"_s, {}, c, cb);
            },
            &file));
        QCOMPARE(file.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY2(file.error.message.contains(u"directory"_s), qPrintable(file.error.message));
    }

    void branches()
    {
        for (const QString &name : {u"main"_s, u"dev"_s}) {
            ForgeResult<GitHubBranch> branch;
            QVERIFY(waitForResult<GitHubBranch>(
                [&](QObject *c, auto cb) { forge.github->branch(kOwner, kRepo, name, c, cb); },
                &branch));
            QVERIFY2(branch.ok(), qPrintable(branch.error.describe()));
            QCOMPARE(branch.value.name, name);
            QCOMPARE(branch.value.sha,
                     forge.simulator->gitHub()->repository().branches.value(name));
        }
        ForgeResult<GitHubBranch> missing;
        QVERIFY(waitForResult<GitHubBranch>(
            [&](QObject *c, auto cb) { forge.github->branch(kOwner, kRepo, u"nope"_s, c, cb); },
            &missing));
        QCOMPARE(missing.error.kind, ForgeError::Kind::NotFound);
    }

    // --- The runner's patch steps, for real ----------------------------------------------

    void patchSteps_data()
    {
        QTest::addColumn<QString>("workflow");
        QTest::addColumn<QString>("encoding");  // printf, raw, or printf-but-quotes
        QTest::addColumn<QString>("failedStep");
        QTest::addColumn<QString>("logLine");
        QTest::newRow("printf-encoded on deploy-cxx")
            << kWorkflow << u"printf"_s << QString()
            << u"Applied patch src/pymodule/__init__.py cleanly."_s;
        QTest::newRow("unencoded on deploy-cxx: printf error")
            << kWorkflow << u"raw"_s << u"Write patch"_s
            << u"printf: `P': invalid format character"_s;
        QTest::newRow("quotes not encoded on deploy-cxx: context lost")
            << kWorkflow << u"printf-but-quotes"_s << u"Apply patch"_s
            << u"error: patch failed: src/pymodule/__init__.py:3"_s;
        QTest::newRow("raw on deploy-raw") << u"deploy-raw.yml"_s << u"raw"_s << QString()
                                           << u"Applied patch src/pymodule/__init__.py cleanly."_s;
        QTest::newRow("printf-encoded on deploy-raw: %% stays")
            << u"deploy-raw.yml"_s << u"printf"_s << u"Apply patch"_s
            << u"error: src/pymodule/__init__.py: patch does not apply"_s;
    }
    void patchSteps()
    {
        QFETCH(QString, workflow);
        QFETCH(QString, encoding);
        QFETCH(QString, failedStep);
        QFETCH(QString, logLine);
        const QString sha = releasableSha();
        QVERIFY(forge.simulator->gitLab()->commits().first().initHasNotice);
        QByteArray patch = rawPatchFor(sha);
        QVERIFY(patch.contains("'n'") && patch.contains("%%") && patch.contains("\\o/"));
        if (encoding == u"printf") {
            patch = printfEncoded(patch);
        } else if (encoding == u"printf-but-quotes") {
            patch.replace("\\", "\\\\");
            patch.replace("%", "%%");
        }
        QJsonObject inputs = inputsFor(sha);
        inputs.insert(u"patch"_s, QString::fromUtf8(patch));
        const auto r = dispatch(inputs, true, workflow);
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        const QList<WorkflowJob> jobs = finishedJobs(*r.value.runId);
        int builds = 0;
        for (const WorkflowJob &job : jobs) {
            if (!job.name.startsWith(u"build ("_s))
                continue;
            ++builds;
            const WorkflowStep *write = stepNamed(job, u"Write patch"_s);
            const WorkflowStep *apply = stepNamed(job, u"Apply patch"_s);
            QVERIFY(write && apply);
            QCOMPARE(job.conclusion, failedStep.isEmpty() ? u"success"_s : u"failure"_s);
            if (failedStep.isEmpty()) {
                QCOMPARE(apply->conclusion, u"success"_s);
            } else {
                QCOMPARE(stepNamed(job, failedStep)->conclusion, u"failure"_s);
                // Like the checksum step: the rest is skipped.
                QCOMPARE(stepNamed(job, u"Build and upload with conda-build"_s)->conclusion,
                         u"skipped"_s);
            }
            const QByteArray log = logOf(job.id);
            QVERIFY2(log.contains(logLine.toUtf8()), log.constData());
        }
        QCOMPARE(builds, 6);
    }

    void emptyPatchSkipsTheSteps()
    {
        QJsonObject inputs = inputsFor(releasableSha());
        inputs.insert(u"patch"_s, QString());
        const auto r = dispatch(inputs);
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        for (const WorkflowJob &job : finishedJobs(*r.value.runId)) {
            if (!job.name.startsWith(u"build ("_s))
                continue;
            QCOMPARE(job.conclusion, u"success"_s);
            QCOMPARE(stepNamed(job, u"Write patch"_s)->conclusion, u"skipped"_s);
            QCOMPARE(stepNamed(job, u"Apply patch"_s)->conclusion, u"skipped"_s);
        }
    }

    void rawWorkflowQueuesAndNamesItsRuns()
    {
        QJsonObject inputs = inputsFor(releasableSha());
        inputs.insert(u"patch"_s, QString::fromUtf8(rawPatchFor(releasableSha())));
        const auto first = dispatch(inputs, true, u"deploy-raw.yml"_s);
        QVERIFY2(first.ok(), qPrintable(first.error.describe()));
        forge.simulator->advance(std::chrono::seconds(30));
        const auto second = dispatch(inputs, true, u"deploy-raw.yml"_s);
        QVERIFY2(second.ok(), qPrintable(second.error.describe()));
        QCOMPARE(runOf(*first.value.runId).value.status, u"in_progress"_s);  // not cancelled
        QCOMPARE(runOf(*second.value.runId).value.status, u"pending"_s);
        QCOMPARE(runOf(*first.value.runId).value.displayTitle,
                 u"Deploy veloxchem 1.0.0 build 0 to veloxchem/dev"_s);
        // A third replaces the pending one.
        const auto third = dispatch(inputs, true, u"deploy-raw.yml"_s);
        QCOMPARE(runOf(*second.value.runId).value.conclusion, u"cancelled"_s);
        QCOMPARE(runOf(*third.value.runId).value.status, u"pending"_s);
        // Cancelling the one in progress lets the pending one start.
        ForgeResult<Done> cancelled;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.github->cancelRun(kOwner, kRepo, *first.value.runId, c, cb);
            },
            &cancelled));
        QVERIFY2(cancelled.ok(), qPrintable(cancelled.error.describe()));
        forge.simulator->advance(std::chrono::seconds(5));
        QCOMPARE(runOf(*third.value.runId).value.status, u"in_progress"_s);
        forge.simulator->advance(std::chrono::minutes(20));
        QCOMPARE(runOf(*third.value.runId).value.conclusion, u"success"_s);
    }

    void watchARunToTheEnd()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId);

        ForgeResult<WorkflowRun> run = runOf(runId);
        QVERIFY2(run.ok(), qPrintable(run.error.describe()));
        QCOMPARE(run.value.event, u"workflow_dispatch"_s);
        QVERIFY(!run.notModified);
        // Nothing changed on the virtual clock: a 304, the cached value.
        run = runOf(runId);
        QVERIFY2(run.ok(), qPrintable(run.error.describe()));
        QVERIFY(run.notModified);
        QCOMPARE(run.value.id, runId);

        RunQuery q;
        q.workflow = kWorkflow;
        q.event = u"workflow_dispatch"_s;
        q.actor = run.value.actorLogin;
        q.perPage = 5;
        ForgeResult<Page<WorkflowRun>> runs;
        QVERIFY(waitForResult<Page<WorkflowRun>>(
            [&](QObject *c, auto cb) { forge.github->runs(kOwner, kRepo, q, c, cb); }, &runs));
        QVERIFY2(runs.ok(), qPrintable(runs.error.describe()));
        QVERIFY(!runs.value.items.isEmpty());
        QCOMPARE(runs.value.items.first().id, runId);

        forge.simulator->advance(std::chrono::minutes(10));
        ForgeResult<QList<WorkflowJob>> jobs;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); }, &jobs));
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        QVERIFY(jobs.value.size() >= 7);

        forge.simulator->advance(std::chrono::hours(3));
        run = runOf(runId);
        QVERIFY2(run.ok(), qPrintable(run.error.describe()));
        QCOMPARE(run.value.status, u"completed"_s);
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); }, &jobs));
        QCOMPARE(jobs.value.size(), 8);  // prepare + 6 builds + summary

        ForgeResult<QList<GitHubArtifact>> artifacts;
        QVERIFY(waitForResult<QList<GitHubArtifact>>(
            [&](QObject *c, auto cb) { forge.github->artifacts(kOwner, kRepo, runId, c, cb); },
            &artifacts));
        QVERIFY2(artifacts.ok(), qPrintable(artifacts.error.describe()));
        int summaries = 0;
        for (const GitHubArtifact &a : artifacts.value) {
            if (!a.name.startsWith(u"build_summary-"_s))
                continue;
            ++summaries;
            ForgeResult<BuildSummary> s;
            QVERIFY(waitForResult<BuildSummary>(
                [&](QObject *c, auto cb) { forge.github->buildSummary(kOwner, kRepo, a, c, cb); },
                &s));
            QVERIFY2(s.ok(), qPrintable(s.error.describe()));
            QCOMPARE(s.value.outcome, u"success"_s);
        }
        QCOMPARE(summaries, 6);
        QVERIFY(!forge.simulator->requestLog().matching("GET", u"/blobs/artifacts/*"_s).isEmpty());

        ForgeResult<QByteArray> log;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                forge.github->jobLog(kOwner, kRepo, jobs.value.at(1).id, c, cb);
            },
            &log));
        QVERIFY2(log.ok(), qPrintable(log.error.describe()));
        QVERIFY(!log.value.isEmpty());
        QVERIFY(!forge.simulator->requestLog().matching("GET", u"/blobs/logs/*"_s).isEmpty());
    }

    void buildFailureShowsInSummary()
    {
        forge.simulator->runs()->setPlatformOutcome(u"windows-*"_s,
                                                    rc::sandbox::BuildOutcome::BuildFails);
        const qint64 runId = dispatchedRun();
        QVERIFY(runId);
        forge.simulator->advance(std::chrono::hours(3));
        ForgeResult<QList<GitHubArtifact>> artifacts;
        QVERIFY(waitForResult<QList<GitHubArtifact>>(
            [&](QObject *c, auto cb) { forge.github->artifacts(kOwner, kRepo, runId, c, cb); },
            &artifacts));
        QVERIFY(artifacts.ok());
        int failures = 0;
        for (const GitHubArtifact &a : artifacts.value) {
            if (!a.name.startsWith(u"build_summary-windows"_s))
                continue;
            ForgeResult<BuildSummary> s;
            QVERIFY(waitForResult<BuildSummary>(
                [&](QObject *c, auto cb) { forge.github->buildSummary(kOwner, kRepo, a, c, cb); },
                &s));
            QVERIFY2(s.ok(), qPrintable(s.error.describe()));
            failures += s.value.outcome == u"failure"_s ? 1 : 0;
        }
        QCOMPARE(failures, 2);
    }

    void runControls()
    {
        const qint64 runId = dispatchedRun();
        QVERIFY(runId);
        forge.simulator->advance(std::chrono::minutes(5));
        ForgeResult<Done> r;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) { forge.github->cancelRun(kOwner, kRepo, runId, c, cb); },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        forge.simulator->advance(std::chrono::minutes(5));
        const ForgeResult<WorkflowRun> run = runOf(runId);
        QCOMPARE(run.value.conclusion, u"cancelled"_s);

        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.github->rerunFailedJobs(kOwner, kRepo, runId, c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        forge.simulator->advance(std::chrono::hours(3));
        ForgeResult<QList<WorkflowJob>> jobs;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); }, &jobs));
        QVERIFY(jobs.ok() && !jobs.value.isEmpty());
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.github->rerunJob(kOwner, kRepo, jobs.value.last().id, c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(posts(u"*/cancel"_s), 1);
        QCOMPARE(posts(u"*/rerun-failed-jobs"_s), 1);
        QCOMPARE(posts(u"*/jobs/*/rerun"_s), 1);
    }

    // --- GitLab ---------------------------------------------------------------------------

    void gitLabTokenAndProject()
    {
        ForgeResult<GitLabTokenInfo> t;
        QVERIFY(waitForResult<GitLabTokenInfo>(
            [&](QObject *c, auto cb) { forge.gitlab->tokenInfo(c, cb); }, &t));
        QVERIFY2(t.ok(), qPrintable(t.error.describe()));
        QVERIFY(t.value.scopes.contains(u"read_api"_s));
        QVERIFY(t.value.expiresAt);
        QVERIFY(!t.value.username.isEmpty());

        ForgeResult<GitLabProject> p;
        QVERIFY(waitForResult<GitLabProject>(
            [&](QObject *c, auto cb) {
                forge.gitlab->project(forge.simulator->gitLabProjectPath(), c, cb);
            },
            &p));
        QVERIFY2(p.ok(), qPrintable(p.error.describe()));
        QCOMPARE(p.value.id, rc::sandbox::GitLabApi::kProjectId);
        QCOMPARE(p.value.pathWithNamespace, forge.simulator->gitLabProjectPath());
    }

    void gitLabCommitsPipelinesJobsAndTarball()
    {
        const QString project = forge.simulator->gitLabProjectPath();
        const QString branch = forge.simulator->gitLab()->defaultBranch();
        ForgeResult<Page<CommitWithPipeline>> page;
        QVERIFY(waitForResult<Page<CommitWithPipeline>>(
            [&](QObject *c, auto cb) {
                forge.gitlab->commitsWithPipelines(project, branch, 1, 10, c, cb);
            },
            &page));
        QVERIFY2(page.ok(), qPrintable(page.error.describe()));
        QCOMPARE(page.value.items.size(), 10);
        QVERIFY(page.value.hasNext());
        int withPipeline = 0;
        for (const auto &cp : page.value.items)
            withPipeline += cp.pipeline ? 1 : 0;
        QVERIFY(withPipeline > 0);

        ForgeResult<Page<GitLabCommit>> second;
        QVERIFY(waitForResult<Page<GitLabCommit>>(
            [&](QObject *c, auto cb) { forge.gitlab->commits(project, branch, 2, 10, c, cb); },
            &second));
        QVERIFY(second.ok());
        QVERIFY(second.value.items.first().id != page.value.items.first().commit.id);

        const QString sha = releasableSha();
        ForgeResult<GitLabCommit> commit;
        QVERIFY(waitForResult<GitLabCommit>(
            [&](QObject *c, auto cb) { forge.gitlab->commit(project, sha, c, cb); }, &commit));
        QVERIFY2(commit.ok(), qPrintable(commit.error.describe()));
        QCOMPARE(commit.value.id, sha);

        ForgeResult<Page<GitLabPipeline>> pipelines;
        QVERIFY(waitForResult<Page<GitLabPipeline>>(
            [&](QObject *c, auto cb) { forge.gitlab->pipelines(project, branch, c, cb); },
            &pipelines));
        QVERIFY(pipelines.ok());
        qint64 pipelineId = 0;
        for (const auto &p : pipelines.value.items) {
            if (p.sha == sha && p.status == u"success"_s && p.id > pipelineId)
                pipelineId = p.id;
        }
        QVERIFY(pipelineId);
        ForgeResult<QList<GitLabJob>> jobs;
        QVERIFY(waitForResult<QList<GitLabJob>>(
            [&](QObject *c, auto cb) { forge.gitlab->pipelineJobs(project, pipelineId, c, cb); },
            &jobs));
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        const auto job = findArtifactJob(jobs.value, u"conda-tarball"_s);
        QVERIFY(job);
        QCOMPARE(job->id, forge.simulator->gitLab()->tarballJobFor(sha)->id);

        QByteArray got;
        const auto collect = [&got](QByteArrayView chunk) {
            got.append(chunk);
            return true;
        };
        ForgeResult<Done> done;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.gitlab->streamJobArtifact(project, job->id, u"veloxchem.tar.bz2"_s, collect,
                                                c, cb);
            },
            &done));
        QVERIFY2(done.ok(), qPrintable(done.error.describe()));
        QVERIFY(got == forge.simulator->gitLab()->tarballFor(sha));

        got.clear();
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.gitlab->streamArchive(project, sha, u"tar.bz2"_s, collect, c, cb);
            },
            &done));
        QVERIFY2(done.ok(), qPrintable(done.error.describe()));
        QVERIFY(!got.isEmpty());

        ForgeResult<QByteArray> raw;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                forge.gitlab->rawFile(project, forge.simulator->gitLab()->initFilePath(), sha, c,
                                      cb);
            },
            &raw));
        QVERIFY2(raw.ok(), qPrintable(raw.error.describe()));
        QVERIFY(raw.value.contains("__version__"));
    }

    void gitLabLargeArtifactStreams()
    {
        const QUrl url = forge.simulator->addLargeGitLabArtifact(u"big.tar.bz2"_s, 8 * 1024 * 1024);
        ForgeRequest r;
        r.service = Service::GitLab;
        r.url = url;
        r.authOrigin = forge.simulator->gitLabApiUrl();
        qint64 total = 0;
        qint64 largestChunk = 0;
        bool finished = false;
        ForgeResponse response;
        QObject context;
        ForgeReply *reply = forge.transport->download(r, [&](QByteArrayView chunk) {
            total += chunk.size();
            largestChunk = qMax<qint64>(largestChunk, chunk.size());
            return true;
        });
        connect(reply, &ForgeReply::finished, &context, [&] {
            response = reply->response();
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        QVERIFY2(response.ok(), qPrintable(response.error.describe()));
        QCOMPARE(total, 8 * 1024 * 1024);
        QVERIFY(largestChunk <= 1024 * 1024);  // streamed, never buffered whole
    }

    // --- anaconda.org ---------------------------------------------------------------------

    void anacondaFiles()
    {
        ForgeResult<AnacondaPackageFiles> r;
        QVERIFY(waitForResult<AnacondaPackageFiles>(
            [&](QObject *c, auto cb) {
                forge.anaconda->files(QString(ForgeSimulator::kChannel),
                                      QString(ForgeSimulator::kRecipe), c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(r.value.packageExists);
        QVERIFY(!r.value.files.isEmpty());
        const AnacondaFile &f = r.value.files.first();
        QCOMPARE(r.value.nextBuildNumber(f.version), r.value.builds(f.version).last() + 1);
        QVERIFY(r.value.isPublished(f.version, f.buildNumber, f.labels.value(0)));
        QCOMPARE(r.value.nextBuildNumber(u"999.0"_s), 0);

        QVERIFY(waitForResult<AnacondaPackageFiles>(
            [&](QObject *c, auto cb) {
                forge.anaconda->files(QString(ForgeSimulator::kChannel), u"no-such-package"_s, c,
                                      cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(!r.value.packageExists);
    }

    // --- Faults ---------------------------------------------------------------------------

    void faultsOnGet_data()
    {
        QTest::addColumn<FaultKind>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("retryAfter");  // -1: none
        QTest::addColumn<int>("times");
        QTest::addColumn<ForgeError::Kind>("kind");  // None: the client recovers
        const int always = Fault::kAlways;
        QTest::newRow("delay") << FaultKind::Delay << 0 << -1 << 1 << ForgeError::Kind::None;
        QTest::newRow("no answer once: retried")
            << FaultKind::NoAnswer << 0 << -1 << 1 << ForgeError::Kind::None;
        QTest::newRow("no answer")
            << FaultKind::NoAnswer << 0 << -1 << always << ForgeError::Kind::Timeout;
        QTest::newRow("trickle") << FaultKind::Trickle << 0 << -1 << always
                                 << ForgeError::Kind::Timeout;
        QTest::newRow("truncated once: retried")
            << FaultKind::TruncatedBody << 0 << -1 << 1 << ForgeError::Kind::None;
        QTest::newRow("truncated")
            << FaultKind::TruncatedBody << 0 << -1 << always << ForgeError::Kind::Network;
        QTest::newRow("502 once: retried")
            << FaultKind::ServerError << 502 << -1 << 1 << ForgeError::Kind::None;
        QTest::newRow("500") << FaultKind::ServerError << 500 << -1 << always
                             << ForgeError::Kind::Server;
        QTest::newRow("503") << FaultKind::ServerError << 503 << -1 << always
                             << ForgeError::Kind::Server;
        QTest::newRow("html") << FaultKind::HtmlBody << 0 << -1 << always
                              << ForgeError::Kind::BadResponse;
        QTest::newRow("invalid json")
            << FaultKind::InvalidJson << 0 << -1 << always << ForgeError::Kind::BadResponse;
        QTest::newRow("401") << FaultKind::Unauthorized << 0 << -1 << always
                             << ForgeError::Kind::Unauthorized;
        QTest::newRow("403 primary")
            << FaultKind::RateLimited403 << 0 << -1 << 1 << ForgeError::Kind::RateLimited;
        QTest::newRow("403 secondary")
            << FaultKind::RateLimited403 << 0 << 30 << 1 << ForgeError::Kind::RateLimited;
        QTest::newRow("429") << FaultKind::RateLimited429 << 0 << -1 << 1
                             << ForgeError::Kind::RateLimited;
        QTest::newRow("429 retry-after")
            << FaultKind::RateLimited429 << 0 << 20 << 1 << ForgeError::Kind::RateLimited;
        QTest::newRow("redirect to other host")
            << FaultKind::RedirectToOtherHost << 0 << -1 << 1 << ForgeError::Kind::None;
        QTest::newRow("reset once: retried")
            << FaultKind::ConnectionReset << 0 << -1 << 1 << ForgeError::Kind::None;
        QTest::newRow("reset") << FaultKind::ConnectionReset << 0 << -1 << always
                               << ForgeError::Kind::Network;
    }
    void faultsOnGet()
    {
        QFETCH(FaultKind, fault);
        QFETCH(int, status);
        QFETCH(int, retryAfter);
        QFETCH(int, times);
        QFETCH(ForgeError::Kind, kind);
        const qint64 runId = dispatchedRun();
        QVERIFY(runId);
        Fault f = Fault::make(fault, "GET", u"*/actions/runs/*/jobs"_s, times);
        f.status = status;
        if (retryAfter >= 0)
            f.retryAfterSeconds = retryAfter;
        f.delay = std::chrono::milliseconds(100);
        f.trickleInterval = std::chrono::milliseconds(100);
        if (fault == FaultKind::NoAnswer)
            forge.shortenInactivityTimeout();  // only once the dispatch above has its answer
        const int id = forge.simulator->addFault(f);

        ForgeResult<QList<WorkflowJob>> jobs;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); }, &jobs));
        QVERIFY(forge.simulator->faultHits(id) >= 1);
        QCOMPARE(jobs.error.kind, kind);
        if (kind == ForgeError::Kind::None) {
            QVERIFY(!jobs.value.isEmpty());
            return;
        }
        QVERIFY(jobs.value.isEmpty());  // nothing partial
        QVERIFY(!jobs.error.describe().isEmpty());
        QVERIFY(!jobs.error.describe().contains(QString(ForgeSimulator::kGitHubClassicToken)));
        if (kind == ForgeError::Kind::RateLimited) {
            QVERIFY(jobs.error.retryAt);
            QVERIFY(*jobs.error.retryAt > forge.simulator->clock()->now());
            if (retryAfter > 0)
                QCOMPARE(*jobs.error.retryAt, forge.simulator->clock()->now().addSecs(retryAfter));
            else
                QVERIFY(forge.simulator->clock()->now().secsTo(*jobs.error.retryAt) >= 60 ||
                        fault == FaultKind::RateLimited403);
            // Until then the transport refuses locally: nothing reaches the server.
            const auto before = forge.simulator->requestLog().entries().size();
            const ForgeResult<WorkflowRun> blocked = runOf(runId);
            QCOMPARE(blocked.error.kind, ForgeError::Kind::RateLimited);
            QCOMPARE(forge.simulator->requestLog().entries().size(), before);
        }
        if (kind == ForgeError::Kind::Server || kind == ForgeError::Kind::Unauthorized)
            QVERIFY2(!jobs.error.message.isEmpty(), qPrintable(jobs.error.describe()));
    }

    void faultsOnDispatchNeverRepeatThePost_data()
    {
        QTest::addColumn<FaultKind>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<ForgeError::Kind>("kind");
        QTest::newRow("no answer") << FaultKind::NoAnswer << 0 << ForgeError::Kind::Timeout;
        QTest::newRow("truncated") << FaultKind::TruncatedBody << 0 << ForgeError::Kind::Network;
        QTest::newRow("reset") << FaultKind::ConnectionReset << 0 << ForgeError::Kind::Network;
        QTest::newRow("500") << FaultKind::ServerError << 500 << ForgeError::Kind::Server;
        QTest::newRow("502") << FaultKind::ServerError << 502 << ForgeError::Kind::Server;
        QTest::newRow("503") << FaultKind::ServerError << 503 << ForgeError::Kind::Server;
        QTest::newRow("html") << FaultKind::HtmlBody << 0 << ForgeError::Kind::BadResponse;
        QTest::newRow("invalid json")
            << FaultKind::InvalidJson << 0 << ForgeError::Kind::BadResponse;
        QTest::newRow("401") << FaultKind::Unauthorized << 0 << ForgeError::Kind::Unauthorized;
        QTest::newRow("403 rate") << FaultKind::RateLimited403 << 0
                                  << ForgeError::Kind::RateLimited;
        QTest::newRow("429") << FaultKind::RateLimited429 << 0 << ForgeError::Kind::RateLimited;
    }
    void faultsOnDispatchNeverRepeatThePost()
    {
        QFETCH(FaultKind, fault);
        QFETCH(int, status);
        QFETCH(ForgeError::Kind, kind);
        Fault f = Fault::make(fault, "POST", u"*/dispatches"_s, Fault::kAlways);
        f.status = status;
        if (fault == FaultKind::NoAnswer)
            forge.shortenInactivityTimeout();
        forge.simulator->addFault(f);
        const auto r = dispatch(inputsFor(releasableSha()));
        QCOMPARE(r.error.kind, kind);
        QVERIFY(!r.value.runId);
        QCOMPARE(posts(u"*/dispatches"_s), 1);
    }

    void redirectedDispatchAnswerCarriesNoToken()
    {
        forge.simulator->addFault(
            Fault::make(FaultKind::RedirectToOtherHost, "GET", u"*/actions/runs/*"_s, 1));
        const qint64 runId = dispatchedRun();
        QVERIFY(runId);
        const ForgeResult<WorkflowRun> run = runOf(runId);
        QVERIFY2(run.ok(), qPrintable(run.error.describe()));
        QCOMPARE(run.value.id, runId);
        // cleanup() checks the request log for credentials on the other host.
    }

    void gitLabFaults_data()
    {
        QTest::addColumn<FaultKind>("fault");
        QTest::addColumn<ForgeError::Kind>("kind");
        QTest::newRow("401") << FaultKind::Unauthorized << ForgeError::Kind::Unauthorized;
        QTest::newRow("429") << FaultKind::RateLimited429 << ForgeError::Kind::RateLimited;
        QTest::newRow("html") << FaultKind::HtmlBody << ForgeError::Kind::BadResponse;
        QTest::newRow("truncated") << FaultKind::TruncatedBody << ForgeError::Kind::Network;
        QTest::newRow("redirect") << FaultKind::RedirectToOtherHost << ForgeError::Kind::None;
    }
    void gitLabFaults()
    {
        QFETCH(FaultKind, fault);
        QFETCH(ForgeError::Kind, kind);
        forge.simulator->addFault(
            Fault::make(fault, "GET", u"/api/v4/projects/*/repository/commits"_s, Fault::kAlways));
        ForgeResult<Page<CommitWithPipeline>> page;
        QVERIFY(waitForResult<Page<CommitWithPipeline>>(
            [&](QObject *c, auto cb) {
                forge.gitlab->commitsWithPipelines(forge.simulator->gitLabProjectPath(),
                                                   forge.simulator->gitLab()->defaultBranch(), 1,
                                                   20, c, cb);
            },
            &page));
        QCOMPARE(page.error.kind, kind);
        if (kind != ForgeError::Kind::None)
            QVERIFY(page.value.items.isEmpty());
    }

    void truncatedArtifactStreamIsAnError()
    {
        const QString sha = releasableSha();
        const auto *job = forge.simulator->gitLab()->tarballJobFor(sha);
        QVERIFY(job);
        forge.simulator->addFault(Fault::make(FaultKind::TruncatedBody, "GET",
                                              u"*/jobs/*/artifacts/*"_s, Fault::kAlways));
        QByteArray got;
        ForgeResult<Done> done;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                forge.gitlab->streamJobArtifact(
                    forge.simulator->gitLabProjectPath(), job->id, u"veloxchem.tar.bz2"_s,
                    [&](QByteArrayView chunk) {
                        got.append(chunk);
                        return true;
                    },
                    c, cb);
            },
            &done));
        QCOMPARE(done.error.kind, ForgeError::Kind::Network);
    }

    void rateLimitBudgetIsTracked()
    {
        QList<RateLimit> seen;
        QObject context;
        connect(forge.transport.get(), &Transport::rateLimitChanged, &context,
                [&](Service service, const QString &, const RateLimit &rl) {
                    if (service == Service::GitHub)
                        seen.append(rl);
                });
        forge.simulator->gitHub()->setRateLimit(100, 3);
        ForgeResult<GitHubWorkflow> w;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(waitForResult<GitHubWorkflow>(
                [&](QObject *c, auto cb) {
                    forge.github->workflow(kOwner, kRepo, kWorkflow, c, cb);
                },
                &w));
            QVERIFY2(w.ok(), qPrintable(w.error.describe()));
        }
        QVERIFY(!seen.isEmpty());
        QCOMPARE(
            forge.transport->rateLimit(Service::GitHub, forge.simulator->gitHubApiUrl())->limit,
            100);
        const qint64 remaining =
            forge.transport->rateLimit(Service::GitHub, forge.simulator->gitHubApiUrl())->remaining;
        QVERIFY(remaining >= 0 && remaining <= 2);
    }
};

QTEST_GUILESS_MAIN(TestClientSimulator)
#include "tst_clientsimulator.moc"
