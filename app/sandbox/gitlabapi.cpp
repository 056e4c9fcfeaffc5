// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/gitlabapi.h"

#include "sandbox/archives.h"
#include "sandbox/routetable.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;
constexpr int kRateLimitPerMinute = 2000;

QJsonValue nullableTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s))
                          : QJsonValue();
}

QString gitLabTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QString shaOf(const QString &seed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1).toHex());
}

// Newer commits carry a comment and a docstring with ' % %% and \ right above __version__,
// so the patch's context lines hold what `printf '<patch>'` mangles unless it is encoded.
QByteArray initFile(const QString &version, bool withNotice)
{
    const QByteArray notice = withNotice
        ? "# Progress lines are printed as \"%3d%%\" by the driver.\n"
          "\"\"\"Copyright (c) 2018-2026 VeloxChem developers. 100% Python 'n' C++ \\\\o/\"\"\"\n"_ba
        : QByteArray();
    return "# The VeloxChem Python package.\n"
           "from .veloxchemlib import *  # noqa: F401,F403\n"
           "\n"_ba +
        notice + "__version__ = \"" + version.toUtf8() + "\"\n";
}

// How many of the newest demo commits have the notice in their __init__.py.
constexpr int kCommitsWithNotice = 4;

struct DemoCommit
{
    const char16_t *title;
    const char16_t *body;
};

// Newest first. Some carry the [conda-build] convention with a package = {...} body.
constexpr DemoCommit kDemoCommits[] = {
    {u"Deploy release candidate [conda-build]",
     u"package = {\"version\": \"1.0rc4\", \"build\": \"0\", \"channel\": \"veloxchem\", "
     u"\"label\": \"main\"}"},
    {u"Fix MPI communicator leak in the response solver", u""},
    {u"Update conda recipe pins for numpy 2", u""},
    {u"Deploy experimental package [conda-build]",
     u"package = {\"version\": \"1.0rc4.dev2\", \"build\": \"1\", \"channel\": \"veloxchem\", "
     u"\"label\": \"dev\"}"},
    {u"Speed up ERI screening", u"Cuts the Fock build by 12% on the benchmark set."},
    {u"Merge branch 'feature/tddft-gradients' into 'master'", u""},
    {u"Add TDDFT gradients", u""},
    {u"Document the scf.conv_thresh option", u""},
    {u"Refactor basis set reader", u""},
    {u"[CONDA-BUILD] nightly",
     u"package = {\"version\": \"1.0rc4.dev1\", \"build\": 2, \"channel\": \"veloxchem\"}"},
    {u"Bump pybind11 to 2.13", u""},
    {u"Fix Windows build with MS-MPI", u""},
    {u"Add Python 3.13 to CI", u""},
    {u"Drop Python 3.9", u""},
    {u"Clean up CMake presets", u""},
    {u"Improve convergence of CPP solver", u""},
    {u"Fix typo in README", u""},
    {u"Deploy [conda-build]", u""},
    {u"Add checkpoint compression", u""},
    {u"Use std::span in the integral engine", u""},
    {u"Fix race in OpenMP Fock build", u""},
    {u"Add unit tests for ECPs", u""},
    {u"Port molecule parser to C++20", u""},
    {u"Vendor libxc 6.2", u""},
    {u"Add macOS arm64 runner", u""},
    {u"Rework logging", u""},
    {u"Fix density fitting for diffuse basis sets", u""},
    {u"Initial support for point charges", u""},
    {u"Switch CI to GitLab", u""},
    {u"Import history", u""},
};

}  // namespace

GitLabApi::GitLabApi(VirtualClock *clock, const QString &recipe)
    : m_clock(clock)
    , m_recipe(recipe)
{
    m_minuteStart = m_clock->now();
}

void GitLabApi::addToken(const GitLabToken &token)
{
    m_tokens.removeIf([&](const GitLabToken &existing) { return existing.token == token.token; });
    m_tokens.append(token);
}

void GitLabApi::revokeToken(const QString &token)
{
    for (GitLabToken &existing : m_tokens) {
        if (existing.token == token)
            existing.revoked = true;
    }
}

