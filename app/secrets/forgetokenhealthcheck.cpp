// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/forgetokenhealthcheck.h"

#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forge/tokensource.h"
#include "forge/transport.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

// One check's private plumbing: a transport that knows only this token.
class CheckSession : public QObject
{
public:
    CheckSession(QNetworkAccessManager *network, const forge::Clock &clock, QObject *parent)
        : QObject(parent)
        , transport(network, &tokens, clock, this)
    {
        // Someone is waiting on a Test button: one quick retry, then say what happened.
        forge::TransportOptions options = transport.options();
        options.maxRetries = 1;
        options.retryBaseDelay = std::chrono::milliseconds(300);
        options.deadline = std::chrono::seconds(30);
        transport.setOptions(options);
    }
    ~CheckSession() override { tokens.clear(); }

    forge::MemoryTokenSource tokens;
    forge::Transport transport;
};

// Errors that say nothing about the token: the forge could not be asked.
bool isReachabilityError(const forge::ForgeError &error)
{
    using Kind = forge::ForgeError::Kind;
    switch (error.kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::Redirect:
    case Kind::RateLimited:
    case Kind::Server:
    case Kind::BadResponse:
    case Kind::Cancelled:
        return true;
    case Kind::None:
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::NotFound:
    case Kind::Validation:
    case Kind::HttpStatus:
        break;
    }
    return false;
}

HttpCheck checkFromError(const forge::ForgeError &error)
{
    return {error.httpStatus, error.acceptedScopes, error.acceptedPermissions};
}

}  // namespace

ForgeTokenHealthCheck::ForgeTokenHealthCheck(QNetworkAccessManager *network, Clock clock,
                                             ApiBaseResolver apiBase, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_apiBase(apiBase ? std::move(apiBase)
                        : ApiBaseResolver(&ForgeTokenHealthCheck::defaultApiBase))
{ }

ForgeTokenHealthCheck::~ForgeTokenHealthCheck() = default;

QUrl ForgeTokenHealthCheck::defaultApiBase(const TokenKey &key)
{
    // The local sandbox (release-console sandbox serve) speaks plain HTTP on loopback; every
    // other host is asked over https only.
    const QString loopbackHost = QUrl(u"http://"_s + key.host).host();
    const bool loopback = loopbackHost == "localhost"_L1 || QHostAddress(loopbackHost).isLoopback();
    const QString origin = (loopback ? u"http://"_s : u"https://"_s) + key.host;
    if (key.forge == Forge::GitHub)
        return key.host == defaultHost(Forge::GitHub) ? QUrl(u"https://api.github.com"_s)
                                                      : QUrl(origin + u"/api/v3"_s);
    return QUrl(origin + u"/api/v4"_s);
}

void ForgeTokenHealthCheck::check(const TokenKey &key, const QCA::SecureArray &token,
                                  QObject *context, Done done)
{
    Q_ASSERT(context);
    const QUrl apiBase = m_apiBase(key);
    auto *session = new CheckSession(m_network, m_clock, this);
    session->tokens.setToken(key.forge == Forge::GitHub ? forge::Service::GitHub
                                                        : forge::Service::GitLab,
                             apiBase, token);
    // Nobody waits any more: the session goes, and with it its requests and their callbacks.
    connect(context, &QObject::destroyed, session, &QObject::deleteLater);
    auto finish = [session, receiver = QPointer<QObject>(context),
                   done = std::move(done)](TokenHealthReport report) {
        session->deleteLater();
        if (receiver)
            done(std::move(report));
    };
    if (key.forge == Forge::GitHub)
        checkGitHub(session, token, apiBase, finish);
    else
        checkGitLab(session, apiBase, finish);
}

void ForgeTokenHealthCheck::checkGitHub(QObject *check, const QCA::SecureArray &token,
                                        const QUrl &apiBase, const Done &done)
{
    auto *session = static_cast<CheckSession *>(check);
    auto client = std::make_shared<forge::GitHubClient>(&session->transport, apiBase);
    // Only the prefix is kept: enough to tell classic from fine-grained when GitHub says no more.
    const forge::GitHubTokenKind kindFromPrefix =
        forge::gitHubTokenKind(QString::fromLatin1(token.constData(), std::min(token.size(), 11)));
    client->whoAmI(
        session,
        [this, session, client, kindFromPrefix,
         done](const forge::ForgeResult<forge::GitHubIdentity> &who) {
            if (!who.ok() && isReachabilityError(who.error)) {
                done(TokenHealthReport {who.error.describe(), {}});
                return;
            }
            auto facts = std::make_shared<GitHubTokenFacts>();
            if (!who.ok()) {
                facts->userStatus = who.error.httpStatus;
                facts->kind = kindFromPrefix;
                done(TokenHealthReport {std::nullopt, evaluateGitHubToken(*facts, m_clock())});
                return;
            }
            facts->userStatus = 200;
            facts->login = who.value.login;
            facts->kind = who.value.tokenKind;
            if (who.value.scopesKnown)
                facts->oauthScopes = who.value.scopes;
            facts->expiresAt = who.value.expiresAt;
            if (!m_workflow) {
                done(TokenHealthReport {std::nullopt, evaluateGitHubToken(*facts, m_clock())});
                return;
            }
            client->workflow(
                m_workflow->owner, m_workflow->repository, m_workflow->workflowFile, session,
                [this, client, facts,
                 done](const forge::ForgeResult<forge::GitHubWorkflow> &workflow) {
                    if (workflow.ok())
                        facts->workflowRead = HttpCheck {200, {}, {}};
                    else if (!isReachabilityError(workflow.error))
                        facts->workflowRead = checkFromError(workflow.error);
                    done(TokenHealthReport {std::nullopt, evaluateGitHubToken(*facts, m_clock())});
                });
        });
}

void ForgeTokenHealthCheck::checkGitLab(QObject *check, const QUrl &apiBase, const Done &done)
{
    auto *session = static_cast<CheckSession *>(check);
    auto client = std::make_shared<forge::GitLabClient>(&session->transport, apiBase);
    client->tokenInfo(
        session, [this, client, done](const forge::ForgeResult<forge::GitLabTokenInfo> &info) {
            if (!info.ok() && isReachabilityError(info.error)) {
                done(TokenHealthReport {info.error.describe(), {}});
                return;
            }
            GitLabTokenFacts facts;
            if (!info.ok()) {
                facts.selfStatus = info.error.httpStatus;
            } else if (info.value.scopesKnown) {
                facts.selfStatus = 200;
                facts.name = info.value.name;
                facts.active = info.value.active;
                facts.revoked = info.value.revoked;
                facts.scopes = info.value.scopes;
                facts.expiresAt = info.value.expiresAt;
                facts.userStatus = 200;
                facts.login = info.value.username;
            } else {
                facts.selfStatus = 404;  // older GitLab: only /user answered
                facts.userStatus = 200;
                facts.login = info.value.username;
            }
            done(TokenHealthReport {std::nullopt, evaluateGitLabToken(facts, m_clock())});
        });
}

}  // namespace rc::secrets
