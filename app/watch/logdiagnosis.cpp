// SPDX-License-Identifier: BSD-3-Clause
#include "watch/logdiagnosis.h"

#include <QByteArrayMatcher>
#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace rc::watch {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::watch::LogDiagnosis)
};

constexpr int kMaxExcerptLines = 48;
constexpr qsizetype kMaxShownLineChars = 240;
constexpr qsizetype kMaxCommandChars = 1000;
// A longer line (a minified blob, binary garbage) is read only this far.
constexpr qsizetype kMaxReadLineBytes = 16 * 1024;
// Per trigger, the first and the last this many lines that contain it are examined: noise that
// repeats a trigger a million times costs time linear in its size, never unbounded memory.
constexpr qsizetype kTriggerLinesKeptPerEnd = 2048;
// How far back a failing command is looked for, in lines.
constexpr int kCommandSearchLines = 4000;

// Byte sequences at least one of which every line the classifier can recognise contains.
constexpr const char *kTriggers[] = {
    "rror",   // error:, Error, ERROR, ...Error exceptions, ##[error]
    "FAIL",   // FAILED, ninja's FAILED:, ctest
    "ailed",  // failed, Failed
    "nothing provides",
    "not available from",
    "does not exist",
    "Could not solve",
    "Unsatisfiable",
    "already exists",
    "409",
    "NOT match",
    "mismatch",
    "Hunk #",
    "can't find file",
    "patch: ****",
    "garbage",
    "undefined reference",
    "Undefined symbols",
    "symbol(s) not found",
    "build stopped",
    "*** [",
};

enum class Strength { Primary, Secondary, Generic };

enum class Pattern {
    ChecksumMismatch,
    ChecksumFileFailed,
    PatchFailed,
    SolverError,
    UploadConflict,
    PytestSummaryFailed,
    PytestVerboseFailed,
    PytestHeader,
    PytestTotals,
    CtestHeader,
    CtestTotals,
    CtestTestFailed,
    CondaTestsFailed,
    CompilerError,
    CmakeError,
    LinkerError,
    LinkerEcho,
    NinjaFailed,
    NinjaStopped,
    MakeError,
    BuildScriptFailed,
    GitHubError,
};

struct Classified
{
    QLatin1StringView kind;
    Strength strength;
    Pattern pattern;
};

// One line of the log: bytes [begin, end), without its line break.
struct RawLine
{
    qsizetype begin = 0;
    qsizetype end = 0;
    bool operator==(const RawLine &) const = default;
};

struct Match
{
    RawLine line;
    Classified what;
    QString text;
};

