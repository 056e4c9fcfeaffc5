// SPDX-License-Identifier: BSD-3-Clause
#include "release/releasespec.h"
#include "release/validation.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using rc::release::ReleaseField;

Q_DECLARE_METATYPE(rc::release::ReleaseField)

namespace {

rc::release::ReleaseSpec validSpec()
{
    rc::release::ReleaseSpec spec;
    spec.recipe = u"pb11mpi"_s;
    spec.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    spec.url = u"https://gitlab.com/api/v4/projects/42/jobs/7/artifacts/pb11mpi.tar.bz2"_s;
    spec.sha256 = QString(64, u'a');
    spec.version = u"0.1.0.dev10"_s;
    spec.build = u"1"_s;
    spec.channel = u"robertodr"_s;
    spec.label = u"dev"_s;
    spec.patch = u"diff --git a/x b/x\n"_s;
    return spec;
}

QStringList fieldNames(const QList<rc::release::FieldProblem> &problems)
{
    QStringList names;
    for (const rc::release::FieldProblem &problem : problems)
        names.append(rc::release::fieldName(problem.field));
    return names;
}

}  // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void version_data();
    void version();
    void build_data();
    void build();
    void anacondaName_data();
    void anacondaName();
    void recipe_data();
    void recipe();
    void sha256_data();
    void sha256();
    void commitSha_data();
    void commitSha();
    void url_data();
    void url();
    void validate_data();
    void validate();
    void fieldName_data();
    void fieldName();
    void installLine_data();
    void installLine();
};

void TestValidation::version_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("problem");

    const QString notAllowed = u"%1 is not allowed in a conda version (use 0-9 a-z . _ + ! *)"_s;
    QTest::newRow("seed dev version") << u"0.1.0.dev10"_s << QString();
    QTest::newRow("plain") << u"1.2.3"_s << QString();
    QTest::newRow("upper case is lower-cased") << u"1.0.DEV1"_s << QString();
    QTest::newRow("epoch") << u"1!2.0"_s << QString();
    QTest::newRow("local version") << u"1.0+local.2"_s << QString();
    QTest::newRow("underscore and star") << u"1_2.*"_s << QString();
    QTest::newRow("single digit") << u"7"_s << QString();
    QTest::newRow("huge but valid") << QString(10000, u'1') << QString();
    QTest::newRow("empty") << QString() << u"a conda version cannot be empty"_s;
    QTest::newRow("dash") << u"1.0-1"_s << u"conda versions cannot contain '-'"_s;
    QTest::newRow("dash before other bad character")
        << u"1-ä"_s << u"conda versions cannot contain '-'"_s;
    QTest::newRow("leading dot") << u".1"_s << u"a conda version cannot start with '.'"_s;
    QTest::newRow("trailing dot") << u"1."_s << u"a conda version cannot end with '.'"_s;
    QTest::newRow("only a dot") << u"."_s << u"a conda version cannot start with '.'"_s;
    QTest::newRow("two dots") << u"1..2"_s << u"a conda version cannot have two dots in a row"_s;
    QTest::newRow("umlaut") << u"1.0ä"_s << notAllowed.arg(u"'ä'"_s);
    QTest::newRow("upper-case umlaut") << u"1.0Ä"_s << notAllowed.arg(u"'Ä'"_s);
    QTest::newRow("Kelvin sign lower-cases to k but is not ASCII")
        << u"1.0\u212A"_s << notAllowed.arg(u"'\u212A'"_s);
    QTest::newRow("full-width digit") << u"\uFF11.0"_s << notAllowed.arg(u"'\uFF11'"_s);
    QTest::newRow("emoji outside the BMP")
        << u"1.0\U0001F600"_s << notAllowed.arg(u"'\U0001F600'"_s);
    QTest::newRow("space") << u"1.0 "_s << notAllowed.arg(u"a space"_s);
    QTest::newRow("leading space") << u" 1.0"_s << notAllowed.arg(u"a space"_s);
    QTest::newRow("tab") << u"1.0\t"_s << notAllowed.arg(u"a tab"_s);
    QTest::newRow("line break") << u"1.0\n"_s << notAllowed.arg(u"a line break"_s);
    QTest::newRow("zero-width space") << u"1\u200B0"_s << notAllowed.arg(u"the character U+200B"_s);
    QTest::newRow("no-break space") << u"1\u00A00"_s << notAllowed.arg(u"the character U+00A0"_s);
    QTest::newRow("equals") << u"1=0"_s << notAllowed.arg(u"'='"_s);
    QTest::newRow("huge with bad last character")
        << QString(10000, u'1') + u'/' << notAllowed.arg(u"'/'"_s);
    QTest::newRow("two epochs") << u"1!2!3"_s
                                << u"a conda version has at most one '!' (the epoch separator)"_s;
    QTest::newRow("epoch not a number")
        << u"a!1.0"_s << u"the epoch before '!' must be a whole number, as in 1!2.0"_s;
    QTest::newRow("empty epoch") << u"!1.0"_s
                                 << u"'!' and '+' need a part on both sides in a conda version"_s;
    QTest::newRow("empty local version")
        << u"1.0+"_s << u"'!' and '+' need a part on both sides in a conda version"_s;
    QTest::newRow("two local separators")
        << u"1+a+b"_s << u"a conda version has at most one '+' (the local version separator)"_s;
}

