// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <chrono>
#include <optional>

namespace rc::sandbox {

enum class FaultKind {
    Delay,                // answer normally after `delay`
    NoAnswer,             // read the request and never answer
    Trickle,              // the normal answer, body sent a byte or so at a time
    TruncatedBody,        // full Content-Length announced, part of the body sent, then closed
    ServerError,          // `status` (500 unless set) with the forge's error body
    HtmlBody,             // 200 with an HTML page, as a captive portal or proxy would answer
    InvalidJson,          // 200, JSON content type, body that does not parse
    Unauthorized,         // 401 with the forge's "bad credentials" body
    RateLimited403,       // GitHub's primary (no retry-after) or secondary (retry-after) limit
    RateLimited429,       // 429, with or without retry-after
    RedirectToOtherHost,  // 302 to the same path on the other host (which records credentials)
    ConnectionReset,      // RST right after the request was read
};

QString faultKindName(FaultKind kind);

// One rule of the fault table: which requests it hits, how often, and what it does.
struct Fault
{
    static constexpr int kAlways = -1;

    FaultKind kind = FaultKind::ServerError;
    QByteArray method;    // empty: any method
    QString pathPattern;  // wildcard over the raw path, '*' crosses '/': "*/actions/runs/*/jobs"
    int times = 1;        // how many matching requests it hits; kAlways: every one
    std::chrono::milliseconds delay {0};
    int status = 0;                        // ServerError: 500 by default; 502, 503, 504 too
    std::optional<int> retryAfterSeconds;  // RateLimited403/429
    qint64 trickleChunkBytes = 1;
    std::chrono::milliseconds trickleInterval {50};
    qint64 truncateAfterBytes = -1;  // -1: half the body
    // NoAnswer, ConnectionReset: whether the request still takes effect (a POST creates its run)
    // although no answer comes. True is the harder case for a client: the work was done, the
    // client cannot know. (Delay, Trickle and TruncatedBody always answer a processed request.)
    bool requestTakesEffect = true;

    static Fault make(FaultKind kind, const QByteArray &method, const QString &pathPattern,
                      int times = 1);
};

class FaultTable
{
public:
    // Returns an id usable with hits()/remove().
    int add(const Fault &fault);
    void remove(int id);
    void clear();
    // The first rule matching the request, with its count consumed; nullopt when none.
    std::optional<Fault> take(const QByteArray &method, const QByteArray &rawPath);
    // How many requests the rule has hit so far (also after it is used up).
    int hits(int id) const;

private:
    struct Rule
    {
        int id = 0;
        Fault fault;
        QRegularExpression pattern;
        int hits = 0;
        bool active = true;
    };
    QList<Rule> m_rules;
    int m_nextId = 1;
};

}  // namespace rc::sandbox
