// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QHttpHeaders>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <initializer_list>
#include <optional>

namespace rc::forge {

// Which forge a request talks to: decides the default headers and the token header.
enum class Service {
    GitHub,    // Authorization: Bearer, Accept: application/vnd.github+json, X-GitHub-Api-Version
    GitLab,    // PRIVATE-TOKEN
    Anaconda,  // no token
};

enum class Method { Get, Head, Post, Put, Patch, Delete };

// What a good answer looks like.
enum class Expect {
    Json,   // a JSON body with a JSON content type (204 allowed: empty document)
    Empty,  // body ignored (204/202/201 answers to POSTs)
    Bytes,  // any body, kept as bytes (logs, zips, raw files)
};

// One HTTP request, as a value: built by pure functions, sent by the Transport. Never holds a
// token: the Transport asks the TokenSource and adds the header only while the URL's origin
// equals `authOrigin`.
struct ForgeRequest
{
    Method method = Method::Get;
    QUrl url;
    Service service = Service::GitHub;
    QUrl authOrigin;       // empty: never send a token
    QHttpHeaders headers;  // extra headers (e.g. Accept override), never a token
    QByteArray body;       // request body (JSON for POSTs)
    Expect expect = Expect::Json;
    QList<int> expectedStatus;  // empty: any 2xx
    bool conditional = false;   // use the ETag cache (If-None-Match; a 304 returns the cached body)
    qint64 maxBodyBytes = 32 * 1024 * 1024;  // larger buffered bodies are refused (BadResponse)
    // This request's own deadline instead of TransportOptions::deadline; zero: none at all.
    // Unset on a streamed download (Transport::download): the transport's deadline runs only
    // until the body starts; from then on the inactivity timeout and the size cap bound it, so a
    // 2 GiB tarball on a slow link finishes.
    std::optional<std::chrono::milliseconds> deadline;
    // The cap of a streamed download's body; unset: TransportOptions::maxDownloadBytes.
    std::optional<qint64> maxDownloadBytes;
    // Why this request must not be sent, found while building it (a path segment "..", see
    // refuseDotSegments()). The Transport answers such a request with a Validation error
    // carrying this text and sends nothing. Empty: fine.
    QString refusal;

    bool isIdempotent() const { return method == Method::Get || method == Method::Head; }
    friend bool operator==(const ForgeRequest &a, const ForgeRequest &b)
    {
        return a.method == b.method && a.url == b.url && a.service == b.service &&
            a.authOrigin == b.authOrigin &&
            a.headers.toListOfPairs() == b.headers.toListOfPairs() && a.body == b.body &&
            a.expect == b.expect && a.expectedStatus == b.expectedStatus &&
            a.conditional == b.conditional && a.maxBodyBytes == b.maxBodyBytes &&
            a.deadline == b.deadline && a.maxDownloadBytes == b.maxDownloadBytes &&
            a.refusal == b.refusal;
    }
};

QByteArray methodName(Method method);

// "GET https://host/path" for messages (query kept, no credentials: URLs never hold tokens).
QString describeRequest(Method method, const QUrl &url);

// `base` + an already percent-encoded path suffix ("/projects/group%2Fproject") + query.
// %2F in the suffix survives (GitLab needs it).
QUrl apiUrl(const QUrl &base, const QString &encodedSuffix, const QUrlQuery &query = {});

// Percent-encodes one path segment, '/' included ("group/project" → "group%2Fproject").
QString encodeSegment(const QString &segment);
// Percent-encodes a path whose '/' separate segments ("dist/a b.tar" → "dist/a%20b.tar").
QString encodePath(const QString &path);

// Whether `value`, bound for a request path, holds a "." or ".." segment that could climb to
// another endpoint of the same origin: the whole value or any '/'-separated part of it, also
// percent-encoded ("%2e%2E", "%252e%252e", "a%2F..").
bool hasDotSegment(QStringView value);

// One piece of user or server input that goes into a request path, named for the error.
struct PathField
{
    QLatin1StringView name;  // "owner", "repo", "workflow", "project", ...
    QString value;
};
// Sets `request.refusal` (if not set yet) naming the first field with a dot segment.
void refuseDotSegments(ForgeRequest &request, std::initializer_list<PathField> fields);

// A JSON GET against a forge API base, token allowed for the base's origin.
ForgeRequest apiGet(Service service, const QUrl &base, const QString &encodedSuffix,
                    const QUrlQuery &query = {});
// A JSON POST (body serialized compactly) against a forge API base.
ForgeRequest apiPost(Service service, const QUrl &base, const QString &encodedSuffix,
                     const QByteArray &jsonBody);

}  // namespace rc::forge

Q_DECLARE_METATYPE(rc::forge::ForgeRequest)
