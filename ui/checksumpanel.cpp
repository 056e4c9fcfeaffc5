// SPDX-License-Identifier: BSD-3-Clause
#include "checksumpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

ChecksumPanel::ChecksumPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"checksumPanel"_s);
    m_compute = new QPushButton(tr("Compute Chec&ksum"));
    m_compute->setObjectName(u"computeChecksum"_s);
    m_compute->setToolTip(tr("Find the commit's tarball, download it with the GitLab token and "
                             "compute its SHA-256 (Ctrl+Shift+K)"));
    m_cancel = new QPushButton(tr("Ca&ncel"));
    m_cancel->setObjectName(u"cancelChecksum"_s);
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"checksumProgress"_s);
    m_progress->setAccessibleName(tr("Checksum progress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status = new QLabel;
    m_status->setObjectName(u"checksumStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *row = new QHBoxLayout;
    row->addWidget(m_compute);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);

    connect(m_compute, &QPushButton::clicked, this, &ChecksumPanel::compute);
    connect(m_cancel, &QPushButton::clicked, this, &ChecksumPanel::cancel);
    updateButtons();
}

QString ChecksumPanel::statusText() const
{
    return m_status->text();
}

void ChecksumPanel::setRequest(const forge::GitLabClient *client,
                               const std::optional<tarball::ChecksumRequest> &request)
{
    if (m_job) {
        // Its answer, even one already queued, is about another commit: never reported.
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job->deleteLater();
        m_job = nullptr;
        m_progress->hide();
    }
    m_client = client;
    m_request = request;
    m_status->clear();
    updateButtons();
}

void ChecksumPanel::compute()
{
    if (!m_client || !m_request || m_job)
        return;
    m_job = new tarball::ChecksumJob(m_client, *m_request, &QDateTime::currentDateTimeUtc, this);
    connect(m_job, &tarball::ChecksumJob::stageChanged, m_status, &QLabel::setText);
    connect(m_job, &tarball::ChecksumJob::progress, this, &ChecksumPanel::showProgress);
    connect(m_job, &tarball::ChecksumJob::finished, this, &ChecksumPanel::onFinished);
    m_progress->setRange(0, 0);
    m_progress->show();
    updateButtons();
    m_job->start();
}

void ChecksumPanel::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ChecksumPanel::showProgress(const tarball::ChecksumProgress &progress)
{
    const QLocale locale;
    if (progress.total > 0) {
        // Permille keeps the range inside int for any size.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(progress.received * 1000 / progress.total));
    }
    QString text = tr("%1 of %2 at %3/s")
                       .arg(locale.formattedDataSize(progress.received),
                            progress.total >= 0 ? locale.formattedDataSize(progress.total)
                                                : tr("unknown size"),
                            locale.formattedDataSize(qint64(progress.bytesPerSecond)));
    if (progress.eta)
        text += tr(", %n s left", nullptr, int(progress.eta->count()));
    m_status->setText(text);
}

void ChecksumPanel::onFinished()
{
    tarball::ChecksumJob *job = m_job;
    if (!job)
        return;
    const tarball::ChecksumOutcome outcome = job->outcome();
    const tarball::ChecksumRequest request = job->request();
    job->deleteLater();
    m_job = nullptr;
    m_progress->hide();
    if (outcome.cancelled)
        m_status->setText(tr("Cancelled: no checksum."));
    else if (outcome.error.isError())
        m_status->setText(outcome.error.describe());
    else if (!outcome.problem.isEmpty())
        m_status->setText(outcome.problem);
    else if (outcome.result)
        m_status->setText(tr("sha256 of %1 (%2), top folder %3/")
                              .arg(outcome.result->url.fileName(),
                                   QLocale().formattedDataSize(outcome.result->bytes),
                                   outcome.result->topFolder.topLevelNames.value(0)));
    updateButtons();
    emit finished(outcome, request);
}

void ChecksumPanel::updateButtons()
{
    const bool running = m_job != nullptr;
    m_compute->setEnabled(!running && m_client && m_request);
    m_cancel->setVisible(running);
}

}  // namespace rc::ui
