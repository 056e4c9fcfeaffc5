// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/httplistener.h"
#include "sandbox/httpmessage.h"
#include "sandbox/requestlog.h"
#include "sandbox/routetable.h"
#include "sandboxclient.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rc::sandbox::HttpLimits;
using rc::sandbox::HttpListener;
using rc::sandbox::HttpParseResult;
using rc::sandbox::HttpRequest;
using rc::sandbox::HttpResponse;
using rc::sandbox::ListenerLimits;
using Status = rc::sandbox::HttpParseResult::Status;

// The simulator's socket layer on its own: the request parser as a pure function, and a listener
// with a trivial handler, so every bound (buffer, head, body, idle time, Host) is tested without
// the forges in the way.
class TestHttpListener : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void parserDecides_data();
    void parserDecides();
    void parserCapsTheHeadEvenWhenItEnds();
    void parserSplitsPipelinedRequests();
    void parserWaitsForTheBodyAndAsksToContinue();

    void bufferIsCappedWhileAnAnswerIsParked();
    void oversizedHeadIsRefusedEvenWhenItEnds();
    void contentLengthAboveTheCapIsRefused();
    void bytesBeyondTheBodyAreTheNextRequest();
    void idleConnectionIsClosed();
    void stalledRequestIsAnswered408();
    void parkedAnswerOutlivesTheIdleTimeout();
    void hostMustNameTheListener_data();
    void hostMustNameTheListener();

    void requestLogKeepsTheNewestWhenBounded();
    void routePatterns_data();
    void routePatterns();
    void routeTableKnowsOtherMethods();

private:
    QByteArray hostLine() const
    {
        return "Host: 127.0.0.1:"_ba + QByteArray::number(m_listener->port()) + "\r\n"_ba;
    }
    QByteArray get(const QByteArray &path) const
    {
        return "GET "_ba + path + " HTTP/1.1\r\n"_ba + hostLine() + "\r\n"_ba;
    }

    std::unique_ptr<HttpListener> m_listener;
    int m_handled = 0;
};

namespace {

constexpr auto kIdle = 300ms;

ListenerLimits smallLimits()
{
    ListenerLimits limits;
    limits.http.maxHeaderBytes = 4096;
    limits.http.maxBodyBytes = 16 * 1024;
    limits.maxBufferedBytes = 64 * 1024;
    limits.idleTimeout = kIdle;
    return limits;
}

}  // namespace

void TestHttpListener::init()
{
    m_handled = 0;
    m_listener = std::make_unique<HttpListener>(
        rc::sandbox::Listener::Api, [this](const HttpRequest &request) {
            ++m_handled;
            HttpResponse response = HttpResponse::text(
                200, "seen " + request.rawPath + ' ' + request.body, "text/plain"_ba);
            if (request.rawPath == "/park")
                response.delivery.mode = rc::sandbox::Delivery::Mode::NoAnswer;
            return response;
        });
    m_listener->setLimits(smallLimits());
    QVERIFY2(m_listener->listen(QHostAddress::LocalHost), qPrintable(m_listener->errorString()));
}

void TestHttpListener::cleanup()
{
    m_listener.reset();
}

void TestHttpListener::parserDecides_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("errorStatus");

    const int complete = int(Status::Complete);
    const int needMore = int(Status::NeedMore);
    const int error = int(Status::Error);
    QTest::newRow("empty") << QByteArray() << needMore << 0;
    QTest::newRow("get") << "GET /user HTTP/1.1\r\nHost: a\r\n\r\n"_ba << complete << 0;
    QTest::newRow("half a head") << "GET /user HTTP/1.1\r\nHo"_ba << needMore << 0;
    QTest::newRow("post with body")
        << "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"_ba << complete << 0;
    QTest::newRow("body missing") << "POST /x HTTP/1.1\r\nContent-Length: 9\r\n\r\nhi"_ba
                                  << needMore << 0;
    QTest::newRow("tls hello") << "\x16\x03\x01\x00"_ba << error << 400;
    QTest::newRow("two spaces") << "GET  / HTTP/1.1\r\n\r\n"_ba << error << 400;
    QTest::newRow("no version") << "GET /\r\n\r\n"_ba << error << 400;
    QTest::newRow("control in target") << "GET /a\x01 HTTP/1.1\r\n\r\n"_ba << error << 400;
    QTest::newRow("header without colon") << "GET / HTTP/1.1\r\nHost\r\n\r\n"_ba << error << 400;
    QTest::newRow("space in header name")
        << "GET / HTTP/1.1\r\nHo st: a\r\n\r\n"_ba << error << 400;
    QTest::newRow("chunked") << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"_ba << error
                             << 411;
    QTest::newRow("negative length")
        << "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"_ba << error << 400;
    QTest::newRow("signed length")
        << "POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\nx"_ba << error << 400;
    QTest::newRow("conflicting lengths")
        << "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy"_ba << error << 400;
    QTest::newRow("same length twice")
        << "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx"_ba << complete << 0;
    QTest::newRow("length above the cap")
        << "POST / HTTP/1.1\r\nContent-Length: 16385\r\n\r\n"_ba << error << 413;
    QTest::newRow("huge length")
        << "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"_ba << error << 400;
    QTest::newRow("head too large, unfinished") << "GET /" + QByteArray(5000, 'a') << error << 431;
}

