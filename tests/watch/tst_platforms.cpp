// SPDX-License-Identifier: BSD-3-Clause
// Jobs to platform rows: OS and variant from the job name's matrix values or the runner labels,
// helper jobs apart, the status corrected by the true outcome, and which build summary belongs
// to which row.

#include "watch/platforms.h"

#include <QTest>

using namespace rc::forge;
using namespace rc::watch;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(PlatformStatus)

namespace {

WorkflowJob job(const QString &name, const QStringList &labels = {},
                const QString &status = u"queued"_s, const QString &conclusion = {})
{
    WorkflowJob j;
    j.id = 77;
    j.name = name;
    j.labels = labels;
    j.status = status;
    j.conclusion = conclusion;
    return j;
}

WorkflowStep step(int number, const QString &name, const QString &status)
{
    WorkflowStep s;
    s.number = number;
    s.name = name;
    s.status = status;
    s.conclusion = status == u"completed"_s ? u"success"_s : QString();
    return s;
}

}  // namespace

class TestPlatforms : public QObject
{
    Q_OBJECT
private slots:
    void mapsJobs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<bool>("helper");

        QTest::newRow("ubuntu-latest")
            << u"build (ubuntu-latest, 3.12, mpich)"_s << QStringList {u"ubuntu-latest"_s}
            << u"Linux"_s << u"Python 3.12 · mpich"_s << false;
        QTest::newRow("ubuntu-22.04") << u"build (ubuntu-22.04, 3.13, openmpi)"_s << QStringList()
                                      << u"Linux"_s << u"Python 3.13 · openmpi"_s << false;
        QTest::newRow("macos-14") << u"build (macos-14, 3.12, mpich)"_s
                                  << QStringList {u"macos-14"_s} << u"macOS"_s
                                  << u"Python 3.12 · mpich"_s << false;
        QTest::newRow("windows-2022")
            << u"build (windows-2022, 3.13, msmpi)"_s << QStringList {u"windows-2022"_s}
            << u"Windows"_s << u"Python 3.13 · msmpi"_s << false;
        QTest::newRow("os only in the labels")
            << u"build (3.12, mpich)"_s << QStringList {u"self-hosted"_s, u"macos-13"_s}
            << u"macOS"_s << u"Python 3.12 · mpich"_s << false;
        QTest::newRow("os later in the values")
            << u"test (py3.11, windows-latest)"_s << QStringList() << u"Windows"_s
            << u"Python 3.11"_s << false;
        QTest::newRow("prepare") << u"prepare"_s << QStringList {u"ubuntu-latest"_s} << u"Linux"_s
                                 << QString() << true;
        QTest::newRow("summary") << u"summary"_s << QStringList {u"ubuntu-latest"_s} << u"Linux"_s
                                 << QString() << true;
        QTest::newRow("build without matrix")
            << u"build"_s << QStringList {u"ubuntu-latest"_s} << u"Linux"_s << QString() << false;
        QTest::newRow("unknown name, unknown runner")
            << u"lint docs"_s << QStringList {u"gpu-box"_s} << QString() << QString() << true;
        QTest::newRow("unknown matrix values")
            << u"build (riscv, 3.12)"_s << QStringList {u"my-runner"_s} << QString()
            << u"riscv · Python 3.12"_s << false;
        QTest::newRow("parenthesis not at the end")
            << u"build (x) extra"_s << QStringList() << QString() << QString() << false;
        QTest::newRow("empty value") << u"build (ubuntu-latest, , mpich)"_s << QStringList()
                                     << QString() << QString() << false;
    }
    void mapsJobs()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, labels);
        QFETCH(QString, os);
        QFETCH(QString, variant);
        QFETCH(bool, helper);
        const PlatformState p = platformFromJob(job(name, labels));
        QCOMPARE(p.key, name);
        QCOMPARE(p.os, os);
        QCOMPARE(p.variant, variant);
        QCOMPARE(p.helper, helper);
        QCOMPARE(p.jobId, qint64(77));
        QVERIFY(!p.trueOutcome);
    }

    void status_data()
    {
        QTest::addColumn<QString>("jobStatus");
        QTest::addColumn<QString>("conclusion");
        QTest::addColumn<QString>("outcome");  // empty: no summary
        QTest::addColumn<PlatformStatus>("expected");
        QTest::newRow("queued") << u"queued"_s << QString() << QString() << PlatformStatus::Queued;
        QTest::newRow("waiting") << u"waiting"_s << QString() << QString()
                                 << PlatformStatus::Queued;
        QTest::newRow("running") << u"in_progress"_s << QString() << QString()
                                 << PlatformStatus::Running;
        QTest::newRow("success") << u"completed"_s << u"success"_s << QString()
                                 << PlatformStatus::Success;
        QTest::newRow("true success")
            << u"completed"_s << u"success"_s << u"success"_s << PlatformStatus::Success;
        QTest::newRow("success job, failed build")
            << u"completed"_s << u"success"_s << u"failure"_s << PlatformStatus::Failure;
        QTest::newRow("failure") << u"completed"_s << u"failure"_s << QString()
                                 << PlatformStatus::Failure;
        QTest::newRow("timed out")
            << u"completed"_s << u"timed_out"_s << QString() << PlatformStatus::Failure;
        QTest::newRow("unknown conclusion")
            << u"completed"_s << u"whatever"_s << QString() << PlatformStatus::Failure;
        QTest::newRow("cancelled")
            << u"completed"_s << u"cancelled"_s << QString() << PlatformStatus::Cancelled;
        QTest::newRow("skipped") << u"completed"_s << u"skipped"_s << QString()
                                 << PlatformStatus::Skipped;
    }
    void status()
    {
        QFETCH(QString, jobStatus);
        QFETCH(QString, conclusion);
        QFETCH(QString, outcome);
        QFETCH(PlatformStatus, expected);
        const std::optional<QString> trueOutcome =
            outcome.isEmpty() ? std::nullopt : std::optional<QString>(outcome);
        QCOMPARE(statusOf(jobStatus, conclusion, trueOutcome), expected);
        if (!trueOutcome) {
            const PlatformState p =
                platformFromJob(job(u"build (macos-14, 3.12, mpich)"_s, {}, jobStatus, conclusion));
            QCOMPARE(p.status, expected);
        }
    }

    void statusNames()
    {
        QCOMPARE(platformStatusName(PlatformStatus::Queued), u"queued"_s);
        QCOMPARE(platformStatusName(PlatformStatus::Running), u"running"_s);
        QCOMPARE(platformStatusName(PlatformStatus::Success), u"success"_s);
        QCOMPARE(platformStatusName(PlatformStatus::Failure), u"failure"_s);
        QCOMPARE(platformStatusName(PlatformStatus::Cancelled), u"cancelled"_s);
        QCOMPARE(platformStatusName(PlatformStatus::Skipped), u"skipped"_s);
    }

    void currentStep()
    {
        WorkflowJob j = job(u"build (ubuntu-latest, 3.12, mpich)"_s, {}, u"in_progress"_s);
        j.steps = {step(1, u"Set up job"_s, u"completed"_s), step(2, u"Checkout"_s, u"completed"_s),
                   step(3, u"Build"_s, u"in_progress"_s), step(4, u"Upload"_s, u"queued"_s)};
        PlatformState p = platformFromJob(j);
        QCOMPARE(p.stepCount, 4);
        QCOMPARE(p.stepNumber, 3);
        QCOMPARE(p.stepName, u"Build"_s);

        j.status = u"completed"_s;
        j.conclusion = u"success"_s;
        j.steps[2] = step(3, u"Build"_s, u"completed"_s);
        j.steps[3] = step(4, u"Upload"_s, u"completed"_s);
        p = platformFromJob(j);
        QCOMPARE(p.stepNumber, 4);
        QCOMPARE(p.stepName, u"Upload"_s);

        p = platformFromJob(job(u"prepare"_s));
        QCOMPARE(p.stepNumber, 0);
        QCOMPARE(p.stepCount, 0);
    }

    void summaryBelongs_data()
    {
        QTest::addColumn<QString>("artifact");
        QTest::addColumn<QString>("jobName");
        QTest::addColumn<bool>("belongs");
        QTest::newRow("same platform") << u"build_summary-ubuntu-latest_3.12_mpich"_s
                                       << u"build (ubuntu-latest, 3.12, mpich)"_s << true;
        QTest::newRow("windows") << u"build_summary-windows-2022_3.13_msmpi"_s
                                 << u"build (windows-2022, 3.13, msmpi)"_s << true;
        QTest::newRow("other python") << u"build_summary-ubuntu-latest_3.13_mpich"_s
                                      << u"build (ubuntu-latest, 3.12, mpich)"_s << false;
        QTest::newRow("prefix of another") << u"build_summary-ubuntu-latest_3.12"_s
                                           << u"build (ubuntu-latest, 3.12, mpich)"_s << false;
        QTest::newRow("not a summary") << u"conda-packages-ubuntu-latest_3.12_mpich"_s
                                       << u"build (ubuntu-latest, 3.12, mpich)"_s << false;
        QTest::newRow("helper") << u"build_summary-"_s << u"summary"_s << false;
        QTest::newRow("no matrix values") << u"build_summary-build"_s << u"build"_s << false;
    }
    void summaryBelongs()
    {
        QFETCH(QString, artifact);
        QFETCH(QString, jobName);
        QFETCH(bool, belongs);
        QCOMPARE(summaryBelongsTo(artifact, platformFromJob(job(jobName))), belongs);
    }

    void longNamesAreNotParsed()
    {
        const QString name = u"build ("_s + QString(5000, u'x') + u", 3.12)"_s;
        QVERIFY(matrixValuesOf(name).isEmpty());
        QCOMPARE(matrixValuesOf(u"build (a, b)"_s), (QStringList {u"a"_s, u"b"_s}));
    }
};

QTEST_GUILESS_MAIN(TestPlatforms)
#include "tst_platforms.moc"
