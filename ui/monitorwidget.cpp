// SPDX-License-Identifier: BSD-3-Clause
#include "monitorwidget.h"

#include "forge/githubclient.h"
#include "platformmodel.h"
#include "watch/logdiagnosis.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

bool askWithMessageBox(QWidget *parent, const QString &question)
{
    return QMessageBox::question(parent, MonitorWidget::tr("Cancel the run?"), question,
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

}  // namespace

MonitorWidget::MonitorWidget(const forge::GitHubClient *client, watch::WatchTarget target,
                             MonitorHeader header, watch::WatchOptions options, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_target(std::move(target))
    , m_header(std::move(header))
    , m_options(options)
    , m_confirm(&askWithMessageBox)
{
    setObjectName(u"monitor"_s);
    m_headerLabel = new QLabel;
    m_headerLabel->setObjectName(u"monitorHeader"_s);
    m_headerLabel->setTextFormat(Qt::PlainText);
    m_headerLabel->setWordWrap(true);
    m_headerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner = new QLabel;
    m_banner->setObjectName(u"monitorBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);

    m_model = new PlatformModel(this);

    m_view = new QTableView;
    m_view->setObjectName(u"platformView"_s);
    m_view->setAccessibleName(tr("Platforms"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(PlatformModel::StatusColumn,
                                                     QHeaderView::Stretch);
    // The short columns fit their text on one line. Sized when rows arrive, not with
    // ResizeToContents: that would measure every row again on each tick of the elapsed time.
    watch::PlatformState longest;  // the widest text the column shows: 359:59, translated
    longest.startedAt = QDateTime::fromSecsSinceEpoch(0, QTimeZone::UTC);
    longest.completedAt = longest.startedAt.addSecs(6 * 3600 - 1);
    m_view->setColumnWidth(
        PlatformModel::ElapsedColumn,
        m_view->fontMetrics().horizontalAdvance(PlatformModel::elapsedText(longest, {})) +
            4 * m_view->style()->pixelMetric(QStyle::PM_HeaderMargin));
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, [this] {
        m_view->resizeColumnToContents(PlatformModel::PlatformColumn);
        m_view->resizeColumnToContents(PlatformModel::VariantColumn);
    });

    m_open = new QPushButton(tr("&Open in Browser"));
    m_cancel = new QPushButton(tr("&Cancel Run…"));
    m_rerun = new QPushButton(tr("&Re-run Failed Jobs"));
    m_log = new QPushButton(tr("Show &Log"));
    m_open->setObjectName(u"openRun"_s);
    m_cancel->setObjectName(u"cancelRun"_s);
    m_rerun->setObjectName(u"rerunFailed"_s);
    m_log->setObjectName(u"showLog"_s);
    m_log->setToolTip(tr("The selected job's log, with the conda-build error found"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_log);
    buttons->addStretch(1);
    buttons->addWidget(m_rerun);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, &MonitorWidget::openRun);
    connect(m_cancel, &QPushButton::clicked, this, &MonitorWidget::cancelRun);
    connect(m_rerun, &QPushButton::clicked, this, &MonitorWidget::rerunFailedJobs);
    connect(m_log, &QPushButton::clicked, this, &MonitorWidget::showSelectedJobLog);
    connect(m_view, &QTableView::activated, this, [](const QModelIndex &index) {
        QDesktopServices::openUrl(index.data(PlatformModel::UrlRole).toUrl());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MonitorWidget::updateButtons);
    updateBanner();
    updateButtons();
}

void MonitorWidget::setClock(watch::RunWatcher::Clock clock)
{
    m_clock = std::move(clock);
    m_model->setClock(m_clock);
}

void MonitorWidget::start()
{
    if (m_watcher) {
        m_model->setWatcher(nullptr);
        m_watcher->deleteLater();
    }
    m_watcher = new watch::RunWatcher(m_client, m_target, m_options, m_clock, this);
    m_model->setWatcher(m_watcher);
    connect(m_watcher, &watch::RunWatcher::runChanged, this, [this] {
        if (const auto &run = m_watcher->snapshot().run)
            m_target.runId = run->id;  // a restart (re-run) follows this run
        updateBanner();
        updateButtons();
        emit titleChanged(title());
    });
    connect(m_watcher, &watch::RunWatcher::platformChanged, this, &MonitorWidget::updateBanner);
    connect(m_watcher, &watch::RunWatcher::finished, this, [this] {
        updateBanner();
        updateButtons();
        emit finished(m_watcher->snapshot());
    });
    updateBanner();
    updateButtons();
    emit watcherStarted(m_watcher);
    m_watcher->start();
}

MonitorWidget::~MonitorWidget()
{
    m_model->setWatcher(nullptr);
}

QString MonitorWidget::title() const
{
    QString text = m_header.recipe + u' ' + m_header.version;
    if (!m_watcher)
        return text;
    const auto &run = m_watcher->snapshot().run;
    if (run)
        text += u" #"_s + QString::number(run->runNumber);
    return text;
}

QString MonitorWidget::bannerText() const
{
    return m_banner->text();
}

void MonitorWidget::updateBanner()
{
    static const watch::RunSnapshot notStarted;
    const watch::RunSnapshot &snapshot = m_watcher ? m_watcher->snapshot() : notStarted;
    QString header = tr("%1 %2 build %3 (label %4) · commit %5 %6")
                         .arg(m_header.recipe, m_header.version, m_header.build, m_header.label,
                              m_header.commitSha.left(8), m_header.commitTitle);
    if (snapshot.run)
        header += u'\n' +
            tr("Run #%1, attempt %2 · %3")
                .arg(snapshot.run->runNumber)
                .arg(snapshot.run->runAttempt)
                .arg(snapshot.run->htmlUrl.toString());
    m_headerLabel->setText(header);

    QString banner;
    QString colour = u"#3b4252"_s;
    switch (snapshot.phase) {
    case watch::WatchPhase::FindingRun:
        banner = tr("Waiting for GitHub to start the run…");
        break;
    case watch::WatchPhase::Watching:
        banner = tr("Running.");
        break;
    case watch::WatchPhase::Completed:
        if (snapshot.allSucceeded()) {
            banner = tr("Every platform succeeded. Install with: %1").arg(m_header.installLine);
            colour = u"#2e7d32"_s;
        } else {
            const QStringList failed = snapshot.failedPlatforms();
            banner = failed.isEmpty()
                ? tr("The run ended: %1.").arg(snapshot.run ? snapshot.run->conclusion : QString())
                : tr("Failed: %1").arg(failed.join(u", "_s));
            colour = u"#c62828"_s;
        }
        break;
    case watch::WatchPhase::NotFound:
        banner = tr("The run could not be found: %1").arg(snapshot.problem);
        colour = u"#c62828"_s;
        break;
    case watch::WatchPhase::Failed:
        banner = tr("Watching stopped: %1").arg(snapshot.problem);
        colour = u"#c62828"_s;
        break;
    }
    if (snapshot.stale)
        banner += u' ' +
            tr("(no answer since %1: %2; retrying)")
                .arg(snapshot.staleSince.toLocalTime().toString(u"HH:mm:ss"_s), snapshot.problem);
    if (!m_rerunNote.isEmpty())
        banner += u'\n' + m_rerunNote;
    m_banner->setText(banner);
    m_banner->setStyleSheet(u"color: white; padding: 6px; background: %1;"_s.arg(colour));
}

void MonitorWidget::updateButtons()
{
    static const watch::RunSnapshot notStarted;
    const watch::RunSnapshot &snapshot = m_watcher ? m_watcher->snapshot() : notStarted;
    const bool haveRun = snapshot.run.has_value();
    const bool completed = haveRun && snapshot.run->status == "completed"_L1;
    m_open->setEnabled(haveRun);
    m_cancel->setEnabled(haveRun && !completed);
    m_rerun->setEnabled(completed && !snapshot.allSucceeded());
    m_log->setEnabled(selectedJobId().has_value());
}

std::optional<qint64> MonitorWidget::selectedJobId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const qint64 id = current.data(PlatformModel::JobIdRole).toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void MonitorWidget::openRun()
{
    if (!m_watcher)
        return;
    if (const auto &run = m_watcher->snapshot().run)
        QDesktopServices::openUrl(run->htmlUrl);
}

void MonitorWidget::cancelRun()
{
    if (!m_watcher)
        return;
    const auto &run = m_watcher->snapshot().run;
    if (!run ||
        !m_confirm(this,
                   tr("Cancel run #%1 of %2 %3? Builds still running stop; "
                      "nothing already uploaded is removed.")
                       .arg(run->runNumber)
                       .arg(m_header.recipe, m_header.version)))
        return;
    m_cancel->setEnabled(false);
    m_client->cancelRun(m_target.owner, m_target.repo, run->id, this,
                        [this](const forge::ForgeResult<forge::Done> &result) {
                            if (!result.ok())
                                m_banner->setText(
                                    tr("Cancel refused: %1").arg(result.error.describe()));
                        });
}

void MonitorWidget::rerunFailedJobs()
{
    if (!m_watcher)
        return;
    const auto &run = m_watcher->snapshot().run;
    if (!run)
        return;
    // Jobs GitHub itself counts as failed (helpers included) go in one "re-run failed jobs".
    // A build that failed under continue-on-error is a job GitHub counts as succeeded, which
    // that call skips: it is re-run by its id, one per attempt (GitHub starts no re-run while an
    // attempt is running), so with several the first goes now and the banner says so.
    bool anyJobConcludedFailure = false;
    QList<const watch::PlatformState *> hiddenFailures;
    for (const watch::PlatformState &platform : m_watcher->snapshot().platforms) {
        if (platform.jobConclusion == u"failure"_s || platform.jobConclusion == u"cancelled"_s)
            anyJobConcludedFailure = true;
        else if (!platform.helper && platform.status == watch::PlatformStatus::Failure)
            hiddenFailures << &platform;
    }
    if (!anyJobConcludedFailure && hiddenFailures.isEmpty()) {
        m_banner->setText(m_banner->text() + u'\n' + tr("GitHub has no failed job to re-run."));
        return;
    }
    m_rerun->setEnabled(false);
    QString note;
    if (anyJobConcludedFailure && !hiddenFailures.isEmpty())
        note = tr("%1 failed under continue-on-error: re-run it when this attempt has ended.")
                   .arg(hiddenFailures.constFirst()->key);
    else if (hiddenFailures.size() > 1)
        note = tr("Re-running %1 first: GitHub re-runs one job at a time, so re-run the next "
                  "when this attempt has ended.")
                   .arg(hiddenFailures.constFirst()->key);
    const auto followNewAttempt = [this, note](const forge::ForgeResult<forge::Done> &result) {
        if (!result.ok()) {
            m_banner->setText(tr("Re-run refused: %1").arg(result.error.describe()));
            return;
        }
        // A new attempt of the same run: watched afresh.
        m_rerunNote = note;
        start();
    };
    if (anyJobConcludedFailure)
        m_client->rerunFailedJobs(m_target.owner, m_target.repo, run->id, this, followNewAttempt);
    else
        m_client->rerunJob(m_target.owner, m_target.repo, hiddenFailures.constFirst()->jobId, this,
                           followNewAttempt);
}

void MonitorWidget::showSelectedJobLog()
{
    const std::optional<qint64> jobId = selectedJobId();
    if (!jobId)
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"logDialog"_s);
    dialog->setWindowTitle(tr("Job log — Release Console"));
    auto *summary = new QLabel(tr("Reading the log…"));
    summary->setObjectName(u"logSummary"_s);
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::PlainText);
    auto *excerpt = new QPlainTextEdit;
    excerpt->setObjectName(u"logExcerpt"_s);
    excerpt->setReadOnly(true);
    excerpt->setLineWrapMode(QPlainTextEdit::NoWrap);
    excerpt->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    const QModelIndex current = m_view->currentIndex();
    const QUrl jobUrl = current.data(PlatformModel::UrlRole).toUrl();
    QPushButton *full = buttons->addButton(tr("Full Log in Browser"), QDialogButtonBox::ActionRole);
    connect(full, &QPushButton::clicked, dialog, [jobUrl] { QDesktopServices::openUrl(jobUrl); });
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(summary);
    layout->addWidget(excerpt, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 520);
    dialog->show();
    // The job's annotations say in a line what failed, where the token may read them (checks:
    // read); the log says why.
    auto *annotations = new QLabel;
    annotations->setObjectName(u"logAnnotations"_s);
    annotations->setWordWrap(true);
    annotations->setTextFormat(Qt::PlainText);
    annotations->hide();
    layout->insertWidget(1, annotations);
    m_client->annotations(
        m_target.owner, m_target.repo, *jobId, dialog,
        [annotations](const forge::ForgeResult<QList<forge::CheckRunAnnotation>> &result) {
            if (!result.ok() || result.value.isEmpty())
                return;
            QStringList lines;
            for (const forge::CheckRunAnnotation &annotation : result.value.mid(0, 5))
                lines << (annotation.title.isEmpty() ? annotation.message
                                                     : annotation.title + u": "_s +
                                  annotation.message.section(u'\n', 0, 0));
            annotations->setText(lines.join(u'\n'));
            annotations->show();
        });
    m_client->jobLog(m_target.owner, m_target.repo, *jobId, dialog,
                     [summary, excerpt](const forge::ForgeResult<QByteArray> &result) {
                         if (!result.ok()) {
                             summary->setText(
                                 tr("The log could not be read: %1").arg(result.error.describe()));
                             return;
                         }
                         const watch::LogExcerpt diagnosis = watch::diagnoseLog(result.value);
                         summary->setText(diagnosis.summary);
                         excerpt->setPlainText(diagnosis.lines.join(u'\n'));
                     });
}

}  // namespace rc::ui