void GitLabApi::seedDemo(const QDateTime &now)
{
    m_commits.clear();
    m_pipelines.clear();
    m_jobs.clear();
    m_tarballs.clear();
    const int count = int(std::size(kDemoCommits));
    // Oldest first so every commit knows its parent.
    QList<GitLabCommit> oldestFirst;
    for (int i = count - 1; i >= 0; --i) {
        const DemoCommit &demo = kDemoCommits[i];
        GitLabCommit commit;
        commit.sha = shaOf(u"veloxchem-demo-commit-"_s + QString::number(i));
        commit.title = QString::fromUtf16(demo.title);
        const QString body = QString::fromUtf16(demo.body);
        commit.message = body.isEmpty() ? QString(commit.title + u'\n')
                                        : QString(commit.title + u"\n\n"_s + body + u'\n');
        const bool other = i % 3 == 1;
        commit.authorName = other ? u"Xin Li"_s : u"Roberto Di Remigio"_s;
        commit.authorEmail = other ? u"xin.li@example.org"_s : u"roberto@example.org"_s;
        commit.authoredAt = QDateTime(now.date(), QTime(now.time().hour(), 0), QTimeZone::UTC)
                                .addSecs(-3600 * (1 + 7 * qint64(i)));
        if (!oldestFirst.isEmpty())
            commit.parentIds = {oldestFirst.last().sha};
        commit.packageVersion = u"1.0rc4.dev"_s + QString::number(count - i);
        commit.initHasNotice = i < kCommitsWithNotice;
        oldestFirst.append(commit);
    }
    for (const GitLabCommit &commit : std::as_const(oldestFirst))
        m_commits.prepend(commit);

    // Pipelines for the 25 newest commits: the newest is still running, a few failed.
    for (int i = 0; i < 25 && i < m_commits.size(); ++i) {
        const GitLabCommit &commit = m_commits.at(i);
        GitLabPipeline pipeline;
        pipeline.id = m_nextPipelineId + (24 - i);
        pipeline.iid = 1200 + (24 - i);
        pipeline.sha = commit.sha;
        pipeline.ref = defaultBranch();
        pipeline.status = i == 0 ? u"running"_s : (i == 2 || i == 6 ? u"failed"_s : u"success"_s);
        pipeline.createdAt = commit.authoredAt.addSecs(30);
        const bool running = pipeline.status == u"running"_s;
        const bool failed = pipeline.status == u"failed"_s;
        const QDateTime buildStart = pipeline.createdAt.addSecs(20);
        const QDateTime buildEnd = buildStart.addSecs(900);
        GitLabJob build;
        build.id = m_nextJobId + qint64(24 - i) * 10;
        build.pipelineId = pipeline.id;
        build.name = u"build-and-test"_s;
        build.stage = u"test"_s;
        build.status = failed ? u"failed"_s : (running ? u"running"_s : u"success"_s);
        build.createdAt = pipeline.createdAt;
        build.startedAt = buildStart;
        if (!running)
            build.finishedAt = buildEnd;
        GitLabJob tarball;
        tarball.id = build.id + 1;
        tarball.pipelineId = pipeline.id;
        tarball.name = u"conda-tarball"_s;
        tarball.stage = u"deploy"_s;
        tarball.createdAt = pipeline.createdAt;
        if (running) {
            tarball.status = u"created"_s;
        } else if (failed) {
            tarball.status = u"skipped"_s;
        } else {
            tarball.status = u"success"_s;
            tarball.startedAt = buildEnd.addSecs(5);
            tarball.finishedAt = buildEnd.addSecs(40);
            tarball.artifactFileName = m_recipe + u".tar.bz2"_s;
        }
        pipeline.updatedAt =
            running ? buildStart : (tarball.finishedAt.isValid() ? tarball.finishedAt : buildEnd);
        pipeline.jobIds = {build.id, tarball.id};
        m_jobs.insert(build.id, build);
        m_jobs.insert(tarball.id, tarball);
        m_pipelines.append(pipeline);  // newest first, like GitLab's default order
    }
    m_nextPipelineId += 100;
    m_nextJobId += 1000;
}

const GitLabJob *GitLabApi::job(qint64 id) const
{
    const auto found = m_jobs.constFind(id);
    return found == m_jobs.cend() ? nullptr : &*found;
}

const GitLabJob *GitLabApi::tarballJobFor(const QString &sha) const
{
    for (const GitLabPipeline &pipeline : m_pipelines) {
        if (pipeline.sha != sha)
            continue;
        for (const qint64 id : pipeline.jobIds) {
            const GitLabJob *candidate = job(id);
            if (candidate && !candidate->artifactFileName.isEmpty() &&
                candidate->largeArtifactBytes < 0)
                return candidate;
        }
    }
    return nullptr;
}

const GitLabCommit *GitLabApi::commitAt(const QString &ref) const
{
    if (m_commits.isEmpty())
        return nullptr;
    if (ref.isEmpty() || ref == defaultBranch() || ref == u"HEAD"_s)
        return &m_commits.first();
    for (const GitLabCommit &commit : m_commits) {
        if (commit.sha == ref || (ref.size() >= 7 && commit.sha.startsWith(ref)))
            return &commit;
    }
    return nullptr;
}

QByteArray GitLabApi::fileAt(const GitLabCommit &commit, const QString &path) const
{
    if (path == initFilePath())
        return initFile(commit.packageVersion, commit.initHasNotice);
    if (path == u"README.md"_s)
        return "# VeloxChem\n\nA Python-C++ module for quantum chemistry.\n"_ba;
    if (path == u"CMakeLists.txt"_s)
        return "cmake_minimum_required(VERSION 3.25)\nproject(VeloxChem LANGUAGES CXX)\n"_ba;
    if (path == u"pyproject.toml"_s)
        return "[project]\nname = \"veloxchem\"\ndynamic = [\"version\"]\n"_ba;
    return {};
}

