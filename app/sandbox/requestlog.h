// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/httpmessage.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace rc::sandbox {

enum class FaultKind;

// What the simulator saw and did, for assertions such as "no token reached the other host" or
// "the dispatch was POSTed once".
struct LoggedRequest
{
    int sequence = 0;
    Listener listener = Listener::Api;
    QByteArray method;
    QString path;  // percent-decoded path, no query
    QByteArray rawPath;
    QString query;  // as sent, percent-encoded
    HeaderList headers;
    QByteArray body;
    QDateTime receivedAt;  // virtual time
    int status = 0;        // 0 when no answer was given (no-answer, reset)
    std::optional<FaultKind> fault;
    // The answer as built (before faults mangle its delivery), for contract tests that check
    // the simulator's shapes. The body is empty when it was streamed from a device.
    HeaderList responseHeaders;
    QByteArray responseBody;

    QByteArray header(QByteArrayView name) const;
    bool carriesCredentials() const;
};

class RequestLog
{
public:
    // Returns the entry's sequence number, for annotate().
    int append(const HttpRequest &request, const QDateTime &receivedAt);
    void annotate(int sequence, int status, std::optional<FaultKind> fault);
    void recordResponse(int sequence, const HttpResponse &response);
    const QList<LoggedRequest> &entries() const { return m_entries; }
    // Entries with this method (empty: any) whose path matches the wildcard ('*' crosses '/').
    QList<LoggedRequest> matching(const QByteArray &method, const QString &pathPattern) const;
    // Requests that reached the other host with Authorization or PRIVATE-TOKEN: must stay empty.
    QList<LoggedRequest> credentialLeaks() const;
    void clear() { m_entries.clear(); }
    // Keeps only the newest `maxEntries` requests, dropping the oldest (0: keep all, the
    // default, which tests rely on). A long-running `sandbox serve` bounds its memory with it.
    void setCapacity(qsizetype maxEntries);
    qsizetype capacity() const { return m_capacity; }
    // Requests dropped by the capacity since the start; sequence numbers keep counting.
    qint64 droppedCount() const { return m_dropped; }

private:
    void trimToCapacity();

    QList<LoggedRequest> m_entries;
    int m_nextSequence = 1;
    qsizetype m_capacity = 0;
    qint64 m_dropped = 0;
};

}  // namespace rc::sandbox
