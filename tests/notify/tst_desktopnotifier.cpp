// SPDX-License-Identifier: BSD-3-Clause
// DesktopNotifier against a real notification server: dunst on an Xvfb display of the test's own,
// on a private dbus-daemon of the test's own (no service activation, so nothing on the machine
// is started behind the test's back). What arrived is read back from dunst itself (its displayed
// count, `dunstctl history`), and "Open" is clicked with `dunstctl action`. A stand-in server on
// the same bus covers what dunst cannot be made to do (the "open" key, ids of other
// applications, a server that parses markup). Nothing here touches the user's session bus.
#include "notify/desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using rc::notify::DesktopNotifier;
using rc::notify::ReleaseNotification;

namespace {

constexpr int kStartTimeoutMs = 10000;
const QString kBusConnection = u"rc-test-notify-bus"_s;
const QString kServerConnection = u"rc-test-notify-server"_s;
const QString kNotifications = u"org.freedesktop.Notifications"_s;
const QString kNotificationsPath = u"/org/freedesktop/Notifications"_s;

// A session bus with no <servicedir>: nothing can be activated, so a test sees exactly the
// servers it started.
QByteArray busConfig(const QString &socketDirectory)
{
    return "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
           " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
           "<busconfig><type>session</type><listen>unix:dir=" +
        socketDirectory.toUtf8() +
        "</listen>\n"
        "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
        "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n";
}

// The urgency dunst saw is not in its history; these rules write it into the formatted message.
constexpr char kDunstConfig[] = "[global]\n"
                                "    format = \"%s|%b\"\n"
                                "[mark_critical]\n"
                                "    msg_urgency = critical\n"
                                "    format = \"critical|%s|%b\"\n"
                                "[mark_normal]\n"
                                "    msg_urgency = normal\n"
                                "    format = \"normal|%s|%b\"\n";

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(kStartTimeoutMs)) {
        process.kill();
        process.waitForFinished(kStartTimeoutMs);
    }
}

// Starts `program` and returns the first line it prints (an address, a display number).
QString startAndReadLine(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    if (!process.waitForStarted(kStartTimeoutMs))
        return {};
    while (!process.canReadLine() && process.waitForReadyRead(kStartTimeoutMs)) { }
    return QString::fromUtf8(process.readLine()).trimmed();
}

QDBusConnection testBus()
{
    return QDBusConnection(kBusConnection);
}

bool nameIsOwned(const QString &name)
{
    return testBus().interface()->isServiceRegistered(name).value();
}

ReleaseNotification releaseNotification(bool success)
{
    ReleaseNotification notification;
    notification.success = success;
    notification.title = success ? u"veloxchem 1.0rc5 build 2: 6 of 6 platforms succeeded"_s
                                 : u"veloxchem 1.0rc5 build 2: 5 of 6 platforms succeeded"_s;
    notification.body = success ? u"✔ Linux · Python 3.12 · mpich\n✔ Windows · Python 3.12"_s
                                : u"✔ Linux · Python 3.12 · mpich\n✘ Windows · Python 3.12"_s;
    notification.openUrl = QUrl(u"https://github.com/VeloxChem/recipes/actions/runs/123456789"_s);
    return notification;
}

}  // namespace

// Stands in for a notification server where dunst cannot be steered: records what it receives
// and emits the server's signals on demand, from the connection that owns the service name.
class StandInServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Received
    {
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };

    QStringList capabilities {u"actions"_s, u"body"_s};
    QList<Received> received;
    uint nextId = 41;

    bool emitSignal(const QString &name, const QVariantList &arguments)
    {
        QDBusMessage signal = QDBusMessage::createSignal(kNotificationsPath, kNotifications, name);
        signal.setArguments(arguments);
        return QDBusConnection(kServerConnection).send(signal);
    }

