// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/httpmessage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace rc::sandbox {

class VirtualClock;

// One uploaded conda package file on anaconda.org.
struct AnacondaFile
{
    QString owner;    // the channel
    QString package;  // the recipe name
    QString version;
    int buildNumber = 0;
    QString buildString;  // py312h1a2b3c4_0
    QString subdir;       // linux-64, osx-arm64, win-64
    QStringList labels;
    QDateTime uploadTime;

    QString basename() const;  // linux-64/veloxchem-1.0rc4-py312h1a2b3c4_0.conda
};

// anaconda.org's API (api.anaconda.org): `GET /package/{owner}/{package}/files`, the list of a
// package's files with versions, labels and build numbers.
class AnacondaApi
{
public:
    AnacondaApi() = default;

    void seedDemo(const QDateTime &now);
    // What conda-build's upload does at the end of a successful build.
    void publish(const AnacondaFile &file);
    bool isPublished(const QString &owner, const QString &package, const QString &version,
                     int buildNumber, const QString &subdir) const;
    QList<AnacondaFile> files(const QString &owner, const QString &package) const;

    HttpResponse handle(const HttpRequest &request, const QStringList &segments,
                        const QString &origin);
    HttpResponse faultResponse(int status, std::optional<int> retryAfterSeconds) const;

private:
    QList<AnacondaFile> m_files;
};

// The build string conda-build gives a package for a platform: py312h<hash>_<build>.
QString condaBuildString(const QString &python, const QString &platformKey, int buildNumber);

}  // namespace rc::sandbox
