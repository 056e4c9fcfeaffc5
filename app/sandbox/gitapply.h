// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// `git apply --verbose patch.diff` as the deploy workflow's "Apply patch" step runs it, over
// files in memory: unified diff hunks whose context and removed lines must match the file byte
// for byte (no fuzz, offsets allowed), "\ No newline at end of file", new and deleted files.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace rc::sandbox {

struct GitApplyResult
{
    bool ok = false;
    QHash<QString, QByteArray> files;  // the tree after the patch (unchanged on failure)
    QStringList log;  // what git prints: "Checking patch x...", "Applied patch x cleanly.",
                      // "error: patch failed: x:12", "error: x: patch does not apply"
};

// Applies `patch` (paths with a/ and b/ prefixes, like `git diff`) to `files` (path → bytes,
// paths relative to where git runs). Nothing is changed unless every hunk applies.
GitApplyResult gitApply(const QByteArray &patch, const QHash<QString, QByteArray> &files);

}  // namespace rc::sandbox
