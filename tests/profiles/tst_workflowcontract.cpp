// SPDX-License-Identifier: BSD-3-Clause
#include "profiles/workflowcontract.h"
#include "support/sanitizers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using rc::profiles::checkContract;
using rc::profiles::ContractCheck;
using rc::profiles::ContractDispatch;
using rc::profiles::parseWorkflow;
using rc::profiles::WorkflowContract;
using rc::profiles::WorkflowInput;

Q_DECLARE_METATYPE(rc::profiles::ContractDispatch)

namespace {

// The inputs the app sends with every workflow_dispatch (SPEC §2).
const QStringList kSentInputs = {u"recipe"_s, u"url"_s,     u"sha256"_s, u"version"_s,
                                 u"build"_s,  u"channel"_s, u"label"_s,  u"patch"_s};

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(RC_WORKFLOW_TEST_DATA "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the fixture %s", name);
    return file.readAll();
}

QStringList inputNames(const WorkflowContract &contract)
{
    QStringList names;
    for (const WorkflowInput &input : contract.inputs)
        names.append(input.name);
    return names;
}

bool anyContains(const QStringList &messages, const QString &part)
{
    for (const QString &message : messages) {
        if (message.contains(part))
            return true;
    }
    return false;
}

// Messages follow release/validation.h: a phrase starting lower-case, no final period.
bool isPhrase(const QString &message)
{
    return !message.isEmpty() && !message.front().isUpper() && !message.endsWith(u'.');
}

// A file of `count` nested flow collections, never closed.
QByteArray repeated(const QByteArray &piece, int count)
{
    QByteArray text;
    text.reserve(piece.size() * count);
    for (int i = 0; i < count; ++i)
        text.append(piece);
    return text;
}

// Billion laughs: each level lists the previous one ten times, so the tree "holds" 10^levels
// leaves while the text stays small.
QByteArray aliasBomb(const QByteArray &rootKey, int levels)
{
    QByteArray text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= levels; ++level) {
        const QByteArray previous = "*a" + QByteArray::number(level - 1);
        text += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
        for (int i = 0; i < 10; ++i)
            text += (i == 0 ? "" : ", ") + previous;
        text += "]\n";
    }
    text += rootKey + ": *a" + QByteArray::number(levels) + "\n";
    return text;
}

// Ten levels of maps, each with ten keys whose values are the level below: walking it
// whole would visit 10^10 entries.
QByteArray mapAliasBomb(int levels)
{
    QByteArray text = "m0: &m0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: "
                      "x}\n";
    for (int level = 1; level <= levels; ++level) {
        const QByteArray previous = "*m" + QByteArray::number(level - 1);
        text += "m" + QByteArray::number(level) + ": &m" + QByteArray::number(level) + " {";
        for (int i = 0; i < 10; ++i)
            text += (i == 0 ? "k" : ", k") + QByteArray::number(i) + ": " + previous;
        text += "}\n";
    }
    return text;
}

}  // namespace

class TestWorkflowContract : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void seedWorkflow();
    void kitWorkflow();
    void triggers_data();
    void triggers();
    void inputSettings_data();
    void inputSettings();
    void concurrency_data();
    void concurrency();
    void runName_data();
    void runName();
    void errors_data();
    void errors();
    void hostileInputFinishesFast_data();
    void hostileInputFinishesFast();
    void bracketsThatAreNotNesting_data();
    void bracketsThatAreNotNesting();
    void check_data();
    void check();
    void parseErrorIsAProblem();
};

void TestWorkflowContract::seedWorkflow()
{
    const WorkflowContract contract = parseWorkflow(fixture("deploy-cxx.yml"));
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QVERIFY(contract.hasWorkflowDispatch);
    QVERIFY(!contract.hasRepositoryDispatch);
    QCOMPARE(inputNames(contract), kSentInputs);
    for (const WorkflowInput &input : contract.inputs) {
        QVERIFY2(input.required, qPrintable(input.name));
        QCOMPARE(input.type, u"string"_s);
        QVERIFY(!input.hasDefault);
    }
    QVERIFY(contract.hasConcurrency);
    QCOMPARE(contract.concurrencyGroup, u"${{ github.workflow }}-${{ github.ref }}"_s);
    QVERIFY(contract.cancelsInProgress);
    QVERIFY(contract.jobsCancellingInProgress.isEmpty());
    QVERIFY(!contract.hasRunName);

    const ContractCheck check =
        checkContract(contract, ContractDispatch::Workflow, QString(), kSentInputs);
    QVERIFY2(check.ok(), qPrintable(check.problems.join(u'\n')));
    QVERIFY(check.missingInputs.isEmpty());
    QVERIFY(check.extraInputs.isEmpty());
    QCOMPARE(check.warnings.size(), 2);
    QVERIFY(check.warnings.contains(u"a new dispatch cancels a run in progress on the same ref"_s));
    QVERIFY(anyContains(check.warnings, u"run-name"_s));
}

