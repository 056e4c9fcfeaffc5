// SPDX-License-Identifier: BSD-3-Clause
#include "tarball/tarballhasher.h"

#include <QCoreApplication>
#include <QtCrypto>

#include <archive.h>
#include <archive_entry.h>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

using namespace Qt::StringLiterals;

namespace rc::tarball {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::tarball::TarballHasher)
};

const QString kOsslProvider = u"qca-ossl"_s;

// Small chunks (a slow link, a test feeding single bytes) are merged up to this size before
// libarchive sees them, so it is not called back once per byte.
constexpr qsizetype kMergeBelowBytes = 64 * 1024;

QString compressionName(int filterCode)
{
    switch (filterCode) {
    case ARCHIVE_FILTER_NONE:
        return u"none"_s;
    case ARCHIVE_FILTER_GZIP:
        return u"gzip"_s;
    case ARCHIVE_FILTER_BZIP2:
        return u"bzip2"_s;
    case ARCHIVE_FILTER_XZ:
        return u"xz"_s;
    default:
        return QString::number(filterCode);
    }
}

QString normalizedFolder(QString folder)
{
    while (folder.endsWith(u'/'))
        folder.chop(1);
    return folder;
}

// Reads a tarball with libarchive on a thread of its own from the chunks it is fed, up to a
// limit; beyond it the check covers only the start of the archive. libarchive pulls its input,
// the download pushes it: the worker's read callback waits for the next chunk.
class Inspector
{
public:
    explicit Inspector(qint64 limit)
        : m_limit(limit)
    {
        m_worker = std::thread([this] { run(); });
    }
    ~Inspector()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_abandoned = true;
            m_closed = true;
        }
        m_wake.notify_all();
        if (m_worker.joinable())
            m_worker.join();
    }
    Inspector(const Inspector &) = delete;
    Inspector &operator=(const Inspector &) = delete;

    void feed(QByteArrayView chunk)
    {
        if (m_fed >= m_limit || chunk.isEmpty())
            return;
        const qsizetype take = qsizetype(qMin<qint64>(chunk.size(), m_limit - m_fed));
        m_fed += take;
        {
            const std::lock_guard lock(m_mutex);
            if (m_workerDone) {
                m_fed = m_limit;  // libarchive has seen all it wanted: stop copying
                return;
            }
            if (!m_queue.empty() && m_queue.back().size() < kMergeBelowBytes)
                m_queue.back().append(chunk.first(take));
            else
                m_queue.emplace_back(chunk.first(take).toByteArray());
            if (m_fed >= m_limit) {
                // From here on libarchive sees the end of its input where the download goes
                // on: running out there is not damage.
                m_cut = true;
                m_closed = true;
            }
        }
        m_wake.notify_one();
    }

    // Everything is fed; waits for libarchive to finish what it has.
    TopFolderCheck finish()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_wake.notify_all();
        if (m_worker.joinable())
            m_worker.join();
        return m_check;
    }

