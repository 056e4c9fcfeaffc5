// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/gitlab.h"
#include "forge/transport.h"

#include <QObject>

namespace rc::forge {

// GitLab v4 client over the shared Transport (same context/cancel rules as GitHubClient).
class GitLabClient
{
public:
    GitLabClient(Transport *transport, QUrl apiBase);

    const GitLabRequests &requests() const { return m_requests; }
    const QUrl &apiBase() const { return m_requests.apiBase(); }

    // /personal_access_tokens/self + /user (login); when self is 404 (older GitLab, other
    // token types), /user alone with scopesKnown == false.
    void tokenInfo(QObject *context, Callback<GitLabTokenInfo> done) const;
    ForgeReply *project(const QString &project, QObject *context,
                        Callback<GitLabProject> done) const;
    // One page of the ref's commits (page ≥ 1); Page::next tells whether there are more.
    ForgeReply *commits(const QString &project, const QString &ref, int page, int perPage,
                        QObject *context, Callback<Page<GitLabCommit>> done) const;
    // One page of commits, each joined with its newest pipeline on the ref (one pipelines call).
    void commitsWithPipelines(const QString &project, const QString &ref, int page, int perPage,
                              QObject *context, Callback<Page<CommitWithPipeline>> done) const;
    ForgeReply *commit(const QString &project, const QString &sha, QObject *context,
                       Callback<GitLabCommit> done) const;
    ForgeReply *pipelines(const QString &project, const QString &ref, QObject *context,
                          Callback<Page<GitLabPipeline>> done) const;
    // The pipelines of one commit on the ref (newest first).
    ForgeReply *commitPipelines(const QString &project, const QString &ref, const QString &sha,
                                QObject *context, Callback<Page<GitLabPipeline>> done) const;
    // Every job of a pipeline (all pages).
    void pipelineJobs(const QString &project, qint64 pipelineId, QObject *context,
                      Callback<QList<GitLabJob>> done) const;
    // Streams a job artifact file to `sink` (never buffered whole). On error discard the data.
    ForgeReply *streamJobArtifact(const QString &project, qint64 jobId, const QString &artifactPath,
                                  ChunkSink sink, QObject *context, Callback<Done> done) const;
    // Streams /repository/archive.<format>?sha= to `sink`.
    ForgeReply *streamArchive(const QString &project, const QString &sha, const QString &format,
                              ChunkSink sink, QObject *context, Callback<Done> done) const;
    ForgeReply *rawFile(const QString &project, const QString &filePath, const QString &ref,
                        QObject *context, Callback<QByteArray> done) const;

private:
    ForgeReply *stream(const ForgeRequest &request, ChunkSink sink, QObject *context,
                       Callback<Done> done) const;
    Transport *m_transport;
    GitLabRequests m_requests;
};

}  // namespace rc::forge
