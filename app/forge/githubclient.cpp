#include "forge/githubclient.h"

#include "forge/clientsupport_p.h"
#include "forge/tokensource.h"

namespace rc::forge {

using detail::call;

namespace {

ForgeResult<Done> parseDone(const ForgeResponse &)
{
    return ForgeResult<Done>::success({});
}

ForgeResult<QByteArray> parseBytes(const ForgeResponse &response)
{
    return ForgeResult<QByteArray>::success(response.body);
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
                                    // Only the prefix matters; the token is not kept.
                                    const QString token =
                                        tokens ? tokens->token(Service::GitHub, origin) : QString();
                                    return parseGitHubIdentity(r, token.left(11));
                                });
}

ForgeReply *GitHubClient::workflow(const QString &owner, const QString &repo,
                                   const QString &workflow, QObject *context,
                                   Callback<GitHubWorkflow> done) const
{
    return call<GitHubWorkflow>(m_transport, m_requests.workflow(owner, repo, workflow), context,
                                std::move(done), parseGitHubWorkflow);
}

void GitHubClient::dispatchWorkflow(const QString &owner, const QString &repo,
                                    const QString &workflow, const QString &ref,
                                    const QJsonObject &inputs, QObject *context,
                                    Callback<DispatchResult> done) const
{
    Transport *transport = m_transport;
    const ForgeRequest plain =
        m_requests.workflowDispatch(owner, repo, workflow, ref, inputs, false);
    call<DispatchResult>(
        transport, m_requests.workflowDispatch(owner, repo, workflow, ref, inputs, true), context,
        [transport, plain, context, done](const ForgeResult<DispatchResult> &first) {
            if (first.ok() || !isReturnRunDetailsRefusal(first.error)) {
                done(first);
                return;
            }
            // The server refused the field explicitly: nothing was dispatched. Send without it.
            call<DispatchResult>(
                transport, plain, context,
                [done](const ForgeResult<DispatchResult> &second) {
                    ForgeResult<DispatchResult> result = second;
                    result.value.resentWithoutRunDetails = true;
                    done(result);
                },
                parseDispatchResult);
        },
        parseDispatchResult);
}

ForgeReply *GitHubClient::repositoryDispatch(const QString &owner, const QString &repo,
                                             const QString &eventType,
                                             const QJsonObject &clientPayload, QObject *context,
                                             Callback<Done> done) const
{
    return call<Done>(m_transport,
                      m_requests.repositoryDispatch(owner, repo, eventType, clientPayload), context,
                      std::move(done), parseDone);
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
                        Callback<QList<WorkflowJob>> done) const
{
    detail::collectPages<WorkflowJob>(m_transport, m_requests.jobs(owner, repo, runId), context,
                                      std::move(done), parseWorkflowJobs);
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
