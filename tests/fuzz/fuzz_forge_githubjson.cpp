// SPDX-License-Identifier: BSD-3-Clause
// GitHub JSON mappings: user, workflow, dispatch answer, runs, jobs, artifacts, file contents,
// branch. The whole input is the body; a Link header makes the paging path run too.
#include "forge/github.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

using namespace rc::forge;
using namespace Qt::StringLiterals;

namespace {

template<class T>
void checkResult(const ForgeResult<T> &result)
{
    // A value or an error, never both: an error is a BadResponse that says what is missing.
    if (!result.ok()) {
        RC_FUZZ_CHECK(result.error.kind == ForgeError::Kind::BadResponse);
        RC_FUZZ_CHECK(!result.error.message.isEmpty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::Link,
                   "<https://api.example.org/list?per_page=2&page=2>; rel=\"next\"");
    const ForgeResponse response = rc::fuzz::jsonResponse(rc::fuzz::bytesOf(data, size), headers);

    const auto identity =
        parseGitHubIdentity(response, u"ghp_FuzzToken000000000000000000000000000"_s);
    checkResult(identity);
    if (identity.ok())
        RC_FUZZ_CHECK(!identity.value.login.isEmpty());

    const auto workflow = parseGitHubWorkflow(response);
    checkResult(workflow);
    if (workflow.ok())
        RC_FUZZ_CHECK(workflow.value.id != 0 && !workflow.value.state.isEmpty());

    const auto dispatch = parseDispatchResult(response);
    checkResult(dispatch);
    if (dispatch.ok() && dispatch.value.runId)
        RC_FUZZ_CHECK(*dispatch.value.runId > 0);

    const auto run = parseWorkflowRun(response);
    checkResult(run);
    if (run.ok())
        RC_FUZZ_CHECK(run.value.id != 0 && !run.value.status.isEmpty());

    const auto runs = parseWorkflowRuns(response);
    checkResult(runs);
    if (runs.ok()) {
        for (const WorkflowRun &item : runs.value.items)
            RC_FUZZ_CHECK(item.id != 0);
        RC_FUZZ_CHECK(runs.value.hasNext());
    }

    const auto jobs = parseWorkflowJobs(response);
    checkResult(jobs);
    if (jobs.ok()) {
        for (const WorkflowJob &job : jobs.value.items)
            RC_FUZZ_CHECK(job.id != 0);
    }

    const auto file = parseFileContents(response);
    checkResult(file);
    if (file.ok())
        RC_FUZZ_CHECK(file.value.size() <= kMaxFileContentsBytes);

    const auto branch = parseGitHubBranch(response);
    checkResult(branch);
    if (branch.ok())
        RC_FUZZ_CHECK(!branch.value.name.isEmpty() && !branch.value.sha.isEmpty());

    const auto artifacts = parseArtifacts(response);
    checkResult(artifacts);
    if (artifacts.ok()) {
        for (const GitHubArtifact &artifact : artifacts.value.items)
            RC_FUZZ_CHECK(artifact.id != 0);
    }
    return 0;
}