public slots:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &appName, uint replacesId, const QString & /*appIcon*/,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        received.append({appName, replacesId, summary, body, actions, hints, expireTimeout});
        return replacesId ? replacesId : ++nextId;
    }
};

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void withoutServerNotifyFailsWithOneLogLine();
    void withoutBusNotifyFailsWithOneLogLine();
    void dunstShowsSummaryBodyUrgencyAndActions_data();
    void dunstShowsSummaryBodyUrgencyAndActions();
    void dunstOpenClickEmitsTheRunUrl();
    void dunstSameReleaseReplacesItsNotification();
    void openKeyCountsAndOtherApplicationsIdsDoNot();
    void markupServerGetsAnEscapedBoundedBody();

private:
    std::optional<QString> dunstctl(const QStringList &arguments);
    QList<QVariantMap> dunstHistory();
    uint dunstDisplayed();

    QTemporaryDir m_dir;
    QProcess m_busDaemon;
    QProcess m_xvfb;
    QProcess m_dunst;
    QString m_busAddress;
    QString m_display;
    QString m_dunstPath;
    QString m_dunstctlPath;
    std::unique_ptr<StandInServer> m_standIn;
};

void TestDesktopNotifier::initTestCase()
{
    // Missing tools fail the test: it would otherwise prove nothing.
    m_dunstPath = QStandardPaths::findExecutable(u"dunst"_s);
    m_dunstctlPath = QStandardPaths::findExecutable(u"dunstctl"_s);
    const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
    const QString dbusDaemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    QVERIFY2(!m_dunstPath.isEmpty(), "dunst is not installed (apt install dunst)");
    QVERIFY2(!m_dunstctlPath.isEmpty(), "dunstctl is not installed (apt install dunst)");
    QVERIFY2(!QStandardPaths::findExecutable(u"busctl"_s).isEmpty(),
             "busctl (used by `dunstctl history`) is not installed (apt install systemd)");
    QVERIFY2(!xvfb.isEmpty(), "Xvfb is not installed (apt install xvfb)");
    QVERIFY2(!dbusDaemon.isEmpty(), "dbus-daemon is not installed (apt install dbus-daemon)");
    QVERIFY(m_dir.isValid());

    const QString configPath = m_dir.filePath(u"bus.conf"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(busConfig(m_dir.path()));
    config.close();
    m_busAddress = startAndReadLine(m_busDaemon, dbusDaemon,
                                    {u"--config-file="_s + configPath, u"--nofork"_s,
                                     u"--print-address=1"_s, u"--nopidfile"_s});
    QVERIFY2(!m_busAddress.isEmpty(),
             qPrintable(u"dbus-daemon printed no address: "_s +
                        QString::fromUtf8(m_busDaemon.readAllStandardError())));
    QVERIFY2(QDBusConnection::connectToBus(m_busAddress, kBusConnection).isConnected(),
             qPrintable(testBus().lastError().message()));

    // -displayfd: Xvfb picks a free display itself and prints its number once it accepts clients.
    const QString displayNumber = startAndReadLine(
        m_xvfb, xvfb,
        {u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s, u"-screen"_s, u"0"_s, u"800x600x24"_s});
    QVERIFY2(
        !displayNumber.isEmpty(),
        qPrintable(u"Xvfb did not start: "_s + QString::fromUtf8(m_xvfb.readAllStandardError())));
    m_display = u":"_s + displayNumber;

    QFile dunstConfig(m_dir.filePath(u"dunstrc"_s));
    QVERIFY(dunstConfig.open(QIODevice::WriteOnly));
    dunstConfig.write(kDunstConfig);
}

void TestDesktopNotifier::cleanupTestCase()
{
    stop(m_dunst);
    QDBusConnection::disconnectFromBus(kServerConnection);
    QDBusConnection::disconnectFromBus(kBusConnection);
    stop(m_xvfb);
    stop(m_busDaemon);
}

// The dunst* tests each get a fresh dunst (empty history); the others a bus without one.
void TestDesktopNotifier::init()
{
    if (!QByteArrayView(QTest::currentTestFunction()).startsWith("dunst"))
        return;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.insert(u"DISPLAY"_s, m_display);
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_busAddress);
    m_dunst.setProcessEnvironment(environment);
    m_dunst.setProcessChannelMode(QProcess::MergedChannels);
    m_dunst.start(m_dunstPath, {u"-config"_s, m_dir.filePath(u"dunstrc"_s)});
    QVERIFY2(m_dunst.waitForStarted(kStartTimeoutMs), qPrintable(m_dunst.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(
        nameIsOwned(kNotifications),
        qPrintable(u"dunst did not own the name: "_s + QString::fromUtf8(m_dunst.readAll())),
        kStartTimeoutMs);
}

void TestDesktopNotifier::cleanup()
{
    stop(m_dunst);
    if (m_standIn) {
        QDBusConnection::disconnectFromBus(kServerConnection);
        m_standIn.reset();
    }
    QTRY_VERIFY_WITH_TIMEOUT(!nameIsOwned(kNotifications), kStartTimeoutMs);
}

std::optional<QString> TestDesktopNotifier::dunstctl(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_busAddress);
    process.setProcessEnvironment(environment);
    process.start(m_dunstctlPath, arguments);
    if (!process.waitForFinished(kStartTimeoutMs) || process.exitCode() != 0) {
        qWarning().noquote() << "dunstctl" << arguments.join(u' ')
                             << "failed:" << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// `dunstctl history`: {"type":"aa{sv}","data":[[{"summary":{"type":"s","data":"…"},…},…]]}.
QList<QVariantMap> TestDesktopNotifier::dunstHistory()
{
    const QJsonDocument document =
        QJsonDocument::fromJson(dunstctl({u"history"_s}).value_or(QString()).toUtf8());
    QList<QVariantMap> entries;
    const QJsonArray list = document.object().value(u"data"_s).toArray().at(0).toArray();
    for (const QJsonValue &entry : list) {
        QVariantMap fields;
        const QJsonObject object = entry.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            fields.insert(it.key(), it.value().toObject().value(u"data"_s).toVariant());
        entries.append(fields);
    }
    return entries;
}

uint TestDesktopNotifier::dunstDisplayed()
{
    QDBusMessage get = QDBusMessage::createMethodCall(
        kNotifications, kNotificationsPath, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << u"org.dunstproject.cmd0"_s << u"displayedLength"_s;
    const QDBusMessage reply = testBus().call(get, QDBus::Block, kStartTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return 0;
    return qvariant_cast<QDBusVariant>(reply.arguments().constFirst()).variant().toUInt();
}

void TestDesktopNotifier::withoutServerNotifyFailsWithOneLogLine()
{
    DesktopNotifier notifier(kBusConnection);
    QVERIFY(!notifier.isAvailable());
    QVERIFY2(notifier.unavailableReason().contains(kNotifications),
             qPrintable(notifier.unavailableReason()));

    QTest::failOnWarning(QRegularExpression(u".*"_s));
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(u"^desktop notification not shown: No desktop notification server "
                           "[^\\n]*Notification: veloxchem 1\\.0rc5 build 2: 5 of 6[^\\n]*$"_s));
    QVERIFY(!notifier.notify(releaseNotification(false)));
}

void TestDesktopNotifier::withoutBusNotifyFailsWithOneLogLine()
{
    const QString name = u"rc-test-notify-no-bus"_s;
    const auto disconnect = qScopeGuard([&name] { QDBusConnection::disconnectFromBus(name); });
    QVERIFY(!QDBusConnection::connectToBus(u"unix:path="_s + m_dir.filePath(u"no-bus-here"_s), name)
                 .isConnected());
    DesktopNotifier notifier(name);
    QVERIFY(!notifier.isAvailable());
    QVERIFY2(notifier.unavailableReason().contains(u"no D-Bus session bus"_s),
             qPrintable(notifier.unavailableReason()));

    QTest::failOnWarning(QRegularExpression(u".*"_s));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^desktop notification not shown: There is no D-Bus "
                                            "session bus[^\\n]*Notification: veloxchem[^\\n]*$"_s));
    QVERIFY(!notifier.notify(releaseNotification(true)));
}

void TestDesktopNotifier::dunstShowsSummaryBodyUrgencyAndActions_data()
{
    QTest::addColumn<bool>("success");
    QTest::addColumn<QString>("urgency");
    QTest::newRow("all platforms succeeded") << true << u"normal"_s;
    QTest::newRow("one platform failed") << false << u"critical"_s;
}

void TestDesktopNotifier::dunstShowsSummaryBodyUrgencyAndActions()
{
    QFETCH(bool, success);
    QFETCH(QString, urgency);
    const ReleaseNotification sent = releaseNotification(success);

    DesktopNotifier notifier(kBusConnection);
    QVERIFY2(notifier.isAvailable(), qPrintable(notifier.unavailableReason()));
    QVERIFY(notifier.unavailableReason().isEmpty());
    QVERIFY(notifier.notify(sent));
    QTRY_COMPARE_WITH_TIMEOUT(dunstDisplayed(), 1u, kStartTimeoutMs);

    QVERIFY(dunstctl({u"close-all"_s}).has_value());
    QList<QVariantMap> history;
    QTRY_COMPARE_WITH_TIMEOUT((history = dunstHistory()).size(), 1, kStartTimeoutMs);
    const QVariantMap arrived = history.constFirst();
    QCOMPARE(arrived.value(u"appname"_s).toString(), u"Release Console"_s);
    QCOMPARE(arrived.value(u"summary"_s).toString(), sent.title);
    QCOMPARE(arrived.value(u"body"_s).toString(), sent.body);  // dunst here parses no markup
    QCOMPARE(arrived.value(u"message"_s).toString(),
             urgency + u'|' + sent.title + u'|' + sent.body);
    QCOMPARE(arrived.value(u"default_action_name"_s).toString(), u"default"_s);
    if (success)
        QVERIFY(arrived.value(u"timeout"_s).toLongLong() > 0);  // dunst's own default
    else
        QCOMPARE(arrived.value(u"timeout"_s).toLongLong(), 0);  // a failure stays until dismissed
}

void TestDesktopNotifier::dunstOpenClickEmitsTheRunUrl()
{
    DesktopNotifier notifier(kBusConnection);
    QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);
    const ReleaseNotification sent = releaseNotification(false);
    QVERIFY(notifier.notify(sent));
    QTRY_COMPARE_WITH_TIMEOUT(dunstDisplayed(), 1u, kStartTimeoutMs);

    // What a click on the notification does in dunst: its default action, ActionInvoked. On a
    // loaded machine dunst can take the click before it has drawn the notification, and then
    // nothing happens: click again while it is shown, as a user would (once it has acted, it
    // closes the notification, so a further click reaches nothing).
    for (int click = 0; click < 3 && opened.isEmpty(); ++click) {
        QVERIFY(dunstctl({u"action"_s, u"0"_s}).has_value());
        opened.wait(kStartTimeoutMs / 3);
    }
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().toUrl(), sent.openUrl);
}

