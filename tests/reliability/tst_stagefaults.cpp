// SPDX-License-Identifier: BSD-3-Clause
// Every transport fault of SPEC §6 at every stage of a release, through the real flow code
// against the in-process forge: the commit list, the tarball's checksum, the preflight, the
// dispatch and the watch. Each ends in a clear error value (kind and message, no token in it),
// shows nothing partial (no half commit list, no checksum of a broken download), and is usable
// again once the fault is gone; a watch resumes by itself (or on start() after giving up on a
// rejected token) and follows its run to the end.

#include "releasefixture.h"
#include "sandbox/faults.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"

#include <QTest>
#include <QtCrypto>

using namespace Qt::StringLiterals;
using rc::flow::DispatchOutcome;
using rc::forge::ForgeError;
using rc::reliability::test::builds;
using rc::reliability::test::ReleaseFixture;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;
using rc::sandbox::ForgeSimulator;

Q_DECLARE_METATYPE(rc::sandbox::FaultKind)
Q_DECLARE_METATYPE(rc::forge::ForgeError::Kind)

namespace {

struct FaultRow
{
    const char *name;
    FaultKind kind;
    int status;      // ServerError
    int retryAfter;  // rate limits; -1: none
    ForgeError::Kind error;
    ForgeError::Kind gitLabError;  // GitLab limits with 429 only: its 403 is a refusal
};

// SPEC §6: timeouts (no answer, trickle), truncated bodies, HTML or invalid JSON, 5xx, 401,
// 403/429 rate limits with and without retry-after, network loss.
constexpr FaultRow kFaults[] = {
    {"no answer", FaultKind::NoAnswer, 0, -1, ForgeError::Kind::Timeout, ForgeError::Kind::Timeout},
    {"trickle", FaultKind::Trickle, 0, -1, ForgeError::Kind::Timeout, ForgeError::Kind::Timeout},
    {"truncated", FaultKind::TruncatedBody, 0, -1, ForgeError::Kind::Network,
     ForgeError::Kind::Network},
    {"html", FaultKind::HtmlBody, 0, -1, ForgeError::Kind::BadResponse,
     ForgeError::Kind::BadResponse},
    {"invalid json", FaultKind::InvalidJson, 0, -1, ForgeError::Kind::BadResponse,
     ForgeError::Kind::BadResponse},
    {"500", FaultKind::ServerError, 500, -1, ForgeError::Kind::Server, ForgeError::Kind::Server},
    {"502", FaultKind::ServerError, 502, -1, ForgeError::Kind::Server, ForgeError::Kind::Server},
    {"503", FaultKind::ServerError, 503, -1, ForgeError::Kind::Server, ForgeError::Kind::Server},
    {"401", FaultKind::Unauthorized, 0, -1, ForgeError::Kind::Unauthorized,
     ForgeError::Kind::Unauthorized},
    {"403 primary rate limit", FaultKind::RateLimited403, 0, -1, ForgeError::Kind::RateLimited,
     ForgeError::Kind::Forbidden},
    {"403 retry-after", FaultKind::RateLimited403, 0, 30, ForgeError::Kind::RateLimited,
     ForgeError::Kind::RateLimited},
    {"429", FaultKind::RateLimited429, 0, -1, ForgeError::Kind::RateLimited,
     ForgeError::Kind::RateLimited},
    {"429 retry-after", FaultKind::RateLimited429, 0, 20, ForgeError::Kind::RateLimited,
     ForgeError::Kind::RateLimited},
    {"connection reset", FaultKind::ConnectionReset, 0, -1, ForgeError::Kind::Network,
     ForgeError::Kind::Network},
};

// A message a person can act on: there, one paragraph, no token.
void verifyClearMessage(const QString &message)
{
    QVERIFY2(!message.trimmed().isEmpty(), "no message");
    QVERIFY2(message.size() < 2000, qPrintable(message.left(200)));
    QVERIFY2(!message.contains(ForgeSimulator::kGitHubClassicToken), qPrintable(message));
    QVERIFY2(!message.contains(ForgeSimulator::kGitLabToken), qPrintable(message));
}

}  // namespace

class TestStageFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QCA::Initializer> m_qca;
    std::unique_ptr<ReleaseFixture> m_fixture;

    ReleaseFixture &fixture() { return *m_fixture; }
    ForgeSimulator &forge() { return m_fixture->simulator(); }

    Fault faultFrom(const QByteArray &method, const QString &pattern)
    {
        QFETCH(FaultKind, fault);
        QFETCH(int, status);
        QFETCH(int, retryAfter);
        Fault rule = Fault::make(fault, method, pattern, Fault::kAlways);
        rule.status = status;
        if (retryAfter >= 0)
            rule.retryAfterSeconds = retryAfter;
        // Waited out in this row only: the requests before and after it get the patient timeout.
        if (fault == FaultKind::NoAnswer || fault == FaultKind::Trickle)
            fixture().shortenInactivityTimeout();
        // Slower than the inactivity timeout: a trickle is a timeout, not a slow success.
        rule.trickleInterval = fixture().transport().options().inactivityTimeout * 2;
        return rule;
    }

    // The fault is gone and any rate-limit wait over: the forge answers as before.
    void healForge()
    {
        forge().clearFaults();
        forge().closeConnections();
        fixture().restoreInactivityTimeout();
        forge().advance(std::chrono::hours(2));
    }

    void commitListStage()
    {
        QFETCH(ForgeError::Kind, gitLabError);
        const ForgeError::Kind error = gitLabError;
        forge().addFault(faultFrom("GET", u"/api/v4/projects/*/repository/commits"_s));
        const auto list = [this] {
            rc::forge::ForgeResult<rc::forge::Page<rc::forge::CommitWithPipeline>> page;
            bool done = false;
            QObject context;
            fixture().clients().gitLab.commitsWithPipelines(fixture().profile().gitLabProject,
                                                            fixture().profile().branch, 1, 20,
                                                            &context, [&](const auto &result) {
                                                                page = result;
                                                                done = true;
                                                            });
            const bool answered = QTest::qWaitFor([&done] { return done; }, 15000);
            return std::make_pair(answered, page);
        };
        const auto [answered, page] = list();
        QVERIFY(answered);
        QCOMPARE(page.error.kind, error);
        verifyClearMessage(page.error.describe());
        QVERIFY(page.value.items.isEmpty());  // no half list
        QVERIFY(!page.value.hasNext());

        healForge();
        const auto [again, healed] = list();
        QVERIFY(again);
        QVERIFY2(healed.ok(), qPrintable(healed.error.describe()));
        QCOMPARE(healed.value.items.size(), 20);
    }

    void checksumStage()
    {
        QFETCH(ForgeError::Kind, gitLabError);
        const ForgeError::Kind error = gitLabError;
        forge().addFault(faultFrom("GET", u"*/jobs/*/artifacts/*"_s));
        const auto prepared = fixture().prepare(fixture().releasableSha());
        QVERIFY(prepared);
        QVERIFY(!prepared->ok());
        if (prepared->error.isError()) {
            QCOMPARE(prepared->error.kind, error);
            verifyClearMessage(prepared->error.describe());
        } else {
            // 200 with a page instead of the tarball: hashed, and refused as no tarball.
            QVERIFY2(error == ForgeError::Kind::BadResponse, qPrintable(prepared->problem));
            verifyClearMessage(prepared->problem);
        }
        // No checksum of what came: nothing to send.
        QVERIFY(!prepared->checksum);
        QVERIFY(prepared->release.spec.sha256.isEmpty());
        QVERIFY(!prepared->release.isReady());

        healForge();
        const auto healed = fixture().prepare(fixture().releasableSha());
        QVERIFY(healed);
        QVERIFY2(healed->ok(), qPrintable(healed->problem + healed->error.describe()));
        QCOMPARE(healed->release.spec.sha256,
                 QString::fromLatin1(QCryptographicHash::hash(
                                         forge().gitLab()->tarballFor(fixture().releasableSha()),
                                         QCryptographicHash::Sha256)
                                         .toHex()));
    }

    void preflightStage()
    {
        const auto prepared = fixture().prepare(fixture().releasableSha());
        QVERIFY(prepared && prepared->ok());
        forge().addFault(faultFrom("GET", u"/user"_s));
        forge().addFault(faultFrom("GET", u"/repos/*"_s));
        const auto report = fixture().preflight(*prepared);
        QVERIFY2(report, "the preflight never finished");
        QVERIFY(report->allFinished());
        QVERIFY(report->hasFailures());
        for (const QString &id : {u"github-token"_s, u"workflow"_s, u"ref"_s}) {
            const rc::flow::PreflightCheck *check = report->check(id);
            QVERIFY2(check, qPrintable(id));
            QVERIFY2(check->state == rc::flow::CheckState::Failed,
                     qPrintable(id + u": "_s + rc::flow::checkStateName(check->state)));
            verifyClearMessage(check->reason);
        }
        // Unasked is not "fine": nothing that needs GitHub is Ok.
        QVERIFY(report->check(u"run-in-progress"_s)->state != rc::flow::CheckState::Ok);
        QVERIFY(
            forge().requestLog().matching("POST", u"*"_s).isEmpty());  // a preflight sends nothing

        healForge();
        const auto healed = fixture().preflight(*prepared);
        QVERIFY(healed);
        for (const rc::flow::PreflightCheck &check : healed->checks)
            QVERIFY2(check.state != rc::flow::CheckState::Failed,
                     qPrintable(check.id + u": "_s + check.reason));
    }

    void dispatchStage()
    {
        const auto prepared = fixture().prepare(fixture().releasableSha());
        QVERIFY(prepared && prepared->ok());
        const QString login = fixture().gitHubLogin();
        const qsizetype runsBefore = forge().runs()->runs().size();
        forge().addFault(faultFrom("POST", u"*/dispatches"_s));
        const auto report = fixture().dispatch(*prepared, login);
        QVERIFY(report);
        QCOMPARE(forge().requestLog().matching("POST", u"*/dispatches"_s).size(), 1);
        verifyClearMessage(report->message);
        const bool runMade = forge().runs()->runs().size() > runsBefore;
        switch (report->outcome) {
        case DispatchOutcome::Sent:
            // Only when the forge did act on it (the fault lost its answer after the work).
            QVERIFY(runMade);
            QVERIFY(report->runId);
            break;
        case DispatchOutcome::Refused:
            QVERIFY(!runMade);
            QVERIFY(report->refusal.isError());
            break;
        case DispatchOutcome::Unknown:
            QVERIFY(!report->runId);
            break;
        case DispatchOutcome::NotStarted:
            QFAIL(qPrintable(report->message));
        }

        healForge();
        const auto again = fixture().dispatch(*prepared, login);
        QVERIFY(again);
        QCOMPARE(again->outcome, DispatchOutcome::Sent);
    }

    void watchStage()
    {
        const auto prepared = fixture().prepare(fixture().releasableSha());
        QVERIFY(prepared && prepared->ok());
        const auto sent = fixture().dispatch(*prepared, fixture().gitHubLogin());
        QVERIFY(sent && sent->runId);
        auto watcher = fixture().watcherFor(*sent->runId);
        watcher->start();
        forge().advance(std::chrono::seconds(60));
        QTRY_COMPARE_WITH_TIMEOUT(builds(watcher->snapshot()), 6, 15000);
        const qsizetype rows = watcher->snapshot().platforms.size();

        forge().addFault(faultFrom("GET", u"*/actions/runs/*"_s));
        forge().advance(std::chrono::seconds(30));
        QTRY_VERIFY_WITH_TIMEOUT(watcher->snapshot().stale ||
                                     watcher->snapshot().phase == rc::watch::WatchPhase::Failed,
                                 15000);
        verifyClearMessage(watcher->snapshot().problem);
        QCOMPARE(watcher->snapshot().platforms.size(), rows);  // nothing lost
        QVERIFY(watcher->snapshot().run);

        healForge();  // also past the run's end
        if (watcher->snapshot().phase == rc::watch::WatchPhase::Failed)
            watcher->start();  // a rejected token ends the watch; the user starts it again
        QTRY_COMPARE_WITH_TIMEOUT(watcher->snapshot().phase, rc::watch::WatchPhase::Completed,
                                  20000);
        QVERIFY(!watcher->snapshot().stale);
        QVERIFY(watcher->snapshot().problem.isEmpty());
        QVERIFY(watcher->snapshot().allSucceeded());
    }

