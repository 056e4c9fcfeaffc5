// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/gitlab.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace rc::forge {
class GitLabClient;
}

namespace rc::ui {

class CommitListModel;

// The branch's commits with their pipeline status, filterable by text and author; choosing one
// (double-click, Return, or the selection) says so with the commit and its pipeline.
class CommitPicker : public QWidget
{
    Q_OBJECT

public:
    explicit CommitPicker(QWidget *parent = nullptr);

    void setSource(const forge::GitLabClient *client, const QString &project, const QString &ref);
    CommitListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    // Selects and chooses the commit's row (in the filtered view); false when it is not listed.
    bool selectCommit(const QString &sha);

signals:
    void commitChosen(const rc::forge::CommitWithPipeline &commit);

private:
    void chooseCurrent();
    void updateStatus();

    CommitListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
};

}  // namespace rc::ui
