// SPDX-License-Identifier: BSD-3-Clause
#include "profilesdialog.h"

#include "appearance.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

using profiles::ProfileField;

QString fieldTitle(ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return ProfilesDialog::tr("&Name:");
    case ProfileField::GitLabUrl:
        return ProfilesDialog::tr("GitLab &instance:");
    case ProfileField::GitLabProject:
        return ProfilesDialog::tr("GitLab &project:");
    case ProfileField::Branch:
        return ProfilesDialog::tr("&Branch:");
    case ProfileField::GitHubApiUrl:
        return ProfilesDialog::tr("GitHub &API:");
    case ProfileField::RecipesRepo:
        return ProfilesDialog::tr("&Recipes repo:");
    case ProfileField::WorkflowFile:
        return ProfilesDialog::tr("&Workflow file:");
    case ProfileField::WorkflowRef:
        return ProfilesDialog::tr("Workflow r&ef:");
    case ProfileField::DispatchKind:
        return ProfilesDialog::tr("&Dispatch kind:");
    case ProfileField::EventType:
        return ProfilesDialog::tr("E&vent type:");
    case ProfileField::Recipe:
        return ProfilesDialog::tr("Re&cipe:");
    case ProfileField::InitPath:
        return ProfilesDialog::tr("__init__.py &path:");
    case ProfileField::TarballSource:
        return ProfilesDialog::tr("&Tarball source:");
    case ProfileField::TarballJob:
        return ProfilesDialog::tr("Tarball &job:");
    case ProfileField::ArtifactPath:
        return ProfilesDialog::tr("Artifact pat&h:");
    case ProfileField::DefaultChannel:
        return ProfilesDialog::tr("Default c&hannel:");
    case ProfileField::DefaultLabel:
        return ProfilesDialog::tr("Default &label:");
    case ProfileField::AnacondaApiUrl:
        return ProfilesDialog::tr("anaconda.org API:");
    case ProfileField::PatchEncoding:
        return ProfilesDialog::tr("Patch en&coding:");
    case ProfileField::DispatchIdInput:
        return ProfilesDialog::tr("Dispatch id in&put:");
    case ProfileField::GitLabCertificate:
        return ProfilesDialog::tr("GitLab certificate file:");
    case ProfileField::GitHubCertificate:
        return ProfilesDialog::tr("GitHub certificate file:");
    }
    return {};
}

// The values of the fields that are a choice; empty for free text.
QList<std::pair<QString, QString>> choicesOf(ProfileField field)
{
    switch (field) {
    case ProfileField::DispatchKind:
        return {{u"workflow"_s, ProfilesDialog::tr("workflow_dispatch")},
                {u"repository"_s, ProfilesDialog::tr("repository_dispatch")}};
    case ProfileField::TarballSource:
        return {{u"job-artifact"_s, ProfilesDialog::tr("CI job artifact (by job id)")},
                {u"archive"_s, ProfilesDialog::tr("repository archive (unstable bytes)")}};
    case ProfileField::PatchEncoding:
        return {{u"printf"_s, ProfilesDialog::tr("printf (the workflow runs printf '<patch>')")},
                {u"raw"_s, ProfilesDialog::tr("raw (from an environment variable)")}};
    default:
        return {};
    }
}

QString editorValue(QWidget *editor)
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentData().toString();
    return static_cast<QLineEdit *>(editor)->text();
}

void setEditorValue(QWidget *editor, const QString &value)
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    else
        static_cast<QLineEdit *>(editor)->setText(value);
}

}  // namespace

