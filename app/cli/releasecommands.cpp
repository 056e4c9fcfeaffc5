// SPDX-License-Identifier: BSD-3-Clause
#include "cli/releasecommands.h"

#include "cli/cli.h"
#include "cli/watchcommand.h"
#include "flow/dispatcher.h"
#include "flow/forgeclients.h"
#include "flow/preflight.h"
#include "flow/releasepreparation.h"
#include "flow/runname.h"
#include "release/validation.h"
#include "secrets/redaction.h"
#include "tarball/checksumjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::ReleaseCommands)
};

constexpr int kMaxCommitLimit = 500;
constexpr int kCrashExitCode = 137;  // what a shell reports for a process killed by SIGKILL

QString jsonText(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

// The options of every release command, and those of the ones that prepare a release.
struct ReleaseOptions
{
    QCommandLineOption profile {u"profile"_s, Text::tr("the release profile (see 'profiles list')"),
                                u"name"_s};
    QCommandLineOption commit {u"commit"_s, Text::tr("the GitLab commit (full or short sha)"),
                               u"sha"_s};
    QCommandLineOption version {u"version"_s,
                                Text::tr("conda version (default: the commit's [conda-build] "
                                         "message)"),
                                u"version"_s};
    QCommandLineOption build {u"build"_s,
                              Text::tr("build number (default: the message, else the next free "
                                       "one on anaconda.org)"),
                              u"number"_s};
    QCommandLineOption channel {u"channel"_s,
                                Text::tr("anaconda.org channel (default: the "
                                         "message, else the profile's)"),
                                u"channel"_s};
    QCommandLineOption label {u"label"_s,
                              Text::tr("anaconda.org label (default: the message, else the "
                                       "profile's)"),
                              u"label"_s};
    QCommandLineOption author {u"author"_s,
                               Text::tr("author recorded in __deployed__ (default: the commit's)"),
                               u"name"_s};
    QCommandLineOption patchEncoding {
        u"patch-encoding"_s, Text::tr("printf or raw (default: the profile's)"), u"printf|raw"_s};
    QCommandLineOption json {u"json"_s, Text::tr("print JSON")};
    QCommandLineOption help {{u"h"_s, u"help"_s}, Text::tr("show this help")};
};

// Parses, answers --help, and refuses stray arguments; false: end now with *code.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                  const QCommandLineOption &help, const QString &synopsis, QTextStream &out,
                  QTextStream &err, int *code)
{
    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        *code = InvalidInput;
        return false;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, arguments.constFirst(), synopsis);
        *code = Success;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << Text::tr("error: unexpected argument '%1'")
                   .arg(secrets::redactTokenShapes(parser.positionalArguments().constFirst()))
            << u'\n';
        *code = InvalidInput;
        return false;
    }
    return true;
}

QJsonObject specJson(const release::ReleaseSpec &spec)
{
    return {{u"recipe"_s, spec.recipe},   {u"commit"_s, spec.commitSha}, {u"url"_s, spec.url},
            {u"sha256"_s, spec.sha256},   {u"version"_s, spec.version},  {u"build"_s, spec.build},
            {u"channel"_s, spec.channel}, {u"label"_s, spec.label}};
}

QJsonObject tarballJson(const tarball::ChecksumResult &result)
{
    return {{u"url"_s, result.url.toString(QUrl::FullyEncoded)},
            {u"sha256"_s, result.sha256},
            {u"bytes"_s, result.bytes},
            {u"topFolders"_s, QJsonArray::fromStringList(result.topFolder.topLevelNames)},
            {u"entriesChecked"_s, result.topFolder.entriesChecked},
            {u"wholeArchive"_s, result.topFolder.wholeArchive},
            {u"compression"_s, result.topFolder.compression},
            {u"pipelineId"_s, result.pipelineId},
            {u"pipelineStatus"_s, result.pipelineStatus},
            {u"jobId"_s, result.jobId},
            {u"warnings"_s, QJsonArray::fromStringList(result.warnings)}};
}

