// SPDX-License-Identifier: BSD-3-Clause
#include "release/payload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

rc::release::ReleaseSpec sampleSpec()
{
    rc::release::ReleaseSpec spec;
    spec.recipe = u"pb11mpi"_s;
    spec.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    spec.url = u"https://gitlab.com/a.tar.bz2"_s;
    spec.sha256 = QString(64, u'a');
    spec.version = u"0.1.0.dev10"_s;
    spec.build = u"1"_s;
    spec.channel = u"robertodr"_s;
    spec.label = u"dev"_s;
    spec.patch = u"diff\n"_s;
    return spec;
}

const QByteArray kSampleFields =
    "\"build\":\"1\",\"channel\":\"robertodr\",\"label\":\"dev\",\"patch\":\"diff\\n\","
    "\"recipe\":\"pb11mpi\",\"sha256\":\"" +
    QByteArray(64, 'a') +
    "\","
    "\"url\":\"https://gitlab.com/a.tar.bz2\",\"version\":\"0.1.0.dev10\"";

// The characters of {"build":"","channel":"",...,"version":""} with every value empty: braces,
// 7 commas, the 8 quoted keys, their colons and the values' quotes.
constexpr qsizetype kEmptyFieldsCharacters =
    2 + 7 + (5 + 7 + 5 + 5 + 6 + 6 + 3 + 7) + 8 * (2 + 1 + 2);

// The measured size of sampleSpec() without its patch, counted from the spec itself.
qsizetype sampleSizeWithoutPatch()
{
    const rc::release::ReleaseSpec spec = sampleSpec();
    return kEmptyFieldsCharacters + spec.recipe.size() + spec.url.size() + spec.sha256.size() +
        spec.version.size() + spec.build.size() + spec.channel.size() + spec.label.size();
}

rc::release::ReleaseSpec specMeasuring(qsizetype characters)
{
    rc::release::ReleaseSpec spec = sampleSpec();
    spec.patch = QString(characters - sampleSizeWithoutPatch(), u'p');
    return spec;
}

}  // namespace

class TestPayload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void workflowBody_data();
    void workflowBody();
    void repositoryBody();
    void measuredSize_data();
    void measuredSize();
    void workflowLimits_data();
    void workflowLimits();
    void repositoryLimits_data();
    void repositoryLimits();
    void prettyJson_data();
    void prettyJson();
    void prettyJsonKeepsTheDocument();
};

void TestPayload::workflowBody_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("returnRunDetails");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("with run details")
        << u"main"_s << true
        << "{\"inputs\":{" + kSampleFields + "},\"ref\":\"main\",\"return_run_details\":true}";
    QTest::newRow("without run details, for older GitHub Enterprise")
        << u"release/1.x"_s << false
        << "{\"inputs\":{" + kSampleFields + "},\"ref\":\"release/1.x\"}";
}

void TestPayload::workflowBody()
{
    QFETCH(QString, ref);
    QFETCH(bool, returnRunDetails);
    QFETCH(QByteArray, json);

    const rc::release::Payload payload =
        rc::release::buildWorkflowDispatch(sampleSpec(), ref, returnRunDetails);
    QVERIFY2(payload.ok(), qPrintable(payload.error));
    QCOMPARE(payload.json, json);
    QCOMPARE(payload.limit, rc::release::kMaxPayloadCharacters);
    QVERIFY(!payload.json.contains("0123456789abcdef"));
}

void TestPayload::repositoryBody()
{
    const rc::release::Payload payload =
        rc::release::buildRepositoryDispatch(sampleSpec(), u"conda-build"_s);
    QVERIFY2(payload.ok(), qPrintable(payload.error));
    QCOMPARE(payload.json,
             "{\"client_payload\":{" + kSampleFields + "},\"event_type\":\"conda-build\"}");
    QCOMPARE(payload.measuredSize, sampleSizeWithoutPatch() + 6);
}

void TestPayload::measuredSize_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<qsizetype>("patchCharacters");

    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ASCII") << u"abc"_s << qsizetype(3);
    QTest::newRow("line break is written \\n") << u"a\nb"_s << qsizetype(4);
    QTest::newRow("CR LF") << u"a\r\n"_s << qsizetype(5);
    QTest::newRow("double quote is escaped") << u"\""_s << qsizetype(2);
    QTest::newRow("backslash is escaped") << u"\\"_s << qsizetype(2);
    QTest::newRow("control character") << u"\u0001"_s << qsizetype(6);
    QTest::newRow("letter with diaeresis is one character") << u"ä"_s << qsizetype(1);
    QTest::newRow("character outside the BMP is one character") << u"\U0001F600"_s << qsizetype(1);
}

void TestPayload::measuredSize()
{
    QFETCH(QString, patch);
    QFETCH(qsizetype, patchCharacters);

    rc::release::ReleaseSpec spec = sampleSpec();
    spec.patch = patch;
    const qsizetype expected = sampleSizeWithoutPatch() + patchCharacters;
    QCOMPARE(rc::release::buildWorkflowDispatch(spec, u"main"_s).measuredSize, expected);
    QCOMPARE(rc::release::buildRepositoryDispatch(spec, u"conda-build"_s).measuredSize, expected);
}

