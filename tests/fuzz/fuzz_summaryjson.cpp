// SPDX-License-Identifier: BSD-3-Clause
// The summary.json of a build_summary-* artifact, as the monitor reads it: the whole input is the
// file, zipped the way GitHub serves artifacts, read by parseBuildSummaryZip, and its outcome
// turned into the row status the monitor shows. (forge_zip fuzzes the zip itself.)
#include "forge/github.h"
#include "fuzz_check.h"
#include "fuzz_forge_support.h"
#include "sandbox/archives.h"
#include "watch/platforms.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;
using namespace rc::forge;

namespace {

// What the monitor keeps of an outcome (RunWatcher::onSummary): a name, not a story.
constexpr qsizetype kShownOutcomeChars = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Larger files are refused unread (readZipEntry's default limit, 4 MiB): not this target's.
    if (size > 4 * 1024 * 1024)
        return 0;
    const QByteArray file = rc::fuzz::bytesOf(data, size).toByteArray();
    const QByteArray zip = rc::sandbox::makeZip(
        {{u"build_summary-ubuntu-latest_3.12_mpich/summary.json"_s, file}}, rc::fuzz::fuzzNow());
    RC_FUZZ_CHECK(!zip.isEmpty());
    const QString artifactName = u"build_summary-ubuntu-latest_3.12_mpich"_s;
    const ForgeResult<BuildSummary> summary = parseBuildSummaryZip(zip, artifactName);

    // The reader agrees with the plain JSON reading: an object with a non-empty "outcome" text.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file, &parseError);
    const bool readable = parseError.error == QJsonParseError::NoError && document.isObject();
    const QString outcome = readable ? document.object().value(u"outcome").toString() : QString();
    RC_FUZZ_CHECK(summary.ok() == !outcome.isEmpty());
    if (!summary.ok()) {
        RC_FUZZ_CHECK(summary.error.kind == ForgeError::Kind::BadResponse);
        RC_FUZZ_CHECK(summary.error.message.contains(artifactName));
        return 0;
    }
    RC_FUZZ_CHECK(summary.value.artifactName == artifactName);
    RC_FUZZ_CHECK(summary.value.outcome == outcome);
    RC_FUZZ_CHECK(summary.value.json == document.object());

    // Only an outcome that says exactly "success" lets a job GitHub calls a success stay green;
    // anything else the file says makes the row a failure, whatever the job's state.
    using rc::watch::PlatformStatus;
    const std::optional<QString> shown = summary.value.outcome.left(kShownOutcomeChars);
    const bool success = *shown == u"success"_s;
    RC_FUZZ_CHECK(rc::watch::statusOf(u"completed"_s, u"success"_s, shown) ==
                  (success ? PlatformStatus::Success : PlatformStatus::Failure));
    RC_FUZZ_CHECK(rc::watch::statusOf(u"completed"_s, u"failure"_s, shown) ==
                  PlatformStatus::Failure);
    if (!success)
        RC_FUZZ_CHECK(rc::watch::statusOf(u"in_progress"_s, QString(), shown) ==
                      PlatformStatus::Failure);
    return 0;
}
