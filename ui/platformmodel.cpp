// SPDX-License-Identifier: BSD-3-Clause
#include "platformmodel.h"

#include <QApplication>
#include <QColor>
#include <QIcon>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

QIcon makeStatusIcon(watch::PlatformStatus status)
{
    const QStyle *style = QApplication::style();
    switch (status) {
    case watch::PlatformStatus::Success:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case watch::PlatformStatus::Failure:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case watch::PlatformStatus::Cancelled:
    case watch::PlatformStatus::Skipped:
        return style->standardIcon(QStyle::SP_DialogCancelButton);
    case watch::PlatformStatus::Running:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case watch::PlatformStatus::Queued:
        return style->standardIcon(QStyle::SP_MediaPause);
    }
    return {};
}

QIcon makeOsIcon(const QString &os)
{
    if (os == "Linux"_L1)
        return QIcon(u":/icons/os-linux.svg"_s);
    if (os == "macOS"_L1)
        return QIcon(u":/icons/os-macos.svg"_s);
    if (os == "Windows"_L1)
        return QIcon(u":/icons/os-windows.svg"_s);
    return {};
}

}  // namespace

PlatformModel::PlatformModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Made once: a view asks for them on every paint.
    for (const auto status : {watch::PlatformStatus::Queued, watch::PlatformStatus::Running,
                              watch::PlatformStatus::Success, watch::PlatformStatus::Failure,
                              watch::PlatformStatus::Cancelled, watch::PlatformStatus::Skipped})
        m_statusIcons.insert(int(status), makeStatusIcon(status));
    for (const QString &os : {u"Linux"_s, u"macOS"_s, u"Windows"_s})
        m_osIcons.insert(os, makeOsIcon(os));
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &PlatformModel::tick);
}

void PlatformModel::setWatcher(watch::RunWatcher *watcher)
{
    if (m_watcher)
        disconnect(m_watcher, nullptr, this, nullptr);
    if (m_rows > 0) {
        // Another run: its rows are not these rows.
        beginResetModel();
        m_rows = 0;
        m_dirtyFirst = m_dirtyLast = -1;
        endResetModel();
    }
    m_watcher = watcher;
    if (!watcher)
        return;
    connect(watcher, &watch::RunWatcher::platformsInserted, this, &PlatformModel::onInserted);
    connect(watcher, &watch::RunWatcher::platformChanged, this, &PlatformModel::onChanged);
    const int existing = int(watcher->snapshot().platforms.size());
    if (existing > 0)
        onInserted(0, existing - 1);
    m_ticker.start();
}

int PlatformModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PlatformModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlatformModel::statusText(const watch::PlatformState &platform)
{
    switch (platform.status) {
    case watch::PlatformStatus::Queued:
        return tr("queued");
    case watch::PlatformStatus::Running:
        if (platform.stepCount > 0)
            return tr("running step %1 of %2: %3")
                .arg(platform.stepNumber)
                .arg(platform.stepCount)
                .arg(platform.stepName);
        return tr("running");
    case watch::PlatformStatus::Success:
        return tr("success");
    case watch::PlatformStatus::Failure:
        if (platform.jobConclusion == "success"_L1)
            return tr("failure (the job says success; the build summary says otherwise)");
        return platform.stepName.isEmpty() ? tr("failure")
                                           : tr("failure at %1").arg(platform.stepName);
    case watch::PlatformStatus::Cancelled:
        return tr("cancelled");
    case watch::PlatformStatus::Skipped:
        return tr("skipped");
    }
    return {};
}

QString PlatformModel::elapsedText(const watch::PlatformState &platform, const QDateTime &now)
{
    if (!platform.startedAt.isValid())
        return {};
    const QDateTime end = platform.completedAt.isValid() ? platform.completedAt : now;
    const qint64 seconds = std::max<qint64>(0, platform.startedAt.secsTo(end));
    // GitHub stops a job after 360 minutes unless the workflow says otherwise.
    return tr("%1:%2 of 6:00:00").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QVariant PlatformModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_watcher || index.row() >= m_watcher->snapshot().platforms.size())
        return {};
    const watch::PlatformState &platform = m_watcher->snapshot().platforms.at(index.row());
    switch (role) {
    case StatusRole:
        return int(platform.status);
    case UrlRole:
        return platform.htmlUrl;
    case JobIdRole:
        return platform.jobId;
    case HelperRole:
        return platform.helper;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (column) {
        case PlatformColumn:
            return platform.os.isEmpty() ? platform.key : platform.os;
        case VariantColumn:
            return platform.helper ? tr("(helper job)") : platform.variant;
        case StatusColumn:
            return statusText(platform);
        case ElapsedColumn:
            return elapsedText(platform, m_clock());
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole) {
        if (column == PlatformColumn)
            return m_osIcons.value(platform.os);
        if (column == StatusColumn)
            return m_statusIcons.value(int(platform.status));
    }
    if (role == Qt::ForegroundRole && column == StatusColumn &&
        platform.status == watch::PlatformStatus::Failure)
        return QColor(0xe0, 0x43, 0x3a);
    if (role == Qt::ToolTipRole)
        return QString(platform.key + u'\n' + platform.htmlUrl.toString());
    return {};
}

QVariant PlatformModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PlatformColumn:
        return tr("Platform");
    case VariantColumn:
        return tr("Variant");
    case StatusColumn:
        return tr("Status");
    case ElapsedColumn:
        return tr("Elapsed");
    default:
        return {};
    }
}

void PlatformModel::onInserted(int first, int last)
{
    if (last < m_rows)
        return;
    first = std::max(first, m_rows);
    beginInsertRows({}, first, last);
    m_rows = last + 1;
    endInsertRows();
}

// A poll changes many rows at once: one dataChanged for the rows it touched, once the poll's
// signals are in, rather than one per row.
void PlatformModel::onChanged(int row)
{
    if (row < 0 || row >= m_rows)
        return;
    if (m_dirtyFirst < 0) {
        m_dirtyFirst = m_dirtyLast = row;
        QMetaObject::invokeMethod(this, &PlatformModel::flushChanges, Qt::QueuedConnection);
        return;
    }
    m_dirtyFirst = std::min(m_dirtyFirst, row);
    m_dirtyLast = std::max(m_dirtyLast, row);
}

void PlatformModel::flushChanges()
{
    if (m_dirtyFirst < 0)
        return;
    const int first = m_dirtyFirst;
    const int last = std::min(m_dirtyLast, m_rows - 1);
    m_dirtyFirst = m_dirtyLast = -1;
    if (first <= last)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void PlatformModel::tick()
{
    if (!m_watcher)
        return;
    const QList<watch::PlatformState> &platforms = m_watcher->snapshot().platforms;
    for (int row = 0; row < m_rows && row < platforms.size(); ++row) {
        if (platforms.at(row).status == watch::PlatformStatus::Running)
            emit dataChanged(index(row, ElapsedColumn), index(row, ElapsedColumn),
                             {Qt::DisplayRole});
    }
}

}  // namespace rc::ui
