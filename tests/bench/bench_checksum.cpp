// SPDX-License-Identifier: BSD-3-Clause
// Checksum of a large GitLab job artifact served by the simulator over loopback (SPEC §6):
// ChecksumJob (pipeline → job → streamed download → QCA SHA-256 + libarchive) against
// `curl -s URL | openssl dgst -sha256` from the same server (goal ≥ 1.0) and against QCA hashing
// the same bytes from a local file (the limit; goal ≥ 0.8), plus the peak RSS growth of our
// download (goal ≤ 32 MiB). Measured side by side in one run, in alternating rounds; ratios only.
// Exits 2 when the three digests differ.
//
//   bench_checksum [--mib 1024] [--rounds 5] [--only-ours]
// --only-ours runs just ChecksumJob's rounds and prints their throughput: for a profiler.

#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "sandbox/archives.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/gitlabapi.h"
#include "tarball/checksumjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>
#include <QtCrypto>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using rc::sandbox::ForgeSimulator;

namespace {

constexpr quint32 kSeed = 20261125;
const QString kArtifact = u"bench.tar.bz2"_s;

qint64 procStatus(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong() *
                1024;
    }
    return -1;
}

// Linux: "5" resets the peak RSS (VmHWM) to the current RSS.
bool resetPeakRss()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

