// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace rc::kit {

// What builds the packages in the exported recipes repo.
enum class Builder {
    CondaBuild,    // recipes/<recipe>/meta.yaml
    RattlerBuild,  // recipes/<recipe>/recipe.yaml (where conda-forge is heading)
};

// "conda-build", "rattler-build"; nullopt for any other name.
std::optional<Builder> builderFromName(QStringView name);
QString builderName(Builder builder);
// Every builder's name, in enum order.
QStringList builderNames();

// Where the deploy workflow lives in the recipes repo, and its file name (the profile's
// workflow file).
inline constexpr auto kWorkflowPath = QLatin1StringView(".github/workflows/deploy.yml");
inline constexpr auto kWorkflowFileName = QLatin1StringView("deploy.yml");
// The optional input the kit's workflow adds to SPEC §2's eight: the sender's identifier of a
// dispatch, shown in the run's title (`run-name`).
inline constexpr auto kDispatchIdInput = QLatin1StringView("dispatch_id");
// The recipe folder the kit writes when no name is given.
inline constexpr auto kDefaultRecipe = QLatin1StringView("mypackage");

// One file of the kit: `path` relative to the repository's root, with '/' separators.
struct KitFile
{
    QString path;
    QByteArray contents;

    friend bool operator==(const KitFile &, const KitFile &) = default;
};

// The deploy workflow for `builder`, exactly as exported.
QByteArray workflowYaml(Builder builder);

// The kit's files for the recipe folder `recipe` (a valid recipe name, see rc::checkRecipe;
// an invalid one gives an empty list): the workflow, the recipe template under
// recipes/<recipe>/ and README.md, in that order.
QList<KitFile> kitFiles(Builder builder, const QString &recipe = QString(kDefaultRecipe));

// Why an export wrote nothing, or stopped part-way.
struct KitError
{
    enum class Kind {
        None,
        InvalidRecipe,  // the recipe name is not a conda recipe folder name
        InvalidFolder,  // no folder given, or the path is a file
        Exists,         // a kit file is already there and overwriting was not asked for
        WriteFailed,    // a folder or file could not be written
    };

    Kind kind = Kind::None;
    QString message;  // one human sentence, naming the path
    QString path;     // the file or folder concerned, when there is one

    bool isError() const { return kind != Kind::None; }
};

struct KitExportResult
{
    KitError error;
    // Absolute paths (native separators) of the files written, in kitFiles() order; on
    // WriteFailed, those written before the failure.
    QStringList writtenPaths;

    bool ok() const { return !error.isError(); }
};

// Writes the kit under `directory` (made if missing). Unless `overwrite`, refuses, writing
// nothing, when any kit file already exists there.
KitExportResult exportKit(const QString &directory, Builder builder, bool overwrite,
                          const QString &recipe = QString(kDefaultRecipe));

}  // namespace rc::kit
