// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/tokensource.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// Token health: pure functions from what a forge answered to what the maintainer needs to know.
// Facts flow one way: the forge layer (app/forge) parses the answers and their headers into typed
// values, ForgeTokenHealthCheck copies them into the facts below, and nothing here parses text.
namespace rc::secrets {

// Inside this window before expiry a token gets a warning with the date.
inline constexpr std::chrono::days kExpiryWarningWindow {14};

// The stable word for a token kind in the dialog, `tokens test` and its JSON: "classic",
// "fine-grained", "oauth-app" (any token an app made: gho_/ghu_/ghs_) or "unknown".
QString gitHubTokenKindId(forge::GitHubTokenKind kind);

// One answer of a capability check, e.g. GET .../actions/workflows/{file}.
struct HttpCheck
{
    int status = 0;                     // 0: not checked
    QString acceptedOAuthScopes;        // X-Accepted-OAuth-Scopes
    QString acceptedGitHubPermissions;  // X-Accepted-GitHub-Permissions, e.g. "actions=write"
};

// What GitHub said about a token, as the forge layer parsed it (forge::GitHubIdentity).
struct GitHubTokenFacts
{
    forge::GitHubTokenKind kind = forge::GitHubTokenKind::Unknown;
    int userStatus = 0;  // GET /user
    QString login;
    // X-OAuth-Scopes; nothing when GitHub did not send it (fine-grained tokens), empty when it
    // sent no scope (a classic token without any).
    std::optional<QStringList> oauthScopes;
    std::optional<QDateTime> expiresAt;  // GitHub-Authentication-Token-Expiration; none: never
    HttpCheck workflowRead;              // GET /repos/{o}/{r}/actions/workflows/{file}
    HttpCheck runsRead;                  // GET /repos/{o}/{r}/actions/runs?per_page=1
    // POST .../dispatches with a body lacking "ref": GitHub checks permission before the body,
    // so 422 means "allowed" and nothing runs; 403/404 means not allowed.
    HttpCheck dispatchCheck;
};

// What GitLab said about a token, as the forge layer parsed it (forge::GitLabTokenInfo).
struct GitLabTokenFacts
{
    int selfStatus = 0;  // GET /personal_access_tokens/self (404 on old GitLab: use /user)
    QString name;
    bool active = false;
    bool revoked = false;
    QStringList scopes;
    std::optional<QDate> expiresAt;  // the token stops working on that day (UTC); none: never
    int userStatus = 0;              // GET /user
    QString login;
};

enum class HealthSeverity { Ok, Info, Warning, Problem };
enum class Ability { Yes, No, Unknown };

struct AbilityVerdict
{
    Ability ability = Ability::Unknown;
    QString reason;  // why, in words; names missing scopes or permissions
};

struct HealthLine
{
    QString label;  // "Login", "Kind", "Scopes", "Expires", "Can dispatch"...
    QString value;
    HealthSeverity severity = HealthSeverity::Ok;
};

struct TokenHealth
{
    bool accepted = false;  // the forge accepted the token
    QString login;
    QString kind;  // "classic", "fine-grained", "personal access token"...
    QStringList scopes;
    std::optional<QDateTime> expiresAt;
    bool expired = false;
    bool expiresSoon = false;    // inside kExpiryWarningWindow
    AbilityVerdict canRead;      // GitHub: the workflow and its runs; GitLab: the API (read_api)
    AbilityVerdict canDispatch;  // GitHub only
    QStringList problems;        // each makes the token unusable for a release
    QStringList warnings;

    HealthSeverity overall() const;
    // The short list the dialog and `tokens test` show.
    QList<HealthLine> lines() const;
    QJsonObject toJson() const;
};

TokenHealth evaluateGitHubToken(const GitHubTokenFacts &facts, const QDateTime &now);
TokenHealth evaluateGitLabToken(const GitLabTokenFacts &facts, const QDateTime &now);

}  // namespace rc::secrets
