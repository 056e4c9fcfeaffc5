// SPDX-License-Identifier: BSD-3-Clause
#include "release/validation.h"

#include "release/messagetext_p.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;

namespace rc::release {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::Validation)
};

// Only ASCII counts: a full-width or Arabic-Indic digit is a digit to Unicode but not to conda.
bool isAsciiDigit(char32_t character)
{
    return character >= U'0' && character <= U'9';
}

bool isAsciiLowercase(char32_t character)
{
    return character >= U'a' && character <= U'z';
}

bool isAsciiLetter(char32_t character)
{
    return isAsciiLowercase(character) || (character >= U'A' && character <= U'Z');
}

// Every set of punctuation here is ASCII, so anything beyond it is simply not a member.
bool isAsciiOneOf(char32_t character, QStringView members)
{
    return character < 0x80 && members.contains(QChar(char16_t(character)));
}

bool isHexDigit(char32_t character)
{
    return isAsciiDigit(character) || (character >= U'a' && character <= U'f') ||
        (character >= U'A' && character <= U'F');
}

// conda lower-cases a version before checking it, so both cases of an ASCII letter pass. Letters
// outside ASCII are refused even when they lower-case to ASCII (the Kelvin sign becomes 'k'),
// because the string is sent as typed.
bool isVersionCharacter(char32_t character)
{
    return isAsciiDigit(character) || isAsciiLetter(character) || isAsciiOneOf(character, u"._+!*");
}

bool isAnacondaNameCharacter(char32_t character)
{
    return isAsciiDigit(character) || isAsciiLetter(character) || isAsciiOneOf(character, u"._-");
}

bool isRecipeCharacter(char32_t character)
{
    return isAsciiDigit(character) || isAsciiLowercase(character) ||
        isAsciiOneOf(character, u"._-");
}

bool isDigitsOnly(QStringView text)
{
    for (const QChar character : text) {
        if (!isAsciiDigit(character.unicode()))
            return false;
    }
    return true;
}

// "007" reads as "7", "000" as "0".
QString withoutLeadingZeros(const QString &digits)
{
    qsizetype zeros = 0;
    while (zeros < digits.size() - 1 && digits.at(zeros) == u'0')
        ++zeros;
    return digits.mid(zeros);
}

// Walks code points, not UTF-16 units, so a character outside the BMP is named whole.
std::optional<char32_t> firstDisallowed(QStringView text, bool (*isAllowed)(char32_t))
{
    for (const uint character : text.toUcs4()) {
        if (!isAllowed(char32_t(character)))
            return char32_t(character);
    }
    return std::nullopt;
}

QString checkName(const QString &name, bool (*isAllowed)(char32_t), const QString &emptyMessage,
                  const QString &notAllowedMessage)
{
    if (name.isEmpty())
        return emptyMessage;
    if (const auto disallowed = firstDisallowed(name, isAllowed))
        return notAllowedMessage.arg(detail::describeCharacter(*disallowed));
    return {};
}

// The epoch ('!') and local version ('+') separators: conda refuses a second one, an empty
// part around them and an epoch that is not a whole number.
QString checkVersionSeparators(const QString &version)
{
    if (version.count(u'!') > 1)
        return Text::tr("a conda version has at most one '!' (the epoch separator)");
    if (version.count(u'+') > 1)
        return Text::tr("a conda version has at most one '+' (the local version separator)");
    const QList<QStringView> parts = QStringView(version).split(u'!');
    for (const QStringView part : parts) {
        if (part.isEmpty() || part.startsWith(u'+') || part.endsWith(u'+'))
            return Text::tr("'!' and '+' need a part on both sides in a conda version");
    }
    if (parts.size() == 2 && !isDigitsOnly(parts.constFirst()))
        return Text::tr("the epoch before '!' must be a whole number, as in 1!2.0");
    return {};
}

bool isLoopbackIPv4(const QString &host)
{
    const QStringList octets = host.split(u'.');
    if (octets.size() != 4)
        return false;
    for (const QString &octet : octets) {
        if (octet.isEmpty() || octet.size() > 3 || !isDigitsOnly(octet) || octet.toInt() > 255)
            return false;
    }
    return octets.constFirst() == u"127"_s;
}

// QUrl already lower-cases host names and normalises IPv4 and IPv6 spellings.
bool isLoopbackHost(const QString &host)
{
    return host == u"localhost"_s || host == u"::1"_s || isLoopbackIPv4(host);
}

std::optional<char32_t> firstBlank(QStringView text)
{
    return firstDisallowed(text, [](char32_t character) { return !QChar::isSpace(character); });
}

}  // namespace

QString checkVersion(const QString &version)
{
    if (version.isEmpty())
        return Text::tr("a conda version cannot be empty");
    if (const auto disallowed = firstDisallowed(version, isVersionCharacter)) {
        if (*disallowed == U'-')
            return Text::tr("conda versions cannot contain '-'");
        return Text::tr("%1 is not allowed in a conda version (use 0-9 a-z . _ + ! *)")
            .arg(detail::describeCharacter(*disallowed));
    }
    if (version.startsWith(u'.'))
        return Text::tr("a conda version cannot start with '.'");
    if (version.endsWith(u'.'))
        return Text::tr("a conda version cannot end with '.'");
    if (version.contains(u".."_s))
        return Text::tr("a conda version cannot have two dots in a row");
    return checkVersionSeparators(version);
}

