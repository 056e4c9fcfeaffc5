// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/httpmessage.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <chrono>
#include <functional>

class QTcpSocket;
class QTimer;

namespace rc::sandbox {

// Bounds that keep one listener's memory and connections finite whatever a client sends.
struct ListenerLimits
{
    HttpLimits http;
    // A connection whose unread bytes pass this is closed: a client that keeps sending while its
    // answer is parked (NoAnswer, Delay, a slow answer) cannot grow the buffer without end.
    // -1: the most one request may take, http.maxHeaderBytes + http.maxBodyBytes.
    qint64 maxBufferedBytes = -1;
    // A connection that sends nothing for this long while it owes the simulator a request
    // (before the first one, between keep-alive requests, or stalled mid-request) is closed.
    // It does not run while an answer is owed to the client: a parked NoAnswer connection stays
    // open, which is the point of that fault. 0 disables it.
    std::chrono::milliseconds idleTimeout {30000};
    // Answer 421 to a request whose Host is not one this listener is reachable as
    // (<its address>:port, 127.0.0.1:port, localhost:port, [::1]:port): a page on another
    // origin that rebinds its DNS name to 127.0.0.1 cannot talk to the simulator.
    bool checkHost = true;

    qint64 bufferCap() const
    {
        return maxBufferedBytes >= 0 ? maxBufferedBytes : http.maxHeaderBytes + http.maxBodyBytes;
    }
};

// A minimal HTTP/1.1 server (keep-alive, Content-Length bodies) on a QTcpServer.
//
// Why not Qt HttpServer: its responder always writes a well-formed answer. The simulator must
// also cut a body short, trickle it, never answer, or reset the connection, and stream a
// multi-GiB body from a QIODevice with back-pressure. Owning the socket makes every fault a few
// lines and keeps one code path for normal and faulty answers.
class HttpListener : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    HttpListener(Listener role, Handler handler, QObject *parent = nullptr);
    ~HttpListener() override;

    // Applies to connections accepted from now on.
    void setLimits(const ListenerLimits &limits) { m_limits = limits; }
    const ListenerLimits &limits() const { return m_limits; }
    bool listen(const QHostAddress &address, quint16 port = 0);
    QString errorString() const { return m_server.errorString(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    quint16 port() const { return m_server.serverPort(); }
    // Drops every open connection, e.g. ones parked by a "no answer" fault.
    void closeConnections();

private:
    void acceptConnections();

    Listener m_role;
    Handler m_handler;
    ListenerLimits m_limits;
    QTcpServer m_server;
};

// One client connection: parses requests one after the other and writes each answer the way
// its Delivery says.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, Listener role, const HttpListener::Handler &handler,
                   const ListenerLimits &limits, QObject *parent);
    void close();

private:
    void readAvailable();
    void processBuffer();
    bool hostIsOurs(QByteArrayView host) const;
    void refuse(int status, const QByteArray &reason);
    void idleTimedOut();
    void respond(HttpResponse response);
    void writeAnswer();
    void writeHead(qint64 announcedLength);
    void pumpBody();
    void trickleNext();
    void finishAnswer();
    void resetConnection();

    QTcpSocket *m_socket;
    Listener m_role;
    HttpListener::Handler m_handler;
    ListenerLimits m_limits;
    QByteArray m_buffer;
    bool m_busy = false;  // an answer is being written; later requests wait in m_buffer
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_continueSent = false;  // "100 Continue" already sent for the request being read
    HttpResponse m_response;
    qint64 m_bodyOffset = 0;  // bytes of the body written so far
    qint64 m_bodyLimit = 0;   // bytes of the body to write in total
    QTimer *m_trickleTimer = nullptr;
    QTimer *m_idleTimer;
};

}  // namespace rc::sandbox
