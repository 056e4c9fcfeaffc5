// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/patchencoding.h"

#include <QList>
#include <QString>

namespace rc::release {

// Something about the patch that no encoding can carry to the runner.
struct PatchLintNote
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    int line = 0;  // 1-based line of the patch; 0 for whole-patch notes (size)
    QString message;

    friend bool operator==(const PatchLintNote &, const PatchLintNote &) = default;
};

// The workflow input limit leaves room for the other inputs below GitHub's 65,535 characters.
inline constexpr qsizetype kMaxPatchBytes = 60000;

// What blocks sending whatever the encoding: the input as sent (encodePatch) larger than
// kMaxPatchBytes (UTF-8 bytes), and NUL characters, which neither a printf format nor an
// environment variable can hold (a C string ends there). One note for the size (line 0), then
// one per line holding a NUL. Quotes, '%' and '\' are no longer a problem: the printf encoding
// carries them byte-exact.
QList<PatchLintNote> lintPatch(const QString &patch, PatchEncoding encoding);

}  // namespace rc::release
