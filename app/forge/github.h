// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// GitHub REST: value types, pure request builders and pure parsers.

#include "forge/forgerequest.h"
#include "forge/forgeresult.h"
#include "forge/tokensource.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rc::forge {

struct ForgeResponse;

struct GitHubIdentity
{
    QString login;
    qint64 id = 0;
    GitHubTokenKind tokenKind = GitHubTokenKind::Unknown;
    bool scopesKnown = false;  // X-OAuth-Scopes present (classic/OAuth tokens only)
    QStringList scopes;
    std::optional<QDateTime> expiresAt;  // GitHub-Authentication-Token-Expiration
};

struct GitHubWorkflow
{
    qint64 id = 0;
    QString name;
    QString path;
    QString state;  // active, disabled_manually, disabled_inactivity, ...
    QUrl htmlUrl;
    bool isActive() const { return state == u"active"; }
};

struct DispatchResult
{
    std::optional<qint64> runId;  // when GitHub returned the run details
    QUrl runUrl;
    QUrl htmlUrl;
    // The server's clock when it answered the dispatch (Date header): the `created>=` bound
    // for finding the run by listing when no run id came back. The clients fill it on a failed
    // result too (the rest of the value is then empty); nullopt when no answer came back.
    std::optional<QDateTime> serverDate;
};

struct GitHubBranch
{
    QString name;
    QString sha;  // of the branch's head commit
};

struct WorkflowRun
{
    qint64 id = 0;
    qint64 workflowId = 0;
    QString name;
    QString displayTitle;
    QString event;
    QString status;      // queued, in_progress, completed, waiting, requested, pending
    QString conclusion;  // success, failure, cancelled, ... (empty while running)
    QString headBranch;
    QString headSha;
    qint64 runNumber = 0;
    qint64 runAttempt = 0;
    QString actorLogin;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime runStartedAt;
    QUrl htmlUrl;
};

struct RunQuery
{
    QString workflow;  // file name or id; empty: all workflows of the repo
    QString event;
    QString actor;
    QString branch;
    QString status;
    QString created;                        // GitHub search syntax, e.g. ">=2026-11-25T08:00:00Z"
    std::optional<QDateTime> createdSince;  // convenience: becomes created=">=<ISO Z>"
    int perPage = 30;
    int page = 0;  // 0: not sent
};

struct WorkflowStep
{
    QString name;
    QString status;
    QString conclusion;
    int number = 0;
    QDateTime startedAt;
    QDateTime completedAt;
};

struct WorkflowJob
{
    qint64 id = 0;
    qint64 runId = 0;
    qint64 runAttempt = 0;
    QString name;
    QString status;
    QString conclusion;
    QDateTime startedAt;
    QDateTime completedAt;
    QStringList labels;
    QString runnerName;
    QUrl htmlUrl;
    // The job's check run (from check_run_url; GitHub gives it the job's id): its annotations
    // say why a step failed. 0 when the answer has none.
    qint64 checkRunId = 0;
    QList<WorkflowStep> steps;
};

// One annotation of a check run: what a failed step or a workflow command (`::error`) said.
// GitHub files annotations without a file under ".github", line 1.
struct CheckRunAnnotation
{
    QString path;
    int startLine = 0;
    int endLine = 0;
    QString level;  // failure, warning, notice
    QString title;
    QString message;
    QString rawDetails;
};
// GitHub's own limits on a check run's annotations: longer text from elsewhere is cut there.
inline constexpr qsizetype kMaxAnnotationTitleChars = 255;
inline constexpr qsizetype kMaxAnnotationTextChars = 64 * 1024;
inline constexpr int kMaxAnnotationsPerPage = 100;

struct GitHubArtifact
{
    qint64 id = 0;
    QString name;
    qint64 sizeInBytes = 0;
    bool expired = false;
    QUrl archiveDownloadUrl;
    QDateTime createdAt;
    QDateTime expiresAt;
};

// summary.json of a build_summary-* artifact.
struct BuildSummary
{
    QString artifactName;
    QString outcome;  // "success", "failure", ...
    QJsonObject json;
};

// Builds every GitHub request. `apiBase`: https://api.github.com or https://HOST/api/v3.
class GitHubRequests
{
public:
    explicit GitHubRequests(QUrl apiBase)
        : m_base(std::move(apiBase))
    { }
    const QUrl &apiBase() const { return m_base; }

