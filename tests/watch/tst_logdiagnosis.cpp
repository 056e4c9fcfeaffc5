// SPDX-License-Identifier: BSD-3-Clause
#include "support/sanitizers.h"
#include "watch/logdiagnosis.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using rc::watch::diagnoseLog;
using rc::watch::LogExcerpt;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QFINDTESTDATA(u"data/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// What a person reads: the summary, the command and the lines.
qsizetype excerptBytes(const LogExcerpt &excerpt)
{
    return excerpt.summary.toUtf8().size() + excerpt.failingCommand.toUtf8().size() +
        excerpt.lines.join(u'\n').toUtf8().size();
}

// The first excerpt line whose text contains `fragment`, or -1.
qsizetype lineWith(const LogExcerpt &excerpt, const QString &fragment)
{
    for (qsizetype i = 0; i < excerpt.lines.size(); ++i) {
        if (excerpt.lines[i].contains(fragment))
            return i;
    }
    return -1;
}

QString describe(const LogExcerpt &excerpt)
{
    return u"kind %1, summary \"%2\", command \"%3\", first line %4, lines:\n  %5"_s.arg(
        excerpt.kind, excerpt.summary, excerpt.failingCommand, QString::number(excerpt.firstLine),
        excerpt.lines.join(u"\n  "_s));
}

// Nothing shown carries GitHub's timestamps or markers, or a control character.
bool isClean(const LogExcerpt &excerpt)
{
    static const QRegularExpression timestamp(u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"_s);
    for (const QString &line :
         excerpt.lines + QStringList {excerpt.summary, excerpt.failingCommand}) {
        if (line.contains(timestamp) || line.contains(u"##["_s))
            return false;
        for (const QChar ch : line) {
            if (ch.unicode() < 0x20 || (ch.unicode() >= 0x7f && ch.unicode() <= 0x9f))
                return false;
        }
    }
    for (const QString &line : excerpt.lines) {
        if (line.size() > 240)
            return false;
    }
    if (excerpt.failingCommand.size() > 1000)
        return false;
    return excerpt.lines.size() <= 48 + 47;  // 48 lines and the "…" between them
}

// A GitHub log line: "2026-11-25T08:01:02.1234567Z text".
QByteArray gh(const QByteArray &text)
{
    return "2026-11-25T08:14:" + QByteArray::number(10 + text.size() % 50) + ".1234567Z " + text +
        '\n';
}

QByteArray lines(std::initializer_list<const char *> texts)
{
    QByteArray log;
    for (const char *text : texts)
        log += gh(text);
    return log;
}

// The lines of a successful job that comes before a failure, repeated to a realistic size.
QByteArray buildNoise(int repeat)
{
    QByteArray noise;
    for (int i = 1; i <= repeat; ++i) {
        noise += gh("[" + QByteArray::number(i) +
                    "/9999] Building CXX object "
                    "src/general/CMakeFiles/vlxgeneral.dir/ErrorHandler.cpp.o");
        noise += gh("-- Installing: /opt/conda/lib/python3.12/site-packages/veloxchem/errors.py");
    }
    return noise;
}

#ifdef Q_OS_LINUX
// Peak resident memory so far, from the kernel's own bookkeeping.
qint64 peakResidentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
#endif

}  // namespace

class TestLogDiagnosis : public QObject
{
    Q_OBJECT

private slots:
    void realLogs_data();
    void realLogs();
    void snippets_data();
    void snippets();
    void emptyLog();
    void logWithoutError();
    void hugeLogWithErrorAtTheEnd();
    void logLongerThanTheLimit();
    void binaryGarbage();
    void secretsAreMasked();
    void secretsAreMaskedInSummariesAndCollapsedLines();
};

void TestLogDiagnosis::realLogs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("decisiveLines");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("summaryWords");

    QTest::newRow("compile error")
        << u"conda-build-compile-error.log"_s << u"compile-error"_s
        << QStringList {u"/work/src/dft/XCIntegratorForGGA.cpp:214:28: error: 'gridscreen' has "
                        "not been declared"_s,
                        u"FAILED: src/dft/CMakeFiles/vlxdft.dir/XCIntegratorForGGA.cpp.o"_s,
                        u"  214 |             auto npoints = gridscreen::"_s,
                        u"ninja: build stopped: subcommand failed."_s,
                        u"conda_build.exceptions.BuildScriptException: Command failed"_s,
                        u"Process completed with exit code 1."_s}
        << u"-o src/dft/CMakeFiles/vlxdft.dir/XCIntegratorForGGA.cpp.o -c "_s
        << QStringList {u"C++ compiler"_s, u"src/dft/XCIntegratorForGGA.cpp:214"_s,
                        u"'gridscreen' has not been declared"_s};
    QTest::newRow("missing dependency")
        << u"conda-build-missing-dependency.log"_s << u"missing-dependency"_s
        << QStringList {u"conda_libmamba_solver.exceptions.LibMambaUnsatisfiableError: Could not "
                        "solve for environment specs"_s,
                        u"├─ libxc >=7.1,<8 * does not exist (perhaps a typo or a missing "
                        "channel);"_s,
                        u"DependencyNeedsBuildingError: Unsatisfiable dependencies for platform "
                        "linux-64"_s,
                        u"Process completed with exit code 1."_s}
        << u"conda build recipes/veloxchem --user robertodr --label dev --token \"$ANACONDA_TOKEN\""_s
        << QStringList {u"libxc >=7.1,<8"_s};
    QTest::newRow("failing test")
        << u"conda-build-failing-test.log"_s << u"test-failure"_s
        << QStringList {u"tests/test_scfrestdriver.py::test_scf_blyp"_s,
                        u"E       AssertionError: assert 3.2145e-05 < 1e-06"_s,
                        u"tests/test_scfrestdriver.py:88: AssertionError"_s,
                        u"FAILED tests/test_scfrestdriver.py::test_scf_blyp - AssertionError"_s,
                        u"FAILED tests/test_lreigensolver.py::test_b3lyp - AssertionError"_s,
                        u"2 failed, 265 passed, 3 skipped"_s,
                        u"TESTS FAILED: veloxchem-1.0-py312h5e1b0a1_1.conda"_s}
        << u"python -m pytest -v tests"_s
        << QStringList {u"pytest"_s, u"2 failed"_s,
                        u"tests/test_scfrestdriver.py::test_scf_blyp"_s};
    QTest::newRow("upload refused")
        << u"conda-build-upload-refused.log"_s << u"upload-refused"_s
        << QStringList {u"Error: ('file robertodr/veloxchem/1.0/linux-64/"
                        "veloxchem-1.0-py312h5e1b0a1_1.conda already exists"_s,
                        u"Uploading file \"robertodr/veloxchem/1.0/linux-64/"_s,
                        u"Process completed with exit code 1."_s}
        << u"conda build recipes/veloxchem"_s
        << QStringList {u"veloxchem-1.0-py312h5e1b0a1_1.conda already exists"_s, u"409"_s,
                        u"--force"_s};
}