QJsonArray checksJson(const flow::PreflightReport &report)
{
    QJsonArray checks;
    for (const flow::PreflightCheck &check : report.checks)
        checks.append(QJsonObject {{u"id"_s, check.id},
                                   {u"title"_s, check.title},
                                   {u"state"_s, flow::checkStateName(check.state)},
                                   {u"reason"_s, check.reason},
                                   {u"next"_s, check.nextStep}});
    return checks;
}

QString stateWord(flow::CheckState state)
{
    switch (state) {
    case flow::CheckState::Ok:
        return Text::tr("ok");
    case flow::CheckState::Warning:
        return Text::tr("warning");
    case flow::CheckState::Failed:
        return Text::tr("FAILED");
    case flow::CheckState::Unknown:
        return Text::tr("unknown");
    }
    return {};
}

void printChecks(const flow::PreflightReport &report, QTextStream &out)
{
    for (const flow::PreflightCheck &check : report.checks) {
        out << u"  "_s << stateWord(check.state).leftJustified(8) << u' '
            << check.title.leftJustified(19) << u' ' << printable(check.reason) << u'\n';
        if (!check.nextStep.isEmpty() && check.state != flow::CheckState::Ok)
            out << QString(30, u' ') << u"→ "_s << printable(check.nextStep) << u'\n';
    }
}

void printRelease(const flow::PreparationResult &prepared, QTextStream &out)
{
    const release::ReleaseSpec &spec = prepared.release.spec;
    out << Text::tr("Release %1 %2 build %3 to %4/label/%5")
               .arg(spec.recipe, spec.version, spec.build, spec.channel, spec.label)
        << u'\n';
    out << Text::tr("Commit  %1 %2").arg(prepared.commit.shortId, printable(prepared.commit.title))
        << u'\n';
    out << Text::tr("Tarball %1").arg(spec.url) << u'\n';
    out << Text::tr("sha256  %1").arg(spec.sha256) << u'\n';
    out << Text::tr("Patch   %1 bytes, %2 encoding")
               .arg(QLocale().toString(spec.patch.toUtf8().size()),
                    release::patchEncodingName(prepared.release.encoding))
        << u'\n';
}

// Reads the release options into overrides; problems go to `problems`.
flow::ReleaseOverrides overridesFrom(const QCommandLineParser &parser, const ReleaseOptions &o,
                                     QStringList &problems)
{
    flow::ReleaseOverrides overrides;
    const auto take = [&parser](const QCommandLineOption &option) -> std::optional<QString> {
        if (parser.isSet(option))
            return parser.value(option);
        return std::nullopt;
    };
    overrides.version = take(o.version);
    overrides.build = take(o.build);
    overrides.channel = take(o.channel);
    overrides.label = take(o.label);
    overrides.author = take(o.author);
    if (parser.isSet(o.patchEncoding)) {
        overrides.encoding = release::patchEncodingFromName(parser.value(o.patchEncoding));
        if (!overrides.encoding)
            // The context spelled out: lupdate loses Text's after the qualified names above.
            problems << QCoreApplication::translate("rc::cli::ReleaseCommands",
                                                    "patch-encoding: '%1' is not 'printf' or 'raw'")
                            .arg(secrets::redactTokenShapes(parser.value(o.patchEncoding)));
    }
    return overrides;
}

// A commit as typed: hexadecimal, 7 to 64 digits.
QString checkCommitArgument(const QString &commit)
{
    static const QRegularExpression hex(u"^[0-9a-fA-F]{7,64}$"_s);
    if (commit.isEmpty())
        return Text::tr("commit: --commit is required");
    if (!hex.match(commit).hasMatch())
        return Text::tr("commit: '%1' is not a commit sha (7 to 64 hexadecimal digits)")
            .arg(secrets::redactTokenShapes(commit.left(80)));
    return {};
}

// Prepares the release of one commit: the commit, __init__.py, the checksum, the suggestion.
flow::PreparationResult prepare(CommandSession &session, const flow::ForgeClients &clients,
                                const QString &commit, const flow::ReleaseOverrides &overrides,
                                bool quiet, QTextStream &err)
{
    flow::ReleasePreparation preparation(&clients, session.profile, commit, overrides);
    if (!quiet) {
        QObject::connect(&preparation, &flow::ReleasePreparation::stageChanged, &preparation,
                         [&err](const QString &stage) {
                             err << printable(stage) << u'\n';
                             err.flush();
                         });
    }
    preparation.start();
    if (!preparation.isFinished())
        waitFor(&preparation, &flow::ReleasePreparation::finished);
    return preparation.result();
}

