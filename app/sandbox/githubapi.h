// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/httpmessage.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace rc::sandbox {

class RunEngine;
class VirtualClock;
struct Run;
struct Job;
struct Artifact;

// A GitHub personal access token the simulator accepts, with what it may do.
struct GitHubToken
{
    QString token;
    QString login = QStringLiteral("octo-maintainer");
    bool fineGrained = false;
    QStringList scopes = {QStringLiteral("repo"), QStringLiteral("workflow")};  // classic only
    // Fine-grained only: "actions" → "write", "contents" → "read", "metadata" → "read".
    QHash<QString, QString> permissions;
    std::optional<QDateTime> expiresAt;
    bool revoked = false;
};

struct GitHubWorkflow
{
    qint64 id = 0;
    QString name;
    QString path;  // .github/workflows/deploy-cxx.yml
    QString state = QStringLiteral("active");
    bool hasWorkflowDispatch = true;
    QStringList inputs;  // declared workflow_dispatch inputs; all `type: string, required: true`
    QStringList optionalInputs;  // declared `type: string, required: false, default: ''`
    QStringList repositoryDispatchTypes;
    QString runName;  // `run-name:` with ${{ inputs.x }}; empty: runs show the workflow's name
    QDateTime createdAt;
    QDateTime updatedAt;
    QString fileName() const;
};

struct GitHubRepository
{
    qint64 id = 0;
    QString owner;
    QString name;
    QString defaultBranch = QStringLiteral("main");
    QHash<QString, QString> branches;  // name → head sha
    QHash<QString, bool> protectedBranches;
    QList<GitHubWorkflow> workflows;
    QHash<QString, QByteArray> files;  // path → content, the same on every branch
    QString fullName() const { return owner + u'/' + name; }
};

// GitHub REST API v2022-11-28, the subset Release Console uses, served from a RunEngine.
class GitHubApi
{
public:
    // Where the other host serves a blob (artifact zip, job log): an absolute URL.
    using BlobUrl = std::function<QByteArray(const QString &pathAndQuery)>;

    GitHubApi(VirtualClock *clock, RunEngine *engine, BlobUrl blobUrl);

    void addToken(const GitHubToken &token);
    void revokeToken(const QString &token);
    GitHubRepository &repository() { return m_repository; }
    GitHubWorkflow *workflow(const QString &idOrFileName);
    // GitHub Enterprise Server before 3.17 rejects `return_run_details` with 400.
    // `refusalStatus`: 400 as most versions answer, or 422 as some do.
    void setEnterpriseMode(bool enterprise, int refusalStatus = 400)
    {
        m_enterpriseMode = enterprise;
        m_enterpriseRefusalStatus = refusalStatus;
    }
    // The primary ("core") rate limit shared by every token; the window resets an hour after
    // it started, on the virtual clock.
    void setRateLimit(int limit, int remaining);
    int rateLimitRemaining() const { return m_rateLimit.limit - m_rateLimit.used; }
    int graphqlRateLimitUsed() const { return m_graphqlUsed; }

    // `path` is the request path with any /api/v3 prefix removed; `apiBase` is the absolute
    // base URL the client used (with the prefix), for URLs inside responses.
    HttpResponse handle(const HttpRequest &request, const QStringList &segments,
                        const QString &apiBase, const QString &htmlBase);
    // The same body GitHub gives when a fault answers instead of the route.
    HttpResponse faultResponse(int status, const QString &message,
                               std::optional<int> retryAfterSeconds);

private:
    struct Context
    {
        const HttpRequest &request;
        const QStringList &segments;
        const GitHubToken *token;
        QString apiBase;
        QString htmlBase;
        QString documentation;
    };
    enum class Access { ActionsRead, ActionsWrite, ChecksRead, ContentsRead, ContentsWrite };

    HttpResponse route(Context &context);
    std::optional<HttpResponse> checkRepositoryAccess(Context &context, Access access);
    HttpResponse getUser(const Context &context);
    HttpResponse getRateLimit();
    HttpResponse listWorkflows(const Context &context);
    HttpResponse getWorkflow(const Context &context, const GitHubWorkflow &workflow);
    HttpResponse dispatchWorkflow(Context &context, GitHubWorkflow &workflow);
    HttpResponse dispatchRepository(Context &context);
    HttpResponse listRuns(const Context &context, const GitHubWorkflow *onlyWorkflow);
    HttpResponse getRun(const Context &context, qint64 runId);
    HttpResponse listJobs(const Context &context, qint64 runId);
    HttpResponse getJob(const Context &context, qint64 jobId);
    HttpResponse listArtifacts(const Context &context, qint64 runId);
    HttpResponse downloadArtifact(const Context &context, qint64 artifactId);
    HttpResponse downloadJobLog(const Context &context, qint64 jobId);
    HttpResponse cancelRun(const Context &context, qint64 runId);
    HttpResponse rerunFailedJobs(const Context &context, qint64 runId);
    HttpResponse rerunJob(const Context &context, qint64 jobId);
    HttpResponse listCheckRunAnnotations(const Context &context, qint64 checkRunId);
    // POST /graphql (github.com) and /api/graphql (GitHub Enterprise): GitHub's answers to a
    // missing token and to a bad body, and an honest NOT_SUPPORTED error for every query, on
    // the graphql rate-limit bucket.
    HttpResponse graphql(const HttpRequest &request, const GitHubToken *token, bool authFailed);
    HttpResponse getContents(const Context &context, const QString &path);
    HttpResponse getBranch(const Context &context, const QString &branch);
    // A branch name, refs/heads/<name> or a branch's head sha → (ref as named, head sha).
    std::optional<std::pair<QString, QString>> resolveRef(const QString &ref) const;
    QJsonObject contentJson(const Context &context, const QString &path, const QString &ref,
                            const QByteArray *file) const;
    QJsonObject commitJson(const Context &context, const QString &sha) const;

    HttpResponse error(int status, const QString &message, const QString &documentation,
                       const QJsonArray *errors = nullptr) const;
    HttpResponse notFound(const Context &context) const;
    QJsonObject userJson(const QString &login, const QString &apiBase, const QString &htmlBase,
                         bool privateFields) const;
    QJsonObject repositoryJson(const Context &context) const;
    QJsonObject workflowJson(const Context &context, const GitHubWorkflow &workflow) const;
    QJsonObject runJson(const Context &context, const Run &run) const;
    QJsonObject jobJson(const Context &context, const Job &job) const;
    QJsonObject artifactJson(const Context &context, const Artifact &artifact) const;
    QString repoApi(const Context &context) const;
    void addRateLimitHeaders(HttpResponse &response);
    void rollRateLimitWindow();
    const GitHubToken *tokenFor(const QString &value) const;

    VirtualClock *m_clock;
    RunEngine *m_engine;
    BlobUrl m_blobUrl;
    QList<GitHubToken> m_tokens;
    GitHubRepository m_repository;
    bool m_enterpriseMode = false;
    int m_enterpriseRefusalStatus = 400;
    struct
    {
        int limit = 5000;
        int used = 0;
        QDateTime windowStart;
    } m_rateLimit;
    int m_graphqlUsed = 0;  // in the same hourly window as the core bucket
    quint64 m_requestCounter = 0;
};

// GitHub's Link header for page `page` of `lastPage`, keeping every other query item.
QByteArray linkHeader(const QString &baseUrl, const QUrlQuery &query, int page, int lastPage,
                      bool withFirstAndLast = true);

}  // namespace rc::sandbox
