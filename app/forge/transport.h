// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "about/version.h"
#include "forge/etagcache.h"
#include "forge/forgeerror.h"
#include "forge/forgeheaders.h"
#include "forge/forgerequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpHeaders>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QtCrypto>

#include <chrono>
#include <functional>
#include <optional>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;

namespace rc::forge {

class TokenSource;
class Transport;

using Clock = std::function<QDateTime()>;      // the local clock (UTC), injectable for tests
using RandomSource = std::function<double()>;  // uniform in [0, 1), for jitter
// false stops the download. The view is valid during the call only. A sink must neither delete
// its download (it is inside the network reply's signal) nor run an event loop (the next bytes
// would land in the same buffer).
using ChunkSink = std::function<bool(QByteArrayView chunk)>;

// The one policy every request follows. Defaults suit the desktop app.
struct TransportOptions
{
    QByteArray userAgent = rc::userAgent();
    std::chrono::milliseconds inactivityTimeout {30'000};  // no byte for this long: timed out
    std::chrono::milliseconds deadline {180'000};  // whole request incl. redirects and retries
                                                   // (a download: until its body starts)
    qint64 maxDownloadBytes = qint64(16) << 30;    // cap of a streamed download's body
    int maxRedirects = 5;
    int maxRetries = 3;  // extra attempts, idempotent requests only (5xx, network loss)
    std::chrono::milliseconds retryBaseDelay {1'000};  // doubled per attempt, jittered ×[0.5, 1.5)
    std::chrono::milliseconds retryMaxDelay {30'000};
    // Read buffer while streaming a download. 4 MiB keeps the hashing fed: at 256 KiB a
    // loopback download kept stalling on it (0.6× the speed of hashing a local file; 0.86× at
    // 4 MiB, more consistently than at 1 MiB, for a peak RSS growth of at most 18 MiB).
    qint64 streamBufferBytes = 4 * 1024 * 1024;
    bool failFastWhileRateLimited = true;  // refuse locally until a known rate-limit reset
    // The longest wait a server can impose (Retry-After, rate-limit reset): "wait ten years"
    // becomes this; the error's message says the wait.
    std::chrono::seconds maxRetryWait {3600};
    // What is read of an error answer's body (for its message) or of a redirect's body; then the
    // transport stops reading and closes the connection.
    qint64 maxErrorBodyBytes = 64 * 1024;
    // Byte budget of the ETag cache (bodies kept for 304 answers), applied by setOptions().
    qint64 etagCacheBytes = ETagCache::kDefaultByteBudget;
};

// The outcome of one request. Either `error.kind == None` and the body/json are complete,
// or an error and nothing partial (body and json empty).
struct ForgeResponse
{
    ForgeError error;
    int httpStatus = 0;        // of the last hop; 304 when answered from the ETag cache
    QHttpHeaders headers;      // of the last hop
    QByteArray body;           // empty for streamed downloads
    QJsonDocument json;        // for Expect::Json
    bool notModified = false;  // a 304 answered from the ETag cache
    QUrl finalUrl;             // after redirects
    QUrl requestUrl;           // the request's own, before any redirect
    int attempts = 0;
    int redirects = 0;

    bool ok() const { return !error.isError(); }
    // What a next page is taken relative to and must keep the origin of (nextPageUrl()): the
    // request's URL, as pages belong to the API even when one answer came from a redirect.
    QUrl pagingUrl() const { return requestUrl.isEmpty() ? finalUrl : requestUrl; }
};

// One request in flight. Owned by the Transport; deletes itself after `finished` has been
// delivered. Connect to `finished` with a context object and read `response()` in the slot.
class ForgeReply : public QObject
{
    Q_OBJECT
public:
    ~ForgeReply() override;

    const ForgeRequest &request() const { return m_request; }
    const ForgeResponse &response() const { return m_response; }
    bool isFinished() const { return m_finished; }
    qint64 bytesDelivered() const { return m_delivered; }  // to the sink of a download

public slots:
    // Stops the request; `finished` follows (queued) with a Cancelled error.
    void abort();

signals:
    void finished();
    void downloadProgress(qint64 received, qint64 total);

private:
    friend class Transport;
    enum class Interrupt {
        None,
        Cancelled,
        Inactivity,
        Deadline,
        TooLarge,
        SinkStopped,
        BodyCapped,  // an error or redirect body reached maxErrorBodyBytes: the head is enough
    };

    ForgeReply(Transport *transport, ForgeRequest request, ChunkSink sink);
    void start();
    void startAttempt();
    void sendHop();
    void onReadyRead();
    void streamAvailableBytes();  // hands a download's bytes to its sink, a piece at a time
    void noteActivity();          // a byte or a signal arrived: the inactivity timeout starts again
    void onNetworkFinished();
    void interrupt(Interrupt why);
    void fail(ForgeError error, bool mayRetry);
    void succeed();
    void finish();
    void handleRedirect(int status);
    bool isStreamingNow() const;
    bool isExpectedStatus(int status) const;
    bool refuseHop();        // fails the request when the policy forbids m_currentUrl
    qint64 bodyCap() const;  // of what this request may receive

    Transport *m_transport;
    ForgeRequest m_request;
    ChunkSink m_sink;
    ForgeResponse m_response;
    QPointer<QNetworkReply> m_net;
    QTimer m_inactivity;
    QElapsedTimer m_sinceActivity;  // the last byte or signal of the current attempt
    std::chrono::milliseconds m_inactivityTimeout {0};
    QTimer m_deadline;
    QTimer m_retryTimer;
    QUrl m_currentUrl;
    Method m_currentMethod = Method::Get;
    QByteArray m_currentBody;
    QByteArray m_buffer;
    QByteArray m_piece;         // what a download's sink is handed, reused
    QCA::SecureArray m_secret;  // the token of this request, only to redact messages
    QString m_etagKey;
    qint64 m_delivered = 0;
    qint64 m_hopBytes = 0;
    int m_status = 0;
    Interrupt m_interrupt = Interrupt::None;
    bool m_finished = false;
};

// Whether `host` is this computer: localhost (or a name below .localhost), 127.0.0.0/8, ::1.
bool isLoopbackHost(const QString &host);
// Why nothing may be sent to `url` (empty when it may): https, or http only to a loopback host
// (isLoopbackHost()); no other scheme (file:, data:, qrc:, ftp:, ...), no URL without a host.
// Checked on every hop: the first request, each redirect, each next page.
QString urlRefusal(const QUrl &url);
// Why a redirect from `from` to `to` must not be followed (empty when it may): urlRefusal(to),
// and https→http.
QString redirectRefusal(const QUrl &from, const QUrl &to);

// The single transport of the app: headers, token scoping, manual redirects, timeouts, ETag
// cache, rate limits, retries of idempotent requests. Owns nothing it is given.
class Transport : public QObject
{
    Q_OBJECT
public:
    Transport(QNetworkAccessManager *network, const TokenSource *tokens, Clock clock = {},
              QObject *parent = nullptr);
    ~Transport() override;

    void setOptions(const TransportOptions &options);
    const TransportOptions &options() const { return m_options; }
    void setRandomSource(RandomSource random) { m_random = std::move(random); }

    // Sends a request; the body is buffered (up to request.maxBodyBytes).
    ForgeReply *send(const ForgeRequest &request);
    // Sends a GET whose 2xx body goes chunk by chunk to `sink`, never buffered whole.
    // Error bodies are still read (capped) to build the error. Retried only before the
    // first chunk was delivered. On error the sink's data must be discarded. Bounded by the
    // inactivity timeout and the size cap (request.maxDownloadBytes, else the options'), and by
    // the deadline only until the body starts (unless request.deadline says otherwise).
    ForgeReply *download(const ForgeRequest &request, ChunkSink sink);
    // Same, writing to a device the caller keeps open.
    ForgeReply *download(const ForgeRequest &request, QIODevice *sink);

    // The last rate-limit state a service announced at the origin of `anyUrl`.
    std::optional<RateLimit> rateLimit(Service service, const QUrl &anyUrl) const;

    // Trusts exactly `certificates` (e.g. the self-signed certificate of a self-hosted GitLab)
    // for exactly `origin` ("https://host:port", see originOf(); "https://host" means port 443),
    // besides the system's CAs: a handshake whose only faults are that one of these certificates
    // is self-signed or not from a known CA is accepted, for this origin only. A host-name
    // mismatch, an expired certificate or any other certificate is still refused (Tls), before
    // anything, a token included, is sent. An empty list removes the origin's pins. Drops the
    // network manager's idle connections, so none made under the old pins is used again.
    void setTrustedCertificates(const QString &origin, const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> trustedCertificates(const QString &origin) const;

    ETagCache &etagCache() { return m_etags; }
    const TokenSource *tokenSource() const { return m_tokens; }
    QDateTime now() const;
    double random() const;
    qint64 networkRequestCount() const { return m_networkRequests; }  // hops sent

signals:
    // Remaining / resets-at for a host, for the status bar.
    void rateLimitChanged(rc::forge::Service service, const QString &origin,
                          const rc::forge::RateLimit &rateLimit);

private:
    friend class ForgeReply;
    struct HostState
    {
        std::optional<RateLimit> rateLimit;
        QDateTime blockedUntil;
        int strikes = 0;
    };
    static QString hostKey(Service service, const QUrl &url);
    void noteResponse(Service service, const QUrl &url, const QHttpHeaders &headers,
                      const ForgeError &error);
    QCA::SecureArray tokenFor(const ForgeRequest &request, const QUrl &url) const;

    QNetworkAccessManager *m_network;
    const TokenSource *m_tokens;
    Clock m_clock;
    RandomSource m_random;
    TransportOptions m_options;
    ETagCache m_etags;
    QHash<QString, HostState> m_hosts;
    QHash<QString, QList<QSslCertificate>> m_trusted;  // by originOf()
    qint64 m_networkRequests = 0;
};

}  // namespace rc::forge

Q_DECLARE_METATYPE(rc::forge::ForgeResponse)
