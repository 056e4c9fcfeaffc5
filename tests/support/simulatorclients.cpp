// SPDX-License-Identifier: BSD-3-Clause
#include "support/simulatorclients.h"

#include "sandbox/demopatch.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/virtualclock.h"
#include "support/forgewait.h"

#include <QCryptographicHash>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace rc::test {

QDateTime simulatorEpoch()
{
    return QDateTime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
}

bool SimulatorClients::start(const forge::TransportOptions &options, QString *error,
                             bool withGitLabToken)
{
    simulator = std::make_unique<sandbox::ForgeSimulator>(simulatorEpoch());
    if (!simulator->start()) {
        *error = simulator->errorString();
        return false;
    }
    network = std::make_unique<QNetworkAccessManager>();
    tokens = std::make_unique<forge::MemoryTokenSource>();
    tokens->setToken(forge::Service::GitHub, simulator->gitHubApiUrl(),
                     QString(sandbox::ForgeSimulator::kGitHubClassicToken));
    if (withGitLabToken)
        tokens->setToken(forge::Service::GitLab, simulator->gitLabApiUrl(),
                         QString(sandbox::ForgeSimulator::kGitLabToken));
    sandbox::ForgeSimulator *forge = simulator.get();
    transport = std::make_unique<forge::Transport>(network.get(), tokens.get(),
                                                   [forge] { return forge->clock()->now(); });
    transport->setOptions(options);
    transport->setRandomSource([] { return 0.5; });
    github = std::make_unique<forge::GitHubClient>(transport.get(), simulator->gitHubApiUrl());
    gitlab = std::make_unique<forge::GitLabClient>(transport.get(), simulator->gitLabApiUrl());
    anaconda =
        std::make_unique<forge::AnacondaClient>(transport.get(), simulator->anacondaApiUrl());
    return true;
}

void SimulatorClients::stop()
{
    anaconda.reset();
    gitlab.reset();
    github.reset();
    transport.reset();
    tokens.reset();
    network.reset();
    simulator.reset();
}

forge::TransportOptions SimulatorClients::quickOptions()
{
    forge::TransportOptions options;
    options.inactivityTimeout = std::chrono::milliseconds(2000);
    options.deadline = std::chrono::milliseconds(4000);
    options.retryBaseDelay = std::chrono::milliseconds(1);
    options.retryMaxDelay = std::chrono::milliseconds(5);
    options.maxRetries = 2;
    return options;
}

void SimulatorClients::shortenInactivityTimeout()
{
    setInactivityTimeout(*transport, kSilenceTimeout);
}

QString releasableSha(const sandbox::ForgeSimulator &simulator)
{
    for (const auto &commit : simulator.gitLab()->commits()) {
        if (simulator.gitLab()->tarballJobFor(commit.sha))
            return commit.sha;
    }
    return {};
}

QString tarballSha256(const sandbox::ForgeSimulator &simulator, const QString &sha)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(simulator.gitLab()->tarballFor(sha), QCryptographicHash::Sha256)
            .toHex());
}

QJsonObject releaseInputs(const sandbox::ForgeSimulator &simulator, const QString &sha,
                          const QString &version)
{
    const QByteArray patch = sandbox::test::versionPatch(
        sandbox::test::initFileOf(simulator.gitLab(), sha), version.toUtf8());
    return {{u"recipe"_s, u"veloxchem"_s},
            {u"url"_s, simulator.tarballUrl(sha).toString()},
            {u"sha256"_s, tarballSha256(simulator, sha)},
            {u"version"_s, version},
            {u"build"_s, u"0"_s},
            {u"channel"_s, u"veloxchem"_s},
            {u"label"_s, u"dev"_s},
            {u"patch"_s, QString::fromUtf8(sandbox::test::printfEncoded(patch))}};
}

sandbox::GitHubToken fineGrainedToken(const QString &token,
                                      const QHash<QString, QString> &permissions)
{
    sandbox::GitHubToken fineGrained;
    fineGrained.token = token;
    fineGrained.fineGrained = true;
    fineGrained.scopes.clear();
    fineGrained.permissions = permissions;
    return fineGrained;
}

sandbox::GitHubToken classicToken(const QString &token, const QStringList &scopes)
{
    sandbox::GitHubToken classic;
    classic.token = token;
    classic.scopes = scopes;
    return classic;
}

}  // namespace rc::test
