// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace rc::watch {

// What went wrong in a GitHub Actions job log of a conda-build run, condensed for a person: the
// kind of failure, one sentence saying what failed, the command that failed and the few lines
// that decide it (the first error with its context, the failed tests, the final verdict).
struct LogExcerpt
{
    // "compile-error", "missing-dependency", "test-failure", "upload-refused", "checksum",
    // "patch", or "unknown" when no known failure was recognised.
    QString kind;
    // One human sentence: what failed ("The C++ compiler stopped at src/x.cpp:12: 'foo' was not
    // declared in this scope"), or that nothing decisive was found.
    QString summary;
    // The command that failed, when the log shows it (tokens after --token are masked).
    QString failingCommand;
    // The decisive lines with a little context, in log order, GitHub's timestamps and ##[...]
    // markers and control characters removed; "…" stands between lines that are not adjacent.
    // Empty when nothing decisive was found.
    QStringList lines;
    int firstLine = 0;       // 1-based line in the full log of the first excerpt line; 0: none
    qsizetype logBytes = 0;  // size of the part of the log that was read
};

inline constexpr qsizetype kMaxLogBytes = 64 * 1024 * 1024;

// Kinds as LogExcerpt::kind spells them.
inline constexpr QLatin1StringView kCompileError {"compile-error"};
inline constexpr QLatin1StringView kMissingDependency {"missing-dependency"};
inline constexpr QLatin1StringView kTestFailure {"test-failure"};
inline constexpr QLatin1StringView kUploadRefused {"upload-refused"};
inline constexpr QLatin1StringView kChecksumMismatch {"checksum"};
inline constexpr QLatin1StringView kPatchFailed {"patch"};
inline constexpr QLatin1StringView kUnknownFailure {"unknown"};

// Finds the conda-build error region in a job log (the text GitHub serves for
// /actions/jobs/{id}/logs). Pure: no I/O, same bytes, same answer.
//
// Details a caller may rely on:
// - A log longer than kMaxLogBytes is read from its last kMaxLogBytes (errors are at the end);
//   line numbers still count from the start of the whole log.
// - Invalid UTF-8 is replaced, never rejected; time is linear in the bytes read and memory
//   stays bounded (a few MiB besides the input) whatever the input.
// - The first error in log order decides the kind: a build stops at its first failure, and what
//   follows (ninja's "build stopped", conda-build's traceback) only echoes it.
// - A failure recognised only by GitHub's "##[error]" line gives kind "unknown" with that step's
//   last lines; a log without any failure gives kind "unknown" and no lines.
// - The excerpt is small: at most 48 lines of at most 240 characters each.
LogExcerpt diagnoseLog(QByteArrayView log);

}  // namespace rc::watch
