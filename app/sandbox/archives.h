// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QList>
#include <QString>

#include <optional>

namespace rc::sandbox {

struct ArchiveEntry
{
    QString path;  // inside the archive, '/'-separated; a trailing '/' makes a directory
    QByteArray content;
};

// A bzip2-compressed tar (ustar) of the entries, byte-for-byte the same for the same input:
// fixed mtime, owner root, mode 0644/0755. Like `git archive --prefix=<recipe>/ | bzip2`.
// Returns an empty array when libarchive fails (it does not for in-memory input).
QByteArray makeTarBz2(const QList<ArchiveEntry> &entries, const QDateTime &mtime);

// A zip of the entries, the form of GitHub Actions artifacts.
QByteArray makeZip(const QList<ArchiveEntry> &entries, const QDateTime &mtime);

// The regular files of a tar (any compression) or zip, path → bytes; nullopt when it does not
// read or its files hold more than `maxBytes`. What the runner's "Unpack tarball" step sees.
std::optional<QHash<QString, QByteArray>> readArchiveFiles(const QByteArray &archive,
                                                           qint64 maxBytes = 64 * 1024 * 1024);

// `size` deterministic pseudo-random bytes, generated while read and never held in memory as
// a whole: the body of large artifacts for checksum benchmarks. Sequential and seekable.
class DeterministicByteDevice : public QIODevice
{
    Q_OBJECT

public:
    DeterministicByteDevice(qint64 size, quint32 seed, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 position) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
    qint64 m_offset = 0;  // tracked here: QIODevice's pos() may run ahead of readData()
    QByteArray m_block;   // the repeating pattern; offset i holds m_block[i % block size]
};

// The same bytes DeterministicByteDevice(size, seed) serves, for checking a download
// (only sensible for small sizes).
QByteArray deterministicBytes(qint64 size, quint32 seed);

}  // namespace rc::sandbox