void TestHttpListener::parserDecides()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(int, errorStatus);
    HttpLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxBodyBytes = 16 * 1024;
    const HttpParseResult result = rc::sandbox::parseHttpRequest(bytes, limits);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.errorStatus, errorStatus);
    if (result.status == Status::Complete) {
        QCOMPARE(result.consumedBytes, bytes.size());
        QVERIFY(!result.request.method.isEmpty());
    } else {
        QCOMPARE(result.consumedBytes, qsizetype(0));
    }
}

void TestHttpListener::parserCapsTheHeadEvenWhenItEnds()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 4096;
    const QByteArray head = "GET / HTTP/1.1\r\nX-Filler: "_ba + QByteArray(5000, 'f') + "\r\n\r\n";
    const HttpParseResult result = rc::sandbox::parseHttpRequest(head, limits);
    QCOMPARE(int(result.status), int(Status::Error));
    QCOMPARE(result.errorStatus, 431);
    // Exactly at the cap is still fine.
    const QByteArray prefix = "GET / HTTP/1.1\r\nX-Filler: "_ba;
    const QByteArray fits = prefix + QByteArray(4096 - prefix.size() - 4, 'f') + "\r\n\r\n";
    QCOMPARE(fits.size(), 4096);
    QCOMPARE(int(rc::sandbox::parseHttpRequest(fits, limits).status), int(Status::Complete));
}

void TestHttpListener::parserSplitsPipelinedRequests()
{
    const QByteArray first = "POST /a?x=1+2 HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc"_ba;
    const QByteArray second = "GET /b HTTP/1.1\r\n\r\n"_ba;
    const QByteArray both = first + second;
    const HttpParseResult result = rc::sandbox::parseHttpRequest(both);
    QCOMPARE(int(result.status), int(Status::Complete));
    QCOMPARE(result.consumedBytes, first.size());
    QCOMPARE(result.request.body, "abc"_ba);
    QCOMPARE(result.request.rawPath, "/a"_ba);
    QCOMPARE(result.request.query.queryItemValue(u"x"_s), u"1 2"_s);
    QVERIFY(!result.keepAlive);  // HTTP/1.0 without keep-alive
    const HttpParseResult next =
        rc::sandbox::parseHttpRequest(QByteArrayView(both).sliced(result.consumedBytes));
    QCOMPARE(int(next.status), int(Status::Complete));
    QCOMPARE(next.request.rawPath, "/b"_ba);
    QVERIFY(next.keepAlive);
}

void TestHttpListener::parserWaitsForTheBodyAndAsksToContinue()
{
    const QByteArray head =
        "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"_ba;
    const HttpParseResult waiting = rc::sandbox::parseHttpRequest(head);
    QCOMPARE(int(waiting.status), int(Status::NeedMore));
    QVERIFY(waiting.expectsContinue);
    const HttpParseResult done = rc::sandbox::parseHttpRequest(QByteArray(head + "body"));
    QCOMPARE(int(done.status), int(Status::Complete));
    QCOMPARE(done.request.body, "body"_ba);
}

void TestHttpListener::bufferIsCappedWhileAnAnswerIsParked()
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
    QVERIFY(connected.wait(5000));
    socket.write(get("/park"));
    QTRY_COMPARE(m_handled, 1);
    // The answer is parked for ever; a client that keeps sending must not grow the buffer.
    socket.write(QByteArray(256 * 1024, 'z'));
    QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), 5000);
    QCOMPARE(m_handled, 1);
}

void TestHttpListener::oversizedHeadIsRefusedEvenWhenItEnds()
{
    const QByteArray request = "GET / HTTP/1.1\r\n"_ba + hostLine() + "X-Filler: "_ba +
        QByteArray(6000, 'f') + "\r\n\r\n"_ba;
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_listener->port(), request, 3000, true);
    QCOMPARE(exchange.status(), 431);
    QVERIFY(exchange.disconnected);
    QCOMPARE(m_handled, 0);
}

