// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/httpmessage.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rc::sandbox {

class VirtualClock;

struct GitLabToken
{
    QString token;
    QString name = QStringLiteral("release-console");
    QString username = QStringLiteral("maintainer");
    QStringList scopes = {QStringLiteral("read_api")};
    std::optional<QDate> expiresAt;
    bool revoked = false;
};

struct GitLabCommit
{
    QString sha;
    QString title;
    QString message;  // title, blank line, body
    QString authorName;
    QString authorEmail;
    QDateTime authoredAt;
    QStringList parentIds;
    QString packageVersion;      // the __version__ in src/pymodule/__init__.py at this commit
    bool initHasNotice = false;  // __init__.py has a notice with quote, percent and backslash
};

struct GitLabJob
{
    qint64 id = 0;
    qint64 pipelineId = 0;
    QString name;
    QString stage;
    QString status;  // created, pending, running, success, failed, skipped, canceled
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString artifactFileName;        // a file inside the job's artifacts, e.g. veloxchem.tar.bz2
    qint64 largeArtifactBytes = -1;  // streamed deterministic bytes instead of the tarball
    quint32 largeArtifactSeed = 0;
};

struct GitLabPipeline
{
    qint64 id = 0;
    int iid = 0;
    QString sha;
    QString ref;
    QString status;  // running, success, failed
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<qint64> jobIds;
};

// GitLab REST API v4, the subset Release Console uses, over one demo project.
class GitLabApi
{
public:
    GitLabApi(VirtualClock *clock, const QString &recipe);

    static constexpr qint64 kProjectId = 42;
    QString projectPath() const { return m_namespace + u'/' + m_projectName; }
    QString recipe() const { return m_recipe; }
    QString defaultBranch() const { return QStringLiteral("master"); }
    QString initFilePath() const { return QStringLiteral("src/pymodule/__init__.py"); }

    void addToken(const GitLabToken &token);
    void revokeToken(const QString &token);
    // ~30 commits, pipelines (success, failed, running) with a tarball job each.
    void seedDemo(const QDateTime &now);
    const QList<GitLabCommit> &commits() const { return m_commits; }  // newest first
    const QList<GitLabPipeline> &pipelines() const { return m_pipelines; }
    const GitLabJob *job(qint64 id) const;
    // The tarball job of the newest successful pipeline of a commit, if any.
    const GitLabJob *tarballJobFor(const QString &sha) const;
    // The exact bytes the job artifact endpoint serves: `git archive --prefix=<recipe>/ | bzip2`.
    QByteArray tarballFor(const QString &sha);
    // A job whose artifact `fileName` is `bytes` deterministic bytes, streamed; returns its id.
    qint64 addLargeArtifactJob(const QString &fileName, qint64 bytes, quint32 seed);
    // The bytes a job artifact URL on this forge serves, when it is one of ours; for the runner's
    // checksum check. nullopt for URLs that are not ours or are streamed large artifacts.
    std::optional<QByteArray> artifactBytesForPath(const QStringList &apiSegments);

    HttpResponse handle(const HttpRequest &request, const QStringList &segments,
                        const QString &origin);
    HttpResponse faultResponse(int status, std::optional<int> retryAfterSeconds);

private:
    struct Context
    {
        const HttpRequest &request;
        const QStringList &segments;
        const GitLabToken *token;
        QString origin;
    };

    HttpResponse route(const Context &context);
    static bool canReadApi(const GitLabToken *token);
    static HttpResponse insufficientScope();
    HttpResponse getVersion(const Context &context) const;
    HttpResponse getUser(const Context &context) const;
    HttpResponse getTokenSelf(const Context &context) const;
    HttpResponse listCommits(const Context &context) const;
    HttpResponse getCommit(const Context &context, const QString &ref) const;
    HttpResponse getRawFile(const Context &context, const QString &path) const;
    HttpResponse getArchive(const Context &context, const QString &format) const;
    HttpResponse listPipelines(const Context &context) const;
    // The pipeline, or (itsJobs) its jobs, newest first.
    HttpResponse getPipeline(const Context &context, qint64 id, bool itsJobs) const;
    HttpResponse getJob(const Context &context, qint64 id) const;
    HttpResponse getJobArtifact(const Context &context, qint64 id, const QString &path);
    HttpResponse message(int status, const QString &text) const;
    QJsonObject projectJson(const Context &context) const;
    QJsonObject commitJson(const Context &context, const GitLabCommit &commit, bool detailed) const;
    QJsonObject pipelineJson(const Context &context, const GitLabPipeline &pipeline,
                             bool detailed) const;
    QJsonObject jobJson(const Context &context, const GitLabJob &job) const;
    QJsonObject userJson(const Context &context) const;
    HttpResponse paginated(const Context &context, const QJsonArray &items) const;
    const GitLabCommit *commitAt(const QString &ref) const;
    QByteArray fileAt(const GitLabCommit &commit, const QString &path) const;
    void addRateLimitHeaders(HttpResponse &response);

    VirtualClock *m_clock;
    QString m_recipe;
    QString m_namespace = QStringLiteral("veloxchem");
    QString m_projectName = QStringLiteral("veloxchem");
    QList<GitLabToken> m_tokens;
    QList<GitLabCommit> m_commits;
    QList<GitLabPipeline> m_pipelines;
    QHash<qint64, GitLabJob> m_jobs;
    QHash<QString, QByteArray> m_tarballs;  // by sha
    qint64 m_nextJobId = 7100000001;
    qint64 m_nextPipelineId = 1350000001;
    int m_requestsThisMinute = 0;
    QDateTime m_minuteStart;
};

}  // namespace rc::sandbox
