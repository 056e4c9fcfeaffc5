// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

namespace rc {

// Versions of the libraries this build runs with, for About boxes and --version.
struct LibraryVersions
{
    QString application;
    QString qt;          // at run time
    QString qtKeychain;  // at build time (QtKeychain has no run-time query)
    QString qca;         // at run time
};

LibraryVersions libraryVersions();

}  // namespace rc
