// SPDX-License-Identifier: BSD-3-Clause
#include "release/patchencoding.h"
#include "release/patchgenerator.h"
#include "release/patchlint.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Severity = rc::release::PatchLintNote::Severity;
using rc::release::PatchEncoding;

QStringList noteTexts(const QList<rc::release::PatchLintNote> &notes)
{
    QStringList texts;
    for (const rc::release::PatchLintNote &note : notes)
        texts.append(u"%1 %2 %3"_s.arg(note.line).arg(
            note.severity == Severity::Error ? u"error"_s : u"warning"_s, note.message));
    return texts;
}

QString sizeNote(const QString &bytes, rc::release::PatchEncoding encoding)
{
    return encoding == rc::release::PatchEncoding::Raw
        ? u"0 error the patch is %1 bytes (UTF-8); the workflow input leaves room for at most "
          "60,000"_s.arg(bytes)
        : u"0 error the patch is %1 bytes (UTF-8) once encoded for printf; the workflow input "
          "leaves room for at most 60,000"_s.arg(bytes);
}

QString nulNote(int line)
{
    return u"%1 error line %1 holds a NUL character, which no workflow input can carry to the "
           "runner"_s.arg(line);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// Runs a program to completion in `dir`; its stderr on failure.
QString runIn(const QString &dir, const QString &program, const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return program + u" did not finish"_s;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return program + u" failed: "_s + QString::fromUtf8(process.readAllStandardError());
    return {};
}

}  // namespace

class TestPatchLint : public QObject
{
    Q_OBJECT

private slots:
    void lint_data();
    void lint();
    void encoding_data();
    void encoding();
    void encodingNames();
    void runnerWritesThePatchByteExact_data();
    void runnerWritesThePatchByteExact();
};

void TestPatchLint::lint_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<rc::release::PatchEncoding>("encoding");
    QTest::addColumn<QStringList>("notes");

    QTest::newRow("quotes, percent and backslashes are carried")
        << u"+print('%s\\n' % x)\n"_s << rc::release::PatchEncoding::Printf << QStringList();
    QTest::newRow("a leading dash is carried")
        << u"-x\n"_s << rc::release::PatchEncoding::Printf << QStringList();
    QTest::newRow("NUL on line 2")
        << u"+a\n+b\u0000c\n"_s << rc::release::PatchEncoding::Printf << QStringList {nulNote(2)};
    QTest::newRow("NUL, raw") << u"+\u0000\n"_s << rc::release::PatchEncoding::Raw
                              << QStringList {nulNote(1)};
    QTest::newRow("exactly at the size limit")
        << QString(rc::release::kMaxPatchBytes, u'a') << rc::release::PatchEncoding::Printf
        << QStringList();
    QTest::newRow("one byte over the limit")
        << QString(rc::release::kMaxPatchBytes + 1, u'a') << rc::release::PatchEncoding::Raw
        << QStringList {sizeNote(u"60,001"_s, rc::release::PatchEncoding::Raw)};
    QTest::newRow("size counts UTF-8 bytes, not characters")
        << QString(30001, u'ä') << rc::release::PatchEncoding::Raw
        << QStringList {sizeNote(u"60,002"_s, rc::release::PatchEncoding::Raw)};
    QTest::newRow("size after printf encoding")
        << QString(30001, u'%') << rc::release::PatchEncoding::Printf
        << QStringList {sizeNote(u"60,002"_s, rc::release::PatchEncoding::Printf)};
    QTest::newRow("the same percent signs fit raw")
        << QString(30001, u'%') << rc::release::PatchEncoding::Raw << QStringList();
    QTest::newRow("size note comes first")
        << QString(rc::release::kMaxPatchBytes, u'a') + u"\n+\u0000\n"_s
        << rc::release::PatchEncoding::Raw
        << QStringList {sizeNote(u"60,004"_s, rc::release::PatchEncoding::Raw), nulNote(2)};
}

void TestPatchLint::lint()
{
    QFETCH(QString, patch);
    QFETCH(rc::release::PatchEncoding, encoding);
    QFETCH(QStringList, notes);
    QCOMPARE(noteTexts(rc::release::lintPatch(patch, encoding)), notes);
}

void TestPatchLint::encoding_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("printf");

    QTest::newRow("plain") << u"+a = 1\n"_s << u"+a = 1\n"_s;
    QTest::newRow("percent") << u"50% %s %%"_s << u"50%% %%s %%%%"_s;
    QTest::newRow("backslash") << u"\\n \\\\ \\"_s << u"\\\\n \\\\\\\\ \\\\"_s;
    QTest::newRow("quote") << u"it's"_s << u"it'\\''s"_s;
    QTest::newRow("leading dash") << u"--x"_s << u"\\055-x"_s;
    QTest::newRow("unicode and CRLF") << u"ä\r\n量"_s << u"ä\r\n量"_s;
}

