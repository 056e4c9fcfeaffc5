// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "tarball/checksumjob.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rc::forge {
class GitLabClient;
}

namespace rc::ui {

// Computes the tarball checksum of a commit with progress, speed, time left and cancel.
class ChecksumPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChecksumPanel(QWidget *parent = nullptr);

    // What "Compute" will do; a null client disables it. Changing it cancels a running job.
    void setRequest(const forge::GitLabClient *client,
                    const std::optional<tarball::ChecksumRequest> &request);
    bool isRunning() const { return m_job != nullptr; }
    QPushButton *computeButton() const { return m_compute; }
    QPushButton *cancelButton() const { return m_cancel; }
    QString statusText() const;

public slots:
    void compute();
    void cancel();

signals:
    // `request` is what was checksummed (the commit may have changed in the form since).
    void finished(const rc::tarball::ChecksumOutcome &outcome,
                  const rc::tarball::ChecksumRequest &request);

private:
    void showProgress(const tarball::ChecksumProgress &progress);
    void onFinished();
    void updateButtons();

    const forge::GitLabClient *m_client = nullptr;
    std::optional<tarball::ChecksumRequest> m_request;
    QPointer<tarball::ChecksumJob> m_job;
    QPushButton *m_compute = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

}  // namespace rc::ui