    ForgeRequest user() const;
    ForgeRequest rateLimit() const;
    ForgeRequest workflow(const QString &owner, const QString &repo, const QString &workflow) const;
    // The dispatches POST exactly `body`: the bytes the preview showed, measured and recorded
    // are the bytes sent. 200 (with return_run_details) or 204.
    ForgeRequest workflowDispatch(const QString &owner, const QString &repo,
                                  const QString &workflow, const QByteArray &body) const;
    // POST /repos/{o}/{r}/dispatches with exactly `body` ({"event_type", "client_payload"}); 204.
    ForgeRequest repositoryDispatch(const QString &owner, const QString &repo,
                                    const QByteArray &body) const;
    // GET /repos/{o}/{r}/contents/{path}?ref= (path segments encoded, '/' kept).
    ForgeRequest contents(const QString &owner, const QString &repo, const QString &path,
                          const QString &ref) const;
    // GET /repos/{o}/{r}/branches/{branch}.
    ForgeRequest branch(const QString &owner, const QString &repo, const QString &branch) const;
    ForgeRequest runs(const QString &owner, const QString &repo, const RunQuery &query) const;
    ForgeRequest run(const QString &owner, const QString &repo, qint64 runId) const;
    // `filter`: "latest" (each job's newest attempt) or "all"; empty: not sent (GitHub's
    // default is latest).
    ForgeRequest jobs(const QString &owner, const QString &repo, qint64 runId, int perPage = 100,
                      const QString &filter = {}) const;
    ForgeRequest artifacts(const QString &owner, const QString &repo, qint64 runId,
                           int perPage = 100) const;
    ForgeRequest artifactZip(const QString &owner, const QString &repo, qint64 artifactId) const;
    ForgeRequest jobLog(const QString &owner, const QString &repo, qint64 jobId) const;
    // GET /repos/{o}/{r}/check-runs/{id}/annotations (needs checks: read or the repo scope).
    ForgeRequest checkRunAnnotations(const QString &owner, const QString &repo, qint64 checkRunId,
                                     int perPage = 50) const;
    ForgeRequest cancelRun(const QString &owner, const QString &repo, qint64 runId) const;
    ForgeRequest rerunFailedJobs(const QString &owner, const QString &repo, qint64 runId) const;
    ForgeRequest rerunJob(const QString &owner, const QString &repo, qint64 jobId) const;

private:
    QString repoPath(const QString &owner, const QString &repo) const;
    QUrl m_base;
};

// Parsers: a value, or a BadResponse error naming what is missing.
ForgeResult<GitHubIdentity> parseGitHubIdentity(const ForgeResponse &response,
                                                const QString &token);
ForgeResult<GitHubWorkflow> parseGitHubWorkflow(const ForgeResponse &response);
ForgeResult<DispatchResult> parseDispatchResult(const ForgeResponse &response);
// The server's Date when an answer came back (error answers included); nullopt without one
// (timeout, connection lost): then only the local clock is left.
std::optional<QDateTime> serverDateOf(const ForgeResponse &response);
// A file from the contents API: `type` "file", `encoding` "base64", `content` decoded (GitHub
// wraps it at 60 characters), at most kMaxFileContentsBytes. A directory, symlink or
// submodule, or a file too large for the API, is a BadResponse saying so.
inline constexpr qint64 kMaxFileContentsBytes = 1024 * 1024;
ForgeResult<QByteArray> parseFileContents(const ForgeResponse &response);
ForgeResult<GitHubBranch> parseGitHubBranch(const ForgeResponse &response);
ForgeResult<WorkflowRun> parseWorkflowRun(const ForgeResponse &response);
ForgeResult<Page<WorkflowRun>> parseWorkflowRuns(const ForgeResponse &response);
ForgeResult<Page<WorkflowJob>> parseWorkflowJobs(const ForgeResponse &response);
ForgeResult<Page<GitHubArtifact>> parseArtifacts(const ForgeResponse &response);
// A page of annotations (a JSON list; the next page from Link). At most kMaxAnnotationsPerPage
// entries; titles and texts cut at GitHub's limits.
ForgeResult<Page<CheckRunAnnotation>> parseCheckRunAnnotations(const ForgeResponse &response);
// The check run id at the end of a job's check_run_url (…/check-runs/{id}); 0 when there is none.
qint64 checkRunIdFromUrl(const QUrl &checkRunUrl);
WorkflowRun workflowRunFromJson(const QJsonObject &o);
WorkflowJob workflowJobFromJson(const QJsonObject &o);

// Whether a 400/422 answer to a dispatch is about the `return_run_details` field (GitHub
// Enterprise Server before 3.21): nothing was dispatched, the caller may send once more
// without the field.
bool isReturnRunDetailsRefusal(const ForgeError &error);

// Reads `summary.json` out of an artifact zip.
ForgeResult<BuildSummary> parseBuildSummaryZip(const QByteArray &zip, const QString &artifactName);

}  // namespace rc::forge
