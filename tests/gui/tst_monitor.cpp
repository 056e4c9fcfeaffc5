// SPDX-License-Identifier: BSD-3-Clause
// The run monitor against the in-process sandbox: a row per platform from the run's jobs,
// updated with dataChanged (QAbstractItemModelTester watching), the true outcome of a build that
// failed under continue-on-error shown as a failure, cancel and re-run.

#include "flow/forgeclients.h"
#include "flow/releaseenvironment.h"
#include "monitorwidget.h"
#include "platformmodel.h"
#include "sandbox/demopatch.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "support/forgewait.h"
#include "support/sandboxrelease.h"
#include "support/simulatorclients.h"

#include <QAbstractItemModelTester>
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
    rc::test::SandboxRelease sandbox;

    // A valid dispatch of the demo tarball without a patch, straight to the forge; the run's id.
    qint64 dispatch()
    {
        const rc::sandbox::ForgeSimulator &simulator = sandbox.simulator();
        QJsonObject inputs =
            rc::test::releaseInputs(simulator, rc::test::releasableSha(simulator), u"1.0rc5"_s);
        inputs.insert(u"patch"_s, QString());
        const QByteArray body = rc::sandbox::test::dispatchBody(u"main"_s, inputs);
        const auto dispatched =
            rc::test::resultOf<rc::forge::DispatchResult>([&](QObject *context, auto done) {
                sandbox.clients->gitHub.dispatchWorkflow(
                    sandbox.profile.recipesOwner(), sandbox.profile.recipesName(),
                    sandbox.profile.workflowFile, body, context, done);
            });
        return dispatched.ok() && dispatched.value.runId ? *dispatched.value.runId : 0;
    }

    rc::ui::MonitorWidget *monitorFor(qint64 runId)
    {
        rc::watch::WatchTarget target;
        target.owner = sandbox.profile.recipesOwner();
        target.repo = sandbox.profile.recipesName();
        target.workflow = sandbox.profile.workflowFile;
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
        auto *monitor =
            new rc::ui::MonitorWidget(&sandbox.clients->gitHub, target, header, options);
        monitor->start();
        return monitor;
    }

private slots:
    void initTestCase() { qca = std::make_unique<QCA::Initializer>(); }

    void init()
    {
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
    }

    void cleanup() { sandbox.stop(); }

    void wholeRunWithATrueFailure()
    {
        sandbox.simulator().runs()->setPlatformOutcome(u"windows-2022_*"_s,
                                                       rc::sandbox::BuildOutcome::BuildFails);
        const qint64 runId = dispatch();
        QVERIFY(runId > 0);
        std::unique_ptr<rc::ui::MonitorWidget> monitor(monitorFor(runId));
        QAbstractItemModelTester tester(monitor->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(monitor->model(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(monitor->model(), &QAbstractItemModel::dataChanged);
        QSignalSpy finished(monitor.get(), &rc::ui::MonitorWidget::finished);
        sandbox.simulator().clock()->setSpeed(200);
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
        sandbox.simulator().runs()->clearPlatformOutcomes();
        const qint64 attemptBefore = monitor->watcher()->snapshot().run->runAttempt;
        QSignalSpy again(monitor.get(), &rc::ui::MonitorWidget::finished);
        QTest::mouseClick(rerun, Qt::LeftButton);
        QTRY_COMPARE(
            sandbox.simulator().requestLog().matching("POST", u"*/actions/jobs/*/rerun"_s).size(),
            1);
        QVERIFY(
            sandbox.simulator().requestLog().matching("POST", u"*/rerun-failed-jobs"_s).isEmpty());
        QTRY_VERIFY(monitor->bannerText().contains(u"one job at a time"_s));
        QVERIFY(again.count() > 0 || again.wait(60000));
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
        sandbox.simulator().clock()->setSpeed(50);
        QVERIFY(finished.wait(60000));
        QCOMPARE(monitor->watcher()->snapshot().run->conclusion, u"cancelled"_s);
        QVERIFY(!monitor->watcher()->snapshot().allSucceeded());
    }
};

QTEST_MAIN(TestMonitor)
#include "tst_monitor.moc"
