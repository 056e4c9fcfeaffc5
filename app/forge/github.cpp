// SPDX-License-Identifier: BSD-3-Clause
#include "forge/github.h"

#include "forge/forgeheaders.h"
#include "forge/jsonread_p.h"
#include "forge/servertext.h"
#include "forge/transport.h"
#include "forge/zipreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace rc::forge {

using namespace detail;
using namespace Qt::StringLiterals;

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::GitHub)
};

}  // namespace

QString GitHubRequests::repoPath(const QString &owner, const QString &repo) const
{
    return u"/repos/" % encodeSegment(owner) % u'/' % encodeSegment(repo);
}

ForgeRequest GitHubRequests::user() const
{
    return apiGet(Service::GitHub, m_base, u"/user"_s);
}

ForgeRequest GitHubRequests::rateLimit() const
{
    return apiGet(Service::GitHub, m_base, u"/rate_limit"_s);
}

ForgeRequest GitHubRequests::workflow(const QString &owner, const QString &repo,
                                      const QString &workflow) const
{
    ForgeRequest r =
        apiGet(Service::GitHub, m_base,
               repoPath(owner, repo) % u"/actions/workflows/" % encodeSegment(workflow));
    r.conditional = true;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}, {"workflow"_L1, workflow}});
    return r;
}

ForgeRequest GitHubRequests::workflowDispatch(const QString &owner, const QString &repo,
                                              const QString &workflow, const QByteArray &body) const
{
    ForgeRequest r = apiPost(Service::GitHub, m_base,
                             repoPath(owner, repo) % u"/actions/workflows/" %
                                 encodeSegment(workflow) % u"/dispatches",
                             body);
    r.expectedStatus = {200, 204};
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}, {"workflow"_L1, workflow}});
    return r;
}

ForgeRequest GitHubRequests::repositoryDispatch(const QString &owner, const QString &repo,
                                                const QByteArray &body) const
{
    ForgeRequest r = apiPost(Service::GitHub, m_base, repoPath(owner, repo) % u"/dispatches", body);
    r.expect = Expect::Empty;
    r.expectedStatus = {204};
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::contents(const QString &owner, const QString &repo,
                                      const QString &path, const QString &ref) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"ref"_s, ref);
    ForgeRequest r = apiGet(Service::GitHub, m_base,
                            repoPath(owner, repo) % u"/contents/" % encodePath(path), query);
    // base64 of kMaxFileContentsBytes wrapped at 60 ("\n" escaped in JSON) plus the metadata.
    r.maxBodyBytes = 2 * kMaxFileContentsBytes + 64 * 1024;
    refuseDotSegments(r,
                      {{"owner"_L1, owner}, {"repo"_L1, repo}, {"path"_L1, path}, {"ref"_L1, ref}});
    return r;
}

ForgeRequest GitHubRequests::branch(const QString &owner, const QString &repo,
                                    const QString &branch) const
{
    ForgeRequest r = apiGet(Service::GitHub, m_base,
                            repoPath(owner, repo) % u"/branches/" % encodeSegment(branch));
    r.conditional = true;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}, {"branch"_L1, branch}});
    return r;
}

ForgeRequest GitHubRequests::runs(const QString &owner, const QString &repo,
                                  const RunQuery &q) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"event"_s, q.event);
    addQueryItemIfSet(query, u"actor"_s, q.actor);
    addQueryItemIfSet(query, u"branch"_s, q.branch);
    addQueryItemIfSet(query, u"status"_s, q.status);
    QString created = q.created;
    if (created.isEmpty() && q.createdSince)
        created = u">=" % q.createdSince->toUTC().toString(Qt::ISODate);
    addQueryItemIfSet(query, u"created"_s, created);
    if (q.perPage > 0)
        addQueryItemIfSet(query, u"per_page"_s, QString::number(qMin(q.perPage, 100)));
    if (q.page > 0)
        addQueryItemIfSet(query, u"page"_s, QString::number(q.page));
    const QString path = q.workflow.isEmpty()
        ? QString(repoPath(owner, repo) % u"/actions/runs")
        : repoPath(owner, repo) % u"/actions/workflows/" % encodeSegment(q.workflow) % u"/runs";
    ForgeRequest r = apiGet(Service::GitHub, m_base, path, query);
    r.conditional = true;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}, {"workflow"_L1, q.workflow}});
    return r;
}

