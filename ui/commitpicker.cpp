// SPDX-License-Identifier: BSD-3-Clause
#include "commitpicker.h"

#include "clearbutton.h"
#include "commitlistmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

CommitPicker::CommitPicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new CommitListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"commitPicker"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"commitFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by title, author or sha"));
    m_filter->setAccessibleName(tr("Filter commits"));
    addClearButton(m_filter);

    auto *reload = new QPushButton(tr("Rel&oad"));
    reload->setObjectName(u"reloadCommits"_s);
    reload->setToolTip(tr("Read the branch's commits and pipelines again"));

    m_view = new QTableView;
    m_view->setObjectName(u"commitList"_s);
    m_view->setAccessibleName(tr("Commits"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(CommitListModel::TitleColumn, QHeaderView::Stretch);
    // The title is what a maintainer reads, so the other columns take only what they need: the
    // date is abridged ("14:05", "30 Nov") and the author, in the title's tooltip and matched by
    // the filter, is hidden until asked for from the header's context menu.
    for (const int column :
         {CommitListModel::ShaColumn, CommitListModel::PipelineColumn, CommitListModel::DateColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->resizeSection(CommitListModel::AuthorColumn,
                          fontMetrics().horizontalAdvance(u"Roberto Di"_s));
    header->setSectionHidden(CommitListModel::AuthorColumn, true);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    const struct
    {
        int column;
        QString name;
        QString text;
    } optionalColumns[] = {
        {CommitListModel::AuthorColumn, u"showAuthorColumn"_s, tr("Show &Author")},
        {CommitListModel::DateColumn, u"showDateColumn"_s, tr("Show &Date")},
    };
    for (const auto &optional : optionalColumns) {
        const int column = optional.column;
        auto *toggle = new QAction(optional.text, header);
        toggle->setObjectName(optional.name);
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        connect(toggle, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
        header->addAction(toggle);
    }

    m_status = new QLabel;
    m_status->setObjectName(u"commitStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(reload);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(reload, &QPushButton::clicked, m_model, &CommitListModel::reload);
    // Chosen by a click, Return or a double-click: browsing with the arrows, or a filter that
    // moves the current row, chooses nothing.
    connect(m_view, &QTableView::activated, this, &CommitPicker::chooseCurrent);
    connect(m_view, &QTableView::clicked, this, &CommitPicker::chooseCurrent);
    connect(m_model, &CommitListModel::loadingChanged, this, &CommitPicker::updateStatus);
    connect(m_model, &CommitListModel::errorOccurred, this, &CommitPicker::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CommitPicker::updateStatus);
    updateStatus();
}

void CommitPicker::setSource(const forge::GitLabClient *client, const QString &project,
                             const QString &ref)
{
    m_model->setSource(client, project, ref);
}

bool CommitPicker::selectCommit(const QString &sha)
{
    const int row = m_model->rowOf(sha);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    chooseCurrent();
    return true;
}

void CommitPicker::chooseCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (const auto commit = m_model->commitAt(current.row()))
        emit commitChosen(*commit);
}

void CommitPicker::updateStatus()
{
    if (!m_model->errorText().isEmpty())
        m_status->setText(tr("Could not read the commits: %1").arg(m_model->errorText()));
    else if (m_model->isLoading())
        m_status->setText(tr("Reading commits…"));
    else
        m_status->setText(tr("%n commits", nullptr, m_model->rowCount()));
}

}  // namespace rc::ui
