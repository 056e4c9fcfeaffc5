// SPDX-License-Identifier: BSD-3-Clause
#include "flow/forgeclients.h"

#include "forge/forgeheaders.h"
#include "forge/transport.h"

namespace rc::flow {

ForgeClients::ForgeClients(forge::Transport *transport, const profiles::Profile &profile)
    : gitLab(transport, profile.gitLabApiUrl())
    , gitHub(transport, profile.gitHubApiUrl)
    , anaconda(transport, profile.anacondaApiUrl)
{
    trustProfileCertificates(*transport, profile);
}

void trustProfileCertificates(forge::Transport &transport, const profiles::Profile &profile)
{
    const auto pin = [&transport](const QUrl &forgeUrl, const QString &file) {
        if (forgeUrl.scheme() != QLatin1StringView("https"))
            return;
        QString ignored;  // validateProfile() reports it
        const QList<QSslCertificate> certificates = file.isEmpty()
            ? QList<QSslCertificate>()
            : profiles::readCertificateFile(file, &ignored);
        const QString origin = forge::originOf(forgeUrl);
        // Changing the pins drops the idle connections: only when they change.
        if (transport.trustedCertificates(origin) != certificates)
            transport.setTrustedCertificates(origin, certificates);
    };
    pin(profile.gitLabUrl, profile.gitLabCertificateFile);
    pin(profile.gitHubApiUrl, profile.gitHubCertificateFile);
}

}  // namespace rc::flow
