// SPDX-License-Identifier: BSD-3-Clause
#include "cli/payloadcommand.h"

#include "cli/cli.h"
#include "release/commitmessage.h"
#include "release/releasecore.h"
#include "secrets/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::PayloadCommand)
};

struct PayloadOptions
{
    QCommandLineOption recipe {u"recipe"_s, Text::tr("conda recipe folder name, e.g. veloxchem"),
                               u"name"_s};
    QCommandLineOption version {u"version"_s, Text::tr("conda package version, e.g. 1.0rc4"),
                                u"version"_s};
    QCommandLineOption build {u"build"_s, Text::tr("build number, a non-negative integer"),
                              u"number"_s};
    QCommandLineOption channel {u"channel"_s, Text::tr("anaconda.org channel"), u"channel"_s};
    QCommandLineOption label {u"label"_s, Text::tr("anaconda.org label, e.g. dev or main"),
                              u"label"_s};
    QCommandLineOption url {u"url"_s, Text::tr("tarball URL the runner downloads"), u"url"_s};
    QCommandLineOption sha256 {u"sha256"_s, Text::tr("SHA-256 of the tarball, 64 hex digits"),
                               u"hex"_s};
    QCommandLineOption commitMessageFile {
        u"commit-message-file"_s,
        Text::tr("read version/build/channel/label from a [conda-build] commit message; explicit "
                 "options win"),
        u"file"_s};
    QCommandLineOption initFile {
        u"init-file"_s,
        Text::tr("the package's __init__.py at the commit; the patch is generated from it"),
        u"file"_s};
    QCommandLineOption initPath {
        u"init-path"_s,
        Text::tr("path of __init__.py in the repository (default src/pymodule/__init__.py)"),
        u"path"_s, u"src/pymodule/__init__.py"_s};
    QCommandLineOption patchFile {
        u"patch-file"_s, Text::tr("use this prepared patch instead of --init-file"), u"file"_s};
    QCommandLineOption commit {u"commit"_s, Text::tr("commit sha recorded in the patch"), u"sha"_s};
    QCommandLineOption author {u"author"_s, Text::tr("author recorded in the patch"), u"name"_s};
    QCommandLineOption timestamp {
        u"timestamp"_s, Text::tr("deployment timestamp recorded in the patch (default: now, UTC)"),
        u"iso-8601"_s};
    QCommandLineOption kind {u"kind"_s, Text::tr("workflow (default) or repository dispatch"),
                             u"kind"_s, u"workflow"_s};
    QCommandLineOption ref {
        u"ref"_s, Text::tr("git ref of the recipes repo to run the workflow on (default main)"),
        u"ref"_s, u"main"_s};
    QCommandLineOption eventType {u"event-type"_s,
                                  Text::tr("repository dispatch event type (default conda-build)"),
                                  u"type"_s, u"conda-build"_s};
    QCommandLineOption patchEncoding {
        u"patch-encoding"_s,
        Text::tr("how the workflow writes the patch: printf (the seed's printf '<patch>', "
                 "default) or raw (taken from an environment variable)"),
        u"printf|raw"_s, u"printf"_s};
    QCommandLineOption compact {u"compact"_s,
                                Text::tr("print the exact compact body instead of indented JSON")};
    QCommandLineOption help {{u"h"_s, u"help"_s}, Text::tr("show this help")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({recipe,    version,       build,     channel,
                           label,     url,           sha256,    commitMessageFile,
                           initFile,  initPath,      patchFile, commit,
                           author,    timestamp,     kind,      ref,
                           eventType, patchEncoding, compact,   help});
    }
};

