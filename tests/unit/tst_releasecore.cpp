// SPDX-License-Identifier: BSD-3-Clause
#include "release/releasecore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

rc::release::ReleaseChoices exampleChoices()
{
    rc::release::ReleaseChoices choices;
    choices.recipe = u"veloxchem"_s;
    choices.commitSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    choices.version = u"1.0rc5"_s;
    choices.build = u"1"_s;
    choices.channel = u"veloxchem"_s;
    choices.label = u"dev"_s;
    choices.author = u"Roberto Di Remigio"_s;
    return choices;
}

rc::release::ReleaseFacts exampleFacts()
{
    rc::release::ReleaseFacts facts;
    facts.url =
        u"https://gitlab.example.org/api/v4/projects/42/jobs/7/artifacts/veloxchem.tar.bz2"_s;
    facts.sha256 = QString(64, u'a');
    facts.initFile = QByteArray("# 100% 'quoted' \\o/\n__version__ = \"1.0rc4\"\n");
    facts.timestamp = u"2026-12-01T08:00:00Z"_s;
    return facts;
}

QJsonObject inputsOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(u"inputs"_s).toObject();
}

}  // namespace

class TestReleaseCore : public QObject
{
    Q_OBJECT

private slots:
    void readyReleaseSendsTheEncodedPatch();
    void rawEncodingSendsThePatchAsIs();
    void sameInputsSameBytes();
    void withoutRunDetailsDiffersOnlyInThatField();
    void repositoryDispatch();
    void missingInitFileIsTheReason();
    void invalidFieldsBlock();
    void preparedPatchIsUsed();
};

void TestReleaseCore::readyReleaseSendsTheEncodedPatch()
{
    const rc::release::PreparedRelease prepared = rc::release::prepareRelease(
        exampleChoices(), exampleFacts(), rc::release::DispatchTarget {});
    QVERIFY2(prepared.isReady(), qPrintable(prepared.blockingReasons().join(u'\n')));
    QVERIFY(prepared.spec.patch.contains(u"+# 100% 'quoted' \\o/"_s) ||
            prepared.spec.patch.contains(u" # 100% 'quoted' \\o/"_s));
    QCOMPARE(prepared.sentPatch,
             rc::release::encodePatch(prepared.spec.patch, rc::release::PatchEncoding::Printf));
    QVERIFY(prepared.sentPatch.contains(u"100%% '\\''quoted'\\'' \\\\o/"_s));
    const QJsonObject inputs = inputsOf(prepared.payload.json);
    QCOMPARE(inputs.value(u"patch"_s).toString(), prepared.sentPatch);
    QCOMPARE(inputs.value(u"version"_s).toString(), u"1.0rc5"_s);
    QCOMPARE(inputs.size(), 8);
    QVERIFY(prepared.blockingReasons().isEmpty());
}

void TestReleaseCore::rawEncodingSendsThePatchAsIs()
{
    rc::release::DispatchTarget target;
    target.encoding = rc::release::PatchEncoding::Raw;
    const rc::release::PreparedRelease prepared =
        rc::release::prepareRelease(exampleChoices(), exampleFacts(), target);
    QVERIFY(prepared.isReady());
    QCOMPARE(inputsOf(prepared.payload.json).value(u"patch"_s).toString(), prepared.spec.patch);
}

void TestReleaseCore::sameInputsSameBytes()
{
    const auto first = rc::release::prepareRelease(exampleChoices(), exampleFacts(), {});
    const auto second = rc::release::prepareRelease(exampleChoices(), exampleFacts(), {});
    QCOMPARE(first.payload.json, second.payload.json);
}

void TestReleaseCore::withoutRunDetailsDiffersOnlyInThatField()
{
    const auto prepared = rc::release::prepareRelease(exampleChoices(), exampleFacts(), {});
    QJsonObject with = QJsonDocument::fromJson(prepared.payload.json).object();
    const QJsonObject without = QJsonDocument::fromJson(prepared.bodyWithoutRunDetails).object();
    QCOMPARE(with.value(u"return_run_details"_s), QJsonValue(true));
    QVERIFY(!without.contains(u"return_run_details"_s));
    with.remove(u"return_run_details"_s);
    QCOMPARE(with, without);
}

void TestReleaseCore::repositoryDispatch()
{
    rc::release::DispatchTarget target;
    target.kind = rc::release::DispatchKind::Repository;
    target.eventType = u"conda-build"_s;
    const auto prepared = rc::release::prepareRelease(exampleChoices(), exampleFacts(), target);
    QVERIFY(prepared.isReady());
    const QJsonObject body = QJsonDocument::fromJson(prepared.payload.json).object();
    QCOMPARE(body.value(u"event_type"_s).toString(), u"conda-build"_s);
    QCOMPARE(body.value(u"client_payload"_s).toObject().value(u"patch"_s).toString(),
             prepared.sentPatch);
    QVERIFY(prepared.bodyWithoutRunDetails.isEmpty());
}

void TestReleaseCore::missingInitFileIsTheReason()
{
    rc::release::ReleaseFacts facts = exampleFacts();
    facts.initFile.reset();
    const auto prepared = rc::release::prepareRelease(exampleChoices(), facts, {});
    QVERIFY(!prepared.isReady());
    QCOMPARE(prepared.patchUnavailable,
             u"the patch needs the package's __init__.py at the commit"_s);
    QCOMPARE(prepared.blockingReasons(),
             QStringList {u"patch: the patch needs the package's __init__.py at the commit"_s});
}

void TestReleaseCore::invalidFieldsBlock()
{
    rc::release::ReleaseChoices choices = exampleChoices();
    choices.version = u"1.0-rc5"_s;
    const auto prepared = rc::release::prepareRelease(choices, exampleFacts(), {});
    QVERIFY(!prepared.isReady());
    QCOMPARE(prepared.blockingReasons().size(), 1);
    QVERIFY(prepared.blockingReasons().constFirst().startsWith(u"version: "_s));
    // An invalid version is never written into __init__.py.
    QVERIFY(!prepared.spec.patch.contains(u"1.0-rc5"_s));
}

void TestReleaseCore::preparedPatchIsUsed()
{
    rc::release::ReleaseFacts facts = exampleFacts();
    facts.initFile.reset();
    facts.preparedPatch = u"diff --git a/x b/x\n"_s;
    const auto prepared = rc::release::prepareRelease(exampleChoices(), facts, {});
    QVERIFY(prepared.isReady());
    QCOMPARE(prepared.spec.patch, u"diff --git a/x b/x\n"_s);
}

QTEST_GUILESS_MAIN(TestReleaseCore)
#include "tst_releasecore.moc"
