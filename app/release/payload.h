#pragma once

#include "release/releasespec.h"

#include <QByteArray>
#include <QString>

namespace rc {

enum class DispatchKind { Workflow, Repository };

// GitHub's documented limits for dispatch bodies.
inline constexpr int kMaxWorkflowInputs = 25;
inline constexpr int kMaxClientPayloadKeys = 10;
inline constexpr qsizetype kMaxPayloadCharacters = 65535;
inline constexpr qsizetype kMaxEventTypeLength = 100;

struct Payload
{
    QByteArray json;         // compact JSON body, UTF-8, ready to POST
    qsizetype measuredSize = 0;  // what is counted against kMaxPayloadCharacters (see payload.cpp)
    qsizetype limit = kMaxPayloadCharacters;
    QString error;           // empty when the payload is within every limit

    bool ok() const { return error.isEmpty(); }
};

// {"ref": ref, "inputs": {recipe, url, sha256, version, build, channel, label, patch},
//  "return_run_details": true} — the last key only when returnRunDetails.
Payload buildWorkflowDispatch(const ReleaseSpec &spec, const QString &ref, bool returnRunDetails = true);

// {"event_type": eventType, "client_payload": {the same 8 fields}}.
Payload buildRepositoryDispatch(const ReleaseSpec &spec, const QString &eventType);

// The same body pretty-printed for people (indent 2), for previews.
QByteArray prettyJson(const QByteArray &compactJson);

} // namespace rc
