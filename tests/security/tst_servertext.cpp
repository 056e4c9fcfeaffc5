// SPDX-License-Identifier: BSD-3-Clause
// Server text made safe for a terminal or a label (printableServerText), and the forge's error
// values built from hostile server answers.

#include "forge/forgeerror.h"
#include "forge/servertext.h"

#include <QHttpHeaders>
#include <QTest>

using namespace rc::forge;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(rc::forge::LineBreaks)

class TestServerText : public QObject
{
    Q_OBJECT
private slots:
    void printable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qsizetype>("maxLength");
        QTest::addColumn<LineBreaks>("lineBreaks");
        QTest::addColumn<QString>("expected");
        const auto one = LineBreaks::ToSpace;
        const auto keep = LineBreaks::Keep;
        QTest::newRow("plain") << u"Not Found"_s << qsizetype(100) << one << u"Not Found"_s;
        QTest::newRow("clear screen")
            << u"\x1b[2J\x1b[HBad credentials"_s << qsizetype(100) << one << u"Bad credentials"_s;
        QTest::newRow("colours") << u"a\x1b[1;31mred\x1b[0m b"_s << qsizetype(100) << one
                                 << u"ared b"_s;
        QTest::newRow("OSC title, BEL")
            << u"x\x1b]0;owned\x07y"_s << qsizetype(100) << one << u"xy"_s;
        QTest::newRow("OSC 8 link, ST")
            << u"x\x1b]8;;https://evil\x1b\\y"_s << qsizetype(100) << one << u"xy"_s;
        QTest::newRow("unterminated OSC")
            << u"ok\x1b]0;and the rest"_s << qsizetype(100) << one << u"ok"_s;
        QTest::newRow("ESC c reset") << u"a\x1b"
                                        u"cb"_s
                                     << qsizetype(100) << one << u"ab"_s;
        QTest::newRow("lone ESC at end") << u"a\x1b"_s << qsizetype(100) << one << u"a"_s;
        QTest::newRow("C1 CSI") << u"a\u009b2Jb"_s << qsizetype(100) << one << u"ab"_s;
        QTest::newRow("C1 controls")
            << u"a\u0085\u0090x\u009cb"_s << qsizetype(100) << one << u"ab"_s;
        QTest::newRow("carriage return overwrite")
            << u"ok: 0 failures\rFAILED"_s << qsizetype(100) << one << u"ok: 0 failures FAILED"_s;
        QTest::newRow("CR kept as a line") << u"a\rb"_s << qsizetype(100) << keep << u"a\nb"_s;
        QTest::newRow("CRLF one line") << u"a\r\nb"_s << qsizetype(100) << keep << u"a\nb"_s;
        QTest::newRow("newline dropped") << u"a\nb"_s << qsizetype(100) << one << u"a b"_s;
        QTest::newRow("newline kept") << u"a\n\nb"_s << qsizetype(100) << keep << u"a\n\nb"_s;
        QTest::newRow("line separator") << u"a\u2028b"_s << qsizetype(100) << keep << u"a\nb"_s;
        QTest::newRow("tab") << u"a\tb"_s << qsizetype(100) << one << u"a b"_s;
        QTest::newRow("NUL and BEL") << QString(u"a\0b\x07"
                                                "c"_s)
                                     << qsizetype(100) << one << u"abc"_s;
        QTest::newRow("DEL") << u"a\x7f"
                                u"b"_s
                             << qsizetype(100) << one << u"ab"_s;
        QTest::newRow("bidi override")
            << u"invoice\u202etxt.exe"_s << qsizetype(100) << one << u"invoicetxt.exe"_s;
        QTest::newRow("bidi embeddings and isolates")
            << u"\u202a1\u202b2\u202c3\u202d4\u20665\u20676\u20687\u20698\u200e9\u200f0\u061c"_s
            << qsizetype(100) << one << u"1234567890"_s;
        QTest::newRow("lone surrogates") << QString(u"a"_s + QChar(0xd800) + u"b"_s + QChar(0xdc00))
                                         << qsizetype(100) << one << u"ab"_s;
        QTest::newRow("non-characters") << u"a\ufffeb\uffff"_s << qsizetype(100) << one << u"ab"_s;
        QTest::newRow("non-BMP kept")
            << u"ok \U0001F680"_s << qsizetype(100) << one << u"ok \U0001F680"_s;
        QTest::newRow("non-ASCII kept")
            << u"fel: åäö — ü"_s << qsizetype(100) << one << u"fel: åäö — ü"_s;
        QTest::newRow("trimmed") << u"  \n\t x \r\n "_s << qsizetype(100) << keep << u"x"_s;
        QTest::newRow("cap with ellipsis")
            << u"abcdefghij"_s << qsizetype(5) << one << u"abcd\u2026"_s;
        QTest::newRow("exactly the cap") << u"abcde"_s << qsizetype(5) << one << u"abcde"_s;
        QTest::newRow("cap never splits a pair")
            << u"abc\U0001F680\U0001F680"_s << qsizetype(5) << one << u"abc\u2026"_s;
        QTest::newRow("cap counts what is kept")
            << u"\x1b[2J\x1b[2J\x1b[2Jabc"_s << qsizetype(3) << one << u"abc"_s;
        QTest::newRow("leading blanks cannot fill the cap")
            << QString(QString(5000, u' ') + u"message"_s) << qsizetype(10) << one << u"message"_s;
        QTest::newRow("no cap") << QString(3000, u'x') << qsizetype(0) << one
                                << QString(3000, u'x');
        QTest::newRow("empty") << QString() << qsizetype(10) << one << QString();
    }
    void printable()
    {
        QFETCH(QString, text);
        QFETCH(qsizetype, maxLength);
        QFETCH(LineBreaks, lineBreaks);
        QFETCH(QString, expected);
        const QString out = printableServerText(text, maxLength, lineBreaks);
        QCOMPARE(out, expected);
        if (maxLength > 0)
            QVERIFY(out.size() <= maxLength);
        for (const QChar c : out) {
            QVERIFY2(c.unicode() >= 0x20 || c == u'\n', qPrintable(QString::number(c.unicode())));
            QVERIFY(!(c.unicode() >= 0x7f && c.unicode() <= 0x9f));
        }
    }

    // A huge hostile text is bounded by the cap, whatever it holds.
    void hugeInputIsBounded()
    {
        QString text;
        for (int i = 0; i < 100000; ++i)
            text += u"\x1b[2J\u202ex\r"_s;
        const QString out = printableServerText(text, 2000);
        QVERIFY(out.size() <= 2000);
        QVERIFY(out.endsWith(QChar(0x2026)));
        QVERIFY(!out.contains(QChar(0x1b)));
        QVERIFY(!out.contains(QChar(0x202e)));
        QVERIFY(!out.contains(u'\r'));
    }

    // What the forge copies from an error answer (message, request id, scopes) is printable.
    void errorFromHostileAnswer()
    {
        // Bytes 0x80-0xff pass HTTP's header syntax (obs-text); as Latin-1 they are C1 controls.
        QHttpHeaders headers;
        QVERIFY(headers.append("x-github-request-id",
                               "AB\x9b"
                               "2JCD"));
        QVERIFY(headers.append("x-accepted-oauth-scopes", "repo\x85"));
        const QByteArray body =
            "{\"message\":\"\\u001b[2J\\u001b]0;pwned\\u0007Bad\\r credentials\\u202e\\u0000 "
            "\\u009b1m!\"}";
        const ForgeError e = errorFromHttp(401, headers, body, QDateTime::currentDateTimeUtc());
        QCOMPARE(e.kind, ForgeError::Kind::Unauthorized);
        QCOMPARE(e.message, u"Bad\n credentials !"_s);
        QCOMPARE(e.requestId, u"ABCD"_s);
        QCOMPARE(e.acceptedScopes, u"repo"_s);
        const QString text = e.describe();
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(!text.contains(QChar(0x202e)));
        QVERIFY(!text.contains(QChar(0)));
        QCOMPARE(serverMessage(body), e.message);
    }
};

QTEST_GUILESS_MAIN(TestServerText)
#include "tst_servertext.moc"
