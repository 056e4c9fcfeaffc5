// SPDX-License-Identifier: BSD-3-Clause
#pragma once

class QLineEdit;

namespace rc::ui {

// Gives `edit` a clear button, shown while it holds text: a click empties the field (textChanged,
// not textEdited) and gives it the focus. Not setClearButtonEnabled(): the style's clear icon is
// the window's first icon-theme lookup, which reads the theme's index and loads the image plugins
// before the first paint (a tenth of the start-up, tests/bench/profile-startup).
void addClearButton(QLineEdit *edit);

}  // namespace rc::ui
