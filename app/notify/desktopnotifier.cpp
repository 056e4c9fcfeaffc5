// SPDX-License-Identifier: BSD-3-Clause
#include "notify/desktopnotifier.h"

#include <QLoggingCategory>

#if RC_NOTIFY_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#endif

using namespace Qt::StringLiterals;

namespace rc::notify {

namespace {

Q_LOGGING_CATEGORY(lcNotify, "rc.notify")

constexpr qsizetype kMaxTitleChars = 256;
constexpr qsizetype kMaxBodyLines = 40;
constexpr qsizetype kMaxBodyChars = 4000;
// Notifications waiting for the server; beyond it the oldest are dropped (each logged).
constexpr qsizetype kMaxWaiting = 32;

// Outside text goes on screen: no control characters but line breaks, and bounded.
QString boundedText(const QString &text, qsizetype maxLines, qsizetype maxChars)
{
    QString clean;
    clean.reserve(qMin(text.size(), maxChars));
    qsizetype lines = 1;
    for (const QChar c : text) {
        if (c == u'\n') {
            if (++lines > maxLines)
                break;
            clean.append(c);
        } else if (c == u'\t') {
            clean.append(u' ');
        } else if (!c.isNonCharacter() && c.category() != QChar::Other_Control) {
            clean.append(c);
        }
        if (clean.size() >= maxChars)
            break;
    }
    if (clean.size() < text.size() && clean.size() >= maxChars)
        clean = clean.left(maxChars - 1) + u'…';
    return clean.trimmed();
}

}  // namespace

#if RC_NOTIFY_HAVE_DBUS

namespace {

const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;
const QString kDesktopEntry = u"io.github.releaseconsole.ReleaseConsole"_s;

enum Urgency : uchar { NormalUrgency = 1, CriticalUrgency = 2 };

QDBusConnection busFor(const QString &connectionName)
{
    return connectionName.isEmpty() ? QDBusConnection::sessionBus()
                                    : QDBusConnection(connectionName);
}

}  // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QString(), parent)
{ }

DesktopNotifier::DesktopNotifier(const QString &busConnectionName, QObject *parent)
    : QObject(parent)
    , m_busConnectionName(busConnectionName)
{ }

DesktopNotifier::~DesktopNotifier() = default;

QString DesktopNotifier::unavailableReason() const
{
    const QDBusConnection bus = busFor(m_busConnectionName);
    if (!bus.isConnected()) {
        const QString detail = bus.lastError().message();
        return detail.isEmpty() ? tr("There is no D-Bus session bus.")
                                : tr("There is no D-Bus session bus (%1).").arg(detail);
    }
    QDBusConnectionInterface *daemon = bus.interface();
    if (!daemon)
        return tr("The D-Bus bus daemon does not answer.");
    if (daemon->isServiceRegistered(kService).value())
        return {};
    const QDBusReply<QStringList> activatable = daemon->activatableServiceNames();
    if (activatable.isValid() && activatable.value().contains(kService))
        return {};
    return tr("No desktop notification server (%1) is on the D-Bus session bus.").arg(kService);
}

bool DesktopNotifier::isAvailable() const
{
    return unavailableReason().isEmpty();
}

bool DesktopNotifier::notify(const ReleaseNotification &notification)
{
    const QString reason = unavailableReason();
    if (!reason.isEmpty()) {
        qCWarning(lcNotify).noquote()
            << "desktop notification not shown:" << reason
            << "Notification:" << boundedText(notification.title, 1, kMaxTitleChars);
        return false;
    }
    ensureServerSignalsConnected();
    if (m_waiting.size() >= kMaxWaiting) {
        qCWarning(lcNotify).noquote()
            << "desktop notification dropped, the server is not answering:"
            << m_waiting.constFirst().title;
        m_waiting.removeFirst();
    }
    m_waiting.append(notification);
    if (!m_serverParsesBodyMarkup)
        requestCapabilities();
    else
        sendNext();
    return true;
}

void DesktopNotifier::ensureServerSignalsConnected()
{
    if (m_serverSignalsConnected)
        return;
    QDBusConnection bus = busFor(m_busConnectionName);
    const bool actions = bus.connect(kService, kPath, kInterface, u"ActionInvoked"_s, this,
                                     SLOT(onActionInvoked(uint, QString)));
    const bool closed = bus.connect(kService, kPath, kInterface, u"NotificationClosed"_s, this,
                                    SLOT(onNotificationClosed(uint, uint)));
    m_serverSignalsConnected = actions && closed;
    if (!m_serverSignalsConnected)
        qCWarning(lcNotify) << "cannot listen to the notification server's signals:"
                            << bus.lastError().message();
}

// Whether the body is markup decides whether "&" and "<" must be escaped; asked once, without
// blocking (the server may be slow to start when the bus activates it).
void DesktopNotifier::requestCapabilities()
{
    if (m_capabilitiesRequested)
        return;
    m_capabilitiesRequested = true;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(busFor(m_busConnectionName).asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<QStringList> reply = *finished;
                m_serverParsesBodyMarkup =
                    !reply.isError() && reply.value().contains(u"body-markup"_s);
                m_capabilitiesRequested = false;
                sendNext();
            });
}