void TestWorkflowContract::kitWorkflow()
{
    const WorkflowContract contract = parseWorkflow(fixture("kit-deploy.yml"));
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QCOMPARE(inputNames(contract), kSentInputs + QStringList {u"dispatch_id"_s});
    QVERIFY(!contract.inputs.constLast().required);
    QVERIFY(contract.inputs.constLast().hasDefault);
    QVERIFY(contract.hasRunName);
    QCOMPARE(contract.runName,
             u"deploy ${{ inputs.recipe }} ${{ inputs.version }} [${{ inputs.dispatch_id }}]"_s);
    QVERIFY(contract.hasConcurrency);
    QVERIFY(!contract.cancelsInProgress);

    const ContractCheck withId = checkContract(contract, ContractDispatch::Workflow, QString(),
                                               kSentInputs + QStringList {u"dispatch_id"_s});
    QVERIFY(withId.ok());
    QVERIFY(withId.warnings.isEmpty());

    const ContractCheck withoutId =
        checkContract(contract, ContractDispatch::Workflow, QString(), kSentInputs);
    QVERIFY(withoutId.ok());
    QCOMPARE(withoutId.extraInputs, QStringList {u"dispatch_id"_s});
    QCOMPARE(withoutId.warnings.size(), 1);
    QVERIFY(withoutId.warnings.constFirst().contains(u"'dispatch_id'"_s));
    QVERIFY(withoutId.warnings.constFirst().contains(u"default"_s));
}

void TestWorkflowContract::triggers_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("workflowDispatch");
    QTest::addColumn<bool>("repositoryDispatch");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QStringList>("inputs");

    const QStringList none;
    QTest::newRow("string") << "on: workflow_dispatch\njobs: {}\n"_ba << true << false << none
                            << none;
    QTest::newRow("string, other event") << "on: push\n"_ba << false << false << none << none;
    QTest::newRow("string, repository")
        << "on: repository_dispatch\n"_ba << false << true << none << none;
    QTest::newRow("flow list") << "on: [push, workflow_dispatch]\n"_ba << true << false << none
                               << none;
    QTest::newRow("block list") << "on:\n  - push\n  - repository_dispatch\n"_ba << false << true
                                << none << none;
    QTest::newRow("map, null value")
        << "on:\n  push:\n  workflow_dispatch:\n"_ba << true << false << none << none;
    QTest::newRow("map, empty mapping")
        << "on:\n  workflow_dispatch: {}\n"_ba << true << false << none << none;
    QTest::newRow("map, null inputs")
        << "on:\n  workflow_dispatch:\n    inputs:\n"_ba << true << false << none << none;
    QTest::newRow("quoted on") << "\"on\": workflow_dispatch\n"_ba << true << false << none << none;
    QTest::newRow("true key (YAML 1.1 on)")
        << "true:\n  workflow_dispatch:\n    inputs:\n      recipe:\n        required: true\n"_ba
        << true << false << none << QStringList {u"recipe"_s};
    QTest::newRow("both dispatches")
        << "on: [workflow_dispatch, repository_dispatch]\n"_ba << true << true << none << none;
    QTest::newRow("repository types, flow list")
        << "on:\n  repository_dispatch:\n    types: [conda-build, other]\n"_ba << false << true
        << QStringList {u"conda-build"_s, u"other"_s} << none;
    QTest::newRow("repository types, block list")
        << "on:\n  repository_dispatch:\n    types:\n      - conda-build\n"_ba << false << true
        << QStringList {u"conda-build"_s} << none;
    QTest::newRow("repository types, one name")
        << "on:\n  repository_dispatch:\n    types: conda-build\n"_ba << false << true
        << QStringList {u"conda-build"_s} << none;
    QTest::newRow("repository types, null")
        << "on:\n  repository_dispatch:\n    types:\n"_ba << false << true << none << none;
    QTest::newRow("inputs in file order")
        << "on:\n  workflow_dispatch:\n    inputs:\n      zeta:\n      alpha:\n      mid:\n"_ba
        << true << false << none << QStringList {u"zeta"_s, u"alpha"_s, u"mid"_s};
    QTest::newRow("flow map everywhere")
        << "{on: {workflow_dispatch: {inputs: {recipe: {required: true}}}}, jobs: {}}"_ba << true
        << false << none << QStringList {u"recipe"_s};
    QTest::newRow("BOM and CRLF")
        << "\xef\xbb\xbfon:\r\n  workflow_dispatch:\r\n    inputs:\r\n      url:\r\n"_ba << true
        << false << none << QStringList {u"url"_s};
    QTest::newRow("anchored inputs")
        << "x-inputs: &inputs\n  recipe: {required: true}\non:\n  workflow_dispatch:\n    "
           "inputs: *inputs\n"_ba
        << true << false << none << QStringList {u"recipe"_s};
}

