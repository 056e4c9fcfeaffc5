// SPDX-License-Identifier: BSD-3-Clause
#include "support/sandboxrelease.h"

using namespace Qt::StringLiterals;

namespace rc::test {

bool SandboxRelease::start(QString *error, const QString &profileName)
{
    flow::ReleaseEnvironment::Options options;
    options.sandbox = true;
    environment = flow::ReleaseEnvironment::create(options, error);
    return environment && useProfile(profileName, error);
}

bool SandboxRelease::useProfile(const QString &name, QString *error)
{
    const std::optional<profiles::Profile> loaded = environment->profiles().load(name);
    if (!loaded) {
        *error = u"the sandbox has no profile "_s + name;
        return false;
    }
    profile = *loaded;
    clients = std::make_unique<flow::ForgeClients>(environment->transport(), profile);
    return true;
}

void SandboxRelease::stop()
{
    clients.reset();
    environment.reset();
}

}  // namespace rc::test
