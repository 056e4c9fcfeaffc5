// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

class QByteArray;
class QHttpHeaders;

namespace rc::forge {

enum class Service;

// What went wrong with a forge request, as a value. `kind == None` means "no error".
// Network, HTTP and JSON problems are told apart by `kind`; no message ever carries a token.
struct ForgeError
{
    enum class Kind {
        None,
        Network,       // connection refused/reset, DNS, truncated body, protocol failure
        Timeout,       // inactivity timeout or overall deadline (never reported as Cancelled)
        Tls,           // TLS handshake or certificate problem
        Redirect,      // a URL the policy refuses, on any hop: http to a non-loopback host,
                       // a non-HTTP scheme, no host, https→http, a redirect of a POST, or too
                       // many redirects (nothing was sent to such a URL)
        Unauthorized,  // 401
        Forbidden,     // 403 that is not a rate limit
        NotFound,      // 404, 410
        Validation,    // 400, 409, 422
        RateLimited,   // 429, or 403 with rate-limit evidence; see retryAt
        Server,        // 5xx
        HttpStatus,    // any other unexpected HTTP status
        BadResponse,   // wrong content type, unparsable or unexpected JSON, body too large
        Cancelled,     // cancelled by the caller
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;              // the server's message (GitHub `message` + 422 `errors[]`; GitLab
                                  // `message`/`error`) or ours; printable (printableServerText);
                                  // from the Transport with the wait when there is one
                                  // ("Retry after 14:05 UTC (in 12 min).")
    QString requestId;            // X-GitHub-Request-Id / X-Request-Id
    QString acceptedScopes;       // X-Accepted-OAuth-Scopes: what the endpoint needs
    QString acceptedPermissions;  // X-Accepted-GitHub-Permissions
    std::optional<QDateTime>
        retryAt;        // when a rate-limited request may be tried again (local clock)
    QString operation;  // e.g. "GET https://api.github.com/repos/o/r/actions/runs/1"

    bool isError() const { return kind != Kind::None; }
    // One human sentence or two: what failed, why, what the server said, and what is missing.
    QString describe() const;

    static ForgeError make(Kind kind, QString message, int httpStatus = 0)
    {
        ForgeError e;
        e.kind = kind;
        e.message = std::move(message);
        e.httpStatus = httpStatus;
        return e;
    }

    friend bool operator==(const ForgeError &, const ForgeError &) = default;
};

// Stable lower-case name of a kind ("rate-limited"), for logs, JSON and tests.
QString kindName(ForgeError::Kind kind);

// The message a forge put in an error body: GitHub `message` (+ 422 `errors[]` joined),
// GitLab `message` (string, list or object) or `error` (+ `error_description`). Empty when none.
QString serverMessage(const QByteArray &body);

// Maps an HTTP error answer (status, headers, body) to an error value. `now` is the local
// clock, used with the server's Date header to place `retryAt` on the local clock.
// `rateLimitStrikes` is how many rate-limit answers in a row the host gave (≥ 1 on a
// rate limit), for the exponential fallback wait when the server gives no hint.
// `jitter` in [0, 1). A wait (Retry-After, rate-limit reset) ends at `now + maxRetryWait` at
// the latest, whatever the server says (the Transport adds retryWaitText() to the message).
// Server text in the error (message, request id, scopes) is made printable.
ForgeError errorFromHttp(int status, const QHttpHeaders &headers, const QByteArray &body,
                         const QDateTime &now, int rateLimitStrikes = 1, double jitter = 0.0,
                         std::chrono::seconds maxRetryWait = std::chrono::hours(1));

// "Retry after 14:05 UTC (in 12 min)." for a wait until `retryAt` seen from `now` (both on the
// local clock); the date is added when the moment is not within the next 20 hours.
QString retryWaitText(const QDateTime &retryAt, const QDateTime &now);

// Replaces every occurrence of `secret` in `text` (if non-empty) by "***".
QString redacted(QString text, const QString &secret);

}  // namespace rc::forge

Q_DECLARE_METATYPE(rc::forge::ForgeError)
