// SPDX-License-Identifier: BSD-3-Clause
#pragma once

class QLineEdit;

namespace rc::ui {

// Gives `edit` a clear button, shown while it holds text: a click empties the field (textChanged,
// not textEdited) and gives it the focus. The icon is the style's SP_LineEditClearButton: in the
// app, AppStyle's one shared SVG.
void addClearButton(QLineEdit *edit);

}  // namespace rc::ui
