// SPDX-License-Identifier: BSD-3-Clause
// Hostile input on the real path: the forge (through tests/reliability/hostilegateway) serves a
// hostile body or header where the app expects a commit, __init__.py, a jobs listing, a
// workflow file, a build summary or a tarball. Each ends in bounded time with a clear message
// (or is safely ignored), shows nothing false, and the app stays usable: the same service works
// again afterwards. Parsers' own robustness is the fuzz targets' (tests/fuzz); bounded memory is
// checked by the result and the time, not by measuring RSS.

#include "hostilegateway.h"
#include "releasefixture.h"
#include "sandbox/archives.h"
#include "sandbox/githubapi.h"
#include "sandbox/gitlabapi.h"
#include "sandbox/virtualclock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>
#include <QtCrypto>

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;
using rc::reliability::test::builds;
using rc::reliability::test::HeaderList;
using rc::reliability::test::HostileAnswer;
using rc::reliability::test::HostileGateway;
using rc::reliability::test::ReleaseFixture;
using rc::sandbox::ForgeSimulator;

namespace {

// Every hostile case must end within this (ASan build included).
constexpr qint64 kBoundMs = 15000;

// What a person is shown: there, short, no token, and no raw control character that would
// drive their terminal (the CLI prints these lines).
void verifyClearMessage(const QString &message)
{
    QVERIFY2(!message.trimmed().isEmpty(), "no message");
    QVERIFY2(message.size() < 4000, qPrintable(message.left(200)));
    QVERIFY2(!message.contains(ForgeSimulator::kGitHubClassicToken), qPrintable(message));
    QVERIFY2(!message.contains(ForgeSimulator::kGitLabToken), qPrintable(message));
    for (const QChar c : message)
        QVERIFY2(c == u'\n' || c == u'\t' ||
                     (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format),
                 qPrintable(u"U+%1 in: %2"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'))
                                .arg(message.left(200))));
}

QByteArray commitJson(const QString &sha, const QString &title, const QString &message)
{
    const QJsonObject commit {
        {u"id"_s, sha},
        {u"short_id"_s, sha.left(8)},
        {u"title"_s, title},
        {u"message"_s, message},
        {u"author_name"_s, u"Mallory"_s},
        {u"author_email"_s, u"mallory@example.org"_s},
        {u"authored_date"_s, u"2026-11-24T08:00:00.000+00:00"_s},
        {u"committed_date"_s, u"2026-11-24T08:00:00.000+00:00"_s},
        {u"created_at"_s, u"2026-11-24T08:00:00.000+00:00"_s},
        {u"parent_ids"_s, QJsonArray {}},
        {u"web_url"_s, QString(u"http://gitlab.example.org/veloxchem/veloxchem/-/commit/"_s + sha)},
    };
    return QJsonDocument(commit).toJson(QJsonDocument::Compact);
}

const QString kPackageLine =
    uR"(package = {"version": "1.0rc7", "build": "3", "channel": "veloxchem", "label": "dev"})"_s;

struct TarEntry
{
    QByteArray path;
    QByteArray content;
    QByteArray symlinkTarget;  // set: a symbolic link
};

}  // namespace

Q_DECLARE_METATYPE(TarEntry)