void TestPatchLint::encoding()
{
    QFETCH(QString, patch);
    QFETCH(QString, printf);
    QCOMPARE(rc::release::encodePatch(patch, rc::release::PatchEncoding::Printf), printf);
    QCOMPARE(rc::release::encodePatch(patch, rc::release::PatchEncoding::Raw), patch);
}

void TestPatchLint::encodingNames()
{
    for (const rc::release::PatchEncoding encoding :
         {rc::release::PatchEncoding::Printf, rc::release::PatchEncoding::Raw})
        QCOMPARE(rc::release::patchEncodingFromName(rc::release::patchEncodingName(encoding)),
                 encoding);
    QCOMPARE(rc::release::patchEncodingFromName(u"Printf"), std::nullopt);
}

void TestPatchLint::runnerWritesThePatchByteExact_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<rc::release::PatchEncoding>("encoding");

    const QByteArray hostile =
        "\"\"\"VeloxChem: 100% Python 'n' C++ \\o/ (50%% off, \\n kept)\"\"\"\n"
        "FORMAT = '%s-%d' % ('a', 1)\n"
        "__version__ = '1.0rc4'\n"
        "PATH = \"C:\\\\temp\\\\new\"\n";
    for (const rc::release::PatchEncoding encoding :
         {rc::release::PatchEncoding::Printf, rc::release::PatchEncoding::Raw}) {
        const char *name = encoding == rc::release::PatchEncoding::Printf ? "printf" : "raw";
        QTest::addRow("quotes, percent, backslashes (%s)", name) << hostile << encoding;
        QTest::addRow("unicode (%s)", name)
            << QByteArray("\"\"\"量子化学 – ä’s\"\"\"\n__version__ = \"1.0\"\n") << encoding;
        QTest::addRow("CRLF (%s)", name)
            << QByteArray("# it's 100%\r\n__version__ = \"1.0\"\r\nx = '\\t'\r\n") << encoding;
        QTest::addRow("no final newline (%s)", name)
            << QByteArray("__version__ = \"1.0\"\nprint('%%')") << encoding;
    }
}

// The real thing: the input substituted textually into the seed's `printf '<patch>' > file`
// (or read from an environment variable, raw) and run by bash, then applied by git.
void TestPatchLint::runnerWritesThePatchByteExact()
{
    QFETCH(QByteArray, original);
    QFETCH(rc::release::PatchEncoding, encoding);
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    const QString git = QStandardPaths::findExecutable(u"git"_s);
    QVERIFY2(!bash.isEmpty() && !git.isEmpty(), "this test needs bash and git");

    rc::release::PatchRequest request;
    request.original = original;
    request.version = u"1.0rc5"_s;
    request.build = u"2"_s;
    request.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    request.author = u"O'Brien, 100% \\ Co"_s;
    request.timestamp = u"2026-12-01T08:00:00Z"_s;
    const rc::release::PatchResult patch = rc::release::generatePatch(request);
    QVERIFY2(patch.ok(), qPrintable(patch.error));
    QVERIFY(rc::release::lintPatch(patch.diff, encoding).isEmpty());
    const QString input = rc::release::encodePatch(patch.diff, encoding);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray script;
    if (encoding == rc::release::PatchEncoding::Printf) {
        script = "set -e\nprintf '" + input.toUtf8() + "' > patch.diff\n";
    } else {
        environment.insert(u"PATCH"_s, input);
        script = "set -e\nprintf '%s' \"$PATCH\" > patch.diff\n";
    }
    QVERIFY(writeFile(dir.filePath(u"step.sh"_s), script));
    QCOMPARE(runIn(dir.path(), bash, {u"step.sh"_s}, environment), QString());
    QCOMPARE(readFile(dir.filePath(u"patch.diff"_s)), patch.diff.toUtf8());

    QVERIFY(writeFile(dir.filePath(u"src/pymodule/__init__.py"_s), original));
    QCOMPARE(runIn(dir.path(), git, {u"init"_s, u"-q"_s}), QString());
    QCOMPARE(runIn(dir.path(), git, {u"apply"_s, u"patch.diff"_s}), QString());
    const QByteArray patched = readFile(dir.filePath(u"src/pymodule/__init__.py"_s));
    QVERIFY(patched.contains("__version__ = "));
    QVERIFY(patched.contains("1.0rc5"));
    QVERIFY(patched.contains("\"author\": \"O'Brien, 100% \\\\ Co\""));
}

QTEST_GUILESS_MAIN(TestPatchLint)
#include "tst_patchlint.moc"