void DesktopNotifier::sendNext()
{
    if (m_notifyInFlight || m_waiting.isEmpty())
        return;
    const ReleaseNotification notification = m_waiting.takeFirst();

    QString body = boundedText(notification.body, kMaxBodyLines, kMaxBodyChars);
    if (m_serverParsesBodyMarkup.value_or(false))
        body = body.toHtmlEscaped();
    QStringList actions;
    if (notification.openUrl.isValid())
        actions << u"default"_s << tr("Open") << u"open"_s << tr("Open");
    const QVariantMap hints {
        {u"urgency"_s,
         QVariant::fromValue(uchar(notification.success ? NormalUrgency : CriticalUrgency))},
        {u"desktop-entry"_s, kDesktopEntry},
    };
    // A failure stays until dismissed; a success goes after the server's usual time.
    const int expireTimeoutMs = notification.success ? -1 : 0;
    const uint replacesId = notification.replaceKey.isEmpty()
        ? 0u
        : m_serverIdByReplaceKey.value(notification.replaceKey, 0u);

    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    call << u"Release Console"_s << replacesId
         << (notification.success ? u"dialog-information"_s : u"dialog-error"_s)
         << boundedText(notification.title, 1, kMaxTitleChars) << body << actions << hints
         << expireTimeoutMs;

    m_notifyInFlight = true;
    auto *watcher = new QDBusPendingCallWatcher(busFor(m_busConnectionName).asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notification](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError())
                    onNotifyAnswered(notification, std::nullopt, reply.error().message());
                else
                    onNotifyAnswered(notification, reply.value(), {});
            });
}

void DesktopNotifier::onNotifyAnswered(const ReleaseNotification &notification,
                                       std::optional<uint> serverId, const QString &error)
{
    m_notifyInFlight = false;
    if (serverId) {
        if (notification.openUrl.isValid())
            m_openUrlByServerId.insert(*serverId, notification.openUrl);
        if (!notification.replaceKey.isEmpty())
            m_serverIdByReplaceKey.insert(notification.replaceKey, *serverId);
    } else {
        qCWarning(lcNotify).noquote() << "desktop notification refused by the server:" << error
                                      << "Notification:" << notification.title;
    }
    sendNext();
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    // The signal is broadcast by some servers: ids that are not ours belong to other applications.
    const auto it = m_openUrlByServerId.constFind(id);
    if (it == m_openUrlByServerId.cend())
        return;
    if (actionKey == u"default"_s || actionKey == u"open"_s)
        emit openRequested(it.value());
}

void DesktopNotifier::onNotificationClosed(uint id, uint /*reason*/)
{
    m_openUrlByServerId.remove(id);
    m_serverIdByReplaceKey.removeIf([id](const auto &entry) { return entry.value() == id; });
}

#else  // no Qt D-Bus: macOS, Windows

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QString(), parent)
{ }

DesktopNotifier::DesktopNotifier(const QString &busConnectionName, QObject *parent)
    : QObject(parent)
    , m_busConnectionName(busConnectionName)
{ }

DesktopNotifier::~DesktopNotifier() = default;

QString DesktopNotifier::unavailableReason() const
{
    return tr("This build has no D-Bus support for desktop notifications.");
}

bool DesktopNotifier::isAvailable() const
{
    return false;
}

bool DesktopNotifier::notify(const ReleaseNotification &notification)
{
    qCWarning(lcNotify).noquote() << "desktop notification not shown:" << unavailableReason()
                                  << "Notification:"
                                  << boundedText(notification.title, 1, kMaxTitleChars);
    return false;
}

void DesktopNotifier::onActionInvoked(uint, const QString &) { }
void DesktopNotifier::onNotificationClosed(uint, uint) { }
void DesktopNotifier::ensureServerSignalsConnected() { }
void DesktopNotifier::requestCapabilities() { }
void DesktopNotifier::sendNext() { }
void DesktopNotifier::onNotifyAnswered(const ReleaseNotification &, std::optional<uint>,
                                       const QString &)
{ }

#endif

}  // namespace rc::notify
