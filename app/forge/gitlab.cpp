// SPDX-License-Identifier: BSD-3-Clause
#include "forge/gitlab.h"

#include "forge/forgeheaders.h"
#include "forge/jsonread_p.h"
#include "forge/transport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rc::forge {

using namespace detail;
using namespace Qt::StringLiterals;

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::GitLab)
};

}  // namespace

bool GitLabJob::hasArchive() const
{
    for (const GitLabJobArtifact &a : artifacts) {
        if (a.fileType == u"archive")
            return true;
    }
    return false;
}

QString GitLabRequests::projectPath(const QString &project) const
{
    return u"/projects/" % encodeSegment(project);
}

ForgeRequest GitLabRequests::tokenSelf() const
{
    return apiGet(Service::GitLab, m_base, u"/personal_access_tokens/self"_s);
}

ForgeRequest GitLabRequests::user() const
{
    return apiGet(Service::GitLab, m_base, u"/user"_s);
}

ForgeRequest GitLabRequests::version() const
{
    return apiGet(Service::GitLab, m_base, u"/version"_s);
}

ForgeRequest GitLabRequests::project(const QString &project) const
{
    ForgeRequest r = apiGet(Service::GitLab, m_base, projectPath(project));
    refuseDotSegments(r, {{"project"_L1, project}});
    return r;
}

ForgeRequest GitLabRequests::commits(const QString &project, const QString &ref, int perPage,
                                     int page) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"ref_name"_s, ref);
    addQueryItemIfSet(query, u"per_page"_s, QString::number(qBound(1, perPage, 100)));
    addQueryItemIfSet(query, u"page"_s, QString::number(qMax(1, page)));
    ForgeRequest r =
        apiGet(Service::GitLab, m_base, projectPath(project) % u"/repository/commits", query);
    r.conditional = true;
    refuseDotSegments(r, {{"project"_L1, project}, {"ref"_L1, ref}});
    return r;
}

ForgeRequest GitLabRequests::commit(const QString &project, const QString &sha) const
{
    ForgeRequest r = apiGet(Service::GitLab, m_base,
                            projectPath(project) % u"/repository/commits/" % encodeSegment(sha));
    refuseDotSegments(r, {{"project"_L1, project}, {"sha"_L1, sha}});
    return r;
}

ForgeRequest GitLabRequests::pipelines(const QString &project, const QString &ref, int perPage,
                                       const QString &sha) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"ref"_s, ref);
    addQueryItemIfSet(query, u"sha"_s, sha);
    addQueryItemIfSet(query, u"per_page"_s, QString::number(qBound(1, perPage, 100)));
    ForgeRequest r = apiGet(Service::GitLab, m_base, projectPath(project) % u"/pipelines", query);
    r.conditional = true;
    refuseDotSegments(r, {{"project"_L1, project}, {"ref"_L1, ref}, {"sha"_L1, sha}});
    return r;
}

ForgeRequest GitLabRequests::pipelineJobs(const QString &project, qint64 pipelineId,
                                          int perPage) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"per_page"_s, QString::number(qBound(1, perPage, 100)));
    ForgeRequest r = apiGet(
        Service::GitLab, m_base,
        projectPath(project) % u"/pipelines/" % QString::number(pipelineId) % u"/jobs", query);
    r.conditional = true;
    refuseDotSegments(r, {{"project"_L1, project}});
    return r;
}

ForgeRequest GitLabRequests::jobArtifact(const QString &project, qint64 jobId,
                                         const QString &artifactPath) const
{
    ForgeRequest r = apiGet(Service::GitLab, m_base,
                            projectPath(project) % u"/jobs/" % QString::number(jobId) %
                                u"/artifacts/" % encodePath(artifactPath));
    r.expect = Expect::Bytes;
    r.headers.append(QHttpHeaders::WellKnownHeader::Accept, "*/*");
    refuseDotSegments(r, {{"project"_L1, project}, {"artifact path"_L1, artifactPath}});
    return r;
}

ForgeRequest GitLabRequests::archive(const QString &project, const QString &sha,
                                     const QString &format) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"sha"_s, sha);
    ForgeRequest r =
        apiGet(Service::GitLab, m_base,
               projectPath(project) % u"/repository/archive." % encodeSegment(format), query);
    r.expect = Expect::Bytes;
    r.headers.append(QHttpHeaders::WellKnownHeader::Accept, "*/*");
    refuseDotSegments(r, {{"project"_L1, project}, {"sha"_L1, sha}, {"format"_L1, format}});
    return r;
}

