// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/keychainerror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::secrets::KeychainError)
};

}  // namespace

QString KeychainError::id() const
{
    switch (kind) {
    case KeychainErrorKind::NoDBusSession:
        return u"no-dbus-session"_s;
    case KeychainErrorKind::NoSecretService:
        return u"no-secret-service"_s;
    case KeychainErrorKind::Locked:
        return u"locked"_s;
    case KeychainErrorKind::AccessDenied:
        return u"access-denied"_s;
    case KeychainErrorKind::NotFound:
        return u"not-found"_s;
    case KeychainErrorKind::TimedOut:
        return u"timed-out"_s;
    case KeychainErrorKind::NoBackend:
        return u"no-backend"_s;
    case KeychainErrorKind::Failed:
        break;
    }
    return u"failed"_s;
}

QString KeychainError::message() const
{
    switch (kind) {
    case KeychainErrorKind::NoDBusSession:
        return Text::tr("There is no D-Bus session, so the keychain cannot be reached.");
    case KeychainErrorKind::NoSecretService:
        return Text::tr("No keychain (Secret Service) is running on this desktop session.");
    case KeychainErrorKind::Locked:
        return Text::tr(
            "The keyring is locked; stored tokens cannot be read or changed until it is unlocked.");
    case KeychainErrorKind::AccessDenied:
        return Text::tr("The keychain denied access to the token.");
    case KeychainErrorKind::NotFound:
        return Text::tr("No token is stored for this forge and host.");
    case KeychainErrorKind::TimedOut:
        return Text::tr("The keychain did not answer in time.");
    case KeychainErrorKind::NoBackend:
        return Text::tr("No keychain is available on this system.");
    case KeychainErrorKind::Failed:
        break;
    }
    return Text::tr("The keychain reported an error.");
}

QString KeychainError::nextStep() const
{
    switch (kind) {
    case KeychainErrorKind::NoDBusSession:
        return Text::tr("Log in to a desktop session (or start one with dbus-run-session), then "
                        "retry.");
    case KeychainErrorKind::NoSecretService:
        return Text::tr("Install and start a Secret Service provider such as gnome-keyring or "
                        "KeePassXC, then retry.");
    case KeychainErrorKind::Locked:
        return Text::tr("Unlock the keyring (e.g. in Seahorse or by logging in again), then retry. "
                        "Nothing was read, written or removed.");
    case KeychainErrorKind::AccessDenied:
        return Text::tr("Allow Release Console to use the keychain when asked, then retry.");
    case KeychainErrorKind::NotFound:
        return Text::tr("Add a token in the Tokens dialog or with 'release-console tokens set'.");
    case KeychainErrorKind::TimedOut:
        return Text::tr("Check that the keychain is not waiting for a password prompt, then retry. "
                        "Nothing was changed.");
    case KeychainErrorKind::NoBackend:
        return Text::tr("Tokens cannot be stored on this system.");
    case KeychainErrorKind::Failed:
        break;
    }
    return Text::tr("Retry; if it keeps failing, check the keychain application.");
}

QString KeychainError::describe() const
{
    QString text = message();
    if (!detail.isEmpty())
        text += u" ("_s + detail + u')';
    return text + u' ' + nextStep();
}

bool KeychainError::makesKeychainUnusable() const
{
    switch (kind) {
    case KeychainErrorKind::NoDBusSession:
    case KeychainErrorKind::NoSecretService:
    case KeychainErrorKind::NoBackend:
        return true;
    case KeychainErrorKind::Locked:
    case KeychainErrorKind::AccessDenied:
    case KeychainErrorKind::NotFound:
    case KeychainErrorKind::TimedOut:
    case KeychainErrorKind::Failed:
        break;
    }
    return false;
}

}  // namespace rc::secrets
