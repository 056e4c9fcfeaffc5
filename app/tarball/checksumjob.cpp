// SPDX-License-Identifier: BSD-3-Clause
#include "tarball/checksumjob.h"

#include "forge/gitlab.h"
#include "forge/gitlabclient.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace rc::tarball {

namespace {

using forge::ForgeError;
using forge::ForgeResult;

constexpr qint64 kProgressIntervalMs = 100;  // ≤ 10 progress signals a second
constexpr qint64 kSpeedWindowMs = 3000;      // the speed is that of the last few seconds

bool isNumericId(const QString &project)
{
    static const QRegularExpression digits(u"^[0-9]{1,19}$"_s);
    return digits.match(project).hasMatch();
}

bool isStillToRun(const QString &status)
{
    static const QSet<QString> waiting = {
        u"created"_s,
        u"pending"_s,
        u"running"_s,
        u"waiting_for_resource"_s,
        u"preparing"_s,
        u"scheduled"_s,
        u"waiting_for_callback"_s,
    };
    return waiting.contains(status);
}

}  // namespace

bool ChecksumOutcome::ok() const
{
    return result.has_value() && !error.isError() && problem.isEmpty() && !cancelled;
}

ChecksumJob::ChecksumJob(const forge::GitLabClient *client, ChecksumRequest request, Clock clock,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_clock(clock ? std::move(clock) : Clock(&QDateTime::currentDateTimeUtc))
{
    qRegisterMetaType<rc::tarball::ChecksumProgress>();
}

ChecksumJob::~ChecksumJob()
{
    // Aborts what is in flight before the hasher its sink feeds goes away; no callback may
    // reach this object afterwards.
    m_calls.reset();
    delete m_abandonedCalls.data();
}

QString ChecksumJob::artifactPathFor(const ChecksumRequest &request)
{
    const QString path = request.source.artifactPath.trimmed();
    return path.isEmpty() ? QString(request.recipe + u".tar.bz2"_s) : path;
}

QString ChecksumJob::shortSha() const
{
    return m_request.commitSha.left(8);
}

QString ChecksumJob::invalidRequest() const
{
    static const QRegularExpression sha(u"^[0-9a-fA-F]{7,64}$"_s);
    static const QRegularExpression recipe(u"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$"_s);
    if (m_request.project.trimmed().isEmpty())
        return tr("No GitLab project is set in the profile.");
    if (!sha.match(m_request.commitSha).hasMatch())
        return tr("'%1' is not a commit sha.").arg(m_request.commitSha.left(80));
    if (!recipe.match(m_request.recipe).hasMatch())
        return tr("'%1' is not a recipe folder name.").arg(m_request.recipe.left(80));
    if (m_request.source.kind == TarballSourceKind::JobArtifact) {
        if (m_request.source.jobName.trimmed().isEmpty())
            return tr("No tarball job name is set in the profile.");
        const QString path = artifactPathFor(m_request);
        if (path.startsWith(u'/') || path.split(u'/').contains(u".."_s) || path.size() > 1024)
            return tr("'%1' is not a path inside a job's artifacts.").arg(path.left(80));
    }
    return {};
}

void ChecksumJob::start()
{
    if (m_started)
        return;
    m_started = true;
    if (const QString invalid = invalidRequest(); !invalid.isEmpty()) {
        failWith(invalid);
        return;
    }
    if (const QString missing = sha256Unavailable(); !missing.isEmpty()) {
        failWith(missing);
        return;
    }
    if (!m_client) {
        failWith(tr("No GitLab connection."));
        return;
    }
    m_calls = std::make_unique<QObject>();
    resolveProject();
}

void ChecksumJob::cancel()
{
    if (m_finished)
        return;
    m_outcome.cancelled = true;
    if (m_download)
        m_download->abort();
    // Later: cancel() may run inside one of that context's callbacks (a slot of stageChanged).
    if (m_calls) {
        m_abandonedCalls = m_calls.release();
        m_abandonedCalls->deleteLater();
    }
    finish();
}

void ChecksumJob::resolveProject()
{
    const auto next = [this] {
        if (m_request.source.kind == TarballSourceKind::RepositoryArchive) {
            m_partial.warnings.append(
                tr("GitLab does not guarantee that the bytes of a repository archive stay the "
                   "same: the runner's download may not match this checksum. A CI job artifact "
                   "is stable."));
            download(m_client->requests().archive(m_projectId, m_request.commitSha).url, 0, {});
        } else {
            findPipeline();
        }
    };
    if (isNumericId(m_request.project)) {
        m_projectId = m_request.project;
        next();
        return;
    }
    emit stageChanged(tr("Looking up the GitLab project %1…").arg(m_request.project));
    if (m_finished)
        return;  // cancelled from a slot of stageChanged
    m_client->project(m_request.project, m_calls.get(),
                      [this, next](const ForgeResult<forge::GitLabProject> &project) {
                          if (m_finished)
                              return;
                          if (!project.ok()) {
                              failWith(project.error);
                              return;
                          }
                          m_projectId = QString::number(project.value.id);
                          next();
                      });
}

void ChecksumJob::findPipeline()
{
    emit stageChanged(tr("Looking for the pipeline of %1…").arg(shortSha()));
    if (m_finished)
        return;  // cancelled from a slot of stageChanged
    m_client->commitPipelines(
        m_projectId, m_request.ref, m_request.commitSha, m_calls.get(),
        [this](const ForgeResult<forge::Page<forge::GitLabPipeline>> &pipelines) {
            if (m_finished)
                return;
            if (!pipelines.ok()) {
                failWith(pipelines.error);
                return;
            }
            std::optional<forge::GitLabPipeline> newest;
            for (const forge::GitLabPipeline &p : pipelines.value.items) {
                if (p.sha.startsWith(m_request.commitSha, Qt::CaseInsensitive) &&
                    (!newest || p.id > newest->id))
                    newest = p;
            }
            if (!newest) {
                const QString where = m_request.ref.isEmpty()
                    ? tr("the newest pipelines of the project (%1 looked at)")
                          .arg(pipelines.value.items.size())
                    : tr("the newest pipelines of branch '%1' (%2 looked at)")
                          .arg(m_request.ref)
                          .arg(pipelines.value.items.size());
                failWith(tr("No pipeline of commit %1 among %2. Run a pipeline for the commit in "
                            "GitLab (or wait for it to start), or choose the repository archive "
                            "as the tarball source.")
                             .arg(shortSha(), where));
                return;
            }
            findJob(*newest);
        });
}

void ChecksumJob::findJob(const forge::GitLabPipeline &pipeline)
{
    const QString jobName = m_request.source.jobName.trimmed();
    emit stageChanged(
        tr("Looking for the job '%1' in pipeline #%2…").arg(jobName).arg(pipeline.id));
    if (m_finished)
        return;  // cancelled from a slot of stageChanged
    m_client->pipelineJobs(
        m_projectId, pipeline.id, m_calls.get(),
        [this, pipeline, jobName](const ForgeResult<QList<forge::GitLabJob>> &jobs) {
            if (m_finished)
                return;
            if (!jobs.ok()) {
                failWith(jobs.error);
                return;
            }
            m_partial.pipelineId = pipeline.id;
            m_partial.pipelineStatus = pipeline.status;
            const QString where = tr("pipeline #%1 (%2) of commit %3")
                                      .arg(pipeline.id)
                                      .arg(pipeline.status, shortSha());
            const std::optional<forge::GitLabJob> job = forge::findArtifactJob(jobs.value, jobName);
            if (!job) {
                QStringList names;
                for (const forge::GitLabJob &j : jobs.value) {
                    if (!names.contains(j.name))
                        names.append(j.name);
                }
                failWith(
                    tr("The %1 has no job named '%2' (its jobs: %3). Check the tarball job "
                       "name in the profile, or choose the repository archive as the "
                       "tarball source.")
                        .arg(where, jobName, names.isEmpty() ? tr("none") : names.join(u", "_s)));
                return;
            }
            m_partial.jobId = job->id;
            const QString jobText =
                tr("The job '%1' (#%2) of %3").arg(jobName).arg(job->id).arg(where);
            const QString link = job->webUrl.isValid() ? job->webUrl.toDisplayString() : QString();
            if (job->status == u"manual"_s) {
                failWith(tr("%1 is a manual job that has not run: run it in GitLab%2, then compute "
                            "the checksum again.")
                             .arg(jobText, link.isEmpty() ? QString() : u" ("_s + link + u')'));
                return;
            }
            if (isStillToRun(job->status)) {
                failWith(tr("%1 has not finished yet (%2): wait for it to finish, then compute the "
                            "checksum again.")
                             .arg(jobText, job->status));
                return;
            }
            if (job->status != u"success"_s) {
                failWith(tr("%1 did not succeed (%2): run it again in GitLab%3, or choose the "
                            "repository archive as the tarball source.")
                             .arg(jobText, job->status,
                                  link.isEmpty() ? QString() : u" ("_s + link + u')'));
                return;
            }
            if (!job->hasArchive()) {
                failWith(tr("%1 succeeded but kept no artifacts (none declared, or they expired): "
                            "run the job again, or choose the repository archive as the tarball "
                            "source.")
                             .arg(jobText));
                return;
            }
            if (pipeline.status != u"success"_s) {
                m_partial.warnings.append(
                    tr("Pipeline #%1 of commit %2 is %3 (its tarball job succeeded).")
                        .arg(pipeline.id)
                        .arg(shortSha(), pipeline.status));
            }
            const QString path = artifactPathFor(m_request);
            download(m_client->requests().jobArtifact(m_projectId, job->id, path).url, job->id,
                     path);
        });
}

void ChecksumJob::download(const QUrl &url, qint64 jobId, const QString &artifactPath)
{
    emit stageChanged(jobId != 0 ? tr("Downloading %1 from job #%2…").arg(artifactPath).arg(jobId)
                                 : tr("Downloading the repository archive of %1…").arg(shortSha()));
    if (m_finished)
        return;  // cancelled from a slot of stageChanged
    m_partial.url = url;
    m_hasher = std::make_unique<TarballHasher>(m_inspectBytes);
    m_received = 0;
    m_total = -1;
    m_lastEmitMs = -1;
    m_samples = {{0, 0}};
    m_sinceStart.start();
    forge::ChunkSink sink = [this](QByteArrayView chunk) {
        if (m_finished)
            return false;
        m_hasher->addData(chunk);
        noteChunk(chunk.size());
        return !m_finished;
    };
    forge::Callback<forge::Done> done = [this, jobId,
                                         artifactPath](const ForgeResult<forge::Done> &r) {
        if (m_finished)
            return;
        if (r.error.kind == ForgeError::Kind::NotFound && jobId != 0) {
            failWith(
                tr("The job #%1 has no file '%2' in its artifacts (GitLab answered 404). Check "
                   "the artifact path in the profile.")
                    .arg(jobId)
                    .arg(artifactPath));
            return;
        }
        downloadDone(r.error);
    };
    m_download = jobId != 0
        ? m_client->streamJobArtifact(m_projectId, jobId, artifactPath, std::move(sink),
                                      m_calls.get(), std::move(done))
        : m_client->streamArchive(m_projectId, m_request.commitSha, u"tar.bz2"_s, std::move(sink),
                                  m_calls.get(), std::move(done));
    connect(m_download, &forge::ForgeReply::downloadProgress, m_calls.get(),
            [this](qint64, qint64 total) {
                if (total > 0)
                    m_total = total;
            });
}

void ChecksumJob::noteChunk(qsizetype size)
{
    m_received += size;
    const qint64 now = m_sinceStart.elapsed();
    if (m_lastEmitMs < 0 || now - m_lastEmitMs >= kProgressIntervalMs)
        emitProgress();
}

void ChecksumJob::emitProgress()
{
    const qint64 now = m_sinceStart.elapsed();
    m_lastEmitMs = now;
    m_samples.append({now, m_received});
    while (m_samples.size() > 2 && now - m_samples.at(1).first >= kSpeedWindowMs)
        m_samples.removeFirst();
    ChecksumProgress p;
    p.received = m_received;
    p.total = m_total;
    const qint64 elapsedMs = now - m_samples.first().first;
    if (elapsedMs > 0)
        p.bytesPerSecond = double(m_received - m_samples.first().second) * 1000.0 / elapsedMs;
    if (m_total > 0 && p.bytesPerSecond > 0) {
        const double left = double(qMax<qint64>(0, m_total - m_received)) / p.bytesPerSecond;
        p.eta = std::chrono::seconds(qint64(std::ceil(left)));
    }
    emit progress(p);
}

void ChecksumJob::downloadDone(const forge::ForgeError &error)
{
    if (error.isError()) {
        m_hasher.reset();  // partial data: never a checksum
        failWith(error);
        return;
    }
    if (m_total < 0)
        m_total = m_received;
    emitProgress();
    ChecksumResult result = m_partial;
    result.sha256 = m_hasher->finish();
    result.bytes = m_hasher->bytes();
    result.topFolder = m_hasher->topFolder();
    result.computedAt = m_clock();
    m_hasher.reset();
    if (result.sha256.isEmpty()) {
        failWith(sha256Unavailable());
        return;
    }
    const QString recipeFolder = m_request.recipe + u'/';
    if (!result.topFolder.error.isEmpty()) {
        m_outcome.problem =
            tr("The download from %1 is not a usable tarball: %2.")
                .arg(result.url.toDisplayString(QUrl::RemoveUserInfo), result.topFolder.error);
    } else if (!result.topFolder.escapingEntries.isEmpty()) {
        // Whatever the source: the runner would unpack it outside its folder.
        m_outcome.problem = tr("The tarball would unpack outside '%1': %2.")
                                .arg(recipeFolder, result.topFolder.escapingEntries.join(u"; "_s));
    } else if (!result.topFolder.isExactly(m_request.recipe)) {
        const QString wrong = tr("The tarball unpacks into %1, but the recipe expects '%2'.")
                                  .arg(result.topFolder.describeTopLevel(), recipeFolder);
        if (m_request.source.kind == TarballSourceKind::RepositoryArchive)
            result.warnings.append(wrong);  // the profile chose this source knowingly
        else
            m_outcome.problem = wrong +
                tr(" Make the CI job write it with `git archive --prefix=%1` or fix the recipe "
                   "name in the profile.")
                    .arg(recipeFolder);
    }
    m_outcome.result = std::move(result);
    finish();
}

void ChecksumJob::failWith(const forge::ForgeError &error)
{
    m_outcome.error = error;
    finish();
}

void ChecksumJob::failWith(const QString &problem)
{
    m_outcome.problem = problem;
    finish();
}

void ChecksumJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_outcome.cancelled)
        m_outcome.result.reset();
    QMetaObject::invokeMethod(this, [this] { emit finished(); }, Qt::QueuedConnection);
}

}  // namespace rc::tarball