QByteArray GitLabApi::tarballFor(const QString &sha)
{
    if (const auto cached = m_tarballs.constFind(sha); cached != m_tarballs.cend())
        return *cached;
    const GitLabCommit *commit = commitAt(sha);
    if (!commit)
        return {};
    const QString top = m_recipe + u'/';
    const QList<ArchiveEntry> entries = {
        {top, {}},
        {top + u"CMakeLists.txt"_s, fileAt(*commit, u"CMakeLists.txt"_s)},
        {top + u"README.md"_s, fileAt(*commit, u"README.md"_s)},
        {top + u"pyproject.toml"_s, fileAt(*commit, u"pyproject.toml"_s)},
        {top + u"src/"_s, {}},
        {top + u"src/pymodule/"_s, {}},
        {top + initFilePath(), fileAt(*commit, initFilePath())},
    };
    const QByteArray bytes = makeTarBz2(entries, commit->authoredAt);
    m_tarballs.insert(sha, bytes);
    return bytes;
}

qint64 GitLabApi::addLargeArtifactJob(const QString &fileName, qint64 bytes, quint32 seed)
{
    GitLabPipeline *pipeline = nullptr;
    for (GitLabPipeline &candidate : m_pipelines) {
        if (candidate.status == u"success"_s) {
            pipeline = &candidate;
            break;
        }
    }
    if (!pipeline)
        return 0;
    GitLabJob job;
    job.id = m_nextJobId++;
    job.pipelineId = pipeline->id;
    job.name = u"large-artifact"_s;
    job.stage = u"deploy"_s;
    job.status = u"success"_s;
    job.createdAt = pipeline->createdAt;
    job.startedAt = pipeline->createdAt.addSecs(10);
    job.finishedAt = pipeline->createdAt.addSecs(70);
    job.artifactFileName = fileName;
    job.largeArtifactBytes = bytes;
    job.largeArtifactSeed = seed;
    pipeline->jobIds.append(job.id);
    m_jobs.insert(job.id, job);
    return job.id;
}

std::optional<QByteArray> GitLabApi::artifactBytesForPath(const QStringList &s)
{
    // projects/{id}/jobs/{job}/artifacts/{file...}
    if (s.size() < 6 || s.at(0) != u"projects"_s || s.at(2) != u"jobs"_s ||
        s.at(4) != u"artifacts"_s)
        return std::nullopt;
    if (s.at(1) != QString::number(kProjectId) && s.at(1) != projectPath())
        return QByteArray();
    const GitLabJob *found = job(s.at(3).toLongLong());
    const QString path = s.mid(5).join(u'/');
    if (!found || found->artifactFileName != path)
        return QByteArray();
    if (found->largeArtifactBytes >= 0)
        return std::nullopt;
    const GitLabPipeline *owner = nullptr;
    for (const GitLabPipeline &pipeline : std::as_const(m_pipelines)) {
        if (pipeline.id == found->pipelineId)
            owner = &pipeline;
    }
    return owner ? tarballFor(owner->sha) : QByteArray();
}

HttpResponse GitLabApi::message(int status, const QString &text) const
{
    return HttpResponse::json(status, QJsonDocument(QJsonObject {{u"message"_s, text}}));
}

HttpResponse GitLabApi::faultResponse(int status, std::optional<int> retryAfterSeconds)
{
    HttpResponse response;
    if (status == 429) {
        // Rack::Attack's answer on GitLab.com.
        response = HttpResponse::text(429, "Retry later\n"_ba, "text/plain"_ba);
        response.setHeader("RateLimit-Remaining"_ba, "0"_ba);
    } else if (status == 401) {
        response = message(401, u"401 Unauthorized"_s);
    } else {
        response = message(
            status, QString::number(status) + u' ' + QString::fromLatin1(reasonPhrase(status)));
    }
    if (retryAfterSeconds)
        response.setHeader("Retry-After"_ba, QByteArray::number(*retryAfterSeconds));
    addRateLimitHeaders(response);
    return response;
}

void GitLabApi::addRateLimitHeaders(HttpResponse &response)
{
    const QDateTime reset = m_minuteStart.addSecs(60);
    if (response.header("RateLimit-Remaining").isEmpty())
        response.setHeader(
            "RateLimit-Remaining"_ba,
            QByteArray::number(std::max(0, kRateLimitPerMinute - m_requestsThisMinute)));
    response.setHeader("RateLimit-Name"_ba, "throttle_authenticated_api"_ba);
    response.setHeader("RateLimit-Limit"_ba, QByteArray::number(kRateLimitPerMinute));
    response.setHeader("RateLimit-Observed"_ba, QByteArray::number(m_requestsThisMinute));
    response.setHeader("RateLimit-Reset"_ba, QByteArray::number(reset.toSecsSinceEpoch()));
    response.setHeader("RateLimit-ResetTime"_ba, httpDate(reset));
}

