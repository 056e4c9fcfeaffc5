// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <Qt>

namespace rc::ui {

// Dark mode follows the system (QStyleHints::colorScheme), now and when it changes. Where the
// platform theme has no dark palette of its own (Fusion on a bare X11 or Wayland session), a dark
// Fusion palette is applied for a dark scheme and the style's own for a light one.
void followSystemColorScheme();

// The palette for `scheme` whatever the system says (screenshots, tests).
void applyColorScheme(Qt::ColorScheme scheme);

}  // namespace rc::ui
