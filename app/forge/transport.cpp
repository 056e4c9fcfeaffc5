// SPDX-License-Identifier: BSD-3-Clause
#include "forge/transport.h"

#include "forge/servertext.h"
#include "forge/tokensource.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QIODevice>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace std::chrono_literals;

namespace rc::forge {

namespace {

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Errors QNetworkReply derives from an HTTP status (the answer itself arrived complete).
bool isHttpLevelError(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code >= 201 && code <= 299) || code == QNetworkReply::ProtocolInvalidOperationError ||
        (code >= 401 && code <= 499);
}

bool isJsonContentType(QByteArrayView contentType)
{
    const QByteArray ct = contentType.toByteArray().toLower();
    const qsizetype semi = ct.indexOf(';');
    const QByteArray mime = (semi < 0 ? ct : ct.left(semi)).trimmed();
    return mime == "application/json" || mime.endsWith("+json");
}

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::Transport)
};

// Why `token` (for `origin`) must not go into a header, empty when it may. Forge tokens are
// visible ASCII, and the TokenStore refuses anything else when a token is saved. In a token from
// elsewhere, a line break or another control makes Qt drop the header (the request would go out
// anonymously), a space or tab changes what the server reads, and non-ASCII bytes each server
// reads its own way. So it is refused before anything is sent, never sent as something else.
QString tokenRefusal(const QCA::SecureArray &token, const QString &origin)
{
    constexpr int kMaxTokenBytes = 1024;
    if (token.size() > kMaxTokenBytes)
        return Text::tr("Not sent: the token for %1 is longer than %2 bytes; replace it.")
            .arg(origin)
            .arg(kMaxTokenBytes);
    for (int i = 0; i < token.size(); ++i) {
        const auto byte = static_cast<unsigned char>(token[i]);
        if (byte <= 0x20 || byte >= 0x7f)
            return Text::tr("Not sent: the token for %1 holds a space, a control character or a "
                            "non-ASCII byte (byte %2); replace it.")
                .arg(origin)
                .arg(i + 1);
    }
    return {};
}

// `text` with every occurrence of `secret` replaced. The secret becomes text only when `text`
// holds it, and that copy is wiped at once. It is visible ASCII (tokenRefusal()), so its bytes
// occur in the UTF-8 of `text` exactly where its characters occur in `text`.
QString redactedToken(QString text, const QCA::SecureArray &secret)
{
    if (secret.size() < 4 || text.isEmpty())
        return text;
    const QByteArrayView bytes(secret.constData(), secret.size());
    QByteArray utf8 = text.toUtf8();
    const bool holdsSecret = utf8.contains(bytes);
    utf8.fill('\0');
    if (!holdsSecret)
        return text;
    QString secretText = QString::fromLatin1(bytes);
    text = redacted(std::move(text), secretText);
    secretText.fill(u'\0');
    return text;
}

// The body of a non-idempotent request, readable exactly once. Qt's HTTP layer silently resends
// a request whose connection closed before the answer (even a POST); with an upload it cannot
// rewind, it reports an error instead, so a dispatch is never sent twice behind our back.
class OneShotUpload final : public QIODevice
{
public:
    OneShotUpload(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return (m_data.size() - m_pos) + QIODevice::bytesAvailable();
    }
    bool atEnd() const override
    {
        return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0;
    }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size() - m_pos));
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

}  // namespace

bool isLoopbackHost(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == u"localhost" || name.endsWith(u".localhost"))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

QString urlRefusal(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty())
        return Text::tr("Not sent: \"%1\" is not a valid URL.")
            .arg(printableServerText(url.toDisplayString(), 200));
    if (scheme != u"https" && scheme != u"http")
        return Text::tr("Not sent: the scheme %1: is refused; only https (or http to this "
                        "computer).")
            .arg(printableServerText(scheme, 20));
    if (url.host().isEmpty())
        return Text::tr("Not sent: the URL has no host.");
    if (scheme == u"http" && !isLoopbackHost(url.host()))
        return Text::tr("Not sent: plain http to %1 is refused; only https (or http to this "
                        "computer).")
            .arg(printableServerText(originOf(url), 200));
    return {};
}

