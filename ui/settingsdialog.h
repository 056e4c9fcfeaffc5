// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "desktop/appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace rc::ui {

// Tools > Settings: the run monitor's poll-interval bounds, notifications and the language.
// A problem is shown as the values change; OK is enabled only for settings that can be saved.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(desktop::AppSettings current, QWidget *parent = nullptr);

    // What the controls hold now.
    desktop::AppSettings settings() const;
    QSpinBox *pollMinBox() const { return m_pollMin; }
    QSpinBox *pollMaxBox() const { return m_pollMax; }
    QPushButton *okButton() const;

private:
    void revalidate();

    QSpinBox *m_pollMin = nullptr;
    QSpinBox *m_pollMax = nullptr;
    QCheckBox *m_notifications = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_languageNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_startLanguage;
};

}  // namespace rc::ui