private:
    static la_ssize_t readCallback(archive *, void *self, const void **buffer)
    {
        return static_cast<Inspector *>(self)->next(buffer);
    }

    la_ssize_t next(const void **buffer)
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_abandoned || !m_queue.empty() || m_closed; });
        if (m_abandoned)
            return -1;
        if (m_queue.empty()) {
            m_exhausted = true;
            return 0;  // end of input
        }
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
        *buffer = m_current.constData();
        return la_ssize_t(m_current.size());
    }

    // Whether a read error means only "we stopped feeding it there".
    bool stoppedByUs()
    {
        const std::lock_guard lock(m_mutex);
        return m_exhausted && m_cut;
    }

    // Whether `target` (relative to the folder `from`, or absolute) stays inside the archive's
    // first folder once the path is resolved.
    static bool staysInside(const QStringList &from, const QString &target)
    {
        if (target.startsWith(u'/'))
            return false;
        QStringList resolved = from;
        for (const QString &part : target.split(u'/', Qt::SkipEmptyParts)) {
            if (part == "."_L1)
                continue;
            if (part == ".."_L1) {
                if (resolved.size() <= 1)
                    return false;  // above the top folder
                resolved.removeLast();
            } else {
                resolved.append(part);
            }
        }
        return !resolved.isEmpty();
    }

    void noteEscape(bool absolute, const QStringList &parts, archive_entry *entry)
    {
        constexpr qsizetype kMaxEscapesListed = 8;
        const QString shownPath = parts.join(u'/').left(200);
        QString escape;
        if (absolute || parts.contains(".."_L1)) {
            escape = Text::tr("'%1' is outside the top folder").arg(shownPath);
        } else {
            const char *symlink = archive_entry_symlink_utf8(entry);
            if (!symlink)
                symlink = archive_entry_symlink(entry);
            const char *hardlink = archive_entry_hardlink_utf8(entry);
            if (!hardlink)
                hardlink = archive_entry_hardlink(entry);
            // A symbolic link resolves from its own folder, a hard link from the archive's root.
            if (symlink && !staysInside(parts.first(parts.size() - 1), QString::fromUtf8(symlink)))
                escape = Text::tr("'%1' links to '%2', outside the top folder")
                             .arg(shownPath, QString::fromUtf8(symlink).left(200));
            else if (hardlink &&
                     (!staysInside({}, QString::fromUtf8(hardlink)) ||
                      QString::fromUtf8(hardlink).split(u'/', Qt::SkipEmptyParts).value(0) !=
                          parts.first()))
                escape = Text::tr("'%1' links to '%2', outside the top folder")
                             .arg(shownPath, QString::fromUtf8(hardlink).left(200));
        }
        if (!escape.isEmpty() && m_check.escapingEntries.size() < kMaxEscapesListed)
            m_check.escapingEntries.append(escape);
    }

    void recordEntry(archive_entry *entry)
    {
        ++m_check.entriesChecked;
        const char *utf8 = archive_entry_pathname_utf8(entry);
        const char *raw = utf8 ? utf8 : archive_entry_pathname(entry);
        QString path = raw ? QString::fromUtf8(raw) : QString();
        const bool absolute = path.startsWith(u'/');
        while (path.startsWith(u"./"_s) || path.startsWith(u'/'))
            path.remove(0, path.startsWith(u'/') ? 1 : 2);
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return;  // "./" itself
        noteEscape(absolute, parts, entry);
        const QString top = absolute ? QString(u'/' + parts.first()) : parts.first();
        if (parts.size() == 1 && archive_entry_filetype(entry) != AE_IFDIR)
            ++m_check.topLevelFiles;
        if (!m_check.topLevelNames.contains(top) &&
            m_check.topLevelNames.size() < TarballHasher::kMaxTopLevelNames)
            m_check.topLevelNames.append(top);
    }

    void run()
    {
        archive *reader = archive_read_new();
        archive_read_support_filter_bzip2(reader);
        archive_read_support_filter_gzip(reader);
        archive_read_support_filter_xz(reader);
        archive_read_support_format_tar(reader);
        const auto failed = [this, reader](const char *what) {
            const char *detail = archive_error_string(reader);
            m_check.error = Text::tr("%1 (%2)").arg(
                Text::tr(what), detail ? QString::fromUtf8(detail) : Text::tr("unreadable"));
        };
        if (archive_read_open(reader, this, nullptr, &Inspector::readCallback, nullptr) !=
            ARCHIVE_OK) {
            failed(QT_TRANSLATE_NOOP("rc::tarball::TarballHasher",
                                     "not a tar archive compressed with bzip2, gzip or xz"));
        } else {
            for (;;) {
                archive_entry *entry = nullptr;
                int status = archive_read_next_header(reader, &entry);
                if (m_check.compression.isEmpty())
                    m_check.compression = compressionName(archive_filter_code(reader, 0));
                if (status == ARCHIVE_EOF) {
                    m_check.wholeArchive = true;
                    if (m_check.entriesChecked == 0)
                        m_check.error = Text::tr("the archive holds nothing");
                    break;
                }
                if (status < ARCHIVE_WARN) {
                    if (m_check.entriesChecked == 0)
                        failed(QT_TRANSLATE_NOOP(
                            "rc::tarball::TarballHasher",
                            "not a tar archive compressed with bzip2, gzip or xz"));
                    else if (!stoppedByUs())
                        failed(QT_TRANSLATE_NOOP("rc::tarball::TarballHasher",
                                                 "the tarball is damaged"));
                    break;
                }
                recordEntry(entry);
                status = archive_read_data_skip(reader);
                if (status < ARCHIVE_WARN) {
                    if (!stoppedByUs())
                        failed(QT_TRANSLATE_NOOP("rc::tarball::TarballHasher",
                                                 "the tarball is damaged"));
                    break;
                }
            }
        }
        archive_read_free(reader);
        const std::lock_guard lock(m_mutex);
        m_workerDone = true;
        m_queue.clear();
        m_current.clear();
    }

    const qint64 m_limit;
    qint64 m_fed = 0;  // by the feeding thread only

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QByteArray> m_queue;
    bool m_closed = false;     // nothing more will be fed
    bool m_cut = false;        // the feed stopped before the download's end
    bool m_abandoned = false;  // the hasher is going away: stop now
    bool m_exhausted = false;  // libarchive was told "end of input"
    bool m_workerDone = false;

    QByteArray m_current;    // the worker's: what libarchive reads now
    TopFolderCheck m_check;  // the worker's until it is joined
    std::thread m_worker;
};

}  // namespace

