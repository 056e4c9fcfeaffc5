// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/forgesimulator.h"

#include "kit/recipeskit.h"
#include "sandbox/anacondaapi.h"
#include "sandbox/archives.h"
#include "sandbox/demoworkflows.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/httplistener.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

QDateTime defaultStart()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::UTC);
}

QString sha1Of(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex());
}

enum class Forge { GitHub, GitLab, Anaconda };

Forge forgeOf(const QStringList &segments)
{
    if (segments.size() >= 2 && segments.at(0) == u"api"_s && segments.at(1) == u"v4"_s)
        return Forge::GitLab;
    if (!segments.isEmpty() && segments.at(0) == u"package"_s)
        return Forge::Anaconda;
    return Forge::GitHub;
}

// The kit writes its run-name on one line: `run-name: <template>`.
QString kitRunName(const QByteArray &yaml)
{
    for (const QByteArray &line : yaml.split('\n')) {
        if (line.startsWith("run-name: "))
            return QString::fromUtf8(line.sliced(10));
    }
    return {};
}

QStringList demoInputs()
{
    return {u"recipe"_s, u"url"_s,     u"sha256"_s, u"version"_s,
            u"build"_s,  u"channel"_s, u"label"_s,  u"patch"_s};
}

}  // namespace

ForgeSimulator::ForgeSimulator(const QDateTime &start, QObject *parent)
    : QObject(parent)
    , m_clock(new VirtualClock(start.isValid() ? start : defaultStart(), this))
    , m_engine(std::make_unique<RunEngine>(m_clock))
    , m_gitHub(std::make_unique<GitHubApi>(
          m_clock, m_engine.get(),
          [this](const QString &pathAndQuery) {
              return (otherHostUrl().toString() + pathAndQuery).toUtf8();
          }))
    , m_gitLab(std::make_unique<GitLabApi>(m_clock, QString(kRecipe)))
    , m_anaconda(std::make_unique<AnacondaApi>())
{
    m_engine->setUploadSink([this](const RunEngine::Upload &upload) {
        AnacondaFile file;
        file.owner = upload.channel;
        file.package = upload.package;
        file.version = upload.version;
        file.buildNumber = upload.build.toInt();
        file.buildString =
            condaBuildString(upload.platform.python, upload.platform.key(), file.buildNumber);
        file.subdir = upload.platform.condaSubdir();
        file.labels = {upload.label.isEmpty() ? u"main"_s : upload.label};
        file.uploadTime = upload.time;
        m_anaconda->publish(file);
    });
    m_engine->setPublishedLookup([this](const RunEngine::Upload &upload) {
        const int buildNumber = upload.build.toInt();
        const QString buildString =
            condaBuildString(upload.platform.python, upload.platform.key(), buildNumber);
        for (const AnacondaFile &file : m_anaconda->files(upload.channel, upload.package)) {
            if (file.version == upload.version && file.buildString == buildString &&
                file.subdir == upload.platform.condaSubdir())
                return true;
        }
        return false;
    });
    m_engine->setTarballLookup([this](const QString &url) -> std::optional<QByteArray> {
        const QUrl parsed(url);
        const QUrl ours = gitLabUrl();
        if (!m_api || parsed.port() != ours.port() ||
            (parsed.host() != ours.host() && parsed.host() != u"localhost"_s))
            return std::nullopt;
        HttpRequest probe;
        probe.rawPath = parsed.path(QUrl::FullyEncoded).toUtf8();
        const QStringList segments = probe.pathSegments();
        if (segments.size() < 2 || segments.at(0) != u"api"_s || segments.at(1) != u"v4"_s)
            return std::nullopt;
        return m_gitLab->artifactBytesForPath(segments.mid(2));
    });
    seedDemo();
}

ForgeSimulator::~ForgeSimulator()
{
    stop();
}

