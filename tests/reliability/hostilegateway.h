// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// A loopback HTTP/1.1 gateway in front of the forge simulator that serves hostile input on the
// real path: every request is passed on (one per connection, the forge's origin in its answer
// renamed to the gateway's) unless a rule answers it with a body of ours, or rewrites headers of
// the forge's answer. The simulator has no hook to serve an arbitrary body for a path; this is
// that hook, outside app code.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>
#include <utility>

class QTcpSocket;

namespace rc::reliability::test {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// What a rule does to a matching request.
struct HostileAnswer
{
    // Answers with this status, these headers and this body (the forge is not asked).
    int status = 200;
    HeaderList headers;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    // Or: the forge's own answer, with these headers replaced (added when absent); "{self}" in
    // a value becomes the request's own URL.
    bool passThrough = false;
    HeaderList replaceHeaders;
};

class HostileGateway : public QObject
{
    Q_OBJECT

public:
    explicit HostileGateway(QObject *parent = nullptr);
    ~HostileGateway() override;

    // Listens on 127.0.0.1 and passes requests on to `upstream` (http://127.0.0.1:P).
    bool start(const QUrl &upstream);
    QUrl url() const;  // http://127.0.0.1:G

    // A wildcard over the path without the query ('*' crosses '/'), like the simulator's faults.
    // `times` matching requests get the answer (-1: all). The newest rule wins.
    void serve(const QByteArray &method, const QString &pathPattern, const HostileAnswer &answer,
               int times = -1);
    void clear() { m_rules.clear(); }
    int hits() const { return m_hits; }  // requests a rule matched, counted on arrival

private:
    struct Rule
    {
        QByteArray method;
        QRegularExpression pattern;
        HostileAnswer answer;
        int times = -1;
    };
    struct Request
    {
        QByteArray head;  // request line and headers, without the blank line
        QByteArray method;
        QByteArray path;
        QByteArray body;
    };

    void onConnection();
    // The complete request at the start of `buffer`, removed from it; nullopt while incomplete.
    static std::optional<Request> takeRequest(QByteArray &buffer);
    void handle(QTcpSocket *client, const Request &request);
    std::optional<HostileAnswer> take(const Request &request);
    void forward(QTcpSocket *client, const Request &request, const HeaderList &replaceHeaders);

    QTcpServer m_server;
    QUrl m_upstream;
    QList<Rule> m_rules;
    int m_hits = 0;
};

// The raw bytes of an HTTP/1.1 answer that closes its connection.
QByteArray rawAnswer(int status, const HeaderList &headers, const QByteArray &body,
                     const QByteArray &contentType);
// `answer` (a raw HTTP answer) with the named headers replaced or added.
QByteArray withHeaders(const QByteArray &answer, const HeaderList &replace);

}  // namespace rc::reliability::test