QString redirectRefusal(const QUrl &from, const QUrl &to)
{
    if (!to.isValid() || to.host().isEmpty()) {
        if (to.isValid() && !to.scheme().isEmpty() && to.scheme().compare(u"http") != 0 &&
            to.scheme().compare(u"https") != 0)
            return Text::tr("redirect to a non-HTTP scheme (%1) refused")
                .arg(printableServerText(to.scheme().toLower(), 20));
        return Text::tr("the redirect target is not a valid URL");
    }
    const QString toScheme = to.scheme().toLower();
    if (toScheme != u"https" && toScheme != u"http")
        return Text::tr("redirect to a non-HTTP scheme (%1) refused")
            .arg(printableServerText(toScheme, 20));
    if (from.scheme().compare(u"https", Qt::CaseInsensitive) == 0 && toScheme == u"http")
        return Text::tr("redirect from https to http refused (%1)")
            .arg(printableServerText(originOf(to), 200));
    return urlRefusal(to);
}

// ---------------------------------------------------------------------------------------------
// ForgeReply

ForgeReply::ForgeReply(Transport *transport, ForgeRequest request, ChunkSink sink)
    : QObject(transport)
    , m_transport(transport)
    , m_request(std::move(request))
    , m_sink(std::move(sink))
{
    m_response.error.operation = describeRequest(m_request.method, m_request.url);
    m_response.requestUrl = m_request.url;
    m_inactivity.setSingleShot(true);
    m_deadline.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, [this] {
        const std::chrono::milliseconds quiet(m_sinceActivity.elapsed());
        if (quiet < m_inactivityTimeout)
            m_inactivity.start(m_inactivityTimeout - quiet);  // bytes came meanwhile
        else
            interrupt(Interrupt::Inactivity);
    });
    connect(&m_deadline, &QTimer::timeout, this, [this] { interrupt(Interrupt::Deadline); });
    connect(&m_retryTimer, &QTimer::timeout, this, &ForgeReply::startAttempt);
}

ForgeReply::~ForgeReply()
{
    if (m_net) {
        m_net->disconnect(this);
        m_net->abort();
        delete m_net.data();
    }
}

void ForgeReply::start()
{
    if (!m_request.refusal.isEmpty()) {
        fail(ForgeError::make(ForgeError::Kind::Validation, m_request.refusal), false);
        return;
    }
    const auto &opts = m_transport->options();
    m_inactivityTimeout = opts.inactivityTimeout;
    const std::chrono::milliseconds deadline = m_request.deadline.value_or(opts.deadline);
    if (deadline > 0ms)
        m_deadline.start(deadline);
    startAttempt();
}

void ForgeReply::startAttempt()
{
    if (m_finished)
        return;
    ++m_response.attempts;
    m_response.redirects = 0;
    m_currentUrl = m_request.url;
    m_currentMethod = m_request.method;
    m_currentBody = m_request.body;

    if (m_transport->options().failFastWhileRateLimited) {
        const auto &host =
            m_transport->m_hosts.value(Transport::hostKey(m_request.service, m_request.url));
        const QDateTime now = m_transport->now();
        QDateTime until = host.blockedUntil;
        if (host.rateLimit && host.rateLimit->isExhausted() && host.rateLimit->resetAt.isValid() &&
            host.rateLimit->resetAt > until)
            until = host.rateLimit->resetAt;
        const QDateTime latest = now.addSecs(m_transport->options().maxRetryWait.count());
        if (until.isValid() && until > latest)
            until = latest;
        if (until.isValid() && until > now) {
            ForgeError e = ForgeError::make(ForgeError::Kind::RateLimited,
                                            Text::tr("Not sent: the rate limit of %1 is used up.")
                                                    .arg(originOf(m_request.url)) %
                                                u' ' % retryWaitText(until, now));
            e.retryAt = until;
            fail(e, false);
            return;
        }
    }
    sendHop();
}

