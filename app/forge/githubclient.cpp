// SPDX-License-Identifier: BSD-3-Clause
#include "forge/githubclient.h"

#include "forge/clientsupport_p.h"
#include "forge/tokensource.h"

using namespace Qt::StringLiterals;

namespace rc::forge {

using detail::call;

namespace {

QString kindPrefixOf(const QCA::SecureArray &token)
{
    const QByteArrayView bytes(token.constData(), token.size());
    for (const QLatin1StringView prefix :
         {"github_pat_"_L1, "ghp_"_L1, "gho_"_L1, "ghu_"_L1, "ghs_"_L1}) {
        if (bytes.startsWith(QByteArrayView(prefix.data(), prefix.size())))
            return prefix;
    }
    return {};
}

ForgeResult<Done> parseDone(const ForgeResponse &)
{
    return ForgeResult<Done>::success({});
}

ForgeResult<QByteArray> parseBytes(const ForgeResponse &response)
{
    return ForgeResult<QByteArray>::success(response.body);
}

// One dispatch POST. The server's Date is kept even on failure: after a refusal or an error
// answer the caller still needs the server's clock to look for a run.
ForgeReply *sendDispatch(Transport *transport, const ForgeRequest &request, QObject *context,
                         Callback<DispatchResult> done)
{
    ForgeReply *reply = transport->send(request);
    QObject::connect(reply, &ForgeReply::finished, context, [reply, done = std::move(done)] {
        const ForgeResponse &response = reply->response();
        ForgeResult<DispatchResult> result =
            detail::parseResponse<DispatchResult>(response, parseDispatchResult);
        result.value.serverDate = serverDateOf(response);
        done(result);
    });
    detail::tieToContext(reply, context);
    return reply;
}

}  // namespace

GitHubClient::GitHubClient(Transport *transport, QUrl apiBase)
    : m_transport(transport)
    , m_requests(std::move(apiBase))
{ }

ForgeReply *GitHubClient::whoAmI(QObject *context, Callback<GitHubIdentity> done) const
{
    const TokenSource *tokens = m_transport->tokenSource();
    const QString origin = originOf(apiBase());
    return call<GitHubIdentity>(m_transport, m_requests.user(), context, std::move(done),
                                [tokens, origin](const ForgeResponse &r) {
                                    // Only the kind's prefix matters ("ghp_", "github_pat_"): no
                                    // secret byte of the token becomes text.
                                    const QCA::SecureArray token = tokens
                                        ? tokens->token(Service::GitHub, origin)
                                        : QCA::SecureArray();
                                    return parseGitHubIdentity(r, kindPrefixOf(token));
                                });
}

ForgeReply *GitHubClient::workflow(const QString &owner, const QString &repo,
                                   const QString &workflow, QObject *context,
                                   Callback<GitHubWorkflow> done) const
{
    return call<GitHubWorkflow>(m_transport, m_requests.workflow(owner, repo, workflow), context,
                                std::move(done), parseGitHubWorkflow);
}

ForgeReply *GitHubClient::dispatchWorkflow(const QString &owner, const QString &repo,
                                           const QString &workflow, const QByteArray &body,
                                           QObject *context, Callback<DispatchResult> done) const
{
    return sendDispatch(m_transport, m_requests.workflowDispatch(owner, repo, workflow, body),
                        context, std::move(done));
}

ForgeReply *GitHubClient::repositoryDispatch(const QString &owner, const QString &repo,
                                             const QByteArray &body, QObject *context,
                                             Callback<DispatchResult> done) const
{
    return sendDispatch(m_transport, m_requests.repositoryDispatch(owner, repo, body), context,
                        std::move(done));
}

ForgeReply *GitHubClient::fileContents(const QString &owner, const QString &repo,
                                       const QString &path, const QString &ref, QObject *context,
                                       Callback<QByteArray> done) const
{
    return call<QByteArray>(m_transport, m_requests.contents(owner, repo, path, ref), context,
                            std::move(done), parseFileContents);
}

ForgeReply *GitHubClient::branch(const QString &owner, const QString &repo,
                                 const QString &branchName, QObject *context,
                                 Callback<GitHubBranch> done) const
{
    return call<GitHubBranch>(m_transport, m_requests.branch(owner, repo, branchName), context,
                              std::move(done), parseGitHubBranch);
}

ForgeReply *GitHubClient::runs(const QString &owner, const QString &repo, const RunQuery &query,
                               QObject *context, Callback<Page<WorkflowRun>> done) const
{
    return call<Page<WorkflowRun>>(m_transport, m_requests.runs(owner, repo, query), context,
                                   std::move(done), parseWorkflowRuns);
}

ForgeReply *GitHubClient::run(const QString &owner, const QString &repo, qint64 runId,
                              QObject *context, Callback<WorkflowRun> done) const
{
    return call<WorkflowRun>(m_transport, m_requests.run(owner, repo, runId), context,
                             std::move(done), parseWorkflowRun);
}

void GitHubClient::jobs(const QString &owner, const QString &repo, qint64 runId, QObject *context,
                        Callback<QList<WorkflowJob>> done, const QString &filter) const
{
    detail::collectPages<WorkflowJob>(m_transport, m_requests.jobs(owner, repo, runId, 100, filter),
                                      context, std::move(done), parseWorkflowJobs);
}

void GitHubClient::artifacts(const QString &owner, const QString &repo, qint64 runId,
                             QObject *context, Callback<QList<GitHubArtifact>> done) const
{
    detail::collectPages<GitHubArtifact>(m_transport, m_requests.artifacts(owner, repo, runId),
                                         context, std::move(done), parseArtifacts);
}

ForgeReply *GitHubClient::artifactZip(const QString &owner, const QString &repo, qint64 artifactId,
                                      QObject *context, Callback<QByteArray> done) const
{
    return call<QByteArray>(m_transport, m_requests.artifactZip(owner, repo, artifactId), context,
                            std::move(done), parseBytes);
}

ForgeReply *GitHubClient::buildSummary(const QString &owner, const QString &repo,
                                       const GitHubArtifact &artifact, QObject *context,
                                       Callback<BuildSummary> done) const
{
    const QString name = artifact.name;
    return call<BuildSummary>(
        m_transport, m_requests.artifactZip(owner, repo, artifact.id), context, std::move(done),
        [name](const ForgeResponse &r) { return parseBuildSummaryZip(r.body, name); });
}

ForgeReply *GitHubClient::jobLog(const QString &owner, const QString &repo, qint64 jobId,
                                 QObject *context, Callback<QByteArray> done) const
{
    return call<QByteArray>(m_transport, m_requests.jobLog(owner, repo, jobId), context,
                            std::move(done), parseBytes);
}

void GitHubClient::annotations(const QString &owner, const QString &repo, qint64 checkRunId,
                               QObject *context, Callback<QList<CheckRunAnnotation>> done) const
{
    constexpr int kMaxAnnotationPages = 20;
    detail::collectPages<CheckRunAnnotation>(
        m_transport, m_requests.checkRunAnnotations(owner, repo, checkRunId), context,
        std::move(done), parseCheckRunAnnotations, kMaxAnnotationPages);
}

ForgeReply *GitHubClient::cancelRun(const QString &owner, const QString &repo, qint64 runId,
                                    QObject *context, Callback<Done> done) const
{
    return call<Done>(m_transport, m_requests.cancelRun(owner, repo, runId), context,
                      std::move(done), parseDone);
}

ForgeReply *GitHubClient::rerunFailedJobs(const QString &owner, const QString &repo, qint64 runId,
                                          QObject *context, Callback<Done> done) const
{
    return call<Done>(m_transport, m_requests.rerunFailedJobs(owner, repo, runId), context,
                      std::move(done), parseDone);
}

ForgeReply *GitHubClient::rerunJob(const QString &owner, const QString &repo, qint64 jobId,
                                   QObject *context, Callback<Done> done) const
{
    return call<Done>(m_transport, m_requests.rerunJob(owner, repo, jobId), context,
                      std::move(done), parseDone);
}

}  // namespace rc::forge
