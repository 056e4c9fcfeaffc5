// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "watch/runwatcher.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace rc::ui {

// One row per platform of a watched run, straight from the RunWatcher's snapshot: rows are only
// ever appended, and a poll changes them with dataChanged, never a reset. Elapsed times of
// running jobs tick once a second.
class PlatformModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PlatformColumn, VariantColumn, StatusColumn, ElapsedColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1,  // watch::PlatformStatus as int
        UrlRole,                        // the job's page
        JobIdRole,
        HelperRole,  // bool: prepare/summary, not a build
    };
    using Clock = std::function<QDateTime()>;

    explicit PlatformModel(QObject *parent = nullptr);

    // Follows `watcher` (which must outlive this model, or be destroyed with it).
    void setWatcher(watch::RunWatcher *watcher);
    void setClock(Clock clock) { m_clock = std::move(clock); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(const watch::PlatformState &platform);
    static QString elapsedText(const watch::PlatformState &platform, const QDateTime &now);

private:
    void onInserted(int first, int last);
    void onChanged(int row);
    void flushChanges();
    void tick();

    QPointer<watch::RunWatcher> m_watcher;
    int m_rows = 0;  // rows announced to views (the snapshot may be ahead within a signal)
    Clock m_clock = &QDateTime::currentDateTimeUtc;
    QTimer m_ticker;
    int m_dirtyFirst = -1;  // rows changed since the last dataChanged
    int m_dirtyLast = -1;
    QHash<int, QIcon> m_statusIcons;
    QHash<QString, QIcon> m_osIcons;
};

}  // namespace rc::ui
