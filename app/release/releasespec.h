// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QMetaType>
#include <QString>

namespace rc::release {

// Everything the recipes repo's workflow needs for one release (SPEC §2), as plain strings,
// exactly as they will be sent.
struct ReleaseSpec
{
    QString recipe;
    QString commitSha;
    QString url;
    QString sha256;
    QString version;
    QString build;
    QString channel;
    QString label;
    QString patch;
    // Sent as one more input when a profile's workflow takes a dispatch id (see DispatchTarget).
    QString dispatchIdInput;
    QString dispatchId;

    friend bool operator==(const ReleaseSpec &, const ReleaseSpec &) = default;
};

// The fields of a ReleaseSpec, to attach a problem to the field it is about.
enum class ReleaseField {
    Recipe,
    CommitSha,
    Url,
    Sha256,
    Version,
    Build,
    Channel,
    Label,
    Patch,
};

// The name of a field as the user sees it in the form and the CLI (e.g. "sha256", "version").
// Identifiers, not translated: recipe, commit, url, sha256, version, build, channel, label, patch.
QString fieldName(ReleaseField field);

// `conda install <recipe>=<version>=*_<build> -c <channel>/label/<label> -c conda-forge`
QString installLine(const ReleaseSpec &spec);

}  // namespace rc::release

Q_DECLARE_METATYPE(rc::release::ReleaseSpec)
