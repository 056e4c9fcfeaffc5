// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// GitLab REST v4: value types, pure request builders and pure parsers.

#include "forge/forgerequest.h"
#include "forge/forgeresult.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rc::forge {

struct ForgeResponse;

struct GitLabTokenInfo
{
    qint64 id = 0;  // 0 when only /user could be read
    QString name;
    bool active = true;
    bool revoked = false;
    bool scopesKnown = false;  // from /personal_access_tokens/self
    QStringList scopes;
    std::optional<QDate> expiresAt;
    qint64 userId = 0;
    QString username;
};

struct GitLabProject
{
    qint64 id = 0;
    QString pathWithNamespace;
    QString name;
    QString defaultBranch;
    QUrl webUrl;
};

struct GitLabCommit
{
    QString id;  // sha
    QString shortId;
    QString title;
    QString message;
    QString authorName;
    QString authorEmail;
    QDateTime authoredDate;
    QDateTime committedDate;
    QStringList parentIds;
    QUrl webUrl;
};

struct GitLabPipeline
{
    qint64 id = 0;
    qint64 iid = 0;
    QString sha;
    QString ref;
    QString status;  // created, pending, running, success, failed, canceled, skipped, manual, ...
    QString source;
    QDateTime createdAt;
    QDateTime updatedAt;
    QUrl webUrl;
};

struct CommitWithPipeline
{
    GitLabCommit commit;
    std::optional<GitLabPipeline> pipeline;  // the newest pipeline of that sha on the ref
};

struct GitLabJobArtifact
{
    QString fileType;  // archive, metadata, trace, ...
    QString filename;
    qint64 size = 0;
};

struct GitLabJob
{
    qint64 id = 0;
    QString name;
    QString stage;
    QString status;
    QString ref;
    QString sha;
    qint64 pipelineId = 0;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QUrl webUrl;
    QList<GitLabJobArtifact> artifacts;
    bool hasArchive() const;
};

// Builds every GitLab request. `apiBase`: e.g. https://gitlab.example.org/api/v4.
// `project` is a numeric id or a full path ("group/project", encoded as group%2Fproject).
class GitLabRequests
{
public:
    explicit GitLabRequests(QUrl apiBase)
        : m_base(std::move(apiBase))
    { }
    const QUrl &apiBase() const { return m_base; }

    ForgeRequest tokenSelf() const;
    ForgeRequest user() const;
    ForgeRequest version() const;
    ForgeRequest project(const QString &project) const;
    ForgeRequest commits(const QString &project, const QString &ref, int perPage = 20,
                         int page = 1) const;
    ForgeRequest commit(const QString &project, const QString &sha) const;
    // `sha` (optional) keeps only that commit's pipelines.
    ForgeRequest pipelines(const QString &project, const QString &ref, int perPage = 100,
                           const QString &sha = {}) const;
    ForgeRequest pipelineJobs(const QString &project, qint64 pipelineId, int perPage = 100) const;
    // The job artifact file: /projects/:id/jobs/:job_id/artifacts/:artifact_path
    ForgeRequest jobArtifact(const QString &project, qint64 jobId,
                             const QString &artifactPath) const;
    // /projects/:id/repository/archive.<format>?sha=
    ForgeRequest archive(const QString &project, const QString &sha,
                         const QString &format = QStringLiteral("tar.bz2")) const;
    // /projects/:id/repository/files/:file_path/raw?ref=
    ForgeRequest rawFile(const QString &project, const QString &filePath, const QString &ref) const;

private:
    QString projectPath(const QString &project) const;
    QUrl m_base;
};

ForgeResult<GitLabTokenInfo> parseGitLabTokenSelf(const ForgeResponse &response);
ForgeResult<GitLabTokenInfo> parseGitLabUser(const ForgeResponse &response);
ForgeResult<GitLabProject> parseGitLabProject(const ForgeResponse &response);
ForgeResult<GitLabCommit> parseGitLabCommit(const ForgeResponse &response);
ForgeResult<Page<GitLabCommit>> parseGitLabCommits(const ForgeResponse &response);
ForgeResult<Page<GitLabPipeline>> parseGitLabPipelines(const ForgeResponse &response);
ForgeResult<Page<GitLabJob>> parseGitLabJobs(const ForgeResponse &response);

// Whether a commit's pipeline deserves a warning before releasing it: anything but passed,
// skipped or manual (failed, running, pending, canceled, none at all).
bool isPipelineFlagged(const QString &status);

// Each commit with the newest (highest id) pipeline of its sha.
QList<CommitWithPipeline> joinPipelines(const QList<GitLabCommit> &commits,
                                        const QList<GitLabPipeline> &pipelines);
// The job that made the tarball: the newest successful job named `jobName` with an archive
// artifact; else the newest job of that name whatever its state. nullopt when none.
std::optional<GitLabJob> findArtifactJob(const QList<GitLabJob> &jobs, const QString &jobName);

}  // namespace rc::forge