ProfilesDialog::ProfilesDialog(profiles::ProfileStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(u"profilesDialog"_s);
    setWindowTitle(tr("Profiles — Release Console"));

    m_list = new QListWidget;
    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Profiles"));
    auto *add = new QPushButton(tr("&New"));
    add->setObjectName(u"newProfile"_s);
    m_remove = new QPushButton(tr("Remo&ve…"));
    m_remove->setObjectName(u"removeProfile"_s);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *fields = new QWidget;
    auto *form = new QFormLayout(fields);
    for (const ProfileField field : profiles::allProfileFields()) {
        QWidget *editor = nullptr;
        const auto choices = choicesOf(field);
        if (choices.isEmpty()) {
            auto *edit = new QLineEdit;
            connect(edit, &QLineEdit::textChanged, this, &ProfilesDialog::validate);
            editor = edit;
        } else {
            auto *combo = new QComboBox;
            for (const auto &[value, text] : choices)
                combo->addItem(text, value);
            connect(combo, &QComboBox::currentIndexChanged, this, &ProfilesDialog::validate);
            editor = combo;
        }
        const QString name = profiles::profileFieldName(field);
        editor->setObjectName(u"profile-"_s + name);
        QString title = fieldTitle(field);
        editor->setAccessibleName(title.remove(u'&').remove(u':'));
        auto *label = new QLabel(fieldTitle(field));
        label->setBuddy(editor);
        auto *problem = new QLabel;
        problem->setObjectName(u"problem-"_s + name);
        problem->setWordWrap(true);
        problem->setTextFormat(Qt::PlainText);
        showTextAsProblem(problem);
        problem->hide();
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(editor);
        column->addWidget(problem);
        form->addRow(label, column);
        m_editors.insert(field, editor);
        m_problems.insert(field, problem);
    }
    m_warnings = new QLabel;
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    form->addRow(m_warnings);
    auto *scroller = new QScrollArea;
    scroller->setWidget(fields);
    scroller->setWidgetResizable(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveProfile"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ProfilesDialog::save);
    connect(add, &QPushButton::clicked, this, [this] { showProfile({}); });
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeCurrent);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty())
            showProfile(name);
    });

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(scroller, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(860, 640);

    reloadList({});
    if (m_list->count() == 0)
        showProfile({});
}

void ProfilesDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_list->addItems(m_store.names());
    const QList<QListWidgetItem *> found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.constFirst());
    else if (m_list->count() > 0 && select.isEmpty())
        m_list->setCurrentRow(0);
    if (m_list->currentItem())
        showProfile(m_list->currentItem()->text());
}

void ProfilesDialog::showProfile(const QString &name)
{
    const std::optional<profiles::Profile> stored =
        name.isEmpty() ? std::nullopt : m_store.load(name);
    if (!stored) {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_loadedName = stored ? stored->name : QString();
    showValues(stored.value_or(profiles::Profile {}));
    m_remove->setEnabled(stored.has_value());
}

void ProfilesDialog::showValues(const profiles::Profile &profile)
{
    m_filling = true;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        setEditorValue(it.value(), profiles::fieldValue(profile, it.key()));
    m_filling = false;
    validate();
}

profiles::Profile ProfilesDialog::currentProfile() const
{
    profiles::Profile profile;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        profiles::setFieldValue(profile, it.key(), editorValue(it.value()));
    return profile;
}

QString ProfilesDialog::problemText(profiles::ProfileField field) const
{
    const QLabel *label = m_problems.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void ProfilesDialog::validate()
{
    if (m_filling)
        return;
    const profiles::Profile profile = currentProfile();
    const QList<profiles::ProfileProblem> problems = profiles::validateProfile(profile);
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        QString text;
        for (const profiles::ProfileProblem &problem : problems) {
            if (problem.field == it.key())
                text = problem.message;
        }
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    m_warnings->setText(profiles::profileWarnings(profile).join(u'\n'));
    m_save->setEnabled(problems.isEmpty());
}

void ProfilesDialog::save()
{
    const profiles::Profile profile = currentProfile();
    if (profile.name != m_loadedName && m_store.contains(profile.name) &&
        QMessageBox::question(this, tr("Replace profile"),
                              tr("A profile named '%1' exists. Replace it?").arg(profile.name)) !=
            QMessageBox::Yes)
        return;
    const QString problem = m_store.save(profile);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Profile not saved"), problem);
        return;
    }
    // A new name for the profile shown is a rename, not a copy.
    if (!m_loadedName.isEmpty() && m_loadedName != profile.name)
        m_store.remove(m_loadedName);
    reloadList(profile.name);
    emit profilesChanged(profile.name);
}

void ProfilesDialog::removeCurrent()
{
    const QString name = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(
            this, tr("Remove profile"),
            tr("Remove the profile '%1'? Its release history stays.").arg(name)) !=
        QMessageBox::Yes)
        return;
    m_store.remove(name);
    reloadList({});
    emit profilesChanged({});
}

}  // namespace rc::ui
