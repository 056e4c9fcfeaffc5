// SPDX-License-Identifier: BSD-3-Clause
#include "cli/watchcommand.h"

#include "cli/cli.h"
#include "flow/forgeclients.h"
#include "flow/runrecorder.h"
#include "ledger/releaseledger.h"
#include "secrets/redaction.h"
#include "watch/platforms.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::WatchCommand)
};

constexpr int kMaxIntervalSeconds = 600;

QString platformName(const watch::PlatformState &platform)
{
    if (platform.os.isEmpty())
        return printable(platform.key);
    return platform.variant.isEmpty() ? platform.os : platform.os + u" · "_s + platform.variant;
}

QString statusText(const watch::PlatformState &platform)
{
    switch (platform.status) {
    case watch::PlatformStatus::Queued:
        return Text::tr("queued");
    case watch::PlatformStatus::Running:
        if (platform.stepCount > 0)
            return Text::tr("running step %1 of %2: %3")
                .arg(platform.stepNumber)
                .arg(platform.stepCount)
                .arg(printable(platform.stepName));
        return Text::tr("running");
    case watch::PlatformStatus::Success:
        return Text::tr("success");
    case watch::PlatformStatus::Failure:
        if (platform.jobConclusion == "success"_L1)
            return Text::tr("FAILED (the job says success; its build summary says %1)")
                .arg(platform.trueOutcome.value_or(u"failure"_s));
        return Text::tr("FAILED");
    case watch::PlatformStatus::Cancelled:
        return Text::tr("cancelled");
    case watch::PlatformStatus::Skipped:
        return Text::tr("skipped");
    }
    return {};
}

QJsonObject platformJson(const watch::PlatformState &platform)
{
    return {
        {u"platform"_s, platform.key},
        {u"os"_s, platform.os},
        {u"variant"_s, platform.variant},
        {u"helper"_s, platform.helper},
        {u"status"_s, watch::platformStatusName(platform.status)},
        {u"jobStatus"_s, platform.jobStatus},
        {u"jobConclusion"_s, platform.jobConclusion},
        {u"trueOutcome"_s, platform.trueOutcome ? QJsonValue(*platform.trueOutcome) : QJsonValue()},
        {u"step"_s, platform.stepName},
        {u"stepNumber"_s, platform.stepNumber},
        {u"stepCount"_s, platform.stepCount},
        {u"url"_s, platform.htmlUrl.toString()}};
}

void printLine(QTextStream &out, const QString &line)
{
    out << QDateTime::currentDateTime().toString(u"HH:mm:ss"_s) << u"  "_s << line << u'\n';
    out.flush();
}

}  // namespace

