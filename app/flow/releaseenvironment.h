// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/tokensource.h"
#include "forge/transport.h"
#include "ledger/releaseledger.h"
#include "profiles/profile.h"
#include "secrets/tokenkey.h"
#include "watch/runwatcher.h"

#include <QObject>
#include <QSettings>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace rc::sandbox {
class ForgeSimulator;
}
namespace rc::secrets {
class KeychainTokenSource;
class TokenStore;
}  // namespace rc::secrets

namespace rc::flow {

// What a release needs around it, the same for the window and every command: the network, one
// transport, where tokens come from, the profiles and the ledger. The sandbox variant starts the
// local forge in-process with the demo profile "sandbox" and demo tokens in memory; its settings
// and ledger live in a temporary folder, so nothing reaches the keychain or the user's own
// settings and history.
class ReleaseEnvironment : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool sandbox = false;
        QString settingsFile;  // empty: the user's QSettings
        QString ledgerFile;    // empty: ReleaseLedger::defaultPath()
        // Virtual seconds per second of the sandbox's clock: 0 stands still (tests move it),
        // people get runs that finish in about half a minute.
        double sandboxSpeed = 0;
        // The demo's story: one build (Windows, Python 3.13) fails under continue-on-error on
        // the first attempt, so its diagnosed log can be read and a re-run succeeds.
        bool sandboxBuildFailsOnce = false;
    };

    // nullptr and a message when it cannot start (sandbox port, ledger).
    static std::unique_ptr<ReleaseEnvironment> create(const Options &options, QString *error);
    ~ReleaseEnvironment() override;

    bool isSandbox() const { return m_simulator != nullptr; }
    sandbox::ForgeSimulator *simulator() const { return m_simulator.get(); }
    forge::Transport *transport() const { return m_transport.get(); }
    QNetworkAccessManager *network() const { return m_network.get(); }
    profiles::ProfileStore &profiles() { return *m_profiles; }
    QSettings &settings() { return *m_settings; }
    ledger::ReleaseLedger &ledger() { return *m_ledger; }
    secrets::TokenStore *tokenStore() const { return m_tokenStore.get(); }

    // The keychain entries of the profile's GitHub and GitLab (a self-hosted GitLab, GitHub
    // Enterprise, `sandbox serve`: not necessarily the public hosts).
    static QList<secrets::TokenKey> tokenKeys(const profiles::Profile &profile);
    // Loads the tokens the profile's hosts need from the keychain (nothing to do in the
    // sandbox). `done` gets one line per token that could not be loaded.
    void prepareTokens(const profiles::Profile &profile, QObject *context,
                       std::function<void(QStringList problems)> done);

    // The clock runs are watched on: the sandbox's virtual clock while it runs, else the system's.
    watch::RunWatcher::Clock watchClock() const;
    // `base` for watching a run of `profile` on watchClock(): its polls timed from the step
    // durations the ledger holds from the profile's earlier runs.
    watch::WatchOptions watchOptions(const QString &profile, watch::WatchOptions base = {});

    // The sandbox's demo profile for a simulator's URLs.
    static profiles::Profile sandboxProfile(const sandbox::ForgeSimulator &simulator);
    // The same on the recipes-repo kit's workflow (deploy.yml): raw patch, a dispatch id, true
    // job conclusions.
    static profiles::Profile sandboxKitProfile(const sandbox::ForgeSimulator &simulator);

private:
    ReleaseEnvironment();

    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<sandbox::ForgeSimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<forge::MemoryTokenSource> m_memoryTokens;
    std::unique_ptr<secrets::TokenStore> m_tokenStore;
    std::unique_ptr<secrets::KeychainTokenSource> m_keychainTokens;
    std::unique_ptr<forge::Transport> m_transport;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<profiles::ProfileStore> m_profiles;
    std::unique_ptr<ledger::ReleaseLedger> m_ledger;
};

}  // namespace rc::flow
