// SPDX-License-Identifier: BSD-3-Clause
#include "ledger/ledgerexport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace rc::ledger {

using namespace Qt::StringLiterals;

namespace {

QJsonValue timeValue(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return QJsonValue::Null;
    return time->toUTC().toString(Qt::ISODateWithMs);
}

QString timeCell(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return {};
    return time->toUTC().toString(Qt::ISODateWithMs);
}

template<class Number>
QJsonValue numberValue(const std::optional<Number> &value)
{
    return value ? QJsonValue(qint64(*value)) : QJsonValue(QJsonValue::Null);
}

template<class Number>
QString numberCell(const std::optional<Number> &value)
{
    return value ? QString::number(*value) : QString();
}

QString urlString(const QUrl &url)
{
    return url.isEmpty() ? QString() : QString::fromUtf8(url.toEncoded());
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

bool isGood(const QString &truth)
{
    return truth == "success"_L1 || truth == "skipped"_L1 || truth == "neutral"_L1;
}

// A job that has an end: anything but queued, waiting, pending, requested, in_progress.
bool isFinal(const PlatformRecord &record)
{
    static const QStringList running {u"queued"_s,    u"waiting"_s,     u"pending"_s,
                                      u"requested"_s, u"in_progress"_s, u"running"_s};
    return !record.outcome.isEmpty() || record.completedAt || !running.contains(record.status);
}

QString platformsSummary(const QList<PlatformRecord> &platforms)
{
    QStringList parts;
    for (const PlatformRecord &record : platforms) {
        QString part = record.platformKey + u": "_s + record.truth();
        if (const auto ms = record.durationMs())
            part += u" (%1s)"_s.arg((*ms + 500) / 1000);
        parts << part;
    }
    return parts.join(u"; "_s);
}

}  // namespace

QString overallOutcome(const LedgerEntry &entry, const QList<PlatformRecord> &platforms)
{
    if (entry.state != DispatchState::Sent)
        return stateName(entry.state);
    if (!entry.runId)
        return u"unknown"_s;
    bool allFinal = true;
    for (const PlatformRecord &record : platforms) {
        if (!isFinal(record))
            allFinal = false;
        else if (!isGood(record.truth()))
            return u"failure"_s;
    }
    if (!entry.runCompletedAt)
        return u"running"_s;
    if (!isGood(entry.runConclusion))
        return u"failure"_s;
    return allFinal ? u"success"_s : u"running"_s;
}

QJsonObject platformToJson(const PlatformRecord &record)
{
    return {
        {u"key"_s, record.platformKey},
        {u"os"_s, record.os},
        {u"variant"_s, record.variant},
        {u"status"_s, record.status},
        {u"outcome"_s, record.outcome.isEmpty() ? QJsonValue::Null : QJsonValue(record.outcome)},
        {u"truth"_s, record.truth()},
        {u"startedAt"_s, timeValue(record.startedAt)},
        {u"completedAt"_s, timeValue(record.completedAt)},
        {u"durationMs"_s, numberValue(record.durationMs())},
        {u"jobId"_s, numberValue(record.jobId)},
        {u"htmlUrl"_s, urlString(record.htmlUrl)},
        {u"runAttempt"_s, numberValue(record.runAttempt)},
        {u"updatedAt"_s, timeValue(record.updatedAt)},
    };
}

QJsonObject entryToJson(const LedgerEntry &entry, const QList<PlatformRecord> &platforms,
                        BodyInJson body)
{
    QJsonObject object {
        {u"id"_s, entry.id},
        {u"profile"_s, entry.profile},
        {u"recipe"_s, entry.recipe},
        {u"commit"_s, entry.commitSha},
        {u"version"_s, entry.version},
        {u"build"_s, entry.build},
        {u"channel"_s, entry.channel},
        {u"label"_s, entry.label},
        {u"url"_s, entry.url},
        {u"sha256"_s, entry.sha256},
        {u"endpoint"_s, entry.endpoint},
        {u"bodyBytes"_s, qint64(entry.body.size())},
        {u"bodySha256"_s, sha256Hex(entry.body)},
        {u"installLine"_s, entry.installLine},
        {u"state"_s, stateName(entry.state)},
        {u"stateDetail"_s, entry.stateDetail},
        {u"runId"_s, numberValue(entry.runId)},
        {u"runUrl"_s, urlString(entry.runUrl)},
        {u"runAttempt"_s, numberValue(entry.runAttempt)},
        {u"runConclusion"_s,
         entry.runConclusion.isEmpty() ? QJsonValue::Null : QJsonValue(entry.runConclusion)},
        {u"runCompletedAt"_s, timeValue(entry.runCompletedAt)},
        {u"outcome"_s, overallOutcome(entry, platforms)},
        {u"createdAt"_s, timeValue(entry.createdAt)},
        {u"serverDate"_s, timeValue(entry.serverDate)},
        {u"updatedAt"_s, timeValue(entry.updatedAt)},
    };
    if (body == BodyInJson::Included) {
        if (const std::optional<QString> text = utf8Text(entry.body)) {
            object.insert(u"body"_s, *text);
        } else {
            object.insert(u"body"_s, QJsonValue::Null);
            object.insert(u"bodyBase64"_s, QString::fromLatin1(entry.body.toBase64()));
        }
    }
    QJsonArray platformArray;
    for (const PlatformRecord &record : platforms)
        platformArray.append(platformToJson(record));
    object.insert(u"platforms"_s, platformArray);
    return object;
}

QByteArray exportJson(const QList<LedgerEntry> &entries, const PlatformsByEntry &platforms)
{
    QJsonArray array;
    for (const LedgerEntry &entry : entries)
        array.append(entryToJson(entry, platforms.value(entry.id)));
    const QJsonObject document {
        {u"format"_s, u"release-console-ledger"_s},
        {u"formatVersion"_s, 1},
        {u"entries"_s, array},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QString csvField(const QString &text)
{
    // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"); a commit
    // title or server message must stay text, so such a cell starts with an apostrophe.
    static constexpr QStringView kFormulaStarts = u"=+-@\t\r";
    const bool looksLikeFormula = !text.isEmpty() && kFormulaStarts.contains(text.front());
    const QString value = looksLikeFormula ? u'\'' + text : text;
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray exportCsv(const QList<LedgerEntry> &entries, const PlatformsByEntry &platforms)
{
    static const QStringList header {
        u"id"_s,
        u"created_at"_s,
        u"profile"_s,
        u"recipe"_s,
        u"version"_s,
        u"build"_s,
        u"channel"_s,
        u"label"_s,
        u"commit"_s,
        u"url"_s,
        u"sha256"_s,
        u"install_line"_s,
        u"state"_s,
        u"state_detail"_s,
        u"run_id"_s,
        u"run_url"_s,
        u"run_attempt"_s,
        u"run_conclusion"_s,
        u"run_completed_at"_s,
        u"outcome"_s,
        u"platforms"_s,
        u"endpoint"_s,
        u"body_sha256"_s,
        u"body_bytes"_s,
        u"server_date"_s,
        u"updated_at"_s,
    };
    const auto row = [](const QStringList &fields) {
        QStringList cells;
        cells.reserve(fields.size());
        for (const QString &field : fields)
            cells << csvField(field);
        return cells.join(u',') + u"\r\n"_s;
    };
    QString text = row(header);
    for (const LedgerEntry &entry : entries) {
        const QList<PlatformRecord> ofEntry = platforms.value(entry.id);
        text += row({
            QString::number(entry.id),
            timeCell(entry.createdAt),
            entry.profile,
            entry.recipe,
            entry.version,
            entry.build,
            entry.channel,
            entry.label,
            entry.commitSha,
            entry.url,
            entry.sha256,
            entry.installLine,
            stateName(entry.state),
            entry.stateDetail,
            numberCell(entry.runId),
            urlString(entry.runUrl),
            numberCell(entry.runAttempt),
            entry.runConclusion,
            timeCell(entry.runCompletedAt),
            overallOutcome(entry, ofEntry),
            platformsSummary(ofEntry),
            entry.endpoint,
            sha256Hex(entry.body),
            QString::number(entry.body.size()),
            timeCell(entry.serverDate),
            timeCell(entry.updatedAt),
        });
    }
    return text.toUtf8();
}

std::optional<QString> prettyJsonText(QByteArrayView json)
{
    QJsonParseError error;
    if (QJsonDocument::fromJson(json.toByteArray(), &error).isNull() ||
        error.error != QJsonParseError::NoError)
        return std::nullopt;
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    const auto newLine = [&] {
        out += '\n';
        out += QByteArray(2 * depth, ' ');
    };
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isSpace(c))
            continue;
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            qsizetype next = i + 1;
            while (next < json.size() && isSpace(json.at(next)))
                ++next;
            if (next < json.size() && (json.at(next) == '}' || json.at(next) == ']')) {
                out += json.at(next);  // an empty object or array stays on its line
                i = next;
                break;
            }
            ++depth;
            newLine();
            break;
        }
        case '}':
        case ']':
            --depth;
            newLine();
            out += c;
            break;
        case ',':
            out += c;
            newLine();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return QString::fromUtf8(out);
}

}  // namespace rc::ledger