// Tells why a preparation stopped; the exit code.
int reportPreparationFailure(const flow::PreparationResult &prepared, QTextStream &err)
{
    if (prepared.cancelled) {
        err << Text::tr("error: cancelled") << u'\n';
        return Failure;
    }
    if (prepared.error.isError()) {
        err << Text::tr("error: %1").arg(printable(prepared.error.describe())) << u'\n';
        // No such commit is a typo; no such file at the commit is what a check finds.
        if (prepared.error.kind == forge::ForgeError::Kind::NotFound)
            return prepared.commit.id.isEmpty() ? InvalidInput : CheckFailed;
        return NetworkFailure;
    }
    err << Text::tr("error: %1").arg(printable(prepared.problem)) << u'\n';
    return CheckFailed;
}

flow::PreflightReport runPreflight(const flow::ForgeClients &clients, CommandSession &session,
                                   const flow::PreparationResult &prepared)
{
    flow::PreflightInput input;
    input.profile = session.profile;
    input.release = prepared.release;
    input.checksum = prepared.checksum;
    input.ledger = &session.environment->ledger();
    flow::Preflight preflight(&clients, input);
    preflight.start();
    if (!preflight.report().allFinished())
        waitFor(&preflight, &flow::Preflight::finished);
    return preflight.report();
}

// The part of preflight and dispatch before sending: parse, open, prepare, check.
struct Prepared
{
    CommandSession session;
    std::unique_ptr<flow::ForgeClients> clients;
    flow::PreparationResult preparation;
    flow::PreflightReport report;
    int exitCode = -1;  // set when the command must end now
};

Prepared prepareAndCheck(const QCommandLineParser &parser, const ReleaseOptions &options,
                         const GlobalOptions &global, bool json, QTextStream &err)
{
    Prepared p;
    QStringList problems;
    const QString commit = parser.value(options.commit);
    if (const QString reason = checkCommitArgument(commit); !reason.isEmpty())
        problems << reason;
    const flow::ReleaseOverrides overrides = overridesFrom(parser, options, problems);
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            err << Text::tr("error: %1").arg(problem) << u'\n';
        p.exitCode = InvalidInput;
        return p;
    }
    p.session = openSession(global, parser.value(options.profile), err);
    if (!p.session.ok()) {
        p.exitCode = p.session.exitCode;
        return p;
    }
    p.clients =
        std::make_unique<flow::ForgeClients>(p.session.environment->transport(), p.session.profile);
    p.preparation = prepare(p.session, *p.clients, commit, overrides, json, err);
    if (!p.preparation.ok()) {
        p.exitCode = reportPreparationFailure(p.preparation, err);
        return p;
    }
    for (const QString &warning : std::as_const(p.preparation.warnings))
        err << Text::tr("warning: %1").arg(printable(warning)) << u'\n';
    p.report = runPreflight(*p.clients, p.session, p.preparation);
    return p;
}

QJsonObject preparedJson(const Prepared &p)
{
    const release::PreparedRelease &release = p.preparation.release;
    QJsonObject json {
        {u"profile"_s, p.session.profile.name},
        {u"release"_s, specJson(release.spec)},
        {u"commitTitle"_s, p.preparation.commit.title},
        {u"patchEncoding"_s, release::patchEncodingName(release.encoding)},
        {u"patch"_s, release.spec.patch},
        {u"body"_s, QString::fromUtf8(release.payload.json)},
        {u"bodyCharacters"_s, release.payload.measuredSize},
        {u"bodyLimit"_s, release.payload.limit},
        {u"installLine"_s, release::installLine(release.spec)},
        {u"checks"_s, checksJson(p.report)},
        {u"ready"_s, release.isReady() && !p.report.hasFailures()},
        {u"warnings"_s, QJsonArray::fromStringList(p.preparation.warnings)},
    };
    if (p.preparation.tarball)
        json.insert(u"tarball"_s, tarballJson(*p.preparation.tarball));
    return json;
}

