// SPDX-License-Identifier: BSD-3-Clause
#include "forge/gitlabclient.h"

#include "forge/clientsupport_p.h"

namespace rc::forge {

using detail::call;

GitLabClient::GitLabClient(Transport *transport, QUrl apiBase)
    : m_transport(transport)
    , m_requests(std::move(apiBase))
{ }

void GitLabClient::tokenInfo(QObject *context, Callback<GitLabTokenInfo> done) const
{
    Transport *transport = m_transport;
    const ForgeRequest userRequest = m_requests.user();
    call<GitLabTokenInfo>(
        transport, m_requests.tokenSelf(), context,
        [transport, userRequest, context, done](const ForgeResult<GitLabTokenInfo> &self) {
            if (!self.ok() && self.error.kind != ForgeError::Kind::NotFound) {
                done(self);
                return;
            }
            call<GitLabTokenInfo>(
                transport, userRequest, context,
                [self, done](const ForgeResult<GitLabTokenInfo> &user) {
                    if (!self.ok()) {
                        done(user);  // fallback: /user alone
                        return;
                    }
                    ForgeResult<GitLabTokenInfo> merged = self;
                    if (user.ok())
                        merged.value.username = user.value.username;
                    else
                        merged.error = user.error;
                    done(merged);
                },
                parseGitLabUser);
        },
        parseGitLabTokenSelf);
}

ForgeReply *GitLabClient::project(const QString &project, QObject *context,
                                  Callback<GitLabProject> done) const
{
    return call<GitLabProject>(m_transport, m_requests.project(project), context, std::move(done),
                               parseGitLabProject);
}

ForgeReply *GitLabClient::commits(const QString &project, const QString &ref, int page, int perPage,
                                  QObject *context, Callback<Page<GitLabCommit>> done) const
{
    return call<Page<GitLabCommit>>(m_transport, m_requests.commits(project, ref, perPage, page),
                                    context, std::move(done), parseGitLabCommits);
}

void GitLabClient::commitsWithPipelines(const QString &project, const QString &ref, int page,
                                        int perPage, QObject *context,
                                        Callback<Page<CommitWithPipeline>> done) const
{
    Transport *transport = m_transport;
    const ForgeRequest pipelinesRequest = m_requests.pipelines(project, ref);
    call<Page<GitLabCommit>>(
        transport, m_requests.commits(project, ref, perPage, page), context,
        [transport, pipelinesRequest, context,
         done](const ForgeResult<Page<GitLabCommit>> &commits) {
            if (!commits.ok()) {
                done(ForgeResult<Page<CommitWithPipeline>>::failure(commits.error));
                return;
            }
            call<Page<GitLabPipeline>>(
                transport, pipelinesRequest, context,
                [commits, done](const ForgeResult<Page<GitLabPipeline>> &pipelines) {
                    if (!pipelines.ok()) {
                        done(ForgeResult<Page<CommitWithPipeline>>::failure(pipelines.error));
                        return;
                    }
                    Page<CommitWithPipeline> joined;
                    joined.items = joinPipelines(commits.value.items, pipelines.value.items);
                    joined.next = commits.value.next;
                    auto result = ForgeResult<Page<CommitWithPipeline>>::success(joined);
                    result.notModified = commits.notModified && pipelines.notModified;
                    done(result);
                },
                parseGitLabPipelines);
        },
        parseGitLabCommits);
}

ForgeReply *GitLabClient::commit(const QString &project, const QString &sha, QObject *context,
                                 Callback<GitLabCommit> done) const
{
    return call<GitLabCommit>(m_transport, m_requests.commit(project, sha), context,
                              std::move(done), parseGitLabCommit);
}

ForgeReply *GitLabClient::pipelines(const QString &project, const QString &ref, QObject *context,
                                    Callback<Page<GitLabPipeline>> done) const
{
    return call<Page<GitLabPipeline>>(m_transport, m_requests.pipelines(project, ref), context,
                                      std::move(done), parseGitLabPipelines);
}

ForgeReply *GitLabClient::commitPipelines(const QString &project, const QString &ref,
                                          const QString &sha, QObject *context,
                                          Callback<Page<GitLabPipeline>> done) const
{
    return call<Page<GitLabPipeline>>(m_transport, m_requests.pipelines(project, ref, 100, sha),
                                      context, std::move(done), parseGitLabPipelines);
}

void GitLabClient::pipelineJobs(const QString &project, qint64 pipelineId, QObject *context,
                                Callback<QList<GitLabJob>> done) const
{
    detail::collectPages<GitLabJob>(m_transport, m_requests.pipelineJobs(project, pipelineId),
                                    context, std::move(done), parseGitLabJobs);
}

ForgeReply *GitLabClient::stream(const ForgeRequest &request, ChunkSink sink, QObject *context,
                                 Callback<Done> done) const
{
    ForgeReply *reply = m_transport->download(request, std::move(sink));
    QObject::connect(reply, &ForgeReply::finished, context, [reply, done = std::move(done)] {
        const ForgeResponse &r = reply->response();
        done(r.ok() ? ForgeResult<Done>::success({}) : ForgeResult<Done>::failure(r.error));
    });
    detail::tieToContext(reply, context);
    return reply;
}

ForgeReply *GitLabClient::streamJobArtifact(const QString &project, qint64 jobId,
                                            const QString &artifactPath, ChunkSink sink,
                                            QObject *context, Callback<Done> done) const
{
    return stream(m_requests.jobArtifact(project, jobId, artifactPath), std::move(sink), context,
                  std::move(done));
}

ForgeReply *GitLabClient::streamArchive(const QString &project, const QString &sha,
                                        const QString &format, ChunkSink sink, QObject *context,
                                        Callback<Done> done) const
{
    return stream(m_requests.archive(project, sha, format), std::move(sink), context,
                  std::move(done));
}

ForgeReply *GitLabClient::rawFile(const QString &project, const QString &filePath,
                                  const QString &ref, QObject *context,
                                  Callback<QByteArray> done) const
{
    return call<QByteArray>(
        m_transport, m_requests.rawFile(project, filePath, ref), context, std::move(done),
        [](const ForgeResponse &r) { return ForgeResult<QByteArray>::success(r.body); });
}

}  // namespace rc::forge
