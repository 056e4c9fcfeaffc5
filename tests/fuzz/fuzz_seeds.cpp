// SPDX-License-Identifier: BSD-3-Clause
// Writes the seed corpora of the fuzz targets that read what crosses the wire, taken from a real
// session against the simulator: the app's forge clients do what a release does (identity,
// workflow file, runs, commits, tarball patch, dispatch, jobs, artifacts, build summary), then
//   <corpus>/httprequest/  every request the simulator received, byte for byte as parsed (the
//                          token replaced), and two of them pipelined;
//   <corpus>/summaryjson/  the summary.json of every build_summary-* artifact of the run, one
//                          platform built, one whose build failed, one whose job failed.
// Usage: fuzz_seeds <tests/fuzz/corpus>   (replaces the files of those two folders)
#include "forge/anacondaclient.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "forge/transport.h"
#include "forge/zipreader.h"
#include "release/patchgenerator.h"
#include "release/payload.h"
#include "release/releasespec.h"
#include "sandbox/archives.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace rc::forge;
using rc::sandbox::ForgeSimulator;

namespace {

// Runs a client call taking (context, callback) and waits for its result.
template<class T, class Call>
std::optional<ForgeResult<T>> await(Call call)
{
    std::optional<ForgeResult<T>> result;
    QObject context;
    call(&context, [&](const ForgeResult<T> &r) { result = r; });
    const QDeadlineTimer deadline(std::chrono::seconds(20));
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

template<class T>
bool succeeded(const std::optional<ForgeResult<T>> &result, const char *what)
{
    if (result && result->ok())
        return true;
    std::fprintf(stderr, "fuzz_seeds: %s failed: %s\n", what,
                 result ? qPrintable(result->error.describe()) : "no answer");
    return false;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "fuzz_seeds: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

// An empty folder (the old seeds go: the corpus is what this session produced).
bool emptyFolder(const QString &path)
{
    QDir dir(path);
    if (!dir.mkpath(u"."_s))
        return false;
    for (const QString &name : dir.entryList(QDir::Files))
        dir.remove(name);
    return true;
}

// The request as it arrived: request line, headers, blank line, body. Tokens become a marker,
// so that no credential is written, not even a sandbox one.
QByteArray wireBytes(const rc::sandbox::LoggedRequest &request)
{
    QByteArray bytes = request.method + ' ' + request.rawPath;
    if (!request.query.isEmpty())
        bytes += '?' + request.query.toUtf8();
    bytes += " HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "\r\n" + request.body;
    for (const QLatin1StringView token :
         {ForgeSimulator::kGitHubClassicToken, ForgeSimulator::kGitHubFineGrainedToken,
          ForgeSimulator::kGitLabToken})
        bytes.replace(QByteArrayView(token), "sandbox-token-removed");
    return bytes;
}

// "03-get-runs": the order, the method and the last path segment.
QString requestFileName(int index, const rc::sandbox::LoggedRequest &request)
{
    static const QRegularExpression unsafe(u"[^a-z0-9]+"_s);
    QString last = request.path.section(u'/', -1).toLower().replace(unsafe, u"-"_s);
    if (last.isEmpty())
        last = u"root"_s;
    return u"%1-%2-%3"_s.arg(index, 2, 10, QChar(u'0'))
        .arg(QString::fromLatin1(request.method).toLower(), last.left(40));
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds <tests/fuzz/corpus>\n");
        return 2;
    }
    const QString corpus = QString::fromLocal8Bit(argv[1]);
    const QString requestsFolder = corpus + u"/httprequest"_s;
    const QString summariesFolder = corpus + u"/summaryjson"_s;

    ForgeSimulator forge(QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC));
    if (!forge.start()) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", qPrintable(forge.errorString()));
        return 1;
    }
    // One platform of each kind of ending: the summary says so.
    forge.runs()->setPlatformOutcome(u"windows-*"_s, rc::sandbox::BuildOutcome::BuildFails);
    forge.runs()->setPlatformOutcome(u"macos-*"_s, rc::sandbox::BuildOutcome::JobFails);

    QNetworkAccessManager network;
    MemoryTokenSource tokens;
    tokens.setToken(Service::GitHub, forge.gitHubApiUrl(),
                    QString(ForgeSimulator::kGitHubClassicToken));
    tokens.setToken(Service::GitLab, forge.gitLabApiUrl(), QString(ForgeSimulator::kGitLabToken));
    Transport transport(&network, &tokens, [&forge] { return forge.clock()->now(); });
    const GitHubClient gitHub(&transport, forge.gitHubApiUrl());
    const GitLabClient gitLab(&transport, forge.gitLabApiUrl());
    const AnacondaClient anaconda(&transport, forge.anacondaApiUrl());
    const QString owner = ForgeSimulator::kRecipesOwner;
    const QString repo = ForgeSimulator::kRecipesRepository;
    // The patch reaches this workflow's runner unmangled (an environment variable, not printf).
    const QString workflow = ForgeSimulator::kRawWorkflowFile;

