#include "release/patchgenerator.h"
#include "release/patchlint.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Severity = rc::PatchLintNote::Severity;

// One readable line per note, so that a failure shows every difference at once.
QString noteText(int line, Severity severity, const QString &message)
{
    return u"%1 %2 %3"_s.arg(line).arg(severity == Severity::Error ? u"error"_s : u"warning"_s,
                                       message);
}

QStringList noteTexts(const QList<rc::PatchLintNote> &notes)
{
    QStringList texts;
    for (const rc::PatchLintNote &note : notes)
        texts.append(noteText(note.line, note.severity, note.message));
    return texts;
}

QString quoteNote(int line, const QString &times = {})
{
    return noteText(line, Severity::Error,
                    u"\"'\" on line %1%2 ends the shell's single-quoted string, so the printf "
                    "command breaks"_s.arg(line)
                        .arg(times));
}

QString percentNote(int line, const QString &times = {})
{
    return noteText(line, Severity::Error,
                    u"'%' on line "_s + QString::number(line) + times +
                        u" starts a printf conversion: the file written on the runner would "
                        "differ, or printf would fail"_s);
}

QString escapeNote(int line, const QString &escape, const QString &times = {})
{
    return noteText(line, Severity::Error,
                    u"'\\' on line %1%2 starts the printf escape '%3': the file written on the "
                    "runner would differ"_s.arg(line)
                        .arg(times, escape));
}

QString keptBackslashNote(int line, const QString &times = {})
{
    return noteText(line, Severity::Warning,
                    u"'\\' on line %1%2 is printed as written by bash's printf, but other printf "
                    "implementations may change it"_s.arg(line)
                        .arg(times));
}

QString sizeNote(const QString &bytes)
{
    return noteText(0, Severity::Error,
                    u"the patch is %1 bytes (UTF-8); the workflow input leaves room for at most "
                    "60,000"_s.arg(bytes));
}

const QString kCleanPatch = u"diff --git a/src/pymodule/__init__.py b/src/pymodule/__init__.py\n"
                            "--- a/src/pymodule/__init__.py\n"
                            "+++ b/src/pymodule/__init__.py\n"
                            "@@ -1 +1,2 @@\n"
                            "-__version__ = \"1\"\n"
                            "+__version__ = \"2\"\n"
                            "+__deployed__ = {}\n"_s;

}  // namespace

class TestPatchLint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void lint_data();
    void lint();
    void generatedPatchIsClean();
};

