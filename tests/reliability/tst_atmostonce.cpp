// SPDX-License-Identifier: BSD-3-Clause
// SPEC §6 "a dispatch is sent at most once per confirmation, whatever the network does": 200
// confirmations, each through a random fault on its POST (seeded; the seed is printed and
// RC_RELIABILITY_SEED replays it). What the app reports is checked against what the forge
// did: one run for every "sent", none for "not sent", and an unknown outcome is never called a
// success — looking for its run later (findRunOfEntry) tells the truth.
//
// A process killed either side of its POST is tst_crashsafety's (tests/cli): not redone here.
// tst_releaseflow covers each fault once with its exact report; this is the random soak.

#include "releasefixture.h"
#include "sandbox/faults.h"
#include "sandbox/runengine.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QtCrypto>

using namespace Qt::StringLiterals;
using rc::flow::DispatchOutcome;
using rc::reliability::test::ReleaseFixture;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;

namespace {

constexpr int kAttempts = 200;

enum class PostFault { None, NoAnswer, Reset, Gateway502, Gateway504, DelayPastTimeout };

struct Attempt
{
    PostFault fault = PostFault::None;
    bool takesEffect = true;  // the forge acts on a POST whose answer it then loses
};

QString describe(const Attempt &attempt)
{
    const QString effect = attempt.takesEffect ? u" (dispatched)"_s : u" (lost)"_s;
    switch (attempt.fault) {
    case PostFault::None:
        return u"no fault"_s;
    case PostFault::NoAnswer:
        return u"no answer"_s + effect;
    case PostFault::Reset:
        return u"reset after the request was read"_s + effect;
    case PostFault::Gateway502:
        return u"502"_s;
    case PostFault::Gateway504:
        return u"504"_s;
    case PostFault::DelayPastTimeout:
        return u"answer after the timeout"_s;
    }
    return {};
}

std::optional<Fault> faultFor(const Attempt &attempt, std::chrono::milliseconds timeout)
{
    const auto make = [&attempt](FaultKind kind) {
        Fault fault = Fault::make(kind, "POST", u"*/dispatches"_s);
        fault.requestTakesEffect = attempt.takesEffect;
        return fault;
    };
    switch (attempt.fault) {
    case PostFault::None:
        return std::nullopt;
    case PostFault::NoAnswer:
        return make(FaultKind::NoAnswer);
    case PostFault::Reset:
        return make(FaultKind::ConnectionReset);
    case PostFault::Gateway502:
    case PostFault::Gateway504: {
        Fault fault = make(FaultKind::ServerError);
        fault.status = attempt.fault == PostFault::Gateway502 ? 502 : 504;
        return fault;
    }
    case PostFault::DelayPastTimeout: {
        Fault fault = make(FaultKind::Delay);
        fault.delay = timeout + std::chrono::milliseconds(200);
        return fault;
    }
    }
    return std::nullopt;
}

Attempt randomAttempt(QRandomGenerator &random)
{
    static constexpr PostFault kFaults[] = {PostFault::None,       PostFault::NoAnswer,
                                            PostFault::Reset,      PostFault::Gateway502,
                                            PostFault::Gateway504, PostFault::DelayPastTimeout};
    Attempt attempt;
    attempt.fault = kFaults[random.bounded(int(std::size(kFaults)))];
    attempt.takesEffect = random.bounded(2) == 1;
    return attempt;
}

QSet<qint64> runIds(const rc::sandbox::RunEngine &engine)
{
    QSet<qint64> ids;
    for (const rc::sandbox::Run *run : engine.runs())
        ids.insert(run->id);
    return ids;
}

}  // namespace

