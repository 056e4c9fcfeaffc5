// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// The files of the demo recipes repo (VeloxChem/meta-vlx) that the contents API serves: the
// workflows the run engine emulates, written the way the real ones are.

#include <QByteArray>
#include <QHash>
#include <QString>

namespace rc::sandbox {

// deploy-cxx.yml: `printf '${{ inputs.patch }}' > patch.diff`, cancel-in-progress, no run-name,
// also started by repository_dispatch type conda-build.
QByteArray deployCxxWorkflowYaml();
// deploy-raw.yml: the patch through an environment variable (`printf '%s' "$PATCH"`), a
// run-name, and concurrency that queues (cancel-in-progress: false).
QByteArray deployRawWorkflowYaml();
// lint.yml: push and pull_request only (no workflow_dispatch).
QByteArray lintWorkflowYaml();
// Every file of the demo repo, path → content.
QHash<QString, QByteArray> demoRecipesRepositoryFiles(const QString &recipe);

}  // namespace rc::sandbox