// Reads a text file given on the command line, or records why it could not.
QString readTextFile(const QString &path, QStringList &problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems << Text::tr("cannot read '%1': %2").arg(path, file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QByteArray readBinaryFile(const QString &path, QStringList &problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems << Text::tr("cannot read '%1': %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

}  // namespace

int runPayloadCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const PayloadOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Validates a release and prints the JSON body that would be sent to GitHub.\n"
        "Nothing is sent. Exit code 2 and one line per problem when the input is invalid."));
    options.addTo(parser);

    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(options.help)) {
        out << commandHelp(parser, arguments.constFirst(), Text::tr("[options]"));
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << Text::tr("error: unexpected argument '%1'")
                   .arg(secrets::redactTokenShapes(parser.positionalArguments().constFirst()))
            << u'\n';
        return InvalidInput;
    }

    QStringList problems;
    QStringList warnings;
    release::ReleaseChoices choices;
    choices.recipe = parser.value(options.recipe);
    release::ReleaseFacts facts;
    facts.url = parser.value(options.url);
    facts.sha256 = parser.value(options.sha256);

    if (parser.isSet(options.commitMessageFile)) {
        const QString message = readTextFile(parser.value(options.commitMessageFile), problems);
        const release::CommitMessageParse parsed = release::parseCommitMessage(message);
        for (const QString &warning : parsed.warnings)
            warnings << Text::tr("commit message: %1").arg(warning);
        choices.version = parsed.value(u"version"_s);
        choices.build = parsed.value(u"build"_s);
        choices.channel = parsed.value(u"channel"_s);
        choices.label = parsed.value(u"label"_s);
    }
    const auto override = [&parser](const QCommandLineOption &option, QString &field) {
        if (parser.isSet(option))
            field = parser.value(option);
    };
    override(options.version, choices.version);
    override(options.build, choices.build);
    override(options.channel, choices.channel);
    override(options.label, choices.label);

    release::DispatchTarget target;
    const QString kindName = parser.value(options.kind);
    if (kindName == "repository"_L1)
        target.kind = release::DispatchKind::Repository;
    else if (kindName != "workflow"_L1)
        problems << Text::tr("kind: '%1' is not 'workflow' or 'repository'").arg(kindName);
    target.ref = parser.value(options.ref);
    target.eventType = parser.value(options.eventType);
    if (const auto encoding = release::patchEncodingFromName(parser.value(options.patchEncoding)))
        target.encoding = *encoding;
    else
        problems << Text::tr("patch-encoding: '%1' is not 'printf' or 'raw'")
                        .arg(parser.value(options.patchEncoding));

    bool patchArgumentsValid = true;
    if (parser.isSet(options.patchFile) && parser.isSet(options.initFile)) {
        problems << Text::tr("patch: give either --init-file or --patch-file, not both");
        patchArgumentsValid = false;
    } else if (parser.isSet(options.patchFile)) {
        facts.preparedPatch = readTextFile(parser.value(options.patchFile), problems);
    } else if (parser.isSet(options.initFile)) {
        facts.initPath = parser.value(options.initPath);
        facts.initFile = readBinaryFile(parser.value(options.initFile), problems);
        choices.commitSha = parser.value(options.commit);
        choices.author = parser.value(options.author);
        facts.timestamp = parser.isSet(options.timestamp)
            ? parser.value(options.timestamp)
            : QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        if (choices.author.trimmed().isEmpty()) {
            problems << Text::tr("author: --author is required with --init-file");
            patchArgumentsValid = false;
        }
        if (const QString reason = release::checkCommitSha(choices.commitSha); !reason.isEmpty()) {
            problems << Text::tr("commit: %1").arg(reason);
            patchArgumentsValid = false;
        }
    } else {
        problems << Text::tr(
            "patch: give --init-file (with --commit and --author) or --patch-file");
        patchArgumentsValid = false;
    }

    const release::PreparedRelease prepared = release::prepareRelease(choices, facts, target);
    for (const release::FieldProblem &problem : prepared.problems) {
        // The commit is only recorded in the patch; its problems were reported with --commit.
        if (problem.field == release::ReleaseField::CommitSha)
            continue;
        if (problem.field == release::ReleaseField::Patch && !patchArgumentsValid)
            continue;
        problems << release::fieldName(problem.field) + u": "_s + problem.message;
    }
    for (const release::PatchLintNote &note : prepared.lint) {
        if (note.severity == release::PatchLintNote::Severity::Error)
            problems << Text::tr("patch: %1").arg(note.message);
        else
            warnings << Text::tr("patch: %1").arg(note.message);
    }
    if (problems.isEmpty() && !prepared.payload.ok())
        problems << Text::tr("payload: %1").arg(prepared.payload.error);
    const release::Payload &payload = prepared.payload;

    for (const QString &warning : std::as_const(warnings))
        err << Text::tr("warning: %1").arg(warning) << u'\n';
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            err << Text::tr("error: %1").arg(problem) << u'\n';
        return InvalidInput;
    }
    out << QString::fromUtf8(parser.isSet(options.compact) ? payload.json
                                                           : release::prettyJson(payload.json));
    if (parser.isSet(options.compact))
        out << u'\n';
    return Success;
}

}  // namespace rc::cli
