// SPDX-License-Identifier: BSD-3-Clause
// The three clients end to end over loopback against a scripted server: multi-request flows
// (a dispatch sent once, paging, token self-inspection fallback, redirects of artifacts and logs).

#include "forge/anacondaclient.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forgetestsupport.h"
#include "sandbox/archives.h"
#include "testhttpserver.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace rc::forge;
using namespace rc::forge::test;
using namespace Qt::StringLiterals;

namespace {

const QString kGitHubToken = u"ghp_RCCANARYclassic0123456789"_s;
const QString kGitLabToken = u"glpat-RCCANARY0123456789"_s;

// A zip with one entry, as GitHub serves artifacts (the simulator's own writer).
QByteArray makeZip(const QString &name, const QByteArray &data)
{
    return rc::sandbox::makeZip({{name, data}},
                                QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC));
}

QByteArray jobJson(int id, const char *name)
{
    return "{\"id\":" + QByteArray::number(id) + ",\"run_id\":5,\"name\":\"" + name +
        "\",\"status\":\"completed\",\"conclusion\":\"success\",\"labels\":[],\"steps\":[]}";
}

}  // namespace

class TestForgeClients : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TransportFixture> fx;
    std::unique_ptr<TestHttpServer> api;
    std::unique_ptr<TestHttpServer> storage;  // another host (artifact/log storage)
    std::unique_ptr<GitHubClient> github;
    std::unique_ptr<GitLabClient> gitlab;
    std::unique_ptr<AnacondaClient> anaconda;

    QList<HttpRequest> requestsTo(const QByteArray &method, const QByteArray &path) const
    {
        QList<HttpRequest> out;
        for (const HttpRequest &r : api->requests()) {
            if (r.method == method && r.path() == path)
                out.append(r);
        }
        return out;
    }

