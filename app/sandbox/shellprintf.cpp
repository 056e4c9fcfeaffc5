// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/shellprintf.h"

#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray utf8Of(char32_t codePoint)
{
    if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return {};
    return QString::fromUcs4(&codePoint, 1).toUtf8();
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// One backslash escape at `p` (just after the backslash), as bash's tescape(): appends what it
// stands for to `out` and returns how many characters after the backslash it used. `forB`: the
// rules of a %b argument (\c stops, \0NNN, \' \" \? kept). 0 means "not an escape": the caller
// prints the backslash and goes on with the next character as plain text.
qsizetype unescape(const QByteArray &s, qsizetype p, bool forB, QByteArray &out, bool &sawC,
                   QString &warning)
{
    if (p >= s.size()) {
        out += '\\';
        return 0;
    }
    const char c = s.at(p);
    qsizetype q = p + 1;
    switch (c) {
    case 'a':
        out += '\a';
        return 1;
    case 'b':
        out += '\b';
        return 1;
    case 'e':
    case 'E':
        out += '\x1b';
        return 1;
    case 'f':
        out += '\f';
        return 1;
    case 'n':
        out += '\n';
        return 1;
    case 'r':
        out += '\r';
        return 1;
    case 't':
        out += '\t';
        return 1;
    case 'v':
        out += '\v';
        return 1;
    case '\\':
        out += '\\';
        return 1;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        int value = c - '0';
        // "\NNN" (up to three digits); in %b also "\0NNN".
        int more = 2 + ((value == 0 && forB) ? 1 : 0);
        while (q < s.size() && isOctal(s.at(q)) && more-- > 0)
            value = value * 8 + (s.at(q++) - '0');
        out += char(value & 0xFF);
        return q - p;
    }
    case 'x': {
        int value = 0;
        int digits = 0;
        while (q < s.size() && digits < 2 && hexValue(s.at(q)) >= 0) {
            value = value * 16 + hexValue(s.at(q++));
            ++digits;
        }
        if (digits == 0) {
            warning = u"missing hex digit for \\x"_s;
            out += '\\';
            return 0;
        }
        out += char(value & 0xFF);
        return q - p;
    }
    case 'u':
    case 'U': {
        const int maxDigits = c == 'u' ? 4 : 8;
        char32_t value = 0;
        int digits = 0;
        while (q < s.size() && digits < maxDigits && hexValue(s.at(q)) >= 0) {
            value = value * 16 + char32_t(hexValue(s.at(q++)));
            ++digits;
        }
        if (digits == 0) {
            warning = u"missing unicode digit for \\"_s + QChar::fromLatin1(c);
            out += '\\';
            return 0;
        }
        const QByteArray encoded = utf8Of(value);
        if (encoded.isEmpty()) {
            // Not a character: bash prints the escape as it was written.
            out += '\\';
            out += s.mid(p, q - p);
        } else {
            out += encoded;
        }
        return q - p;
    }
    case '\'':
    case '"':
    case '?':
        if (forB) {
            out += '\\';
            return 0;
        }
        out += c;
        return 1;
    case 'c':
        if (forB) {
            sawC = true;
            return 1;
        }
        [[fallthrough]];
    default:
        out += '\\';
        return 0;
    }
}

class Printer
{
public:
    Printer(const QByteArray &format, const QList<QByteArray> &arguments)
        : m_format(format)
        , m_arguments(arguments)
    { }

    ShellResult run()
    {
        do {
            const qsizetype before = m_next;
            if (!formatOnce())
                break;
            // The format is reused only while it consumes arguments.
            if (m_next == before)
                break;
        } while (m_next < m_arguments.size());
        if (m_conversionError && m_result.exitCode == 0)
            m_result.exitCode = 1;
        return m_result;
    }

private:
    void warn(const QString &message)
    {
        if (!m_result.error.isEmpty())
            m_result.error += u'\n';
        m_result.error += u"printf: "_s + message;
    }
    bool fail(const QString &message, bool emulated = true)
    {
        warn(message);
        m_result.exitCode = 1;
        m_result.emulated = emulated;
        return false;
    }

    QByteArray takeString()
    {
        return m_next < m_arguments.size() ? m_arguments.at(m_next++) : QByteArray();
    }

    // A character constant ('a or "a): the code point of the character after the quote.
    static qint64 characterCode(const QByteArray &argument)
    {
        const QString rest = QString::fromUtf8(argument.mid(1));
        return rest.isEmpty() ? 0 : qint64(rest.toUcs4().value(0));
    }

