// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <utility>

namespace rc::sandbox {

// What a route pattern captured, by name: {owner}, {run_id}, {path*} ...
class RouteCaptures
{
public:
    // The captured text, or an empty string when the pattern has no such name.
    QString value(QStringView name) const;
    // The capture as a number, or -1 when it is not one: an id that does not parse is then
    // simply not found, as on the real forges.
    qint64 id(QStringView name) const;
    void insert(QStringView name, const QString &value);

private:
    QList<std::pair<QString, QString>> m_values;
};

// Matches percent-decoded path segments against a pattern such as
// "repos/{owner}/{repo}/actions/runs/{run_id}". A literal segment must be equal; "{name}"
// captures one segment; "prefix{name}" one segment starting with prefix (the rest is captured);
// "{name*}" the remaining segments joined by '/' (zero or more), "{name+}" one or more. The
// empty pattern matches no segments at all.
std::optional<RouteCaptures> matchRoute(QStringView pattern, const QStringList &segments);

// A route's method: "GET" also answers HEAD, as the forges do; an empty one takes any method.
bool methodMatches(QByteArrayView routeMethod, QByteArrayView requestMethod);

// One row of a forge's route table; Target is what the forge needs to answer it (a handler,
// the access it demands, its documentation URL ...).
template<typename Target>
struct Route
{
    QByteArrayView method;
    QStringView pattern;
    Target target;
};

template<typename Target>
struct RouteLookup
{
    const Route<Target> *route = nullptr;  // the first row matching path and method
    RouteCaptures captures;
    // When no row took the method but some matched the path: their methods (a 405's Allow).
    QByteArrayList allowedMethods;
};

// Walks the table in order; the first row whose pattern and method both match wins.
template<typename Target>
RouteLookup<Target> findRoute(std::span<const Route<Target>> table, QByteArrayView method,
                              const QStringList &segments)
{
    RouteLookup<Target> lookup;
    for (const Route<Target> &row : table) {
        std::optional<RouteCaptures> captures = matchRoute(row.pattern, segments);
        if (!captures)
            continue;
        if (methodMatches(row.method, method)) {
            lookup.route = &row;
            lookup.captures = std::move(*captures);
            lookup.allowedMethods.clear();
            return lookup;
        }
        const QByteArray allowed = row.method.toByteArray();
        if (!lookup.allowedMethods.contains(allowed))
            lookup.allowedMethods.append(allowed);
    }
    return lookup;
}

}  // namespace rc::sandbox
