// SPDX-License-Identifier: BSD-3-Clause
#include "cli/apprunner.h"
#include "kit/recipeskit.h"
#include "profiles/workflowcontract.h"
#include "release/payload.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using rc::kit::Builder;

Q_DECLARE_METATYPE(rc::kit::Builder)

namespace {

// SPEC §2: the eight inputs of the recipes repo's workflow, all required strings.
const QStringList kContractInputs {u"recipe"_s, u"url"_s,     u"sha256"_s, u"version"_s,
                                   u"build"_s,  u"channel"_s, u"label"_s,  u"patch"_s};

void addBuilderRows()
{
    QTest::addColumn<Builder>("builder");
    QTest::newRow("conda-build") << Builder::CondaBuild;
    QTest::newRow("rattler-build") << Builder::RattlerBuild;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// Every step of every job of a workflow, as yaml-cpp reads it.
QList<YAML::Node> stepsOf(const QByteArray &yaml)
{
    QList<YAML::Node> steps;
    const YAML::Node root = YAML::Load(yaml.toStdString());
    for (const auto &job : root["jobs"]) {
        for (const auto &step : job.second["steps"])
            steps.append(step);
    }
    return steps;
}

QString textOf(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

}  // namespace

class TestKit : public QObject
{
    Q_OBJECT

private slots:
    void builderNames_data();
    void builderNames();
    void kitFilesOfEachBuilder_data() { addBuilderRows(); }
    void kitFilesOfEachBuilder();
    void invalidRecipeGivesNoFiles();
    void exportWritesRefusesAndOverwrites_data() { addBuilderRows(); }
    void exportWritesRefusesAndOverwrites();
    void exportRefusesBadFolders();
    void workflowInputsAreTheContractPlusDispatchId_data() { addBuilderRows(); }
    void workflowInputsAreTheContractPlusDispatchId();
    void workflowFixesTheSeedsTraps_data() { addBuilderRows(); }
    void workflowFixesTheSeedsTraps();
    void cliExportsEachBuilder();
    void cliRefusesToOverwriteWithoutForce();
    void cliHelpAndUsageErrors();
};

void TestKit::builderNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<Builder>("builder");
    QTest::newRow("conda-build") << u"conda-build"_s << true << Builder::CondaBuild;
    QTest::newRow("rattler-build") << u"rattler-build"_s << true << Builder::RattlerBuild;
    QTest::newRow("upper case") << u"Conda-Build"_s << false << Builder::CondaBuild;
    QTest::newRow("conda") << u"conda"_s << false << Builder::CondaBuild;
    QTest::newRow("empty") << QString() << false << Builder::CondaBuild;
}

void TestKit::builderNames()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(Builder, builder);
    const std::optional<Builder> parsed = rc::kit::builderFromName(name);
    QCOMPARE(parsed.has_value(), known);
    if (known) {
        QCOMPARE(*parsed, builder);
        QCOMPARE(rc::kit::builderName(builder), name);
    }
    QCOMPARE(rc::kit::builderNames(), (QStringList {u"conda-build"_s, u"rattler-build"_s}));
}

void TestKit::kitFilesOfEachBuilder()
{
    QFETCH(Builder, builder);
    const QList<rc::kit::KitFile> files = rc::kit::kitFiles(builder, u"pb11mpi"_s);
    QStringList paths;
    for (const rc::kit::KitFile &file : files) {
        paths << file.path;
        QVERIFY2(!file.contents.isEmpty(), qPrintable(file.path));
        QVERIFY2(!file.contents.contains("@RECIPE@") && !file.contents.contains("@BUILDER@") &&
                     !file.contents.contains("@RECIPE_FILES@"),
                 qPrintable(file.path));
    }
    const QStringList expected = builder == Builder::CondaBuild
        ? QStringList {u".github/workflows/deploy.yml"_s, u"recipes/pb11mpi/meta.yaml"_s,
                       u"recipes/pb11mpi/build.sh"_s, u"recipes/pb11mpi/bld.bat"_s, u"README.md"_s}
        : QStringList {u".github/workflows/deploy.yml"_s, u"recipes/pb11mpi/recipe.yaml"_s,
                       u"recipes/pb11mpi/build.sh"_s, u"recipes/pb11mpi/build.bat"_s,
                       u"README.md"_s};
    QCOMPARE(paths, expected);
    QCOMPARE(files.first().contents, rc::kit::workflowYaml(builder));

    // The recipe is named after its folder and takes its source from the tarball's top folder,
    // beside recipes/ (SPEC §2: `source: path: ../../<recipe>`).
    const QByteArray recipe = files.at(1).contents;
    QVERIFY(recipe.contains("\"pb11mpi\""));
    QVERIFY(recipe.contains("path: ../../"));
    QVERIFY(recipe.contains("DEPLOY_VERSION") && recipe.contains("DEPLOY_BUILD"));
    const QByteArray readme = files.last().contents;
    QVERIFY(readme.contains("`pb11mpi`"));
    QVERIFY(readme.contains(rc::kit::builderName(builder).toUtf8()));
    QVERIFY(readme.contains(expected.at(1).toUtf8()));
    QVERIFY(readme.contains("dispatch_id"));
    // The YAML files are YAML (Jinja in meta.yaml sits in values and comments only where it
    // parses; recipe.yaml is plain YAML by design).
    QVERIFY(YAML::Load(files.first().contents.toStdString()).IsMap());
    if (builder == Builder::RattlerBuild)
        QVERIFY(YAML::Load(recipe.toStdString())["context"]["name"].Scalar() == "pb11mpi");
}

