// SPDX-License-Identifier: BSD-3-Clause
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

SettingsDialog::SettingsDialog(desktop::AppSettings current, QWidget *parent)
    : QDialog(parent)
    , m_startLanguage(current.language)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings — Release Console"));
    using desktop::AppSettings;

    m_pollMin = new QSpinBox;
    m_pollMin->setObjectName(u"pollMin"_s);
    m_pollMin->setRange(int(AppSettings::kPollMinLowest.count()),
                        int(AppSettings::kPollMinHighest.count()));
    m_pollMin->setSuffix(tr(" s"));
    m_pollMin->setValue(int(current.pollMin.count()));
    m_pollMin->setToolTip(tr("How soon the run monitor asks GitHub again after a change"));
    m_pollMax = new QSpinBox;
    m_pollMax->setObjectName(u"pollMax"_s);
    m_pollMax->setRange(int(AppSettings::kPollMinLowest.count()),
                        int(AppSettings::kPollMaxHighest.count()));
    m_pollMax->setSuffix(tr(" s"));
    m_pollMax->setValue(int(current.pollMax.count()));
    m_pollMax->setToolTip(tr("The longest the run monitor waits while nothing changes"));

    m_notifications = new QCheckBox(tr("&Notify me when a watched release has its outcome"));
    m_notifications->setObjectName(u"notifications"_s);
    m_notifications->setChecked(current.notifications);

    m_language = new QComboBox;
    m_language->setObjectName(u"language"_s);
    // The C locale (no LANG) has no language name: the app is in English then.
    const QString systemLanguage = QLocale().language() == QLocale::C
        ? QLocale::languageToString(QLocale::English)
        : QLocale().nativeLanguageName();
    m_language->addItem(tr("As the system (%1)").arg(systemLanguage), QString());
    for (const QString &code : desktop::availableLanguages()) {
        const QLocale locale(code);
        m_language->addItem(locale.nativeLanguageName(), code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    m_languageNote = new QLabel(tr("The language changes when Release Console starts again."));
    m_languageNote->setObjectName(u"languageNote"_s);
    m_languageNote->setWordWrap(true);

    m_problem = new QLabel;
    m_problem->setObjectName(u"settingsProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(u"color: white; background: #b3261e; padding: 4px;"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Shortest &poll interval:"), m_pollMin);
    form->addRow(tr("&Longest poll interval:"), m_pollMax);
    form->addRow(QString(), m_notifications);
    form->addRow(tr("Lan&guage:"), m_language);
    form->addRow(QString(), m_languageNote);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_pollMin, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_pollMax, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
    revalidate();
}

desktop::AppSettings SettingsDialog::settings() const
{
    desktop::AppSettings s;
    s.pollMin = std::chrono::seconds(m_pollMin->value());
    s.pollMax = std::chrono::seconds(m_pollMax->value());
    s.notifications = m_notifications->isChecked();
    s.language = m_language->currentData().toString();
    return s;
}

QPushButton *SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void SettingsDialog::revalidate()
{
    const QString problem = settings().problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
    m_languageNote->setVisible(m_language->currentData().toString() != m_startLanguage);
}

}  // namespace rc::ui
