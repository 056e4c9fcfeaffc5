// SPDX-License-Identifier: BSD-3-Clause
#include "flow/runname.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace rc::flow {

std::optional<QString> expectedRunTitle(const QString &runName, const QByteArray &body)
{
    if (runName.isEmpty())
        return std::nullopt;
    const QJsonObject document = QJsonDocument::fromJson(body).object();
    // A workflow dispatch fills `inputs`; a repository dispatch only `client_payload` (its run's
    // `inputs` are empty on GitHub).
    const bool workflowDispatch = document.contains(u"inputs"_s);
    const QJsonObject values = workflowDispatch ? document.value(u"inputs"_s).toObject()
                                                : document.value(u"client_payload"_s).toObject();
    static const QRegularExpression expression(u"\\$\\{\\{(.*?)\\}\\}"_s);
    static const QRegularExpression inputReference(
        u"^\\s*(?:inputs|github\\.event\\.inputs)\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*$"_s);
    static const QRegularExpression payloadReference(
        u"^\\s*github\\.event\\.client_payload\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*$"_s);
    const QRegularExpression &valueReference = workflowDispatch ? inputReference : payloadReference;
    QString title;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = expression.globalMatch(runName);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QRegularExpressionMatch reference = valueReference.match(match.captured(1));
        if (!reference.hasMatch())
            return std::nullopt;
        const QJsonValue value = values.value(reference.captured(1));
        if (!value.isString())
            return std::nullopt;
        title += QStringView(runName).sliced(last, match.capturedStart() - last);
        title += value.toString();
        last = match.capturedEnd();
    }
    title += QStringView(runName).sliced(last);
    return title.trimmed();
}

}  // namespace rc::flow
