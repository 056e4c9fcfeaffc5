// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "flow/forgeclients.h"
#include "flow/releaseenvironment.h"
#include "profiles/profile.h"
#include "sandbox/forgesimulator.h"

#include <QString>

#include <memory>

namespace rc::test {

// What the flow and window tests release against: the ReleaseEnvironment in sandbox mode (the
// simulator in-process, profiles and ledger in a temporary folder) and the forge clients of one
// of its profiles. The test may change `profile` (ref, workflow) between its calls; the clients
// keep the hosts they were made for.
struct SandboxRelease
{
    std::unique_ptr<flow::ReleaseEnvironment> environment;
    profiles::Profile profile;
    std::unique_ptr<flow::ForgeClients> clients;

    // Creates the environment and the clients of `profileName`; on failure `error` says why.
    bool start(QString *error, const QString &profileName = QStringLiteral("sandbox"));
    // The clients of another of the environment's profiles ("sandbox-kit").
    bool useProfile(const QString &name, QString *error);
    // Clients first, the environment last. Also on destruction.
    void stop();
    ~SandboxRelease() { stop(); }

    sandbox::ForgeSimulator &simulator() const { return *environment->simulator(); }
};

}  // namespace rc::test
