// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "ledger/releaseledger.h"

#include <QAbstractTableModel>
#include <QDialog>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rc::ui {

// Every recorded release, newest first, with its overall true outcome.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, ProfileColumn, ReleaseColumn, OutcomeColumn, RunColumn, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, InstallLineRole, RunUrlRole, HasRunRole };

    explicit HistoryModel(ledger::ReleaseLedger &ledger, QObject *parent = nullptr);
    // Reads the ledger again (a whole new list: a reset).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ledger::ReleaseLedger &m_ledger;
    QList<ledger::LedgerEntry> m_entries;
    ledger::PlatformsByEntry m_platforms;
};

// The release history (SPEC F10): filter, copy the install line, open the run, watch it
// again, export.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HistoryDialog(ledger::ReleaseLedger &ledger, QWidget *parent = nullptr);
    HistoryModel *model() const { return m_model; }

signals:
    // "Watch Again" on an entry with a run: the window follows it (again) in a monitor.
    void watchRequested(qint64 entryId);

private:
    void copyInstallLine();
    void openRun();
    void watchAgain();
    void exportAs();
    void updateButtons();

    ledger::ReleaseLedger &m_ledger;
    HistoryModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_watch = nullptr;
};

}  // namespace rc::ui