bool ForgeReply::refuseHop()
{
    using K = ForgeError::Kind;
    if (const QString refusal = urlRefusal(m_currentUrl); !refusal.isEmpty()) {
        fail(ForgeError::make(K::Redirect, refusal, m_response.redirects > 0 ? m_status : 0),
             false);
        return true;
    }
    // Whatever built the URL: a dot segment reaches another endpoint of the same origin with the
    // token ("/repos/../../x"); QUrl::resolved() removes literal ones, not encoded ones.
    const QStringList segments = m_currentUrl.path(QUrl::FullyEncoded).split(u'/');
    if (std::any_of(segments.cbegin(), segments.cend(),
                    [](const QString &segment) { return hasDotSegment(segment); })) {
        fail(ForgeError::make(K::Validation,
                              Text::tr("Not sent: the path holds a \".\" or \"..\" segment.")),
             false);
        return true;
    }
    return false;
}

void ForgeReply::sendHop()
{
    if (refuseHop())
        return;
    const TransportOptions &opts = m_transport->options();
    QNetworkRequest nr(m_currentUrl);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QHttpHeaders headers = m_request.headers;
    headers.removeAll(QHttpHeaders::WellKnownHeader::Authorization);
    headers.removeAll("private-token");
    headers.replaceOrAppend(QHttpHeaders::WellKnownHeader::UserAgent, opts.userAgent);
    if (!headers.contains(QHttpHeaders::WellKnownHeader::Accept)) {
        headers.append(QHttpHeaders::WellKnownHeader::Accept,
                       m_request.service == Service::GitHub ? "application/vnd.github+json"
                                                            : "application/json");
    }
    if (m_request.service == Service::GitHub)
        headers.replaceOrAppend("x-github-api-version", "2022-11-28");
    const bool hasBody = m_currentMethod == Method::Post || m_currentMethod == Method::Put ||
        m_currentMethod == Method::Patch;
    if (!hasBody)
        headers.removeAll(QHttpHeaders::WellKnownHeader::ContentType);
    else if (!headers.contains(QHttpHeaders::WellKnownHeader::ContentType))
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");

    // The token only for the exact origin it belongs to, from its secure bytes straight into
    // the header value: that value is the one plain copy, and Qt needs it.
    const QCA::SecureArray token = m_transport->tokenFor(m_request, m_currentUrl);
    if (!token.isEmpty()) {
        const QString refusal = tokenRefusal(token, originOf(m_request.authOrigin));
        if (!refusal.isEmpty()) {
            fail(ForgeError::make(ForgeError::Kind::Unauthorized, refusal), false);
            return;
        }
        m_secret = token;
        if (m_request.service == Service::GitHub) {
            QByteArray value;
            value.reserve(7 + token.size());
            value.append("Bearer ").append(token.constData(), token.size());
            headers.append(QHttpHeaders::WellKnownHeader::Authorization, value);
        } else if (m_request.service == Service::GitLab) {
            headers.append("private-token", QByteArray(token.constData(), token.size()));
        }
    }

    m_etagKey.clear();
    if (m_request.conditional && m_currentMethod == Method::Get && m_response.redirects == 0) {
        const QCA::SecureArray original = m_transport->tokenFor(m_request, m_request.url);
        const QString identity = ETagCache::tokenIdentity(
            int(m_request.service), QByteArrayView(original.constData(), original.size()));
        m_etagKey = ETagCache::key(methodName(Method::Get), m_request.url, identity);
        if (const auto entry = m_transport->etagCache().find(m_etagKey))
            headers.replaceOrAppend(QHttpHeaders::WellKnownHeader::IfNoneMatch, entry->etag);
    }
    nr.setHeaders(headers);

    m_buffer.clear();
    m_hopBytes = 0;
    m_status = 0;
    QNetworkAccessManager *nam = m_transport->m_network;
    QNetworkReply *net = nullptr;
    switch (m_currentMethod) {
    case Method::Get:
        net = nam->get(nr);
        break;
    case Method::Head:
        net = nam->head(nr);
        break;
    case Method::Post:
    case Method::Put:
    case Method::Patch: {
        nr.setHeader(QNetworkRequest::ContentLengthHeader, m_currentBody.size());
        nr.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *upload = new OneShotUpload(m_currentBody, this);
        net = nam->sendCustomRequest(nr, methodName(m_currentMethod), upload);
        upload->setParent(net);  // lives exactly as long as the network reply
        break;
    }
    case Method::Delete:
        net = nam->deleteResource(nr);
        break;
    }
    ++m_transport->m_networkRequests;
    net->setParent(this);
    m_net = net;
    const QList<QSslCertificate> pinned = m_transport->m_trusted.value(originOf(m_currentUrl));
    if (!pinned.isEmpty()) {
        // Emitted during the handshake, before a byte of the request is written.
        connect(
            net, &QNetworkReply::sslErrors, this, [net, pinned](const QList<QSslError> &errors) {
                const auto onlyUntrustedPinned = [&pinned](const QSslError &error) {
                    switch (error.error()) {
                    case QSslError::SelfSignedCertificate:
                    case QSslError::SelfSignedCertificateInChain:
                    case QSslError::UnableToGetLocalIssuerCertificate:
                    case QSslError::UnableToGetIssuerCertificate:
                    case QSslError::UnableToVerifyFirstCertificate:
                    case QSslError::CertificateUntrusted:
                        return !error.certificate().isNull() &&
                            pinned.contains(error.certificate());
                    default:
                        return false;
                    }
                };
                const QList<QSslCertificate> chain = net->sslConfiguration().peerCertificateChain();
                const bool leafPinned = chain.isEmpty() || pinned.contains(chain.first());
                if (leafPinned && !errors.isEmpty() &&
                    std::all_of(errors.cbegin(), errors.cend(), onlyUntrustedPinned))
                    net->ignoreSslErrors(errors);
            });
    }
    if (m_sink)
        net->setReadBufferSize(opts.streamBufferBytes);
    const auto poke = [this] {
        if (!m_finished && m_interrupt == Interrupt::None)
            noteActivity();
    };
    connect(net, &QNetworkReply::metaDataChanged, this, [this, net, poke] {
        m_status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        poke();
        if (!isStreamingNow())
            return;
        const QVariant length = net->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > bodyCap()) {
            interrupt(Interrupt::TooLarge);  // refused before a byte of it arrives
            return;
        }
        // The body has started: from now on its size, not the clock, bounds a download.
        if (!m_request.deadline)
            m_deadline.stop();
    });
    connect(net, &QNetworkReply::readyRead, this, [this, poke] {
        poke();
        onReadyRead();
    });
    connect(net, &QNetworkReply::uploadProgress, this, poke);
    connect(net, &QNetworkReply::downloadProgress, this, [this, poke](qint64 got, qint64 total) {
        poke();
        if (isStreamingNow())
            emit downloadProgress(got, total);
    });
    connect(net, &QNetworkReply::finished, this, &ForgeReply::onNetworkFinished);
    noteActivity();
}

