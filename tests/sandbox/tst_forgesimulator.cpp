// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/anacondaapi.h"
#include "sandbox/archives.h"
#include "sandbox/demopatch.h"
#include "sandbox/demoworkflows.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "sandboxclient.h"
#include "support/simulatorclients.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rc::sandbox::BuildOutcome;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;
using rc::sandbox::ForgeSimulator;
using sandboxtest::Reply;

class TestForgeSimulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void gitHubUserReportsTokenKindScopesAndExpiry();
    void gitHubRejectsBadExpiredAndRevokedTokens();
    void gitHubEnterprisePrefixServesTheSameApi();
    void missingPermissionsNameWhatIsMissing();
    void workflowIsActiveWithItsPath();
    void contentsServeTheWorkflowFilesLikeGitHub();
    void contentsErrorsAndAccess();
    void branchesAnswerWithTheirHead();
    void newestInitFilesHoldWhatPrintfMangles();
    void dispatchValidation_data();
    void dispatchValidation();
    void dispatchReturnsRunDetailsOrNoContent();
    void enterpriseModeRejectsReturnRunDetails();
    void repositoryDispatchLimits();
    void runProgressesOnTheVirtualClock();
    void continueOnErrorHidesTheFailureInTheJobConclusion();
    void wrongChecksumFailsTheJob();
    void newDispatchCancelsTheRunInProgress();
    void cancelAndRerun();
    void listRunsFiltersAndPaginates();
    void jobsArePaginatedWithLinkHeaders();
    void etagsAnswer304WithoutSpendingRateLimit();
    void exhaustedRateLimitAnswers403AndCreatesNothing();
    void artifactAndLogRedirectToTheOtherHost();
    void checkRunAnnotationsTellWhyAStepFailed();
    void checkRunAnnotationsNeedChecksRead();
    void jobLogsReadLikeARunnersOutput_data();
    void jobLogsReadLikeARunnersOutput();
    void graphqlAnswersHonestly();
    void otherHostRecordsCredentials();
    void gitLabTokenProjectCommitsAndPipelines();
    void gitLabTarballIsDeterministicWithRecipeTopFolder();
    void gitLabRawFileAndRepositoryArchive();
    void gitLabRejectsMissingOrRevokedTokens();
    void anacondaListsFilesAndPublishesBuilds();
    void largeArtifactIsStreamed();
    void faultsAreObservableOnTheSocket_data();
    void faultsAreObservableOnTheSocket();
    void faultCountsAndMethodMatching();
    void tlsHelloIsAnsweredAtOnce();
    void noAnswerAndResetStillTakeEffect();
    void redirectFaultParksTheAnswerOnTheOtherHost();
    void requestLogRecordsWhatArrived();
    void keepAliveServesSeveralRequestsOnOneConnection();
    void wrongMethodOnAKnownPathIs405();
    void foreignHostIsMisdirectedAndNotLogged();
    void listenerLimitsReachBothHosts();

private:
    QUrl gitHub(const QString &path, const QString &query = {}) const;
    QUrl gitLab(const QString &path, const QString &query = {}) const;
    Reply gitHubGet(const QString &path, const QString &query = {},
                    const QString &token = QString(ForgeSimulator::kGitHubClassicToken),
                    const QByteArray &ifNoneMatch = {});
    Reply gitHubPost(const QString &path, const QJsonObject &body,
                     const QString &token = QString(ForgeSimulator::kGitHubClassicToken));
    Reply gitLabGet(const QString &path, const QString &query = {});
    QJsonObject goodInputs();
    qint64 dispatchRun();
    QJsonObject run(qint64 id);
    QJsonArray jobs(qint64 runId);
    QJsonObject jobNamed(qint64 runId, const QString &prefix);
    Reply annotationsOf(const QJsonObject &job, const QString &query = {},
                        const QString &token = QString(ForgeSimulator::kGitHubClassicToken));
    QByteArray apiHostLine() const
    {
        return "Host: 127.0.0.1:"_ba + QByteArray::number(m_simulator->gitHubApiUrl().port()) +
            "\r\n"_ba;
    }
    void advanceMinutes(int minutes) { m_simulator->advance(std::chrono::minutes(minutes)); }

    std::unique_ptr<ForgeSimulator> m_simulator;
    std::unique_ptr<sandboxtest::Client> m_client;
    const QString m_repo = u"/repos/VeloxChem/meta-vlx"_s;
    const QDateTime m_start {QDate(2025, 6, 2), QTime(10, 0), QTimeZone::UTC};
};

void TestForgeSimulator::init()
{
    m_simulator = std::make_unique<ForgeSimulator>(m_start);
    QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    m_client = std::make_unique<sandboxtest::Client>();
}

void TestForgeSimulator::cleanup()
{
    m_client.reset();
    m_simulator.reset();
}

QUrl TestForgeSimulator::gitHub(const QString &path, const QString &query) const
{
    QUrl url = m_simulator->gitHubApiUrl();
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QUrl TestForgeSimulator::gitLab(const QString &path, const QString &query) const
{
    QUrl url = m_simulator->gitLabApiUrl();
    url.setPath(url.path() + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

Reply TestForgeSimulator::gitHubGet(const QString &path, const QString &query, const QString &token,
                                    const QByteArray &ifNoneMatch)
{
    QList<QPair<QByteArray, QByteArray>> headers {{"Accept"_ba, "application/vnd.github+json"_ba},
                                                  {"X-GitHub-Api-Version"_ba, "2022-11-28"_ba}};
    if (!token.isEmpty())
        headers.append({"Authorization"_ba, "Bearer "_ba + token.toUtf8()});
    if (!ifNoneMatch.isEmpty())
        headers.append({"If-None-Match"_ba, ifNoneMatch});
    return m_client->get(gitHub(path, query), headers);
}

Reply TestForgeSimulator::gitHubPost(const QString &path, const QJsonObject &body,
                                     const QString &token)
{
    return m_client->post(gitHub(path), QJsonDocument(body).toJson(QJsonDocument::Compact),
                          {{"Authorization"_ba, "Bearer "_ba + token.toUtf8()}});
}

Reply TestForgeSimulator::gitLabGet(const QString &path, const QString &query)
{
    return m_client->get(gitLab(path, query),
                         {{"PRIVATE-TOKEN"_ba, QByteArray(ForgeSimulator::kGitLabToken.data())}});
}

QJsonObject TestForgeSimulator::goodInputs()
{
    // The newest commit with a tarball, and the sha256 of exactly what its URL serves.
    QJsonObject inputs =
        rc::test::releaseInputs(*m_simulator, rc::test::releasableSha(*m_simulator), u"1.0rc4"_s);
    inputs.insert(u"build"_s, u"2"_s);
    inputs.insert(u"label"_s, u"main"_s);
    return inputs;
}

void TestForgeSimulator::contentsServeTheWorkflowFilesLikeGitHub()
{
    const Reply reply =
        gitHubGet(m_repo + u"/contents/.github/workflows/deploy-cxx.yml"_s, u"ref=dev"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject file = reply.object();
    QCOMPARE(file.value(u"type"_s).toString(), u"file"_s);
    QCOMPARE(file.value(u"encoding"_s).toString(), u"base64"_s);
    QCOMPARE(file.value(u"name"_s).toString(), u"deploy-cxx.yml"_s);
    QCOMPARE(file.value(u"path"_s).toString(), u".github/workflows/deploy-cxx.yml"_s);
    const QByteArray yaml = rc::sandbox::deployCxxWorkflowYaml();
    QCOMPARE(file.value(u"size"_s).toInteger(), yaml.size());
    // GitHub wraps the base64 at 60 characters, each line ending in a newline.
    const QStringList lines = file.value(u"content"_s).toString().split(u'\n');
    QVERIFY(lines.size() > 3);
    QCOMPARE(lines.first().size(), 60);
    QVERIFY(lines.last().isEmpty());
    QCOMPARE(QByteArray::fromBase64(lines.join(QString()).toLatin1()), yaml);
    const QByteArray blob = "blob " + QByteArray::number(yaml.size()) + '\0' + yaml;
    QCOMPARE(file.value(u"sha"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha1).toHex()));
    QVERIFY(file.value(u"url"_s).toString().endsWith(u"?ref=dev"_s));
    QVERIFY(file.value(u"_links"_s).toObject().contains(u"git"_s));

    // What the workflow contract check reads in it.
    QVERIFY(yaml.contains("  workflow_dispatch:\n"));
    QVERIFY(yaml.contains("run: printf '${{ inputs.patch }}' > patch.diff\n"));
    QVERIFY(yaml.contains("cancel-in-progress: true\n"));
    QVERIFY(yaml.contains("continue-on-error: true\n"));
    QVERIFY(yaml.contains("types: [conda-build]"));
    QVERIFY(!yaml.contains("run-name:"));
    for (const char *input :
         {"recipe", "url", "sha256", "version", "build", "channel", "label", "patch"})
        QVERIFY(
            yaml.contains(QByteArray("      " + QByteArray(input) + ":\n        description: ")) &&
            yaml.contains("required: true\n        type: string\n"));
    const QByteArray raw = rc::sandbox::deployRawWorkflowYaml();
    QVERIFY(raw.contains("PATCH: ${{ inputs.patch }}") &&
            raw.contains("printf '%s' \"$PATCH\" > patch.diff"));
    QVERIFY(raw.contains("run-name: ") && raw.contains("cancel-in-progress: false\n"));
    QVERIFY(!rc::sandbox::lintWorkflowYaml().contains("workflow_dispatch"));

    // The default branch when no ref is given; the listing of a directory.
    const QJsonObject byDefault =
        gitHubGet(m_repo + u"/contents/.github/workflows/lint.yml"_s).object();
    QVERIFY(byDefault.value(u"url"_s).toString().endsWith(u"?ref=main"_s));
    const Reply listing = gitHubGet(m_repo + u"/contents/.github/workflows"_s);
    QCOMPARE(listing.status, 200);
    QVERIFY(listing.json().isArray());
    QStringList names;
    for (const QJsonValue &entry : listing.json().array())
        names << entry.toObject().value(u"name"_s).toString();
    QCOMPARE(
        names,
        (QStringList {u"deploy-cxx.yml"_s, u"deploy-raw.yml"_s, u"deploy.yml"_s, u"lint.yml"_s}));
}

void TestForgeSimulator::contentsErrorsAndAccess()
{
    const QString path = m_repo + u"/contents/.github/workflows/deploy-cxx.yml"_s;
    const Reply unknownRef = gitHubGet(path, u"ref=nope"_s);
    QCOMPARE(unknownRef.status, 404);
    QCOMPARE(unknownRef.object().value(u"message"_s).toString(),
             u"No commit found for the ref nope"_s);
    const Reply missing = gitHubGet(m_repo + u"/contents/no-such-file"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.object().value(u"message"_s).toString(), u"Not Found"_s);
    // The fine-grained demo token has contents: read; no token sees a private repo as missing.
    QCOMPARE(gitHubGet(path, {}, QString(ForgeSimulator::kGitHubFineGrainedToken)).status, 200);
    QCOMPARE(gitHubGet(path, {}, QString()).status, 404);
    const rc::sandbox::GitHubToken actionsOnly = rc::test::fineGrainedToken(
        u"github_pat_11ACTIONSONLY000000000_NoContents00000000000000000000000000"_s,
        {{u"actions"_s, u"write"_s}, {u"metadata"_s, u"read"_s}});
    m_simulator->gitHub()->addToken(actionsOnly);
    const Reply denied = gitHubGet(path, {}, actionsOnly.token);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.header("X-Accepted-GitHub-Permissions"), "contents=read"_ba);
}

void TestForgeSimulator::branchesAnswerWithTheirHead()
{
    for (const QString &name : {u"main"_s, u"dev"_s}) {
        const Reply reply = gitHubGet(m_repo + u"/branches/"_s + name);
        QCOMPARE(reply.status, 200);
        const QJsonObject branch = reply.object();
        QCOMPARE(branch.value(u"name"_s).toString(), name);
        QCOMPARE(branch.value(u"commit"_s).toObject().value(u"sha"_s).toString(),
                 m_simulator->gitHub()->repository().branches.value(name));
        QCOMPARE(branch.value(u"protected"_s).toBool(), name == u"main"_s);
        QVERIFY(branch.value(u"_links"_s).toObject().contains(u"html"_s));
    }
    const Reply missing = gitHubGet(m_repo + u"/branches/nope"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.object().value(u"message"_s).toString(), u"Branch not found"_s);
}

void TestForgeSimulator::newestInitFilesHoldWhatPrintfMangles()
{
    const auto &commits = m_simulator->gitLab()->commits();
    const QString path = u"/projects/42/repository/files/src%2Fpymodule%2F__init__.py/raw"_s;
    for (qsizetype i : {qsizetype(0), qsizetype(3), qsizetype(4), commits.size() - 1}) {
        const QString sha = commits.at(i).sha;
        const Reply raw = gitLabGet(path, u"ref="_s + sha);
        QCOMPARE(raw.status, 200);
        const bool notice = i < 4;
        QCOMPARE(raw.body.contains("100% Python 'n' C++ \\\\o/"), notice);
        QCOMPARE(raw.body.contains("\"%3d%%\""), notice);
        // The notice sits right above __version__, so a patch's context lines carry it.
        if (notice)
            QVERIFY(raw.body.contains("o/\"\"\"\n__version__ = "));
        if (m_simulator->gitLab()->tarballJobFor(sha))
            QCOMPARE(rc::sandbox::test::initFileOf(m_simulator->gitLab(), sha), raw.body);
    }
}

qint64 TestForgeSimulator::dispatchRun()
{
    const Reply reply = gitHubPost(
        m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s,
        {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}, {u"return_run_details"_s, true}});
    if (reply.status != 200)
        qWarning() << reply.status << reply.body;
    return reply.object().value(u"workflow_run_id"_s).toInteger();
}

QJsonObject TestForgeSimulator::run(qint64 id)
{
    return gitHubGet(m_repo + u"/actions/runs/"_s + QString::number(id)).object();
}

QJsonArray TestForgeSimulator::jobs(qint64 runId)
{
    return gitHubGet(m_repo + u"/actions/runs/"_s + QString::number(runId) + u"/jobs"_s,
                     u"per_page=100"_s)
        .object()
        .value(u"jobs"_s)
        .toArray();
}

void TestForgeSimulator::gitHubUserReportsTokenKindScopesAndExpiry()
{
    const Reply classic = gitHubGet(u"/user"_s);
    QCOMPARE(classic.status, 200);
    QCOMPARE(classic.object().value(u"login"_s).toString(), u"octo-maintainer"_s);
    QCOMPARE(classic.header("X-OAuth-Scopes"), "repo, workflow"_ba);
    QCOMPARE(classic.header("github-authentication-token-expiration"),
             "2025-08-01 10:00:00 UTC"_ba);
    QCOMPARE(classic.header("Date"), "Mon, 02 Jun 2025 10:00:00 GMT"_ba);
    QVERIFY(!classic.header("X-GitHub-Request-Id").isEmpty());
    QCOMPARE(classic.header("x-ratelimit-resource"), "core"_ba);

    const Reply fineGrained =
        gitHubGet(u"/user"_s, {}, QString(ForgeSimulator::kGitHubFineGrainedToken));
    QCOMPARE(fineGrained.status, 200);
    QVERIFY(!fineGrained.headers.contains("x-oauth-scopes"));
    QCOMPARE(fineGrained.header("github-authentication-token-expiration"),
             "2025-07-02 10:00:00 UTC"_ba);

    const Reply anonymous = gitHubGet(u"/user"_s, {}, QString());
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.object().value(u"message"_s).toString(), u"Requires authentication"_s);
}

