// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/patchencoding.h"
#include "release/payload.h"

#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSettings;

namespace rc::profiles {

// Where the runner's tarball comes from (SPEC §2).
enum class TarballSourceKind {
    JobArtifact,        // a CI job's artifact, by job id: the bytes cannot change after hashing
    RepositoryArchive,  // GitLab's /repository/archive: other top folder, bytes not guaranteed
};
QString tarballSourceName(TarballSourceKind kind);  // "job-artifact", "archive"
std::optional<TarballSourceKind> tarballSourceFromName(QStringView name);
QString dispatchKindName(release::DispatchKind kind);  // "workflow", "repository"
std::optional<release::DispatchKind> dispatchKindFromName(QStringView name);

// One recipe's release settings (SPEC F1). Never holds a token.
struct Profile
{
    QString name;
    QUrl gitLabUrl = QUrl(QStringLiteral("https://gitlab.com"));  // the instance; API under /api/v4
    QString gitLabProject;                                        // "group/project" or an id
    QString branch = QStringLiteral("master");
    QUrl gitHubApiUrl = QUrl(QStringLiteral("https://api.github.com"));  // or https://HOST/api/v3
    QString recipesRepo;                                                 // owner/name
    QString workflowFile = QStringLiteral("deploy-cxx.yml");
    QString workflowRef = QStringLiteral("main");
    release::DispatchKind dispatchKind = release::DispatchKind::Workflow;
    QString eventType = QStringLiteral("conda-build");
    QString recipe;
    QString initPath = QStringLiteral("src/pymodule/__init__.py");
    TarballSourceKind tarballSource = TarballSourceKind::JobArtifact;
    QString tarballJob = QStringLiteral("conda-tarball");
    QString artifactPath;  // empty: <recipe>.tar.bz2
    QString defaultChannel;
    QString defaultLabel = QStringLiteral("dev");
    QUrl anacondaApiUrl = QUrl(QStringLiteral("https://api.anaconda.org"));
    release::PatchEncoding patchEncoding = release::PatchEncoding::Printf;
    // The workflow input a fresh id goes in with every dispatch, which the workflow's run-name
    // carries (the recipes-repo kit's `dispatch_id`): its run is then found by that id. Empty:
    // the workflow takes no such input.
    QString dispatchIdInput;
    // A PEM file with the certificate(s) to trust for the GitLab instance / the GitHub API host
    // besides the system's CAs (a self-hosted forge with a self-signed certificate). Empty: the
    // system's CAs only.
    QString gitLabCertificateFile;
    QString gitHubCertificateFile;

    QUrl gitLabApiUrl() const;
    QString recipesOwner() const;
    QString recipesName() const;
    QString effectiveArtifactPath() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

// The settings of a profile, named as the CLI options that set them ("gitlab-url", ...).
enum class ProfileField {
    Name,
    GitLabUrl,
    GitLabProject,
    Branch,
    GitHubApiUrl,
    RecipesRepo,
    WorkflowFile,
    WorkflowRef,
    DispatchKind,
    EventType,
    Recipe,
    InitPath,
    TarballSource,
    TarballJob,
    ArtifactPath,
    DefaultChannel,
    DefaultLabel,
    AnacondaApiUrl,
    PatchEncoding,
    DispatchIdInput,
    GitLabCertificate,
    GitHubCertificate,
};
QString profileFieldName(ProfileField field);
QList<ProfileField> allProfileFields();

struct ProfileProblem
{
    ProfileField field;
    QString message;

    friend bool operator==(const ProfileProblem &, const ProfileProblem &) = default;
};

// The certificates of a certificate field's PEM file; `error` says why there are none.
QList<QSslCertificate> readCertificateFile(const QString &path, QString *error);

// Every problem, in field order, with the release form's wording for the fields they share.
QList<ProfileProblem> validateProfile(const Profile &profile);
// What is allowed but deserves a word (the repository archive source).
QStringList profileWarnings(const Profile &profile);

// A field's value as text (as the CLI takes it), and back: false when the text is not a valid
// value of that field's type (an unknown kind, say); field checks are validateProfile's job.
QString fieldValue(const Profile &profile, ProfileField field);
bool setFieldValue(Profile &profile, ProfileField field, const QString &value);

QJsonObject profileToJson(const Profile &profile);

// Profiles in QSettings, under profiles/<name>/. The settings object is the caller's.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings &settings);

    QStringList names() const;  // sorted
    std::optional<Profile> load(const QString &name) const;
    // Validates and stores; an empty string on success, else every problem, one per line.
    QString save(const Profile &profile);
    bool remove(const QString &name);
    bool contains(const QString &name) const;

private:
    QSettings &m_settings;
};

}  // namespace rc::profiles
