// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <Qt>

class QWidget;

namespace rc::ui {

// Dark mode follows the system (QStyleHints::colorScheme), now and when it changes. Where the
// platform theme has no dark palette of its own (Fusion on a bare X11 or Wayland session), a dark
// Fusion palette is applied for a dark scheme and the style's own for a light one.
void followSystemColorScheme();

// The palette for `scheme` whatever the system says (screenshots, tests).
void applyColorScheme(Qt::ColorScheme scheme);

// Text in the red that marks a problem, one red that stands out on light and dark palettes. Set
// in the widget's palette, not a style sheet: a style sheet puts a style of its own over the
// widget and its polish, for one colour. Replaces what the widget set in its palette before;
// `setPalette(QPalette())` takes it back.
void showTextAsProblem(QWidget *widget);

}  // namespace rc::ui