void ForgeSimulator::seedDemo()
{
    const QDateTime now = m_clock->now();
    GitHubRepository &repository = m_gitHub->repository();
    repository.id = 312000001;
    repository.owner = QString(kRecipesOwner);
    repository.name = QString(kRecipesRepository);
    repository.branches = {{u"main"_s, sha1Of(u"meta-vlx-main"_s)},
                           {u"dev"_s, sha1Of(u"meta-vlx-dev"_s)}};
    repository.protectedBranches = {{u"main"_s, true}, {u"dev"_s, false}};
    repository.files = demoRecipesRepositoryFiles(QString(kRecipe));
    GitHubWorkflow deploy;
    deploy.id = 61000001;
    deploy.name = u"Deploy C++ packages"_s;
    deploy.path = u".github/workflows/"_s + QString(kWorkflowFile);
    deploy.inputs = demoInputs();
    deploy.repositoryDispatchTypes = {u"conda-build"_s};
    deploy.createdAt = QDateTime(QDate(2021, 3, 4), QTime(10, 0), QTimeZone::UTC);
    deploy.updatedAt = QDateTime(QDate(2025, 1, 15), QTime(12, 0), QTimeZone::UTC);
    GitHubWorkflow lint;
    lint.id = 61000002;
    lint.name = u"Lint recipes"_s;
    lint.path = u".github/workflows/lint.yml"_s;
    lint.hasWorkflowDispatch = false;
    lint.createdAt = deploy.createdAt;
    lint.updatedAt = deploy.createdAt;
    GitHubWorkflow raw;
    raw.id = 61000003;
    raw.name = u"Deploy C++ packages (raw patch)"_s;
    raw.path = u".github/workflows/"_s + QString(kRawWorkflowFile);
    raw.inputs = demoInputs();
    raw.runName = u"Deploy ${{ inputs.recipe }} ${{ inputs.version }} build ${{ inputs.build }} "
                  "to ${{ inputs.channel }}/${{ inputs.label }}"_s;
    raw.createdAt = QDateTime(QDate(2025, 2, 3), QTime(9, 30), QTimeZone::UTC);
    raw.updatedAt = raw.createdAt;
    GitHubWorkflow kitWorkflow;
    kitWorkflow.id = 61000004;
    kitWorkflow.name = u"Deploy conda packages"_s;
    kitWorkflow.path = QString(kit::kWorkflowPath);
    kitWorkflow.inputs = demoInputs();
    kitWorkflow.optionalInputs = {QString(kit::kDispatchIdInput)};
    const QByteArray kitYaml = kit::workflowYaml(kit::Builder::CondaBuild);
    kitWorkflow.runName = kitRunName(kitYaml);
    kitWorkflow.createdAt = QDateTime(QDate(2025, 5, 12), QTime(8, 0), QTimeZone::UTC);
    kitWorkflow.updatedAt = kitWorkflow.createdAt;
    repository.files.insert(kitWorkflow.path, kitYaml);
    repository.workflows = {deploy, lint, raw, kitWorkflow};
    m_engine->setWorkflowBehaviour(deploy.path, {});
    m_engine->setWorkflowBehaviour(
        raw.path, {WorkflowBehaviour::PatchWrite::Raw, /*cancelInProgress*/ false});
    m_engine->setWorkflowBehaviour(kitWorkflow.path,
                                   {WorkflowBehaviour::PatchWrite::Raw, /*cancelInProgress*/ false,
                                    /*failedBuildFailsJob*/ true});

    GitHubToken classic;
    classic.token = QString(kGitHubClassicToken);
    classic.expiresAt = now.addDays(60);
    m_gitHub->addToken(classic);
    GitHubToken fineGrained;
    fineGrained.token = QString(kGitHubFineGrainedToken);
    fineGrained.fineGrained = true;
    fineGrained.scopes.clear();
    fineGrained.permissions = {
        {u"actions"_s, u"write"_s}, {u"contents"_s, u"read"_s}, {u"metadata"_s, u"read"_s}};
    fineGrained.expiresAt = now.addDays(30);
    m_gitHub->addToken(fineGrained);

    GitLabToken gitLabToken;
    gitLabToken.token = QString(kGitLabToken);
    gitLabToken.expiresAt = now.date().addDays(90);
    m_gitLab->addToken(gitLabToken);
    m_gitLab->seedDemo(now);
    m_anaconda->seedDemo(now);

    // History: two finished releases, so listings and pagination have something to show.
    for (int daysAgo : {9, 4}) {
        const QJsonObject inputs {
            {u"recipe"_s, QString(kRecipe)},
            {u"url"_s,
             u"https://gitlab.example.org/api/v4/projects/42/jobs/1/artifacts/veloxchem.tar.bz2"_s},
            {u"sha256"_s, QString(64, u'0')},
            {u"version"_s, u"1.0rc4.dev1"_s},
            {u"build"_s, daysAgo == 9 ? u"0"_s : u"1"_s},
            {u"channel"_s, QString(kChannel)},
            {u"label"_s, u"dev"_s},
            {u"patch"_s, u""_s}};
        m_engine->addHistoricalRun(deploy.path, u"main"_s, repository.branches.value(u"main"_s),
                                   classic.login, deploy.name, inputs, now.addDays(-daysAgo));
    }
}

