// SPDX-License-Identifier: BSD-3-Clause
#include "release/commitmessage.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Values = QMap<QString, QString>;

namespace {

const QString kSeedMessage =
    u"Deploy experimental package [conda-build]\n"
    " package = {\"version\": \"0.1.0.dev10\", \"build\": \"1\", \"channel\": \"robertodr\", "
    "\"label\": \"dev\"}"_s;

Values seedValues()
{
    return {{u"version"_s, u"0.1.0.dev10"_s},
            {u"build"_s, u"1"_s},
            {u"channel"_s, u"robertodr"_s},
            {u"label"_s, u"dev"_s}};
}

// Each expected fragment must be in the warning at the same position, and there must be no others.
QString warningMismatch(const QStringList &warnings, const QStringList &expectedFragments)
{
    if (warnings.size() != expectedFragments.size())
        return u"expected %1 warnings, got %2: %3"_s.arg(expectedFragments.size())
            .arg(warnings.size())
            .arg(warnings.join(u" | "_s));
    for (qsizetype i = 0; i < warnings.size(); ++i) {
        if (!warnings[i].contains(expectedFragments[i]))
            return u"warning %1 is \"%2\", expected it to contain \"%3\""_s.arg(i).arg(
                warnings[i], expectedFragments[i]);
    }
    return {};
}

}  // namespace

class TestCommitMessage : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void knownKeys();
    void warningsCarryNoControlCharacters();
};

