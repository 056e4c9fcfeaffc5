// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/archives.h"

#include <QRandomGenerator>

#include <archive.h>
#include <archive_entry.h>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

// A prime-sized block keeps the pattern from lining up with power-of-two chunk sizes.
constexpr qsizetype kPatternBytes = 65521;

struct ArchiveDeleter
{
    void operator()(archive *handle) const { archive_write_free(handle); }
};
struct EntryDeleter
{
    void operator()(archive_entry *entry) const { archive_entry_free(entry); }
};

la_ssize_t appendToByteArray(archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(clientData)
        ->append(static_cast<const char *>(buffer), static_cast<qsizetype>(length));
    return static_cast<la_ssize_t>(length);
}

enum class Format { TarBz2, Zip };

QByteArray writeArchive(Format format, const QList<ArchiveEntry> &entries, const QDateTime &mtime)
{
    std::unique_ptr<archive, ArchiveDeleter> writer(archive_write_new());
    if (format == Format::TarBz2) {
        archive_write_set_format_ustar(writer.get());
        archive_write_add_filter_bzip2(writer.get());
    } else {
        archive_write_set_format_zip(writer.get());
    }
    // Without this libarchive pads the last block to 10 KiB, like tar(1); git archive does too.
    archive_write_set_bytes_in_last_block(writer.get(), 1);
    QByteArray output;
    if (archive_write_open(writer.get(), &output, nullptr, &appendToByteArray, nullptr) !=
        ARCHIVE_OK)
        return {};
    const time_t seconds = static_cast<time_t>(mtime.toSecsSinceEpoch());
    for (const ArchiveEntry &entry : entries) {
        std::unique_ptr<archive_entry, EntryDeleter> header(archive_entry_new());
        const QByteArray path = entry.path.toUtf8();
        const bool directory = entry.path.endsWith(u'/');
        archive_entry_set_pathname(header.get(), path.constData());
        archive_entry_set_filetype(header.get(), directory ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(header.get(), directory ? 0755 : 0644);
        archive_entry_set_size(header.get(), directory ? 0 : entry.content.size());
        archive_entry_set_mtime(header.get(), seconds, 0);
        archive_entry_set_uid(header.get(), 0);
        archive_entry_set_gid(header.get(), 0);
        archive_entry_set_uname(header.get(), "root");
        archive_entry_set_gname(header.get(), "root");
        if (archive_write_header(writer.get(), header.get()) != ARCHIVE_OK)
            return {};
        if (!directory && !entry.content.isEmpty() &&
            archive_write_data(writer.get(), entry.content.constData(),
                               static_cast<size_t>(entry.content.size())) < 0)
            return {};
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
        return {};
    return output;
}

}  // namespace

QByteArray makeTarBz2(const QList<ArchiveEntry> &entries, const QDateTime &mtime)
{
    return writeArchive(Format::TarBz2, entries, mtime);
}

QByteArray makeZip(const QList<ArchiveEntry> &entries, const QDateTime &mtime)
{
    return writeArchive(Format::Zip, entries, mtime);
}

std::optional<QHash<QString, QByteArray>> readArchiveFiles(const QByteArray &archiveBytes,
                                                           qint64 maxBytes)
{
    struct ReadDeleter
    {
        void operator()(archive *handle) const { archive_read_free(handle); }
    };
    std::unique_ptr<archive, ReadDeleter> reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_zip(reader.get());
    if (archive_read_open_memory(reader.get(), archiveBytes.constData(),
                                 static_cast<size_t>(archiveBytes.size())) != ARCHIVE_OK)
        return std::nullopt;
    QHash<QString, QByteArray> files;
    qint64 total = 0;
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.get(), &entry)) == ARCHIVE_OK) {
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        const qint64 size = archive_entry_size(entry);
        total += std::max<qint64>(size, 0);
        if (total > maxBytes)
            return std::nullopt;
        QByteArray content(size, Qt::Uninitialized);
        if (size > 0 &&
            archive_read_data(reader.get(), content.data(), static_cast<size_t>(size)) != size)
            return std::nullopt;
        files.insert(QString::fromUtf8(archive_entry_pathname(entry)), content);
    }
    if (status != ARCHIVE_EOF)
        return std::nullopt;
    return files;
}

DeterministicByteDevice::DeterministicByteDevice(qint64 size, quint32 seed, QObject *parent)
    : QIODevice(parent)
    , m_size(size)
{
    m_block.resize(kPatternBytes);
    QRandomGenerator generator(seed);
    for (char &byte : m_block)
        byte = static_cast<char>(generator.bounded(256));
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool DeterministicByteDevice::seek(qint64 position)
{
    if (position < 0 || position > m_size)
        return false;
    m_offset = position;
    return QIODevice::seek(position);
}

qint64 DeterministicByteDevice::readData(char *data, qint64 maxSize)
{
    const qint64 available = qMin(maxSize, m_size - m_offset);
    if (available <= 0)
        return 0;
    qint64 written = 0;
    qint64 offset = m_offset % kPatternBytes;
    while (written < available) {
        const qint64 run = qMin(available - written, kPatternBytes - offset);
        std::memcpy(data + written, m_block.constData() + offset, static_cast<size_t>(run));
        written += run;
        offset = 0;
    }
    m_offset += written;
    return written;
}

QByteArray deterministicBytes(qint64 size, quint32 seed)
{
    DeterministicByteDevice device(size, seed);
    return device.readAll();
}

}  // namespace rc::sandbox
