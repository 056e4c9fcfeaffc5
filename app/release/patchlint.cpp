#include "release/patchlint.h"

#include "release/messagetext_p.h"

#include <QCoreApplication>

#include <optional>

using namespace Qt::StringLiterals;

namespace rc {

namespace {

using Severity = PatchLintNote::Severity;

// What bash's printf (the workflow's shell) replaces in its format string; any other
// backslash is printed as written. 'c' is included because dash's printf stops there.
bool startsPrintfEscape(QChar next)
{
    return QStringView(u"abceEfnrtvxuU01234567\\'\"?").contains(next);
}

QString where(int line, qsizetype count)
{
    const QString onLine = QCoreApplication::translate("rc::PatchLint", "on line %1").arg(line);
    if (count < 2)
        return onLine;
    return onLine +
        QCoreApplication::translate("rc::PatchLint", " (%n times)", nullptr, int(count));
}

std::optional<PatchLintNote> sizeNote(const QString &patch)
{
    const qsizetype bytes = patch.toUtf8().size();
    if (bytes <= kMaxPatchBytes)
        return std::nullopt;
    return PatchLintNote {
        Severity::Error, 0,
        QCoreApplication::translate("rc::PatchLint",
                                    "the patch is %1 bytes (UTF-8); the workflow input "
                                    "leaves room for at most %2")
            .arg(detail::formatCount(bytes), detail::formatCount(kMaxPatchBytes))};
}

std::optional<PatchLintNote> quoteNote(QStringView line, int number)
{
    const qsizetype count = line.count(u'\'');
    if (count == 0)
        return std::nullopt;
    return PatchLintNote {Severity::Error, number,
                          QCoreApplication::translate("rc::PatchLint",
                                                      "\"'\" %1 ends the shell's single-quoted "
                                                      "string, so the printf command breaks")
                              .arg(where(number, count))};
}

std::optional<PatchLintNote> percentNote(QStringView line, int number)
{
    const qsizetype count = line.count(u'%');
    if (count == 0)
        return std::nullopt;
    return PatchLintNote {
        Severity::Error, number,
        QCoreApplication::translate("rc::PatchLint",
                                    "'%' %1 starts a printf conversion: the file written "
                                    "on the runner would differ, or printf would fail")
            .arg(where(number, count))};
}

// The first backslash sequence printf would replace, or none.
QStringView firstChangingEscape(QStringView line)
{
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        if (line[i] != u'\\')
            continue;
        if (startsPrintfEscape(line[i + 1]))
            return line.sliced(i, 2);
    }
    return {};
}

// `\ No newline at end of file` survives bash's printf, so it is a warning; `\n` and the like
// change the patch, so they are errors.
std::optional<PatchLintNote> backslashNote(QStringView line, int number)
{
    const qsizetype count = line.count(u'\\');
    if (count == 0)
        return std::nullopt;
    const QStringView escape = firstChangingEscape(line);
    if (!escape.isEmpty())
        return PatchLintNote {
            Severity::Error, number,
            QCoreApplication::translate("rc::PatchLint",
                                        "'\\' %1 starts the printf escape '%2': the file "
                                        "written on the runner would differ")
                .arg(where(number, count), escape)};
    return PatchLintNote {
        Severity::Warning, number,
        QCoreApplication::translate("rc::PatchLint",
                                    "'\\' %1 is printed as written by bash's printf, but "
                                    "other printf implementations may change it")
            .arg(where(number, count))};
}

void appendIfAny(QList<PatchLintNote> &notes, const std::optional<PatchLintNote> &note)
{
    if (note)
        notes.append(*note);
}

}  // namespace

QList<PatchLintNote> lintPatch(const QString &patch)
{
    QList<PatchLintNote> notes;
    appendIfAny(notes, sizeNote(patch));
    if (patch.startsWith(u'-'))
        notes.append({Severity::Error, 1,
                      QCoreApplication::translate(
                          "rc::PatchLint",
                          "the patch starts with '-', which printf would take for an option")});
    const QList<QStringView> lines = QStringView(patch).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        appendIfAny(notes, quoteNote(lines[i], number));
        appendIfAny(notes, percentNote(lines[i], number));
        appendIfAny(notes, backslashNote(lines[i], number));
    }
    return notes;
}

}  // namespace rc
