// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace rc::release {

// What the `[conda-build]` commit-message convention (SPEC §2) said, and everything that was
// wrong with it. Unlike the old trigger.py, nothing is dropped silently: every key that was
// ignored, every unquoted or malformed value and every duplicate becomes a warning.
struct CommitMessageParse
{
    bool titleRequestsBuild = false;  // the first line contains "[conda-build]", any case
    bool hasPackageBlock = false;     // a `package = { ... }` block was found in the body
    QMap<QString, QString> values;    // only the known keys: version, build, channel, label
    QStringList warnings;             // one human sentence each

    QString value(const QString &key) const { return values.value(key); }
};

// The keys the convention knows.
QStringList knownPackageKeys();

// Reads the title and the first `package = { ... }` block of a commit message. Accepts JSON
// (`"key": "value"`) and the single-quoted Python form (`'key': 'value'`); numbers and other bare
// values are reported, not taken. Never reads past the block's closing brace.
//
// Details a caller may rely on:
// - CRLF and CR line breaks are read as LF; the title is the first line that is not blank.
// - The block is looked for in the body only; `package` must not be part of a longer word, and
//   blanks and line breaks may surround `=` and the entries. A block in the title is reported.
// - Quoted strings end at their own kind of quote and never span lines; braces inside them do
//   not end the block. JSON escapes (\" \' \\ \/ \n \t \r \u0041) are decoded.
// - Values are taken exactly as written (no trimming); checking them is validation.h's job.
// - Duplicate keys: the first occurrence counts, each repeat is reported. Unknown keys are
//   reported, with a suggestion for near misses ("lable" -> "label", "Version" -> "version").
// - After a mistake (bare key or value, missing ':' or ',', typographic quote, unclosed string,
//   list or object value) the reader reports it and resumes at the next ',' or '}'.
// - A block without a closing '}' is reported; the entries read before the end are kept.
// - Warnings come in this order: the convention (title/block), then the entries in text order,
//   then a second block, which is never read.
CommitMessageParse parseCommitMessage(const QString &message);

}  // namespace rc::release
