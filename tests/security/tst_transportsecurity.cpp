// SPDX-License-Identifier: BSD-3-Clause
// What the transport refuses, end to end against scripted loopback servers: URLs off the policy
// on every hop (first request, redirect, next page), dot segments, redirected POSTs, endless
// bodies, far waits, and TLS certificates nobody pinned. A canary token rides on every request;
// it must reach exactly the origin it belongs to and never an error message.

#include "forge/forgetestsupport.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "forge/testhttpserver.h"

#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtCrypto>

using namespace rc::forge;
using namespace rc::forge::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

Q_DECLARE_METATYPE(ForgeError::Kind)
Q_DECLARE_METATYPE(rc::forge::Service)
Q_DECLARE_METATYPE(HeaderList)

namespace {

const QString kCanaryToken = u"ghp_RCCANARY5ec0de0123456789abcdefRCCANARY"_s;

ForgeRequest get(const QUrl &url, const QUrl &authOrigin)
{
    ForgeRequest r;
    r.service = Service::GitHub;
    r.url = url;
    r.authOrigin = authOrigin;
    return r;
}

// Nothing of the token in any text of the error.
bool clean(const ForgeError &e)
{
    return !e.message.contains(u"RCCANARY"_s) && !e.describe().contains(u"RCCANARY"_s);
}

// Did any request `server` got carry the canary, in any header?
bool sawCanary(const TestHttpServer &server)
{
    for (const HttpRequest &r : server.requests()) {
        for (const auto &[name, value] : r.headers.toListOfPairs()) {
            if (value.contains("RCCANARY"))
                return true;
        }
    }
    return false;
}

// Answers one request with `head` and then a body of `bodyBytes` it keeps writing while the
// client reads (a few hundred KiB ahead at most), to see where the client stops.
class EndlessServer
{
public:
    QByteArray head;
    qint64 bodyBytes = qint64(100) << 20;
    qint64 written = 0;  // body bytes handed to the socket
    bool clientClosed = false;
    int requests = 0;

    bool listen()
    {
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_context,
                         [this] { onConnection(); });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(u"http://127.0.0.1:"_s + QString::number(m_server.serverPort()) + path);
    }

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(&m_context);
            auto request = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, &m_context, [this, socket, request] {
                const bool started = request->contains("\r\n\r\n");
                request->append(socket->readAll());
                if (started || !request->contains("\r\n\r\n"))
                    return;
                ++requests;
                socket->write(head);
                pump(socket);
            });
            QObject::connect(socket, &QTcpSocket::bytesWritten, &m_context,
                             [this, socket] { pump(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, &m_context, [this, socket] {
                clientClosed = true;
                socket->deleteLater();
            });
        }
    }
    void pump(QTcpSocket *socket)
    {
        constexpr qint64 kChunk = 64 * 1024;
        while (socket->state() == QAbstractSocket::ConnectedState &&
               socket->bytesToWrite() < 4 * kChunk && written < bodyBytes) {
            const qint64 n = qMin(kChunk, bodyBytes - written);
            socket->write(QByteArray(n, 'x'));
            written += n;
        }
    }

    QTcpServer m_server;
    QObject m_context;
};

// A self-signed certificate and its key, made by the openssl CLI.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
};

}  // namespace

class TestTransportSecurity : public QObject
{
    Q_OBJECT
private:
    QCA::Initializer m_secureMemory;  // the tests' own tokens live in secure memory too
    QTemporaryDir m_certDir;
    TestCertificate m_certA;
    TestCertificate m_certB;
    std::unique_ptr<TransportFixture> fx;
    std::unique_ptr<TestHttpServer> api;
    std::unique_ptr<TestHttpServer> other;  // another origin (another port)

    // One request to the API of `service` with `token` as its stored token.
    ForgeResponse sendWithToken(Service service, const QByteArray &token)
    {
        fx->tokens.setToken(service, api->url(), QCA::SecureArray(token));
        ForgeRequest r = gh(u"/x"_s);
        r.service = service;
        return send(r);
    }

    ForgeResponse send(const ForgeRequest &r)
    {
        ForgeResponse out;
        if (!waitFor(fx->transport.send(r), &out))
            qWarning("reply did not finish");
        return out;
    }
    ForgeResponse download(const ForgeRequest &r, qint64 *delivered)
    {
        ForgeResponse out;
        ForgeReply *reply = fx->transport.download(r, [delivered](QByteArrayView chunk) {
            *delivered += chunk.size();
            return true;
        });
        if (!waitFor(reply, &out))
            qWarning("reply did not finish");
        return out;
    }
    ForgeRequest gh(const QString &path) const { return get(api->url(path), api->url()); }