ForgeRequest GitLabRequests::rawFile(const QString &project, const QString &filePath,
                                     const QString &ref) const
{
    QUrlQuery query;
    addQueryItemIfSet(query, u"ref"_s, ref);
    ForgeRequest r = apiGet(
        Service::GitLab, m_base,
        projectPath(project) % u"/repository/files/" % encodeSegment(filePath) % u"/raw", query);
    r.expect = Expect::Bytes;
    r.headers.append(QHttpHeaders::WellKnownHeader::Accept, "*/*");
    r.maxBodyBytes = 8 * 1024 * 1024;
    refuseDotSegments(r, {{"project"_L1, project}, {"file path"_L1, filePath}, {"ref"_L1, ref}});
    return r;
}

// ---------------------------------------------------------------------------------------------

ForgeResult<GitLabTokenInfo> parseGitLabTokenSelf(const ForgeResponse &response)
{
    const QJsonObject o = response.json.object();
    GitLabTokenInfo t;
    t.id = int64(o, "id"_L1);
    t.name = str(o, "name"_L1);
    t.active = boolean(o, "active"_L1, true);
    t.revoked = boolean(o, "revoked"_L1, false);
    t.scopesKnown = o.value(u"scopes").isArray();
    t.scopes = strings(o.value(u"scopes"));
    t.userId = int64(o, "user_id"_L1);
    const QString expires = str(o, "expires_at"_L1);
    if (!expires.isEmpty()) {
        const QDate d = QDate::fromString(expires.left(10), Qt::ISODate);
        if (d.isValid())
            t.expiresAt = d;
    }
    if (t.id == 0)
        return ForgeResult<GitLabTokenInfo>::failure(badResponse(Text::tr("The token has no id.")));
    return ForgeResult<GitLabTokenInfo>::success(t);
}

ForgeResult<GitLabTokenInfo> parseGitLabUser(const ForgeResponse &response)
{
    const QJsonObject o = response.json.object();
    GitLabTokenInfo t;
    t.userId = int64(o, "id"_L1);
    t.username = str(o, "username"_L1);
    if (t.username.isEmpty())
        return ForgeResult<GitLabTokenInfo>::failure(
            badResponse(Text::tr("The user has no username.")));
    return ForgeResult<GitLabTokenInfo>::success(t);
}

ForgeResult<GitLabProject> parseGitLabProject(const ForgeResponse &response)
{
    const QJsonObject o = response.json.object();
    GitLabProject p;
    p.id = int64(o, "id"_L1);
    p.pathWithNamespace = str(o, "path_with_namespace"_L1);
    p.name = str(o, "name"_L1);
    p.defaultBranch = str(o, "default_branch"_L1);
    p.webUrl = url(o, "web_url"_L1);
    if (p.id == 0)
        return ForgeResult<GitLabProject>::failure(badResponse(Text::tr("The project has no id.")));
    return ForgeResult<GitLabProject>::success(p);
}

static GitLabCommit commitFromJson(const QJsonObject &o)
{
    GitLabCommit c;
    c.id = str(o, "id"_L1);
    c.shortId = str(o, "short_id"_L1);
    c.title = str(o, "title"_L1);
    c.message = str(o, "message"_L1);
    c.authorName = str(o, "author_name"_L1);
    c.authorEmail = str(o, "author_email"_L1);
    c.authoredDate = dateTime(o, "authored_date"_L1);
    c.committedDate = dateTime(o, "committed_date"_L1);
    c.parentIds = strings(o.value(u"parent_ids"));
    c.webUrl = url(o, "web_url"_L1);
    return c;
}

ForgeResult<GitLabCommit> parseGitLabCommit(const ForgeResponse &response)
{
    const GitLabCommit c = commitFromJson(response.json.object());
    if (c.id.isEmpty())
        return ForgeResult<GitLabCommit>::failure(badResponse(Text::tr("The commit has no id.")));
    return ForgeResult<GitLabCommit>::success(c);
}

template<class T, class FromJson, class Valid>
static ForgeResult<Page<T>> parseArray(const ForgeResponse &response, const QString &what,
                                       FromJson fromJson, Valid valid)
{
    if (!response.json.isArray())
        return ForgeResult<Page<T>>::failure(
            badResponse(Text::tr("Expected a list of %1.").arg(what)));
    Page<T> page;
    for (const QJsonValue &v : response.json.array()) {
        T item = fromJson(v.toObject());
        if (!valid(item))
            return ForgeResult<Page<T>>::failure(
                badResponse(Text::tr("An entry in the list of %1 has no id.").arg(what)));
        page.items.append(std::move(item));
    }
    if (auto error = nextPageOf(response.headers, response.pagingUrl(), &page.next))
        return ForgeResult<Page<T>>::failure(*error);
    return ForgeResult<Page<T>>::success(page);
}

