// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/anacondaclient.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "forge/transport.h"
#include "sandbox/forgesimulator.h"
#include "sandbox/githubapi.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <memory>

namespace rc::test {

// The moment every simulator-backed test starts at, unless it says otherwise.
QDateTime simulatorEpoch();

// The forge simulator on loopback with the real clients on one transport, its demo tokens in
// memory and the transport on the simulator's clock, with a fixed jitter. What most tests of
// the network path start from.
struct SimulatorClients
{
    std::unique_ptr<sandbox::ForgeSimulator> simulator;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<forge::MemoryTokenSource> tokens;
    std::unique_ptr<forge::Transport> transport;
    std::unique_ptr<forge::GitHubClient> github;
    std::unique_ptr<forge::GitLabClient> gitlab;
    std::unique_ptr<forge::AnacondaClient> anaconda;

    // Starts the simulator and builds the clients; on failure `error` says why and the clients
    // are not built. With `withGitLabToken` false only GitHub has a token.
    bool start(const forge::TransportOptions &options, QString *error, bool withGitLabToken = true);
    // Clients first, the simulator last. Also on destruction.
    void stop();
    ~SimulatorClients() { stop(); }

    // Transport options for tests: instant retries; timeouts an AddressSanitizer build on a
    // loaded machine answers within (a stalled test process is not a silent server: a POST is
    // not retried).
    static forge::TransportOptions quickOptions();
    // For a test that waits until a silent server times out: kSilenceTimeout (forgewait.h).
    void shortenInactivityTimeout();
};

// The newest demo commit whose pipeline made a tarball.
QString releasableSha(const sandbox::ForgeSimulator &simulator);

// The sha256 (hex) of exactly what the simulator serves at tarballUrl(sha).
QString tarballSha256(const sandbox::ForgeSimulator &simulator, const QString &sha);

// The eight workflow inputs of a valid release of `sha`, with the printf-encoded patch that
// turns the demo __init__.py into `version`.
QJsonObject releaseInputs(const sandbox::ForgeSimulator &simulator, const QString &sha,
                          const QString &version);

// GitHub tokens of less power than the demo ones, for the simulator's addToken(): a
// fine-grained one with only `permissions` ("actions" → "read", ...), a classic one with only
// `scopes`.
sandbox::GitHubToken fineGrainedToken(const QString &token,
                                      const QHash<QString, QString> &permissions);
sandbox::GitHubToken classicToken(const QString &token, const QStringList &scopes);

}  // namespace rc::test
