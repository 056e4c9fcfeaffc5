// SPDX-License-Identifier: BSD-3-Clause
#include "cli/kitcommand.h"

#include "cli/cli.h"
#include "kit/recipeskit.h"
#include "secrets/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::KitCommand)
};

const QString kSynopsis =
    u"export DIR [--builder conda-build|rattler-build] [--recipe NAME] [--force]"_s;

}  // namespace

int runKitCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Writes a starting point for a new recipes repo: the deploy workflow (the 8 "
                 "inputs of the release contract plus an optional dispatch_id, a run title "
                 "carrying them, failed builds failing their job, the patch read from an "
                 "environment variable, queued runs), a recipe template and a README.\n"
                 "Existing files are never replaced without --force."));
    const QCommandLineOption builder(
        u"builder"_s,
        Text::tr("conda-build (recipe meta.yaml, default) or rattler-build "
                 "(recipe.yaml)"),
        u"name"_s, kit::builderName(kit::Builder::CondaBuild));
    const QCommandLineOption recipe(
        u"recipe"_s,
        Text::tr("name of the recipe folder under recipes/ (default %1)").arg(kit::kDefaultRecipe),
        u"name"_s, QString(kit::kDefaultRecipe));
    const QCommandLineOption force(u"force"_s, Text::tr("replace the kit's files if they exist"));
    const QCommandLineOption help({u"h"_s, u"help"_s}, Text::tr("show this help"));
    parser.addOptions({builder, recipe, force, help});
    parser.addPositionalArgument(u"export"_s, Text::tr("write the kit"));
    parser.addPositionalArgument(u"DIR"_s, Text::tr("folder of the new recipes repo"));
    const QString program = arguments.value(0);
    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, program, kSynopsis);
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.constFirst() != "export"_L1) {
        err << Text::tr("error: expected '%1 %2'").arg(program, kSynopsis) << u'\n';
        return InvalidInput;
    }
    const std::optional<kit::Builder> chosen = kit::builderFromName(parser.value(builder));
    if (!chosen) {
        err << Text::tr("error: --builder: '%1' is not one of %2")
                   .arg(secrets::redactTokenShapes(parser.value(builder)),
                        kit::builderNames().join(u", "_s))
            << u'\n';
        return InvalidInput;
    }

    const kit::KitExportResult result =
        kit::exportKit(positional.at(1), *chosen, parser.isSet(force), parser.value(recipe));
    for (const QString &path : result.writtenPaths)
        out << path << u'\n';
    if (!result.ok()) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(result.error.message)) << u'\n';
        if (result.error.kind == kit::KitError::Kind::Exists)
            err << Text::tr("hint: --force replaces the kit's files") << u'\n';
        const bool usage = result.error.kind == kit::KitError::Kind::InvalidRecipe ||
            result.error.kind == kit::KitError::Kind::InvalidFolder ||
            result.error.kind == kit::KitError::Kind::Exists;
        return usage ? InvalidInput : Failure;
    }
    return Success;
}

}  // namespace rc::cli