namespace {

// A bzip2 ustar of the entries, written by libarchive (the sandbox's writer makes no links).
QByteArray tarBz2(const QList<TarEntry> &entries)
{
    QByteArray buffer(16 * 1024 * 1024, '\0');
    size_t used = 0;
    archive *writer = archive_write_new();
    archive_write_set_format_ustar(writer);
    archive_write_add_filter_bzip2(writer);
    if (archive_write_open_memory(writer, buffer.data(), size_t(buffer.size()), &used) !=
        ARCHIVE_OK) {
        archive_write_free(writer);
        return {};
    }
    for (const TarEntry &entry : entries) {
        archive_entry *header = archive_entry_new();
        archive_entry_set_pathname(header, entry.path.constData());
        archive_entry_set_mtime(header, 1764000000, 0);
        if (!entry.symlinkTarget.isEmpty()) {
            archive_entry_set_filetype(header, AE_IFLNK);
            archive_entry_set_perm(header, 0777);
            archive_entry_set_symlink(header, entry.symlinkTarget.constData());
            archive_entry_set_size(header, 0);
        } else {
            archive_entry_set_filetype(header, AE_IFREG);
            archive_entry_set_perm(header, 0644);
            archive_entry_set_size(header, entry.content.size());
        }
        archive_write_header(writer, header);
        if (entry.symlinkTarget.isEmpty())
            archive_write_data(writer, entry.content.constData(), size_t(entry.content.size()));
        archive_entry_free(header);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    buffer.resize(qsizetype(used));
    return buffer;
}

void appendLittleEndian(QByteArray &out, quint64 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}

// A one-entry zip whose headers claim `claimedSize` bytes, holding `deflated` (raw deflate).
QByteArray zipOfDeflated(const QByteArray &name, const QByteArray &deflated, quint32 claimedSize)
{
    QByteArray zip;
    const auto fileHeader = [&](bool central) {
        appendLittleEndian(zip, central ? 0x02014b50 : 0x04034b50, 4);
        if (central)
            appendLittleEndian(zip, 20, 2);  // made by
        appendLittleEndian(zip, 20, 2);      // needed
        appendLittleEndian(zip, 0, 2);       // flags
        appendLittleEndian(zip, 8, 2);       // deflate
        appendLittleEndian(zip, 0, 2);       // time
        appendLittleEndian(zip, 0x21, 2);    // date: 1980-01-01
        appendLittleEndian(zip, 0, 4);       // crc (never reached: the size bound comes first)
        appendLittleEndian(zip, quint64(deflated.size()), 4);
        appendLittleEndian(zip, claimedSize, 4);
        appendLittleEndian(zip, quint64(name.size()), 2);
        appendLittleEndian(zip, 0, 2);  // extra
        if (central) {
            appendLittleEndian(zip, 0, 2);  // comment
            appendLittleEndian(zip, 0, 2);  // disk
            appendLittleEndian(zip, 0, 2);  // internal attributes
            appendLittleEndian(zip, 0, 4);  // external attributes
            appendLittleEndian(zip, 0, 4);  // local header offset
        }
        zip += name;
    };
    fileHeader(false);
    zip += deflated;
    const qsizetype centralStart = zip.size();
    fileHeader(true);
    const qsizetype centralSize = zip.size() - centralStart;
    appendLittleEndian(zip, 0x06054b50, 4);
    appendLittleEndian(zip, 0, 4);  // disks
    appendLittleEndian(zip, 1, 2);
    appendLittleEndian(zip, 1, 2);
    appendLittleEndian(zip, quint64(centralSize), 4);
    appendLittleEndian(zip, quint64(centralStart), 4);
    appendLittleEndian(zip, 0, 2);
    return zip;
}

// 16 MiB of JSON whitespace (4 times the reader's bound) in 16 KB, claiming 100 bytes.
QByteArray zipBomb()
{
    const QByteArray zlib = qCompress(QByteArray(16 * 1024 * 1024, ' '), 9);
    // qCompress: 4 bytes of length, the zlib header (2), raw deflate, the Adler-32 (4).
    return zipOfDeflated("summary.json", zlib.mid(6, zlib.size() - 10), 100);
}

QByteArray billionLaughs()
{
    QByteArray yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
                      "\"lol\", \"lol\"]\n";
    for (int level = 1; level < 10; ++level) {
        const QByteArray previous = "*a" + QByteArray::number(level - 1);
        yaml += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
        for (int i = 0; i < 9; ++i)
            yaml += (i ? ", " : "") + previous;
        yaml += "]\n";
    }
    return "name: deploy\non:\n  workflow_dispatch:\n    inputs: *a9\n" + yaml +
        "jobs:\n  build:\n    runs-on: *a9\n    steps: *a9\n";
}

}  // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QCA::Initializer> m_qca;
    std::unique_ptr<ReleaseFixture> m_fixture;
    std::unique_ptr<HostileGateway> m_gateway;

    ReleaseFixture &fixture() { return *m_fixture; }
    ForgeSimulator &forge() { return m_fixture->simulator(); }
    HostileGateway &gateway() { return *m_gateway; }

    // The same preparation with the gateway honest again: the app is still usable.
    void verifyPreparationWorksAgain()
    {
        gateway().clear();
        const auto again = fixture().prepare(fixture().releasableSha());
        QVERIFY(again);
        QVERIFY2(again->ok(), qPrintable(again->problem + again->error.describe()));
        QVERIFY(again->release.isReady());
    }

