// SPDX-License-Identifier: BSD-3-Clause
#include "profiles/profile.h"

#include "release/validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace rc::profiles {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::profiles::Profile)
};

constexpr qsizetype kMaxFieldLength = 255;

struct FieldInfo
{
    ProfileField field;
    QLatin1StringView name;
};

constexpr FieldInfo kFields[] = {
    {ProfileField::Name, "name"_L1},
    {ProfileField::GitLabUrl, "gitlab-url"_L1},
    {ProfileField::GitLabProject, "gitlab-project"_L1},
    {ProfileField::Branch, "branch"_L1},
    {ProfileField::GitHubApiUrl, "github-api-url"_L1},
    {ProfileField::RecipesRepo, "recipes-repo"_L1},
    {ProfileField::WorkflowFile, "workflow"_L1},
    {ProfileField::WorkflowRef, "workflow-ref"_L1},
    {ProfileField::DispatchKind, "dispatch-kind"_L1},
    {ProfileField::EventType, "event-type"_L1},
    {ProfileField::Recipe, "recipe"_L1},
    {ProfileField::InitPath, "init-path"_L1},
    {ProfileField::TarballSource, "tarball-source"_L1},
    {ProfileField::TarballJob, "tarball-job"_L1},
    {ProfileField::ArtifactPath, "artifact-path"_L1},
    {ProfileField::DefaultChannel, "channel"_L1},
    {ProfileField::DefaultLabel, "label"_L1},
    {ProfileField::AnacondaApiUrl, "anaconda-url"_L1},
    {ProfileField::PatchEncoding, "patch-encoding"_L1},
    {ProfileField::DispatchIdInput, "dispatch-id-input"_L1},
    {ProfileField::GitLabCertificate, "gitlab-certificate"_L1},
    {ProfileField::GitHubCertificate, "github-certificate"_L1},
};

bool matches(const QString &value, const QRegularExpression &pattern)
{
    return pattern.match(value).hasMatch();
}

// git's rules for a branch name, the parts a typo can break.
QString checkRef(const QString &ref)
{
    if (ref.isEmpty())
        return Text::tr("must not be empty");
    static const QRegularExpression forbidden(u"[\\x00-\\x20~^:?*\\[\\\\\\x7f]"_s);
    if (matches(ref, forbidden))
        return Text::tr("must not hold blanks, control characters or any of ~ ^ : ? * [ \\");
    if (ref.startsWith(u'-') || ref.startsWith(u'/') || ref.endsWith(u'/') || ref.endsWith(u'.') ||
        ref.contains(u".."_s) || ref.contains(u"//"_s) || ref.endsWith(u".lock"_s) ||
        ref.contains(u"@{"_s))
        return Text::tr("is not a valid git branch name");
    return {};
}

QString checkApiUrl(const QUrl &url)
{
    if (url.isEmpty())
        return Text::tr("must not be empty");
    if (const QString reason = release::checkUrl(url.toString()); !reason.isEmpty())
        return reason;
    if (url.hasQuery() || url.hasFragment())
        return Text::tr("must not have a query or fragment");
    return {};
}

// A certificate file for an https forge: readable, with at least one certificate.
QString checkCertificateFile(const QString &path, const QUrl &forgeUrl)
{
    if (path.isEmpty())
        return {};
    if (forgeUrl.scheme() != "https"_L1)
        return Text::tr("is for an https address only");
    QString error;
    readCertificateFile(path, &error);
    return error;
}

QString checkRelativePath(const QString &path)
{
    if (path.isEmpty())
        return Text::tr("must not be empty");
    if (path.startsWith(u'/') || path.contains(u'\\') || path.contains(QChar(u'\0')))
        return Text::tr("must be a relative path with '/' separators");
    const QStringList parts = path.split(u'/');
    for (const QString &part : parts) {
        if (part.isEmpty() || part == "."_L1 || part == ".."_L1)
            return Text::tr("must not have empty, '.' or '..' parts");
    }
    return {};
}

}  // namespace

QString tarballSourceName(TarballSourceKind kind)
{
    return kind == TarballSourceKind::JobArtifact ? u"job-artifact"_s : u"archive"_s;
}

