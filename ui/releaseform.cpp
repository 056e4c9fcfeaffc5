// SPDX-License-Identifier: BSD-3-Clause
#include "releaseform.h"

#include "appearance.h"
#include "clearbutton.h"
#include "release/commitmessage.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

constexpr auto kTouchedProperty = "rcTouched";

QLabel *createProblemLabel(const QString &fieldTitle)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    showTextAsProblem(label);
    label->setAccessibleName(ReleaseForm::tr("Problem with %1").arg(fieldTitle));
    label->hide();
    return label;
}

}  // namespace

ReleaseForm::ReleaseForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createCommitMessageGroup());
    layout->addWidget(createReleaseGroup());
    layout->addWidget(createPatchGroup());
    layout->addWidget(createDispatchGroup());
    layout->addStretch(1);
}

QLineEdit *ReleaseForm::addField(release::ReleaseField field, const QString &label,
                                 const QString &placeholder, QFormLayout *layout)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(release::fieldName(field));
    edit->setPlaceholderText(placeholder);
    addClearButton(edit);
    QString plainLabel = label;
    edit->setAccessibleName(plainLabel.remove(u'&'));
    auto *problem = createProblemLabel(plainLabel);
    problem->setObjectName(release::fieldName(field) + u"Problem"_s);

    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(edit);
    column->addWidget(problem);
    auto *buddyLabel = new QLabel(label);
    buddyLabel->setBuddy(edit);
    layout->addRow(buddyLabel, column);

    connect(edit, &QLineEdit::textChanged, this, &ReleaseForm::changed);
    connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
        edit->setProperty(kTouchedProperty, true);
        emit changed();
    });
    m_edits.insert(field, edit);
    m_problemLabels.insert(field, problem);
    return edit;
}

QWidget *ReleaseForm::createReleaseGroup()
{
    auto *group = new QGroupBox(tr("Release"));
    auto *layout = new QFormLayout(group);
    addField(release::ReleaseField::Recipe, tr("&Recipe:"),
             tr("conda recipe folder, e.g. veloxchem"), layout);
    addField(release::ReleaseField::CommitSha, tr("Co&mmit:"), tr("full commit id (40 hex digits)"),
             layout);
    addField(release::ReleaseField::Version, tr("&Version:"), tr("e.g. 1.0rc4 or 0.1.0.dev10"),
             layout);
    addField(release::ReleaseField::Build, tr("&Build:"), tr("build number, e.g. 0"), layout);
    addField(release::ReleaseField::Channel, tr("C&hannel:"), tr("anaconda.org channel"), layout);
    addField(release::ReleaseField::Label, tr("&Label:"), tr("e.g. dev or main"), layout);
    addField(release::ReleaseField::Url, tr("Tarball &URL:"),
             tr("https://gitlab.example.org/api/v4/projects/…"), layout);
    addField(release::ReleaseField::Sha256, tr("&SHA-256:"), tr("64 hex digits"), layout);
    return group;
}

QWidget *ReleaseForm::createCommitMessageGroup()
{
    auto *group = new QGroupBox(tr("Commit message"));
    auto *layout = new QVBoxLayout(group);
    m_commitMessage = new QPlainTextEdit;
    m_commitMessage->setObjectName(u"commitMessage"_s);
    m_commitMessage->setAccessibleName(tr("Commit message"));
    m_commitMessage->setPlaceholderText(
        tr("Paste a commit message, e.g.\nDeploy experimental package [conda-build]\n"
           "package = {\"version\": \"0.1.0.dev10\", \"build\": \"1\", \"channel\": \"robertodr\", "
           "\"label\": \"dev\"}"));
    m_commitMessage->setTabChangesFocus(true);
    m_commitMessage->setMaximumHeight(m_commitMessage->fontMetrics().lineSpacing() * 6);
    layout->addWidget(m_commitMessage);

    auto *row = new QHBoxLayout;
    auto *fill = new QPushButton(tr("&Fill form from message"));
    fill->setObjectName(u"fillFromMessage"_s);
    fill->setToolTip(tr("Take version, build, channel and label from the message (Ctrl+Return)"));
    row->addWidget(fill);
    row->addStretch(1);
    layout->addLayout(row);

    m_commitMessageNotes = new QLabel;
    m_commitMessageNotes->setObjectName(u"commitMessageNotes"_s);
    m_commitMessageNotes->setWordWrap(true);
    m_commitMessageNotes->setTextFormat(Qt::PlainText);
    m_commitMessageNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commitMessageNotes->hide();
    layout->addWidget(m_commitMessageNotes);

    connect(fill, &QPushButton::clicked, this, &ReleaseForm::fillFromCommitMessage);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_commitMessage);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &ReleaseForm::fillFromCommitMessage);
    return group;
}

