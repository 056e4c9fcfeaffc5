#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace rc {

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
CommitMessageParse parseCommitMessage(const QString &message);

} // namespace rc