    template<class T, class Parse>
    T takeNumber(Parse parse)
    {
        if (m_next >= m_arguments.size())
            return T {};
        const QByteArray argument = m_arguments.at(m_next++);
        if (argument.startsWith('\'') || argument.startsWith('"'))
            return T(characterCode(argument));
        char *end = nullptr;
        errno = 0;
        const T value = parse(argument.constData(), &end);
        if (*end != '\0') {
            warn(text(argument) + u": invalid number"_s);
            m_conversionError = true;
        } else if (errno == ERANGE) {
            warn(text(argument) + u": Numerical result out of range"_s);
        }
        return value;
    }
    long long takeInt()
    {
        return takeNumber<long long>(
            [](const char *s, char **end) { return std::strtoll(s, end, 0); });
    }
    unsigned long long takeUnsigned()
    {
        return takeNumber<unsigned long long>(
            [](const char *s, char **end) { return std::strtoull(s, end, 0); });
    }
    long double takeFloat()
    {
        return takeNumber<long double>(
            [](const char *s, char **end) { return std::strtold(s, end); });
    }

    // bash hands its conversions to the C library's printf; so does the emulation (the spec is
    // built from checked flags, digits and one conversion character).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    template<class... Args>
    void print(const QByteArray &spec, Args... args)
    {
        const int length = std::snprintf(nullptr, 0, spec.constData(), args...);
        if (length <= 0)
            return;
        QByteArray buffer(length + 1, Qt::Uninitialized);
        std::snprintf(buffer.data(), size_t(buffer.size()), spec.constData(), args...);
        m_result.output += buffer.left(length);
    }
#pragma GCC diagnostic pop

    // %b's and the padding of a string that may hold NUL bytes (bash's printstr).
    void emitPadded(QByteArray value, const QByteArray &flags, std::optional<int> width,
                    std::optional<int> precision)
    {
        if (precision && *precision >= 0 && value.size() > *precision)
            value.truncate(*precision);
        const qsizetype pad = width ? std::max<qsizetype>(0, *width - value.size()) : 0;
        if (flags.contains('-'))
            m_result.output += value + QByteArray(pad, ' ');
        else
            m_result.output += QByteArray(pad, ' ') + value;
    }

