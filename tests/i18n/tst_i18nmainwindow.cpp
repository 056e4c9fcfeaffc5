// SPDX-License-Identifier: BSD-3-Clause
// The Swedish translation as the app installs it: the .qm compiled from the committed .ts, loaded
// from :/i18n by locale, translates the main window; its shortcut letters do not collide.

#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kFixedNow = QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

// The letters Alt+<letter> would trigger, and the texts that claim each one.
QMultiHash<QKeySequence, QString> mnemonics(const QList<QAction *> &actions)
{
    QMultiHash<QKeySequence, QString> byKey;
    for (const QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (!key.isEmpty())
            byKey.insert(key, action->text());
    }
    return byKey;
}

QString collisions(const QMultiHash<QKeySequence, QString> &byKey)
{
    QStringList found;
    for (const QKeySequence &key : byKey.uniqueKeys()) {
        if (byKey.count(key) > 1)
            found << key.toString() + u": "_s + QStringList(byKey.values(key)).join(u", "_s);
    }
    return found.join(u"; "_s);
}

}  // namespace

class TestI18nMainWindow : public QObject
{
    Q_OBJECT

private:
    QTranslator m_swedish;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // As main/main.cpp loads it: by locale, from the translations built into the binary.
        QVERIFY(m_swedish.load(QLocale(QLocale::Swedish, QLocale::Sweden), u"release-console"_s,
                               u"_"_s, u":/i18n"_s));
        QCOMPARE(m_swedish.filePath(), u":/i18n/release-console_sv.qm"_s);
        QCOMPARE(m_swedish.language(), u"sv_SE"_s);
    }

    void cleanup() { QCoreApplication::removeTranslator(&m_swedish); }

    void englishWithoutTranslator()
    {
        rc::ui::MainWindow window([] { return kFixedNow; });
        QCOMPARE(menuTitles(window).value(0), u"&File"_s);
    }

    void menusInSwedish_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("title");
        QTest::newRow("File") << 0 << u"&Arkiv"_s;
        QTest::newRow("Release") << 1 << u"&Release"_s;
        QTest::newRow("Tools") << 2 << u"&Verktyg"_s;
        QTest::newRow("View") << 3 << u"V&isa"_s;
        QTest::newRow("Help") << 4 << u"&Hjälp"_s;
    }
    void menusInSwedish()
    {
        QFETCH(int, index);
        QFETCH(QString, title);
        QVERIFY(QCoreApplication::installTranslator(&m_swedish));
        rc::ui::MainWindow window([] { return kFixedNow; });
        QCOMPARE(menuTitles(window).value(index), title);
    }

    void actionsInSwedish()
    {
        QVERIFY(QCoreApplication::installTranslator(&m_swedish));
        rc::ui::MainWindow window([] { return kFixedNow; });
        QMenu *file = window.menuBar()->actions().value(0)->menu();
        QVERIFY(file);
        QStringList texts;
        for (const QAction *action : file->actions())
            texts << action->text();
        QVERIFY2(texts.contains(u"&Avsluta"_s), qPrintable(texts.join(u" | "_s)));
        QVERIFY2(!texts.contains(u"&Quit"_s), qPrintable(texts.join(u" | "_s)));
    }

    void shortcutLettersUniqueInEveryMenu()
    {
        QVERIFY(QCoreApplication::installTranslator(&m_swedish));
        rc::ui::MainWindow window([] { return kFixedNow; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QVERIFY2(collisions(mnemonics(menus)).isEmpty(), qPrintable(collisions(mnemonics(menus))));
        for (const QAction *menuAction : menus) {
            const QMenu *menu = menuAction->menu();
            QVERIFY(menu);
            const QString found = collisions(mnemonics(menu->actions()));
            QVERIFY2(found.isEmpty(), qPrintable(menuAction->text() + u" → "_s + found));
        }
    }
};

QTEST_MAIN(TestI18nMainWindow)
#include "tst_i18nmainwindow.moc"
