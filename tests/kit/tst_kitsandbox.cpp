// SPDX-License-Identifier: BSD-3-Clause
#include "flow/runname.h"
#include "kit/recipeskit.h"
#include "profiles/workflowcontract.h"
#include "release/payload.h"
#include "sandbox/demopatch.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/sandboxclient.h"
#include "support/simulatorclients.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using rc::sandbox::BuildOutcome;
using rc::sandbox::ForgeSimulator;
using sandboxtest::Reply;

// A release through the simulator's recipes repo with the kit's own workflow (deploy.yml): the
// run behaves as that file says, not as the seed's deploy-cxx.yml.
class TestKitSandbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void servesTheKitWorkflowAsItIs();
    void dispatchIdTitlesTheRunAndAFailedBuildFailsItsJob();
    void dispatchIdIsOptional();
    void aSecondDispatchWaitsForTheFirst();

private:
    QJsonObject kitInputs();
    QByteArray dispatchBody(const QString &dispatchId);
    Reply gitHubGet(const QString &path, const QString &query = {});
    Reply dispatch(const QByteArray &body);
    QJsonObject run(qint64 id) { return gitHubGet(runPath(id)).object(); }
    QJsonArray jobs(qint64 id);
    QHash<QString, QString> summaryOutcomes(qint64 id);
    QString runPath(qint64 id) const { return m_repo + u"/actions/runs/"_s + QString::number(id); }

    std::unique_ptr<ForgeSimulator> m_simulator;
    std::unique_ptr<sandboxtest::Client> m_client;
    const QString m_repo = u"/repos/VeloxChem/meta-vlx"_s;
    const QString m_dispatches = m_repo + u"/actions/workflows/deploy.yml/dispatches"_s;
};

void TestKitSandbox::init()
{
    m_simulator = std::make_unique<ForgeSimulator>(
        QDateTime(QDate(2025, 6, 2), QTime(10, 0), QTimeZone::UTC));
    QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    m_client = std::make_unique<sandboxtest::Client>();
}

void TestKitSandbox::cleanup()
{
    m_client.reset();
    m_simulator.reset();
}

// The app's inputs for the newest commit with a tarball: the checksum of exactly what its URL
// serves, and the patch as it is (the kit writes it from an environment variable: no printf
// encoding), though that commit's __init__.py holds ', % and \ in the patch's context lines.
QJsonObject TestKitSandbox::kitInputs()
{
    const QString sha = rc::test::releasableSha(*m_simulator);
    const QByteArray init = rc::sandbox::test::initFileOf(m_simulator->gitLab(), sha);
    const QByteArray patch = rc::sandbox::test::versionPatch(init, "1.0rc4");
    rc::release::ReleaseSpec spec;
    spec.recipe = u"veloxchem"_s;
    spec.commitSha = sha;
    spec.url = m_simulator->tarballUrl(sha).toString();
    spec.sha256 = rc::test::tarballSha256(*m_simulator, sha);
    spec.version = u"1.0rc4"_s;
    spec.build = u"2"_s;
    spec.channel = u"veloxchem"_s;
    spec.label = u"main"_s;
    spec.patch = QString::fromUtf8(patch);
    const rc::release::Payload payload = rc::release::buildWorkflowDispatch(spec, u"main"_s);
    return QJsonDocument::fromJson(payload.json).object().value(u"inputs"_s).toObject();
}

QByteArray TestKitSandbox::dispatchBody(const QString &dispatchId)
{
    QJsonObject inputs = kitInputs();
    if (!dispatchId.isNull())
        inputs.insert(QString(rc::kit::kDispatchIdInput), dispatchId);
    return rc::sandbox::test::dispatchBody(u"main"_s, inputs);
}