    // What a finished preparation shows: a clear stop, or a release with valid values only.
    void verifyPreparationOutcome(const rc::flow::PreparationResult &prepared)
    {
        for (const QString &warning : prepared.warnings)
            verifyClearMessage(warning);
        QVERIFY2(prepared.warnings.size() < 200,
                 qPrintable(QString::number(prepared.warnings.size())));
        if (!prepared.ok()) {
            verifyClearMessage(prepared.error.isError() ? prepared.error.describe()
                                                        : prepared.problem);
            QVERIFY(!prepared.checksum);
            return;
        }
        if (!prepared.release.isReady()) {
            for (const QString &reason : prepared.release.blockingReasons())
                verifyClearMessage(reason);
            QVERIFY(!prepared.release.blockingReasons().isEmpty());
            return;
        }
        const rc::release::ReleaseSpec &spec = prepared.release.spec;
        QVERIFY2(QRegularExpression(u"^[0-9a-z._+!*]+$"_s).match(spec.version.toLower()).hasMatch(),
                 qPrintable(spec.version.left(100)));
        QVERIFY2(QRegularExpression(u"^[0-9]+$"_s).match(spec.build).hasMatch(),
                 qPrintable(spec.build.left(100)));
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9._-]+$"_s).match(spec.channel).hasMatch(),
                 qPrintable(spec.channel.left(100)));
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9._-]+$"_s).match(spec.label).hasMatch(),
                 qPrintable(spec.label.left(100)));
        QVERIFY(prepared.release.payload.json.size() <= 65535);
    }

    // A watched run with its six builds listed.
    std::unique_ptr<rc::watch::RunWatcher> watchedRun()
    {
        const auto prepared = fixture().prepare(fixture().releasableSha());
        if (!prepared || !prepared->ok())
            return nullptr;
        const auto sent = fixture().dispatch(*prepared, fixture().gitHubLogin());
        if (!sent || !sent->runId)
            return nullptr;
        auto watcher = fixture().watcherFor(*sent->runId);
        watcher->start();
        forge().advance(std::chrono::seconds(60));
        if (!QTest::qWaitFor([&watcher] { return builds(watcher->snapshot()) == 6; }, 15000))
            return nullptr;
        return watcher;
    }

    // The run ends; the watch must get there within the bound, with its six rows.
    void verifyWatchEnds(rc::watch::RunWatcher &watcher)
    {
        forge().advance(std::chrono::minutes(20));
        QElapsedTimer time;
        time.start();
        QTRY_COMPARE_WITH_TIMEOUT(watcher.snapshot().phase, rc::watch::WatchPhase::Completed,
                                  kBoundMs);
        QCOMPARE(builds(watcher.snapshot()), 6);
        qsizetype longestKey = 0;
        for (const rc::watch::PlatformState &row : watcher.snapshot().platforms)
            longestKey = std::max(longestKey, row.key.size());
        // A job name is bounded where the jobs are parsed: not a 4 MiB row key and label.
        QVERIFY2(longestKey <= 1024, qPrintable(QString::number(longestKey)));
    }

