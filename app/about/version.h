// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QString>

namespace rc {

// The project's version, from CMake's project(VERSION), compiled in one generated file.
QString versionString();
// "ReleaseConsole/<version>", the User-Agent of every request.
QByteArray userAgent();

}  // namespace rc