void TestWorkflowContract::triggers()
{
    QFETCH(QByteArray, yaml);
    const WorkflowContract contract = parseWorkflow(yaml);
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QTEST(contract.hasWorkflowDispatch, "workflowDispatch");
    QTEST(contract.hasRepositoryDispatch, "repositoryDispatch");
    QTEST(contract.repositoryDispatchTypes, "types");
    QTEST(inputNames(contract), "inputs");
}

void TestWorkflowContract::inputSettings_data()
{
    QTest::addColumn<QByteArray>("settings");  // the mapping of the input "x"
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("hasDefault");

    QTest::newRow("null") << ""_ba << false << u"string"_s << false;
    QTest::newRow("empty mapping") << "{}"_ba << false << u"string"_s << false;
    QTest::newRow("required true") << "{required: true}"_ba << true << u"string"_s << false;
    QTest::newRow("required True") << "{required: True}"_ba << true << u"string"_s << false;
    QTest::newRow("required false") << "{required: false}"_ba << false << u"string"_s << false;
    QTest::newRow("required !!bool")
        << "{required: !!bool true}"_ba << true << u"string"_s << false;
    QTest::newRow("required null") << "{required: null}"_ba << false << u"string"_s << false;
    QTest::newRow("type choice") << "{type: choice, options: [a, b]}"_ba << false << u"choice"_s
                                 << false;
    QTest::newRow("type boolean") << "{type: boolean}"_ba << false << u"boolean"_s << false;
    QTest::newRow("type null") << "{type: }"_ba << false << u"string"_s << false;
    QTest::newRow("default text") << "{default: dev}"_ba << false << u"string"_s << true;
    QTest::newRow("default empty text") << "{default: ''}"_ba << false << u"string"_s << true;
    QTest::newRow("default null") << "{default: }"_ba << false << u"string"_s << false;
    QTest::newRow("unknown keys ignored")
        << "{description: [a, b], foo: {bar: 1}}"_ba << false << u"string"_s << false;
}

void TestWorkflowContract::inputSettings()
{
    QFETCH(QByteArray, settings);
    const WorkflowContract contract =
        parseWorkflow("on:\n  workflow_dispatch:\n    inputs:\n      x: " + settings + "\n");
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QCOMPARE(contract.inputs.size(), 1);
    const WorkflowInput &input = contract.inputs.constFirst();
    QCOMPARE(input.name, u"x"_s);
    QTEST(input.required, "required");
    QTEST(input.type, "type");
    QTEST(input.hasDefault, "hasDefault");
}

void TestWorkflowContract::concurrency_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("hasConcurrency");
    QTest::addColumn<QString>("group");
    QTest::addColumn<bool>("cancels");
    QTest::addColumn<QStringList>("cancellingJobs");

    const QByteArray on = "on: workflow_dispatch\n";
    QTest::newRow("absent") << on << false << QString() << false << QStringList();
    QTest::newRow("null") << on + "concurrency:\n" << false << QString() << false << QStringList();
    QTest::newRow("string form queues") << on + "concurrency: deploy\n"
                                        << true << u"deploy"_s << false << QStringList();
    QTest::newRow("string expression queues")
        << on + "concurrency: ${{ github.ref }}\n"
        << true << u"${{ github.ref }}"_s << false << QStringList();
    QTest::newRow("map, cancels") << on + "concurrency:\n  group: g\n  cancel-in-progress: true\n"
                                  << true << u"g"_s << true << QStringList();
    QTest::newRow("map, queues") << on + "concurrency:\n  group: g\n  cancel-in-progress: false\n"
                                 << true << u"g"_s << false << QStringList();
    QTest::newRow("map, no cancel key") << on + "concurrency: {group: g}\n"
                                        << true << u"g"_s << false << QStringList();
    QTest::newRow("map, expression") << on +
            "concurrency:\n  group: g\n  cancel-in-progress: ${{ github.ref != 'refs/heads/main' "
            "}}\n" << true << u"g"_s << true
                                     << QStringList();
    QTest::newRow("map, quoted true") << on + "concurrency: {group: g, cancel-in-progress: 'true'}"
                                      << true << u"g"_s << true << QStringList();
    QTest::newRow("job level cancels") << on +
            "jobs:\n  lint:\n    runs-on: x\n  build:\n    concurrency:\n      group: b\n      "
            "cancel-in-progress: true\n"
                                       << false << QString() << true << QStringList {u"build"_s};
    QTest::newRow("job level queues") << on + "jobs:\n  build:\n    concurrency: b\n"
                                      << false << QString() << false << QStringList();
    QTest::newRow("workflow queues, job cancels") << on +
            "concurrency: w\njobs:\n  build:\n    concurrency: {group: b, cancel-in-progress: "
            "true}\n" << true << u"w"_s << true << QStringList {u"build"_s};
    QTest::newRow("jobs not a map") << on + "jobs: [a, b]\n"
                                    << false << QString() << false << QStringList();
}

