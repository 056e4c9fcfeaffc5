// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Test helpers: a real patch for the demo tarball's __init__.py, the printf encoding the deploy
// workflow needs, and a dispatch body built the way the release flow builds it.

#include "sandbox/archives.h"
#include "sandbox/gitlabapi.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rc::sandbox::test {

// src/pymodule/__init__.py inside the commit's tarball (top folder `<recipe>/`).
inline QByteArray initFileOf(GitLabApi *gitLab, const QString &sha)
{
    const auto files = readArchiveFiles(gitLab->tarballFor(sha));
    return files ? files->value(gitLab->recipe() + QStringLiteral("/") + gitLab->initFilePath())
                 : QByteArray();
}

// A git diff that sets __version__ and appends __deployed__, with three lines of context.
inline QByteArray versionPatch(const QByteArray &init, const QByteArray &version)
{
    QList<QByteArray> lines = init.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    qsizetype at = 0;
    while (at < lines.size() && !lines.at(at).startsWith("__version__"))
        ++at;
    const qsizetype from = std::max<qsizetype>(0, at - 3);
    const qsizetype to = std::min<qsizetype>(lines.size() - 1, at + 3);
    QByteArray hunk;
    for (qsizetype i = from; i < at; ++i)
        hunk += ' ' + lines.at(i) + '\n';
    hunk += '-' + lines.value(at) + '\n';
    hunk += "+__version__ = \"" + version + "\"\n";
    hunk += "+__deployed__ = {\"build\": \"0\", \"timestamp\": \"2026-11-25T08:00:00Z\"}\n";
    for (qsizetype i = at + 1; i <= to; ++i)
        hunk += ' ' + lines.at(i) + '\n';
    const qsizetype oldCount = to - from + 1;
    const QByteArray path = "src/pymodule/__init__.py";
    return "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path +
        "\n@@ -" + QByteArray::number(from + 1) + ',' + QByteArray::number(oldCount) + " +" +
        QByteArray::number(from + 1) + ',' + QByteArray::number(oldCount + 1) + " @@\n" + hunk;
}

// What `printf '<input>'` turns back into `patch`: \ → \\, % → %%, ' → '\''.
inline QByteArray printfEncoded(QByteArray patch)
{
    patch.replace("\\", "\\\\");
    patch.replace("%", "%%");
    patch.replace("'", "'\\''");
    return patch;
}

// {"ref", "inputs", "return_run_details"}, compact: the bytes the client is to send.
inline QByteArray dispatchBody(const QString &ref, const QJsonObject &inputs,
                               bool returnRunDetails = true)
{
    QJsonObject body {{QStringLiteral("ref"), ref}, {QStringLiteral("inputs"), inputs}};
    if (returnRunDetails)
        body.insert(QStringLiteral("return_run_details"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline QByteArray repositoryDispatchBody(const QString &eventType, const QJsonObject &payload)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("event_type"), eventType},
                                      {QStringLiteral("client_payload"), payload}})
        .toJson(QJsonDocument::Compact);
}

}  // namespace rc::sandbox::test
