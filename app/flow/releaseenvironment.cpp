// SPDX-License-Identifier: BSD-3-Clause
#include "flow/releaseenvironment.h"

#include "forge/forgeheaders.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"
#include "secrets/keychaintokensource.h"
#include "secrets/tokenstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace rc::flow {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::flow::ReleaseEnvironment)
};

}  // namespace

ReleaseEnvironment::ReleaseEnvironment() = default;

ReleaseEnvironment::~ReleaseEnvironment()
{
    // Replies and the transport go before the network and the simulator they talk to.
    m_transport.reset();
    m_network.reset();
}

profiles::Profile ReleaseEnvironment::sandboxProfile(const sandbox::ForgeSimulator &simulator)
{
    profiles::Profile profile;
    profile.name = u"sandbox"_s;
    profile.gitLabUrl = simulator.gitLabUrl();
    profile.gitLabProject = simulator.gitLabProjectPath();
    profile.branch = u"master"_s;
    profile.gitHubApiUrl = simulator.gitHubApiUrl();
    profile.recipesRepo = simulator.recipesRepository();
    profile.workflowFile = QString(sandbox::ForgeSimulator::kWorkflowFile);
    profile.workflowRef = u"main"_s;
    profile.recipe = QString(sandbox::ForgeSimulator::kRecipe);
    profile.defaultChannel = QString(sandbox::ForgeSimulator::kChannel);
    profile.defaultLabel = u"dev"_s;
    profile.anacondaApiUrl = simulator.anacondaApiUrl();
    return profile;
}

profiles::Profile ReleaseEnvironment::sandboxKitProfile(const sandbox::ForgeSimulator &simulator)
{
    profiles::Profile profile = sandboxProfile(simulator);
    profile.name = u"sandbox-kit"_s;
    profile.workflowFile = QString(sandbox::ForgeSimulator::kKitWorkflowFile);
    profile.patchEncoding = release::PatchEncoding::Raw;
    profile.dispatchIdInput = u"dispatch_id"_s;
    return profile;
}

std::unique_ptr<ReleaseEnvironment> ReleaseEnvironment::create(const Options &options,
                                                               QString *error)
{
    std::unique_ptr<ReleaseEnvironment> environment(new ReleaseEnvironment);
    ReleaseEnvironment &e = *environment;
    e.m_network = std::make_unique<QNetworkAccessManager>();
    QString settingsFile = options.settingsFile;
    QString ledgerFile = options.ledgerFile;
    const forge::TokenSource *tokens = nullptr;

    if (options.sandbox) {
        e.m_scratch = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                      u"/release-console-sandbox-XXXXXX"_s);
        if (!e.m_scratch->isValid()) {
            *error = Text::tr("cannot create a folder for the sandbox: %1")
                         .arg(e.m_scratch->errorString());
            return nullptr;
        }
        e.m_simulator = std::make_unique<sandbox::ForgeSimulator>();
        if (!e.m_simulator->start()) {
            *error =
                Text::tr("cannot start the sandbox forge: %1").arg(e.m_simulator->errorString());
            return nullptr;
        }
        if (options.sandboxSpeed > 0)
            e.m_simulator->clock()->setSpeed(options.sandboxSpeed);
        if (options.sandboxBuildFailsOnce)
            e.m_simulator->runs()->setPlatformOutcome(u"windows-*_3.13_*"_s,
                                                      sandbox::BuildOutcome::BuildFails, 1);
        e.m_memoryTokens = std::make_unique<forge::MemoryTokenSource>();
        e.m_memoryTokens->setToken(forge::Service::GitHub, e.m_simulator->gitHubApiUrl(),
                                   QString(sandbox::ForgeSimulator::kGitHubClassicToken));
        e.m_memoryTokens->setToken(forge::Service::GitLab, e.m_simulator->gitLabApiUrl(),
                                   QString(sandbox::ForgeSimulator::kGitLabToken));
        tokens = e.m_memoryTokens.get();
        if (settingsFile.isEmpty())
            settingsFile = e.m_scratch->filePath(u"settings.ini"_s);
        if (ledgerFile.isEmpty())
            ledgerFile = e.m_scratch->filePath(u"ledger.sqlite"_s);
    } else {
        e.m_tokenStore = secrets::TokenStore::forSystemKeychain();
        e.m_keychainTokens = std::make_unique<secrets::KeychainTokenSource>(*e.m_tokenStore);
        tokens = e.m_keychainTokens.get();
    }

    e.m_transport = std::make_unique<forge::Transport>(e.m_network.get(), tokens);
    e.m_settings = settingsFile.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    e.m_profiles = std::make_unique<profiles::ProfileStore>(*e.m_settings);
    if (e.m_simulator) {
        for (const profiles::Profile &profile :
             {sandboxProfile(*e.m_simulator), sandboxKitProfile(*e.m_simulator)}) {
            const QString problem = e.m_profiles->save(profile);
            if (!problem.isEmpty()) {
                *error = problem;
                return nullptr;
            }
        }
    }
    e.m_ledger = std::make_unique<ledger::ReleaseLedger>(
        ledgerFile.isEmpty() ? ledger::ReleaseLedger::defaultPath() : ledgerFile);
    if (!e.m_ledger->isOpen()) {
        *error = e.m_ledger->errorString();
        return nullptr;
    }
    return environment;
}

QList<secrets::TokenKey> ReleaseEnvironment::tokenKeys(const profiles::Profile &profile)
{
    QList<secrets::TokenKey> keys;
    const auto addKey = [&keys](forge::Service service, const QUrl &url) {
        if (const auto key =
                secrets::KeychainTokenSource::keyForOrigin(service, forge::originOf(url)))
            keys << *key;
    };
    addKey(forge::Service::GitHub, profile.gitHubApiUrl);
    addKey(forge::Service::GitLab, profile.gitLabApiUrl());
    return keys;
}

void ReleaseEnvironment::prepareTokens(const profiles::Profile &profile, QObject *context,
                                       std::function<void(QStringList problems)> done)
{
    if (!m_keychainTokens) {
        done({});
        return;
    }
    m_keychainTokens->load(tokenKeys(profile), context,
                           [done](const secrets::KeychainTokenSource::Errors &errors) {
                               QStringList problems;
                               for (auto it = errors.cbegin(); it != errors.cend(); ++it)
                                   problems << it.key() + u": "_s + it.value().describe();
                               done(problems);
                           });
}

watch::RunWatcher::Clock ReleaseEnvironment::watchClock() const
{
    if (m_simulator && m_simulator->clock()->speed() > 0) {
        const sandbox::VirtualClock *clock = m_simulator->clock();
        return [clock] {
            return clock->now();
        };
    }
    return &QDateTime::currentDateTimeUtc;
}

watch::WatchOptions ReleaseEnvironment::watchOptions(const QString &profile,
                                                     watch::WatchOptions base)
{
    if (m_simulator) {
        // A sandbox clock that stands still (tests move it by hand) gives no time to predict.
        const double speed = m_simulator->clock()->speed();
        if (speed <= 0) {
            base.learnFromEarlierRun = false;
            return base;
        }
        base.clockSpeed = speed;
    }
    for (const ledger::StepDuration &step : m_ledger->typicalStepDurations(profile))
        base.typicalStepDurations[step.jobName][step.stepName] = std::chrono::seconds(step.seconds);
    return base;
}

}  // namespace rc::flow
