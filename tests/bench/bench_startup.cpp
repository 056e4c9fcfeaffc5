// SPDX-License-Identifier: BSD-3-Clause
// Start-up of release-console (SPEC §6), on X (an Xvfb of its own, by xvfb-run): the time from
// exec to the first painted main window, against
//   (b) a bare Qt Widgets window that loads the same shared libraries (bench_barewindow_libs:
//       Qt Network, QCA with its plugins, QtKeychain, libarchive, Qt SQL with the SQLite driver,
//       Qt Svg, yaml-cpp), goal: the app's median at most 1.25 times its median;
//   (a) a plain bare Qt Widgets window (bench_barewindow), for the record;
// and the app's first start in an empty home (the welcome page), for the record. All run in one
// run, in rounds whose order rotates, after one warm-up round (page cache); medians.
//
// The app starts as a user's would: one profile (pointing at a forge simulator this program
// runs on loopback) and a history of `--entries` (1,000) dispatches, each with its run's six
// platforms and step durations, written with the ledger library itself. Each program quits
// after its first paint and says so on standard error (QuitAfterFirstPaint); the clock stops at
// that line, so the teardown is not counted.
//
// Then the app's idle resident memory with that profile and history (goal <= 90 MiB): started
// normally (single instance, file log, the profile's commits loaded from the simulator), VmRSS
// read from /proc once no request has reached the simulator for `--idle-seconds` (2).
//
// The keychain: under scripts/with-keyring (as scripts/bench runs this) the private session bus
// and its throw-away gnome-keyring are kept and hold the simulator's two tokens, stored with
// `release-console tokens set`, so the app starts as a user's does, tokens found and checked.
// Otherwise there is no session bus at all (DBUS_SESSION_BUS_ADDRESS points nowhere): the
// keychain answers "unavailable" at once, and the private project's commits are not listed.
// The first start always runs without one. Nothing of the user's own session is touched.
//
// Last, what each program loads: one run each with LD_DEBUG=statistics,libs (shared objects
// initialised, dlopen()ed plugins included, and relocations), which shows that (b) loads what the
// app loads. Where the app's own time goes: tests/bench/profile-startup (perf).
//
//   bench_startup [--rounds 11] [--entries 1000] [--idle-seconds 2] [--use-display]
//                 [--prepare-home-only] [--compare other-build-of-the-app]...

#include "ledger/releaseledger.h"
#include "profiles/profile.h"
#include "sandbox/forgesimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using rc::sandbox::ForgeSimulator;

