// SPDX-License-Identifier: BSD-3-Clause
// Pure request builders and response parsers of the three clients.

#include "forge/anaconda.h"
#include "forge/github.h"
#include "forge/gitlab.h"
#include "forge/transport.h"
#include "forge/zipreader.h"
#include "sandbox/archives.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace rc::forge;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(rc::forge::Method)
Q_DECLARE_METATYPE(rc::forge::Expect)
Q_DECLARE_METATYPE(ForgeError::Kind)

namespace {

ForgeResponse jsonResponse(const QByteArray &json,
                           const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    ForgeResponse r;
    r.httpStatus = 200;
    r.json = QJsonDocument::fromJson(json);
    r.finalUrl = QUrl(u"https://api.example/x?page=1"_s);
    for (const auto &[n, v] : headers)
        r.headers.append(n, v);
    return r;
}

// A zip in memory with the given entries, as GitHub serves artifacts (the simulator's writer).
QByteArray makeZip(const QList<std::pair<QString, QByteArray>> &entries)
{
    QList<rc::sandbox::ArchiveEntry> archiveEntries;
    for (const auto &[name, data] : entries)
        archiveEntries.append({name, data});
    return rc::sandbox::makeZip(archiveEntries,
                                QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC));
}

}  // namespace

class TestForgeRequests : public QObject
{
    Q_OBJECT
private slots:
    void builders_data()
    {
        QTest::addColumn<ForgeRequest>("request");
        QTest::addColumn<Method>("method");
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Expect>("expect");
        QTest::addColumn<bool>("conditional");

        const GitHubRequests gh(QUrl(u"https://api.github.com"_s));
        const GitHubRequests ghes(QUrl(u"https://ghe.example.org/api/v3/"_s));
        const QString o = u"VeloxChem"_s, r = u"meta-vlx"_s;
        QTest::newRow("gh user") << gh.user() << Method::Get
                                 << QByteArray("https://api.github.com/user") << QByteArray()
                                 << Expect::Json << false;
        QTest::newRow("ghes user")
            << ghes.user() << Method::Get << QByteArray("https://ghe.example.org/api/v3/user")
            << QByteArray() << Expect::Json << false;
        QTest::newRow("gh workflow") << gh.workflow(o, r, u"deploy-cxx.yml"_s) << Method::Get
                                     << QByteArray("https://api.github.com/repos/VeloxChem/"
                                                   "meta-vlx/actions/workflows/deploy-cxx.yml")
                                     << QByteArray() << Expect::Json << true;
        // Pretty-printed, keys unsorted, an escaped slash and a non-ASCII character: sent as is.
        const QByteArray dispatchBody =
            "{\n  \"ref\": \"main\",\n  \"inputs\": {\"recipe\": \"veloxchem\", \"patch\": "
            "\"a\\/b \\u00e9 %% \\\\ '\"},\n  \"return_run_details\": true\n}\n";
        QTest::newRow("gh dispatch as given")
            << gh.workflowDispatch(o, r, u"deploy-cxx.yml"_s, dispatchBody) << Method::Post
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/workflows/"
                          "deploy-cxx.yml/dispatches")
            << dispatchBody << Expect::Json << false;
        QTest::newRow("ghes dispatch by id")
            << ghes.workflowDispatch(o, r, u"61000001"_s, dispatchBody) << Method::Post
            << QByteArray("https://ghe.example.org/api/v3/repos/VeloxChem/meta-vlx/actions/"
                          "workflows/61000001/dispatches")
            << dispatchBody << Expect::Json << false;
        const QByteArray repositoryBody =
            "{\"event_type\":\"conda-build\",\"client_payload\":{\"recipe\":\"veloxchem\"}}";
        QTest::newRow("gh repository dispatch")
            << gh.repositoryDispatch(o, r, repositoryBody) << Method::Post
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/dispatches")
            << repositoryBody << Expect::Empty << false;
        QTest::newRow("gh contents")
            << gh.contents(o, r, u".github/workflows/deploy cxx#1.yml"_s,
                           u"refs/heads/feature/a&b"_s)
            << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/contents/.github/"
                          "workflows/deploy%20cxx%231.yml?ref=refs%2Fheads%2Ffeature%2Fa%26b")
            << QByteArray() << Expect::Json << false;
        QTest::newRow("gh contents default ref")
            << gh.contents(o, r, u"README.md"_s, QString()) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/contents/README.md")
            << QByteArray() << Expect::Json << false;
        QTest::newRow("gh branch")
            << gh.branch(o, r, u"release/1.0"_s) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/branches/release%2F1.0")
            << QByteArray() << Expect::Json << true;
        RunQuery q;
        q.workflow = u"deploy-cxx.yml"_s;
        q.event = u"workflow_dispatch"_s;
        q.actor = u"octo cat"_s;
        q.branch = u"main"_s;
        q.status = u"in_progress"_s;
        q.createdSince = QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
        q.perPage = 10;
        QTest::newRow("gh runs")
            << gh.runs(o, r, q) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/workflows/"
                          "deploy-cxx.yml/runs"
                          "?event=workflow_dispatch&actor=octo%20cat&branch=main&status=in_"
                          "progress&created=%3E%3D2026-11-25T08%3A00%3A00Z&per_page=10")
            << QByteArray() << Expect::Json << true;
        RunQuery plus;
        plus.created = u">=2026-11-25T08:00:00+01:00"_s;
        plus.perPage = 0;
        QTest::newRow("gh runs plus encoded")
            << gh.runs(o, r, plus) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/"
                          "runs?created=%3E%3D2026-11-25T08%3A00%3A00%2B01%3A00")
            << QByteArray() << Expect::Json << true;
        QTest::newRow("gh run")
            << gh.run(o, r, 42) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/runs/42")
            << QByteArray() << Expect::Json << true;
        QTest::newRow("gh jobs") << gh.jobs(o, r, 42) << Method::Get
                                 << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/"
                                               "actions/runs/42/jobs?per_page=100")
                                 << QByteArray() << Expect::Json << true;
        QTest::newRow("gh artifacts")
            << gh.artifacts(o, r, 42) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/runs/42/"
                          "artifacts?per_page=100")
            << QByteArray() << Expect::Json << true;
        QTest::newRow("gh artifact zip")
            << gh.artifactZip(o, r, 7) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/artifacts/7/zip")
            << QByteArray() << Expect::Bytes << false;
        QTest::newRow("gh job log")
            << gh.jobLog(o, r, 9) << Method::Get
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/jobs/9/logs")
            << QByteArray() << Expect::Bytes << false;
        QTest::newRow("gh cancel")
            << gh.cancelRun(o, r, 42) << Method::Post
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/runs/42/cancel")
            << QByteArray() << Expect::Empty << false;
        QTest::newRow("gh rerun failed") << gh.rerunFailedJobs(o, r, 42) << Method::Post
                                         << QByteArray("https://api.github.com/repos/VeloxChem/"
                                                       "meta-vlx/actions/runs/42/rerun-failed-jobs")
                                         << QByteArray() << Expect::Empty << false;
        QTest::newRow("gh rerun job")
            << gh.rerunJob(o, r, 9) << Method::Post
            << QByteArray("https://api.github.com/repos/VeloxChem/meta-vlx/actions/jobs/9/rerun")
            << QByteArray() << Expect::Empty << false;

        const GitLabRequests gl(QUrl(u"https://gitlab.example.org/api/v4"_s));
        const QString p = u"veloxchem/veloxchem"_s;
        QTest::newRow("gl self")
            << gl.tokenSelf() << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/personal_access_tokens/self")
            << QByteArray() << Expect::Json << false;
        QTest::newRow("gl user") << gl.user() << Method::Get
                                 << QByteArray("https://gitlab.example.org/api/v4/user")
                                 << QByteArray() << Expect::Json << false;
        QTest::newRow("gl project by path")
            << gl.project(p) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/veloxchem%2Fveloxchem")
            << QByteArray() << Expect::Json << false;
        QTest::newRow("gl project nested")
            << gl.project(u"a/b/c.d"_s) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/a%2Fb%2Fc.d") << QByteArray()
            << Expect::Json << false;
        QTest::newRow("gl project by id")
            << gl.project(u"1234"_s) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/1234") << QByteArray()
            << Expect::Json << false;
        QTest::newRow("gl commits")
            << gl.commits(p, u"release/1.0"_s, 20, 2) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/veloxchem%2Fveloxchem/"
                          "repository/commits?ref_name=release%2F1.0&per_page=20&page=2")
            << QByteArray() << Expect::Json << true;
        QTest::newRow("gl commit") << gl.commit(p, u"abc123"_s) << Method::Get
                                   << QByteArray("https://gitlab.example.org/api/v4/projects/"
                                                 "veloxchem%2Fveloxchem/repository/commits/abc123")
                                   << QByteArray() << Expect::Json << false;
        QTest::newRow("gl pipelines")
            << gl.pipelines(p, u"main"_s) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/veloxchem%2Fveloxchem/"
                          "pipelines?ref=main&per_page=100")
            << QByteArray() << Expect::Json << true;
        QTest::newRow("gl pipeline jobs")
            << gl.pipelineJobs(p, 77) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/veloxchem%2Fveloxchem/"
                          "pipelines/77/jobs?per_page=100")
            << QByteArray() << Expect::Json << true;
        QTest::newRow("gl job artifact")
            << gl.jobArtifact(u"12"_s, 99, u"dist/veloxchem.tar.bz2"_s) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/12/jobs/99/artifacts/dist/"
                          "veloxchem.tar.bz2")
            << QByteArray() << Expect::Bytes << false;
        QTest::newRow("gl archive") << gl.archive(u"12"_s, u"abc"_s) << Method::Get
                                    << QByteArray("https://gitlab.example.org/api/v4/projects/12/"
                                                  "repository/archive.tar.bz2?sha=abc")
                                    << QByteArray() << Expect::Bytes << false;
        QTest::newRow("gl raw file")
            << gl.rawFile(u"12"_s, u"src/pymodule/__init__.py"_s, u"abc"_s) << Method::Get
            << QByteArray("https://gitlab.example.org/api/v4/projects/12/repository/files/"
                          "src%2Fpymodule%2F__init__.py/raw?ref=abc")
            << QByteArray() << Expect::Bytes << false;

        QTest::newRow("anaconda files")
            << anacondaFilesRequest(QUrl(u"https://api.anaconda.org"_s), u"robertodr"_s,
                                    u"veloxchem"_s)
            << Method::Get
            << QByteArray("https://api.anaconda.org/package/robertodr/veloxchem/files")
            << QByteArray() << Expect::Json << true;
    }
    void builders()
    {
        QFETCH(ForgeRequest, request);
        QFETCH(Method, method);
        QFETCH(QByteArray, url);
        QFETCH(QByteArray, body);
        QFETCH(Expect, expect);
        QFETCH(bool, conditional);
        QCOMPARE(request.method, method);
        QCOMPARE(request.url.toEncoded(), url);
        QCOMPARE(request.body, body);  // byte for byte
        QCOMPARE(request.expect, expect);
        QCOMPARE(request.conditional, conditional);
        // The token header is never part of a request value.
        QVERIFY(!request.headers.contains(QHttpHeaders::WellKnownHeader::Authorization));
        QVERIFY(!request.headers.contains("private-token"));
    }

    // The whole request value of each dispatch, against one written out field by field (not
    // through apiPost(), which the builders use): nothing is added, reordered or re-serialized
    // on the way. Each side is built from its own inputs.
    void dispatchRequestsAreTheGivenBytes()
    {
        const GitHubRequests gh(QUrl(u"https://ghe.example.org/api/v3"_s));
        const QByteArray body = "{\"inputs\":{\"patch\":\"100%% '\\\\o/'\"},  \"ref\":\"dev\"}";
        const QByteArray sameBody = QByteArray("{\"inputs\":{\"patch\":\"100%% '\\\\o/'\"},") +
            QByteArray("  \"ref\":\"dev\"}");
        const auto byHand = [](Method method, const char *encodedUrl, const QByteArray &bytes) {
            ForgeRequest r;
            r.method = method;
            r.url = QUrl::fromEncoded(encodedUrl, QUrl::StrictMode);
            r.service = Service::GitHub;
            r.authOrigin = QUrl(u"https://ghe.example.org"_s);
            r.body = bytes;
            if (method == Method::Post)
                r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
            return r;
        };

        ForgeRequest workflow = byHand(Method::Post,
                                       "https://ghe.example.org/api/v3/repos/Velox%20Chem/meta-vlx/"
                                       "actions/workflows/deploy-cxx.yml/dispatches",
                                       sameBody);
        workflow.expectedStatus = {200, 204};
        const ForgeRequest builtWorkflow =
            gh.workflowDispatch(u"Velox Chem"_s, u"meta-vlx"_s, u"deploy-cxx.yml"_s, body);
        QCOMPARE(builtWorkflow, workflow);
        QCOMPARE(builtWorkflow.body,
                 QByteArray("{\"inputs\":{\"patch\":\"100%% '\\\\o/'\"},  "
                            "\"ref\":\"dev\"}"));

        ForgeRequest repository = byHand(
            Method::Post, "https://ghe.example.org/api/v3/repos/Velox%20Chem/meta-vlx/dispatches",
            sameBody);
        repository.expect = Expect::Empty;
        repository.expectedStatus = {204};
        QCOMPARE(gh.repositoryDispatch(u"Velox Chem"_s, u"meta-vlx"_s, body), repository);

        ForgeRequest branch =
            byHand(Method::Get,
                   "https://ghe.example.org/api/v3/repos/Velox%20Chem/meta-vlx/branches/dev", {});
        branch.conditional = true;
        QCOMPARE(gh.branch(u"Velox Chem"_s, u"meta-vlx"_s, u"dev"_s), branch);

        // Two builders of their own, inputs of their own: the same value.
        const GitHubRequests other(QUrl(u"https://ghe.example.org/api/v3/"_s));
        QCOMPARE(other.workflowDispatch(QString(u"Velox Chem"_s), QString(u"meta-vlx"_s),
                                        QString(u"deploy-cxx.yml"_s), sameBody),
                 builtWorkflow);
        // And a different input is a different value (the comparison can fail).
        QVERIFY(!(gh.branch(u"Velox Chem"_s, u"meta-vlx"_s, u"main"_s) == branch));
    }

    // A "." or ".." (also encoded) from user or server input never reaches a request path:
    // the request carries a refusal naming the field and the Transport sends nothing.
    void dotSegmentsRefused_data()
    {
        QTest::addColumn<ForgeRequest>("request");
        QTest::addColumn<QString>("field");
        const GitHubRequests gh(QUrl(u"https://api.github.com"_s));
        const GitLabRequests gl(QUrl(u"https://gitlab.example.org/api/v4"_s));
        const QString o = u"VeloxChem"_s, r = u"meta-vlx"_s;
        QTest::newRow("gh owner ..") << gh.run(u".."_s, r, 1) << u"owner"_s;
        QTest::newRow("gh owner .") << gh.jobs(u"."_s, r, 1) << u"owner"_s;
        QTest::newRow("gh repo %2e%2e") << gh.artifacts(o, u"%2e%2e"_s, 1) << u"repo"_s;
        QTest::newRow("gh repo %2E.") << gh.cancelRun(o, u"%2E."_s, 1) << u"repo"_s;
        QTest::newRow("gh repo double-encoded") << gh.rerunJob(o, u"%252e%252e"_s, 1) << u"repo"_s;
        QTest::newRow("gh workflow ../..")
            << gh.workflowDispatch(o, r, u"../../user"_s, "{}") << u"workflow"_s;
        QTest::newRow("gh workflow in a run query") << gh.runs(o, r, [] {
            RunQuery q;
            q.workflow = u"a/../b"_s;
            return q;
        }()) << u"workflow"_s;
        QTest::newRow("gh contents path")
            << gh.contents(o, r, u"docs/../../../user"_s, QString()) << u"path"_s;
        QTest::newRow("gh contents ref") << gh.contents(o, r, u"README.md"_s, u".."_s) << u"ref"_s;
        QTest::newRow("gh branch") << gh.branch(o, r, u"x/%2e%2e/y"_s) << u"branch"_s;
        QTest::newRow("gh repository dispatch")
            << gh.repositoryDispatch(u"..\\.."_s, r, "{}") << u"owner"_s;
        QTest::newRow("gl project") << gl.project(u"group/../admin"_s) << u"project"_s;
        QTest::newRow("gl project %2F") << gl.pipelines(u"group%2F..%2Fx"_s, {}) << u"project"_s;
        QTest::newRow("gl commit sha") << gl.commit(u"12"_s, u".."_s) << u"sha"_s;
        QTest::newRow("gl artifact path")
            << gl.jobArtifact(u"12"_s, 1, u"dist/../../secrets"_s) << u"artifact path"_s;
        QTest::newRow("gl raw file") << gl.rawFile(u"12"_s, u"../x"_s, u"main"_s) << u"file path"_s;
        QTest::newRow("gl archive format")
            << gl.archive(u"12"_s, u"abc"_s, u"/../../x"_s) << u"format"_s;
        QTest::newRow("anaconda channel")
            << anacondaFilesRequest(QUrl(u"https://api.anaconda.org"_s), u".."_s, u"p"_s)
            << u"channel"_s;
    }
    void dotSegmentsRefused()
    {
        QFETCH(ForgeRequest, request);
        QFETCH(QString, field);
        QVERIFY2(request.refusal.contains(u"the "_s + field + u" \""_s),
                 qPrintable(request.refusal));
    }

    void dotLookalikesAllowed()
    {
        const GitHubRequests gh(QUrl(u"https://api.github.com"_s));
        const GitLabRequests gl(QUrl(u"https://gitlab.example.org/api/v4"_s));
        for (const ForgeRequest &r :
             {gh.run(u"a.b"_s, u"...x"_s, 1), gh.workflow(u"o"_s, u"r"_s, u".github.yml"_s),
              gh.contents(u"o"_s, u"r"_s, u".github/workflows/x.yml"_s, u"v1.0"_s),
              gl.project(u"group/sub.group/p..q"_s), gl.rawFile(u"12"_s, u"a/.hidden"_s, {})})
            QVERIFY2(r.refusal.isEmpty(), qPrintable(r.refusal));
        QVERIFY(hasDotSegment(u"%2E%2e"_s));
        QVERIFY(hasDotSegment(u"a/./b"_s));
        QVERIFY(!hasDotSegment(u"a..b"_s));
        QVERIFY(!hasDotSegment(QString()));
    }

    void tokenScope()
    {
        const GitHubRequests gh(QUrl(u"https://ghe.example.org:8443/api/v3"_s));
        QVERIFY(sameOrigin(gh.user().authOrigin, QUrl(u"https://ghe.example.org:8443/"_s)));
        QVERIFY(anacondaFilesRequest(QUrl(u"https://api.anaconda.org"_s), u"c"_s, u"p"_s)
                    .authOrigin.isEmpty());
        QCOMPARE(gh.user().service, Service::GitHub);
        QCOMPARE(GitLabRequests(QUrl(u"https://gl/api/v4"_s)).user().service, Service::GitLab);
    }

    void gitHubIdentity()
    {
        const ForgeResponse classic =
            jsonResponse("{\"login\":\"octocat\",\"id\":1}",
                         {{"X-OAuth-Scopes", "repo, workflow"},
                          {"GitHub-Authentication-Token-Expiration", "2026-12-01 10:00:00 UTC"}});
        auto id = parseGitHubIdentity(classic, u"ghp_xxx"_s);
        QVERIFY(id.ok());
        QCOMPARE(id.value.login, u"octocat"_s);
        QCOMPARE(id.value.tokenKind, GitHubTokenKind::Classic);
        QVERIFY(id.value.scopesKnown);
        QCOMPARE(id.value.scopes, (QStringList {u"repo"_s, u"workflow"_s}));
        QCOMPARE(*id.value.expiresAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::UTC));

        id = parseGitHubIdentity(jsonResponse("{\"login\":\"octocat\",\"id\":1}"),
                                 u"github_pat_11"_s);
        QCOMPARE(id.value.tokenKind, GitHubTokenKind::FineGrained);
        QVERIFY(!id.value.scopesKnown);
        QVERIFY(!id.value.expiresAt);

        id = parseGitHubIdentity(jsonResponse("{\"id\":1}"), u"ghp_"_s);
        QCOMPARE(id.error.kind, ForgeError::Kind::BadResponse);
    }

    void gitHubRunsJobsArtifacts()
    {
        const QByteArray runs =
            "{\"total_count\":1,\"workflow_runs\":[{\"id\":30433642,\"name\":\"Deploy\",\"display_"
            "title\":\"veloxchem 1.0\","
            "\"event\":\"workflow_dispatch\",\"status\":\"completed\",\"conclusion\":\"success\","
            "\"head_branch\":\"main\","
            "\"head_sha\":\"acb5820\",\"run_number\":562,\"run_attempt\":1,\"workflow_id\":159038,"
            "\"actor\":{\"login\":\"octocat\"},\"created_at\":\"2026-11-25T08:00:05Z\",\"updated_"
            "at\":\"2026-11-25T08:30:00Z\","
            "\"run_started_at\":\"2026-11-25T08:00:06Z\",\"html_url\":\"https://github.com/o/r/"
            "actions/runs/30433642\"}]}";
        auto page = parseWorkflowRuns(
            jsonResponse(runs, {{"Link", "<https://api.example/x?page=2>; rel=\"next\""}}));
        QVERIFY(page.ok());
        QCOMPARE(page.value.items.size(), 1);
        const WorkflowRun &run = page.value.items.first();
        QCOMPARE(run.id, 30433642);
        QCOMPARE(run.actorLogin, u"octocat"_s);
        QCOMPARE(run.conclusion, u"success"_s);
        QCOMPARE(run.createdAt, QDateTime(QDate(2026, 11, 25), QTime(8, 0, 5), QTimeZone::UTC));
        QCOMPARE(page.value.next, QUrl(u"https://api.example/x?page=2"_s));

        const QByteArray jobs =
            "{\"total_count\":1,\"jobs\":[{\"id\":399444496,\"run_id\":29679449,\"run_attempt\":1,"
            "\"name\":\"build (ubuntu-latest, 3.12, "
            "mpich)\",\"status\":\"in_progress\",\"conclusion\":null,"
            "\"started_at\":\"2026-11-25T08:01:00Z\",\"completed_at\":null,\"labels\":[\"ubuntu-"
            "latest\"],"
            "\"runner_name\":\"GitHub Actions "
            "2\",\"html_url\":\"https://github.com/o/r/actions/runs/1/job/2\","
            "\"steps\":[{\"name\":\"Set up "
            "job\",\"status\":\"completed\",\"conclusion\":\"success\",\"number\":1,"
            "\"started_at\":\"2026-11-25T08:01:00Z\",\"completed_at\":\"2026-11-25T08:01:02Z\"},"
            "{\"name\":\"conda-build\",\"status\":\"in_progress\",\"conclusion\":null,\"number\":2}"
            "]}]}";
        auto jobPage = parseWorkflowJobs(jsonResponse(jobs));
        QVERIFY(jobPage.ok());
        const WorkflowJob &job = jobPage.value.items.first();
        QCOMPARE(job.name, u"build (ubuntu-latest, 3.12, mpich)"_s);
        QVERIFY(job.conclusion.isEmpty());
        QCOMPARE(job.labels, QStringList {u"ubuntu-latest"_s});
        QCOMPARE(job.steps.size(), 2);
        QCOMPARE(job.steps.at(1).status, u"in_progress"_s);

        const QByteArray artifacts =
            "{\"total_count\":1,\"artifacts\":[{\"id\":11,\"name\":\"build_summary-ubuntu-latest_3."
            "12_mpich\","
            "\"size_in_bytes\":556,\"expired\":false,\"archive_download_url\":\"https://"
            "api.github.com/repos/o/r/actions/artifacts/11/zip\","
            "\"created_at\":\"2026-11-25T08:20:00Z\",\"expires_at\":\"2027-02-23T08:20:00Z\"}]}";
        auto artifactPage = parseArtifacts(jsonResponse(artifacts));
        QVERIFY(artifactPage.ok());
        QCOMPARE(artifactPage.value.items.first().name,
                 u"build_summary-ubuntu-latest_3.12_mpich"_s);
        QCOMPARE(artifactPage.value.items.first().sizeInBytes, 556);

        // Shapes that are not what GitHub sends are errors, never empty successes.
        QCOMPARE(parseWorkflowJobs(jsonResponse("{\"total_count\":1}")).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(parseWorkflowJobs(jsonResponse("{\"jobs\":[{\"name\":\"x\"}]}")).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(parseWorkflowRun(jsonResponse("[]")).error.kind, ForgeError::Kind::BadResponse);
    }

    void dispatchResult()
    {
        ForgeResponse noContent;
        noContent.httpStatus = 204;
        auto d = parseDispatchResult(noContent);
        QVERIFY(d.ok());
        QVERIFY(!d.value.runId);
        d = parseDispatchResult(
            jsonResponse("{\"workflow_run_id\":22,\"run_url\":\"https://api.github.com/repos/o/r/"
                         "actions/runs/22\","
                         "\"html_url\":\"https://github.com/o/r/actions/runs/22\"}"));
        QCOMPARE(*d.value.runId, 22);
        QCOMPARE(d.value.htmlUrl, QUrl(u"https://github.com/o/r/actions/runs/22"_s));

        ForgeError e = ForgeError::make(
            ForgeError::Kind::Validation,
            u"Invalid request. \"return_run_details\" is not a permitted key."_s, 400);
        QVERIFY(isReturnRunDetailsRefusal(e));
        e.httpStatus = 422;
        e.message = u"Invalid request.\n\nFor 'properties/return_run_details', ... unexpected."_s;
        QVERIFY(isReturnRunDetailsRefusal(e));
        e.httpStatus = 500;
        QVERIFY(!isReturnRunDetailsRefusal(e));
        e.httpStatus = 422;
        e.message = u"Required input 'sha256' not provided"_s;
        QVERIFY(!isReturnRunDetailsRefusal(e));
    }

    void serverDateOfAnAnswer()
    {
        ForgeResponse refused =
            jsonResponse("{\"message\":\"x\"}", {{"Date", "Wed, 25 Nov 2026 08:00:07 GMT"}});
        refused.httpStatus = 422;
        refused.error = ForgeError::make(ForgeError::Kind::Validation, u"x"_s, 422);
        QCOMPARE(serverDateOf(refused),
                 QDateTime(QDate(2026, 11, 25), QTime(8, 0, 7), QTimeZone::UTC));
        ForgeResponse timedOut;
        timedOut.error = ForgeError::make(ForgeError::Kind::Timeout, u"timed out"_s);
        QVERIFY(!serverDateOf(timedOut));
        QVERIFY(!serverDateOf(jsonResponse("{}")));  // an answer without a Date header
    }

    void fileContents_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("expected");  // the bytes, or a part of the error message

        const QByteArray yaml = "name: Deploy\non:\n  workflow_dispatch:\n    inputs:\n"
                                "      patch: {required: true, type: string}\n"
                                "# 100% 'quoted' \\o/ \xc3\xa9\n";
        // GitHub wraps the base64 at 60 characters, with a trailing newline.
        const QByteArray base64 = yaml.toBase64();
        QByteArray wrapped;
        for (qsizetype i = 0; i < base64.size(); i += 60)
            wrapped += base64.mid(i, 60) + "\\n";
        const QByteArray size = QByteArray::number(yaml.size());
        QTest::newRow("file wrapped")
            << "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":" + size +
                ",\"name\":\"deploy-cxx.yml\",\"content\":\"" + wrapped + "\"}"
            << true << yaml;
        QTest::newRow("file unwrapped")
            << "{\"type\":\"file\",\"encoding\":\"base64\",\"content\":\"" + base64 + "\"}" << true
            << yaml;
        QTest::newRow("empty file")
            << QByteArray("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":0,\"content\":\"\"}")
            << true << QByteArray();
        QTest::newRow("directory") << QByteArray("[{\"type\":\"file\",\"name\":\"a\"}]") << false
                                   << QByteArray("directory");
        QTest::newRow("symlink") << QByteArray(
                                        "{\"type\":\"symlink\",\"target\":\"../x.yml\",\"size\":8}")
                                 << false << QByteArray("symbolic link");
        QTest::newRow("submodule") << QByteArray("{\"type\":\"submodule\",\"size\":0}") << false
                                   << QByteArray("submodule");
        QTest::newRow("too large: encoding none")
            << QByteArray("{\"type\":\"file\",\"encoding\":\"none\",\"size\":5000000,"
                          "\"content\":\"\"}")
            << false << QByteArray("too large");
        QTest::newRow("too large: size") << "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":" +
                QByteArray::number(kMaxFileContentsBytes + 1) + ",\"content\":\"\"}"
                                         << false << QByteArray("too large");
        QTest::newRow("too large: content")
            << "{\"type\":\"file\",\"encoding\":\"base64\",\"content\":\"" +
                QByteArray(kMaxFileContentsBytes + 3, 'a').toBase64() + "\"}"
            << false << QByteArray("larger than");
        QTest::newRow("other encoding")
            << QByteArray("{\"type\":\"file\",\"encoding\":\"utf-8\",\"content\":\"x\"}") << false
            << QByteArray("not base64");
        QTest::newRow("bad base64")
            << QByteArray("{\"type\":\"file\",\"encoding\":\"base64\",\"content\":\"!!!*\"}")
            << false << QByteArray("not valid base64");
        QTest::newRow("size mismatch")
            << QByteArray("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":9,"
                          "\"content\":\"YWJj\"}")
            << false << QByteArray("size says 9");
        QTest::newRow("no content") << QByteArray("{\"type\":\"file\",\"encoding\":\"base64\"}")
                                    << false << QByteArray("no content");
        QTest::newRow("not found body")
            << QByteArray("{\"message\":\"Not Found\"}") << false << QByteArray("not a file");
    }
    void fileContents()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(QByteArray, expected);
        const ForgeResponse response = jsonResponse(json);
        QVERIFY2(!response.json.isNull(), json.left(200).constData());
        const auto result = parseFileContents(response);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(result.value, expected);
        } else {
            QCOMPARE(result.error.kind, ForgeError::Kind::BadResponse);
            QVERIFY2(result.error.message.contains(QString::fromUtf8(expected)),
                     qPrintable(result.error.message));
            QVERIFY(result.value.isEmpty());
        }
    }

    void gitHubBranch()
    {
        const auto main = parseGitHubBranch(jsonResponse(
            "{\"name\":\"main\",\"commit\":{\"sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\","
            "\"url\":\"https://api.github.com/x\"},\"protected\":true}"));
        QVERIFY2(main.ok(), qPrintable(main.error.describe()));
        QCOMPARE(main.value.name, u"main"_s);
        QCOMPARE(main.value.sha, u"6dcb09b5b57875f334f61aebed695e2e4193db5e"_s);
        const auto headless = parseGitHubBranch(jsonResponse("{\"name\":\"main\",\"commit\":{}}"));
        QCOMPARE(headless.error.kind, ForgeError::Kind::BadResponse);
        QCOMPARE(parseGitHubBranch(jsonResponse("[]")).error.kind, ForgeError::Kind::BadResponse);
    }

    void buildSummaryZip()
    {
        const QByteArray zip =
            makeZip({{u"summary.json"_s, "{\"outcome\":\"failure\",\"os\":\"macos-14\"}"}});
        auto s = parseBuildSummaryZip(zip, u"build_summary-macos-14_3.13_mpich"_s);
        QVERIFY2(s.ok(), qPrintable(s.error.describe()));
        QCOMPARE(s.value.outcome, u"failure"_s);
        QCOMPARE(s.value.json.value(u"os").toString(), u"macos-14"_s);
        QCOMPARE(zipEntryNames(zip), QStringList {u"summary.json"_s});

        QCOMPARE(parseBuildSummaryZip(makeZip({{u"other.txt"_s, "x"}}), u"a"_s).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(
            parseBuildSummaryZip(makeZip({{u"summary.json"_s, "not json"}}), u"a"_s).error.kind,
            ForgeError::Kind::BadResponse);
        QCOMPARE(parseBuildSummaryZip(makeZip({{u"summary.json"_s, "{}"}}), u"a"_s).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(parseBuildSummaryZip("PK garbage", u"a"_s).error.kind,
                 ForgeError::Kind::BadResponse);
        QVERIFY(!readZipEntry(makeZip({{u"summary.json"_s, QByteArray(5000, 'x')}}),
                              u"summary.json"_s, 100)
                     .data);
    }

    void gitLabParsers()
    {
        auto self = parseGitLabTokenSelf(
            jsonResponse("{\"id\":4,\"name\":\"release-console\",\"revoked\":false,\"created_at\":"
                         "\"2026-01-01T00:00:00.000Z\","
                         "\"scopes\":[\"read_api\"],\"user_id\":3,\"last_used_at\":null,\"active\":"
                         "true,\"expires_at\":\"2026-12-31\"}"));
        QVERIFY(self.ok());
        QCOMPARE(self.value.scopes, QStringList {u"read_api"_s});
        QVERIFY(self.value.scopesKnown);
        QCOMPARE(*self.value.expiresAt, QDate(2026, 12, 31));
        auto noExpiry =
            parseGitLabTokenSelf(jsonResponse("{\"id\":4,\"scopes\":[],\"expires_at\":null}"));
        QVERIFY(!noExpiry.value.expiresAt);
        auto user = parseGitLabUser(
            jsonResponse("{\"id\":3,\"username\":\"robertodr\",\"name\":\"Roberto\"}"));
        QCOMPARE(user.value.username, u"robertodr"_s);

        auto project =
            parseGitLabProject(jsonResponse("{\"id\":12,\"path_with_namespace\":\"veloxchem/"
                                            "veloxchem\",\"default_branch\":\"master\",\"web_url\":"
                                            "\"https://gitlab.com/veloxchem/veloxchem\"}"));
        QCOMPARE(project.value.id, 12);
        QCOMPARE(project.value.defaultBranch, u"master"_s);

        const QByteArray commits =
            "[{\"id\":\"aaaa\",\"short_id\":\"aaa\",\"title\":\"[conda-build] "
            "release\",\"message\":\"[conda-build] release\\n\\npackage = {}\","
            "\"author_name\":\"R\",\"author_email\":\"r@x\",\"authored_date\":\"2026-11-24T10:00:"
            "00.000+01:00\","
            "\"committed_date\":\"2026-11-24T10:00:00.000+01:00\",\"parent_ids\":[\"bbbb\"],\"web_"
            "url\":\"https://gl/c/aaaa\"},"
            "{\"id\":\"bbbb\",\"title\":\"fix\"},{\"id\":\"cccc\",\"title\":\"old\"}]";
        auto cpage = parseGitLabCommits(jsonResponse(commits, {{"X-Next-Page", "3"}}));
        QVERIFY(cpage.ok());
        QCOMPARE(cpage.value.items.size(), 3);
        QCOMPARE(cpage.value.items.first().authoredDate,
                 QDateTime(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::UTC));
        QCOMPARE(cpage.value.next, QUrl(u"https://api.example/x?page=3"_s));

        const QByteArray pipelines =
            "[{\"id\":50,\"iid\":5,\"sha\":\"aaaa\",\"ref\":\"main\",\"status\":\"running\"},"
            "{\"id\":40,\"iid\":4,\"sha\":\"aaaa\",\"ref\":\"main\",\"status\":\"failed\"},"
            "{\"id\":30,\"iid\":3,\"sha\":\"bbbb\",\"ref\":\"main\",\"status\":\"success\"}]";
        auto ppage = parseGitLabPipelines(jsonResponse(pipelines));
        QVERIFY(ppage.ok());
        const auto joined = joinPipelines(cpage.value.items, ppage.value.items);
        QCOMPARE(joined.size(), 3);
        QCOMPARE(joined.at(0).pipeline->status, u"running"_s);  // the newest of that sha
        QCOMPARE(joined.at(1).pipeline->status, u"success"_s);
        QVERIFY(!joined.at(2).pipeline);

        const QByteArray jobs =
            "[{\"id\":7,\"name\":\"tarball\",\"status\":\"failed\",\"stage\":\"deploy\","
            "\"pipeline\":{\"id\":50},\"commit\":{\"id\":\"aaaa\"},\"artifacts\":[]},"
            "{\"id\":8,\"name\":\"tarball\",\"status\":\"success\",\"stage\":\"deploy\","
            "\"pipeline\":{\"id\":50},\"commit\":{\"id\":\"aaaa\"},"
            "\"artifacts\":[{\"file_type\":\"archive\",\"size\":1000,\"filename\":\"artifacts."
            "zip\",\"file_format\":\"zip\"}]},"
            "{\"id\":6,\"name\":\"tests\",\"status\":\"success\",\"artifacts_file\":{\"filename\":"
            "\"artifacts.zip\",\"size\":10}}]";
        auto jpage = parseGitLabJobs(jsonResponse(jobs));
        QVERIFY(jpage.ok());
        QCOMPARE(jpage.value.items.at(1).sha, u"aaaa"_s);
        QCOMPARE(jpage.value.items.at(1).pipelineId, 50);
        QVERIFY(jpage.value.items.at(2).hasArchive());  // from artifacts_file
        QCOMPARE(findArtifactJob(jpage.value.items, u"tarball"_s)->id, 8);
        QCOMPARE(findArtifactJob(jpage.value.items, u"tests"_s)->id, 6);
        QVERIFY(!findArtifactJob(jpage.value.items, u"nope"_s));

        QCOMPARE(parseGitLabCommits(jsonResponse("{\"message\":\"x\"}")).error.kind,
                 ForgeError::Kind::BadResponse);
        QCOMPARE(parseGitLabPipelines(jsonResponse("[{\"sha\":\"x\"}]")).error.kind,
                 ForgeError::Kind::BadResponse);
    }

    void anaconda_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<qint64>("next");
        QTest::newRow("existing") << u"1.0"_s << qint64(3);
        QTest::newRow("other") << u"0.9"_s << qint64(1);
        QTest::newRow("new version") << u"2.0"_s << qint64(0);
    }
    void anaconda()
    {
        QFETCH(QString, version);
        QFETCH(qint64, next);
        const QByteArray files =
            "[{\"basename\":\"linux-64/"
            "veloxchem-1.0-py312_2.tar.bz2\",\"version\":\"1.0\",\"labels\":[\"dev\"],"
            "\"attrs\":{\"build_number\":2,\"build\":\"py312_2\",\"subdir\":\"linux-64\"},\"upload_"
            "time\":\"2026-11-20 10:00:00.000000+00:00\",\"size\":100},"
            "{\"basename\":\"osx-arm64/"
            "veloxchem-1.0-py313_1.tar.bz2\",\"version\":\"1.0\",\"labels\":[\"main\",\"dev\"],"
            "\"attrs\":{\"build_number\":1,\"build\":\"py313_1\",\"subdir\":\"osx-arm64\"}},"
            "{\"basename\":\"linux-64/"
            "veloxchem-0.9-py312_0.tar.bz2\",\"version\":\"0.9\",\"labels\":[\"main\"],"
            "\"attrs\":{\"build\":\"py312_0\"}}]";
        auto parsed = parseAnacondaFiles(jsonResponse(files));
        QVERIFY(parsed.ok());
        const AnacondaPackageFiles &f = parsed.value;
        QCOMPARE(f.nextBuildNumber(version), next);
        QCOMPARE(f.versions(), (QStringList {u"1.0"_s, u"0.9"_s}));
        QCOMPARE(f.labels(), (QStringList {u"dev"_s, u"main"_s}));
        QCOMPARE(f.builds(u"1.0"_s), (QList<qint64> {1, 2}));
        QVERIFY(f.isPublished(u"1.0"_s, 2, u"dev"_s));
        QVERIFY(!f.isPublished(u"1.0"_s, 2, u"main"_s));
        QVERIFY(f.isPublished(u"1.0"_s, 1, u"main"_s));
        QVERIFY(f.isPublished(u"0.9"_s, 0, u"main"_s));  // build number from the build string
        QVERIFY(f.files.first().uploadTime.isValid());
        QCOMPARE(parseAnacondaFiles(jsonResponse("{}")).error.kind, ForgeError::Kind::BadResponse);
    }

    // Found by fuzz_forge_anacondajson: a build number near INT64_MAX made nextBuildNumber()
    // overflow to a negative number. Only conda-sized build numbers count.
    void anacondaHostileBuildNumbers()
    {
        const QByteArray files =
            "[{\"version\":\"1.0\",\"labels\":[\"dev\"],"
            "\"attrs\":{\"build_number\":\"9223372036854775807\"}},"
            "{\"version\":\"1.0\",\"labels\":[\"dev\"],\"attrs\":{\"build\":\"py312_-4\"}},"
            "{\"version\":\"1.0\",\"labels\":[\"dev\"],"
            "\"attrs\":{\"build\":\"py312_99999999999\"}},"
            "{\"version\":\"1.0\",\"labels\":[\"dev\"],\"attrs\":{\"build_number\":7}}]";
        const auto parsed = parseAnacondaFiles(jsonResponse(files));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value.files.size(), 4);
        QCOMPARE(parsed.value.builds(u"1.0"_s), (QList<qint64> {7}));
        QCOMPARE(parsed.value.nextBuildNumber(u"1.0"_s), qint64(8));
    }
};

QTEST_GUILESS_MAIN(TestForgeRequests)
#include "tst_forgerequests.moc"