HttpResponse GitLabApi::handle(const HttpRequest &request, const QStringList &segments,
                               const QString &origin)
{
    if (m_clock->now() >= m_minuteStart.addSecs(60)) {
        m_minuteStart = m_clock->now();
        m_requestsThisMinute = 0;
    }
    ++m_requestsThisMinute;

    QString presented = QString::fromUtf8(request.header("PRIVATE-TOKEN"));
    const QByteArray authorization = request.header("Authorization");
    if (presented.isEmpty() && authorization.toLower().startsWith("bearer "))
        presented = QString::fromUtf8(authorization.mid(7).trimmed());
    const GitLabToken *token = nullptr;
    HttpResponse response;
    bool rejected = false;
    if (!presented.isEmpty()) {
        for (const GitLabToken &candidate : std::as_const(m_tokens)) {
            if (candidate.token == presented)
                token = &candidate;
        }
        const auto invalidToken = [](const QString &description) {
            return HttpResponse::json(
                401,
                QJsonDocument(QJsonObject {{u"error"_s, u"invalid_token"_s},
                                           {u"error_description"_s, description}}));
        };
        if (!token) {
            response = message(401, u"401 Unauthorized"_s);
            rejected = true;
        } else if (token->revoked) {
            response =
                invalidToken(u"Token was revoked. You have to re-authorize from the user."_s);
            rejected = true;
        } else if (token->expiresAt && *token->expiresAt <= m_clock->now().date()) {
            response = invalidToken(u"Token has expired."_s);
            rejected = true;
        }
    }
    if (!rejected) {
        const Context context {request, segments, token, origin};
        response = route(context);
        applyConditional(request, response);
    }
    addRateLimitHeaders(response);
    response.setHeader(
        "X-Request-Id"_ba,
        QByteArray::number(0x1000000ULL + quint64(m_requestsThisMinute), 36).toUpper());
    response.setHeader("Cache-Control"_ba, "max-age=0, private, must-revalidate"_ba);
    response.setHeader("X-Gitlab-Meta"_ba, "{\"correlation_id\":\"sandbox\",\"version\":\"1\"}"_ba);
    return response;
}

QJsonObject GitLabApi::userJson(const Context &context) const
{
    const QString username = context.token ? context.token->username : u"maintainer"_s;
    return QJsonObject {
        {u"id"_s, 1234},
        {u"username"_s, username},
        {u"name"_s, u"Roberto Di Remigio"_s},
        {u"state"_s, u"active"_s},
        {u"locked"_s, false},
        {u"avatar_url"_s,
         QString(context.origin + u"/uploads/-/system/user/avatar/1234/avatar.png"_s)},
        {u"web_url"_s, QString(context.origin + u'/' + username)},
    };
}

QJsonObject GitLabApi::projectJson(const Context &context) const
{
    const QString web = context.origin + u'/' + projectPath();
    return QJsonObject {
        {u"id"_s, kProjectId},
        {u"description"_s, u"VeloxChem: a Python-C++ module for quantum chemistry"_s},
        {u"name"_s, u"VeloxChem"_s},
        {u"name_with_namespace"_s, u"VeloxChem / VeloxChem"_s},
        {u"path"_s, m_projectName},
        {u"path_with_namespace"_s, projectPath()},
        {u"created_at"_s, u"2018-02-01T10:00:00.000Z"_s},
        {u"default_branch"_s, defaultBranch()},
        {u"tag_list"_s, QJsonArray()},
        {u"topics"_s, QJsonArray()},
        {u"ssh_url_to_repo"_s, QString(u"git@127.0.0.1:"_s + projectPath() + u".git"_s)},
        {u"http_url_to_repo"_s, QString(web + u".git"_s)},
        {u"web_url"_s, web},
        {u"readme_url"_s, QString(web + u"/-/blob/master/README.md"_s)},
        {u"forks_count"_s, 0},
        {u"avatar_url"_s, QJsonValue()},
        {u"star_count"_s, 7},
        {u"last_activity_at"_s,
         gitLabTime(m_commits.isEmpty() ? m_clock->now() : m_commits.first().authoredAt)},
        {u"visibility"_s, u"private"_s},
        {u"archived"_s, false},
        {u"empty_repo"_s, m_commits.isEmpty()},
        {u"namespace"_s,
         QJsonObject {{u"id"_s, 77},
                      {u"name"_s, u"VeloxChem"_s},
                      {u"path"_s, m_namespace},
                      {u"kind"_s, u"group"_s},
                      {u"full_path"_s, m_namespace},
                      {u"parent_id"_s, QJsonValue()},
                      {u"avatar_url"_s, QJsonValue()},
                      {u"web_url"_s, QString(context.origin + u"/groups/"_s + m_namespace)}}},
    };
}

QJsonObject GitLabApi::commitJson(const Context &context, const GitLabCommit &commit,
                                  bool detailed) const
{
    QJsonArray parents;
    for (const QString &parent : commit.parentIds)
        parents.append(parent);
    QJsonObject json {
        {u"id"_s, commit.sha},
        {u"short_id"_s, commit.sha.left(8)},
        {u"created_at"_s, gitLabTime(commit.authoredAt)},
        {u"parent_ids"_s, parents},
        {u"title"_s, commit.title},
        {u"message"_s, commit.message},
        {u"author_name"_s, commit.authorName},
        {u"author_email"_s, commit.authorEmail},
        {u"authored_date"_s, gitLabTime(commit.authoredAt)},
        {u"committer_name"_s, commit.authorName},
        {u"committer_email"_s, commit.authorEmail},
        {u"committed_date"_s, gitLabTime(commit.authoredAt)},
        {u"trailers"_s, QJsonObject()},
        {u"extended_trailers"_s, QJsonObject()},
        {u"web_url"_s,
         QString(context.origin + u'/' + projectPath() + u"/-/commit/"_s + commit.sha)},
    };
    if (detailed) {
        json.insert(u"stats"_s,
                    QJsonObject {{u"additions"_s, 12}, {u"deletions"_s, 3}, {u"total"_s, 15}});
        json.insert(u"project_id"_s, kProjectId);
        QJsonValue lastPipeline;
        QJsonValue status;
        for (const GitLabPipeline &pipeline : m_pipelines) {
            if (pipeline.sha == commit.sha) {
                lastPipeline = pipelineJson(context, pipeline, false);
                status = pipeline.status;
                break;
            }
        }
        json.insert(u"status"_s, status);
        json.insert(u"last_pipeline"_s, lastPipeline);
    }
    return json;
}

