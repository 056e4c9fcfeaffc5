// SPDX-License-Identifier: BSD-3-Clause
#include "forge/forgerequest.h"

#include "forge/forgeheaders.h"
#include "forge/servertext.h"

#include <QCoreApplication>

namespace rc::forge {

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::ForgeRequest)
};

// Percent-decodes until nothing changes (a few rounds: "%25252e" is still a dot to someone).
QString fullyDecoded(QStringView value)
{
    QString text = value.toString();
    for (int round = 0; round < 4 && text.contains(u'%'); ++round) {
        const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
        if (decoded == text)
            break;
        text = decoded;
    }
    return text;
}

}  // namespace

bool hasDotSegment(QStringView value)
{
    const QString decoded = fullyDecoded(value);
    // A backslash is a separator to some servers and proxies.
    for (const QStringView part : QStringView(decoded).tokenize(u'/')) {
        for (const QStringView piece : part.tokenize(u'\\')) {
            const QStringView trimmed = piece.trimmed();
            if (trimmed == u"." || trimmed == u"..")
                return true;
        }
    }
    return false;
}

void refuseDotSegments(ForgeRequest &request, std::initializer_list<PathField> fields)
{
    if (!request.refusal.isEmpty())
        return;
    for (const PathField &field : fields) {
        if (hasDotSegment(field.value)) {
            request.refusal =
                Text::tr("Not sent: the %1 \"%2\" holds a \".\" or \"..\" path segment.")
                    .arg(field.name, printableServerText(field.value, 200));
            return;
        }
    }
}

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
    // A next page or a redirect target comes from a server: shown printable.
    return QString::fromLatin1(methodName(method)) % u' ' %
        printableServerText(url.toDisplayString(QUrl::RemoveUserInfo), kMaxServerMessageChars);
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
