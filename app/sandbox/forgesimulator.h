// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/faults.h"
#include "sandbox/httplistener.h"
#include "sandbox/httpmessage.h"
#include "sandbox/requestlog.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>

namespace rc::sandbox {

class AnacondaApi;
class GitHubApi;
class GitLabApi;
class RunEngine;
class VirtualClock;

// The local forge: GitHub (at / and /api/v3), GitLab (/api/v4) and anaconda.org (/package/...)
// on one loopback port, plus a second loopback host that plays GitHub's blob storage. Demo state,
// tokens, faults, a request log and a virtual clock are all reachable from tests. See README.md.
class ForgeSimulator : public QObject
{
    Q_OBJECT

public:
    // Tokens the demo state accepts.
    static constexpr auto kGitHubClassicToken =
        QLatin1StringView("ghp_SandboxClassicToken0000000000000000000");
    static constexpr auto kGitHubFineGrainedToken = QLatin1StringView(
        "github_pat_11SANDBOX0000000000000000_FineGrainedDemoToken000000000000000000000");
    static constexpr auto kGitLabToken = QLatin1StringView("glpat-SandboxDemoToken0000");
    static constexpr auto kRecipesOwner = QLatin1StringView("VeloxChem");
    static constexpr auto kRecipesRepository = QLatin1StringView("meta-vlx");
    static constexpr auto kWorkflowFile = QLatin1StringView("deploy-cxx.yml");
    // The same deploy, but the patch goes through an environment variable and runs queue.
    static constexpr auto kRawWorkflowFile = QLatin1StringView("deploy-raw.yml");
    // The recipes-repo kit's workflow (rc::kit, conda-build): the patch from an environment
    // variable, a failed build fails its job, runs queue, an optional dispatch_id input.
    static constexpr auto kKitWorkflowFile = QLatin1StringView("deploy.yml");
    static constexpr auto kRecipe = QLatin1StringView("veloxchem");
    static constexpr auto kChannel = QLatin1StringView("veloxchem");

    // `start` is the virtual clock's first instant (default: now, whole seconds, UTC).
    explicit ForgeSimulator(const QDateTime &start = {}, QObject *parent = nullptr);
    ~ForgeSimulator() override;

    // Listens on 127.0.0.1:`port` (0: ephemeral) and on another loopback host.
    bool start(quint16 port = 0);
    QString errorString() const { return m_error; }
    void stop();

    QUrl gitHubApiUrl() const;            // http://127.0.0.1:P
    QUrl gitHubEnterpriseApiUrl() const;  // http://127.0.0.1:P/api/v3
    QUrl gitLabUrl() const;               // http://127.0.0.1:P (the instance; API under /api/v4)
    QUrl gitLabApiUrl() const;            // http://127.0.0.1:P/api/v4
    QUrl anacondaApiUrl() const;          // http://127.0.0.1:P
    QUrl otherHostUrl() const;            // http://127.0.0.2:Q (or http://localhost:Q)
    QString recipesRepository() const;    // VeloxChem/meta-vlx
    QString gitLabProjectPath() const;    // veloxchem/veloxchem
    // The job artifact URL of the tarball for a commit (its newest successful pipeline).
    QUrl tarballUrl(const QString &sha) const;

    VirtualClock *clock() const { return m_clock; }
    void advance(std::chrono::milliseconds step);
    RunEngine *runs() const { return m_engine.get(); }
    GitHubApi *gitHub() const { return m_gitHub.get(); }
    GitLabApi *gitLab() const { return m_gitLab.get(); }
    AnacondaApi *anaconda() const { return m_anaconda.get(); }

    // Fault injection: see Fault. Returns an id for faultHits()/removeFault().
    int addFault(const Fault &fault);
    void removeFault(int id) { m_faults.remove(id); }
    void clearFaults() { m_faults.clear(); }
    int faultHits(int id) const { return m_faults.hits(id); }

    const RequestLog &requestLog() const { return m_log; }
    void clearRequestLog() { m_log.clear(); }
    // Keeps only the newest `maxEntries` requests (0: all, the default; `sandbox serve` bounds
    // it so a long session's memory stays flat).
    void setRequestLogCapacity(qsizetype maxEntries) { m_log.setCapacity(maxEntries); }

    // Bounds of both listeners (buffer cap, idle timeout, Host check), for connections accepted
    // from now on; start() keeps them.
    void setListenerLimits(const ListenerLimits &limits);
    const ListenerLimits &listenerLimits() const { return m_listenerLimits; }
    QList<LoggedRequest> credentialLeaks() const { return m_log.credentialLeaks(); }

    // A GitLab job whose artifact `fileName` is `bytes` deterministic bytes, streamed from a
    // QIODevice; returns its URL. The bytes are deterministicBytes(bytes, seed).
    QUrl addLargeGitLabArtifact(const QString &fileName, qint64 bytes, quint32 seed = 1);
    // The same on GitHub: an artifact of the newest run; returns its id.
    qint64 addLargeGitHubArtifact(const QString &name, qint64 bytes, quint32 seed = 1);

    // Drops every open connection (e.g. ones parked by a no-answer fault).
    void closeConnections();

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse route(const HttpRequest &request);
    HttpResponse serveOtherHost(const HttpRequest &request);
    HttpResponse applyFault(const HttpRequest &request, const Fault &fault);
    QString originOf(const HttpRequest &request) const;
    void seedDemo();

    VirtualClock *m_clock;
    std::unique_ptr<RunEngine> m_engine;
    std::unique_ptr<GitHubApi> m_gitHub;
    std::unique_ptr<GitLabApi> m_gitLab;
    std::unique_ptr<AnacondaApi> m_anaconda;
    std::unique_ptr<HttpListener> m_api;
    std::unique_ptr<HttpListener> m_otherHost;
    QString m_otherHostName;
    QString m_error;
    FaultTable m_faults;
    RequestLog m_log;
    ListenerLimits m_listenerLimits;
    QHash<QString, HttpResponse> m_parkedRedirects;  // served once by the other host
    int m_nextParkedId = 1;
};

}  // namespace rc::sandbox
