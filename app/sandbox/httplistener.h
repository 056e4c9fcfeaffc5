// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/httpmessage.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QTcpSocket;
class QTimer;

namespace rc::sandbox {

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
    QTcpServer m_server;
};

// One client connection: parses requests one after the other and writes each answer the way
// its Delivery says.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, Listener role, const HttpListener::Handler &handler,
                   QObject *parent);
    void close();

private:
    enum class ParseResult { NeedMore, Complete, Invalid };

    void readAvailable();
    void processBuffer();
    ParseResult parseRequest(HttpRequest &request, QByteArray &problem);
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
    QByteArray m_buffer;
    bool m_busy = false;  // an answer is being written; later requests wait in m_buffer
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_continueSent = false;  // "100 Continue" already sent for the request being read
    HttpResponse m_response;
    qint64 m_bodyOffset = 0;  // bytes of the body written so far
    qint64 m_bodyLimit = 0;   // bytes of the body to write in total
    QTimer *m_trickleTimer = nullptr;
};

}  // namespace rc::sandbox
