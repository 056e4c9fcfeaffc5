// SPDX-License-Identifier: BSD-3-Clause
#include "kit/recipeskit.h"

#include "release/validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace rc::kit {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::kit::RecipesKit)
};

// Where the templates are compiled in (app/kit/CMakeLists.txt).
const QString kTemplateRoot = u":/rc/kit/"_s;
// Replaced in the recipe templates and README.md by the recipe folder's name.
constexpr QByteArrayView kRecipePlaceholder = "@RECIPE@";

struct TemplateFile
{
    QLatin1StringView resource;  // under kTemplateRoot
    QLatin1StringView fileName;  // under recipes/<recipe>/
};

constexpr TemplateFile kCondaBuildRecipe[] = {
    {"conda-build/meta.yaml"_L1, "meta.yaml"_L1},
    {"conda-build/build.sh"_L1, "build.sh"_L1},
    {"conda-build/bld.bat"_L1, "bld.bat"_L1},
};
constexpr TemplateFile kRattlerBuildRecipe[] = {
    {"rattler-build/recipe.yaml"_L1, "recipe.yaml"_L1},
    {"rattler-build/build.sh"_L1, "build.sh"_L1},
    {"rattler-build/build.bat"_L1, "build.bat"_L1},
};

QByteArray templateBytes(const QString &resource)
{
    QFile file(kTemplateRoot + resource);
    // The templates are compiled in: failing to open one is a build mistake, not a user's.
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "rc::kit", "a kit template is missing from the resources");
    return opened ? file.readAll() : QByteArray();
}

QLatin1StringView builderFolder(Builder builder)
{
    return builder == Builder::RattlerBuild ? "rattler-build"_L1 : "conda-build"_L1;
}

QByteArray readme(Builder builder, const QString &recipe, const QStringList &recipeFiles)
{
    QByteArray listing;
    for (const QString &path : recipeFiles)
        listing += (path.leftJustified(30) + u' ').toUtf8() +
            (path.endsWith(u".yaml"_s) ? "the recipe" : "its build script") + '\n';
    listing.chop(1);
    QByteArray text = templateBytes(u"README.md"_s);
    text.replace("@BUILDER@", builderName(builder).toUtf8());
    text.replace("@RECIPE_FILES@", listing);
    return text.replace(kRecipePlaceholder, recipe.toUtf8());
}

KitExportResult failure(KitError::Kind kind, const QString &message, const QString &path,
                        QStringList written = {})
{
    KitExportResult result;
    result.error = {kind, message, QDir::toNativeSeparators(path)};
    result.writtenPaths = std::move(written);
    return result;
}

}  // namespace

std::optional<Builder> builderFromName(QStringView name)
{
    if (name == "conda-build"_L1)
        return Builder::CondaBuild;
    if (name == "rattler-build"_L1)
        return Builder::RattlerBuild;
    return std::nullopt;
}

QString builderName(Builder builder)
{
    return builderFolder(builder);
}

QStringList builderNames()
{
    return {builderName(Builder::CondaBuild), builderName(Builder::RattlerBuild)};
}

QByteArray workflowYaml(Builder builder)
{
    return templateBytes(builderFolder(builder) + u"/deploy.yml"_s);
}

QList<KitFile> kitFiles(Builder builder, const QString &recipe)
{
    if (!release::checkRecipe(recipe).isEmpty())
        return {};
    QList<KitFile> files {{QString(kWorkflowPath), workflowYaml(builder)}};
    const auto recipeTemplates = builder == Builder::RattlerBuild
        ? QList<TemplateFile>(std::begin(kRattlerBuildRecipe), std::end(kRattlerBuildRecipe))
        : QList<TemplateFile>(std::begin(kCondaBuildRecipe), std::end(kCondaBuildRecipe));
    QStringList recipeFiles;
    for (const TemplateFile &file : recipeTemplates) {
        const QString path = u"recipes/"_s + recipe + u'/' + file.fileName;
        files.append(
            {path, templateBytes(file.resource).replace(kRecipePlaceholder, recipe.toUtf8())});
        recipeFiles.append(path);
    }
    files.append({u"README.md"_s, readme(builder, recipe, recipeFiles)});
    return files;
}

KitExportResult exportKit(const QString &directory, Builder builder, bool overwrite,
                          const QString &recipe)
{
    if (const QString reason = release::checkRecipe(recipe); !reason.isEmpty())
        return failure(KitError::Kind::InvalidRecipe, Text::tr("recipe: %1").arg(reason), {});
    if (directory.trimmed().isEmpty())
        return failure(KitError::Kind::InvalidFolder,
                       Text::tr("no folder given to export the kit into"), {});
    const QFileInfo root(directory);
    if (root.exists() && !root.isDir())
        return failure(
            KitError::Kind::InvalidFolder,
            Text::tr("'%1' is a file, not a folder").arg(QDir::toNativeSeparators(directory)),
            directory);

    const QList<KitFile> files = kitFiles(builder, recipe);
    const QDir base(root.absoluteFilePath());
    // Every refusal before the first write: an export never leaves half a kit over a repo.
    if (!overwrite) {
        for (const KitFile &file : files) {
            const QString target = base.filePath(file.path);
            if (QFileInfo::exists(target))
                return failure(KitError::Kind::Exists,
                               Text::tr("'%1' already exists; nothing was written")
                                   .arg(QDir::toNativeSeparators(target)),
                               target);
        }
    }

    QStringList written;
    for (const KitFile &file : files) {
        const QString target = base.filePath(file.path);
        const QString folder = QFileInfo(target).absolutePath();
        if (!QDir().mkpath(folder))
            return failure(
                KitError::Kind::WriteFailed,
                Text::tr("cannot make the folder '%1'").arg(QDir::toNativeSeparators(folder)),
                folder, written);
        if (QFileInfo(target).isDir())
            return failure(
                KitError::Kind::WriteFailed,
                Text::tr("cannot write '%1': it is a folder").arg(QDir::toNativeSeparators(target)),
                target, written);
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.contents) != file.contents.size() ||
            !out.commit()) {
            return failure(KitError::Kind::WriteFailed,
                           Text::tr("cannot write '%1': %2")
                               .arg(QDir::toNativeSeparators(target), out.errorString()),
                           target, written);
        }
        if (file.path.endsWith(u".sh"_s)) {
            // The build script runs as a program on Linux and macOS.
            QFile::setPermissions(target,
                                  QFile::permissions(target) | QFileDevice::ExeOwner |
                                      QFileDevice::ExeGroup | QFileDevice::ExeOther);
        }
        written.append(QDir::toNativeSeparators(target));
    }
    KitExportResult result;
    result.writtenPaths = written;
    return result;
}

}  // namespace rc::kit
