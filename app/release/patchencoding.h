// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace rc::release {

// How the recipes repo's workflow writes the `patch` input to a file on the runner (a profile
// setting, SPEC §2).
enum class PatchEncoding {
    // The seed's workflow: `printf '${{ inputs.patch }}' > patch.diff` in bash. Actions pastes the
    // input into the script as text, so the input must be a printf format, inside a single-quoted
    // shell word, that prints exactly the patch.
    Printf,
    // A workflow that takes the patch from an environment variable (like the recipes-repo kit's):
    // the input is the patch itself.
    Raw,
};

// "printf" or "raw": stable identifiers for settings, the CLI and JSON.
QString patchEncodingName(PatchEncoding encoding);
std::optional<PatchEncoding> patchEncodingFromName(QStringView name);

// The input value that makes the runner write exactly `patch`.
// Printf: '%' → "%%" and '\' → "\\" (printf's conversions and escapes), "'" → "'\''" (close the
// shell quote, an escaped quote, reopen it), and a leading '-' → "\055" (printf would take it for
// an option). Raw: unchanged.
QString encodePatch(const QString &patch, PatchEncoding encoding);

}  // namespace rc::release