void TestForgeSimulator::gitHubRejectsBadExpiredAndRevokedTokens()
{
    const Reply wrong = gitHubGet(u"/user"_s, {}, u"ghp_wrong"_s);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.object().value(u"message"_s).toString(), u"Bad credentials"_s);
    QCOMPARE(wrong.object().value(u"status"_s).toString(), u"401"_s);
    QVERIFY(wrong.object()
                .value(u"documentation_url"_s)
                .toString()
                .startsWith(u"https://docs.github.com/"_s));

    rc::sandbox::GitHubToken expiring;
    expiring.token = u"ghp_expiresSoon"_s;
    expiring.expiresAt = m_start.addSecs(60);
    m_simulator->gitHub()->addToken(expiring);
    QCOMPARE(gitHubGet(u"/user"_s, {}, expiring.token).status, 200);
    m_simulator->advance(2min);
    QCOMPARE(gitHubGet(u"/user"_s, {}, expiring.token).status, 401);

    m_simulator->gitHub()->revokeToken(QString(ForgeSimulator::kGitHubClassicToken));
    QCOMPARE(gitHubGet(u"/user"_s).status, 401);
}

void TestForgeSimulator::gitHubEnterprisePrefixServesTheSameApi()
{
    QUrl url = m_simulator->gitHubEnterpriseApiUrl();
    url.setPath(url.path() + m_repo + u"/actions/workflows/deploy-cxx.yml"_s);
    const Reply reply =
        m_client->get(url,
                      {{"Authorization"_ba,
                        "token "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.object().value(u"url"_s).toString().startsWith(
        m_simulator->gitHubEnterpriseApiUrl().toString()));
    QUrl rateLimit = m_simulator->gitHubEnterpriseApiUrl();
    rateLimit.setPath(rateLimit.path() + u"/rate_limit"_s);
    QCOMPARE(m_client->get(rateLimit).status, 200);
}

void TestForgeSimulator::missingPermissionsNameWhatIsMissing()
{
    const rc::sandbox::GitHubToken readOnly = rc::test::fineGrainedToken(
        u"github_pat_readonly"_s, {{u"actions"_s, u"read"_s}, {u"metadata"_s, u"read"_s}});
    m_simulator->gitHub()->addToken(readOnly);
    QCOMPARE(gitHubGet(m_repo + u"/actions/runs"_s, {}, readOnly.token).status, 200);
    const Reply denied =
        gitHubPost(m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s,
                   {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}}, readOnly.token);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.object().value(u"message"_s).toString(),
             u"Resource not accessible by personal access token"_s);
    QCOMPARE(denied.header("X-Accepted-GitHub-Permissions"), "actions=write"_ba);

    const rc::sandbox::GitHubToken noRepo =
        rc::test::classicToken(u"ghp_noRepoScope"_s, {u"read:user"_s});
    m_simulator->gitHub()->addToken(noRepo);
    const Reply hidden = gitHubGet(m_repo + u"/actions/runs"_s, {}, noRepo.token);
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.header("X-Accepted-OAuth-Scopes"), "repo"_ba);
    QCOMPARE(hidden.header("X-OAuth-Scopes"), "read:user"_ba);
}

void TestForgeSimulator::workflowIsActiveWithItsPath()
{
    const Reply reply = gitHubGet(m_repo + u"/actions/workflows/deploy-cxx.yml"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject workflow = reply.object();
    QCOMPARE(workflow.value(u"state"_s).toString(), u"active"_s);
    QCOMPARE(workflow.value(u"path"_s).toString(), u".github/workflows/deploy-cxx.yml"_s);
    QVERIFY(workflow.value(u"id"_s).isDouble());
    const qint64 id = workflow.value(u"id"_s).toInteger();
    QCOMPARE(gitHubGet(m_repo + u"/actions/workflows/"_s + QString::number(id)).status, 200);
    QCOMPARE(gitHubGet(m_repo + u"/actions/workflows/nope.yml"_s).status, 404);
}

void TestForgeSimulator::dispatchValidation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("good") << QString() << 204 << QString();
    QTest::newRow("unknown ref") << u"ref=nope"_s << 422 << u"No ref found for: nope"_s;
    QTest::newRow("refs/heads ref") << u"ref=refs/heads/main"_s << 204 << QString();
    QTest::newRow("missing input")
        << u"drop=patch"_s << 422 << u"Required input 'patch' not provided"_s;
    QTest::newRow("unexpected input")
        << u"add=extra"_s << 422 << u"Unexpected inputs provided: [\"extra\"]"_s;
    QTest::newRow("number input") << u"number=build"_s << 422
                                  << u"Input 'build' must be a string"_s;
    QTest::newRow("too large") << u"huge=patch"_s << 422 << u"Inputs are too large"_s;
    QTest::newRow("no ref") << u"noref"_s << 422 << u"\"ref\" wasn't supplied"_s;
    QTest::newRow("not json") << u"garbage"_s << 400 << u"Problems parsing JSON"_s;
    QTest::newRow("no trigger") << u"workflow=lint.yml"_s << 422
                                << u"Workflow does not have 'workflow_dispatch' trigger"_s;
    QTest::newRow("unknown workflow") << u"workflow=nope.yml"_s << 404 << u"Not Found"_s;
}