void TestHttpListener::contentLengthAboveTheCapIsRefused()
{
    const QByteArray request =
        "POST / HTTP/1.1\r\n"_ba + hostLine() + "Content-Length: 100000\r\n\r\n"_ba;
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_listener->port(), request, 3000, true);
    QCOMPARE(exchange.status(), 413);
    QVERIFY(exchange.disconnected);
    QCOMPARE(m_handled, 0);
}

void TestHttpListener::bytesBeyondTheBodyAreTheNextRequest()
{
    // Five bytes announced, more sent: the rest is parsed as the next request, and garbage that
    // looks like the start of one is not waited for beyond the idle timeout.
    const QByteArray request = "POST /one HTTP/1.1\r\n"_ba + hostLine() +
        "Content-Length: 5\r\n\r\nhelloSMUGGLED /two HTTP/1.1 no end"_ba;
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_listener->port(), request, 5000, true);
    QCOMPARE(exchange.status(), 200);
    QVERIFY(exchange.bytes.contains("seen /one hello"));
    QVERIFY(exchange.bytes.contains("HTTP/1.1 408 Request Timeout"));
    QVERIFY(exchange.disconnected);
    QCOMPARE(m_handled, 1);
}

void TestHttpListener::idleConnectionIsClosed()
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
    QVERIFY(connected.wait(5000));
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(socket.readAll(), QByteArray());

    // Also between keep-alive requests.
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_listener->port(), get("/a"), 5000, true);
    QCOMPARE(exchange.status(), 200);
    QVERIFY(exchange.disconnected);
}

void TestHttpListener::stalledRequestIsAnswered408()
{
    const QByteArray half = "GET /slow HTTP/1.1\r\n"_ba + hostLine();
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_listener->port(), half, 5000, true);
    QCOMPARE(exchange.status(), 408);
    QVERIFY(exchange.disconnected);
    QCOMPARE(m_handled, 0);
}

void TestHttpListener::parkedAnswerOutlivesTheIdleTimeout()
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
    QVERIFY(connected.wait(5000));
    socket.write(get("/park"));
    QTRY_COMPARE(m_handled, 1);
    // NoAnswer keeps the connection open on purpose: the idle clock only runs while the
    // simulator waits for the client.
    QVERIFY(!disconnected.wait(int(kIdle.count()) * 4));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    m_listener->closeConnections();
    QVERIFY(disconnected.wait(5000));
}

void TestHttpListener::hostMustNameTheListener_data()
{
    QTest::addColumn<QByteArray>("hostHeaders");  // %1: the listener's port
    QTest::addColumn<int>("status");
    QTest::newRow("127.0.0.1") << "Host: 127.0.0.1:%1\r\n"_ba << 200;
    QTest::newRow("localhost") << "Host: localhost:%1\r\n"_ba << 200;
    QTest::newRow("LOCALHOST") << "Host: LOCALHOST:%1\r\n"_ba << 200;
    QTest::newRow("[::1]") << "Host: [::1]:%1\r\n"_ba << 200;
    QTest::newRow("rebound name") << "Host: attacker.example:%1\r\n"_ba << 421;
    QTest::newRow("subdomain of localhost") << "Host: evil.localhost:%1\r\n"_ba << 421;
    QTest::newRow("other port") << "Host: 127.0.0.1:1\r\n"_ba << 421;
    QTest::newRow("no port") << "Host: 127.0.0.1\r\n"_ba << 421;
    QTest::newRow("missing") << QByteArray() << 400;
    QTest::newRow("twice") << "Host: 127.0.0.1:%1\r\nHost: 127.0.0.1:%1\r\n"_ba << 400;
}

void TestHttpListener::hostMustNameTheListener()
{
    QFETCH(QByteArray, hostHeaders);
    QFETCH(int, status);
    hostHeaders.replace("%1", QByteArray::number(m_listener->port()));
    const QByteArray request = "GET /a HTTP/1.1\r\n"_ba + hostHeaders + "\r\n"_ba;
    const sandboxtest::RawExchange exchange =
        sandboxtest::rawExchange(m_listener->port(), request, 3000);
    QCOMPARE(exchange.status(), status);
    QCOMPARE(m_handled, status == 200 ? 1 : 0);

    // The check can be turned off, e.g. for a deliberately exposed simulator.
    ListenerLimits open = smallLimits();
    open.checkHost = false;
    m_listener->setLimits(open);
    if (status == 421)
        QCOMPARE(sandboxtest::rawExchange(m_listener->port(), request, 3000).status(), 200);
}