    bool makeCertificate(const QString &name, TestCertificate *out)
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty()) {
            qWarning("the openssl command-line tool is needed to make the test certificates");
            return false;
        }
        const QString key = m_certDir.filePath(name + u".key"_s);
        const QString cert = m_certDir.filePath(name + u".pem"_s);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(openssl,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                       u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s,
                       cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                       u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s});
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            qWarning("openssl failed: %s", process.readAll().constData());
            return false;
        }
        QFile certFile(cert);
        QFile keyFile(key);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.readAll());
        out->certificate = certs.value(0);
        out->key = QSslKey(keyFile.readAll(), QSsl::Ec);
        return !out->certificate.isNull() && !out->key.isNull();
    }
    static QSslConfiguration serverConfiguration(const TestCertificate &c)
    {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificate(c.certificate);
        conf.setPrivateKey(c.key);
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        return conf;
    }
    std::unique_ptr<TestHttpServer> tlsServer(const TestCertificate &c)
    {
        auto server = std::make_unique<TestHttpServer>();
        if (!server->listenTls(serverConfiguration(c)))
            return {};
        server->setHandler([](const HttpRequest &) { return answer(200, "{\"ok\":true}"); });
        fx->tokens.setToken(Service::GitHub, server->url(), kCanaryToken);
        return server;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_certDir.isValid());
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        // A missing openssl fails the test: the TLS refusals would go unproven.
        QVERIFY2(makeCertificate(u"a"_s, &m_certA), "could not make certificate A with openssl");
        QVERIFY2(makeCertificate(u"b"_s, &m_certB), "could not make certificate B with openssl");
        QVERIFY(m_certA.certificate != m_certB.certificate);
    }
    void init()
    {
        fx = std::make_unique<TransportFixture>();
        api = std::make_unique<TestHttpServer>();
        other = std::make_unique<TestHttpServer>();
        QVERIFY(api->listen());
        QVERIFY(other->listen());
        fx->tokens.setToken(Service::GitHub, api->url(), kCanaryToken);
        fx->tokens.setToken(Service::GitLab, api->url(), kCanaryToken);
        fx->tokens.setToken(Service::GitHub, other->url(), kCanaryToken);
        api->setHandler([](const HttpRequest &) { return answer(200, "{}"); });
        other->setHandler([](const HttpRequest &) { return answer(200, "{}"); });
    }
    void cleanup()
    {
        fx.reset();
        api.reset();
        other.reset();
    }

    // --- 1. Scheme and origin on every hop --------------------------------------------------

    void urlPolicy_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QUrl(u"https://api.github.com/user"_s) << true;
        QTest::newRow("https port") << QUrl(u"https://ghe.example.org:8443/api/v3"_s) << true;
        QTest::newRow("http 127.0.0.1") << QUrl(u"http://127.0.0.1:8080/x"_s) << true;
        QTest::newRow("http 127.8.9.10") << QUrl(u"http://127.8.9.10/x"_s) << true;
        QTest::newRow("http ::1") << QUrl(u"http://[::1]:5000/x"_s) << true;
        QTest::newRow("http localhost") << QUrl(u"http://LocalHost:1/x"_s) << true;
        QTest::newRow("http x.localhost") << QUrl(u"http://api.localhost/x"_s) << true;
        QTest::newRow("http real host") << QUrl(u"http://api.github.com/user"_s) << false;
        QTest::newRow("http private address") << QUrl(u"http://10.1.2.3/x"_s) << false;
        QTest::newRow("http 0.0.0.0") << QUrl(u"http://0.0.0.0/x"_s) << false;
        QTest::newRow("http 128.0.0.1") << QUrl(u"http://128.0.0.1/x"_s) << false;
        QTest::newRow("http localhost lookalike")
            << QUrl(u"http://localhost.example.org/x"_s) << false;
        QTest::newRow("http 127.0.0.1 lookalike") << QUrl(u"http://127.0.0.1.nip.io/x"_s) << false;
        QTest::newRow("file") << QUrl(u"file:///etc/passwd"_s) << false;
        QTest::newRow("data") << QUrl(u"data:application/json,{}"_s) << false;
        QTest::newRow("qrc") << QUrl(u"qrc:/forge/x.json"_s) << false;
        QTest::newRow("ftp loopback") << QUrl(u"ftp://127.0.0.1/x"_s) << false;
        QTest::newRow("no host") << QUrl(u"https:///x"_s) << false;
        QTest::newRow("relative") << QUrl(u"/repos/o/r"_s) << false;
        QTest::newRow("empty") << QUrl() << false;
    }
    void urlPolicy()
    {
        QFETCH(QUrl, url);
        QFETCH(bool, allowed);
        QCOMPARE(urlRefusal(url).isEmpty(), allowed);
    }

    // The first request already: refused before anything is sent (no connection, no DNS).
    void firstRequestRefused_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("http real host") << QUrl(u"http://api.github.com/user"_s);
        QTest::newRow("http private address") << QUrl(u"http://10.1.2.3:9/x"_s);
        QTest::newRow("file") << QUrl(u"file:///etc/passwd"_s);
        QTest::newRow("data") << QUrl(u"data:application/json,{\"a\":1}"_s);
        QTest::newRow("qrc") << QUrl(u"qrc:/x.json"_s);
        QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1/x"_s);
        QTest::newRow("no host") << QUrl(u"https:///x"_s);
    }
    void firstRequestRefused()
    {
        QFETCH(QUrl, url);
        fx->tokens.setToken(Service::GitHub, url, kCanaryToken);
        ForgeRequest r = get(url, url);
        r.method = Method::Post;
        r.body = "{}";
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Redirect);
        QVERIFY2(resp.error.message.startsWith(u"Not sent"_s), qPrintable(resp.error.message));
        QCOMPARE(fx->transport.networkRequestCount(), 0);
        QCOMPARE(resp.attempts, 1);
        QVERIFY(resp.body.isEmpty());
        QVERIFY(clean(resp.error));
    }

    // A redirect to a URL the first request could not have: refused, nothing sent there.
    void redirectTargetsChecked_data()
    {
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("http real host") << QByteArray("http://example.org/x");
        QTest::newRow("file") << QByteArray("file:///etc/passwd");
        QTest::newRow("data") << QByteArray("data:text/plain,hi");
        QTest::newRow("qrc") << QByteArray("qrc:/x");
        QTest::newRow("ftp") << QByteArray("ftp://127.0.0.1/x");
    }
    void redirectTargetsChecked()
    {
        QFETCH(QByteArray, location);
        api->setHandler(
            [&](const HttpRequest &) { return answer(302, {}, {{"Location", location}}); });
        const ForgeResponse resp = send(gh(u"/x"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Redirect);
        QCOMPARE(api->requests().size(), 1);
        QCOMPARE(fx->transport.networkRequestCount(), 1);
        QVERIFY(resp.body.isEmpty());
        QVERIFY(clean(resp.error));
    }

    // "All pages" calls: a next page on another scheme or origin is an error, never followed and
    // never a silently shorter list.
    void nextPageKeepsOrigin_data()
    {
        QTest::addColumn<QString>("next");  // %1: api's port, %2: the other server's port
        QTest::newRow("other origin") << u"http://127.0.0.1:%2/jobs?page=2"_s;
        QTest::newRow("same host and port, https") << u"https://127.0.0.1:%1/jobs?page=2"_s;
        QTest::newRow("file") << u"file:///etc/passwd"_s;
        QTest::newRow("data") << u"data:text/plain,jobs"_s;
        QTest::newRow("qrc") << u"qrc:/jobs.json"_s;
        QTest::newRow("localhost is another origin") << u"http://localhost:%1/jobs?page=2"_s;
    }
    void nextPageKeepsOrigin()
    {
        QFETCH(QString, next);
        const QByteArray link = "<" +
            QString(next)
                .replace(u"%1"_s, QString::number(api->url().port()))
                .replace(u"%2"_s, QString::number(other->url().port()))
                .toUtf8() +
            ">; rel=\"next\"";
        api->setHandler([&](const HttpRequest &) {
            return answer(200, "{\"total_count\":2,\"jobs\":[{\"id\":1,\"name\":\"a\"}]}",
                          {{"Link", link}});
        });
        GitHubClient github(&fx->transport, api->url());
        ForgeResult<QList<WorkflowJob>> jobs;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github.jobs(u"o"_s, u"r"_s, 7, c, cb); }, &jobs));
        QCOMPARE(jobs.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY2(jobs.error.message.contains(u"not followed"_s), qPrintable(jobs.error.message));
        QVERIFY(jobs.value.isEmpty());
        QCOMPARE(api->requests().size(), 1);
        QCOMPARE(other->requests().size(), 0);
        QCOMPARE(fx->transport.networkRequestCount(), 1);
        QVERIFY(clean(jobs.error));

        // A one-page call says it too, rather than look like the last page.
        ForgeResult<Page<WorkflowRun>> runs;
        api->setHandler([&](const HttpRequest &) {
            return answer(200, "{\"total_count\":2,\"workflow_runs\":[]}", {{"Link", link}});
        });
        QVERIFY(waitForResult<Page<WorkflowRun>>(
            [&](QObject *c, auto cb) { github.runs(u"o"_s, u"r"_s, RunQuery(), c, cb); }, &runs));
        QCOMPARE(runs.error.kind, ForgeError::Kind::BadResponse);
        QVERIFY(!runs.value.hasNext());
    }

    // An answer parked on another host (a redirect) still pages on the API's origin, and only
    // there: pages belong to the request, not to where one answer came from.
    void redirectedPageKeepsTheRequestsOrigin()
    {
        const QByteArray page2 = api->url(u"/repos/o/r/actions/runs/7/jobs?page=2"_s).toEncoded();
        api->setHandler([&](const HttpRequest &req) {
            if (req.target.contains("page=2"))
                return answer(200, "{\"jobs\":[{\"id\":2,\"name\":\"b\"}]}");
            return redirect(302, other->url(u"/parked/1"_s));
        });
        other->setHandler([&](const HttpRequest &) {
            return answer(200, "{\"jobs\":[{\"id\":1,\"name\":\"a\"}]}",
                          {{"Link", "<" + page2 + ">; rel=\"next\""}});
        });
        GitHubClient github(&fx->transport, api->url());
        ForgeResult<QList<WorkflowJob>> jobs;
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github.jobs(u"o"_s, u"r"_s, 7, c, cb); }, &jobs));
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        QCOMPARE(jobs.value.size(), 2);
        QVERIFY(!sawCanary(*other));

        // The parked answer naming a next page on its own host: refused.
        other->setHandler([&](const HttpRequest &) {
            return answer(
                200, "{\"jobs\":[{\"id\":1,\"name\":\"a\"}]}",
                {{"Link", "<" + other->url(u"/parked/2"_s).toEncoded() + ">; rel=\"next\""}});
        });
        QVERIFY(waitForResult<QList<WorkflowJob>>(
            [&](QObject *c, auto cb) { github.jobs(u"o"_s, u"r"_s, 8, c, cb); }, &jobs));
        QCOMPARE(jobs.error.kind, ForgeError::Kind::BadResponse);
        QCOMPARE(other->requests().size(), 2);  // the two parked answers, no /parked/2
    }

    void nextPageRefusalIsPure_data()
    {
        QTest::addColumn<QUrl>("current");
        QTest::addColumn<QByteArray>("link");
        QTest::addColumn<bool>("followed");
        const QUrl gh(u"https://api.github.com/repos/o/r/actions/runs/1/jobs?page=1"_s);
        QTest::newRow("same origin")
            << gh << QByteArray("<https://api.github.com/x?page=2>; rel=next") << true;
        QTest::newRow("relative") << gh << QByteArray("</x?page=2>; rel=next") << true;
        QTest::newRow("explicit default port")
            << gh << QByteArray("<https://api.github.com:443/x?page=2>; rel=next") << true;
        QTest::newRow("https to http")
            << gh << QByteArray("<http://api.github.com/x?page=2>; rel=next") << false;
        QTest::newRow("other host")
            << gh << QByteArray("<https://evil.example/x?page=2>; rel=next") << false;
        QTest::newRow("other port")
            << gh << QByteArray("<https://api.github.com:444/x?page=2>; rel=next") << false;
        QTest::newRow("file") << gh << QByteArray("<file:///etc/passwd>; rel=next") << false;
        QTest::newRow("data") << gh << QByteArray("<data:text/plain,x>; rel=next") << false;
        QTest::newRow("scheme-relative")
            << gh << QByteArray("<//evil.example/x?page=2>; rel=next") << false;
    }
    void nextPageRefusalIsPure()
    {
        QFETCH(QUrl, current);
        QFETCH(QByteArray, link);
        QFETCH(bool, followed);
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::Link, link);
        QCOMPARE(nextPageUrl(headers, current).isEmpty(), !followed);
        QCOMPARE(nextPageRefusal(headers, current).isEmpty(), followed);
    }

    // GitLab's X-Next-Page only changes `page` on the same URL: followed to the end.
    void gitLabNextPageFollowed()
    {
        api->setHandler([](const HttpRequest &req) {
            const bool first = !req.target.contains("page=2");
            return answer(200,
                          first ? "[{\"id\":1,\"name\":\"a\",\"status\":\"success\"}]"
                                : "[{\"id\":2,\"name\":\"b\",\"status\":\"success\"}]",
                          first ? QList<std::pair<QByteArray, QByteArray>> {{"X-Next-Page", "2"}}
                                : QList<std::pair<QByteArray, QByteArray>> {});
        });
        GitLabClient gitlab(&fx->transport, api->url(u"/api/v4"_s));
        ForgeResult<QList<GitLabJob>> jobs;
        QVERIFY(waitForResult<QList<GitLabJob>>(
            [&](QObject *c, auto cb) { gitlab.pipelineJobs(u"g/p"_s, 5, c, cb); }, &jobs));
        QVERIFY2(jobs.ok(), qPrintable(jobs.error.describe()));
        QCOMPARE(jobs.value.size(), 2);
        QCOMPARE(api->requests().size(), 2);
    }

    // --- 2. Dot segments --------------------------------------------------------------------

    void dotSegmentThroughClientRefused()
    {
        GitHubClient github(&fx->transport, api->url());
        ForgeResult<WorkflowRun> run;
        QVERIFY(waitForResult<WorkflowRun>(
            [&](QObject *c, auto cb) { github.run(u".."_s, u".."_s, 1, c, cb); }, &run));
        QCOMPARE(run.error.kind, ForgeError::Kind::Validation);
        QVERIFY2(run.error.message.contains(u"owner"_s), qPrintable(run.error.message));
        QCOMPARE(api->requests().size(), 0);
        QCOMPARE(fx->transport.networkRequestCount(), 0);

        ForgeResult<DispatchResult> dispatch;
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) {
                github.dispatchWorkflow(u"o"_s, u"r"_s, u"%2e%2e%2F%2e%2e%2Fuser"_s, "{}", c, cb);
            },
            &dispatch));
        QCOMPARE(dispatch.error.kind, ForgeError::Kind::Validation);
        QVERIFY2(dispatch.error.message.contains(u"workflow"_s),
                 qPrintable(dispatch.error.message));
        QCOMPARE(api->requests().size(), 0);
    }

    // Whatever built the URL (a hand-made request, a redirect): a dot segment is not sent.
    void dotSegmentInAnyUrlRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("viaRedirect");
        QTest::newRow("encoded") << u"/repos/%2e%2e/%2E%2E/user"_s << false;
        QTest::newRow("double-encoded") << u"/repos/%252e%252e/user"_s << false;
        QTest::newRow("inside a segment") << u"/projects/a%2F..%2Fb"_s << false;
        // Encoded twice: QUrl::resolved() removes literal dot segments, not these.
        QTest::newRow("redirect, encoded") << u"/repos/%252e%252e/user"_s << true;
    }
    void dotSegmentInAnyUrlRefused()
    {
        QFETCH(QString, path);
        QFETCH(bool, viaRedirect);
        QUrl target = api->url();
        target.setPath(path, QUrl::TolerantMode);
        ForgeResponse resp;
        if (viaRedirect) {
            api->setHandler([&](const HttpRequest &) {
                return answer(302, {}, {{"Location", target.toEncoded()}});
            });
            resp = send(gh(u"/start"_s));
            QCOMPARE(api->requests().size(), 1);
        } else {
            resp = send(get(target, api->url()));
            QCOMPARE(api->requests().size(), 0);
        }
        QCOMPARE(resp.error.kind, ForgeError::Kind::Validation);
        QVERIFY(resp.body.isEmpty());
    }

    // --- 3. Bounds --------------------------------------------------------------------------

    void endlessErrorBodyNotBuffered_data()
    {
        QTest::addColumn<bool>("streamed");
        QTest::newRow("download") << true;
        QTest::newRow("buffered") << false;
    }
    void endlessErrorBodyNotBuffered()
    {
        QFETCH(bool, streamed);
        EndlessServer endless;
        endless.head = "HTTP/1.1 404 X\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(endless.bodyBytes) + "\r\n\r\n{\"message\":\"";
        QVERIFY(endless.listen());
        ForgeRequest r = get(endless.url(u"/big.tar.bz2"_s), endless.url({}));
        r.expect = Expect::Bytes;
        r.deadline = 0ms;
        qint64 delivered = 0;
        const ForgeResponse resp = streamed ? download(r, &delivered) : send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::NotFound);
        QVERIFY2(resp.error.message.contains(u"longer than 65536 bytes"_s),
                 qPrintable(resp.error.message));
        QCOMPARE(delivered, 0);
        QVERIFY(resp.body.isEmpty());
        QCOMPARE(endless.requests, 1);
        QTRY_VERIFY(endless.clientClosed);
        // The client hung up early: what was written is the cap plus what sockets buffer.
        QVERIFY2(endless.written < (qint64(32) << 20),
                 qPrintable(QString::number(endless.written)));
    }

    // A redirect's body is never needed: the client stops reading it and follows the Location.
    void endlessRedirectBodyNotRead()
    {
        EndlessServer endless;
        endless.head = "HTTP/1.1 302 X\r\nLocation: " + api->url(u"/target"_s).toEncoded() +
            "\r\nContent-Length: " + QByteArray::number(endless.bodyBytes) + "\r\n\r\n";
        QVERIFY(endless.listen());
        api->setHandler([](const HttpRequest &) { return answer(200, "{\"ok\":true}"); });
        ForgeRequest r = get(endless.url(u"/start"_s), api->url());
        r.deadline = 0ms;
        const ForgeResponse resp = send(r);
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QCOMPARE(resp.redirects, 1);
        QCOMPARE(api->requests().size(), 1);
        QTRY_VERIFY(endless.clientClosed);
        QVERIFY2(endless.written < (qint64(32) << 20),
                 qPrintable(QString::number(endless.written)));
    }

    void etagCacheByteBudget()
    {
        ETagCache cache(100, 100);
        QCOMPARE(cache.byteBudget(), 100);
        const auto entry = [](char fill) {
            return ETagCache::Entry {"\"e\"", QByteArray(37, fill), {}};  // 3 + 37 = 40 bytes
        };
        cache.insert(u"a"_s, entry('a'));
        cache.insert(u"b"_s, entry('b'));
        QCOMPARE(cache.totalBytes(), 80);
        QVERIFY(cache.find(u"a"_s));  // a is now the most recent
        cache.insert(u"c"_s, entry('c'));
        QCOMPARE(cache.size(), 2);  // b, the oldest, had to go
        QVERIFY(!cache.find(u"b"_s));
        QVERIFY(cache.find(u"a"_s));
        QVERIFY(cache.find(u"c"_s));
        QCOMPARE(cache.totalBytes(), 80);

        // Replacing an entry counts its new size only.
        cache.insert(u"a"_s, ETagCache::Entry {"\"e\"", QByteArray(7, 'a'), {}});
        QCOMPARE(cache.totalBytes(), 50);

        // Larger than the whole budget: not kept, nothing else evicted for it.
        cache.insert(u"huge"_s, ETagCache::Entry {"\"e\"", QByteArray(200, 'h'), {}});
        QVERIFY(!cache.find(u"huge"_s));
        QCOMPARE(cache.size(), 2);

        // A smaller budget evicts the least recently used first.
        QVERIFY(cache.find(u"c"_s));
        cache.setByteBudget(45);
        QCOMPARE(cache.size(), 1);
        QVERIFY(cache.find(u"c"_s));
        QCOMPARE(cache.totalBytes(), 40);
        cache.remove(u"c"_s);
        QCOMPARE(cache.totalBytes(), 0);
    }

    // The budget set in TransportOptions holds for what the transport stores.
    void etagBudgetFromOptions()
    {
        TransportOptions o = fx->transport.options();
        o.etagCacheBytes = 3000;
        fx->transport.setOptions(o);
        QCOMPARE(fx->transport.etagCache().byteBudget(), 3000);
        api->setHandler([](const HttpRequest &req) {
            return answer(200, "{\"pad\":\"" + QByteArray(1000, 'p') + "\"}",
                          {{"ETag", "\"" + req.path() + "\""}});
        });
        for (int i = 0; i < 5; ++i) {
            ForgeRequest r = gh(u"/runs/"_s + QString::number(i));
            r.conditional = true;
            QVERIFY(send(r).ok());
        }
        QVERIFY(fx->transport.etagCache().totalBytes() <= 3000);
        QCOMPARE(fx->transport.etagCache().size(), 2);
    }

    void retryWaitCapped_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<int>("capSeconds");
        QTest::addColumn<int>("expectedWait");
        using Headers = HeaderList;
        QTest::newRow("ten years") << 429 << Headers {{"Retry-After", "315360000"}} << 3600 << 3600;
        QTest::newRow("beyond qint64")
            << 429 << Headers {{"Retry-After", "99999999999999999999999"}} << 3600 << 3600;
        QTest::newRow("date in ten years")
            << 429 << Headers {{"Retry-After", "Sat, 25 Nov 2036 08:00:00 GMT"}} << 3600 << 3600;
        QTest::newRow("date in the past: now")
            << 429 << Headers {{"Retry-After", "Wed, 25 Nov 2020 08:00:00 GMT"}} << 3600 << 0;
        QTest::newRow("within the cap") << 429 << Headers {{"Retry-After", "90"}} << 3600 << 90;
        QTest::newRow("negative: no hint, a minute")
            << 429 << Headers {{"Retry-After", "-30"}} << 3600 << 67;
        QTest::newRow("garbage: no hint, a minute")
            << 429 << Headers {{"Retry-After", "soon"}} << 3600 << 67;
        QTest::newRow("own cap") << 429 << Headers {{"Retry-After", "3600"}} << 120 << 120;
        QTest::newRow("reset in ten years") << 403
                                            << Headers {{"x-ratelimit-remaining", "0"},
                                                        {"x-ratelimit-limit", "5000"},
                                                        {"x-ratelimit-reset", "2110000000"}}
                                            << 3600 << 3600;
    }
    void retryWaitCapped()
    {
        QFETCH(int, status);
        QFETCH(HeaderList, headers);
        QFETCH(int, capSeconds);
        QFETCH(int, expectedWait);
        TransportOptions o = fx->transport.options();
        o.maxRetryWait = std::chrono::seconds(capSeconds);
        fx->transport.setOptions(o);
        api->setHandler([&](const HttpRequest &) {
            return answer(status, "{\"message\":\"API rate limit exceeded\"}", headers);
        });
        const ForgeResponse resp = send(gh(u"/x"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::RateLimited);
        QVERIFY(resp.error.retryAt);
        QCOMPARE(fx->now.secsTo(*resp.error.retryAt), expectedWait);
        QVERIFY2(
            resp.error.message.contains(rc::forge::retryWaitText(*resp.error.retryAt, fx->now)),
            qPrintable(resp.error.message));
        QVERIFY(clean(resp.error));
        if (expectedWait == 0)
            return;
        // Refused locally until then, saying the wait; after it, requests flow again.
        const ForgeResponse blocked = send(gh(u"/y"_s));
        QCOMPARE(blocked.error.kind, ForgeError::Kind::RateLimited);
        QVERIFY2(blocked.error.message.contains(u"(in "_s), qPrintable(blocked.error.message));
        QCOMPARE(api->requests().size(), 1);
        api->setHandler([](const HttpRequest &) { return answer(200, "{}"); });
        fx->now = fx->now.addSecs(expectedWait + 1);
        QVERIFY(send(gh(u"/z"_s)).ok());
    }

    void waitText_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << 42 << u"Retry after 08:00 UTC (in 42 s)."_s;
        QTest::newRow("minutes") << 12 * 60 + 5 << u"Retry after 08:12 UTC (in 13 min)."_s;
        QTest::newRow("the cap") << 3600 << u"Retry after 09:00 UTC (in 1 h 0 min)."_s;
        QTest::newRow("a day") << 2 * 86400
                               << u"Retry after 2026-11-27 08:00 UTC (in 48 h 0 min)."_s;
    }
    void waitText()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
        QCOMPARE(rc::forge::retryWaitText(now.addSecs(seconds), now), expected);
    }

    // --- 7. A redirected POST is never re-sent ----------------------------------------------

    void postRedirectRefused_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("otherHost");
        for (int status : {301, 302, 303, 307, 308}) {
            QTest::addRow("%d same origin", status) << status << false;
            QTest::addRow("%d other host", status) << status << true;
        }
    }
    void postRedirectRefused()
    {
        QFETCH(int, status);
        QFETCH(bool, otherHost);
        const QUrl target = otherHost ? other->url(u"/dispatches"_s) : api->url(u"/again"_s);
        api->setHandler([&](const HttpRequest &req) {
            if (req.path() == "/again")
                return answer(204);
            return redirect(status, target);
        });
        GitHubClient github(&fx->transport, api->url());
        ForgeResult<DispatchResult> dispatch;
        QVERIFY(waitForResult<DispatchResult>(
            [&](QObject *c, auto cb) {
                github.dispatchWorkflow(u"o"_s, u"r"_s, u"deploy.yml"_s, "{\"ref\":\"main\"}", c,
                                        cb);
            },
            &dispatch));
        QCOMPARE(dispatch.error.kind, ForgeError::Kind::Redirect);
        QCOMPARE(dispatch.error.httpStatus, status);
        QVERIFY2(dispatch.error.message.contains(u"not sent again"_s),
                 qPrintable(dispatch.error.message));
        QCOMPARE(api->requests().size(), 1);
        QCOMPARE(api->count("POST"), 1);
        QCOMPARE(other->requests().size(), 0);
        QCOMPARE(fx->transport.networkRequestCount(), 1);
        QVERIFY(clean(dispatch.error));
    }

    // --- 8. Redirects ---------------------------------------------------------------------

    void redirectToOtherHostCarriesNoToken_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Service>("service");
        for (int status : {301, 302, 303, 307, 308}) {
            QTest::addRow("github %d", status) << status << Service::GitHub;
            QTest::addRow("gitlab %d", status) << status << Service::GitLab;
        }
    }
    void redirectToOtherHostCarriesNoToken()
    {
        QFETCH(int, status);
        QFETCH(Service, service);
        api->setHandler(
            [&](const HttpRequest &) { return redirect(status, other->url(u"/blob?sig=1"_s)); });
        other->setHandler(
            [](const HttpRequest &) { return answer(200, "PK", {}, "application/zip"); });
        ForgeRequest r = gh(u"/artifacts/1/zip"_s);
        r.service = service;
        r.expect = Expect::Bytes;
        const ForgeResponse resp = send(r);
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QVERIFY(sawCanary(*api));  // the check below could fail
        QCOMPARE(other->requests().size(), 1);
        QVERIFY(!sawCanary(*other));
        QVERIFY(!other->requests().first().headers.contains("authorization"));
        QVERIFY(!other->requests().first().headers.contains("private-token"));
    }

    void tooManyRedirectsReturnNothing()
    {
        int n = 0;
        api->setHandler([&](const HttpRequest &) {
            return redirect(302, api->url(u"/hop"_s + QString::number(++n)));
        });
        const ForgeResponse resp = send(gh(u"/hop"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Redirect);
        QVERIFY2(resp.error.message.contains(u"More than 5 redirects"_s),
                 qPrintable(resp.error.message));
        QCOMPARE(api->requests().size(), 6);
        QVERIFY(resp.body.isEmpty());
        QVERIFY(resp.json.isNull());
        QVERIFY(!resp.notModified);
        QVERIFY(clean(resp.error));
    }

    void httpsToHttpRedirectRefused()
    {
        const auto secure = tlsServer(m_certA);
        QVERIFY(secure);
        fx->transport.setTrustedCertificates(secure->url().toString(), {m_certA.certificate});
        secure->setHandler(
            [&](const HttpRequest &) { return redirect(302, other->url(u"/plain"_s)); });
        const ForgeResponse resp = send(get(secure->url(u"/x"_s), secure->url()));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Redirect);
        QVERIFY2(resp.error.message.contains(u"https to http"_s), qPrintable(resp.error.message));
        QCOMPARE(secure->requests().size(), 1);
        QCOMPARE(other->requests().size(), 0);
        QVERIFY(resp.body.isEmpty());
        QVERIFY(clean(resp.error));
    }

    // --- 5. TLS: refused unless that certificate is pinned for that origin ------------------

    void selfSignedRefusedBeforeAnythingIsSent()
    {
        const auto secure = tlsServer(m_certA);
        QVERIFY(secure);
        ForgeRequest r = get(secure->url(u"/repos/o/r/dispatches"_s), secure->url());
        r.method = Method::Post;
        r.body = "{\"event_type\":\"RCCANARY-body\"}";
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Tls);
        QCOMPARE(resp.attempts, 1);
        QCOMPARE(secure->requests().size(), 0);
        QCOMPARE(secure->bytesReceived(), 0);  // not a header, not a byte of the body
        QVERIFY(clean(resp.error));
    }

    void pinnedCertificateAccepted()
    {
        const auto secure = tlsServer(m_certA);
        QVERIFY(secure);
        fx->transport.setTrustedCertificates(secure->url().toString(), {m_certA.certificate});
        QCOMPARE(fx->transport.trustedCertificates(secure->url(u"/any/path"_s).toString()),
                 QList<QSslCertificate> {m_certA.certificate});
        const ForgeResponse resp = send(get(secure->url(u"/user"_s), secure->url()));
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QCOMPARE(secure->requests().size(), 1);
        QVERIFY(sawCanary(*secure));  // the token went to the origin it belongs to

        // Unpinned again: refused again (no connection made under the pin is reused).
        fx->transport.setTrustedCertificates(secure->url().toString(), {});
        const ForgeResponse again = send(get(secure->url(u"/user"_s), secure->url()));
        QCOMPARE(again.error.kind, ForgeError::Kind::Tls);
        QCOMPARE(secure->requests().size(), 1);
    }

    void otherPinnedCertificateRefused()
    {
        const auto secure = tlsServer(m_certA);
        QVERIFY(secure);
        fx->transport.setTrustedCertificates(secure->url().toString(), {m_certB.certificate});
        const ForgeResponse resp = send(get(secure->url(u"/user"_s), secure->url()));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Tls);
        QCOMPARE(secure->requests().size(), 0);
        QCOMPARE(secure->bytesReceived(), 0);
        QVERIFY(clean(resp.error));
    }

    void pinIsForItsOriginOnly()
    {
        const auto hostA = tlsServer(m_certA);
        const auto hostB = tlsServer(m_certA);  // the same certificate, another origin
        QVERIFY(hostA && hostB);
        fx->transport.setTrustedCertificates(hostA->url().toString(), {m_certA.certificate});
        const ForgeResponse b = send(get(hostB->url(u"/user"_s), hostB->url()));
        QCOMPARE(b.error.kind, ForgeError::Kind::Tls);
        QCOMPARE(hostB->requests().size(), 0);
        QCOMPARE(hostB->bytesReceived(), 0);
        const ForgeResponse a = send(get(hostA->url(u"/user"_s), hostA->url()));
        QVERIFY2(a.ok(), qPrintable(a.error.describe()));
        // A redirect from the pinned origin to the other one is refused there too.
        hostA->setHandler([&](const HttpRequest &) { return redirect(302, hostB->url(u"/b"_s)); });
        const ForgeResponse hop = send(get(hostA->url(u"/start"_s), hostA->url()));
        QCOMPARE(hop.error.kind, ForgeError::Kind::Tls);
        QCOMPARE(hostB->requests().size(), 0);
        QVERIFY(clean(hop.error));
    }

    // --- 9. The token's bytes -------------------------------------------------------------

    // The header value is the token's bytes as the source holds them (a QCA::SecureArray up
    // to the header), whatever visible-ASCII byte it holds.
    void headerCarriesTheTokenBytes_data()
    {
        QTest::addColumn<Service>("service");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray canary = kCanaryToken.toLatin1();
        const QByteArray punctuation = "ghp_RCCANARY!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~0";
        QTest::newRow("github") << Service::GitHub << canary << "authorization"_ba
                                << "Bearer "_ba + canary;
        QTest::newRow("gitlab") << Service::GitLab << canary << "private-token"_ba << canary;
        QTest::newRow("github, every punctuation byte")
            << Service::GitHub << punctuation << "authorization"_ba << "Bearer "_ba + punctuation;
        QTest::newRow("gitlab, every punctuation byte")
            << Service::GitLab << punctuation << "private-token"_ba << punctuation;
    }
    void headerCarriesTheTokenBytes()
    {
        QFETCH(Service, service);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, expected);
        const ForgeResponse resp = sendWithToken(service, token);
        QVERIFY2(resp.ok(), qPrintable(resp.error.describe()));
        QCOMPARE(api->requests().size(), 1);
        const QHttpHeaders &sent = api->requests().first().headers;
        QCOMPARE(sent.values(header).size(), 1);
        QCOMPARE(sent.value(header).toByteArray(), expected);
        QVERIFY(!sent.contains(service == Service::GitHub ? "private-token" : "authorization"));
    }

    // A token holding a byte no forge token holds is refused before anything is sent: a line
    // break would split the header, other controls would make Qt drop it (an anonymous
    // request), non-ASCII bytes each server reads its own way. (The transport used to send a
    // non-ASCII token as UTF-8; the TokenStore never accepted one.)
    void oddTokenBytesRefused_data()
    {
        QTest::addColumn<Service>("service");
        QTest::addColumn<QByteArray>("token");
        const QByteArray canary = "ghp_RCCANARY5ec0de";
        const struct
        {
            const char *name;
            QByteArray token;
        } rows[] = {
            {"space", canary + " 0123"},
            {"tab", canary + "\t0123"},
            {"line break, a header after it", canary + "\r\nX-Injected: 1"},
            {"bare line feed", canary + "\n0123"},
            {"NUL",
             canary +
                 QByteArray("\0"
                            "0123",
                            5)},
            {"DEL", canary + "\x7f"},
            {"non-ASCII as UTF-8", canary + "\xc3\xa4"},
            {"not UTF-8", canary + "\xff\xfe"},
            {"longer than 1024 bytes", canary + QByteArray(1024, 'a')},
        };
        for (const auto &row : rows) {
            QTest::addRow("github, %s", row.name) << Service::GitHub << row.token;
            QTest::addRow("gitlab, %s", row.name) << Service::GitLab << row.token;
        }
    }
    void oddTokenBytesRefused()
    {
        QFETCH(Service, service);
        QFETCH(QByteArray, token);
        const ForgeResponse resp = sendWithToken(service, token);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Unauthorized);
        QVERIFY2(resp.error.message.startsWith(u"Not sent: the token for "_s),
                 qPrintable(resp.error.message));
        QCOMPARE(api->requests().size(), 0);
        QCOMPARE(fx->transport.networkRequestCount(), 0);
        QVERIFY(clean(resp.error));
    }

    // A server echoing the token: the message is scrubbed from the secure copy of the reply.
    void echoedTokenRedacted_data()
    {
        QTest::addColumn<Service>("service");
        QTest::newRow("github") << Service::GitHub;
        QTest::newRow("gitlab") << Service::GitLab;
    }
    void echoedTokenRedacted()
    {
        QFETCH(Service, service);
        api->setHandler([](const HttpRequest &req) {
            const QByteArray echoed = req.headers.value("authorization").toByteArray() +
                req.headers.value("private-token").toByteArray();
            return answer(
                401, "{\"message\":\"bad credentials: " + echoed + " (twice: " + echoed + ")\"}");
        });
        ForgeRequest r = gh(u"/x"_s);
        r.service = service;
        const ForgeResponse resp = send(r);
        QCOMPARE(resp.error.kind, ForgeError::Kind::Unauthorized);
        QVERIFY(sawCanary(*api));  // the check below could fail
        QCOMPARE(resp.error.message.count(u"***"_s), 2);
        QVERIFY2(clean(resp.error), qPrintable(resp.error.message));
    }

    // MemoryTokenSource hands out copies with bytes of their own, like the keychain's source.
    void memoryTokensAreCopies()
    {
        MemoryTokenSource tokens;
        tokens.setToken(Service::GitHub, api->url(), QCA::SecureArray("ghp_RCCANARYheld"_ba));
        const QString origin = originOf(api->url());
        QCA::SecureArray first = tokens.token(Service::GitHub, origin);
        const QCA::SecureArray second = tokens.token(Service::GitHub, origin);
        QCOMPARE(first.toByteArray(), "ghp_RCCANARYheld"_ba);
        QVERIFY(first.constData() != second.constData());
        first.fill('\0');
        QCOMPARE(tokens.token(Service::GitHub, origin).toByteArray(), "ghp_RCCANARYheld"_ba);
        QCOMPARE(second.toByteArray(), "ghp_RCCANARYheld"_ba);
        // Text is stored as its UTF-8 bytes; an empty token is none.
        tokens.setToken(Service::GitHub, api->url(), u"ghp_RCCANARYtext"_s);
        QCOMPARE(tokens.token(Service::GitHub, origin).toByteArray(), "ghp_RCCANARYtext"_ba);
        tokens.setToken(Service::GitHub, api->url(), QString());
        QVERIFY(tokens.token(Service::GitHub, origin).isEmpty());
        QVERIFY(tokens.token(Service::GitLab, origin).isEmpty());
    }

    // The ETag identity is computed from the bytes, the same as from the token's text.
    void etagIdentityFromBytes()
    {
        QCOMPARE(ETagCache::tokenIdentity(0, QByteArrayView("ghp_A")),
                 ETagCache::tokenIdentity(0, u"ghp_A"_s));
        QVERIFY(ETagCache::tokenIdentity(0, QByteArrayView("ghp_A")) !=
                ETagCache::tokenIdentity(1, QByteArrayView("ghp_A")));
        QVERIFY(ETagCache::tokenIdentity(0, QByteArrayView("ghp_A")) !=
                ETagCache::tokenIdentity(0, QByteArrayView("ghp_B")));
        QCOMPARE(ETagCache::tokenIdentity(0, QByteArrayView()), u"anonymous"_s);
        QVERIFY(
            !ETagCache::tokenIdentity(0, QByteArrayView("ghp_RCCANARY")).contains(u"RCCANARY"_s));
    }

    // --- 4. Server text in errors ---------------------------------------------------------

    void hostileServerTextInErrors()
    {
        api->setHandler([](const HttpRequest &req) {
            const QByteArray echoed = req.headers.value("authorization").toByteArray();
            // The token echoed with controls inside it: stripping them must not rebuild it.
            const QByteArray split = echoed.left(12) + "\\u001b[0m" + echoed.mid(12);
            return answer(422,
                          "{\"message\":\"\\u001b[2J\\u001b[Hdone\\r\\u202eevil\\u0000 " + split +
                              "\"}");
        });
        const ForgeResponse resp = send(gh(u"/x"_s));
        QCOMPARE(resp.error.kind, ForgeError::Kind::Validation);
        const QString m = resp.error.message;
        QVERIFY2(m.startsWith(u"done\nevil"_s), qPrintable(m));
        for (const QChar c : {QChar(0x1b), QChar(u'\r'), QChar(0x202e), QChar(0)})
            QVERIFY(!m.contains(c));
        QVERIFY(clean(resp.error));
    }
};

QTEST_GUILESS_MAIN(TestTransportSecurity)
#include "tst_transportsecurity.moc"
