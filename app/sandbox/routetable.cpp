// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/routetable.h"

namespace rc::sandbox {

QString RouteCaptures::value(QStringView name) const
{
    for (const auto &[key, captured] : m_values) {
        if (key == name)
            return captured;
    }
    return {};
}

qint64 RouteCaptures::id(QStringView name) const
{
    bool ok = false;
    const qint64 number = value(name).toLongLong(&ok);
    return ok ? number : qint64(-1);
}

void RouteCaptures::insert(QStringView name, const QString &value)
{
    m_values.append({name.toString(), value});
}

std::optional<RouteCaptures> matchRoute(QStringView pattern, const QStringList &segments)
{
    RouteCaptures captures;
    const QList<QStringView> parts =
        pattern.isEmpty() ? QList<QStringView> {} : pattern.split(u'/');
    qsizetype index = 0;
    for (const QStringView part : parts) {
        const qsizetype open = part.indexOf(u'{');
        if (open < 0) {
            if (index >= segments.size() || segments.at(index) != part)
                return std::nullopt;
            ++index;
            continue;
        }
        QStringView name = part.sliced(open + 1).chopped(1);
        if (name.endsWith(u'*') || name.endsWith(u'+')) {
            const bool atLeastOne = name.endsWith(u'+');
            name.chop(1);
            // A rest capture ends the pattern: it takes every remaining segment.
            if (atLeastOne && index >= segments.size())
                return std::nullopt;
            captures.insert(name, segments.mid(index).join(u'/'));
            return captures;
        }
        if (index >= segments.size())
            return std::nullopt;
        const QString &segment = segments.at(index);
        const QStringView prefix = part.first(open);
        if (!segment.startsWith(prefix))
            return std::nullopt;
        captures.insert(name, segment.sliced(prefix.size()));
        ++index;
    }
    if (index != segments.size())
        return std::nullopt;
    return captures;
}

bool methodMatches(QByteArrayView routeMethod, QByteArrayView requestMethod)
{
    if (routeMethod.isEmpty() || routeMethod == requestMethod)
        return true;
    return routeMethod == "GET" && requestMethod == "HEAD";
}

}  // namespace rc::sandbox
