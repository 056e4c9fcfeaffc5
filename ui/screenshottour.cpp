// SPDX-License-Identifier: BSD-3-Clause
#include "screenshottour.h"

#include "checksumpanel.h"
#include "commitlistmodel.h"
#include "commitpicker.h"
#include "flow/dispatcher.h"
#include "historydialog.h"
#include "mainwindow.h"
#include "monitorwidget.h"
#include "platformmodel.h"
#include "preflightdialog.h"
#include "releaseform.h"
#include "settingsdialog.h"
#include "watch/runwatcher.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

constexpr int kStepTimeoutMs = 180'000;

class Tour : public QObject
{
public:
    Tour(MainWindow &window, QString folder)
        : QObject(&window)
        , m_window(window)
        , m_folder(std::move(folder))
    {
        QDir().mkpath(m_folder);
        // The shots show the window, not a notification over it (under Xvfb no notification
        // server runs, so it would be Qt's own balloon). The sandbox keeps no settings.
        desktop::AppSettings settings = m_window.appSettings();
        m_notificationsWere = settings.notifications;
        settings.notifications = false;
        m_window.applySettings(settings);
        m_poll.setInterval(100);
        connect(&m_poll, &QTimer::timeout, this, &Tour::step);
        m_clock.start();
        m_poll.start();
    }

private:
    // The whole screen (dialogs included), once what it shows has had time to paint.
    void save(const QString &name)
    {
        m_poll.stop();
        QTimer::singleShot(500, this, [this, name] {
            const QString path = m_folder + u'/' + name;
            const QPixmap shot = m_window.screen()->grabWindow(0);
            const bool saved = shot.save(path, "PNG");
            QTextStream(stderr) << (saved ? u"saved "_s : u"could not save "_s) << path << u'\n';
            if (!saved) {
                QCoreApplication::exit(1);
                return;
            }
            ++m_stage;
            m_clock.restart();
            m_poll.start();
        });
    }

    void fail(const QString &why)
    {
        m_poll.stop();
        QTextStream(stderr) << u"screenshot tour: "_s << why << u'\n';
        QCoreApplication::exit(1);
    }

    MonitorWidget *monitor() const
    {
        const QList<MonitorWidget *> monitors = m_window.monitors();
        return monitors.isEmpty() ? nullptr : monitors.constFirst();
    }

    void step()
    {
        if (m_clock.elapsed() > kStepTimeoutMs) {
            fail(u"stage %1 timed out"_s.arg(m_stage));
            return;
        }
        switch (m_stage) {
        case 0:  // pick the newest commit whose pipeline passed, compute its checksum
            if (pickCommit())
                ++m_stage;
            return;
        case 1:
            if (!m_window.checksumPanel()->isRunning() && !m_window.isFetchingInitFile() &&
                m_window.preparedRelease().isReady())
                save(u"01-release-form.png"_s);
            return;
        case 2:
            if (PreflightDialog *dialog = m_window.openPreflight()) {
                dialog->move(m_window.geometry().center() - dialog->rect().center() +
                             QPoint(120, 40));
                ++m_stage;
            }
            return;
        case 3:
            if (auto *dialog = m_window.findChild<PreflightDialog *>();
                dialog && dialog->isPreflightFinished())
                save(u"02-preflight.png"_s);
            return;
        case 4:
            if (auto *dialog = m_window.findChild<PreflightDialog *>()) {
                dialog->setConfirm([](QWidget *, const QString &) { return true; });
                dialog->sendButton()->click();
                ++m_stage;
            }
            return;
        case 5:
            if (auto *dialog = m_window.findChild<PreflightDialog *>();
                dialog && dialog->dispatcher() && dialog->dispatcher()->isFinished()) {
                dialog->accept();
                ++m_stage;
            }
            return;
        case 6:  // mid-run: every build started, none finished
            if (MonitorWidget *m = monitor(); m && m->watcher() && midRun(*m->watcher()))
                save(u"03-monitor-running.png"_s);
            return;
        case 7:
            if (MonitorWidget *m = monitor(); m && m->watcher() && !m->watcher()->isActive())
                save(u"04-monitor-finished.png"_s);
            return;
        case 8:
            if (MonitorWidget *m = monitor(); m && selectFailedRow(*m)) {
                m->showSelectedJobLog();
                ++m_stage;
            }
            return;
        case 9:
            if (auto *summary = m_window.findChild<QLabel *>(u"logSummary"_s);
                summary && !summary->text().endsWith(u'…'))
                save(u"05-diagnosed-log.png"_s);
            return;
        case 10:
            closeDialogs();
            m_window.findChild<QAction *>(u"openHistory"_s)->trigger();
            ++m_stage;
            return;
        case 11:
            if (m_window.findChild<HistoryDialog *>())
                save(u"06-history.png"_s);
            return;
        case 12: {
            closeDialogs();
            // The run is over: the settings are shown as they were, not as the tour set them.
            desktop::AppSettings settings = m_window.appSettings();
            settings.notifications = m_notificationsWere;
            m_window.applySettings(settings);
            m_window.openSettingsDialog();
            ++m_stage;
            return;
        }
        case 13:
            if (m_window.findChild<SettingsDialog *>())
                save(u"07-settings.png"_s);
            return;
        default:
            m_poll.stop();
            QCoreApplication::exit(0);
        }
    }

    bool pickCommit()
    {
        CommitListModel *commits = m_window.commitPicker()->model();
        for (int row = 0; row < commits->rowCount(); ++row) {
            const QModelIndex index = commits->index(row, 0);
            if (!index.data(CommitListModel::FlaggedRole).toBool()) {
                m_window.commitPicker()->selectCommit(
                    index.data(CommitListModel::CommitShaRole).toString());
                QTimer::singleShot(300, this, [this] {
                    // A commit without a [conda-build] message leaves these to the maintainer.
                    if (m_window.form()->field(release::ReleaseField::Version).isEmpty())
                        m_window.form()->setField(release::ReleaseField::Version, u"1.0rc5"_s);
                    if (m_window.form()->field(release::ReleaseField::Build).isEmpty())
                        m_window.form()->setField(release::ReleaseField::Build, u"0"_s);
                    m_window.checksumPanel()->compute();
                });
                return true;
            }
        }
        return false;
    }

    static bool midRun(const watch::RunWatcher &watcher)
    {
        int builds = 0;
        for (const watch::PlatformState &p : watcher.snapshot().platforms) {
            if (p.helper)
                continue;
            if (p.status != watch::PlatformStatus::Running || p.stepNumber < 8)
                return false;
            ++builds;
        }
        return builds > 0;
    }

    static bool selectFailedRow(MonitorWidget &monitor)
    {
        QAbstractItemModel *model = monitor.model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (watch::PlatformStatus(index.data(PlatformModel::StatusRole).toInt()) ==
                watch::PlatformStatus::Failure) {
                monitor.view()->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }

    void closeDialogs()
    {
        for (QDialog *dialog : m_window.findChildren<QDialog *>()) {
            if (dialog->isVisible())
                dialog->reject();
        }
    }

    MainWindow &m_window;
    QString m_folder;
    QTimer m_poll;
    QElapsedTimer m_clock;
    int m_stage = 0;
    bool m_notificationsWere = true;  // the setting before the tour turned it off
};

}  // namespace

void runScreenshotTour(MainWindow &window, const QString &folder)
{
    new Tour(window, folder);
}

}  // namespace rc::ui
