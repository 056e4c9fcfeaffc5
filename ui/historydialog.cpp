// SPDX-License-Identifier: BSD-3-Clause
#include "historydialog.h"

#include "clearbutton.h"
#include "ledger/ledgerexport.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

HistoryModel::HistoryModel(ledger::ReleaseLedger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
{
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_entries = m_ledger.entries();
    m_platforms = m_ledger.platforms(m_entries);
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ledger::LedgerEntry &entry = m_entries.at(index.row());
    switch (role) {
    case EntryIdRole:
        return entry.id;
    case InstallLineRole:
        return entry.installLine;
    case RunUrlRole:
        return entry.runUrl;
    case HasRunRole:
        return entry.state == ledger::DispatchState::Sent && entry.runId.has_value();
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return QLocale().toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat);
        case ProfileColumn:
            return entry.profile;
        case ReleaseColumn:
            return tr("%1 %2 build %3 (%4) · %5")
                .arg(entry.recipe, entry.version, entry.build, entry.label,
                     entry.commitSha.left(8));
        case OutcomeColumn:
            return ledger::overallOutcome(entry, m_platforms.value(entry.id));
        case RunColumn:
            return entry.runId ? QString::number(*entry.runId) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return entry.stateDetail.isEmpty() ? entry.installLine : entry.stateDetail;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("Sent");
    case ProfileColumn:
        return tr("Profile");
    case ReleaseColumn:
        return tr("Release");
    case OutcomeColumn:
        return tr("Outcome");
    case RunColumn:
        return tr("Run");
    default:
        return {};
    }
}

HistoryDialog::HistoryDialog(ledger::ReleaseLedger &ledger, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
{
    setObjectName(u"historyDialog"_s);
    setWindowTitle(tr("Release History — Release Console"));
    m_model = new HistoryModel(ledger, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"historyFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by profile, version, outcome or commit"));
    addClearButton(m_filter);
    m_filter->setAccessibleName(tr("Filter the history"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTableView;
    m_view->setObjectName(u"historyView"_s);
    m_view->setAccessibleName(tr("Release history"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(HistoryModel::ReleaseColumn,
                                                     QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_copy = buttons->addButton(tr("&Copy Install Line"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(u"copyInstallLine"_s);
    m_open = buttons->addButton(tr("&Open Run"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(u"openRun"_s);
    m_watch = buttons->addButton(tr("&Watch Again"), QDialogButtonBox::ActionRole);
    m_watch->setObjectName(u"watchAgain"_s);
    m_watch->setToolTip(tr("Follow this release's run in the Runs panel: its platforms, its "
                           "true outcome, a re-run's new attempt"));
    QPushButton *save = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &HistoryDialog::copyInstallLine);
    connect(m_open, &QPushButton::clicked, this, &HistoryDialog::openRun);
    connect(m_watch, &QPushButton::clicked, this, &HistoryDialog::watchAgain);
    connect(save, &QPushButton::clicked, this, &HistoryDialog::exportAs);
    connect(m_view, &QTableView::activated, this, &HistoryDialog::openRun);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryDialog::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryDialog::updateButtons);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &HistoryDialog::updateButtons);
    updateButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(900, 480);
}

void HistoryDialog::copyInstallLine()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        QApplication::clipboard()->setText(current.data(HistoryModel::InstallLineRole).toString());
}

void HistoryDialog::openRun()
{
    const QUrl url = m_view->currentIndex().data(HistoryModel::RunUrlRole).toUrl();
    if (url.isValid() && !url.isEmpty())
        QDesktopServices::openUrl(url);
}

void HistoryDialog::watchAgain()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.data(HistoryModel::HasRunRole).toBool())
        emit watchRequested(current.data(HistoryModel::EntryIdRole).toLongLong());
}

void HistoryDialog::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    m_copy->setEnabled(current.isValid());
    const QUrl url = current.data(HistoryModel::RunUrlRole).toUrl();
    m_open->setEnabled(url.isValid() && !url.isEmpty());
    m_watch->setEnabled(current.data(HistoryModel::HasRunRole).toBool());
}

void HistoryDialog::exportAs()
{
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the release history"), u"release-history.json"_s,
        tr("JSON (*.json);;CSV (*.csv)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const QList<ledger::LedgerEntry> entries = m_ledger.entries();
    const ledger::PlatformsByEntry platforms = m_ledger.platforms(entries);
    const QByteArray bytes = path.endsWith(u".csv"_s, Qt::CaseInsensitive)
        ? ledger::exportCsv(entries, platforms)
        : ledger::exportJson(entries, platforms);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Cannot write %1: %2").arg(path, file.errorString()));
}

}  // namespace rc::ui
