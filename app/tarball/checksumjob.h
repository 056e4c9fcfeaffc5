// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// F5: the tarball of a commit and its SHA-256, over exactly the bytes the runner will download.

#include "forge/forgeerror.h"
#include "tarball/tarballhasher.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace rc::forge {
class ForgeReply;
class GitLabClient;
struct GitLabJob;
struct GitLabPipeline;
}  // namespace rc::forge

namespace rc::tarball {

enum class TarballSourceKind {
    JobArtifact,        // /projects/:id/jobs/:job_id/artifacts/<path> of the commit's pipeline
    RepositoryArchive,  // /repository/archive.tar.bz2?sha=: explicit choice only, with warnings
};

struct TarballSource
{
    TarballSourceKind kind = TarballSourceKind::JobArtifact;
    QString jobName = QStringLiteral("conda-tarball");
    QString artifactPath;  // e.g. veloxchem.tar.bz2; "<recipe>.tar.bz2" when empty
};

struct ChecksumRequest
{
    QString project;    // GitLab numeric id or path ("veloxchem/veloxchem")
    QString commitSha;  // full sha
    QString recipe;     // the folder the tarball must unpack into
    QString ref;        // branch, for the pipeline lookup
    TarballSource source;
};

struct ChecksumProgress
{
    qint64 received = 0;
    qint64 total = -1;  // -1: not announced
    double bytesPerSecond = 0;
    std::optional<std::chrono::seconds> eta;
};

struct ChecksumResult
{
    QUrl url;  // exactly what the runner will download
    QString sha256;
    qint64 bytes = 0;
    TopFolderCheck topFolder;
    qint64 pipelineId = 0;
    QString pipelineStatus;
    qint64 jobId = 0;
    QStringList warnings;  // e.g. archive source warnings, pipeline not green
    QDateTime computedAt;
};

struct ChecksumOutcome
{
    std::optional<ChecksumResult> result;  // set on success (the top folder may still be wrong:
                                           // see problem)
    forge::ForgeError error;               // network/HTTP/JSON failure
    QString problem;  // not a forge failure: no pipeline, no job, job not finished, no artifact,
                      // wrong top folder, QCA missing — what was looked at and what to do
    bool cancelled = false;
    bool ok() const;  // result && !error && problem empty && !cancelled
};

// One checksum: finds the tarball of the commit (pipeline → job → artifact, never the by-ref
// URL), streams it with the GitLab token through a TarballHasher and tells what it found.
// One shot: start() once; finished() comes exactly once, queued.
class ChecksumJob : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    ChecksumJob(const forge::GitLabClient *client, ChecksumRequest request,
                Clock clock = &QDateTime::currentDateTimeUtc, QObject *parent = nullptr);
    ~ChecksumJob() override;

    // Bytes libarchive inspects at the start of the download (TarballHasher's inspectBytes).
    void setInspectBytes(qint64 bytes) { m_inspectBytes = bytes; }

    void start();
    void cancel();  // stops the download; finished() follows with cancelled
    const ChecksumOutcome &outcome() const { return m_outcome; }
    const ChecksumRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }

    // The artifact path asked for: source.artifactPath, else "<recipe>.tar.bz2".
    static QString artifactPathFor(const ChecksumRequest &request);

signals:
    void stageChanged(const QString &description);  // "Looking for the pipeline of 1a2b3c4…"
    void progress(const rc::tarball::ChecksumProgress &progress);  // throttled (≤ 10/s)
    void finished();

private:
    void resolveProject();
    void findPipeline();
    void findJob(const forge::GitLabPipeline &pipeline);
    // jobId 0: the repository archive.
    void download(const QUrl &url, qint64 jobId, const QString &artifactPath);
    void downloadDone(const forge::ForgeError &error);
    void noteChunk(qsizetype size);
    void emitProgress();
    void failWith(const forge::ForgeError &error);
    void failWith(const QString &problem);
    void finish();
    QString shortSha() const;
    QString invalidRequest() const;

    const forge::GitLabClient *m_client;
    ChecksumRequest m_request;
    Clock m_clock;
    qint64 m_inspectBytes = TarballHasher::kDefaultInspectBytes;
    ChecksumOutcome m_outcome;
    ChecksumResult m_partial;            // filled step by step, becomes the result on success
    QString m_projectId;                 // numeric, resolved
    std::unique_ptr<QObject> m_calls;    // context of the requests in flight: deleting it aborts
    QPointer<QObject> m_abandonedCalls;  // the context after cancel(), until deleted later
    std::unique_ptr<TarballHasher> m_hasher;
    QPointer<forge::ForgeReply> m_download;
    QElapsedTimer m_sinceStart;
    qint64 m_lastEmitMs = -1;
    qint64 m_received = 0;
    qint64 m_total = -1;
    QList<std::pair<qint64, qint64>> m_samples;  // (ms, bytes) of the last seconds, for the speed
    bool m_started = false;
    bool m_finished = false;
};

}  // namespace rc::tarball

Q_DECLARE_METATYPE(rc::tarball::ChecksumProgress)
