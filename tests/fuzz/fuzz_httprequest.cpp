// SPDX-License-Identifier: BSD-3-Clause
// The simulator's HTTP/1.1 request parser (what `sandbox serve` reads off a socket): the whole
// input is what a client sent, possibly several pipelined requests. Then what the simulator
// does with every parsed request: headers, path segments, the conditional-GET answer.
#include "fuzz_check.h"
#include "sandbox/httpmessage.h"

using namespace Qt::StringLiterals;
using rc::sandbox::HttpLimits;
using rc::sandbox::HttpParseResult;
using Status = rc::sandbox::HttpParseResult::Status;

namespace {

// Small limits, so that the fuzzer reaches them; the listener's are larger, the code the same.
HttpLimits fuzzLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxBodyBytes = 65536;
    return limits;
}

bool isOneAsciiLine(const QByteArray &text)
{
    for (const char ch : text) {
        if (uchar(ch) < 0x20 || uchar(ch) >= 0x7f)
            return false;
    }
    return true;
}

bool sameResult(const HttpParseResult &a, const HttpParseResult &b)
{
    return a.status == b.status && a.consumedBytes == b.consumedBytes &&
        a.keepAlive == b.keepAlive && a.expectsContinue == b.expectsContinue &&
        a.errorStatus == b.errorStatus && a.errorReason == b.errorReason &&
        a.request.method == b.request.method && a.request.target == b.request.target &&
        a.request.headers == b.request.headers && a.request.body == b.request.body;
}

void checkOne(QByteArrayView bytes, const HttpLimits &limits, const HttpParseResult &result)
{
    switch (result.status) {
    case Status::Complete: {
        RC_FUZZ_CHECK(result.consumedBytes > 0 && result.consumedBytes <= bytes.size());
        const rc::sandbox::HttpRequest &request = result.request;
        RC_FUZZ_CHECK(!request.method.isEmpty());
        RC_FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
        RC_FUZZ_CHECK(request.target.startsWith(request.rawPath));
        RC_FUZZ_CHECK(result.errorStatus == 0);
        // A request is decided by its own bytes: one byte less is not a request yet.
        const HttpParseResult shorter =
            rc::sandbox::parseHttpRequest(bytes.first(result.consumedBytes - 1), limits);
        RC_FUZZ_CHECK(shorter.status == Status::NeedMore);
        const HttpParseResult exact =
            rc::sandbox::parseHttpRequest(bytes.first(result.consumedBytes), limits);
        RC_FUZZ_CHECK(sameResult(exact, result));

        // What the routes read of it never fails.
        (void)request.header("Host");
        (void)request.hasHeader("If-None-Match");
        (void)request.path();
        for (const QString &segment : request.pathSegments())
            (void)segment.size();
        rc::sandbox::HttpResponse response =
            rc::sandbox::HttpResponse::text(200, "fuzz"_ba, "text/plain"_ba);
        if (rc::sandbox::applyConditional(request, response)) {
            RC_FUZZ_CHECK(response.status == 304 && response.body.isEmpty());
            RC_FUZZ_CHECK(request.method == "GET" || request.method == "HEAD");
        }
        break;
    }
    case Status::Error:
        RC_FUZZ_CHECK(result.errorStatus == 400 || result.errorStatus == 411 ||
                      result.errorStatus == 413 || result.errorStatus == 431);
        RC_FUZZ_CHECK(result.consumedBytes == 0);
        RC_FUZZ_CHECK(!result.errorReason.isEmpty() && isOneAsciiLine(result.errorReason));
        break;
    case Status::NeedMore:
        // Waiting for more is bounded: past both limits the parser has decided.
        RC_FUZZ_CHECK(bytes.size() <= limits.maxHeaderBytes + limits.maxBodyBytes);
        RC_FUZZ_CHECK(result.consumedBytes == 0);
        break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpLimits limits = fuzzLimits();
    QByteArrayView rest(reinterpret_cast<const char *>(data), qsizetype(size));
    // Pipelined requests, as the listener walks them: each Complete one consumes its bytes.
    for (int requests = 0; requests < 64; ++requests) {
        const HttpParseResult result = rc::sandbox::parseHttpRequest(rest, limits);
        checkOne(rest, limits, result);
        // The same bytes give the same answer: nothing depends on state left behind.
        RC_FUZZ_CHECK(sameResult(rc::sandbox::parseHttpRequest(rest, limits), result));
        if (result.status != Status::Complete)
            break;
        rest = rest.sliced(result.consumedBytes);
    }
    return 0;
}