void TestLogDiagnosis::realLogs()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QStringList, decisiveLines);
    QFETCH(QString, command);
    QFETCH(QStringList, summaryWords);

    const QByteArray log = readData(file);
    QVERIFY2(log.size() > 40'000, qPrintable(file));
    QVERIFY2(log.count('\n') >= 500, "a full-size job log");

    const LogExcerpt excerpt = diagnoseLog(log);
    QCOMPARE(excerpt.logBytes, log.size());
    QVERIFY2(excerpt.kind == kind, qPrintable(describe(excerpt)));
    for (const QString &decisive : decisiveLines)
        QVERIFY2(lineWith(excerpt, decisive) >= 0,
                 qPrintable(u"missing \"%1\" in %2"_s.arg(decisive, describe(excerpt))));
    QVERIFY2(excerpt.failingCommand.contains(command), qPrintable(describe(excerpt)));
    for (const QString &word : summaryWords)
        QVERIFY2(excerpt.summary.contains(word), qPrintable(describe(excerpt)));
    QVERIFY2(isClean(excerpt), qPrintable(describe(excerpt)));

    // Condensed: at most 5 % of the log.
    qInfo("%s: %lld excerpt bytes of %lld, %lld lines", qPrintable(file),
          qlonglong(excerptBytes(excerpt)), qlonglong(log.size()), qlonglong(excerpt.lines.size()));
    QVERIFY2(excerptBytes(excerpt) * 20 <= log.size(),
             qPrintable(u"%1 of %2 bytes"_s.arg(excerptBytes(excerpt)).arg(log.size())));

    // The first line shown is the log's line at firstLine, and the lines keep the log's order.
    const QList<QByteArray> logLines = log.split('\n');
    QVERIFY(excerpt.firstLine >= 1 && excerpt.firstLine <= logLines.size());
    const QString first = QString::fromUtf8(logLines.at(excerpt.firstLine - 1));
    QVERIFY2(first.contains(excerpt.lines.constFirst().left(60)), qPrintable(first));
    qsizetype previous = -1;
    for (const QString &line : excerpt.lines) {
        if (line == u"…"_s || line.isEmpty())
            continue;
        const qsizetype at = QString::fromUtf8(log).indexOf(line.left(80), previous + 1);
        QVERIFY2(at > previous, qPrintable(u"out of order: "_s + line));
        previous = at;
    }

    // Pure: the same bytes give the same answer.
    const LogExcerpt again = diagnoseLog(log);
    QCOMPARE(again.lines, excerpt.lines);
    QCOMPARE(again.summary, excerpt.summary);
}

