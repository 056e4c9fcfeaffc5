// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

namespace rc::secrets {

// Replaces anything shaped like a GitHub or GitLab token (ghp_…, github_pat_…, glpat-…) with
// "<token>", for text that quotes what a person typed: a token pasted into the wrong place must
// never reach a terminal log.
QString redactTokenShapes(QString text);

}  // namespace rc::secrets