void ForgeReply::noteActivity()
{
    // Restarting the timer at each of a download's thousands of signals costs more than the
    // download's own bookkeeping: the timer is re-armed only when it fires too early.
    m_sinceActivity.start();
    if (!m_inactivity.isActive())
        m_inactivity.start(m_inactivityTimeout);
}

bool ForgeReply::isExpectedStatus(int status) const
{
    if (m_sink || m_request.expectedStatus.isEmpty())
        return status >= 200 && status <= 299 &&
            (m_request.expectedStatus.isEmpty() || m_request.expectedStatus.contains(status));
    return m_request.expectedStatus.contains(status);
}

bool ForgeReply::isStreamingNow() const
{
    return m_sink && m_status >= 200 && m_status <= 299;
}

qint64 ForgeReply::bodyCap() const
{
    if (!m_sink)
        return m_request.maxBodyBytes;
    return m_request.maxDownloadBytes.value_or(m_transport->options().maxDownloadBytes);
}

void ForgeReply::onReadyRead()
{
    if (!m_net || m_interrupt != Interrupt::None)
        return;
    if (m_status == 0)
        m_status = m_net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isStreamingNow()) {
        streamAvailableBytes();
        return;
    }
    const qint64 errorCap = m_transport->options().maxErrorBodyBytes;
    const QByteArray chunk = m_net->readAll();
    m_hopBytes += chunk.size();
    if (isRedirectStatus(m_status)) {
        // A redirect's body is never used: its head is all we need, however long it goes on.
        if (m_hopBytes > errorCap)
            interrupt(Interrupt::BodyCapped);
        return;
    }
    const bool errorBody = m_status > 0 && m_status != 304 && !isExpectedStatus(m_status);
    if (errorBody) {
        // Keep the start, enough for the message; then stop: a server may send without end.
        m_buffer.append(chunk.left(qMax<qint64>(0, errorCap - m_buffer.size())));
        if (m_hopBytes > errorCap)
            interrupt(Interrupt::BodyCapped);
        return;
    }
    if (m_buffer.size() + chunk.size() > m_request.maxBodyBytes) {
        interrupt(Interrupt::TooLarge);
        return;
    }
    m_buffer.append(chunk);
}

