// SPDX-License-Identifier: BSD-3-Clause
#include "release/messagetext_p.h"

#include <QChar>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::Text)
};

}  // namespace

namespace rc::release::detail {

QString formatCount(qsizetype count)
{
    const QLocale locale;
    const QLocale readable = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    return readable.toString(qint64(count));
}

QString describeCharacter(char32_t character)
{
    switch (character) {
    case U' ':
        return Text::tr("a space");
    case U'\t':
        return Text::tr("a tab");
    case U'\n':
    case U'\r':
        return Text::tr("a line break");
    default:
        break;
    }
    if (QChar::isSpace(character) || !QChar::isPrint(character)) {
        const QString codePoint = u"U+%1"_s.arg(uint(character), 4, 16, QLatin1Char('0')).toUpper();
        return Text::tr("the character %1").arg(codePoint);
    }
    return u"'"_s + QString::fromUcs4(&character, 1) + u"'"_s;
}

QString withoutControlCharacters(QString text)
{
    for (QChar &character : text) {
        const QChar::Category category = character.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format)
            character = QChar::ReplacementCharacter;
    }
    return text;
}

QString quotedExcerpt(QStringView text)
{
    constexpr qsizetype kMaxShown = 40;
    const QString shown =
        withoutControlCharacters(text.first(std::min(text.size(), kMaxShown)).toString());
    return text.size() <= kMaxShown ? u"'%1'"_s.arg(shown) : u"'%1…'"_s.arg(shown);
}

qsizetype countCharacters(QByteArrayView utf8)
{
    qsizetype characters = 0;
    for (const char byte : utf8) {
        const bool continuesPrevious = (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
        if (!continuesPrevious)
            ++characters;
    }
    return characters;
}

}  // namespace rc::release::detail