void TestForgeSimulator::dispatchValidation()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QString, message);
    QJsonObject inputs = goodInputs();
    QJsonObject body {{u"ref"_s, u"main"_s}};
    QString workflow = u"deploy-cxx.yml"_s;
    const QString key = change.section(u'=', 0, 0);
    const QString value = change.section(u'=', 1);
    if (key == u"ref"_s)
        body.insert(u"ref"_s, value);
    else if (key == u"drop"_s)
        inputs.remove(value);
    else if (key == u"add"_s)
        inputs.insert(value, u"x"_s);
    else if (key == u"number"_s)
        inputs.insert(value, 2);
    else if (key == u"huge"_s)
        inputs.insert(value, QString(70000, u'a'));
    else if (key == u"noref"_s)
        body.remove(u"ref"_s);
    else if (key == u"workflow"_s)
        workflow = value;
    body.insert(u"inputs"_s, inputs);
    const QUrl url = gitHub(m_repo + u"/actions/workflows/"_s + workflow + u"/dispatches"_s);
    const QByteArray payload = key == u"garbage"_s ? "{not json"_ba : QJsonDocument(body).toJson();
    const Reply reply =
        m_client->post(url, payload,
                       {{"Authorization"_ba,
                         "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
    QCOMPARE(reply.status, status);
    if (status == 204) {
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(m_simulator->runs()->runs().size(), 3);  // two historical runs and this one
        return;
    }
    const QJsonObject error = reply.object();
    QVERIFY2(error.value(u"message"_s).toString().contains(message),
             qPrintable(error.value(u"message"_s).toString()));
    QVERIFY(error.value(u"documentation_url"_s)
                .toString()
                .startsWith(u"https://docs.github.com/rest"_s));
    QCOMPARE(error.value(u"status"_s).toString(), QString::number(status));
    if (key == u"unexpected"_s || key == u"number"_s || key == u"drop"_s) {
        QVERIFY(error.value(u"errors"_s).isArray());
        QVERIFY(error.value(u"errors"_s).toArray().first().toObject().contains(u"code"_s));
    }
    QCOMPARE(m_simulator->runs()->runs().size(), 2);  // nothing was started
}

void TestForgeSimulator::dispatchReturnsRunDetailsOrNoContent()
{
    const Reply details = gitHubPost(
        m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s,
        {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}, {u"return_run_details"_s, true}});
    QCOMPARE(details.status, 200);
    const QJsonObject body = details.object();
    const qint64 runId = body.value(u"workflow_run_id"_s).toInteger();
    QVERIFY(runId > 0);
    QCOMPARE(body.value(u"run_url"_s).toString(),
             gitHub(m_repo + u"/actions/runs/"_s + QString::number(runId)).toString());
    QVERIFY(body.value(u"html_url"_s)
                .toString()
                .endsWith(u"/VeloxChem/meta-vlx/actions/runs/"_s + QString::number(runId)));
    const QJsonObject created = run(runId);
    QCOMPARE(created.value(u"event"_s).toString(), u"workflow_dispatch"_s);
    QCOMPARE(created.value(u"status"_s).toString(), u"queued"_s);
    QCOMPARE(created.value(u"head_branch"_s).toString(), u"main"_s);
    QCOMPARE(created.value(u"actor"_s).toObject().value(u"login"_s).toString(),
             u"octo-maintainer"_s);
    QCOMPARE(created.value(u"created_at"_s).toString(), u"2025-06-02T10:00:00Z"_s);

    const Reply plain = gitHubPost(m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s,
                                   {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}});
    QCOMPARE(plain.status, 204);
}

void TestForgeSimulator::enterpriseModeRejectsReturnRunDetails()
{
    m_simulator->gitHub()->setEnterpriseMode(true);
    const QString path = m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s;
    const Reply rejected = gitHubPost(
        path,
        {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}, {u"return_run_details"_s, true}});
    QCOMPARE(rejected.status, 400);
    QVERIFY(rejected.object().value(u"message"_s).toString().contains(u"return_run_details"_s));
    QCOMPARE(m_simulator->runs()->runs().size(), 2);
    QCOMPARE(gitHubPost(path, {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}}).status, 204);
}

void TestForgeSimulator::repositoryDispatchLimits()
{
    const QString path = m_repo + u"/dispatches"_s;
    const Reply longType = gitHubPost(path, {{u"event_type"_s, QString(101, u'x')}});
    QCOMPARE(longType.status, 422);
    QVERIFY(longType.object().value(u"message"_s).toString().contains(u"too long"_s));
    QJsonObject eleven;
    for (int i = 0; i < 11; ++i)
        eleven.insert(u"k"_s + QString::number(i), u"v"_s);
    QCOMPARE(gitHubPost(path, {{u"event_type"_s, u"conda-build"_s}, {u"client_payload"_s, eleven}})
                 .status,
             422);
    QCOMPARE(gitHubPost(path, {{u"client_payload"_s, QJsonObject()}}).status, 422);

    QCOMPARE(
        gitHubPost(path, {{u"event_type"_s, u"conda-build"_s}, {u"client_payload"_s, goodInputs()}})
            .status,
        204);
    const Reply runs = gitHubGet(m_repo + u"/actions/runs"_s, u"event=repository_dispatch"_s);
    QCOMPARE(runs.object().value(u"total_count"_s).toInt(), 1);
    QCOMPARE(gitHubPost(path, {{u"event_type"_s, u"unrelated"_s}}).status, 204);
    QCOMPARE(m_simulator->runs()->runs().size(), 3);
}