void ForgeReply::streamAvailableBytes()
{
    // Into one buffer kept for the whole download: readAll() would allocate (and regrow) an
    // array of the whole read buffer's size at every signal, a gigabyte's worth of page faults.
    constexpr qsizetype kPieceBytes = 256 * 1024;
    if (m_piece.isEmpty())
        m_piece.resize(kPieceBytes);
    const QPointer<ForgeReply> alive(this);  // should a sink break ChunkSink's rules
    for (qint64 got; alive && m_net && m_interrupt == Interrupt::None &&
         (got = m_net->read(m_piece.data(), m_piece.size())) > 0;) {
        m_hopBytes += got;
        if (m_delivered + got > bodyCap()) {
            interrupt(Interrupt::TooLarge);
            return;
        }
        m_delivered += got;
        if (!m_sink(QByteArrayView(m_piece.constData(), got)) && alive)
            interrupt(Interrupt::SinkStopped);
    }
}

void ForgeReply::interrupt(Interrupt why)
{
    if (m_finished)
        return;
    if (m_interrupt == Interrupt::None || why == Interrupt::Deadline || why == Interrupt::Cancelled)
        m_interrupt = why;
    m_inactivity.stop();
    if (m_net) {
        m_net->abort();  // → onNetworkFinished
        return;
    }
    // Between attempts (retry wait): nothing on the wire.
    m_retryTimer.stop();
    if (why == Interrupt::Cancelled)
        fail(ForgeError::make(ForgeError::Kind::Cancelled, Text::tr("Cancelled.")), false);
    else
        fail(ForgeError::make(ForgeError::Kind::Timeout,
                              Text::tr("No answer within the deadline of %1 s.")
                                  .arg(m_deadline.interval() / 1000.0)),
             false);
}

void ForgeReply::abort()
{
    interrupt(Interrupt::Cancelled);
}

