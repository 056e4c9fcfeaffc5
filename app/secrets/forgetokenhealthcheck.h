// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/tokenhealthcheck.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace rc::secrets {

// The profile's workflow, so a GitHub check can also say whether the token reads it.
struct GitHubWorkflowTarget
{
    QString owner;
    QString repository;
    QString workflowFile;  // e.g. deploy-cxx.yml
};

// TokenHealthCheck over the forge clients (app/forge): GitHub GET /user (+ the workflow when a
// target is set), GitLab /personal_access_tokens/self (+ /user). Each check gets its own
// transport holding only that token, for that API origin, and is gone when it answers.
class ForgeTokenHealthCheck final : public QObject, public TokenHealthCheck
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;
    using ApiBaseResolver = std::function<QUrl(const TokenKey &)>;

    // `network` may be null: the check then makes its own. `clock` gives "now" (UTC) for the
    // expiry warning; `apiBase` maps a key to its API root (tests point it at loopback).
    explicit ForgeTokenHealthCheck(QNetworkAccessManager *network = nullptr, Clock clock = {},
                                   ApiBaseResolver apiBase = {}, QObject *parent = nullptr);
    ~ForgeTokenHealthCheck() override;

    void setGitHubWorkflow(std::optional<GitHubWorkflowTarget> target)
    {
        m_workflow = std::move(target);
    }
    void check(const TokenKey &key, const QCA::SecureArray &token, QObject *context,
               Done done) override;

    // https://api.github.com, https://HOST/api/v3 for GitHub Enterprise, https://HOST/api/v4 for
    // GitLab.
    static QUrl defaultApiBase(const TokenKey &key);

private:
    void checkGitHub(QObject *check, const QCA::SecureArray &token, const QUrl &apiBase,
                     const Done &done);
    void checkGitLab(QObject *check, const QUrl &apiBase, const Done &done);

    QNetworkAccessManager *m_network;
    Clock m_clock;
    ApiBaseResolver m_apiBase;
    std::optional<GitHubWorkflowTarget> m_workflow;
};

}  // namespace rc::secrets