void TestForgeSimulator::runProgressesOnTheVirtualClock()
{
    const qint64 runId = dispatchRun();
    QVERIFY(runId > 0);
    QJsonArray current = jobs(runId);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().toObject().value(u"name"_s).toString(), u"prepare"_s);
    QCOMPARE(current.first().toObject().value(u"status"_s).toString(), u"queued"_s);
    QVERIFY(current.first().toObject().value(u"runner_name"_s).isNull());

    m_simulator->advance(5s);
    QCOMPARE(run(runId).value(u"status"_s).toString(), u"in_progress"_s);
    const QJsonObject prepare = jobs(runId).first().toObject();
    QCOMPARE(prepare.value(u"status"_s).toString(), u"in_progress"_s);
    const QJsonArray steps = prepare.value(u"steps"_s).toArray();
    QCOMPARE(steps.first().toObject().value(u"number"_s).toInt(), 1);
    QCOMPARE(steps.first().toObject().value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(steps.at(1).toObject().value(u"status"_s).toString(), u"in_progress"_s);
    QVERIFY(steps.last().toObject().value(u"started_at"_s).isNull());

    advanceMinutes(2);
    current = jobs(runId);
    QCOMPARE(current.size(), 7);  // prepare and the six matrix builds; summary waits for them
    QStringList names;
    for (const QJsonValue &job : std::as_const(current))
        names << job.toObject().value(u"name"_s).toString();
    QVERIFY(names.contains(u"build (ubuntu-latest, 3.12, mpich)"_s));
    QVERIFY(names.contains(u"build (macos-14, 3.13, mpich)"_s));
    QVERIFY(names.contains(u"build (windows-2022, 3.13, msmpi)"_s));
    const QJsonObject windows = current.last().toObject();
    QCOMPARE(windows.value(u"labels"_s).toArray().first().toString(), u"windows-2022"_s);
    QCOMPARE(windows.value(u"status"_s).toString(), u"in_progress"_s);
    QVERIFY(windows.value(u"runner_name"_s).toString().startsWith(u"GitHub Actions"_s));

    advanceMinutes(20);
    const QJsonObject done = run(runId);
    QCOMPARE(done.value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(done.value(u"conclusion"_s).toString(), u"success"_s);
    current = jobs(runId);
    QCOMPARE(current.size(), 8);
    for (const QJsonValue &job : std::as_const(current)) {
        QCOMPARE(job.toObject().value(u"conclusion"_s).toString(), u"success"_s);
        QVERIFY(!job.toObject().value(u"completed_at"_s).isNull());
    }
    const QJsonArray artifacts =
        gitHubGet(m_repo + u"/actions/runs/"_s + QString::number(runId) + u"/artifacts"_s)
            .object()
            .value(u"artifacts"_s)
            .toArray();
    QCOMPARE(artifacts.size(), 6);
    QStringList artifactNames;
    for (const QJsonValue &artifact : artifacts)
        artifactNames << artifact.toObject().value(u"name"_s).toString();
    QVERIFY(artifactNames.contains(u"build_summary-ubuntu-latest_3.12_mpich"_s));
    QVERIFY(artifactNames.contains(u"build_summary-windows-2022_3.13_msmpi"_s));
}

void TestForgeSimulator::continueOnErrorHidesTheFailureInTheJobConclusion()
{
    m_simulator->runs()->setPlatformOutcome(u"windows-2022_3.13_*"_s, BuildOutcome::BuildFails);
    const qint64 runId = dispatchRun();
    advanceMinutes(30);
    QCOMPARE(run(runId).value(u"conclusion"_s).toString(), u"success"_s);
    for (const QJsonValue &job : jobs(runId))
        QCOMPARE(job.toObject().value(u"conclusion"_s).toString(), u"success"_s);

    const QJsonArray artifacts =
        gitHubGet(m_repo + u"/actions/runs/"_s + QString::number(runId) + u"/artifacts"_s)
            .object()
            .value(u"artifacts"_s)
            .toArray();
    QHash<QString, QString> outcomes;
    for (const QJsonValue &value : artifacts) {
        const QJsonObject artifact = value.toObject();
        const Reply redirect = m_client->get(
            QUrl(artifact.value(u"archive_download_url"_s).toString()),
            {{"Authorization"_ba,
              "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
        QCOMPARE(redirect.status, 302);
        const Reply zip = m_client->get(QUrl(QString::fromUtf8(redirect.header("Location"))));
        QCOMPARE(zip.status, 200);
        QCOMPARE(zip.header("Content-Type"), "application/zip"_ba);
        const QJsonObject summary =
            QJsonDocument::fromJson(sandboxtest::extractFile(zip.body, u"summary.json"_s)).object();
        outcomes.insert(artifact.value(u"name"_s).toString(),
                        summary.value(u"outcome"_s).toString());
    }
    QCOMPARE(outcomes.size(), 6);
    QCOMPARE(outcomes.value(u"build_summary-windows-2022_3.13_msmpi"_s), u"failure"_s);
    QCOMPARE(outcomes.value(u"build_summary-windows-2022_3.12_msmpi"_s), u"success"_s);
    QCOMPARE(outcomes.value(u"build_summary-macos-14_3.13_mpich"_s), u"success"_s);
}

void TestForgeSimulator::wrongChecksumFailsTheJob()
{
    QJsonObject inputs = goodInputs();
    inputs.insert(u"sha256"_s, QString(64, u'0'));
    QCOMPARE(gitHubPost(m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s,
                        {{u"ref"_s, u"main"_s}, {u"inputs"_s, inputs}})
                 .status,
             204);
    const qint64 runId = m_simulator->runs()->runs().first()->id;
    advanceMinutes(30);
    const QJsonObject finished = run(runId);
    QCOMPARE(finished.value(u"conclusion"_s).toString(), u"failure"_s);
    for (const QJsonValue &value : jobs(runId)) {
        const QJsonObject job = value.toObject();
        if (!job.value(u"name"_s).toString().startsWith(u"build"_s))
            continue;
        QCOMPARE(job.value(u"conclusion"_s).toString(), u"failure"_s);
        bool sawFailure = false;
        for (const QJsonValue &step : job.value(u"steps"_s).toArray()) {
            if (step.toObject().value(u"name"_s).toString() == u"Verify checksum"_s)
                sawFailure = step.toObject().value(u"conclusion"_s).toString() == u"failure"_s;
        }
        QVERIFY(sawFailure);
    }
}

void TestForgeSimulator::newDispatchCancelsTheRunInProgress()
{
    const qint64 first = dispatchRun();
    advanceMinutes(3);
    QCOMPARE(run(first).value(u"status"_s).toString(), u"in_progress"_s);
    const qint64 second = dispatchRun();
    QVERIFY(second != first);
    const QJsonObject cancelled = run(first);
    QCOMPARE(cancelled.value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(cancelled.value(u"conclusion"_s).toString(), u"cancelled"_s);
    for (const QJsonValue &job : jobs(first)) {
        const QString conclusion = job.toObject().value(u"conclusion"_s).toString();
        QVERIFY(conclusion == u"cancelled"_s || conclusion == u"success"_s);
    }
    advanceMinutes(30);
    QCOMPARE(run(second).value(u"conclusion"_s).toString(), u"success"_s);
    QCOMPARE(run(first).value(u"conclusion"_s).toString(), u"cancelled"_s);
}

void TestForgeSimulator::cancelAndRerun()
{
    const qint64 runId = dispatchRun();
    const QString runPath = m_repo + u"/actions/runs/"_s + QString::number(runId);
    advanceMinutes(4);
    const Reply cancel = gitHubPost(runPath + u"/cancel"_s, {});
    QCOMPARE(cancel.status, 202);
    QCOMPARE(cancel.object(), QJsonObject());
    QCOMPARE(run(runId).value(u"conclusion"_s).toString(), u"cancelled"_s);
    const Reply again = gitHubPost(runPath + u"/cancel"_s, {});
    QCOMPARE(again.status, 409);
    QCOMPARE(again.object().value(u"status"_s).toString(), u"409"_s);

    QCOMPARE(gitHubPost(runPath + u"/rerun-failed-jobs"_s, {}).status, 201);
    QJsonObject rerun = run(runId);
    QCOMPARE(rerun.value(u"run_attempt"_s).toInt(), 2);
    QCOMPARE(rerun.value(u"status"_s).toString(), u"queued"_s);
    QVERIFY(!rerun.value(u"previous_attempt_url"_s).isNull());
    advanceMinutes(30);
    rerun = run(runId);
    QCOMPARE(rerun.value(u"conclusion"_s).toString(), u"success"_s);
    QCOMPARE(jobs(runId).size(), 8);
    QVERIFY(
        gitHubGet(runPath + u"/jobs"_s, u"filter=all"_s).object().value(u"total_count"_s).toInt() >
        8);

    const qint64 jobId = jobs(runId).at(2).toObject().value(u"id"_s).toInteger();
    QCOMPARE(
        gitHubPost(m_repo + u"/actions/jobs/"_s + QString::number(jobId) + u"/rerun"_s, {}).status,
        201);
    QCOMPARE(run(runId).value(u"run_attempt"_s).toInt(), 3);
    QCOMPARE(run(runId).value(u"status"_s).toString(), u"queued"_s);
    QCOMPARE(
        gitHubPost(m_repo + u"/actions/jobs/"_s + QString::number(jobId) + u"/rerun"_s, {}).status,
        404);
    QCOMPARE(gitHubPost(m_repo + u"/actions/runs/1/cancel"_s, {}).status, 404);
}

void TestForgeSimulator::listRunsFiltersAndPaginates()
{
    const qint64 runId = dispatchRun();
    const Reply mine = gitHubGet(
        m_repo + u"/actions/runs"_s,
        u"event=workflow_dispatch&actor=octo-maintainer&created=%3E%3D2025-06-02T10:00:00Z"_s);
    QCOMPARE(mine.status, 200);
    const QJsonArray runs = mine.object().value(u"workflow_runs"_s).toArray();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().toObject().value(u"id"_s).toInteger(), runId);
    QCOMPARE(gitHubGet(m_repo + u"/actions/runs"_s, u"status=completed"_s)
                 .object()
                 .value(u"total_count"_s)
                 .toInt(),
             2);
    QCOMPARE(gitHubGet(m_repo + u"/actions/runs"_s, u"branch=dev"_s)
                 .object()
                 .value(u"total_count"_s)
                 .toInt(),
             0);
    QCOMPARE(gitHubGet(m_repo + u"/actions/workflows/deploy-cxx.yml/runs"_s)
                 .object()
                 .value(u"total_count"_s)
                 .toInt(),
             3);

    const Reply first = gitHubGet(m_repo + u"/actions/runs"_s, u"per_page=1"_s);
    QCOMPARE(first.object().value(u"total_count"_s).toInt(), 3);
    QCOMPARE(first.object().value(u"workflow_runs"_s).toArray().size(), 1);
    const QByteArray link = first.header("Link");
    QVERIFY2(link.contains("page=2>; rel=\"next\""), link.constData());
    QVERIFY2(link.contains("page=3>; rel=\"last\""), link.constData());
    QVERIFY(!link.contains("rel=\"prev\""));
    const Reply last = gitHubGet(m_repo + u"/actions/runs"_s, u"per_page=1&page=3"_s);
    QVERIFY(last.header("Link").contains("page=2>; rel=\"prev\""));
    QVERIFY(last.header("Link").contains("page=1>; rel=\"first\""));
    QVERIFY(!last.header("Link").contains("rel=\"next\""));
    // Newest first.
    QCOMPARE(first.object()
                 .value(u"workflow_runs"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"id"_s)
                 .toInteger(),
             runId);
}

void TestForgeSimulator::jobsArePaginatedWithLinkHeaders()
{
    const qint64 runId = dispatchRun();
    advanceMinutes(30);
    const QString path = m_repo + u"/actions/runs/"_s + QString::number(runId) + u"/jobs"_s;
    QSet<qint64> seen;
    QUrl next = gitHub(path, u"per_page=3"_s);
    int pages = 0;
    while (next.isValid() && pages < 10) {
        const Reply page = m_client->get(
            next,
            {{"Authorization"_ba,
              "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
        QCOMPARE(page.status, 200);
        QCOMPARE(page.object().value(u"total_count"_s).toInt(), 8);
        for (const QJsonValue &job : page.object().value(u"jobs"_s).toArray())
            seen.insert(job.toObject().value(u"id"_s).toInteger());
        ++pages;
        next = QUrl();
        for (const QByteArray &part : page.header("Link").split(',')) {
            if (part.contains("rel=\"next\""))
                next = QUrl(QString::fromUtf8(
                    part.mid(part.indexOf('<') + 1, part.indexOf('>') - part.indexOf('<') - 1)));
        }
    }
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 8);
}

void TestForgeSimulator::etagsAnswer304WithoutSpendingRateLimit()
{
    const qint64 runId = dispatchRun();
    const QString path = m_repo + u"/actions/runs/"_s + QString::number(runId);
    const Reply first = gitHubGet(path);
    const QByteArray etag = first.header("ETag");
    QVERIFY(etag.startsWith("W/\""));
    const int usedBefore = first.header("x-ratelimit-used").toInt();

    const Reply unchanged = gitHubGet(path, {}, QString(ForgeSimulator::kGitHubClassicToken), etag);
    QCOMPARE(unchanged.status, 304);
    QVERIFY(unchanged.body.isEmpty());
    QCOMPARE(unchanged.header("ETag"), etag);
    QCOMPARE(unchanged.header("x-ratelimit-used").toInt(), usedBefore);
    QVERIFY(!unchanged.header("Date").isEmpty());

    m_simulator->advance(1s);  // nothing visible on the run changes within a second of queueing
    QCOMPARE(gitHubGet(path, {}, QString(ForgeSimulator::kGitHubClassicToken), etag).status, 304);
    m_simulator->advance(10s);  // the first job started: the run is in progress
    const Reply changed = gitHubGet(path, {}, QString(ForgeSimulator::kGitHubClassicToken), etag);
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.header("ETag") != etag);
    QCOMPARE(changed.header("x-ratelimit-used").toInt(), usedBefore + 1);

    // GitLab and anaconda.org answer conditional requests too.
    const Reply commits = gitLabGet(u"/projects/42/repository/commits"_s);
    const Reply commitsAgain =
        m_client->get(gitLab(u"/projects/42/repository/commits"_s),
                      {{"PRIVATE-TOKEN"_ba, QByteArray(ForgeSimulator::kGitLabToken.data())},
                       {"If-None-Match"_ba, commits.header("ETag")}});
    QCOMPARE(commitsAgain.status, 304);
    QUrl files = m_simulator->anacondaApiUrl();
    files.setPath(u"/package/veloxchem/veloxchem/files"_s);
    const Reply listing = m_client->get(files);
    QCOMPARE(m_client->get(files, {{"If-None-Match"_ba, listing.header("ETag")}}).status, 304);
}

void TestForgeSimulator::exhaustedRateLimitAnswers403AndCreatesNothing()
{
    const QString path = m_repo + u"/actions/workflows/deploy-cxx.yml"_s;
    const Reply fresh = gitHubGet(path);
    m_simulator->gitHub()->setRateLimit(5000, 1);
    const Reply last = gitHubGet(path);
    QCOMPARE(last.status, 200);
    QCOMPARE(last.header("x-ratelimit-remaining"), "0"_ba);
    const Reply limited = gitHubGet(path);
    QCOMPARE(limited.status, 403);
    QVERIFY(
        limited.object().value(u"message"_s).toString().startsWith(u"API rate limit exceeded"_s));
    QCOMPARE(limited.header("x-ratelimit-remaining"), "0"_ba);
    QCOMPARE(limited.header("x-ratelimit-reset").toLongLong(),
             m_start.addSecs(3600).toSecsSinceEpoch());
    QVERIFY(limited.header("retry-after").isEmpty());
    // A conditional request that matches is still answered, free.
    QCOMPARE(gitHubGet(path, {}, QString(ForgeSimulator::kGitHubClassicToken), fresh.header("ETag"))
                 .status,
             304);
    QCOMPARE(gitHubPost(m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s,
                        {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}})
                 .status,
             403);
    QCOMPARE(m_simulator->runs()->runs().size(), 2);
    // /rate_limit itself does not count.
    const Reply overview = gitHubGet(u"/rate_limit"_s);
    QCOMPARE(overview.status, 200);
    QCOMPARE(overview.object()
                 .value(u"resources"_s)
                 .toObject()
                 .value(u"core"_s)
                 .toObject()
                 .value(u"remaining"_s)
                 .toInt(),
             0);
    m_simulator->advance(61min);
    QCOMPARE(gitHubGet(path).status, 200);
}

void TestForgeSimulator::artifactAndLogRedirectToTheOtherHost()
{
    const qint64 runId = dispatchRun();
    advanceMinutes(30);
    const QJsonObject artifact =
        gitHubGet(m_repo + u"/actions/runs/"_s + QString::number(runId) + u"/artifacts"_s,
                  u"name=build_summary-ubuntu-latest_3.12_mpich"_s)
            .object()
            .value(u"artifacts"_s)
            .toArray()
            .first()
            .toObject();
    QCOMPARE(artifact.value(u"name"_s).toString(), u"build_summary-ubuntu-latest_3.12_mpich"_s);
    QVERIFY(artifact.value(u"size_in_bytes"_s).toInteger() > 0);
    QCOMPARE(artifact.value(u"expired"_s).toBool(), false);
    const Reply redirect =
        gitHubGet(m_repo + u"/actions/artifacts/"_s +
                  QString::number(artifact.value(u"id"_s).toInteger()) + u"/zip"_s);
    QCOMPARE(redirect.status, 302);
    const QUrl location(QString::fromUtf8(redirect.header("Location")));
    QCOMPARE(location.host(), m_simulator->otherHostUrl().host());
    QVERIFY(location.host() != m_simulator->gitHubApiUrl().host() ||
            location.port() != m_simulator->gitHubApiUrl().port());
    const Reply zip = m_client->get(location);
    QCOMPARE(zip.status, 200);
    QCOMPARE(zip.body.size(), artifact.value(u"size_in_bytes"_s).toInteger());
    const QJsonObject summary =
        QJsonDocument::fromJson(sandboxtest::extractFile(zip.body, u"summary.json"_s)).object();
    QCOMPARE(summary.value(u"outcome"_s).toString(), u"success"_s);
    QCOMPARE(summary.value(u"version"_s).toString(), u"1.0rc4"_s);

    const qint64 jobId = jobs(runId).at(1).toObject().value(u"id"_s).toInteger();
    const Reply logRedirect =
        gitHubGet(m_repo + u"/actions/jobs/"_s + QString::number(jobId) + u"/logs"_s);
    QCOMPARE(logRedirect.status, 302);
    const Reply log = m_client->get(QUrl(QString::fromUtf8(logRedirect.header("Location"))));
    QCOMPARE(log.status, 200);
    QVERIFY(log.header("Content-Type").startsWith("text/plain"));
    QVERIFY(log.body.contains("##[group]Run conda install --yes conda-build anaconda-client"));
    QVERIFY(log.body.contains(" Upload complete\n"));
    QVERIFY(m_simulator->credentialLeaks().isEmpty());
}

QJsonObject TestForgeSimulator::jobNamed(qint64 runId, const QString &prefix)
{
    for (const QJsonValue &value : jobs(runId)) {
        if (value.toObject().value(u"name"_s).toString().startsWith(prefix))
            return value.toObject();
    }
    return {};
}

Reply TestForgeSimulator::annotationsOf(const QJsonObject &job, const QString &query,
                                        const QString &token)
{
    // Where the job says its check run is, as a client would follow it.
    const QUrl checkRun(job.value(u"check_run_url"_s).toString());
    return gitHubGet(checkRun.path() + u"/annotations"_s, query, token);
}

void TestForgeSimulator::checkRunAnnotationsTellWhyAStepFailed()
{
    m_simulator->runs()->setPlatformOutcome(u"windows-2022_3.12_*"_s, BuildOutcome::BuildFails);
    m_simulator->runs()->setPlatformOutcome(u"macos-14_3.13_*"_s, BuildOutcome::JobFails);
    const qint64 runId = dispatchRun();
    advanceMinutes(30);
    const QJsonObject compiled = jobNamed(runId, u"build (windows-2022, 3.12"_s);
    const QJsonObject checksum = jobNamed(runId, u"build (macos-14, 3.13"_s);
    const QJsonObject fine = jobNamed(runId, u"build (ubuntu-latest, 3.12"_s);
    QVERIFY(!compiled.isEmpty() && !checksum.isEmpty() && !fine.isEmpty());
    // GitHub gives an Actions job's check run the job's id.
    QCOMPARE(
        compiled.value(u"check_run_url"_s).toString(),
        gitHub(m_repo + u"/check-runs/"_s + QString::number(compiled.value(u"id"_s).toInteger()))
            .toString());

    // continue-on-error: the job is a success, its annotations still say the build failed.
    QCOMPARE(compiled.value(u"conclusion"_s).toString(), u"success"_s);
    const Reply reply = annotationsOf(compiled);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    const QJsonArray annotations = reply.json().array();
    QCOMPARE(annotations.size(), 2);
    const QJsonObject first = annotations.at(0).toObject();
    QCOMPARE(first.value(u"annotation_level"_s).toString(), u"failure"_s);
    QCOMPARE(first.value(u"title"_s).toString(), u"conda-build failed"_s);
    QVERIFY2(
        first.value(u"message"_s)
            .toString()
            .contains(
                u"StringFormat.cpp(42): error C2039: 'string_view': is not a member of 'std'"_s),
        qPrintable(first.value(u"message"_s).toString()));
    QCOMPARE(first.value(u"path"_s).toString(), u".github"_s);
    QCOMPARE(first.value(u"start_line"_s).toInt(), 1);
    QCOMPARE(first.value(u"end_line"_s).toInt(), 1);
    QVERIFY(first.value(u"start_column"_s).isNull());
    QVERIFY(first.value(u"raw_details"_s).isString());
    QVERIFY(first.value(u"blob_href"_s)
                .toString()
                .endsWith(u"/VeloxChem/meta-vlx/blob/"_s +
                          compiled.value(u"head_sha"_s).toString() + u"/.github"_s));
    const QJsonObject second = annotations.at(1).toObject();
    QCOMPARE(second.value(u"message"_s).toString(), u"Process completed with exit code 1."_s);
    QCOMPARE(second.value(u"annotation_level"_s).toString(), u"failure"_s);

    const QJsonArray checksumAnnotations = annotationsOf(checksum).json().array();
    QCOMPARE(checksumAnnotations.size(), 1);
    QCOMPARE(checksumAnnotations.at(0).toObject().value(u"message"_s).toString(),
             u"Process completed with exit code 1."_s);
    const Reply none = annotationsOf(fine);
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json().array().size(), 0);

    // Paged like every GitHub list, with a Link to the next page.
    const Reply paged = annotationsOf(compiled, u"per_page=1"_s);
    QCOMPARE(paged.json().array().size(), 1);
    QVERIFY(paged.header("Link").contains("rel=\"next\""));
    QCOMPARE(gitHubGet(m_repo + u"/check-runs/1/annotations"_s).status, 404);

    // An upload refused because the file is there: the second run of the same build.
    m_simulator->runs()->clearPlatformOutcomes();
    const qint64 again = dispatchRun();
    advanceMinutes(30);
    const QJsonArray refused =
        annotationsOf(jobNamed(again, u"build (ubuntu-latest, 3.12"_s)).json().array();
    QCOMPARE(refused.size(), 2);
    QVERIFY(refused.at(0)
                .toObject()
                .value(u"message"_s)
                .toString()
                .startsWith(u"[ERROR] Distribution already exists."_s));
}

void TestForgeSimulator::checkRunAnnotationsNeedChecksRead()
{
    const qint64 runId = dispatchRun();
    advanceMinutes(30);
    const QJsonObject job = jobNamed(runId, u"build"_s);
    // The demo fine-grained token has actions, contents and metadata, not checks.
    const Reply denied = annotationsOf(job, {}, QString(ForgeSimulator::kGitHubFineGrainedToken));
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.object().value(u"message"_s).toString(),
             u"Resource not accessible by personal access token"_s);
    QCOMPARE(denied.header("X-Accepted-GitHub-Permissions"), "checks=read"_ba);
    const rc::sandbox::GitHubToken checks = rc::test::fineGrainedToken(
        u"github_pat_checks"_s, {{u"checks"_s, u"read"_s}, {u"metadata"_s, u"read"_s}});
    m_simulator->gitHub()->addToken(checks);
    QCOMPARE(annotationsOf(job, {}, checks.token).status, 200);
    // The private repo does not exist without a token, nor for a classic token without repo.
    QCOMPARE(annotationsOf(job, {}, QString()).status, 404);
    const rc::sandbox::GitHubToken noRepo =
        rc::test::classicToken(u"ghp_noRepoScope"_s, {u"read:user"_s});
    m_simulator->gitHub()->addToken(noRepo);
    const Reply hidden = annotationsOf(job, {}, noRepo.token);
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.header("X-Accepted-OAuth-Scopes"), "repo"_ba);
}

void TestForgeSimulator::jobLogsReadLikeARunnersOutput_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("outcome");  // BuildOutcome
    QTest::addColumn<QStringList>("decisive");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("success") << u"ubuntu-latest_3.12_*"_s << int(BuildOutcome::Success)
                             << QStringList {u"BUILD START: ['veloxchem-1.0rc4-py312h"_s,
                                             u"412 passed, 6 skipped"_s, u"Upload complete"_s}
                             << QStringList {u"##[error]"_s};
    QTest::newRow("compile error (gcc)")
        << u"ubuntu-latest_3.13_*"_s << int(BuildOutcome::BuildFails)
        << QStringList {u"FAILED: src/CMakeFiles/vlxobjs.dir/general/StringFormat.cpp.o"_s,
                        u"StringFormat.cpp:42:10: error: 'string_view' in namespace 'std' does "
                        "not name a type"_s,
                        u"ninja: build stopped: subcommand failed."_s,
                        u"conda_build.exceptions.BuildScriptException: Command failed"_s,
                        u"##[error]Process completed with exit code 1."_s}
        << QStringList {u"TEST START"_s, u"Upload complete"_s};
    QTest::newRow("compile error (clang)")
        << u"macos-14_3.12_*"_s << int(BuildOutcome::BuildFails)
        << QStringList {u"error: no member named 'string_view' in namespace 'std'"_s}
        << QStringList {u"Upload complete"_s};
    QTest::newRow("checksum")
        << u"windows-2022_3.13_*"_s << int(BuildOutcome::JobFails)
        << QStringList {u"tarball.tar.bz2: FAILED"_s,
                        u"sha256sum: WARNING: 1 computed checksum did NOT match"_s,
                        u"##[error]Process completed with exit code 1."_s}
        << QStringList {u"BUILD START"_s, u"##[group]Run git apply"_s};
}

