// SPDX-License-Identifier: BSD-3-Clause
#include "fuzz_check.h"
#include "release/patchgenerator.h"
#include "release/patchlint.h"
#include "release/payload.h"

#include <QByteArray>

#include <cstdint>

using namespace Qt::StringLiterals;

// Any file content either yields a well-formed diff or a reason; lint and payload never fail
// on what the generator produced.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rc::release::PatchRequest request;
    request.original = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    request.version = u"1.0rc4"_s;
    request.build = u"3"_s;
    request.commitSha = u"8f14e45fceea167a5a36dedd4bea2543f1c7a5d0"_s;
    request.author = u"Ada"_s;
    request.timestamp = u"2026-11-25T08:00:00Z"_s;

    const rc::release::PatchResult patch = rc::release::generatePatch(request);
    RC_FUZZ_CHECK(patch.ok() != patch.diff.isEmpty());
    if (!patch.ok())
        return 0;
    RC_FUZZ_CHECK(patch.diff.startsWith(
        u"diff --git a/src/pymodule/__init__.py b/src/pymodule/__init__.py\n"_s));
    RC_FUZZ_CHECK(patch.diff.contains(u"+__deployed__ = {"_s));
    RC_FUZZ_CHECK(patch.diff.endsWith(u'\n'));

    const QList<rc::release::PatchLintNote> notes =
        rc::release::lintPatch(patch.diff, rc::release::PatchEncoding::Printf);
    for (const rc::release::PatchLintNote &note : notes)
        RC_FUZZ_CHECK(!note.message.isEmpty());

    rc::release::ReleaseSpec spec;
    spec.patch = patch.diff;
    const rc::release::Payload payload = rc::release::buildWorkflowDispatch(spec, u"main"_s);
    RC_FUZZ_CHECK(!payload.json.isEmpty());
    RC_FUZZ_CHECK(payload.ok() == (payload.measuredSize <= payload.limit));
    return 0;
}
