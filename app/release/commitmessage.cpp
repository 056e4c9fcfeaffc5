// SPDX-License-Identifier: BSD-3-Clause
#include "release/commitmessage.h"

#include "release/messagetext_p.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>
#include <optional>

using namespace Qt::StringLiterals;

namespace rc::release {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::CommitMessage)
};

const QRegularExpression &packageBlockStart()
{
    static const QRegularExpression pattern(u"(?<!\\w)package\\s*=\\s*\\{"_s);
    return pattern;
}

QString withUnixLineBreaks(const QString &message)
{
    QString text = message;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text;
}

struct TitleAndBody
{
    QStringView title;
    QStringView body;
};

// Git drops blank lines before the subject, so the title is the first line with text on it.
TitleAndBody splitTitle(QStringView text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype lineEnd = text.indexOf(u'\n', start);
        if (lineEnd < 0 || !text.sliced(start, lineEnd - start).trimmed().isEmpty())
            break;
        start = lineEnd + 1;
    }
    const qsizetype titleEnd = text.indexOf(u'\n', start);
    if (titleEnd < 0)
        return {text.sliced(start), {}};
    return {text.sliced(start, titleEnd - start), text.sliced(titleEnd + 1)};
}

bool isAsciiHexDigit(QChar character)
{
    const char16_t c = character.unicode();
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isStraightQuote(QChar character)
{
    return character == u'"' || character == u'\'';
}

// Word processors and web pages turn straight quotes into these.
bool isTypographicQuote(QChar character)
{
    return QStringView(u"\u2018\u2019\u201A\u201C\u201D\u201E").contains(character);
}

qsizetype editDistance(QStringView from, QStringView to)
{
    QList<qsizetype> previous(to.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (qsizetype i = 0; i < from.size(); ++i) {
        QList<qsizetype> current(to.size() + 1);
        current[0] = i + 1;
        for (qsizetype j = 0; j < to.size(); ++j) {
            const qsizetype substitution = previous[j] + (from[i] == to[j] ? 0 : 1);
            current[j + 1] = std::min({previous[j + 1] + 1, current[j] + 1, substitution});
        }
        previous = current;
    }
    return previous.constLast();
}

// A near miss such as "lable" or "Version" is most likely a typo for a known key.
QString closeKnownKey(const QString &key)
{
    constexpr qsizetype kMaxTypos = 2;
    const QString lowered = key.toLower();
    for (const QString &known : knownPackageKeys()) {
        if (lowered == known || editDistance(lowered, known) <= kMaxTypos)
            return known;
    }
    return {};
}

// Reads the entries of one `package = { ... }` block. After each mistake it skips to the next
// ',' or '}' so that one bad entry does not hide the others; quoted text never ends the block.
class PackageBlockReader
{
public:
    PackageBlockReader(QStringView text, qsizetype afterOpeningBrace, CommitMessageParse &result)
        : m_text(text)
        , m_position(afterOpeningBrace)
        , m_result(result)
    { }

    // The position just after the closing brace, or nothing when the block is never closed.
    std::optional<qsizetype> read();

private:
    bool atEnd() const { return m_position >= m_text.size(); }
    QChar current() const { return m_text.at(m_position); }
    // A message full of mistakes must not bury the form under sentences: the first few are
    // shown, the rest counted.
    void warn(const QString &warning)
    {
        if (m_result.warnings.size() < kMaxBlockWarnings)
            m_result.warnings.append(detail::withoutControlCharacters(warning));
        else
            ++m_unshownWarnings;
    }
    void reportUnshownWarnings()
    {
        if (m_unshownWarnings > 0)
            m_result.warnings.append(Text::tr("and %1 more in the package block, not listed")
                                         .arg(detail::formatCount(m_unshownWarnings)));
    }

    void skipBlanks();
    void skipRestOfEntry();
    void readEntry();
    std::optional<QString> readKey();
    std::optional<QString> readValue(const QString &key);
    void finishEntry(const QString &key);
    void record(const QString &key, const std::optional<QString> &value);
    std::optional<QString> readQuoted();
    qsizetype appendEscaped(qsizetype escapedPosition, QString &text) const;
    QString readBareWord();
    void warnTypographicQuote();

    static constexpr qsizetype kMaxBlockWarnings = 12;
    QStringView m_text;
    qsizetype m_position = 0;
    CommitMessageParse &m_result;
    qsizetype m_unshownWarnings = 0;
    QStringList m_seenKeys;
};

std::optional<qsizetype> PackageBlockReader::read()
{
    while (true) {
        skipBlanks();
        if (atEnd()) {
            reportUnshownWarnings();
            m_result.warnings.append(
                Text::tr("the package block has no closing '}'; the entries before the end "
                         "of the message were read"));
            return std::nullopt;
        }
        if (current() == u'}') {
            reportUnshownWarnings();
            return ++m_position;
        }
        if (current() == u',')
            ++m_position;
        else
            readEntry();
    }
}

void PackageBlockReader::skipBlanks()
{
    while (!atEnd() && current().isSpace())
        ++m_position;
}

void PackageBlockReader::skipRestOfEntry()
{
    int nesting = 0;
    while (!atEnd()) {
        const QChar character = current();
        if (nesting == 0 && (character == u',' || character == u'}'))
            return;
        if (isStraightQuote(character)) {
            readQuoted();
            continue;
        }
        if (character == u'{' || character == u'[')
            ++nesting;
        else if ((character == u'}' || character == u']') && nesting > 0)
            --nesting;
        ++m_position;
    }
}

void PackageBlockReader::readEntry()
{
    const std::optional<QString> key = readKey();
    if (!key) {
        skipRestOfEntry();
        return;
    }
    skipBlanks();
    if (atEnd() || current() != u':') {
        warn(Text::tr("a ':' is missing after the key %1; the entry was ignored")
                 .arg(detail::quotedExcerpt(*key)));
        skipRestOfEntry();
        return;
    }
    ++m_position;
    skipBlanks();
    record(*key, readValue(*key));
    finishEntry(*key);
}

std::optional<QString> PackageBlockReader::readKey()
{
    const QChar first = current();
    if (isStraightQuote(first)) {
        std::optional<QString> key = readQuoted();
        if (!key)
            warn(Text::tr("a key in the package block has no closing quote"));
        return key;
    }
    if (isTypographicQuote(first)) {
        warnTypographicQuote();
        return std::nullopt;
    }
    const QString bare = readBareWord();
    if (bare.isEmpty()) {
        warn(Text::tr("unexpected %1 in the package block; the entry was ignored")
                 .arg(detail::describeCharacter(first.unicode())));
        return std::nullopt;
    }
    warn(Text::tr("the key %1 must be in quotes, as in \"%2\"; the entry was ignored")
             .arg(detail::quotedExcerpt(bare), bare));
    return std::nullopt;
}

// Only quoted strings are taken. The old script dropped `"build": 1` without a word; here it is
// reported and left out, so the maintainer sees it rather than a silently different build.
std::optional<QString> PackageBlockReader::readValue(const QString &key)
{
    if (atEnd() || current() == u',' || current() == u'}') {
        warn(Text::tr("%1 has no value").arg(detail::quotedExcerpt(key)));
        return std::nullopt;
    }
    const QChar first = current();
    if (isStraightQuote(first)) {
        std::optional<QString> value = readQuoted();
        if (!value) {
            warn(Text::tr("the value of %1 has no closing quote on its line")
                     .arg(detail::quotedExcerpt(key)));
            skipRestOfEntry();
        }
        return value;
    }
    if (isTypographicQuote(first)) {
        warnTypographicQuote();
        skipRestOfEntry();
        return std::nullopt;
    }
    if (first == u'{' || first == u'[') {
        warn(Text::tr("the value of %1 must be a quoted string, not a list or object")
                 .arg(detail::quotedExcerpt(key)));
        skipRestOfEntry();
        return std::nullopt;
    }
    const QString bare = readBareWord();
    if (bare.isEmpty()) {
        warn(Text::tr("unexpected %1 in the value of %2")
                 .arg(detail::describeCharacter(first.unicode()), detail::quotedExcerpt(key)));
        skipRestOfEntry();
        return std::nullopt;
    }
    warn(Text::tr("the value of %1 must be quoted, as in \"%2\": \"%3\"; "
                  "%4 was not used")
             .arg(detail::quotedExcerpt(key), key, bare, detail::quotedExcerpt(bare)));
    return std::nullopt;
}

void PackageBlockReader::finishEntry(const QString &key)
{
    skipBlanks();
    if (atEnd() || current() == u'}')
        return;
    if (current() == u',') {
        ++m_position;
        return;
    }
    if (isStraightQuote(current())) {
        warn(Text::tr("a ',' is missing after the value of %1").arg(detail::quotedExcerpt(key)));
        return;
    }
    warn(Text::tr("unexpected %1 after the value of %2; it was ignored")
             .arg(detail::describeCharacter(current().unicode()), detail::quotedExcerpt(key)));
    skipRestOfEntry();
}

void PackageBlockReader::record(const QString &key, const std::optional<QString> &value)
{
    if (!knownPackageKeys().contains(key)) {
        const QString suggestion = closeKnownKey(key);
        if (suggestion.isEmpty())
            warn(Text::tr("unknown key %1 was ignored (the known keys are %2)")
                     .arg(detail::quotedExcerpt(key), knownPackageKeys().join(u", "_s)));
        else
            warn(Text::tr("unknown key %1 was ignored (did you mean '%2'?)")
                     .arg(detail::quotedExcerpt(key), suggestion));
        return;
    }
    if (m_seenKeys.contains(key)) {
        warn(Text::tr("%1 is given more than once; only the first is used")
                 .arg(detail::quotedExcerpt(key)));
        return;
    }
    m_seenKeys.append(key);
    if (value)
        m_result.values.insert(key, *value);
}

// A string ends at its own kind of quote. It may not run past the end of its line, so that a
// missing quote costs one entry instead of swallowing the rest of the block.
std::optional<QString> PackageBlockReader::readQuoted()
{
    const QChar quote = current();
    qsizetype position = m_position + 1;
    QString text;
    while (position < m_text.size() && m_text.at(position) != u'\n') {
        const QChar character = m_text.at(position);
        if (character == quote) {
            m_position = position + 1;
            return text;
        }
        const bool escapes =
            character == u'\\' && position + 1 < m_text.size() && m_text.at(position + 1) != u'\n';
        if (escapes) {
            position = appendEscaped(position + 1, text);
        } else {
            text.append(character);
            ++position;
        }
    }
    m_position = position;
    return std::nullopt;
}

// JSON escapes, plus \' from Python. Unknown escapes stay as written, as in Python.
qsizetype PackageBlockReader::appendEscaped(qsizetype escapedPosition, QString &text) const
{
    const QChar escaped = m_text.at(escapedPosition);
    switch (escaped.unicode()) {
    case u'"':
    case u'\'':
    case u'\\':
    case u'/':
        text.append(escaped);
        return escapedPosition + 1;
    case u'n':
        text.append(u'\n');
        return escapedPosition + 1;
    case u't':
        text.append(u'\t');
        return escapedPosition + 1;
    case u'r':
        text.append(u'\r');
        return escapedPosition + 1;
    case u'u': {
        bool isHex = false;
        const QStringView digits =
            m_text.sliced(escapedPosition + 1)
                .first(std::min<qsizetype>(4, m_text.size() - escapedPosition - 1));
        // Exactly four hex digits: toUShort alone would also take a sign, "0x" or blanks.
        isHex = digits.size() == 4 &&
            std::all_of(digits.begin(), digits.end(), [](QChar c) { return isAsciiHexDigit(c); });
        const ushort codeUnit = isHex ? digits.toUShort(nullptr, 16) : 0;
        if (isHex) {
            text.append(QChar(codeUnit));
            return escapedPosition + 5;
        }
        break;
    }
    default:
        break;
    }
    text.append(u'\\');
    text.append(escaped);
    return escapedPosition + 1;
}

QString PackageBlockReader::readBareWord()
{
    const qsizetype start = m_position;
    while (!atEnd() && !current().isSpace() && !QStringView(u",:{}[]\"'").contains(current()) &&
           !isTypographicQuote(current()))
        ++m_position;
    return m_text.sliced(start, m_position - start).toString();
}

void PackageBlockReader::warnTypographicQuote()
{
    warn(Text::tr("%1 is a typographic quote; the package block needs straight "
                  "quotes (\" or '), so the entry was ignored")
             .arg(detail::describeCharacter(current().unicode())));
}

void addConventionWarnings(const CommitMessageParse &parse, bool titleHoldsBlock,
                           QStringList &warnings)
{
    if (titleHoldsBlock && !parse.hasPackageBlock)
        warnings.append(Text::tr(
            "the package block is in the title; it must be in the body, below the title, so it "
            "was ignored"));
    else if (parse.titleRequestsBuild && !parse.hasPackageBlock)
        warnings.append(Text::tr("the title has [conda-build] but the body has no package = {...} "
                                 "block; the form's defaults are used"));
    if (parse.hasPackageBlock && !parse.titleRequestsBuild)
        warnings.append(
            Text::tr("the body has a package block but the title lacks [conda-build], so "
                     "the old CI would not have started a build"));
}

}  // namespace

QStringList knownPackageKeys()
{
    return {u"version"_s, u"build"_s, u"channel"_s, u"label"_s};
}

CommitMessageParse parseCommitMessage(const QString &message)
{
    CommitMessageParse result;
    // A real commit message is a few lines; one of megabytes is read as far as this.
    constexpr qsizetype kMaxReadCharacters = 1024 * 1024;
    const bool cut = message.size() > kMaxReadCharacters;
    const QString text = withUnixLineBreaks(cut ? message.first(kMaxReadCharacters) : message);
    if (cut)
        result.warnings.append(Text::tr("the commit message is longer than %1 characters; only "
                                        "its beginning was read")
                                   .arg(detail::formatCount(kMaxReadCharacters)));
    const TitleAndBody parts = splitTitle(text);
    result.titleRequestsBuild = parts.title.contains(u"[conda-build]", Qt::CaseInsensitive);
    const QRegularExpressionMatch start = packageBlockStart().matchView(parts.body);
    result.hasPackageBlock = start.hasMatch();
    const bool titleHoldsBlock = packageBlockStart().matchView(parts.title).hasMatch();
    addConventionWarnings(result, titleHoldsBlock, result.warnings);
    if (!result.hasPackageBlock)
        return result;

    const std::optional<qsizetype> end =
        PackageBlockReader(parts.body, start.capturedEnd(), result).read();
    if (end && packageBlockStart().matchView(parts.body, *end).hasMatch())
        result.warnings.append(
            Text::tr("only the first package block is read; a later one was ignored"));
    return result;
}

}  // namespace rc::release