QWidget *ReleaseForm::createPatchGroup()
{
    auto *group = new QGroupBox(tr("Version patch"));
    auto *layout = new QFormLayout(group);
    m_initPath = new QLineEdit(u"src/pymodule/__init__.py"_s);
    m_initPath->setObjectName(u"initPath"_s);
    m_initPath->setAccessibleName(tr("Path of __init__.py in the repository"));
    auto *pathLabel = new QLabel(tr("&Path in repository:"));
    pathLabel->setBuddy(m_initPath);
    layout->addRow(pathLabel, m_initPath);

    m_author = new QLineEdit;
    m_author->setObjectName(u"author"_s);
    m_author->setAccessibleName(tr("Author"));
    m_author->setPlaceholderText(tr("recorded in __deployed__"));
    auto *authorLabel = new QLabel(tr("&Author:"));
    authorLabel->setBuddy(m_author);
    layout->addRow(authorLabel, m_author);

    auto *fileRow = new QHBoxLayout;
    m_initFileLabel = new QLabel(tr("No file chosen"));
    m_initFileLabel->setObjectName(u"initFileLabel"_s);
    m_initFileLabel->setTextFormat(Qt::PlainText);
    auto *choose = new QPushButton(tr("Choose __init__.py…"));
    choose->setObjectName(u"chooseInitFile"_s);
    fileRow->addWidget(m_initFileLabel, 1);
    fileRow->addWidget(choose);
    layout->addRow(tr("File:"), fileRow);

    connect(choose, &QPushButton::clicked, this, &ReleaseForm::initFileRequested);
    connect(m_initPath, &QLineEdit::textChanged, this, &ReleaseForm::changed);
    connect(m_author, &QLineEdit::textChanged, this, &ReleaseForm::changed);
    return group;
}

QWidget *ReleaseForm::createDispatchGroup()
{
    auto *group = new QGroupBox(tr("Dispatch"));
    auto *layout = new QFormLayout(group);
    m_dispatchKind = new QComboBox;
    m_dispatchKind->setObjectName(u"dispatchKind"_s);
    m_dispatchKind->setAccessibleName(tr("Dispatch kind"));
    m_dispatchKind->addItem(tr("workflow_dispatch"));
    m_dispatchKind->addItem(tr("repository_dispatch"));
    auto *kindLabel = new QLabel(tr("&Kind:"));
    kindLabel->setBuddy(m_dispatchKind);
    layout->addRow(kindLabel, m_dispatchKind);

    m_ref = new QLineEdit(u"main"_s);
    m_ref->setObjectName(u"ref"_s);
    m_ref->setAccessibleName(tr("Workflow ref"));
    auto *refLabel = new QLabel(tr("R&ef:"));
    refLabel->setBuddy(m_ref);
    layout->addRow(refLabel, m_ref);

    m_patchEncoding = new QComboBox;
    m_patchEncoding->setObjectName(u"patchEncoding"_s);
    m_patchEncoding->setAccessibleName(tr("Patch encoding"));
    m_patchEncoding->addItem(tr("printf (the workflow runs printf '<patch>')"),
                             int(release::PatchEncoding::Printf));
    m_patchEncoding->addItem(tr("raw (the workflow reads an environment variable)"),
                             int(release::PatchEncoding::Raw));
    m_patchEncoding->setToolTip(
        tr("How the recipes repo's workflow writes the patch input to a file: the input is "
           "encoded so that the file on the runner is byte-identical to the patch."));
    // The longest item would otherwise set the form's minimum width (a horizontal scroll bar).
    m_patchEncoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_patchEncoding->setMinimumContentsLength(16);
    auto *encodingLabel = new QLabel(tr("Patch &encoding:"));
    encodingLabel->setBuddy(m_patchEncoding);
    layout->addRow(encodingLabel, m_patchEncoding);

    connect(m_dispatchKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_ref->setEnabled(index == 0);
        emit changed();
    });
    connect(m_ref, &QLineEdit::textChanged, this, &ReleaseForm::changed);
    connect(m_patchEncoding, &QComboBox::currentIndexChanged, this, &ReleaseForm::changed);
    return group;
}

release::ReleaseSpec ReleaseForm::spec() const
{
    const auto text = [this](release::ReleaseField field) {
        return m_edits.value(field)->text().trimmed();
    };
    release::ReleaseSpec spec;
    spec.recipe = text(release::ReleaseField::Recipe);
    spec.commitSha = text(release::ReleaseField::CommitSha);
    spec.url = text(release::ReleaseField::Url);
    spec.sha256 = text(release::ReleaseField::Sha256);
    spec.version = text(release::ReleaseField::Version);
    spec.build = text(release::ReleaseField::Build);
    spec.channel = text(release::ReleaseField::Channel);
    spec.label = text(release::ReleaseField::Label);
    return spec;
}

void ReleaseForm::setSpec(const release::ReleaseSpec &spec)
{
    m_edits.value(release::ReleaseField::Recipe)->setText(spec.recipe);
    m_edits.value(release::ReleaseField::CommitSha)->setText(spec.commitSha);
    m_edits.value(release::ReleaseField::Url)->setText(spec.url);
    m_edits.value(release::ReleaseField::Sha256)->setText(spec.sha256);
    m_edits.value(release::ReleaseField::Version)->setText(spec.version);
    m_edits.value(release::ReleaseField::Build)->setText(spec.build);
    m_edits.value(release::ReleaseField::Channel)->setText(spec.channel);
    m_edits.value(release::ReleaseField::Label)->setText(spec.label);
}