void TestWorkflowContract::concurrency()
{
    QFETCH(QByteArray, yaml);
    const WorkflowContract contract = parseWorkflow(yaml);
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QTEST(contract.hasConcurrency, "hasConcurrency");
    QTEST(contract.concurrencyGroup, "group");
    QTEST(contract.cancelsInProgress, "cancels");
    QTEST(contract.jobsCancellingInProgress, "cancellingJobs");
}

void TestWorkflowContract::runName_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("hasRunName");
    QTest::addColumn<QString>("runName");

    QTest::newRow("absent") << "on: push\n"_ba << false << QString();
    QTest::newRow("null") << "on: push\nrun-name:\n"_ba << false << QString();
    QTest::newRow("text") << "on: push\nrun-name: Deploy ${{ inputs.recipe }}\n"_ba << true
                          << u"Deploy ${{ inputs.recipe }}"_s;
    QTest::newRow("long text is cut") << "on: push\nrun-name: " + QByteArray(1000, 'r') +
            "\n" << true << QString(rc::profiles::kMaxWorkflowNameChars - 1, u'r') + QChar(0x2026);
}

void TestWorkflowContract::runName()
{
    QFETCH(QByteArray, yaml);
    const WorkflowContract contract = parseWorkflow(yaml);
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QTEST(contract.hasRunName, "hasRunName");
    QTEST(contract.runName, "runName");
}

