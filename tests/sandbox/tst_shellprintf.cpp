// SPDX-License-Identifier: BSD-3-Clause
// The sandbox's emulation of the deploy workflow's patch steps against the real tools: what
// `printf '<input>' > patch.diff` writes under /usr/bin/bash, and what `git apply` does.

#include "sandbox/gitapply.h"
#include "sandbox/shellprintf.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rc::sandbox;
using namespace Qt::StringLiterals;

namespace {

const QString kBash = u"/usr/bin/bash"_s;

struct ToolRun
{
    int exitCode = -1;
    QByteArray file;  // what the tool left in the file it writes
    QByteArray output;
};

QProcessEnvironment utf8Environment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return environment;
}

// The runner's step: bash -e with the input pasted into the script.
ToolRun realBash(const QByteArray &input, const QString &directory)
{
    const QByteArray script = "printf '" + input + "' > patch.diff\n";
    QFile::remove(directory + u"/patch.diff"_s);
    QProcess bash;
    bash.setProcessEnvironment(utf8Environment());
    bash.setWorkingDirectory(directory);
    bash.start(kBash,
               {u"--noprofile"_s, u"--norc"_s, u"-eo"_s, u"pipefail"_s, u"-c"_s,
                QString::fromUtf8(script)});
    ToolRun run;
    if (!bash.waitForFinished(10000))
        return run;
    run.exitCode = bash.exitStatus() == QProcess::NormalExit ? bash.exitCode() : -1;
    run.output = bash.readAllStandardOutput() + bash.readAllStandardError();
    QFile file(directory + u"/patch.diff"_s);
    if (file.open(QIODevice::ReadOnly))
        run.file = file.readAll();
    return run;
}

const QByteArray kInit = "# The VeloxChem Python package.\n"
                         "from .veloxchemlib import *  # noqa: F401,F403\n"
                         "\n"
                         "\"\"\"100% Python 'n' C++ \\\\o/\"\"\"\n"
                         "__version__ = \"1.0rc4.dev30\"\n";

const QByteArray kGoodPatch = "diff --git a/src/pymodule/__init__.py b/src/pymodule/__init__.py\n"
                              "--- a/src/pymodule/__init__.py\n"
                              "+++ b/src/pymodule/__init__.py\n"
                              "@@ -3,3 +3,5 @@\n"
                              " \n"
                              " \"\"\"100% Python 'n' C++ \\\\o/\"\"\"\n"
                              "-__version__ = \"1.0rc4.dev30\"\n"
                              "+__version__ = \"1.0.0\"\n"
                              "+\n"
                              "+__deployed__ = {\"build\": \"0\"}\n";

}  // namespace

