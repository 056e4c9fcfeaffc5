// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>
#include <QStringView>

namespace rc::forge {

// What becomes of a line break (\n, \r\n, a lone \r, U+2028, U+2029) in server text.
enum class LineBreaks {
    ToSpace,  // one line: for a label, a status bar, a log line
    Keep,     // as '\n': for a message box or a multi-line terminal message
};

// Server text (an error message, a header, a name) made safe to show: a server must not be able
// to clear a terminal, move its cursor, hide text behind \r or reorder it with bidi controls.
// Drops C0 and C1 controls (a tab becomes a space), whole ESC / CSI / OSC sequences, bidi
// embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C), lone surrogates and non-characters; line breaks as `lineBreaks` says. Cuts the result
// to `maxLength` UTF-16 units, an ellipsis (…) included, never inside a surrogate pair;
// `maxLength` < 1: no cap. Leading and trailing white space is trimmed.
QString printableServerText(QStringView text, qsizetype maxLength,
                            LineBreaks lineBreaks = LineBreaks::ToSpace);

// The cap of a server message in a ForgeError.
inline constexpr qsizetype kMaxServerMessageChars = 2000;

}  // namespace rc::forge