QJsonObject GitLabApi::pipelineJson(const Context &context, const GitLabPipeline &pipeline,
                                    bool detailed) const
{
    QJsonObject json {
        {u"id"_s, pipeline.id},
        {u"iid"_s, pipeline.iid},
        {u"project_id"_s, kProjectId},
        {u"sha"_s, pipeline.sha},
        {u"ref"_s, pipeline.ref},
        {u"status"_s, pipeline.status},
        {u"source"_s, u"push"_s},
        {u"created_at"_s, gitLabTime(pipeline.createdAt)},
        {u"updated_at"_s, gitLabTime(pipeline.updatedAt)},
        {u"web_url"_s,
         QString(context.origin + u'/' + projectPath() + u"/-/pipelines/"_s +
                 QString::number(pipeline.id))},
        {u"name"_s, QJsonValue()},
    };
    if (detailed) {
        const bool finished = pipeline.status != u"running"_s;
        json.insert(u"before_sha"_s, u"0000000000000000000000000000000000000000"_s);
        json.insert(u"tag"_s, false);
        json.insert(u"yaml_errors"_s, QJsonValue());
        json.insert(u"user"_s, userJson(context));
        json.insert(u"started_at"_s, nullableTime(pipeline.createdAt.addSecs(20)));
        json.insert(u"finished_at"_s, finished ? nullableTime(pipeline.updatedAt) : QJsonValue());
        json.insert(u"committed_at"_s, QJsonValue());
        json.insert(u"duration"_s,
                    finished ? QJsonValue(pipeline.createdAt.secsTo(pipeline.updatedAt))
                             : QJsonValue());
        json.insert(u"queued_duration"_s, 2.5);
        json.insert(u"coverage"_s, QJsonValue());
        json.insert(u"detailed_status"_s,
                    QJsonObject {{u"icon"_s, QString(u"status_"_s + pipeline.status)},
                                 {u"text"_s, pipeline.status},
                                 {u"label"_s,
                                  pipeline.status == u"success"_s ? u"passed"_s : pipeline.status},
                                 {u"group"_s, pipeline.status},
                                 {u"has_details"_s, true},
                                 {u"details_path"_s,
                                  QString(u'/' + projectPath() + u"/-/pipelines/"_s +
                                          QString::number(pipeline.id))}});
    }
    return json;
}

QJsonObject GitLabApi::jobJson(const Context &context, const GitLabJob &job) const
{
    const GitLabPipeline *pipeline = nullptr;
    for (const GitLabPipeline &candidate : m_pipelines) {
        if (candidate.id == job.pipelineId)
            pipeline = &candidate;
    }
    const GitLabCommit *commit = pipeline ? commitAt(pipeline->sha) : nullptr;
    QJsonArray artifacts;
    QJsonValue artifactsFile;
    QJsonValue expireAt;
    if (!job.artifactFileName.isEmpty()) {
        const qint64 size = job.largeArtifactBytes >= 0 ? job.largeArtifactBytes + 512 : 4096;
        artifacts.append(QJsonObject {{u"file_type"_s, u"archive"_s},
                                      {u"size"_s, size},
                                      {u"filename"_s, u"artifacts.zip"_s},
                                      {u"file_format"_s, u"zip"_s}});
        artifacts.append(QJsonObject {{u"file_type"_s, u"metadata"_s},
                                      {u"size"_s, 180},
                                      {u"filename"_s, u"metadata.gz"_s},
                                      {u"file_format"_s, u"gzip"_s}});
        artifactsFile = QJsonObject {{u"filename"_s, u"artifacts.zip"_s}, {u"size"_s, size}};
        expireAt = nullableTime(job.finishedAt.addDays(30));
    }
    const bool started = job.startedAt.isValid();
    const bool finished = job.finishedAt.isValid();
    QJsonObject json {
        {u"id"_s, job.id},
        {u"status"_s, job.status},
        {u"stage"_s, job.stage},
        {u"name"_s, job.name},
        {u"ref"_s, pipeline ? pipeline->ref : defaultBranch()},
        {u"tag"_s, false},
        {u"coverage"_s, QJsonValue()},
        {u"allow_failure"_s, false},
        {u"created_at"_s, gitLabTime(job.createdAt)},
        {u"started_at"_s, nullableTime(job.startedAt)},
        {u"finished_at"_s, nullableTime(job.finishedAt)},
        {u"erased_at"_s, QJsonValue()},
        {u"duration"_s,
         started && finished ? QJsonValue(double(job.startedAt.msecsTo(job.finishedAt)) / 1000.0)
                             : QJsonValue()},
        {u"queued_duration"_s,
         started ? QJsonValue(double(job.createdAt.msecsTo(job.startedAt)) / 1000.0)
                 : QJsonValue()},
        {u"user"_s, userJson(context)},
        {u"commit"_s, commit ? QJsonValue(commitJson(context, *commit, false)) : QJsonValue()},
        {u"pipeline"_s,
         pipeline ? QJsonValue(pipelineJson(context, *pipeline, false)) : QJsonValue()},
        {u"web_url"_s,
         QString(context.origin + u'/' + projectPath() + u"/-/jobs/"_s + QString::number(job.id))},
        {u"project"_s, QJsonObject {{u"ci_job_token_scope_enabled"_s, false}}},
        {u"artifacts"_s, artifacts},
        {u"artifacts_expire_at"_s, expireAt},
        {u"tag_list"_s, QJsonArray {u"docker"_s}},
        {u"runner"_s,
         started ? QJsonValue(QJsonObject {{u"id"_s, 31},
                                           {u"description"_s, u"shared-runner-1"_s},
                                           {u"ip_address"_s, QJsonValue()},
                                           {u"active"_s, true},
                                           {u"paused"_s, false},
                                           {u"is_shared"_s, true},
                                           {u"runner_type"_s, u"instance_type"_s},
                                           {u"name"_s, u"gitlab-runner"_s},
                                           {u"online"_s, true},
                                           {u"status"_s, u"online"_s}})
                 : QJsonValue()},
        {u"archived"_s, false},
    };
    if (!artifactsFile.isNull())
        json.insert(u"artifacts_file"_s, artifactsFile);
    if (job.status == u"failed"_s)
        json.insert(u"failure_reason"_s, u"script_failure"_s);
    return json;
}