class TestShellPrintf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kBash), "the comparison needs /usr/bin/bash");
        QVERIFY(m_directory.isValid());
    }

    void sameBytesAsBash_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("emulated");  // false: the sandbox refuses (and fails the step)

        QTest::newRow("plain") << "hello, world\n"_ba << true;
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("git diff") << kGoodPatch << true;
        QTest::newRow("starts with ---: an option")
            << "--- a/src/pymodule/__init__.py\n+++ b/src/pymodule/__init__.py\n"_ba << true;
        QTest::newRow("lone quote") << "it's"_ba << true;
        QTest::newRow("lone quote, more lines") << "it's\nfine\n"_ba << false;
        QTest::newRow("quote at the end") << "x'"_ba << true;
        QTest::newRow("quote at the start") << "'x"_ba << true;
        QTest::newRow("escaped quote") << "it'\\''s\n"_ba << true;
        QTest::newRow("quote pair drops the quotes") << "Python 'n' C++\n"_ba << true;
        QTest::newRow("quotes split words") << "a' 'b"_ba << true;
        QTest::newRow("words become arguments") << "%s,'  x y'"_ba << true;
        QTest::newRow("blanks inside words") << "a 'b c' d"_ba << true;
        QTest::newRow("percent and a letter") << "100% Python\n"_ba << true;
        QTest::newRow("percent space d") << "100% done\n"_ba << true;
        QTest::newRow("double percent") << "100%% sure\n"_ba << true;
        QTest::newRow("percent at the end") << "50%"_ba << true;
        QTest::newRow("percent before unicode") << "100%\xc3\xa9"_ba << true;
        QTest::newRow("%s without arguments") << "a%sb\n"_ba << true;
        QTest::newRow("%d without arguments") << "n=%d\n"_ba << true;
        QTest::newRow("%c without arguments") << "[%c]"_ba << true;
        QTest::newRow("width and precision") << "[%5s|%-3d|%.2f|%x|%o|%e]"_ba << true;
        QTest::newRow("star width") << "%*d|' '4' '7"_ba << true;
        QTest::newRow("%b with \\c") << "%b|' '\\x41\\cZ"_ba << true;
        QTest::newRow("%d of a word") << "%d' 'abc"_ba << true;
        QTest::newRow("%d of a character") << "%d' '\"A"_ba << true;
        QTest::newRow("invalid conversion") << "%y"_ba << true;
        QTest::newRow("length modifier") << "%ld %zu"_ba << true;
        QTest::newRow("double backslash") << "a\\\\b\n"_ba << true;
        QTest::newRow("newline escape") << "a\\nb\\tc"_ba << true;
        QTest::newRow("control escapes") << "\\a\\b\\f\\v\\r\\e\\E"_ba << true;
        QTest::newRow("hex") << "\\x41\\x4a2\\x7"_ba << true;
        QTest::newRow("hex without digits") << "\\xZ"_ba << true;
        QTest::newRow("octal") << "\\101\\0101\\08\\7777"_ba << true;
        QTest::newRow("unicode escapes") << "\\u00e9\\U0001F389\\u41"_ba << true;
        QTest::newRow("unicode without digits") << "\\uZ"_ba << true;
        QTest::newRow("unknown escapes") << "\\q\\c\\\"\\?"_ba << true;
        QTest::newRow("unicode text") << "\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x8e\x89\n"_ba << true;
        QTest::newRow("CRLF") << "line1\r\nline2\r\n"_ba << true;
        QTest::newRow("trailing backslash") << "abc\\"_ba << true;
        QTest::newRow("backslash newline") << "a\\\nb"_ba << true;
        QTest::newRow("double quotes outside") << "a'\"b c\"'d"_ba << true;
        QTest::newRow("escapes outside quotes") << "a'\\ \\x'b"_ba << true;
        QTest::newRow("comment outside quotes") << "a' #x'"_ba << false;
        QTest::newRow("dollar outside quotes") << "a'$HOME'b"_ba << false;
        QTest::newRow("glob outside quotes") << "from x import' * 'y"_ba << false;
        QTest::newRow("another command") << "don't\nstop-the-release-console-test\n"_ba << false;
        QTest::newRow("another redirection") << "a' > other.txt 'b"_ba << true;
        QTest::newRow("redirection then open quote") << "a' > other.txt '"_ba << true;
    }
    void sameBytesAsBash()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, emulated);
        const ShellResult ours = printfQuotedToFile(input);
        const ToolRun bash = realBash(input, m_directory.path());
        QVERIFY2(bash.exitCode >= 0, "bash did not finish");
        QCOMPARE(ours.emulated, emulated);
        if (!emulated) {
            QVERIFY(!ours.ok());
            return;
        }
        QVERIFY2(ours.ok() == (bash.exitCode == 0),
                 qPrintable(u"ours: %1 (%2), bash: %3 (%4)"_s.arg(ours.exitCode)
                                .arg(ours.error)
                                .arg(bash.exitCode)
                                .arg(QString::fromUtf8(bash.output))));
        if (ours.ok())
            QCOMPARE(ours.output.toHex(' '), bash.file.toHex(' '));
        else
            QVERIFY(!ours.error.isEmpty());
    }

    void printfErrorsSayWhy()
    {
        QVERIFY(printfQuotedToFile("it's"_ba).error.contains(u"matching"_s));
        QVERIFY(printfQuotedToFile("100% Python"_ba).error.contains(u"invalid format character"_s));
        QVERIFY(printfQuotedToFile("--- a/x"_ba).error.contains(u"invalid option"_s));
        QCOMPARE(printfQuotedToFile("it'\\''s 100%% \\\\o/"_ba).output, "it's 100% \\o/"_ba);
        QCOMPARE(bashPrintf("%s=%d;", {"a", "1", "b"}).output, "a=1;b=0;"_ba);
    }

    void sameResultAsGitApply_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<bool>("applies");

        QTest::newRow("applies") << kInit << kGoodPatch << true;
        QByteArray offset = "# A header line.\n# Another one.\n" + kInit;
        QTest::newRow("offset") << offset << kGoodPatch << true;
        QByteArray mangled = kGoodPatch;
        mangled.replace("'n' C++", "n C++");
        QTest::newRow("context mangled by printf") << kInit << mangled << false;
        QByteArray crlf = kGoodPatch;
        crlf.replace("\n", "\r\n");
        QTest::newRow("CRLF patch") << kInit << crlf << false;
        QTest::newRow("header only") << kInit
                                     << "--- a/src/pymodule/__init__.py\n"
                                        "+++ b/src/pymodule/__init__.py\n"_ba
                                     << false;
        QByteArray otherFile = kGoodPatch;
        otherFile.replace("src/pymodule/", "src/other/");
        QTest::newRow("no such file") << kInit << otherFile << false;
        QByteArray truncated = kGoodPatch;
        truncated.chop(QByteArray("+__deployed__ = {\"build\": \"0\"}\n").size());
        QTest::newRow("corrupt") << kInit << truncated << false;
        QByteArray noNewline = kInit;
        noNewline.chop(1);
        QTest::newRow("no newline at end") << noNewline
                                           << "--- a/src/pymodule/__init__.py\n"
                                              "+++ b/src/pymodule/__init__.py\n"
                                              "@@ -4,2 +4,2 @@\n"
                                              " \"\"\"100% Python 'n' C++ \\\\o/\"\"\"\n"
                                              "-__version__ = \"1.0rc4.dev30\"\n"
                                              "\\ No newline at end of file\n"
                                              "+__version__ = \"1.0.0\"\n"_ba
                                           << true;
    }
    void sameResultAsGitApply()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, patch);
        QFETCH(bool, applies);
        const QString path = u"src/pymodule/__init__.py"_s;
        const GitApplyResult ours = rc::sandbox::gitApply(patch, {{path, file}});
        QCOMPARE(ours.ok, applies);

        // The same with the real git, where there is one (it is a build dependency).
        const QString git = QStandardPaths::findExecutable(u"git"_s);
        QVERIFY2(!git.isEmpty(), "the comparison needs git");
        QTemporaryDir tree;
        QVERIFY(QDir(tree.path()).mkpath(u"src/pymodule"_s));
        QFile original(tree.filePath(path));
        QVERIFY(original.open(QIODevice::WriteOnly));
        original.write(file);
        original.close();
        QFile patchFile(tree.filePath(u"patch.diff"_s));
        QVERIFY(patchFile.open(QIODevice::WriteOnly));
        patchFile.write(patch);
        patchFile.close();
        QProcess process;
        process.setWorkingDirectory(tree.path());
        process.setProcessEnvironment(utf8Environment());
        process.start(git, {u"apply"_s, u"--verbose"_s, u"patch.diff"_s});
        QVERIFY(process.waitForFinished(10000));
        const QByteArray said = process.readAllStandardError() + process.readAllStandardOutput();
        QCOMPARE(process.exitCode() == 0, applies);
        QVERIFY(original.open(QIODevice::ReadOnly));
        if (applies)
            QCOMPARE(ours.files.value(path), original.readAll());
        // git's first error line is ours, word for word.
        for (const QString &line : ours.log) {
            if (line.startsWith(u"error:"_s)) {
                QVERIFY2(said.contains(line.toUtf8()), said.constData());
                break;
            }
        }
    }

    void patchFailureNamesTheLine()
    {
        QByteArray mangled = kGoodPatch;
        mangled.replace("'n' C++", "n C++");
        const GitApplyResult result =
            rc::sandbox::gitApply(mangled, {{u"src/pymodule/__init__.py"_s, kInit}});
        QVERIFY(!result.ok);
        QVERIFY(result.log.contains(u"error: patch failed: src/pymodule/__init__.py:3"_s));
        QVERIFY(result.log.contains(u"error: src/pymodule/__init__.py: patch does not apply"_s));
        QCOMPARE(result.files.value(u"src/pymodule/__init__.py"_s), kInit);  // untouched
    }
};

QTEST_GUILESS_MAIN(TestShellPrintf)
#include "tst_shellprintf.moc"
