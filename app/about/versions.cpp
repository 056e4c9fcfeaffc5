// SPDX-License-Identifier: BSD-3-Clause
#include "about/versions.h"

#include "about/version.h"

#include <QtCrypto>

namespace rc {

LibraryVersions libraryVersions()
{
    return {
        versionString(),
        QString::fromLatin1(qVersion()),
        QStringLiteral(RC_QTKEYCHAIN_VERSION),
        QString::fromLatin1(qcaVersionStr()),
    };
}

}  // namespace rc