QString ReleaseForm::initPathInRepository() const
{
    return m_initPath->text().trimmed();
}

void ReleaseForm::setInitPathInRepository(const QString &path)
{
    m_initPath->setText(path);
}

void ReleaseForm::setDispatch(bool repositoryDispatch, const QString &ref)
{
    m_dispatchKind->setCurrentIndex(repositoryDispatch ? 1 : 0);
    m_ref->setText(ref);
}

void ReleaseForm::setField(release::ReleaseField field, const QString &value)
{
    m_edits.value(field)->setText(value);
}

QString ReleaseForm::field(release::ReleaseField field) const
{
    return m_edits.value(field)->text();
}

void ReleaseForm::clearInitFile(const QString &why)
{
    m_initFilePath.clear();
    m_initFileContents.clear();
    m_initFileLabel->setText(why);
    m_initFileLabel->setToolTip({});
    emit changed();
}

QString ReleaseForm::commitTitle() const
{
    const QStringList lines = m_commitMessage->toPlainText().split(u'\n');
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            return line.trimmed();
    }
    return {};
}

bool ReleaseForm::fillFromCommitMessageIfConventional()
{
    const release::CommitMessageParse parsed =
        release::parseCommitMessage(m_commitMessage->toPlainText());
    if (!parsed.titleRequestsBuild && !parsed.hasPackageBlock)
        return false;
    fillFromCommitMessage();
    return true;
}

QString ReleaseForm::author() const
{
    return m_author->text().trimmed();
}

void ReleaseForm::setAuthor(const QString &author)
{
    m_author->setText(author);
}

void ReleaseForm::setInitFile(const QString &path, const QByteArray &contents)
{
    m_initFilePath = path;
    m_initFileContents = contents;
    m_initFileLabel->setText(
        tr("%1 (%2 bytes)").arg(QFileInfo(path).fileName(), QLocale().toString(contents.size())));
    m_initFileLabel->setToolTip(path);
    emit changed();
}

QString ReleaseForm::dispatchRef() const
{
    return m_ref->text().trimmed();
}

bool ReleaseForm::isRepositoryDispatch() const
{
    return m_dispatchKind->currentIndex() == 1;
}

release::PatchEncoding ReleaseForm::patchEncoding() const
{
    return release::PatchEncoding(m_patchEncoding->currentData().toInt());
}

void ReleaseForm::setPatchEncoding(release::PatchEncoding encoding)
{
    m_patchEncoding->setCurrentIndex(m_patchEncoding->findData(int(encoding)));
}

void ReleaseForm::setCommitMessage(const QString &message)
{
    m_commitMessage->setPlainText(message);
}

void ReleaseForm::fillFromCommitMessage()
{
    const release::CommitMessageParse parsed =
        release::parseCommitMessage(m_commitMessage->toPlainText());
    const std::pair<const char *, release::ReleaseField> keys[] = {
        {"version", release::ReleaseField::Version},
        {"build", release::ReleaseField::Build},
        {"channel", release::ReleaseField::Channel},
        {"label", release::ReleaseField::Label},
    };
    QStringList filled;
    for (const auto &[key, field] : keys) {
        const QString name = QString::fromLatin1(key);
        if (!parsed.values.contains(name))
            continue;
        QLineEdit *edit = m_edits.value(field);
        edit->setText(parsed.values.value(name));
        edit->setProperty(kTouchedProperty, true);
        filled << name;
    }

    QStringList lines;
    if (filled.isEmpty())
        lines << tr("Nothing filled: the message has no usable package values.");
    else
        lines << tr("Filled %1 from the message.").arg(filled.join(u", "_s));
    for (const QString &warning : parsed.warnings)
        lines << u"⚠ "_s + warning;
    m_commitMessageNotes->setText(lines.join(u'\n'));
    m_commitMessageNotes->setVisible(true);
    emit changed();
}

void ReleaseForm::showProblems(const QList<release::FieldProblem> &problems)
{
    for (auto it = m_problemLabels.cbegin(); it != m_problemLabels.cend(); ++it) {
        const QLineEdit *edit = m_edits.value(it.key());
        const bool visited = edit->property(kTouchedProperty).toBool() || !edit->text().isEmpty();
        QString message;
        for (const release::FieldProblem &problem : problems) {
            if (problem.field == it.key()) {
                message = problem.message;
                break;
            }
        }
        QLabel *label = it.value();
        const bool show = visited && !message.isEmpty();
        label->setText(show ? message : QString());
        label->setVisible(show);
        // Screen readers announce the description with the field itself.
        m_edits.value(it.key())->setAccessibleDescription(show ? message : QString());
    }
}

}  // namespace rc::ui
