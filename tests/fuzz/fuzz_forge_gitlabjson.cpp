// SPDX-License-Identifier: BSD-3-Clause
// GitLab JSON mappings: token, user, project, commits, pipelines, jobs; and what is computed
// from them (commits joined to pipelines, the job that made the tarball).
#include "forge/gitlab.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

#include <QHash>

using namespace rc::forge;

namespace {

template<class T>
void checkResult(const ForgeResult<T> &result)
{
    if (!result.ok()) {
        RC_FUZZ_CHECK(result.error.kind == ForgeError::Kind::BadResponse);
        RC_FUZZ_CHECK(!result.error.message.isEmpty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QHttpHeaders headers;
    headers.append("x-next-page", "2");
    const ForgeResponse response = rc::fuzz::jsonResponse(rc::fuzz::bytesOf(data, size), headers);

    const auto token = parseGitLabTokenSelf(response);
    checkResult(token);
    if (token.ok()) {
        RC_FUZZ_CHECK(token.value.id != 0);
        RC_FUZZ_CHECK(!token.value.expiresAt || token.value.expiresAt->isValid());
        RC_FUZZ_CHECK(token.value.scopesKnown || token.value.scopes.isEmpty());
    }
    const auto user = parseGitLabUser(response);
    checkResult(user);
    if (user.ok())
        RC_FUZZ_CHECK(!user.value.username.isEmpty());
    const auto project = parseGitLabProject(response);
    checkResult(project);
    if (project.ok())
        RC_FUZZ_CHECK(project.value.id != 0);
    const auto commit = parseGitLabCommit(response);
    checkResult(commit);
    if (commit.ok())
        RC_FUZZ_CHECK(!commit.value.id.isEmpty());

    const auto commits = parseGitLabCommits(response);
    checkResult(commits);
    const auto pipelines = parseGitLabPipelines(response);
    checkResult(pipelines);
    const auto jobs = parseGitLabJobs(response);
    checkResult(jobs);

    if (commits.ok()) {
        for (const GitLabCommit &item : commits.value.items)
            RC_FUZZ_CHECK(!item.id.isEmpty());
    }
    if (pipelines.ok()) {
        for (const GitLabPipeline &item : pipelines.value.items)
            RC_FUZZ_CHECK(item.id != 0);
    }
    // The same list read as commits and as pipelines exercises the join on hostile input.
    if (commits.ok() && pipelines.ok()) {
        const QList<CommitWithPipeline> joined =
            joinPipelines(commits.value.items, pipelines.value.items);
        RC_FUZZ_CHECK(joined.size() == commits.value.items.size());
        QHash<QString, qint64> newest;
        for (const GitLabPipeline &pipeline : pipelines.value.items)
            newest[pipeline.sha] = std::max(newest.value(pipeline.sha, pipeline.id), pipeline.id);
        for (qsizetype i = 0; i < joined.size(); ++i) {
            RC_FUZZ_CHECK(joined[i].commit.id == commits.value.items[i].id);
            if (joined[i].pipeline) {
                RC_FUZZ_CHECK(joined[i].pipeline->sha == joined[i].commit.id);
                RC_FUZZ_CHECK(joined[i].pipeline->id == newest.value(joined[i].commit.id));
            } else {
                RC_FUZZ_CHECK(!newest.contains(joined[i].commit.id));
            }
        }
    }
    if (jobs.ok()) {
        for (const GitLabJob &job : jobs.value.items) {
            RC_FUZZ_CHECK(job.id != 0);
            const std::optional<GitLabJob> found = findArtifactJob(jobs.value.items, job.name);
            // Some job of that name is always found, and a successful one with an archive wins.
            RC_FUZZ_CHECK(found && found->name == job.name);
            if (job.status == u"success" && job.hasArchive())
                RC_FUZZ_CHECK(found->status == u"success" && found->hasArchive());
        }
    }
    return 0;
}