void ForgeReply::onNetworkFinished()
{
    QNetworkReply *net = m_net;
    if (!net || m_finished)
        return;
    m_inactivity.stop();
    if (m_interrupt == Interrupt::None) {
        const QPointer<ForgeReply> alive(this);  // as in streamAvailableBytes()
        onReadyRead();                           // drain what is left
        if (!alive)
            return;
    }
    m_net = nullptr;
    net->disconnect(this);
    net->deleteLater();

    const Interrupt why = std::exchange(m_interrupt, Interrupt::None);
    const bool capped = why == Interrupt::BodyCapped;  // stopped on purpose: the head is whole
    using K = ForgeError::Kind;
    switch (why) {
    case Interrupt::None:
    case Interrupt::BodyCapped:
        break;
    case Interrupt::Cancelled:
        fail(ForgeError::make(K::Cancelled, Text::tr("Cancelled.")), false);
        return;
    case Interrupt::Inactivity:
        fail(ForgeError::make(K::Timeout,
                              Text::tr("No data for %1 s (inactivity timeout).")
                                  .arg(double(m_inactivityTimeout.count()) / 1000.0)),
             true);
        return;
    case Interrupt::Deadline:
        fail(ForgeError::make(K::Timeout,
                              Text::tr("Not complete within the deadline of %1 s.")
                                  .arg(m_deadline.interval() / 1000.0)),
             false);
        return;
    case Interrupt::TooLarge:
        fail(ForgeError::make(K::BadResponse,
                              Text::tr("The answer is larger than %1 bytes.").arg(bodyCap()),
                              m_status),
             false);
        return;
    case Interrupt::SinkStopped:
        fail(ForgeError::make(K::Cancelled, Text::tr("The download was stopped by its consumer.")),
             false);
        return;
    }

    const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_status = status;
    const QNetworkReply::NetworkError err = net->error();
    m_response.httpStatus = status;
    m_response.headers = net->headers();
    m_response.finalUrl = m_currentUrl;

    if (!capped && err != QNetworkReply::NoError && !(status > 0 && isHttpLevelError(err))) {
        K kind = K::Network;
        if (err == QNetworkReply::SslHandshakeFailedError)
            kind = K::Tls;
        else if (err == QNetworkReply::TimeoutError)
            kind = K::Timeout;
        QString message = net->errorString();
        if (err == QNetworkReply::RemoteHostClosedError && status > 0)
            message =
                Text::tr("The connection closed before the whole answer arrived (%1 bytes read).")
                    .arg(m_hopBytes);
        ForgeError e = ForgeError::make(kind, message, status);
        fail(e, kind != K::Tls);
        return;
    }

    // A body shorter than announced is a network error, whatever Qt thought of it.
    const auto contentLength = net->header(QNetworkRequest::ContentLengthHeader);
    if (!capped && contentLength.isValid() && m_currentMethod != Method::Head && status != 304 &&
        status != 204 &&
        !m_response.headers.contains(QHttpHeaders::WellKnownHeader::ContentEncoding) &&
        m_hopBytes < contentLength.toLongLong()) {
        fail(ForgeError::make(K::Network,
                              Text::tr("Truncated answer: %1 of %2 bytes.")
                                  .arg(m_hopBytes)
                                  .arg(contentLength.toLongLong()),
                              status),
             true);
        return;
    }

    if (isRedirectStatus(status)) {
        handleRedirect(status);
        return;
    }

    if (status == 304 && !m_etagKey.isEmpty()) {
        const auto entry = m_transport->etagCache().find(m_etagKey);
        if (!entry) {
            fail(ForgeError::make(K::BadResponse,
                                  Text::tr("304 Not Modified without a cached answer."), status),
                 false);
            return;
        }
        m_transport->etagCache().countHit();
        m_buffer = entry->body;
        m_response.notModified = true;
        m_transport->noteResponse(m_request.service, m_currentUrl, m_response.headers, {});
        succeed();
        return;
    }

    if (!isExpectedStatus(status) || capped) {
        const QString hostKey = Transport::hostKey(m_request.service, m_currentUrl);
        const int strikes = m_transport->m_hosts.value(hostKey).strikes + 1;
        ForgeError e =
            errorFromHttp(status, m_response.headers, m_buffer, m_transport->now(), strikes,
                          m_transport->random(), m_transport->options().maxRetryWait);
        if (capped) {
            const QString cut = Text::tr("The error answer is longer than %1 bytes; the rest "
                                         "was not read.")
                                    .arg(m_transport->options().maxErrorBodyBytes);
            e.message = e.message.isEmpty() ? cut : e.message % u' ' % cut;
        }
        if (e.retryAt) {
            const QString wait = retryWaitText(*e.retryAt, m_transport->now());
            e.message = e.message.isEmpty() ? wait : e.message % u' ' % wait;
        }
        if (e.kind != K::RateLimited && e.kind != K::Server && (status >= 200 && status <= 399))
            e.kind = K::HttpStatus;
        m_transport->noteResponse(m_request.service, m_currentUrl, m_response.headers, e);
        fail(e, e.kind == K::Server && status != 501);
        return;
    }
    m_transport->noteResponse(m_request.service, m_currentUrl, m_response.headers, {});
    succeed();
}