void TestPatchLint::lint_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QStringList>("notes");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("clean patch") << kCleanPatch << QStringList();
    QTest::newRow("double quotes are harmless") << u"+x = \"a\"\n"_s << QStringList();
    QTest::newRow("single quote") << u"a\nb\n+x = 'a'\n"_s
                                  << QStringList {quoteNote(3, u" (2 times)"_s)};
    QTest::newRow("apostrophe in an author name")
        << u"+  \"author\": \"O’Brien and O'Hara\",\n"_s << QStringList {quoteNote(1)};
    QTest::newRow("percent") << u"a\n+x = \"%d\"\n"_s << QStringList {percentNote(2)};
    QTest::newRow("doubled percent still changes the output")
        << u"+x = \"100%%\"\n"_s << QStringList {percentNote(1, u" (2 times)"_s)};
    QTest::newRow("backslash n") << u"+x = \"a\\nb\"\n"_s << QStringList {escapeNote(1, u"\\n"_s)};
    QTest::newRow("doubled backslash")
        << u"+path = \"C:\\\\x\"\n"_s << QStringList {escapeNote(1, u"\\\\"_s, u" (2 times)"_s)};
    QTest::newRow("octal escape") << u"+x = \"\\101\"\n"_s << QStringList {escapeNote(1, u"\\1"_s)};
    QTest::newRow("hex escape") << u"+x = \"\\x41\"\n"_s << QStringList {escapeNote(1, u"\\x"_s)};
    QTest::newRow("escaped quote")
        << u"+x = \"\\\"\"\n"_s << QStringList {escapeNote(1, u"\\\""_s)};
    QTest::newRow("no-newline marker survives bash")
        << u" a = 1\n-b = 2\n\\ No newline at end of file\n+b = 2\n"_s
        << QStringList {keptBackslashNote(3)};
    QTest::newRow("backslash at the end of a line")
        << u"+x = 1 + \\\n+    2\n"_s << QStringList {keptBackslashNote(1)};
    QTest::newRow("backslash at the end of the patch")
        << u"+x\\"_s << QStringList {keptBackslashNote(1)};
    QTest::newRow("kept backslash before a changing one")
        << u"+a\\ b\\tc\n"_s << QStringList {escapeNote(1, u"\\t"_s, u" (2 times)"_s)};
    QTest::newRow("all three on one line, in a fixed order")
        << u"ok\n+print('%s\\n' % x)\n"_s
        << QStringList {quoteNote(2, u" (2 times)"_s), percentNote(2, u" (2 times)"_s),
                        escapeNote(2, u"\\n"_s)};
    QTest::newRow("several lines in line order")
        << u"+a = '1'\n+b = 2\n+c = \"5%\"\n"_s
        << QStringList {quoteNote(1, u" (2 times)"_s), percentNote(3)};
    QTest::newRow("CRLF lines are counted by their line feeds")
        << u"+a = 1\r\n+b = \"50%\"\r\n"_s << QStringList {percentNote(2)};
    QTest::newRow("unicode does not shift line numbers")
        << u"+\"\"\"量子化学\"\"\"\n+s = 'ä'\n"_s << QStringList {quoteNote(2, u" (2 times)"_s)};
    QTest::newRow("leading dash")
        << u"-x\n"_s
        << QStringList {
               noteText(1, Severity::Error,
                        u"the patch starts with '-', which printf would take for an option"_s)};

    QTest::newRow("exactly at the size limit")
        << QString(rc::kMaxPatchBytes, u'a') << QStringList();
    QTest::newRow("one byte over the limit")
        << QString(rc::kMaxPatchBytes + 1, u'a') << QStringList {sizeNote(u"60,001"_s)};
    QTest::newRow("size counts UTF-8 bytes, not characters")
        << QString(30001, u'ä') << QStringList {sizeNote(u"60,002"_s)};
    QTest::newRow("half the limit in characters outside the BMP")
        << QString(rc::kMaxPatchBytes / 4, QChar(u'a')).replace(u'a', u"\U0001F600"_s)
        << QStringList();
    QTest::newRow("size note comes first") << QString(rc::kMaxPatchBytes, u'a') +
            u"\n+x = '1'\n"_s << QStringList {sizeNote(u"60,010"_s), quoteNote(2, u" (2 times)"_s)};
}

void TestPatchLint::lint()
{
    QFETCH(QString, patch);
    QFETCH(QStringList, notes);
    QCOMPARE(noteTexts(rc::lintPatch(patch)), notes);
}

// The generator's own output for an ordinary file must pass; only the inputs can make it fail.
void TestPatchLint::generatedPatchIsClean()
{
    rc::PatchRequest request;
    request.original = "\"\"\"VeloxChem.\"\"\"\n__version__ = \"1.0\"\n";
    request.version = u"1.1"_s;
    request.build = u"3"_s;
    request.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    request.author = u"Roberto Di Remigio"_s;
    request.timestamp = u"2026-11-25T08:00:00Z"_s;
    const rc::PatchResult patch = rc::generatePatch(request);
    QVERIFY2(patch.ok(), qPrintable(patch.error));
    QCOMPARE(noteTexts(rc::lintPatch(patch.diff)), QStringList());
}

QTEST_GUILESS_MAIN(TestPatchLint)
#include "tst_patchlint.moc"