bool ForgeSimulator::start(quint16 port)
{
    stop();
    const auto handler = [this](const HttpRequest &request) {
        return handle(request);
    };
    m_api = std::make_unique<HttpListener>(Listener::Api, handler);
    m_api->setLimits(m_listenerLimits);
    if (!m_api->listen(QHostAddress::LocalHost, port)) {
        m_error = m_api->errorString();
        m_api.reset();
        return false;
    }
    // Another host on loopback: 127.0.0.2 answers on Linux; elsewhere "localhost" on its own
    // port is still a different host string in the URL, which is what redirect rules look at.
    m_otherHost = std::make_unique<HttpListener>(Listener::OtherHost, handler);
    m_otherHost->setLimits(m_listenerLimits);
    if (m_otherHost->listen(QHostAddress(u"127.0.0.2"_s))) {
        m_otherHostName = u"127.0.0.2"_s;
    } else if (m_otherHost->listen(QHostAddress::LocalHost)) {
        m_otherHostName = u"localhost"_s;
    } else {
        m_error = m_otherHost->errorString();
        m_api.reset();
        m_otherHost.reset();
        return false;
    }
    return true;
}

void ForgeSimulator::stop()
{
    m_api.reset();
    m_otherHost.reset();
}

void ForgeSimulator::setListenerLimits(const ListenerLimits &limits)
{
    m_listenerLimits = limits;
    if (m_api)
        m_api->setLimits(limits);
    if (m_otherHost)
        m_otherHost->setLimits(limits);
}

void ForgeSimulator::closeConnections()
{
    if (m_api)
        m_api->closeConnections();
    if (m_otherHost)
        m_otherHost->closeConnections();
}

QUrl ForgeSimulator::gitHubApiUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_api ? m_api->port() : 0);
    return url;
}

QUrl ForgeSimulator::gitHubEnterpriseApiUrl() const
{
    QUrl url = gitHubApiUrl();
    url.setPath(u"/api/v3"_s);
    return url;
}

QUrl ForgeSimulator::gitLabUrl() const
{
    return gitHubApiUrl();
}

QUrl ForgeSimulator::gitLabApiUrl() const
{
    QUrl url = gitHubApiUrl();
    url.setPath(u"/api/v4"_s);
    return url;
}

QUrl ForgeSimulator::anacondaApiUrl() const
{
    return gitHubApiUrl();
}

QUrl ForgeSimulator::otherHostUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_otherHostName.isEmpty() ? u"127.0.0.2"_s : m_otherHostName);
    url.setPort(m_otherHost ? m_otherHost->port() : 0);
    return url;
}

QString ForgeSimulator::recipesRepository() const
{
    return m_gitHub->repository().fullName();
}

QString ForgeSimulator::gitLabProjectPath() const
{
    return m_gitLab->projectPath();
}

QUrl ForgeSimulator::tarballUrl(const QString &sha) const
{
    const GitLabJob *job = m_gitLab->tarballJobFor(sha);
    if (!job)
        return {};
    QUrl url = gitLabApiUrl();
    url.setPath(url.path() + u"/projects/"_s + QString::number(GitLabApi::kProjectId) +
                u"/jobs/"_s + QString::number(job->id) + u"/artifacts/"_s + job->artifactFileName);
    return url;
}

void ForgeSimulator::advance(std::chrono::milliseconds step)
{
    m_clock->advance(step);
}

int ForgeSimulator::addFault(const Fault &fault)
{
    return m_faults.add(fault);
}

