// SPDX-License-Identifier: BSD-3-Clause
#include "releasefixture.h"

#include "flow/releaseenvironment.h"
#include "sandbox/virtualclock.h"
#include "support/forgewait.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace rc::reliability::test {

namespace {

// Waits for `finished` unless `done` already holds; false on timeout.
template<class Object, class Signal>
bool finishes(Object *object, Signal signal, const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QSignalSpy finished(object, signal);
    return finished.wait(timeoutMs) || done();
}

}  // namespace

int builds(const watch::RunSnapshot &snapshot)
{
    int count = 0;
    for (const watch::PlatformState &row : snapshot.platforms)
        count += row.helper ? 0 : 1;
    return count;
}

forge::TransportOptions fastTransportOptions()
{
    forge::TransportOptions options;
    options.inactivityTimeout = std::chrono::milliseconds(2000);
    options.deadline = std::chrono::milliseconds(5000);
    options.maxRetries = 1;
    options.retryBaseDelay = std::chrono::milliseconds(1);
    options.retryMaxDelay = std::chrono::milliseconds(5);
    return options;
}

ReleaseFixture::ReleaseFixture() = default;

ReleaseFixture::~ReleaseFixture()
{
    m_clients.reset();
    if (m_forge.simulator)
        m_forge.simulator->clock()->setSpeed(0);
    m_forge.stop();
}

bool ReleaseFixture::start(QString *error)
{
    if (!m_forge.start(fastTransportOptions(), error))
        return false;
    if (!m_scratch.isValid()) {
        *error = m_scratch.errorString();
        return false;
    }
    m_ledger = std::make_unique<ledger::ReleaseLedger>(m_scratch.filePath(u"ledger.sqlite"_s),
                                                       [this] { return now(); });
    if (!m_ledger->isOpen()) {
        *error = m_ledger->errorString();
        return false;
    }
    setProfile(flow::ReleaseEnvironment::sandboxProfile(*m_forge.simulator));
    return true;
}

void ReleaseFixture::shortenInactivityTimeout()
{
    rc::test::setInactivityTimeout(transport(), rc::test::kSilenceTimeout);
}

void ReleaseFixture::restoreInactivityTimeout()
{
    rc::test::setInactivityTimeout(transport(), fastTransportOptions().inactivityTimeout);
}

QDateTime ReleaseFixture::now() const
{
    return m_forge.simulator->clock()->now();
}

void ReleaseFixture::setProfile(const profiles::Profile &profile)
{
    m_profile = profile;
    m_forge.tokens->setToken(forge::Service::GitHub, m_profile.gitHubApiUrl,
                             QString(sandbox::ForgeSimulator::kGitHubClassicToken));
    m_forge.tokens->setToken(forge::Service::GitLab, m_profile.gitLabApiUrl(),
                             QString(sandbox::ForgeSimulator::kGitLabToken));
    m_clients = std::make_unique<flow::ForgeClients>(m_forge.transport.get(), m_profile);
}

void ReleaseFixture::routeThrough(const QUrl &base)
{
    profiles::Profile routed = m_profile;
    routed.gitHubApiUrl = base;
    routed.gitLabUrl = base;
    routed.anacondaApiUrl = base;
    setProfile(routed);
}

QString ReleaseFixture::releasableSha() const
{
    return rc::test::releasableSha(*m_forge.simulator);
}

flow::ReleaseOverrides ReleaseFixture::defaultOverrides()
{
    flow::ReleaseOverrides overrides;
    overrides.version = u"1.0rc5"_s;
    overrides.label = u"dev"_s;
    overrides.timestamp = u"2026-11-25T08:00:00Z"_s;
    return overrides;
}

std::optional<flow::PreparationResult>
ReleaseFixture::prepare(const QString &sha, const flow::ReleaseOverrides &overrides, int timeoutMs)
{
    flow::ReleasePreparation preparation(m_clients.get(), m_profile, sha, overrides,
                                         [this] { return now(); });
    preparation.start();
    if (!finishes(
            &preparation, &flow::ReleasePreparation::finished,
            [&preparation] { return preparation.isFinished(); }, timeoutMs))
        return std::nullopt;
    return preparation.result();
}

std::optional<flow::PreflightReport>
ReleaseFixture::preflight(const flow::PreparationResult &prepared, int timeoutMs)
{
    flow::PreflightInput input;
    input.profile = m_profile;
    input.release = prepared.release;
    input.checksum = prepared.checksum;
    input.ledger = m_ledger.get();
    flow::Preflight check(m_clients.get(), input, [this] { return now(); });
    check.start();
    if (!finishes(
            &check, &flow::Preflight::finished, [&check] { return check.report().allFinished(); },
            timeoutMs))
        return std::nullopt;
    return check.report();
}

std::optional<flow::DispatchReport>
ReleaseFixture::dispatch(const flow::PreparationResult &prepared, const QString &gitHubLogin,
                         int findAttempts, std::chrono::milliseconds findInterval, int timeoutMs)
{
    flow::DispatchRequest request;
    request.profile = m_profile;
    request.release = prepared.release;
    request.gitHubLogin = gitHubLogin;
    request.findAttempts = findAttempts;
    request.findInterval = findInterval;
    flow::Dispatcher dispatcher(m_clients.get(), m_ledger.get(), request, [this] { return now(); });
    dispatcher.start();
    if (!finishes(
            &dispatcher, &flow::Dispatcher::finished,
            [&dispatcher] { return dispatcher.isFinished(); }, timeoutMs))
        return std::nullopt;
    return dispatcher.report();
}

std::optional<std::pair<std::optional<forge::WorkflowRun>, QString>>
ReleaseFixture::resolve(qint64 ledgerId, const QString &gitHubLogin, int timeoutMs)
{
    const std::optional<ledger::LedgerEntry> entry = m_ledger->entry(ledgerId);
    if (!entry)
        return std::nullopt;
    std::optional<std::pair<std::optional<forge::WorkflowRun>, QString>> answer;
    QObject context;
    flow::findRunOfEntry(m_clients.get(), m_profile, *entry, gitHubLogin,
                         flow::claimedRunIds(*m_ledger, m_profile.name), &context,
                         [&answer](std::optional<forge::WorkflowRun> run, QString message) {
                             answer = std::make_pair(std::move(run), std::move(message));
                         });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs))
        return std::nullopt;
    return answer;
}

QString ReleaseFixture::gitHubLogin() const
{
    std::optional<QString> login;
    QObject context;
    m_clients->gitHub.whoAmI(&context,
                             [&login](const forge::ForgeResult<forge::GitHubIdentity> &result) {
                                 login = result.ok() ? result.value.login : QString();
                             });
    if (!QTest::qWaitFor([&login] { return login.has_value(); }, 10000))
        return {};
    return *login;
}

watch::WatchOptions ReleaseFixture::fastWatchOptions()
{
    watch::WatchOptions options;
    options.minInterval = std::chrono::milliseconds(20);
    options.maxInterval = std::chrono::milliseconds(200);
    options.findTimeout = std::chrono::milliseconds(5000);
    options.clockSpeed = 10000;
    return options;
}

std::unique_ptr<watch::RunWatcher> ReleaseFixture::watcherFor(qint64 runId,
                                                              watch::WatchOptions options)
{
    watch::WatchTarget target;
    target.owner = m_profile.recipesOwner();
    target.repo = m_profile.recipesName();
    target.workflow = m_profile.workflowFile;
    target.runId = runId;
    return std::make_unique<watch::RunWatcher>(&m_clients->gitHub, target, options,
                                               [this] { return now(); });
}

}  // namespace rc::reliability::test
