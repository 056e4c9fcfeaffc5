// SPDX-License-Identifier: BSD-3-Clause
// The Recipes Repo Kit dialog driven like a user would: builder, recipe, folder, the file list
// with the selected file's text, Export, and the refusal to overwrite.
#include "kit/recipeskit.h"
#include "kitdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rc::kit::Builder;

class TestKitDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheBuildersFilesAndTheWorkflow();
    void recipeNameIsCheckedAsTyped();
    void exportsAndRefusesToOverwrite();
};

namespace {

QStringList listed(const QListWidget *files)
{
    QStringList paths;
    for (int row = 0; row < files->count(); ++row)
        paths << files->item(row)->text();
    return paths;
}

}  // namespace

void TestKitDialog::showsTheBuildersFilesAndTheWorkflow()
{
    rc::ui::KitDialog dialog(u"veloxchem"_s);
    auto *builder = dialog.findChild<QComboBox *>(u"builder"_s);
    auto *files = dialog.findChild<QListWidget *>(u"files"_s);
    auto *contents = dialog.findChild<QPlainTextEdit *>(u"contents"_s);
    QVERIFY(builder && files && contents);
    QVERIFY(contents->isReadOnly());
    QCOMPARE(dialog.builder(), Builder::CondaBuild);
    QStringList expected;
    for (const rc::kit::KitFile &file : rc::kit::kitFiles(Builder::CondaBuild, u"veloxchem"_s))
        expected << file.path;
    QCOMPARE(listed(files), expected);
    QCOMPARE(files->currentRow(), 0);
    QCOMPARE(contents->toPlainText().toUtf8(), rc::kit::workflowYaml(Builder::CondaBuild));

    files->setCurrentRow(1);
    QVERIFY(contents->toPlainText().contains(u"{% set name = \"veloxchem\" %}"_s));

    builder->setCurrentIndex(1);
    QCOMPARE(dialog.builder(), Builder::RattlerBuild);
    QVERIFY(listed(files).contains(u"recipes/veloxchem/recipe.yaml"_s));
    QCOMPARE(files->currentRow(), 1);
    QVERIFY(contents->toPlainText().contains(u"name: \"veloxchem\""_s));
    files->setCurrentRow(0);
    QCOMPARE(contents->toPlainText().toUtf8(), rc::kit::workflowYaml(Builder::RattlerBuild));
}

void TestKitDialog::recipeNameIsCheckedAsTyped()
{
    rc::ui::KitDialog dialog;
    auto *recipe = dialog.findChild<QLineEdit *>(u"recipe"_s);
    auto *problem = dialog.findChild<QLabel *>(u"recipeProblem"_s);
    auto *exportButton = dialog.findChild<QPushButton *>(u"export"_s);
    QVERIFY(recipe && problem && exportButton);
    QCOMPARE(recipe->text(), QString(rc::kit::kDefaultRecipe));
    QVERIFY(!exportButton->isEnabled());  // no folder yet
    dialog.setFolder(QDir::tempPath());
    QVERIFY(exportButton->isEnabled());

    recipe->clear();
    QTest::keyClicks(recipe, u"Velox"_s);
    QVERIFY(!problem->text().isEmpty());
    QVERIFY(!exportButton->isEnabled());
    recipe->setText(u"velox"_s);
    QVERIFY(problem->text().isEmpty());
    QVERIFY(exportButton->isEnabled());
}

void TestKitDialog::exportsAndRefusesToOverwrite()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    rc::ui::KitDialog dialog(u"pb11mpi"_s);
    auto *exportButton = dialog.findChild<QPushButton *>(u"export"_s);
    auto *overwrite = dialog.findChild<QCheckBox *>(u"overwrite"_s);
    auto *status = dialog.findChild<QLabel *>(u"status"_s);
    QVERIFY(exportButton && overwrite && status);
    dialog.setFolder(temporary.path());
    QSignalSpy exported(&dialog, &rc::ui::KitDialog::exported);

    QTest::mouseClick(exportButton, Qt::LeftButton);
    QCOMPARE(exported.size(), 1);
    const QStringList paths = exported.at(0).at(0).toStringList();
    QCOMPARE(paths.size(), rc::kit::kitFiles(Builder::CondaBuild, u"pb11mpi"_s).size());
    for (const QString &path : paths)
        QVERIFY2(QFile::exists(path), qPrintable(path));
    QVERIFY2(status->text().contains(u"5 file"_s), qPrintable(status->text()));

    QTest::mouseClick(exportButton, Qt::LeftButton);
    QCOMPARE(exported.size(), 1);
    QVERIFY2(status->text().contains(u"already exists"_s), qPrintable(status->text()));

    overwrite->setChecked(true);
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QCOMPARE(exported.size(), 2);
}

QTEST_MAIN(TestKitDialog)
#include "tst_kitdialog.moc"
