// SPDX-License-Identifier: BSD-3-Clause
#include "forge/anaconda.h"

#include "forge/jsonread_p.h"
#include "forge/transport.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace rc::forge {

using namespace detail;
using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::forge::Anaconda)
};

}  // namespace

QStringList AnacondaPackageFiles::versions() const
{
    QStringList out;
    for (const AnacondaFile &f : files) {
        if (!out.contains(f.version))
            out.append(f.version);
    }
    return out;
}

QStringList AnacondaPackageFiles::labels() const
{
    return labels({});
}

QStringList AnacondaPackageFiles::labels(const QString &version) const
{
    QStringList out;
    for (const AnacondaFile &f : files) {
        if (!version.isEmpty() && f.version != version)
            continue;
        for (const QString &l : f.labels) {
            if (!out.contains(l))
                out.append(l);
        }
    }
    out.sort();
    return out;
}

QList<qint64> AnacondaPackageFiles::builds(const QString &version) const
{
    QList<qint64> out;
    for (const AnacondaFile &f : files) {
        if (f.version == version && f.buildNumber >= 0 && !out.contains(f.buildNumber))
            out.append(f.buildNumber);
    }
    std::sort(out.begin(), out.end());
    return out;
}

qint64 AnacondaPackageFiles::nextBuildNumber(const QString &version) const
{
    const QList<qint64> b = builds(version);
    return b.isEmpty() ? 0 : b.last() + 1;
}

bool AnacondaPackageFiles::isPublished(const QString &version, qint64 build,
                                       const QString &label) const
{
    return std::any_of(files.cbegin(), files.cend(), [&](const AnacondaFile &f) {
        return f.version == version && f.buildNumber == build && f.labels.contains(label);
    });
}

ForgeRequest anacondaFilesRequest(const QUrl &apiBase, const QString &channel,
                                  const QString &package)
{
    ForgeRequest r =
        apiGet(Service::Anaconda, apiBase,
               u"/package/" % encodeSegment(channel) % u'/' % encodeSegment(package) % u"/files");
    r.conditional = true;
    refuseDotSegments(r, {{"channel"_L1, channel}, {"package"_L1, package}});
    return r;
}

// conda's build number is a non-negative 32-bit int (conda-build refuses anything else).
static bool isBuildNumber(qint64 number)
{
    return number >= 0 && number <= std::numeric_limits<qint32>::max();
}

ForgeResult<AnacondaPackageFiles> parseAnacondaFiles(const ForgeResponse &response)
{
    if (!response.json.isArray())
        return ForgeResult<AnacondaPackageFiles>::failure(
            ForgeError::make(ForgeError::Kind::BadResponse, Text::tr("Expected a list of files.")));
    AnacondaPackageFiles out;
    for (const QJsonValue &v : response.json.array()) {
        const QJsonObject o = v.toObject();
        const QJsonObject attrs = o.value(u"attrs").toObject();
        AnacondaFile f;
        f.basename = str(o, "basename"_L1);
        f.version = str(o, "version"_L1);
        f.buildNumber = int64(attrs, "build_number"_L1, -1);
        f.buildString = str(attrs, "build"_L1);
        f.subdir = str(attrs, "subdir"_L1);
        f.labels = strings(o.value(u"labels"));
        f.uploadTime = dateTime(o, "upload_time"_L1);
        if (!f.uploadTime.isValid()) {
            // anaconda.org also writes "2024-01-31 12:00:00.123000+00:00"
            QString t = str(o, "upload_time"_L1);
            t.replace(u' ', u'T');
            f.uploadTime = QDateTime::fromString(t, Qt::ISODateWithMs).toUTC();
        }
        f.size = int64(o, "size"_L1);
        if (!isBuildNumber(f.buildNumber) && !f.buildString.isEmpty()) {
            // Fall back on the build string's trailing number ("py312_3" → 3).
            const qsizetype us = f.buildString.lastIndexOf(u'_');
            bool ok = false;
            const qint64 n = f.buildString.mid(us + 1).toLongLong(&ok);
            if (ok)
                f.buildNumber = n;
        }
        // Anything else is unknown: nextBuildNumber() must never overflow on a hostile answer.
        if (!isBuildNumber(f.buildNumber))
            f.buildNumber = -1;
        if (f.version.isEmpty())
            continue;
        out.files.append(f);
    }
    return ForgeResult<AnacondaPackageFiles>::success(out);
}

}  // namespace rc::forge