void TestWorkflowContract::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("errorParts");  // each must appear in the error

    const QByteArray dispatch = "on:\n  workflow_dispatch:\n    inputs:\n";
    QTest::newRow("empty file") << ""_ba << QStringList {u"empty"_s};
    QTest::newRow("only comments") << "# nothing\n\n"_ba << QStringList {u"empty"_s};
    QTest::newRow("top-level list")
        << "- on: push\n- jobs: {}\n"_ba << QStringList {u"line 1, column 1"_s, u"a list"_s};
    QTest::newRow("top-level text") << "hello\n"_ba << QStringList {u"'hello'"_s};
    QTest::newRow("no on") << "name: x\njobs: {}\n"_ba << QStringList {u"no 'on'"_s};
    QTest::newRow("on empty") << "on:\njobs: {}\n"_ba << QStringList {u"'on' is empty"_s};
    QTest::newRow("on list of maps")
        << "on: [{push: {}}]\n"_ba << QStringList {u"line 1, column 6"_s, u"a mapping"_s};
    QTest::newRow("on and true") << "on: push\ntrue: workflow_dispatch\n"_ba
                                 << QStringList {u"line 2, column 1"_s, u"'true'"_s};
    QTest::newRow("duplicate on") << "on: push\nname: x\non: workflow_dispatch\n"_ba
                                  << QStringList {u"line 3, column 1"_s, u"'on' appears twice"_s};
    QTest::newRow("duplicate event")
        << "on:\n  workflow_dispatch:\n  workflow_dispatch:\n"_ba
        << QStringList {u"line 3, column 3"_s, u"'workflow_dispatch' appears twice"_s};
    QTest::newRow("duplicate input") << dispatch + "      recipe:\n      url:\n      recipe:\n"
                                     << QStringList {u"line 6"_s, u"'recipe' appears twice"_s};
    QTest::newRow("duplicate input setting")
        << dispatch + "      recipe:\n        required: true\n        required: false\n"
        << QStringList {u"line 6"_s, u"'required' appears twice"_s};
    QTest::newRow("workflow_dispatch is a list")
        << "on:\n  workflow_dispatch: [inputs]\n"_ba << QStringList {u"line 2"_s, u"a list"_s};
    QTest::newRow("inputs is a list")
        << "on:\n  workflow_dispatch:\n    inputs: [recipe, url]\n"_ba
        << QStringList {u"line 3, column 13"_s, u"inputs"_s, u"a list"_s};
    QTest::newRow("input is a string") << dispatch + "      recipe: the recipe folder\n"
                                       << QStringList {u"line 4"_s, u"'recipe'"_s, u"text"_s};
    QTest::newRow("required quoted yes")
        << dispatch + "      recipe:\n        required: \"yes\"\n"
        << QStringList {u"line 5, column 19"_s, u"'required'"_s, u"'yes'"_s};
    QTest::newRow("required plain yes (YAML 1.2: text)") << dispatch +
            "      recipe:\n        required: yes\n" << QStringList {u"line 5"_s, u"'yes'"_s};
    QTest::newRow("required quoted true") << dispatch + "      recipe: {required: 'true'}\n"
                                          << QStringList {u"line 4"_s, u"'required'"_s};
    QTest::newRow("required list") << dispatch + "      recipe: {required: [true]}\n"
                                   << QStringList {u"'required'"_s, u"a list"_s};
    QTest::newRow("type a mapping") << dispatch + "      recipe: {type: {a: b}}\n"
                                    << QStringList {u"type"_s, u"a mapping"_s};
    QTest::newRow("types a mapping") << "on:\n  repository_dispatch:\n    types: {a: b}\n"_ba
                                     << QStringList {u"line 3"_s, u"types"_s, u"a mapping"_s};
    QTest::newRow("type in types a list")
        << "on:\n  repository_dispatch:\n    types: [[a]]\n"_ba << QStringList {u"a list"_s};
    QTest::newRow("non-text key") << "? [a, b]\n: c\non: push\n"_ba << QStringList {u"a list"_s};
    QTest::newRow("concurrency a list")
        << "on: push\nconcurrency: [a]\n"_ba << QStringList {u"line 2"_s, u"concurrency"_s};
    QTest::newRow("run-name a mapping")
        << "on: push\nrun-name: {a: b}\n"_ba << QStringList {u"line 2"_s, u"run-name"_s};
    QTest::newRow("too many inputs") << dispatch + [] {
        QByteArray inputs;
        for (int i = 0; i < rc::profiles::kMaxWorkflowInputs + 1; ++i)
            inputs += "      input" + QByteArray::number(i) + ":\n";
        return inputs;
    }() << QStringList {u"more than 100 inputs"_s};
    QTest::newRow("long input name") << dispatch + "      " + QByteArray(300, 'n') + ":\n"
                                     << QStringList {u"input name"_s};
    QTest::newRow("malformed: unclosed list")
        << "on:\n  workflow_dispatch:\n    inputs: [a, b\njobs: {}\n"_ba
        << QStringList {u"line 4"_s, u"not valid YAML"_s};
    QTest::newRow("malformed: bad indentation")
        << "on:\n  workflow_dispatch:\n    inputs:\n  recipe: x\n   url: y\n"_ba
        << QStringList {u"line 5"_s, u"not valid YAML"_s};
    QTest::newRow("malformed: unclosed single quote")
        << "on: 'workflow_dispatch\njobs: {}\n"_ba
        << QStringList {u"line 1, column 5"_s, u"never closed"_s};
    QTest::newRow("malformed: unclosed double quote")
        << "on: workflow_dispatch\nrun-name: \"x\n"_ba << QStringList {u"line 2, column 11"_s};
    QTest::newRow("malformed: undefined alias")
        << "on: *nothing\n"_ba << QStringList {u"not valid YAML"_s};
    QTest::newRow("tab indentation")
        << "on:\n\tworkflow_dispatch:\n"_ba << QStringList {u"line 2, column 1"_s, u"tab"_s};
    QTest::newRow("tab after spaces") << "on:\n  workflow_dispatch:\n  \tinputs:\n"_ba
                                      << QStringList {u"line 3, column 3"_s, u"tab"_s};
    QTest::newRow("NUL byte") << "on: push\njobs:\0 {}\n"_ba
                              << QStringList {u"line 2, column 6"_s, u"NUL"_s};
}

void TestWorkflowContract::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, errorParts);
    const WorkflowContract contract = parseWorkflow(yaml);
    QVERIFY(!contract.ok());
    QVERIFY2(isPhrase(contract.error), qPrintable(contract.error));
    for (const QString &part : errorParts)
        QVERIFY2(contract.error.contains(part), qPrintable(contract.error));
}

