// SPDX-License-Identifier: BSD-3-Clause
// The run monitor against the in-process sandbox: a row per platform from the run's jobs,
// updated with dataChanged (QAbstractItemModelTester watching), the true outcome of a build that
// failed under continue-on-error shown as a failure, cancel and re-run.

#include "flow/forgeclients.h"
#include "flow/releaseenvironment.h"
#include "monitorwidget.h"
#include "platformmodel.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QtCrypto>

using namespace Qt::StringLiterals;

class TestMonitor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QCA::Initializer> qca;
    std::unique_ptr<rc::flow::ReleaseEnvironment> environment;
    std::unique_ptr<rc::flow::ForgeClients> clients;
    rc::profiles::Profile profile;

    rc::sandbox::ForgeSimulator &simulator() { return *environment->simulator(); }

    // A valid dispatch of the demo tarball, straight to the forge; the run's id.
    qint64 dispatch()
    {
        QString sha;
        for (const auto &commit : simulator().gitLab()->commits()) {
            if (simulator().gitLab()->tarballJobFor(commit.sha)) {
                sha = commit.sha;
                break;
            }
        }
        const QByteArray tarball = simulator().gitLab()->tarballFor(sha);
        const QJsonObject inputs {
            {u"recipe"_s, u"veloxchem"_s},
            {u"url"_s, simulator().tarballUrl(sha).toString()},
            {u"sha256"_s,
             QString::fromLatin1(
                 QCryptographicHash::hash(tarball, QCryptographicHash::Sha256).toHex())},
            {u"version"_s, u"1.0rc5"_s},
            {u"build"_s, u"0"_s},
            {u"channel"_s, u"veloxchem"_s},
            {u"label"_s, u"dev"_s},
            {u"patch"_s, QString()}};
        const QJsonObject body {
            {u"ref"_s, u"main"_s}, {u"inputs"_s, inputs}, {u"return_run_details"_s, true}};
        qint64 runId = 0;
        bool done = false;
        QObject context;
        clients->gitHub.dispatchWorkflow(
            profile.recipesOwner(), profile.recipesName(), profile.workflowFile,
            QJsonDocument(body).toJson(QJsonDocument::Compact), &context,
            [&](const rc::forge::ForgeResult<rc::forge::DispatchResult> &r) {
                if (r.ok() && r.value.runId)
                    runId = *r.value.runId;
                done = true;
            });
        [&] {
            QTRY_VERIFY(done);
        }();
        return runId;
    }

    rc::ui::MonitorWidget *monitorFor(qint64 runId)
    {
        rc::watch::WatchTarget target;
        target.owner = profile.recipesOwner();
        target.repo = profile.recipesName();
        target.workflow = profile.workflowFile;
        target.runId = runId;
        rc::watch::WatchOptions options;
        options.minInterval = std::chrono::milliseconds(20);
        options.maxInterval = std::chrono::milliseconds(100);
        rc::ui::MonitorHeader header;
        header.recipe = u"veloxchem"_s;
        header.version = u"1.0rc5"_s;
        header.build = u"0"_s;
        header.label = u"dev"_s;
        header.installLine = u"conda install veloxchem=1.0rc5=*_0"_s;
        auto *monitor = new rc::ui::MonitorWidget(&clients->gitHub, target, header, options);
        monitor->start();
        return monitor;
    }