// A line as a person should read it: GitHub's timestamp, its ##[...] marker and control
// characters removed.
struct CleanLine
{
    QString marker;  // "error", "group", "endgroup", ... or empty
    QString text;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "2026-11-25T08:01:02.1234567Z " at the start of every line GitHub stores.
qsizetype timestampLength(QByteArrayView line)
{
    constexpr char shape[] = "dddd-dd-ddTdd:dd:dd";
    constexpr qsizetype shapeLength = sizeof(shape) - 1;
    if (line.size() < shapeLength + 2)
        return 0;
    for (qsizetype i = 0; i < shapeLength; ++i) {
        const bool ok = shape[i] == 'd' ? isDigit(line[i]) : line[i] == shape[i];
        if (!ok)
            return 0;
    }
    qsizetype i = shapeLength;
    if (line[i] == '.') {
        ++i;
        while (i < line.size() && isDigit(line[i]))
            ++i;
    }
    if (i >= line.size() || line[i] != 'Z')
        return 0;
    ++i;
    if (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

// Removes ANSI escape sequences and control characters; a carriage return keeps what a
// terminal would show last (progress bars redraw the line).
QByteArray withoutControls(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        const char c = bytes[i];
        if (c == '\x1b') {
            ++i;
            if (i < bytes.size() && bytes[i] == '[') {
                ++i;
                while (i < bytes.size() && !(bytes[i] >= '\x40' && bytes[i] <= '\x7e'))
                    ++i;
                ++i;
            } else if (i < bytes.size() && bytes[i] == ']') {
                ++i;
                while (i < bytes.size() && bytes[i] != '\x07' && bytes[i] != '\x1b')
                    ++i;
                if (i < bytes.size() && bytes[i] == '\x1b')
                    ++i;
                ++i;
            } else {
                ++i;
            }
            continue;
        }
        if (c == '\r') {
            // Keep what follows the last carriage return that is followed by text.
            if (i + 1 < bytes.size())
                out.clear();
        } else if (c == '\t') {
            out.append(' ');
        } else if ((c >= 0 && c < 0x20) || c == '\x7f') {
            // dropped
        } else {
            out.append(c);
        }
        ++i;
    }
    return out;
}

CleanLine cleanLine(QByteArrayView raw)
{
    QByteArrayView line = raw.first(std::min(raw.size(), kMaxReadLineBytes));
    if (line.startsWith("\xef\xbb\xbf"))
        line = line.sliced(3);
    line = line.sliced(timestampLength(line));
    CleanLine clean;
    if (line.startsWith("##[")) {
        const qsizetype close = line.indexOf(']');
        if (close > 3 && close < 24) {
            clean.marker = QString::fromLatin1(line.sliced(3, close - 3));
            line = line.sliced(close + 1);
        }
    }
    QString text = QString::fromUtf8(withoutControls(line));
    // C1 controls survive UTF-8 decoding; nobody should see them either.
    text.removeIf([](QChar ch) { return ch.unicode() >= 0x80 && ch.unicode() <= 0x9f; });
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    clean.text = text;
    return clean;
}

// The log as lines, without a table of them: neighbours are found from the bytes.
class LogLines
{
public:
    explicit LogLines(QByteArrayView bytes)
        : m_bytes(bytes)
    { }

    qsizetype size() const { return m_bytes.size(); }

    RawLine lineAt(qsizetype offset) const
    {
        const qsizetype begin = offset <= 0 ? 0 : m_bytes.lastIndexOf('\n', offset - 1) + 1;
        return {begin, lineEnd(begin)};
    }

    std::optional<RawLine> next(const RawLine &line) const
    {
        if (line.end >= m_bytes.size())
            return std::nullopt;
        const qsizetype begin = line.end + 1;
        return RawLine {begin, lineEnd(begin)};
    }

    std::optional<RawLine> previous(const RawLine &line) const
    {
        if (line.begin == 0)
            return std::nullopt;
        return lineAt(line.begin - 1);
    }

    QByteArrayView raw(const RawLine &line) const
    {
        return m_bytes.sliced(line.begin, line.end - line.begin);
    }

    CleanLine clean(const RawLine &line) const { return cleanLine(raw(line)); }

    qsizetype lastIndexOf(QByteArrayView needle, qsizetype before) const
    {
        return m_bytes.first(std::clamp<qsizetype>(before, 0, m_bytes.size())).lastIndexOf(needle);
    }

    // Line breaks in [from, to), counted at memchr speed.
    qsizetype countLineBreaks(qsizetype from, qsizetype to) const
    {
        qsizetype count = 0;
        const char *cursor = m_bytes.data() + from;
        const char *const stop = m_bytes.data() + to;
        while (cursor < stop) {
            const void *found = std::memchr(cursor, '\n', size_t(stop - cursor));
            if (!found)
                break;
            ++count;
            cursor = static_cast<const char *>(found) + 1;
        }
        return count;
    }

private:
    qsizetype lineEnd(qsizetype begin) const
    {
        const void *found =
            std::memchr(m_bytes.data() + begin, '\n', size_t(m_bytes.size() - begin));
        return found ? static_cast<const char *>(found) - m_bytes.data() : m_bytes.size();
    }

    QByteArrayView m_bytes;
};

// The begin offsets of every line that holds a trigger (within the per-trigger bounds), sorted.
std::vector<qsizetype> candidateLines(const LogLines &log, QByteArrayView bytes)
{
    std::vector<qsizetype> candidates;
    for (const char *trigger : kTriggers) {
        const QByteArrayMatcher matcher(trigger, qsizetype(std::strlen(trigger)));
        std::vector<qsizetype> first;
        std::vector<qsizetype> last(static_cast<size_t>(kTriggerLinesKeptPerEnd));
        qsizetype lastCount = 0;
        qsizetype from = 0;
        while (from < bytes.size()) {
            const qsizetype hit = matcher.indexIn(bytes, from);
            if (hit < 0)
                break;
            const RawLine line = log.lineAt(hit);
            if (qsizetype(first.size()) < kTriggerLinesKeptPerEnd)
                first.push_back(line.begin);
            else
                last[size_t(lastCount++ % kTriggerLinesKeptPerEnd)] = line.begin;
            from = line.end + 1;
        }
        candidates.insert(candidates.end(), first.begin(), first.end());
        const qsizetype kept = std::min(lastCount, kTriggerLinesKeptPerEnd);
        candidates.insert(candidates.end(), last.begin(), last.begin() + kept);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
}

const QRegularExpression &compilerErrorPattern()
{
    // gcc/clang "path:line[:col]: [fatal ]error: message"
    static const QRegularExpression pattern(
        u"^\\s*(.+?):(\\d+):(?:(\\d+):)? (?:fatal )?error: (.+)$"_s);
    return pattern;
}

const QRegularExpression &msvcErrorPattern()
{
    // MSVC "path(line[,col]): [fatal ]error C2065: message"
    static const QRegularExpression pattern(
        u"^\\s*(.+?)\\((\\d+)(?:,\\d+)?\\)\\s*: (?:fatal )?error ([A-Z]+\\d+)\\s*: (.+)$"_s);
    return pattern;
}

const QRegularExpression &driverErrorPattern()
{
    // "x86_64-conda-linux-gnu-c++: fatal error: no input files", "clang++: error: ..."
    static const QRegularExpression pattern(u"^(\\S+): (?:fatal )?error: (.+)$"_s);
    return pattern;
}

const QRegularExpression &pytestSummaryPattern()
{
    static const QRegularExpression pattern(
        u"^(?:FAILED|ERROR) (\\S+?(?:::\\S+|\\.py))(?: - (.*))?$"_s);
    return pattern;
}

const QRegularExpression &pytestTotalsPattern()
{
    static const QRegularExpression pattern(
        u"^=+ (?:.*?, )?(?:([1-9]\\d*) failed|([1-9]\\d*) errors?)\\b.* =+$"_s);
    return pattern;
}

const QRegularExpression &ctestTotalsPattern()
{
    static const QRegularExpression pattern(
        u"\\d+% tests passed, ([1-9]\\d*) tests? failed out of (\\d+)"_s);
    return pattern;
}

const QRegularExpression &ctestFailedTestPattern()
{
    static const QRegularExpression pattern(
        u"Test\\s+#\\d+: (\\S+) \\.*\\s*\\*+(?:Failed|Exception|Timeout|Not Run)"_s);
    return pattern;
}

std::optional<Classified> classify(const CleanLine &line)
{
    const QString &text = line.text;
    const auto is = [](QLatin1StringView kind, Strength strength, Pattern pattern) {
        return std::optional<Classified>(Classified {kind, strength, pattern});
    };
    using enum Strength;

    // A traceback's frames name exceptions before the exception itself is reported.
    const QStringView trimmed = QStringView(text).trimmed();
    if (trimmed.startsWith("raise "_L1) || trimmed.startsWith("File \""_L1))
        return std::nullopt;

    // The sandbox's own steps first: their words ("error: patch failed") look like others'.
    if (text.contains("computed checksum did NOT match"_L1) ||
        text.contains("checksum mismatch"_L1, Qt::CaseInsensitive) ||
        text.contains("SHA256 mismatch"_L1) ||
        text.contains("no properly formatted SHA256 checksum lines"_L1))
        return is(kChecksumMismatch, Primary, Pattern::ChecksumMismatch);
    // sha256sum --check: "veloxchem.tar.bz2: FAILED"
    if (text.endsWith(": FAILED"_L1) && !text.chopped(8).contains(u' '))
        return is(kChecksumMismatch, Secondary, Pattern::ChecksumFileFailed);
    if (text.startsWith("error: patch failed:"_L1) || text.contains("patch does not apply"_L1) ||
        text.startsWith("error: corrupt patch"_L1) ||
        text.contains("can't find file to patch"_L1) || text.contains("malformed patch"_L1) ||
        text.startsWith("patch: **** "_L1) ||
        text.contains("Only garbage was found in the patch input"_L1) ||
        (text.startsWith("error: "_L1) &&
         text.endsWith("already exists in working directory"_L1)) ||
        (text.startsWith("Hunk #"_L1) && text.contains(" FAILED at "_L1)))
        return is(kPatchFailed, Primary, Pattern::PatchFailed);

    if (text.contains("PackagesNotFoundError"_L1) ||
        text.contains("LibMambaUnsatisfiableError"_L1) || text.contains("UnsatisfiableError"_L1) ||
        text.contains("ResolvePackageNotFound"_L1) ||
        text.contains("DependencyNeedsBuildingError"_L1) || text.contains("nothing provides"_L1) ||
        text.contains("Could not solve for environment specs"_L1) ||
        text.contains("are not available from current channels"_L1) ||
        text.contains("does not exist (perhaps a typo or a missing channel)"_L1))
        return is(kMissingDependency, Primary, Pattern::SolverError);

    if ((text.contains("already exists"_L1) &&
         (text.contains("409"_L1) || text.contains("being uploaded"_L1) ||
          text.contains("Conflict"_L1) || text.contains("Distribution"_L1) ||
          text.contains("anaconda"_L1, Qt::CaseInsensitive))) ||
        text.contains("409 Conflict"_L1) || text.contains("binstar_client.errors.Conflict"_L1))
        return is(kUploadRefused, Primary, Pattern::UploadConflict);

    if (pytestSummaryPattern().matchView(text).hasMatch())
        return is(kTestFailure, Primary, Pattern::PytestSummaryFailed);
    if (pytestTotalsPattern().matchView(text).hasMatch())
        return is(kTestFailure, Primary, Pattern::PytestTotals);
    if (text.contains("::"_L1) && (text.contains(" FAILED"_L1) || text.contains(" ERROR"_L1)) &&
        !text.contains(u'\'') && !text.startsWith(u' '))
        return is(kTestFailure, Secondary, Pattern::PytestVerboseFailed);
    if (text.startsWith("The following tests FAILED:"_L1))
        return is(kTestFailure, Primary, Pattern::CtestHeader);
    if (ctestTotalsPattern().matchView(text).hasMatch())
        return is(kTestFailure, Primary, Pattern::CtestTotals);
    if (ctestFailedTestPattern().matchView(text).hasMatch())
        return is(kTestFailure, Primary, Pattern::CtestTestFailed);
    if (text.contains("TESTS FAILED:"_L1) || text.startsWith("Tests failed for "_L1))
        return is(kTestFailure, Primary, Pattern::CondaTestsFailed);

    if (text.startsWith("FAILED: "_L1))
        return is(kCompileError, Secondary, Pattern::NinjaFailed);
    if (text.startsWith("ninja: build stopped"_L1))
        return is(kCompileError, Secondary, Pattern::NinjaStopped);
    if (text.contains("CMake Error"_L1))
        return is(kCompileError, Primary, Pattern::CmakeError);
    if (text.contains("undefined reference to"_L1) ||
        text.startsWith("Undefined symbols for architecture"_L1) ||
        (text.contains("error LNK"_L1) && text.contains(u':')))
        return is(kCompileError, Primary, Pattern::LinkerError);
    if (text.contains("collect2: error: ld returned"_L1) ||
        text.contains("linker command failed with exit code"_L1) ||
        text.contains("ld: symbol(s) not found"_L1))
        return is(kCompileError, Secondary, Pattern::LinkerEcho);
    if (msvcErrorPattern().matchView(text).hasMatch() ||
        compilerErrorPattern().matchView(text).hasMatch() ||
        driverErrorPattern().matchView(text).hasMatch())
        return is(kCompileError, Primary, Pattern::CompilerError);
    if (text.contains("*** ["_L1) && text.contains("Error "_L1))
        return is(kCompileError, Secondary, Pattern::MakeError);
    if (text.contains("BuildScriptException"_L1))
        return is(kCompileError, Secondary, Pattern::BuildScriptFailed);

    if (line.marker == "error"_L1)
        return is(kUnknownFailure, Generic, Pattern::GitHubError);
    return std::nullopt;
}

// Masks secrets a command line may carry; "$ANACONDA_TOKEN" and GitHub's "***" stay readable.
QString withSecretsMasked(QString text)
{
    static const QRegularExpression option(
        u"(--token|-t|PRIVATE-TOKEN:|Authorization:\\s*(?:Bearer|token))(\\s+|=)(\"[^\"$]*\"|'[^'$]*'|[^\\s$\"'*]\\S*)"_s);
    static const QRegularExpression knownShapes(
        u"\\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|glpat-[A-Za-z0-9_-]{16,})"_s);
    text.replace(option, u"\\1\\2***"_s);
    text.replace(knownShapes, u"***"_s);
    return text;
}

// conda-build pads the host prefix to 255 characters ("_h_env_placehold_placehold_..._pl") so
// that it can be relocated; shown in full it hides everything else on the line.
QString withPlaceholdersCollapsed(QString text)
{
    static const QRegularExpression padding(
        u"(?:_placehold){2,}(?:_p(?:l(?:a(?:c(?:e(?:h(?:o(?:l(?:d)?)?)?)?)?)?)?)?)?"_s);
    return text.replace(padding, u"_placehold…"_s);
}

QString shownLine(const QString &text)
{
    // Collapsed first: the collapse can join a token to a word boundary the mask looks for.
    QString shown = withSecretsMasked(withPlaceholdersCollapsed(text));
    if (shown.size() > kMaxShownLineChars)
        shown = shown.first(kMaxShownLineChars - 1) + u'…';
    return shown;
}

QString shownCommand(QString command)
{
    command = withSecretsMasked(withPlaceholdersCollapsed(command.trimmed()));
    // A compiler's command line ends with what it was doing ("-o x.o -c src/x.cpp"): keep both
    // ends of a long one.
    if (command.size() > kMaxCommandChars) {
        const qsizetype tail = kMaxCommandChars * 2 / 5;
        command = command.first(kMaxCommandChars - tail - 3) + u" … "_s + command.last(tail);
    }
    return command;
}

// Source paths in conda-build logs are long and absolute; what matters is the part inside the
// source tree ("…/conda-bld/veloxchem_1732521662345/work/src/x.cpp" -> "src/x.cpp").
QString sourcePath(QString path)
{
    path = path.trimmed();
    for (const QLatin1StringView marker : {"/work/"_L1, "\\work\\"_L1, "%SRC_DIR%\\"_L1}) {
        const qsizetype at = path.lastIndexOf(marker);
        if (at >= 0)
            return path.sliced(at + marker.size()).replace(u'\\', u'/');
    }
    return path;
}

QString compilerName(const QString &path)
{
    const QString lower = path.toLower();
    static const QStringList cxx = {u".cpp"_s, u".cc"_s,  u".cxx"_s, u".c++"_s,
                                    u".hpp"_s, u".hxx"_s, u".hh"_s,  u".ipp"_s};
    for (const QString &suffix : cxx) {
        if (lower.endsWith(suffix))
            return Text::tr("The C++ compiler");
    }
    if (lower.endsWith(".c"_L1))
        return Text::tr("The C compiler");
    if (lower.endsWith(".f90"_L1) || lower.endsWith(".f"_L1) || lower.endsWith(".f95"_L1))
        return Text::tr("The Fortran compiler");
    if (lower.endsWith(".cu"_L1))
        return Text::tr("The CUDA compiler");
    return Text::tr("The compiler");
}

// A step's script as GitHub echoes it after "##[group]Run ...": one entry per command, with
// backslash continuations joined.
QStringList stepCommands(const LogLines &log, qsizetype offset)
{
    const qsizetype header = log.lastIndexOf("##[group]Run ", offset);
    if (header < 0)
        return {};
    RawLine line = log.lineAt(header);
    const QString headerText = log.clean(line).text;
    const QString firstCommand =
        headerText.startsWith("Run "_L1) ? headerText.sliced(4) : headerText;
    QStringList script;
    bool terminated = false;
    for (int i = 0; i < 60; ++i) {
        const std::optional<RawLine> following = log.next(line);
        if (!following || following->begin >= offset)
            break;
        line = *following;
        const CleanLine clean = log.clean(line);
        if (!clean.marker.isEmpty())
            break;
        if (clean.text.startsWith("shell: "_L1) || clean.text == "with:"_L1 ||
            clean.text == "env:"_L1) {
            terminated = true;
            break;
        }
        script << clean.text;
    }
    if (!terminated || script.isEmpty())
        script = QStringList {firstCommand};
    QStringList commands;
    QString pending;
    for (const QString &scriptLine : std::as_const(script)) {
        QString part = scriptLine.trimmed();
        const bool continues = part.endsWith(u'\\');
        if (continues)
            part.chop(1);
        pending += pending.isEmpty() ? part.trimmed() : u' ' + part.trimmed();
        if (!continues) {
            if (!pending.isEmpty() && !pending.startsWith(u'#'))
                commands << pending;
            pending.clear();
        }
    }
    if (!pending.isEmpty())
        commands << pending;
    return commands;
}

QString pickCommand(const QStringList &commands, const QStringList &preferred)
{
    for (const QString &word : preferred) {
        for (const QString &command : commands) {
            if (command.contains(word))
                return command;
        }
    }
    return commands.isEmpty() ? QString() : commands.constFirst();
}

QStringList condaBuildWords()
{
    return {u"conda build"_s, u"conda-build"_s, u"conda mambabuild"_s, u"rattler-build"_s,
            u"conda "_s};
}

class ExcerptBuilder
{
public:
    explicit ExcerptBuilder(const LogLines &log)
        : m_log(log)
    { }

    bool full() const { return m_lineCount >= kMaxExcerptLines; }

    // Adds `line` with up to `before` lines before it and up to `after` lines after it; the lines
    // after stop early at the first one `stopAfter` rejects.
    template<typename Stop>
    void add(const RawLine &line, int before, int after, Stop stopAfter)
    {
        if (full())
            return;
        const int room = kMaxExcerptLines - m_lineCount - 1;
        after = std::min(after, room);
        before = std::min(before, room - after);
        RawLine first = line;
        for (int i = 0; i < before; ++i) {
            const std::optional<RawLine> previous = m_log.previous(first);
            if (!previous)
                break;
            first = *previous;
        }
        RawLine last = line;
        for (int i = 0; i < after; ++i) {
            const std::optional<RawLine> following = m_log.next(last);
            if (!following || stopAfter(m_log.clean(*following)))
                break;
            last = *following;
        }
        m_regions.push_back({first.begin, last.end});
        m_lineCount += before + after + 1;
    }

    void add(const RawLine &line, int before = 0, int after = 0)
    {
        add(line, before, after, [](const CleanLine &) { return false; });
    }

    bool covers(const RawLine &line) const
    {
        return std::any_of(m_regions.begin(), m_regions.end(), [&line](const RawLine &region) {
            return region.begin <= line.begin && line.end <= region.end;
        });
    }

    void finish(LogExcerpt &excerpt, qsizetype lineBreaksBefore) const
    {
        std::vector<RawLine> regions = m_regions;
        std::sort(regions.begin(), regions.end(),
                  [](const RawLine &a, const RawLine &b) { return a.begin < b.begin; });
        std::vector<RawLine> merged;
        for (const RawLine &region : regions) {
            if (!merged.empty() && region.begin <= merged.back().end + 1)
                merged.back().end = std::max(merged.back().end, region.end);
            else
                merged.push_back(region);
        }
        QStringList lines;
        for (const RawLine &region : merged) {
            if (!lines.isEmpty())
                lines << u"…"_s;
            std::optional<RawLine> line = m_log.lineAt(region.begin);
            while (line && line->begin <= region.end && lines.size() < 2 * kMaxExcerptLines) {
                const CleanLine clean = m_log.clean(*line);
                const bool bareMarker = !clean.marker.isEmpty() && clean.text.isEmpty();
                if (!bareMarker || line->begin == region.begin)
                    lines << shownLine(clean.text);
                line = m_log.next(*line);
            }
        }
        // A region's only line may have been a bare marker: drop blank ends.
        while (!lines.isEmpty() && (lines.back().isEmpty() || lines.back() == u"…"_s))
            lines.removeLast();
        excerpt.lines = lines;
        if (!merged.empty())
            excerpt.firstLine = int(std::min<qsizetype>(
                lineBreaksBefore + m_log.countLineBreaks(0, merged.front().begin) + 1,
                std::numeric_limits<int>::max()));
    }

private:
    const LogLines &m_log;
    std::vector<RawLine> m_regions;
    int m_lineCount = 0;
};

class Diagnosis
{
public:
    Diagnosis(const LogLines &log, std::vector<Match> matches)
        : m_log(log)
        , m_matches(std::move(matches))
        , m_excerpt(log)
    { }

    void run(LogExcerpt &result)
    {
        const Match *decisive = nullptr;
        for (const Strength strength :
             {Strength::Primary, Strength::Secondary, Strength::Generic}) {
            for (const Match &match : m_matches) {
                if (match.what.strength == strength) {
                    decisive = &match;
                    break;
                }
            }
            if (decisive)
                break;
        }
        if (!decisive) {
            result.kind = kUnknownFailure;
            result.summary = Text::tr(
                "Nothing decisive was found in the log: no error line, failed test or refused "
                "upload.");
            return;
        }
        result.kind = decisive->what.kind;
        const QLatin1StringView kind = decisive->what.kind;
        if (kind == kCompileError)
            compileError(*decisive, result);
        else if (kind == kMissingDependency)
            missingDependency(*decisive, result);
        else if (kind == kTestFailure)
            testFailure(*decisive, result);
        else if (kind == kUploadRefused)
            uploadRefused(*decisive, result);
        else if (kind == kChecksumMismatch)
            checksum(*decisive, result);
        else if (kind == kPatchFailed)
            patch(*decisive, result);
        else
            unknown(*decisive, result);
        addFinalError(*decisive);
    }

    void finish(LogExcerpt &result, qsizetype lineBreaksBefore)
    {
        m_excerpt.finish(result, lineBreaksBefore);
        result.failingCommand = shownCommand(result.failingCommand);
        // Summaries quote log lines (a compiler's message, a file name): no token in them either.
        result.summary = withSecretsMasked(result.summary);
    }

private:
    // Matches of `pattern` at or after `from`, in log order.
    std::vector<const Match *> after(const Match &from, std::initializer_list<Pattern> patterns,
                                     int limit) const
    {
        std::vector<const Match *> found;
        for (const Match &match : m_matches) {
            if (match.line.begin < from.line.begin)
                continue;
            if (std::find(patterns.begin(), patterns.end(), match.what.pattern) == patterns.end())
                continue;
            found.push_back(&match);
            if (int(found.size()) >= limit)
                break;
        }
        return found;
    }

    const Match *lastBefore(const Match &before, Pattern pattern, qsizetype maxDistance) const
    {
        const Match *found = nullptr;
        for (const Match &match : m_matches) {
            if (match.line.begin >= before.line.begin)
                break;
            if (match.what.pattern == pattern &&
                before.line.begin - match.line.begin <= maxDistance)
                found = &match;
        }
        return found;
    }

    // The nearest line before `from` (within kCommandSearchLines) that `accept` turns into a
    // command.
    template<typename Accept>
    QString commandBefore(const RawLine &from, Accept accept) const
    {
        RawLine line = from;
        for (int i = 0; i < kCommandSearchLines; ++i) {
            const std::optional<RawLine> previous = m_log.previous(line);
            if (!previous)
                break;
            line = *previous;
            const CleanLine clean = m_log.clean(line);
            if (clean.marker == "group"_L1)
                break;
            if (const std::optional<QString> command = accept(clean.text))
                return *command;
        }
        return {};
    }

    // Up to `wanted` lines before `line`, but not into a Python traceback's frames.
    int contextBefore(const RawLine &line, int wanted) const
    {
        int count = 0;
        for (std::optional<RawLine> previous = m_log.previous(line); previous && count < wanted;
             previous = m_log.previous(*previous)) {
            const QString text = m_log.clean(*previous).text;
            if (text.startsWith("  File \""_L1) || text.startsWith("    "_L1))
                break;
            ++count;
        }
        return count;
    }

    // GitHub's last word on the step: "##[error]Process completed with exit code 1."
    void addFinalError(const Match &decisive)
    {
        for (const Match &match : m_matches) {
            if (match.line.begin > decisive.line.begin &&
                match.what.pattern == Pattern::GitHubError) {
                m_excerpt.add(match.line);
                return;
            }
        }
    }

    static bool stopsContext(const CleanLine &line)
    {
        static const QRegularExpression ninjaProgress(u"^\\[\\d+/\\d+\\] "_s);
        return !line.marker.isEmpty() || line.text.startsWith("FAILED: "_L1) ||
            line.text.startsWith("ninja: "_L1) || ninjaProgress.matchView(line.text).hasMatch();
    }

    void compileError(const Match &decisive, LogExcerpt &result)
    {
        const Match *ninjaFailed = lastBefore(decisive, Pattern::NinjaFailed, 1024 * 1024);
        if (ninjaFailed) {
            m_excerpt.add(ninjaFailed->line, 0, 1);
            if (const std::optional<RawLine> command = m_log.next(ninjaFailed->line))
                result.failingCommand = m_log.clean(*command).text;
        }
        m_excerpt.add(decisive.line, 1, 6, stopsContext);

        int more = 0;
        for (const Match *match :
             after(decisive, {Pattern::CompilerError, Pattern::LinkerError, Pattern::CmakeError},
                   8)) {
            if (match == &decisive || m_excerpt.covers(match->line))
                continue;
            m_excerpt.add(match->line, 0, 1, stopsContext);
            if (++more == 2)
                break;
        }
        for (const Pattern echo :
             {Pattern::NinjaStopped, Pattern::MakeError, Pattern::BuildScriptFailed}) {
            const std::vector<const Match *> found = after(decisive, {echo}, 1);
            if (!found.empty())
                m_excerpt.add(found.front()->line);
        }

        if (result.failingCommand.isEmpty() && decisive.what.pattern == Pattern::CmakeError) {
            result.failingCommand = commandBefore(decisive.line, [](const QString &text) {
                return text.startsWith("+ cmake"_L1) || text.startsWith("+ meson"_L1)
                    ? std::optional<QString>(text.sliced(2))
                    : std::nullopt;
            });
        }
        if (result.failingCommand.isEmpty()) {
            for (const Match *match : after(decisive, {Pattern::BuildScriptFailed}, 1)) {
                const qsizetype at = match->text.indexOf("Command failed: "_L1);
                if (at >= 0)
                    result.failingCommand = match->text.sliced(at + 16);
            }
        }
        if (result.failingCommand.isEmpty())
            result.failingCommand =
                pickCommand(stepCommands(m_log, decisive.line.begin), condaBuildWords());

        result.summary = compileSummary(decisive);
    }

    QString compileSummary(const Match &decisive) const
    {
        const QString &text = decisive.text;
        if (decisive.what.pattern == Pattern::CmakeError) {
            static const QRegularExpression at(u"CMake Error at (\\S+?):(\\d+)"_s);
            const QRegularExpressionMatch where = at.matchView(text);
            QString message;
            if (const std::optional<RawLine> next = m_log.next(decisive.line))
                message = m_log.clean(*next).text.trimmed();
            if (message.isEmpty())
                message = text.sliced(text.indexOf(u':') + 1).trimmed();
            if (where.hasMatch())
                return Text::tr("CMake stopped at %1:%2: %3")
                    .arg(sourcePath(where.captured(1)), where.captured(2), message);
            return Text::tr("CMake stopped: %1").arg(message);
        }
        if (decisive.what.pattern == Pattern::LinkerError)
            return Text::tr("The linker failed: %1").arg(text.trimmed());
        QRegularExpressionMatch match = msvcErrorPattern().matchView(text);
        if (match.hasMatch()) {
            const QString path = sourcePath(match.captured(1));
            return Text::tr("%1 stopped at %2:%3: %4 %5")
                .arg(compilerName(path), path, match.captured(2), match.captured(3),
                     match.captured(4));
        }
        match = compilerErrorPattern().matchView(text);
        if (match.hasMatch()) {
            const QString path = sourcePath(match.captured(1));
            return Text::tr("%1 stopped at %2:%3: %4")
                .arg(compilerName(path), path, match.captured(2), match.captured(4));
        }
        match = driverErrorPattern().matchView(text);
        if (match.hasMatch())
            return Text::tr("The compiler driver %1 failed: %2")
                .arg(match.captured(1), match.captured(2));
        return Text::tr("The build script failed: %1").arg(text.trimmed());
    }

    void missingDependency(const Match &decisive, LogExcerpt &result)
    {
        const auto stop = [](const CleanLine &line) {
            return !line.marker.isEmpty() || line.text.startsWith("Current channels:"_L1) ||
                line.text.startsWith("Traceback"_L1) ||
                line.text.startsWith("During handling"_L1) ||
                line.text.startsWith("To search for alternate channels"_L1);
        };
        m_excerpt.add(decisive.line, contextBefore(decisive.line, 2), 10, stop);
        int more = 0;
        for (const Match *match : after(decisive, {Pattern::SolverError}, 32)) {
            if (m_excerpt.covers(match->line))
                continue;
            m_excerpt.add(match->line, 0, 2, stop);
            if (++more == 2)
                break;
        }
        result.failingCommand =
            pickCommand(stepCommands(m_log, decisive.line.begin), condaBuildWords());

        // Which package: the solver says it in several ways.
        static const QRegularExpression nothingProvides(
            u"nothing provides (?:requested )?(.+?)(?: needed by (\\S+(?: \\S+)?))?$"_s);
        static const QRegularExpression doesNotExist(u"[├└]─ (.+?)\\s+does not exist"_s);
        static const QRegularExpression matchSpec(u"MatchSpec\\(\"([^\"]+)\"\\)"_s);
        static const QRegularExpression listed(u"^\\s+- (\\S.*)$"_s);
        QString package;
        QString neededBy;
        RawLine line = decisive.line;
        bool listFollows = decisive.text.contains("PackagesNotFoundError"_L1) ||
            decisive.text.contains("not available from current channels"_L1);
        for (int i = 0; i < 16 && package.isEmpty(); ++i) {
            const QString text = m_log.clean(line).text;
            QRegularExpressionMatch match = nothingProvides.matchView(text);
            if (match.hasMatch()) {
                package = match.captured(1);
                neededBy = match.captured(2);
            } else if ((match = doesNotExist.matchView(text)).hasMatch()) {
                package = match.captured(1);
            } else if ((match = matchSpec.matchView(text)).hasMatch()) {
                package = match.captured(1);
            } else if (listFollows && (match = listed.matchView(text)).hasMatch()) {
                package = match.captured(1);
            }
            const std::optional<RawLine> next = m_log.next(line);
            if (!next)
                break;
            line = *next;
        }
        package = package.trimmed();
        if (package.isEmpty())
            result.summary =
                Text::tr("conda could not solve the environment: %1").arg(decisive.text.trimmed());
        else if (neededBy.isEmpty())
            result.summary =
                Text::tr("conda could not solve the environment: no package provides %1 on the "
                         "channels searched")
                    .arg(package);
        else
            result.summary = Text::tr("conda could not solve the environment: no package provides "
                                      "%1, needed by %2")
                                 .arg(package, neededBy);
    }

    void testFailure(const Match &decisive, LogExcerpt &result)
    {
        // pytest's report of the first failure: its header and the "E   " lines that explain it.
        const Match *verbose = nullptr;
        for (const Match &match : m_matches) {
            if (match.what.pattern == Pattern::PytestVerboseFailed) {
                verbose = &match;
                break;
            }
        }
        const Match *start = verbose ? verbose : &decisive;
        addPytestExplanation(*start);

        // pytest's short summary: one line per failed test, under its header.
        const std::vector<const Match *> summaries =
            after(*start, {Pattern::PytestSummaryFailed}, 10);
        for (const Match *match : summaries)
            m_excerpt.add(match->line, match == summaries.front() ? 1 : 0, 0);
        for (const Match *match :
             after(*start, {Pattern::PytestTotals, Pattern::CtestTotals, Pattern::CondaTestsFailed},
                   4))
            m_excerpt.add(match->line);
        for (const Match *match : after(*start, {Pattern::CtestTestFailed}, 5))
            m_excerpt.add(match->line);
        for (const Match *match : after(*start, {Pattern::CtestHeader}, 1)) {
            m_excerpt.add(match->line, 0, 10, [](const CleanLine &line) {
                return !line.text.startsWith(u' ') && !line.text.startsWith(u'\t');
            });
        }

        const RawLine &from = start->line;
        result
            .failingCommand = commandBefore(from, [](const QString &text) -> std::optional<QString> {
            static const QRegularExpression windowsEcho(u"^\\(%PREFIX%\\) .*?>\\s*(\\S.*)$"_s);
            static const QRegularExpression testWords(
                u"\\b(pytest|ctest|py\\.test|unittest|nosetests|make (?:test|check)|python)\\b"_s);
            QString command;
            if (text.startsWith("+ "_L1))
                command = text.sliced(2);
            else if (const QRegularExpressionMatch match = windowsEcho.matchView(text);
                     match.hasMatch())
                command = match.captured(1);
            if (!command.isEmpty() && testWords.matchView(command).hasMatch())
                return command;
            return std::nullopt;
        });
        result.summary = testSummary();
    }

    void addPytestExplanation(const Match &from)
    {
        // The first "____ test_name ____" header after the verbose run, then its first "E" block.
        static const QRegularExpression header(u"^_{3,} (.+?) _{3,}$"_s);
        static const QRegularExpression location(u"^\\S+:\\d+: \\w+"_s);
        std::optional<RawLine> line = from.line;
        if (from.what.pattern == Pattern::PytestVerboseFailed)
            m_excerpt.add(from.line);
        std::optional<RawLine> headerLine;
        for (int i = 0; line && i < 20000; ++i) {
            const CleanLine clean = m_log.clean(*line);
            if (!headerLine && header.matchView(clean.text).hasMatch() &&
                !clean.text.contains("short test summary"_L1)) {
                headerLine = *line;
                m_excerpt.add(*line);
            } else if (headerLine && clean.text.startsWith("E "_L1)) {
                int count = 0;
                RawLine last = *line;
                while (count < 8) {
                    const std::optional<RawLine> next = m_log.next(last);
                    if (!next)
                        break;
                    const QString text = m_log.clean(*next).text;
                    if (!text.startsWith("E "_L1))
                        break;
                    last = *next;
                    ++count;
                }
                int trailing = 0;
                for (std::optional<RawLine> next = m_log.next(last); next && trailing < 3;
                     next = m_log.next(*next)) {
                    ++trailing;
                    if (location.matchView(m_log.clean(*next).text).hasMatch())
                        break;
                }
                m_excerpt.add(*line, 1, count + trailing);
                return;
            } else if (clean.text.contains("short test summary"_L1) || clean.marker == "error"_L1) {
                return;
            }
            line = m_log.next(*line);
        }
    }

    QString testSummary() const
    {
        QString firstName;
        QString firstReason;
        int pytestFailed = 0;
        int ctestFailed = 0;
        int ctestTotal = 0;
        QString ctestName;
        QString condaPackage;
        for (const Match &match : m_matches) {
            switch (match.what.pattern) {
            case Pattern::PytestSummaryFailed:
                if (firstName.isEmpty()) {
                    const QRegularExpressionMatch found =
                        pytestSummaryPattern().matchView(match.text);
                    firstName = found.captured(1);
                    firstReason = found.captured(2).trimmed();
                }
                break;
            case Pattern::PytestTotals:
                if (pytestFailed == 0) {
                    const QRegularExpressionMatch found =
                        pytestTotalsPattern().matchView(match.text);
                    pytestFailed = found.captured(1).toInt() + found.captured(2).toInt();
                }
                break;
            case Pattern::CtestTotals:
                if (ctestFailed == 0) {
                    const QRegularExpressionMatch found =
                        ctestTotalsPattern().matchView(match.text);
                    ctestFailed = found.captured(1).toInt();
                    ctestTotal = found.captured(2).toInt();
                }
                break;
            case Pattern::CtestTestFailed:
                if (ctestName.isEmpty())
                    ctestName = ctestFailedTestPattern().matchView(match.text).captured(1);
                break;
            case Pattern::CondaTestsFailed:
                if (condaPackage.isEmpty() && match.text.contains("TESTS FAILED:"_L1))
                    condaPackage =
                        match.text.sliced(match.text.indexOf("TESTS FAILED:"_L1) + 13).trimmed();
                break;
            default:
                break;
            }
        }
        if (!firstName.isEmpty()) {
            const QString reason =
                firstReason.size() > 160 ? firstReason.first(159) + u'…' : firstReason;
            // pytest's own words ("2 failed") need no plural forms.
            const QString failed = QString::number(std::max(pytestFailed, 1));
            if (reason.isEmpty())
                return Text::tr("pytest: %1 failed, the first: %2").arg(failed, firstName);
            return Text::tr("pytest: %1 failed, the first: %2 (%3)").arg(failed, firstName, reason);
        }
        if (ctestTotal == 0 && !ctestName.isEmpty())
            return Text::tr("ctest: the test %1 failed").arg(ctestName);
        if (ctestFailed > 0 || !ctestName.isEmpty()) {
            if (ctestName.isEmpty())
                return Text::tr("ctest: %1 of %2 tests failed").arg(ctestFailed).arg(ctestTotal);
            return Text::tr("ctest: %1 of %2 tests failed, the first: %3")
                .arg(std::max(ctestFailed, 1))
                .arg(ctestTotal)
                .arg(ctestName);
        }
        if (pytestFailed > 0)
            return Text::tr("pytest: %1 failed").arg(pytestFailed);
        if (!condaPackage.isEmpty())
            return Text::tr("The package's tests failed: %1").arg(condaPackage);
        return Text::tr("The package's tests failed");
    }

    void uploadRefused(const Match &decisive, LogExcerpt &result)
    {
        m_excerpt.add(decisive.line, 3, 2,
                      [](const CleanLine &line) { return !line.marker.isEmpty(); });
        result.failingCommand =
            commandBefore(decisive.line, [](const QString &text) -> std::optional<QString> {
                QString command = text.startsWith("+ "_L1) ? text.sliced(2) : text;
                if ((command.startsWith("anaconda "_L1) || command.contains("/anaconda "_L1)) &&
                    command.contains(" upload"_L1))
                    return command;
                return std::nullopt;
            });
        if (result.failingCommand.isEmpty())
            result.failingCommand =
                pickCommand(stepCommands(m_log, decisive.line.begin), condaBuildWords());
        static const QRegularExpression file(
            u"(?:file|Distribution) ['\"]?(\\S+?)['\"]? already exists"_s);
        const QRegularExpressionMatch match = file.matchView(decisive.text);
        if (match.hasMatch())
            result.summary = Text::tr("anaconda.org refused the upload: %1 already exists on the "
                                      "channel (409 Conflict); raise the build number, or upload "
                                      "with --force")
                                 .arg(match.captured(1).section(u'/', -1));
        else
            result.summary =
                Text::tr("anaconda.org refused the upload: %1").arg(decisive.text.trimmed());
    }

    void checksum(const Match &decisive, LogExcerpt &result)
    {
        m_excerpt.add(decisive.line, 3, 2,
                      [](const CleanLine &line) { return !line.marker.isEmpty(); });
        result.failingCommand = pickCommand(stepCommands(m_log, decisive.line.begin),
                                            {u"sha256sum"_s, u"shasum"_s, u"sha256"_s});
        QString file;
        if (const Match *failed = lastBefore(decisive, Pattern::ChecksumFileFailed, 4096))
            file = failed->text.chopped(8);
        else if (decisive.what.pattern == Pattern::ChecksumFileFailed)
            file = decisive.text.chopped(8);
        result.summary = file.isEmpty()
            ? Text::tr("The tarball's SHA-256 checksum did not match the one that was sent")
            : Text::tr("The tarball's SHA-256 checksum did not match the one that was sent (%1)")
                  .arg(file);
    }

    void patch(const Match &decisive, LogExcerpt &result)
    {
        m_excerpt.add(decisive.line, 2, 3,
                      [](const CleanLine &line) { return !line.marker.isEmpty(); });
        result.failingCommand = pickCommand(stepCommands(m_log, decisive.line.begin),
                                            {u"git apply"_s, u"patch "_s, u"patch"_s});
        result.summary =
            Text::tr("The deployment patch did not apply: %1").arg(decisive.text.trimmed());
    }

    void unknown(const Match &decisive, LogExcerpt &result)
    {
        m_excerpt.add(decisive.line, 10, 0);
        const QString message = decisive.text.trimmed();
        if (message.contains("was canceled"_L1) || message.contains("was cancelled"_L1)) {
            result.summary = Text::tr("The job was cancelled before it finished.");
            return;
        }
        result.failingCommand =
            pickCommand(stepCommands(m_log, decisive.line.begin), condaBuildWords());
        result.summary = Text::tr("A step failed (%1) but its output shows no known error; see the "
                                  "lines before it.")
                             .arg(message);
    }

    const LogLines &m_log;
    std::vector<Match> m_matches;
    ExcerptBuilder m_excerpt;
};

}  // namespace

LogExcerpt diagnoseLog(QByteArrayView log)
{
    LogExcerpt result;
    qsizetype start = 0;
    if (log.size() > kMaxLogBytes) {
        start = log.size() - kMaxLogBytes;
        // Begin at a whole line when there is one nearby.
        const qsizetype lineBreak = log.sliced(start)
                                        .first(std::min<qsizetype>(kMaxReadLineBytes, kMaxLogBytes))
                                        .indexOf('\n');
        if (lineBreak >= 0)
            start += lineBreak + 1;
    }
    const QByteArrayView bytes = log.sliced(start);
    result.logBytes = bytes.size();
    if (bytes.isEmpty()) {
        result.kind = kUnknownFailure;
        result.summary = Text::tr("The log is empty: there is nothing to diagnose.");
        return result;
    }
    const LogLines lines(bytes);
    const LogLines whole(log);
    const qsizetype lineBreaksBefore = start > 0 ? whole.countLineBreaks(0, start) : 0;

    std::vector<Match> matches;
    for (const qsizetype begin : candidateLines(lines, bytes)) {
        const RawLine line = lines.lineAt(begin);
        CleanLine clean = lines.clean(line);
        if (const std::optional<Classified> what = classify(clean))
            matches.push_back({line, *what, std::move(clean.text)});
    }
    Diagnosis diagnosis(lines, std::move(matches));
    diagnosis.run(result);
    diagnosis.finish(result, lineBreaksBefore);
    return result;
}

}  // namespace rc::watch
