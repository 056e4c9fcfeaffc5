// SPDX-License-Identifier: BSD-3-Clause
// Cold start to first painted window: release-console against a bare Qt Widgets window, started
// alternately in one run (the machine is shared and noisy, so only the ratio means something).
// SPEC §6: the app's median must be at most 1.5x the bare window's.
//
// Usage: bench_coldstart [rounds]   (uses the current QT_QPA_PLATFORM; offscreen if unset)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    double milliseconds = 0;
    long peakRssKib = 0;
};

bool runOnce(const QString &program, const QStringList &arguments,
             const QProcessEnvironment &environment, Sample &sample)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return false;
    sample.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    const QString output = QString::fromLocal8Bit(process.readAllStandardError());
    const qsizetype at = output.indexOf("peak_rss_kib="_L1);
    sample.peakRssKib = at < 0 ? 0 : output.mid(at + 13).section(u'\n', 0, 0).trimmed().toLong();
    return true;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 11;
    QTextStream out(stdout);

    // A fresh home: no saved geometry, no keychain entries, the same first start every round.
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    if (!environment.contains(u"QT_QPA_PLATFORM"_s))
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    const QString appPath = QStringLiteral(RC_APP_EXECUTABLE);
    const QString barePath = QStringLiteral(RC_BARE_WINDOW_EXECUTABLE);
    std::vector<double> appTimes, bareTimes;
    long appPeak = 0, barePeak = 0;
    for (int round = 0; round < rounds; ++round) {
        Sample appSample, bareSample;
        // Alternate the order so neither always runs with a warmer cache.
        const bool appFirst = round % 2 == 0;
        for (int turn = 0; turn < 2; ++turn) {
            const bool isApp = (turn == 0) == appFirst;
            const bool ok = isApp
                ? runOnce(appPath, {u"--quit-after-first-paint"_s}, environment, appSample)
                : runOnce(barePath, {}, environment, bareSample);
            if (!ok) {
                out << (isApp ? "release-console" : "bare window") << " did not start and paint\n";
                return 1;
            }
        }
        appTimes.push_back(appSample.milliseconds);
        bareTimes.push_back(bareSample.milliseconds);
        appPeak = std::max(appPeak, appSample.peakRssKib);
        barePeak = std::max(barePeak, bareSample.peakRssKib);
    }

    const double appMedian = median(appTimes);
    const double bareMedian = median(bareTimes);
    out << "cold start to first paint, " << rounds << " alternating rounds, platform "
        << environment.value(u"QT_QPA_PLATFORM"_s) << '\n';
    out << "  bare Qt window:   median " << qRound(bareMedian) << " ms, peak RSS "
        << barePeak / 1024 << " MiB\n";
    out << "  release-console:  median " << qRound(appMedian) << " ms, peak RSS " << appPeak / 1024
        << " MiB\n";
    const double ratio = bareMedian > 0 ? appMedian / bareMedian : 0;
    out << "  ratio (app / bare): " << QString::number(ratio, 'f', 2) << "  (bar: <= 1.50)\n";
    return 0;
}
