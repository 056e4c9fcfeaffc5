// SPDX-License-Identifier: BSD-3-Clause
#include "cli/ledgercommand.h"

#include "cli/cli.h"
#include "ledger/ledgerexport.h"
#include "secrets/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::LedgerCommand)
};

using ledger::LedgerEntry;
using ledger::PlatformRecord;
using ledger::ReleaseLedger;

constexpr int kDefaultListLimit = 20;
constexpr int kMaxLimit = 1000000;

QString shownTime(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return u"-"_s;
    return time->toUTC().toString(u"yyyy-MM-dd HH:mm:ss'Z'"_s);
}

QString shownDuration(std::optional<qint64> ms)
{
    if (!ms)
        return u"-"_s;
    const qint64 seconds = (*ms + 500) / 1000;
    if (seconds < 60)
        return u"%1s"_s.arg(seconds);
    if (seconds < 3600)
        return u"%1m %2s"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1h %2m"_s.arg(seconds / 3600).arg((seconds / 60) % 60, 2, 10, QChar(u'0'));
}

QString shownUrl(const QUrl &url)
{
    return url.isEmpty() ? u"-"_s : printable(QString::fromUtf8(url.toEncoded()));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_s : printable(text);
}

// "3/4 ok" from the platforms' true outcomes; empty when there are none.
QString platformTally(const QList<PlatformRecord> &platforms)
{
    if (platforms.isEmpty())
        return {};
    qsizetype good = 0;
    for (const PlatformRecord &record : platforms) {
        if (record.truth() == "success"_L1)
            ++good;
    }
    return Text::tr("%1/%2 ok").arg(good).arg(platforms.size());
}

void printList(const QList<LedgerEntry> &entries, const ledger::PlatformsByEntry &platforms,
               QTextStream &out)
{
    for (const LedgerEntry &entry : entries) {
        const QList<PlatformRecord> ofEntry = platforms.value(entry.id);
        const QString release =
            printable(u"%1 %2 build %3"_s.arg(entry.recipe, entry.version, entry.build));
        const QString where = printable(entry.channel + u"/label/"_s + entry.label);
        const QString run = entry.runId
            ? (entry.runAttempt && *entry.runAttempt > 1
                   ? Text::tr("run %1 (attempt %2)").arg(*entry.runId).arg(*entry.runAttempt)
                   : Text::tr("run %1").arg(*entry.runId))
            : u"-"_s;
        out << QString::number(entry.id).rightJustified(5) << u"  "_s << shownTime(entry.createdAt)
            << u"  "_s << printable(entry.profile).leftJustified(14) << u' '
            << release.leftJustified(30) << u' ' << where.leftJustified(22) << u' '
            << ledger::stateName(entry.state).leftJustified(8) << u' ' << run.leftJustified(16)
            << u' ' << ledger::overallOutcome(entry, ofEntry);
        if (const QString tally = platformTally(ofEntry); !tally.isEmpty())
            out << u" ("_s << tally << u')';
        out << u'\n';
    }
}

