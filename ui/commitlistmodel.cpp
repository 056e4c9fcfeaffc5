// SPDX-License-Identifier: BSD-3-Clause
#include "commitlistmodel.h"

#include "forge/servertext.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QPalette>
#include <QStyle>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

// Server text on one line, without the controls that could hide or reorder what a cell shows.
QString cellText(const QString &text, qsizetype maxLength = 500)
{
    return forge::printableServerText(text, maxLength);
}

QString statusWord(const QString &status)
{
    if (status.isEmpty())
        return CommitListModel::tr("no pipeline");
    if (status == "success"_L1)
        return CommitListModel::tr("passed");
    if (status == "failed"_L1)
        return CommitListModel::tr("failed");
    if (status == "running"_L1)
        return CommitListModel::tr("running");
    if (status == "pending"_L1 || status == "created"_L1 || status == "waiting_for_resource"_L1 ||
        status == "preparing"_L1)
        return CommitListModel::tr("pending");
    if (status == "canceled"_L1)
        return CommitListModel::tr("canceled");
    if (status == "skipped"_L1)
        return CommitListModel::tr("skipped");
    if (status == "manual"_L1)
        return CommitListModel::tr("manual");
    return cellText(status);
}

// The day in full and the time to the minute: QLocale's long date-time adds seconds and the
// time zone's long name, which only make the tooltip wide.
QString fullDate(const QDateTime &when)
{
    const QLocale locale;
    return locale.toString(when.toLocalTime(),
                           locale.dateFormat(QLocale::LongFormat) + u' ' +
                               locale.timeFormat(QLocale::ShortFormat));
}

QIcon statusIcon(const QString &status)
{
    const QStyle *style = QApplication::style();
    if (status == "success"_L1)
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    if (status == "failed"_L1 || status == "canceled"_L1)
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    if (status.isEmpty())
        return {};
    return style->standardIcon(QStyle::SP_BrowserReload);
}

// Whether the locale writes the month before the day ("Nov 30" rather than "30 Nov"), read from
// its long date format: the first day number (a run of one or two 'd', not the weekday's
// "dddd") and the first month.
bool monthBeforeDay(const QLocale &locale)
{
    const QString format = locale.dateFormat(QLocale::LongFormat);
    qsizetype day = -1, month = -1;
    for (qsizetype at = 0; at < format.size();) {
        const QChar c = format.at(at);
        qsizetype end = at;
        while (end < format.size() && format.at(end) == c)
            ++end;
        if (c == u'd' && end - at <= 2 && day < 0)
            day = at;
        else if (c == u'M' && month < 0)
            month = at;
        if (c == u'\'')  // quoted text: skipped whole
            end = std::max(end, format.indexOf(u'\'', end) + 1);
        at = std::max(end, at + 1);
    }
    return month >= 0 && day >= 0 && month < day;
}

}  // namespace

CommitListModel::CommitListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CommitListModel::~CommitListModel() = default;

bool CommitListModel::isFlagged(const QString &pipelineStatus)
{
    return forge::isPipelineFlagged(pipelineStatus);
}

QColor CommitListModel::statusColor(const QString &pipelineStatus)
{
    if (pipelineStatus.isEmpty() || !isFlagged(pipelineStatus))
        return {};
    if (pipelineStatus == "failed"_L1 || pipelineStatus == "canceled"_L1)
        return QColor(0xe0, 0x43, 0x3a);
    // Readable on the light and the dark palette alike, as the red is.
    return QColor(0xc8, 0x82, 0x10);
}

QString CommitListModel::compactDate(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today) {
        // Every real locale's short time is to the minute; the C locale's has seconds.
        const QLocale locale;
        return locale.language() == QLocale::C
            ? local.time().toString(u"HH:mm"_s)
            : locale.toString(local.time(), QLocale::ShortFormat);
    }
    if (local.date().year() == today.year()) {
        const QLocale locale;
        return locale.toString(local.date(), monthBeforeDay(locale) ? u"MMM d"_s : u"d MMM"_s);
    }
    return local.date().toString(Qt::ISODate);
}

void CommitListModel::setSource(const forge::GitLabClient *client, const QString &project,
                                const QString &ref, int pageSize)
{
    m_client = client;
    m_project = project;
    m_ref = ref;
    m_pageSize = pageSize;
    reload();
}