void TestKit::invalidRecipeGivesNoFiles()
{
    QVERIFY(rc::kit::kitFiles(Builder::CondaBuild, u"../escape"_s).isEmpty());
    QVERIFY(rc::kit::kitFiles(Builder::CondaBuild, QString()).isEmpty());
    QCOMPARE(rc::kit::kitFiles(Builder::CondaBuild).at(1).path, u"recipes/mypackage/meta.yaml"_s);
}

void TestKit::exportWritesRefusesAndOverwrites()
{
    QFETCH(Builder, builder);
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString root = temporary.filePath(u"new-repo"_s);  // made by the export
    const QList<rc::kit::KitFile> files = rc::kit::kitFiles(builder, u"veloxchem"_s);

    const rc::kit::KitExportResult first = rc::kit::exportKit(root, builder, false, u"veloxchem"_s);
    QVERIFY2(first.ok(), qPrintable(first.error.message));
    QCOMPARE(first.writtenPaths.size(), files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = QDir(root).filePath(files.at(i).path);
        QCOMPARE(QDir::fromNativeSeparators(first.writtenPaths.at(i)), path);
        QCOMPARE(readFile(path), files.at(i).contents);
    }
    QVERIFY(QFileInfo(QDir(root).filePath(u"recipes/veloxchem/build.sh"_s)).isExecutable());

    // A maintainer's edit survives an export without overwriting, and nothing else is written.
    const QString workflow = QDir(root).filePath(u".github/workflows/deploy.yml"_s);
    const QString readme = QDir(root).filePath(u"README.md"_s);
    {
        QFile edit(workflow);
        QVERIFY(edit.open(QIODevice::WriteOnly | QIODevice::Truncate));
        edit.write("# mine\n");
    }
    QVERIFY(QFile::remove(readme));
    const rc::kit::KitExportResult refused =
        rc::kit::exportKit(root, builder, false, u"veloxchem"_s);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.kind, rc::kit::KitError::Kind::Exists);
    QVERIFY(refused.writtenPaths.isEmpty());
    QVERIFY2(refused.error.message.contains(QDir::toNativeSeparators(workflow)),
             qPrintable(refused.error.message));
    QCOMPARE(readFile(workflow), "# mine\n"_ba);
    QVERIFY(!QFileInfo::exists(readme));

    const rc::kit::KitExportResult forced = rc::kit::exportKit(root, builder, true, u"veloxchem"_s);
    QVERIFY2(forced.ok(), qPrintable(forced.error.message));
    QCOMPARE(forced.writtenPaths.size(), files.size());
    QCOMPARE(readFile(workflow), rc::kit::workflowYaml(builder));
    QCOMPARE(readFile(readme), files.last().contents);
}

