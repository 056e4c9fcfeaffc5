// SPDX-License-Identifier: BSD-3-Clause
// Pure parsers of forge headers, the error mapping and the ETag cache.

#include "forge/etagcache.h"
#include "forge/forgeerror.h"
#include "forge/forgeheaders.h"
#include "forge/tokensource.h"
#include "forge/transport.h"

#include <QHttpHeaders>
#include <QTest>
#include <QTimeZone>

using namespace rc::forge;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ForgeError::Kind)

namespace {

QHttpHeaders headers(const QList<std::pair<QByteArray, QByteArray>> &pairs)
{
    QHttpHeaders h;
    for (const auto &[name, value] : pairs)
        h.append(name, value);
    return h;
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

}  // namespace

class TestForgeHeaders : public QObject
{
    Q_OBJECT
private slots:
    void origin_data()
    {
        QTest::addColumn<QUrl>("a");
        QTest::addColumn<QUrl>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("default port") << QUrl(u"https://api.github.com/x"_s)
                                      << QUrl(u"https://api.github.com:443/y?z"_s) << true;
        QTest::newRow("case") << QUrl(u"https://API.github.com/"_s)
                              << QUrl(u"https://api.github.com"_s) << true;
        QTest::newRow("other host")
            << QUrl(u"https://api.github.com/"_s)
            << QUrl(u"https://pipelines.actions.githubusercontent.com/"_s) << false;
        QTest::newRow("other port")
            << QUrl(u"http://127.0.0.1:1000/"_s) << QUrl(u"http://127.0.0.1:1001/"_s) << false;
        QTest::newRow("other scheme") << QUrl(u"https://h/"_s) << QUrl(u"http://h/"_s) << false;
        QTest::newRow("subdomain")
            << QUrl(u"https://github.com/"_s) << QUrl(u"https://api.github.com/"_s) << false;
        QTest::newRow("empty") << QUrl() << QUrl() << false;
    }
    void origin()
    {
        QFETCH(QUrl, a);
        QFETCH(QUrl, b);
        QFETCH(bool, same);
        QCOMPARE(sameOrigin(a, b), same);
    }

    void link_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QUrl>("next");
        QTest::newRow("github")
            << QByteArray("<https://api.github.com/repositories/1/actions/runs/2/"
                          "jobs?per_page=100&page=2>; rel=\"next\", "
                          "<https://api.github.com/repositories/1/actions/runs/2/"
                          "jobs?per_page=100&page=3>; rel=\"last\"")
            << QUrl(
                   u"https://api.github.com/repositories/1/actions/runs/2/jobs?per_page=100&page=2"_s);
        QTest::newRow("next last")
            << QByteArray("<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=3>; rel=\"next\"")
            << QUrl(u"https://x/a?page=3"_s);
        QTest::newRow("gitlab")
            << QByteArray("<https://gitlab.example.org/api/v4/projects/8/repository/"
                          "commits?id=8&page=2&per_page=20&ref_name=main>; rel=\"next\", "
                          "<https://gitlab.example.org/api/v4/projects/8/repository/"
                          "commits?id=8&page=1&per_page=20&ref_name=main>; rel=\"first\"")
            << QUrl(
                   u"https://gitlab.example.org/api/v4/projects/8/repository/commits?id=8&page=2&per_page=20&ref_name=main"_s);
        QTest::newRow("unquoted rel")
            << QByteArray("<https://x/b?page=2>; rel=next") << QUrl(u"https://x/b?page=2"_s);
        QTest::newRow("comma in url") << QByteArray("<https://x/b?q=a,b&page=2>; rel=\"next\"")
                                      << QUrl(u"https://x/b?q=a,b&page=2"_s);
        QTest::newRow("last page")
            << QByteArray("<https://x/a?page=1>; rel=\"first\", <https://x/a?page=1>; rel=\"prev\"")
            << QUrl();
        QTest::newRow("empty") << QByteArray() << QUrl();
        QTest::newRow("garbage") << QByteArray("<<<>>>;;rel=") << QUrl();
        QTest::newRow("unterminated") << QByteArray("<https://x/a?page=2; rel=\"next\"") << QUrl();
    }
    void link()
    {
        QFETCH(QByteArray, header);
        QFETCH(QUrl, next);
        QCOMPARE(linkNext(header), next);
    }