void TestForgeSimulator::jobLogsReadLikeARunnersOutput()
{
    QFETCH(QString, platform);
    QFETCH(int, outcome);
    QFETCH(QStringList, decisive);
    QFETCH(QStringList, absent);
    m_simulator->runs()->setPlatformOutcome(platform, BuildOutcome(outcome));
    const qint64 runId = dispatchRun();
    advanceMinutes(30);
    const rc::sandbox::Job *job = nullptr;
    for (const rc::sandbox::Job *candidate : m_simulator->runs()->jobsOf(runId)) {
        if (candidate->platform &&
            QRegularExpression(QRegularExpression::wildcardToRegularExpression(platform))
                .match(candidate->platform->key())
                .hasMatch())
            job = candidate;
    }
    QVERIFY(job);
    const Reply redirect =
        gitHubGet(m_repo + u"/actions/jobs/"_s + QString::number(job->id) + u"/logs"_s);
    QCOMPARE(redirect.status, 302);
    const QString log =
        QString::fromUtf8(m_client->get(QUrl(QString::fromUtf8(redirect.header("Location")))).body);
    const QStringList lines = log.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() > 50 && lines.size() < 3000, qPrintable(QString::number(lines.size())));
    // Every line as GitHub writes it: a UTC time with 7 fractional digits, then the text.
    static const QRegularExpression stamped(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z "_s);
    for (const QString &line : lines)
        QVERIFY2(stamped.match(line).hasMatch(), qPrintable(line));
    QVERIFY(log.contains(u"Complete job name: "_s + job->name));
    QVERIFY(log.contains(u"##[group]Run actions/checkout@v4"_s));
    QCOMPARE(log.count(u"##[group]"_s), log.count(u"##[endgroup]"_s));
    for (const QString &line : decisive)
        QVERIFY2(log.contains(line), qPrintable(line));
    for (const QString &line : absent)
        QVERIFY2(!log.contains(line), qPrintable(line));
    // Times only move forward.
    QString previous;
    for (const QString &line : lines) {
        QVERIFY2(line.left(28) >= previous, qPrintable(line));
        previous = line.left(28);
    }
    QVERIFY(m_simulator->credentialLeaks().isEmpty());
}