ForgeRequest GitHubRequests::run(const QString &owner, const QString &repo, qint64 runId) const
{
    ForgeRequest r = apiGet(Service::GitHub, m_base,
                            repoPath(owner, repo) % u"/actions/runs/" % QString::number(runId));
    r.conditional = true;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::jobs(const QString &owner, const QString &repo, qint64 runId,
                                  int perPage, const QString &filter) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"filter"_s, filter);
    addQueryItemIfSet(query, u"per_page"_s, QString::number(qBound(1, perPage, 100)));
    ForgeRequest r = apiGet(
        Service::GitHub, m_base,
        repoPath(owner, repo) % u"/actions/runs/" % QString::number(runId) % u"/jobs", query);
    r.conditional = true;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::artifacts(const QString &owner, const QString &repo, qint64 runId,
                                       int perPage) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"per_page"_s, QString::number(qBound(1, perPage, 100)));
    ForgeRequest r = apiGet(
        Service::GitHub, m_base,
        repoPath(owner, repo) % u"/actions/runs/" % QString::number(runId) % u"/artifacts", query);
    r.conditional = true;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::artifactZip(const QString &owner, const QString &repo,
                                         qint64 artifactId) const
{
    ForgeRequest r = apiGet(Service::GitHub, m_base,
                            repoPath(owner, repo) % u"/actions/artifacts/" %
                                QString::number(artifactId) % u"/zip");
    r.expect = Expect::Bytes;
    r.maxBodyBytes = 64 * 1024 * 1024;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::jobLog(const QString &owner, const QString &repo, qint64 jobId) const
{
    ForgeRequest r =
        apiGet(Service::GitHub, m_base,
               repoPath(owner, repo) % u"/actions/jobs/" % QString::number(jobId) % u"/logs");
    r.expect = Expect::Bytes;
    r.maxBodyBytes = 32 * 1024 * 1024;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::checkRunAnnotations(const QString &owner, const QString &repo,
                                                 qint64 checkRunId, int perPage) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"per_page"_s,
                      QString::number(qBound(1, perPage, kMaxAnnotationsPerPage)));
    ForgeRequest r = apiGet(Service::GitHub, m_base,
                            repoPath(owner, repo) % u"/check-runs/" % QString::number(checkRunId) %
                                u"/annotations",
                            query);
    r.conditional = true;
    // A full page of the longest annotations GitHub accepts, escaped as JSON.
    r.maxBodyBytes = 16 * 1024 * 1024;
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

static ForgeRequest emptyPost(const QUrl &base, const QString &path, QList<int> statuses)
{
    ForgeRequest r = apiPost(Service::GitHub, base, path, {});
    r.expect = Expect::Empty;
    r.expectedStatus = std::move(statuses);
    return r;
}

ForgeRequest GitHubRequests::cancelRun(const QString &owner, const QString &repo,
                                       qint64 runId) const
{
    ForgeRequest r = emptyPost(
        m_base, repoPath(owner, repo) % u"/actions/runs/" % QString::number(runId) % u"/cancel",
        {202});
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::rerunFailedJobs(const QString &owner, const QString &repo,
                                             qint64 runId) const
{
    ForgeRequest r = emptyPost(m_base,
                               repoPath(owner, repo) % u"/actions/runs/" % QString::number(runId) %
                                   u"/rerun-failed-jobs",
                               {201});
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

ForgeRequest GitHubRequests::rerunJob(const QString &owner, const QString &repo, qint64 jobId) const
{
    ForgeRequest r = emptyPost(
        m_base, repoPath(owner, repo) % u"/actions/jobs/" % QString::number(jobId) % u"/rerun",
        {201});
    refuseDotSegments(r, {{"owner"_L1, owner}, {"repo"_L1, repo}});
    return r;
}

// ---------------------------------------------------------------------------------------------
// Parsers

ForgeResult<GitHubIdentity> parseGitHubIdentity(const ForgeResponse &response, const QString &token)
{
    const QJsonObject o = response.json.object();
    GitHubIdentity id;
    id.login = str(o, "login"_L1);
    id.id = int64(o, "id"_L1);
    if (id.login.isEmpty())
        return ForgeResult<GitHubIdentity>::failure(
            badResponse(Text::tr("The user has no login.")));
    id.tokenKind = gitHubTokenKind(token);
    if (response.headers.contains("x-oauth-scopes")) {
        id.scopesKnown = true;
        id.scopes = parseScopes(response.headers.value("x-oauth-scopes"));
        if (id.tokenKind == GitHubTokenKind::Unknown)
            id.tokenKind = GitHubTokenKind::Classic;
    }
    id.expiresAt =
        parseTokenExpiration(response.headers.value("github-authentication-token-expiration"));
    return ForgeResult<GitHubIdentity>::success(id);
}

ForgeResult<GitHubWorkflow> parseGitHubWorkflow(const ForgeResponse &response)
{
    const QJsonObject o = response.json.object();
    GitHubWorkflow w;
    w.id = int64(o, "id"_L1);
    w.name = str(o, "name"_L1);
    w.path = str(o, "path"_L1);
    w.state = str(o, "state"_L1);
    w.htmlUrl = url(o, "html_url"_L1);
    if (w.id == 0 || w.state.isEmpty())
        return ForgeResult<GitHubWorkflow>::failure(
            badResponse(Text::tr("The workflow has no id or state.")));
    return ForgeResult<GitHubWorkflow>::success(w);
}

ForgeResult<DispatchResult> parseDispatchResult(const ForgeResponse &response)
{
    DispatchResult d;
    d.serverDate = serverDate(response.headers);
    if (response.httpStatus == 204 || response.json.isNull())
        return ForgeResult<DispatchResult>::success(d);
    const QJsonObject o = response.json.object();
    const qint64 id = int64(o, "workflow_run_id"_L1);
    if (id > 0)
        d.runId = id;
    d.runUrl = url(o, "run_url"_L1);
    d.htmlUrl = url(o, "html_url"_L1);
    return ForgeResult<DispatchResult>::success(d);
}

std::optional<QDateTime> serverDateOf(const ForgeResponse &response)
{
    if (response.httpStatus == 0)
        return std::nullopt;
    return serverDate(response.headers);
}

ForgeResult<QByteArray> parseFileContents(const ForgeResponse &response)
{
    using Result = ForgeResult<QByteArray>;
    if (response.json.isArray())
        return Result::failure(badResponse(Text::tr("The path is a directory, not a file.")));
    const QJsonObject o = response.json.object();
    const QString type = str(o, "type"_L1);
    if (type == u"symlink")
        return Result::failure(
            badResponse(Text::tr("The path is a symbolic link (to \"%1\"), not a file.")
                            .arg(printableServerText(str(o, "target"_L1), 200))));
    if (type == u"submodule")
        return Result::failure(badResponse(Text::tr("The path is a submodule, not a file.")));
    if (type != u"file")
        return Result::failure(badResponse(Text::tr("The answer is not a file.")));
    const QString encoding = str(o, "encoding"_L1);
    const qint64 size = int64(o, "size"_L1, -1);
    if (size > kMaxFileContentsBytes || encoding == u"none")
        return Result::failure(badResponse(
            Text::tr("The file is too large for the contents API (%1 bytes; at most %2).")
                .arg(size)
                .arg(kMaxFileContentsBytes)));
    if (encoding != u"base64")
        return Result::failure(
            badResponse(Text::tr("The file's content has encoding \"%1\", not base64.")
                            .arg(printableServerText(encoding, 100))));
    const QJsonValue content = o.value(u"content");
    if (!content.isString())
        return Result::failure(badResponse(Text::tr("The file has no content.")));
    QByteArray base64 = content.toString().toLatin1();
    base64.removeIf([](char c) { return c == '\n' || c == '\r'; });
    if (base64.size() > (kMaxFileContentsBytes + 2) / 3 * 4)
        return Result::failure(
            badResponse(Text::tr("The file is larger than %1 bytes.").arg(kMaxFileContentsBytes)));
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Result::failure(badResponse(Text::tr("The file's content is not valid base64.")));
    if (size >= 0 && decoded.decoded.size() != size)
        return Result::failure(
            badResponse(Text::tr("The file's content has %1 bytes, but its size says %2.")
                            .arg(decoded.decoded.size())
                            .arg(size)));
    return Result::success(decoded.decoded);
}

ForgeResult<GitHubBranch> parseGitHubBranch(const ForgeResponse &response)
{
    const QJsonObject o = response.json.object();
    GitHubBranch b;
    b.name = str(o, "name"_L1);
    b.sha = str(o.value(u"commit").toObject(), "sha"_L1);
    if (b.name.isEmpty() || b.sha.isEmpty())
        return ForgeResult<GitHubBranch>::failure(
            badResponse(Text::tr("The branch has no name or head commit.")));
    return ForgeResult<GitHubBranch>::success(b);
}

WorkflowRun workflowRunFromJson(const QJsonObject &o)
{
    WorkflowRun r;
    r.id = int64(o, "id"_L1);
    r.workflowId = int64(o, "workflow_id"_L1);
    r.name = str(o, "name"_L1);
    r.displayTitle = str(o, "display_title"_L1);
    r.event = str(o, "event"_L1);
    r.status = str(o, "status"_L1);
    r.conclusion = str(o, "conclusion"_L1);
    r.headBranch = str(o, "head_branch"_L1);
    r.headSha = str(o, "head_sha"_L1);
    r.runNumber = int64(o, "run_number"_L1);
    r.runAttempt = int64(o, "run_attempt"_L1);
    r.actorLogin = str(o.value(u"actor").toObject(), "login"_L1);
    r.createdAt = dateTime(o, "created_at"_L1);
    r.updatedAt = dateTime(o, "updated_at"_L1);
    r.runStartedAt = dateTime(o, "run_started_at"_L1);
    r.htmlUrl = url(o, "html_url"_L1);
    return r;
}

ForgeResult<WorkflowRun> parseWorkflowRun(const ForgeResponse &response)
{
    const WorkflowRun run = workflowRunFromJson(response.json.object());
    if (run.id == 0 || run.status.isEmpty())
        return ForgeResult<WorkflowRun>::failure(
            badResponse(Text::tr("The run has no id or status.")));
    return ForgeResult<WorkflowRun>::success(run);
}

template<class T, class FromJson>
static ForgeResult<Page<T>> parseList(const ForgeResponse &response, QLatin1StringView key,
                                      FromJson fromJson)
{
    const QJsonObject o = response.json.object();
    const QJsonValue list = o.value(key);
    if (!list.isArray())
        return ForgeResult<Page<T>>::failure(
            badResponse(Text::tr("The answer has no \"%1\" list.").arg(key)));
    Page<T> page;
    for (const QJsonValue &v : list.toArray()) {
        T item = fromJson(v.toObject());
        if (item.id == 0)
            return ForgeResult<Page<T>>::failure(
                badResponse(Text::tr("An entry of \"%1\" has no id.").arg(key)));
        page.items.append(std::move(item));
    }
    if (auto error = nextPageOf(response.headers, response.pagingUrl(), &page.next))
        return ForgeResult<Page<T>>::failure(*error);
    return ForgeResult<Page<T>>::success(page);
}

ForgeResult<Page<WorkflowRun>> parseWorkflowRuns(const ForgeResponse &response)
{
    return parseList<WorkflowRun>(response, "workflow_runs"_L1, workflowRunFromJson);
}

WorkflowJob workflowJobFromJson(const QJsonObject &o)
{
    WorkflowJob j;
    j.id = int64(o, "id"_L1);
    j.runId = int64(o, "run_id"_L1);
    j.runAttempt = int64(o, "run_attempt"_L1);
    // A job's name keys its row and labels it; GitHub caps what a workflow can make of it
    // far below this, so a longer one is cut, not kept whole.
    constexpr qsizetype kMaxJobNameLength = 1024;
    j.name = str(o, "name"_L1).left(kMaxJobNameLength);
    j.status = str(o, "status"_L1);
    j.conclusion = str(o, "conclusion"_L1);
    j.startedAt = dateTime(o, "started_at"_L1);
    j.completedAt = dateTime(o, "completed_at"_L1);
    j.labels = strings(o.value(u"labels"));
    j.runnerName = str(o, "runner_name"_L1);
    j.htmlUrl = url(o, "html_url"_L1);
    j.checkRunId = checkRunIdFromUrl(url(o, "check_run_url"_L1));
    for (const QJsonValue &v : o.value(u"steps").toArray()) {
        const QJsonObject s = v.toObject();
        WorkflowStep step;
        step.name = str(s, "name"_L1);
        step.status = str(s, "status"_L1);
        step.conclusion = str(s, "conclusion"_L1);
        step.number = int(int64(s, "number"_L1));
        step.startedAt = dateTime(s, "started_at"_L1);
        step.completedAt = dateTime(s, "completed_at"_L1);
        j.steps.append(step);
    }
    return j;
}

ForgeResult<Page<WorkflowJob>> parseWorkflowJobs(const ForgeResponse &response)
{
    return parseList<WorkflowJob>(response, "jobs"_L1, workflowJobFromJson);
}

static GitHubArtifact artifactFromJson(const QJsonObject &o)
{
    GitHubArtifact a;
    a.id = int64(o, "id"_L1);
    a.name = str(o, "name"_L1);
    a.sizeInBytes = int64(o, "size_in_bytes"_L1);
    a.expired = boolean(o, "expired"_L1);
    a.archiveDownloadUrl = url(o, "archive_download_url"_L1);
    a.createdAt = dateTime(o, "created_at"_L1);
    a.expiresAt = dateTime(o, "expires_at"_L1);
    return a;
}

ForgeResult<Page<GitHubArtifact>> parseArtifacts(const ForgeResponse &response)
{
    return parseList<GitHubArtifact>(response, "artifacts"_L1, artifactFromJson);
}

qint64 checkRunIdFromUrl(const QUrl &checkRunUrl)
{
    const QStringList segments = checkRunUrl.path().split(u'/', Qt::SkipEmptyParts);
    if (segments.size() < 2 || segments.at(segments.size() - 2) != u"check-runs")
        return 0;
    bool ok = false;
    const qint64 id = segments.last().toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

ForgeResult<Page<CheckRunAnnotation>> parseCheckRunAnnotations(const ForgeResponse &response)
{
    using Result = ForgeResult<Page<CheckRunAnnotation>>;
    if (!response.json.isArray())
        return Result::failure(badResponse(Text::tr("The annotations are not a list.")));
    const QJsonArray list = response.json.array();
    if (list.size() > kMaxAnnotationsPerPage)
        return Result::failure(
            badResponse(Text::tr("The page holds %1 annotations; at most %2 were asked for.")
                            .arg(list.size())
                            .arg(kMaxAnnotationsPerPage)));
    constexpr qsizetype kMaxPathChars = 1024;
    constexpr qint64 kMaxLine = std::numeric_limits<int>::max();
    const auto bounded = [](const QJsonObject &o, QLatin1StringView key, qsizetype limit) {
        return str(o, key).left(limit);
    };
    Page<CheckRunAnnotation> page;
    for (const QJsonValue &v : list) {
        if (!v.isObject())
            return Result::failure(badResponse(Text::tr("An annotation is not an object.")));
        const QJsonObject o = v.toObject();
        CheckRunAnnotation a;
        a.path = bounded(o, "path"_L1, kMaxPathChars);
        a.startLine = int(qBound<qint64>(0, int64(o, "start_line"_L1), kMaxLine));
        a.endLine = int(qBound<qint64>(0, int64(o, "end_line"_L1), kMaxLine));
        a.level = bounded(o, "annotation_level"_L1, 16);
        a.title = bounded(o, "title"_L1, kMaxAnnotationTitleChars);
        a.message = bounded(o, "message"_L1, kMaxAnnotationTextChars);
        a.rawDetails = bounded(o, "raw_details"_L1, kMaxAnnotationTextChars);
        if (a.message.isEmpty() && a.title.isEmpty())
            return Result::failure(
                badResponse(Text::tr("An annotation has neither a message nor a title.")));
        page.items.append(std::move(a));
    }
    if (auto error = nextPageOf(response.headers, response.pagingUrl(), &page.next))
        return Result::failure(*error);
    return Result::success(page);
}

bool isReturnRunDetailsRefusal(const ForgeError &error)
{
    return (error.httpStatus == 400 || error.httpStatus == 422) &&
        error.message.contains(u"return_run_details", Qt::CaseInsensitive);
}

ForgeResult<BuildSummary> parseBuildSummaryZip(const QByteArray &zip, const QString &artifactName)
{
    const ZipEntryResult entry = readZipEntry(zip, u"summary.json"_s);
    if (!entry.data)
        return ForgeResult<BuildSummary>::failure(
            badResponse(Text::tr("Artifact %1: %2").arg(artifactName, entry.error)));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*entry.data, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return ForgeResult<BuildSummary>::failure(badResponse(
            Text::tr("Artifact %1: summary.json is not a JSON object.").arg(artifactName)));
    BuildSummary s;
    s.artifactName = artifactName;
    s.json = doc.object();
    s.outcome = s.json.value(u"outcome").toString();
    if (s.outcome.isEmpty())
        return ForgeResult<BuildSummary>::failure(badResponse(
            Text::tr("Artifact %1: summary.json has no \"outcome\".").arg(artifactName)));
    return ForgeResult<BuildSummary>::success(s);
}

}  // namespace rc::forge