void TestKit::exportRefusesBadFolders()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const rc::kit::KitExportResult badRecipe =
        rc::kit::exportKit(temporary.path(), Builder::CondaBuild, false, u"Velox Chem"_s);
    QCOMPARE(badRecipe.error.kind, rc::kit::KitError::Kind::InvalidRecipe);
    QVERIFY(badRecipe.error.message.startsWith(u"recipe: "_s));
    QVERIFY(QDir(temporary.path()).isEmpty());

    QCOMPARE(rc::kit::exportKit(QString(), Builder::CondaBuild, false).error.kind,
             rc::kit::KitError::Kind::InvalidFolder);
    const QString file = temporary.filePath(u"a-file"_s);
    {
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
    }
    const rc::kit::KitExportResult onFile = rc::kit::exportKit(file, Builder::CondaBuild, true);
    QCOMPARE(onFile.error.kind, rc::kit::KitError::Kind::InvalidFolder);
    QVERIFY(onFile.writtenPaths.isEmpty());

    // A folder where the kit puts a file: nothing is half-written before it.
    const QString blocked = temporary.filePath(u"blocked"_s);
    QVERIFY(QDir().mkpath(blocked + u"/README.md"_s));
    const rc::kit::KitExportResult onFolder =
        rc::kit::exportKit(blocked, Builder::CondaBuild, false);
    QCOMPARE(onFolder.error.kind, rc::kit::KitError::Kind::Exists);
    QVERIFY(!QFileInfo::exists(blocked + u"/.github"_s));
}

void TestKit::workflowInputsAreTheContractPlusDispatchId()
{
    QFETCH(Builder, builder);
    const rc::profiles::WorkflowContract contract =
        rc::profiles::parseWorkflow(rc::kit::workflowYaml(builder));
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QVERIFY(contract.hasWorkflowDispatch);
    QVERIFY(!contract.hasRepositoryDispatch);

    QStringList names;
    QStringList required;
    for (const rc::profiles::WorkflowInput &input : contract.inputs) {
        names << input.name;
        QCOMPARE(input.type, u"string"_s);
        if (input.required)
            required << input.name;
    }
    QCOMPARE(names, kContractInputs + QStringList {QString(rc::kit::kDispatchIdInput)});
    QCOMPARE(required, kContractInputs);

    // What the app sends is exactly the required inputs, in any order.
    rc::release::ReleaseSpec spec {u"veloxchem"_s,
                                   QString(40, u'a'),
                                   u"https://gitlab.example/x"_s,
                                   QString(64, u'b'),
                                   u"1.0"_s,
                                   u"0"_s,
                                   u"veloxchem"_s,
                                   u"main"_s,
                                   u"--- a/x\n+++ b/x\n"_s,
                                   {},
                                   {}};
    const rc::release::Payload payload = rc::release::buildWorkflowDispatch(spec, u"main"_s);
    QVERIFY(payload.ok());
    QStringList sent =
        QJsonDocument::fromJson(payload.json).object().value(u"inputs"_s).toObject().keys();
    QStringList expectedSent = kContractInputs;
    sent.sort();
    expectedSent.sort();
    QCOMPARE(sent, expectedSent);
    // A profile whose dispatch id input is the kit's sends every input the workflow declares.
    rc::release::ReleaseSpec withDispatchId = spec;
    withDispatchId.dispatchIdInput = QString(rc::kit::kDispatchIdInput);
    withDispatchId.dispatchId = u"rc-0123abcd"_s;
    const QJsonObject sentWithId =
        QJsonDocument::fromJson(rc::release::buildWorkflowDispatch(withDispatchId, u"main"_s).json)
            .object()
            .value(u"inputs"_s)
            .toObject();
    QStringList sentNames = sentWithId.keys();
    sentNames.sort();
    QStringList declared = names;
    declared.sort();
    QCOMPARE(sentNames, declared);
    QCOMPARE(sentWithId.value(u"dispatch_id"_s).toString(), u"rc-0123abcd"_s);

    const rc::profiles::ContractCheck check =
        rc::profiles::checkContract(contract, rc::profiles::ContractDispatch::Workflow, {}, sent);
    QVERIFY2(check.ok(), qPrintable(check.problems.join(u"; "_s)));
    QVERIFY(check.missingInputs.isEmpty());
    QCOMPARE(check.extraInputs, QStringList {QString(rc::kit::kDispatchIdInput)});
    // Sending the dispatch id too leaves nothing over.
    const rc::profiles::ContractCheck withId =
        rc::profiles::checkContract(contract, rc::profiles::ContractDispatch::Workflow, {},
                                    sent + QStringList {QString(rc::kit::kDispatchIdInput)});
    QVERIFY(withId.ok() && withId.extraInputs.isEmpty() && withId.missingInputs.isEmpty());
}

