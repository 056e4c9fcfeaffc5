// SPDX-License-Identifier: BSD-3-Clause
#include "release/payload.h"

#include "release/messagetext_p.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>

using namespace Qt::StringLiterals;

namespace rc::release {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::Payload)
};

// The 8 string inputs of the recipes repo's workflow (SPEC §2); the commit is not one of them.
QJsonObject releaseFields(const ReleaseSpec &spec)
{
    QJsonObject fields {
        {u"recipe"_s, spec.recipe},   {u"url"_s, spec.url},     {u"sha256"_s, spec.sha256},
        {u"version"_s, spec.version}, {u"build"_s, spec.build}, {u"channel"_s, spec.channel},
        {u"label"_s, spec.label},     {u"patch"_s, spec.patch},
    };
    if (!spec.dispatchIdInput.isEmpty() && !fields.contains(spec.dispatchIdInput))
        fields.insert(spec.dispatchIdInput, spec.dispatchId);
    return fields;
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// GitHub states its limit in characters of the inputs (or client_payload). Counted here: the
// Unicode characters of that object's compact JSON as sent, so quotes, braces and escapes count
// (a line break in the patch is the two characters `\n`).
qsizetype measuredCharacters(const QJsonObject &fields)
{
    return detail::countCharacters(compactJson(fields));
}

QString workflowProblem(const QString &ref, const QJsonObject &inputs, qsizetype measured)
{
    if (ref.trimmed().isEmpty())
        return Text::tr("the ref to run the workflow on is empty");
    if (inputs.size() > kMaxWorkflowInputs)
        return Text::tr("there are %1 inputs; GitHub accepts at most %2")
            .arg(inputs.size())
            .arg(kMaxWorkflowInputs);
    if (measured > kMaxPayloadCharacters)
        return Text::tr("the inputs are %1 characters; GitHub accepts at most %2")
            .arg(detail::formatCount(measured), detail::formatCount(kMaxPayloadCharacters));
    return {};
}

QString repositoryProblem(const QString &eventType, const QJsonObject &clientPayload,
                          qsizetype measured)
{
    if (eventType.trimmed().isEmpty())
        return Text::tr("the event type is empty");
    const qsizetype eventTypeLength = detail::countCharacters(eventType.toUtf8());
    if (eventTypeLength > kMaxEventTypeLength)
        return Text::tr("the event type is %1 characters; GitHub accepts at most %2")
            .arg(eventTypeLength)
            .arg(kMaxEventTypeLength);
    if (clientPayload.size() > kMaxClientPayloadKeys)
        return Text::tr("the client_payload has %1 top-level keys; GitHub accepts at most %2")
            .arg(clientPayload.size())
            .arg(kMaxClientPayloadKeys);
    if (measured > kMaxPayloadCharacters)
        return Text::tr("the client_payload is %1 characters; GitHub accepts at most %2")
            .arg(detail::formatCount(measured), detail::formatCount(kMaxPayloadCharacters));
    return {};
}

// Qt indents by four. A JSON string cannot hold a raw line break, so the leading spaces of every
// line are indentation and halving them gives the same document indented by two.
QByteArray withHalvedIndentation(const QByteArray &text)
{
    QByteArray result;
    result.reserve(text.size());
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        qsizetype indentation = 0;
        while (indentation < line.size() && line.at(indentation) == ' ')
            ++indentation;
        result += QByteArray(indentation / 2, ' ') + line.sliced(indentation);
        if (i + 1 < lines.size())
            result += '\n';
    }
    return result;
}

}  // namespace

Payload buildWorkflowDispatch(const ReleaseSpec &spec, const QString &ref, bool returnRunDetails)
{
    const QJsonObject inputs = releaseFields(spec);
    QJsonObject body {{u"ref"_s, ref}, {u"inputs"_s, inputs}};
    if (returnRunDetails)
        body.insert(u"return_run_details"_s, true);
    Payload payload;
    payload.json = compactJson(body);
    payload.measuredSize = measuredCharacters(inputs);
    payload.error = workflowProblem(ref, inputs, payload.measuredSize);
    return payload;
}

Payload buildRepositoryDispatch(const ReleaseSpec &spec, const QString &eventType)
{
    const QJsonObject clientPayload = releaseFields(spec);
    const QJsonObject body {{u"event_type"_s, eventType}, {u"client_payload"_s, clientPayload}};
    Payload payload;
    payload.json = compactJson(body);
    payload.measuredSize = measuredCharacters(clientPayload);
    payload.error = repositoryProblem(eventType, clientPayload, payload.measuredSize);
    return payload;
}

QByteArray prettyJson(const QByteArray &compactJson)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(compactJson, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return compactJson;
    return withHalvedIndentation(document.toJson(QJsonDocument::Indented));
}

}  // namespace rc::release