void TestLogDiagnosis::snippets_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("decisiveLine");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("summaryWord");

    const QByteArray noise = buildNoise(40);
    const QByteArray buildStep =
        lines({"##[group]Run conda build recipes/veloxchem --user robertodr",
               "\x1b[36;1mconda build recipes/veloxchem --user robertodr\x1b[0m",
               "shell: C:\\Program Files\\Git\\bin\\bash.EXE -l {0}", "##[endgroup]"});

    QTest::newRow("msvc") << buildStep + noise +
            lines({"FAILED: src/eri/CMakeFiles/vlxeri.dir/FockDriver.cpp.obj ",
                   "C:\\hostedtoolcache\\windows\\...\\cl.exe /nologo /TP -DVLX_ALIGN=64 /EHsc /O2 "
                   "/Fosrc\\eri\\FockDriver.cpp.obj /c "
                   "D:\\a\\meta-vlx\\conda-bld\\veloxchem_1\\work\\src\\eri\\FockDriver.cpp",
                   "D:\\a\\meta-vlx\\conda-bld\\veloxchem_1\\work\\src\\eri\\FockDriver.cpp(87): "
                   "error C2065: 'nthreads': undeclared identifier",
                   "ninja: build stopped: subcommand failed.",
                   "##[error]Process completed with exit code 1."})
                          << u"compile-error"_s
                          << u"error C2065: 'nthreads': undeclared identifier"_s
                          << u"cl.exe /nologo"_s << u"src/eri/FockDriver.cpp:87"_s;
    QTest::newRow("clang with colours")
        << buildStep + noise +
            lines({"FAILED: src/math/CMakeFiles/vlxmath.dir/DenseMatrix.cpp.o ",
                   "$BUILD_PREFIX/bin/arm64-apple-darwin20.0.0-clang++ -O2 -c "
                   "src/math/DenseMatrix.cpp",
                   "\x1b[1m/Users/runner/conda-bld/veloxchem_1/work/src/math/DenseMatrix.cpp:40:5: "
                   "\x1b[0m\x1b[0;1;31merror: \x1b[0m\x1b[1mno matching function for call to "
                   "'dgemm_'\x1b[0m",
                   "   40 |     dgemm_(&transa, &transb, &m);", "      |     ^~~~~~",
                   "1 error generated.", "ninja: build stopped: subcommand failed."})
        << u"compile-error"_s << u"DenseMatrix.cpp:40:5: error: no matching function for call"_s
        << u"clang++ -O2 -c src/math/DenseMatrix.cpp"_s << u"src/math/DenseMatrix.cpp:40"_s;
    QTest::newRow("cmake error") << buildStep + noise +
            lines({"+ cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release",
                   "-- The CXX compiler identification is GNU 13.3.0",
                   "CMake Error at CMakeLists.txt:42 (find_package):",
                   "  Could not find a package configuration file provided by \"Eigen3\" with",
                   "  any of the following names:", "", "    Eigen3Config.cmake",
                   "-- Configuring incomplete, errors occurred!"})
                                 << u"compile-error"_s
                                 << u"CMake Error at CMakeLists.txt:42 (find_package):"_s
                                 << u"cmake -S . -B build"_s
                                 << u"CMake stopped at CMakeLists.txt:42"_s;
    QTest::newRow("undefined reference")
        << buildStep + noise +
            lines(
                {"FAILED: src/pymodule/veloxchemlib.so ",
                 "x86_64-conda-linux-gnu-c++ -shared -o src/pymodule/veloxchemlib.so",
                 "/opt/ld: ExportDft.cpp.o: in function `vlx_dft::export_dft(pybind11::module_&)':",
                 "ExportDft.cpp:(.text+0x1a2): undefined reference to `CXCFunctional::getName() "
                 "const'",
                 "collect2: error: ld returned 1 exit status"})
        << u"compile-error"_s << u"undefined reference to `CXCFunctional::getName() const'"_s
        << u"-shared -o src/pymodule/veloxchemlib.so"_s << u"linker"_s;
    QTest::newRow("packages not found")
        << buildStep + noise +
            lines({"Solving environment: ...working... failed", "",
                   "PackagesNotFoundError: The following packages are not available from current "
                   "channels:",
                   "", "  - libxc-nope=7.1", "", "Current channels:", "",
                   "  - https://conda.anaconda.org/conda-forge", "",
                   "##[error]Process completed with exit code 1."})
        << u"missing-dependency"_s << u"  - libxc-nope=7.1"_s << u"conda build recipes/veloxchem"_s
        << u"libxc-nope=7.1"_s;
    QTest::newRow("nothing provides")
        << buildStep + noise +
            lines({"Could not solve for environment specs", "Encountered problems while solving:",
                   "  - nothing provides requested libint >=2.9 needed by veloxchem-1.0-py312_1"})
        << u"missing-dependency"_s << u"nothing provides requested libint >=2.9"_s
        << u"conda build"_s << u"libint >=2.9"_s;
    QTest::newRow("ctest") << buildStep + noise +
            lines({"+ ctest --output-on-failure", "Test project /work/build",
                   "    Start 1: test_eri",
                   "1/3 Test #1: test_eri .........................***Failed    0.41 sec",
                   "2/3 Test #2: test_dft .........................   Passed    0.20 sec",
                   "67% tests passed, 1 tests failed out of 3", "", "The following tests FAILED:",
                   "\t  1 - test_eri (Failed)", "Errors while running CTest"})
                           << u"test-failure"_s << u"1 - test_eri (Failed)"_s
                           << u"ctest --output-on-failure"_s << u"test_eri"_s;
    QTest::newRow("distribution exists")
        << buildStep + noise +
            lines(
                {"Uploading file \"robertodr/veloxchem/1.0/osx-arm64/veloxchem-1.0-py313_2.conda\"",
                 "[ERROR] Distribution "
                 "\"robertodr/veloxchem/1.0/osx-arm64/veloxchem-1.0-py313_2.conda\" "
                 "already exists. Please use the -i/--interactive or --force or --skip options"})
        << u"upload-refused"_s << u"--force or --skip options"_s << u"conda build"_s
        << u"veloxchem-1.0-py313_2.conda"_s;
    // The sandbox's own step logs (app/sandbox/runengine.cpp).
    QTest::newRow("sandbox checksum")
        << lines({"##[group]Run Verify checksum",
                  "sha256sum: WARNING: 1 computed checksum did NOT match",
                  "##[error]Process completed with exit code 1.", "##[endgroup]"})
        << u"checksum"_s << u"sha256sum: WARNING: 1 computed checksum did NOT match"_s
        << u"Verify checksum"_s << u"SHA-256"_s;
    QTest::newRow("real checksum")
        << lines({"##[group]Run curl --fail --location --output veloxchem.tar.bz2 \"$URL\"",
                  "\x1b[36;1mcurl --fail --location --output veloxchem.tar.bz2 \"$URL\"\x1b[0m",
                  "\x1b[36;1mecho \"5f1e  veloxchem.tar.bz2\" | sha256sum --strict --check\x1b[0m",
                  "shell: /usr/bin/bash -l {0}", "##[endgroup]", "veloxchem.tar.bz2: FAILED",
                  "sha256sum: WARNING: 1 computed checksum did NOT match",
                  "##[error]Process completed with exit code 1."})
        << u"checksum"_s << u"veloxchem.tar.bz2: FAILED"_s << u"sha256sum --strict --check"_s
        << u"veloxchem.tar.bz2"_s;
    QTest::newRow("sandbox patch")
        << lines({"##[group]Run Apply patch", "Checking patch src/pymodule/__init__.py...",
                  "error: patch failed: src/pymodule/__init__.py:3",
                  "error: src/pymodule/__init__.py: patch does not apply",
                  "##[error]Process completed with exit code 1.", "##[endgroup]"})
        << u"patch"_s << u"error: patch failed: src/pymodule/__init__.py:3"_s << u"Apply patch"_s
        << u"src/pymodule/__init__.py:3"_s;
    QTest::newRow("sandbox build script")
        << lines({"##[group]Run Build and upload with conda-build",
                  "conda_build.exceptions.BuildScriptException: Command failed: bash -e build.sh",
                  "##[error]Process completed with exit code 1.", "##[endgroup]"})
        << u"compile-error"_s << u"BuildScriptException: Command failed: bash -e build.sh"_s
        << u"bash -e build.sh"_s << u"build script"_s;
    QTest::newRow("generic step failure")
        << buildStep + noise +
            lines({"Something went sideways", "##[error]Process completed with exit code 2."})
        << u"unknown"_s << u"Process completed with exit code 2."_s
        << u"conda build recipes/veloxchem"_s << u"exit code 2"_s;
    QTest::newRow("cancelled") << buildStep + noise +
            lines({"##[error]The operation was canceled."})
                               << u"unknown"_s << u"The operation was canceled."_s << QString()
                               << u"cancelled"_s;
    QTest::newRow("crlf line breaks")
        << QByteArray(buildStep +
                      lines({"veloxchem.tar.bz2: FAILED",
                             "sha256sum: WARNING: 1 computed checksum did NOT match"}))
               .replace("\n", "\r\n")
        << u"checksum"_s << u"sha256sum: WARNING: 1 computed checksum did NOT match"_s
        << u"conda build"_s << u"veloxchem.tar.bz2"_s;
}

