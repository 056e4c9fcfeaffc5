// SPDX-License-Identifier: BSD-3-Clause
#include "release/patchgenerator.h"

#include "release/messagetext_p.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace rc::release {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::Patch)
};

// As `git diff` without options.
constexpr qsizetype kContextLines = 3;
// git puts the nearest earlier line that starts like an identifier after a hunk's range, cut to
// this many bytes.
constexpr qsizetype kMaxFunctionNameBytes = 80;

// Each line keeps its terminator ("\n" or "\r\n"); only the last one may have none.
using Lines = QStringList;

// One run of changed lines. Lines outside changes keep their order, so a run is where it starts
// in each file and how many lines it covers there.
struct Change
{
    qsizetype oldStart = 0;
    qsizetype oldCount = 0;
    qsizetype newStart = 0;
    qsizetype newCount = 0;
};

using Hunk = QList<Change>;

bool isAsciiLetter(char16_t character)
{
    return (character >= u'a' && character <= u'z') || (character >= u'A' && character <= u'Z');
}

bool isPathCharacter(QChar character)
{
    return isAsciiLetter(character.unicode()) || (character >= u'0' && character <= u'9') ||
        QStringView(u"._-+@/").contains(character);
}

// Paths that need no quoting in a patch header and stay inside the repository.
bool isPlainRelativePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/'))
        return false;
    if (!std::all_of(path.cbegin(), path.cend(), isPathCharacter))
        return false;
    const QStringList components = path.split(u'/');
    return std::none_of(components.cbegin(), components.cend(), [](const QString &component) {
        return component.isEmpty() || component == u"."_s || component == u".."_s;
    });
}

// The version is written between quotes in Python source, so these would end or escape it.
std::optional<char32_t> characterBreakingPythonString(const QString &version)
{
    for (const QChar character : version) {
        if (QStringView(u"\"'\\\r\n").contains(character))
            return character.unicode();
    }
    return std::nullopt;
}

QString requestProblem(const PatchRequest &request)
{
    if (!isPlainRelativePath(request.path))
        return Text::tr("the path %1 cannot be used in a patch: it must be relative, inside the "
                        "repository and made of A-Z a-z 0-9 . _ - + @ /")
            .arg(detail::quotedExcerpt(request.path));
    if (request.build.trimmed().isEmpty())
        return Text::tr("the build number is empty; __deployed__ needs it");
    if (request.commitSha.trimmed().isEmpty())
        return Text::tr("the commit id is empty; __deployed__ needs it");
    if (const auto breaking = characterBreakingPythonString(request.version))
        return Text::tr("the version contains %1, which cannot go inside a Python string")
            .arg(detail::describeCharacter(*breaking));
    return {};
}

// Keeps a byte order mark, so that context lines match the file byte for byte.
std::optional<QString> decodedUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

Lines splitLines(QStringView text)
{
    Lines lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype lineBreak = text.indexOf(u'\n', start);
        const qsizetype end = lineBreak < 0 ? text.size() : lineBreak + 1;
        lines.append(text.sliced(start, end - start).toString());
        start = end;
    }
    return lines;
}

// The file's own convention, taken from its first line break, so that added lines match it.
QString lineEnding(const Lines &lines)
{
    for (const QString &line : lines) {
        if (line.endsWith(u'\n'))
            return line.endsWith(u"\r\n"_s) ? u"\r\n"_s : u"\n"_s;
    }
    return u"\n"_s;
}