void CommitListModel::reload()
{
    m_request.reset();
    beginResetModel();
    m_commits.clear();
    m_nextPage = 1;
    m_hasMore = m_client != nullptr;
    m_error.clear();
    endResetModel();
    if (m_loading) {
        m_loading = false;
        emit loadingChanged(false);
    }
    if (m_client)
        fetchPage();
}

int CommitListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_commits.size());
}

int CommitListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommitListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const forge::CommitWithPipeline &entry = m_commits.at(index.row());
    const forge::GitLabCommit &commit = entry.commit;
    const QString status = entry.pipeline ? entry.pipeline->status : QString();
    switch (role) {
    case CommitShaRole:
        return commit.id;
    case MessageRole:
        return commit.message;
    case PipelineStatusRole:
        return status;
    case FlaggedRole:
        return isFlagged(status);
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case ShaColumn:
            return commit.id.left(8);
        case PipelineColumn:
            return statusWord(status);
        case TitleColumn:
            return cellText(commit.title);
        case AuthorColumn:
            return cellText(commit.authorName);
        case DateColumn:
            return compactDate(commit.committedDate, m_clock());
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == PipelineColumn)
        return statusIcon(status);
    if (role == Qt::ToolTipRole) {
        if (column == PipelineColumn && entry.pipeline)
            return tr("Pipeline #%1: %2").arg(entry.pipeline->id).arg(statusWord(status));
        // The whole message, and who and when in full: the Author column is hidden by default
        // and the Date column abridged.
        if (column == TitleColumn)
            return tr("%1\n\n%2, %3")
                .arg(cellText(commit.message, 2000).replace(u"  "_s, u" "_s),
                     cellText(commit.authorName), fullDate(commit.committedDate));
        if (column == AuthorColumn)
            return commit.authorEmail.isEmpty()
                ? cellText(commit.authorName)
                : u"%1 <%2>"_s.arg(cellText(commit.authorName), cellText(commit.authorEmail, 254));
        if (column == DateColumn)
            return fullDate(commit.committedDate);
        if (column == ShaColumn)
            return commit.id;
    }
    if (role == Qt::ForegroundRole && column == PipelineColumn) {
        if (const QColor color = statusColor(status); color.isValid())
            return color;
    }
    if (role == Qt::AccessibleTextRole && column == PipelineColumn)
        return tr("pipeline %1").arg(statusWord(status));
    return {};
}

QVariant CommitListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ShaColumn:
        return tr("Commit");
    case PipelineColumn:
        return tr("Pipeline");
    case TitleColumn:
        return tr("Title");
    case AuthorColumn:
        return tr("Author");
    case DateColumn:
        return tr("Date");
    default:
        return {};
    }
}

bool CommitListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading && m_error.isEmpty();
}

void CommitListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage();
}

void CommitListModel::fetchPage()
{
    m_loading = true;
    emit loadingChanged(true);
    m_request = std::make_unique<QObject>();
    m_client->commitsWithPipelines(
        m_project, m_ref, m_nextPage, m_pageSize, m_request.get(),
        [this](const forge::ForgeResult<forge::Page<forge::CommitWithPipeline>> &result) {
            // A view may ask for the next page while rows are inserted: the state is updated
            // first, and this request's context outlives its own callback.
            m_request.release()->deleteLater();
            m_loading = false;
            if (!result.ok()) {
                m_error = result.error.describe();
                m_hasMore = false;
                emit loadingChanged(false);
                emit errorOccurred(m_error);
                return;
            }
            const QList<forge::CommitWithPipeline> &items = result.value.items;
            m_hasMore = result.value.hasNext() && !items.isEmpty();
            ++m_nextPage;
            if (!items.isEmpty()) {
                const int first = int(m_commits.size());
                beginInsertRows({}, first, first + int(items.size()) - 1);
                m_commits << items;
                endInsertRows();
            }
            emit loadingChanged(m_loading);
        });
}

std::optional<forge::CommitWithPipeline> CommitListModel::commitAt(int row) const
{
    if (row < 0 || row >= m_commits.size())
        return std::nullopt;
    return m_commits.at(row);
}

int CommitListModel::rowOf(const QString &sha) const
{
    for (int row = 0; row < m_commits.size(); ++row) {
        if (m_commits.at(row).commit.id.compare(sha, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

}  // namespace rc::ui
