// SPDX-License-Identifier: BSD-3-Clause
#include "forge/anacondaclient.h"

#include "forge/clientsupport_p.h"

namespace rc::forge {

AnacondaClient::AnacondaClient(Transport *transport, QUrl apiBase)
    : m_transport(transport)
    , m_base(std::move(apiBase))
{ }

ForgeReply *AnacondaClient::files(const QString &channel, const QString &package, QObject *context,
                                  Callback<AnacondaPackageFiles> done) const
{
    ForgeReply *reply = m_transport->send(anacondaFilesRequest(m_base, channel, package));
    QObject::connect(reply, &ForgeReply::finished, context, [reply, done = std::move(done)] {
        const ForgeResponse &r = reply->response();
        if (r.error.kind == ForgeError::Kind::NotFound) {
            AnacondaPackageFiles none;
            none.packageExists = false;
            done(ForgeResult<AnacondaPackageFiles>::success(none));
            return;
        }
        done(detail::parseResponse<AnacondaPackageFiles>(r, parseAnacondaFiles));
    });
    detail::tieToContext(reply, context);
    return reply;
}

}  // namespace rc::forge
