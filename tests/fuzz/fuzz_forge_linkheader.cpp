// SPDX-License-Identifier: BSD-3-Clause
// Link (RFC 8288) and X-Next-Page paging headers, as GitHub and GitLab send them.
#include "forge/forgeheaders.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// The next page goes where the request went: same scheme, host and port. The Transport sends the
// token with every page, so a Link to anywhere else would hand it to that server.
void checkKeepsOrigin(const QUrl &page, const QUrl &current)
{
    if (page.isEmpty())
        return;
    RC_FUZZ_CHECK(page.scheme() == current.scheme());
    RC_FUZZ_CHECK(rc::forge::sameOrigin(page, current));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value = rc::fuzz::bytesOf(data, size).toByteArray();
    const QList<std::pair<QString, QUrl>> links = rc::forge::parseLinkHeader(value);
    const QUrl next = rc::forge::linkNext(value);

    // linkNext is the first rel="next" of the parsed header, or nothing.
    QUrl firstNext;
    for (const auto &[rel, url] : links) {
        RC_FUZZ_CHECK(!rel.isEmpty());
        if (rel == u"next"_s && firstNext.isEmpty())
            firstNext = url;
    }
    RC_FUZZ_CHECK(next == firstNext);

    const QUrl current(u"https://api.example.org/repos/o/r/actions/runs?per_page=2&page=1"_s);
    QHttpHeaders withLink;
    if (withLink.append(QHttpHeaders::WellKnownHeader::Link, value)) {
        const QUrl page = rc::forge::nextPageUrl(withLink, current);
        // A next page is a usable URL, or there is none.
        RC_FUZZ_CHECK(page.isEmpty() || page.isValid());
        checkKeepsOrigin(page, current);
        // The same on plain HTTP (the simulator, a GitHub Enterprise behind a proxy): an
        // https:// link must not move the token to another scheme either.
        const QUrl plain(u"http://127.0.0.1:8080/api/v3/repos/o/r/actions/runs?per_page=2"_s);
        checkKeepsOrigin(rc::forge::nextPageUrl(withLink, plain), plain);
    }

    QHttpHeaders withNextPage;
    if (withNextPage.append("x-next-page", value)) {
        const QUrl page = rc::forge::nextPageUrl(withNextPage, current);
        checkKeepsOrigin(page, current);
        if (!page.isEmpty()) {
            // GitLab's X-Next-Page only ever changes the `page` item, to a positive number.
            RC_FUZZ_CHECK(page.isValid());
            RC_FUZZ_CHECK(page.path() == current.path() && page.host() == current.host());
            const QUrlQuery query(page);
            RC_FUZZ_CHECK(query.allQueryItemValues(u"page"_s).size() == 1);
            RC_FUZZ_CHECK(query.queryItemValue(u"page"_s).toInt() > 0);
            RC_FUZZ_CHECK(query.queryItemValue(u"per_page"_s) == u"2"_s);
        }
    }
    return 0;
}