void TestPayload::workflowLimits_data()
{
    QTest::addColumn<rc::release::ReleaseSpec>("spec");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("error");

    QTest::newRow("exactly at the limit") << specMeasuring(65535) << u"main"_s << QString();
    QTest::newRow("one over the limit")
        << specMeasuring(65536) << u"main"_s
        << u"the inputs are 65,536 characters; GitHub accepts at most 65,535"_s;
    QTest::newRow("well over the limit")
        << specMeasuring(70123) << u"main"_s
        << u"the inputs are 70,123 characters; GitHub accepts at most 65,535"_s;
    QTest::newRow("empty ref") << sampleSpec() << QString()
                               << u"the ref to run the workflow on is empty"_s;
    QTest::newRow("blank ref") << sampleSpec() << u" \t"_s
                               << u"the ref to run the workflow on is empty"_s;
    QTest::newRow("empty ref is reported before size")
        << specMeasuring(70123) << QString() << u"the ref to run the workflow on is empty"_s;
}

void TestPayload::workflowLimits()
{
    QFETCH(rc::release::ReleaseSpec, spec);
    QFETCH(QString, ref);
    QFETCH(QString, error);

    const rc::release::Payload payload = rc::release::buildWorkflowDispatch(spec, ref);
    QCOMPARE(payload.error, error);
    QCOMPARE(payload.ok(), error.isEmpty());
    // The body is still there, so a preview can show what is too big.
    QVERIFY(QJsonDocument::fromJson(payload.json).isObject());
}

void TestPayload::repositoryLimits_data()
{
    QTest::addColumn<rc::release::ReleaseSpec>("spec");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<QString>("error");

    QTest::newRow("exactly at the limit") << specMeasuring(65535) << u"conda-build"_s << QString();
    QTest::newRow("one over the limit")
        << specMeasuring(65536) << u"conda-build"_s
        << u"the client_payload is 65,536 characters; GitHub accepts at most 65,535"_s;
    QTest::newRow("event type of 100 characters")
        << sampleSpec() << QString(100, u'e') << QString();
    QTest::newRow("event type of 100 non-ASCII characters")
        << sampleSpec() << QString(100, u'ä') << QString();
    QTest::newRow("event type of 101 characters")
        << sampleSpec() << QString(101, u'e')
        << u"the event type is 101 characters; GitHub accepts at most 100"_s;
    QTest::newRow("empty event type") << sampleSpec() << QString() << u"the event type is empty"_s;
    QTest::newRow("blank event type") << sampleSpec() << u"  "_s << u"the event type is empty"_s;
}

void TestPayload::repositoryLimits()
{
    QFETCH(rc::release::ReleaseSpec, spec);
    QFETCH(QString, eventType);
    QFETCH(QString, error);

    const rc::release::Payload payload = rc::release::buildRepositoryDispatch(spec, eventType);
    QCOMPARE(payload.error, error);
    QCOMPARE(payload.ok(), error.isEmpty());
    QCOMPARE(payload.limit, rc::release::kMaxPayloadCharacters);
    QCOMPARE(QJsonDocument::fromJson(payload.json).object().value(u"event_type"_s).toString(),
             eventType);
}

void TestPayload::prettyJson_data()
{
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<QByteArray>("pretty");

    QTest::newRow("nested, indent 2")
        << QByteArray("{\"a\":{\"b\":\"x y\",\"c\":true},\"d\":[1,2]}")
        << QByteArray(
               "{\n  \"a\": {\n    \"b\": \"x y\",\n    \"c\": true\n  },\n  \"d\": [\n    1,\n"
               "    2\n  ]\n}\n");
    QTest::newRow("spaces inside strings are kept")
        << QByteArray("{\"patch\":\"    four\\n        eight\"}")
        << QByteArray("{\n  \"patch\": \"    four\\n        eight\"\n}\n");
    QTest::newRow("not JSON is shown as it is") << QByteArray("{\"a\":") << QByteArray("{\"a\":");
}

void TestPayload::prettyJson()
{
    QFETCH(QByteArray, compact);
    QFETCH(QByteArray, pretty);
    QCOMPARE(rc::release::prettyJson(compact), pretty);
}

void TestPayload::prettyJsonKeepsTheDocument()
{
    rc::release::ReleaseSpec spec = sampleSpec();
    spec.patch = u"diff --git a/x b/x\n+  \"author\": \"Ré\",\n    indented\n"_s;
    const rc::release::Payload payload = rc::release::buildWorkflowDispatch(spec, u"main"_s);
    const QByteArray pretty = rc::release::prettyJson(payload.json);
    QVERIFY(pretty.contains("\n  \"inputs\": {\n    \"build\": \"1\",\n"));
    QCOMPARE(QJsonDocument::fromJson(pretty), QJsonDocument::fromJson(payload.json));
    QCOMPARE(QJsonDocument::fromJson(pretty)["inputs"_L1]["patch"_L1].toString(), spec.patch);
}

QTEST_GUILESS_MAIN(TestPayload)
#include "tst_payload.moc"
