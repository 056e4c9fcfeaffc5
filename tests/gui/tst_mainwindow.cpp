// SPDX-License-Identifier: BSD-3-Clause
#include "appearance.h"
#include "mainwindow.h"
#include "previewpane.h"
#include "releaseform.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kFixedNow = QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
const auto kCommit = u"8f14e45fceea167a5a36dedd4bea2543f1c7a5d0"_s;

}  // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rc::ui::MainWindow> m_window;

    QLineEdit *edit(const QString &name) const
    {
        auto *found = m_window->findChild<QLineEdit *>(name);
        Q_ASSERT_X(found, "edit", qPrintable(name));
        return found;
    }
    // Some pixel of what the widget draws is far redder than it is green: the problem red.
    static bool drawnInRed(QWidget *widget)
    {
        const QImage drawn = widget->grab().toImage();
        for (int y = 0; y < drawn.height(); ++y) {
            for (int x = 0; x < drawn.width(); ++x) {
                const QColor pixel = drawn.pixelColor(x, y);
                if (pixel.red() > pixel.green() + 100)
                    return true;
            }
        }
        return false;
    }
    QLabel *problemLabel(const QString &field) const
    {
        return m_window->findChild<QLabel *>(field + u"Problem"_s);
    }
    void type(const QString &field, const QString &text)
    {
        QLineEdit *target = edit(field);
        target->setFocus();
        target->selectAll();
        QTest::keyClick(target, Qt::Key_Backspace);
        QTest::keyClicks(target, text);
    }
    void fillValidRelease()
    {
        type(u"recipe"_s, u"pb11mpi"_s);
        type(u"commit"_s, kCommit);
        type(u"version"_s, u"0.1.0.dev10"_s);
        type(u"build"_s, u"1"_s);
        type(u"channel"_s, u"robertodr"_s);
        type(u"label"_s, u"dev"_s);
        type(u"url"_s,
             u"https://gitlab.example.org/api/v4/projects/42/jobs/7/artifacts/pb11mpi.tar.bz2"_s);
        type(u"sha256"_s, u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s);
        type(u"author"_s, u"Ada Lovelace"_s);
        QVERIFY(m_window->loadInitFile(QStringLiteral(RC_DEMO_INIT_FILE)));
    }
    QString payloadStatus() const
    {
        return m_window->findChild<QLabel *>(u"payloadStatus"_s)->text();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = std::make_unique<rc::ui::MainWindow>([] { return kFixedNow; });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void fieldShowsWhyAsYouType_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedProblem");  // empty: no problem shown

        QTest::newRow("version with dash") << u"version"_s << u"1.0-rc1"_s << u"-"_s;
        QTest::newRow("version ok") << u"version"_s << u"0.1.0.dev10"_s << QString();
        QTest::newRow("version upper-case ok") << u"version"_s << u"1.0RC4"_s << QString();
        QTest::newRow("build not a number") << u"build"_s << u"one"_s << u"o"_s;
        QTest::newRow("build ok") << u"build"_s << u"12"_s << QString();
        QTest::newRow("channel with space") << u"channel"_s << u"my channel"_s << u" "_s;
        QTest::newRow("label ok") << u"label"_s << u"dev"_s << QString();
        QTest::newRow("recipe upper-case") << u"recipe"_s << u"VeloxChem"_s << u"V"_s;
        QTest::newRow("sha256 short") << u"sha256"_s << u"abc"_s << u"64"_s;
        QTest::newRow("url plain http")
            << u"url"_s << u"http://gitlab.example.org/x.tar.bz2"_s << u"https"_s;
        QTest::newRow("url loopback http ok")
            << u"url"_s << u"http://127.0.0.1:8080/x.tar.bz2"_s << QString();
        QTest::newRow("commit short") << u"commit"_s << u"8f14e45"_s << u"40"_s;
    }

    void fieldShowsWhyAsYouType()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, expectedProblem);

        QLabel *problem = problemLabel(field);
        QVERIFY(problem);
        QVERIFY(problem->isHidden());  // a fresh form is not a wall of red
        type(field, text);
        if (expectedProblem.isEmpty()) {
            QVERIFY2(problem->isHidden(), qPrintable(problem->text()));
        } else {
            QVERIFY(problem->isVisible());
            QVERIFY2(problem->text().contains(expectedProblem), qPrintable(problem->text()));
            QCOMPARE(edit(field)->accessibleDescription(), problem->text());
            QVERIFY(drawnInRed(problem));
        }
    }

    void problemStaysRedWhenTheSchemeChanges()
    {
        type(u"version"_s, u"1.0-rc1"_s);
        QLabel *problem = problemLabel(u"version"_s);
        QVERIFY(problem->isVisible());
        rc::ui::applyColorScheme(Qt::ColorScheme::Dark);
        const auto backToLight =
            qScopeGuard([] { rc::ui::applyColorScheme(Qt::ColorScheme::Light); });
        // The scheme reaches the widgets as events.
        QTRY_VERIFY(problem->palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(drawnInRed(problem));
        // Another label keeps following the scheme: the red is the problem label's alone.
        QCOMPARE(problem->parentWidget()->palette().color(QPalette::WindowText),
                 QApplication::palette().color(QPalette::WindowText));
    }

    void problemDisappearsWhenFixed()
    {
        type(u"version"_s, u"1.0-rc1"_s);
        QVERIFY(problemLabel(u"version"_s)->isVisible());
        type(u"version"_s, u"1.0rc1"_s);
        QVERIFY(problemLabel(u"version"_s)->isHidden());
    }

    // The fields' own clear button (one bundled icon, see ui/clearbutton.h): shown only while
    // the field holds text, a click empties it and the form follows.
    void clearButtonShowsWithTextAndClears()
    {
        QLineEdit *version = edit(u"version"_s);
        auto *clear = version->findChild<QAction *>(u"clearButton"_s);
        QVERIFY(clear);
        QVERIFY(!clear->isVisible());
        QVERIFY(!clear->icon().isNull());
        type(u"version"_s, u"1.0-rc1"_s);
        QVERIFY(clear->isVisible());
        QVERIFY(problemLabel(u"version"_s)->isVisible());
        QWidget *button = nullptr;
        for (QObject *object : clear->associatedObjects()) {
            if (auto *widget = qobject_cast<QWidget *>(object); widget && widget != version)
                button = widget;
        }
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(version->text(), QString());
        QVERIFY(!clear->isVisible());
        QVERIFY(version->hasFocus());
        QVERIFY(!m_window->findChild<QPlainTextEdit *>(u"payloadJson"_s)
                     ->toPlainText()
                     .contains(u"1.0-rc1"_s));
    }

    void previewShowsExactJsonWhenReady()
    {
        fillValidRelease();
        QTRY_VERIFY2(payloadStatus().contains(u"ready to send"_s), qPrintable(payloadStatus()));
        const QString json = m_window->preview()->payloadText();
        const QJsonObject body = QJsonDocument::fromJson(json.toUtf8()).object();
        QCOMPARE(body.value("ref"_L1).toString(), u"main"_s);
        const QJsonObject inputs = body.value("inputs"_L1).toObject();
        QCOMPARE(inputs.value("recipe"_L1).toString(), u"pb11mpi"_s);
        QCOMPARE(inputs.value("build"_L1).toString(), u"1"_s);
        const QString patch = inputs.value("patch"_L1).toString();
        QVERIFY(patch.contains(u"+__version__ = \"0.1.0.dev10\""_s));
        QVERIFY(patch.contains(u"2026-11-25T08:00:00Z"_s));
        QCOMPARE(m_window->findChild<QPlainTextEdit *>(u"patchText"_s)->toPlainText(), patch);
        QVERIFY(payloadStatus().contains(u"65,535"_s) || payloadStatus().contains(u"65535"_s));
        QCOMPARE(m_window->windowTitle(), u"pb11mpi 0.1.0.dev10 — Release Console"_s);
    }

    // A quote in the patch used to block the release; now it is sent encoded for printf, and the
    // preview shows the patch as the runner will write it.
    void quoteInPatchIsCarriedEncoded()
    {
        fillValidRelease();
        type(u"author"_s, u"Dara O'Brien"_s);
        auto *notes = m_window->findChild<QListWidget *>(u"patchLintNotes"_s);
        QTRY_VERIFY2(payloadStatus().contains(u"ready to send"_s), qPrintable(payloadStatus()));
        QCOMPARE(notes->count(), 0);
        QVERIFY(m_window->preview()->payloadText().contains(u"O'\\\\''Brien"_s));
        auto *encoding = m_window->findChild<QComboBox *>(u"patchEncoding"_s);
        encoding->setCurrentIndex(1);
        QTRY_VERIFY(!m_window->preview()->payloadText().contains(u"O'\\\\''Brien"_s));
        QVERIFY(m_window->preview()->payloadText().contains(u"O'Brien"_s));
    }

    void commitMessageFillsTheForm()
    {
        auto *message = m_window->findChild<QPlainTextEdit *>(u"commitMessage"_s);
        message->setPlainText(u"Deploy experimental package [conda-build]\n\n"
                              "package = {\"version\": \"0.1.0.dev10\", \"build\": \"1\", "
                              "\"channel\": \"robertodr\", "
                              "\"label\": \"dev\", \"colour\": \"blue\"}\n"_s);
        auto *fill = m_window->findChild<QPushButton *>(u"fillFromMessage"_s);
        QSignalSpy changed(m_window->form(), &rc::ui::ReleaseForm::changed);
        QTest::mouseClick(fill, Qt::LeftButton);
        QVERIFY(changed.count() > 0);
        QCOMPARE(edit(u"version"_s)->text(), u"0.1.0.dev10"_s);
        QCOMPARE(edit(u"build"_s)->text(), u"1"_s);
        QCOMPARE(edit(u"channel"_s)->text(), u"robertodr"_s);
        QCOMPARE(edit(u"label"_s)->text(), u"dev"_s);
        auto *notes = m_window->findChild<QLabel *>(u"commitMessageNotes"_s);
        QVERIFY(notes->isVisible());
        QVERIFY2(notes->text().contains(u"colour"_s), qPrintable(notes->text()));
    }

    void ctrlReturnInMessageBoxFills()
    {
        auto *message = m_window->findChild<QPlainTextEdit *>(u"commitMessage"_s);
        message->setPlainText(u"Release [CONDA-BUILD]\npackage = {'version': '2.0', 'build': '3', "
                              "'channel': 'veloxchem', 'label': 'main'}"_s);
        message->setFocus();
        QTest::keyClick(message, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(edit(u"version"_s)->text(), u"2.0"_s);
        QCOMPARE(edit(u"label"_s)->text(), u"main"_s);
    }

    void aboutShowsLibraryVersions()
    {
        QAction *about = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text().contains(u"About Release Console"_s))
                about = action;
        }
        QVERIFY(about);
        QString aboutText;
        QTimer::singleShot(0, this, [&aboutText] {
            QWidget *dialog = QApplication::activeModalWidget();
            if (!dialog)
                return;
            if (auto *label = dialog->findChild<QLabel *>(u"aboutText"_s))
                aboutText = label->text();
            dialog->close();
        });
        about->trigger();
        QVERIFY2(aboutText.contains(u"QtKeychain"_s), qPrintable(aboutText));
        QVERIFY(aboutText.contains(u"QCA"_s));
        QVERIFY(aboutText.contains(QString::fromLatin1(qVersion())));
    }

    void keyboardShortcutsAreAssigned_data()
    {
        QTest::addColumn<QString>("actionText");
        QTest::addColumn<QKeySequence>("shortcut");
        QTest::newRow("open") << u"Open __init__.py"_s << QKeySequence(QKeySequence::Open);
        QTest::newRow("copy") << u"Copy JSON"_s << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
        QTest::newRow("save") << u"Save JSON"_s << QKeySequence(QKeySequence::Save);
        // Ctrl+Q where the platform theme binds no Quit key (offscreen here).
        QTest::newRow("quit") << u"Quit"_s
                              << QKeySequence::keyBindings(QKeySequence::Quit)
                                     .value(0, QKeySequence(Qt::CTRL | Qt::Key_Q));
    }

    void keyboardShortcutsAreAssigned()
    {
        QFETCH(QString, actionText);
        QFETCH(QKeySequence, shortcut);
        bool found = false;
        for (const QAction *action : m_window->findChildren<QAction *>()) {
            if (QString(action->text()).remove(u'&').contains(actionText)) {
                QCOMPARE(action->shortcut(), shortcut);
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(actionText));
    }

    void exampleReleaseIsReadyToSend()
    {
        auto *example = m_window->findChild<QAction *>(u"fillWithExample"_s);
        QVERIFY(example);
        example->trigger();
        QVERIFY2(payloadStatus().contains(u"ready to send"_s), qPrintable(payloadStatus()));
        QCOMPARE(edit(u"version"_s)->text(), u"0.1.0.dev10"_s);
        QVERIFY(m_window->preview()->payloadText().contains(u"pb11mpi"_s));
    }

    void unreadableInitFileChangesNothing()
    {
        QVERIFY(!m_window->loadInitFile(u"/nonexistent/__init__.py"_s));
        QVERIFY(m_window->form()->initFilePath().isEmpty());
    }

    // Tab visits every control of the window once per round, and inside each group in the order
    // it is read: top to bottom, left to right on one row.
    void tabWalksEveryControlInReadingOrder()
    {
        QList<QWidget *> focusable;
        const QList<QWidget *> all = m_window->findChildren<QWidget *>();
        for (QWidget *widget : all) {
            if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(m_window.get()) &&
                widget->isEnabled() && !widget->focusProxy())
                focusable << widget;
        }
        QVERIFY(focusable.size() > 10);

        QWidget *first = focusable.first();
        first->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), first);
        QList<QWidget *> round {first};
        for (qsizetype step = 0; step < 3 * focusable.size(); ++step) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            QVERIFY(now);
            if (now == first)
                break;
            QVERIFY2(!round.contains(now),
                     qPrintable(
                         u"focus came back to %1 before the round ended"_s.arg(now->objectName())));
            round << now;
        }
        for (QWidget *widget : std::as_const(focusable)) {
            QVERIFY2(round.contains(widget),
                     qPrintable(u"Tab never reaches %1 (%2)"_s.arg(widget->objectName(),
                                                                   widget->accessibleName())));
        }

        const auto groupOf = [](const QWidget *widget) -> const QGroupBox * {
            for (const QWidget *up = widget->parentWidget(); up; up = up->parentWidget()) {
                if (const auto *group = qobject_cast<const QGroupBox *>(up))
                    return group;
            }
            return nullptr;
        };
        for (qsizetype i = 1; i < round.size(); ++i) {
            const QGroupBox *group = groupOf(round[i]);
            if (!group || group != groupOf(round[i - 1]))
                continue;
            const QRect before(round[i - 1]->mapTo(group, QPoint(0, 0)), round[i - 1]->size());
            const QRect after(round[i]->mapTo(group, QPoint(0, 0)), round[i]->size());
            const bool sameRow = after.top() < before.bottom() && before.top() < after.bottom();
            const bool readOn =
                sameRow ? after.left() >= before.right() : after.top() >= before.bottom();
            QVERIFY2(
                readOn,
                qPrintable(u"in \"%1\", Tab goes from %2 to %3 against the reading order"_s.arg(
                    group->title(), round[i - 1]->objectName(), round[i]->objectName())));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