void TestValidation::version()
{
    QFETCH(QString, version);
    QFETCH(QString, problem);
    QCOMPARE(rc::release::checkVersion(version), problem);
}

void TestValidation::build_data()
{
    QTest::addColumn<QString>("build");
    QTest::addColumn<QString>("problem");

    const QString notAllowed = u"%1 is not allowed in a build number (use the digits 0-9)"_s;
    QTest::newRow("zero") << u"0"_s << QString();
    QTest::newRow("one") << u"1"_s << QString();
    QTest::newRow("forty-two") << u"42"_s << QString();
    QTest::newRow("huge") << u"123456789012345678901234567890"_s << QString();
    QTest::newRow("empty") << QString() << u"a build number cannot be empty"_s;
    QTest::newRow("negative") << u"-1"_s << u"a build number cannot be negative"_s;
    QTest::newRow("lone minus") << u"-"_s << notAllowed.arg(u"'-'"_s);
    QTest::newRow("plus sign") << u"+1"_s << notAllowed.arg(u"'+'"_s);
    QTest::newRow("decimal") << u"1.0"_s << notAllowed.arg(u"'.'"_s);
    QTest::newRow("leading space") << u" 1"_s << notAllowed.arg(u"a space"_s);
    QTest::newRow("trailing line break") << u"1\n"_s << notAllowed.arg(u"a line break"_s);
    QTest::newRow("letters") << u"abc"_s << notAllowed.arg(u"'a'"_s);
    QTest::newRow("Arabic-Indic digit") << u"\u0663"_s << notAllowed.arg(u"'\u0663'"_s);
    QTest::newRow("full-width digit") << u"\uFF11"_s << notAllowed.arg(u"'\uFF11'"_s);
    QTest::newRow("leading zero")
        << u"007"_s << u"a build number cannot start with 0: conda would read '007' as 7"_s;
    QTest::newRow("all zeros")
        << u"00"_s << u"a build number cannot start with 0: conda would read '00' as 0"_s;
}

void TestValidation::build()
{
    QFETCH(QString, build);
    QFETCH(QString, problem);
    QCOMPARE(rc::release::checkBuild(build), problem);
}