    void nextPage_data()
    {
        QTest::addColumn<QHttpHeaders>("h");
        QTest::addColumn<QUrl>("next");
        const QUrl current(
            u"https://gl/api/v4/projects/1/repository/commits?ref_name=main&per_page=20&page=1"_s);
        QTest::newRow("x-next-page")
            << headers({{"X-Next-Page", "2"}, {"X-Page", "1"}})
            << QUrl(
                   u"https://gl/api/v4/projects/1/repository/commits?ref_name=main&per_page=20&page=2"_s);
        QTest::newRow("x-next-page empty") << headers({{"X-Next-Page", ""}}) << QUrl();
        QTest::newRow("none") << QHttpHeaders() << QUrl();
        QTest::newRow("link wins")
            << headers({{"Link", "<https://gl/l?page=5>; rel=\"next\""}, {"X-Next-Page", "2"}})
            << QUrl(u"https://gl/l?page=5"_s);
        QTest::newRow("relative link") << headers({{"Link", "</api/v4/x?page=2>; rel=\"next\""}})
                                       << QUrl(u"https://gl/api/v4/x?page=2"_s);
        QTest::newRow("other origin: none")
            << headers({{"Link", "<https://evil/x?page=2>; rel=\"next\""}}) << QUrl();
        QTest::newRow("https to http: none")
            << headers({{"Link", "<http://gl/x?page=2>; rel=\"next\""}}) << QUrl();
        QTest::newRow("file: none")
            << headers({{"Link", "<file:///etc/passwd>; rel=\"next\""}}) << QUrl();
    }
    void nextPage()
    {
        QFETCH(QHttpHeaders, h);
        QFETCH(QUrl, next);
        const QUrl current(
            u"https://gl/api/v4/projects/1/repository/commits?ref_name=main&per_page=20&page=1"_s);
        QCOMPARE(nextPageUrl(h, current), next);
    }