const QRegularExpression &versionAssignment()
{
    // A top-level `__version__ = "..."` (annotation allowed) whose literal closes on the line;
    // triple-quoted and prefixed strings are left alone.
    static const QRegularExpression pattern(
        uR"(^(__version__[ \t]*(?::[^=\r\n]*)?=[ \t]*)(["'])(?!\2\2)((?:(?!\2)[^\r\n])*)\2)"_s);
    return pattern;
}

// Rewrites every top-level `__version__` literal, keeping its quotes and the rest of the line.
// Returns whether there was one.
bool rewriteVersionLines(Lines &lines, const QString &version)
{
    bool found = false;
    for (QString &line : lines) {
        const QRegularExpressionMatch match = versionAssignment().match(line);
        if (!match.hasMatch())
            continue;
        found = true;
        line = match.captured(1) + match.captured(2) + version + match.captured(2) +
            line.sliced(match.capturedEnd(0));
    }
    return found;
}

// As Python's json.dumps(..., ensure_ascii=False): only quotes, backslashes and control
// characters are escaped.
QString jsonString(QStringView value)
{
    QString quoted = u"\""_s;
    for (const QChar character : value) {
        switch (character.unicode()) {
        case u'"':
            quoted += u"\\\""_s;
            break;
        case u'\\':
            quoted += u"\\\\"_s;
            break;
        case u'\n':
            quoted += u"\\n"_s;
            break;
        case u'\r':
            quoted += u"\\r"_s;
            break;
        case u'\t':
            quoted += u"\\t"_s;
            break;
        case u'\b':
            quoted += u"\\b"_s;
            break;
        case u'\f':
            quoted += u"\\f"_s;
            break;
        default:
            if (character.unicode() < 0x20)
                quoted += u"\\u%1"_s.arg(character.unicode(), 4, 16, QLatin1Char('0'));
            else
                quoted += character;
        }
    }
    return quoted + u'"';
}

// The appended block; __deployed__ is json.dumps(..., sort_keys=True, indent=2).
Lines deploymentLines(const PatchRequest &request, bool appendVersion, const QString &eol)
{
    Lines lines {u"# autogenerated information on deployment"_s + eol};
    if (appendVersion)
        lines.append(u"__version__ = \""_s + request.version + u'"' + eol);
    lines.append(u"__deployed__ = {"_s + eol);
    const QList<std::pair<QString, QString>> sortedFields = {
        {u"author"_s, request.author},
        {u"build"_s, request.build},
        {u"commit"_s, request.commitSha},
        {u"timestamp"_s, request.timestamp},
    };
    for (qsizetype i = 0; i < sortedFields.size(); ++i) {
        const bool isLast = i + 1 == sortedFields.size();
        lines.append(u"  "_s + jsonString(sortedFields[i].first) + u": "_s +
                     jsonString(sortedFields[i].second) + (isLast ? u""_s : u","_s) + eol);
    }
    lines.append(u"}"_s + eol);
    return lines;
}

// The new file keeps every old line in place (some rewritten) and adds lines at the end, so the
// changes are the lines that differ plus the tail. Where another alignment would be as short
// (an old file ending in "}", like the block), the addition stays at the end, as git's own
// heuristics place it in the tested cases; any placement applies the same.
QList<Change> alignedChanges(const Lines &before, const Lines &after)
{
    QList<Change> changes;
    const auto add = [&changes](qsizetype start, qsizetype oldCount, qsizetype newCount) {
        if (!changes.isEmpty() && changes.last().oldStart + changes.last().oldCount == start) {
            changes.last().oldCount += oldCount;
            changes.last().newCount += newCount;
        } else {
            changes.append({start, oldCount, start, newCount});
        }
    };
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (before[i] != after[i])
            add(i, 1, 1);
    }
    if (after.size() > before.size())
        add(before.size(), 0, after.size() - before.size());
    return changes;
}

// Like git, changes whose contexts touch or overlap share one hunk.
QList<Hunk> groupIntoHunks(const QList<Change> &changes)
{
    QList<Hunk> hunks;
    for (const Change &change : changes) {
        if (!hunks.isEmpty()) {
            const Change &previous = hunks.last().constLast();
            const qsizetype gap = change.oldStart - (previous.oldStart + previous.oldCount);
            if (gap <= 2 * kContextLines) {
                hunks.last().append(change);
                continue;
            }
        }
        hunks.append(Hunk {change});
    }
    return hunks;
}

QString diffLine(QChar prefix, const QString &line)
{
    if (line.endsWith(u'\n'))
        return prefix + line;
    return prefix + line + u"\n\\ No newline at end of file\n"_s;
}

QString rangeText(qsizetype start, qsizetype count)
{
    const QString first = QString::number(count == 0 ? start : start + 1);
    return count == 1 ? first : first + u',' + QString::number(count);
}

