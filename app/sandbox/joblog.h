// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandbox/runengine.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rc::sandbox {

// What a GitHub-hosted runner writes for a job: the log as `GET .../jobs/{id}/logs` serves it
// (every line "<ISO time with 7 fractional digits>Z <text>", a `##[group]Run <command>` header
// per step, the tools' own output) and the check-run annotations it makes from `##[error]`,
// `##[warning]` and `##[notice]` (workflow commands and failed steps).
struct JobTranscript
{
    QString log;
    QList<CheckAnnotation> annotations;
};

// The transcript up to `now`: a step still running shows the lines it has written so far and
// no annotations yet. `rawPatchWrite`: the workflow writes the patch from an environment
// variable (deploy-raw.yml) rather than pasting it into printf.
JobTranscript jobTranscript(const Job &job, const Run *run, const JobView &view,
                            const QDateTime &now, bool rawPatchWrite);

}  // namespace rc::sandbox