void TestLogDiagnosis::snippets()
{
    QFETCH(QByteArray, log);
    QFETCH(QString, kind);
    QFETCH(QString, decisiveLine);
    QFETCH(QString, command);
    QFETCH(QString, summaryWord);

    const LogExcerpt excerpt = diagnoseLog(log);
    QVERIFY2(excerpt.kind == kind, qPrintable(describe(excerpt)));
    QVERIFY2(lineWith(excerpt, decisiveLine) >= 0, qPrintable(describe(excerpt)));
    QVERIFY2(command.isEmpty() ? excerpt.failingCommand.isEmpty()
                               : excerpt.failingCommand.contains(command),
             qPrintable(describe(excerpt)));
    QVERIFY2(excerpt.summary.contains(summaryWord), qPrintable(describe(excerpt)));
    QVERIFY2(isClean(excerpt), qPrintable(describe(excerpt)));
    QVERIFY(excerpt.firstLine >= 1);
    QCOMPARE(excerpt.logBytes, log.size());
}

void TestLogDiagnosis::emptyLog()
{
    const LogExcerpt excerpt = diagnoseLog(QByteArrayView());
    QCOMPARE(excerpt.kind, u"unknown"_s);
    QVERIFY(excerpt.lines.isEmpty());
    QVERIFY(excerpt.failingCommand.isEmpty());
    QVERIFY(!excerpt.summary.isEmpty());
    QCOMPARE(excerpt.firstLine, 0);
    QCOMPARE(excerpt.logBytes, 0);

    const LogExcerpt blank = diagnoseLog("\n\n\r\n   \n");
    QCOMPARE(blank.kind, u"unknown"_s);
    QVERIFY(blank.lines.isEmpty());
}