    bool ok = succeeded(
        await<GitHubIdentity>([&](QObject *context, auto done) { gitHub.whoAmI(context, done); }),
        "GET /user");
    ok = ok &&
        succeeded(await<QByteArray>([&](QObject *context, auto done) {
                      gitHub.fileContents(owner, repo, u".github/workflows/"_s + workflow,
                                          u"main"_s, context, done);
                  }),
                  "workflow file");
    RunQuery query;
    query.workflow = workflow;
    query.branch = u"main"_s;
    query.perPage = 20;
    for (int i = 0; ok && i < 2; ++i)  // the second one is conditional (If-None-Match)
        ok = succeeded(await<Page<WorkflowRun>>([&](QObject *context, auto done) {
                           gitHub.runs(owner, repo, query, context, done);
                       }),
                       "runs");
    const auto commits = await<Page<GitLabCommit>>([&](QObject *context, auto done) {
        gitLab.commits(forge.gitLabProjectPath(), u"master"_s, 1, 20, context, done);
    });
    ok = ok && succeeded(commits, "GitLab commits");
    ok = ok &&
        succeeded(await<AnacondaPackageFiles>([&](QObject *context, auto done) {
                      anaconda.files(ForgeSimulator::kChannel, ForgeSimulator::kRecipe, context,
                                     done);
                  }),
                  "anaconda.org files");
    if (!ok || commits->value.items.isEmpty())
        return 1;

    // The dispatch a release sends: the patch made from the tarball's __init__.py.
    const QString sha = commits->value.items.constFirst().id;
    const QByteArray tarball = forge.gitLab()->tarballFor(sha);
    const auto files = rc::sandbox::readArchiveFiles(tarball);
    if (!files || !files->contains(u"veloxchem/src/pymodule/__init__.py"_s)) {
        std::fprintf(stderr, "fuzz_seeds: the tarball has no __init__.py\n");
        return 1;
    }
    rc::release::PatchRequest patchRequest;
    patchRequest.original = files->value(u"veloxchem/src/pymodule/__init__.py"_s);
    patchRequest.version = u"1.0rc4"_s;
    patchRequest.build = u"2"_s;
    patchRequest.commitSha = sha;
    patchRequest.author = u"Ada Lovelace"_s;
    patchRequest.timestamp = u"2026-11-25T08:00:00Z"_s;
    const rc::release::PatchResult patch = rc::release::generatePatch(patchRequest);
    rc::release::ReleaseSpec spec;
    spec.recipe = ForgeSimulator::kRecipe;
    spec.commitSha = sha;
    spec.url = forge.tarballUrl(sha).toString();
    spec.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(tarball, QCryptographicHash::Sha256).toHex());
    spec.version = patchRequest.version;
    spec.build = patchRequest.build;
    spec.channel = ForgeSimulator::kChannel;
    spec.label = u"dev"_s;
    spec.patch = patch.diff;
    const auto dispatch = await<DispatchResult>([&](QObject *context, auto done) {
        gitHub.dispatchWorkflow(owner, repo, workflow,
                                rc::release::buildWorkflowDispatch(spec, u"main"_s).json, context,
                                done);
    });
    if (!succeeded(dispatch, "dispatch") || !dispatch->value.runId)
        return 1;
    const qint64 runId = *dispatch->value.runId;

    forge.advance(std::chrono::minutes(20));  // the whole run is over after about 12
    ok = succeeded(await<QList<WorkflowJob>>([&](QObject *context, auto done) {
                       gitHub.jobs(owner, repo, runId, context, done, u"latest"_s);
                   }),
                   "jobs");
    const auto artifacts = await<QList<GitHubArtifact>>(
        [&](QObject *context, auto done) { gitHub.artifacts(owner, repo, runId, context, done); });
    ok = ok && succeeded(artifacts, "artifacts") && !artifacts->value.isEmpty();
    ok = ok &&
        succeeded(await<BuildSummary>([&](QObject *context, auto done) {
                      gitHub.buildSummary(owner, repo, artifacts->value.constFirst(), context,
                                          done);
                  }),
                  "build summary");
    if (!ok || !emptyFolder(requestsFolder) || !emptyFolder(summariesFolder))
        return 1;

    const QList<rc::sandbox::LoggedRequest> &requests = forge.requestLog().entries();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (!writeFile(requestsFolder + u'/' + requestFileName(int(i + 1), requests[i]),
                       wireBytes(requests[i])))
            return 1;
    }
    // A client that does not wait for the answer: the workflow file, then the runs.
    if (requests.size() >= 3 &&
        !writeFile(requestsFolder + u"/pipelined"_s,
                   wireBytes(requests[1]) + wireBytes(requests[2])))
        return 1;

    int summaries = 0;
    for (const rc::sandbox::Artifact *artifact : forge.runs()->artifactsOf(runId)) {
        const ZipEntryResult entry = readZipEntry(artifact->zip, u"summary.json"_s);
        if (!entry.data)
            continue;
        ++summaries;
        if (!writeFile(summariesFolder + u'/' + artifact->name, *entry.data))
            return 1;
    }
    std::printf("%lld requests in %s, %d summaries in %s\n", qlonglong(requests.size()),
                qPrintable(requestsFolder), summaries, qPrintable(summariesFolder));
    return summaries > 0 ? 0 : 1;
}
