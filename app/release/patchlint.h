#pragma once

#include <QList>
#include <QString>

namespace rc {

// The workflow writes the patch with printf '<patch>', so some characters break or change it.
struct PatchLintNote
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    int line = 0;  // 1-based line of the patch; 0 for whole-patch notes (size)
    // What the character would do, e.g. "'%' on line 12 starts a printf conversion".
    QString message;

    friend bool operator==(const PatchLintNote &, const PatchLintNote &) = default;
};

// The workflow input limit leaves room for the other inputs below GitHub's 65,535 characters.
inline constexpr qsizetype kMaxPatchBytes = 60000;

// Flags each `'` (ends the shell quote), `%` (printf conversion) and `\` (printf escape) with the
// line it is on, and a patch larger than kMaxPatchBytes (UTF-8 bytes).
//
// One note per kind of character per line (the message gives the count), in this order: size
// (line 0), a leading '-' (printf would take it for an option), then per line `'`, `%`, `\`.
// Errors change or break what the runner writes and must block sending. A backslash is an Error
// when it starts an escape bash's printf replaces (\n, \t, \\, \x, octal, ...); otherwise (as in
// git's `\ No newline at end of file`) bash prints it as written, so it is a Warning.
QList<PatchLintNote> lintPatch(const QString &patch);

}  // namespace rc