QString checkBuild(const QString &build)
{
    if (build.isEmpty())
        return Text::tr("a build number cannot be empty");
    if (build.size() > 1 && build.startsWith(u'-') && isDigitsOnly(QStringView(build).mid(1)))
        return Text::tr("a build number cannot be negative");
    if (const auto disallowed = firstDisallowed(build, isAsciiDigit))
        return Text::tr("%1 is not allowed in a build number (use the digits 0-9)")
            .arg(detail::describeCharacter(*disallowed));
    // conda-build reads the number as an integer, so "007" would become build 7 and the
    // install line's "*_007" would match nothing.
    if (build.size() > 1 && build.startsWith(u'0'))
        return Text::tr("a build number cannot start with 0: conda would read '%1' as %2")
            .arg(build, withoutLeadingZeros(build));
    return {};
}

QString checkChannel(const QString &channel)
{
    return checkName(channel, isAnacondaNameCharacter, Text::tr("a channel cannot be empty"),
                     Text::tr("%1 is not allowed in a channel name (use A-Z a-z 0-9 . _ -)"));
}

QString checkLabel(const QString &label)
{
    return checkName(label, isAnacondaNameCharacter, Text::tr("a label cannot be empty"),
                     Text::tr("%1 is not allowed in a label (use A-Z a-z 0-9 . _ -)"));
}

QString checkRecipe(const QString &recipe)
{
    return checkName(recipe, isRecipeCharacter, Text::tr("a recipe name cannot be empty"),
                     Text::tr("%1 is not allowed in a recipe name (use a-z 0-9 . _ -)"));
}

QString checkSha256(const QString &sha256)
{
    if (sha256.isEmpty())
        return Text::tr("a SHA-256 checksum cannot be empty");
    if (const auto disallowed = firstDisallowed(sha256, isHexDigit))
        return Text::tr("%1 is not a hexadecimal digit (a SHA-256 checksum is 64 of 0-9 a-f)")
            .arg(detail::describeCharacter(*disallowed));
    if (sha256.size() != 64)
        return Text::tr("a SHA-256 checksum has 64 hexadecimal digits, this one has %1")
            .arg(sha256.size());
    return {};
}

QString checkCommitSha(const QString &sha)
{
    if (sha.isEmpty())
        return Text::tr("a commit id cannot be empty");
    if (const auto disallowed = firstDisallowed(sha, isHexDigit))
        return Text::tr("%1 is not a hexadecimal digit (a commit id is made of 0-9 a-f)")
            .arg(detail::describeCharacter(*disallowed));
    if (sha.size() != 40 && sha.size() != 64)
        return Text::tr(
                   "a full commit id has 40 (or, in SHA-256 repositories, 64) hexadecimal digits, "
                   "this one has %1")
            .arg(sha.size());
    return {};
}

QString checkUrl(const QString &url)
{
    if (url.isEmpty())
        return Text::tr("a URL cannot be empty");
    if (const auto blank = firstBlank(url))
        return Text::tr("a URL cannot contain %1").arg(detail::describeCharacter(*blank));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return Text::tr("this is not a valid URL");
    if (parsed.scheme().isEmpty())
        return Text::tr("the URL must start with https://");
    if (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s)
        return Text::tr("the URL must use https, not %1").arg(parsed.scheme());
    if (parsed.host().isEmpty())
        return Text::tr("the URL has no host");
    // The inputs of a run are shown to everyone who can read the recipes repo's Actions.
    if (!parsed.userInfo().isEmpty())
        return Text::tr(
            "the URL must not hold a user name or password: the run's inputs are visible to "
            "everyone who can see the recipes repository's Actions");
    if (parsed.scheme() == u"http"_s && !isLoopbackHost(parsed.host()))
        return Text::tr("plain http is allowed only to this computer (localhost, "
                        "127.x.x.x, ::1); use https for %1")
            .arg(parsed.host());
    return {};
}

QList<FieldProblem> validate(const ReleaseSpec &spec)
{
    QList<FieldProblem> problems;
    const auto note = [&problems](ReleaseField field, const QString &message) {
        if (!message.isEmpty())
            problems.append({field, message});
    };
    note(ReleaseField::Recipe, checkRecipe(spec.recipe));
    note(ReleaseField::CommitSha, checkCommitSha(spec.commitSha));
    note(ReleaseField::Url, checkUrl(spec.url));
    note(ReleaseField::Sha256, checkSha256(spec.sha256));
    note(ReleaseField::Version, checkVersion(spec.version));
    note(ReleaseField::Build, checkBuild(spec.build));
    note(ReleaseField::Channel, checkChannel(spec.channel));
    note(ReleaseField::Label, checkLabel(spec.label));
    if (spec.patch.isEmpty())
        note(ReleaseField::Patch, Text::tr("the patch cannot be empty"));
    return problems;
}

}  // namespace rc::release