HttpResponse GitLabApi::paginated(const Context &context, const QJsonArray &items) const
{
    const QUrlQuery &query = context.request.query;
    bool ok = false;
    int perPage = query.queryItemValue(u"per_page"_s).toInt(&ok);
    perPage = ok && perPage > 0 ? std::min(perPage, kMaxPerPage) : kDefaultPerPage;
    int page = query.queryItemValue(u"page"_s).toInt(&ok);
    page = ok && page > 0 ? page : 1;
    const int total = int(items.size());
    const int totalPages = std::max(1, (total + perPage - 1) / perPage);
    QJsonArray slice;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < items.size() && slice.size() < perPage;
         ++i)
        slice.append(items.at(i));
    HttpResponse response = HttpResponse::json(200, QJsonDocument(slice));
    response.setHeader("X-Page"_ba, QByteArray::number(page));
    response.setHeader("X-Per-Page"_ba, QByteArray::number(perPage));
    response.setHeader("X-Total"_ba, QByteArray::number(total));
    response.setHeader("X-Total-Pages"_ba, QByteArray::number(totalPages));
    response.setHeader("X-Next-Page"_ba,
                       page < totalPages ? QByteArray::number(page + 1) : QByteArray());
    response.setHeader("X-Prev-Page"_ba, page > 1 ? QByteArray::number(page - 1) : QByteArray());
    // GitLab always lists first and last, unlike GitHub.
    const QString base = context.origin + u"/api/v4/"_s +
        QString::fromUtf8(context.request.rawPath).section(u'/', 3);
    const auto pageUrl = [&](int target) {
        QUrlQuery copy = query;
        copy.removeAllQueryItems(u"page"_s);
        copy.addQueryItem(u"page"_s, QString::number(target));
        return u'<' + base + u'?' + copy.toString(QUrl::FullyEncoded) + u'>';
    };
    QStringList links;
    if (page > 1)
        links << pageUrl(page - 1) + u"; rel=\"prev\""_s;
    if (page < totalPages)
        links << pageUrl(page + 1) + u"; rel=\"next\""_s;
    links << pageUrl(1) + u"; rel=\"first\""_s;
    links << pageUrl(totalPages) + u"; rel=\"last\""_s;
    response.setHeader("Link"_ba, links.join(u", "_s).toUtf8());
    return response;
}