std::optional<TarballSourceKind> tarballSourceFromName(QStringView name)
{
    if (name == u"job-artifact")
        return TarballSourceKind::JobArtifact;
    if (name == u"archive")
        return TarballSourceKind::RepositoryArchive;
    return std::nullopt;
}

QString dispatchKindName(release::DispatchKind kind)
{
    return kind == release::DispatchKind::Workflow ? u"workflow"_s : u"repository"_s;
}

std::optional<release::DispatchKind> dispatchKindFromName(QStringView name)
{
    if (name == u"workflow")
        return release::DispatchKind::Workflow;
    if (name == u"repository")
        return release::DispatchKind::Repository;
    return std::nullopt;
}

QUrl Profile::gitLabApiUrl() const
{
    QUrl api = gitLabUrl;
    QString path = api.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    api.setPath(path + u"/api/v4"_s);
    return api;
}

QString Profile::recipesOwner() const
{
    return recipesRepo.section(u'/', 0, 0);
}

QString Profile::recipesName() const
{
    return recipesRepo.section(u'/', 1);
}

QString Profile::effectiveArtifactPath() const
{
    return artifactPath.isEmpty() ? recipe + u".tar.bz2"_s : artifactPath;
}

QString profileFieldName(ProfileField field)
{
    for (const FieldInfo &info : kFields) {
        if (info.field == field)
            return info.name;
    }
    return {};
}

QList<ProfileField> allProfileFields()
{
    QList<ProfileField> fields;
    for (const FieldInfo &info : kFields)
        fields << info.field;
    return fields;
}

QList<ProfileProblem> validateProfile(const Profile &profile)
{
    QList<ProfileProblem> problems;
    const auto note = [&problems](ProfileField field, const QString &message) {
        if (!message.isEmpty())
            problems.append({field, message});
    };
    static const QRegularExpression namePattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"_s);
    if (!matches(profile.name, namePattern))
        note(ProfileField::Name,
             Text::tr("use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or "
                      "digit"));
    note(ProfileField::GitLabUrl, checkApiUrl(profile.gitLabUrl));
    static const QRegularExpression projectPattern(
        u"^([0-9]+|[A-Za-z0-9_.][A-Za-z0-9_.-]*(/[A-Za-z0-9_.][A-Za-z0-9_.-]*)+)$"_s);
    if (profile.gitLabProject.isEmpty())
        note(ProfileField::GitLabProject, Text::tr("must not be empty"));
    else if (!matches(profile.gitLabProject, projectPattern) ||
             profile.gitLabProject.size() > kMaxFieldLength)
        note(ProfileField::GitLabProject,
             Text::tr("must be a numeric id or a path such as group/project"));
    note(ProfileField::Branch, checkRef(profile.branch));
    note(ProfileField::GitHubApiUrl, checkApiUrl(profile.gitHubApiUrl));
    static const QRegularExpression repoPattern(u"^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$"_s);
    if (!matches(profile.recipesRepo, repoPattern))
        note(ProfileField::RecipesRepo, Text::tr("must be owner/name, e.g. VeloxChem/meta-vlx"));
    static const QRegularExpression workflowPattern(u"^([0-9]+|[A-Za-z0-9._-]+\\.ya?ml)$"_s);
    if (!matches(profile.workflowFile, workflowPattern))
        note(ProfileField::WorkflowFile,
             Text::tr("must be the workflow's file name (e.g. deploy-cxx.yml) or its id"));
    if (profile.dispatchKind == release::DispatchKind::Workflow)
        note(ProfileField::WorkflowRef, checkRef(profile.workflowRef));
    if (profile.dispatchKind == release::DispatchKind::Repository) {
        if (profile.eventType.trimmed().isEmpty())
            note(ProfileField::EventType, Text::tr("must not be empty"));
        else if (profile.eventType.size() > release::kMaxEventTypeLength)
            note(ProfileField::EventType,
                 Text::tr("is at most %1 characters").arg(release::kMaxEventTypeLength));
    }
    note(ProfileField::Recipe, release::checkRecipe(profile.recipe));
    note(ProfileField::InitPath, checkRelativePath(profile.initPath));
    if (profile.tarballSource == TarballSourceKind::JobArtifact) {
        if (profile.tarballJob.trimmed().isEmpty() || profile.tarballJob.size() > kMaxFieldLength)
            note(ProfileField::TarballJob, Text::tr("must name the CI job that makes the tarball"));
        if (!profile.artifactPath.isEmpty())
            note(ProfileField::ArtifactPath, checkRelativePath(profile.artifactPath));
    }
    if (!profile.defaultChannel.isEmpty())
        note(ProfileField::DefaultChannel, release::checkChannel(profile.defaultChannel));
    if (!profile.defaultLabel.isEmpty())
        note(ProfileField::DefaultLabel, release::checkLabel(profile.defaultLabel));
    note(ProfileField::AnacondaApiUrl, checkApiUrl(profile.anacondaApiUrl));
    static const QRegularExpression inputName(u"^[A-Za-z_][A-Za-z0-9_-]{0,63}$"_s);
    if (!profile.dispatchIdInput.isEmpty() && !matches(profile.dispatchIdInput, inputName))
        note(ProfileField::DispatchIdInput,
             Text::tr("must be a workflow input name (letters, digits, _ and -; at most 64)"));
    else if (!profile.dispatchIdInput.isEmpty() &&
             profile.dispatchKind == release::DispatchKind::Repository)
        note(ProfileField::DispatchIdInput,
             Text::tr("is for workflow dispatches; a repository dispatch has no inputs"));
    note(ProfileField::GitLabCertificate,
         checkCertificateFile(profile.gitLabCertificateFile, profile.gitLabUrl));
    note(ProfileField::GitHubCertificate,
         checkCertificateFile(profile.gitHubCertificateFile, profile.gitHubApiUrl));
    return problems;
}

