// SPDX-License-Identifier: BSD-3-Clause
// anaconda.org's files of a package: versions, builds, labels, next build number.
#include "forge/anaconda.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"

using namespace rc::forge;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ForgeResponse response = rc::fuzz::jsonResponse(rc::fuzz::bytesOf(data, size));
    const ForgeResult<AnacondaPackageFiles> files = parseAnacondaFiles(response);
    if (!files.ok()) {
        RC_FUZZ_CHECK(files.error.kind == ForgeError::Kind::BadResponse);
        return 0;
    }
    const AnacondaPackageFiles &package = files.value;
    for (const AnacondaFile &file : package.files)
        RC_FUZZ_CHECK(!file.version.isEmpty());

    const QStringList labels = package.labels();
    for (qsizetype i = 1; i < labels.size(); ++i)
        RC_FUZZ_CHECK(labels[i - 1] < labels[i]);  // sorted, distinct

    for (const QString &version : package.versions()) {
        const QList<qint64> builds = package.builds(version);
        const qint64 next = package.nextBuildNumber(version);
        // The next build number is free: above every published build, never negative.
        RC_FUZZ_CHECK(next >= 0);
        for (qsizetype i = 0; i < builds.size(); ++i) {
            RC_FUZZ_CHECK(builds[i] >= 0 && builds[i] < next);
            if (i > 0)
                RC_FUZZ_CHECK(builds[i - 1] < builds[i]);
        }
        for (const QString &label : labels)
            RC_FUZZ_CHECK(!package.isPublished(version, next, label));
    }
    return 0;
}