void TestLogDiagnosis::logWithoutError()
{
    // The upload-refused job without its refusal: a run that went well from start to end.
    QByteArray log;
    for (const QByteArray &line : readData(u"conda-build-upload-refused.log"_s).split('\n')) {
        if (!line.contains("already exists") && !line.contains("##[error]"))
            log += line + '\n';
    }
    QVERIFY(log.size() > 100'000);
    const LogExcerpt excerpt = diagnoseLog(log);
    QVERIFY2(excerpt.kind == u"unknown"_s, qPrintable(describe(excerpt)));
    QVERIFY2(excerpt.lines.isEmpty(), qPrintable(describe(excerpt)));
    QVERIFY(excerpt.failingCommand.isEmpty());
    QVERIFY(excerpt.summary.contains(u"Nothing decisive"_s));
    QCOMPARE(excerpt.firstLine, 0);
    QCOMPARE(excerpt.logBytes, log.size());
}

void TestLogDiagnosis::hugeLogWithErrorAtTheEnd()
{
    // 50 MB of a build's chatter (a twentieth under ASan), much of it with "error" in file names,
    // then the failure.
    const QByteArray tail = readData(u"conda-build-compile-error.log"_s);
    QVERIFY(!tail.isEmpty());
    const QByteArray block = buildNoise(1000);
    QByteArray log;
    const qsizetype noiseBytes = 50 * 1024 * 1024 / rc::test::kSanitizerWorkDivisor;
    log.reserve(noiseBytes + tail.size());
    while (log.size() < noiseBytes)
        log += block;
    const qsizetype noiseLines = log.count('\n');
    log += tail;

#ifdef Q_OS_LINUX
    // Building the log above left a peak of its own: start the count afresh (Linux >= 4.0).
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    QVERIFY(clearRefs.open(QIODevice::WriteOnly));
    QCOMPARE(clearRefs.write("5"), 1);
    clearRefs.close();
    const qint64 peakBefore = peakResidentKiB();
    QVERIFY(peakBefore > 0);
#endif
    QElapsedTimer timer;
    timer.start();
    const LogExcerpt excerpt = diagnoseLog(log);
    const qint64 elapsed = timer.elapsed();
    qInfo("diagnosed %lld MB in %lld ms", qlonglong(log.size() >> 20), qlonglong(elapsed));
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
#ifdef Q_OS_LINUX
    const qint64 growthKiB = peakResidentKiB() - peakBefore;
    qInfo("peak resident memory grew by %lld KiB", qlonglong(growthKiB));
    QVERIFY2(growthKiB < 16 * 1024 + rc::test::kSanitizerMemorySlackBytes / 1024,
             qPrintable(QString::number(growthKiB)));
#endif

    QVERIFY2(excerpt.kind == u"compile-error"_s, qPrintable(describe(excerpt)));
    QVERIFY(lineWith(excerpt, u"error: 'gridscreen' has not been declared"_s) >= 0);
    QCOMPARE(excerpt.logBytes, log.size());
    QVERIFY(excerpt.firstLine > noiseLines);
    const LogExcerpt alone = diagnoseLog(tail);
    QCOMPARE(excerpt.firstLine, alone.firstLine + noiseLines);
    QCOMPARE(excerpt.lines, alone.lines);
}

void TestLogDiagnosis::logLongerThanTheLimit()
{
    // Beyond kMaxLogBytes only the end is read, and line numbers still count from the start.
    const QByteArray failure = lines(
        {"veloxchem.tar.bz2: FAILED", "sha256sum: WARNING: 1 computed checksum did NOT match"});
    QByteArray log = lines({"TESTS FAILED: an-early-failure-that-is-skipped.conda"});
    const QByteArray filler(1000, 'x');
    while (log.size() < rc::watch::kMaxLogBytes + 4096)
        log += filler + '\n';
    const qsizetype linesBefore = log.count('\n');
    log += failure;

    const LogExcerpt excerpt = diagnoseLog(log);
    QVERIFY(excerpt.logBytes <= rc::watch::kMaxLogBytes);
    QVERIFY(excerpt.logBytes > rc::watch::kMaxLogBytes - 2000);
    QVERIFY2(excerpt.kind == u"checksum"_s, qPrintable(describe(excerpt)));
    const qsizetype at = lineWith(excerpt, u"veloxchem.tar.bz2: FAILED"_s);
    QVERIFY(at >= 0);
    QCOMPARE(qsizetype(excerpt.firstLine) + at, linesBefore + 1);
}

void TestLogDiagnosis::binaryGarbage()
{
    QRandomGenerator random(20261125);
    for (const qsizetype size : {1, 7, 4096, 1 << 20}) {
        QByteArray garbage(size, Qt::Uninitialized);
        for (char &byte : garbage)
            byte = char(random.bounded(256));
        const LogExcerpt excerpt = diagnoseLog(garbage);
        QCOMPARE(excerpt.logBytes, size);
        QVERIFY(!excerpt.kind.isEmpty());
        QVERIFY(!excerpt.summary.isEmpty());
        QVERIFY2(isClean(excerpt), qPrintable(describe(excerpt)));
    }
    // Garbage around a real error line: the error is still found, the garbage cleaned away.
    QByteArray mixed = QByteArray("\xff\xfe\x00\x1b[31m\n", 9) +
        gh("\x80\x9f\xc3(broken utf-8 \x1b]0;title\x07") +
        gh("\x1b[31merror: patch failed: src/pymodule/__init__.py:3\x1b[0m\x01\x02") + "\xf0\x9f";
    const LogExcerpt excerpt = diagnoseLog(mixed);
    QCOMPARE(excerpt.kind, u"patch"_s);
    QVERIFY2(lineWith(excerpt, u"error: patch failed: src/pymodule/__init__.py:3"_s) >= 0,
             qPrintable(describe(excerpt)));
    QVERIFY2(isClean(excerpt), qPrintable(describe(excerpt)));
    // One endless line of binary: bounded, no crash.
    const QByteArray endless(8 * 1024 * 1024, '\x1b');
    QVERIFY(isClean(diagnoseLog(endless)));
}

void TestLogDiagnosis::secretsAreMasked()
{
    const QByteArray log = lines(
        {"##[group]Run anaconda upload",
         "\x1b[36;1manaconda --token s3cr3t-t0ken-value upload --user robertodr pkg.conda\x1b[0m",
         "shell: /usr/bin/bash -l {0}", "##[endgroup]",
         "+ anaconda --token s3cr3t-t0ken-value upload --user robertodr pkg.conda",
         "Error: ('file pkg.conda already exists', 409) with "
         "ghp_abcdefghijklmnopqrstuvwxyz012345"});
    const LogExcerpt excerpt = diagnoseLog(log);
    QCOMPARE(excerpt.kind, u"upload-refused"_s);
    const QString shown = excerpt.lines.join(u'\n') + excerpt.failingCommand + excerpt.summary;
    QVERIFY2(!shown.contains(u"s3cr3t"_s), qPrintable(describe(excerpt)));
    QVERIFY2(!shown.contains(u"ghp_abcdefghijklmnop"_s), qPrintable(describe(excerpt)));
    QVERIFY2(excerpt.failingCommand.contains(u"anaconda --token *** upload"_s),
             qPrintable(describe(excerpt)));
}

// Found by fuzzing: a token in the line a summary quotes, and one that only the collapse of
// conda-build's prefix padding puts at a word boundary.
void TestLogDiagnosis::secretsAreMaskedInSummariesAndCollapsedLines()
{
    const QByteArray log =
        lines({"/work/src/dft/grid.cpp:214:28: error: 'ghp_abcdefghijklmnopqrstuvwxyz0123' was not "
               "declared",
               "x_placehold_placeholdghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ9876 error: failed",
               "ninja: build stopped: subcommand failed.",
               "##[error]Process completed with exit code 1."});
    const LogExcerpt excerpt = diagnoseLog(log);
    const QString shown = excerpt.lines.join(u'\n') + excerpt.failingCommand + excerpt.summary;
    QVERIFY2(!shown.contains(u"ghp_abcdefghijklmnop"_s), qPrintable(describe(excerpt)));
    QVERIFY2(!shown.contains(u"ghp_ABCDEFGHIJKLMNOP"_s), qPrintable(describe(excerpt)));
}

QTEST_GUILESS_MAIN(TestLogDiagnosis)
#include "tst_logdiagnosis.moc"