QList<QSslCertificate> readCertificateFile(const QString &path, QString *error)
{
    // A PEM file of a certificate or a chain is a few KiB; anything far larger is not one.
    constexpr qint64 kMaxCertificateFileBytes = 1 << 20;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    if (file.size() > kMaxCertificateFileBytes) {
        *error = Text::tr("%1 is too large for a certificate file").arg(path);
        return {};
    }
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        *error = Text::tr("%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)").arg(path);
    return certificates;
}

QStringList profileWarnings(const Profile &profile)
{
    QStringList warnings;
    if (profile.tarballSource == TarballSourceKind::RepositoryArchive) {
        warnings << Text::tr("GitLab's repository archive unpacks into '<project>-<sha>-<sha>/', "
                             "not '%1/': the recipe must expect that folder")
                        .arg(profile.recipe);
        warnings << Text::tr("GitLab does not promise that an archive's bytes stay the same: the "
                             "runner's download may not match the checksum");
    }
    if (profile.gitHubApiUrl.scheme() == "http"_L1 || profile.gitLabUrl.scheme() == "http"_L1)
        warnings << Text::tr("plain HTTP is only allowed to this machine (the sandbox)");
    return warnings;
}

QString fieldValue(const Profile &p, ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return p.name;
    case ProfileField::GitLabUrl:
        return p.gitLabUrl.toString();
    case ProfileField::GitLabProject:
        return p.gitLabProject;
    case ProfileField::Branch:
        return p.branch;
    case ProfileField::GitHubApiUrl:
        return p.gitHubApiUrl.toString();
    case ProfileField::RecipesRepo:
        return p.recipesRepo;
    case ProfileField::WorkflowFile:
        return p.workflowFile;
    case ProfileField::WorkflowRef:
        return p.workflowRef;
    case ProfileField::DispatchKind:
        return dispatchKindName(p.dispatchKind);
    case ProfileField::EventType:
        return p.eventType;
    case ProfileField::Recipe:
        return p.recipe;
    case ProfileField::InitPath:
        return p.initPath;
    case ProfileField::TarballSource:
        return tarballSourceName(p.tarballSource);
    case ProfileField::TarballJob:
        return p.tarballJob;
    case ProfileField::ArtifactPath:
        return p.artifactPath;
    case ProfileField::DefaultChannel:
        return p.defaultChannel;
    case ProfileField::DefaultLabel:
        return p.defaultLabel;
    case ProfileField::AnacondaApiUrl:
        return p.anacondaApiUrl.toString();
    case ProfileField::PatchEncoding:
        return release::patchEncodingName(p.patchEncoding);
    case ProfileField::DispatchIdInput:
        return p.dispatchIdInput;
    case ProfileField::GitLabCertificate:
        return p.gitLabCertificateFile;
    case ProfileField::GitHubCertificate:
        return p.gitHubCertificateFile;
    }
    return {};
}