Reply TestKitSandbox::gitHubGet(const QString &path, const QString &query)
{
    QUrl url = m_simulator->gitHubApiUrl();
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return m_client->get(url,
                         {{"Authorization"_ba,
                           "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
}

Reply TestKitSandbox::dispatch(const QByteArray &body)
{
    QUrl url = m_simulator->gitHubApiUrl();
    url.setPath(m_dispatches);
    return m_client->post(
        url, body,
        {{"Authorization"_ba,
          "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
}

QJsonArray TestKitSandbox::jobs(qint64 id)
{
    return gitHubGet(runPath(id) + u"/jobs"_s, u"per_page=100"_s)
        .object()
        .value(u"jobs"_s)
        .toArray();
}

QHash<QString, QString> TestKitSandbox::summaryOutcomes(qint64 id)
{
    QHash<QString, QString> outcomes;
    const QJsonArray artifacts =
        gitHubGet(runPath(id) + u"/artifacts"_s).object().value(u"artifacts"_s).toArray();
    for (const QJsonValue &value : artifacts) {
        const QJsonObject artifact = value.toObject();
        const Reply redirect = m_client->get(
            QUrl(artifact.value(u"archive_download_url"_s).toString()),
            {{"Authorization"_ba,
              "Bearer "_ba + QByteArray(ForgeSimulator::kGitHubClassicToken.data())}});
        const Reply zip = m_client->get(QUrl(QString::fromUtf8(redirect.header("Location"))));
        const QJsonObject summary =
            QJsonDocument::fromJson(sandboxtest::extractFile(zip.body, u"summary.json"_s)).object();
        outcomes.insert(artifact.value(u"name"_s).toString(),
                        summary.value(u"outcome"_s).toString());
    }
    return outcomes;
}

void TestKitSandbox::servesTheKitWorkflowAsItIs()
{
    const Reply file = gitHubGet(m_repo + u"/contents/.github/workflows/deploy.yml"_s);
    QCOMPARE(file.status, 200);
    const QByteArray served = QByteArray::fromBase64(
        file.object().value(u"content"_s).toString().remove(u'\n').toLatin1());
    QCOMPARE(served, rc::kit::workflowYaml(rc::kit::Builder::CondaBuild));

    const Reply workflow = gitHubGet(m_repo + u"/actions/workflows/deploy.yml"_s);
    QCOMPARE(workflow.status, 200);
    QCOMPARE(workflow.object().value(u"path"_s).toString(), QString(rc::kit::kWorkflowPath));
    QCOMPARE(workflow.object().value(u"state"_s).toString(), u"active"_s);

    // The simulator's model of the file is the file: inputs, their being required, run-name.
    const rc::profiles::WorkflowContract contract = rc::profiles::parseWorkflow(served);
    QVERIFY2(contract.ok(), qPrintable(contract.error));
    const rc::sandbox::GitHubWorkflow *model =
        m_simulator->gitHub()->workflow(QString(ForgeSimulator::kKitWorkflowFile));
    QVERIFY(model);
    QStringList required;
    QStringList optional;
    for (const rc::profiles::WorkflowInput &input : contract.inputs)
        (input.required ? required : optional) << input.name;
    QCOMPARE(model->inputs, required);
    QCOMPARE(model->optionalInputs, optional);
    QCOMPARE(model->runName, contract.runName);
    const rc::sandbox::WorkflowBehaviour behaviour =
        m_simulator->runs()->workflowBehaviour(QString(rc::kit::kWorkflowPath));
    QCOMPARE(behaviour.patchWrite, rc::sandbox::WorkflowBehaviour::PatchWrite::Raw);
    QCOMPARE(behaviour.cancelInProgress, contract.cancelsInProgress);
    QVERIFY(behaviour.failedBuildFailsJob);
}

void TestKitSandbox::dispatchIdTitlesTheRunAndAFailedBuildFailsItsJob()
{
    m_simulator->runs()->setPlatformOutcome(u"windows-2022_3.13_*"_s, BuildOutcome::BuildFails);
    const QString patch = kitInputs().value(u"patch"_s).toString();
    QVERIFY2(patch.contains(u'%') && patch.contains(u'\'') && patch.contains(u'\\'),
             "the patch must hold what printf would mangle");
    const QString dispatchId = u"rc-7f3a9c2e"_s;
    const QByteArray body = dispatchBody(dispatchId);
    const Reply reply = dispatch(body);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const qint64 runId = reply.object().value(u"workflow_run_id"_s).toInteger();
    QVERIFY(runId > 0);

    // The title names the dispatch, and the app can predict it from what it sent.
    const QString title = run(runId).value(u"display_title"_s).toString();
    QCOMPARE(title, u"Deploy veloxchem 1.0rc4 build 2 to veloxchem/main [rc-7f3a9c2e]"_s);
    const std::optional<QString> expected = rc::flow::expectedRunTitle(
        m_simulator->gitHub()->workflow(QString(ForgeSimulator::kKitWorkflowFile))->runName, body);
    QVERIFY(expected);
    QCOMPARE(*expected, title);

    m_simulator->advance(std::chrono::minutes(30));
    const QJsonObject finished = run(runId);
    QCOMPARE(finished.value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(finished.value(u"conclusion"_s).toString(), u"failure"_s);

    int builds = 0;
    for (const QJsonValue &value : jobs(runId)) {
        const QJsonObject job = value.toObject();
        const QString name = job.value(u"name"_s).toString();
        if (!name.startsWith(u"build ("_s)) {
            QCOMPARE(job.value(u"conclusion"_s).toString(), u"success"_s);
            continue;
        }
        ++builds;
        const bool failing = name == u"build (windows-2022, 3.13, msmpi)"_s;
        QCOMPARE(job.value(u"conclusion"_s).toString(), failing ? u"failure"_s : u"success"_s);
        QHash<QString, QString> steps;
        for (const QJsonValue &step : job.value(u"steps"_s).toArray())
            steps.insert(step.toObject().value(u"name"_s).toString(),
                         step.toObject().value(u"conclusion"_s).toString());
        // The raw patch reached git apply intact on every platform.
        QCOMPARE(steps.value(u"Write patch"_s), u"success"_s);
        QCOMPARE(steps.value(u"Apply patch"_s), u"success"_s);
        QCOMPARE(steps.value(u"Build and upload with conda-build"_s),
                 failing ? u"failure"_s : u"success"_s);
        QCOMPARE(steps.value(u"Write build summary"_s), u"success"_s);
        QCOMPARE(steps.value(u"Upload build summary"_s), u"success"_s);
    }
    QCOMPARE(builds, 6);

    // The summaries still tell each platform's outcome, the failed one included.
    const QHash<QString, QString> outcomes = summaryOutcomes(runId);
    QCOMPARE(outcomes.size(), 6);
    QCOMPARE(outcomes.value(u"build_summary-windows-2022_3.13_msmpi"_s), u"failure"_s);
    QCOMPARE(outcomes.value(u"build_summary-windows-2022_3.12_msmpi"_s), u"success"_s);
    QCOMPARE(outcomes.value(u"build_summary-ubuntu-latest_3.12_mpich"_s), u"success"_s);
}

void TestKitSandbox::dispatchIdIsOptional()
{
    const Reply without = dispatch(dispatchBody(QString()));
    QVERIFY2(without.status == 200, without.body.constData());
    const qint64 runId = without.object().value(u"workflow_run_id"_s).toInteger();
    QCOMPARE(run(runId).value(u"display_title"_s).toString(),
             u"Deploy veloxchem 1.0rc4 build 2 to veloxchem/main []"_s);

    // Still only the declared inputs are accepted.
    QJsonObject inputs = kitInputs();
    inputs.insert(u"commit"_s, u"abc"_s);
    const Reply unexpected = dispatch(rc::sandbox::test::dispatchBody(u"main"_s, inputs));
    QCOMPARE(unexpected.status, 422);
    QVERIFY2(unexpected.object().value(u"message"_s).toString().contains(u"\"commit\""_s),
             unexpected.body.constData());
}

void TestKitSandbox::aSecondDispatchWaitsForTheFirst()
{
    const qint64 first =
        dispatch(dispatchBody(u"first"_s)).object().value(u"workflow_run_id"_s).toInteger();
    m_simulator->advance(std::chrono::minutes(3));
    QCOMPARE(run(first).value(u"status"_s).toString(), u"in_progress"_s);
    const qint64 second =
        dispatch(dispatchBody(u"second"_s)).object().value(u"workflow_run_id"_s).toInteger();
    QVERIFY(second > 0 && second != first);
    QCOMPARE(run(first).value(u"status"_s).toString(), u"in_progress"_s);
    QCOMPARE(run(second).value(u"status"_s).toString(), u"pending"_s);

    m_simulator->advance(std::chrono::minutes(60));
    QCOMPARE(run(first).value(u"conclusion"_s).toString(), u"success"_s);
    QCOMPARE(run(second).value(u"conclusion"_s).toString(), u"success"_s);
}

QTEST_GUILESS_MAIN(TestKitSandbox)
#include "tst_kitsandbox.moc"