HttpResponse GitLabApi::route(const Context &context)
{
    // The API here is read-only: GitLab answers 405 to any other method, before it looks at
    // the path or the token.
    const QByteArray &method = context.request.method;
    if (method != "GET" && method != "HEAD")
        return message(405, u"405 Method Not Allowed"_s);
    using Handler = HttpResponse (*)(GitLabApi &, const Context &, const RouteCaptures &);
    static const Route<Handler> instanceRoutes[] = {
        {"GET", u"version",
         [](GitLabApi &api, const Context &c, const RouteCaptures &) {
             return api.getVersion(c);
         }},
        {"GET", u"user",
         [](GitLabApi &api, const Context &c, const RouteCaptures &) {
             return api.getUser(c);
         }},
        {"GET", u"personal_access_tokens/self",
         [](GitLabApi &api, const Context &c, const RouteCaptures &) {
             return api.getTokenSelf(c);
         }},
    };
    // Below /projects/:id, once the project, the token and its scope have been checked.
    static const Route<Handler> projectRoutes[] = {
        {"GET", u"",
         [](GitLabApi &api, const Context &c, const RouteCaptures &) {
             return HttpResponse::json(200, QJsonDocument(api.projectJson(c)));
         }},
        {"GET", u"repository/commits",
         [](GitLabApi &api, const Context &c, const RouteCaptures &) {
             return api.listCommits(c);
         }},
        {"GET", u"repository/commits/{sha}",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getCommit(c, m.value(u"sha"));
         }},
        {"GET", u"repository/files/{file_path}/raw",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getRawFile(c, m.value(u"file_path"));
         }},
        {"GET", u"repository/archive{format}",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getArchive(c, m.value(u"format"));
         }},
        {"GET", u"pipelines",
         [](GitLabApi &api, const Context &c, const RouteCaptures &) {
             return api.listPipelines(c);
         }},
        {"GET", u"pipelines/{pipeline_id}",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getPipeline(c, m.id(u"pipeline_id"), false);
         }},
        {"GET", u"pipelines/{pipeline_id}/jobs",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getPipeline(c, m.id(u"pipeline_id"), true);
         }},
        {"GET", u"jobs/{job_id}",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getJob(c, m.id(u"job_id"));
         }},
        {"GET", u"jobs/{job_id}/artifacts/{artifact_path+}",
         [](GitLabApi &api, const Context &c, const RouteCaptures &m) {
             return api.getJobArtifact(c, m.id(u"job_id"), m.value(u"artifact_path"));
         }},
    };

    const QStringList &s = context.segments;
    if (const RouteLookup<Handler> found = findRoute<Handler>(instanceRoutes, method, s);
        found.route)
        return found.route->target(*this, context, found.captures);
    if (s.size() < 2 || s.at(0) != u"projects"_s)
        return message(404, u"404 Not Found"_s);
    if (s.at(1) != QString::number(kProjectId) && s.at(1) != projectPath())
        return message(404, u"404 Project Not Found"_s);
    // A private project does not exist for an anonymous caller.
    if (!context.token)
        return message(404, u"404 Project Not Found"_s);
    if (!canReadApi(context.token))
        return insufficientScope();
    if (const RouteLookup<Handler> found = findRoute<Handler>(projectRoutes, method, s.mid(2));
        found.route)
        return found.route->target(*this, context, found.captures);
    return message(404, u"404 Not Found"_s);
}

bool GitLabApi::canReadApi(const GitLabToken *token)
{
    return token && (token->scopes.contains(u"read_api"_s) || token->scopes.contains(u"api"_s));
}

HttpResponse GitLabApi::insufficientScope()
{
    return HttpResponse::json(
        403,
        QJsonDocument(QJsonObject {
            {u"error"_s, u"insufficient_scope"_s},
            {u"error_description"_s,
             u"The request requires higher privileges than provided by the access token."_s},
            {u"scope"_s, u"api read_api"_s}}));
}

HttpResponse GitLabApi::getVersion(const Context &context) const
{
    if (!context.token)
        return message(401, u"401 Unauthorized"_s);
    return HttpResponse::json(
        200,
        QJsonDocument(QJsonObject {{u"version"_s, u"17.11.1-ee"_s},
                                   {u"revision"_s, u"5a2f3b1c9d0"_s},
                                   {u"kas"_s, QJsonObject {{u"enabled"_s, false}}},
                                   {u"enterprise"_s, true}}));
}

HttpResponse GitLabApi::getUser(const Context &context) const
{
    const GitLabToken *token = context.token;
    if (!token)
        return message(401, u"401 Unauthorized"_s);
    if (!canReadApi(token) && !token->scopes.contains(u"read_user"_s))
        return insufficientScope();
    QJsonObject user = userJson(context);
    user.insert(u"created_at"_s, u"2018-01-10T09:00:00.000Z"_s);
    user.insert(u"bio"_s, u""_s);
    user.insert(u"public_email"_s, QJsonValue());
    user.insert(u"email"_s, u"roberto@example.org"_s);
    return HttpResponse::json(200, QJsonDocument(user));
}

HttpResponse GitLabApi::getTokenSelf(const Context &context) const
{
    const GitLabToken *token = context.token;
    if (!token)
        return message(401, u"401 Unauthorized"_s);
    QJsonArray scopes;
    for (const QString &scope : token->scopes)
        scopes.append(scope);
    return HttpResponse::json(
        200,
        QJsonDocument(
            QJsonObject {{u"id"_s, 4242},
                         {u"name"_s, token->name},
                         {u"revoked"_s, token->revoked},
                         {u"created_at"_s, u"2025-01-02T10:00:00.000Z"_s},
                         {u"description"_s, u""_s},
                         {u"scopes"_s, scopes},
                         {u"user_id"_s, 1234},
                         {u"last_used_at"_s, gitLabTime(m_clock->now())},
                         {u"active"_s, true},
                         {u"expires_at"_s,
                          token->expiresAt ? QJsonValue(token->expiresAt->toString(Qt::ISODate))
                                           : QJsonValue()}}));
}

HttpResponse GitLabApi::listCommits(const Context &context) const
{
    const GitLabCommit *head = commitAt(context.request.query.queryItemValue(u"ref_name"_s));
    QJsonArray items;
    bool reached = false;
    for (const GitLabCommit &commit : std::as_const(m_commits)) {
        reached = reached || (head && commit.sha == head->sha);
        if (reached)
            items.append(commitJson(context, commit, false));
    }
    return paginated(context, items);
}

