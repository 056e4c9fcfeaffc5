// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// anaconda.org API: the files of a package on a channel.

#include "forge/forgerequest.h"
#include "forge/forgeresult.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rc::forge {

struct ForgeResponse;

struct AnacondaFile
{
    QString basename;  // "linux-64/veloxchem-1.0-py312_3.tar.bz2"
    QString version;
    qint64 buildNumber = -1;  // attrs.build_number
    QString buildString;      // attrs.build, e.g. "py312_3"
    QString subdir;           // attrs.subdir
    QStringList labels;
    QDateTime uploadTime;
    qint64 size = 0;
};

struct AnacondaPackageFiles
{
    bool packageExists = true;  // false: the package is not on the channel yet (404)
    QList<AnacondaFile> files;

    QStringList versions() const;                        // distinct, in first-seen order
    QStringList labels() const;                          // distinct, sorted
    QStringList labels(const QString &version) const;    // those `version` is on, sorted
    QList<qint64> builds(const QString &version) const;  // distinct, ascending
    // Max build number of `version` + 1; 0 when the version has no file.
    qint64 nextBuildNumber(const QString &version) const;
    // Whether `<version>,<build>` has a file carrying `label`.
    bool isPublished(const QString &version, qint64 build, const QString &label) const;
};

// `apiBase`: https://api.anaconda.org (or the simulator).
ForgeRequest anacondaFilesRequest(const QUrl &apiBase, const QString &channel,
                                  const QString &package);
ForgeResult<AnacondaPackageFiles> parseAnacondaFiles(const ForgeResponse &response);

}  // namespace rc::forge