void TestForgeSimulator::graphqlAnswersHonestly()
{
    const QByteArray query = R"({"query":"query { viewer { login } }"})";
    const QList<QPair<QByteArray, QByteArray>> auth {
        {"Authorization"_ba,
         "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}};
    const int coreBefore = gitHubGet(u"/rate_limit"_s)
                               .object()
                               .value(u"resources"_s)
                               .toObject()
                               .value(u"core"_s)
                               .toObject()
                               .value(u"used"_s)
                               .toInt();
    for (const QString &path : {u"/graphql"_s, u"/api/graphql"_s}) {
        const Reply anonymous = m_client->post(gitHub(path), query);
        QCOMPARE(anonymous.status, 401);
        QVERIFY(anonymous.object().value(u"message"_s).toString().contains(u"authenticated"_s));
        const Reply reply = m_client->post(gitHub(path), query, auth);
        QCOMPARE(reply.status, 200);
        const QJsonArray errors = reply.object().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(u"type"_s).toString(), u"NOT_SUPPORTED"_s);
        QCOMPARE(errors.at(0).toObject().value(u"message"_s).toString(),
                 u"The sandbox does not model this GraphQL query: query { viewer { login } }"_s);
        QCOMPARE(reply.header("x-ratelimit-resource"), "graphql"_ba);
        const Reply badCredentials =
            m_client->post(gitHub(path), query, {{"Authorization"_ba, "Bearer nope"_ba}});
        QCOMPARE(badCredentials.status, 401);
        QCOMPARE(badCredentials.object().value(u"message"_s).toString(), u"Bad credentials"_s);
    }
    const Reply notJson = m_client->post(gitHub(u"/graphql"_s), "{", auth);
    QCOMPARE(notJson.status, 200);
    QCOMPARE(notJson.object()
                 .value(u"errors"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"message"_s)
                 .toString(),
             u"Problems parsing JSON"_s);
    const QJsonObject resources =
        gitHubGet(u"/rate_limit"_s).object().value(u"resources"_s).toObject();
    QCOMPARE(resources.value(u"graphql"_s).toObject().value(u"used"_s).toInt(), 3);
    QCOMPARE(m_simulator->gitHub()->graphqlRateLimitUsed(), 3);
    // GraphQL has its own bucket: the REST budget is untouched.
    QCOMPARE(resources.value(u"core"_s).toObject().value(u"used"_s).toInt(), coreBefore);
}

void TestForgeSimulator::otherHostRecordsCredentials()
{
    QUrl blob = m_simulator->otherHostUrl();
    blob.setPath(u"/blobs/logs/1.txt"_s);
    m_client->get(blob, {{"Authorization"_ba, "Bearer leaked"_ba}});
    m_client->get(blob, {{"PRIVATE-TOKEN"_ba, "leaked-too"_ba}});
    m_client->get(blob);
    const QList<rc::sandbox::LoggedRequest> leaks = m_simulator->credentialLeaks();
    QCOMPARE(leaks.size(), 2);
    QCOMPARE(leaks.first().header("Authorization"), "Bearer leaked"_ba);
    QCOMPARE(leaks.last().header("PRIVATE-TOKEN"), "leaked-too"_ba);
}

void TestForgeSimulator::gitLabTokenProjectCommitsAndPipelines()
{
    const Reply version = gitLabGet(u"/version"_s);
    QCOMPARE(version.status, 200);
    QVERIFY(version.object().value(u"version"_s).isString());
    QVERIFY(!version.header("RateLimit-Limit").isEmpty());
    QVERIFY(!version.header("RateLimit-Remaining").isEmpty());
    QCOMPARE(gitLabGet(u"/user"_s).object().value(u"username"_s).toString(), u"maintainer"_s);
    const QJsonObject self = gitLabGet(u"/personal_access_tokens/self"_s).object();
    QCOMPARE(self.value(u"scopes"_s).toArray(), QJsonArray {u"read_api"_s});
    QCOMPARE(self.value(u"expires_at"_s).toString(), u"2025-08-31"_s);
    QCOMPARE(self.value(u"active"_s).toBool(), true);

    const Reply project = gitLabGet(u"/projects/veloxchem%2Fveloxchem"_s);
    QCOMPARE(project.status, 200);
    QCOMPARE(project.object().value(u"id"_s).toInt(), 42);
    QCOMPARE(project.object().value(u"default_branch"_s).toString(), u"master"_s);

    const Reply commits =
        gitLabGet(u"/projects/42/repository/commits"_s, u"ref_name=master&per_page=10&page=2"_s);
    QCOMPARE(commits.status, 200);
    QCOMPARE(commits.json().array().size(), 10);
    QCOMPARE(commits.header("X-Total"), "30"_ba);
    QCOMPARE(commits.header("X-Total-Pages"), "3"_ba);
    QCOMPARE(commits.header("X-Next-Page"), "3"_ba);
    QCOMPARE(commits.header("X-Prev-Page"), "1"_ba);
    QVERIFY(commits.header("Link").contains("rel=\"next\""));
    const QJsonObject commit = commits.json().array().first().toObject();
    for (const QString &field : {u"id"_s, u"short_id"_s, u"title"_s, u"message"_s, u"author_name"_s,
                                 u"authored_date"_s, u"committed_date"_s, u"web_url"_s})
        QVERIFY2(commit.value(field).isString(), qPrintable(field));
    QVERIFY(commit.value(u"parent_ids"_s).isArray());

    int conventional = 0;
    for (const QJsonValue &value :
         gitLabGet(u"/projects/42/repository/commits"_s, u"per_page=100"_s).json().array()) {
        if (value.toObject()
                .value(u"title"_s)
                .toString()
                .contains(u"[conda-build]"_s, Qt::CaseInsensitive))
            ++conventional;
    }
    QVERIFY(conventional >= 3);

    const QJsonArray pipelines =
        gitLabGet(u"/projects/42/pipelines"_s, u"ref=master&per_page=100"_s).json().array();
    QSet<QString> statuses;
    for (const QJsonValue &pipeline : pipelines)
        statuses.insert(pipeline.toObject().value(u"status"_s).toString());
    QVERIFY(statuses.contains(u"success"_s) && statuses.contains(u"failed"_s) &&
            statuses.contains(u"running"_s));

    const rc::sandbox::GitLabPipeline &succeeded = m_simulator->gitLab()->pipelines().at(1);
    const QJsonArray pipelineJobs =
        gitLabGet(u"/projects/42/pipelines/"_s + QString::number(succeeded.id) + u"/jobs"_s)
            .json()
            .array();
    QCOMPARE(pipelineJobs.size(), 2);
    const QJsonObject tarballJob = pipelineJobs.first().toObject();
    QCOMPARE(tarballJob.value(u"name"_s).toString(), u"conda-tarball"_s);
    QCOMPARE(tarballJob.value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(tarballJob.value(u"pipeline"_s).toObject().value(u"sha"_s).toString(), succeeded.sha);
    QCOMPARE(tarballJob.value(u"artifacts_file"_s).toObject().value(u"filename"_s).toString(),
             u"artifacts.zip"_s);

    const Reply single = gitLabGet(u"/projects/42/repository/commits/"_s + succeeded.sha);
    QCOMPARE(single.object().value(u"last_pipeline"_s).toObject().value(u"id"_s).toInteger(),
             succeeded.id);
    QCOMPARE(gitLabGet(u"/projects/42/repository/commits/deadbeef00"_s)
                 .object()
                 .value(u"message"_s)
                 .toString(),
             u"404 Commit Not Found"_s);
}

void TestForgeSimulator::gitLabTarballIsDeterministicWithRecipeTopFolder()
{
    const rc::sandbox::GitLabPipeline &succeeded = m_simulator->gitLab()->pipelines().at(1);
    const QUrl url = m_simulator->tarballUrl(succeeded.sha);
    QVERIFY(url.path().endsWith(u"/artifacts/veloxchem.tar.bz2"_s));
    const Reply first =
        m_client->get(url, {{"PRIVATE-TOKEN"_ba, QByteArray(ForgeSimulator::kGitLabToken.data())}});
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.startsWith("BZh"));
    const QStringList entries = sandboxtest::archiveEntries(first.body);
    for (const QString &entry : entries)
        QVERIFY2(entry.startsWith(u"veloxchem/"_s), qPrintable(entry));
    const QByteArray init =
        sandboxtest::extractFile(first.body, u"veloxchem/src/pymodule/__init__.py"_s);
    QVERIFY(init.contains("__version__ = \"1.0rc4.dev"));

    // Another simulator started at the same instant serves the very same bytes.
    ForgeSimulator twin(m_start);
    QCOMPARE(twin.gitLab()->tarballFor(succeeded.sha), first.body);
    QCOMPARE(m_client->get(url).status, 404);  // private project, no token
}

void TestForgeSimulator::gitLabRawFileAndRepositoryArchive()
{
    const QString sha = m_simulator->gitLab()->commits().at(3).sha;
    const Reply raw = gitLabGet(u"/projects/42/repository/files/src%2Fpymodule%2F__init__.py/raw"_s,
                                u"ref="_s + sha);
    QCOMPARE(raw.status, 200);
    QVERIFY(raw.body.contains("__version__"));
    QCOMPARE(gitLabGet(u"/projects/42/repository/files/nope.py/raw"_s, u"ref=master"_s).status,
             404);

    const Reply archive = gitLabGet(u"/projects/42/repository/archive.tar.bz2"_s, u"sha="_s + sha);
    QCOMPARE(archive.status, 200);
    const QString top = u"veloxchem-"_s + sha + u'-' + sha + u'/';
    QVERIFY(
        sandboxtest::archiveEntries(archive.body).contains(top + u"src/pymodule/__init__.py"_s));
}

void TestForgeSimulator::gitLabRejectsMissingOrRevokedTokens()
{
    const Reply anonymous = m_client->get(gitLab(u"/projects/42"_s));
    QCOMPARE(anonymous.status, 404);
    QCOMPARE(anonymous.object().value(u"message"_s).toString(), u"404 Project Not Found"_s);
    QCOMPARE(m_client->get(gitLab(u"/user"_s)).object().value(u"message"_s).toString(),
             u"401 Unauthorized"_s);
    rc::sandbox::GitLabToken userOnly;
    userOnly.token = u"glpat-userOnly"_s;
    userOnly.scopes = {u"read_user"_s};
    m_simulator->gitLab()->addToken(userOnly);
    const Reply scoped =
        m_client->get(gitLab(u"/projects/42"_s), {{"PRIVATE-TOKEN"_ba, "glpat-userOnly"_ba}});
    QCOMPARE(scoped.status, 403);
    QCOMPARE(scoped.object().value(u"error"_s).toString(), u"insufficient_scope"_s);
    m_simulator->gitLab()->revokeToken(QString(ForgeSimulator::kGitLabToken));
    const Reply revoked = gitLabGet(u"/user"_s);
    QCOMPARE(revoked.status, 401);
    QCOMPARE(revoked.object().value(u"error"_s).toString(), u"invalid_token"_s);
}

void TestForgeSimulator::anacondaListsFilesAndPublishesBuilds()
{
    QUrl files = m_simulator->anacondaApiUrl();
    files.setPath(u"/package/veloxchem/veloxchem/files"_s);
    const QJsonArray before = m_client->get(files).json().array();
    QVERIFY(!before.isEmpty());
    const QJsonObject file = before.first().toObject();
    QVERIFY(file.value(u"basename"_s).toString().contains(u'/'));
    QVERIFY(file.value(u"version"_s).isString());
    QVERIFY(file.value(u"labels"_s).isArray());
    QVERIFY(file.value(u"attrs"_s).toObject().value(u"build_number"_s).isDouble());
    QVERIFY(file.value(u"upload_time"_s).toString().endsWith(u"+00:00"_s));
    // The history's runs uploaded 1.0rc4.dev1 builds 0 and 1 for all six platforms.
    int history = 0;
    for (const QJsonValue &value : before)
        history += value.toObject().value(u"version"_s).toString() == u"1.0rc4.dev1"_s ? 1 : 0;
    QCOMPARE(history, 12);

    m_simulator->runs()->setPlatformOutcome(u"macos-14_*"_s, BuildOutcome::BuildFails);
    dispatchRun();
    advanceMinutes(30);
    int published = 0;
    for (const QJsonValue &value : m_client->get(files).json().array()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"version"_s).toString() == u"1.0rc4"_s) {
            ++published;
            QCOMPARE(entry.value(u"attrs"_s).toObject().value(u"build_number"_s).toInt(), 2);
            QCOMPARE(entry.value(u"labels"_s).toArray(), QJsonArray {u"main"_s});
            QVERIFY(!entry.value(u"basename"_s).toString().startsWith(u"osx-"_s));
        }
    }
    QCOMPARE(published, 4);

    // The same version and build again: the upload fails for the files already there, which
    // continue-on-error hides from the job conclusion.
    m_simulator->runs()->clearPlatformOutcomes();
    const qint64 again = dispatchRun();
    advanceMinutes(30);
    QCOMPARE(run(again).value(u"conclusion"_s).toString(), u"success"_s);
    const QString log = m_simulator->runs()->jobLog(*m_simulator->runs()->jobsOf(again).at(1));
    QVERIFY(log.contains(u"exit code 1"_s));
    QUrl missing = m_simulator->anacondaApiUrl();
    missing.setPath(u"/package/nobody/nothing/files"_s);
    QCOMPARE(m_client->get(missing).status, 404);
}

