// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// The checksum of a release tarball and a look at its top-level folder, fed the download's
// chunks as they arrive: memory use does not depend on the tarball's size.

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>

namespace rc::tarball {

// SHA-256 by QCA; "" when usable, else a human reason ("the QCA ossl plugin providing SHA-256 is
// not installed (Debian: libqca-qt6-plugins)"). A QCA::Initializer must be alive (the
// application owns it).
QString sha256Unavailable();

// What libarchive saw at the start of a tarball (or in the whole of it).
struct TopFolderCheck
{
    QStringList topLevelNames;  // distinct first path components seen, in order (capped)
    int entriesChecked = 0;
    int topLevelFiles = 0;      // entries that are not folders, right at the top level
    bool wholeArchive = false;  // every entry was inspected (else only the first inspectBytes)
    QString compression;        // "bzip2", "gzip", "xz", "none"
    QString error;              // not a tar / unreadable, human
    // Entries that would leave the top folder when unpacked: an absolute or '..' path, a
    // symbolic or hard link pointing out of the tree. "'a/b' links to '/etc/passwd'", capped.
    QStringList escapingEntries;

    // error empty, exactly one top-level name == folder (a trailing '/' ignored), every entry
    // under it and none escaping it.
    bool isExactly(const QString &folder) const;
    // "'veloxchem/'", "'a/', 'b/' and 3 files", for messages.
    QString describeTopLevel() const;
};

// Incremental: feed the download's chunks; memory bounded (the SHA-256 state, plus at most
// `inspectBytes` queued for libarchive, which reads them on a thread of its own while the
// download goes on). Needs a live QCA::Initializer and sha256Unavailable() empty.
class TarballHasher
{
public:
    static constexpr qint64 kDefaultInspectBytes = 8 * 1024 * 1024;
    static constexpr int kMaxTopLevelNames = 16;

    explicit TarballHasher(qint64 inspectBytes = kDefaultInspectBytes);
    ~TarballHasher();
    TarballHasher(const TarballHasher &) = delete;
    TarballHasher &operator=(const TarballHasher &) = delete;

    void addData(QByteArrayView chunk);  // ignored after finish()
    QString finish();                    // lowercase hex sha256 of everything fed ("" without QCA)
    qint64 bytes() const;
    TopFolderCheck topFolder() const;  // valid after finish()

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace rc::tarball
