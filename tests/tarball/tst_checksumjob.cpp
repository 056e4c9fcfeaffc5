// SPDX-License-Identifier: BSD-3-Clause
// ChecksumJob against the forge simulator over loopback HTTP: the commit's pipeline, its tarball
// job and artifact, the job-id URL, the sha256 of exactly the bytes served; every way it can go
// wrong (no pipeline, job not done, no such job or file, truncated, 401, cancel), the token only
// to the GitLab origin, and the repository archive with its warnings.

#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "sandbox/archives.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/virtualclock.h"
#include "tarball/checksumjob.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QtCrypto>

using namespace rc::forge;
using namespace rc::tarball;
using namespace Qt::StringLiterals;
using rc::sandbox::Fault;
using rc::sandbox::FaultKind;
using rc::sandbox::ForgeSimulator;

namespace {

QString sha256Of(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

const QDateTime kComputedAt(QDate(2026, 11, 25), QTime(9, 30), QTimeZone::UTC);

}  // namespace

class TestChecksumJob : public QObject
{
    Q_OBJECT
private:
    QCA::Initializer m_qca;
    std::unique_ptr<ForgeSimulator> sim;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<MemoryTokenSource> tokens;
    std::unique_ptr<Transport> transport;
    std::unique_ptr<GitLabClient> gitlab;

    // Newest first: 0 running, 1 success (tarball), 2 failed, ..., 25+ without a pipeline.
    QString commitSha(int index) const { return sim->gitLab()->commits().at(index).sha; }
    QString releasableSha() const
    {
        for (const auto &c : sim->gitLab()->commits()) {
            if (sim->gitLab()->tarballJobFor(c.sha))
                return c.sha;
        }
        return {};
    }
    ChecksumRequest requestFor(const QString &sha) const
    {
        ChecksumRequest r;
        r.project = QString::number(rc::sandbox::GitLabApi::kProjectId);
        r.commitSha = sha;
        r.recipe = u"veloxchem"_s;
        r.ref = u"master"_s;
        return r;
    }
    ChecksumOutcome run(ChecksumJob &job)
    {
        QSignalSpy finished(&job, &ChecksumJob::finished);
        job.start();
        if (!finished.wait(20000))
            qWarning("the checksum job did not finish");
        QTest::qWait(0);
        if (finished.size() != 1)
            qWarning("finished() came %d times", int(finished.size()));
        return job.outcome();
    }
    ChecksumOutcome run(const ChecksumRequest &request)
    {
        ChecksumJob job(gitlab.get(), request, [] { return kComputedAt; });
        return run(job);
    }
    void verifyProblemOnly(const ChecksumOutcome &outcome)
    {
        QVERIFY(!outcome.ok());
        QVERIFY(!outcome.result);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.describe()));
        QVERIFY(!outcome.problem.isEmpty());
        QVERIFY(!outcome.cancelled);
    }
    int artifactDownloads() const
    {
        return int(sim->requestLog().matching("GET", u"*/jobs/*/artifacts/*"_s).size());
    }

