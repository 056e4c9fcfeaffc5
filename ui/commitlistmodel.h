// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/gitlab.h"
#include "forge/gitlabclient.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace rc::ui {

// The commits of a GitLab branch, newest first, each with its newest pipeline; fetched a page
// at a time as a view scrolls (canFetchMore/fetchMore). One page request in flight at a time.
class CommitListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ShaColumn, PipelineColumn, TitleColumn, AuthorColumn, DateColumn, ColumnCount };
    enum Role {
        CommitShaRole = Qt::UserRole + 1,  // full sha
        MessageRole,                       // the whole commit message
        PipelineStatusRole,                // GitLab status word, "" without pipeline
        FlaggedRole,                       // bool: a red or unfinished pipeline
    };

    using Clock = std::function<QDateTime()>;

    explicit CommitListModel(QObject *parent = nullptr);
    ~CommitListModel() override;

    // "Now" for the Date column's "today" and "this year" (the system's clock by default).
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Starts over on another project or branch (or client): a reset, then the first page.
    void setSource(const forge::GitLabClient *client, const QString &project, const QString &ref,
                   int pageSize = 30);
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_error; }
    std::optional<forge::CommitWithPipeline> commitAt(int row) const;
    // The row of a commit (full sha, either case), or -1.
    int rowOf(const QString &sha) const;

    static bool isFlagged(const QString &pipelineStatus);
    // The pipeline word's colour: red for a pipeline that failed or was canceled, amber for one
    // not finished yet (no tarball yet, but nothing wrong); invalid (the view's) otherwise.
    static QColor statusColor(const QString &pipelineStatus);
    // A date as short as it can be and still be unambiguous, in local time: the time for
    // today ("14:05"), day and month this year in the locale's order ("30 Nov", "Nov 30"), else
    // the ISO date ("2025-11-30").
    static QString compactDate(const QDateTime &when, const QDateTime &now);

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const QString &message);

private:
    void fetchPage();

    const forge::GitLabClient *m_client = nullptr;
    Clock m_clock = &QDateTime::currentDateTimeUtc;
    QString m_project;
    QString m_ref;
    int m_pageSize = 30;
    QList<forge::CommitWithPipeline> m_commits;
    int m_nextPage = 1;
    bool m_hasMore = false;
    bool m_loading = false;
    QString m_error;
    // The context of the page request in flight: replaced on a reload, so an old answer is
    // dropped with it.
    std::unique_ptr<QObject> m_request;
};

}  // namespace rc::ui