bool setFieldValue(Profile &p, ProfileField field, const QString &value)
{
    switch (field) {
    case ProfileField::Name:
        p.name = value;
        return true;
    case ProfileField::GitLabUrl:
        p.gitLabUrl = QUrl(value, QUrl::StrictMode);
        return true;
    case ProfileField::GitLabProject:
        p.gitLabProject = value;
        return true;
    case ProfileField::Branch:
        p.branch = value;
        return true;
    case ProfileField::GitHubApiUrl:
        p.gitHubApiUrl = QUrl(value, QUrl::StrictMode);
        return true;
    case ProfileField::RecipesRepo:
        p.recipesRepo = value;
        return true;
    case ProfileField::WorkflowFile:
        p.workflowFile = value;
        return true;
    case ProfileField::WorkflowRef:
        p.workflowRef = value;
        return true;
    case ProfileField::DispatchKind:
        if (const auto kind = dispatchKindFromName(value)) {
            p.dispatchKind = *kind;
            return true;
        }
        return false;
    case ProfileField::EventType:
        p.eventType = value;
        return true;
    case ProfileField::Recipe:
        p.recipe = value;
        return true;
    case ProfileField::InitPath:
        p.initPath = value;
        return true;
    case ProfileField::TarballSource:
        if (const auto source = tarballSourceFromName(value)) {
            p.tarballSource = *source;
            return true;
        }
        return false;
    case ProfileField::TarballJob:
        p.tarballJob = value;
        return true;
    case ProfileField::ArtifactPath:
        p.artifactPath = value;
        return true;
    case ProfileField::DefaultChannel:
        p.defaultChannel = value;
        return true;
    case ProfileField::DefaultLabel:
        p.defaultLabel = value;
        return true;
    case ProfileField::AnacondaApiUrl:
        p.anacondaApiUrl = QUrl(value, QUrl::StrictMode);
        return true;
    case ProfileField::PatchEncoding:
        if (const auto encoding = release::patchEncodingFromName(value)) {
            p.patchEncoding = *encoding;
            return true;
        }
        return false;
    case ProfileField::DispatchIdInput:
        p.dispatchIdInput = value;
        return true;
    case ProfileField::GitLabCertificate:
        p.gitLabCertificateFile = value;
        return true;
    case ProfileField::GitHubCertificate:
        p.gitHubCertificateFile = value;
        return true;
    }
    return false;
}

QJsonObject profileToJson(const Profile &profile)
{
    QJsonObject json;
    for (const FieldInfo &info : kFields)
        json.insert(info.name, fieldValue(profile, info.field));
    return json;
}

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{ }

QStringList ProfileStore::names() const
{
    m_settings.beginGroup(u"profiles"_s);
    QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    names.sort();
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    return names().contains(name);
}

std::optional<Profile> ProfileStore::load(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    Profile profile;
    m_settings.beginGroup(u"profiles/"_s + name);
    for (const FieldInfo &info : kFields) {
        if (info.field == ProfileField::Name)
            continue;
        const QVariant value = m_settings.value(info.name);
        // A value that does not read back keeps the default; validation then speaks.
        if (value.isValid())
            setFieldValue(profile, info.field, value.toString());
    }
    m_settings.endGroup();
    profile.name = name;
    return profile;
}

QString ProfileStore::save(const Profile &profile)
{
    const QList<ProfileProblem> problems = validateProfile(profile);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const ProfileProblem &problem : problems)
            lines << profileFieldName(problem.field) + u": "_s + problem.message;
        return lines.join(u'\n');
    }
    m_settings.remove(u"profiles/"_s + profile.name);
    m_settings.beginGroup(u"profiles/"_s + profile.name);
    for (const FieldInfo &info : kFields) {
        if (info.field != ProfileField::Name)
            m_settings.setValue(info.name, fieldValue(profile, info.field));
    }
    m_settings.endGroup();
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return Text::tr("the settings file could not be written: %1").arg(m_settings.fileName());
    return {};
}

bool ProfileStore::remove(const QString &name)
{
    if (!contains(name))
        return false;
    m_settings.remove(u"profiles/"_s + name);
    m_settings.sync();
    return true;
}

}  // namespace rc::profiles