private slots:
    void initTestCase() { m_qca = std::make_unique<QCA::Initializer>(); }

    void init()
    {
        m_fixture = std::make_unique<ReleaseFixture>();
        QString error;
        QVERIFY2(m_fixture->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        if (m_fixture)
            QVERIFY(forge().credentialLeaks().isEmpty());
        m_fixture.reset();
    }

    void everyFaultAtEveryStage_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<FaultKind>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<ForgeError::Kind>("error");
        QTest::addColumn<ForgeError::Kind>("gitLabError");
        for (const QString &stage :
             {u"commits"_s, u"checksum"_s, u"preflight"_s, u"dispatch"_s, u"watch"_s}) {
            for (const FaultRow &row : kFaults) {
                QTest::addRow("%s: %s", qPrintable(stage), row.name)
                    << stage << row.kind << row.status << row.retryAfter << row.error
                    << row.gitLabError;
            }
        }
    }

    void everyFaultAtEveryStage()
    {
        QFETCH(QString, stage);
        if (stage == "commits"_L1)
            commitListStage();
        else if (stage == "checksum"_L1)
            checksumStage();
        else if (stage == "preflight"_L1)
            preflightStage();
        else if (stage == "dispatch"_L1)
            dispatchStage();
        else
            watchStage();
    }
};

QTEST_GUILESS_MAIN(TestStageFaults)
#include "tst_stagefaults.moc"