void TestValidation::anacondaName_data()
{
    QTest::addColumn<rc::release::ReleaseField>("field");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");

    const QString channelNotAllowed =
        u"%1 is not allowed in a channel name (use A-Z a-z 0-9 . _ -)"_s;
    const QString labelNotAllowed = u"%1 is not allowed in a label (use A-Z a-z 0-9 . _ -)"_s;
    QTest::newRow("channel") << rc::release::ReleaseField::Channel << u"robertodr"_s << QString();
    QTest::newRow("channel with every allowed kind")
        << rc::release::ReleaseField::Channel << u"Vlx_2.x-y"_s << QString();
    QTest::newRow("channel empty")
        << rc::release::ReleaseField::Channel << QString() << u"a channel cannot be empty"_s;
    QTest::newRow("channel slash") << rc::release::ReleaseField::Channel << u"a/label/dev"_s
                                   << channelNotAllowed.arg(u"'/'"_s);
    QTest::newRow("channel space") << rc::release::ReleaseField::Channel << u"my channel"_s
                                   << channelNotAllowed.arg(u"a space"_s);
    QTest::newRow("channel accent")
        << rc::release::ReleaseField::Channel << u"dév"_s << channelNotAllowed.arg(u"'é'"_s);
    QTest::newRow("label") << rc::release::ReleaseField::Label << u"dev"_s << QString();
    QTest::newRow("label upper case") << rc::release::ReleaseField::Label << u"RC-1"_s << QString();
    QTest::newRow("label empty") << rc::release::ReleaseField::Label << QString()
                                 << u"a label cannot be empty"_s;
    QTest::newRow("label colon") << rc::release::ReleaseField::Label << u"dev:1"_s
                                 << labelNotAllowed.arg(u"':'"_s);
    QTest::newRow("label trailing space")
        << rc::release::ReleaseField::Label << u"dev "_s << labelNotAllowed.arg(u"a space"_s);
}

void TestValidation::anacondaName()
{
    QFETCH(rc::release::ReleaseField, field);
    QFETCH(QString, name);
    QFETCH(QString, problem);
    const QString actual = field == rc::release::ReleaseField::Channel
        ? rc::release::checkChannel(name)
        : rc::release::checkLabel(name);
    QCOMPARE(actual, problem);
}

void TestValidation::recipe_data()
{
    QTest::addColumn<QString>("recipe");
    QTest::addColumn<QString>("problem");

    const QString notAllowed = u"%1 is not allowed in a recipe name (use a-z 0-9 . _ -)"_s;
    QTest::newRow("pb11mpi") << u"pb11mpi"_s << QString();
    QTest::newRow("veloxchem") << u"veloxchem"_s << QString();
    QTest::newRow("every allowed kind") << u"vlx-py3.12_x"_s << QString();
    QTest::newRow("empty") << QString() << u"a recipe name cannot be empty"_s;
    QTest::newRow("upper case") << u"VeloxChem"_s << notAllowed.arg(u"'V'"_s);
    QTest::newRow("space") << u"my recipe"_s << notAllowed.arg(u"a space"_s);
    QTest::newRow("path") << u"../x"_s << notAllowed.arg(u"'/'"_s);
    QTest::newRow("unicode") << u"vlxé"_s << notAllowed.arg(u"'é'"_s);
}

void TestValidation::recipe()
{
    QFETCH(QString, recipe);
    QFETCH(QString, problem);
    QCOMPARE(rc::release::checkRecipe(recipe), problem);
}

void TestValidation::sha256_data()
{
    QTest::addColumn<QString>("sha256");
    QTest::addColumn<QString>("problem");

    const QString notHex = u"%1 is not a hexadecimal digit (a SHA-256 checksum is 64 of 0-9 a-f)"_s;
    const QString length = u"a SHA-256 checksum has 64 hexadecimal digits, this one has %1"_s;
    const QString valid = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;
    QTest::newRow("lower case") << valid << QString();
    QTest::newRow("upper case") << valid.toUpper() << QString();
    QTest::newRow("empty") << QString() << u"a SHA-256 checksum cannot be empty"_s;
    QTest::newRow("63 digits") << valid.chopped(1) << length.arg(63);
    QTest::newRow("65 digits") << valid + u'0' << length.arg(65);
    QTest::newRow("40 digits of a commit") << valid.left(40) << length.arg(40);
    QTest::newRow("letter g") << valid.left(63) + u'g' << notHex.arg(u"'g'"_s);
    QTest::newRow("with the file name") << valid + u"  x.tar.bz2"_s << notHex.arg(u"a space"_s);
    QTest::newRow("full-width digit") << valid.left(63) + u'\uFF10' << notHex.arg(u"'\uFF10'"_s);
}

void TestValidation::sha256()
{
    QFETCH(QString, sha256);
    QFETCH(QString, problem);
    QCOMPARE(rc::release::checkSha256(sha256), problem);
}

