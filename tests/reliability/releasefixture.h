// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// One release's surroundings for the reliability tests: the forge and its transport of
// tests/support (on the forge's virtual clock, tokens in memory) with small timeouts, a ledger
// on that clock in a temporary folder and the demo profile, which can be sent through a gateway;
// the flow's real services driven to their end.

#include "flow/dispatcher.h"
#include "flow/forgeclients.h"
#include "flow/preflight.h"
#include "flow/releasepreparation.h"
#include "forge/tokensource.h"
#include "forge/transport.h"
#include "ledger/releaseledger.h"
#include "profiles/profile.h"
#include "sandbox/forgesimulator.h"
#include "support/simulatorclients.h"
#include "watch/runwatcher.h"

#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>

namespace rc::reliability::test {

// Retries quick enough for hundreds of faulty requests in a test; timeouts large enough for an
// AddressSanitizer build on a loaded machine to answer in time (a stalled test process is not a
// silent server: a POST is not retried). A test waiting out a silent server shortens them.
forge::TransportOptions fastTransportOptions();

// The rows of a run that are builds (not helper jobs such as prepare or summary).
int builds(const watch::RunSnapshot &snapshot);

class ReleaseFixture
{
public:
    ReleaseFixture();
    ~ReleaseFixture();
    ReleaseFixture(const ReleaseFixture &) = delete;
    ReleaseFixture &operator=(const ReleaseFixture &) = delete;

    // Starts the forge and opens the ledger; false and `error` when either fails.
    bool start(QString *error);

    sandbox::ForgeSimulator &simulator() { return *m_forge.simulator; }
    forge::Transport &transport() { return *m_forge.transport; }
    // kSilenceTimeout (forgewait.h) while a test waits out a silent server; fastTransportOptions()'
    // again after.
    void shortenInactivityTimeout();
    void restoreInactivityTimeout();
    ledger::ReleaseLedger &ledger() { return *m_ledger; }
    const flow::ForgeClients &clients() const { return *m_clients; }
    const profiles::Profile &profile() const { return m_profile; }
    QDateTime now() const;  // the forge's virtual clock, which the flow runs on too

    // Sends every request of the profile to `base` (a gateway in front of the forge) instead;
    // the demo tokens are given to that origin as well.
    void routeThrough(const QUrl &base);
    void setProfile(const profiles::Profile &profile);

    // The newest commit whose pipeline made a tarball.
    QString releasableSha() const;
    // Version 1.0rc5, label dev, the commit's defaults otherwise.
    static flow::ReleaseOverrides defaultOverrides();

    // Each runs the service to its end; nullopt when it did not finish within `timeoutMs`.
    std::optional<flow::PreparationResult>
    prepare(const QString &sha, const flow::ReleaseOverrides &overrides = defaultOverrides(),
            int timeoutMs = 20000);
    std::optional<flow::PreflightReport> preflight(const flow::PreparationResult &prepared,
                                                   int timeoutMs = 20000);
    std::optional<flow::DispatchReport>
    dispatch(const flow::PreparationResult &prepared, const QString &gitHubLogin,
             int findAttempts = 2,
             std::chrono::milliseconds findInterval = std::chrono::milliseconds(50),
             int timeoutMs = 20000);
    // What findRunOfEntry() says about a ledger entry now; nullopt when it gave no answer.
    std::optional<std::pair<std::optional<forge::WorkflowRun>, QString>>
    resolve(qint64 ledgerId, const QString &gitHubLogin, int timeoutMs = 20000);

    // The login the demo GitHub token belongs to (what the preflight finds).
    QString gitHubLogin() const;
    // Polls fast enough for a test: tens of milliseconds apart, a minute of virtual clock
    // fast-forwarded in a rate-limit wait of a few milliseconds.
    static watch::WatchOptions fastWatchOptions();
    std::unique_ptr<watch::RunWatcher> watcherFor(qint64 runId,
                                                  watch::WatchOptions options = fastWatchOptions());

private:
    rc::test::SimulatorClients m_forge;
    QTemporaryDir m_scratch;
    std::unique_ptr<ledger::ReleaseLedger> m_ledger;
    profiles::Profile m_profile;
    std::unique_ptr<flow::ForgeClients> m_clients;
};

}  // namespace rc::reliability::test
