#pragma once

#include <QList>
#include <QString>

namespace rc {

// The workflow writes the patch with printf '<patch>', so some characters break or change it.
struct PatchLintNote
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    int line = 0;         // 1-based line of the patch; 0 for whole-patch notes (size)
    QString message;      // what the character would do, e.g. "'%' on line 12 starts a printf conversion"

    friend bool operator==(const PatchLintNote &, const PatchLintNote &) = default;
};

// The workflow input limit leaves room for the other inputs below GitHub's 65,535 characters.
inline constexpr qsizetype kMaxPatchBytes = 60000;

// Flags each `'` (ends the shell quote), `%` (printf conversion) and `\` (printf escape) with the
// line it is on, and a patch larger than kMaxPatchBytes (UTF-8 bytes).
QList<PatchLintNote> lintPatch(const QString &patch);

} // namespace rc
