// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Internal glue between the pure parsers and the Transport, shared by the clients.

#include "forge/forgeheaders.h"
#include "forge/forgeresult.h"
#include "forge/servertext.h"
#include "forge/transport.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

namespace rc::forge::detail {

// The pager's messages, in the transport's context.
struct TransportText
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::Transport)
};

// A parsed JSON answer: the transport's error, else what the parser says.
template<class T, class Parse>
ForgeResult<T> parseResponse(const ForgeResponse &response, const Parse &parse)
{
    if (!response.ok()) {
        ForgeResult<T> failed = ForgeResult<T>::failure(response.error);
        failed.serverDate = serverDate(response.headers);
        return failed;
    }
    ForgeResult<T> result = parse(response);
    if (!result.ok()) {
        result.error.message =
            printableServerText(result.error.message, kMaxServerMessageChars, LineBreaks::Keep);
        result.error.httpStatus = response.httpStatus;
        if (result.error.operation.isEmpty())
            result.error.operation = response.error.operation;
        result.value = T {};
    }
    result.notModified = response.notModified;
    result.serverDate = serverDate(response.headers);
    return result;
}

// Destroying `context` aborts the reply; `done` runs (in `context`'s thread) only while
// `context` lives.
inline void tieToContext(ForgeReply *reply, QObject *context)
{
    QObject::connect(context, &QObject::destroyed, reply, &ForgeReply::abort);
}

template<class T, class Parse>
ForgeReply *call(Transport *transport, const ForgeRequest &request, QObject *context,
                 Callback<T> done, Parse parse)
{
    ForgeReply *reply = transport->send(request);
    QObject::connect(reply, &ForgeReply::finished, context,
                     [reply, done = std::move(done), parse = std::move(parse)] {
                         done(parseResponse<T>(reply->response(), parse));
                     });
    tieToContext(reply, context);
    return reply;
}

// Follows `next` pages (Link / X-Next-Page) up to `maxPages`, concatenating the items.
// notModified only when every page was a 304.
template<class T, class ParsePage>
void collectPages(Transport *transport, const ForgeRequest &first, QObject *context,
                  Callback<QList<T>> done, ParsePage parsePage, int maxPages = 50)
{
    struct State
    {
        QList<T> items;
        QSet<QUrl> visited;  // pages asked for, so that a next link pointing back ends the walk
        int pages = 0;
        bool allNotModified = true;
    };
    using Step = std::function<void(ForgeRequest)>;
    auto state = std::make_shared<State>();
    auto step = std::make_shared<Step>();
    // `step` holds itself only weakly; each request in flight holds it strongly, so the chain
    // lives exactly as long as there is a page to wait for.
    *step = [transport, context, done, parsePage, maxPages, state,
             weakStep = std::weak_ptr<Step>(step)](ForgeRequest request) {
        state->visited.insert(request.url);
        ForgeReply *reply = transport->send(request);
        tieToContext(reply, context);
        QObject::connect(
            reply, &ForgeReply::finished, context,
            [reply, request, done, parsePage, maxPages, state, self = weakStep.lock()] {
                const ForgeResponse &response = reply->response();
                ForgeResult<Page<T>> page = parseResponse<Page<T>>(response, parsePage);
                if (!page.ok()) {
                    done(ForgeResult<QList<T>>::failure(page.error));
                    return;
                }
                state->items.append(page.value.items);
                state->allNotModified = state->allNotModified && page.notModified;
                ++state->pages;
                if (const QString refusal = nextPageRefusal(response.headers, request.url);
                    !refusal.isEmpty()) {
                    // A silently shortened list would be a lie: say that it goes on elsewhere.
                    ForgeError error =
                        ForgeError::make(ForgeError::Kind::BadResponse,
                                         printableServerText(refusal, 500), response.httpStatus);
                    error.operation = describeRequest(request.method, request.url);
                    done(ForgeResult<QList<T>>::failure(error));
                    return;
                }
                const QUrl next = nextPageUrl(response.headers, request.url);
                if (!next.isEmpty() && state->visited.contains(next)) {
                    ForgeError error = ForgeError::make(
                        ForgeError::Kind::BadResponse,
                        TransportText::tr("The next page points back to a page already read (%1).")
                            .arg(printableServerText(next.toDisplayString(), 300)),
                        response.httpStatus);
                    error.operation = describeRequest(request.method, request.url);
                    done(ForgeResult<QList<T>>::failure(error));
                    return;
                }
                if (!next.isEmpty() && state->pages >= maxPages) {
                    // Part of a list would look like the whole of it (a run with fewer jobs).
                    ForgeError error = ForgeError::make(
                        ForgeError::Kind::BadResponse,
                        TransportText::tr(
                            "The list goes on past %1 pages; stopped rather than show part of it.")
                            .arg(maxPages),
                        response.httpStatus);
                    error.operation = describeRequest(request.method, request.url);
                    done(ForgeResult<QList<T>>::failure(error));
                    return;
                }
                if (!next.isEmpty() && self) {
                    ForgeRequest nextRequest = request;
                    nextRequest.url = next;
                    (*self)(nextRequest);
                    return;
                }
                ForgeResult<QList<T>> result = ForgeResult<QList<T>>::success(state->items);
                result.notModified = state->allNotModified;
                result.serverDate = page.serverDate;  // the last page's
                done(result);
            });
    };
    (*step)(first);
}

}  // namespace rc::forge::detail
