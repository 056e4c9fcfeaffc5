// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace rc::forge {

// Reads one file out of a zip held in memory (libarchive). `error` says why not.
struct ZipEntryResult
{
    std::optional<QByteArray> data;
    QString error;
};

// Finds the entry whose path equals `name` or ends with "/" + `name`; refuses entries larger
// than `maxBytes`.
ZipEntryResult readZipEntry(const QByteArray &zip, const QString &name,
                            qint64 maxBytes = 4 * 1024 * 1024);
// The entry paths of a zip (empty on error).
QStringList zipEntryNames(const QByteArray &zip);

}  // namespace rc::forge