void TestForgeSimulator::largeArtifactIsStreamed()
{
    constexpr qint64 size = 8 * 1024 * 1024 + 3;
    const QUrl url = m_simulator->addLargeGitLabArtifact(u"large.bin"_s, size, 7);
    const Reply reply =
        m_client->get(url, {{"PRIVATE-TOKEN"_ba, QByteArray(ForgeSimulator::kGitLabToken.data())}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body.size(), size);
    QCOMPARE(QCryptographicHash::hash(reply.body, QCryptographicHash::Sha256),
             QCryptographicHash::hash(rc::sandbox::deterministicBytes(size, 7),
                                      QCryptographicHash::Sha256));

    const qint64 artifactId = m_simulator->addLargeGitHubArtifact(u"big"_s, 1024 * 1024, 3);
    const Reply redirect =
        gitHubGet(m_repo + u"/actions/artifacts/"_s + QString::number(artifactId) + u"/zip"_s);
    QCOMPARE(redirect.status, 302);
    const Reply blob = m_client->get(QUrl(QString::fromUtf8(redirect.header("Location"))));
    QCOMPARE(blob.body, rc::sandbox::deterministicBytes(1024 * 1024, 3));
}

void TestForgeSimulator::faultsAreObservableOnTheSocket_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("retryAfter");  // -1: none
    QTest::newRow("delay") << int(FaultKind::Delay) << -1;
    QTest::newRow("no answer") << int(FaultKind::NoAnswer) << -1;
    QTest::newRow("trickle") << int(FaultKind::Trickle) << -1;
    QTest::newRow("truncated body") << int(FaultKind::TruncatedBody) << -1;
    QTest::newRow("server error") << int(FaultKind::ServerError) << -1;
    QTest::newRow("html body") << int(FaultKind::HtmlBody) << -1;
    QTest::newRow("invalid json") << int(FaultKind::InvalidJson) << -1;
    QTest::newRow("unauthorized") << int(FaultKind::Unauthorized) << -1;
    QTest::newRow("403 primary") << int(FaultKind::RateLimited403) << -1;
    QTest::newRow("403 retry-after") << int(FaultKind::RateLimited403) << 30;
    QTest::newRow("429") << int(FaultKind::RateLimited429) << -1;
    QTest::newRow("429 retry-after") << int(FaultKind::RateLimited429) << 5;
    QTest::newRow("redirect") << int(FaultKind::RedirectToOtherHost) << -1;
    QTest::newRow("connection reset") << int(FaultKind::ConnectionReset) << -1;
}

void TestForgeSimulator::faultsAreObservableOnTheSocket()
{
    QFETCH(int, kind);
    QFETCH(int, retryAfter);
    const auto faultKind = FaultKind(kind);
    Fault fault = Fault::make(faultKind, "GET"_ba, u"*/actions/workflows/*"_s);
    fault.delay = 300ms;
    fault.status = 503;
    fault.trickleChunkBytes = 64;
    fault.trickleInterval = 5ms;
    if (retryAfter >= 0)
        fault.retryAfterSeconds = retryAfter;
    const int id = m_simulator->addFault(fault);
    const QByteArray request =
        "GET /repos/VeloxChem/meta-vlx/actions/workflows/deploy-cxx.yml HTTP/1.1\r\n"_ba +
        apiHostLine() + "Authorization: Bearer "_ba +
        QByteArray(ForgeSimulator::kGitHubClassicToken.data()) + "\r\n\r\n"_ba;
    const int wait = faultKind == FaultKind::NoAnswer ? 1500 : 3000;  // proves silence: roomy
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_simulator->gitHubApiUrl().port(), request, wait);
    QCOMPARE(m_simulator->faultHits(id), 1);
    const QByteArray body = exchange.body();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    switch (faultKind) {
    case FaultKind::Delay:
        QCOMPARE(exchange.status(), 200);
        QVERIFY2(exchange.millisecondsToFirstByte >= 250,
                 qPrintable(QString::number(exchange.millisecondsToFirstByte)));
        break;
    case FaultKind::NoAnswer:
        QVERIFY(exchange.bytes.isEmpty());
        QVERIFY(!exchange.disconnected);
        QCOMPARE(m_simulator->requestLog().entries().last().status, 0);
        break;
    case FaultKind::Trickle:
        QCOMPARE(exchange.status(), 200);
        QCOMPARE(body.size(), exchange.header("Content-Length").toLongLong());
        QVERIFY2(exchange.reads >= 5, qPrintable(QString::number(exchange.reads)));
        QCOMPARE(QJsonDocument::fromJson(body).object().value(u"state"_s).toString(), u"active"_s);
        break;
    case FaultKind::TruncatedBody:
        QCOMPARE(exchange.status(), 200);
        QVERIFY(exchange.disconnected);
        QVERIFY(body.size() > 0);
        QVERIFY(body.size() < exchange.header("Content-Length").toLongLong());
        break;
    case FaultKind::ServerError:
        QCOMPARE(exchange.status(), 503);
        QCOMPARE(json.value(u"status"_s).toString(), u"503"_s);
        break;
    case FaultKind::HtmlBody:
        QCOMPARE(exchange.status(), 200);
        QVERIFY(exchange.header("Content-Type").startsWith("text/html"));
        QVERIFY(body.startsWith("<!DOCTYPE html>"));
        break;
    case FaultKind::InvalidJson: {
        QCOMPARE(exchange.status(), 200);
        QVERIFY(exchange.header("Content-Type").startsWith("application/json"));
        QJsonParseError error {};
        QJsonDocument::fromJson(body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        break;
    }
    case FaultKind::Unauthorized:
        QCOMPARE(exchange.status(), 401);
        QCOMPARE(json.value(u"message"_s).toString(), u"Bad credentials"_s);
        break;
    case FaultKind::RateLimited403:
    case FaultKind::RateLimited429:
        QCOMPARE(exchange.status(), faultKind == FaultKind::RateLimited403 ? 403 : 429);
        QVERIFY(!exchange.header("x-ratelimit-reset").isEmpty());
        if (retryAfter >= 0) {
            QCOMPARE(exchange.header("retry-after").toInt(), retryAfter);
            QVERIFY(json.value(u"message"_s).toString().contains(u"secondary rate limit"_s));
        } else {
            QVERIFY(exchange.header("retry-after").isEmpty());
            QCOMPARE(exchange.header("x-ratelimit-remaining"), "0"_ba);
            QVERIFY(json.value(u"message"_s).toString().startsWith(u"API rate limit exceeded"_s));
        }
        break;
    case FaultKind::RedirectToOtherHost:
        QCOMPARE(exchange.status(), 302);
        QVERIFY(exchange.header("Location")
                    .startsWith(m_simulator->otherHostUrl().toString().toUtf8()));
        break;
    case FaultKind::ConnectionReset:
        QVERIFY(exchange.bytes.isEmpty());
        QVERIFY(exchange.disconnected);
        QCOMPARE(exchange.socketError, int(QAbstractSocket::RemoteHostClosedError));
        break;
    }
    QCOMPARE(m_simulator->requestLog().entries().last().fault, std::optional<FaultKind>(faultKind));
    // The fault was for one request only: the next one is answered normally.
    m_simulator->closeConnections();
    const sandboxtest::RawExchange after =
        sandboxtest::rawExchange(m_simulator->gitHubApiUrl().port(), request);
    QCOMPARE(after.status(), 200);
}

// An https:// URL pointed at the sandbox's plain-HTTP port sends a TLS ClientHello first: it
// must get an immediate 400 and a closed connection, not a wait for a header end.
void TestForgeSimulator::tlsHelloIsAnsweredAtOnce()
{
    const QByteArray clientHello("\x16\x03\x01\x00\x2a\x01\x00\x00\x26\x03\x03", 11);
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_simulator->gitHubApiUrl().port(), clientHello, 3000);
    QCOMPARE(exchange.status(), 400);
    QVERIFY(exchange.disconnected);
    QVERIFY2(exchange.millisecondsToFirstByte < 1000,
             qPrintable(QString::number(exchange.millisecondsToFirstByte)));
}

