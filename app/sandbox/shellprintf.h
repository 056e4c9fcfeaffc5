// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// What a GitHub Actions bash step does with a workflow input pasted into its script: the
// deploy workflow runs `printf '${{ inputs.patch }}' > patch.diff`, and Actions substitutes the
// input as text before bash ever sees it. So a `'` in the input closes the quote, text outside
// quotes splits into more printf arguments, and printf interprets `%` and `\` in the format.
// This emulates bash 5 (UTF-8 locale) for that one command, closely enough that the sandbox
// writes the same bytes as a real runner (checked against /usr/bin/bash by tst_shellprintf).

#include <QByteArray>
#include <QList>
#include <QString>

namespace rc::sandbox {

struct ShellResult
{
    int exitCode = 0;   // 0: success; 1: printf failed; 2: bash syntax error; 127: not run
    QByteArray output;  // what printf wrote (before an error, too)
    QString error;      // what bash printed on stderr, e.g. "printf: `P': invalid format character"
    bool emulated = true;  // false: the script uses shell syntax the sandbox does not run
                           // (expansions, other commands); counted as a failure

    bool ok() const { return exitCode == 0; }
};

// bash's `printf` builtin: `format` reused while it consumes `arguments`; \-escapes, %% and the
// conversions c s b d i o u x X e E f F g G a A with flags, width and precision (`*` too).
// %q, %Q, %n and %(...)T are not emulated (failure, emulated = false).
ShellResult bashPrintf(const QByteArray &format, const QList<QByteArray> &arguments);

// The words bash makes of `text` when it is a command's argument list: quotes ('...', "...")
// and backslashes removed, split at blanks. Up to the end of the command (a newline or an
// unquoted redirection `>`); `rest` gets what follows. exitCode 2 on an unbalanced quote.
struct ShellWords
{
    QList<QByteArray> words;
    QByteArray redirection;  // the target of the (last) `> target`, when the command has one
    QByteArray rest;         // what follows the command (after its newline)
    ShellResult status;      // ok, or the syntax error / the construct that is not emulated
};
ShellWords splitShellWords(const QByteArray &text);

// `printf '<input>' > patch.diff` run by `bash -e`: the bytes patch.diff holds afterwards, or why
// the step fails (bash syntax error, printf error, or the input turning into other commands or a
// different redirection).
ShellResult printfQuotedToFile(const QByteArray &input, const QByteArray &fileName = "patch.diff");

}  // namespace rc::sandbox
