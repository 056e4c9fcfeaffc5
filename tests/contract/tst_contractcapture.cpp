// SPDX-License-Identifier: BSD-3-Clause
// Drives every GitHub, GitLab and anaconda.org client call against the local forge simulator and
// writes what crossed the wire (from the simulator's request log, which also keeps each answer)
// as JSON lines. validate.mjs then checks the requests and the answers against GitHub's OpenAPI
// description and the GitLab/anaconda.org shape fixtures, so neither side can drift from the
// real services unnoticed.

#include "forge/anacondaclient.h"
#include "forge/forgeheaders.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "forge/transport.h"
#include "sandbox/demopatch.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace rc::forge;
using namespace Qt::StringLiterals;
using rc::sandbox::ForgeSimulator;
using rc::sandbox::Listener;
using rc::sandbox::LoggedRequest;
using namespace rc::sandbox::test;

namespace {

const QString kOwner = u"VeloxChem"_s;
const QString kRepo = u"meta-vlx"_s;
const QString kWorkflow = u"deploy-cxx.yml"_s;

template<class T, class Call>
ForgeResult<T> waitFor(Call call)
{
    ForgeResult<T> result;
    bool done = false;
    QObject context;
    call(&context, [&](const ForgeResult<T> &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        result.error = ForgeError::make(ForgeError::Kind::Cancelled, u"test wait timed out"_s);
    return result;
}

ForgeResponse sendAndWait(Transport *transport, const ForgeRequest &request)
{
    ForgeResponse response;
    bool done = false;
    QObject context;
    ForgeReply *reply = transport->send(request);
    QObject::connect(reply, &ForgeReply::finished, &context, [&response, &done, reply] {
        response = reply->response();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        response.error = ForgeError::make(ForgeError::Kind::Cancelled, u"test wait timed out"_s);
    return response;
}

// Only the headers the contract is about; credentials are reduced to their scheme so the
// capture file never holds a token.
const QList<QByteArray> kRequestHeadersOfInterest = {
    "accept"_ba,        "content-type"_ba,  "x-github-api-version"_ba, "user-agent"_ba,
    "authorization"_ba, "private-token"_ba, "if-none-match"_ba};

QJsonObject requestHeadersJson(const LoggedRequest &entry)
{
    QJsonObject headers;
    for (const auto &[name, value] : entry.headers) {
        const QByteArray key = name.toLower();
        if (!kRequestHeadersOfInterest.contains(key))
            continue;
        QString shown = QString::fromUtf8(value);
        if (key == "authorization")
            shown = QString::fromUtf8(value.split(' ').value(0)) + u" <redacted>"_s;
        else if (key == "private-token")
            shown = u"<redacted>"_s;
        headers.insert(QString::fromLatin1(key), shown);
    }
    return headers;
}

// A body as JSON when it is JSON; otherwise null (with the reason in `bodyKind`).
QJsonValue bodyJson(const QByteArray &body, QString *kind)
{
    if (body.isEmpty()) {
        *kind = u"empty"_s;
        return QJsonValue::Null;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *kind = u"bytes"_s;
        return QJsonValue::Null;
    }
    *kind = u"json"_s;
    if (document.isArray())
        return document.array();
    return document.object();
}

QString serviceOf(const LoggedRequest &entry)
{
    if (entry.listener == Listener::OtherHost)
        return u"storage"_s;
    if (entry.path.startsWith(u"/api/v4/"_s))
        return u"gitlab"_s;
    if (entry.path.startsWith(u"/package/"_s))
        return u"anaconda"_s;
    if (entry.path == u"/graphql"_s || entry.path == u"/api/graphql"_s)
        return u"github-graphql"_s;
    return u"github"_s;
}

QByteArray exchangeLine(const LoggedRequest &entry)
{
    QString requestKind;
    QString responseKind;
    QJsonObject exchange {
        {u"sequence"_s, entry.sequence},
        {u"service"_s, serviceOf(entry)},
        {u"method"_s, QString::fromLatin1(entry.method)},
        {u"path"_s, QString::fromUtf8(entry.rawPath)},
        {u"query"_s, entry.query},
        {u"requestHeaders"_s, requestHeadersJson(entry)},
        {u"requestBody"_s, bodyJson(entry.body, &requestKind)},
        {u"status"_s, entry.status},
        {u"responseBody"_s, bodyJson(entry.responseBody, &responseKind)},
    };
    exchange.insert(u"requestBodyKind"_s, requestKind);
    exchange.insert(u"responseBodyKind"_s, responseKind);
    for (const auto &[name, value] : entry.responseHeaders) {
        if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            exchange.insert(u"responseContentType"_s, QString::fromLatin1(value));
    }
    return QJsonDocument(exchange).toJson(QJsonDocument::Compact) + '\n';
}

}  // namespace

class TestContractCapture : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ForgeSimulator> sim;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<MemoryTokenSource> tokens;
    std::unique_ptr<Transport> transport;
    std::unique_ptr<GitHubClient> github;
    std::unique_ptr<GitHubClient> enterprise;
    std::unique_ptr<GitLabClient> gitlab;
    std::unique_ptr<AnacondaClient> anaconda;
    QFile capture;
    int written = 0;
    // Each dispatch publishes a new build number: a build already on anaconda.org fails its
    // upload, which would hide the scripted outcomes.
    mutable int nextBuild = 0;

    QString releasableSha() const
    {
        for (const auto &commit : sim->gitLab()->commits()) {
            if (sim->gitLab()->tarballJobFor(commit.sha))
                return commit.sha;
        }
        return {};
    }
    QJsonObject deployInputs() const
    {
        const QString sha = releasableSha();
        const QByteArray tarball = sim->gitLab()->tarballFor(sha);
        return {{u"recipe"_s, u"veloxchem"_s},
                {u"url"_s, sim->tarballUrl(sha).toString()},
                {u"sha256"_s,
                 QString::fromLatin1(
                     QCryptographicHash::hash(tarball, QCryptographicHash::Sha256).toHex())},
                {u"version"_s, u"1.0.0"_s},
                {u"build"_s, QString::number(nextBuild++)},
                {u"channel"_s, u"veloxchem"_s},
                {u"label"_s, u"dev"_s},
                {u"patch"_s,
                 QString::fromUtf8(
                     printfEncoded(versionPatch(initFileOf(sim->gitLab(), sha), "1.0.0")))}};
    }
    // Appends what the simulator logged since the last flush and starts the log afresh.
    void flushLog()
    {
        for (const LoggedRequest &entry : sim->requestLog().entries()) {
            capture.write(exchangeLine(entry));
            ++written;
        }
        capture.flush();
        sim->clearRequestLog();
    }
    qint64 dispatchAndFinish()
    {
        const QByteArray body = dispatchBody(u"main"_s, deployInputs());
        const auto dispatched = waitFor<DispatchResult>([&](QObject *c, auto cb) {
            github->dispatchWorkflow(kOwner, kRepo, kWorkflow, body, c, cb);
        });
        if (!dispatched.ok() || !dispatched.value.runId)
            return 0;
        sim->advance(std::chrono::minutes(20));
        return *dispatched.value.runId;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("RC_CONTRACT_CAPTURE", u"exchanges.jsonl"_s);
        capture.setFileName(path);
        QVERIFY2(capture.open(QIODevice::WriteOnly | QIODevice::Truncate),
                 qPrintable(capture.errorString()));
        sim = std::make_unique<ForgeSimulator>(
            QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC));
        QVERIFY2(sim->start(), qPrintable(sim->errorString()));
        nam = std::make_unique<QNetworkAccessManager>();
        tokens = std::make_unique<MemoryTokenSource>();
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(),
                         QString(ForgeSimulator::kGitHubClassicToken));
        tokens->setToken(Service::GitLab, sim->gitLabApiUrl(),
                         QString(ForgeSimulator::kGitLabToken));
        ForgeSimulator *simulator = sim.get();
        transport = std::make_unique<Transport>(nam.get(), tokens.get(),
                                                [simulator] { return simulator->clock()->now(); });
        github = std::make_unique<GitHubClient>(transport.get(), sim->gitHubApiUrl());
        enterprise = std::make_unique<GitHubClient>(transport.get(), sim->gitHubEnterpriseApiUrl());
        gitlab = std::make_unique<GitLabClient>(transport.get(), sim->gitLabApiUrl());
        anaconda = std::make_unique<AnacondaClient>(transport.get(), sim->anacondaApiUrl());
    }

    void cleanup() { flushLog(); }

    void cleanupTestCase()
    {
        capture.close();
        qInfo("%d exchanges written to %s", written, qPrintable(capture.fileName()));
        QVERIFY(written > 0);
    }

    void gitHubIdentityAndRateLimit()
    {
        QVERIFY(waitFor<GitHubIdentity>([&](QObject *c, auto cb) { github->whoAmI(c, cb); }).ok());
        QVERIFY(
            waitFor<GitHubIdentity>([&](QObject *c, auto cb) { enterprise->whoAmI(c, cb); }).ok());
        // The fine-grained token, on the enterprise-style base of the same origin.
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(),
                         QString(ForgeSimulator::kGitHubFineGrainedToken));
        QVERIFY(waitFor<GitHubIdentity>([&](QObject *c, auto cb) { github->whoAmI(c, cb); }).ok());
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(), u"ghp_NotAKnownToken"_s);
        QCOMPARE(
            waitFor<GitHubIdentity>([&](QObject *c, auto cb) { github->whoAmI(c, cb); }).error.kind,
            ForgeError::Kind::Unauthorized);
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(),
                         QString(ForgeSimulator::kGitHubClassicToken));
        QVERIFY(sendAndWait(transport.get(), github->requests().rateLimit()).ok());
    }

    void gitHubWorkflows()
    {
        QVERIFY(waitFor<GitHubWorkflow>([&](QObject *c, auto cb) {
                    github->workflow(kOwner, kRepo, kWorkflow, c, cb);
                }).ok());
        QVERIFY(waitFor<GitHubWorkflow>([&](QObject *c, auto cb) {
                    github->workflow(kOwner, kRepo, u"61000001"_s, c, cb);
                }).ok());
        QCOMPARE(waitFor<GitHubWorkflow>([&](QObject *c, auto cb) {
                     github->workflow(kOwner, u"no-such-repo"_s, kWorkflow, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
    }

    void gitHubDispatches()
    {
        const auto dispatch = [&](GitHubClient *client, const QString &ref,
                                  const QJsonObject &inputs, bool returnRunDetails) {
            const QByteArray body = dispatchBody(ref, inputs, returnRunDetails);
            return waitFor<DispatchResult>([&](QObject *c, auto cb) {
                client->dispatchWorkflow(kOwner, kRepo, kWorkflow, body, c, cb);
            });
        };
        const auto withDetails = dispatch(github.get(), u"main"_s, deployInputs(), true);
        QVERIFY2(withDetails.ok(), qPrintable(withDetails.error.describe()));
        QVERIFY(withDetails.value.runId);

        // An older GHES refuses return_run_details (400); the caller sends a body without it.
        sim->gitHub()->setEnterpriseMode(true);
        const auto refused = dispatch(enterprise.get(), u"dev"_s, deployInputs(), true);
        QVERIFY(isReturnRunDetailsRefusal(refused.error));
        const auto withoutDetails = dispatch(enterprise.get(), u"dev"_s, deployInputs(), false);
        sim->gitHub()->setEnterpriseMode(false);
        QVERIFY2(withoutDetails.ok(), qPrintable(withoutDetails.error.describe()));
        QVERIFY(!withoutDetails.value.runId);

        // GitHub's 422 answers: an unknown ref, and an input the workflow does not declare.
        QCOMPARE(dispatch(github.get(), u"no-such-branch"_s, deployInputs(), true).error.kind,
                 ForgeError::Kind::Validation);
        QJsonObject unexpected = deployInputs();
        unexpected.insert(u"surprise"_s, u"x"_s);
        QCOMPARE(dispatch(github.get(), u"main"_s, unexpected, true).error.kind,
                 ForgeError::Kind::Validation);

        const QByteArray repositoryBody =
            repositoryDispatchBody(u"conda-build"_s, QJsonObject {{u"recipe"_s, u"veloxchem"_s}});
        QVERIFY(waitFor<DispatchResult>([&](QObject *c, auto cb) {
                    github->repositoryDispatch(kOwner, kRepo, repositoryBody, c, cb);
                }).ok());
    }

    void gitHubContentsAndBranches()
    {
        for (const QString &path :
             {u".github/workflows/deploy-cxx.yml"_s, u".github/workflows/deploy-raw.yml"_s,
              u".github/workflows/lint.yml"_s}) {
            QVERIFY(waitFor<QByteArray>([&](QObject *c, auto cb) {
                        github->fileContents(kOwner, kRepo, path, u"main"_s, c, cb);
                    }).ok());
        }
        QVERIFY(waitFor<QByteArray>([&](QObject *c, auto cb) {
                    github->fileContents(kOwner, kRepo, u".github/workflows/deploy-cxx.yml"_s, {},
                                         c, cb);
                }).ok());
        // A directory (the client refuses it, the answer is still GitHub's shape), a missing
        // file and an unknown ref.
        QCOMPARE(waitFor<QByteArray>([&](QObject *c, auto cb) {
                     github->fileContents(kOwner, kRepo, u".github/workflows"_s, u"dev"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(waitFor<QByteArray>([&](QObject *c, auto cb) {
                     github->fileContents(kOwner, kRepo, u"no/such/file.yml"_s, u"main"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
        QCOMPARE(waitFor<QByteArray>([&](QObject *c, auto cb) {
                     github->fileContents(kOwner, kRepo, u".github/workflows/lint.yml"_s,
                                          u"no-such-ref"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
        for (const QString &name : {u"main"_s, u"dev"_s}) {
            QVERIFY(waitFor<GitHubBranch>([&](QObject *c, auto cb) {
                        github->branch(kOwner, kRepo, name, c, cb);
                    }).ok());
        }
        QCOMPARE(waitFor<GitHubBranch>([&](QObject *c, auto cb) {
                     github->branch(kOwner, kRepo, u"no-such-branch"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
    }

    void gitHubRunLists()
    {
        QVERIFY(dispatchAndFinish() != 0);
        RunQuery everything;
        QVERIFY(waitFor<Page<WorkflowRun>>([&](QObject *c, auto cb) {
                    github->runs(kOwner, kRepo, everything, c, cb);
                }).ok());
        RunQuery filtered;
        filtered.workflow = kWorkflow;
        filtered.event = u"workflow_dispatch"_s;
        filtered.actor = u"octo-maintainer"_s;
        filtered.branch = u"main"_s;
        filtered.status = u"completed"_s;
        filtered.createdSince = sim->clock()->now().addDays(-30);
        filtered.perPage = 1;
        filtered.page = 1;
        const auto firstPage = waitFor<Page<WorkflowRun>>(
            [&](QObject *c, auto cb) { github->runs(kOwner, kRepo, filtered, c, cb); });
        QVERIFY2(firstPage.ok(), qPrintable(firstPage.error.describe()));
        // The same list again: a conditional request answered 304.
        QVERIFY(waitFor<Page<WorkflowRun>>([&](QObject *c, auto cb) {
                    github->runs(kOwner, kRepo, filtered, c, cb);
                }).ok());
        RunQuery created;
        created.created = u"2026-11-01..2026-11-30"_s;
        QVERIFY(waitFor<Page<WorkflowRun>>([&](QObject *c, auto cb) {
                    github->runs(kOwner, kRepo, created, c, cb);
                }).ok());
    }

    void gitHubRunDetails()
    {
        sim->runs()->setPlatformOutcome(u"windows-*"_s, rc::sandbox::BuildOutcome::JobFails);
        const qint64 runId = dispatchAndFinish();
        QVERIFY(runId != 0);
        QVERIFY(waitFor<WorkflowRun>([&](QObject *c, auto cb) {
                    github->run(kOwner, kRepo, runId, c, cb);
                }).ok());
        const auto jobs = waitFor<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github->jobs(kOwner, kRepo, runId, c, cb); });
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        QVERIFY(jobs.value.size() >= 3);

        // The same list in pages of 3, following Link rel="next" as the client does.
        ForgeRequest page = github->requests().jobs(kOwner, kRepo, runId, 3);
        int pages = 0;
        while (!page.url.isEmpty() && pages < 10) {
            const ForgeResponse response = sendAndWait(transport.get(), page);
            QVERIFY2(response.ok(), qPrintable(response.error.describe()));
            page.url = nextPageUrl(response.headers, page.url);
            ++pages;
        }
        QVERIFY(pages >= 2);

        const auto artifacts = waitFor<QList<GitHubArtifact>>(
            [&](QObject *c, auto cb) { github->artifacts(kOwner, kRepo, runId, c, cb); });
        QVERIFY2(artifacts.ok(), qPrintable(artifacts.error.describe()));
        QVERIFY(!artifacts.value.isEmpty());
        QVERIFY(waitFor<QByteArray>([&](QObject *c, auto cb) {
                    github->artifactZip(kOwner, kRepo, artifacts.value.first().id, c, cb);
                }).ok());
        QVERIFY(waitFor<BuildSummary>([&](QObject *c, auto cb) {
                    github->buildSummary(kOwner, kRepo, artifacts.value.first(), c, cb);
                }).ok());
        QVERIFY(waitFor<QByteArray>([&](QObject *c, auto cb) {
                    github->jobLog(kOwner, kRepo, jobs.value.first().id, c, cb);
                }).ok());

        // Check-run annotations: a failed build job has some, the rest an empty list; pages of
        // one with their Link; the demo fine-grained token lacks checks: read (GitHub's 403).
        bool sawAnnotation = false;
        for (const WorkflowJob &job : jobs.value) {
            QVERIFY(job.checkRunId != 0);
            const auto annotations = waitFor<QList<CheckRunAnnotation>>([&](QObject *c, auto cb) {
                github->annotations(kOwner, kRepo, job.checkRunId, c, cb);
            });
            QVERIFY2(annotations.ok(), qPrintable(annotations.error.describe()));
            sawAnnotation = sawAnnotation || !annotations.value.isEmpty();
        }
        QVERIFY(sawAnnotation);
        const ForgeRequest onePerPage =
            github->requests().checkRunAnnotations(kOwner, kRepo, jobs.value.last().checkRunId, 1);
        QVERIFY(sendAndWait(transport.get(), onePerPage).ok());
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(),
                         QString(ForgeSimulator::kGitHubFineGrainedToken));
        QCOMPARE(waitFor<QList<CheckRunAnnotation>>([&](QObject *c, auto cb) {
                     github->annotations(kOwner, kRepo, jobs.value.first().checkRunId, c, cb);
                 }).error.kind,
                 ForgeError::Kind::Forbidden);
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(),
                         QString(ForgeSimulator::kGitHubClassicToken));

        // Re-run the failed jobs, then one job, then cancel the re-run while it runs.
        QVERIFY(waitFor<Done>([&](QObject *c, auto cb) {
                    github->rerunFailedJobs(kOwner, kRepo, runId, c, cb);
                }).ok());
        sim->advance(std::chrono::minutes(20));
        QVERIFY(waitFor<Done>([&](QObject *c, auto cb) {
                    github->rerunJob(kOwner, kRepo, jobs.value.first().id, c, cb);
                }).ok());
        QVERIFY(waitFor<Done>([&](QObject *c, auto cb) {
                    github->cancelRun(kOwner, kRepo, runId, c, cb);
                }).ok());
        sim->advance(std::chrono::minutes(20));
        // Cancelling a completed run: GitHub's 409.
        QCOMPARE(waitFor<Done>([&](QObject *c, auto cb) {
                     github->cancelRun(kOwner, kRepo, runId, c, cb);
                 }).error.kind,
                 ForgeError::Kind::Validation);
        sim->runs()->clearPlatformOutcomes();
    }

    // GraphQL is outside the REST description: validate.mjs checks these against GitHub's
    // GraphQL docs (request {query, variables}; answer {data} or {errors}; 401 basic error).
    void gitHubGraphql()
    {
        const QByteArray body = R"({"query":"query { viewer { login } }","variables":{}})";
        for (const QUrl &base : {sim->gitHubApiUrl(), sim->gitHubEnterpriseApiUrl()}) {
            // GitHub Enterprise serves GraphQL at /api/graphql, github.com at /graphql.
            QUrl endpoint = base;
            endpoint.setPath(base.path().isEmpty() ? u"/graphql"_s : u"/api/graphql"_s);
            ForgeRequest request = apiPost(Service::GitHub, endpoint, {}, body);
            request.expectedStatus = {200};
            const ForgeResponse response = sendAndWait(transport.get(), request);
            QVERIFY2(response.ok(), qPrintable(response.error.describe()));
            QCOMPARE(response.json.object()
                         .value(u"errors"_s)
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(u"type"_s)
                         .toString(),
                     u"NOT_SUPPORTED"_s);
        }
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(), QString());
        QUrl endpoint = sim->gitHubApiUrl();
        endpoint.setPath(u"/graphql"_s);
        QCOMPARE(
            sendAndWait(transport.get(), apiPost(Service::GitHub, endpoint, {}, body)).error.kind,
            ForgeError::Kind::Unauthorized);
        tokens->setToken(Service::GitHub, sim->gitHubApiUrl(),
                         QString(ForgeSimulator::kGitHubClassicToken));
    }

    void gitLabCalls()
    {
        const QString project = sim->gitLabProjectPath();
        QVERIFY(
            waitFor<GitLabTokenInfo>([&](QObject *c, auto cb) { gitlab->tokenInfo(c, cb); }).ok());
        QVERIFY(sendAndWait(transport.get(), gitlab->requests().version()).ok());
        QVERIFY(waitFor<GitLabProject>([&](QObject *c, auto cb) {
                    gitlab->project(project, c, cb);
                }).ok());
        QVERIFY(waitFor<GitLabProject>([&](QObject *c, auto cb) {
                    gitlab->project(u"42"_s, c, cb);
                }).ok());
        QCOMPARE(waitFor<GitLabProject>([&](QObject *c, auto cb) {
                     gitlab->project(u"nobody/nothing"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
        const auto commits = waitFor<Page<GitLabCommit>>(
            [&](QObject *c, auto cb) { gitlab->commits(project, u"master"_s, 1, 20, c, cb); });
        QVERIFY2(commits.ok(), qPrintable(commits.error.describe()));
        QVERIFY(commits.value.hasNext());
        QVERIFY(waitFor<Page<GitLabCommit>>([&](QObject *c, auto cb) {
                    gitlab->commits(project, u"master"_s, 2, 20, c, cb);
                }).ok());
        QVERIFY(waitFor<Page<CommitWithPipeline>>([&](QObject *c, auto cb) {
                    gitlab->commitsWithPipelines(project, u"master"_s, 1, 20, c, cb);
                }).ok());
        QVERIFY(waitFor<GitLabCommit>([&](QObject *c, auto cb) {
                    gitlab->commit(project, commits.value.items.first().id, c, cb);
                }).ok());
        const auto pipelines = waitFor<Page<GitLabPipeline>>(
            [&](QObject *c, auto cb) { gitlab->pipelines(project, u"master"_s, c, cb); });
        QVERIFY2(pipelines.ok(), qPrintable(pipelines.error.describe()));
        QVERIFY(!pipelines.value.items.isEmpty());
        const QString sha = releasableSha();
        qint64 pipelineId = 0;
        for (const GitLabPipeline &pipeline : pipelines.value.items) {
            if (pipeline.sha == sha && pipeline.status == u"success")
                pipelineId = pipeline.id;
        }
        QVERIFY(pipelineId != 0);
        const auto jobs = waitFor<QList<GitLabJob>>(
            [&](QObject *c, auto cb) { gitlab->pipelineJobs(project, pipelineId, c, cb); });
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        const auto tarballJob = findArtifactJob(jobs.value, u"conda-tarball"_s);
        QVERIFY(tarballJob);
        qint64 streamed = 0;
        const auto countBytes = [&streamed](QByteArrayView chunk) {
            streamed += chunk.size();
            return true;
        };
        QVERIFY(waitFor<Done>([&](QObject *c, auto cb) {
                    gitlab->streamJobArtifact(project, tarballJob->id, u"veloxchem.tar.bz2"_s,
                                              countBytes, c, cb);
                }).ok());
        QVERIFY(waitFor<Done>([&](QObject *c, auto cb) {
                    gitlab->streamArchive(project, sha, u"tar.bz2"_s, countBytes, c, cb);
                }).ok());
        QVERIFY(streamed > 0);
        QVERIFY(waitFor<QByteArray>([&](QObject *c, auto cb) {
                    gitlab->rawFile(project, u"src/pymodule/__init__.py"_s, sha, c, cb);
                }).ok());
    }

    void anacondaCalls()
    {
        const auto files = waitFor<AnacondaPackageFiles>([&](QObject *c, auto cb) {
            anaconda->files(QString(ForgeSimulator::kChannel), QString(ForgeSimulator::kRecipe), c,
                            cb);
        });
        QVERIFY2(files.ok(), qPrintable(files.error.describe()));
        QVERIFY(!files.value.files.isEmpty());
        const auto missing = waitFor<AnacondaPackageFiles>([&](QObject *c, auto cb) {
            anaconda->files(QString(ForgeSimulator::kChannel), u"no-such-package"_s, c, cb);
        });
        QVERIFY2(missing.ok(), qPrintable(missing.error.describe()));
        QVERIFY(!missing.value.packageExists);
    }
};

QTEST_GUILESS_MAIN(TestContractCapture)
#include "tst_contractcapture.moc"
