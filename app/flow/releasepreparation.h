// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "flow/forgeclients.h"
#include "flow/preflight.h"
#include "forge/gitlab.h"
#include "profiles/profile.h"
#include "release/releasecore.h"
#include "tarball/checksumjob.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace rc::flow {

// What the maintainer set explicitly; anything unset comes from the commit's `[conda-build]`
// message, then the profile's defaults, then anaconda.org (the next free build number).
struct ReleaseOverrides
{
    std::optional<QString> version;
    std::optional<QString> build;
    std::optional<QString> channel;
    std::optional<QString> label;
    std::optional<QString> author;  // default: the commit's author
    std::optional<release::PatchEncoding> encoding;
    QString timestamp;  // of __deployed__; empty: now
};

struct PreparationResult
{
    forge::GitLabCommit commit;
    release::PreparedRelease release;
    std::optional<ChecksumRecord> checksum;
    std::optional<tarball::ChecksumResult> tarball;
    QStringList warnings;     // the commit message's, the profile's, the tarball's
    QString buildSuggestion;  // from anaconda.org, when it could be asked
    forge::ForgeError error;  // a forge failure that stopped the preparation
    QString problem;          // anything else that stopped it (no artifact, wrong folder, ...)
    bool cancelled = false;

    bool ok() const { return !error.isError() && problem.isEmpty() && !cancelled; }
};

// From a commit to a prepared release, for the commands (the window does the same steps one by
// one, on the user's clicks): the commit and its message, __init__.py at the commit, the
// tarball's checksum, the build number suggestion — then prepareRelease().
class ReleasePreparation : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    ReleasePreparation(const ForgeClients *clients, profiles::Profile profile, QString commit,
                       ReleaseOverrides overrides, Clock clock = &QDateTime::currentDateTimeUtc,
                       QObject *parent = nullptr);

    void start();
    void cancel();
    const PreparationResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }

signals:
    void stageChanged(const QString &description);
    void checksumProgress(const rc::tarball::ChecksumProgress &progress);
    void finished();

private:
    void onCommit(const forge::GitLabCommit &commit);
    void stepDone();
    void fail(const forge::ForgeError &error);
    void fail(const QString &problem);
    void assemble();

    const ForgeClients *m_clients;
    profiles::Profile m_profile;
    QString m_commitRef;
    ReleaseOverrides m_overrides;
    Clock m_clock;
    QString m_dispatchId = release::newDispatchId();  // sent when the profile's workflow takes one
    PreparationResult m_result;
    std::optional<QByteArray> m_initFile;
    std::optional<forge::AnacondaPackageFiles> m_published;
    QPointer<tarball::ChecksumJob> m_checksum;
    int m_pending = 0;
    bool m_finished = false;
};

// The tarball source of a profile, as the checksum job takes it.
tarball::ChecksumRequest checksumRequestFor(const profiles::Profile &profile,
                                            const QString &commitSha);

}  // namespace rc::flow