class TestAtMostOnce : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_qca = std::make_unique<QCA::Initializer>(); }

    void everyConfirmationSendsAtMostOnce()
    {
        ReleaseFixture fixture;
        QString error;
        QVERIFY2(fixture.start(&error), qPrintable(error));
        const auto prepared = fixture.prepare(fixture.releasableSha());
        QVERIFY(prepared);
        QVERIFY2(prepared->release.isReady(),
                 qPrintable(prepared->release.blockingReasons().join(u'\n')));
        const QString login = fixture.gitHubLogin();
        QVERIFY(!login.isEmpty());

        const quint32 seed = qEnvironmentVariableIsSet("RC_RELIABILITY_SEED")
            ? quint32(qEnvironmentVariableIntValue("RC_RELIABILITY_SEED"))
            : QRandomGenerator::global()->generate();
        qInfo("at-most-once soak: seed %u (replay with RC_RELIABILITY_SEED=%u)", seed, seed);
        QRandomGenerator random(seed);
        // Tighter than the folder's other tests where an answer is to be waited out (200
        // attempts, most of them); where one comes at once, a loaded machine's slow answer must
        // not pass for a lost one.
        rc::forge::TransportOptions options = fixture.transport().options();
        const std::chrono::milliseconds timeout(200);
        const std::chrono::milliseconds patient(10'000);

        rc::sandbox::ForgeSimulator &forge = fixture.simulator();
        int sent = 0, sentByListing = 0, unknown = 0, unknownResolved = 0;
        for (int i = 0; i < kAttempts; ++i) {
            const Attempt attempt = randomAttempt(random);
            const QByteArray what = u"attempt %1 (%2)"_s.arg(i).arg(describe(attempt)).toUtf8();
            // Minutes apart: each dispatch's search window holds only its own run.
            forge.advance(std::chrono::minutes(10));
            const QSet<qint64> runsBefore = runIds(*forge.runs());
            const qsizetype postsBefore =
                forge.requestLog().matching("POST", u"*/dispatches"_s).size();
            if (const std::optional<Fault> fault = faultFor(attempt, timeout))
                forge.addFault(*fault);
            const bool answeredAtOnce = attempt.fault == PostFault::None ||
                attempt.fault == PostFault::Gateway502 || attempt.fault == PostFault::Gateway504;
            options.inactivityTimeout = answeredAtOnce ? patient : timeout;
            fixture.transport().setOptions(options);

            const auto report = fixture.dispatch(*prepared, login);
            QVERIFY2(report, what.constData());
            forge.clearFaults();
            forge.closeConnections();  // the ones a silent fault parked

            const qsizetype posts =
                forge.requestLog().matching("POST", u"*/dispatches"_s).size() - postsBefore;
            QVERIFY2(posts == 1,
                     QByteArray(what + ": POSTs sent: " + QByteArray::number(posts)).constData());
            QCOMPARE(report->postsSent, 1);
            const QList<qint64> newRuns = (runIdsNow(forge) - runsBefore).values();
            QVERIFY2(newRuns.size() <= 1, what.constData());
            const auto entry = fixture.ledger().entry(report->ledgerId);
            QVERIFY2(entry, what.constData());

            // What must have happened on the forge for this fault.
            const bool runExpected = attempt.fault == PostFault::None ||
                attempt.fault == PostFault::DelayPastTimeout ||
                ((attempt.fault == PostFault::NoAnswer || attempt.fault == PostFault::Reset) &&
                 attempt.takesEffect);
            QVERIFY2(newRuns.size() == (runExpected ? 1 : 0),
                     QByteArray(what + ": runs created: " + QByteArray::number(newRuns.size()))
                         .constData());

            switch (report->outcome) {
            case DispatchOutcome::Sent:
                ++sent;
                sentByListing += report->runFoundByListing ? 1 : 0;
                // "Sent" only with the run to show for it: this attempt's own run.
                QVERIFY2(newRuns.size() == 1,
                         QByteArray(what + ": sent without a run").constData());
                QVERIFY2(report->runId == newRuns.constFirst(), what.constData());
                QCOMPARE(entry->state, rc::ledger::DispatchState::Sent);
                QCOMPARE(entry->runId, report->runId);
                if (attempt.fault == PostFault::None)
                    QVERIFY2(!report->runFoundByListing, what.constData());
                break;
            case DispatchOutcome::Unknown: {
                ++unknown;
                QVERIFY2(attempt.fault != PostFault::None, what.constData());
                QVERIFY2(!report->runId, what.constData());
                QCOMPARE(entry->state, rc::ledger::DispatchState::Unknown);
                QVERIFY2(!report->message.isEmpty(), what.constData());
                // Resolved by looking again: the run iff the forge made one.
                const auto resolved = fixture.resolve(report->ledgerId, login);
                QVERIFY2(resolved, what.constData());
                QVERIFY2(resolved->first.has_value() == !newRuns.isEmpty(),
                         QByteArray(what + ": " + resolved->second.toUtf8()).constData());
                if (resolved->first) {
                    ++unknownResolved;
                    QCOMPARE(resolved->first->id, newRuns.constFirst());
                    QVERIFY(fixture.ledger().recordRunFound(report->ledgerId, resolved->first->id,
                                                            resolved->first->htmlUrl));
                }
                break;
            }
            case DispatchOutcome::Refused:
            case DispatchOutcome::NotStarted:
                QVERIFY2(false, QByteArray(what + ": " + report->message.toUtf8()).constData());
                break;
            }
            // A lost answer with no run is never taken for a success.
            if (!runExpected)
                QCOMPARE(report->outcome, DispatchOutcome::Unknown);
        }
        qInfo("%d sent (%d found by listing after a lost answer), %d unknown (%d resolved to "
              "their run later)",
              sent, sentByListing, unknown, unknownResolved);
        QVERIFY(forge.credentialLeaks().isEmpty());
    }

private:
    static QSet<qint64> runIdsNow(const rc::sandbox::ForgeSimulator &forge)
    {
        return runIds(*forge.runs());
    }

    std::unique_ptr<QCA::Initializer> m_qca;
};

QTEST_GUILESS_MAIN(TestAtMostOnce)
#include "tst_atmostonce.moc"