HttpResponse GitLabApi::getCommit(const Context &context, const QString &ref) const
{
    const GitLabCommit *commit = commitAt(ref);
    if (!commit)
        return message(404, u"404 Commit Not Found"_s);
    return HttpResponse::json(200, QJsonDocument(commitJson(context, *commit, true)));
}

HttpResponse GitLabApi::getRawFile(const Context &context, const QString &path) const
{
    const QString ref = context.request.query.queryItemValue(u"ref"_s);
    const GitLabCommit *commit = commitAt(ref);
    if (!commit)
        return message(404, u"404 Commit Not Found"_s);
    const QByteArray content = fileAt(*commit, path);
    if (content.isEmpty())
        return message(404, u"404 File Not Found"_s);
    HttpResponse response = HttpResponse::text(200, content, "text/plain; charset=utf-8"_ba);
    response.setHeader("X-Gitlab-File-Path"_ba, path.toUtf8());
    response.setHeader("X-Gitlab-Commit-Id"_ba, commit->sha.toUtf8());
    response.setHeader("X-Gitlab-Ref"_ba, ref.toUtf8());
    return response;
}

HttpResponse GitLabApi::getArchive(const Context &context, const QString &format) const
{
    if (format != u".tar.bz2"_s && format != u".tbz2"_s && format != u".bz2"_s)
        return message(404, u"404 Not Found"_s);
    const GitLabCommit *commit = commitAt(context.request.query.queryItemValue(u"sha"_s));
    if (!commit)
        return message(404, u"404 Commit Not Found"_s);
    // GitLab's own archive: top folder <project>-<sha>-<sha>/, unlike the CI tarball.
    const QString top = m_projectName + u'-' + commit->sha + u'-' + commit->sha + u'/';
    const QByteArray bytes = makeTarBz2({{top, {}},
                                         {top + u"README.md"_s, fileAt(*commit, u"README.md"_s)},
                                         {top + u"src/"_s, {}},
                                         {top + u"src/pymodule/"_s, {}},
                                         {top + initFilePath(), fileAt(*commit, initFilePath())}},
                                        commit->authoredAt);
    HttpResponse response = HttpResponse::text(200, bytes, "application/x-bzip2"_ba);
    response.setHeader("Content-Disposition"_ba,
                       "attachment; filename=\""_ba + top.chopped(1).toUtf8() + ".tar.bz2\"");
    return response;
}

HttpResponse GitLabApi::listPipelines(const Context &context) const
{
    const QUrlQuery &query = context.request.query;
    const QString ref = query.queryItemValue(u"ref"_s);
    const QString sha = query.queryItemValue(u"sha"_s);
    const QString status = query.queryItemValue(u"status"_s);
    QJsonArray items;
    for (const GitLabPipeline &pipeline : std::as_const(m_pipelines)) {
        if ((!ref.isEmpty() && pipeline.ref != ref) || (!sha.isEmpty() && pipeline.sha != sha) ||
            (!status.isEmpty() && pipeline.status != status))
            continue;
        items.append(pipelineJson(context, pipeline, false));
    }
    return paginated(context, items);
}

HttpResponse GitLabApi::getPipeline(const Context &context, qint64 id, bool itsJobs) const
{
    const GitLabPipeline *pipeline = nullptr;
    for (const GitLabPipeline &candidate : std::as_const(m_pipelines)) {
        if (candidate.id == id)
            pipeline = &candidate;
    }
    if (!pipeline)
        return message(404, u"404 Not found"_s);
    if (!itsJobs)
        return HttpResponse::json(200, QJsonDocument(pipelineJson(context, *pipeline, true)));
    QJsonArray items;
    // Newest job first, as GitLab lists them.
    for (qsizetype i = pipeline->jobIds.size() - 1; i >= 0; --i) {
        if (const GitLabJob *found = job(pipeline->jobIds.at(i)))
            items.append(jobJson(context, *found));
    }
    return paginated(context, items);
}

HttpResponse GitLabApi::getJob(const Context &context, qint64 id) const
{
    const GitLabJob *found = job(id);
    if (!found)
        return message(404, u"404 Not found"_s);
    return HttpResponse::json(200, QJsonDocument(jobJson(context, *found)));
}

HttpResponse GitLabApi::getJobArtifact(const Context &context, qint64 id, const QString &path)
{
    const GitLabJob *found = job(id);
    if (!found)
        return message(404, u"404 Not found"_s);
    if (found->artifactFileName.isEmpty() || found->artifactFileName != path)
        return message(404, u"404 Not Found"_s);
    HttpResponse response;
    if (found->largeArtifactBytes >= 0) {
        response.bodyDevice = std::make_shared<DeterministicByteDevice>(found->largeArtifactBytes,
                                                                        found->largeArtifactSeed);
        response.bodyDeviceSize = found->largeArtifactBytes;
    } else {
        response.body = artifactBytesForPath(context.segments).value_or(QByteArray());
    }
    response.setHeader("Content-Type"_ba, "application/octet-stream"_ba);
    response.setHeader("Content-Disposition"_ba,
                       "attachment; filename=\""_ba + path.section(u'/', -1).toUtf8() + '"');
    return response;
}

}  // namespace rc::sandbox
