// SPDX-License-Identifier: BSD-3-Clause
#include "kitdialog.h"

#include "release/validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

KitDialog::KitDialog(const QString &recipe, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Recipes Repo Kit"));
    setObjectName(u"kitDialog"_s);

    auto *intro = new QLabel(
        tr("Writes a deploy workflow and a recipe template for a new recipes repo. The "
           "workflow takes the 8 release inputs and an optional dispatch_id, names its runs "
           "after them, fails the job when a build fails (still uploading its build summary), "
           "reads the patch from an environment variable and queues a second run instead of "
           "cancelling the first."));
    intro->setWordWrap(true);

    m_builder = new QComboBox;
    m_builder->setObjectName(u"builder"_s);
    m_builder->addItem(tr("conda-build (meta.yaml)"), int(kit::Builder::CondaBuild));
    m_builder->addItem(tr("rattler-build (recipe.yaml)"), int(kit::Builder::RattlerBuild));
    m_builder->setAccessibleName(tr("Builder"));

    m_recipe = new QLineEdit(recipe.isEmpty() ? QString(kit::kDefaultRecipe) : recipe);
    m_recipe->setObjectName(u"recipe"_s);
    m_recipe->setAccessibleName(tr("Recipe folder name"));
    m_recipeProblem = new QLabel;
    m_recipeProblem->setObjectName(u"recipeProblem"_s);
    m_recipeProblem->setWordWrap(true);

    m_folder = new QLineEdit;
    m_folder->setObjectName(u"folder"_s);
    m_folder->setAccessibleName(tr("Folder of the new recipes repo"));
    m_folder->setPlaceholderText(tr("Folder of the new recipes repo"));
    auto *browse = new QPushButton(tr("Choose…"));
    browse->setObjectName(u"chooseFolder"_s);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    m_overwrite = new QCheckBox(tr("Replace the kit's files if they exist"));
    m_overwrite->setObjectName(u"overwrite"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Builder:"), m_builder);
    form->addRow(tr("&Recipe:"), m_recipe);
    form->addRow(QString(), m_recipeProblem);
    form->addRow(tr("&Folder:"), folderRow);
    form->addRow(QString(), m_overwrite);

    m_files = new QListWidget;
    m_files->setObjectName(u"files"_s);
    m_files->setAccessibleName(tr("Files of the kit"));
    m_contents = new QPlainTextEdit;
    m_contents->setObjectName(u"contents"_s);
    m_contents->setAccessibleName(tr("Text of the selected file"));
    m_contents->setReadOnly(true);
    m_contents->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_contents->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter;
    splitter->addWidget(m_files);
    splitter->addWidget(m_contents);
    splitter->setStretchFactor(1, 3);

    m_status = new QLabel;
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(u"export"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_builder, &QComboBox::currentIndexChanged, this, &KitDialog::refreshFiles);
    connect(m_recipe, &QLineEdit::textChanged, this, &KitDialog::refreshFiles);
    connect(m_folder, &QLineEdit::textChanged, this, &KitDialog::updateExportButton);
    connect(m_files, &QListWidget::currentRowChanged, this, &KitDialog::showSelectedFile);
    connect(browse, &QPushButton::clicked, this, &KitDialog::chooseFolder);
    connect(m_export, &QPushButton::clicked, this, &KitDialog::exportKit);
    refreshFiles();
    resize(900, 640);
}

kit::Builder KitDialog::builder() const
{
    return kit::Builder(m_builder->currentData().toInt());
}

QString KitDialog::recipe() const
{
    return m_recipe->text();
}

QString KitDialog::folder() const
{
    return m_folder->text();
}

void KitDialog::setFolder(const QString &folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

void KitDialog::refreshFiles()
{
    const QString problem = release::checkRecipe(recipe());
    m_recipeProblem->setText(problem);
    m_recipeProblem->setVisible(!problem.isEmpty());
    // With an invalid name the list shows what the default name would give, so the files and
    // the workflow stay visible while the name is being typed.
    m_kitFiles =
        kit::kitFiles(builder(), problem.isEmpty() ? recipe() : QString(kit::kDefaultRecipe));
    const int selected = std::max(0, m_files->currentRow());
    m_files->clear();
    for (const kit::KitFile &file : std::as_const(m_kitFiles))
        m_files->addItem(file.path);
    m_files->setCurrentRow(std::min(selected, int(m_files->count()) - 1));
    showSelectedFile();
    updateExportButton();
}

void KitDialog::showSelectedFile()
{
    const int row = m_files->currentRow();
    m_contents->setPlainText(row >= 0 && row < m_kitFiles.size()
                                 ? QString::fromUtf8(m_kitFiles.at(row).contents)
                                 : QString());
}

void KitDialog::updateExportButton()
{
    m_export->setEnabled(!folder().trimmed().isEmpty() && release::checkRecipe(recipe()).isEmpty());
}

void KitDialog::chooseFolder()
{
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Folder of the new recipes repo"),
                                          folder().isEmpty() ? QDir::homePath() : folder());
    if (!chosen.isEmpty())
        setFolder(chosen);
}

void KitDialog::exportKit()
{
    const kit::KitExportResult result =
        kit::exportKit(folder(), builder(), m_overwrite->isChecked(), recipe());
    if (!result.ok()) {
        QString text = result.error.message;
        if (result.error.kind == kit::KitError::Kind::Exists)
            text += u' ' + tr("Tick “%1” to replace them.").arg(m_overwrite->text());
        if (!result.writtenPaths.isEmpty())
            text +=
                u'\n' + tr("Written before the failure: %1").arg(result.writtenPaths.join(u", "_s));
        m_status->setText(text);
        return;
    }
    m_status->setText(tr("Wrote %n file(s) into %1.", nullptr, int(result.writtenPaths.size()))
                          .arg(QDir::toNativeSeparators(folder())));
    emit exported(result.writtenPaths);
}

}  // namespace rc::ui
