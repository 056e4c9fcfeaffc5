// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/anaconda.h"
#include "forge/transport.h"

#include <QObject>

namespace rc::forge {

// anaconda.org client (no token). A package missing on the channel (404) is not an error:
// the result says packageExists == false with no files.
class AnacondaClient
{
public:
    AnacondaClient(Transport *transport,
                   QUrl apiBase = QUrl(QStringLiteral("https://api.anaconda.org")));
    const QUrl &apiBase() const { return m_base; }

    ForgeReply *files(const QString &channel, const QString &package, QObject *context,
                      Callback<AnacondaPackageFiles> done) const;

private:
    Transport *m_transport;
    QUrl m_base;
};

}  // namespace rc::forge
