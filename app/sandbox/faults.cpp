// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/faults.h"

using namespace Qt::StringLiterals;

namespace rc::sandbox {

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Delay:
        return u"delay"_s;
    case FaultKind::NoAnswer:
        return u"no-answer"_s;
    case FaultKind::Trickle:
        return u"trickle"_s;
    case FaultKind::TruncatedBody:
        return u"truncated-body"_s;
    case FaultKind::ServerError:
        return u"server-error"_s;
    case FaultKind::HtmlBody:
        return u"html-body"_s;
    case FaultKind::InvalidJson:
        return u"invalid-json"_s;
    case FaultKind::Unauthorized:
        return u"unauthorized"_s;
    case FaultKind::RateLimited403:
        return u"rate-limited-403"_s;
    case FaultKind::RateLimited429:
        return u"rate-limited-429"_s;
    case FaultKind::RedirectToOtherHost:
        return u"redirect-to-other-host"_s;
    case FaultKind::ConnectionReset:
        return u"connection-reset"_s;
    }
    return {};
}

Fault Fault::make(FaultKind kind, const QByteArray &method, const QString &pathPattern, int times)
{
    Fault fault;
    fault.kind = kind;
    fault.method = method;
    fault.pathPattern = pathPattern;
    fault.times = times;
    return fault;
}

int FaultTable::add(const Fault &fault)
{
    Rule rule;
    rule.id = m_nextId++;
    rule.fault = fault;
    rule.pattern = QRegularExpression(QRegularExpression::wildcardToRegularExpression(
        fault.pathPattern.isEmpty() ? u"*"_s : fault.pathPattern,
        QRegularExpression::NonPathWildcardConversion));
    rule.active = fault.times != 0;
    m_rules.append(rule);
    return rule.id;
}

void FaultTable::remove(int id)
{
    for (Rule &rule : m_rules) {
        if (rule.id == id)
            rule.active = false;
    }
}

void FaultTable::clear()
{
    for (Rule &rule : m_rules)
        rule.active = false;
}

std::optional<Fault> FaultTable::take(const QByteArray &method, const QByteArray &rawPath)
{
    const QString path = QString::fromUtf8(rawPath);
    for (Rule &rule : m_rules) {
        if (!rule.active)
            continue;
        if (!rule.fault.method.isEmpty() &&
            rule.fault.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (!rule.pattern.match(path).hasMatch())
            continue;
        ++rule.hits;
        if (rule.fault.times != Fault::kAlways && rule.hits >= rule.fault.times)
            rule.active = false;
        return rule.fault;
    }
    return std::nullopt;
}

int FaultTable::hits(int id) const
{
    for (const Rule &rule : m_rules) {
        if (rule.id == id)
            return rule.hits;
    }
    return 0;
}

}  // namespace rc::sandbox