void TestValidation::commitSha_data()
{
    QTest::addColumn<QString>("sha");
    QTest::addColumn<QString>("problem");

    const QString length = u"a full commit id has 40 (or, in SHA-256 repositories, 64) hexadecimal "
                           "digits, this one has %1"_s;
    const QString sha1 = u"0123456789abcdef0123456789abcdef01234567"_s;
    QTest::newRow("SHA-1") << sha1 << QString();
    QTest::newRow("SHA-256") << sha1 + sha1.left(24) << QString();
    QTest::newRow("upper case") << sha1.toUpper() << QString();
    QTest::newRow("empty") << QString() << u"a commit id cannot be empty"_s;
    QTest::newRow("abbreviated") << sha1.left(7) << length.arg(7);
    QTest::newRow("41 digits") << sha1 + u'0' << length.arg(41);
    QTest::newRow("branch name")
        << u"main"_s << u"'m' is not a hexadecimal digit (a commit id is made of 0-9 a-f)"_s;
}

void TestValidation::commitSha()
{
    QFETCH(QString, sha);
    QFETCH(QString, problem);
    QCOMPARE(rc::release::checkCommitSha(sha), problem);
}

void TestValidation::url_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("problem");

    const QString httpOnlyLocal = u"plain http is allowed only to this computer (localhost, "
                                  "127.x.x.x, ::1); use https for %1"_s;
    QTest::newRow("GitLab job artifact")
        << u"https://gitlab.com/api/v4/projects/42/jobs/7/artifacts/pb11mpi.tar.bz2"_s << QString();
    QTest::newRow("self-hosted with port")
        << u"https://git.example.org:8443/a.tar.bz2"_s << QString();
    QTest::newRow("upper-case scheme and host") << u"HTTPS://GitLab.com/x"_s << QString();
    QTest::newRow("http localhost") << u"http://localhost:8080/x.tar.bz2"_s << QString();
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST/x"_s << QString();
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:9000/x"_s << QString();
    QTest::newRow("http 127.255.255.254") << u"http://127.255.255.254/x"_s << QString();
    QTest::newRow("http ::1") << u"http://[::1]:9000/x"_s << QString();
    QTest::newRow("http ::1 long form") << u"http://[0:0:0:0:0:0:0:1]/x"_s << QString();
    QTest::newRow("empty") << QString() << u"a URL cannot be empty"_s;
    QTest::newRow("http remote") << u"http://gitlab.com/x"_s << httpOnlyLocal.arg(u"gitlab.com"_s);
    QTest::newRow("http localhost as a subdomain")
        << u"http://localhost.example.com/x"_s << httpOnlyLocal.arg(u"localhost.example.com"_s);
    QTest::newRow("http 127.0.0.1 as a subdomain")
        << u"http://127.0.0.1.nip.io/x"_s << httpOnlyLocal.arg(u"127.0.0.1.nip.io"_s);
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1/x"_s << httpOnlyLocal.arg(u"128.0.0.1"_s);
    QTest::newRow("http 0.0.0.0") << u"http://0.0.0.0/x"_s << httpOnlyLocal.arg(u"0.0.0.0"_s);
    QTest::newRow("http 127.0.0.256")
        << u"http://127.0.0.256/x"_s << httpOnlyLocal.arg(u"127.0.0.256"_s);
    QTest::newRow("http ::2") << u"http://[::2]/x"_s << httpOnlyLocal.arg(u"::2"_s);
    QTest::newRow("ftp") << u"ftp://example.org/x"_s << u"the URL must use https, not ftp"_s;
    QTest::newRow("file") << u"file:///tmp/x.tar.bz2"_s << u"the URL must use https, not file"_s;
    QTest::newRow("no scheme") << u"gitlab.com/x"_s << u"the URL must start with https://"_s;
    QTest::newRow("no host") << u"https:///path"_s << u"the URL has no host"_s;
    QTest::newRow("only a scheme") << u"https://"_s << u"the URL has no host"_s;
    QTest::newRow("space") << u"https://h/a b"_s << u"a URL cannot contain a space"_s;
    QTest::newRow("trailing line break")
        << u"https://h/a\n"_s << u"a URL cannot contain a line break"_s;
    QTest::newRow("invalid host") << u"https://exa[mple.com/"_s << u"this is not a valid URL"_s;
    QTest::newRow("token in the URL")
        << u"https://oauth2:glpat-secret@gitlab.com/x"_s
        << u"the URL must not hold a user name or password: the run's inputs are visible to "
           "everyone who can see the recipes repository's Actions"_s;
}