void ForgeReply::handleRedirect(int status)
{
    using K = ForgeError::Kind;
    const QByteArray location =
        m_response.headers.value(QHttpHeaders::WellKnownHeader::Location).toByteArray();
    if (location.isEmpty()) {
        fail(ForgeError::make(K::BadResponse, Text::tr("A redirect without a Location."), status),
             false);
        return;
    }
    const QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(location));
    if (!m_request.isIdempotent()) {
        // A dispatch must happen once or visibly not at all: never re-sent, not even as a GET.
        fail(ForgeError::make(K::Redirect,
                              Text::tr("The server answered the %1 with a redirect (%2) to %3; "
                                       "it is not sent again.")
                                  .arg(QString::fromLatin1(methodName(m_currentMethod)))
                                  .arg(status)
                                  .arg(printableServerText(originOf(target), 200)),
                              status),
             false);
        return;
    }
    if (++m_response.redirects > m_transport->options().maxRedirects) {
        fail(ForgeError::make(
                 K::Redirect,
                 Text::tr("More than %1 redirects.").arg(m_transport->options().maxRedirects),
                 status),
             false);
        return;
    }
    const QString refusal = redirectRefusal(m_currentUrl, target);
    if (!refusal.isEmpty()) {
        fail(ForgeError::make(K::Redirect, refusal, status), false);
        return;
    }
    m_currentUrl = target;
    sendHop();
}

void ForgeReply::succeed()
{
    using K = ForgeError::Kind;
    const int status = m_response.httpStatus;
    if (m_request.expect == Expect::Json && !(status == 204 && !m_response.notModified)) {
        const QByteArray contentType = m_response.notModified
            ? QByteArray("application/json")
            : m_response.headers.value(QHttpHeaders::WellKnownHeader::ContentType).toByteArray();
        if (!isJsonContentType(contentType)) {
            fail(ForgeError::make(K::BadResponse,
                                  Text::tr("Expected JSON, got \"%1\".")
                                      .arg(QString::fromLatin1(contentType.left(100))),
                                  status),
                 false);
            return;
        }
        QJsonParseError pe;
        m_response.json = QJsonDocument::fromJson(m_buffer, &pe);
        if (pe.error != QJsonParseError::NoError) {
            m_response.json = {};
            fail(
                ForgeError::make(
                    K::BadResponse,
                    Text::tr("Invalid JSON at offset %1: %2.").arg(pe.offset).arg(pe.errorString()),
                    status),
                false);
            return;
        }
        if (!m_etagKey.isEmpty() && !m_response.notModified) {
            const QByteArray etag =
                m_response.headers.value(QHttpHeaders::WellKnownHeader::ETag).toByteArray();
            if (!etag.isEmpty())
                m_transport->etagCache().insert(m_etagKey, {etag, m_buffer, contentType});
        }
    }
    if (m_request.expect != Expect::Empty)
        m_response.body = std::exchange(m_buffer, {});
    m_buffer.clear();
    m_response.error = ForgeError {};
    finish();
}

void ForgeReply::fail(ForgeError error, bool mayRetry)
{
    using K = ForgeError::Kind;
    const TransportOptions &opts = m_transport->options();
    error.operation = describeRequest(m_request.method, m_request.url);
    // Stripping controls could join a token that a server echoed with controls inside it.
    error.message = redactedToken(printableServerText(redactedToken(error.message, m_secret),
                                                      kMaxServerMessageChars, LineBreaks::Keep),
                                  m_secret);
    m_buffer.clear();
    m_response.body.clear();
    m_response.json = {};
    m_response.notModified = false;

    const bool retryable = mayRetry && m_request.isIdempotent() && m_delivered == 0 &&
        m_response.attempts <= opts.maxRetries &&
        (error.kind == K::Network || error.kind == K::Timeout || error.kind == K::Server);
    if (retryable) {
        const double exp = std::pow(2.0, std::max(0, m_response.attempts - 1));
        double delayMs =
            std::min(double(opts.retryMaxDelay.count()), double(opts.retryBaseDelay.count()) * exp);
        delayMs *= 0.5 + m_transport->random();
        if (error.retryAt) {
            const qint64 hinted = m_transport->now().msecsTo(*error.retryAt);
            delayMs = std::max(delayMs, double(hinted));
        }
        const qint64 left = m_deadline.isActive() ? m_deadline.remainingTime() : -1;
        if (left < 0 || delayMs < double(left)) {
            m_response.error = error;
            m_retryTimer.start(std::chrono::milliseconds(qint64(delayMs)));
            return;
        }
    }
    m_response.error = error;
    finish();
}

