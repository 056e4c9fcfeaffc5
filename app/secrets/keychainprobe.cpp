// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/keychainprobe.h"

#ifdef RC_HAVE_SECRET_SERVICE_PROBE
#include "secrets/secretserviceprobe.h"
#endif

#include <QTimer>

namespace rc::secrets {

#ifndef RC_HAVE_SECRET_SERVICE_PROBE
namespace {

// Platforms whose keychain QtKeychain reaches directly (macOS, Windows): nothing to look at
// beforehand, so every answer comes from QtKeychain itself.
class DirectKeychainProbe final : public KeychainProbe
{
public:
    void inspect(const QString &, Done done) override
    {
        QTimer::singleShot(0, &m_context,
                           [done = std::move(done)] { done(KeychainProbeResult {}); });
    }

private:
    QObject m_context;
};

}  // namespace
#endif

std::unique_ptr<KeychainProbe> createSystemKeychainProbe(std::chrono::milliseconds callTimeout)
{
#ifdef RC_HAVE_SECRET_SERVICE_PROBE
    return std::make_unique<SecretServiceProbe>(SecretServiceProbe::sessionBus(), callTimeout);
#else
    Q_UNUSED(callTimeout)
    return std::make_unique<DirectKeychainProbe>();
#endif
}

}  // namespace rc::secrets
