// SPDX-License-Identifier: BSD-3-Clause
// An artifact zip (libarchive): summary.json of a build_summary-* artifact.
#include "forge/github.h"
#include "forge/zipreader.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

using namespace rc::forge;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray zip = rc::fuzz::bytesOf(data, size).toByteArray();
    constexpr qint64 kLimit = 4096;

    const ZipEntryResult entry = readZipEntry(zip, u"summary.json"_s, kLimit);
    // Data or a reason, never both; never more than the limit.
    RC_FUZZ_CHECK(entry.data.has_value() != !entry.error.isEmpty());
    if (entry.data)
        RC_FUZZ_CHECK(entry.data->size() <= kLimit);

    (void)zipEntryNames(zip);

    const ForgeResult<BuildSummary> summary =
        parseBuildSummaryZip(zip, u"build_summary-linux-64_3.12_mpich"_s);
    if (summary.ok())
        RC_FUZZ_CHECK(summary.value.artifactName == u"build_summary-linux-64_3.12_mpich" &&
                      !summary.value.outcome.isEmpty());
    else
        RC_FUZZ_CHECK(summary.error.kind == ForgeError::Kind::BadResponse &&
                      !summary.error.message.isEmpty());
    return 0;
}