namespace {

constexpr QByteArrayView kPaintedMarker = "peak_rss_kib=";
const QString kProfileName = u"veloxchem"_s;
constexpr auto kRunTimeout = 60s;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

// A field of /proc/<pid>/status in KiB ("VmRSS:"), -1 when unreadable.
qint64 procStatusKib(qint64 pid, QByteArrayView field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

struct Program
{
    QString label;
    QString path;
    QStringList arguments;
    QProcessEnvironment environment;
    QList<double> milliseconds;
    qint64 peakKib = 0;  // VmHWM at the first paint, the highest over the rounds
};

struct Painted
{
    double milliseconds = 0;
    qint64 peakKib = 0;
    QByteArray errors;  // everything the program wrote on standard error
};

// Runs the program until it has painted and exited: nullopt (and why) when it failed.
std::optional<Painted> runToFirstPaint(const Program &program, QString *problem,
                                       const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    Painted painted;
    std::optional<double> paintedAt;
    QElapsedTimer timer;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardError, &loop, [&] {
        painted.errors += process.readAllStandardError();
        if (!paintedAt && painted.errors.contains(kPaintedMarker))
            paintedAt = double(timer.nsecsElapsed()) / 1e6;
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(kRunTimeout, &loop, &QEventLoop::quit);
    timer.start();
    process.start(program.path, program.arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        *problem = u"did not finish within %1 s"_s.arg(kRunTimeout.count());
        return std::nullopt;
    }
    painted.errors += process.readAllStandardError();
    if (process.error() == QProcess::FailedToStart) {
        *problem = process.errorString();
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || !paintedAt) {
        *problem = u"exited with %1 without painting: %2"_s.arg(process.exitCode())
                       .arg(QString::fromLocal8Bit(painted.errors.right(2000)));
        return std::nullopt;
    }
    painted.milliseconds = *paintedAt;
    const qsizetype at = painted.errors.indexOf(kPaintedMarker) + kPaintedMarker.size();
    painted.peakKib = painted.errors.mid(at).split('\n').value(0).trimmed().toLongLong();
    return painted;
}

// A home of its own for the programs, on tmpfs when there is one (the ledger's thousands of
// synchronous commits cost nothing there): XDG folders, a runtime folder, no session bus.
class BenchHome
{
public:
    BenchHome()
        : m_dir(QFileInfo(u"/dev/shm"_s).isWritable() ? u"/dev/shm/rc-bench-XXXXXX"_s
                                                      : QDir::tempPath() + u"/rc-bench-XXXXXX"_s)
    {
        for (const QString &folder : {u"config"_s, u"data"_s, u"cache"_s, u"runtime"_s})
            QDir(m_dir.path()).mkpath(folder);
        QFile::setPermissions(path(u"runtime"_s),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner);
    }

    bool isValid() const { return m_dir.isValid(); }
    void keep() { m_dir.setAutoRemove(false); }
    QString path(const QString &sub = {}) const
    {
        return sub.isEmpty() ? m_dir.path() : m_dir.filePath(sub);
    }

    // `keychain`: keep the session bus (a private one with a throw-away keyring, see
    // privateKeyringPresent()); otherwise there is none and the keychain is unavailable.
    QProcessEnvironment environment(bool keychain) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, path());
        environment.insert(u"XDG_CONFIG_HOME"_s, path(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, path(u"data"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, path(u"cache"_s));
        environment.insert(u"XDG_RUNTIME_DIR"_s, path(u"runtime"_s));
        if (!keychain)
            environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
                               u"unix:path="_s + path(u"runtime/no-session-bus"_s));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.remove(u"LD_DEBUG"_s);
        return environment;
    }

private:
    QTemporaryDir m_dir;
};

// Under scripts/with-keyring: a private session bus whose Secret Service is a throw-away
// gnome-keyring, never the user's own.
bool privateKeyringPresent()
{
    return qEnvironmentVariableIsSet("RC_INSIDE_PRIVATE_BUS") &&
        qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
}

// The simulator's tokens in that keyring, by the app's own command (the token on its standard
// input, never in an argument), for the hosts the profile names.
bool storeTokens(const QString &appPath, const QProcessEnvironment &environment,
                 const ForgeSimulator &sim, QString *problem)
{
    const QList<std::pair<QString, QByteArray>> tokens {
        {u"github"_s,
         QByteArray(ForgeSimulator::kGitHubClassicToken.data(),
                    ForgeSimulator::kGitHubClassicToken.size())},
        {u"gitlab"_s,
         QByteArray(ForgeSimulator::kGitLabToken.data(), ForgeSimulator::kGitLabToken.size())}};
    for (const auto &[forge, token] : tokens) {
        const QUrl api = forge == "github"_L1 ? sim.gitHubApiUrl() : sim.gitLabUrl();
        QProcess command;
        command.setProcessEnvironment(environment);
        command.start(appPath,
                      {u"tokens"_s, u"set"_s, u"--forge"_s, forge, u"--host"_s,
                       api.host() + u':' + QString::number(api.port())});
        command.write(token + '\n');
        command.closeWriteChannel();
        if (!command.waitForFinished(30000) || command.exitStatus() != QProcess::NormalExit ||
            command.exitCode() != 0) {
            *problem = u"tokens set --forge %1: %2"_s.arg(
                forge, QString::fromLocal8Bit(command.readAllStandardError()).trimmed());
            return false;
        }
    }
    return true;
}

// Where the app's QSettings and ledger live for `home`: set for this process too, so that the
// libraries' own rules (QSettings(), ReleaseLedger::defaultPath()) name the very same files.
void adoptHome(const BenchHome &home)
{
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.path(u"config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.path(u"data"_s).toLocal8Bit());
    QCoreApplication::setOrganizationName(u"ReleaseConsole"_s);
    QCoreApplication::setApplicationName(u"release-console"_s);
}

bool writeProfile(const ForgeSimulator &sim, QString *problem)
{
    rc::profiles::Profile profile;
    profile.name = kProfileName;
    profile.gitLabUrl = sim.gitLabUrl();
    profile.gitLabProject = sim.gitLabProjectPath();
    profile.gitHubApiUrl = sim.gitHubApiUrl();
    profile.recipesRepo = sim.recipesRepository();
    profile.workflowFile = QString(ForgeSimulator::kWorkflowFile);
    profile.recipe = QString(ForgeSimulator::kRecipe);
    profile.defaultChannel = QString(ForgeSimulator::kChannel);
    profile.anacondaApiUrl = sim.anacondaApiUrl();
    QSettings settings;
    rc::profiles::ProfileStore store(settings);
    *problem = store.save(profile);
    settings.setValue(u"lastProfile"_s, kProfileName);
    settings.sync();
    return problem->isEmpty() && settings.status() == QSettings::NoError;
}

QString hexOf(const QByteArray &seed, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, algorithm).toHex());
}

// `count` finished releases of the profile, oldest first, as the app records them: the entry
// before its POST, the run found, the six platforms, the run completed, the step durations.
bool writeHistory(int count, QString *problem)
{
    QDateTime now = QDateTime::currentDateTimeUtc().addDays(-count);
    rc::ledger::ReleaseLedger ledger(rc::ledger::ReleaseLedger::defaultPath(), [&now] {
        now = now.addMSecs(1500);
        return now;
    });
    const auto failed = [&] {
        *problem = ledger.errorString();
        return false;
    };
    if (!ledger.isOpen())
        return failed();
    const QStringList oses {u"ubuntu-latest"_s, u"macos-14"_s, u"windows-2022"_s};
    const QStringList osNames {u"Linux"_s, u"macOS"_s, u"Windows"_s};
    const QStringList pythons {u"3.12"_s, u"3.13"_s};
    const QStringList steps {
        u"Set up job"_s,      u"Checkout recipes"_s, u"Set up Miniforge"_s,
        u"Apply the patch"_s, u"Download tarball"_s, u"Verify sha256"_s,
        u"conda-build"_s,     u"Build summary"_s,    u"Upload to anaconda.org"_s,
        u"Complete job"_s};
    for (int i = 0; i < count; ++i) {
        now = now.addDays(1);
        const QByteArray seed = QByteArray::number(i);
        rc::ledger::LedgerEntry entry;
        entry.profile = kProfileName;
        entry.recipe = u"veloxchem"_s;
        entry.commitSha = hexOf(seed, QCryptographicHash::Sha1);
        entry.version = u"1.%1.%2"_s.arg(i / 100).arg(i % 100);
        entry.build = u"0"_s;
        entry.channel = u"veloxchem"_s;
        entry.label = i % 10 == 9 ? u"main"_s : u"dev"_s;
        entry.url = u"https://gitlab.com/api/v4/projects/veloxchem%2Fveloxchem/jobs/%1/artifacts/"
                    u"veloxchem.tar.bz2"_s.arg(7'000'000'000LL + i);
        entry.sha256 = hexOf(seed, QCryptographicHash::Sha256);
        entry.endpoint = u"POST https://api.github.com/repos/VeloxChem/meta-vlx/actions/workflows/"
                         u"deploy-cxx.yml/dispatches"_s;
        const QString patch =
            u"--- a/src/pymodule/__init__.py\n+++ b/src/pymodule/__init__.py\n"
            u"@@ -1,3 +1,3 @@\n-__version__ = \"1.0.0\"\n+__version__ = \"%1\"\n"_s
                .arg(entry.version)
                .repeated(4);
        entry.body = QJsonDocument(QJsonObject {{u"ref"_s, u"main"_s},
                                                {u"inputs"_s,
                                                 QJsonObject {{u"recipe"_s, entry.recipe},
                                                              {u"url"_s, entry.url},
                                                              {u"sha256"_s, entry.sha256},
                                                              {u"version"_s, entry.version},
                                                              {u"build"_s, entry.build},
                                                              {u"channel"_s, entry.channel},
                                                              {u"label"_s, entry.label},
                                                              {u"patch"_s, patch}}}})
                         .toJson(QJsonDocument::Compact);
        entry.installLine = u"conda install -c %1/label/%2 %3=%4"_s.arg(
            entry.channel, entry.label, entry.recipe, entry.version);
        const std::optional<qint64> id = ledger.recordSending(entry);
        if (!id)
            return failed();
        const qint64 runId = 12'000'000'000LL + i;
        const QUrl runUrl(u"https://github.com/VeloxChem/meta-vlx/actions/runs/%1"_s.arg(runId));
        if (!ledger.recordSent(*id, runId, runUrl, now) || !ledger.recordRunAttempt(*id, 1))
            return failed();
        const QDateTime started = now;
        for (int platform = 0; platform < oses.size() * pythons.size(); ++platform) {
            const QString os = oses.at(platform % oses.size());
            const QString python = pythons.at(platform / oses.size());
            rc::ledger::PlatformRecord record;
            record.platformKey = u"build (%1, %2, mpich)"_s.arg(os, python);
            record.os = osNames.at(platform % oses.size());
            record.variant = u"Python %1, mpich"_s.arg(python);
            record.status = u"success"_s;
            record.outcome = u"success"_s;
            record.startedAt = started.addSecs(30);
            record.completedAt = started.addSecs(2400 + 60 * platform);
            record.jobId = runId * 10 + platform;
            record.htmlUrl = QUrl(runUrl.toString() + u"/job/%1"_s.arg(*record.jobId));
            record.runAttempt = 1;
            if (!ledger.recordPlatform(*id, record))
                return failed();
            QList<rc::ledger::StepDuration> durations;
            for (qsizetype step = 0; step < steps.size(); ++step)
                durations.append(rc::ledger::StepDuration {
                    record.platformKey, steps.at(step),
                    steps.at(step) == "conda-build"_L1 ? 2100 + 7 * (i % 13) : 20});
            if (!ledger.recordStepDurations(*id, record.platformKey, durations))
                return failed();
        }
        if (!ledger.recordRunCompleted(*id, u"success"_s, started.addSecs(2800)))
            return failed();
    }
    return true;
}

struct IdleMemory
{
    qint64 rssKib = -1;
    qint64 anonKib = -1;
    qint64 fileKib = -1;
    qint64 shmemKib = -1;
    qint64 peakKib = -1;
    int mappedLibraries = 0;
    QStringList requests;  // what the app asked the simulator for
};

int mappedLibraries(qint64 pid)
{
    QFile maps(u"/proc/%1/maps"_s.arg(pid));
    if (!maps.open(QIODevice::ReadOnly))
        return 0;
    QSet<QByteArray> libraries;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const qsizetype slash = line.indexOf('/');
        if (slash >= 0 && line.indexOf(".so", slash) >= 0)
            libraries.insert(line.mid(slash));
    }
    return int(libraries.size());
}

// The app started normally; its memory once it has stopped talking to the simulator.
std::optional<IdleMemory> idleMemory(const QString &appPath, const QProcessEnvironment &environment,
                                     const ForgeSimulator &sim, std::chrono::milliseconds idle,
                                     QString *problem)
{
    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    QByteArray errors;
    QObject::connect(&app, &QProcess::readyReadStandardError, &app,
                     [&] { errors += app.readAllStandardError(); });
    const qsizetype before = sim.requestLog().entries().size();
    app.start(appPath, {});
    if (!app.waitForStarted(10000)) {
        *problem = app.errorString();
        return std::nullopt;
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    QElapsedTimer quiet;
    quiet.start();
    qsizetype seen = before;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const qsizetype now = sim.requestLog().entries().size();
        if (now != seen) {
            seen = now;
            quiet.restart();
        }
        if ((seen > before && quiet.durationElapsed() >= idle) || sinceStart.elapsed() > 30000 ||
            app.state() != QProcess::Running)
            loop.quit();
    });
    poll.start(50ms);
    loop.exec();
    IdleMemory memory;
    const qint64 pid = app.processId();
    const QList<rc::sandbox::LoggedRequest> log = sim.requestLog().entries();
    for (qsizetype i = before; i < log.size(); ++i)
        memory.requests << QString::fromLatin1(log.at(i).method) + u' ' + log.at(i).path +
                u" -> "_s + QString::number(log.at(i).status);
    if (app.state() == QProcess::Running && seen > before) {
        memory.rssKib = procStatusKib(pid, "VmRSS:");
        memory.anonKib = procStatusKib(pid, "RssAnon:");
        memory.fileKib = procStatusKib(pid, "RssFile:");
        memory.shmemKib = procStatusKib(pid, "RssShmem:");
        memory.peakKib = procStatusKib(pid, "VmHWM:");
        memory.mappedLibraries = mappedLibraries(pid);
    }
    const bool wasRunning = app.state() == QProcess::Running;
    app.terminate();
    if (!app.waitForFinished(5000)) {
        app.kill();
        app.waitForFinished(5000);
    }
    if (!wasRunning) {
        *problem = u"the app exited early (%1): %2"_s.arg(app.exitCode())
                       .arg(QString::fromLocal8Bit(errors.right(2000)));
        return std::nullopt;
    }
    if (memory.requests.isEmpty()) {
        *problem = u"the app sent nothing to the simulator in 30 s: was the profile read?"_s;
        return std::nullopt;
    }
    if (memory.rssKib < 0) {
        *problem = u"cannot read /proc/%1/status"_s.arg(pid);
        return std::nullopt;
    }
    return memory;
}

