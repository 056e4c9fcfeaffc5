#include "about/versions.h"

#include <QtCrypto>

namespace rc {

LibraryVersions libraryVersions()
{
    return {
        QStringLiteral(RC_VERSION_STRING),
        QString::fromLatin1(qVersion()),
        QStringLiteral(RC_QTKEYCHAIN_VERSION),
        QString::fromLatin1(qcaVersionStr()),
    };
}

}  // namespace rc
