// SPDX-License-Identifier: BSD-3-Clause
#include "cli/profilescommand.h"

#include "cli/cli.h"
#include "secrets/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::ProfilesCommand)
};

using profiles::Profile;
using profiles::ProfileField;

QString fieldHelp(ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return {};
    case ProfileField::GitLabUrl:
        return Text::tr("GitLab instance, e.g. https://gitlab.com");
    case ProfileField::GitLabProject:
        return Text::tr("GitLab project path (group/project) or id");
    case ProfileField::Branch:
        return Text::tr("branch whose commits are released");
    case ProfileField::GitHubApiUrl:
        return Text::tr("GitHub API, https://api.github.com or https://HOST/api/v3");
    case ProfileField::RecipesRepo:
        return Text::tr("recipes repository, owner/name");
    case ProfileField::WorkflowFile:
        return Text::tr("workflow file name, e.g. deploy-cxx.yml");
    case ProfileField::WorkflowRef:
        return Text::tr("recipes repo branch the workflow runs on");
    case ProfileField::DispatchKind:
        return Text::tr("workflow or repository (dispatch kind)");
    case ProfileField::EventType:
        return Text::tr("repository dispatch event type");
    case ProfileField::Recipe:
        return Text::tr("conda recipe folder name");
    case ProfileField::InitPath:
        return Text::tr("path of __init__.py in the GitLab project");
    case ProfileField::TarballSource:
        return Text::tr("job-artifact or archive");
    case ProfileField::TarballJob:
        return Text::tr("CI job that makes the tarball");
    case ProfileField::ArtifactPath:
        return Text::tr("artifact path in that job (default <recipe>.tar.bz2)");
    case ProfileField::DefaultChannel:
        return Text::tr("default anaconda.org channel");
    case ProfileField::DefaultLabel:
        return Text::tr("default anaconda.org label");
    case ProfileField::AnacondaApiUrl:
        return Text::tr("anaconda.org API");
    case ProfileField::PatchEncoding:
        return Text::tr("printf (the seed's printf '<patch>') or raw (environment variable)");
    case ProfileField::DispatchIdInput:
        return Text::tr("workflow input that gets a fresh id per dispatch (kit: dispatch_id)");
    case ProfileField::GitLabCertificate:
        return Text::tr("PEM file: a self-signed certificate to trust for the GitLab instance");
    case ProfileField::GitHubCertificate:
        return Text::tr("PEM file: a self-signed certificate to trust for the GitHub API host");
    }
    return {};
}

void printProfile(const Profile &profile, QTextStream &out)
{
    for (const ProfileField field : profiles::allProfileFields())
        out << QString(profiles::profileFieldName(field) + u':').leftJustified(17)
            << profiles::fieldValue(profile, field) << u'\n';
    for (const QString &warning : profiles::profileWarnings(profile))
        out << Text::tr("warning: %1").arg(warning) << u'\n';
}

}  // namespace

int runProfilesCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const GlobalOptions &global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Lists, shows, adds, edits and removes release profiles (one per recipe).\n"
                 "Profiles are stored in the settings, never a token.\n\n"
                 "  list                 every profile\n"
                 "  show NAME            one profile\n"
                 "  add NAME --OPTION…   a new profile (--gitlab-project, --recipes-repo and "
                 "--recipe at least)\n"
                 "  edit NAME --OPTION…  change some settings\n"
                 "  remove NAME          delete it"));
    const QCommandLineOption json(u"json"_s, Text::tr("print JSON"));
    const QCommandLineOption help({u"h"_s, u"help"_s}, Text::tr("show this help"));
    QList<std::pair<ProfileField, QCommandLineOption>> fieldOptions;
    for (const ProfileField field : profiles::allProfileFields()) {
        if (field == ProfileField::Name)
            continue;
        fieldOptions.append(
            {field,
             QCommandLineOption(profiles::profileFieldName(field), fieldHelp(field), u"value"_s)});
    }
    parser.addOption(json);
    for (const auto &[field, option] : std::as_const(fieldOptions))
        parser.addOption(option);
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, arguments.constFirst(),
                           Text::tr("list|show|add|edit|remove [NAME] [options]"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, u"list"_s);
    const QString name = positional.value(1);

    flow::ReleaseEnvironment::Options environmentOptions;
    environmentOptions.sandbox = global.sandbox;
    QString error;
    const auto environment = flow::ReleaseEnvironment::create(environmentOptions, &error);
    if (!environment) {
        err << Text::tr("error: %1").arg(error) << u'\n';
        return Failure;
    }
    profiles::ProfileStore &store = environment->profiles();

    const auto needName = [&]() {
        if (!name.isEmpty() && positional.size() == 2)
            return true;
        err << Text::tr("error: '%1' takes one profile name").arg(action) << u'\n';
        return false;
    };

    if (action == "list"_L1) {
        if (positional.size() > 1) {
            err << Text::tr("error: 'list' takes no name") << u'\n';
            return InvalidInput;
        }
        const QStringList names = store.names();
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const QString &each : names) {
                if (const auto profile = store.load(each))
                    array.append(profiles::profileToJson(*profile));
            }
            out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            return Success;
        }
        if (names.isEmpty())
            out << Text::tr("No profiles yet. Add one with 'release-console profiles add NAME "
                            "--gitlab-project … --recipes-repo … --recipe …'.")
                << u'\n';
        for (const QString &each : names) {
            const auto profile = store.load(each);
            out << each.leftJustified(16) << u' ' << profile->recipe.leftJustified(16) << u' '
                << profile->gitLabProject << u" → "_s << profile->recipesRepo << u'/'
                << profile->workflowFile << u'\n';
        }
        return Success;
    }
    if (action == "show"_L1) {
        if (!needName())
            return InvalidInput;
        const auto profile = store.load(name);
        if (!profile) {
            err << Text::tr("error: no profile named '%1'").arg(secrets::redactTokenShapes(name))
                << u'\n';
            return InvalidInput;
        }
        if (parser.isSet(json))
            out << QString::fromUtf8(
                QJsonDocument(profiles::profileToJson(*profile)).toJson(QJsonDocument::Indented));
        else
            printProfile(*profile, out);
        return Success;
    }
    if (action == "add"_L1 || action == "edit"_L1) {
        if (!needName())
            return InvalidInput;
        const bool adding = action == "add"_L1;
        std::optional<Profile> existing = store.load(name);
        if (adding && existing) {
            err << Text::tr("error: a profile named '%1' exists; use 'edit'").arg(name) << u'\n';
            return InvalidInput;
        }
        if (!adding && !existing) {
            err << Text::tr("error: no profile named '%1'").arg(secrets::redactTokenShapes(name))
                << u'\n';
            return InvalidInput;
        }
        Profile profile = existing.value_or(Profile {});
        profile.name = name;
        QStringList problems;
        for (const auto &[field, option] : std::as_const(fieldOptions)) {
            if (!parser.isSet(option))
                continue;
            if (!profiles::setFieldValue(profile, field, parser.value(option)))
                problems << Text::tr("%1: '%2' is not one of the accepted values")
                                .arg(profiles::profileFieldName(field),
                                     secrets::redactTokenShapes(parser.value(option)));
        }
        if (problems.isEmpty()) {
            const QString saved = store.save(profile);
            if (!saved.isEmpty())
                problems = saved.split(u'\n');
        }
        if (!problems.isEmpty()) {
            for (const QString &problem : std::as_const(problems))
                err << Text::tr("error: %1").arg(problem) << u'\n';
            return InvalidInput;
        }
        for (const QString &warning : profiles::profileWarnings(profile))
            err << Text::tr("warning: %1").arg(warning) << u'\n';
        out << (adding ? Text::tr("Added profile '%1'.") : Text::tr("Saved profile '%1'."))
                   .arg(name)
            << u'\n';
        return Success;
    }
    if (action == "remove"_L1) {
        if (!needName())
            return InvalidInput;
        if (!store.remove(name)) {
            err << Text::tr("error: no profile named '%1'").arg(secrets::redactTokenShapes(name))
                << u'\n';
            return InvalidInput;
        }
        out << Text::tr("Removed profile '%1'.").arg(name) << u'\n';
        return Success;
    }
    err << Text::tr("error: unknown action '%1': list, show, add, edit or remove")
               .arg(secrets::redactTokenShapes(action))
        << u'\n';
    return InvalidInput;
}

}  // namespace rc::cli