    // One pass over the format; false when printing must stop (error or \c).
    bool formatOnce()
    {
        const QByteArray &f = m_format;
        for (qsizetype i = 0; i < f.size(); ++i) {
            const char c = f.at(i);
            if (c == '\\') {
                bool sawC = false;
                QString warning;
                const qsizetype used = unescape(f, i + 1, false, m_result.output, sawC, warning);
                if (!warning.isEmpty())
                    warn(warning);
                i += used;
                continue;
            }
            if (c != '%') {
                m_result.output += c;
                continue;
            }
            const qsizetype start = i++;
            if (i < f.size() && f.at(i) == '%') {
                m_result.output += '%';
                continue;
            }
            QByteArray flags;
            while (i < f.size() && QByteArrayView("#'-+ 0").contains(f.at(i)))
                flags += f.at(i++);
            std::optional<int> width;
            std::optional<int> precision;
            if (i < f.size() && f.at(i) == '*') {
                ++i;
                width = int(std::clamp<long long>(takeInt(), INT_MIN, INT_MAX));
            } else {
                const qsizetype digits = i;
                while (i < f.size() && f.at(i) >= '0' && f.at(i) <= '9')
                    ++i;
                if (i > digits)
                    width = f.mid(digits, i - digits).toInt();
            }
            if (i < f.size() && f.at(i) == '.') {
                ++i;
                if (i < f.size() && f.at(i) == '*') {
                    ++i;
                    precision = int(std::clamp<long long>(takeInt(), INT_MIN, INT_MAX));
                } else {
                    bool negative = false;
                    if (i < f.size() && f.at(i) == '-') {
                        negative = true;
                        ++i;
                    }
                    const qsizetype digits = i;
                    while (i < f.size() && f.at(i) >= '0' && f.at(i) <= '9')
                        ++i;
                    precision = negative ? -1 : f.mid(digits, i - digits).toInt();
                }
            }
            while (i < f.size() && QByteArrayView("hjlLtz").contains(f.at(i)))
                ++i;
            if (i >= f.size())
                return fail(u"`"_s + text(f.mid(start)) + u"': missing format character"_s);
            const char conversion = f.at(i);

            // The spec without modifiers, with `*` resolved, for the C library.
            QByteArray spec = "%" + flags;
            if (width) {
                if (*width < 0)
                    spec += '-';
                spec += QByteArray::number(std::abs(qint64(*width)));
            }
            if (precision && *precision >= 0)
                spec += '.' + QByteArray::number(*precision);

            switch (conversion) {
            case 'c': {
                const QByteArray argument = takeString();
                // No argument prints a NUL byte, like bash.
                print(spec + 'c', int(argument.isEmpty() ? '\0' : argument.at(0)));
                break;
            }
            case 's': {
                // A negative `*` width left-aligns, like the '-' flag.
                const QByteArray alignment = width && *width < 0 ? flags + '-' : flags;
                emitPadded(takeString(), alignment,
                           width ? std::optional<int>(std::abs(*width)) : width, precision);
                break;
            }
            case 'b': {
                const QByteArray argument = takeString();
                QByteArray expanded;
                bool sawC = false;
                for (qsizetype k = 0; k < argument.size() && !sawC; ++k) {
                    if (argument.at(k) != '\\') {
                        expanded += argument.at(k);
                        continue;
                    }
                    QString warning;
                    k += unescape(argument, k + 1, true, expanded, sawC, warning);
                    if (!warning.isEmpty())
                        warn(warning);
                }
                QByteArray alignment = flags;
                if (width && *width < 0)
                    alignment += '-';
                emitPadded(expanded, alignment,
                           width ? std::optional<int>(std::abs(*width)) : width, precision);
                if (sawC)
                    return false;
                break;
            }
            case 'd':
            case 'i':
                print(spec + "ll" + conversion, takeInt());
                break;
            case 'o':
            case 'u':
            case 'x':
            case 'X':
                print(spec + "ll" + conversion, takeUnsigned());
                break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case 'a':
            case 'A':
                print(spec + 'L' + conversion, takeFloat());
                break;
            case 'q':
            case 'Q':
            case 'n':
            case '(':
                return fail(u"`%"_s + QChar::fromLatin1(conversion) +
                                u"' is not emulated by the sandbox"_s,
                            false);
            default:
                return fail(u"`"_s + text(QByteArray(1, conversion)) +
                            u"': invalid format character"_s);
            }
        }
        return true;
    }

