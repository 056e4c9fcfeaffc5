// SPDX-License-Identifier: BSD-3-Clause
// TarballHasher: SHA-256 by QCA over exactly the bytes fed, and libarchive's look at the top-level
// folder of bzip2, gzip and xz tarballs made here, whatever the chunking; memory independent of
// the size.

#include "sandbox/archives.h"
#include "support/sanitizers.h"
#include "tarball/tarballhasher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <QtCrypto>

#include <archive.h>
#include <archive_entry.h>

using namespace rc::tarball;
using namespace Qt::StringLiterals;
using rc::sandbox::ArchiveEntry;

namespace {

enum class Compression { None, Gzip, Bzip2, Xz };

la_ssize_t appendTo(archive *, void *out, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(out)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

// A tar (ustar) of the entries, compressed as asked; a trailing '/' makes a folder.
QByteArray makeTar(const QList<ArchiveEntry> &entries, Compression compression)
{
    archive *writer = archive_write_new();
    archive_write_set_format_ustar(writer);
    switch (compression) {
    case Compression::None:
        break;
    case Compression::Gzip:
        archive_write_add_filter_gzip(writer);
        break;
    case Compression::Bzip2:
        archive_write_add_filter_bzip2(writer);
        break;
    case Compression::Xz:
        archive_write_add_filter_xz(writer);
        break;
    }
    archive_write_set_bytes_in_last_block(writer, 1);
    QByteArray out;
    bool ok = archive_write_open(writer, &out, nullptr, &appendTo, nullptr) == ARCHIVE_OK;
    for (const ArchiveEntry &e : entries) {
        if (!ok)
            break;
        archive_entry *header = archive_entry_new();
        const QByteArray path = e.path.toUtf8();
        const bool folder = e.path.endsWith(u'/');
        archive_entry_set_pathname(header, path.constData());
        archive_entry_set_filetype(header, folder ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(header, folder ? 0755 : 0644);
        archive_entry_set_size(header, folder ? 0 : e.content.size());
        archive_entry_set_mtime(header, 1'700'000'000, 0);
        ok = archive_write_header(writer, header) == ARCHIVE_OK;
        if (ok && !folder && !e.content.isEmpty())
            ok = archive_write_data(writer, e.content.constData(), size_t(e.content.size())) ==
                la_ssize_t(e.content.size());
        archive_entry_free(header);
    }
    ok = archive_write_close(writer) == ARCHIVE_OK && ok;
    archive_write_free(writer);
    return ok ? out : QByteArray();
}

// bzip2 of bytes that are no tar at all.
QByteArray makeBzip2OfRaw(const QByteArray &content)
{
    archive *writer = archive_write_new();
    archive_write_set_format_raw(writer);
    archive_write_add_filter_bzip2(writer);
    QByteArray out;
    archive_write_open(writer, &out, nullptr, &appendTo, nullptr);
    archive_entry *header = archive_entry_new();
    archive_entry_set_pathname(header, "data");
    archive_entry_set_filetype(header, AE_IFREG);
    archive_entry_set_size(header, content.size());
    archive_write_header(writer, header);
    archive_write_data(writer, content.constData(), size_t(content.size()));
    archive_entry_free(header);
    archive_write_close(writer);
    archive_write_free(writer);
    return out;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

QList<ArchiveEntry> sourceTree(const QString &top)
{
    return {
        {top, {}},
        {top + u"CMakeLists.txt"_s, "cmake_minimum_required(VERSION 3.25)\n"},
        {top + u"src/"_s, {}},
        {top + u"src/pymodule/"_s, {}},
        {top + u"src/pymodule/__init__.py"_s, "__version__ = \"1.0\"\n"},
    };
}

struct Fed
{
    QString sha256;
    qint64 bytes = 0;
    TopFolderCheck check;
};

Fed feed(const QByteArray &data, qsizetype chunk, qint64 inspectBytes = 8 * 1024 * 1024)
{
    TarballHasher hasher(inspectBytes);
    for (qsizetype at = 0; at < data.size(); at += chunk)
        hasher.addData(QByteArrayView(data).sliced(at, qMin(chunk, data.size() - at)));
    Fed fed;
    fed.sha256 = hasher.finish();
    fed.bytes = hasher.bytes();
    fed.check = hasher.topFolder();
    return fed;
}

QString sha256Of(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// -1 where /proc is not there.
qint64 residentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

}  // namespace

Q_DECLARE_METATYPE(Compression)
Q_DECLARE_METATYPE(rc::sandbox::ArchiveEntry)

class TestTarballHasher : public QObject
{
    Q_OBJECT
private:
    QCA::Initializer m_qca;

private slots:
    void qcaHasSha256() { QCOMPARE(sha256Unavailable(), QString()); }

    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("sha256");
        QTest::newRow("empty")
            << QByteArray()
            << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
        QTest::newRow("abc")
            << QByteArray("abc")
            << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s;
        QTest::newRow("a million a")
            << QByteArray(1'000'000, 'a')
            << u"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_s;
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, sha256);
        for (const qsizetype chunk : {qsizetype(1), qsizetype(63), qsizetype(4096),
                                      qsizetype(qMax<qsizetype>(1, input.size()))}) {
            if (chunk == 1 && input.size() > 100'000)
                continue;  // the 1-byte chunking is covered on the tarballs below
            const Fed fed = feed(input, chunk);
            QCOMPARE(fed.sha256, sha256);
            QCOMPARE(fed.bytes, input.size());
        }
    }

    void topFolder_data()
    {
        QTest::addColumn<Compression>("compression");
        QTest::addColumn<QString>("compressionName");
        QTest::addColumn<QList<ArchiveEntry>>("entries");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<int>("topLevelFiles");
        QTest::addColumn<bool>("exact");  // isExactly("veloxchem")

        const QList<std::tuple<Compression, QString, const char *>> compressions = {
            {Compression::Bzip2, u"bzip2"_s, "bz2"},
            {Compression::Gzip, u"gzip"_s, "gz"},
            {Compression::Xz, u"xz"_s, "xz"},
            {Compression::None, u"none"_s, "tar"},
        };
        QList<ArchiveEntry> multiple = sourceTree(u"veloxchem/"_s);
        multiple.append({u"extra/notes.txt"_s, "x"});
        QList<ArchiveEntry> looseFile = sourceTree(u"veloxchem/"_s);
        looseFile.prepend({u"README"_s, "read me"});
        QList<ArchiveEntry> fileNamedLikeTheFolder = {{u"veloxchem"_s, "not a folder"}};
        for (const auto &[compression, name, tag] : compressions) {
            QTest::addRow("%s: veloxchem/", tag)
                << compression << name << sourceTree(u"veloxchem/"_s)
                << QStringList {u"veloxchem"_s} << 0 << true;
            QTest::addRow("%s: ./veloxchem/", tag)
                << compression << name << sourceTree(u"./veloxchem/"_s)
                << QStringList {u"veloxchem"_s} << 0 << true;
            QTest::addRow("%s: GitLab archive folder", tag)
                << compression << name << sourceTree(u"veloxchem-abc-abc/"_s)
                << QStringList {u"veloxchem-abc-abc"_s} << 0 << false;
            QTest::addRow("%s: two top folders", tag)
                << compression << name << multiple << QStringList {u"veloxchem"_s, u"extra"_s} << 0
                << false;
            QTest::addRow("%s: a file at the top", tag)
                << compression << name << looseFile << QStringList {u"README"_s, u"veloxchem"_s}
                << 1 << false;
            QTest::addRow("%s: a file named like the folder", tag)
                << compression << name << fileNamedLikeTheFolder << QStringList {u"veloxchem"_s}
                << 1 << false;
        }
    }
    void topFolder()
    {
        QFETCH(Compression, compression);
        QFETCH(QString, compressionName);
        QFETCH(QList<ArchiveEntry>, entries);
        QFETCH(QStringList, names);
        QFETCH(int, topLevelFiles);
        QFETCH(bool, exact);
        const QByteArray tarball = makeTar(entries, compression);
        QVERIFY(!tarball.isEmpty());

        const Fed whole = feed(tarball, tarball.size());
        QVERIFY2(whole.check.error.isEmpty(), qPrintable(whole.check.error));
        QCOMPARE(whole.sha256, sha256Of(tarball));
        QCOMPARE(whole.check.compression, compressionName);
        QCOMPARE(whole.check.topLevelNames, names);
        QCOMPARE(whole.check.topLevelFiles, topLevelFiles);
        QCOMPARE(whole.check.entriesChecked, entries.size());
        QVERIFY(whole.check.wholeArchive);
        QCOMPARE(whole.check.isExactly(u"veloxchem"_s), exact);
        QCOMPARE(whole.check.isExactly(u"veloxchem/"_s), exact);
        QVERIFY(!whole.check.isExactly(u"pb11mpi"_s));

        // Chunk boundaries anywhere give the same answer, down to one byte at a time.
        for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(511)}) {
            const Fed split = feed(tarball, chunk);
            QCOMPARE(split.sha256, whole.sha256);
            QCOMPARE(split.bytes, tarball.size());
            QCOMPARE(split.check.topLevelNames, whole.check.topLevelNames);
            QCOMPARE(split.check.entriesChecked, whole.check.entriesChecked);
            QCOMPARE(split.check.compression, whole.check.compression);
            QCOMPARE(split.check.wholeArchive, true);
            QCOMPARE(split.check.error, QString());
        }
    }

    void theSandboxTarball()
    {
        const QByteArray tarball =
            rc::sandbox::makeTarBz2(sourceTree(u"veloxchem/"_s),
                                    QDateTime(QDate(2025, 6, 2), QTime(10, 0), QTimeZone::UTC));
        const Fed fed = feed(tarball, 1000);
        QVERIFY(fed.check.isExactly(u"veloxchem"_s));
        QCOMPARE(fed.check.compression, u"bzip2"_s);
        QCOMPARE(fed.check.describeTopLevel(), u"'veloxchem/'"_s);
    }

    void notATarball_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("random bytes") << randomBytes(100'000, 7);
        QTest::newRow("text") << QByteArray("<html><body>Sign in to continue</body></html>\n");
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("zip") << rc::sandbox::makeZip(
            sourceTree(u"veloxchem/"_s),
            QDateTime(QDate(2025, 6, 2), QTime(10, 0), QTimeZone::UTC));
        QTest::newRow("bzip2, not a tar") << makeBzip2OfRaw(randomBytes(20'000, 3));
    }
    void notATarball()
    {
        QFETCH(QByteArray, data);
        for (const qsizetype chunk : {data.size(), qsizetype(1)}) {
            const Fed fed = feed(data, chunk);
            QVERIFY(!fed.check.error.isEmpty());
            QVERIFY2(fed.check.error.contains(u"not a tar archive"_s), qPrintable(fed.check.error));
            QVERIFY(!fed.check.isExactly(u"veloxchem"_s));
            QCOMPARE(fed.sha256, sha256Of(data));  // hashed all the same
        }
    }

    void emptyInput()
    {
        const Fed fed = feed({}, 1);
        QVERIFY(!fed.check.error.isEmpty());
        QVERIFY(!fed.check.isExactly(u"veloxchem"_s));
    }

    void damagedTarball()
    {
        QList<ArchiveEntry> entries = sourceTree(u"veloxchem/"_s);
        entries.append({u"veloxchem/data.bin"_s, randomBytes(300'000, 11)});
        entries.append({u"veloxchem/zz.txt"_s, "last"});
        const QByteArray tarball = makeTar(entries, Compression::Gzip);
        const QByteArray truncated = tarball.left(tarball.size() / 2);
        const Fed fed = feed(truncated, 4096);
        QVERIFY2(fed.check.error.contains(u"damaged"_s), qPrintable(fed.check.error));
        QVERIFY(!fed.check.isExactly(u"veloxchem"_s));
        QVERIFY(!fed.check.wholeArchive);
    }

    // Past inspectBytes only the start is checked: no error for the cut, but not the whole.
    void onlyTheStartInspected()
    {
        QList<ArchiveEntry> entries = sourceTree(u"veloxchem/"_s);
        for (int i = 0; i < 8; ++i)
            entries.append({u"veloxchem/blob%1.bin"_s.arg(i), randomBytes(100'000, quint32(i))});
        entries.append({u"late-folder/x"_s, "x"});  // beyond what is inspected
        const QByteArray tarball = makeTar(entries, Compression::Xz);
        QVERIFY(tarball.size() > 800'000);
        for (const qsizetype chunk : {qsizetype(1000), qsizetype(65536), tarball.size()}) {
            const Fed fed = feed(tarball, chunk, 150'000);
            QVERIFY2(fed.check.error.isEmpty(), qPrintable(fed.check.error));
            QVERIFY(!fed.check.wholeArchive);
            QVERIFY(fed.check.entriesChecked >= 5);
            QVERIFY(fed.check.entriesChecked < entries.size());
            QCOMPARE(fed.check.topLevelNames, QStringList {u"veloxchem"_s});
            QCOMPARE(fed.sha256, sha256Of(tarball));
            QCOMPARE(fed.bytes, tarball.size());
        }
    }

    void topLevelNamesAreCapped()
    {
        QList<ArchiveEntry> entries;
        for (int i = 0; i < 40; ++i)
            entries.append({u"folder%1/"_s.arg(i), {}});
        const Fed fed = feed(makeTar(entries, Compression::None), 512);
        QCOMPARE(fed.check.topLevelNames.size(), TarballHasher::kMaxTopLevelNames);
        QCOMPARE(fed.check.entriesChecked, 40);
    }

    void abandonedMidway()
    {
        // Destroyed before finish(), with libarchive waiting for more: no hang, no crash.
        const QByteArray tarball = makeTar(sourceTree(u"veloxchem/"_s), Compression::Bzip2);
        TarballHasher hasher;
        hasher.addData(QByteArrayView(tarball).first(tarball.size() / 3));
        QCOMPARE(hasher.bytes(), tarball.size() / 3);
    }

    // 512 MiB through the hasher: the memory it keeps does not grow with the size.
    void largeInputMemoryIndependent()
    {
        constexpr qint64 total = qint64(512) << 20;
        constexpr qint64 chunk = 1 << 20;
        rc::sandbox::DeterministicByteDevice source(total, 5);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCryptographicHash reference(QCryptographicHash::Sha256);
        QByteArray buffer(chunk, Qt::Uninitialized);
        const qint64 before = residentBytes();
#ifdef Q_OS_LINUX
        QVERIFY(before > 0);
#endif
        qint64 peak = before;
        TarballHasher hasher;
        for (qint64 done = 0; done < total;) {
            const qint64 n = source.read(buffer.data(), chunk);
            QVERIFY(n > 0);
            const QByteArrayView view(buffer.constData(), n);
            hasher.addData(view);
            reference.addData(view);
            done += n;
            if ((done & ((qint64(32) << 20) - 1)) == 0)
                peak = qMax(peak, residentBytes());
        }
        const QString sha = hasher.finish();
        peak = qMax(peak, residentBytes());
        QCOMPARE(hasher.bytes(), total);
        QCOMPARE(sha, QString::fromLatin1(reference.result().toHex()));
        QVERIFY(!hasher.topFolder().error.isEmpty());  // deterministic bytes are no tarball
        if (before > 0)
            QVERIFY2(peak - before < (qint64(32) << 20) + rc::test::kSanitizerMemorySlackBytes,
                     qPrintable(u"RSS grew by %1 MiB"_s.arg((peak - before) >> 20)));
    }
};

QTEST_GUILESS_MAIN(TestTarballHasher)
#include "tst_tarballhasher.moc"