int followRun(const flow::ForgeClients &clients, const watch::WatchTarget &target,
              const watch::WatchOptions &options, const watch::RunWatcher::Clock &clock, bool json,
              QTextStream &out, QTextStream &err, ledger::ReleaseLedger *ledger, qint64 entryId)
{
    watch::RunWatcher watcher(&clients.gitHub, target, options, clock);
    // On a terminal the view is one block redrawn in place; elsewhere a line per change.
    const bool redraw = !json && standardOutputIsTerminal();
    int drawnLines = 0;
    QString runLine;
    const auto render = [&]() {
        QStringList block {runLine};
        for (const watch::PlatformState &platform : watcher.snapshot().platforms) {
            if (!platform.helper)
                block << u"  "_s + platformName(platform).leftJustified(34) + u' ' +
                        statusText(platform);
        }
        if (drawnLines > 0)
            out << u"\x1b["_s << drawnLines << u'F';
        for (const QString &line : std::as_const(block))
            out << u"\x1b[2K"_s << line << u'\n';
        drawnLines = int(block.size());
        out.flush();
    };
    if (ledger && entryId > 0)
        new flow::RunRecorder(&watcher, ledger, entryId);
    QList<watch::PlatformState> shown;
    const auto emitJson = [&out](const QJsonObject &object) {
        out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << u'\n';
        out.flush();
    };
    const auto showPlatform = [&](int index) {
        const watch::PlatformState &platform = watcher.snapshot().platforms.at(index);
        while (shown.size() <= index)
            shown.append(watch::PlatformState {});
        if (shown.at(index) == platform)
            return;
        const bool statusChanged = shown.at(index).status != platform.status ||
            shown.at(index).stepNumber != platform.stepNumber ||
            shown.at(index).trueOutcome != platform.trueOutcome;
        shown[index] = platform;
        if (!statusChanged)
            return;
        if (redraw) {
            render();
            return;
        }
        if (json) {
            QJsonObject line = platformJson(platform);
            line.insert(u"event"_s, u"platform"_s);
            emitJson(line);
        } else if (!platform.helper) {
            printLine(out, platformName(platform).leftJustified(34) + u' ' + statusText(platform));
        }
    };
    QObject::connect(&watcher, &watch::RunWatcher::platformsInserted, &watcher,
                     [&](int first, int last) {
                         for (int i = first; i <= last; ++i)
                             showPlatform(i);
                     });
    QObject::connect(&watcher, &watch::RunWatcher::platformChanged, &watcher, showPlatform);
    QString lastRunLine;
    QObject::connect(&watcher, &watch::RunWatcher::runChanged, &watcher, [&] {
        const watch::RunSnapshot &snapshot = watcher.snapshot();
        QString line;
        if (snapshot.stale)
            line = Text::tr("connection lost since %1: %2; retrying")
                       .arg(snapshot.staleSince.toLocalTime().toString(u"HH:mm:ss"_s),
                            printable(snapshot.problem));
        else if (snapshot.phase == watch::WatchPhase::FindingRun)
            line = Text::tr("waiting for GitHub to start the run…");
        else if (snapshot.run)
            line = Text::tr("run #%1 (attempt %2) %3%4 — %5")
                       .arg(snapshot.run->runNumber)
                       .arg(snapshot.run->runAttempt)
                       .arg(snapshot.run->status,
                            snapshot.run->conclusion.isEmpty() ? QString()
                                                               : u' ' + snapshot.run->conclusion,
                            snapshot.run->htmlUrl.toString());
        if (line == lastRunLine || line.isEmpty())
            return;
        lastRunLine = line;
        if (redraw) {
            runLine = line;
            render();
            return;
        }
        if (json)
            emitJson({{u"event"_s, u"run"_s},
                      {u"message"_s, line},
                      {u"stale"_s, snapshot.stale},
                      {u"runId"_s, snapshot.run ? QJsonValue(snapshot.run->id) : QJsonValue()}});
        else
            printLine(err, line);
    });
    bool finished = false;
    QObject::connect(&watcher, &watch::RunWatcher::finished, &watcher,
                     [&finished] { finished = true; });
    watcher.start();
    waitUntil(finished);

    const watch::RunSnapshot &snapshot = watcher.snapshot();
    int code = Success;
    QString summary;
    switch (snapshot.phase) {
    case watch::WatchPhase::NotFound:
        summary = Text::tr("The run could not be found: %1").arg(printable(snapshot.problem));
        code = OutcomeUnknown;
        break;
    case watch::WatchPhase::Failed:
        summary = Text::tr("Watching failed: %1").arg(printable(snapshot.problem));
        code = NetworkFailure;
        break;
    default:
        if (snapshot.allSucceeded()) {
            summary = Text::tr("Every platform succeeded.");
        } else {
            const QStringList failed = snapshot.failedPlatforms();
            summary = failed.isEmpty()
                ? Text::tr("The run did not succeed (%1).")
                      .arg(snapshot.run ? snapshot.run->conclusion : QString())
                : Text::tr("Failed: %1").arg(failed.join(u", "_s));
            code = Failure;
        }
        break;
    }
    if (json)
        emitJson({{u"event"_s, u"finished"_s},
                  {u"message"_s, summary},
                  {u"exitCode"_s, code},
                  {u"runId"_s, snapshot.run ? QJsonValue(snapshot.run->id) : QJsonValue()},
                  {u"url"_s, snapshot.run ? snapshot.run->htmlUrl.toString() : QString()}});
    else
        out << summary << u'\n';
    return code;
}

int runWatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                    const GlobalOptions &global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Follows a run of the profile's workflow live, per platform, until every build has its "
        "true outcome (the build summaries, not only the job's conclusion).\n"
        "Exit code 0 only when every platform succeeded; 1 when one failed or was cancelled; "
        "4 on a network or authentication failure; 5 when the run cannot be found."));
    const QCommandLineOption profile(u"profile"_s, Text::tr("the release profile"), u"name"_s);
    const QCommandLineOption last(u"last"_s,
                                  Text::tr("the newest run of the workflow (the default)"));
    const QCommandLineOption interval(
        u"interval"_s, Text::tr("the shortest time between polls, seconds (default 3)"), u"s"_s,
        u"3"_s);
    const QCommandLineOption json(u"json"_s, Text::tr("print JSON lines"));
    const QCommandLineOption help({u"h"_s, u"help"_s}, Text::tr("show this help"));
    parser.addOptions({profile, last, interval, json, help});
    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, arguments.constFirst(), Text::tr("[RUN_ID|--last] [options]"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    std::optional<qint64> runId;
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(last))) {
        err << Text::tr("error: give one run id, or --last") << u'\n';
        return InvalidInput;
    }
    if (positional.size() == 1) {
        bool ok = false;
        runId = positional.constFirst().toLongLong(&ok);
        if (!ok || *runId <= 0) {
            err << Text::tr("error: '%1' is not a run id")
                       .arg(secrets::redactTokenShapes(positional.constFirst().left(80)))
                << u'\n';
            return InvalidInput;
        }
    }
    bool numeric = false;
    const int seconds = parser.value(interval).toInt(&numeric);
    if (!numeric || seconds < 1 || seconds > kMaxIntervalSeconds) {
        err << Text::tr("error: interval: give seconds from 1 to %1").arg(kMaxIntervalSeconds)
            << u'\n';
        return InvalidInput;
    }
    CommandSession session = openSession(global, parser.value(profile), err);
    if (!session.ok())
        return session.exitCode;
    const flow::ForgeClients clients(session.environment->transport(), session.profile);

    watch::WatchTarget target;
    target.owner = session.profile.recipesOwner();
    target.repo = session.profile.recipesName();
    target.workflow = session.profile.workflowFile;
    if (!runId) {
        // The newest run of the workflow, whoever started it.
        forge::RunQuery query;
        query.workflow = session.profile.workflowFile;
        query.perPage = 1;
        forge::ForgeResult<forge::Page<forge::WorkflowRun>> newest;
        bool finished = false;
        QObject context;
        clients.gitHub.runs(target.owner, target.repo, query, &context,
                            [&](const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &r) {
                                newest = r;
                                finished = true;
                            });
        waitUntil(finished);
        if (!newest.ok()) {
            err << Text::tr("error: %1").arg(printable(newest.error.describe())) << u'\n';
            return NetworkFailure;
        }
        if (newest.value.items.isEmpty()) {
            err << Text::tr("error: the workflow %1 has no run yet").arg(target.workflow) << u'\n';
            return OutcomeUnknown;
        }
        runId = newest.value.items.constFirst().id;
    }
    target.runId = runId;
    watch::WatchOptions options;
    options.minInterval = std::chrono::seconds(seconds);
    options = session.environment->watchOptions(session.profile.name, options);
    // A run this machine dispatched: its history is completed as it is watched.
    qint64 entryId = 0;
    ledger::ReleaseLedger &history = session.environment->ledger();
    for (const ledger::LedgerEntry &entry : history.entries(session.profile.name)) {
        if (entry.runId == runId) {
            entryId = entry.id;
            break;
        }
    }
    return followRun(clients, target, options, session.environment->watchClock(),
                     parser.isSet(json), out, err, &history, entryId);
}

namespace {

// A completed run's truth from its build summaries: "success" when every summary says so,
// "failure" when one does not, nullopt when there are none (expired after a day, or none made).
std::optional<QString> trueOutcomeOf(const flow::ForgeClients &clients, const QString &owner,
                                     const QString &repo, qint64 runId)
{
    forge::ForgeResult<QList<forge::GitHubArtifact>> artifacts;
    bool listed = false;
    QObject context;
    clients.gitHub.artifacts(owner, repo, runId, &context,
                             [&](const forge::ForgeResult<QList<forge::GitHubArtifact>> &r) {
                                 artifacts = r;
                                 listed = true;
                             });
    waitUntil(listed);
    if (!artifacts.ok())
        return std::nullopt;
    bool any = false;
    for (const forge::GitHubArtifact &artifact : std::as_const(artifacts.value)) {
        if (!artifact.name.startsWith(watch::kBuildSummaryPrefix) || artifact.expired)
            continue;
        forge::ForgeResult<forge::BuildSummary> summary;
        bool read = false;
        clients.gitHub.buildSummary(owner, repo, artifact, &context,
                                    [&](const forge::ForgeResult<forge::BuildSummary> &r) {
                                        summary = r;
                                        read = true;
                                    });
        waitUntil(read);
        if (!summary.ok())
            return std::nullopt;
        any = true;
        if (summary.value.outcome != "success"_L1)
            return u"failure"_s;
    }
    return any ? std::optional<QString>(u"success"_s) : std::nullopt;
}

}  // namespace

int runRunsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                   const GlobalOptions &global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Lists the workflow's recent runs with their true outcomes: the release history's, else "
        "the build summaries' (GitHub keeps them a day), not only the job conclusions."));
    const QCommandLineOption profile(u"profile"_s, Text::tr("the release profile"), u"name"_s);
    const QCommandLineOption limit(u"limit"_s, Text::tr("how many runs (default 10, at most 50)"),
                                   u"n"_s, u"10"_s);
    const QCommandLineOption json(u"json"_s, Text::tr("print JSON"));
    const QCommandLineOption help({u"h"_s, u"help"_s}, Text::tr("show this help"));
    parser.addOptions({profile, limit, json, help});
    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, arguments.constFirst(), Text::tr("[options]"));
        return Success;
    }
    bool numeric = false;
    const int wanted = parser.value(limit).toInt(&numeric);
    if (!numeric || wanted < 1 || wanted > 50 || !parser.positionalArguments().isEmpty()) {
        err << Text::tr("error: limit: give a number from 1 to 50") << u'\n';
        return InvalidInput;
    }
    CommandSession session = openSession(global, parser.value(profile), err);
    if (!session.ok())
        return session.exitCode;
    const flow::ForgeClients clients(session.environment->transport(), session.profile);
    const QString owner = session.profile.recipesOwner();
    const QString repo = session.profile.recipesName();

    forge::RunQuery query;
    query.workflow = session.profile.workflowFile;
    query.perPage = wanted;
    forge::ForgeResult<forge::Page<forge::WorkflowRun>> runs;
    bool listed = false;
    QObject context;
    clients.gitHub.runs(owner, repo, query, &context,
                        [&](const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &r) {
                            runs = r;
                            listed = true;
                        });
    waitUntil(listed);
    if (!runs.ok()) {
        err << Text::tr("error: %1").arg(printable(runs.error.describe())) << u'\n';
        return NetworkFailure;
    }
    QHash<qint64, ledger::LedgerEntry> recorded;
    for (const ledger::LedgerEntry &entry :
         session.environment->ledger().entries(session.profile.name)) {
        if (entry.runId)
            recorded.insert(*entry.runId, entry);
    }
    QJsonArray array;
    for (const forge::WorkflowRun &run : std::as_const(runs.value.items)) {
        QString truth;
        QString source;
        if (run.status != "completed"_L1) {
            truth = run.status;
            source = u"github"_s;
        } else if (recorded.contains(run.id) && !recorded.value(run.id).runConclusion.isEmpty()) {
            truth = recorded.value(run.id).runConclusion;
            source = u"ledger"_s;
        } else if (const auto outcome = trueOutcomeOf(clients, owner, repo, run.id)) {
            truth = *outcome;
            source = u"build-summaries"_s;
        } else {
            truth = run.conclusion;
            source = u"job-conclusion"_s;
        }
        if (parser.isSet(json)) {
            array.append(QJsonObject {{u"id"_s, run.id},
                                      {u"number"_s, run.runNumber},
                                      {u"attempt"_s, run.runAttempt},
                                      {u"title"_s, run.displayTitle},
                                      {u"createdAt"_s, run.createdAt.toString(Qt::ISODate)},
                                      {u"status"_s, run.status},
                                      {u"conclusion"_s, run.conclusion},
                                      {u"trueOutcome"_s, truth},
                                      {u"outcomeFrom"_s, source},
                                      {u"url"_s, run.htmlUrl.toString()}});
            continue;
        }
        const QString note = source == "job-conclusion"_L1
            ? Text::tr(" (GitHub's word: no build summary left to check)")
            : QString();
        out << QString(u'#' + QString::number(run.runNumber)).leftJustified(7)
            << run.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) << u"  "_s
            << truth.leftJustified(10) << u' ' << printable(run.displayTitle).left(60) << note
            << u'\n';
    }
    if (parser.isSet(json))
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return Success;
}

}  // namespace rc::cli