void TestForgeSimulator::faultCountsAndMethodMatching()
{
    Fault fault =
        Fault::make(FaultKind::ServerError, "GET"_ba, u"/api/v4/projects/*/pipelines"_s, 2);
    fault.status = 502;
    const int id = m_simulator->addFault(fault);
    QCOMPARE(gitLabGet(u"/projects/42/pipelines"_s).status, 502);
    QCOMPARE(gitLabGet(u"/projects/42/repository/commits"_s).status, 200);  // other route
    const Reply second = gitLabGet(u"/projects/42/pipelines"_s);
    QCOMPARE(second.status, 502);
    QCOMPARE(second.object().value(u"message"_s).toString(), u"502 Bad Gateway"_s);
    QCOMPARE(gitLabGet(u"/projects/42/pipelines"_s).status, 200);
    QCOMPARE(m_simulator->faultHits(id), 2);

    const int always = m_simulator->addFault(
        Fault::make(FaultKind::RateLimited429, "POST"_ba, u"*"_s, Fault::kAlways));
    QCOMPARE(gitHubGet(u"/user"_s).status, 200);  // GET is not matched
    for (int i = 0; i < 3; ++i)
        QCOMPARE(gitHubPost(m_repo + u"/dispatches"_s, {{u"event_type"_s, u"x"_s}}).status, 429);
    m_simulator->removeFault(always);
    QCOMPARE(gitHubPost(m_repo + u"/dispatches"_s, {{u"event_type"_s, u"x"_s}}).status, 204);

    Fault gitLab429 = Fault::make(FaultKind::RateLimited429, {}, u"/api/v4/*"_s);
    gitLab429.retryAfterSeconds = 7;
    m_simulator->addFault(gitLab429);
    const Reply limited = gitLabGet(u"/version"_s);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), "7"_ba);
    QCOMPARE(limited.body, "Retry later\n"_ba);
}

void TestForgeSimulator::noAnswerAndResetStillTakeEffect()
{
    // Raw sockets on purpose: QNetworkAccessManager silently re-sends a request (even a POST)
    // when the connection is reset before any answer, which would hide what happened here.
    const QByteArray body =
        QJsonDocument(QJsonObject {{u"ref"_s, u"main"_s}, {u"inputs"_s, goodInputs()}})
            .toJson(QJsonDocument::Compact);
    const QByteArray request =
        "POST /repos/VeloxChem/meta-vlx/actions/workflows/deploy-cxx.yml/dispatches HTTP/1.1\r\n"_ba +
        apiHostLine() + "Authorization: Bearer "_ba +
        QByteArray(ForgeSimulator::kGitHubClassicToken.data()) + "\r\nContent-Length: "_ba +
        QByteArray::number(body.size()) + "\r\n\r\n"_ba + body;
    const quint16 port = m_simulator->gitHubApiUrl().port();

    // The dispatch is processed, but its answer is lost: the client cannot know the run exists.
    m_simulator->addFault(Fault::make(FaultKind::ConnectionReset, "POST"_ba, u"*/dispatches"_s));
    sandboxtest::RawExchange reset = sandboxtest::rawExchange(port, request);
    QVERIFY(reset.bytes.isEmpty());
    QVERIFY(reset.disconnected);
    QCOMPARE(m_simulator->runs()->runs().size(), 3);

    Fault dropped = Fault::make(FaultKind::ConnectionReset, "POST"_ba, u"*/dispatches"_s);
    dropped.requestTakesEffect = false;
    m_simulator->addFault(dropped);
    reset = sandboxtest::rawExchange(port, request);
    QVERIFY(reset.bytes.isEmpty());
    QCOMPARE(m_simulator->runs()->runs().size(), 3);

    m_simulator->addFault(Fault::make(FaultKind::NoAnswer, "POST"_ba, u"*/dispatches"_s));
    const sandboxtest::RawExchange silent = sandboxtest::rawExchange(port, request, 1500);
    QVERIFY(silent.bytes.isEmpty());
    QCOMPARE(m_simulator->runs()->runs().size(), 4);
    QCOMPARE(m_simulator->requestLog().matching("POST"_ba, u"*/dispatches"_s).size(), 3);
}

void TestForgeSimulator::redirectFaultParksTheAnswerOnTheOtherHost()
{
    m_simulator->addFault(Fault::make(FaultKind::RedirectToOtherHost, "GET"_ba, u"/user"_s));
    const Reply redirect = gitHubGet(u"/user"_s);
    QCOMPARE(redirect.status, 302);
    const QUrl location(QString::fromUtf8(redirect.header("Location")));
    QCOMPARE(location.host(), m_simulator->otherHostUrl().host());
    const Reply followed = m_client->get(location);
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.object().value(u"login"_s).toString(), u"octo-maintainer"_s);
    QVERIFY(m_simulator->credentialLeaks().isEmpty());
    QCOMPARE(m_client->get(location).status, 404);  // served once
}

void TestForgeSimulator::requestLogRecordsWhatArrived()
{
    m_simulator->clearRequestLog();
    dispatchRun();
    gitLabGet(u"/projects/42/pipelines"_s, u"ref=master&per_page=5"_s);
    const QList<rc::sandbox::LoggedRequest> &entries = m_simulator->requestLog().entries();
    QCOMPARE(entries.size(), 2);
    const rc::sandbox::LoggedRequest &post = entries.first();
    QCOMPARE(post.method, "POST"_ba);
    QCOMPARE(post.path, m_repo + u"/actions/workflows/deploy-cxx.yml/dispatches"_s);
    QCOMPARE(post.status, 200);
    QCOMPARE(post.listener, rc::sandbox::Listener::Api);
    QVERIFY(post.header("Authorization").startsWith("Bearer ghp_"));
    QCOMPARE(QJsonDocument::fromJson(post.body).object().value(u"ref"_s).toString(), u"main"_s);
    QCOMPARE(post.receivedAt, m_start);
    const rc::sandbox::LoggedRequest &get = entries.last();
    QCOMPARE(get.query, u"ref=master&per_page=5"_s);
    QCOMPARE(get.header("PRIVATE-TOKEN"), QByteArray(ForgeSimulator::kGitLabToken.data()));
    QCOMPARE(m_simulator->requestLog().matching("POST"_ba, u"*/dispatches"_s).size(), 1);
    QCOMPARE(m_simulator->requestLog().matching({}, u"/api/v4/*"_s).size(), 1);
}

void TestForgeSimulator::keepAliveServesSeveralRequestsOnOneConnection()
{
    const QByteArray two = "GET /rate_limit HTTP/1.1\r\n"_ba + apiHostLine() +
        "\r\nGET /rate_limit HTTP/1.1\r\n"_ba + apiHostLine() + "Connection: close\r\n\r\n"_ba;
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_simulator->gitHubApiUrl().port(), two, 2000, true);
    QCOMPARE(exchange.bytes.count("HTTP/1.1 200 OK"), 2);
    QCOMPARE(m_simulator->requestLog().entries().size(), 2);
}

// The route tables know every path's methods: a known path with another method is 405 with
// Allow (GitHub), GitLab's read-only API stays 405 for everything but GET/HEAD, unknown paths 404.
void TestForgeSimulator::wrongMethodOnAKnownPathIs405()
{
    const QList<QPair<QByteArray, QByteArray>> auth {
        {"Authorization"_ba,
         "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}};
    const Reply deleteRun =
        m_client->send("DELETE"_ba, gitHub(m_repo + u"/actions/runs/1"_s), {}, auth);
    QCOMPARE(deleteRun.status, 405);
    QCOMPARE(deleteRun.header("Allow"), "GET"_ba);
    QCOMPARE(deleteRun.object().value(u"message"_s).toString(), u"Method Not Allowed"_s);
    const Reply getCancel = gitHubGet(m_repo + u"/actions/runs/1/cancel"_s);
    QCOMPARE(getCancel.status, 405);
    QCOMPARE(getCancel.header("Allow"), "POST"_ba);
    QCOMPARE(m_client->send("PUT"_ba, gitHub(u"/user"_s), {}, auth).status, 405);
    QCOMPARE(m_client->send("PUT"_ba, gitHub(m_repo + u"/nothing-here"_s), {}, auth).status, 404);
    // HEAD is served wherever GET is.
    QCOMPARE(m_client->send("HEAD"_ba, gitHub(u"/user"_s), {}, auth).status, 200);

    const QList<QPair<QByteArray, QByteArray>> gitLabAuth {
        {"PRIVATE-TOKEN"_ba, QByteArray(ForgeSimulator::kGitLabToken.data())}};
    QCOMPARE(m_client->send("POST"_ba, gitLab(u"/projects/42/pipelines"_s), {}, gitLabAuth).status,
             405);
    QCOMPARE(m_client->send("GET"_ba, gitLab(u"/projects/42/nothing"_s), {}, gitLabAuth).status,
             404);
}

// DNS rebinding: a page on attacker.example whose name now points at 127.0.0.1 sends its own
// Host. The listener answers 421 before any forge sees the request.
void TestForgeSimulator::foreignHostIsMisdirectedAndNotLogged()
{
    m_simulator->clearRequestLog();
    const QByteArray port = QByteArray::number(m_simulator->gitHubApiUrl().port());
    const QByteArray foreign = "GET /user HTTP/1.1\r\nHost: attacker.example:"_ba + port +
        "\r\nAuthorization: Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data()) +
        "\r\n\r\n"_ba;
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_simulator->gitHubApiUrl().port(), foreign);
    QCOMPARE(exchange.status(), 421);
    QVERIFY(!exchange.body().contains("octo-maintainer"));
    QVERIFY(m_simulator->requestLog().entries().isEmpty());
    // The names the simulator is reachable as all work, on both hosts.
    QCOMPARE(gitHubGet(u"/user"_s).status, 200);
    QUrl viaLocalhost = gitHub(u"/rate_limit"_s);
    viaLocalhost.setHost(u"localhost"_s);
    QCOMPARE(m_client->get(viaLocalhost).status, 200);
    QUrl otherHost = m_simulator->otherHostUrl();
    otherHost.setPath(u"/blobs/logs/1.txt"_s);
    QCOMPARE(m_client->get(otherHost).status, 404);  // reached the other host's routes
    QCOMPARE(m_simulator->requestLog().entries().size(), 3);
}

void TestForgeSimulator::listenerLimitsReachBothHosts()
{
    rc::sandbox::ListenerLimits limits;
    limits.idleTimeout = 200ms;
    m_simulator->setListenerLimits(limits);
    QVERIFY(m_simulator->listenerLimits().idleTimeout == 200ms);
    for (const QUrl &base : {m_simulator->gitHubApiUrl(), m_simulator->otherHostUrl()}) {
        QTcpSocket socket;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(connected.wait(5000));
        QVERIFY2(disconnected.wait(5000), qPrintable(base.toString()));
    }
    // A NoAnswer fault still parks its connection past the idle timeout.
    m_simulator->addFault(Fault::make(FaultKind::NoAnswer, "GET"_ba, u"/user"_s));
    const QByteArray request = "GET /user HTTP/1.1\r\n"_ba + apiHostLine() + "\r\n"_ba;
    const sandboxtest::RawExchange silent =
        sandboxtest::rawExchange(m_simulator->gitHubApiUrl().port(), request, 800);
    QVERIFY(silent.bytes.isEmpty());
    QVERIFY(!silent.disconnected);
}

QTEST_GUILESS_MAIN(TestForgeSimulator)
#include "tst_forgesimulator.moc"