struct Measured
{
    double seconds = 0;
    QString sha256;
    qint64 peakRssGrowth = -1;
};

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCA::Initializer qca;
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mibOption(u"mib"_s, u"Artifact size in MiB (1024)."_s, u"n"_s,
                                       u"1024"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds (5)."_s, u"n"_s, u"5"_s);
    parser.addOption(mibOption);
    parser.addOption(roundsOption);
    const QCommandLineOption onlyOursOption(
        u"only-ours"_s, u"Only ChecksumJob's rounds, no ratios (to run under a profiler)."_s);
    parser.addOption(onlyOursOption);
    const QCommandLineOption bufferOption(
        u"stream-buffer-kib"_s, u"The transport's stream buffer (its default)."_s, u"n"_s);
    parser.addOption(bufferOption);
    parser.process(app);
    const qint64 size = parser.value(mibOption).toLongLong() << 20;
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    if (const QString missing = rc::tarball::sha256Unavailable(); !missing.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(missing));
        return 1;
    }
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (curl.isEmpty() || openssl.isEmpty()) {
        std::fprintf(stderr, "bench_checksum needs curl and openssl on PATH\n");
        return 1;
    }

    // The server on a thread of its own, as a real GitLab would be in another process.
    QThread serverThread;
    serverThread.start();
    QObject serverAnchor;
    serverAnchor.moveToThread(&serverThread);
    ForgeSimulator *sim = nullptr;
    QUrl artifactUrl;
    QUrl apiUrl;
    QString commitSha;
    QString error;
    QMetaObject::invokeMethod(
        &serverAnchor,
        [&] {
            sim = new ForgeSimulator(QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC));
            if (!sim->start()) {
                error = sim->errorString();
                return;
            }
            artifactUrl = sim->addLargeGitLabArtifact(kArtifact, size, kSeed);
            apiUrl = sim->gitLabApiUrl();
            for (const auto &pipeline : sim->gitLab()->pipelines()) {
                if (pipeline.status == u"success"_s) {
                    commitSha = pipeline.sha;  // the pipeline the large artifact's job joined
                    break;
                }
            }
        },
        Qt::BlockingQueuedConnection);
    const auto stopServer = [&] {
        QMetaObject::invokeMethod(&serverAnchor, [&] { delete sim; }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    };
    if (!error.isEmpty() || commitSha.isEmpty()) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(error));
        stopServer();
        return 1;
    }

    QTemporaryDir dir;
    const bool onlyOurs = parser.isSet(onlyOursOption);
    const QString localPath = dir.filePath(kArtifact);
    if (!onlyOurs) {
        QFile out(localPath);
        rc::sandbox::DeterministicByteDevice bytes(size, kSeed);
        bytes.open(QIODevice::ReadOnly);
        if (!out.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(localPath));
            stopServer();
            return 1;
        }
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (qint64 n; (n = bytes.read(buffer.data(), buffer.size())) > 0;)
            out.write(buffer.constData(), n);
    }

    QNetworkAccessManager network;
    rc::forge::MemoryTokenSource tokens;
    tokens.setToken(rc::forge::Service::GitLab, apiUrl, QString(ForgeSimulator::kGitLabToken));
    rc::forge::Transport transport(&network, &tokens);
    if (parser.isSet(bufferOption)) {
        rc::forge::TransportOptions options = transport.options();
        options.streamBufferBytes = parser.value(bufferOption).toLongLong() * 1024;
        transport.setOptions(options);
    }
    rc::forge::GitLabClient gitlab(&transport, apiUrl);

    rc::tarball::ChecksumRequest request;
    request.project = QString::number(rc::sandbox::GitLabApi::kProjectId);
    request.commitSha = commitSha;
    request.recipe = u"bench"_s;
    request.ref = u"master"_s;
    request.source.jobName = u"large-artifact"_s;
    request.source.artifactPath = kArtifact;

    const auto ours = [&]() -> Measured {
        Measured m;
        const bool peakKnown = resetPeakRss();
        const qint64 before = procStatus("VmRSS:");
        rc::tarball::ChecksumJob job(&gitlab, request);
        QEventLoop loop;
        QObject::connect(&job, &rc::tarball::ChecksumJob::finished, &loop, &QEventLoop::quit);
        QElapsedTimer timer;
        timer.start();
        job.start();
        loop.exec();
        m.seconds = timer.nsecsElapsed() / 1e9;
        if (peakKnown && before > 0)
            m.peakRssGrowth = procStatus("VmHWM:") - before;
        const auto &outcome = job.outcome();
        if (!outcome.result) {
            std::fprintf(stderr, "ChecksumJob failed: %s%s\n", qPrintable(outcome.problem),
                         qPrintable(outcome.error.describe()));
            return m;
        }
        if (outcome.result->bytes != size)
            std::fprintf(stderr, "ChecksumJob read %lld bytes\n", outcome.result->bytes);
        m.sha256 = outcome.result->sha256;
        return m;
    };
    const auto curlOpenssl = [&]() -> Measured {
        Measured m;
        QProcess download;
        QProcess digest;
        download.setStandardOutputProcess(&digest);
        QElapsedTimer timer;
        timer.start();
        digest.start(openssl, {u"dgst"_s, u"-sha256"_s});
        download.start(curl,
                       {u"-s"_s, u"-H"_s, u"PRIVATE-TOKEN: "_s + ForgeSimulator::kGitLabToken,
                        artifactUrl.toString()});
        download.waitForFinished(-1);
        digest.waitForFinished(-1);
        m.seconds = timer.nsecsElapsed() / 1e9;
        const QByteArray out = digest.readAllStandardOutput().trimmed();
        m.sha256 = QString::fromLatin1(out.mid(out.lastIndexOf(' ') + 1));
        return m;
    };
    const auto localFile = [&]() -> Measured {
        Measured m;
        QElapsedTimer timer;
        timer.start();
        QFile in(localPath);
        if (!in.open(QIODevice::ReadOnly))
            return m;
        QCA::Hash hash(u"sha256"_s,
                       QCA::isSupported("sha256", u"qca-ossl"_s) ? u"qca-ossl"_s : QString());
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (qint64 n; (n = in.read(buffer.data(), buffer.size())) > 0;)
            hash.update(buffer.constData(), int(n));
        m.sha256 = QCA::arrayToHex(hash.final().toByteArray());
        m.seconds = timer.nsecsElapsed() / 1e9;
        return m;
    };

    if (onlyOurs) {
        for (int round = 0; round < rounds; ++round) {
            const Measured m = ours();
            std::printf("round %d: ChecksumJob %.2f GiB/s\n", round + 1,
                        double(size) / double(1 << 30) / m.seconds);
        }
        stopServer();
        return 0;
    }
    localFile();  // warm the page cache: the limit is hashing, not the disk
    std::printf("bench_checksum: %lld MiB artifact, %d rounds, alternating order\n", size >> 20,
                rounds);
    QList<double> vsCurl;
    QList<double> vsLocal;
    qint64 worstRss = -1;
    QString expected;
    bool agree = true;
    for (int round = 0; round < rounds; ++round) {
        Measured a, b, c;
        switch (round % 3) {
        case 0:
            a = ours(), b = curlOpenssl(), c = localFile();
            break;
        case 1:
            b = curlOpenssl(), c = localFile(), a = ours();
            break;
        default:
            c = localFile(), a = ours(), b = curlOpenssl();
            break;
        }
        if (expected.isEmpty())
            expected = c.sha256;
        agree = agree && a.sha256 == expected && b.sha256 == expected && c.sha256 == expected;
        const double gib = double(size) / double(1 << 30);
        std::printf("round %d: ChecksumJob %.2f GiB/s, curl|openssl %.2f GiB/s, QCA local file "
                    "%.2f GiB/s, peak RSS growth %.1f MiB\n",
                    round + 1, gib / a.seconds, gib / b.seconds, gib / c.seconds,
                    a.peakRssGrowth / 1048576.0);
        vsCurl.append(b.seconds / a.seconds);
        vsLocal.append(c.seconds / a.seconds);
        worstRss = qMax(worstRss, a.peakRssGrowth);
    }
    stopServer();

    const double curlRatio = median(vsCurl);
    const double localRatio = median(vsLocal);
    std::printf("throughput vs curl | openssl dgst:  %.2fx (goal >= 1.0)\n", curlRatio);
    std::printf("throughput vs QCA on a local file: %.2fx (goal >= 0.8)\n", localRatio);
    std::printf("peak RSS growth: %.1f MiB (goal <= 32)\n", worstRss / 1048576.0);
    std::printf("sha256 %s: %s\n", qPrintable(expected), agree ? "all three agree" : "MISMATCH");
    std::printf("RESULT name=checksum_vs_curl value=%.3f goal=>=1.0 unit=x\n", curlRatio);
    std::printf("RESULT name=checksum_vs_local_file value=%.3f goal=>=0.8 unit=x\n", localRatio);
    std::printf("RESULT name=checksum_rss_growth value=%.1f goal=<=32 unit=MiB\n",
                worstRss / 1048576.0);
    return agree ? 0 : 2;
}
