// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Pure mapping from GitHub jobs to the rows of a run monitor. Nothing about the deploy matrix is
// hard-coded: the OS comes from the job name's matrix values or the runner labels, the variant
// from the other matrix values, and a job without matrix values that is not a build is a helper.

#include "forge/github.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rc::watch {

enum class PlatformStatus { Queued, Running, Success, Failure, Cancelled, Skipped };
// "queued", "running", "success", "failure", "cancelled", "skipped"
QString platformStatusName(PlatformStatus s);

struct PlatformState
{
    QString key;          // stable: the job name, e.g. "build (ubuntu-latest, 3.12, mpich)"
    QString os;           // "Linux", "macOS", "Windows", "" when unknown
    QString variant;      // e.g. "Python 3.12 · mpich" (the other matrix values)
    bool helper = false;  // not a build: prepare, summary, ... (no matrix values, not a build)
    qint64 jobId = 0;
    QString jobStatus;                   // GitHub's: queued, in_progress, completed, ...
    QString jobConclusion;               // GitHub's: success, failure, cancelled, skipped, ...
    std::optional<QString> trueOutcome;  // summary.json "outcome" of build_summary-<platform>
    PlatformStatus status = PlatformStatus::Queued;  // success job + outcome failure = Failure
    int stepNumber = 0;                              // current (or last) step, 1-based; 0 none
    int stepCount = 0;
    QString stepName;
    QDateTime startedAt, completedAt;
    QUrl htmlUrl;
    friend bool operator==(const PlatformState &, const PlatformState &) = default;
};

// Reads os/variant/helper from a job (name "build (ubuntu-latest, 3.12, mpich)", labels), its
// status and its current step. `trueOutcome` stays empty: only a build summary tells it.
PlatformState platformFromJob(const forge::WorkflowJob &job);

// The matrix values of a job name: "build (ubuntu-latest, 3.12, mpich)" → the three values;
// empty when the name carries none.
QStringList matrixValuesOf(const QString &jobName);

// "Linux", "macOS", "Windows" for a runner label or matrix value (ubuntu-22.04, macos-14,
// windows-2022, self-hosted "linux"...); empty when it names no OS.
QString osOfLabel(const QString &label);

// The status a row shows: GitHub's job status and conclusion, corrected by the true outcome
// (a job `success` whose build summary says `failure` is a Failure).
PlatformStatus statusOf(const QString &jobStatus, const QString &jobConclusion,
                        const std::optional<QString> &trueOutcome);

// Whether the artifact name's platform part ("build_summary-ubuntu-latest_3.12_mpich") is the
// platform's matrix values joined by '_'. Helpers have no summary.
bool summaryBelongsTo(const QString &artifactName, const PlatformState &platform);

// The prefix of the artifacts holding a build's summary.json.
inline constexpr QLatin1StringView kBuildSummaryPrefix("build_summary-");

}  // namespace rc::watch
