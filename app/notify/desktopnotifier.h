// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace rc::notify {

// One desktop notification about a release whose run has its outcome (SPEC F9).
struct ReleaseNotification
{
    QString title;  // e.g. "veloxchem 1.0rc5 build 2: 5 of 6 platforms succeeded"
    QString body;   // one line per platform: "✔ Linux · Python 3.12 · mpich", "✘ Windows · …"
    bool success = false;  // normal urgency when true, critical (and kept on screen) when false
    QUrl openUrl;          // what "Open" opens (the run); no "Open" action when empty
    // Notifications with the same key replace each other on screen (a re-run of the same
    // release); empty: never replaces.
    QString replaceKey;
};

// The freedesktop Notifications service (org.freedesktop.Notifications) over D-Bus. Where there
// is none (no session bus, no server, or a build without Qt D-Bus) it says so and notify() only
// logs one line on the "rc.notify" category; the window can then fall back to its tray icon.
// Everything it sends is asynchronous: the only blocking calls go to the bus daemon itself.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    // Uses the session bus.
    explicit DesktopNotifier(QObject *parent = nullptr);
    // Uses the D-Bus connection registered under `busConnectionName`
    // (QDBusConnection::connectToBus(address, name)); tests pass a private bus.
    explicit DesktopNotifier(const QString &busConnectionName, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // A notification server is on the bus (running, or activatable by the bus).
    bool isAvailable() const;
    // Why isAvailable() is false, one human sentence; empty when it is available.
    QString unavailableReason() const;

    // Sends it (asynchronously). Returns false, and logs one line, when no server exists.
    bool notify(const ReleaseNotification &notification);

signals:
    // The user clicked "Open" (or the notification itself) on one of our notifications.
    void openRequested(const QUrl &url);

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void ensureServerSignalsConnected();
    void requestCapabilities();
    void sendNext();
    void onNotifyAnswered(const ReleaseNotification &notification, std::optional<uint> serverId,
                          const QString &error);

    QString m_busConnectionName;  // empty: the session bus
    bool m_serverSignalsConnected = false;
    bool m_capabilitiesRequested = false;
    std::optional<bool> m_serverParsesBodyMarkup;  // unknown until GetCapabilities answered
    bool m_notifyInFlight = false;
    QList<ReleaseNotification> m_waiting;  // sent one at a time so replace keys resolve in order
    QHash<uint, QUrl> m_openUrlByServerId;
    QHash<QString, uint> m_serverIdByReplaceKey;
};

}  // namespace rc::notify
