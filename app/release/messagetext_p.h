// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Wording helpers shared by the release core's messages. Not part of the public contract.

#include <QByteArrayView>
#include <QString>

namespace rc::release::detail {

// A count as people read it: grouped in the application's locale, and in English ("70,123")
// when only the C locale is set, as in scripts and tests.
QString formatCount(qsizetype count);

// How a message names one character: visible ones in quotes ("'ä'"), blanks and invisible ones
// in words ("a space", "the character U+200B"), so the reader can find it.
QString describeCharacter(char32_t character);

// Control and format characters (escape sequences, bidi overrides, NUL) replaced by U+FFFD: they
// would act on the terminal or label showing the text instead of being read.
QString withoutControlCharacters(QString text);

// Text from outside as a message quotes it: in single quotes, cut to a readable length.
QString quotedExcerpt(QStringView text);

// Unicode characters (code points) in UTF-8 text; what GitHub's "characters" most likely means.
qsizetype countCharacters(QByteArrayView utf8);

}  // namespace rc::release::detail