private slots:
    void initTestCase() { m_qca = std::make_unique<QCA::Initializer>(); }

    void init()
    {
        m_fixture = std::make_unique<ReleaseFixture>();
        QString error;
        QVERIFY2(m_fixture->start(&error), qPrintable(error));
        m_gateway = std::make_unique<HostileGateway>();
        QVERIFY(m_gateway->start(forge().gitHubApiUrl()));
        m_fixture->routeThrough(m_gateway->url());
    }

    void cleanup()
    {
        if (m_fixture) {
            const auto leaks = forge().credentialLeaks();
            for (const auto &leak : leaks)
                qWarning("credential sent to the other host: %s %s", leak.method.constData(),
                         qPrintable(leak.path));
            QVERIFY(leaks.isEmpty());
        }
        m_gateway.reset();
        m_fixture.reset();
    }

    void commitMessage_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("message");
        const QString title = u"[conda-build] Release"_s;
        QTest::newRow("huge") << title
                              << title + u"\n\n"_s + kPackageLine + u"\n"_s +
                QString(4 * 1024 * 1024, u'x');
        QTest::newRow("100k lines")
            << title
            << title + u"\n\n"_s + kPackageLine + u"\n"_s + u"- a change\n"_s.repeated(100000);
        QTest::newRow("100k package lines")
            << title << title + u"\n\n"_s + QString(kPackageLine + u"\n"_s).repeated(100000);
        QTest::newRow("control characters")
            << u"[conda-build] \x1b]0;pwned\x07 Release\x1b[2J"_s
            << u"[conda-build] Release\n\npackage = {\"version\": \"1.0\x1b[31m\", \"build\": "
               "\"1\x01\", \"channel\": \"velox\u202Echem\", \"label\": \"dev\\u0000\"}\n"_s;
        QTest::newRow("unterminated package block")
            << title << title + u"\n\npackage = {\"version\": \"1.0"_s + QString(100000, u'{');
    }

    void commitMessage()
    {
        QFETCH(QString, title);
        QFETCH(QString, message);
        const QString sha = fixture().releasableSha();
        HostileAnswer answer;
        answer.body = commitJson(sha, title, message);
        gateway().serve("GET", u"/api/v4/projects/*/repository/commits/"_s + sha, answer);

        rc::flow::ReleaseOverrides fromTheMessage;  // version etc. as the message says
        fromTheMessage.timestamp = u"2026-11-25T08:00:00Z"_s;
        QElapsedTimer time;
        time.start();
        const auto prepared = fixture().prepare(sha, fromTheMessage, int(kBoundMs));
        QVERIFY2(prepared, "no end within the bound");
        QVERIFY2(time.elapsed() < kBoundMs, qPrintable(QString::number(time.elapsed())));
        QVERIFY(gateway().hits() >= 1);
        verifyPreparationOutcome(*prepared);
        verifyPreparationWorksAgain();
    }

    void initFile_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QByteArray binary;
        for (int i = 0; i < 65536; ++i)
            binary.append(char((i * 7919) & 0xff));
        QTest::newRow("huge") << QByteArray("__version__ = \"1.0\"\n" +
                                            QByteArray("# padding\n").repeated(400000));
        QTest::newRow("binary") << binary;
        QTest::newRow("no version line") << QByteArray("\"\"\"No version here.\"\"\"\nimport os\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("30k version lines") << QByteArray("__version__ = \"1.0\"\n").repeated(30000);
        static const char controls[] = "__version__ = \"1.0\x1b[2J\"\n\x00\x01\x02 = 1\n";
        QTest::newRow("control characters") << QByteArray(controls, sizeof(controls) - 1);
    }

    void initFile()
    {
        QFETCH(QByteArray, contents);
        HostileAnswer answer;
        answer.body = contents;
        answer.contentType = "text/plain; charset=utf-8";
        gateway().serve("GET", u"/api/v4/projects/*/repository/files/*/raw"_s, answer);
        QElapsedTimer time;
        time.start();
        const auto prepared = fixture().prepare(fixture().releasableSha(),
                                                ReleaseFixture::defaultOverrides(), int(kBoundMs));
        QVERIFY2(prepared, "no end within the bound");
        QVERIFY2(time.elapsed() < kBoundMs, qPrintable(QString::number(time.elapsed())));
        QVERIFY(gateway().hits() >= 1);
        verifyPreparationOutcome(*prepared);
        if (prepared->ok() && prepared->release.isReady())
            QVERIFY(prepared->release.spec.patch.size() <= 65535);
        verifyPreparationWorksAgain();
    }

    void jobsListing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("nesting 100k deep") << QByteArray("[").repeated(100000);
        QTest::newRow("nesting 100k deep, closed")
            << QByteArray("{\"total_count\":1,\"jobs\":" + QByteArray("[").repeated(100000) +
                          QByteArray("]").repeated(100000) + "}");
        QTest::newRow("huge string")
            << QByteArray("{\"total_count\":1,\"jobs\":[{\"id\":1,\"name\":\"" +
                          QByteArray(4 * 1024 * 1024, 'x') + "\",\"status\":\"queued\"}]}");
        QTest::newRow("wrong types") << QByteArray(
            "{\"total_count\":\"many\",\"jobs\":{\"id\":[1],\"name\":7,\"steps\":\"none\"}}");
        QTest::newRow("wrong types in a job")
            << QByteArray("{\"total_count\":1,\"jobs\":[{\"id\":\"1\",\"name\":[],\"status\":7,"
                          "\"steps\":{},\"labels\":\"x\",\"started_at\":true}]}");
        QTest::newRow("nulls") << QByteArray(
            "{\"total_count\":null,\"jobs\":[null,{\"id\":null,\"name\":null,\"status\":null,"
            "\"steps\":[null],\"labels\":null}]}");
        QTest::newRow("top-level null") << QByteArray("null");
        QTest::newRow("200k jobs")
            << QByteArray("{\"total_count\":200000,\"jobs\":[" +
                          QByteArray("{\"id\":0},").repeated(200000).chopped(1) + "]}");
    }

    void jobsListing()
    {
        QFETCH(QByteArray, body);
        auto watcher = watchedRun();
        QVERIFY(watcher);
        QStringList problems;
        connect(watcher.get(), &rc::watch::RunWatcher::runChanged, this, [&problems, &watcher] {
            if (!watcher->snapshot().problem.isEmpty())
                problems << watcher->snapshot().problem;
        });
        HostileAnswer answer;
        answer.body = body;
        gateway().serve("GET", u"*/actions/runs/*/jobs"_s, answer, 3);
        forge().advance(std::chrono::seconds(30));
        QTRY_VERIFY_WITH_TIMEOUT(gateway().hits() >= 3, kBoundMs);
        // Nothing false shown: the rows are the run's six builds and its helpers.
        QCOMPARE(builds(watcher->snapshot()), 6);
        for (const QString &problem : std::as_const(problems))
            verifyClearMessage(problem);
        verifyWatchEnds(*watcher);
        QVERIFY(watcher->snapshot().allSucceeded());
    }

    void headers_data()
    {
        QTest::addColumn<HeaderList>("headers");
        QTest::newRow("bad date") << HeaderList {{"Date", "Thu, 99 Foo 20x6 25:61:61 GMT"}};
        QTest::newRow("negative rate limit") << HeaderList {{"x-ratelimit-limit", "-1"},
                                                            {"x-ratelimit-remaining", "-5"},
                                                            {"x-ratelimit-used", "-3"},
                                                            {"x-ratelimit-reset", "-100"}};
        QTest::newRow("huge rate limit")
            << HeaderList {{"x-ratelimit-limit", "18446744073709551616"},
                           {"x-ratelimit-remaining", "99999999999999999999"},
                           {"x-ratelimit-reset", "99999999999999999999"}};
        QTest::newRow("exhausted until the year 3000")
            << HeaderList {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "32503680000"}};
        QTest::newRow("retry-after a century") << HeaderList {{"Retry-After", "3153600000"}};
        QTest::newRow("link to itself") << HeaderList {{"Link", "<{self}>; rel=\"next\""}};
        QTest::newRow("broken link")
            << HeaderList {{"Link", "<<>>; rel=next, <; rel=\"next\", ;;;,,, <http://[::1"}};
    }

    void headers()
    {
        QFETCH(HeaderList, headers);
        auto watcher = watchedRun();
        QVERIFY(watcher);
        HostileAnswer answer;
        answer.passThrough = true;
        answer.replaceHeaders = headers;
        gateway().serve("GET", u"*/actions/runs/*/jobs"_s, answer, 1);
        forge().advance(std::chrono::seconds(30));
        QTRY_VERIFY_WITH_TIMEOUT(gateway().hits() >= 1, kBoundMs);
        // hits() counts the request as the gateway takes it, long before the transport reads
        // the answer's headers. The watcher sends again only after that answer's callback: one
        // more request means the headers are in the transport's state, so a cap counts from the
        // clock as it is now, not from after the advance below.
        const qint64 sent = watcher->requestsSent();
        QTRY_VERIFY_WITH_TIMEOUT(watcher->requestsSent() > sent, kBoundMs);
        QCOMPARE(builds(watcher->snapshot()), 6);
        // Whatever a header claims, waiting is bounded (by the transport's maxRetryWait, an
        // hour): two hours on, the watch goes on.
        forge().advance(std::chrono::hours(2));
        if (!watcher->snapshot().problem.isEmpty())
            verifyClearMessage(watcher->snapshot().problem);
        verifyWatchEnds(*watcher);
        QVERIFY(watcher->snapshot().allSucceeded());
    }

    // A Link to another host is not followed with the token (cleanup() reads the forge's log).
    void commitsLinkToAnotherHost()
    {
        HostileAnswer answer;
        answer.passThrough = true;
        answer.replaceHeaders = {
            {"Link",
             "<" + forge().otherHostUrl().toEncoded() +
                 "/api/v4/projects/42/repository/commits?page=2>; rel=\"next\""},
            {"X-Next-Page", "-1"},
            {"X-Total-Pages", "99999999999"}};
        gateway().serve("GET", u"/api/v4/projects/*/repository/commits"_s, answer);
        rc::forge::ForgeResult<rc::forge::Page<rc::forge::CommitWithPipeline>> page;
        bool done = false;
        QObject context;
        fixture().clients().gitLab.commitsWithPipelines(fixture().profile().gitLabProject,
                                                        fixture().profile().branch, 1, 20, &context,
                                                        [&](const auto &result) {
                                                            page = result;
                                                            done = true;
                                                        });
        QTRY_VERIFY_WITH_TIMEOUT(done, kBoundMs);
        if (page.ok()) {
            QCOMPARE(page.value.items.size(), 20);
            QVERIFY2(page.value.next.isEmpty() || page.value.next.host() == gateway().url().host(),
                     qPrintable(page.value.next.toString()));
        } else {
            verifyClearMessage(page.error.describe());
        }
    }

    void workflowYaml_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("mayPass");
        QTest::newRow("billion laughs") << billionLaughs() << false;
        QTest::newRow("anchors everywhere")
            << QByteArray("on: &on\n  workflow_dispatch:\n    inputs: &i {recipe: *i}\n"
                          "jobs: *on\n")
            << false;
        // The honest workflow, then 750 KB of comments (the contents API's limit is 1 MiB).
        QTest::newRow("huge")
            << QByteArray("# padding padding padding padding padding\n").repeated(18000) << true;
        QTest::newRow("wrong types")
            << QByteArray("on: 5\njobs: [1, 2]\nconcurrency: {a: [b]}\n") << false;
        QTest::newRow("inputs as a list")
            << QByteArray("on:\n  workflow_dispatch:\n    inputs: [recipe, url]\njobs: {}\n")
            << false;
        static const char notYaml[] = "\x00\xff\xfe{[: :]}\t\t- -\n";
        QTest::newRow("not yaml") << QByteArray(notYaml, sizeof(notYaml) - 1) << false;
    }

    void workflowYaml()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, mayPass);
        const auto prepared = fixture().prepare(fixture().releasableSha());
        QVERIFY(prepared && prepared->ok());
        const auto baseline = fixture().preflight(*prepared);
        QVERIFY(baseline);
        const rc::flow::CheckState honestState = baseline->check(u"workflow-inputs"_s)->state;
        QByteArray &file =
            forge().gitHub()->repository().files[u".github/workflows/deploy-cxx.yml"_s];
        const QByteArray honest = file;
        file = QLatin1StringView(QTest::currentDataTag()) == "huge"_L1 ? honest + yaml : yaml;
        QElapsedTimer time;
        time.start();
        const auto report = fixture().preflight(*prepared, int(kBoundMs));
        QVERIFY2(report, "no end within the bound");
        QVERIFY2(time.elapsed() < kBoundMs, qPrintable(QString::number(time.elapsed())));
        const rc::flow::PreflightCheck *inputs = report->check(u"workflow-inputs"_s);
        QVERIFY(inputs);
        verifyClearMessage(inputs->reason);
        if (!mayPass)
            QVERIFY2(inputs->state != rc::flow::CheckState::Ok, qPrintable(inputs->reason));

        file = honest;
        const auto again = fixture().preflight(*prepared);
        QVERIFY(again);
        QCOMPARE(again->check(u"workflow-inputs"_s)->state, honestState);
    }

    void summaryArtifact_data()
    {
        QTest::addColumn<QByteArray>("zip");
        const QDateTime mtime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
        QTest::newRow("zip bomb") << zipBomb();
        QTest::newRow("no summary.json")
            << rc::sandbox::makeZip({{u"build.log"_s, QByteArray("outcome: success\n")}}, mtime);
        QTest::newRow("summary.json is not JSON")
            << rc::sandbox::makeZip({{u"summary.json"_s, QByteArray("\x1b[2J success")}}, mtime);
        QTest::newRow("summary.json says nothing")
            << rc::sandbox::makeZip({{u"summary.json"_s, QByteArray("{\"outcome\": 7}")}}, mtime);
        QTest::newRow("not a zip") << QByteArray("PK\x03\x04 and then nothing of a zip");
    }

    // An unreadable summary is no truth: the platform is never shown as a true success from it,
    // and the watch still ends.
    void summaryArtifact()
    {
        QFETCH(QByteArray, zip);
        HostileAnswer answer;
        answer.body = zip;
        answer.contentType = "application/zip";
        gateway().serve("GET", u"*/actions/artifacts/*/zip"_s, answer);
        auto watcher = watchedRun();
        QVERIFY(watcher);
        QElapsedTimer time;
        time.start();
        verifyWatchEnds(*watcher);
        QVERIFY(gateway().hits() >= 1);
        QVERIFY2(time.elapsed() < kBoundMs, qPrintable(QString::number(time.elapsed())));
        for (const rc::watch::PlatformState &row : watcher->snapshot().platforms) {
            if (!row.helper)
                QVERIFY2(row.trueOutcome != u"success"_s, qPrintable(row.key));
        }
        // Under continue-on-error the job says success whatever the build did: a summary that
        // cannot be read leaves the truth unknown, never a success, and says why.
        QVERIFY(!watcher->snapshot().allSucceeded());
        QVERIFY(!watcher->snapshot().problem.isEmpty());
        verifyClearMessage(watcher->snapshot().problem);
    }

    // A summary under a "../" name is still only read in memory, never unpacked to disk.
    void summaryArtifactWithTraversalName()
    {
        const QDateTime mtime(QDate(2026, 11, 25), QTime(8, 0), QTimeZone::UTC);
        HostileAnswer answer;
        answer.body = rc::sandbox::makeZip(
            {{u"../../../summary.json"_s, QByteArray("{\"outcome\": \"failure\"}")}}, mtime);
        answer.contentType = "application/zip";
        gateway().serve("GET", u"*/actions/artifacts/*/zip"_s, answer);
        const QDir here = QDir::current();
        auto watcher = watchedRun();
        QVERIFY(watcher);
        verifyWatchEnds(*watcher);
        QVERIFY(!watcher->snapshot().allSucceeded());
        QVERIFY(!QFileInfo::exists(here.absoluteFilePath(u"../../../summary.json"_s)));
        QVERIFY(!QFileInfo::exists(QDir::temp().absoluteFilePath(u"../summary.json"_s)));
    }

    void tarball_data()
    {
        QTest::addColumn<QList<TarEntry>>("entries");
        QTest::addColumn<QString>("problemMentions");
        QTest::newRow("wrong top folder")
            << QList<TarEntry> {{"elsewhere/src/pymodule/__init__.py", "__version__ = \"1\"\n", {}}}
            << u"elsewhere"_s;
        QTest::newRow("two top folders")
            << QList<TarEntry> {{"veloxchem/README.md", "x\n", {}}, {"other/README.md", "y\n", {}}}
            << u"other"_s;
        QTest::newRow("symlink to an absolute path")
            << QList<TarEntry> {{"veloxchem/README.md", "x\n", {}},
                                {"veloxchem/passwd", {}, "/etc/passwd"}}
            << u"passwd"_s;
        QTest::newRow("symlink out of the tree")
            << QList<TarEntry> {{"veloxchem/README.md", "x\n", {}},
                                {"veloxchem/src/up", {}, "../../../.ssh/id_rsa"}}
            << u"up"_s;
        QTest::newRow("dot-dot path")
            << QList<TarEntry> {{"veloxchem/README.md", "x\n", {}},
                                {"veloxchem/../../escaped.txt", "x\n", {}}}
            << u"escaped"_s;
    }

    // The runner unpacks what the checksum covers: a tarball that would not unpack into exactly
    // <recipe>/ is refused with what is wrong, and no checksum is offered for it.
    void tarball()
    {
        QFETCH(QList<TarEntry>, entries);
        QFETCH(QString, problemMentions);
        const QByteArray bytes = tarBz2(entries);
        QVERIFY(!bytes.isEmpty());
        HostileAnswer answer;
        answer.body = bytes;
        answer.contentType = "application/octet-stream";
        gateway().serve("GET", u"/api/v4/projects/*/jobs/*/artifacts/*"_s, answer);
        const auto prepared = fixture().prepare(fixture().releasableSha());
        QVERIFY(prepared);
        QVERIFY(gateway().hits() >= 1);
        QVERIFY2(!prepared->ok(), "a tarball that escapes its folder was accepted");
        verifyClearMessage(prepared->problem);
        QVERIFY2(prepared->problem.contains(problemMentions), qPrintable(prepared->problem));
        QVERIFY(!prepared->checksum);
        verifyPreparationWorksAgain();
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