private slots:
    void init()
    {
        sim = std::make_unique<ForgeSimulator>(
            QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC));
        QVERIFY2(sim->start(), qPrintable(sim->errorString()));
        nam = std::make_unique<QNetworkAccessManager>();
        tokens = std::make_unique<MemoryTokenSource>();
        tokens->setToken(Service::GitLab, sim->gitLabApiUrl(),
                         QString(ForgeSimulator::kGitLabToken));
        ForgeSimulator *s = sim.get();
        transport =
            std::make_unique<Transport>(nam.get(), tokens.get(), [s] { return s->clock()->now(); });
        TransportOptions o;
        o.inactivityTimeout = std::chrono::milliseconds(2000);
        o.deadline = std::chrono::milliseconds(4000);
        o.retryBaseDelay = std::chrono::milliseconds(1);
        o.retryMaxDelay = std::chrono::milliseconds(5);
        o.maxRetries = 2;
        transport->setOptions(o);
        transport->setRandomSource([] { return 0.5; });
        gitlab = std::make_unique<GitLabClient>(transport.get(), sim->gitLabApiUrl());
    }
    void cleanup()
    {
        if (sim)
            QVERIFY(sim->credentialLeaks().isEmpty());
        gitlab.reset();
        transport.reset();
        tokens.reset();
        nam.reset();
        sim.reset();
    }

    void checksumOfTheJobArtifact_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("artifactPath");
        QTest::newRow("numeric id, default artifact") << u"42"_s << QString();
        QTest::newRow("project path, explicit artifact")
            << u"veloxchem/veloxchem"_s << u"veloxchem.tar.bz2"_s;
    }
    void checksumOfTheJobArtifact()
    {
        QFETCH(QString, project);
        QFETCH(QString, artifactPath);
        const QString sha = releasableSha();
        QVERIFY(!sha.isEmpty());
        ChecksumRequest request = requestFor(sha);
        request.project = project;
        request.source.artifactPath = artifactPath;
        ChecksumJob job(gitlab.get(), request, [] { return kComputedAt; });
        QSignalSpy stages(&job, &ChecksumJob::stageChanged);
        QSignalSpy progress(&job, &ChecksumJob::progress);
        const ChecksumOutcome outcome = run(job);
        QVERIFY2(outcome.ok(), qPrintable(outcome.problem + outcome.error.describe()));
        const QByteArray served = sim->gitLab()->tarballFor(sha);
        const ChecksumResult &r = *outcome.result;
        QCOMPARE(r.sha256, sha256Of(served));
        QCOMPARE(r.bytes, served.size());
        QCOMPARE(r.url, sim->tarballUrl(sha));  // the job-id URL the runner will download
        QVERIFY(r.url.path().contains(u"/jobs/%1/artifacts/veloxchem.tar.bz2"_s.arg(r.jobId)));
        QCOMPARE(r.jobId, sim->gitLab()->tarballJobFor(sha)->id);
        QCOMPARE(r.pipelineId, sim->gitLab()->tarballJobFor(sha)->pipelineId);
        QCOMPARE(r.pipelineStatus, u"success"_s);
        QVERIFY(r.topFolder.isExactly(u"veloxchem"_s));
        QCOMPARE(r.topFolder.compression, u"bzip2"_s);
        QVERIFY(r.topFolder.wholeArchive);
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
        QCOMPARE(r.computedAt, kComputedAt);

        QVERIFY(stages.size() >= 3);
        QVERIFY(stages.first().first().toString().contains(sha.left(8)) || project != u"42"_s);
        QVERIFY(stages.last().first().toString().startsWith(u"Downloading"_s));
        QVERIFY(!progress.isEmpty());
        const auto last = progress.last().first().value<ChecksumProgress>();
        QCOMPARE(last.received, served.size());
        QCOMPARE(last.total, served.size());

        // Never the by-ref URL; the token went with every GitLab request.
        QVERIFY(sim->requestLog().matching("GET", u"*/jobs/artifacts/*"_s).isEmpty());
        QCOMPARE(artifactDownloads(), 1);
        for (const auto &entry : sim->requestLog().entries())
            QVERIFY(entry.header("private-token") ==
                    QByteArray(ForgeSimulator::kGitLabToken.data()));
    }

    void commitWithoutPipeline()
    {
        const QString sha = commitSha(27);
        QVERIFY(!sim->gitLab()->tarballJobFor(sha));
        const ChecksumOutcome outcome = run(requestFor(sha));
        verifyProblemOnly(outcome);
        QVERIFY2(outcome.problem.contains(u"No pipeline of commit %1"_s.arg(sha.left(8))),
                 qPrintable(outcome.problem));
        QVERIFY(outcome.problem.contains(u"branch 'master'"_s));
        QVERIFY(outcome.problem.contains(u"Run a pipeline"_s));
        QVERIFY(outcome.problem.contains(u"repository archive"_s));
        QCOMPARE(artifactDownloads(), 0);
    }

    void tarballJobNotDone_data()
    {
        QTest::addColumn<int>("commit");
        QTest::addColumn<QString>("says");
        QTest::newRow("pipeline running, job not started") << 0 << u"wait for it to finish"_s;
        QTest::newRow("pipeline failed, job skipped") << 2 << u"did not succeed (skipped)"_s;
    }
    void tarballJobNotDone()
    {
        QFETCH(int, commit);
        QFETCH(QString, says);
        const QString sha = commitSha(commit);
        const auto &pipelines = sim->gitLab()->pipelines();
        const auto pipeline = std::find_if(pipelines.cbegin(), pipelines.cend(),
                                           [&](const auto &p) { return p.sha == sha; });
        QVERIFY(pipeline != pipelines.cend());
        const ChecksumOutcome outcome = run(requestFor(sha));
        verifyProblemOnly(outcome);
        QVERIFY2(outcome.problem.contains(says), qPrintable(outcome.problem));
        QVERIFY(outcome.problem.contains(u"'conda-tarball'"_s));
        QVERIFY(outcome.problem.contains(u"pipeline #%1"_s.arg(pipeline->id)));
        QCOMPARE(artifactDownloads(), 0);
    }

    void noJobOfThatName()
    {
        ChecksumRequest request = requestFor(releasableSha());
        request.source.jobName = u"make-tarball"_s;
        const ChecksumOutcome outcome = run(request);
        verifyProblemOnly(outcome);
        QVERIFY2(outcome.problem.contains(u"no job named 'make-tarball'"_s),
                 qPrintable(outcome.problem));
        QVERIFY(outcome.problem.contains(u"conda-tarball"_s));  // what there is
        QVERIFY(outcome.problem.contains(u"job name in the profile"_s));
    }

    void noSuchArtifactFile()
    {
        ChecksumRequest request = requestFor(releasableSha());
        request.source.artifactPath = u"dist/other.tar.bz2"_s;
        const ChecksumOutcome outcome = run(request);
        verifyProblemOnly(outcome);
        QVERIFY2(outcome.problem.contains(u"no file 'dist/other.tar.bz2'"_s),
                 qPrintable(outcome.problem));
        QVERIFY(outcome.problem.contains(u"artifact path"_s));
    }

    void wrongTopFolderIsAProblem()
    {
        ChecksumRequest request = requestFor(releasableSha());
        request.recipe = u"pb11mpi"_s;
        request.source.artifactPath = u"veloxchem.tar.bz2"_s;
        const ChecksumOutcome outcome = run(request);
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.result);  // hashed all the same
        QCOMPARE(outcome.result->sha256, sha256Of(sim->gitLab()->tarballFor(releasableSha())));
        QVERIFY2(outcome.problem.contains(
                     u"unpacks into 'veloxchem/', but the recipe expects 'pb11mpi/'"_s),
                 qPrintable(outcome.problem));
        QVERIFY(!outcome.error.isError());
    }

    void notATarball()
    {
        constexpr qint64 size = 6 * 1024 * 1024;
        sim->addLargeGitLabArtifact(u"big.tar.bz2"_s, size, 9);
        ChecksumRequest request = requestFor(releasableSha());
        request.source.jobName = u"large-artifact"_s;
        request.source.artifactPath = u"big.tar.bz2"_s;
        ChecksumJob job(gitlab.get(), request, [] { return kComputedAt; });
        QSignalSpy progress(&job, &ChecksumJob::progress);
        const ChecksumOutcome outcome = run(job);
        QVERIFY(outcome.result);
        QCOMPARE(outcome.result->sha256, sha256Of(rc::sandbox::deterministicBytes(size, 9)));
        QCOMPARE(outcome.result->bytes, size);
        QVERIFY2(outcome.problem.contains(u"not a usable tarball"_s), qPrintable(outcome.problem));
        QVERIFY(!outcome.ok());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().first().value<ChecksumProgress>().total, size);
    }

    void cancelMidDownload()
    {
        Fault trickle = Fault::make(FaultKind::Trickle, "GET", u"*/jobs/*/artifacts/*"_s);
        trickle.trickleChunkBytes = 16;
        trickle.trickleInterval = std::chrono::milliseconds(20);
        sim->addFault(trickle);
        ChecksumJob job(gitlab.get(), requestFor(releasableSha()), [] { return kComputedAt; });
        QSignalSpy progress(&job, &ChecksumJob::progress);
        QSignalSpy finished(&job, &ChecksumJob::finished);
        job.start();
        QVERIFY(progress.wait(10000));
        const auto seen = progress.last().first().value<ChecksumProgress>();
        QVERIFY(seen.received > 0);
        QVERIFY(seen.received < sim->gitLab()->tarballFor(releasableSha()).size());
        job.cancel();
        QVERIFY(finished.wait(5000));
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
        QVERIFY(job.outcome().cancelled);
        QVERIFY(!job.outcome().result);
        QVERIFY(!job.outcome().ok());
        job.cancel();  // no second finished()
        QTest::qWait(0);
        QCOMPARE(finished.size(), 1);
    }

    void cancelWhileLookingUp_data()
    {
        QTest::addColumn<bool>("fromTheStageSlot");
        QTest::newRow("from a slot of stageChanged") << true;
        QTest::newRow("while the pipelines request is in flight") << false;
    }
    void cancelWhileLookingUp()
    {
        QFETCH(bool, fromTheStageSlot);
        Fault slow = Fault::make(FaultKind::Delay, "GET", u"*/pipelines"_s);
        slow.delay = std::chrono::milliseconds(1000);
        sim->addFault(slow);
        ChecksumJob job(gitlab.get(), requestFor(releasableSha()));
        QSignalSpy finished(&job, &ChecksumJob::finished);
        if (fromTheStageSlot)
            connect(&job, &ChecksumJob::stageChanged, &job, &ChecksumJob::cancel);
        job.start();
        if (!fromTheStageSlot) {
            // Cancelled once the server has the request (its answer is a second away).
            QTRY_VERIFY(!sim->requestLog().matching("GET", u"*/pipelines"_s).isEmpty());
            QVERIFY(finished.isEmpty());
            job.cancel();
        }
        QVERIFY(finished.size() == 1 || finished.wait(5000));
        QVERIFY(job.outcome().cancelled);
        QVERIFY(!job.outcome().result);
        QTest::qWait(1200);  // the delayed answer comes and goes: nothing follows from it
        QCOMPARE(finished.size(), 1);
        QCOMPARE(int(sim->requestLog().matching("GET", u"*/pipelines"_s).size()),
                 fromTheStageSlot ? 0 : 1);
        QVERIFY(sim->requestLog().matching("GET", u"*/pipelines/*/jobs"_s).isEmpty());
    }

    // Whoever owns the job may drop it at any moment, cancelled or not.
    void destroyedWhileBusy_data()
    {
        QTest::addColumn<QString>("path");  // slowed down
        QTest::addColumn<bool>("cancelFirst");
        QTest::newRow("lookup, cancelled then deleted") << u"*/pipelines"_s << true;
        QTest::newRow("lookup, deleted") << u"*/pipelines"_s << false;
        QTest::newRow("download, cancelled then deleted") << u"*/jobs/*/artifacts/*"_s << true;
        QTest::newRow("download, deleted") << u"*/jobs/*/artifacts/*"_s << false;
    }
    void destroyedWhileBusy()
    {
        QFETCH(QString, path);
        QFETCH(bool, cancelFirst);
        Fault slow = Fault::make(FaultKind::Trickle, "GET", path);
        slow.trickleChunkBytes = 64;
        slow.trickleInterval = std::chrono::milliseconds(20);
        sim->addFault(slow);
        auto *job = new ChecksumJob(gitlab.get(), requestFor(releasableSha()));
        QSignalSpy stages(job, &ChecksumJob::stageChanged);
        job->start();
        QTRY_VERIFY(!sim->requestLog().matching("GET", path).isEmpty());
        QTest::qWait(100);  // answer under way
        if (cancelFirst)
            job->cancel();
        delete job;
        QTest::qWait(300);  // whatever was in flight ends without reaching the job
    }

    void truncatedBodyIsAnErrorWithoutResult()
    {
        sim->addFault(Fault::make(FaultKind::TruncatedBody, "GET", u"*/jobs/*/artifacts/*"_s,
                                  Fault::kAlways));
        const ChecksumOutcome outcome = run(requestFor(releasableSha()));
        QVERIFY(!outcome.ok());
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.error.kind, ForgeError::Kind::Network);
        QVERIFY(outcome.problem.isEmpty());
    }

    void unauthorized()
    {
        sim->addFault(Fault::make(FaultKind::Unauthorized, "GET", u"*/pipelines"_s));
        const ChecksumOutcome outcome = run(requestFor(releasableSha()));
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.error.kind, ForgeError::Kind::Unauthorized);
        QCOMPARE(outcome.error.httpStatus, 401);
        QCOMPARE(artifactDownloads(), 0);
    }

    // The artifact's bytes served from another host (object storage): followed without the token.
    void tokenOnlyToTheGitLabOrigin()
    {
        sim->addFault(
            Fault::make(FaultKind::RedirectToOtherHost, "GET", u"*/jobs/*/artifacts/*"_s));
        const QString sha = releasableSha();
        const ChecksumOutcome outcome = run(requestFor(sha));
        QVERIFY2(outcome.ok(), qPrintable(outcome.problem + outcome.error.describe()));
        QCOMPARE(outcome.result->sha256, sha256Of(sim->gitLab()->tarballFor(sha)));
        QCOMPARE(outcome.result->url, sim->tarballUrl(sha));  // what the runner asks for
        bool sawOtherHost = false;
        for (const auto &entry : sim->requestLog().entries()) {
            const bool api = entry.listener == rc::sandbox::Listener::Api;
            sawOtherHost = sawOtherHost || !api;
            QCOMPARE(entry.header("private-token").isEmpty(), !api);
        }
        QVERIFY(sawOtherHost);
        QVERIFY(sim->credentialLeaks().isEmpty());
    }

    void repositoryArchiveWithWarnings()
    {
        const QString sha = commitSha(27);  // no pipeline needed
        ChecksumRequest request = requestFor(sha);
        request.source.kind = TarballSourceKind::RepositoryArchive;
        const ChecksumOutcome outcome = run(request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.problem + outcome.error.describe()));
        const ChecksumResult &r = *outcome.result;
        QVERIFY(r.url.path().endsWith(u"/projects/42/repository/archive.tar.bz2"_s));
        QCOMPARE(QUrlQuery(r.url).queryItemValue(u"sha"_s), sha);
        const QString folder = u"veloxchem-%1-%1"_s.arg(sha);
        QCOMPARE(r.topFolder.topLevelNames, QStringList {folder});
        QCOMPARE(r.pipelineId, 0);
        QCOMPARE(r.jobId, 0);
        QCOMPARE(r.warnings.size(), 2);
        QVERIFY(r.warnings.join(u'\n').contains(u"bytes"_s));
        QVERIFY2(r.warnings.join(u'\n').contains(
                     u"unpacks into '%1/', but the recipe expects 'veloxchem/'"_s.arg(folder)),
                 qPrintable(r.warnings.join(u'\n')));
        const auto downloads = sim->requestLog().matching("GET", u"*/repository/archive*"_s);
        QCOMPARE(downloads.size(), 1);
        QCOMPARE(sha256Of(downloads.first().responseBody), r.sha256);
        QVERIFY(sim->requestLog().matching("GET", u"*/pipelines*"_s).isEmpty());
    }

    void invalidRequestSendsNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("says");
        QTest::newRow("sha") << u"sha"_s << u"HEAD~1"_s << u"not a commit sha"_s;
        QTest::newRow("recipe with a slash") << u"recipe"_s << u"../x"_s << u"not a recipe"_s;
        QTest::newRow("artifact outside")
            << u"artifact"_s << u"../../etc/passwd"_s << u"not a path inside"_s;
        QTest::newRow("no project") << u"project"_s << QString() << u"No GitLab project"_s;
    }
    void invalidRequestSendsNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, says);
        ChecksumRequest request = requestFor(releasableSha());
        if (field == u"sha"_s)
            request.commitSha = value;
        else if (field == u"recipe"_s)
            request.recipe = value;
        else if (field == u"artifact"_s)
            request.source.artifactPath = value;
        else
            request.project = value;
        const ChecksumOutcome outcome = run(request);
        verifyProblemOnly(outcome);
        QVERIFY2(outcome.problem.contains(says), qPrintable(outcome.problem));
        QVERIFY(sim->requestLog().entries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChecksumJob)
#include "tst_checksumjob.moc"