ForgeResult<Page<GitLabCommit>> parseGitLabCommits(const ForgeResponse &response)
{
    return parseArray<GitLabCommit>(response, u"commits"_s, commitFromJson,
                                    [](const GitLabCommit &c) { return !c.id.isEmpty(); });
}

static GitLabPipeline pipelineFromJson(const QJsonObject &o)
{
    GitLabPipeline p;
    p.id = int64(o, "id"_L1);
    p.iid = int64(o, "iid"_L1);
    p.sha = str(o, "sha"_L1);
    p.ref = str(o, "ref"_L1);
    p.status = str(o, "status"_L1);
    p.source = str(o, "source"_L1);
    p.createdAt = dateTime(o, "created_at"_L1);
    p.updatedAt = dateTime(o, "updated_at"_L1);
    p.webUrl = url(o, "web_url"_L1);
    return p;
}

ForgeResult<Page<GitLabPipeline>> parseGitLabPipelines(const ForgeResponse &response)
{
    return parseArray<GitLabPipeline>(response, u"pipelines"_s, pipelineFromJson,
                                      [](const GitLabPipeline &p) { return p.id != 0; });
}

static GitLabJob jobFromJson(const QJsonObject &o)
{
    GitLabJob j;
    j.id = int64(o, "id"_L1);
    j.name = str(o, "name"_L1);
    j.stage = str(o, "stage"_L1);
    j.status = str(o, "status"_L1);
    j.ref = str(o, "ref"_L1);
    j.sha = str(o.value(u"commit").toObject(), "id"_L1);
    j.pipelineId = int64(o.value(u"pipeline").toObject(), "id"_L1);
    j.createdAt = dateTime(o, "created_at"_L1);
    j.startedAt = dateTime(o, "started_at"_L1);
    j.finishedAt = dateTime(o, "finished_at"_L1);
    j.webUrl = url(o, "web_url"_L1);
    for (const QJsonValue &v : o.value(u"artifacts").toArray()) {
        const QJsonObject a = v.toObject();
        j.artifacts.append({str(a, "file_type"_L1), str(a, "filename"_L1), int64(a, "size"_L1)});
    }
    // Older answers only carry artifacts_file (the archive).
    const QJsonObject file = o.value(u"artifacts_file").toObject();
    if (!j.hasArchive() && !str(file, "filename"_L1).isEmpty())
        j.artifacts.append({u"archive"_s, str(file, "filename"_L1), int64(file, "size"_L1)});
    return j;
}

ForgeResult<Page<GitLabJob>> parseGitLabJobs(const ForgeResponse &response)
{
    return parseArray<GitLabJob>(response, u"jobs"_s, jobFromJson,
                                 [](const GitLabJob &j) { return j.id != 0; });
}

bool isPipelineFlagged(const QString &status)
{
    return status != QLatin1StringView("success") && status != QLatin1StringView("skipped") &&
        status != QLatin1StringView("manual");
}

QList<CommitWithPipeline> joinPipelines(const QList<GitLabCommit> &commits,
                                        const QList<GitLabPipeline> &pipelines)
{
    QHash<QString, GitLabPipeline> newest;
    for (const GitLabPipeline &p : pipelines) {
        const auto it = newest.constFind(p.sha);
        if (it == newest.constEnd() || it->id < p.id)
            newest.insert(p.sha, p);
    }
    QList<CommitWithPipeline> out;
    out.reserve(commits.size());
    for (const GitLabCommit &c : commits) {
        CommitWithPipeline cp {c, std::nullopt};
        const auto it = newest.constFind(c.id);
        if (it != newest.constEnd())
            cp.pipeline = *it;
        out.append(cp);
    }
    return out;
}

std::optional<GitLabJob> findArtifactJob(const QList<GitLabJob> &jobs, const QString &jobName)
{
    std::optional<GitLabJob> best;
    std::optional<GitLabJob> any;
    for (const GitLabJob &j : jobs) {
        if (j.name != jobName)
            continue;
        if (!any || j.id > any->id)
            any = j;
        if (j.status == u"success" && j.hasArchive() && (!best || j.id > best->id))
            best = j;
    }
    return best ? best : any;
}

}  // namespace rc::forge
