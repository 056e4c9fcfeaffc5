// SPDX-License-Identifier: BSD-3-Clause
#include "forge/forgerequest.h"

#include "forge/forgeheaders.h"

namespace rc::forge {

QByteArray methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return QByteArrayLiteral("GET");
}

QString describeRequest(Method method, const QUrl &url)
{
    return QString::fromLatin1(methodName(method)) % u' ' %
        url.toDisplayString(QUrl::RemoveUserInfo);
}

QUrl apiUrl(const QUrl &base, const QString &encodedSuffix, const QUrlQuery &query)
{
    QUrl url = base;
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path % encodedSuffix, QUrl::TolerantMode);
    if (query.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

QString encodeSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QString encodePath(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path, QByteArrayLiteral("/")));
}

static QUrl originUrl(const QUrl &base)
{
    QUrl origin;
    origin.setScheme(base.scheme());
    origin.setHost(base.host());
    origin.setPort(base.port());
    return origin;
}

ForgeRequest apiGet(Service service, const QUrl &base, const QString &encodedSuffix,
                    const QUrlQuery &query)
{
    ForgeRequest r;
    r.method = Method::Get;
    r.service = service;
    r.url = apiUrl(base, encodedSuffix, query);
    r.authOrigin = service == Service::Anaconda ? QUrl() : originUrl(base);
    r.expect = Expect::Json;
    return r;
}

ForgeRequest apiPost(Service service, const QUrl &base, const QString &encodedSuffix,
                     const QByteArray &jsonBody)
{
    ForgeRequest r = apiGet(service, base, encodedSuffix);
    r.method = Method::Post;
    r.body = jsonBody;
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
    return r;
}

}  // namespace rc::forge
