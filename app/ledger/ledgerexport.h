// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "ledger/releaseledger.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rc::ledger {

// The release history as others read it: JSON (every field, the body as a string) and CSV
// (RFC 4180: CRLF rows, fields with a comma, quote or line break quoted, quotes doubled; the body
// is left out, it can be huge, its sha256 and size are in). Times are ISO-8601 UTC with ms.

enum class BodyInJson { Included, Omitted };

// What a dispatch came to, from its state, its run and its platforms' true outcomes:
// "success" (every platform and the run succeeded), "failure" (any platform failed, was
// cancelled or timed out, or the run did not succeed), "running", or the dispatch's state
// ("sending", "refused", "unknown") when it has no run to judge.
QString overallOutcome(const LedgerEntry &entry, const QList<PlatformRecord> &platforms);

QJsonObject platformToJson(const PlatformRecord &record);
// The body is "body" when it is UTF-8 (a dispatch body is JSON); otherwise "body" is null and
// the bytes are in "bodyBase64". "bodyBytes" and "bodySha256" are always there.
QJsonObject entryToJson(const LedgerEntry &entry, const QList<PlatformRecord> &platforms,
                        BodyInJson body = BodyInJson::Included);

// {"format": "release-console-ledger", "formatVersion": 1, "entries": [...]}, indented.
QByteArray exportJson(const QList<LedgerEntry> &entries, const PlatformsByEntry &platforms);
// A header row, then one row per entry; "platforms" is "KEY: TRUTH (SECONDSs); ...".
QByteArray exportCsv(const QList<LedgerEntry> &entries, const PlatformsByEntry &platforms);
// One field as RFC 4180 writes it.
QString csvField(const QString &value);

// `json` indented by two spaces per level, keeping its keys' order and every token's text
// exactly (only whitespace between tokens changes); nullopt when it is not one JSON document.
std::optional<QString> prettyJsonText(QByteArrayView json);

}  // namespace rc::ledger
