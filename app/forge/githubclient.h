// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/github.h"
#include "forge/transport.h"

#include <QObject>

namespace rc::forge {

// GitHub REST client over the shared Transport. Every call takes a context object: the
// callback runs only while it lives, and destroying it cancels the request(s).
// Calls that return a ForgeReply* can also be cancelled with ForgeReply::abort().
class GitHubClient
{
public:
    GitHubClient(Transport *transport, QUrl apiBase);

    const GitHubRequests &requests() const { return m_requests; }
    const QUrl &apiBase() const { return m_requests.apiBase(); }
    Transport *transport() const { return m_transport; }

    // GET /user: login, token kind (prefix / X-OAuth-Scopes), scopes, expiry.
    ForgeReply *whoAmI(QObject *context, Callback<GitHubIdentity> done) const;
    ForgeReply *workflow(const QString &owner, const QString &repo, const QString &workflow,
                         QObject *context, Callback<GitHubWorkflow> done) const;
    // POST .../dispatches with exactly `body`, once. Never sent again by the client, not even
    // when the server refuses return_run_details (isReturnRunDetailsRefusal): the caller decides,
    // with a body it built without the field. `serverDate` is filled from the answer's Date on
    // failures too.
    ForgeReply *dispatchWorkflow(const QString &owner, const QString &repo, const QString &workflow,
                                 const QByteArray &body, QObject *context,
                                 Callback<DispatchResult> done) const;
    // POST /repos/{o}/{r}/dispatches with exactly `body`, once; serverDate as above.
    ForgeReply *repositoryDispatch(const QString &owner, const QString &repo,
                                   const QByteArray &body, QObject *context,
                                   Callback<DispatchResult> done) const;
    // A file of the repo at `ref` (empty: the default branch), decoded, at most 1 MiB.
    ForgeReply *fileContents(const QString &owner, const QString &repo, const QString &path,
                             const QString &ref, QObject *context, Callback<QByteArray> done) const;
    ForgeReply *branch(const QString &owner, const QString &repo, const QString &branchName,
                       QObject *context, Callback<GitHubBranch> done) const;
    // One page of runs (conditional: a 304 gives the cached page with notModified).
    ForgeReply *runs(const QString &owner, const QString &repo, const RunQuery &query,
                     QObject *context, Callback<Page<WorkflowRun>> done) const;
    ForgeReply *run(const QString &owner, const QString &repo, qint64 runId, QObject *context,
                    Callback<WorkflowRun> done) const;
    // Every job of the run (all pages).
    // `filter`: "latest" (the newest attempt's jobs) or "all"; empty: GitHub's default.
    void jobs(const QString &owner, const QString &repo, qint64 runId, QObject *context,
              Callback<QList<WorkflowJob>> done, const QString &filter = {}) const;
    // Every artifact of the run (all pages).
    void artifacts(const QString &owner, const QString &repo, qint64 runId, QObject *context,
                   Callback<QList<GitHubArtifact>> done) const;
    // The artifact's zip (redirected to storage on another host: followed without the token).
    ForgeReply *artifactZip(const QString &owner, const QString &repo, qint64 artifactId,
                            QObject *context, Callback<QByteArray> done) const;
    // summary.json of a build_summary-* artifact.
    ForgeReply *buildSummary(const QString &owner, const QString &repo,
                             const GitHubArtifact &artifact, QObject *context,
                             Callback<BuildSummary> done) const;
    // The job's plain-text log (redirected like artifacts).
    ForgeReply *jobLog(const QString &owner, const QString &repo, qint64 jobId, QObject *context,
                       Callback<QByteArray> done) const;
    // Every annotation of a check run (a job's checkRunId), at most 20 pages of 50; a token
    // without checks: read gets the 403 (fine-grained) or 404 (classic without repo) as an error.
    void annotations(const QString &owner, const QString &repo, qint64 checkRunId, QObject *context,
                     Callback<QList<CheckRunAnnotation>> done) const;
    ForgeReply *cancelRun(const QString &owner, const QString &repo, qint64 runId, QObject *context,
                          Callback<Done> done) const;
    ForgeReply *rerunFailedJobs(const QString &owner, const QString &repo, qint64 runId,
                                QObject *context, Callback<Done> done) const;
    ForgeReply *rerunJob(const QString &owner, const QString &repo, qint64 jobId, QObject *context,
                         Callback<Done> done) const;

private:
    Transport *m_transport;
    GitHubRequests m_requests;
};

}  // namespace rc::forge