    void httpDate_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("imf") << QByteArray("Wed, 25 Nov 2026 08:00:00 GMT")
                             << utc("2026-11-25T08:00:00Z");
        QTest::newRow("rfc850") << QByteArray("Wednesday, 25-Nov-26 08:00:00 GMT")
                                << utc("2026-11-25T08:00:00Z");
        QTest::newRow("asctime") << QByteArray("Thu Nov  5 08:00:00 2026")
                                 << utc("2026-11-05T08:00:00Z");
        QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
    }
    void httpDate()
    {
        QFETCH(QByteArray, text);
        QFETCH(QDateTime, expected);
        const auto parsed = parseHttpDate(text);
        QCOMPARE(parsed.has_value(), expected.isValid());
        if (parsed)
            QCOMPARE(*parsed, expected);
    }

    void rateLimit_data()
    {
        QTest::addColumn<QHttpHeaders>("h");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<QDateTime>("resetAt");
        QTest::addColumn<QString>("resource");
        // Local clock: 2026-11-25T08:00:00Z. Reset epoch 1795597200 = 2026-11-25T09:00:00Z.
        QTest::newRow("github no date") << headers({{"x-ratelimit-limit", "5000"},
                                                    {"x-ratelimit-remaining", "4999"},
                                                    {"x-ratelimit-used", "1"},
                                                    {"x-ratelimit-reset", "1795597200"},
                                                    {"x-ratelimit-resource", "core"}})
                                        << qint64(5000) << qint64(4999) << qint64(1)
                                        << utc("2026-11-25T09:00:00Z") << u"core"_s;
        // The server's clock is 10 minutes ahead of ours: the reset is 50 minutes away, not 60.
        QTest::newRow("github skew ahead") << headers({{"X-RateLimit-Limit", "5000"},
                                                       {"X-RateLimit-Remaining", "0"},
                                                       {"X-RateLimit-Reset", "1795597200"},
                                                       {"Date", "Wed, 25 Nov 2026 08:10:00 GMT"}})
                                           << qint64(5000) << qint64(0) << qint64(5000)
                                           << utc("2026-11-25T08:50:00Z") << QString();
        QTest::newRow("github skew behind")
            << headers({{"x-ratelimit-limit", "60"},
                        {"x-ratelimit-remaining", "10"},
                        {"x-ratelimit-reset", "1795597200"},
                        {"date", "Wed, 25 Nov 2026 07:30:00 GMT"}})
            << qint64(60) << qint64(10) << qint64(50) << utc("2026-11-25T09:30:00Z") << QString();
        QTest::newRow("gitlab") << headers({{"RateLimit-Limit", "2000"},
                                            {"RateLimit-Remaining", "1990"},
                                            {"RateLimit-Observed", "10"},
                                            {"RateLimit-Reset", "1795597200"},
                                            {"Date", "Wed, 25 Nov 2026 08:00:00 GMT"}})
                                << qint64(2000) << qint64(1990) << qint64(10)
                                << utc("2026-11-25T09:00:00Z") << QString();
        QTest::newRow("garbage") << headers({{"x-ratelimit-limit", "lots"},
                                             {"x-ratelimit-remaining", "-3"}})
                                 << qint64(-1) << qint64(-1) << qint64(-1) << QDateTime()
                                 << QString();
        QTest::newRow("none") << QHttpHeaders() << qint64(-1) << qint64(-1) << qint64(-1)
                              << QDateTime() << QString();
    }
    void rateLimit()
    {
        QFETCH(QHttpHeaders, h);
        QFETCH(qint64, limit);
        QFETCH(qint64, remaining);
        QFETCH(qint64, used);
        QFETCH(QDateTime, resetAt);
        QFETCH(QString, resource);
        const auto rl = parseRateLimit(h, utc("2026-11-25T08:00:00Z"));
        if (limit < 0 && remaining < 0) {
            QVERIFY(!rl);
            return;
        }
        QVERIFY(rl);
        QCOMPARE(rl->limit, limit);
        QCOMPARE(rl->remaining, remaining);
        QCOMPARE(rl->used, used);
        QCOMPARE(rl->resetAt, resetAt);
        QCOMPARE(rl->resource, resource);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QHttpHeaders>("h");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("seconds") << headers({{"Retry-After", "120"}})
                                 << utc("2026-11-25T08:02:00Z");
        QTest::newRow("date with skew")
            << headers({{"Retry-After", "Wed, 25 Nov 2026 08:15:00 GMT"},
                        {"Date", "Wed, 25 Nov 2026 08:10:00 GMT"}})
            << utc("2026-11-25T08:05:00Z");
        QTest::newRow("garbage") << headers({{"Retry-After", "soon"}}) << QDateTime();
        // Past any sensible wait (or qint64): a century, which the caller caps (never an invalid
        // moment, never "no hint": the server did ask for a long wait).
        QTest::newRow("seconds beyond any date")
            << headers({{"Retry-After", "99999999999999999"}})
            << utc("2026-11-25T08:00:00Z").addSecs(qint64(100) * 365 * 24 * 3600);
        QTest::newRow("seconds beyond qint64")
            << headers({{"Retry-After", "999999999999999999999999"}})
            << utc("2026-11-25T08:00:00Z").addSecs(qint64(100) * 365 * 24 * 3600);
        QTest::newRow("negative") << headers({{"Retry-After", "-5"}}) << QDateTime();
        QTest::newRow("absent") << QHttpHeaders() << QDateTime();
    }
    void retryAfter()
    {
        QFETCH(QHttpHeaders, h);
        QFETCH(QDateTime, expected);
        const auto at = parseRetryAfter(h, utc("2026-11-25T08:00:00Z"));
        QCOMPARE(at.has_value(), expected.isValid());
        if (at)
            QCOMPARE(*at, expected);
    }

    void expiry_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("utc") << QByteArray("2026-12-01 10:00:00 UTC")
                             << utc("2026-12-01T10:00:00Z");
        QTest::newRow("offset") << QByteArray("2026-12-01 10:00:00 +0200")
                                << utc("2026-12-01T08:00:00Z");
        QTest::newRow("offset colon")
            << QByteArray("2026-12-01 10:00:00 -07:00") << utc("2026-12-01T17:00:00Z");
        QTest::newRow("iso") << QByteArray("2026-12-01T10:00:00Z") << utc("2026-12-01T10:00:00Z");
        QTest::newRow("no zone") << QByteArray("2026-12-01 10:00:00")
                                 << utc("2026-12-01T10:00:00Z");
        QTest::newRow("padded") << QByteArray("  2026-12-01 10:00:00 UTC \r")
                                << utc("2026-12-01T10:00:00Z");
        QTest::newRow("garbage") << QByteArray("never") << QDateTime();
        QTest::newRow("bad zone") << QByteArray("2026-12-01 10:00:00 CEST") << QDateTime();
        QTest::newRow("impossible offset")
            << QByteArray("2026-12-01 10:00:00 +9900") << QDateTime();
        QTest::newRow("impossible minutes")
            << QByteArray("2026-12-01 10:00:00 +0175") << QDateTime();
        QTest::newRow("bad date") << QByteArray("2026-13-45 10:00:00 UTC") << QDateTime();
        QTest::newRow("bad time") << QByteArray("2026-12-01 25:00:00 UTC") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
    }
    void expiry()
    {
        QFETCH(QByteArray, text);
        QFETCH(QDateTime, expected);
        const auto at = parseTokenExpiration(text);
        QCOMPARE(at.has_value(), expected.isValid());
        if (at)
            QCOMPARE(*at, expected);
    }

    void scopesAndKinds()
    {
        QCOMPARE(parseScopes("repo, workflow,  read:org"),
                 (QStringList {u"repo"_s, u"workflow"_s, u"read:org"_s}));
        QCOMPARE(parseScopes(""), QStringList());
        QCOMPARE(parseScopes(" repo,, gist ,"), (QStringList {u"repo"_s, u"gist"_s}));
        QCOMPARE(gitHubTokenKind(u"github_pat_11AAA"_s), GitHubTokenKind::FineGrained);
        QCOMPARE(gitHubTokenKind(u"ghp_abc"_s), GitHubTokenKind::Classic);
        QCOMPARE(gitHubTokenKind(u"gho_abc"_s), GitHubTokenKind::OAuth);
        QCOMPARE(gitHubTokenKind(u"ghu_abc"_s), GitHubTokenKind::UserToServer);
        QCOMPARE(gitHubTokenKind(u"ghs_abc"_s), GitHubTokenKind::Installation);
        QCOMPARE(gitHubTokenKind(u"xyz"_s), GitHubTokenKind::Unknown);
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QHttpHeaders>("h");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ForgeError::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QDateTime>("retryAt");
        const QDateTime none;
        QTest::newRow("401")
            << 401 << headers({{"X-GitHub-Request-Id", "AB:CD"}})
            << QByteArray("{\"message\":\"Bad "
                          "credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")
            << ForgeError::Kind::Unauthorized << u"Bad credentials"_s << none;
        QTest::newRow("403 forbidden")
            << 403 << headers({{"X-Accepted-GitHub-Permissions", "actions=write"}})
            << QByteArray("{\"message\":\"Resource not accessible by personal access token\"}")
            << ForgeError::Kind::Forbidden << u"Resource not accessible by personal access token"_s
            << none;
        QTest::newRow("403 primary rate limit")
            << 403
            << headers({{"x-ratelimit-remaining", "0"},
                        {"x-ratelimit-limit", "5000"},
                        {"x-ratelimit-reset", "1795597200"},
                        {"Date", "Wed, 25 Nov 2026 08:10:00 GMT"}})
            << QByteArray("{\"message\":\"API rate limit exceeded for user ID 1.\"}")
            << ForgeError::Kind::RateLimited << u"API rate limit exceeded for user ID 1."_s
            << utc("2026-11-25T08:50:00Z");
        QTest::newRow("403 secondary retry-after")
            << 403 << headers({{"retry-after", "30"}})
            << QByteArray("{\"message\":\"You have exceeded a secondary rate limit.\"}")
            << ForgeError::Kind::RateLimited << u"You have exceeded a secondary rate limit."_s
            << utc("2026-11-25T08:00:30Z");
        QTest::newRow("403 secondary no hint")
            << 403 << QHttpHeaders()
            << QByteArray("{\"message\":\"You have exceeded a secondary rate limit\"}")
            << ForgeError::Kind::RateLimited << u"You have exceeded a secondary rate limit"_s
            << utc("2026-11-25T08:01:00Z");
        QTest::newRow("429 gitlab")
            << 429 << headers({{"Retry-After", "5"}, {"RateLimit-Remaining", "0"}})
            << QByteArray("Retry later") << ForgeError::Kind::RateLimited << QString()
            << utc("2026-11-25T08:00:05Z");
        QTest::newRow("404") << 404 << QHttpHeaders()
                             << QByteArray("{\"message\":\"404 Project Not Found\"}")
                             << ForgeError::Kind::NotFound << u"404 Project Not Found"_s << none;
        QTest::newRow("422 errors[]")
            << 422 << QHttpHeaders()
            << QByteArray(
                   "{\"message\":\"Invalid request\",\"errors\":[\"Unexpected inputs provided: "
                   "[\\\"foo\\\"]\",{\"resource\":\"Workflow\",\"field\":\"ref\",\"code\":"
                   "\"missing\"}]}")
            << ForgeError::Kind::Validation
            << u"Invalid request: Unexpected inputs provided: [\"foo\"]; Workflow ref missing"_s
            << none;
        QTest::newRow("400 gitlab error")
            << 400 << QHttpHeaders() << QByteArray("{\"error\":\"ref is missing\"}")
            << ForgeError::Kind::Validation << u"ref is missing"_s << none;
        QTest::newRow("400 gitlab message object")
            << 400 << QHttpHeaders()
            << QByteArray("{\"message\":{\"name\":[\"has already been taken\"]}}")
            << ForgeError::Kind::Validation << u"name: has already been taken"_s << none;
        QTest::newRow("401 gitlab oauth")
            << 401 << QHttpHeaders()
            << QByteArray(
                   "{\"error\":\"invalid_token\",\"error_description\":\"Token was revoked.\"}")
            << ForgeError::Kind::Unauthorized << u"invalid_token: Token was revoked."_s << none;
        QTest::newRow("502 html") << 502 << headers({{"Content-Type", "text/html"}})
                                  << QByteArray("<html>Bad gateway</html>")
                                  << ForgeError::Kind::Server
                                  << u"The server answered with an HTML page."_s << none;
        QTest::newRow("503 retry-after")
            << 503 << headers({{"Retry-After", "7"}}) << QByteArray() << ForgeError::Kind::Server
            << QString() << utc("2026-11-25T08:00:07Z");
        QTest::newRow("429 ten years capped")
            << 429 << headers({{"Retry-After", "315360000"}}) << QByteArray()
            << ForgeError::Kind::RateLimited << QString() << utc("2026-11-25T09:00:00Z");
        QTest::newRow("429 date in the past: now")
            << 429 << headers({{"Retry-After", "Wed, 25 Nov 2020 08:00:00 GMT"}}) << QByteArray()
            << ForgeError::Kind::RateLimited << QString() << utc("2026-11-25T08:00:00Z");
        QTest::newRow("429 negative: no hint")
            << 429 << headers({{"Retry-After", "-1"}}) << QByteArray()
            << ForgeError::Kind::RateLimited << QString() << utc("2026-11-25T08:01:00Z");
        QTest::newRow("418") << 418 << QHttpHeaders() << QByteArray()
                             << ForgeError::Kind::HttpStatus << QString() << none;
    }
    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QHttpHeaders, h);
        QFETCH(QByteArray, body);
        QFETCH(ForgeError::Kind, kind);
        QFETCH(QString, message);
        QFETCH(QDateTime, retryAt);
        const ForgeError e = errorFromHttp(status, h, body, utc("2026-11-25T08:00:00Z"), 1, 0.0);
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.message, message);
        QCOMPARE(e.retryAt.has_value(), retryAt.isValid());
        if (e.retryAt)
            QCOMPARE(*e.retryAt, retryAt);
        QVERIFY(!e.describe().isEmpty());
    }

    void errorMappingHeadersAndBackoff()
    {
        const QDateTime now = utc("2026-11-25T08:00:00Z");
        const ForgeError e =
            errorFromHttp(403,
                          headers({{"X-GitHub-Request-Id", "AB:CD"},
                                   {"X-Accepted-OAuth-Scopes", "repo, workflow"},
                                   {"X-Accepted-GitHub-Permissions", "actions=write"}}),
                          "{\"message\":\"Must have admin rights\"}", now);
        QCOMPARE(e.requestId, u"AB:CD"_s);
        QCOMPARE(e.acceptedScopes, u"repo, workflow"_s);
        QCOMPARE(e.acceptedPermissions, u"actions=write"_s);
        QVERIFY(e.describe().contains(u"actions=write"_s));
        QVERIFY(e.describe().contains(u"AB:CD"_s));
        QCOMPARE(errorFromHttp(500, headers({{"X-Request-Id", "gl-1"}}), {}, now).requestId,
                 u"gl-1"_s);

        // No hint: ≥ 60 s, doubling per strike, jitter on top, capped at an hour (+25 %).
        const QByteArray body = "{\"message\":\"secondary rate limit\"}";
        auto waitFor = [&](int strikes, double jitter) {
            return now.secsTo(*errorFromHttp(429, {}, body, now, strikes, jitter).retryAt);
        };
        QCOMPARE(waitFor(1, 0.0), 60);
        QCOMPARE(waitFor(2, 0.0), 120);
        QCOMPARE(waitFor(3, 0.0), 240);
        QCOMPARE(waitFor(3, 0.5), 270);
        QCOMPARE(waitFor(50, 0.0), 3600);
        QVERIFY(waitFor(1, 0.99) >= 60);
    }

    void redaction()
    {
        const QString token = u"ghp_RCCANARYRCCANARYRCCANARY"_s;
        QCOMPARE(redacted(u"bad token ghp_RCCANARYRCCANARYRCCANARY here"_s, token),
                 u"bad token *** here"_s);
        QCOMPARE(redacted(u"nothing"_s, QString()), u"nothing"_s);
    }

    void redirectRules_data()
    {
        QTest::addColumn<QUrl>("from");
        QTest::addColumn<QUrl>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https to https other host")
            << QUrl(u"https://api.github.com/a"_s) << QUrl(u"https://blob.core.windows.net/b"_s)
            << true;
        QTest::newRow("https to http refused")
            << QUrl(u"https://api.github.com/a"_s) << QUrl(u"http://api.github.com/a"_s) << false;
        QTest::newRow("https to http loopback refused")
            << QUrl(u"https://127.0.0.1:1/a"_s) << QUrl(u"http://127.0.0.1:2/a"_s) << false;
        QTest::newRow("http to https") << QUrl(u"http://h/a"_s) << QUrl(u"https://h/a"_s) << true;
        QTest::newRow("http to http")
            << QUrl(u"http://127.0.0.1:1/a"_s) << QUrl(u"http://127.0.0.1:2/a"_s) << true;
        QTest::newRow("file scheme")
            << QUrl(u"https://h/a"_s) << QUrl(u"file:///etc/passwd"_s) << false;
        QTest::newRow("ftp scheme") << QUrl(u"https://h/a"_s) << QUrl(u"ftp://h/a"_s) << false;
    }
    void redirectRules()
    {
        QFETCH(QUrl, from);
        QFETCH(QUrl, to);
        QFETCH(bool, allowed);
        QCOMPARE(redirectRefusal(from, to).isEmpty(), allowed);
    }

    void etagCache()
    {
        ETagCache cache(2);
        const QString idA = ETagCache::tokenIdentity(0, u"ghp_A"_s);
        const QString idB = ETagCache::tokenIdentity(0, u"ghp_B"_s);
        QVERIFY(idA != idB);
        QVERIFY(!idA.contains(u"ghp_A"_s));
        QCOMPARE(ETagCache::tokenIdentity(0, QString()), u"anonymous"_s);
        const QUrl url(u"https://api.github.com/repos/o/r/actions/runs/1"_s);
        const QString kA = ETagCache::key("GET", url, idA);
        const QString kB = ETagCache::key("GET", url, idB);
        QVERIFY(kA != kB);
        cache.insert(kA, {"\"e1\"", "{\"a\":1}", "application/json"});
        QVERIFY(!cache.find(kB));  // another token never sees it
        QCOMPARE(cache.find(kA)->etag, QByteArray("\"e1\""));
        cache.insert(kB, {"\"e2\"", "{}", "application/json"});
        QVERIFY(cache.find(kA));  // refresh A: B is now the least recent
        cache.insert(ETagCache::key("GET", QUrl(u"https://x/other"_s), idA), {"\"e3\"", "[]", {}});
        QCOMPARE(cache.size(), 2);
        QVERIFY(cache.find(kA));
        QVERIFY(!cache.find(kB));
        cache.insert(kA, {"\"e4\"", "{\"a\":2}", {}});
        QCOMPARE(cache.find(kA)->body, QByteArray("{\"a\":2}"));
        cache.remove(kA);
        QVERIFY(!cache.find(kA));
        cache.clear();
        QCOMPARE(cache.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestForgeHeaders)
#include "tst_forgeheaders.moc"