void printEntry(const LedgerEntry &entry, const QList<PlatformRecord> &platforms, QTextStream &out)
{
    const auto line = [&out](const QString &label, const QString &value) {
        out << QString(label + u':').leftJustified(17) << value << u'\n';
    };
    line(Text::tr("Entry"), QString::number(entry.id));
    line(Text::tr("Profile"), orDash(entry.profile));
    line(Text::tr("Recipe"), orDash(entry.recipe));
    line(Text::tr("Commit"), orDash(entry.commitSha));
    line(Text::tr("Version"), orDash(entry.version));
    line(Text::tr("Build"), orDash(entry.build));
    line(Text::tr("Channel"), orDash(entry.channel));
    line(Text::tr("Label"), orDash(entry.label));
    line(Text::tr("Tarball URL"), orDash(entry.url));
    line(Text::tr("SHA-256"), orDash(entry.sha256));
    line(Text::tr("Install"), orDash(entry.installLine));
    line(Text::tr("State"), ledger::stateName(entry.state));
    line(Text::tr("State detail"), orDash(entry.stateDetail));
    line(Text::tr("Endpoint"), orDash(entry.endpoint));
    line(Text::tr("Run"), entry.runId ? QString::number(*entry.runId) : u"-"_s);
    line(Text::tr("Run URL"), shownUrl(entry.runUrl));
    line(Text::tr("Run attempt"), entry.runAttempt ? QString::number(*entry.runAttempt) : u"-"_s);
    line(Text::tr("Run conclusion"), orDash(entry.runConclusion));
    line(Text::tr("Run completed"), shownTime(entry.runCompletedAt));
    line(Text::tr("Outcome"), ledger::overallOutcome(entry, platforms));
    line(Text::tr("Created"), shownTime(entry.createdAt));
    line(Text::tr("Server date"), shownTime(entry.serverDate));
    line(Text::tr("Updated"), shownTime(entry.updatedAt));

    if (platforms.isEmpty()) {
        line(Text::tr("Platforms"), u"-"_s);
    } else {
        out << Text::tr("Platforms:") << u'\n';
        for (const PlatformRecord &record : platforms) {
            QString job = record.jobId ? Text::tr("job %1").arg(*record.jobId) : QString();
            if (record.runAttempt)
                job += (job.isEmpty() ? QString() : u", "_s) +
                    Text::tr("attempt %1").arg(*record.runAttempt);
            out << u"  "_s << printable(record.platformKey).leftJustified(28) << u' '
                << orDash(record.os).leftJustified(8) << u' '
                << orDash(record.variant).leftJustified(20) << u' '
                << printable(record.status).leftJustified(11) << u' '
                << Text::tr("outcome %1").arg(orDash(record.outcome)).leftJustified(16) << u' '
                << shownDuration(record.durationMs()).leftJustified(8) << u' '
                << shownTime(record.startedAt) << u" → "_s << shownTime(record.completedAt);
            if (!job.isEmpty())
                out << u"  "_s << job;
            if (!record.htmlUrl.isEmpty())
                out << u"  "_s << shownUrl(record.htmlUrl);
            out << u'\n';
        }
    }

    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(entry.body, QCryptographicHash::Sha256).toHex());
    out << Text::tr("Body (%1 bytes, sha256 %2):").arg(entry.body.size()).arg(hash) << u'\n';
    if (const std::optional<QString> pretty = ledger::prettyJsonText(entry.body))
        out << *pretty << u'\n';
    else if (!entry.body.isEmpty())
        out << printable(QString::fromUtf8(entry.body)) << u'\n';
}

std::optional<qint64> positiveNumber(const QString &text, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 1 || value > max)
        return std::nullopt;
    return value;
}

}  // namespace

int runLedgerCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                     const GlobalOptions &global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Shows and exports the release history: every dispatch with its inputs, run, "
                 "per-platform outcomes and install line.\n\n"
                 "  list              the newest releases (default)\n"
                 "  show ID           one release: every field, its platforms, the exact body\n"
                 "  export            every release as JSON or CSV (the CSV has the body's "
                 "sha256 and size, not the body)"));
    const QCommandLineOption profile(u"profile"_s, Text::tr("only the releases of this profile"),
                                     u"name"_s);
    const QCommandLineOption limit(
        u"limit"_s,
        Text::tr("at most this many, newest first (list: default %1)").arg(kDefaultListLimit),
        u"n"_s);
    const QCommandLineOption json(u"json"_s, Text::tr("print JSON (list, show)"));
    const QCommandLineOption format(u"format"_s, Text::tr("export format: json or csv"),
                                    u"format"_s);
    const QCommandLineOption output(
        u"output"_s, Text::tr("write the export to this file (default: standard output)"),
        u"file"_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, Text::tr("show this help"));
    parser.addOptions({profile, limit, json, format, output, help});
    if (!parser.parse(arguments)) {
        err << Text::tr("error: %1").arg(secrets::redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, arguments.constFirst(),
                           Text::tr("list|show|export [ID] [options]"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, u"list"_s);
    const auto refuse = [&err](const QString &message) {
        err << Text::tr("error: %1").arg(message) << u'\n';
        return InvalidInput;
    };
    const auto notWith = [&](const QCommandLineOption &option) {
        return refuse(Text::tr("--%1 does not go with '%2'")
                          .arg(option.names().constFirst(), secrets::redactTokenShapes(action)));
    };

    const bool listing = action == "list"_L1;
    const bool showing = action == "show"_L1;
    const bool exporting = action == "export"_L1;
    if (!listing && !showing && !exporting)
        return refuse(Text::tr("unknown action '%1': list, show or export")
                          .arg(secrets::redactTokenShapes(printable(action))));
    if (!exporting && parser.isSet(format))
        return notWith(format);
    if (!exporting && parser.isSet(output))
        return notWith(output);
    if (exporting && parser.isSet(json))
        return notWith(json);
    if (showing && parser.isSet(profile))
        return notWith(profile);
    if (showing && parser.isSet(limit))
        return notWith(limit);

    std::optional<qint64> id;
    if (showing) {
        if (positional.size() != 2 || !(id = positiveNumber(positional.at(1), 1LL << 62)))
            return refuse(Text::tr("'show' takes one entry id (a positive number)"));
    } else if (positional.size() > 1) {
        return refuse(Text::tr("'%1' takes no argument").arg(action));
    }
    int wanted = listing ? kDefaultListLimit : 0;
    if (parser.isSet(limit)) {
        const std::optional<qint64> value = positiveNumber(parser.value(limit), kMaxLimit);
        if (!value)
            return refuse(Text::tr("limit: give a number from 1 to %1").arg(kMaxLimit));
        wanted = int(*value);
    }
    const QString formatName = parser.value(format);
    if (exporting && formatName != "json"_L1 && formatName != "csv"_L1)
        return refuse(parser.isSet(format)
                          ? Text::tr("format: '%1' is not json or csv")
                                .arg(secrets::redactTokenShapes(printable(formatName)))
                          : Text::tr("'export' needs --format json or --format csv"));
    if (parser.isSet(output) && parser.value(output).isEmpty())
        return refuse(Text::tr("output: give a file name"));
    const QString profileName = parser.value(profile);
    if (parser.isSet(profile) && profileName.isEmpty())
        return refuse(Text::tr("profile: give a profile name"));

    flow::ReleaseEnvironment::Options environmentOptions;
    environmentOptions.sandbox = global.sandbox;
    QString error;
    const auto environment = flow::ReleaseEnvironment::create(environmentOptions, &error);
    if (!environment) {
        err << Text::tr("error: %1").arg(error) << u'\n';
        return Failure;
    }
    const ReleaseLedger &ledger = environment->ledger();
    const auto readFailed = [&] {
        if (ledger.errorString().isEmpty())
            return false;
        err << Text::tr("error: %1").arg(ledger.errorString()) << u'\n';
        return true;
    };

    if (showing) {
        const std::optional<LedgerEntry> entry = ledger.entry(*id);
        const QList<PlatformRecord> platforms =
            entry ? ledger.platforms(*id) : QList<PlatformRecord>();
        if (readFailed())
            return Failure;
        if (!entry)
            return refuse(Text::tr("the release ledger has no entry %1").arg(*id));
        if (parser.isSet(json))
            out << QString::fromUtf8(QJsonDocument(ledger::entryToJson(*entry, platforms))
                                         .toJson(QJsonDocument::Indented));
        else
            printEntry(*entry, platforms, out);
        return Success;
    }

    const QList<LedgerEntry> entries = ledger.entries(profileName, wanted);
    const ledger::PlatformsByEntry platforms = ledger.platforms(entries);
    if (readFailed())
        return Failure;

    if (listing) {
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const LedgerEntry &entry : entries)
                array.append(ledger::entryToJson(entry, platforms.value(entry.id),
                                                 ledger::BodyInJson::Omitted));
            out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            return Success;
        }
        if (entries.isEmpty()) {
            out << (profileName.isEmpty() ? Text::tr("No releases recorded yet.")
                                          : Text::tr("No releases recorded for profile '%1'.")
                                                .arg(printable(profileName)))
                << u'\n';
            return Success;
        }
        printList(entries, platforms, out);
        return Success;
    }

    const QByteArray bytes = formatName == "json"_L1 ? ledger::exportJson(entries, platforms)
                                                     : ledger::exportCsv(entries, platforms);
    if (!parser.isSet(output)) {
        out << QString::fromUtf8(bytes);
        return Success;
    }
    const QString path = parser.value(output);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err << Text::tr("error: cannot write %1: %2")
                   .arg(QDir::toNativeSeparators(path), file.errorString())
            << u'\n';
        return Failure;
    }
    out << Text::tr("Exported the release history (entries: %1) to %2.")
               .arg(entries.size())
               .arg(QDir::toNativeSeparators(path))
        << u'\n';
    return Success;
}

}  // namespace rc::cli
