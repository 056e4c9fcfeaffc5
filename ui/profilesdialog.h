// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "profiles/profile.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QWidget;

namespace rc::ui {

// Adds, edits and removes release profiles, with each field's problem shown next to it as the
// user types (the same words as the form and the CLI).
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfilesDialog(profiles::ProfileStore &store, QWidget *parent = nullptr);

    // Shows a profile (by name) or a new one when empty.
    void showProfile(const QString &name);
    profiles::Profile currentProfile() const;
    QWidget *editor(profiles::ProfileField field) const { return m_editors.value(field); }
    QString problemText(profiles::ProfileField field) const;
    QPushButton *saveButton() const { return m_save; }

signals:
    void profilesChanged(const QString &selectedName);

private:
    void reloadList(const QString &select);
    void showValues(const profiles::Profile &profile);
    void validate();
    void save();
    void removeCurrent();

    profiles::ProfileStore &m_store;
    QListWidget *m_list = nullptr;
    QHash<profiles::ProfileField, QWidget *> m_editors;
    QHash<profiles::ProfileField, QLabel *> m_problems;
    QLabel *m_warnings = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    bool m_filling = false;
    QString m_loadedName;  // the stored profile shown; empty for a new one
};

}  // namespace rc::ui