void TestWorkflowContract::hostileInputFinishesFast_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("errorPart");  // empty: the file may be read

    const QByteArray dispatch = "on:\n  workflow_dispatch:\n";
    QTest::newRow("huge file") << dispatch + "# " +
            QByteArray(rc::profiles::kMaxWorkflowFileBytes, 'x') +
            "\n" << u"524,288 bytes"_s;
    QTest::newRow("100k [") << QByteArray(100'000, '[') << u"nests more than 64"_s;
    QTest::newRow("100k {") << QByteArray(100'000, '{') << u"nests more than 64"_s;
    QTest::newRow("100k [ after a key")
        << "on: " + QByteArray(100'000, '[') << u"line 1, column 69"_s;
    QTest::newRow("100k [ behind an anchor and a tag")
        << "on: &a !!seq " + QByteArray(100'000, '[') << u"nests more than 64"_s;
    QTest::newRow("balanced 1000 [")
        << "on: " + QByteArray(1000, '[') + QByteArray(1000, ']') << u"nests more than 64"_s;
    QTest::newRow("mixed [{ in a flow map")
        << "on: {a: " + repeated("[{b: ", 5000) << u"nests more than 64"_s;
    QTest::newRow("1000 block levels") << [] {
        QByteArray text;
        for (int i = 0; i < 1000; ++i)
            text += QByteArray(i, ' ') + "k:\n";
        return text;
    }() << u"line 65"_s;
    QTest::newRow("1000 compact list levels") << repeated("- ", 1000) + "x\n"
                                              << u"nests more than 64"_s;
    QTest::newRow("deep flow after a block scalar")
        << "run: |\n  [[[[\nnext: " + QByteArray(1000, '[') << u"line 3"_s;
    QTest::newRow("alias bomb as on") << aliasBomb("on", 12) << u"an event in the list"_s;
    QTest::newRow("alias bomb as inputs") << aliasBomb("x", 12) + dispatch + "    inputs: *a12\n"
                                          << u"inputs"_s;
    QTest::newRow("map alias bomb as jobs") << mapAliasBomb(10) + dispatch + "jobs: *m10\n"
                                            << QString();
    QTest::newRow("jobs sharing one huge map") << [&dispatch] {
        QByteArray text = "big: &big {";
        for (int i = 0; i < 1000; ++i)
            text += "k" + QByteArray::number(i) + ": v, ";
        text += "last: v}\n" + dispatch + "jobs:\n";
        for (int i = 0; i < 200; ++i)
            text += "  j" + QByteArray::number(i) + ": *big\n";
        return text;
    }() << u"more than 100,000 keys"_s;
    QTest::newRow("alias bomb beside the keys read")
        << aliasBomb("unused", 12) + dispatch << QString();
    QTest::newRow("long scalar") << dispatch +
            "run-name: " + QByteArray(rc::profiles::kMaxWorkflowFileBytes - 64, 'x') +
            "\n" << QString();
    QTest::newRow("many top-level keys") << [] {
        QByteArray text = "on: push\n";
        for (int i = 0; i < 40'000; ++i)
            text += "k" + QByteArray::number(i) + ": v\n";
        return text;
    }() << QString();
}

void TestWorkflowContract::hostileInputFinishesFast()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, errorPart);
    QElapsedTimer timer;
    timer.start();
    const WorkflowContract contract = parseWorkflow(yaml);
    const ContractCheck check =
        checkContract(contract, ContractDispatch::Workflow, QString(), kSentInputs);
    // Generous for a loaded 2-core machine; each case takes milliseconds.
    QVERIFY2(timer.elapsed() < 2000 * rc::test::kSanitizerSlowdown,
             qPrintable(QString::number(timer.elapsed())));
    if (errorPart.isEmpty()) {
        QVERIFY2(contract.ok(), qPrintable(contract.error));
    } else {
        QVERIFY(!contract.ok());
        QVERIFY2(contract.error.contains(errorPart), qPrintable(contract.error));
        QVERIFY(!check.ok());
    }
}

void TestWorkflowContract::bracketsThatAreNotNesting_data()
{
    QTest::addColumn<QByteArray>("yaml");

    const QByteArray deep = QByteArray(100, '[');
    const QByteArray head = "on: workflow_dispatch\njobs:\n  build:\n    steps:\n";
    QTest::newRow("block scalar") << head + "      - run: |\n          if " + deep +
            "\n          echo it's {{{\n"
            "        shell: bash\n";
    QTest::newRow("folded block scalar with indicators")
        << head + "      - run: >-\n          " + deep + "\n\n          " + deep + "\n";
    QTest::newRow("block scalar as list item") << head + "      - |\n        " + deep + "\n";
    QTest::newRow("single-quoted") << head + "      - run: '" + deep + " it''s'\n";
    QTest::newRow("double-quoted") << head + "      - run: \"" + deep + " \\\" " + deep + "\"\n";
    QTest::newRow("multi-line quoted") << head + "      - run: \"a\n          " + deep + "\"\n";
    QTest::newRow("comment") << head + "      - run: echo # " + deep + "\n";
    QTest::newRow("plain text") << head + "      - run: echo " + repeated("${{ x }} ", 100) + deep +
            "\n";
    QTest::newRow("apostrophe in plain text") << head + "      - run: echo it's " + deep + "\n";
}

void TestWorkflowContract::bracketsThatAreNotNesting()
{
    QFETCH(QByteArray, yaml);
    const WorkflowContract contract = parseWorkflow(yaml);
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    QVERIFY(contract.hasWorkflowDispatch);
}

void TestWorkflowContract::check_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<ContractDispatch>("dispatch");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<QStringList>("sent");
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QStringList>("problemParts");  // each in some problem; empty: no problem
    QTest::addColumn<QStringList>("warningParts");  // each in some warning

    const auto workflow = ContractDispatch::Workflow;
    const auto repository = ContractDispatch::Repository;
    const QStringList none;
    const QString noRunName = u"run-name"_s;
    const QByteArray inputs = "run-name: r\non:\n  workflow_dispatch:\n    inputs:\n"
                              "      recipe: {required: true}\n      url: {required: true}\n";

    QTest::newRow("exact") << inputs << workflow << QString() << QStringList {u"recipe"_s, u"url"_s}
                           << none << none << none << none;
    QTest::newRow("sent but not declared")
        << inputs << workflow << QString() << QStringList {u"recipe"_s, u"url"_s, u"sha256"_s}
        << QStringList {u"sha256"_s} << none << QStringList {u"'sha256'"_s, u"Unexpected inputs"_s}
        << none;
    QTest::newRow("required not sent")
        << inputs << workflow << QString() << QStringList {u"recipe"_s} << none
        << QStringList {u"url"_s} << QStringList {u"requires the input 'url'"_s} << none;
    QTest::newRow("optional not sent, no default")
        << inputs + "      note: {required: false}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s} << none
        << QStringList {u"note"_s} << none << QStringList {u"optional input 'note'"_s, u"empty"_s};
    QTest::newRow("optional not sent, default")
        << inputs + "      note: {default: x}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s} << none
        << QStringList {u"note"_s} << none
        << QStringList {u"optional input 'note'"_s, u"default"_s};
    QTest::newRow("sent twice counts once")
        << inputs << workflow << QString() << QStringList {u"recipe"_s, u"url"_s, u"x"_s, u"x"_s}
        << QStringList {u"x"_s} << none << QStringList {u"'x'"_s} << none;
    QTest::newRow("names are case-sensitive")
        << inputs << workflow << QString() << QStringList {u"Recipe"_s, u"url"_s}
        << QStringList {u"Recipe"_s} << QStringList {u"recipe"_s}
        << QStringList {u"'Recipe'"_s, u"requires the input 'recipe'"_s} << none;
    QTest::newRow("choice input sent")
        << inputs + "      label: {type: choice, options: [dev, main]}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s, u"label"_s} << none << none
        << QStringList {u"'label' has type choice"_s} << none;
    QTest::newRow("boolean input sent")
        << inputs + "      upload: {type: boolean}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s, u"upload"_s} << none << none
        << QStringList {u"'upload' has type boolean"_s} << none;
    QTest::newRow("number input sent")
        << inputs + "      build: {type: number, required: true}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s, u"build"_s} << none << none
        << QStringList {u"'build' has type number"_s} << none;
    QTest::newRow("number input not sent is only optional")
        << inputs + "      jobs: {type: number, default: 2}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s} << none
        << QStringList {u"jobs"_s} << none << QStringList {u"'jobs'"_s};
    QTest::newRow("no workflow_dispatch")
        << "on: push\nrun-name: r\n"_ba << workflow << QString() << QStringList {u"recipe"_s}
        << none << none << QStringList {u"no workflow_dispatch"_s} << none;
    QTest::newRow("no workflow_dispatch, has repository_dispatch")
        << "on: repository_dispatch\n"_ba << workflow << QString() << QStringList {u"recipe"_s}
        << none << none << QStringList {u"listens to repository_dispatch"_s}
        << QStringList {noRunName};
    QTest::newRow("more than 25 inputs") <<
        [] {
            QByteArray text = "on:\n  workflow_dispatch:\n    inputs:\n";
            for (int i = 0; i < 26; ++i)
                text += "      i" + QByteArray::number(i) + ":\n";
            return text;
        }() << workflow << QString() << QStringList {u"i0"_s}
                                         << none <<
        [] {
            QStringList names;
            for (int i = 1; i < 26; ++i)
                names.append(u"i"_s + QString::number(i));
            return names;
        }() << QStringList {u"26 inputs"_s, u"at most 25"_s}
                                         << QStringList {u"optional input 'i1'"_s, noRunName};
    QTest::newRow("cancels in progress")
        << inputs + "concurrency: {group: g, cancel-in-progress: true}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s} << none << none << none
        << QStringList {u"a new dispatch cancels a run in progress on the same ref"_s};
    QTest::newRow("job cancels in progress")
        << inputs + "jobs:\n  deploy:\n    concurrency: {group: g, cancel-in-progress: true}\n"
        << workflow << QString() << QStringList {u"recipe"_s, u"url"_s} << none << none << none
        << QStringList {u"a new dispatch cancels a run in progress on the same ref"_s,
                        u"'deploy'"_s};
    QTest::newRow("no run-name") << "on: {workflow_dispatch: {inputs: {recipe: }}}"_ba << workflow
                                 << QString() << QStringList {u"recipe"_s} << none << none << none
                                 << QStringList {noRunName};

    QTest::newRow("repository, any type")
        << "on: repository_dispatch\nrun-name: r\n"_ba << repository << u"conda-build"_s
        << QStringList {u"recipe"_s} << none << none << none << none;
    QTest::newRow("repository, listed type")
        << "run-name: r\non:\n  repository_dispatch:\n    types: [conda-build]\n"_ba << repository
        << u"conda-build"_s << kSentInputs << none << none << none << none;
    QTest::newRow("repository, type not listened to")
        << "run-name: r\non:\n  repository_dispatch:\n    types: [a, b]\n"_ba << repository
        << u"conda-build"_s << kSentInputs << none << none
        << QStringList {u"only for these event types: 'a', 'b'; not for 'conda-build'"_s} << none;
    QTest::newRow("repository, empty event type")
        << "on: repository_dispatch\nrun-name: r\n"_ba << repository << QString() << kSentInputs
        << none << none << QStringList {u"event type"_s, u"empty"_s} << none;
    QTest::newRow("repository, event type too long")
        << "on: repository_dispatch\nrun-name: r\n"_ba << repository << QString(101, u'e')
        << kSentInputs << none << none << QStringList {u"101 characters"_s} << none;
    QTest::newRow("repository, only workflow_dispatch")
        << "on: workflow_dispatch\nrun-name: r\n"_ba << repository << u"conda-build"_s
        << kSentInputs << none << none
        << QStringList {u"no repository_dispatch"_s, u"listens to workflow_dispatch"_s} << none;
}

void TestWorkflowContract::check()
{
    QFETCH(QByteArray, yaml);
    QFETCH(ContractDispatch, dispatch);
    QFETCH(QString, eventType);
    QFETCH(QStringList, sent);
    QFETCH(QStringList, problemParts);
    QFETCH(QStringList, warningParts);

    const WorkflowContract contract = parseWorkflow(yaml);
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    const ContractCheck check = checkContract(contract, dispatch, eventType, sent);
    QTEST(check.missingInputs, "missing");
    QTEST(check.extraInputs, "extra");
    QCOMPARE(check.ok(), problemParts.isEmpty());
    for (const QString &part : problemParts)
        QVERIFY2(anyContains(check.problems, part), qPrintable(check.problems.join(u'\n')));
    for (const QString &part : warningParts)
        QVERIFY2(anyContains(check.warnings, part), qPrintable(check.warnings.join(u'\n')));
    if (warningParts.isEmpty())
        QVERIFY2(check.warnings.isEmpty(), qPrintable(check.warnings.join(u'\n')));
    for (const QString &message : check.problems + check.warnings)
        QVERIFY2(isPhrase(message), qPrintable(message));
}

void TestWorkflowContract::parseErrorIsAProblem()
{
    const WorkflowContract contract = parseWorkflow("on: [workflow_dispatch\n");
    QVERIFY(!contract.ok());
    for (const ContractDispatch dispatch :
         {ContractDispatch::Workflow, ContractDispatch::Repository}) {
        const ContractCheck check = checkContract(contract, dispatch, u"e"_s, kSentInputs);
        QCOMPARE(check.problems.size(), 1);
        QVERIFY(check.problems.constFirst().contains(contract.error));
        QVERIFY(isPhrase(check.problems.constFirst()));
        QVERIFY(check.missingInputs.isEmpty());
        QVERIFY(check.extraInputs.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestWorkflowContract)
#include "tst_workflowcontract.moc"