void TestKit::workflowFixesTheSeedsTraps()
{
    QFETCH(Builder, builder);
    const QByteArray yaml = rc::kit::workflowYaml(builder);
    const rc::profiles::WorkflowContract contract = rc::profiles::parseWorkflow(yaml);
    QVERIFY2(contract.ok(), qPrintable(contract.error));

    // run-name carries what identifies the release and the dispatch.
    QVERIFY(contract.hasRunName);
    for (const QString &input : {u"recipe"_s, u"version"_s, u"build"_s, u"dispatch_id"_s})
        QVERIFY2(contract.runName.contains(u"${{ inputs."_s + input + u" }}"_s),
                 qPrintable(contract.runName));

    // Runs queue instead of cancelling each other.
    QVERIFY(contract.hasConcurrency);
    QVERIFY(!contract.cancelsInProgress);
    QVERIFY(contract.jobsCancellingInProgress.isEmpty());
    QVERIFY(yaml.contains("cancel-in-progress: false\n"));

    // A failed build fails its job: nothing may continue on error.
    QVERIFY(!yaml.contains("continue-on-error"));

    const QList<YAML::Node> steps = stepsOf(yaml);
    QVERIFY(steps.size() > 10);
    for (const auto &job : YAML::Load(yaml.toStdString())["jobs"])
        QVERIFY(!job.second["continue-on-error"]);
    for (const YAML::Node &step : steps)
        QVERIFY2(!step["continue-on-error"], qPrintable(textOf(step["name"])));
    bool checksum = false;
    bool patchFromEnvironment = false;
    bool summaryUploadedAlways = false;
    bool summaryWrittenAlways = false;
    for (const YAML::Node &step : steps) {
        const QString name = textOf(step["name"]);
        const QString run = textOf(step["run"]);
        // No input is pasted into a script: bash would read it as code.
        QVERIFY2(!run.contains(u"inputs."_s) && !run.contains(u"github.event"_s),
                 qPrintable(name + u": "_s + run));
        QVERIFY2(!run.contains(u"${{ inputs.patch }}"_s), qPrintable(name));
        checksum = checksum || run.contains(u"sha256sum --strict --check"_s);
        if (name == u"Write patch"_s) {
            QCOMPARE(textOf(step["env"]["PATCH"]), u"${{ inputs.patch }}"_s);
            QVERIFY(run.contains(u"printf '%s' \"$PATCH\""_s));
            patchFromEnvironment = true;
        }
        if (name == u"Write build summary"_s) {
            summaryWrittenAlways = textOf(step["if"]) == u"always()"_s &&
                run.contains(u"\"outcome\""_s) && run.contains(u"summary.json"_s);
        }
        if (textOf(step["uses"]).startsWith(u"actions/upload-artifact@"_s)) {
            summaryUploadedAlways = textOf(step["if"]) == u"always()"_s &&
                textOf(step["with"]["name"]) ==
                    u"build_summary-${{ matrix.os }}_${{ matrix.python }}_${{ matrix.mpi }}"_s &&
                textOf(step["with"]["path"]) == u"summary.json"_s;
        }
    }
    QVERIFY(checksum);
    QVERIFY(patchFromEnvironment);
    QVERIFY(summaryWrittenAlways);
    QVERIFY(summaryUploadedAlways);

    // The matrix of SPEC §2.
    const YAML::Node matrix = YAML::Load(yaml.toStdString())["jobs"]["build"]["strategy"]["matrix"];
    QStringList systems;
    for (const auto &os : matrix["os"])
        systems << QString::fromStdString(os.Scalar());
    QCOMPARE(systems, (QStringList {u"ubuntu-latest"_s, u"macos-14"_s, u"windows-2022"_s}));
    QStringList pythons;
    for (const auto &python : matrix["python"])
        pythons << QString::fromStdString(python.Scalar());
    QCOMPARE(pythons, (QStringList {u"3.12"_s, u"3.13"_s}));
    QCOMPARE(matrix["exclude"].size(), std::size_t(3));

    // The builder named is the one used.
    const QString builderTool =
        builder == Builder::CondaBuild ? u"conda build "_s : u"rattler-build build "_s;
    QVERIFY(QString::fromUtf8(yaml).contains(builderTool));
}

