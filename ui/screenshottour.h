// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

namespace rc::ui {

class MainWindow;

// Drives the window through a whole sandbox release and saves a PNG of each main screen into
// `folder`: the form with a commit picked and its checksum, the preflight, the run monitor mid-run
// and finished, the diagnosed log of the failed build, the history and the settings. Quits the
// application when done (exit code 0, or 1 when a screen could not be saved or a step timed out).
// For scripts/screenshots, under Xvfb; the window must be shown and in the sandbox.
void runScreenshotTour(MainWindow &window, const QString &folder);

}  // namespace rc::ui
