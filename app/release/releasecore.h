// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/patchencoding.h"
#include "release/patchlint.h"
#include "release/payload.h"
#include "release/releasespec.h"
#include "release/validation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace rc::release {

// What the maintainer chose: typed in the form or given as options.
struct ReleaseChoices
{
    QString recipe;
    QString commitSha;
    QString version;
    QString build;
    QString channel;
    QString label;
    QString author;  // recorded in __deployed__
};

// What was fetched or computed for those choices.
struct ReleaseFacts
{
    QString url;     // the tarball the runner downloads
    QString sha256;  // of exactly those bytes
    QString initPath = QStringLiteral("src/pymodule/__init__.py");
    std::optional<QByteArray> initFile;    // __init__.py at the commit; the patch is generated
    std::optional<QString> preparedPatch;  // a patch made elsewhere, used instead
    QString timestamp;                     // of __deployed__, ISO 8601 UTC
};

// Where and how the release is sent.
struct DispatchTarget
{
    DispatchKind kind = DispatchKind::Workflow;
    QString ref = QStringLiteral("main");               // workflow dispatch
    QString eventType = QStringLiteral("conda-build");  // repository dispatch
    PatchEncoding encoding = PatchEncoding::Printf;
    // A workflow input that carries `dispatchId` (the run is then found by it); empty: none.
    QString dispatchIdInput;
    QString dispatchId;
};

// A fresh id for one dispatch, e.g. "rc-7f3a9c2e": short, unique enough to tell runs apart.
QString newDispatchId();

// Everything a front end shows and sends, computed in one place. `payload.json` holds the exact
// bytes to POST; the preview, the size check, the ledger and the forge all use those bytes.
struct PreparedRelease
{
    ReleaseSpec spec;          // spec.patch: the patch as the runner must write it (decoded)
    QString patchUnavailable;  // why there is no patch yet (then spec.patch is empty)
    QString sentPatch;         // the `patch` input as sent (encoded for the target)
    PatchEncoding encoding = PatchEncoding::Printf;
    QList<PatchLintNote> lint;
    QList<FieldProblem> problems;  // every field problem, the patch's included
    Payload payload;               // the body, with return_run_details for a workflow dispatch
    // The same workflow dispatch without return_run_details: the one resend allowed after a
    // server (older GitHub Enterprise) refused that field. Empty for a repository dispatch.
    QByteArray bodyWithoutRunDetails;

    int lintErrorCount() const;
    // Nothing blocks sending: no problem, no lint error, a patch, a payload within the limits.
    bool isReady() const;
    // Every reason it is not ready, one line each ("version: ..."), for the CLI and tooltips.
    QStringList blockingReasons() const;
};

// The one pipeline from choices and facts to the exact body: patch → lint → validate → payload.
// Pure: same inputs, same bytes. A version that does not validate is left out of the patch (the
// form shows why) rather than written into __init__.py.
PreparedRelease prepareRelease(const ReleaseChoices &choices, const ReleaseFacts &facts,
                               const DispatchTarget &target);

}  // namespace rc::release
