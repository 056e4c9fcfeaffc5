// SPDX-License-Identifier: BSD-3-Clause
// The transport's one policy, against a scripted loopback server whose every byte we control.

#include "forgetestsupport.h"
#include "testhttpserver.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace rc::forge;
using namespace rc::forge::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ForgeError::Kind)
Q_DECLARE_METATYPE(rc::forge::Service)

namespace {

const QString kGitHubToken = u"ghp_RCCANARY0123456789abcdefRCCANARY"_s;
const QString kGitLabToken = u"glpat-RCCANARY0123456789RCCANARY"_s;

ForgeRequest get(Service service, const QUrl &url, const QUrl &authOrigin)
{
    ForgeRequest r;
    r.service = service;
    r.url = url;
    r.authOrigin = authOrigin;
    return r;
}

}  // namespace

class TestTransport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TransportFixture> fx;
    std::unique_ptr<TestHttpServer> api;
    std::unique_ptr<TestHttpServer> other;  // "another host": another origin

    ForgeResponse send(const ForgeRequest &r)
    {
        ForgeResponse out;
        if (!waitFor(fx->transport.send(r), &out))
            qWarning("reply did not finish");
        return out;
    }
    ForgeRequest gh(const QString &path) const
    {
        return get(Service::GitHub, api->url(path), api->url());
    }