void TestCommitMessage::parse_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("titleRequestsBuild");
    QTest::addColumn<bool>("hasPackageBlock");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QStringList>("warnings");

    const QString title = u"Release [conda-build]\n\n"_s;
    const auto block = [&title](const QString &entries) {
        return title + u"package = {"_s + entries + u'}';
    };

    QTest::newRow("seed example") << kSeedMessage << true << true << seedValues() << QStringList();
    QTest::newRow("single-quoted Python form") << title +
            u"package = {'version': '0.1.0.dev10', 'build': '1', 'channel': 'robertodr', "
            "'label': 'dev'}"_s << true << true << seedValues()
                                               << QStringList();
    QTest::newRow("mixed quotes")
        << block(u"'version': \"0.1.0.dev10\", \"build\": '1', 'channel': 'robertodr', "
                 "\"label\": \"dev\""_s)
        << true << true << seedValues() << QStringList();
    QTest::newRow("CRLF message") << QString(kSeedMessage).replace(u"\n"_s, u"\r\n"_s) << true
                                  << true << seedValues() << QStringList();
    QTest::newRow("CRLF inside the block")
        << u"Release [conda-build]\r\n\r\npackage = {\r\n  \"version\": \"0.1.0.dev10\",\r\n"
           "  \"build\": \"1\",\r\n  \"channel\": \"robertodr\",\r\n  \"label\": \"dev\"\r\n}\r\n"_s
        << true << true << seedValues() << QStringList();
    QTest::newRow("block over several lines with tabs")
        << title +
            u"Some text first.\n\npackage\n  =\n {\n\t\"version\" :\t\"0.1.0.dev10\"\n,"
            "\"build\"\n:\n\"1\", \"channel\": \"robertodr\",\n \"label\": \"dev\"\n}\n"_s
        << true << true << seedValues() << QStringList();
    QTest::newRow("no spaces") << block(u"\"version\":\"2\",\"build\":\"3\""_s) << true << true
                               << Values {{u"version"_s, u"2"_s}, {u"build"_s, u"3"_s}}
                               << QStringList();
    QTest::newRow("title tag in upper case")
        << u"Release [CONDA-BUILD]\n\npackage = {\"version\": \"1\"}"_s << true << true
        << Values {{u"version"_s, u"1"_s}} << QStringList();
    QTest::newRow("title tag in mixed case anywhere")
        << u"[Conda-Build] release\n\npackage = {\"version\": \"1\"}"_s << true << true
        << Values {{u"version"_s, u"1"_s}} << QStringList();
    QTest::newRow("blank lines before the title")
        << u"\n  \nRelease [conda-build]\n\npackage = {\"version\": \"1\"}"_s << true << true
        << Values {{u"version"_s, u"1"_s}} << QStringList();
    QTest::newRow("trailing comma") << block(u"\"version\": \"1\","_s) << true << true
                                    << Values {{u"version"_s, u"1"_s}} << QStringList();
    QTest::newRow("empty block") << block(QString()) << true << true << Values() << QStringList();

    QTest::newRow("text after the closing brace is ignored")
        << title + u"package = {\"version\": \"1\"} and then \"build\": \"2\"}"_s << true << true
        << Values {{u"version"_s, u"1"_s}} << QStringList();
    QTest::newRow("braces inside quoted values do not end the block")
        << block(u"\"label\": \"a}b{\", \"build\": \"1\", \"channel\": '}'"_s) << true << true
        << Values {{u"label"_s, u"a}b{"_s}, {u"build"_s, u"1"_s}, {u"channel"_s, u"}"_s}}
        << QStringList();
    QTest::newRow("escaped quotes inside values")
        << block(u"\"label\": \"a\\\"b\", 'channel': 'it\\'s'"_s) << true << true
        << Values {{u"label"_s, u"a\"b"_s}, {u"channel"_s, u"it's"_s}} << QStringList();
    QTest::newRow("other quote kind inside a value")
        << block(u"\"label\": \"it's\", 'channel': 'say \"hi\"'"_s) << true << true
        << Values {{u"label"_s, u"it's"_s}, {u"channel"_s, u"say \"hi\""_s}} << QStringList();
    QTest::newRow("JSON unicode escape") << block(u"\"label\": \"d\\u00e9v\""_s) << true << true
                                         << Values {{u"label"_s, u"dév"_s}} << QStringList();
    // toUShort(…, 16) alone also takes a sign, a 0x prefix and blanks: none is a JSON escape.
    QTest::newRow("\\u needs four hex digits: sign")
        << block(u"\"label\": \"\\u+041\""_s) << true << true << Values {{u"label"_s, u"\\u+041"_s}}
        << QStringList();
    QTest::newRow("\\u needs four hex digits: 0x prefix")
        << block(u"\"label\": \"\\u0x41\""_s) << true << true << Values {{u"label"_s, u"\\u0x41"_s}}
        << QStringList();
    QTest::newRow("\\u needs four hex digits: blanks")
        << block(u"\"label\": \"\\u 41 \""_s) << true << true << Values {{u"label"_s, u"\\u 41 "_s}}
        << QStringList();
    QTest::newRow("unicode values are taken as written")
        << block(u"\"label\": \"dév\", \"version\": \"1.0\U0001F600\""_s) << true << true
        << Values {{u"label"_s, u"dév"_s}, {u"version"_s, u"1.0\U0001F600"_s}} << QStringList();
    QTest::newRow("empty and blank values are taken")
        << block(u"\"label\": \"\", \"channel\": \" \""_s) << true << true
        << Values {{u"label"_s, QString()}, {u"channel"_s, u" "_s}} << QStringList();

    QTest::newRow("unquoted number is reported, not taken")
        << block(u"\"version\": \"1\", \"build\": 1"_s) << true << true
        << Values {{u"version"_s, u"1"_s}}
        << QStringList {
               u"the value of 'build' must be quoted, as in \"build\": \"1\"; '1' was not used"_s};
    QTest::newRow("unquoted word, true and null")
        << block(u"'channel': robertodr, 'label': null, 'build': true"_s) << true << true
        << Values()
        << QStringList {u"value of 'channel' must be quoted"_s,
                        u"value of 'label' must be quoted"_s, u"value of 'build' must be quoted"_s};
    QTest::newRow("object value")
        << block(u"\"version\": {\"a\": \"}\"}, \"build\": \"2\""_s) << true << true
        << Values {{u"build"_s, u"2"_s}}
        << QStringList {u"the value of 'version' must be a quoted string, not a list or object"_s};
    QTest::newRow("list value") << block(u"\"label\": [\"dev\", \"main\"], \"build\": \"2\""_s)
                                << true << true << Values {{u"build"_s, u"2"_s}}
                                << QStringList {u"value of 'label' must be a quoted string"_s};
    QTest::newRow("unknown key with a suggestion")
        << block(u"\"lable\": \"dev\", \"build\": \"1\""_s) << true << true
        << Values {{u"build"_s, u"1"_s}}
        << QStringList {u"unknown key 'lable' was ignored (did you mean 'label'?)"_s};
    QTest::newRow("key in the wrong case")
        << block(u"\"Version\": \"1\""_s) << true << true << Values()
        << QStringList {u"unknown key 'Version' was ignored (did you mean 'version'?)"_s};
    QTest::newRow("unknown key without a suggestion")
        << block(u"\"recipe\": \"pb11mpi\""_s) << true << true << Values()
        << QStringList {u"unknown key 'recipe' was ignored (the known keys are version, build, "
                        "channel, label)"_s};
    QTest::newRow("duplicate key keeps the first")
        << block(u"\"version\": \"1\", \"version\": \"2\""_s) << true << true
        << Values {{u"version"_s, u"1"_s}}
        << QStringList {u"'version' is given more than once; only the first is used"_s};
    QTest::newRow("unquoted key")
        << block(u"version: \"1\", \"build\": \"2\""_s) << true << true
        << Values {{u"build"_s, u"2"_s}}
        << QStringList {u"the key 'version' must be in quotes, as in \"version\""_s};
    QTest::newRow("missing colon") << block(u"\"version\" \"1\", \"build\": \"2\""_s) << true
                                   << true << Values {{u"build"_s, u"2"_s}}
                                   << QStringList {u"a ':' is missing after the key 'version'"_s};
    QTest::newRow("equals instead of colon")
        << block(u"\"version\" = \"1\", \"build\": \"2\""_s) << true << true
        << Values {{u"build"_s, u"2"_s}}
        << QStringList {u"a ':' is missing after the key 'version'"_s};
    QTest::newRow("missing value")
        << block(u"\"version\": , \"build\": \"2\""_s) << true << true
        << Values {{u"build"_s, u"2"_s}} << QStringList {u"'version' has no value"_s};
    QTest::newRow("missing comma")
        << block(u"\"version\": \"1\" \"build\": \"2\""_s) << true << true
        << Values {{u"version"_s, u"1"_s}, {u"build"_s, u"2"_s}}
        << QStringList {u"a ',' is missing after the value of 'version'"_s};
    QTest::newRow("value without closing quote costs only its entry")
        << block(u"\n\"version\": \"1.0,\n\"build\": \"2\",\n\"label\": \"dev\"\n"_s) << true
        << true << Values {{u"label"_s, u"dev"_s}}
        << QStringList {u"the value of 'version' has no closing quote on its line"_s};
    QTest::newRow("typographic quotes")
        << block(u"\u201Cversion\u201D: \u201C1\u201D, \"build\": \"2\""_s) << true << true
        << Values {{u"build"_s, u"2"_s}}
        << QStringList {
               u"'\u201C' is a typographic quote; the package block needs straight quotes"_s};
    QTest::newRow("garbage after a value")
        << block(u"\"version\": \"1\" ; \"build\": \"2\", \"label\": \"dev\""_s) << true << true
        << Values {{u"version"_s, u"1"_s}, {u"label"_s, u"dev"_s}}
        << QStringList {u"unexpected ';' after the value of 'version'; it was ignored"_s};

    QTest::newRow("missing closing brace keeps what was read")
        << title + u"package = {\"version\": \"1\", \"build\": \"2\"\n"_s << true << true
        << Values {{u"version"_s, u"1"_s}, {u"build"_s, u"2"_s}}
        << QStringList {u"the package block has no closing '}'"_s};
    QTest::newRow("closing brace only inside a string")
        << title + u"package = {\"version\": \"1}\""_s << true << true
        << Values {{u"version"_s, u"1}"_s}}
        << QStringList {u"the package block has no closing '}'"_s};
    QTest::newRow("package block without [conda-build]")
        << u"Just a commit\n\npackage = {\"version\": \"1\"}"_s << false << true
        << Values {{u"version"_s, u"1"_s}}
        << QStringList {u"the body has a package block but the title lacks [conda-build]"_s};
    QTest::newRow("[conda-build] without package block")
        << u"Release [conda-build]\n\nNothing else."_s << true << false << Values()
        << QStringList {u"the title has [conda-build] but the body has no package = {...} block"_s};
    QTest::newRow("[conda-build] and nothing else")
        << u"[conda-build]"_s << true << false << Values()
        << QStringList {u"the body has no package"_s};
    QTest::newRow("package block only in the title")
        << u"Release [conda-build] package = {\"version\": \"1\"}"_s << true << false << Values()
        << QStringList {u"the package block is in the title; it must be in the body"_s};
    QTest::newRow("second package block")
        << block(u"\"version\": \"1\""_s) + u"\npackage = {\"version\": \"2\"}"_s << true << true
        << Values {{u"version"_s, u"1"_s}}
        << QStringList {u"only the first package block is read; a later one was ignored"_s};
    QTest::newRow("a longer name is not the block")
        << u"Release\n\nmypackage = {\"version\": \"1\"}"_s << false << false << Values()
        << QStringList();
    QTest::newRow("similar tag does not count")
        << u"Release [conda build]\n\nbody"_s << false << false << Values() << QStringList();
    QTest::newRow("ordinary commit")
        << u"Fix a typo\n\nIn the docs."_s << false << false << Values() << QStringList();
    QTest::newRow("empty message") << QString() << false << false << Values() << QStringList();
    QTest::newRow("long body before the block")
        << title + QString(100000, u'x') + u"\npackage = {\"build\": \"5\"}"_s << true << true
        << Values {{u"build"_s, u"5"_s}} << QStringList();
    QTest::newRow("huge unquoted value is quoted short in the warning")
        << block(u"\"build\": "_s + QString(5000, u'9')) << true << true << Values()
        << QStringList {u"; '9999999999999999999999999999999999999999…' was not used"_s};

    QString manyMistakes;
    for (int i = 0; i < 200; ++i)
        manyMistakes += u"bare%1: 1, "_s.arg(i);
    QStringList firstTwelve(12, u"must be in quotes"_s);
    QTest::newRow("hundreds of mistakes: the first twelve, then a count")
        << block(manyMistakes) << true << true << Values()
        << (firstTwelve << u"and 188 more in the package block, not listed"_s);
    QTest::newRow("a message of megabytes is read up to its cap")
        << title + QString(2 * 1024 * 1024, u'x') + u"\npackage = {\"build\": \"5\"}"_s << true
        << false << Values()
        << QStringList {u"only its beginning was read"_s, u"the body has no package"_s};
}