// git's default (no diff driver): at most 80 bytes, trailing blanks dropped. Unlike git, never
// cuts a character in half.
QString functionNameText(const QString &line)
{
    QByteArray bytes = line.toUtf8();
    if (bytes.size() > kMaxFunctionNameBytes) {
        qsizetype cut = kMaxFunctionNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
            --cut;
        bytes.truncate(cut);
    }
    while (!bytes.isEmpty() && QByteArrayView(" \t\n\v\f\r").contains(bytes.back()))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

QString functionName(const Lines &before, qsizetype hunkStart)
{
    for (qsizetype i = hunkStart - 1; i >= 0; --i) {
        const QString &line = before[i];
        const char16_t first = line.isEmpty() ? u'\0' : line.front().unicode();
        if (isAsciiLetter(first) || first == u'_' || first == u'$')
            return functionNameText(line);
    }
    return {};
}

QString hunkHeader(const Lines &before, const Hunk &hunk, qsizetype oldStart, qsizetype oldEnd)
{
    qsizetype growth = 0;
    for (const Change &change : hunk)
        growth += change.newCount - change.oldCount;
    const qsizetype newStart = hunk.constFirst().newStart - (hunk.constFirst().oldStart - oldStart);
    const QString name = functionName(before, oldStart);
    return u"@@ -"_s + rangeText(oldStart, oldEnd - oldStart) + u" +"_s +
        rangeText(newStart, oldEnd - oldStart + growth) + u" @@"_s +
        (name.isEmpty() ? QString() : u' ' + name) + u'\n';
}

QString hunkText(const Lines &before, const Lines &after, const Hunk &hunk)
{
    const Change &last = hunk.constLast();
    const qsizetype oldStart = std::max<qsizetype>(hunk.constFirst().oldStart - kContextLines, 0);
    const qsizetype oldEnd =
        std::min<qsizetype>(last.oldStart + last.oldCount + kContextLines, before.size());
    QString text = hunkHeader(before, hunk, oldStart, oldEnd);
    qsizetype position = oldStart;
    for (const Change &change : hunk) {
        for (; position < change.oldStart; ++position)
            text += diffLine(u' ', before[position]);
        for (qsizetype i = 0; i < change.oldCount; ++i)
            text += diffLine(u'-', before[change.oldStart + i]);
        for (qsizetype i = 0; i < change.newCount; ++i)
            text += diffLine(u'+', after[change.newStart + i]);
        position = change.oldStart + change.oldCount;
    }
    for (; position < oldEnd; ++position)
        text += diffLine(u' ', before[position]);
    return text;
}

QString unifiedDiff(const QString &path, const Lines &before, const Lines &after)
{
    QString diff = u"diff --git a/"_s + path + u" b/"_s + path + u"\n--- a/"_s + path +
        u"\n+++ b/"_s + path + u'\n';
    for (const Hunk &hunk : groupIntoHunks(alignedChanges(before, after)))
        diff += hunkText(before, after, hunk);
    return diff;
}

}  // namespace

PatchResult generatePatch(const PatchRequest &request)
{
    if (const QString problem = requestProblem(request); !problem.isEmpty())
        return {{}, problem};
    const std::optional<QString> text = decodedUtf8(request.original);
    if (!text)
        return {{}, Text::tr("%1 is not UTF-8 text, so it cannot be patched").arg(request.path)};
    if (text->contains(QChar(u'\0')))
        return {{}, Text::tr("%1 contains NUL bytes: git treats it as binary").arg(request.path)};

    const Lines before = splitLines(*text);
    const QString eol = lineEnding(before);
    Lines after = before;
    const bool hasVersionLine =
        !request.version.isEmpty() && rewriteVersionLines(after, request.version);
    if (!after.isEmpty() && !after.constLast().endsWith(u'\n'))
        after.last().append(eol);
    after += deploymentLines(request, !request.version.isEmpty() && !hasVersionLine, eol);
    return {unifiedDiff(request.path, before, after), {}};
}

}  // namespace rc::release