void printPreflight(const Prepared &p, QTextStream &out)
{
    printRelease(p.preparation, out);
    out << Text::tr("Checks:") << u'\n';
    printChecks(p.report, out);
    for (const QString &reason : p.preparation.release.blockingReasons())
        out << Text::tr("  blocked  %1").arg(printable(reason)) << u'\n';
}

// 0 nothing failed; 4 a token was refused (authentication); 3 any other check failed.
int checksExitCode(const Prepared &p)
{
    for (const QString &id : {u"github-token"_s, u"gitlab-token"_s}) {
        if (const flow::PreflightCheck *check = p.report.check(id);
            check && check->state == flow::CheckState::Failed)
            return NetworkFailure;
    }
    return p.report.hasFailures() || !p.preparation.release.isReady() ? CheckFailed : Success;
}

bool askToSend(const Prepared &p, QTextStream &out)
{
    const release::ReleaseSpec &spec = p.preparation.release.spec;
    out << Text::tr("Send %1 %2 build %3 to %4 now? [y/N] ")
               .arg(spec.recipe, spec.version, spec.build, p.session.profile.recipesRepo);
    out.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == "y"_L1 || answer == "yes"_L1;
}

}  // namespace

int runCommitsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                      const GlobalOptions &global)
{
    const ReleaseOptions options;
    const QCommandLineOption limit(
        u"limit"_s, Text::tr("how many commits (default 20, at most %1)").arg(kMaxCommitLimit),
        u"n"_s, u"20"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Lists the profile's branch commits, newest first, with their GitLab pipeline "
                 "status. A red or running pipeline is flagged."));
    parser.addOptions({options.profile, limit, options.json, options.help});
    int code = Success;
    if (!parseCommand(parser, arguments, options.help, Text::tr("[--profile P] [options]"), out,
                      err, &code))
        return code;
    bool numeric = false;
    const int wanted = parser.value(limit).toInt(&numeric);
    if (!numeric || wanted < 1 || wanted > kMaxCommitLimit) {
        err << Text::tr("error: limit: give a number from 1 to %1").arg(kMaxCommitLimit) << u'\n';
        return InvalidInput;
    }
    CommandSession session = openSession(global, parser.value(options.profile), err);
    if (!session.ok())
        return session.exitCode;
    const flow::ForgeClients clients(session.environment->transport(), session.profile);

    QList<forge::CommitWithPipeline> commits;
    forge::ForgeError error;
    const int perPage = std::min(wanted, 100);
    for (int page = 1; commits.size() < wanted; ++page) {
        bool finished = false;
        bool more = false;
        QObject context;
        clients.gitLab.commitsWithPipelines(
            session.profile.gitLabProject, session.profile.branch, page, perPage, &context,
            [&](const forge::ForgeResult<forge::Page<forge::CommitWithPipeline>> &r) {
                if (r.ok()) {
                    commits << r.value.items;
                    more = r.value.hasNext() && !r.value.items.isEmpty();
                } else {
                    error = r.error;
                }
                finished = true;
            });
        waitUntil(finished);
        if (error.isError() || !more)
            break;
    }
    if (error.isError()) {
        err << Text::tr("error: %1").arg(printable(error.describe())) << u'\n';
        return NetworkFailure;
    }
    commits = commits.mid(0, wanted);

    if (parser.isSet(options.json)) {
        QJsonArray array;
        for (const forge::CommitWithPipeline &entry : std::as_const(commits)) {
            const forge::GitLabCommit &c = entry.commit;
            array.append(QJsonObject {
                {u"sha"_s, c.id},
                {u"title"_s, c.title},
                {u"author"_s, c.authorName},
                {u"date"_s, c.committedDate.toString(Qt::ISODate)},
                {u"pipelineStatus"_s, entry.pipeline ? entry.pipeline->status : QString()},
                {u"pipelineId"_s, entry.pipeline ? entry.pipeline->id : 0},
                {u"webUrl"_s, c.webUrl.toString()}});
        }
        out << jsonText(array);
        return Success;
    }
    for (const forge::CommitWithPipeline &entry : std::as_const(commits)) {
        const forge::GitLabCommit &c = entry.commit;
        const QString status = entry.pipeline ? entry.pipeline->status : Text::tr("none");
        const bool flagged =
            forge::isPipelineFlagged(entry.pipeline ? entry.pipeline->status : QString());
        out << c.shortId.leftJustified(9) << u' ' << (flagged ? u'!' : u' ') << u' '
            << status.leftJustified(9) << u' '
            << c.committedDate.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) << u"  "_s
            << printable(c.authorName).left(20).leftJustified(20) << u"  "_s
            << printable(c.title).left(72) << u'\n';
    }
    return Success;
}

int runChecksumCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const GlobalOptions &global)
{
    const ReleaseOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Finds the commit's tarball (its pipeline's job artifact, by job id), downloads "
                 "it with the GitLab token and prints its SHA-256 and top-level folder.\n"
                 "Exit code 3 when the tarball is missing or unpacks into the wrong folder."));
    parser.addOptions({options.profile, options.commit, options.json, options.help});
    int code = Success;
    if (!parseCommand(parser, arguments, options.help, Text::tr("--commit SHA [options]"), out, err,
                      &code))
        return code;
    if (const QString reason = checkCommitArgument(parser.value(options.commit));
        !reason.isEmpty()) {
        err << Text::tr("error: %1").arg(reason) << u'\n';
        return InvalidInput;
    }
    CommandSession session = openSession(global, parser.value(options.profile), err);
    if (!session.ok())
        return session.exitCode;
    const flow::ForgeClients clients(session.environment->transport(), session.profile);

    // A short sha is resolved first: the job URL and the patch need the full one.
    forge::ForgeResult<forge::GitLabCommit> commit;
    {
        bool finished = false;
        QObject context;
        clients.gitLab.commit(session.profile.gitLabProject, parser.value(options.commit), &context,
                              [&](const forge::ForgeResult<forge::GitLabCommit> &r) {
                                  commit = r;
                                  finished = true;
                              });
        waitUntil(finished);
    }
    if (!commit.ok()) {
        err << Text::tr("error: %1").arg(printable(commit.error.describe())) << u'\n';
        return NetworkFailure;
    }
    tarball::ChecksumJob job(&clients.gitLab,
                             flow::checksumRequestFor(session.profile, commit.value.id));
    const bool json = parser.isSet(options.json);
    if (!json) {
        QObject::connect(&job, &tarball::ChecksumJob::stageChanged, &job,
                         [&err](const QString &stage) {
                             err << printable(stage) << u'\n';
                             err.flush();
                         });
    }
    job.start();
    if (!job.isFinished())
        waitFor(&job, &tarball::ChecksumJob::finished);
    const tarball::ChecksumOutcome &outcome = job.outcome();
    if (outcome.error.isError()) {
        err << Text::tr("error: %1").arg(printable(outcome.error.describe())) << u'\n';
        return NetworkFailure;
    }
    if (!outcome.result) {
        err << Text::tr("error: %1").arg(printable(outcome.problem)) << u'\n';
        return CheckFailed;
    }
    const tarball::ChecksumResult &result = *outcome.result;
    if (json) {
        QJsonObject object = tarballJson(result);
        object.insert(u"commit"_s, commit.value.id);
        object.insert(u"problem"_s, outcome.problem);
        out << jsonText(object);
    } else {
        out << Text::tr("url         %1").arg(result.url.toString(QUrl::FullyEncoded)) << u'\n';
        out << Text::tr("sha256      %1").arg(result.sha256) << u'\n';
        out << Text::tr("bytes       %1").arg(QLocale().toString(result.bytes)) << u'\n';
        out << Text::tr("top folder  %1 (%2, %3 entries%4)")
                   .arg(result.topFolder.topLevelNames.join(u", "_s), result.topFolder.compression)
                   .arg(result.topFolder.entriesChecked)
                   .arg(result.topFolder.wholeArchive ? QString() : Text::tr(", first part"))
            << u'\n';
        out << Text::tr("pipeline    #%1 (%2), job #%3")
                   .arg(result.pipelineId)
                   .arg(result.pipelineStatus)
                   .arg(result.jobId)
            << u'\n';
        for (const QString &warning : result.warnings)
            err << Text::tr("warning: %1").arg(printable(warning)) << u'\n';
    }
    if (!outcome.problem.isEmpty()) {
        err << Text::tr("error: %1").arg(printable(outcome.problem)) << u'\n';
        return CheckFailed;
    }
    return Success;
}

int runPreflightCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                        const GlobalOptions &global)
{
    const ReleaseOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Prepares the release of a commit (checksum, patch) and runs every check "
                 "before a dispatch. Nothing is sent.\n"
                 "Exit code 0 when nothing failed (warnings allowed), 3 when a check failed, "
                 "4 on a network or authentication failure."));
    parser.addOptions({options.profile, options.commit, options.version, options.build,
                       options.channel, options.label, options.author, options.patchEncoding,
                       options.json, options.help});
    int code = Success;
    if (!parseCommand(parser, arguments, options.help, Text::tr("--commit SHA [options]"), out, err,
                      &code))
        return code;
    const bool json = parser.isSet(options.json);
    Prepared p = prepareAndCheck(parser, options, global, json, err);
    if (p.exitCode >= 0)
        return p.exitCode;
    if (json)
        out << jsonText(preparedJson(p));
    else
        printPreflight(p, out);
    return checksExitCode(p);
}

int runDispatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const GlobalOptions &global)
{
    const ReleaseOptions options;
    const QCommandLineOption yes(u"yes"_s, Text::tr("send without asking (scripts)"));
    const QCommandLineOption watchRun(
        u"watch"_s,
        Text::tr("once sent, follow the run to its true per-platform outcome (exit "
                 "code as 'watch')"));
    const QCommandLineOption resend(
        u"resend"_s, Text::tr("with --yes: send a release that was dispatched from here before"));
    const QCommandLineOption cancelRunning(
        u"cancel-running"_s,
        Text::tr("with --yes: send even though the workflow cancels a run in progress"));
    const QCommandLineOption dryRun(u"dry-run"_s,
                                    Text::tr("do everything but send; print the exact body"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Prepares, checks and sends the release of a commit to the recipes repo's "
                 "workflow, at most once.\n"
                 "Exit codes: 0 sent, 2 invalid input, 3 a check failed (nothing sent), 4 network "
                 "or authentication failure, 5 sent but the outcome is unknown (look before "
                 "sending again)."));
    parser.addOptions({options.profile, options.commit, options.version, options.build,
                       options.channel, options.label, options.author, options.patchEncoding, yes,
                       dryRun, watchRun, resend, cancelRunning, options.json, options.help});
    int code = Success;
    if (!parseCommand(parser, arguments, options.help, Text::tr("--commit SHA [options]"), out, err,
                      &code))
        return code;
    const bool json = parser.isSet(options.json);
    if (!parser.isSet(yes) && !parser.isSet(dryRun) && (json || !standardInputIsTerminal())) {
        err << Text::tr("error: not a terminal: pass --yes to send, or --dry-run") << u'\n';
        return InvalidInput;
    }
    Prepared p = prepareAndCheck(parser, options, global, json, err);
    if (p.exitCode >= 0)
        return p.exitCode;
    QJsonObject result = preparedJson(p);
    const bool blocked = p.report.hasFailures() || !p.preparation.release.isReady();
    if (!json)
        printPreflight(p, out);
    if (blocked || parser.isSet(dryRun)) {
        if (json) {
            result.insert(u"outcome"_s, u"not-sent"_s);
            out << jsonText(result);
        } else if (parser.isSet(dryRun)) {
            out << QString::fromUtf8(p.preparation.release.payload.json) << u'\n';
        }
        if (blocked)
            err << Text::tr("error: a check failed; nothing was sent") << u'\n';
        return blocked ? checksExitCode(p) : Success;
    }
    // --yes answers "send?", not "send this release a second time?" nor "cancel that run?".
    if (parser.isSet(yes) && p.report.alreadyDispatched && !parser.isSet(resend)) {
        err << Text::tr("error: this release was dispatched before (see 'Same release before'); "
                        "pass --resend to send it again, or use another build number")
            << u'\n';
        return CheckFailed;
    }
    if (parser.isSet(yes) && p.report.wouldCancelRun && !parser.isSet(cancelRunning)) {
        err << Text::tr("error: run #%1 is in progress and this dispatch would cancel it; pass "
                        "--cancel-running to send anyway")
                   .arg(p.report.runInProgress->runNumber)
            << u'\n';
        return CheckFailed;
    }
    if (!parser.isSet(yes) && !askToSend(p, out)) {
        err << Text::tr("Not sent.") << u'\n';
        return Failure;
    }

    flow::DispatchRequest request;
    request.profile = p.session.profile;
    request.release = p.preparation.release;
    request.gitHubLogin = p.report.gitHubLogin;
    request.runNameTemplate = p.report.workflowRunName;
    flow::Dispatcher dispatcher(p.clients.get(), &p.session.environment->ledger(), request);
    if (!json) {
        QObject::connect(&dispatcher, &flow::Dispatcher::stageChanged, &dispatcher,
                         [&err](const QString &stage) {
                             err << printable(stage) << u'\n';
                             err.flush();
                         });
    }
    // The crash-safety test ends the process abruptly at either side of the POST, as a kill
    // would: nothing flushed, no destructor run.
    const QByteArray crashAt = qgetenv("RC_TEST_CRASH_AT");
    if (crashAt == "before-post")
        QObject::connect(&dispatcher, &flow::Dispatcher::posting, &dispatcher,
                         [] { std::_Exit(kCrashExitCode); });
    else if (crashAt == "after-post")
        QObject::connect(&dispatcher, &flow::Dispatcher::answerReceived, &dispatcher,
                         [] { std::_Exit(kCrashExitCode); });
    dispatcher.start();
    if (!dispatcher.isFinished())
        waitFor(&dispatcher, &flow::Dispatcher::finished);
    const flow::DispatchReport &report = dispatcher.report();
    if (json) {
        result.insert(u"outcome"_s, flow::dispatchOutcomeName(report.outcome));
        result.insert(u"message"_s, report.message);
        result.insert(u"ledgerId"_s, report.ledgerId);
        result.insert(u"runId"_s, report.runId ? QJsonValue(*report.runId) : QJsonValue());
        result.insert(u"runUrl"_s, report.runUrl.toString());
        result.insert(u"posts"_s, report.postsSent);
        out << jsonText(result);
    } else {
        out << printable(report.message) << u'\n';
        if (report.runUrl.isValid() && !report.runUrl.isEmpty())
            out << Text::tr("Run:     %1").arg(report.runUrl.toString()) << u'\n';
        if (report.outcome == flow::DispatchOutcome::Sent)
            out << Text::tr("Install: %1").arg(release::installLine(p.preparation.release.spec))
                << u'\n';
    }
    if (report.outcome == flow::DispatchOutcome::Sent && parser.isSet(watchRun)) {
        const profiles::Profile &profile = p.session.profile;
        watch::WatchTarget target;
        target.owner = profile.recipesOwner();
        target.repo = profile.recipesName();
        target.workflow = profile.workflowFile;
        target.runId = report.runId;
        target.event = profile.dispatchKind == release::DispatchKind::Workflow
            ? u"workflow_dispatch"_s
            : u"repository_dispatch"_s;
        target.actor = p.report.gitHubLogin;
        target.branch = profile.dispatchKind == release::DispatchKind::Workflow
            ? profile.workflowRef
            : QString();
        target.createdSince = QDateTime::currentDateTimeUtc().addSecs(-120);
        target.expectedTitle =
            flow::expectedRunTitle(p.report.workflowRunName, p.preparation.release.payload.json);
        flow::ReleaseEnvironment &environment = *p.session.environment;
        return followRun(*p.clients, target, environment.watchOptions(profile.name),
                         environment.watchClock(), json, out, err, &environment.ledger(),
                         report.ledgerId);
    }
    switch (report.outcome) {
    case flow::DispatchOutcome::Sent:
        return Success;
    case flow::DispatchOutcome::Unknown:
        return OutcomeUnknown;
    case flow::DispatchOutcome::Refused:
        // GitHub refused the body itself (422): a check of ours missed it; else auth or limits.
        return report.refusal.kind == forge::ForgeError::Kind::Validation ? CheckFailed
                                                                          : NetworkFailure;
    case flow::DispatchOutcome::NotStarted:
        return Failure;
    }
    return Failure;
}

}  // namespace rc::cli