QString sha256Unavailable()
{
    if (QCA::isSupported("sha256", kOsslProvider) || QCA::isSupported("sha256"))
        return {};
    return Text::tr("SHA-256 by QCA is not available: the QCA ossl plugin providing it is not "
                    "installed (Debian: libqca-qt6-plugins).");
}

bool TopFolderCheck::isExactly(const QString &folder) const
{
    const QString wanted = normalizedFolder(folder);
    return error.isEmpty() && escapingEntries.isEmpty() && !wanted.isEmpty() &&
        entriesChecked > 0 && topLevelFiles == 0 && topLevelNames == QStringList {wanted};
}

QString TopFolderCheck::describeTopLevel() const
{
    QStringList names;
    for (const QString &name : topLevelNames)
        names.append(u'\'' + name + u"/'"_s);
    QString text = names.join(u", "_s);
    if (topLevelFiles > 0)
        text = Text::tr("%1 (files at the top level: %2)").arg(text).arg(topLevelFiles);
    return text;
}

struct TarballHasher::Private
{
    std::optional<QCA::Hash> hash;
    std::optional<Inspector> inspector;
    qint64 inspectBytes = 0;
    qint64 bytes = 0;
    bool finished = false;
    QString digest;
    TopFolderCheck check;
};

TarballHasher::TarballHasher(qint64 inspectBytes)
    : d(std::make_unique<Private>())
{
    d->inspectBytes = qMax<qint64>(0, inspectBytes);
    if (sha256Unavailable().isEmpty()) {
        d->hash.emplace(u"sha256"_s,
                        QCA::isSupported("sha256", kOsslProvider) ? kOsslProvider : QString());
    }
    d->inspector.emplace(d->inspectBytes);
}

TarballHasher::~TarballHasher() = default;

void TarballHasher::addData(QByteArrayView chunk)
{
    if (d->finished || chunk.isEmpty())
        return;
    if (d->hash) {
        // QCA takes an int length: large views go in pieces.
        constexpr qsizetype kPiece = 1 << 30;
        for (qsizetype at = 0; at < chunk.size(); at += kPiece)
            d->hash->update(chunk.data() + at, int(qMin(kPiece, chunk.size() - at)));
    }
    d->inspector->feed(chunk);
    d->bytes += chunk.size();
}

QString TarballHasher::finish()
{
    if (d->finished)
        return d->digest;
    d->finished = true;
    if (d->hash)
        d->digest = QCA::arrayToHex(d->hash->final().toByteArray());
    d->check = d->inspector->finish();
    d->inspector.reset();
    return d->digest;
}

qint64 TarballHasher::bytes() const
{
    return d->bytes;
}

TopFolderCheck TarballHasher::topFolder() const
{
    return d->check;
}

}  // namespace rc::tarball
