// SPDX-License-Identifier: BSD-3-Clause
// The desktop services: settings read and written within bounds, one instance per user and
// mode, and the rotating log file with token shapes redacted.

#include "desktop/appsettings.h"
#include "desktop/filelog.h"
#include "desktop/fontconfigwarmup.h"
#include "desktop/librarypreload.h"
#include "desktop/processhardening.h"
#include "desktop/singleinstance.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#if defined(Q_OS_LINUX)
#include <dlfcn.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rc::desktop::AppSettings;
using rc::desktop::FileLog;
using rc::desktop::SingleInstance;

namespace {
Q_LOGGING_CATEGORY(lcTest, "rc.test")
}

class TestDesktop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString uniqueKey() const { return u"test-"_s + QUuid::createUuid().toString(QUuid::Id128); }

private slots:
    void processRefusesCoreDumpsAndTracing()
    {
#if defined(Q_OS_LINUX)
        QVERIFY(rc::desktop::processIsDumpable());
        QVERIFY(rc::desktop::denyCoreDumpsAndTracing());
        QVERIFY(!rc::desktop::processIsDumpable());
#else
        QVERIFY(!rc::desktop::denyCoreDumpsAndTracing());
#endif
    }

    void fontConfigurationLoadsOnItsOwnThread()
    {
        {
            rc::desktop::FontConfigWarmUp unwaited;  // its destructor waits
        }
        rc::desktop::FontConfigWarmUp warmUp;
        // fontconfig found and read its configuration (or, off Linux, there is nothing to do).
        QVERIFY(warmUp.wait());
        QVERIFY(warmUp.wait());
    }

    void pluginsPreloadOnAThreadAndQtUsesThatMapping()
    {
#if defined(Q_OS_LINUX)
        // Qt SQL's SQLite driver (scripts/setup installs it): a plugin nothing in this test
        // process has loaded before.
        const QString plugin =
            QLibraryInfo::path(QLibraryInfo::PluginsPath) + u"/sqldrivers/libqsqlite.so"_s;
        QVERIFY2(QFile::exists(plugin), qPrintable(plugin));
        const QByteArray file = QFile::encodeName(plugin);
        QVERIFY2(!dlopen(file.constData(), RTLD_LAZY | RTLD_NOLOAD), "loaded before the test");

        rc::desktop::LibraryPreload preload({m_dir.filePath(u"missing.so"_s), plugin});
        QCOMPARE(preload.wait(), 1);  // the missing file is skipped
        void *preloaded = dlopen(file.constData(), RTLD_LAZY | RTLD_NOLOAD);
        QVERIFY(preloaded);
        Dl_info where {};
        QVERIFY(dladdr(dlsym(preloaded, "qt_plugin_instance"), &where));
        const void *preloadedBase = where.dli_fbase;

        // Qt's plugin loader takes the same mapping: its plugin object's code lies in it.
        QPluginLoader loader(plugin);
        QVERIFY2(loader.load(), qPrintable(loader.errorString()));
        QObject *instance = loader.instance();
        QVERIFY(instance);
        QVERIFY(dladdr(instance->metaObject(), &where));
        QCOMPARE(where.dli_fbase, preloadedBase);
        dlclose(preloaded);
#else
        QCOMPARE(rc::desktop::LibraryPreload({u"/nowhere/libnothing.so"_s}).wait(), 0);
#endif
    }

    void settingsRoundTrip()
    {
        QSettings settings(m_dir.filePath(u"round.ini"_s), QSettings::IniFormat);
        QCOMPARE(AppSettings::load(settings), AppSettings {});
        AppSettings changed;
        changed.pollMin = 5s;
        changed.pollMax = 120s;
        changed.notifications = false;
        changed.language = u"sv"_s;
        QCOMPARE(changed.save(settings), QString());
        QSettings again(m_dir.filePath(u"round.ini"_s), QSettings::IniFormat);
        QCOMPARE(AppSettings::load(again), changed);
    }

    void settingsOutOfBounds_data()
    {
        QTest::addColumn<qint64>("pollMin");
        QTest::addColumn<qint64>("pollMax");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("min zero") << qint64(0) << qint64(60) << QString() << u"shortest"_s;
        QTest::newRow("min too long") << qint64(61) << qint64(600) << QString() << u"shortest"_s;
        QTest::newRow("max below min") << qint64(10) << qint64(5) << QString() << u"longest"_s;
        QTest::newRow("max too long") << qint64(3) << qint64(601) << QString() << u"longest"_s;
        QTest::newRow("unknown language") << qint64(3) << qint64(60) << u"xx"_s << u"xx"_s;
    }
    void settingsOutOfBounds()
    {
        QFETCH(qint64, pollMin);
        QFETCH(qint64, pollMax);
        QFETCH(QString, language);
        QFETCH(QString, mentions);
        AppSettings bad;
        bad.pollMin = std::chrono::seconds(pollMin);
        bad.pollMax = std::chrono::seconds(pollMax);
        bad.language = language;
        QSettings settings(m_dir.filePath(u"bad.ini"_s), QSettings::IniFormat);
        settings.clear();
        const QString problem = bad.save(settings);
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
        QVERIFY(settings.allKeys().isEmpty());  // nothing saved

        // A hand-edited file with such values reads as valid settings.
        settings.setValue(u"app/pollMinSeconds"_s, pollMin);
        settings.setValue(u"app/pollMaxSeconds"_s, pollMax);
        settings.setValue(u"app/language"_s, language);
        QCOMPARE(AppSettings::load(settings).problem(), QString());
        settings.setValue(u"app/pollMinSeconds"_s, u"not a number"_s);
        QCOMPARE(AppSettings::load(settings).pollMin, AppSettings {}.pollMin);
    }

    void secondLaunchHandsItsArgumentsToTheFirst()
    {
        const QString key = uniqueKey();
        SingleInstance first(key);
        QCOMPARE(first.becomePrimary({u"release-console"_s}), SingleInstance::Role::Primary);
        QSignalSpy launched(&first, &SingleInstance::launched);
        // In the user's own runtime folder, not the shared temporary one.
        QVERIFY2(first.serverName().startsWith(
                     QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)),
                 qPrintable(first.serverName()));
        SingleInstance second(key);
        const QStringList arguments {u"release-console"_s, u"--profile"_s, u"pb11mpi-dev"_s};
        // Never a second primary. (The first answers from its event loop, which this very
        // thread blocks: here the hand-over arrives but its answer does not.)
        QVERIFY(second.becomePrimary(arguments, 300) != SingleInstance::Role::Primary);
        QVERIFY(launched.wait(5000));
        QCOMPARE(launched.constFirst().constFirst().toStringList(), arguments);

        // Another key is an instance of its own.
        SingleInstance other(key + u"-other"_s);
        QCOMPARE(other.becomePrimary({u"release-console"_s}), SingleInstance::Role::Primary);
        QVERIFY(other.serverName() != first.serverName());
    }

    void garbageFromTheSocketIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray huge;
        QDataStream(&huge, QIODevice::WriteOnly) << quint32(100 * 1024 * 1024);
        QTest::newRow("huge length") << huge;
        const auto framed = [](const QByteArray &message) -> QByteArray {
            QByteArray bytes;
            QDataStream(&bytes, QIODevice::WriteOnly) << quint32(message.size());
            return bytes + message;
        };
        QTest::newRow("wrong greeting")
            << framed(R"({"hello":"someone-else/1","arguments":["x"]})");
        QTest::newRow("not JSON") << framed(QByteArray("\xff\xff\xff\xff\x00\x01", 6));
        QTest::newRow("arguments not strings")
            << framed(R"({"hello":"release-console/1","arguments":[1,{"a":2}]})");
        QByteArray many = R"({"hello":"release-console/1","arguments":[)";
        for (int i = 0; i < 100; ++i)
            many += i ? R"(,"x")" : R"("x")";
        QTest::newRow("too many arguments") << framed(many + "]}");
    }
    void garbageFromTheSocketIsIgnored()
    {
        QFETCH(QByteArray, bytes);
        SingleInstance first(uniqueKey());
        QCOMPARE(first.becomePrimary({}), SingleInstance::Role::Primary);
        QSignalSpy launched(&first, &SingleInstance::launched);
        QLocalSocket socket;
        socket.connectToServer(first.serverName());
        QVERIFY(socket.waitForConnected(2000));
        socket.write(bytes);
        QVERIFY(socket.waitForBytesWritten(2000));
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(launched.count(), 0);
    }

    void logWritesRedactedLinesAndRotates()
    {
        const QString path = m_dir.filePath(u"logs/release-console.log"_s);
        FileLog::Options options;
        options.maxBytes = 2048;
        options.keep = 2;
        {
            FileLog log(path, options);
            QVERIFY2(log.isOpen(), qPrintable(log.errorString()));
            FileLog second(m_dir.filePath(u"other.log"_s));
            QVERIFY(!second.isOpen());  // one at a time
            qCInfo(lcTest) << "dispatch sent with token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";
            qCWarning(lcTest, "line one\nline two\x1b[31m red");
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY2(text.contains(u" info rc.test: dispatch sent with token <token>"_s),
                     qPrintable(text));
            QVERIFY(!text.contains(u"ghp_0123"_s));
            QVERIFY2(text.contains(u" warning rc.test: line one line two[31m red\n"_s),
                     qPrintable(text));
            QCOMPARE(text.count(u'\n'), 2);
            for (int i = 0; i < 100; ++i)
                qCInfo(lcTest, "filler line %d of the rotation test, long enough to add up", i);
        }
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(path + u".1"_s));
        QVERIFY(QFile::exists(path + u".2"_s));
        QVERIFY(!QFile::exists(path + u".3"_s));
        QVERIFY(QFileInfo(path).size() <= options.maxBytes);
        QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        // Uninstalled with its owner: later messages no longer reach the file.
        const qint64 size = QFileInfo(path).size();
        qCInfo(lcTest, "after the log");
        QCOMPARE(QFileInfo(path).size(), size);
    }
};

QTEST_GUILESS_MAIN(TestDesktop)
#include "tst_desktop.moc"
