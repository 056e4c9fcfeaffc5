// SPDX-License-Identifier: BSD-3-Clause
// The whole release in the window, against the in-process sandbox: pick a commit, prefill,
// checksum, preflight, dispatch — and the simulator received exactly one valid dispatch.

#include "checksumpanel.h"
#include "commitlistmodel.h"
#include "commitpicker.h"
#include "flow/forgeclients.h"
#include "flow/releaseenvironment.h"
#include "historydialog.h"
#include "ledger/releaseledger.h"
#include "mainwindow.h"
#include "monitorwidget.h"
#include "preflightdialog.h"
#include "profilesdialog.h"
#include "releaseform.h"
#include "sandbox/demopatch.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/virtualclock.h"
#include "support/forgewait.h"
#include "support/sandboxrelease.h"
#include "support/simulatorclients.h"
#include "watch/runwatcher.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QtCrypto>

using namespace Qt::StringLiterals;

class TestReleaseFlowGui : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QCA::Initializer> qca;
    rc::test::SandboxRelease sandbox;
    std::unique_ptr<rc::ui::MainWindow> window;

    QLineEdit *edit(const QString &name) const
    {
        return window->form()->findChild<QLineEdit *>(name);
    }

    // A release of the sandbox profile sent outside the window, as a command or an earlier
    // session would: its run and a Sent ledger entry for it.
    qint64 sentRelease(const QString &build)
    {
        const rc::profiles::Profile &profile = sandbox.profile;
        const QString sha = rc::test::releasableSha(sandbox.simulator());
        QJsonObject inputs = rc::test::releaseInputs(sandbox.simulator(), sha, u"2.0.0"_s);
        inputs.insert(u"build"_s, build);
        rc::ledger::LedgerEntry entry;
        entry.profile = profile.name;
        entry.recipe = u"veloxchem"_s;
        entry.commitSha = sha;
        entry.version = u"2.0.0"_s;
        entry.build = build;
        entry.channel = u"veloxchem"_s;
        entry.label = u"dev"_s;
        entry.url = inputs.value(u"url"_s).toString();
        entry.sha256 = inputs.value(u"sha256"_s).toString();
        entry.endpoint = u"POST dispatches"_s;
        entry.body = rc::sandbox::test::dispatchBody(profile.workflowRef, inputs);
        entry.installLine = u"conda install veloxchem=2.0.0=*_%1"_s.arg(build);
        const std::optional<qint64> id = sandbox.environment->ledger().recordSending(entry);
        if (!id)
            return 0;
        const auto dispatched =
            rc::test::resultOf<rc::forge::DispatchResult>([&](QObject *context, auto done) {
                sandbox.clients->gitHub.dispatchWorkflow(
                    profile.recipesOwner(), profile.recipesName(), profile.workflowFile, entry.body,
                    context, done);
            });
        if (!dispatched.ok() || !dispatched.value.runId)
            return 0;
        sandbox.environment->ledger().recordSent(*id, *dispatched.value.runId, QUrl(),
                                                 std::nullopt);
        return *id;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qca = std::make_unique<QCA::Initializer>();
    }

    void init()
    {
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        window = std::make_unique<rc::ui::MainWindow>();
        window->setEnvironment(sandbox.environment.get());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    void cleanup()
    {
        window.reset();
        sandbox.stop();
    }

    void sandboxBannerAndProfile()
    {
        auto *banner = window->findChild<QLabel *>(u"sandboxBanner"_s);
        QVERIFY(banner->isVisible());
        QTRY_VERIFY(window->currentProfile().has_value());
        QCOMPARE(window->currentProfile()->name, u"sandbox"_s);
        QCOMPARE(edit(u"recipe"_s)->text(), u"veloxchem"_s);
    }

    void commitModelPagesAndPassesTheTester()
    {
        const rc::profiles::Profile &profile = sandbox.profile;
        auto *model = new rc::ui::CommitListModel(this);
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setSource(&sandbox.clients->gitLab, profile.gitLabProject, profile.branch, 10);
        QTRY_VERIFY(model->rowCount() > 0);
        // The tester itself asks for more (fetchMore) as a view would, page by page.
        while (model->canFetchMore({}) || model->isLoading()) {
            model->fetchMore({});
            QTRY_VERIFY(!model->isLoading());
        }
        QCOMPARE(model->rowCount(), int(sandbox.simulator().gitLab()->commits().size()));
        QVERIFY(
            sandbox.simulator().requestLog().matching("GET", u"*/repository/commits"_s).size() >=
            3);
        // Newest first, with each row's pipeline.
        QCOMPARE(model->data(model->index(0, 0), rc::ui::CommitListModel::CommitShaRole).toString(),
                 sandbox.simulator().gitLab()->commits().constFirst().sha);
        bool sawFlagged = false;
        for (int row = 0; row < model->rowCount(); ++row)
            sawFlagged = sawFlagged ||
                model->data(model->index(row, 0), rc::ui::CommitListModel::FlaggedRole).toBool();
        QVERIFY(sawFlagged);  // the demo has running and failed pipelines
        delete model;
    }

    void pipelineWordColour_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("colour");  // empty: the view's own
        QTest::newRow("failed") << u"failed"_s << u"red"_s;
        QTest::newRow("canceled") << u"canceled"_s << u"red"_s;
        QTest::newRow("running") << u"running"_s << u"amber"_s;
        QTest::newRow("pending") << u"pending"_s << u"amber"_s;
        QTest::newRow("created") << u"created"_s << u"amber"_s;
        QTest::newRow("success") << u"success"_s << QString();
        QTest::newRow("skipped") << u"skipped"_s << QString();
        QTest::newRow("no pipeline") << QString() << QString();
    }
    void pipelineWordColour()
    {
        QFETCH(QString, status);
        QFETCH(QString, colour);
        const QColor shown = rc::ui::CommitListModel::statusColor(status);
        if (colour.isEmpty()) {
            QVERIFY(!shown.isValid());
            return;
        }
        QVERIFY(shown.isValid());
        // Red: red well above green; amber: green well above blue, and not a red.
        const bool red = shown.red() > 180 && shown.green() < 100;
        const bool amber = shown.red() > 150 && shown.green() > 100 && shown.blue() < 60;
        QCOMPARE(colour == "red"_L1 ? red : amber, true);
        QCOMPARE(red && amber, false);
    }

    void compactDate_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("shown");
        const QDate today(2026, 12, 1);
        QTest::newRow("this morning") << QDateTime(today, QTime(9, 5)) << u"09:05"_s;
        QTest::newRow("midnight") << QDateTime(today, QTime(0, 0)) << u"00:00"_s;
        QTest::newRow("late yesterday")
            << QDateTime(today.addDays(-1), QTime(23, 59)) << u"30 Nov"_s;
        QTest::newRow("this January") << QDateTime(QDate(2026, 1, 2), QTime(12, 0)) << u"2 Jan"_s;
        QTest::newRow("last year")
            << QDateTime(QDate(2025, 11, 30), QTime(14, 5)) << u"2025-11-30"_s;
        // A committer's clock ahead of ours: still a day and month, never "today".
        QTest::newRow("tomorrow") << QDateTime(today.addDays(1), QTime(8, 0)) << u"2 Dec"_s;
        QTest::newRow("next year") << QDateTime(QDate(2027, 1, 2), QTime(8, 0)) << u"2027-01-02"_s;
        QTest::newRow("no date") << QDateTime() << QString();
    }

    void compactDate()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, shown);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        const QDateTime now(QDate(2026, 12, 1), QTime(14, 30));
        QCOMPARE(rc::ui::CommitListModel::compactDate(when, now), shown);
        // The same moment given in UTC is shown in local time all the same.
        QCOMPARE(rc::ui::CommitListModel::compactDate(when.toUTC(), now.toUTC()), shown);
    }

    // Day and month in the order the locale writes them.
    void compactDateFollowsTheLocalesOrder_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("shown");
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << u"30 Nov"_s;
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"Nov 30"_s;
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"30 Nov."_s;
        QTest::newRow("sv_SE") << QLocale(QLocale::Swedish, QLocale::Sweden) << u"30 nov."_s;
        QTest::newRow("C") << QLocale::c() << u"30 Nov"_s;
    }

    void compactDateFollowsTheLocalesOrder()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, shown);
        const QLocale before;
        QLocale::setDefault(locale);
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        const QDateTime now(QDate(2026, 12, 1), QTime(14, 30));
        QCOMPARE(
            rc::ui::CommitListModel::compactDate(QDateTime(QDate(2026, 11, 30), QTime(9, 0)), now),
            shown);
    }

    void commitListGivesTheTitleTheRoom()
    {
        rc::ui::CommitPicker *picker = window->commitPicker();
        QTRY_VERIFY(picker->model()->rowCount() > 0);
        QHeaderView *header = picker->view()->horizontalHeader();
        QAbstractItemModel *shown = picker->view()->model();
        using Model = rc::ui::CommitListModel;
        // The author waits in the title's tooltip (and the filter), until asked for.
        QVERIFY(header->isSectionHidden(Model::AuthorColumn));
        QVERIFY(!header->isSectionHidden(Model::DateColumn));
        const QString author = shown->index(0, Model::AuthorColumn).data().toString();
        const QString tip = shown->index(0, Model::TitleColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(shown->index(0, Model::TitleColumn).data().toString()),
                 qPrintable(tip));
        QVERIFY2(tip.contains(author), qPrintable(tip));
        // A commit of today shows its time only (the model formats on demand, in the locale
        // and at the time of the moment).
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        const QDateTime newest = picker->model()->commitAt(0)->commit.committedDate;
        // "Now" a little after it: the demo commits are on the hour, so this is the same day.
        picker->model()->setClock([newest] { return newest.addSecs(300); });
        QCOMPARE(shown->index(0, Model::DateColumn).data().toString(),
                 newest.toLocalTime().toString(u"HH:mm"_s));
        QVERIFY(shown->index(0, Model::DateColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QString::number(newest.toLocalTime().date().year())));
        // The C locale's short time has seconds; the column does not.
        QLocale::setDefault(QLocale::c());
        QCOMPARE(shown->index(0, Model::DateColumn).data().toString(),
                 newest.toLocalTime().toString(u"HH:mm"_s));
        // At the window's default size the title is the widest column, wide enough for a
        // typical title (it used to show "Fix MPI c…").
        for (int column = 0; column < Model::ColumnCount; ++column) {
            if (column != Model::TitleColumn)
                QVERIFY(header->sectionSize(Model::TitleColumn) > header->sectionSize(column));
        }
        const int typical =
            picker->view()->fontMetrics().horizontalAdvance(u"Fix MPI communicator"_s);
        QVERIFY2(header->sectionSize(Model::TitleColumn) >= typical,
                 qPrintable(u"title %1 px, a typical title %2 px"_s
                                .arg(header->sectionSize(Model::TitleColumn))
                                .arg(typical)));
        // The header's context menu brings the author back.
        auto *showAuthor = header->findChild<QAction *>(u"showAuthorColumn"_s);
        QVERIFY(showAuthor);
        QVERIFY(header->actions().contains(showAuthor));
        QVERIFY(!showAuthor->isChecked());
        showAuthor->trigger();
        QVERIFY(!header->isSectionHidden(Model::AuthorColumn));
        QVERIFY(header->sectionSize(Model::AuthorColumn) > 0);
        showAuthor->trigger();
        QVERIFY(header->isSectionHidden(Model::AuthorColumn));
    }

    void filterByAuthor()
    {
        rc::ui::CommitPicker *picker = window->commitPicker();
        QTRY_VERIFY(picker->model()->rowCount() > 0);
        QTest::keyClicks(picker->filterEdit(), u"Xin Li"_s);
        QAbstractItemModel *shown = picker->view()->model();
        QVERIFY(shown->rowCount() > 0);
        QVERIFY(shown->rowCount() < picker->model()->rowCount());
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, rc::ui::CommitListModel::AuthorColumn).data().toString(),
                     u"Xin Li"_s);
    }

    void wholeReleaseSendsOneDispatch()
    {
        rc::ui::CommitPicker *picker = window->commitPicker();
        QTRY_VERIFY(picker->model()->rowCount() > 0);
        const QString sha = rc::test::releasableSha(sandbox.simulator());
        QVERIFY(picker->selectCommit(sha));
        QCOMPARE(edit(u"commit"_s)->text(), sha);
        QTRY_VERIFY(!window->isFetchingInitFile());

        edit(u"version"_s)->setText(u"1.0rc5"_s);
        edit(u"build"_s)->setText(u"0"_s);
        edit(u"label"_s)->setText(u"dev"_s);

        rc::ui::ChecksumPanel *checksum = window->checksumPanel();
        QSignalSpy computed(checksum, &rc::ui::ChecksumPanel::finished);
        QVERIFY(checksum->computeButton()->isEnabled());
        QTest::mouseClick(checksum->computeButton(), Qt::LeftButton);
        QVERIFY(computed.wait(20000));
        QCOMPARE(edit(u"url"_s)->text(),
                 sandbox.simulator().tarballUrl(sha).toString(QUrl::FullyEncoded));
        QCOMPARE(edit(u"sha256"_s)->text().size(), 64);

        auto *preflightButton = window->findChild<QPushButton *>(u"preflightButton"_s);
        QTRY_VERIFY2(preflightButton->isEnabled(),
                     qPrintable(window->preparedRelease().blockingReasons().join(u'\n')));
        QTest::mouseClick(preflightButton, Qt::LeftButton);
        auto *dialog = window->findChild<rc::ui::PreflightDialog *>();
        QVERIFY(dialog);
        int asked = 0;
        dialog->setConfirm([&asked](QWidget *, const QString &question) {
            ++asked;
            return question.contains(u"veloxchem 1.0rc5 build 0"_s);
        });
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isPreflightFinished(), 20000);
        QVERIFY2(dialog->sendButton()->isEnabled(), qPrintable(dialog->outcomeText()));
        QSignalSpy dispatched(dialog, &rc::ui::PreflightDialog::dispatched);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);  // a second click sends nothing
        QVERIFY(dispatched.count() == 1 || dispatched.wait(20000));
        QCOMPARE(asked, 1);
        QVERIFY2(dialog->outcomeText().startsWith(u"Sent"_s), qPrintable(dialog->outcomeText()));
        QVERIFY(!dialog->sendButton()->isEnabled());

        const auto posts = sandbox.simulator().requestLog().matching("POST", u"*/dispatches"_s);
        QCOMPARE(posts.size(), 1);
        const QList<rc::ledger::LedgerEntry> entries = sandbox.environment->ledger().entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().body, posts.constFirst().body);
        QCOMPARE(entries.constFirst().state, rc::ledger::DispatchState::Sent);
        QVERIFY(sandbox.simulator().credentialLeaks().isEmpty());

        // Sent: the run is watched at once in the Runs pane.
        QTRY_COMPARE(window->monitors().size(), 1);
        rc::ui::MonitorWidget *monitor = window->monitors().constFirst();
        QTRY_VERIFY(monitor->watcher()->snapshot().run.has_value());
        QCOMPARE(monitor->watcher()->snapshot().run->id, *entries.constFirst().runId);

        // And it is in the history, with its install line.
        window->findChild<QAction *>(u"openHistory"_s)->trigger();
        auto *history = window->findChild<rc::ui::HistoryDialog *>();
        QVERIFY(history);
        QAbstractItemModelTester historyTester(
            history->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(history->model()->rowCount(), 1);
        QCOMPARE(
            history->model()->index(0, 0).data(rc::ui::HistoryModel::InstallLineRole).toString(),
            u"conda install veloxchem=1.0rc5=*_0 -c veloxchem/label/dev -c conda-forge"_s);
    }

    // The history's "Watch Again" follows a release's run; a window closed mid-run (the app
    // quit or crashed) leaves it unfinished, and the next window resumes it to its outcome.
    void restartMidRunResumesTheWatch()
    {
        const qint64 entryId = sentRelease(u"7"_s);
        QVERIFY(entryId > 0);
        const qint64 runId = *sandbox.environment->ledger().entry(entryId)->runId;
        QVERIFY(window->monitors().isEmpty());  // sent after the window started

        window->findChild<QAction *>(u"openHistory"_s)->trigger();
        auto *history = window->findChild<rc::ui::HistoryDialog *>();
        QVERIFY(history);
        auto *view = history->findChild<QTableView *>(u"historyView"_s);
        auto *watchAgain = history->findChild<QPushButton *>(u"watchAgain"_s);
        QVERIFY(!watchAgain->isEnabled());  // nothing selected
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(watchAgain->isEnabled());
        QTest::mouseClick(watchAgain, Qt::LeftButton);
        QTRY_COMPARE(window->monitors().size(), 1);
        QCOMPARE(window->monitors().constFirst()->runId(), runId);
        QTest::mouseClick(watchAgain, Qt::LeftButton);  // the same run: raised, not doubled
        QCOMPARE(window->monitors().size(), 1);

        // Mid-run: some platforms recorded, the run not finished.
        sandbox.simulator().advance(std::chrono::seconds(90));
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.environment->ledger().platforms(entryId).size() >= 6,
                                 20000);
        QCOMPARE(sandbox.environment->ledger().unfinished().size(), 1);
        window.reset();

        window = std::make_unique<rc::ui::MainWindow>();
        window->setEnvironment(sandbox.environment.get());
        window->show();
        QTRY_COMPARE(window->monitors().size(), 1);
        rc::ui::MonitorWidget *monitor = window->monitors().constFirst();
        QCOMPARE(monitor->runId(), runId);
        QSignalSpy finished(monitor->watcher(), &rc::watch::RunWatcher::finished);
        sandbox.simulator().clock()->setSpeed(200);
        QVERIFY(finished.wait(60000));
        QCOMPARE(monitor->watcher()->snapshot().phase, rc::watch::WatchPhase::Completed);
        QTRY_VERIFY(sandbox.environment->ledger().unfinished().isEmpty());
        QVERIFY(sandbox.environment->ledger().entry(entryId)->runCompletedAt.has_value());
        QVERIFY(sandbox.simulator().credentialLeaks().isEmpty());
    }

    void profilesDialogShowsProblemsAsTyped()
    {
        rc::ui::ProfilesDialog dialog(sandbox.environment->profiles());
        dialog.showProfile(u"sandbox"_s);
        auto *recipe = qobject_cast<QLineEdit *>(dialog.editor(rc::profiles::ProfileField::Recipe));
        QVERIFY(recipe);
        recipe->clear();
        QTest::keyClicks(recipe, u"Velox Chem"_s);
        QVERIFY(!dialog.problemText(rc::profiles::ProfileField::Recipe).isEmpty());
        QVERIFY(!dialog.saveButton()->isEnabled());
        recipe->setText(u"pb11mpi"_s);
        QCOMPARE(dialog.problemText(rc::profiles::ProfileField::Recipe), QString());
        auto *name = qobject_cast<QLineEdit *>(dialog.editor(rc::profiles::ProfileField::Name));
        name->setText(u"second"_s);
        QVERIFY(dialog.saveButton()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(sandbox.environment->profiles().load(u"second"_s)->recipe, u"pb11mpi"_s);
    }
};

QTEST_MAIN(TestReleaseFlowGui)
#include "tst_releaseflowgui.moc"
