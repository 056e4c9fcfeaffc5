// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "kit/recipeskit.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace rc::ui {

// Tools > Recipes Repo Kit: writes the reference deploy workflow and a recipe template for a
// new recipes repo (rc::kit::exportKit). Shows the files the chosen builder gets and the text of
// the selected one (the workflow first), read-only.
class KitDialog : public QDialog
{
    Q_OBJECT

public:
    // `recipe`: the recipe folder to propose (e.g. the current profile's); empty: the kit's
    // default.
    explicit KitDialog(const QString &recipe = QString(), QWidget *parent = nullptr);

    kit::Builder builder() const;
    QString recipe() const;
    QString folder() const;
    void setFolder(const QString &folder);

signals:
    // After a complete export: the files written.
    void exported(const QStringList &paths);

private:
    void refreshFiles();
    void showSelectedFile();
    void updateExportButton();
    void chooseFolder();
    void exportKit();

    QComboBox *m_builder = nullptr;
    QLineEdit *m_recipe = nullptr;
    QLabel *m_recipeProblem = nullptr;
    QLineEdit *m_folder = nullptr;
    QCheckBox *m_overwrite = nullptr;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_contents = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_export = nullptr;
    QList<kit::KitFile> m_kitFiles;
};

}  // namespace rc::ui