void ForgeReply::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_secret.clear();  // nothing left to redact
    m_inactivity.stop();
    m_deadline.stop();
    m_retryTimer.stop();
    // Queued: a caller's slot never runs inside abort() or inside its own destruction.
    QMetaObject::invokeMethod(
        this,
        [this] {
            // A slot may destroy the Transport, and with it this reply.
            const QPointer<ForgeReply> self(this);
            emit finished();
            if (self)
                deleteLater();
        },
        Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------
// Transport

Transport::Transport(QNetworkAccessManager *network, const TokenSource *tokens, Clock clock,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_clock(std::move(clock))
{
    qRegisterMetaType<rc::forge::RateLimit>();
    qRegisterMetaType<rc::forge::Service>();
}

Transport::~Transport() = default;

void Transport::setOptions(const TransportOptions &options)
{
    m_options = options;
    m_etags.setByteBudget(options.etagCacheBytes);
}

void Transport::setTrustedCertificates(const QString &origin,
                                       const QList<QSslCertificate> &certificates)
{
    const QString key = originOf(QUrl(origin));
    if (key.isEmpty())
        return;
    QList<QSslCertificate> valid;
    for (const QSslCertificate &certificate : certificates) {
        if (!certificate.isNull() && !valid.contains(certificate))
            valid.append(certificate);
    }
    if (valid.isEmpty())
        m_trusted.remove(key);
    else
        m_trusted.insert(key, valid);
    if (m_network)
        m_network->clearConnectionCache();
}

QList<QSslCertificate> Transport::trustedCertificates(const QString &origin) const
{
    return m_trusted.value(originOf(QUrl(origin)));
}

QDateTime Transport::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

double Transport::random() const
{
    const double r = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    return std::clamp(r, 0.0, 0.999999);
}

ForgeReply *Transport::send(const ForgeRequest &request)
{
    auto *reply = new ForgeReply(this, request, {});
    reply->start();
    return reply;
}

ForgeReply *Transport::download(const ForgeRequest &request, ChunkSink sink)
{
    ForgeRequest r = request;
    if (r.expect == Expect::Json)
        r.expect = Expect::Bytes;
    auto *reply = new ForgeReply(
        this, r, sink ? std::move(sink) : ChunkSink([](QByteArrayView) { return true; }));
    reply->start();
    return reply;
}

ForgeReply *Transport::download(const ForgeRequest &request, QIODevice *sink)
{
    QPointer<QIODevice> device(sink);
    return download(request, [device](QByteArrayView chunk) {
        return device && device->write(chunk.data(), chunk.size()) == chunk.size();
    });
}

QString Transport::hostKey(Service service, const QUrl &url)
{
    return QString::number(int(service)) % u' ' % originOf(url);
}

QCA::SecureArray Transport::tokenFor(const ForgeRequest &request, const QUrl &url) const
{
    if (!m_tokens || request.service == Service::Anaconda || request.authOrigin.isEmpty() ||
        !sameOrigin(url, request.authOrigin))
        return {};
    return m_tokens->token(request.service, originOf(request.authOrigin));
}

std::optional<RateLimit> Transport::rateLimit(Service service, const QUrl &anyUrl) const
{
    return m_hosts.value(hostKey(service, anyUrl)).rateLimit;
}

void Transport::noteResponse(Service service, const QUrl &url, const QHttpHeaders &headers,
                             const ForgeError &error)
{
    HostState &host = m_hosts[hostKey(service, url)];
    if (error.kind == ForgeError::Kind::RateLimited) {
        ++host.strikes;
        if (error.retryAt)
            host.blockedUntil = *error.retryAt;
    } else if (!error.isError()) {
        host.strikes = 0;
        host.blockedUntil = {};
    }
    if (auto rl = parseRateLimit(headers, now())) {
        // A reset "in ten years" must not block the host for ten years.
        const QDateTime latest = now().addSecs(m_options.maxRetryWait.count());
        if (rl->resetAt.isValid() && rl->resetAt > latest)
            rl->resetAt = latest;
        if (host.rateLimit != rl) {
            host.rateLimit = rl;
            emit rateLimitChanged(service, originOf(url), *rl);
        }
    }
}

}  // namespace rc::forge