QUrl ForgeSimulator::addLargeGitLabArtifact(const QString &fileName, qint64 bytes, quint32 seed)
{
    const qint64 jobId = m_gitLab->addLargeArtifactJob(fileName, bytes, seed);
    QUrl url = gitLabApiUrl();
    url.setPath(url.path() + u"/projects/"_s + QString::number(GitLabApi::kProjectId) +
                u"/jobs/"_s + QString::number(jobId) + u"/artifacts/"_s + fileName);
    return url;
}

qint64 ForgeSimulator::addLargeGitHubArtifact(const QString &name, qint64 bytes, quint32 seed)
{
    const QList<const Run *> runs = m_engine->runs();
    return runs.isEmpty() ? 0 : m_engine->addLargeArtifact(runs.first()->id, name, bytes, seed);
}

QString ForgeSimulator::originOf(const HttpRequest &request) const
{
    const QByteArray host = request.header("Host");
    if (!host.isEmpty())
        return u"http://"_s + QString::fromUtf8(host);
    const QUrl base = request.listener == Listener::Api ? gitHubApiUrl() : otherHostUrl();
    return base.toString();
}

HttpResponse ForgeSimulator::handle(const HttpRequest &request)
{
    m_engine->catchUp();
    const int sequence = m_log.append(request, m_clock->now());
    std::optional<FaultKind> appliedFault;
    HttpResponse response;
    if (const std::optional<Fault> fault = m_faults.take(request.method, request.rawPath)) {
        appliedFault = fault->kind;
        response = applyFault(request, *fault);
    } else {
        response = request.listener == Listener::Api ? route(request) : serveOtherHost(request);
    }
    response.setHeader("Date"_ba, httpDate(m_clock->now()));
    response.setHeader("Server"_ba, "release-console-sandbox"_ba);
    const bool answered = response.delivery.mode != Delivery::Mode::NoAnswer &&
        response.delivery.mode != Delivery::Mode::ConnectionReset;
    m_log.annotate(sequence, answered ? response.status : 0, appliedFault);
    m_log.recordResponse(sequence, response);
    return response;
}

HttpResponse ForgeSimulator::route(const HttpRequest &request)
{
    QStringList segments = request.pathSegments();
    const QString origin = originOf(request);
    switch (forgeOf(segments)) {
    case Forge::GitLab:
        return m_gitLab->handle(request, segments.mid(2), origin);
    case Forge::Anaconda:
        return m_anaconda->handle(request, segments, origin);
    case Forge::GitHub:
        break;
    }
    QString apiBase = origin;
    if (segments.size() >= 2 && segments.at(0) == u"api"_s && segments.at(1) == u"v3"_s) {
        segments = segments.mid(2);
        apiBase += u"/api/v3"_s;
    }
    return m_gitHub->handle(request, segments, apiBase, origin);
}

HttpResponse ForgeSimulator::serveOtherHost(const HttpRequest &request)
{
    const QStringList segments = request.pathSegments();
    const auto notFound = [] {
        return HttpResponse::text(
            404,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound"
            "</Code><Message>The specified blob does not exist.</Message></Error>"_ba,
            "application/xml"_ba);
    };
    if (segments.size() != 3 || segments.at(0) != u"blobs"_s)
        return notFound();
    const QString &kind = segments.at(1);
    const QString name = segments.at(2).section(u'.', 0, 0);
    HttpResponse response;
    if (kind == u"artifacts"_s) {
        const Artifact *artifact = m_engine->artifact(name.toLongLong());
        if (!artifact)
            return notFound();
        if (artifact->streamedSize >= 0) {
            response.bodyDevice =
                std::make_shared<DeterministicByteDevice>(artifact->streamedSize, artifact->seed);
            response.bodyDeviceSize = artifact->streamedSize;
        } else {
            response.body = artifact->zip;
        }
        response.setHeader("Content-Type"_ba, "application/zip"_ba);
        response.setHeader("Content-Disposition"_ba,
                           "attachment; filename=" + artifact->name.toUtf8() +
                               ".zip; filename*=UTF-8''" + artifact->name.toUtf8() + ".zip");
    } else if (kind == u"logs"_s) {
        const Job *job = m_engine->job(name.toLongLong());
        if (!job)
            return notFound();
        response = HttpResponse::text(200, m_engine->jobLog(*job).toUtf8(),
                                      "text/plain; charset=utf-8"_ba);
    } else if (kind == u"redirected"_s) {
        const auto parked = m_parkedRedirects.constFind(name);
        if (parked == m_parkedRedirects.cend())
            return notFound();
        response = *parked;
        m_parkedRedirects.erase(parked);
    } else {
        return notFound();
    }
    response.setHeader("x-ms-request-id"_ba,
                       QByteArray::number(m_log.entries().size()) + "-sandbox-blob");
    response.setHeader("x-ms-version"_ba, "2020-10-02"_ba);
    return response;
}