void TestCommitMessage::parse()
{
    QFETCH(QString, message);
    QFETCH(bool, titleRequestsBuild);
    QFETCH(bool, hasPackageBlock);
    QFETCH(Values, values);
    QFETCH(QStringList, warnings);

    const rc::release::CommitMessageParse parse = rc::release::parseCommitMessage(message);
    QCOMPARE(parse.titleRequestsBuild, titleRequestsBuild);
    QCOMPARE(parse.hasPackageBlock, hasPackageBlock);
    QCOMPARE(parse.values, values);
    const QString mismatch = warningMismatch(parse.warnings, warnings);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        QCOMPARE(parse.value(it.key()), it.value());
}

void TestCommitMessage::knownKeys()
{
    QCOMPARE(rc::release::knownPackageKeys(),
             (QStringList {u"version"_s, u"build"_s, u"channel"_s, u"label"_s}));
}

void TestCommitMessage::warningsCarryNoControlCharacters()
{
    // Escape sequences and bidi overrides in every place a warning quotes from.
    const QString hostile = u"\u001b[2J\u202e\r\u0007"_s;
    const QString message = u"Release [conda-build]\n\npackage = {\"build\": 5"_s + hostile +
        u", \"ver"_s + hostile + u"sion\": \"1\", "_s + hostile + u": 1, \"label\": ["_s + hostile +
        u"]}"_s;
    const rc::release::CommitMessageParse parse = rc::release::parseCommitMessage(message);
    QVERIFY(!parse.warnings.isEmpty());
    for (const QString &warning : parse.warnings) {
        for (const QChar character : warning) {
            QVERIFY2(
                character.category() != QChar::Other_Control &&
                    character.category() != QChar::Other_Format,
                qPrintable(u"U+%1 in: "_s.arg(uint(character.unicode()), 4, 16, QLatin1Char('0')) +
                           warning.toHtmlEscaped()));
        }
    }
}

QTEST_GUILESS_MAIN(TestCommitMessage)
#include "tst_commitmessage.moc"