struct LoaderStatistics
{
    int objects = 0;  // shared objects initialised, plugins included
    qint64 relocations = 0;
};

// One run under LD_DEBUG=statistics,libs.
std::optional<LoaderStatistics> loaderStatistics(const Program &program)
{
    QProcessEnvironment environment = program.environment;
    environment.insert(u"LD_DEBUG"_s, u"statistics,libs"_s);
    QString problem;
    const std::optional<Painted> painted = runToFirstPaint(program, &problem, environment);
    if (!painted)
        return std::nullopt;
    LoaderStatistics statistics;
    static const QRegularExpression relocations(u"final number of relocations: (\\d+)"_s);
    const QString text = QString::fromLocal8Bit(painted->errors);
    statistics.objects = int(text.count(u"calling init:"_s));
    // The last one: the final count, dlopen()ed plugins included.
    for (auto it = relocations.globalMatch(text); it.hasNext();)
        statistics.relocations = it.next().captured(1).toLongLong();
    return statistics;
}

// Runs this very program again under an X server of its own (xvfb-run -a), unless it is already
// under one or `--use-display` keeps the current DISPLAY.
std::optional<int> rerunUnderXvfb(bool useDisplay)
{
    if (qEnvironmentVariableIsSet("RC_BENCH_UNDER_XVFB") ||
        (useDisplay && qEnvironmentVariableIsSet("DISPLAY")))
        return std::nullopt;
    const QString xvfbRun = QStandardPaths::findExecutable(u"xvfb-run"_s);
    if (xvfbRun.isEmpty()) {
        std::fprintf(stderr, "bench_startup: xvfb-run is not on PATH (or pass --use-display)\n");
        return 1;
    }
    qputenv("RC_BENCH_UNDER_XVFB", "1");
    QStringList arguments {u"-a"_s, u"-s"_s, u"-screen 0 1280x800x24"_s,
                           QCoreApplication::applicationFilePath()};
    arguments += QCoreApplication::arguments().mid(1);
    return QProcess::execute(xvfbRun, arguments);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption roundsOption(u"rounds"_s, u"Measured rounds (11)."_s, u"n"_s, u"11"_s);
    const QCommandLineOption entriesOption(u"entries"_s, u"Dispatches in the history (1000)."_s,
                                           u"n"_s, u"1000"_s);
    const QCommandLineOption idleOption(
        u"idle-seconds"_s, u"Quiet seconds before the idle memory is read (2)."_s, u"s"_s, u"2"_s);
    parser.addOption(roundsOption);
    parser.addOption(entriesOption);
    const QCommandLineOption displayOption(
        u"use-display"_s, u"Measure on the current DISPLAY instead of a new Xvfb."_s);
    parser.addOption(idleOption);
    parser.addOption(displayOption);
    const QCommandLineOption prepareOption(
        u"prepare-home-only"_s,
        u"Write the profile and history into a new home, print its path, keep it and exit "
        u"(tests/bench/profile-startup starts the app there; its forge is gone by then)."_s);
    parser.addOption(prepareOption);
    const QCommandLineOption compareOption(
        u"compare"_s,
        u"Also measure another build of the app, in the same rounds and home (repeatable; for "
        u"the record: what a change saves, side by side)."_s,
        u"executable"_s);
    parser.addOption(compareOption);
    parser.process(app);
    const bool prepareOnly = parser.isSet(prepareOption);
    if (const std::optional<int> status =
            prepareOnly ? std::nullopt : rerunUnderXvfb(parser.isSet(displayOption)))
        return *status;
    const int rounds = std::clamp(parser.value(roundsOption).toInt(), 1, 1000);
    const int entries = std::clamp(parser.value(entriesOption).toInt(), 0, 100'000);
    const auto idle = std::chrono::milliseconds(
        qint64(1000 * std::clamp(parser.value(idleOption).toDouble(), 0.1, 60.0)));

    BenchHome home;
    BenchHome emptyHome;
    if (!home.isValid() || !emptyHome.isValid()) {
        std::fprintf(stderr, "bench_startup: cannot create a temporary home\n");
        return 1;
    }
    adoptHome(home);
    ForgeSimulator sim(QDateTime::currentDateTimeUtc());
    if (!sim.start()) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(sim.errorString()));
        return 1;
    }
    QString problem;
    if (!writeProfile(sim, &problem)) {
        std::fprintf(stderr, "bench_startup: cannot write the profile: %s\n", qPrintable(problem));
        return 1;
    }
    QElapsedTimer writing;
    writing.start();
    if (!writeHistory(entries, &problem)) {
        std::fprintf(stderr, "bench_startup: cannot write the history: %s\n", qPrintable(problem));
        return 1;
    }
    if (prepareOnly) {
        home.keep();
        std::printf("%s\n", qPrintable(home.path()));
        return 0;
    }
    std::printf("bench_startup: a profile and %d finished dispatches written in %.1f s to %s\n",
                entries, double(writing.elapsed()) / 1000.0,
                qPrintable(rc::ledger::ReleaseLedger::defaultPath()));

    const QString appPath = QStringLiteral(RC_APP_EXECUTABLE);
    const bool keychain = privateKeyringPresent();
    if (keychain && !storeTokens(appPath, home.environment(true), sim, &problem)) {
        std::fprintf(stderr, "bench_startup: %s\n", qPrintable(problem));
        return 1;
    }
    std::printf("keychain: %s\n",
                keychain ? "a throw-away gnome-keyring on a private session bus, holding the "
                           "profile's two tokens"
                         : "none (no session bus: run under scripts/with-keyring for one)");
    QList<Program> programs {
        {u"release-console"_s,
         appPath,
         {u"--quit-after-first-paint"_s},
         home.environment(keychain),
         {},
         0},
        {u"bare window + the app's libraries (b)"_s,
         QStringLiteral(RC_BARE_WINDOW_LIBS_EXECUTABLE),
         {},
         home.environment(keychain),
         {},
         0},
        {u"bare Qt window (a)"_s,
         QStringLiteral(RC_BARE_WINDOW_EXECUTABLE),
         {},
         home.environment(keychain),
         {},
         0},
        {u"release-console, first start"_s,
         appPath,
         {u"--quit-after-first-paint"_s},
         emptyHome.environment(false),
         {},
         0},
    };
    enum { App, Libraries, Bare, FirstStart };
    for (const QString &other : parser.values(compareOption))
        programs.append({u"compared: "_s + other,
                         QFileInfo(other).absoluteFilePath(),
                         {u"--quit-after-first-paint"_s},
                         home.environment(keychain),
                         {},
                         0});

    // Round 0 warms the page cache and is not counted; then the order rotates every round.
    for (int round = 0; round <= rounds; ++round) {
        for (qsizetype turn = 0; turn < programs.size(); ++turn) {
            Program &program = programs[(round + turn) % programs.size()];
            const std::optional<Painted> painted =
                runToFirstPaint(program, &problem, program.environment);
            if (!painted) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(program.label), qPrintable(problem));
                return 1;
            }
            if (round > 0) {
                program.milliseconds.append(painted->milliseconds);
                program.peakKib = std::max(program.peakKib, painted->peakKib);
            }
        }
    }

    std::printf("exec -> first painted window, %d rounds in rotating order after a warm-up, "
                "platform xcb on %s\n",
                rounds, qgetenv("DISPLAY").constData());
    for (const Program &program : std::as_const(programs)) {
        const auto [low, high] =
            std::minmax_element(program.milliseconds.cbegin(), program.milliseconds.cend());
        std::printf("  %-40s median %6.1f ms (%.1f..%.1f), peak RSS at paint %.1f MiB\n",
                    qPrintable(program.label), median(program.milliseconds), *low, *high,
                    mib(program.peakKib));
    }
    const double appMs = median(programs[App].milliseconds);
    const double librariesMs = median(programs[Libraries].milliseconds);
    const double bareMs = median(programs[Bare].milliseconds);
    const double firstMs = median(programs[FirstStart].milliseconds);
    const double vsLibraries = librariesMs > 0 ? appMs / librariesMs : 0;
    const double vsBare = bareMs > 0 ? appMs / bareMs : 0;
    std::printf("ratio app / bare window with the app's libraries: %.2f (goal <= 1.25)\n",
                vsLibraries);
    std::printf("ratio app / plain bare window: %.2f (for the record)\n", vsBare);

    const std::optional<IdleMemory> memory =
        idleMemory(appPath, home.environment(keychain), sim, idle, &problem);
    if (!memory) {
        std::fprintf(stderr, "idle memory: %s\n", qPrintable(problem));
        return 1;
    }
    std::printf("idle release-console, one profile, %d history entries, %lld ms after its last "
                "request (%s):\n",
                entries, qlonglong(idle.count()), qPrintable(memory->requests.join(u", "_s)));
    std::printf("  VmRSS %.1f MiB (goal <= 90): anonymous %.1f, file-backed %.1f, shared "
                "memory %.1f; peak %.1f MiB; %d shared objects mapped\n",
                mib(memory->rssKib), mib(memory->anonKib), mib(memory->fileKib),
                mib(memory->shmemKib), mib(memory->peakKib), memory->mappedLibraries);

    std::printf("what each loads (one run each, LD_DEBUG=statistics,libs):\n");
    for (const Program &program : std::as_const(programs)) {
        if (const std::optional<LoaderStatistics> s = loaderStatistics(program))
            std::printf("  %-40s %3d shared objects initialised, %lld relocations\n",
                        qPrintable(program.label), s->objects, qlonglong(s->relocations));
        else
            std::printf("  %-40s (no statistics)\n", qPrintable(program.label));
    }

    std::printf("RESULT name=startup_vs_libraries value=%.3f goal=<=1.25 unit=x\n", vsLibraries);
    std::printf("RESULT name=startup_vs_bare value=%.3f goal=none unit=x\n", vsBare);
    std::printf("RESULT name=startup_app_ms value=%.1f goal=none unit=ms\n", appMs);
    std::printf("RESULT name=startup_libraries_ms value=%.1f goal=none unit=ms\n", librariesMs);
    std::printf("RESULT name=startup_bare_ms value=%.1f goal=none unit=ms\n", bareMs);
    std::printf("RESULT name=startup_first_start_ms value=%.1f goal=none unit=ms\n", firstMs);
    std::printf("RESULT name=idle_rss_mib value=%.1f goal=<=90 unit=MiB\n", mib(memory->rssKib));
    return 0;
}
