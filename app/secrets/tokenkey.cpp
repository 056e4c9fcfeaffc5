// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/tokenkey.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace rc::secrets {

QString forgeId(Forge forge)
{
    return forge == Forge::GitHub ? u"github"_s : u"gitlab"_s;
}

QString forgeDisplayName(Forge forge)
{
    return forge == Forge::GitHub ? u"GitHub"_s : u"GitLab"_s;
}

std::optional<Forge> forgeFromId(QStringView id)
{
    if (id.compare(u"github", Qt::CaseInsensitive) == 0)
        return Forge::GitHub;
    if (id.compare(u"gitlab", Qt::CaseInsensitive) == 0)
        return Forge::GitLab;
    return std::nullopt;
}

QString defaultHost(Forge forge)
{
    return forge == Forge::GitHub ? u"api.github.com"_s : u"gitlab.com"_s;
}

QString TokenKey::account() const
{
    return forgeId(forge) + u':' + host;
}

QString TokenKey::displayName() const
{
    return forgeDisplayName(forge) + u" ("_s + host + u')';
}

std::optional<TokenKey> TokenKey::fromUserInput(Forge forge, const QString &host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty())
        return TokenKey {forge, defaultHost(forge)};
    // QUrl::fromUserInput would percent-encode or split around spaces and still find a "host".
    for (const QChar character : trimmed) {
        if (character.isSpace())
            return std::nullopt;
    }
    // A bare host parses as a path, so give it a scheme; an explicit scheme is kept.
    const QUrl url =
        QUrl::fromUserInput(trimmed.contains(u"://"_s) ? trimmed : u"https://"_s + trimmed);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return std::nullopt;
    if (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)
        return std::nullopt;
    QString normalized = url.host().toLower();
    for (const QChar character : std::as_const(normalized)) {
        const bool allowed = character.isLetterOrNumber() || character == u'.' ||
            character == u'-' || character == u'[' || character == u']' || character == u':';
        if (!allowed || character.unicode() > 0x7f)
            return std::nullopt;
    }
    const int defaultPort = url.scheme() == "http"_L1 ? 80 : 443;
    if (url.port() != -1 && url.port() != defaultPort)
        normalized += u':' + QString::number(url.port());
    return TokenKey {forge, normalized};
}

std::optional<TokenKey> TokenKey::fromAccount(QStringView account)
{
    const qsizetype colon = account.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    const std::optional<Forge> forge = forgeFromId(account.first(colon));
    if (!forge)
        return std::nullopt;
    const QString host = account.sliced(colon + 1).toString();
    std::optional<TokenKey> key = fromUserInput(*forge, host);
    if (!key || key->host != host || host.isEmpty())
        return std::nullopt;
    return key;
}

QList<TokenKey> defaultTokenKeys()
{
    return {TokenKey {Forge::GitHub, defaultHost(Forge::GitHub)},
            TokenKey {Forge::GitLab, defaultHost(Forge::GitLab)}};
}

}  // namespace rc::secrets