HttpResponse ForgeSimulator::applyFault(const HttpRequest &request, const Fault &fault)
{
    const Forge forge =
        request.listener == Listener::OtherHost ? Forge::GitHub : forgeOf(request.pathSegments());
    const auto forgeAnswer = [&] {
        return request.listener == Listener::Api ? route(request) : serveOtherHost(request);
    };
    const auto forgeError = [&](int status, std::optional<int> retryAfter) {
        switch (forge) {
        case Forge::GitLab:
            return m_gitLab->faultResponse(status, retryAfter);
        case Forge::Anaconda:
            return m_anaconda->faultResponse(status, retryAfter);
        case Forge::GitHub:
            break;
        }
        const QString message = status == 401 ? u"Bad credentials"_s
            : status >= 500                   ? u"Server Error"_s
                                              : QString::fromLatin1(reasonPhrase(status));
        return m_gitHub->faultResponse(status, message, retryAfter);
    };

    HttpResponse response;
    switch (fault.kind) {
    case FaultKind::Delay:
        response = forgeAnswer();
        response.delivery.delay = fault.delay;
        return response;
    case FaultKind::NoAnswer:
    case FaultKind::ConnectionReset:
        if (fault.requestTakesEffect)
            response = forgeAnswer();
        response.delivery.mode = fault.kind == FaultKind::NoAnswer
            ? Delivery::Mode::NoAnswer
            : Delivery::Mode::ConnectionReset;
        response.delivery.delay = fault.delay;
        return response;
    case FaultKind::Trickle:
        response = forgeAnswer();
        response.delivery.mode = Delivery::Mode::Trickle;
        response.delivery.trickleChunkBytes = std::max<qint64>(1, fault.trickleChunkBytes);
        response.delivery.trickleInterval = fault.trickleInterval;
        return response;
    case FaultKind::TruncatedBody:
        response = forgeAnswer();
        response.delivery.mode = Delivery::Mode::TruncatedBody;
        response.delivery.truncateAfterBytes = fault.truncateAfterBytes;
        return response;
    case FaultKind::ServerError:
        return forgeError(fault.status >= 500 ? fault.status : 500, std::nullopt);
    case FaultKind::HtmlBody:
        return HttpResponse::text(
            200,
            "<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head>"
            "<body><h1>Please sign in</h1><p>This network requires you to accept the "
            "terms of use.</p></body></html>\n"_ba,
            "text/html; charset=utf-8"_ba);
    case FaultKind::InvalidJson:
        return HttpResponse::text(200, "{\"total_count\": 3, \"workflow_runs\": [{\"id\": 1,, }"_ba,
                                  "application/json; charset=utf-8"_ba);
    case FaultKind::Unauthorized:
        return forgeError(401, std::nullopt);
    case FaultKind::RateLimited403:
        return forgeError(403, fault.retryAfterSeconds);
    case FaultKind::RateLimited429:
        return forgeError(429, fault.retryAfterSeconds);
    case FaultKind::RedirectToOtherHost: {
        // The answer the API would give is parked on the other host, like a signed blob URL.
        const QString id = QString::number(m_nextParkedId++);
        m_parkedRedirects.insert(id, forgeAnswer());
        const bool keepMethod = request.method != "GET" && request.method != "HEAD";
        return HttpResponse::redirect(
            (otherHostUrl().toString() + u"/blobs/redirected/"_s + id).toUtf8(),
            keepMethod ? 307 : 302);
    }
    }
    return forgeAnswer();
}

}  // namespace rc::sandbox
