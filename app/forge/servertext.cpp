// SPDX-License-Identifier: BSD-3-Clause
#include "forge/servertext.h"

namespace rc::forge {

namespace {

constexpr char16_t kEsc = 0x1b;
constexpr char16_t kBel = 0x07;
constexpr char16_t kC1Csi = 0x9b;
constexpr char16_t kC1Osc = 0x9d;
constexpr char16_t kC1St = 0x9c;

bool isBidiControl(char32_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
        c == 0x200f || c == 0x061c;
}

bool isNonCharacter(char32_t c)
{
    return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

// The index after a CSI sequence whose parameters start at `i`: parameter bytes 0x30–0x3F,
// intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E (a broken sequence ends at the first
// other character, which is kept).
qsizetype skipCsi(QStringView text, qsizetype i)
{
    while (i < text.size() && text[i].unicode() >= 0x30 && text[i].unicode() <= 0x3f)
        ++i;
    while (i < text.size() && text[i].unicode() >= 0x20 && text[i].unicode() <= 0x2f)
        ++i;
    if (i < text.size() && text[i].unicode() >= 0x40 && text[i].unicode() <= 0x7e)
        ++i;
    return i;
}

// The index after an OSC / DCS / APC / PM string starting at `i`: up to BEL, ESC \ or ST. An
// unterminated one swallows the rest: a terminal would too.
qsizetype skipString(QStringView text, qsizetype i)
{
    while (i < text.size()) {
        const char16_t c = text[i].unicode();
        if (c == kBel || c == kC1St)
            return i + 1;
        if (c == kEsc && i + 1 < text.size() && text[i + 1] == u'\\')
            return i + 2;
        ++i;
    }
    return i;
}

}  // namespace

QString printableServerText(QStringView text, qsizetype maxLength, LineBreaks lineBreaks)
{
    const QChar lineBreak = lineBreaks == LineBreaks::Keep ? QChar(u'\n') : QChar(u' ');
    QString out;
    out.reserve(maxLength > 0 ? qMin(text.size(), maxLength + 1) : text.size());
    qsizetype i = 0;
    bool cut = false;
    while (i < text.size()) {
        // Enough for the cap and its ellipsis: the rest is never looked at.
        if (maxLength > 0 && out.size() > maxLength) {
            cut = true;
            break;
        }
        const char16_t c = text[i].unicode();
        if (c == kEsc) {
            if (i + 1 >= text.size()) {
                ++i;
                continue;
            }
            const char16_t next = text[i + 1].unicode();
            if (next == u'[')
                i = skipCsi(text, i + 2);
            else if (next == u']' || next == u'P' || next == u'_' || next == u'^' || next == u'X')
                i = skipString(text, i + 2);
            else
                i += 2;  // a two-character sequence (ESC c resets the terminal, ESC 7, ...)
            continue;
        }
        if (c == kC1Csi) {
            i = skipCsi(text, i + 1);
            continue;
        }
        if (c == kC1Osc || c == 0x90 || c == 0x9e || c == 0x9f || c == 0x98) {
            i = skipString(text, i + 1);
            continue;
        }
        if (c == u'\r') {
            if (!out.isEmpty())
                out.append(lineBreak);
            i += (i + 1 < text.size() && text[i + 1] == u'\n') ? 2 : 1;
            continue;
        }
        if (c == u'\n' || c == 0x2028 || c == 0x2029) {
            if (!out.isEmpty())
                out.append(lineBreak);
            ++i;
            continue;
        }
        // Leading white space is dropped as it comes, so that it cannot fill the cap.
        if (c == u'\t' || (out.isEmpty() && QChar::isSpace(c))) {
            if (!out.isEmpty())
                out.append(u' ');
            ++i;
            continue;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            ++i;
            continue;
        }
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
                const char32_t code = QChar::surrogateToUcs4(c, text[i + 1].unicode());
                if (!isNonCharacter(code))
                    out.append(text.sliced(i, 2));
                i += 2;
            } else {
                ++i;
            }
            continue;
        }
        if (QChar::isLowSurrogate(c) || isBidiControl(c) || isNonCharacter(c)) {
            ++i;
            continue;
        }
        out.append(QChar(c));
        ++i;
    }
    while (!out.isEmpty() && out.back().isSpace())
        out.chop(1);
    if (maxLength > 0 && (cut || out.size() > maxLength)) {
        qsizetype keep = qMin(out.size(), maxLength - 1);
        if (keep > 0 && QChar::isHighSurrogate(out.at(keep - 1).unicode()))
            --keep;
        out.truncate(keep);
        out.append(QChar(0x2026));
    }
    return out;
}

}  // namespace rc::forge