private slots:
    void init()
    {
        fx = std::make_unique<TransportFixture>();
        api = std::make_unique<TestHttpServer>();
        other = std::make_unique<TestHttpServer>();
        QVERIFY(api->listen());
        QVERIFY(other->listen());
        fx->tokens.setToken(Service::GitHub, api->url(), kGitHubToken);
        fx->tokens.setToken(Service::GitLab, api->url(), kGitLabToken);
    }
    void cleanup()
    {
        fx.reset();
        api.reset();
        other.reset();
    }

    void gitHubHeaders()
    {
        api->setHandler([](const HttpRequest &) { return answer(200, "{\"login\":\"octo\"}"); });
        const ForgeResponse r = send(gh(u"/user"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.json.object().value(u"login").toString(), u"octo"_s);
        QCOMPARE(api->requests().size(), 1);
        const QHttpHeaders &h = api->requests().first().headers;
        QCOMPARE(h.value("authorization"), QByteArray("Bearer " + kGitHubToken.toLatin1()));
        QCOMPARE(h.value("accept"), "application/vnd.github+json");
        QCOMPARE(h.value("x-github-api-version"), "2022-11-28");
        QVERIFY(h.value("user-agent").startsWith("ReleaseConsole/"));
        QVERIFY(!h.contains("private-token"));
    }

    void gitLabHeaders()
    {
        api->setHandler([](const HttpRequest &) { return answer(200, "[]"); });
        const ForgeResponse r = send(get(Service::GitLab, api->url(u"/api/v4/user"_s), api->url()));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        const QHttpHeaders &h = api->requests().first().headers;
        QCOMPARE(h.value("private-token"), kGitLabToken.toLatin1());
        QVERIFY(!h.contains("authorization"));
        QVERIFY(!h.contains("x-github-api-version"));
        QCOMPARE(h.value("accept"), "application/json");
    }

    void noTokenForAnotherOrigin()
    {
        other->setHandler([](const HttpRequest &) { return answer(200, "{}"); });
        // Built for api's origin but pointed elsewhere (e.g. a Link header to another host).
        const ForgeResponse r = send(get(Service::GitHub, other->url(u"/x"_s), api->url()));
        QVERIFY(r.ok());
        QVERIFY(!other->requests().first().headers.contains("authorization"));
        const ForgeResponse anon = send(get(Service::Anaconda, other->url(u"/x"_s), QUrl()));
        QVERIFY(anon.ok());
        QVERIFY(!other->requests().last().headers.contains("authorization"));
    }

    void redirectToOtherHostDropsToken_data()
    {
        QTest::addColumn<Service>("service");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("tokenHeader");
        for (int status : {301, 302, 303, 307, 308}) {
            QTest::addRow("github %d", status)
                << Service::GitHub << status << QByteArray("authorization");
            QTest::addRow("gitlab %d", status)
                << Service::GitLab << status << QByteArray("private-token");
        }
    }
    void redirectToOtherHostDropsToken()
    {
        QFETCH(Service, service);
        QFETCH(int, status);
        QFETCH(QByteArray, tokenHeader);
        const QUrl target = other->url(u"/blob/artifact.zip?sig=abc"_s);
        api->setHandler([&](const HttpRequest &) { return redirect(status, target); });
        other->setHandler(
            [](const HttpRequest &) { return answer(200, "PK-bytes", {}, "application/zip"); });
        ForgeRequest r = get(service, api->url(u"/artifacts/1/zip"_s), api->url());
        r.expect = Expect::Bytes;
        const ForgeResponse resp = send(r);
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QCOMPARE(resp.body, QByteArray("PK-bytes"));
        QCOMPARE(resp.redirects, 1);
        QCOMPARE(resp.finalUrl, target);
        QVERIFY(api->requests().first().headers.contains(tokenHeader));
        QCOMPARE(other->requests().size(), 1);
        QCOMPARE(other->requests().first().target, QByteArray("/blob/artifact.zip?sig=abc"));
        QVERIFY(!other->requests().first().headers.contains("authorization"));
        QVERIFY(!other->requests().first().headers.contains("private-token"));
    }

    void redirectBackToOriginRestoresToken()
    {
        api->setHandler([&](const HttpRequest &req) {
            if (req.path() == "/start")
                return redirect(302, other->url(u"/hop"_s));
            return answer(200, "{}");
        });
        other->setHandler([&](const HttpRequest &) { return redirect(302, api->url(u"/end"_s)); });
        const ForgeResponse r = send(gh(u"/start"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.redirects, 2);
        QVERIFY(!other->requests().first().headers.contains("authorization"));
        QVERIFY(api->requests().last().headers.contains("authorization"));
    }

    void tooManyRedirects()
    {
        int n = 0;
        api->setHandler([&](const HttpRequest &) {
            return redirect(302, api->url(u"/loop"_s + QString::number(++n)));
        });
        const ForgeResponse r = send(gh(u"/loop"_s));
        QCOMPARE(r.error.kind, ForgeError::Kind::Redirect);
        QCOMPARE(api->requests().size(), 6);  // the request + 5 redirects followed
        QCOMPARE(r.attempts, 1);              // not retried
    }

    void redirectToForbiddenScheme()
    {
        api->setHandler(
            [](const HttpRequest &) { return redirect(302, QUrl(u"file:///etc/passwd"_s)); });
        const ForgeResponse r = send(gh(u"/x"_s));
        QCOMPARE(r.error.kind, ForgeError::Kind::Redirect);
        QVERIFY(r.body.isEmpty());
    }

    // A dispatch happens once or visibly not at all: a redirect of a POST is refused, the POST
    // is never sent again (not even as the GET a 303 asks for).
    void postRedirectIsRefused_data()
    {
        QTest::addColumn<int>("status");
        for (int status : {301, 302, 303, 307, 308})
            QTest::addRow("%d", status) << status;
    }
    void postRedirectIsRefused()
    {
        QFETCH(int, status);
        api->setHandler([&](const HttpRequest &req) {
            if (req.method == "POST")
                return redirect(status, api->url(u"/result"_s));
            return answer(200, "{\"ok\":true}");
        });
        ForgeRequest r = gh(u"/submit"_s);
        r.method = Method::Post;
        r.body = "{\"a\":1}";
        r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Redirect);
        QCOMPARE(resp.error.httpStatus, status);
        QVERIFY(resp.body.isEmpty());
        QCOMPARE(api->count("POST"), 1);
        QCOMPARE(api->count("GET"), 0);
        QCOMPARE(api->requests().first().body, QByteArray("{\"a\":1}"));
        QCOMPARE(api->requests().first().headers.value("content-type"), "application/json");
    }

    void inactivityTimeoutIsTimeout_data()
    {
        QTest::addColumn<bool>("post");
        QTest::newRow("GET retried") << false;
        QTest::newRow("POST not retried") << true;
    }
    void inactivityTimeoutIsTimeout()
    {
        QFETCH(bool, post);
        fx->shortenInactivityTimeout();
        api->setHandler([](const HttpRequest &) { return HttpAnswer {{}, true, 0}; });
        ForgeRequest r = gh(u"/slow"_s);
        if (post) {
            r.method = Method::Post;
            r.body = "{}";
        }
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Timeout);
        QVERIFY(resp.error.message.contains(u"inactivity"_s));
        QVERIFY(!resp.error.describe().contains(u"Cancel"_s));
        QCOMPARE(api->requests().size(), post ? 1 : 3);
        QCOMPARE(resp.attempts, post ? 1 : 3);
    }

    void deadlineCutsATrickle()
    {
        TransportOptions o = fx->transport.options();
        o.deadline = std::chrono::milliseconds(600);
        fx->transport.setOptions(o);
        api->setHandler([](const HttpRequest &) {
            HttpAnswer a = answer(200, QByteArray(200, 'x'), {}, "application/json");
            a.trickleMs = 20;  // a byte every 20 ms: never inactive, never done in time
            return a;
        });
        const ForgeResponse resp = send(gh(u"/trickle"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Timeout);
        QVERIFY(resp.error.message.contains(u"deadline"_s));
        QCOMPARE(api->requests().size(), 1);  // the deadline is for the whole request
        QVERIFY(resp.body.isEmpty());
    }

    void truncatedBodyIsNetworkError_data()
    {
        QTest::addColumn<bool>("post");
        QTest::newRow("GET retried") << false;
        QTest::newRow("POST not retried") << true;
    }
    void truncatedBodyIsNetworkError()
    {
        QFETCH(bool, post);
        api->setHandler([](const HttpRequest &) {
            return answer(200, "{\"jobs\":[1,2", {{"Content-Length", "100"}});
        });
        ForgeRequest r = gh(u"/jobs"_s);
        if (post) {
            r.method = Method::Post;
            r.body = "{}";
        }
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Network);
        QVERIFY(resp.body.isEmpty());
        QVERIFY(resp.json.isNull());
        QCOMPARE(api->requests().size(), post ? 1 : 3);
    }

    void connectionResetNeverResendsAPost_data()
    {
        QTest::addColumn<bool>("post");
        QTest::newRow("GET retried") << false;
        QTest::newRow("POST sent once") << true;
    }
    void connectionResetNeverResendsAPost()
    {
        // Qt's HTTP layer silently resends a request whose connection closed while waiting for
        // the answer; for a POST the transport must prevent that.
        QFETCH(bool, post);
        api->setHandler([](const HttpRequest &) {
            HttpAnswer a;
            a.reset = true;
            return a;
        });
        ForgeRequest r = gh(u"/dispatches"_s);
        if (post) {
            r.method = Method::Post;
            r.body = "{\"ref\":\"main\"}";
        }
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Network);
        if (post) {
            QCOMPARE(api->requests().size(), 1);
            QCOMPARE(api->requests().first().body, QByteArray("{\"ref\":\"main\"}"));
        } else {
            QVERIFY(api->requests().size() >= 3);
        }
    }

    void connectionRefused()
    {
        QUrl dead;
        {
            TestHttpServer gone;
            QVERIFY(gone.listen());
            dead = gone.url(u"/x"_s);
        }
        const ForgeResponse resp = send(get(Service::GitHub, dead, dead));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Network);
        QCOMPARE(resp.attempts, 3);
    }

    void serverErrors_data()
    {
        QTest::addColumn<bool>("post");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("GET 500") << false << 500 << 3;
        QTest::newRow("GET 502") << false << 502 << 3;
        QTest::newRow("GET 503") << false << 503 << 3;
        QTest::newRow("GET 501 not retried") << false << 501 << 1;
        QTest::newRow("POST 500") << true << 500 << 1;
        QTest::newRow("POST 502") << true << 502 << 1;
        QTest::newRow("POST 503") << true << 503 << 1;
    }
    void serverErrors()
    {
        QFETCH(bool, post);
        QFETCH(int, status);
        QFETCH(int, expectedRequests);
        api->setHandler(
            [&](const HttpRequest &) { return answer(status, "{\"message\":\"Server Error\"}"); });
        ForgeRequest r = gh(u"/x"_s);
        if (post) {
            r.method = Method::Post;
            r.body = "{}";
        }
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Server);
        QCOMPARE(resp.error.httpStatus, status);
        QCOMPARE(resp.error.message, u"Server Error"_s);
        QCOMPARE(api->requests().size(), expectedRequests);
    }

    void getRetriedThenSucceeds()
    {
        int n = 0;
        api->setHandler([&](const HttpRequest &) {
            return ++n == 1 ? answer(503, "<html>busy</html>", {}, "text/html")
                            : answer(200, "{\"id\":7}");
        });
        const ForgeResponse resp = send(gh(u"/runs/7"_s));
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QCOMPARE(resp.attempts, 2);
        QCOMPARE(resp.json.object().value(u"id").toInt(), 7);
    }

    void retryBackoffIsJitteredAndBounded()
    {
        // A Retry-After beyond the deadline: no retry, the 503 is reported.
        api->setHandler(
            [](const HttpRequest &) { return answer(503, {}, {{"Retry-After", "3600"}}); });
        const ForgeResponse resp = send(gh(u"/x"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Server);
        QCOMPARE(api->requests().size(), 1);
        QVERIFY(resp.error.retryAt.has_value());
    }

    void contentChecks_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<ForgeError::Kind>("kind");
        QTest::newRow("json") << answer(200, "{\"a\":1}").raw << ForgeError::Kind::None;
        QTest::newRow("vnd json") << answer(200, "{\"a\":1}", {}, "application/vnd.github+json").raw
                                  << ForgeError::Kind::None;
        QTest::newRow("204") << answer(204).raw << ForgeError::Kind::None;
        QTest::newRow("html 200") << answer(200, "<html>login</html>", {}, "text/html").raw
                                  << ForgeError::Kind::BadResponse;
        QTest::newRow("no content type")
            << answer(200, "{}", {}, {}).raw << ForgeError::Kind::BadResponse;
        QTest::newRow("invalid json")
            << answer(200, "{\"a\":").raw << ForgeError::Kind::BadResponse;
        QTest::newRow("empty json") << answer(200, {}, {{"Content-Type", "application/json"}}).raw
                                    << ForgeError::Kind::BadResponse;
        QTest::newRow("html 404") << answer(404, "<html>nope</html>", {}, "text/html").raw
                                  << ForgeError::Kind::NotFound;
        QTest::newRow("401") << answer(401, "{\"message\":\"Bad credentials\"}").raw
                             << ForgeError::Kind::Unauthorized;
        QTest::newRow("unexpected 3xx") << answer(300, "{}").raw << ForgeError::Kind::HttpStatus;
    }
    void contentChecks()
    {
        QFETCH(QByteArray, raw);
        QFETCH(ForgeError::Kind, kind);
        api->setHandler([&](const HttpRequest &) { return HttpAnswer {raw, false, 0}; });
        const ForgeResponse resp = send(gh(u"/x"_s));
        QCOMPARE(resp.error.kind, kind);
        if (kind != ForgeError::Kind::None) {
            QVERIFY(resp.body.isEmpty());
            QVERIFY(resp.json.isNull());
            QCOMPARE(api->requests().size(), 1);
        }
    }

    void bodyTooLarge()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(200, QByteArray(100000, ' '), {}, "text/plain");
        });
        ForgeRequest r = gh(u"/log"_s);
        r.expect = Expect::Bytes;
        r.maxBodyBytes = 1000;
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY(resp.body.isEmpty());
    }

    void tokenNeverInMessages()
    {
        api->setHandler([](const HttpRequest &req) {
            // A hostile or buggy server echoing the credential.
            const QByteArray echoed = req.headers.value("authorization").toByteArray();
            return answer(401, "{\"message\":\"bad token " + echoed + "\"}");
        });
        const ForgeResponse resp = send(gh(u"/user"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Unauthorized);
        QVERIFY(!resp.error.message.contains(kGitHubToken));
        QVERIFY(!resp.error.describe().contains(kGitHubToken));
        QVERIFY(resp.error.message.contains(u"***"_s));
    }

    void etagConditionalRequests()
    {
        int n = 0;
        api->setHandler([&](const HttpRequest &req) {
            ++n;
            if (req.headers.value("if-none-match") == "\"v1\"")
                return answer(304, {},
                              {{"ETag", "\"v1\""},
                               {"x-ratelimit-remaining", "4999"},
                               {"x-ratelimit-limit", "5000"}});
            return answer(200, "{\"status\":\"in_progress\"}", {{"ETag", "\"v1\""}});
        });
        ForgeRequest r = gh(u"/runs/1"_s);
        r.conditional = true;
        const ForgeResponse first = send(r);
        QVERIFY(first.ok());
        QVERIFY(!first.notModified);
        QVERIFY(!api->requests().last().headers.contains("if-none-match"));
        const ForgeResponse second = send(r);
        QVERIFY2(second.ok(), qPrintable(second.error.describe()));
        QVERIFY(second.notModified);
        QCOMPARE(second.httpStatus, 304);
        QCOMPARE(second.json, first.json);
        QCOMPARE(api->requests().last().headers.value("if-none-match"), "\"v1\"");
        QCOMPARE(fx->transport.etagCache().hits(), 1);

        // Another token is another identity: no If-None-Match, no cached value leaks.
        fx->tokens.setToken(Service::GitHub, api->url(), u"ghp_OTHER"_s);
        const ForgeResponse third = send(r);
        QVERIFY(third.ok());
        QVERIFY(!third.notModified);
        QVERIFY(!api->requests().last().headers.contains("if-none-match"));

        // Non-conditional requests never send it.
        fx->tokens.setToken(Service::GitHub, api->url(), kGitHubToken);
        r.conditional = false;
        QVERIFY(send(r).ok());
        QVERIFY(!api->requests().last().headers.contains("if-none-match"));
    }

    void unexpected304WithoutCache()
    {
        api->setHandler([](const HttpRequest &) { return answer(304); });
        ForgeRequest r = gh(u"/x"_s);
        r.conditional = true;
        QCOMPARE(send(r).error.kind, ForgeError::Kind::BadResponse);
    }

    void rateLimitTrackedAndHonoured()
    {
        QSignalSpy spy(&fx->transport, &Transport::rateLimitChanged);
        // Server clock 10 minutes ahead; reset at its 09:00 = our 08:50.
        api->setHandler([](const HttpRequest &) {
            return answer(403, "{\"message\":\"API rate limit exceeded\"}",
                          {{"x-ratelimit-limit", "5000"},
                           {"x-ratelimit-remaining", "0"},
                           {"x-ratelimit-used", "5000"},
                           {"x-ratelimit-reset", "1795597200"},
                           {"x-ratelimit-resource", "core"},
                           {"Date", "Wed, 25 Nov 2026 08:10:00 GMT"}});
        });
        const ForgeResponse resp = send(gh(u"/x"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::RateLimited);
        QVERIFY(resp.error.retryAt);
        QCOMPARE(*resp.error.retryAt, QDateTime(QDate(2026, 11, 25), QTime(8, 50), QTimeZone::UTC));
        QCOMPARE(api->requests().size(), 1);  // a rate limit is not retried by the transport
        QCOMPARE(spy.size(), 1);
        const auto rl = spy.first().at(2).value<RateLimit>();
        QCOMPARE(rl.remaining, 0);
        QCOMPARE(rl.resource, u"core"_s);
        QCOMPARE(fx->transport.rateLimit(Service::GitHub, api->url())->limit, 5000);

        // Until the reset, nothing is sent.
        const ForgeResponse blocked = send(gh(u"/y"_s));
        QCOMPARE(blocked.error.kind, ForgeError::Kind::RateLimited);
        QCOMPARE(api->requests().size(), 1);
        // GitLab on the same origin is another budget.
        api->setHandler([](const HttpRequest &) { return answer(200, "{}"); });
        QVERIFY(send(get(Service::GitLab, api->url(u"/api/v4/user"_s), api->url())).ok());
        // After the reset, requests flow again.
        fx->now = QDateTime(QDate(2026, 11, 25), QTime(8, 51), QTimeZone::UTC);
        QVERIFY(send(gh(u"/z"_s)).ok());
    }

    void rateLimit429RetryAfter()
    {
        api->setHandler(
            [](const HttpRequest &) { return answer(429, {}, {{"Retry-After", "30"}}); });
        const ForgeResponse resp =
            send(get(Service::GitLab, api->url(u"/api/v4/projects"_s), api->url()));
        QCOMPARE(resp.error.kind, ForgeError::Kind::RateLimited);
        QCOMPARE(*resp.error.retryAt, fx->now.addSecs(30));
    }

    void rateLimitWithoutHintBacksOff()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(403, "{\"message\":\"You have exceeded a secondary rate limit\"}");
        });
        const ForgeResponse first = send(gh(u"/x"_s));
        QCOMPARE(first.error.kind, ForgeError::Kind::RateLimited);
        // jitter 0.5 → ×1.125
        QCOMPARE(fx->now.secsTo(*first.error.retryAt), 67);
        fx->now = *first.error.retryAt;
        const ForgeResponse second = send(gh(u"/x"_s));
        QCOMPARE(fx->now.secsTo(*second.error.retryAt), 135);  // doubled
    }

    void streamingDownload()
    {
        const QByteArray payload = QByteArray(3 * 1024 * 1024, 'z') + "END";
        api->setHandler([&](const HttpRequest &) { return redirect(302, other->url(u"/big"_s)); });
        other->setHandler([&](const HttpRequest &) {
            return answer(200, payload, {}, "application/octet-stream");
        });
        QByteArray received;
        int chunks = 0;
        ForgeRequest r =
            get(Service::GitLab, api->url(u"/api/v4/projects/1/jobs/2/artifacts/x.tar.bz2"_s),
                api->url());
        ForgeReply *reply = fx->transport.download(r, [&](QByteArrayView chunk) {
            received.append(chunk);
            ++chunks;
            return true;
        });
        QSignalSpy progress(reply, &ForgeReply::downloadProgress);
        ForgeResponse resp;
        QVERIFY(waitFor(reply, &resp));
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QVERIFY(resp.body.isEmpty());  // nothing buffered
        QCOMPARE(received.size(), payload.size());
        QVERIFY(received == payload);
        QVERIFY(chunks > 1);
        QVERIFY(progress.size() > 0);
        QVERIFY(!other->requests().first().headers.contains("private-token"));
    }

    // The timeout counts from the last byte: a download that trickles for longer than it and
    // then falls silent gets every byte it was sent, then times out.
    void inactivityCountsFromTheLastByte()
    {
        fx->shortenInactivityTimeout();
        const QByteArray sent(20, 'x');
        api->setHandler([&](const HttpRequest &) {
            HttpAnswer a =
                answer(200, sent, {{"Content-Length", "1000"}}, "application/octet-stream");
            a.trickleMs = 40;  // 0.8 s of bytes: twice the 400 ms of inactivity
            a.silentAfterTrickle = true;
            return a;
        });
        QByteArray received;
        QElapsedTimer sinceStart;
        sinceStart.start();
        ForgeReply *reply =
            fx->transport.download(gh(u"/stalls.tar.bz2"_s), [&](QByteArrayView chunk) {
                received.append(chunk);
                return true;
            });
        ForgeResponse resp;
        QVERIFY(waitFor(reply, &resp));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Timeout);
        QVERIFY2(resp.error.message.contains(u"inactivity"_s), qPrintable(resp.error.message));
        QCOMPARE(received, sent);
        // 20 bytes 40 ms apart, then 400 ms of silence (coarse timers may fire 5 % early).
        QVERIFY2(sinceStart.elapsed() >= 760 + 380,
                 qPrintable(QString::number(sinceStart.elapsed())));
    }

    void streamingDownloadToDevice()
    {
        api->setHandler(
            [](const HttpRequest &) { return answer(200, "abc", {}, "application/octet-stream"); });
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        ForgeResponse resp;
        QVERIFY(waitFor(fx->transport.download(gh(u"/f"_s), &buffer), &resp));
        QVERIFY(resp.ok());
        QCOMPARE(buffer.data(), QByteArray("abc"));
    }

    // A download is bounded by inactivity and its size, not by the whole-request deadline:
    // a 2 GiB tarball on a slow link must finish. A request may still set its own deadline.
    void downloadDeadline_data()
    {
        QTest::addColumn<bool>("download");
        QTest::addColumn<int>("deadlineMs");  // the request's own; -1: unset
        QTest::addColumn<bool>("finishes");
        QTest::newRow("download, no deadline") << true << 0 << true;
        QTest::newRow("download, default: deadline until the body starts") << true << -1 << true;
        QTest::newRow("download, its own short deadline") << true << 300 << false;
        QTest::newRow("buffered, default deadline") << false << -1 << false;
        QTest::newRow("buffered, no deadline") << false << 0 << true;
    }
    void downloadDeadline()
    {
        QFETCH(bool, download);
        QFETCH(int, deadlineMs);
        QFETCH(bool, finishes);
        TransportOptions o = fx->transport.options();
        o.deadline = std::chrono::milliseconds(300);
        fx->transport.setOptions(o);
        const QByteArray payload(40, 'q');
        api->setHandler([&](const HttpRequest &) {
            HttpAnswer a = answer(200, payload, {}, "application/octet-stream");
            a.trickleMs = 25;  // ~1 s in all: far past the deadline, never inactive
            return a;
        });
        ForgeRequest r = gh(u"/slow.tar.bz2"_s);
        r.expect = Expect::Bytes;
        if (deadlineMs >= 0)
            r.deadline = std::chrono::milliseconds(deadlineMs);
        QByteArray received;
        ForgeReply *reply = download ? fx->transport.download(r,
                                                              [&](QByteArrayView chunk) {
                                                                  received.append(chunk);
                                                                  return true;
                                                              })
                                     : fx->transport.send(r);
        ForgeResponse resp;
        QVERIFY(waitFor(reply, &resp));
        if (finishes) {
            QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
            QCOMPARE(download ? received : resp.body, payload);
        } else {
            QCOMPARE(resp.error.kind, ForgeError::Kind::Timeout);
            QVERIFY2(resp.error.message.contains(u"deadline"_s), qPrintable(resp.error.message));
            QVERIFY(resp.body.isEmpty());
        }
        QCOMPARE(api->requests().size(), 1);
    }

    void downloadSizeCap_data()
    {
        QTest::addColumn<bool>("announced");  // Content-Length sent
        QTest::addColumn<bool>("capInRequest");
        QTest::newRow("announced, request cap") << true << true;
        QTest::newRow("announced, transport cap") << true << false;
        QTest::newRow("unannounced, request cap") << false << true;
        QTest::newRow("unannounced, transport cap") << false << false;
    }
    void downloadSizeCap()
    {
        QFETCH(bool, announced);
        QFETCH(bool, capInRequest);
        constexpr qint64 cap = 100 * 1024;
        const QByteArray payload(3 * 1024 * 1024, 'b');
        api->setHandler([&](const HttpRequest &) {
            if (announced)
                return answer(200, payload, {}, "application/octet-stream");
            // Delimited by the end of the connection: the size is known only by counting.
            return HttpAnswer {"HTTP/1.1 200 X\r\nContent-Type: application/octet-stream\r\n"
                               "Connection: close\r\n\r\n" +
                                   payload,
                               false, 0};
        });
        ForgeRequest r = gh(u"/huge.tar.bz2"_s);
        r.maxBodyBytes = 10;  // for buffered answers only: a download has its own cap
        if (capInRequest) {
            r.maxDownloadBytes = cap;
        } else {
            TransportOptions o = fx->transport.options();
            o.maxDownloadBytes = cap;
            fx->transport.setOptions(o);
        }
        qint64 delivered = 0;
        ForgeResponse resp;
        QVERIFY(waitFor(fx->transport.download(r,
                                               [&](QByteArrayView chunk) {
                                                   delivered += chunk.size();
                                                   return true;
                                               }),
                        &resp));
        QCOMPARE(resp.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY2(resp.error.message.contains(u"larger than 102400 bytes"_s),
                 qPrintable(resp.error.message));
        QVERIFY(delivered <= cap);
        if (announced)
            QCOMPARE(delivered, 0);           // refused from its Content-Length, before any byte
        QCOMPARE(api->requests().size(), 1);  // never retried

        // Under the cap, the same download succeeds.
        api->clear();
        r.maxDownloadBytes = payload.size();
        delivered = 0;
        QVERIFY(waitFor(fx->transport.download(r,
                                               [&](QByteArrayView chunk) {
                                                   delivered += chunk.size();
                                                   return true;
                                               }),
                        &resp));
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QCOMPARE(delivered, payload.size());
    }

    void requestEqualityCoversTheBounds()
    {
        const ForgeRequest a = gh(u"/x"_s);
        ForgeRequest b = gh(QString(u"/x"_s));  // built on its own
        QVERIFY(a == b);
        b.refusal = u"no"_s;
        QVERIFY(!(a == b));
        b = a;
        b.deadline = std::chrono::milliseconds(0);
        QVERIFY(!(a == b));
        b = a;
        b.maxDownloadBytes = 1;
        QVERIFY(!(a == b));
    }

    void streamingTruncatedIsNotRetried()
    {
        api->setHandler([](const HttpRequest &) {
            return answer(200, QByteArray(1000, 'a'), {{"Content-Length", "5000"}},
                          "application/octet-stream");
        });
        qint64 got = 0;
        ForgeResponse resp;
        QVERIFY(waitFor(fx->transport.download(gh(u"/f"_s),
                                               [&](QByteArrayView c) {
                                                   got += c.size();
                                                   return true;
                                               }),
                        &resp));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Network);
        QCOMPARE(api->requests().size(), 1);  // bytes were delivered: the consumer must restart
    }

    void streamingErrorBodyNotDelivered()
    {
        api->setHandler(
            [](const HttpRequest &) { return answer(404, "{\"message\":\"404 Not found\"}"); });
        bool sinkCalled = false;
        ForgeResponse resp;
        QVERIFY(waitFor(fx->transport.download(gh(u"/f"_s),
                                               [&](QByteArrayView) {
                                                   sinkCalled = true;
                                                   return true;
                                               }),
                        &resp));
        QCOMPARE(resp.error.kind, ForgeError::Kind::NotFound);
        QCOMPARE(resp.error.message, u"404 Not found"_s);
        QVERIFY(!sinkCalled);
    }

    void cancelBySinkAndByAbort()
    {
        api->setHandler([](const HttpRequest &) {
            HttpAnswer a = answer(200, QByteArray(100, 'a'), {}, "application/octet-stream");
            a.trickleMs = 5;
            return a;
        });
        ForgeResponse resp;
        QVERIFY(waitFor(fx->transport.download(gh(u"/f"_s), [](QByteArrayView) { return false; }),
                        &resp));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Cancelled);

        ForgeReply *reply = fx->transport.send(gh(u"/g"_s));
        QTimer::singleShot(50, reply, &ForgeReply::abort);
        QVERIFY(waitFor(reply, &resp));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Cancelled);
        QCOMPARE(api->requests().size(), 2);
    }

    // The owner of a transport may drop it from the slot that reads the last answer (a one-shot
    // check does); the reply must not touch itself after `finished`.
    void transportDestroyedInFinishedSlot()
    {
        api->setHandler([](const HttpRequest &) { return answer(200, "{}"); });
        auto *transport = new Transport(&fx->nam, &fx->tokens);
        ForgeReply *reply = transport->send(gh(u"/x"_s));
        bool done = false;
        QObject context;
        connect(reply, &ForgeReply::finished, &context, [&] {
            QVERIFY(reply->response().ok());
            delete transport;
            done = true;
        });
        QTRY_VERIFY(done);
        QTest::qWait(0);
    }

    void contextDestructionCancels()
    {
        api->setHandler([](const HttpRequest &) { return HttpAnswer {{}, true, 0}; });
        ForgeReply *reply = fx->transport.send(gh(u"/hang"_s));
        QPointer<ForgeReply> guard(reply);
        {
            QObject context;
            connect(&context, &QObject::destroyed, reply, &ForgeReply::abort);
        }
        QTRY_VERIFY(guard.isNull());  // finished (cancelled) and deleted itself
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
