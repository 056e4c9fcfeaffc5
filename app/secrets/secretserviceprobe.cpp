// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/secretserviceprobe.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QMap>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

const auto kSecretsName = u"org.freedesktop.secrets"_s;
const auto kSecretsPath = u"/org/freedesktop/secrets"_s;
const auto kServiceInterface = u"org.freedesktop.Secret.Service"_s;
const auto kCollectionInterface = u"org.freedesktop.Secret.Collection"_s;
const auto kItemInterface = u"org.freedesktop.Secret.Item"_s;
const auto kPropertiesInterface = u"org.freedesktop.DBus.Properties"_s;
const auto kBusName = u"org.freedesktop.DBus"_s;
const auto kBusPath = u"/org/freedesktop/DBus"_s;

using StringMap = QMap<QString, QString>;

QDBusMessage busCall(const QString &method)
{
    return QDBusMessage::createMethodCall(kBusName, kBusPath, kBusName, method);
}

QDBusMessage propertyGet(const QString &path, const QString &interface, const QString &property)
{
    QDBusMessage message =
        QDBusMessage::createMethodCall(kSecretsName, path, kPropertiesInterface, u"Get"_s);
    message << interface << property;
    return message;
}

// Turns a D-Bus error reply into the keychain state it reveals.
KeychainError errorFromReply(const QDBusMessage &reply)
{
    const QDBusError error(reply);
    const QString detail = error.name() + u": "_s + error.message();
    switch (error.type()) {
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return {KeychainErrorKind::TimedOut, detail};
    case QDBusError::ServiceUnknown:
        return {KeychainErrorKind::NoSecretService, detail};
    case QDBusError::Disconnected:
    case QDBusError::NoServer:
        return {KeychainErrorKind::NoDBusSession, detail};
    case QDBusError::AccessDenied:
        return {KeychainErrorKind::AccessDenied, detail};
    default:
        break;
    }
    if (error.name() == "org.freedesktop.DBus.Error.Spawn.ChildExited"_L1 ||
        error.name().startsWith("org.freedesktop.DBus.Error.Spawn"_L1)) {
        return {KeychainErrorKind::NoSecretService, detail};
    }
    if (error.name() == "org.freedesktop.Secret.Error.IsLocked"_L1)
        return {KeychainErrorKind::Locked, detail};
    return {KeychainErrorKind::Failed, detail};
}

QVariant unwrapVariant(const QVariant &value)
{
    if (value.canConvert<QDBusVariant>())
        return value.value<QDBusVariant>().variant();
    return value;
}

QStringList objectPaths(const QVariant &value)
{
    QStringList paths;
    if (value.canConvert<QDBusArgument>()) {
        const auto argument = value.value<QDBusArgument>();
        const QList<QDBusObjectPath> list = qdbus_cast<QList<QDBusObjectPath>>(argument);
        for (const QDBusObjectPath &path : list)
            paths << path.path();
    } else {
        for (const QDBusObjectPath &path : value.value<QList<QDBusObjectPath>>())
            paths << path.path();
    }
    return paths;
}

}  // namespace

struct SecretServiceProbe::Inspection
{
    QString service;
    Done done;
    KeychainProbeResult result;
    std::optional<KeychainError> lockedCollection;
    bool finished = false;
};

SecretServiceProbe::SecretServiceProbe(QDBusConnection bus, std::chrono::milliseconds callTimeout,
                                       bool secretServiceIsQtKeychainBackend, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_callTimeoutMs(int(callTimeout.count()))
    , m_secretServiceIsQtKeychainBackend(secretServiceIsQtKeychainBackend)
{
    qDBusRegisterMetaType<StringMap>();
}

SecretServiceProbe::~SecretServiceProbe() = default;

QDBusConnection SecretServiceProbe::sessionBus()
{
    return QDBusConnection::sessionBus();
}

bool SecretServiceProbe::qtKeychainUsesSecretService()
{
    const QString desktop = qEnvironmentVariable("XDG_CURRENT_DESKTOP");
    const QString session = qEnvironmentVariable("DESKTOP_SESSION");
    const bool kde = desktop == "KDE"_L1 || session.startsWith("kde"_L1) ||
        qEnvironmentVariableIsSet("KDE_FULL_SESSION");
    return !kde;
}

void SecretServiceProbe::inspect(const QString &service, Done done)
{
    auto inspection = std::make_shared<Inspection>();
    inspection->service = service;
    inspection->done = std::move(done);
    if (!m_bus.isConnected()) {
        // Answer from the event loop like every other path, so callers see one behaviour.
        QTimer::singleShot(0, this, [this, inspection] {
            fail(inspection, {KeychainErrorKind::NoDBusSession, m_bus.lastError().message()});
        });
        return;
    }
    QDBusMessage hasOwner = busCall(u"NameHasOwner"_s);
    hasOwner << kSecretsName;
    call(hasOwner, [this, inspection](const QDBusMessage &reply) {
        if (reply.type() != QDBusMessage::ReplyMessage) {
            fail(inspection, errorFromReply(reply));
            return;
        }
        if (reply.arguments().value(0).toBool())
            readDefaultCollection(inspection);
        else
            checkActivatable(inspection);
    });
}

void SecretServiceProbe::call(const QDBusMessage &message, ReplyHandler onReply)
{
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, m_callTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [watcher, onReply = std::move(onReply)] {
                watcher->deleteLater();
                onReply(watcher->reply());
            });
}