    const QByteArray &m_format;
    const QList<QByteArray> &m_arguments;
    qsizetype m_next = 0;
    bool m_conversionError = false;
    ShellResult m_result;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool startsExpansion(char next)
{
    return (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
        (next >= '0' && next <= '9') || QByteArrayView("_{(@*#?$!-'\"").contains(next);
}

ShellResult notEmulated(const QString &what)
{
    ShellResult result;
    result.exitCode = 127;
    result.emulated = false;
    result.error = u"the sandbox does not run "_s + what + u" (a real runner would)"_s;
    return result;
}

}  // namespace

ShellResult bashPrintf(const QByteArray &format, const QList<QByteArray> &arguments)
{
    return Printer(format, arguments).run();
}

ShellWords splitShellWords(const QByteArray &s)
{
    ShellWords result;
    QByteArray word;
    bool inWord = false;
    bool wordIsDigits = true;
    bool expectTarget = false;
    const auto endWord = [&] {
        if (!inWord)
            return;
        if (expectTarget) {
            result.redirection = word;
            expectTarget = false;
        } else {
            result.words.append(word);
        }
        word.clear();
        inWord = false;
        wordIsDigits = true;
    };
    const auto unsupported = [&](const QString &what) {
        result.status = notEmulated(what);
        return result;
    };
    qsizetype i = 0;
    for (; i < s.size(); ++i) {
        const char c = s.at(i);
        if (isBlank(c)) {
            endWord();
            continue;
        }
        if (c == '\n') {
            ++i;
            break;
        }
        if (c == '\'') {
            const qsizetype close = s.indexOf('\'', i + 1);
            if (close < 0) {
                result.status.exitCode = 2;
                result.status.error = u"unexpected EOF while looking for matching `''"_s;
                return result;
            }
            word += s.mid(i + 1, close - i - 1);
            inWord = true;
            wordIsDigits = false;
            i = close;
            continue;
        }
        if (c == '"') {
            qsizetype k = i + 1;
            for (; k < s.size() && s.at(k) != '"'; ++k) {
                const char d = s.at(k);
                if (d == '\\' && k + 1 < s.size() &&
                    QByteArrayView("$`\"\\\n").contains(s.at(k + 1))) {
                    if (s.at(k + 1) != '\n')
                        word += s.at(k + 1);
                    ++k;
                } else if (d == '`' ||
                           (d == '$' && k + 1 < s.size() && startsExpansion(s.at(k + 1)) &&
                            s.at(k + 1) != '"')) {
                    return unsupported(u"an expansion inside double quotes"_s);
                } else {
                    word += d;
                }
            }
            if (k >= s.size()) {
                result.status.exitCode = 2;
                result.status.error = u"unexpected EOF while looking for matching `\"'"_s;
                return result;
            }
            inWord = true;
            wordIsDigits = false;
            i = k;
            continue;
        }
        if (c == '\\') {
            if (i + 1 >= s.size()) {
                word += '\\';
            } else if (s.at(i + 1) != '\n') {
                word += s.at(i + 1);
                inWord = true;
                wordIsDigits = false;
            }
            ++i;  // an escaped newline joins the lines
            continue;
        }
        if (c == '>') {
            if (inWord && wordIsDigits)
                return unsupported(u"a redirection of another file descriptor"_s);
            endWord();
            if (i + 1 < s.size() && QByteArrayView(">|&").contains(s.at(i + 1)))
                return unsupported(u"the redirection `"_s + text(s.mid(i, 2)) + u'`');
            // Several `> file`: each is created, the last one gets the output.
            expectTarget = true;
            continue;
        }
        if (QByteArrayView(";&|<()`").contains(c))
            return unsupported(u"the shell syntax `"_s + QChar::fromLatin1(c) + u'`');
        if (c == '$' && i + 1 < s.size() && startsExpansion(s.at(i + 1)))
            return unsupported(u"the expansion `"_s + text(s.mid(i, 2)) + u'`');
        if (QByteArrayView("*?[{").contains(c))
            return unsupported(u"pathname or brace expansion (`"_s + QChar::fromLatin1(c) +
                               u"`)"_s);
        if (c == '~' && !inWord)
            return unsupported(u"tilde expansion"_s);
        if (c == '#' && !inWord) {
            // A comment to the end of the line.
            while (i + 1 < s.size() && s.at(i + 1) != '\n')
                ++i;
            continue;
        }
        word += c;
        inWord = true;
        wordIsDigits = wordIsDigits && c >= '0' && c <= '9';
    }
    endWord();
    if (expectTarget) {
        result.status.exitCode = 2;
        result.status.error = u"syntax error near unexpected token `newline'"_s;
        return result;
    }
    result.rest = s.mid(i);
    return result;
}

ShellResult printfQuotedToFile(const QByteArray &input, const QByteArray &fileName)
{
    const QByteArray script = "printf '" + input + "' > " + fileName + '\n';
    const ShellWords command = splitShellWords(script);
    if (!command.status.ok())
        return command.status;
    if (!command.rest.trimmed().isEmpty())
        return notEmulated(u"the text after the printf line: the patch input became more "
                           "commands"_s);
    if (command.redirection != fileName)
        return notEmulated(u"a printf whose output goes to \""_s + text(command.redirection) +
                           u"\" instead of "_s + text(fileName));
    if (command.words.size() < 2 || command.words.first() != "printf") {
        ShellResult result;
        result.exitCode = 2;
        result.error = u"printf: usage: printf [-v var] format [arguments]"_s;
        return result;
    }
    QList<QByteArray> arguments = command.words.mid(1);
    // printf takes options first: a format that starts with '-' (a patch starting "--- a/...")
    // is one, and an unknown one is an error.
    if (arguments.first() == "--") {
        arguments.removeFirst();
    } else if (arguments.first() == "-v") {
        return notEmulated(u"printf -v"_s);
    } else if (arguments.first().startsWith('-') && arguments.first().size() > 1) {
        ShellResult result;
        result.exitCode = 2;
        result.error = u"printf: "_s + text(arguments.first().left(2)) +
            u": invalid option\nprintf: usage: printf [-v var] format [arguments]"_s;
        return result;
    }
    if (arguments.isEmpty()) {
        ShellResult result;
        result.exitCode = 2;
        result.error = u"printf: usage: printf [-v var] format [arguments]"_s;
        return result;
    }
    return bashPrintf(arguments.first(), arguments.mid(1));
}

}  // namespace rc::sandbox
