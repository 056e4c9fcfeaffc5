// SPDX-License-Identifier: BSD-3-Clause
#include "hostilegateway.h"

#include <QTcpSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace rc::reliability::test {

namespace {

// Larger requests are not ours to pass on (the clients send a few kilobytes at most).
constexpr qsizetype kMaxRequestBytes = 4 * 1024 * 1024;

QRegularExpression wildcard(const QString &pattern)
{
    QString expression;
    for (const QString &part : pattern.split(u'*'))
        expression += QRegularExpression::escape(part) + u".*"_s;
    expression.chop(2);
    return QRegularExpression(QRegularExpression::anchoredPattern(expression));
}

bool sameName(const QByteArray &line, const QByteArray &name)
{
    const qsizetype colon = line.indexOf(':');
    return colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0;
}

}  // namespace

QByteArray rawAnswer(int status, const HeaderList &headers, const QByteArray &body,
                     const QByteArray &contentType)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Hostile\r\n";
    for (const auto &[name, value] : headers)
        raw += name + ": " + value + "\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    return raw + body;
}

QByteArray withHeaders(const QByteArray &answer, const HeaderList &replace)
{
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (end < 0)
        return answer;
    QList<QByteArray> lines = answer.left(end).split('\n');
    QByteArray head = lines.takeFirst().trimmed() + "\r\n";
    for (const QByteArray &line : std::as_const(lines)) {
        bool replaced = false;
        for (const auto &header : replace)
            replaced = replaced || sameName(line, header.first);
        if (!replaced)
            head += line.trimmed() + "\r\n";
    }
    for (const auto &[name, value] : replace)
        head += name + ": " + value + "\r\n";
    return head + answer.mid(end + 2);
}

HostileGateway::HostileGateway(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this,
            &HostileGateway::onConnection);
}

HostileGateway::~HostileGateway() = default;

bool HostileGateway::start(const QUrl &upstream)
{
    m_upstream = upstream;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl HostileGateway::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void HostileGateway::serve(const QByteArray &method, const QString &pathPattern,
                           const HostileAnswer &answer, int times)
{
    m_rules.prepend({method, wildcard(pathPattern), answer, times});
}

void HostileGateway::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            buffer->append(client->readAll());
            if (buffer->size() > kMaxRequestBytes) {
                client->abort();
                return;
            }
            if (const std::optional<Request> request = takeRequest(*buffer)) {
                // One request per connection: the answer closes it.
                disconnect(client, &QTcpSocket::readyRead, this, nullptr);
                handle(client, *request);
            }
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

std::optional<HostileGateway::Request> HostileGateway::takeRequest(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    Request request;
    request.head = buffer.left(end);
    const QList<QByteArray> lines = request.head.split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QByteArray target = first.value(1);
    const qsizetype query = target.indexOf('?');
    request.path = query < 0 ? target : target.left(query);
    qsizetype length = 0;
    for (const QByteArray &line : lines) {
        if (sameName(line, "content-length"))
            length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return request;
}

std::optional<HostileAnswer> HostileGateway::take(const Request &request)
{
    const QString path = QString::fromLatin1(request.path);
    for (Rule &rule : m_rules) {
        if (rule.times == 0 || (!rule.method.isEmpty() && rule.method != request.method) ||
            !rule.pattern.match(path).hasMatch())
            continue;
        if (rule.times > 0)
            --rule.times;
        ++m_hits;
        return rule.answer;
    }
    return std::nullopt;
}

void HostileGateway::handle(QTcpSocket *client, const Request &request)
{
    const std::optional<HostileAnswer> answer = take(request);
    if (answer && !answer->passThrough) {
        client->write(rawAnswer(answer->status, answer->headers, answer->body,
                                answer->body.isEmpty() ? QByteArray() : answer->contentType));
        client->disconnectFromHost();
        return;
    }
    HeaderList replace = answer ? answer->replaceHeaders : HeaderList();
    // "{self}" in a header value: this very request's URL (a Link that points back to itself).
    QByteArray host;
    for (const QByteArray &line : request.head.split('\n')) {
        if (sameName(line, "host"))
            host = line.mid(line.indexOf(':') + 1).trimmed();
    }
    const QByteArray target = request.head.left(request.head.indexOf('\n')).split(' ').value(1);
    for (auto &header : replace)
        header.second.replace("{self}", QByteArray("http://" + host + target));
    forward(client, request, replace);
}

void HostileGateway::forward(QTcpSocket *client, const Request &request,
                             const HeaderList &replaceHeaders)
{
    // The forge answers only to its own Host; its answers name its origin (page links, job
    // URLs), which are turned back into the gateway's so that every later request comes here.
    const QByteArray forgeOrigin = m_upstream.authority().toLatin1();
    const QByteArray ownOrigin = url().authority().toLatin1();
    const QByteArray head =
        withHeaders(request.head + "\r\n\r\n", {{"Connection", "close"}, {"Host", forgeOrigin}});
    auto *upstream = new QTcpSocket(client);
    auto answer = std::make_shared<QByteArray>();
    connect(upstream, &QTcpSocket::connected, client,
            [upstream, head, body = request.body] { upstream->write(head + body); });
    connect(upstream, &QTcpSocket::readyRead, client,
            [upstream, answer] { answer->append(upstream->readAll()); });
    auto over = std::make_shared<bool>(false);
    const auto done = [client, upstream, answer, over, forgeOrigin, ownOrigin, replaceHeaders] {
        if (*over)
            return;
        *over = true;
        answer->append(upstream->readAll());
        const qsizetype end = answer->indexOf("\r\n\r\n");
        if (end >= 0) {
            QByteArray headPart = answer->left(end + 2);
            QByteArray body = answer->mid(end + 4);
            headPart.replace(forgeOrigin, ownOrigin);
            body.replace(forgeOrigin, ownOrigin);
            HeaderList replace = replaceHeaders;
            replace.prepend({"Content-Length", QByteArray::number(body.size())});
            client->write(withHeaders(headPart + "\r\n" + body, replace));
        }
        client->disconnectFromHost();
        upstream->deleteLater();
    };
    connect(upstream, &QTcpSocket::disconnected, client, done);
    connect(upstream, &QTcpSocket::errorOccurred, client,
            [upstream, done](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError)
                    upstream->abort();
                done();
            });
    connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::abort);
    upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
}

}  // namespace rc::reliability::test
