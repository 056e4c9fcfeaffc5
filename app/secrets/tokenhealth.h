#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// Token health: pure functions from what a forge answered (parsed facts) to what the maintainer
// needs to know. No network here: the forge clients gather the facts (see tokenhealthcheck.h).
namespace rc::secrets {

// Inside this window before expiry a token gets a warning with the date.
inline constexpr std::chrono::days kExpiryWarningWindow {14};

enum class GitHubTokenKind {
    Classic,      // ghp_..., scopes in X-OAuth-Scopes
    FineGrained,  // github_pat_..., repository permissions, no X-OAuth-Scopes
    OAuthApp,     // gho_/ghu_/ghs_: made by an app, not a personal access token
    Unknown,
};
QString
gitHubTokenKindId(GitHubTokenKind kind);  // "classic", "fine-grained", "oauth-app", "unknown"

// From the token's first bytes (only the prefix is looked at) and whether GitHub sent
// X-OAuth-Scopes (it does for classic tokens only).
GitHubTokenKind gitHubTokenKind(QByteArrayView tokenStart, bool hasOAuthScopesHeader);

// "2026-12-01 10:00:00 UTC" (also a "+0200" style offset) -> UTC time; nothing when malformed.
std::optional<QDateTime> parseGitHubTokenExpiration(QStringView header);
// GitLab's expires_at "2026-12-01" (the token stops working on that day, UTC) or an ISO date-time.
std::optional<QDateTime> parseGitLabExpiresAt(QStringView value);
// "repo, workflow" -> {"repo", "workflow"}; empty items dropped.
QStringList parseScopeList(QStringView header);

// One answer of a capability check, e.g. GET .../actions/workflows/{file}.
struct HttpCheck
{
    int status = 0;                     // 0: not checked
    QString acceptedOAuthScopes;        // X-Accepted-OAuth-Scopes
    QString acceptedGitHubPermissions;  // X-Accepted-GitHub-Permissions, e.g. "actions=write"
};

struct GitHubTokenFacts
{
    GitHubTokenKind kind = GitHubTokenKind::Unknown;  // from gitHubTokenKind()
    int userStatus = 0;                               // GET /user
    QString login;
    std::optional<QString> oauthScopes;  // X-OAuth-Scopes as sent; nothing when absent
    QString expiration;                  // GitHub-Authentication-Token-Expiration; empty: none
    HttpCheck workflowRead;              // GET /repos/{o}/{r}/actions/workflows/{file}
    HttpCheck runsRead;                  // GET /repos/{o}/{r}/actions/runs?per_page=1
    // POST .../dispatches with a body lacking "ref": GitHub checks permission before the body,
    // so 422 means "allowed" and nothing runs; 403/404 means not allowed.
    HttpCheck dispatchCheck;
};

// Fills login, scopes and expiry from GET /user's answer (headers as QNetworkReply gives them).
void readGitHubUserResponse(GitHubTokenFacts &facts, int status,
                            const QList<QPair<QByteArray, QByteArray>> &headers,
                            const QByteArray &body);
// Reads a capability check's status and X-Accepted-* headers.
HttpCheck readHttpCheck(int status, const QList<QPair<QByteArray, QByteArray>> &headers);

struct GitLabTokenFacts
{
    int selfStatus = 0;  // GET /personal_access_tokens/self (404 on old GitLab: use /user)
    QString name;
    bool active = false;
    bool revoked = false;
    QStringList scopes;
    QString expiresAt;   // as sent; empty or null: never
    int userStatus = 0;  // GET /user
    QString login;
};

// Parses /personal_access_tokens/self and /user bodies into the facts.
void readGitLabTokenSelfResponse(GitLabTokenFacts &facts, int status, const QByteArray &body);
void readGitLabUserResponse(GitLabTokenFacts &facts, int status, const QByteArray &body);

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
