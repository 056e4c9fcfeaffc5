// SPDX-License-Identifier: BSD-3-Clause
#include "forge/zipreader.h"

#include <QCoreApplication>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace rc::forge {

namespace {

struct ArchiveCloser
{
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveCloser>;

ArchivePtr openZip(const QByteArray &zip)
{
    ArchivePtr a(archive_read_new());
    if (!a)
        return {};
    archive_read_support_format_zip(a.get());
    if (archive_read_open_memory(a.get(), zip.constData(), size_t(zip.size())) != ARCHIVE_OK)
        return {};
    return a;
}

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::Zip)
};

}  // namespace

ZipEntryResult readZipEntry(const QByteArray &zip, const QString &name, qint64 maxBytes)
{
    ZipEntryResult result;
    ArchivePtr a = openZip(zip);
    if (!a) {
        result.error = Text::tr("Not a readable zip archive.");
        return result;
    }
    archive_entry *entry = nullptr;
    int rc = ARCHIVE_OK;
    while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        const QString path = QString::fromUtf8(archive_entry_pathname(entry));
        if (path != name && !path.endsWith(u'/' % name)) {
            archive_read_data_skip(a.get());
            continue;
        }
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > maxBytes) {
            result.error = Text::tr("%1 is larger than %2 bytes.").arg(name).arg(maxBytes);
            return result;
        }
        QByteArray data;
        char buffer[16384];
        for (;;) {
            const la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
            if (n < 0) {
                result.error = Text::tr("Corrupt zip entry %1: %2")
                                   .arg(name, QString::fromUtf8(archive_error_string(a.get())));
                return result;
            }
            if (n == 0)
                break;
            data.append(buffer, n);
            if (data.size() > maxBytes) {
                result.error = Text::tr("%1 is larger than %2 bytes.").arg(name).arg(maxBytes);
                return result;
            }
        }
        result.data = data;
        return result;
    }
    if (rc == ARCHIVE_EOF)
        result.error = Text::tr("The zip holds no %1.").arg(name);
    else
        result.error = Text::tr("Corrupt zip archive: %1")
                           .arg(QString::fromUtf8(archive_error_string(a.get())));
    return result;
}

QStringList zipEntryNames(const QByteArray &zip)
{
    QStringList names;
    ArchivePtr a = openZip(zip);
    if (!a)
        return names;
    archive_entry *entry = nullptr;
    while (archive_read_next_header(a.get(), &entry) == ARCHIVE_OK) {
        names.append(QString::fromUtf8(archive_entry_pathname(entry)));
        archive_read_data_skip(a.get());
    }
    return names;
}

}  // namespace rc::forge