void TestKit::cliExportsEachBuilder()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    for (const Builder builder : {Builder::CondaBuild, Builder::RattlerBuild}) {
        const QString name = rc::kit::builderName(builder);
        const QString root = temporary.filePath(name);
        const AppOutcome outcome = runApp(
            {u"kit"_s, u"export"_s, root, u"--builder"_s, name, u"--recipe"_s, u"pb11mpi"_s});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY2(outcome.err.isEmpty(), qPrintable(outcome.err));
        const QStringList printed = outcome.out.split(u'\n', Qt::SkipEmptyParts);
        const QList<rc::kit::KitFile> files = rc::kit::kitFiles(builder, u"pb11mpi"_s);
        QCOMPARE(printed.size(), files.size());
        for (qsizetype i = 0; i < files.size(); ++i) {
            QCOMPARE(QDir::fromNativeSeparators(printed.at(i)),
                     QDir(root).filePath(files.at(i).path));
            QCOMPARE(readFile(printed.at(i)), files.at(i).contents);
        }
    }
    // Without --builder: conda-build, recipe "mypackage".
    const QString byDefault = temporary.filePath(u"default"_s);
    const AppOutcome plain = runApp({u"kit"_s, u"export"_s, byDefault});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QVERIFY(QFileInfo::exists(byDefault + u"/recipes/mypackage/meta.yaml"_s));
}

void TestKit::cliRefusesToOverwriteWithoutForce()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString root = temporary.path();
    QCOMPARE(runApp({u"kit"_s, u"export"_s, root}).exitCode, 0);
    const QString workflow = root + u"/.github/workflows/deploy.yml"_s;
    {
        QFile edit(workflow);
        QVERIFY(edit.open(QIODevice::WriteOnly | QIODevice::Truncate));
        edit.write("# mine\n");
    }
    const AppOutcome refused = runApp({u"kit"_s, u"export"_s, root});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains(u"already exists"_s), qPrintable(refused.err));
    QCOMPARE(readFile(workflow), "# mine\n"_ba);

    const AppOutcome forced = runApp({u"kit"_s, u"export"_s, root, u"--force"_s});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QCOMPARE(readFile(workflow), rc::kit::workflowYaml(Builder::CondaBuild));
}

void TestKit::cliHelpAndUsageErrors()
{
    const AppOutcome help = runApp({u"kit"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.startsWith(u"Usage: release-console kit export DIR [--builder "
                                 "conda-build|rattler-build]"_s),
             qPrintable(help.out));
    QVERIFY(help.out.contains(u"--force"_s) && help.out.contains(u"--recipe"_s));
    QCOMPARE(runApp({u"help"_s, u"kit"_s}).out, help.out);
    QVERIFY(runApp({u"--help"_s}).out.contains(u"\n  kit "_s));

    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const AppOutcome badBuilder =
        runApp({u"kit"_s, u"export"_s, temporary.path(), u"--builder"_s, u"conda"_s});
    QCOMPARE(badBuilder.exitCode, 2);
    QVERIFY2(badBuilder.err.contains(u"'conda' is not one of conda-build, rattler-build"_s),
             qPrintable(badBuilder.err));
    QVERIFY(QDir(temporary.path()).isEmpty());

    const AppOutcome badRecipe =
        runApp({u"kit"_s, u"export"_s, temporary.path(), u"--recipe"_s, u"Velox"_s});
    QCOMPARE(badRecipe.exitCode, 2);
    QVERIFY2(badRecipe.err.startsWith(u"error: recipe: "_s), qPrintable(badRecipe.err));
    QVERIFY(QDir(temporary.path()).isEmpty());

    for (const QStringList &arguments :
         {QStringList {u"kit"_s}, QStringList {u"kit"_s, u"export"_s},
          QStringList {u"kit"_s, u"import"_s, temporary.path()},
          QStringList {u"kit"_s, u"export"_s, temporary.path(), u"extra"_s},
          QStringList {u"kit"_s, u"export"_s, temporary.path(), u"--nope"_s}}) {
        const AppOutcome outcome = runApp(arguments);
        QVERIFY2(outcome.exitCode == 2, qPrintable(arguments.join(u' ')));
        QVERIFY2(outcome.err.startsWith(u"error: "_s), qPrintable(outcome.err));
    }
    QVERIFY(QDir(temporary.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestKit)
#include "tst_kit.moc"