void TestDesktopNotifier::dunstSameReleaseReplacesItsNotification()
{
    DesktopNotifier notifier(kBusConnection);
    ReleaseNotification attempt1 = releaseNotification(false);
    attempt1.replaceKey = u"veloxchem 1.0rc5 build 2"_s;
    attempt1.title = u"attempt 1 failed"_s;
    ReleaseNotification attempt2 = releaseNotification(true);
    attempt2.replaceKey = attempt1.replaceKey;
    attempt2.title = u"attempt 2 succeeded"_s;
    ReleaseNotification otherRelease = releaseNotification(true);
    otherRelease.replaceKey = u"multipsi 0.3 build 0"_s;
    otherRelease.title = u"another release"_s;

    // Sent back to back: the second must still learn the first one's id before it goes out.
    QVERIFY(notifier.notify(attempt1));
    QVERIFY(notifier.notify(attempt2));
    QVERIFY(notifier.notify(otherRelease));
    QTRY_COMPARE_WITH_TIMEOUT(dunstDisplayed(), 2u, kStartTimeoutMs);

    QVERIFY(dunstctl({u"close-all"_s}).has_value());
    QStringList summaries;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            summaries.clear();
            for (const QVariantMap &entry : dunstHistory())
                summaries << entry.value(u"summary"_s).toString();
            summaries.sort();
            return summaries.size() == 2;
        }(),
        kStartTimeoutMs);
    QCOMPARE(summaries, (QStringList {u"another release"_s, u"attempt 2 succeeded"_s}));
}

