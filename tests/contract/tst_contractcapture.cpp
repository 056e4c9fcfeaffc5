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
#include "support/forgewait.h"
#include "support/simulatorclients.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <memory>

using namespace rc::forge;
using namespace Qt::StringLiterals;
using rc::sandbox::ForgeSimulator;
using rc::sandbox::Listener;
using rc::sandbox::LoggedRequest;
using namespace rc::sandbox::test;
using rc::test::resultOf;

namespace {

const QString kOwner = u"VeloxChem"_s;
const QString kRepo = u"meta-vlx"_s;
const QString kWorkflow = u"deploy-cxx.yml"_s;

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
    rc::test::SimulatorClients forge;
    std::unique_ptr<GitHubClient> enterprise;  // on forge's transport: declared after, gone first
    QFile capture;
    int written = 0;
    // Each dispatch publishes a new build number: a build already on anaconda.org fails its
    // upload, which would hide the scripted outcomes.
    mutable int nextBuild = 0;

    QJsonObject deployInputs() const
    {
        QJsonObject inputs = rc::test::releaseInputs(
            *forge.simulator, rc::test::releasableSha(*forge.simulator), u"1.0.0"_s);
        inputs.insert(u"build"_s, QString::number(nextBuild++));
        return inputs;
    }
    // Appends what the simulator logged since the last flush and starts the log afresh.
    void flushLog()
    {
        for (const LoggedRequest &entry : forge.simulator->requestLog().entries()) {
            capture.write(exchangeLine(entry));
            ++written;
        }
        capture.flush();
        forge.simulator->clearRequestLog();
    }
    qint64 dispatchAndFinish()
    {
        const QByteArray body = dispatchBody(u"main"_s, deployInputs());
        const auto dispatched = resultOf<DispatchResult>([&](QObject *c, auto cb) {
            forge.github->dispatchWorkflow(kOwner, kRepo, kWorkflow, body, c, cb);
        });
        if (!dispatched.ok() || !dispatched.value.runId)
            return 0;
        forge.simulator->advance(std::chrono::minutes(20));
        return *dispatched.value.runId;
    }

private slots:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("RC_CONTRACT_CAPTURE", u"exchanges.jsonl"_s);
        capture.setFileName(path);
        QVERIFY2(capture.open(QIODevice::WriteOnly | QIODevice::Truncate),
                 qPrintable(capture.errorString()));
        QString error;
        QVERIFY2(forge.start(TransportOptions(), &error), qPrintable(error));
        enterprise = std::make_unique<GitHubClient>(forge.transport.get(),
                                                    forge.simulator->gitHubEnterpriseApiUrl());
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
        QVERIFY(resultOf<GitHubIdentity>([&](QObject *c, auto cb) {
                    forge.github->whoAmI(c, cb);
                }).ok());
        QVERIFY(
            resultOf<GitHubIdentity>([&](QObject *c, auto cb) { enterprise->whoAmI(c, cb); }).ok());
        // The fine-grained token, on the enterprise-style base of the same origin.
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               QString(ForgeSimulator::kGitHubFineGrainedToken));
        QVERIFY(resultOf<GitHubIdentity>([&](QObject *c, auto cb) {
                    forge.github->whoAmI(c, cb);
                }).ok());
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               u"ghp_NotAKnownToken"_s);
        QCOMPARE(resultOf<GitHubIdentity>([&](QObject *c, auto cb) {
                     forge.github->whoAmI(c, cb);
                 }).error.kind,
                 ForgeError::Kind::Unauthorized);
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               QString(ForgeSimulator::kGitHubClassicToken));
        QVERIFY(sendAndWait(forge.transport.get(), forge.github->requests().rateLimit()).ok());
    }

    void gitHubWorkflows()
    {
        QVERIFY(resultOf<GitHubWorkflow>([&](QObject *c, auto cb) {
                    forge.github->workflow(kOwner, kRepo, kWorkflow, c, cb);
                }).ok());
        QVERIFY(resultOf<GitHubWorkflow>([&](QObject *c, auto cb) {
                    forge.github->workflow(kOwner, kRepo, u"61000001"_s, c, cb);
                }).ok());
        QCOMPARE(resultOf<GitHubWorkflow>([&](QObject *c, auto cb) {
                     forge.github->workflow(kOwner, u"no-such-repo"_s, kWorkflow, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
    }

    void gitHubDispatches()
    {
        const auto dispatch = [&](GitHubClient *client, const QString &ref,
                                  const QJsonObject &inputs, bool returnRunDetails) {
            const QByteArray body = dispatchBody(ref, inputs, returnRunDetails);
            return resultOf<DispatchResult>([&](QObject *c, auto cb) {
                client->dispatchWorkflow(kOwner, kRepo, kWorkflow, body, c, cb);
            });
        };
        const auto withDetails = dispatch(forge.github.get(), u"main"_s, deployInputs(), true);
        QVERIFY2(withDetails.ok(), qPrintable(withDetails.error.describe()));
        QVERIFY(withDetails.value.runId);

        // An older GHES refuses return_run_details (400); the caller sends a body without it.
        forge.simulator->gitHub()->setEnterpriseMode(true);
        const auto refused = dispatch(enterprise.get(), u"dev"_s, deployInputs(), true);
        QVERIFY(isReturnRunDetailsRefusal(refused.error));
        const auto withoutDetails = dispatch(enterprise.get(), u"dev"_s, deployInputs(), false);
        forge.simulator->gitHub()->setEnterpriseMode(false);
        QVERIFY2(withoutDetails.ok(), qPrintable(withoutDetails.error.describe()));
        QVERIFY(!withoutDetails.value.runId);

        // GitHub's 422 answers: an unknown ref, and an input the workflow does not declare.
        QCOMPARE(dispatch(forge.github.get(), u"no-such-branch"_s, deployInputs(), true).error.kind,
                 ForgeError::Kind::Validation);
        QJsonObject unexpected = deployInputs();
        unexpected.insert(u"surprise"_s, u"x"_s);
        QCOMPARE(dispatch(forge.github.get(), u"main"_s, unexpected, true).error.kind,
                 ForgeError::Kind::Validation);

        const QByteArray repositoryBody =
            repositoryDispatchBody(u"conda-build"_s, QJsonObject {{u"recipe"_s, u"veloxchem"_s}});
        QVERIFY(resultOf<DispatchResult>([&](QObject *c, auto cb) {
                    forge.github->repositoryDispatch(kOwner, kRepo, repositoryBody, c, cb);
                }).ok());
    }

    void gitHubContentsAndBranches()
    {
        for (const QString &path :
             {u".github/workflows/deploy-cxx.yml"_s, u".github/workflows/deploy-raw.yml"_s,
              u".github/workflows/lint.yml"_s}) {
            QVERIFY(resultOf<QByteArray>([&](QObject *c, auto cb) {
                        forge.github->fileContents(kOwner, kRepo, path, u"main"_s, c, cb);
                    }).ok());
        }
        QVERIFY(resultOf<QByteArray>([&](QObject *c, auto cb) {
                    forge.github->fileContents(kOwner, kRepo, u".github/workflows/deploy-cxx.yml"_s,
                                               {}, c, cb);
                }).ok());
        // A directory (the client refuses it, the answer is still GitHub's shape), a missing
        // file and an unknown ref.
        QCOMPARE(resultOf<QByteArray>([&](QObject *c, auto cb) {
                     forge.github->fileContents(kOwner, kRepo, u".github/workflows"_s, u"dev"_s, c,
                                                cb);
                 }).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(resultOf<QByteArray>([&](QObject *c, auto cb) {
                     forge.github->fileContents(kOwner, kRepo, u"no/such/file.yml"_s, u"main"_s, c,
                                                cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
        QCOMPARE(resultOf<QByteArray>([&](QObject *c, auto cb) {
                     forge.github->fileContents(kOwner, kRepo, u".github/workflows/lint.yml"_s,
                                                u"no-such-ref"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
        for (const QString &name : {u"main"_s, u"dev"_s}) {
            QVERIFY(resultOf<GitHubBranch>([&](QObject *c, auto cb) {
                        forge.github->branch(kOwner, kRepo, name, c, cb);
                    }).ok());
        }
        QCOMPARE(resultOf<GitHubBranch>([&](QObject *c, auto cb) {
                     forge.github->branch(kOwner, kRepo, u"no-such-branch"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
    }

    void gitHubRunLists()
    {
        QVERIFY(dispatchAndFinish() != 0);
        RunQuery everything;
        QVERIFY(resultOf<Page<WorkflowRun>>([&](QObject *c, auto cb) {
                    forge.github->runs(kOwner, kRepo, everything, c, cb);
                }).ok());
        RunQuery filtered;
        filtered.workflow = kWorkflow;
        filtered.event = u"workflow_dispatch"_s;
        filtered.actor = u"octo-maintainer"_s;
        filtered.branch = u"main"_s;
        filtered.status = u"completed"_s;
        filtered.createdSince = forge.simulator->clock()->now().addDays(-30);
        filtered.perPage = 1;
        filtered.page = 1;
        const auto firstPage = resultOf<Page<WorkflowRun>>(
            [&](QObject *c, auto cb) { forge.github->runs(kOwner, kRepo, filtered, c, cb); });
        QVERIFY2(firstPage.ok(), qPrintable(firstPage.error.describe()));
        // The same list again: a conditional request answered 304.
        QVERIFY(resultOf<Page<WorkflowRun>>([&](QObject *c, auto cb) {
                    forge.github->runs(kOwner, kRepo, filtered, c, cb);
                }).ok());
        RunQuery created;
        created.created = u"2026-11-01..2026-11-30"_s;
        QVERIFY(resultOf<Page<WorkflowRun>>([&](QObject *c, auto cb) {
                    forge.github->runs(kOwner, kRepo, created, c, cb);
                }).ok());
    }

    void gitHubRunDetails()
    {
        forge.simulator->runs()->setPlatformOutcome(u"windows-*"_s,
                                                    rc::sandbox::BuildOutcome::JobFails);
        const qint64 runId = dispatchAndFinish();
        QVERIFY(runId != 0);
        QVERIFY(resultOf<WorkflowRun>([&](QObject *c, auto cb) {
                    forge.github->run(kOwner, kRepo, runId, c, cb);
                }).ok());
        const auto jobs = resultOf<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { forge.github->jobs(kOwner, kRepo, runId, c, cb); });
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        QVERIFY(jobs.value.size() >= 3);

        // The same list in pages of 3, following Link rel="next" as the client does.
        ForgeRequest page = forge.github->requests().jobs(kOwner, kRepo, runId, 3);
        int pages = 0;
        while (!page.url.isEmpty() && pages < 10) {
            const ForgeResponse response = sendAndWait(forge.transport.get(), page);
            QVERIFY2(response.ok(), qPrintable(response.error.describe()));
            page.url = nextPageUrl(response.headers, page.url);
            ++pages;
        }
        QVERIFY(pages >= 2);

        const auto artifacts = resultOf<QList<GitHubArtifact>>(
            [&](QObject *c, auto cb) { forge.github->artifacts(kOwner, kRepo, runId, c, cb); });
        QVERIFY2(artifacts.ok(), qPrintable(artifacts.error.describe()));
        QVERIFY(!artifacts.value.isEmpty());
        QVERIFY(resultOf<QByteArray>([&](QObject *c, auto cb) {
                    forge.github->artifactZip(kOwner, kRepo, artifacts.value.first().id, c, cb);
                }).ok());
        QVERIFY(resultOf<BuildSummary>([&](QObject *c, auto cb) {
                    forge.github->buildSummary(kOwner, kRepo, artifacts.value.first(), c, cb);
                }).ok());
        QVERIFY(resultOf<QByteArray>([&](QObject *c, auto cb) {
                    forge.github->jobLog(kOwner, kRepo, jobs.value.first().id, c, cb);
                }).ok());

        // Check-run annotations: a failed build job has some, the rest an empty list; pages of
        // one with their Link; the demo fine-grained token lacks checks: read (GitHub's 403).
        bool sawAnnotation = false;
        for (const WorkflowJob &job : jobs.value) {
            QVERIFY(job.checkRunId != 0);
            const auto annotations = resultOf<QList<CheckRunAnnotation>>([&](QObject *c, auto cb) {
                forge.github->annotations(kOwner, kRepo, job.checkRunId, c, cb);
            });
            QVERIFY2(annotations.ok(), qPrintable(annotations.error.describe()));
            sawAnnotation = sawAnnotation || !annotations.value.isEmpty();
        }
        QVERIFY(sawAnnotation);
        const ForgeRequest onePerPage = forge.github->requests().checkRunAnnotations(
            kOwner, kRepo, jobs.value.last().checkRunId, 1);
        QVERIFY(sendAndWait(forge.transport.get(), onePerPage).ok());
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               QString(ForgeSimulator::kGitHubFineGrainedToken));
        QCOMPARE(resultOf<QList<CheckRunAnnotation>>([&](QObject *c, auto cb) {
                     forge.github->annotations(kOwner, kRepo, jobs.value.first().checkRunId, c, cb);
                 }).error.kind,
                 ForgeError::Kind::Forbidden);
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               QString(ForgeSimulator::kGitHubClassicToken));

        // Re-run the failed jobs, then one job, then cancel the re-run while it runs.
        QVERIFY(resultOf<Done>([&](QObject *c, auto cb) {
                    forge.github->rerunFailedJobs(kOwner, kRepo, runId, c, cb);
                }).ok());
        forge.simulator->advance(std::chrono::minutes(20));
        QVERIFY(resultOf<Done>([&](QObject *c, auto cb) {
                    forge.github->rerunJob(kOwner, kRepo, jobs.value.first().id, c, cb);
                }).ok());
        QVERIFY(resultOf<Done>([&](QObject *c, auto cb) {
                    forge.github->cancelRun(kOwner, kRepo, runId, c, cb);
                }).ok());
        forge.simulator->advance(std::chrono::minutes(20));
        // Cancelling a completed run: GitHub's 409.
        QCOMPARE(resultOf<Done>([&](QObject *c, auto cb) {
                     forge.github->cancelRun(kOwner, kRepo, runId, c, cb);
                 }).error.kind,
                 ForgeError::Kind::Validation);
        forge.simulator->runs()->clearPlatformOutcomes();
    }

    // GraphQL is outside the REST description: validate.mjs checks these against GitHub's
    // GraphQL docs (request {query, variables}; answer {data} or {errors}; 401 basic error).
    void gitHubGraphql()
    {
        const QByteArray body = R"({"query":"query { viewer { login } }","variables":{}})";
        for (const QUrl &base :
             {forge.simulator->gitHubApiUrl(), forge.simulator->gitHubEnterpriseApiUrl()}) {
            // GitHub Enterprise serves GraphQL at /api/graphql, github.com at /graphql.
            QUrl endpoint = base;
            endpoint.setPath(base.path().isEmpty() ? u"/graphql"_s : u"/api/graphql"_s);
            ForgeRequest request = apiPost(Service::GitHub, endpoint, {}, body);
            request.expectedStatus = {200};
            const ForgeResponse response = sendAndWait(forge.transport.get(), request);
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
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(), QString());
        QUrl endpoint = forge.simulator->gitHubApiUrl();
        endpoint.setPath(u"/graphql"_s);
        QCOMPARE(sendAndWait(forge.transport.get(), apiPost(Service::GitHub, endpoint, {}, body))
                     .error.kind,
                 ForgeError::Kind::Unauthorized);
        forge.tokens->setToken(Service::GitHub, forge.simulator->gitHubApiUrl(),
                               QString(ForgeSimulator::kGitHubClassicToken));
    }

    void gitLabCalls()
    {
        const QString project = forge.simulator->gitLabProjectPath();
        QVERIFY(resultOf<GitLabTokenInfo>([&](QObject *c, auto cb) {
                    forge.gitlab->tokenInfo(c, cb);
                }).ok());
        QVERIFY(sendAndWait(forge.transport.get(), forge.gitlab->requests().version()).ok());
        QVERIFY(resultOf<GitLabProject>([&](QObject *c, auto cb) {
                    forge.gitlab->project(project, c, cb);
                }).ok());
        QVERIFY(resultOf<GitLabProject>([&](QObject *c, auto cb) {
                    forge.gitlab->project(u"42"_s, c, cb);
                }).ok());
        QCOMPARE(resultOf<GitLabProject>([&](QObject *c, auto cb) {
                     forge.gitlab->project(u"nobody/nothing"_s, c, cb);
                 }).error.kind,
                 ForgeError::Kind::NotFound);
        const auto commits = resultOf<Page<GitLabCommit>>([&](QObject *c, auto cb) {
            forge.gitlab->commits(project, u"master"_s, 1, 20, c, cb);
        });
        QVERIFY2(commits.ok(), qPrintable(commits.error.describe()));
        QVERIFY(commits.value.hasNext());
        QVERIFY(resultOf<Page<GitLabCommit>>([&](QObject *c, auto cb) {
                    forge.gitlab->commits(project, u"master"_s, 2, 20, c, cb);
                }).ok());
        QVERIFY(resultOf<Page<CommitWithPipeline>>([&](QObject *c, auto cb) {
                    forge.gitlab->commitsWithPipelines(project, u"master"_s, 1, 20, c, cb);
                }).ok());
        QVERIFY(resultOf<GitLabCommit>([&](QObject *c, auto cb) {
                    forge.gitlab->commit(project, commits.value.items.first().id, c, cb);
                }).ok());
        const auto pipelines = resultOf<Page<GitLabPipeline>>(
            [&](QObject *c, auto cb) { forge.gitlab->pipelines(project, u"master"_s, c, cb); });
        QVERIFY2(pipelines.ok(), qPrintable(pipelines.error.describe()));
        QVERIFY(!pipelines.value.items.isEmpty());
        const QString sha = rc::test::releasableSha(*forge.simulator);
        qint64 pipelineId = 0;
        for (const GitLabPipeline &pipeline : pipelines.value.items) {
            if (pipeline.sha == sha && pipeline.status == u"success")
                pipelineId = pipeline.id;
        }
        QVERIFY(pipelineId != 0);
        const auto jobs = resultOf<QList<GitLabJob>>(
            [&](QObject *c, auto cb) { forge.gitlab->pipelineJobs(project, pipelineId, c, cb); });
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        const auto tarballJob = findArtifactJob(jobs.value, u"conda-tarball"_s);
        QVERIFY(tarballJob);
        qint64 streamed = 0;
        const auto countBytes = [&streamed](QByteArrayView chunk) {
            streamed += chunk.size();
            return true;
        };
        QVERIFY(resultOf<Done>([&](QObject *c, auto cb) {
                    forge.gitlab->streamJobArtifact(project, tarballJob->id, u"veloxchem.tar.bz2"_s,
                                                    countBytes, c, cb);
                }).ok());
        QVERIFY(resultOf<Done>([&](QObject *c, auto cb) {
                    forge.gitlab->streamArchive(project, sha, u"tar.bz2"_s, countBytes, c, cb);
                }).ok());
        QVERIFY(streamed > 0);
        QVERIFY(resultOf<QByteArray>([&](QObject *c, auto cb) {
                    forge.gitlab->rawFile(project, u"src/pymodule/__init__.py"_s, sha, c, cb);
                }).ok());
    }

    void anacondaCalls()
    {
        const auto files = resultOf<AnacondaPackageFiles>([&](QObject *c, auto cb) {
            forge.anaconda->files(QString(ForgeSimulator::kChannel),
                                  QString(ForgeSimulator::kRecipe), c, cb);
        });
        QVERIFY2(files.ok(), qPrintable(files.error.describe()));
        QVERIFY(!files.value.files.isEmpty());
        const auto missing = resultOf<AnacondaPackageFiles>([&](QObject *c, auto cb) {
            forge.anaconda->files(QString(ForgeSimulator::kChannel), u"no-such-package"_s, c, cb);
        });
        QVERIFY2(missing.ok(), qPrintable(missing.error.describe()));
        QVERIFY(!missing.value.packageExists);
    }
};

QTEST_GUILESS_MAIN(TestContractCapture)
#include "tst_contractcapture.moc"