private slots:
    void initTestCase() { qca = std::make_unique<QCA::Initializer>(); }

    void init()
    {
        QString error;
        rc::flow::ReleaseEnvironment::Options options;
        options.sandbox = true;
        environment = rc::flow::ReleaseEnvironment::create(options, &error);
        QVERIFY2(environment, qPrintable(error));
        profile = *environment->profiles().load(u"sandbox"_s);
        clients = std::make_unique<rc::flow::ForgeClients>(environment->transport(), profile);
    }

    void cleanup()
    {
        clients.reset();
        environment.reset();
    }

    void wholeRunWithATrueFailure()
    {
        simulator().runs()->setPlatformOutcome(u"windows-2022_*"_s,
                                               rc::sandbox::BuildOutcome::BuildFails);
        const qint64 runId = dispatch();
        QVERIFY(runId > 0);
        std::unique_ptr<rc::ui::MonitorWidget> monitor(monitorFor(runId));
        QAbstractItemModelTester tester(monitor->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(monitor->model(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(monitor->model(), &QAbstractItemModel::dataChanged);
        QSignalSpy finished(monitor.get(), &rc::ui::MonitorWidget::finished);
        simulator().clock()->setSpeed(200);
        QVERIFY(finished.wait(60000));
        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() > 0);

        int builds = 0;
        int failed = 0;
        for (int row = 0; row < monitor->model()->rowCount(); ++row) {
            const QModelIndex index = monitor->model()->index(row, 0);
            if (index.data(rc::ui::PlatformModel::HelperRole).toBool())
                continue;
            ++builds;
            const auto status =
                rc::watch::PlatformStatus(index.data(rc::ui::PlatformModel::StatusRole).toInt());
            if (status == rc::watch::PlatformStatus::Failure) {
                ++failed;
                QCOMPARE(index.data().toString(), u"Windows"_s);
            } else {
                QCOMPARE(status, rc::watch::PlatformStatus::Success);
            }
        }
        QCOMPARE(builds, 6);
        QCOMPARE(failed, 2);  // both Windows builds (Python 3.12 and 3.13)
        QVERIFY2(monitor->bannerText().startsWith(u"Failed: "_s),
                 qPrintable(monitor->bannerText()));
        auto *rerun = monitor->findChild<QPushButton *>(u"rerunFailed"_s);
        QVERIFY(rerun->isEnabled());

        // GitHub counts those jobs as succeeded (continue-on-error), so "re-run failed jobs"
        // would skip them: the first is re-run by its id, and the banner says the other waits.
        simulator().runs()->clearPlatformOutcomes();
        const qint64 attemptBefore = monitor->watcher()->snapshot().run->runAttempt;
        QTest::mouseClick(rerun, Qt::LeftButton);
        QTRY_COMPARE(simulator().requestLog().matching("POST", u"*/actions/jobs/*/rerun"_s).size(),
                     1);
        QVERIFY(simulator().requestLog().matching("POST", u"*/rerun-failed-jobs"_s).isEmpty());
        QTRY_VERIFY(monitor->bannerText().contains(u"one job at a time"_s));
        QSignalSpy again(monitor.get(), &rc::ui::MonitorWidget::finished);
        QVERIFY(again.wait(60000));
        QCOMPARE(monitor->watcher()->snapshot().run->runAttempt, attemptBefore + 1);
        QCOMPARE(monitor->watcher()->snapshot().failedPlatforms().size(), 1);  // the other one
        QVERIFY(rerun->isEnabled());
    }

    void cancelAsksThenCancels()
    {
        const qint64 runId = dispatch();
        std::unique_ptr<rc::ui::MonitorWidget> monitor(monitorFor(runId));
        auto *cancel = monitor->findChild<QPushButton *>(u"cancelRun"_s);
        QTRY_VERIFY(cancel->isEnabled());
        int asked = 0;
        monitor->setConfirm([&asked](QWidget *, const QString &) {
            ++asked;
            return true;
        });
        QSignalSpy finished(monitor.get(), &rc::ui::MonitorWidget::finished);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(asked, 1);
        simulator().clock()->setSpeed(50);
        QVERIFY(finished.wait(60000));
        QCOMPARE(monitor->watcher()->snapshot().run->conclusion, u"cancelled"_s);
        QVERIFY(!monitor->watcher()->snapshot().allSucceeded());
    }
};

QTEST_MAIN(TestMonitor)
#include "tst_monitor.moc"
