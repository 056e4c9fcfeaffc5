// SPDX-License-Identifier: BSD-3-Clause
#include "flow/releasepreparation.h"

#include "release/commitmessage.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace rc::flow {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::flow::ReleasePreparation)
};

}  // namespace

tarball::ChecksumRequest checksumRequestFor(const profiles::Profile &profile,
                                            const QString &commitSha)
{
    tarball::ChecksumRequest request;
    request.project = profile.gitLabProject;
    request.commitSha = commitSha;
    request.recipe = profile.recipe;
    request.ref = profile.branch;
    request.source.kind = profile.tarballSource == profiles::TarballSourceKind::JobArtifact
        ? tarball::TarballSourceKind::JobArtifact
        : tarball::TarballSourceKind::RepositoryArchive;
    request.source.jobName = profile.tarballJob;
    request.source.artifactPath = profile.effectiveArtifactPath();
    return request;
}

ReleasePreparation::ReleasePreparation(const ForgeClients *clients, profiles::Profile profile,
                                       QString commit, ReleaseOverrides overrides, Clock clock,
                                       QObject *parent)
    : QObject(parent)
    , m_clients(clients)
    , m_profile(std::move(profile))
    , m_commitRef(std::move(commit))
    , m_overrides(std::move(overrides))
    , m_clock(std::move(clock))
{ }

void ReleasePreparation::start()
{
    emit stageChanged(
        Text::tr("Reading commit %1 of %2…").arg(m_commitRef, m_profile.gitLabProject));
    m_clients->gitLab.commit(m_profile.gitLabProject, m_commitRef, this,
                             [this](const forge::ForgeResult<forge::GitLabCommit> &r) {
                                 if (!r.ok())
                                     fail(r.error);
                                 else
                                     onCommit(r.value);
                             });
}

void ReleasePreparation::cancel()
{
    if (m_checksum)
        m_checksum->cancel();
    if (!m_finished) {
        m_result.cancelled = true;
        m_finished = true;
        emit finished();
    }
}

void ReleasePreparation::onCommit(const forge::GitLabCommit &commit)
{
    m_result.commit = commit;
    m_pending = 3;

    emit stageChanged(Text::tr("Reading %1 at %2…").arg(m_profile.initPath, commit.shortId));
    m_clients->gitLab.rawFile(m_profile.gitLabProject, m_profile.initPath, commit.id, this,
                              [this](const forge::ForgeResult<QByteArray> &r) {
                                  if (!r.ok()) {
                                      fail(r.error);
                                      return;
                                  }
                                  m_initFile = r.value;
                                  stepDone();
                              });

    const release::CommitMessageParse parsed = release::parseCommitMessage(commit.message);
    const QString channel =
        m_overrides.channel.value_or(parsed.values.value(u"channel"_s, m_profile.defaultChannel));
    m_clients->anaconda.files(channel, m_profile.recipe, this,
                              [this](const forge::ForgeResult<forge::AnacondaPackageFiles> &r) {
                                  // Only a suggestion: an unreachable anaconda.org stops nothing.
                                  if (r.ok())
                                      m_published = r.value;
                                  else
                                      m_result.warnings
                                          << Text::tr("anaconda.org: %1").arg(r.error.describe());
                                  stepDone();
                              });

    auto *job = new tarball::ChecksumJob(&m_clients->gitLab,
                                         checksumRequestFor(m_profile, commit.id), m_clock, this);
    m_checksum = job;
    connect(job, &tarball::ChecksumJob::stageChanged, this, &ReleasePreparation::stageChanged);
    connect(job, &tarball::ChecksumJob::progress, this, &ReleasePreparation::checksumProgress);
    connect(job, &tarball::ChecksumJob::finished, this, [this, job] {
        const tarball::ChecksumOutcome &outcome = job->outcome();
        job->deleteLater();
        if (outcome.cancelled) {
            cancel();
            return;
        }
        if (outcome.error.isError()) {
            fail(outcome.error);
            return;
        }
        if (!outcome.problem.isEmpty()) {
            m_result.tarball = outcome.result;
            fail(outcome.problem);
            return;
        }
        m_result.tarball = outcome.result;
        stepDone();
    });
    job->start();
}

void ReleasePreparation::stepDone()
{
    if (m_finished || --m_pending > 0)
        return;
    assemble();
    m_finished = true;
    emit finished();
}

void ReleasePreparation::fail(const forge::ForgeError &error)
{
    if (m_finished)
        return;
    m_result.error = error;
    if (m_checksum)
        m_checksum->cancel();
    m_finished = true;
    emit finished();
}

void ReleasePreparation::fail(const QString &problem)
{
    if (m_finished)
        return;
    m_result.problem = problem;
    m_finished = true;
    emit finished();
}

void ReleasePreparation::assemble()
{
    const forge::GitLabCommit &commit = m_result.commit;
    const release::CommitMessageParse parsed = release::parseCommitMessage(commit.message);
    if (parsed.titleRequestsBuild || parsed.hasPackageBlock) {
        for (const QString &warning : parsed.warnings)
            m_result.warnings << Text::tr("commit message: %1").arg(warning);
    }
    m_result.warnings << profiles::profileWarnings(m_profile);
    const tarball::ChecksumResult &tarball = *m_result.tarball;
    m_result.warnings << tarball.warnings;

    const auto pick = [&parsed](const std::optional<QString> &explicitValue, const QString &key,
                                const QString &fallback) {
        if (explicitValue)
            return *explicitValue;
        return parsed.values.value(key, fallback);
    };
    release::ReleaseChoices choices;
    choices.recipe = m_profile.recipe;
    choices.commitSha = commit.id;
    choices.version = pick(m_overrides.version, u"version"_s, {});
    choices.channel = pick(m_overrides.channel, u"channel"_s, m_profile.defaultChannel);
    choices.label = pick(m_overrides.label, u"label"_s, m_profile.defaultLabel);
    if (m_published && !choices.version.isEmpty())
        m_result.buildSuggestion = QString::number(m_published->nextBuildNumber(choices.version));
    choices.build = pick(m_overrides.build, u"build"_s, m_result.buildSuggestion);
    choices.author = m_overrides.author.value_or(commit.authorName);

    release::ReleaseFacts facts;
    facts.url = tarball.url.toString(QUrl::FullyEncoded);
    facts.sha256 = tarball.sha256;
    facts.initPath = m_profile.initPath;
    facts.initFile = m_initFile;
    facts.timestamp = m_overrides.timestamp.isEmpty() ? m_clock().toUTC().toString(Qt::ISODate)
                                                      : m_overrides.timestamp;

    release::DispatchTarget target;
    target.kind = m_profile.dispatchKind;
    target.ref = m_profile.workflowRef;
    target.eventType = m_profile.eventType;
    target.encoding = m_overrides.encoding.value_or(m_profile.patchEncoding);
    target.dispatchIdInput = m_profile.dispatchIdInput;
    target.dispatchId = m_dispatchId;

    m_result.release = release::prepareRelease(choices, facts, target);
    m_result.checksum =
        ChecksumRecord {commit.id, facts.url, tarball.sha256, tarball.pipelineStatus};
}

}  // namespace rc::flow
