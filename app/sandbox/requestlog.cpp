// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/requestlog.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

QByteArray LoggedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool LoggedRequest::carriesCredentials() const
{
    return !header("Authorization").isEmpty() || !header("PRIVATE-TOKEN").isEmpty() ||
        !header("JOB-TOKEN").isEmpty();
}

int RequestLog::append(const HttpRequest &request, const QDateTime &receivedAt)
{
    LoggedRequest entry;
    entry.sequence = m_nextSequence++;
    entry.listener = request.listener;
    entry.method = request.method;
    entry.rawPath = request.rawPath;
    entry.path = QUrl::fromPercentEncoding(request.rawPath);
    entry.query = request.query.toString(QUrl::FullyEncoded);
    entry.headers = request.headers;
    entry.body = request.body;
    entry.receivedAt = receivedAt;
    m_entries.append(entry);
    trimToCapacity();
    return entry.sequence;
}

void RequestLog::setCapacity(qsizetype maxEntries)
{
    m_capacity = qMax<qsizetype>(0, maxEntries);
    trimToCapacity();
}

void RequestLog::trimToCapacity()
{
    if (m_capacity == 0 || m_entries.size() <= m_capacity)
        return;
    const qsizetype excess = m_entries.size() - m_capacity;
    // Qt 6's QList erases at its front by moving its start: no copy of the rest.
    m_entries.remove(0, excess);
    m_dropped += excess;
}

void RequestLog::annotate(int sequence, int status, std::optional<FaultKind> fault)
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries[i].sequence == sequence) {
            m_entries[i].status = status;
            m_entries[i].fault = fault;
            return;
        }
    }
}

void RequestLog::recordResponse(int sequence, const HttpResponse &response)
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries[i].sequence == sequence) {
            m_entries[i].responseHeaders = response.headers;
            m_entries[i].responseBody = response.body;
            return;
        }
    }
}

QList<LoggedRequest> RequestLog::matching(const QByteArray &method,
                                          const QString &pathPattern) const
{
    const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(
        pathPattern, QRegularExpression::NonPathWildcardConversion));
    QList<LoggedRequest> found;
    for (const LoggedRequest &entry : m_entries) {
        if (!method.isEmpty() && entry.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (pattern.match(QString::fromUtf8(entry.rawPath)).hasMatch() ||
            pattern.match(entry.path).hasMatch())
            found.append(entry);
    }
    return found;
}

QList<LoggedRequest> RequestLog::credentialLeaks() const
{
    QList<LoggedRequest> leaks;
    for (const LoggedRequest &entry : m_entries) {
        if (entry.listener == Listener::OtherHost && entry.carriesCredentials())
            leaks.append(entry);
    }
    return leaks;
}

}  // namespace rc::sandbox
