// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/gitapply.h"

#include <QList>
#include <QRegularExpression>

#include <optional>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

struct Hunk
{
    int oldStart = 0;
    int newStart = 0;
    QList<QByteArray> oldLines;  // context and removed lines, with their line ends
    QList<QByteArray> newLines;  // context and added lines
    int trailingContext = 0;
};

struct FilePatch
{
    QString oldPath;
    QString newPath;
    bool created = false;
    bool deleted = false;
    QList<Hunk> hunks;
    QString path() const { return deleted ? oldPath : newPath; }
};

QList<QByteArray> splitLines(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', start);
        if (end < 0) {
            lines.append(bytes.mid(start));
            break;
        }
        lines.append(bytes.mid(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

// "a/src/x.py\t2026-01-01" → "src/x.py"; empty for /dev/null.
QString pathOf(const QByteArray &headerLine)
{
    QByteArray name = headerLine.mid(4);
    if (name.endsWith('\n'))
        name.chop(1);
    if (name.endsWith('\r'))
        name.chop(1);
    if (const qsizetype tab = name.indexOf('\t'); tab >= 0)
        name.truncate(tab);
    if (name == "/dev/null")
        return {};
    if (name.startsWith('"') && name.endsWith('"') && name.size() >= 2)
        name = name.mid(1, name.size() - 2);
    const qsizetype slash = name.indexOf('/');
    return QString::fromUtf8(slash >= 0 ? name.mid(slash + 1) : name);
}

struct Parsed
{
    QList<FilePatch> patches;
    QString error;
};

Parsed parsePatch(const QByteArray &patch)
{
    static const QRegularExpression hunkHeader(
        u"^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@"_s);
    const QList<QByteArray> lines = splitLines(patch);
    Parsed parsed;
    qsizetype i = 0;
    const auto corrupt = [&](qsizetype index) {
        parsed.error = u"corrupt patch at line "_s + QString::number(index + 1);
        return parsed;
    };
    while (i < lines.size()) {
        FilePatch file;
        bool gitHeader = false;
        if (lines.at(i).startsWith("diff --git ")) {
            gitHeader = true;
            ++i;
            while (i < lines.size() && !lines.at(i).startsWith("--- ") &&
                   !lines.at(i).startsWith("diff --git ") && !lines.at(i).startsWith("@@ ")) {
                if (lines.at(i).startsWith("new file mode"))
                    file.created = true;
                else if (lines.at(i).startsWith("deleted file mode"))
                    file.deleted = true;
                ++i;
            }
        }
        const bool traditional = i + 2 < lines.size() && lines.at(i).startsWith("--- ") &&
            lines.at(i + 1).startsWith("+++ ") && lines.at(i + 2).startsWith("@@ -");
        if (!traditional) {
            // git only takes a "---"/"+++" pair followed by a hunk; anything else is prose.
            if (!gitHeader)
                ++i;
            continue;
        }
        file.oldPath = pathOf(lines.at(i));
        file.newPath = pathOf(lines.at(i + 1));
        file.created = file.created || file.oldPath.isEmpty();
        file.deleted = file.deleted || file.newPath.isEmpty();
        if (file.created)
            file.oldPath = file.newPath;
        if (file.deleted)
            file.newPath = file.oldPath;
        i += 2;
        while (i < lines.size() && lines.at(i).startsWith("@@ -")) {
            const QRegularExpressionMatch match = hunkHeader.match(QString::fromUtf8(lines.at(i)));
            if (!match.hasMatch())
                return corrupt(i);
            Hunk hunk;
            hunk.oldStart = match.captured(1).toInt();
            int oldLeft = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
            hunk.newStart = match.captured(3).toInt();
            int newLeft = match.captured(4).isEmpty() ? 1 : match.captured(4).toInt();
            ++i;
            char previous = 0;
            const auto noNewline = [&] {
                // "\ No newline at end of file": the line before has no line end.
                if (previous == ' ' || previous == '-')
                    hunk.oldLines.last().chop(1);
                if (previous == ' ' || previous == '+')
                    hunk.newLines.last().chop(1);
            };
            while (oldLeft > 0 || newLeft > 0) {
                if (i >= lines.size())
                    return corrupt(i);
                const QByteArray &line = lines.at(i);
                const char kind = line.at(0);
                const QByteArray content = kind == '\n' ? line : line.mid(1);
                if (kind == ' ' || kind == '\n') {
                    hunk.oldLines.append(content);
                    hunk.newLines.append(content);
                    --oldLeft;
                    --newLeft;
                    previous = ' ';
                    ++hunk.trailingContext;
                } else if (kind == '-') {
                    hunk.oldLines.append(content);
                    --oldLeft;
                    previous = '-';
                    hunk.trailingContext = 0;
                } else if (kind == '+') {
                    hunk.newLines.append(content);
                    --newLeft;
                    previous = '+';
                    hunk.trailingContext = 0;
                } else if (kind == '\\' && previous) {
                    noNewline();
                } else {
                    return corrupt(i);
                }
                if (oldLeft < 0 || newLeft < 0)
                    return corrupt(i);
                ++i;
            }
            if (i < lines.size() && lines.at(i).startsWith('\\') && previous) {
                noNewline();
                ++i;
            }
            file.hunks.append(hunk);
        }
        parsed.patches.append(file);
    }
    return parsed;
}

// Where the hunk's preimage sits in `image`, searching outwards from where it says it is.
std::optional<qsizetype> findPosition(const QList<QByteArray> &image, const Hunk &hunk)
{
    const qsizetype length = hunk.oldLines.size();
    const qsizetype last = image.size() - length;
    if (last < 0)
        return std::nullopt;
    const auto matchesAt = [&](qsizetype at) {
        for (qsizetype k = 0; k < length; ++k) {
            if (image.at(at + k) != hunk.oldLines.at(k))
                return false;
        }
        return true;
    };
    const bool matchBeginning = hunk.oldStart <= 1;
    const bool matchEnd = hunk.trailingContext == 0;
    if (matchBeginning || matchEnd) {
        const qsizetype at = matchBeginning ? 0 : last;
        if ((matchBeginning && matchEnd && last != 0) || !matchesAt(at))
            return std::nullopt;
        return at;
    }
    const qsizetype expected = std::clamp<qsizetype>(hunk.newStart - 1, 0, last);
    for (qsizetype distance = 0; distance <= std::max(expected, last - expected); ++distance) {
        if (expected - distance >= 0 && matchesAt(expected - distance))
            return expected - distance;
        if (distance > 0 && expected + distance <= last && matchesAt(expected + distance))
            return expected + distance;
    }
    return std::nullopt;
}

}  // namespace

GitApplyResult gitApply(const QByteArray &patch, const QHash<QString, QByteArray> &files)
{
    GitApplyResult result;
    result.files = files;
    const Parsed parsed = parsePatch(patch);
    if (!parsed.error.isEmpty()) {
        result.log << u"error: "_s + parsed.error;
        return result;
    }
    if (parsed.patches.isEmpty()) {
        result.log << u"error: No valid patches in input (allow with \"--allow-empty\")"_s;
        return result;
    }
    QHash<QString, QByteArray> tree = files;
    for (const FilePatch &file : parsed.patches) {
        result.log << u"Checking patch "_s + file.path() + u"..."_s;
        if (file.created && tree.contains(file.newPath)) {
            result.log << u"error: "_s + file.newPath + u": already exists in working directory"_s;
            return result;
        }
        if (!file.created && !tree.contains(file.oldPath)) {
            result.log << u"error: "_s + file.oldPath + u": No such file or directory"_s;
            return result;
        }
        QList<QByteArray> image = splitLines(tree.value(file.oldPath));
        for (const Hunk &hunk : file.hunks) {
            const std::optional<qsizetype> at = findPosition(image, hunk);
            if (!at) {
                result.log << u"error: patch failed: "_s + file.oldPath + u':' +
                        QString::number(hunk.oldStart)
                           << u"error: "_s + file.oldPath + u": patch does not apply"_s;
                return result;
            }
            image.remove(*at, hunk.oldLines.size());
            for (qsizetype k = 0; k < hunk.newLines.size(); ++k)
                image.insert(*at + k, hunk.newLines.at(k));
        }
        QByteArray bytes;
        for (const QByteArray &line : std::as_const(image))
            bytes += line;
        if (file.deleted) {
            if (!bytes.isEmpty()) {
                result.log << u"error: removal patch leaves file contents"_s
                           << u"error: "_s + file.oldPath + u": patch does not apply"_s;
                return result;
            }
            tree.remove(file.oldPath);
        } else {
            if (file.oldPath != file.newPath)
                tree.remove(file.oldPath);
            tree.insert(file.newPath, bytes);
        }
    }
    for (const FilePatch &file : parsed.patches)
        result.log << u"Applied patch "_s + file.path() + u" cleanly."_s;
    result.ok = true;
    result.files = tree;
    return result;
}

}  // namespace rc::sandbox