private slots:
    void init()
    {
        fx = std::make_unique<TransportFixture>();
        api = std::make_unique<TestHttpServer>();
        storage = std::make_unique<TestHttpServer>();
        QVERIFY(api->listen());
        QVERIFY(storage->listen());
        fx->tokens.setToken(Service::GitHub, api->url(), kGitHubToken);
        fx->tokens.setToken(Service::GitLab, api->url(), kGitLabToken);
        github = std::make_unique<GitHubClient>(&fx->transport, api->url(u"/api/v3"_s));
        gitlab = std::make_unique<GitLabClient>(&fx->transport, api->url(u"/api/v4"_s));
        anaconda = std::make_unique<AnacondaClient>(&fx->transport, api->url());
    }
    void cleanup()
    {
        github.reset();
        gitlab.reset();
        anaconda.reset();
        fx.reset();
        api.reset();
        storage.reset();
    }

    void whoAmI()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(200, "{\"login\":\"octocat\",\"id\":1}",
                          {{"X-OAuth-Scopes", "repo, workflow"},
                           {"GitHub-Authentication-Token-Expiration", "2026-12-01 10:00:00 UTC"}});
        });
        ForgeResult<GitHubIdentity> r;
        QVERIFY(
            waitForResult<GitHubIdentity>([&](QObject *c, auto cb) { github->whoAmI(c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.login, u"octocat"_s);
        QCOMPARE(r.value.tokenKind, GitHubTokenKind::Classic);
        QCOMPARE(r.value.scopes, (QStringList {u"repo"_s, u"workflow"_s}));
        QVERIFY(r.value.expiresAt);
        QCOMPARE(api->requests().first().path(), QByteArray("/api/v3/user"));
    }

    void dispatchWithRunDetails()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(200,
                          "{\"workflow_run_id\":77,\"run_url\":\"https://x/runs/"
                          "77\",\"html_url\":\"https://x/h/77\"}",
                          {{"Date", "Wed, 25 Nov 2026 08:00:05 GMT"}});
        });
        // Spacing and key order of the caller's body survive: the bytes are sent as given.
        const QByteArray body = "{ \"ref\":\"main\", \"inputs\":{\"recipe\":\"pb11mpi\", "
                                "\"patch\":\"100%% '\\\\'\"},\"return_run_details\":true}";
        ForgeResult<DispatchResult> r;
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) {
                github->dispatchWorkflow(u"o"_s, u"r"_s, u"deploy-cxx.yml"_s, body, c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(*r.value.runId, 77);
        QCOMPARE(*r.value.serverDate,
                 QDateTime(QDate(2026, 11, 25), QTime(8, 0, 5), QTimeZone::UTC));
        QCOMPARE(api->count("POST"), 1);
        QCOMPARE(api->requests().first().body, body);
        QCOMPARE(api->requests().first().path(),
                 QByteArray("/api/v3/repos/o/r/actions/workflows/deploy-cxx.yml/dispatches"));
    }

    void dispatchRefusalIsNotResent_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("400") << 400;
        QTest::newRow("422") << 422;
    }
    void dispatchRefusalIsNotResent()
    {
        QFETCH(int, status);
        api->setHandler([status](const HttpRequest &) {
            return answer(status,
                          "{\"message\":\"Invalid request.\\n\\n\\\"return_run_details\\\" is "
                          "not a permitted key.\"}",
                          {{"Date", "Wed, 25 Nov 2026 08:00:07 GMT"}});
        });
        ForgeResult<DispatchResult> r;
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) {
                github->dispatchWorkflow(u"o"_s, u"r"_s, u"deploy-cxx.yml"_s,
                                         "{\"ref\":\"main\",\"inputs\":{},"
                                         "\"return_run_details\":true}",
                                         c, cb);
            },
            &r));
        QCOMPARE(r.error.kind, ForgeError::Kind::Validation);
        QVERIFY(isReturnRunDetailsRefusal(r.error));
        QVERIFY(!r.value.runId);
        // The server's clock at the refusal, for the flow that decides what comes next.
        QCOMPARE(*r.value.serverDate,
                 QDateTime(QDate(2026, 11, 25), QTime(8, 0, 7), QTimeZone::UTC));
        // `done` ran with the refusal: a resend would have happened before it.
        QCOMPARE(api->count("POST"), 1);
    }

    void dispatchNeverRepeatedOnOtherErrors_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("kind");
        QTest::newRow("422 inputs")
            << answer(422, "{\"message\":\"Unexpected inputs provided: [\\\"x\\\"]\"}").raw
            << int(ForgeError::Kind::Validation);
        QTest::newRow("500") << answer(500, "{\"message\":\"oops\"}").raw
                             << int(ForgeError::Kind::Server);
        QTest::newRow("502 html") << answer(502, "<html/>", {}, "text/html").raw
                                  << int(ForgeError::Kind::Server);
        QTest::newRow("hang") << QByteArray() << int(ForgeError::Kind::Timeout);
        QTest::newRow("400 refusal")
            << answer(400, "{\"message\":\"\\\"return_run_details\\\" is not a permitted key.\"}")
                   .raw
            << int(ForgeError::Kind::Validation);
        QTest::newRow("truncated") << answer(200, "{\"workflow", {{"Content-Length", "80"}}).raw
                                   << int(ForgeError::Kind::Network);
        QTest::newRow("403 forbidden")
            << answer(403, "{\"message\":\"Resource not accessible by personal access token\"}",
                      {{"X-Accepted-GitHub-Permissions", "actions=write"}})
                   .raw
            << int(ForgeError::Kind::Forbidden);
    }
    void dispatchNeverRepeatedOnOtherErrors()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, kind);
        if (raw.isEmpty())
            fx->shortenInactivityTimeout();
        api->setHandler([&](const HttpRequest &) { return HttpAnswer {raw, raw.isEmpty(), 0}; });
        ForgeResult<DispatchResult> r;
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) {
                github->dispatchWorkflow(u"o"_s, u"r"_s, u"w.yml"_s,
                                         "{\"ref\":\"main\",\"return_run_details\":true}", c, cb);
            },
            &r));
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(api->count("POST"), 1);
        QVERIFY(!r.value.runId);
        // No answer, no server clock: the caller falls back to its own.
        if (raw.isEmpty())
            QVERIFY(!r.value.serverDate);
    }

    void repositoryDispatch()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(204, {}, {{"Date", "Wed, 25 Nov 2026 08:00:09 GMT"}});
        });
        const QByteArray body =
            "{\"event_type\":\"conda-build\",\"client_payload\":{\"recipe\":\"x\"}}";
        ForgeResult<DispatchResult> r;
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) { github->repositoryDispatch(u"o"_s, u"r"_s, body, c, cb); },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(!r.value.runId);
        QCOMPARE(*r.value.serverDate,
                 QDateTime(QDate(2026, 11, 25), QTime(8, 0, 9), QTimeZone::UTC));
        QCOMPARE(api->requests().first().path(), QByteArray("/api/v3/repos/o/r/dispatches"));
        QCOMPARE(api->requests().first().body, body);
    }

    void fileContentsAndBranch()
    {
        const QByteArray yaml = "on:\n  workflow_dispatch:\n";
        api->setHandler([&](const HttpRequest &req) {
            if (req.path().contains("/branches/"))
                return answer(200, "{\"name\":\"dev\",\"commit\":{\"sha\":\"abc123\"}}");
            if (req.path().endsWith("/contents/.github/workflows"))
                return answer(200, "[{\"type\":\"file\",\"name\":\"deploy-cxx.yml\"}]");
            return answer(200,
                          "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":" +
                              QByteArray::number(yaml.size()) + ",\"content\":\"" +
                              yaml.toBase64() + "\\n\"}");
        });
        ForgeResult<QByteArray> file;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                github->fileContents(u"o"_s, u"r"_s, u".github/workflows/deploy-cxx.yml"_s,
                                     u"dev"_s, c, cb);
            },
            &file));
        QVERIFY2(file.ok(), qPrintable(file.error.describe()));
        QCOMPARE(file.value, yaml);
        QCOMPARE(api->requests().last().target,
                 QByteArray("/api/v3/repos/o/r/contents/.github/workflows/deploy-cxx.yml?ref=dev"));
        ForgeResult<QByteArray> directory;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                github->fileContents(u"o"_s, u"r"_s, u".github/workflows"_s, {}, c, cb);
            },
            &directory));
        QCOMPARE(directory.error.kind, ForgeError::Kind::BadResponse);
        ForgeResult<GitHubBranch> branch;
        QVERIFY(waitForResult<GitHubBranch>(
            [&](QObject *c, auto cb) { github->branch(u"o"_s, u"r"_s, u"dev"_s, c, cb); },
            &branch));
        QVERIFY2(branch.ok(), qPrintable(branch.error.describe()));
        QCOMPARE(branch.value.sha, u"abc123"_s);
    }

    void runsAndRun()
    {
        api->setHandler([](const HttpRequest &req) {
            if (req.path().endsWith("/runs"))
                return answer(200,
                              "{\"total_count\":1,\"workflow_runs\":[{\"id\":9,\"status\":"
                              "\"queued\",\"event\":\"workflow_dispatch\"}]}",
                              {{"ETag", "W/\"r1\""}});
            return answer(200, "{\"id\":9,\"status\":\"in_progress\"}");
        });
        RunQuery q;
        q.workflow = u"w.yml"_s;
        q.event = u"workflow_dispatch"_s;
        ForgeResult<Page<WorkflowRun>> runs;
        QVERIFY(waitForResult<Page<WorkflowRun>>(
            [&](QObject *c, auto cb) { github->runs(u"o"_s, u"r"_s, q, c, cb); }, &runs));
        QVERIFY(runs.ok());
        QCOMPARE(runs.value.items.first().id, 9);
        QCOMPARE(api->requests().first().target,
                 QByteArray("/api/v3/repos/o/r/actions/workflows/w.yml/"
                            "runs?event=workflow_dispatch&per_page=30"));
        ForgeResult<WorkflowRun> run;
        QVERIFY(waitForResult<WorkflowRun>(
            [&](QObject *c, auto cb) { github->run(u"o"_s, u"r"_s, 9, c, cb); }, &run));
        QCOMPARE(run.value.status, u"in_progress"_s);
    }

    void jobsAllPages()
    {
        api->setHandler([&](const HttpRequest &req) {
            if (!req.target.contains("page=2"))
                return answer(
                    200,
                    "{\"total_count\":3,\"jobs\":[" + jobJson(1, "prepare") + "," +
                        jobJson(2, "build (a)") + "]}",
                    {{"Link",
                      "<" +
                          api->url(u"/api/v3/repos/o/r/actions/runs/5/jobs?per_page=100&page=2"_s)
                              .toEncoded() +
                          ">; rel=\"next\", <x>; rel=\"last\""}});
            return answer(200, "{\"total_count\":3,\"jobs\":[" + jobJson(3, "summary") + "]}");
        });
        ForgeResult<QList<WorkflowJob>> r;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github->jobs(u"o"_s, u"r"_s, 5, c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.size(), 3);
        QCOMPARE(r.value.last().name, u"summary"_s);
        QCOMPARE(api->requests().size(), 2);
        QVERIFY(api->requests().last().headers.contains("authorization"));
    }

    void jobsPageFailureGivesNothingPartial()
    {
        api->setHandler([&](const HttpRequest &req) {
            if (!req.target.contains("page=2"))
                return answer(
                    200, "{\"jobs\":[" + jobJson(1, "prepare") + "]}",
                    {{"Link",
                      "<" + api->url(u"/api/v3/j?page=2"_s).toEncoded() + ">; rel=\"next\""}});
            return answer(200, "<html>", {}, "text/html");
        });
        ForgeResult<QList<WorkflowJob>> r;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github->jobs(u"o"_s, u"r"_s, 5, c, cb); }, &r));
        QCOMPARE(r.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY(r.value.isEmpty());
    }

    // A next page that was already read (a Link to the same page, or a cycle) would be fetched
    // again and again up to the page cap, every job appearing once per request.
    void pagingStopsWhenNextPointsBack_data()
    {
        QTest::addColumn<bool>("gitLab");
        QTest::addColumn<bool>("cycle");  // page 2 points back to page 1 (else page 1 to itself)
        QTest::newRow("github link to itself") << false << false;
        QTest::newRow("github link back to the first page") << false << true;
        QTest::newRow("gitlab x-next-page to itself") << true << false;
        QTest::newRow("gitlab x-next-page back to the first page") << true << true;
    }
    void pagingStopsWhenNextPointsBack()
    {
        QFETCH(bool, gitLab);
        QFETCH(bool, cycle);
        QByteArray firstTarget;
        api->setHandler([&](const HttpRequest &req) {
            if (firstTarget.isEmpty())
                firstTarget = req.target;
            const bool second = req.target.contains("page=2");
            if (gitLab)
                return answer(200, "[{\"id\":1,\"name\":\"build\",\"status\":\"success\"}]",
                              {{"X-Next-Page", cycle && !second ? "2" : "1"}});
            // Itself, or page 1 → page 2 → page 1.
            const QByteArray next = !cycle ? req.target
                : second                   ? firstTarget
                                           : firstTarget + "&page=2";
            return answer(200, "{\"jobs\":[" + jobJson(second ? 2 : 1, "build") + "]}",
                          {{"Link", "<" + api->url().toEncoded() + next + ">; rel=\"next\""}});
        });
        if (gitLab) {
            ForgeResult<QList<GitLabJob>> r;
            QVERIFY(waitForResult<QList<GitLabJob>>(
                [&](QObject *c, auto cb) { gitlab->pipelineJobs(u"12"_s, 50, c, cb); }, &r));
            QCOMPARE(r.error.kind, ForgeError::Kind::BadResponse);
            QVERIFY(r.value.isEmpty());
        } else {
            ForgeResult<QList<WorkflowJob>> r;
            QVERIFY(waitForResult<QList<WorkflowJob>>(
                [&](QObject *c, auto cb) { github->jobs(u"o"_s, u"r"_s, 5, c, cb); }, &r));
            QCOMPARE(r.error.kind, ForgeError::Kind::BadResponse);
            QVERIFY(r.value.isEmpty());
        }
        QVERIFY2(api->requests().size() <= 3, qPrintable(QString::number(api->requests().size())));
    }

    void endlessListIsAnErrorNotAPart()
    {
        // Every page names a next one: after the client's page limit, an error, not the pages read.
        api->setHandler([&](const HttpRequest &req) {
            const int page = req.target.contains("page=")
                ? QByteArray(req.target.mid(req.target.indexOf("page=") + 5)).toInt()
                : 1;
            const QByteArray next = api->url().toEncoded() +
                "/repos/o/r/actions/runs/5/jobs?page=" + QByteArray::number(page + 1);
            return answer(200, "{\"jobs\":[" + jobJson(page, "build") + "]}",
                          {{"Link", "<" + next + ">; rel=\"next\""}});
        });
        ForgeResult<QList<WorkflowJob>> r;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github->jobs(u"o"_s, u"r"_s, 5, c, cb); }, &r));
        QCOMPARE(r.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY2(r.error.message.contains(u"pages"_s), qPrintable(r.error.message));
        QVERIFY(r.value.isEmpty());
    }

    void artifactSummaryRedirectedWithoutToken()
    {
        const QByteArray zip = makeZip(u"summary.json"_s, "{\"outcome\":\"success\"}");
        api->setHandler([&](const HttpRequest &req) {
            if (req.path().endsWith("/artifacts"))
                return answer(200,
                              "{\"total_count\":1,\"artifacts\":[{\"id\":11,\"name\":\"build_"
                              "summary-ubuntu-latest_3.12_mpich\",\"size_in_bytes\":10}]}");
            return redirect(302, storage->url(u"/blob/11.zip?sig=x"_s));
        });
        storage->setHandler(
            [&](const HttpRequest &) { return answer(200, zip, {}, "application/zip"); });
        ForgeResult<QList<GitHubArtifact>> list;
        QVERIFY(waitForResult<QList<GitHubArtifact>>(
            [&](QObject *c, auto cb) { github->artifacts(u"o"_s, u"r"_s, 5, c, cb); }, &list));
        QVERIFY(list.ok());
        ForgeResult<BuildSummary> s;
        QVERIFY(waitForResult<BuildSummary>(
            [&](QObject *c, auto cb) {
                github->buildSummary(u"o"_s, u"r"_s, list.value.first(), c, cb);
            },
            &s));
        QVERIFY2(s.ok(), qPrintable(s.error.describe()));
        QCOMPARE(s.value.outcome, u"success"_s);
        QCOMPARE(storage->requests().size(), 1);
        QVERIFY(!storage->requests().first().headers.contains("authorization"));
        QVERIFY(requestsTo("GET", "/api/v3/repos/o/r/actions/artifacts/11/zip")
                    .first()
                    .headers.contains("authorization"));
    }

    void jobLogRedirectedWithoutToken()
    {
        api->setHandler(
            [&](const HttpRequest &) { return redirect(302, storage->url(u"/logs/2.txt"_s)); });
        storage->setHandler([](const HttpRequest &) {
            return answer(200, "2026-11-25T08:00:00Z line\n", {}, "text/plain");
        });
        ForgeResult<QByteArray> r;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) { github->jobLog(u"o"_s, u"r"_s, 2, c, cb); }, &r));
        QVERIFY(r.ok());
        QVERIFY(r.value.contains("line"));
        QVERIFY(!storage->requests().first().headers.contains("authorization"));
    }

    void runControls()
    {
        api->setHandler([](const HttpRequest &req) {
            if (req.path().endsWith("/cancel"))
                return answer(202, "{}");
            return answer(201, "{}");
        });
        ForgeResult<Done> r;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) { github->cancelRun(u"o"_s, u"r"_s, 5, c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) { github->rerunFailedJobs(u"o"_s, u"r"_s, 5, c, cb); }, &r));
        QVERIFY(r.ok());
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) { github->rerunJob(u"o"_s, u"r"_s, 3, c, cb); }, &r));
        QVERIFY(r.ok());
        QCOMPARE(api->count("POST"), 3);
        // A cancel of a finished run: 409, reported as is, not repeated.
        api->setHandler([](const HttpRequest &) {
            return answer(409, "{\"message\":\"Cannot cancel a workflow run that is completed.\"}");
        });
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) { github->cancelRun(u"o"_s, u"r"_s, 5, c, cb); }, &r));
        QCOMPARE(r.error.kind, ForgeError::Kind::Validation);
        QCOMPARE(api->count("POST"), 4);
    }

    void gitLabTokenInfo()
    {
        api->setHandler([](const HttpRequest &req) {
            if (req.path() == "/api/v4/personal_access_tokens/self")
                return answer(200,
                              "{\"id\":4,\"name\":\"rc\",\"scopes\":[\"read_api\"],\"active\":true,"
                              "\"revoked\":false,\"expires_at\":\"2026-12-01\",\"user_id\":3}");
            return answer(200, "{\"id\":3,\"username\":\"robertodr\"}");
        });
        ForgeResult<GitLabTokenInfo> r;
        QVERIFY(waitForResult<GitLabTokenInfo>(
            [&](QObject *c, auto cb) { gitlab->tokenInfo(c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.username, u"robertodr"_s);
        QCOMPARE(r.value.scopes, QStringList {u"read_api"_s});
        QVERIFY(r.value.scopesKnown);
        QCOMPARE(api->requests().first().headers.value("private-token"), kGitLabToken.toLatin1());
    }

    void gitLabTokenInfoFallsBackToUser()
    {
        api->setHandler([](const HttpRequest &req) {
            if (req.path() == "/api/v4/personal_access_tokens/self")
                return answer(404, "{\"message\":\"404 Not Found\"}");
            return answer(200, "{\"id\":3,\"username\":\"robertodr\"}");
        });
        ForgeResult<GitLabTokenInfo> r;
        QVERIFY(waitForResult<GitLabTokenInfo>(
            [&](QObject *c, auto cb) { gitlab->tokenInfo(c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.username, u"robertodr"_s);
        QVERIFY(!r.value.scopesKnown);

        api->setHandler(
            [](const HttpRequest &) { return answer(401, "{\"message\":\"401 Unauthorized\"}"); });
        QVERIFY(waitForResult<GitLabTokenInfo>(
            [&](QObject *c, auto cb) { gitlab->tokenInfo(c, cb); }, &r));
        QCOMPARE(r.error.kind, ForgeError::Kind::Unauthorized);
        QCOMPARE(r.error.message, u"401 Unauthorized"_s);
    }

    void gitLabCommitsWithPipelines()
    {
        api->setHandler([](const HttpRequest &req) {
            if (req.path().endsWith("/repository/commits"))
                return answer(200,
                              "[{\"id\":\"aaaa\",\"title\":\"[conda-build] "
                              "1.0\"},{\"id\":\"bbbb\",\"title\":\"fix\"}]",
                              {{"X-Next-Page", "2"}, {"X-Page", "1"}});
            return answer(200,
                          "[{\"id\":2,\"sha\":\"aaaa\",\"status\":\"running\"},{\"id\":1,\"sha\":"
                          "\"aaaa\",\"status\":\"failed\"}]");
        });
        ForgeResult<Page<CommitWithPipeline>> r;
        QVERIFY(waitForResult<Page<CommitWithPipeline>>(
            [&](QObject *c, auto cb) {
                gitlab->commitsWithPipelines(u"group/project"_s, u"main"_s, 1, 20, c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.items.size(), 2);
        QCOMPARE(r.value.items.first().pipeline->status, u"running"_s);
        QVERIFY(!r.value.items.last().pipeline);
        QVERIFY(r.value.hasNext());
        QVERIFY(r.value.next.toEncoded().contains("page=2"));
        QCOMPARE(api->requests().first().target,
                 QByteArray("/api/v4/projects/group%2Fproject/repository/"
                            "commits?ref_name=main&per_page=20&page=1"));
        QCOMPARE(api->requests().last().target,
                 QByteArray("/api/v4/projects/group%2Fproject/pipelines?ref=main&per_page=100"));
    }

    void gitLabPipelineJobsPaged()
    {
        api->setHandler([](const HttpRequest &req) {
            if (!req.target.contains("page=2"))
                return answer(200, "[{\"id\":1,\"name\":\"build\",\"status\":\"success\"}]",
                              {{"X-Next-Page", "2"}});
            return answer(200,
                          "[{\"id\":2,\"name\":\"tarball\",\"status\":\"success\",\"artifacts\":[{"
                          "\"file_type\":\"archive\",\"filename\":\"artifacts.zip\",\"size\":9}]}]",
                          {{"X-Next-Page", ""}});
        });
        ForgeResult<QList<GitLabJob>> r;
        QVERIFY(waitForResult<QList<GitLabJob>>(
            [&](QObject *c, auto cb) { gitlab->pipelineJobs(u"12"_s, 50, c, cb); }, &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.size(), 2);
        QCOMPARE(findArtifactJob(r.value, u"tarball"_s)->id, 2);
    }

    void gitLabStreamsArtifactAndArchive()
    {
        const QByteArray tarball = QByteArray(700 * 1024, 'B');
        api->setHandler([&](const HttpRequest &req) {
            if (req.path().contains("/jobs/"))
                return redirect(302, storage->url(u"/object-store/artifact"_s));
            return answer(200, tarball, {}, "application/x-bzip2");
        });
        storage->setHandler([&](const HttpRequest &) {
            return answer(200, tarball, {}, "application/octet-stream");
        });
        QByteArray got;
        ForgeResult<Done> r;
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                gitlab->streamJobArtifact(
                    u"12"_s, 99, u"pb11mpi.tar.bz2"_s,
                    [&](QByteArrayView chunk) {
                        got.append(chunk);
                        return true;
                    },
                    c, cb);
            },
            &r));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(got == tarball);
        QCOMPARE(api->requests().first().target,
                 QByteArray("/api/v4/projects/12/jobs/99/artifacts/pb11mpi.tar.bz2"));
        QVERIFY(api->requests().first().headers.contains("private-token"));
        QVERIFY(!storage->requests().first().headers.contains("private-token"));

        got.clear();
        QVERIFY(waitForResult<Done>(
            [&](QObject *c, auto cb) {
                gitlab->streamArchive(
                    u"12"_s, u"abc"_s, u"tar.bz2"_s,
                    [&](QByteArrayView chunk) {
                        got.append(chunk);
                        return true;
                    },
                    c, cb);
            },
            &r));
        QVERIFY(r.ok());
        QCOMPARE(got.size(), tarball.size());
    }

    void gitLabRawFile()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(200, "__version__ = \"1.0\"\n", {}, "text/plain");
        });
        ForgeResult<QByteArray> r;
        QVERIFY(waitForResult<QByteArray>(
            [&](QObject *c, auto cb) {
                gitlab->rawFile(u"12"_s, u"src/pymodule/__init__.py"_s, u"abc"_s, c, cb);
            },
            &r));
        QVERIFY(r.ok());
        QCOMPARE(r.value, QByteArray("__version__ = \"1.0\"\n"));
        QCOMPARE(
            api->requests().first().target,
            QByteArray(
                "/api/v4/projects/12/repository/files/src%2Fpymodule%2F__init__.py/raw?ref=abc"));
    }

    void anacondaFiles()
    {
        api->setHandler([](const HttpRequest &req) {
            if (req.path() == "/package/robertodr/veloxchem/files")
                return answer(200,
                              "[{\"basename\":\"linux-64/"
                              "veloxchem-1.0-py312_4.tar.bz2\",\"version\":\"1.0\",\"labels\":["
                              "\"dev\"],\"attrs\":{\"build_number\":4}}]");
            return answer(404, "{\"error\":\"Package not found\"}");
        });
        ForgeResult<AnacondaPackageFiles> r;
        QVERIFY(waitForResult<AnacondaPackageFiles>(
            [&](QObject *c, auto cb) { anaconda->files(u"robertodr"_s, u"veloxchem"_s, c, cb); },
            &r));
        QVERIFY(r.ok());
        QCOMPARE(r.value.nextBuildNumber(u"1.0"_s), 5);
        QVERIFY(r.value.isPublished(u"1.0"_s, 4, u"dev"_s));
        QVERIFY(!api->requests().first().headers.contains("authorization"));
        QVERIFY(waitForResult<AnacondaPackageFiles>(
            [&](QObject *c, auto cb) { anaconda->files(u"robertodr"_s, u"newpkg"_s, c, cb); }, &r));
        QVERIFY(r.ok());
        QVERIFY(!r.value.packageExists);
        QCOMPARE(r.value.nextBuildNumber(u"1.0"_s), 0);
    }

    void destroyingTheContextCancels()
    {
        api->setHandler([](const HttpRequest &) { return HttpAnswer {{}, true, 0}; });
        bool called = false;
        auto context = std::make_unique<QObject>();
        ForgeReply *reply = github->run(u"o"_s, u"r"_s, 1, context.get(),
                                        [&](const ForgeResult<WorkflowRun> &) { called = true; });
        QPointer<ForgeReply> guard(reply);
        context.reset();
        QTRY_VERIFY(guard.isNull());
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestForgeClients)
#include "tst_forgeclients.moc"
