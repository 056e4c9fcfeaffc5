// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "watch/runwatcher.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace rc::forge {
class GitHubClient;
}

namespace rc::ui {

class PlatformModel;

// What a watched release is, for the header: the maintainer must see exactly what is followed.
struct MonitorHeader
{
    QString recipe;
    QString version;
    QString build;
    QString label;
    QString commitSha;
    QString commitTitle;
    QString installLine;
};

// One watched run: header, overall banner, a row per platform with its true outcome, and the
// actions (open in the browser, cancel, re-run failed jobs, a failed job's diagnosed log).
class MonitorWidget : public QWidget
{
    Q_OBJECT

public:
    MonitorWidget(const forge::GitHubClient *client, watch::WatchTarget target,
                  MonitorHeader header, watch::WatchOptions options = {},
                  QWidget *parent = nullptr);
    ~MonitorWidget() override;

    watch::RunWatcher *watcher() const { return m_watcher; }        // null until start()
    std::optional<qint64> runId() const { return m_target.runId; }  // once known
    PlatformModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString bannerText() const;
    QString title() const;  // for a tab: "veloxchem 1.0rc5 #12"

    // Asked before cancelling; true cancels. Default: a message box.
    using Confirm = std::function<bool(QWidget *parent, const QString &question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // The clock the run is watched on and its times shown by (before start()): the system's
    // by default, the sandbox's virtual clock there.
    void setClock(watch::RunWatcher::Clock clock);

public slots:
    // Starts watching (again, after a re-run: a new attempt is watched afresh).
    void start();
    void openRun();
    void cancelRun();
    void rerunFailedJobs();
    void showSelectedJobLog();

signals:
    void titleChanged(const QString &title);
    // A watcher began: at the start, and for each new attempt after a re-run.
    void watcherStarted(rc::watch::RunWatcher *watcher);
    // The watch ended with an outcome (or could not find the run).
    void finished(const rc::watch::RunSnapshot &snapshot);

private:
    void updateBanner();
    void updateButtons();
    std::optional<qint64> selectedJobId() const;

    const forge::GitHubClient *m_client;
    watch::WatchTarget m_target;
    MonitorHeader m_header;
    watch::WatchOptions m_options;
    watch::RunWatcher::Clock m_clock = &QDateTime::currentDateTimeUtc;
    QString m_rerunNote;  // what the last re-run left for later, shown under the banner
    watch::RunWatcher *m_watcher = nullptr;
    PlatformModel *m_model = nullptr;
    Confirm m_confirm;
    QLabel *m_headerLabel = nullptr;
    QLabel *m_banner = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_rerun = nullptr;
    QPushButton *m_log = nullptr;
};

}  // namespace rc::ui
