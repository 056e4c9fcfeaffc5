// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/releasespec.h"

#include <QList>
#include <QString>

namespace rc::release {

// One thing wrong with one field, in words a maintainer understands.
struct FieldProblem
{
    ReleaseField field;
    QString message;

    friend bool operator==(const FieldProblem &, const FieldProblem &) = default;
};

// Each check returns an empty string when the value is acceptable, else the reason it is not:
// one translatable phrase, lower-case first letter, no final period, naming the offending
// character ("'ä'", "a space", "the character U+200B"). Only ASCII letters and digits count as
// such: a full-width digit or the Kelvin sign is refused. Values are checked as typed, never
// trimmed.
// conda version: not empty; after lower-casing only [0-9a-z._+!*]; no '-'; no leading or
// trailing dot. Also refused, as conda refuses them: "..", more than one '!' or '+', an empty
// part around '!' or '+', an epoch (before '!') that is not a whole number.
QString checkVersion(const QString &version);
// Non-negative decimal integer (digits only, no sign, no spaces), without a leading zero: conda
// would read "007" as 7, and the install line's "*_007" would match nothing.
QString checkBuild(const QString &build);
// anaconda.org channel or label name: not empty, [A-Za-z0-9._-] only.
QString checkChannel(const QString &channel);
QString checkLabel(const QString &label);
// conda recipe folder name: not empty, [a-z0-9._-] only.
QString checkRecipe(const QString &recipe);
// 64 hexadecimal digits, either case (sha256sum --check accepts both).
QString checkSha256(const QString &sha256);
// A full git commit id: 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, either case.
QString checkCommitSha(const QString &sha);
// https, or http only to a loopback host (the local sandbox): localhost, 127.0.0.0/8, ::1; must
// have a host. No blanks, and no user name or password (inputs are public to repository readers).
QString checkUrl(const QString &url);

// Every problem of a spec, in field order. The patch is not checked here (see patchlint.h)
// except that it must not be empty.
QList<FieldProblem> validate(const ReleaseSpec &spec);

}  // namespace rc::release