void SecretServiceProbe::checkActivatable(const std::shared_ptr<Inspection> &inspection)
{
    // Not running is fine when the bus can start a provider on the first call (that is how
    // gnome-keyring usually starts); nothing to start means there is no keychain at all.
    call(busCall(u"ListActivatableNames"_s), [this, inspection](const QDBusMessage &reply) {
        if (reply.type() != QDBusMessage::ReplyMessage) {
            fail(inspection, errorFromReply(reply));
            return;
        }
        if (reply.arguments().value(0).toStringList().contains(kSecretsName))
            readDefaultCollection(inspection);
        else
            fail(inspection,
                 {KeychainErrorKind::NoSecretService,
                  tr("nothing owns or can start %1 on the session bus").arg(kSecretsName)});
    });
}

void SecretServiceProbe::readDefaultCollection(const std::shared_ptr<Inspection> &inspection)
{
    if (!m_secretServiceIsQtKeychainBackend) {
        finish(inspection);  // QtKeychain talks to KWallet here; only it can tell
        return;
    }
    QDBusMessage readAlias = QDBusMessage::createMethodCall(kSecretsName, kSecretsPath,
                                                            kServiceInterface, u"ReadAlias"_s);
    readAlias << u"default"_s;
    call(readAlias, [this, inspection](const QDBusMessage &reply) {
        if (reply.type() != QDBusMessage::ReplyMessage) {
            fail(inspection, errorFromReply(reply));
            return;
        }
        const QString collection = reply.arguments().value(0).value<QDBusObjectPath>().path();
        if (collection.isEmpty() || collection == "/"_L1) {
            fail(inspection,
                 {KeychainErrorKind::Failed,
                  tr("the Secret Service has no default keyring; create one in your "
                     "keyring application")});
            return;
        }
        readLockedProperty(inspection, collection);
    });
}

void SecretServiceProbe::readLockedProperty(const std::shared_ptr<Inspection> &inspection,
                                            const QString &collection)
{
    call(propertyGet(collection, kCollectionInterface, u"Locked"_s),
         [this, inspection, collection](const QDBusMessage &reply) {
             if (reply.type() != QDBusMessage::ReplyMessage) {
                 fail(inspection, errorFromReply(reply));
                 return;
             }
             if (unwrapVariant(reply.arguments().value(0)).toBool()) {
                 // Keep looking: a locked keyring still says which entries exist, so "absent"
                 // is never concluded from it.
                 inspection->lockedCollection = KeychainError {
                     KeychainErrorKind::Locked, tr("collection %1 is locked").arg(collection)};
             }
             searchItems(inspection);
         });
}

void SecretServiceProbe::searchItems(const std::shared_ptr<Inspection> &inspection)
{
    QDBusMessage search = QDBusMessage::createMethodCall(kSecretsName, kSecretsPath,
                                                         kServiceInterface, u"SearchItems"_s);
    search << QVariant::fromValue(StringMap {{u"server"_s, inspection->service}});
    call(search, [this, inspection](const QDBusMessage &reply) {
        if (reply.type() != QDBusMessage::ReplyMessage) {
            fail(inspection, errorFromReply(reply));
            return;
        }
        const QStringList unlocked = objectPaths(reply.arguments().value(0));
        inspection->result.lockedEntryCount = int(objectPaths(reply.arguments().value(1)).size());
        readItemAttributes(inspection, unlocked);
    });
}

void SecretServiceProbe::readItemAttributes(const std::shared_ptr<Inspection> &inspection,
                                            QStringList itemPaths)
{
    if (itemPaths.isEmpty()) {
        inspection->result.seesEntries = true;
        finish(inspection);
        return;
    }
    const QString path = itemPaths.takeFirst();
    call(propertyGet(path, kItemInterface, u"Attributes"_s),
         [this, inspection, itemPaths = std::move(itemPaths)](const QDBusMessage &reply) mutable {
             if (reply.type() != QDBusMessage::ReplyMessage) {
                 fail(inspection, errorFromReply(reply));
                 return;
             }
             const QVariant value = unwrapVariant(reply.arguments().value(0));
             const auto attributes = qdbus_cast<StringMap>(value.value<QDBusArgument>());
             const QString account = attributes.value(u"user"_s);
             if (!account.isEmpty() && !inspection->result.accounts.contains(account))
                 inspection->result.accounts << account;
             readItemAttributes(inspection, std::move(itemPaths));
         });
}

void SecretServiceProbe::finish(const std::shared_ptr<Inspection> &inspection)
{
    if (inspection->finished)
        return;
    inspection->finished = true;
    if (inspection->lockedCollection)
        inspection->result.problem = inspection->lockedCollection;
    inspection->result.accounts.sort();
    inspection->done(inspection->result);
}

void SecretServiceProbe::fail(const std::shared_ptr<Inspection> &inspection, KeychainError error)
{
    inspection->result = {};
    inspection->result.problem = std::move(error);
    inspection->lockedCollection.reset();
    finish(inspection);
}

}  // namespace rc::secrets
