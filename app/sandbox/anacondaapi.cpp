// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/anacondaapi.h"

#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

QString uploadTime(const QDateTime &time)
{
    // anaconda.org's form: "2024-05-01 10:00:00.123000+00:00"
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz'000+00:00'"_s);
}

QString hexDigest(const QString &text, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), algorithm).toHex());
}

}  // namespace

QString condaBuildString(const QString &python, const QString &platformKey, int buildNumber)
{
    return u"py"_s + QString(python).remove(u'.') + u'h' +
        hexDigest(platformKey, QCryptographicHash::Md5).left(7) + u'_' +
        QString::number(buildNumber);
}

QString AnacondaFile::basename() const
{
    return subdir + u'/' + package + u'-' + version + u'-' + buildString + u".conda"_s;
}

void AnacondaApi::seedDemo(const QDateTime &now)
{
    m_files.clear();
    struct Seed
    {
        const char16_t *version;
        int build;
        const char16_t *label;
        int daysAgo;
    };
    // Older releases only: the simulator's two historical runs publish 1.0rc4.dev1 builds 0 and 1.
    constexpr Seed seeds[] = {{u"1.0rc3", 0, u"main", 120}, {u"1.0rc3", 1, u"main", 110}};
    const QList<QPair<QString, QString>> platforms = {
        {u"linux-64"_s, u"ubuntu-latest_3.12_mpich"_s},
        {u"osx-arm64"_s, u"macos-14_3.12_mpich"_s},
        {u"win-64"_s, u"windows-2022_3.12_msmpi"_s}};
    for (const Seed &seed : seeds) {
        for (const auto &[subdir, key] : platforms) {
            AnacondaFile file;
            file.owner = u"veloxchem"_s;
            file.package = u"veloxchem"_s;
            file.version = QString::fromUtf16(seed.version);
            file.buildNumber = seed.build;
            file.buildString = condaBuildString(u"3.12"_s, key, seed.build);
            file.subdir = subdir;
            file.labels = {QString::fromUtf16(seed.label)};
            file.uploadTime = now.addDays(-seed.daysAgo);
            m_files.append(file);
        }
    }
}

void AnacondaApi::publish(const AnacondaFile &file)
{
    m_files.removeIf([&](const AnacondaFile &existing) {
        return existing.owner == file.owner && existing.basename() == file.basename();
    });
    m_files.append(file);
}

bool AnacondaApi::isPublished(const QString &owner, const QString &package, const QString &version,
                              int buildNumber, const QString &subdir) const
{
    for (const AnacondaFile &file : m_files) {
        if (file.owner == owner && file.package == package && file.version == version &&
            file.buildNumber == buildNumber && file.subdir == subdir)
            return true;
    }
    return false;
}

QList<AnacondaFile> AnacondaApi::files(const QString &owner, const QString &package) const
{
    QList<AnacondaFile> found;
    for (const AnacondaFile &file : m_files) {
        if (file.owner == owner && file.package == package)
            found.append(file);
    }
    return found;
}

HttpResponse AnacondaApi::faultResponse(int status, std::optional<int> retryAfterSeconds) const
{
    HttpResponse response = HttpResponse::json(
        status,
        QJsonDocument(QJsonObject {{u"error"_s, QString::fromLatin1(reasonPhrase(status))}}));
    if (retryAfterSeconds)
        response.setHeader("Retry-After"_ba, QByteArray::number(*retryAfterSeconds));
    return response;
}

HttpResponse AnacondaApi::handle(const HttpRequest &request, const QStringList &segments,
                                 const QString &origin)
{
    // segments: package/{owner}/{package}/files
    if (request.method != "GET" && request.method != "HEAD")
        return faultResponse(405, std::nullopt);
    if (segments.size() != 4 || segments.at(3) != u"files"_s)
        return HttpResponse::json(404, QJsonDocument(QJsonObject {{u"error"_s, u"Not Found"_s}}));
    const QString &owner = segments.at(1);
    const QString &package = segments.at(2);
    const QList<AnacondaFile> found = files(owner, package);
    if (found.isEmpty()) {
        return HttpResponse::json(
            404,
            QJsonDocument(QJsonObject {
                {u"error"_s,
                 QString(u"The package \""_s + owner + u'/' + package + u"\" does not exist"_s)}}));
    }
    const QString host = origin.section(u"://"_s, 1);
    QJsonArray array;
    for (const AnacondaFile &file : found) {
        const QString fullName =
            owner + u'/' + package + u'/' + file.version + u'/' + file.basename();
        const QString sha256 = hexDigest(fullName, QCryptographicHash::Sha256);
        const QString md5 = hexDigest(fullName, QCryptographicHash::Md5);
        QJsonArray labels;
        for (const QString &label : file.labels)
            labels.append(label);
        const qint64 size = 9000000 + qint64(sha256.left(4).toInt(nullptr, 16));
        const QString platform = file.subdir.section(u'-', 0, 0) == u"osx"_s
            ? u"osx"_s
            : file.subdir.section(u'-', 0, 0);
        const QJsonObject attrs {
            {u"arch"_s, file.subdir.endsWith(u"arm64"_s) ? u"arm64"_s : u"x86_64"_s},
            {u"build"_s, file.buildString},
            {u"build_number"_s, file.buildNumber},
            {u"depends"_s,
             QJsonArray {u"numpy >=1.26"_s, u"python >=3.12,<3.13.0a0"_s, u"mpi4py"_s}},
            {u"license"_s, u"LGPL-3.0-or-later"_s},
            {u"md5"_s, md5},
            {u"name"_s, file.package},
            {u"platform"_s, platform == u"win"_s ? u"win"_s : platform},
            {u"sha256"_s, sha256},
            {u"size"_s, size},
            {u"subdir"_s, file.subdir},
            {u"timestamp"_s, file.uploadTime.toMSecsSinceEpoch()},
            {u"version"_s, file.version},
            {u"source_url"_s, QJsonValue()},
        };
        array.append(QJsonObject {
            {u"description"_s, QJsonValue()},
            {u"dependencies"_s, QJsonObject {{u"depends"_s, QJsonArray()}}},
            {u"distribution_type"_s, u"conda"_s},
            {u"basename"_s, file.basename()},
            {u"attrs"_s, attrs},
            {u"labels"_s, labels},
            {u"size"_s, size},
            {u"version"_s, file.version},
            {u"download_url"_s, QString(u"//"_s + host + u"/download/"_s + fullName)},
            {u"upload_time"_s, uploadTime(file.uploadTime)},
            {u"full_name"_s, fullName},
            {u"owner"_s, owner},
            {u"type"_s, u"conda"_s},
            {u"md5"_s, md5},
            {u"sha256"_s, sha256},
            {u"ndownloads"_s, 0},
        });
    }
    HttpResponse response = HttpResponse::json(200, QJsonDocument(array));
    applyConditional(request, response);
    return response;
}

}  // namespace rc::sandbox