void TestDesktopNotifier::openKeyCountsAndOtherApplicationsIdsDoNot()
{
    m_standIn = std::make_unique<StandInServer>();
    QDBusConnection server = QDBusConnection::connectToBus(m_busAddress, kServerConnection);
    QVERIFY(server.registerObject(kNotificationsPath, m_standIn.get(),
                                  QDBusConnection::ExportAllSlots));
    QVERIFY(server.registerService(kNotifications));

    DesktopNotifier notifier(kBusConnection);
    QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);
    ReleaseNotification first = releaseNotification(false);
    ReleaseNotification second = releaseNotification(true);
    second.openUrl = QUrl(u"https://github.com/VeloxChem/recipes/actions/runs/987654321"_s);
    QVERIFY(notifier.notify(first));
    QVERIFY(notifier.notify(second));
    QTRY_COMPARE_WITH_TIMEOUT(m_standIn->received.size(), 2, kStartTimeoutMs);
    QCOMPARE(m_standIn->received.at(0).actions,
             (QStringList {u"default"_s, u"Open"_s, u"open"_s, u"Open"_s}));
    const uint firstId = m_standIn->nextId - 1;
    const uint secondId = m_standIn->nextId;

    // Signals arrive in order, so when the last one is seen the earlier ones were handled.
    QVERIFY(m_standIn->emitSignal(u"ActionInvoked"_s, {firstId + 1000, u"open"_s}));
    QVERIFY(m_standIn->emitSignal(u"ActionInvoked"_s, {firstId, u"dismiss"_s}));
    QVERIFY(m_standIn->emitSignal(u"NotificationClosed"_s, {firstId, 2u}));
    QVERIFY(m_standIn->emitSignal(u"ActionInvoked"_s, {firstId, u"open"_s}));
    QVERIFY(m_standIn->emitSignal(u"ActionInvoked"_s, {secondId, u"open"_s}));
    QVERIFY(opened.wait(kStartTimeoutMs));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().toUrl(), second.openUrl);
}

