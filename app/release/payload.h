// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/releasespec.h"

#include <QByteArray>
#include <QString>

namespace rc::release {

enum class DispatchKind { Workflow, Repository };

// GitHub's documented limits for dispatch bodies.
inline constexpr int kMaxWorkflowInputs = 25;
inline constexpr int kMaxClientPayloadKeys = 10;
inline constexpr qsizetype kMaxPayloadCharacters = 65535;
inline constexpr qsizetype kMaxEventTypeLength = 100;

// measuredSize is the number of Unicode characters (code points) in the compact JSON of the
// `inputs` object (workflow_dispatch) or the `client_payload` object (repository_dispatch), as
// sent: braces, quotes, keys and escapes included (a line break in the patch counts 2: `\n`).
// `json` is filled even when `error` is set, so a preview can show what is too big; never send a
// payload that is not ok(). The fields are not validated here (see validation.h).
struct Payload
{
    QByteArray json;             // compact JSON body, UTF-8, ready to POST
    qsizetype measuredSize = 0;  // what is counted against kMaxPayloadCharacters (see above)
    qsizetype limit = kMaxPayloadCharacters;
    QString error;  // empty when the payload is within every limit

    bool ok() const { return error.isEmpty(); }
};

// {"ref": ref, "inputs": {recipe, url, sha256, version, build, channel, label, patch},
//  "return_run_details": true} — the last key only when returnRunDetails. A blank ref is an
// error. The commit is not an input.
Payload buildWorkflowDispatch(const ReleaseSpec &spec, const QString &ref,
                              bool returnRunDetails = true);

// {"event_type": eventType, "client_payload": {the same 8 fields}}. The event type must not be
// blank and is at most kMaxEventTypeLength characters (code points).
Payload buildRepositoryDispatch(const ReleaseSpec &spec, const QString &eventType);

// The same body pretty-printed for people (indent 2), for previews. Text that is not JSON is
// returned unchanged, so a preview never hides what would be sent.
QByteArray prettyJson(const QByteArray &compactJson);

}  // namespace rc::release