void TestHttpListener::requestLogKeepsTheNewestWhenBounded()
{
    rc::sandbox::RequestLog log;
    HttpRequest request;
    request.method = "GET"_ba;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::UTC);
    for (int i = 0; i < 5; ++i) {
        request.rawPath = "/r" + QByteArray::number(i);
        log.append(request, at);
    }
    QCOMPARE(log.entries().size(), 5);  // unbounded by default: tests read the whole log
    log.setCapacity(3);
    QCOMPARE(log.entries().size(), 3);
    QCOMPARE(log.droppedCount(), 2);
    request.rawPath = "/r5"_ba;
    const int sequence = log.append(request, at);
    QCOMPARE(sequence, 6);
    QCOMPARE(log.entries().size(), 3);
    QCOMPARE(log.entries().first().rawPath, "/r3"_ba);
    QCOMPARE(log.entries().last().rawPath, "/r5"_ba);
    QCOMPARE(log.droppedCount(), 3);
    log.annotate(1, 200, std::nullopt);  // a dropped entry: nothing to do, no harm
    log.annotate(sequence, 204, std::nullopt);
    QCOMPARE(log.entries().last().status, 204);
}

void TestHttpListener::routePatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QString>("captures");  // name=value;...

    QTest::newRow("literal") << u"rate_limit"_s << u"rate_limit"_s << true << QString();
    QTest::newRow("literal, longer path") << u"user"_s << u"user/x"_s << false << QString();
    QTest::newRow("captures") << u"repos/{owner}/{repo}/actions/runs/{run_id}"_s
                              << u"repos/o/r/actions/runs/7"_s << true
                              << u"owner=o;repo=r;run_id=7"_s;
    QTest::newRow("capture missing")
        << u"repos/{owner}/{repo}"_s << u"repos/o"_s << false << QString();
    QTest::newRow("rest, empty") << u"contents/{path*}"_s << u"contents"_s << true << u"path="_s;
    QTest::newRow("rest, several")
        << u"contents/{path*}"_s << u"contents/a/b"_s << true << u"path=a/b"_s;
    QTest::newRow("one or more, none")
        << u"branches/{branch+}"_s << u"branches"_s << false << QString();
    QTest::newRow("one or more") << u"branches/{branch+}"_s << u"branches/feature/x"_s << true
                                 << u"branch=feature/x"_s;
    QTest::newRow("prefix") << u"repository/archive{format}"_s << u"repository/archive.tar.bz2"_s
                            << true << u"format=.tar.bz2"_s;
    QTest::newRow("prefix mismatch")
        << u"repository/archive{format}"_s << u"repository/tree"_s << false << QString();
    QTest::newRow("empty pattern, empty path") << QString() << QString() << true << QString();
    QTest::newRow("empty pattern, a path") << QString() << u"x"_s << false << QString();
}

void TestHttpListener::routePatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, matches);
    QFETCH(QString, captures);
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    const std::optional<rc::sandbox::RouteCaptures> found =
        rc::sandbox::matchRoute(pattern, segments);
    QCOMPARE(found.has_value(), matches);
    if (!found)
        return;
    for (const QString &pair : captures.split(u';', Qt::SkipEmptyParts))
        QCOMPARE(found->value(pair.section(u'=', 0, 0)), pair.section(u'=', 1));
}

void TestHttpListener::routeTableKnowsOtherMethods()
{
    using rc::sandbox::Route;
    static const Route<int> table[] = {
        {"GET", u"runs/{id}", 1},
        {"POST", u"runs/{id}/cancel", 2},
        {"DELETE", u"runs/{id}", 3},
    };
    const QStringList run {u"runs"_s, u"12"_s};
    auto lookup = rc::sandbox::findRoute<int>(table, "HEAD", run);
    QVERIFY(lookup.route);
    QCOMPARE(lookup.route->target, 1);
    QCOMPARE(lookup.captures.id(u"id"), qint64(12));
    lookup = rc::sandbox::findRoute<int>(table, "DELETE", run);
    QVERIFY(lookup.route);
    QCOMPARE(lookup.route->target, 3);
    lookup = rc::sandbox::findRoute<int>(table, "PUT", run);
    QVERIFY(!lookup.route);
    QCOMPARE(lookup.allowedMethods, (QByteArrayList {"GET"_ba, "DELETE"_ba}));
    lookup = rc::sandbox::findRoute<int>(table, "GET", {u"jobs"_s});
    QVERIFY(!lookup.route);
    QVERIFY(lookup.allowedMethods.isEmpty());
    lookup = rc::sandbox::findRoute<int>(table, "GET", {u"runs"_s, u"x"_s});
    QCOMPARE(lookup.captures.id(u"id"), qint64(-1));
}

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