void TestValidation::url()
{
    QFETCH(QString, url);
    QFETCH(QString, problem);
    QCOMPARE(rc::release::checkUrl(url), problem);
}

void TestValidation::validate_data()
{
    QTest::addColumn<rc::release::ReleaseSpec>("spec");
    QTest::addColumn<QStringList>("fieldsWithProblems");

    QTest::newRow("valid") << validSpec() << QStringList();
    rc::release::ReleaseSpec empty;
    QTest::newRow("everything empty, in field order")
        << empty << QStringList {u"recipe"_s, u"commit"_s,  u"url"_s,   u"sha256"_s, u"version"_s,
                                 u"build"_s,  u"channel"_s, u"label"_s, u"patch"_s};
    rc::release::ReleaseSpec twoBad = validSpec();
    twoBad.label = u"dev label"_s;
    twoBad.version = u"1.0-1"_s;
    QTest::newRow("version and label") << twoBad << QStringList {u"version"_s, u"label"_s};
    rc::release::ReleaseSpec badPatch = validSpec();
    badPatch.patch.clear();
    QTest::newRow("empty patch") << badPatch << QStringList {u"patch"_s};
    rc::release::ReleaseSpec lintOnlyPatch = validSpec();
    lintOnlyPatch.patch = u"it's 100%"_s;
    QTest::newRow("patch content is lint's business") << lintOnlyPatch << QStringList();
}

void TestValidation::validate()
{
    QFETCH(rc::release::ReleaseSpec, spec);
    QFETCH(QStringList, fieldsWithProblems);
    const QList<rc::release::FieldProblem> problems = rc::release::validate(spec);
    QCOMPARE(fieldNames(problems), fieldsWithProblems);
    for (const rc::release::FieldProblem &problem : problems)
        QVERIFY2(!problem.message.isEmpty(), qPrintable(rc::release::fieldName(problem.field)));
}

void TestValidation::fieldName_data()
{
    QTest::addColumn<rc::release::ReleaseField>("field");
    QTest::addColumn<QString>("name");

    QTest::newRow("recipe") << rc::release::ReleaseField::Recipe << u"recipe"_s;
    QTest::newRow("commit") << rc::release::ReleaseField::CommitSha << u"commit"_s;
    QTest::newRow("url") << rc::release::ReleaseField::Url << u"url"_s;
    QTest::newRow("sha256") << rc::release::ReleaseField::Sha256 << u"sha256"_s;
    QTest::newRow("version") << rc::release::ReleaseField::Version << u"version"_s;
    QTest::newRow("build") << rc::release::ReleaseField::Build << u"build"_s;
    QTest::newRow("channel") << rc::release::ReleaseField::Channel << u"channel"_s;
    QTest::newRow("label") << rc::release::ReleaseField::Label << u"label"_s;
    QTest::newRow("patch") << rc::release::ReleaseField::Patch << u"patch"_s;
}

void TestValidation::fieldName()
{
    QFETCH(rc::release::ReleaseField, field);
    QFETCH(QString, name);
    QCOMPARE(rc::release::fieldName(field), name);
}

void TestValidation::installLine_data()
{
    QTest::addColumn<rc::release::ReleaseSpec>("spec");
    QTest::addColumn<QString>("line");

    QTest::newRow("seed release")
        << validSpec()
        << u"conda install pb11mpi=0.1.0.dev10=*_1 -c robertodr/label/dev -c conda-forge"_s;
    rc::release::ReleaseSpec main = validSpec();
    main.recipe = u"veloxchem"_s;
    main.version = u"1.0"_s;
    main.build = u"12"_s;
    main.channel = u"veloxchem"_s;
    main.label = u"main"_s;
    QTest::newRow("main label")
        << main << u"conda install veloxchem=1.0=*_12 -c veloxchem/label/main -c conda-forge"_s;
}

void TestValidation::installLine()
{
    QFETCH(rc::release::ReleaseSpec, spec);
    QFETCH(QString, line);
    QCOMPARE(rc::release::installLine(spec), line);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