void TestDesktopNotifier::markupServerGetsAnEscapedBoundedBody()
{
    m_standIn = std::make_unique<StandInServer>();
    m_standIn->capabilities << u"body-markup"_s;
    QDBusConnection server = QDBusConnection::connectToBus(m_busAddress, kServerConnection);
    QVERIFY(server.registerObject(kNotificationsPath, m_standIn.get(),
                                  QDBusConnection::ExportAllSlots));
    QVERIFY(server.registerService(kNotifications));

    DesktopNotifier notifier(kBusConnection);
    ReleaseNotification sent = releaseNotification(false);
    sent.openUrl = QUrl();
    sent.body = u"✘ Windows · <error> & \x1b[31mred\x1b[0m\n"_s;
    for (int line = 0; line < 1000; ++line)
        sent.body += u"✘ platform %1\n"_s.arg(line);
    QVERIFY(notifier.notify(sent));
    QTRY_COMPARE_WITH_TIMEOUT(m_standIn->received.size(), 1, kStartTimeoutMs);

    const StandInServer::Received arrived = m_standIn->received.constFirst();
    QCOMPARE(arrived.appName, u"Release Console"_s);
    QCOMPARE(arrived.replacesId, 0u);
    QCOMPARE(arrived.summary, sent.title);
    QVERIFY2(
        arrived.body.startsWith(u"✘ Windows · &lt;error&gt; &amp; [31mred[0m\n✘ platform 0\n"_s),
        qPrintable(arrived.body.left(200)));
    QVERIFY(arrived.body.count(u'\n') < 40);
    QVERIFY(arrived.body.size() <= 4000 * 2);  // bounded before escaping
    QVERIFY(arrived.actions.isEmpty());        // nothing to open
    QCOMPARE(arrived.hints.value(u"urgency"_s).toInt(), 2);
    QCOMPARE(arrived.hints.value(u"urgency"_s).metaType(), QMetaType::fromType<uchar>());
    QCOMPARE(arrived.expireTimeout, 0);
}

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
