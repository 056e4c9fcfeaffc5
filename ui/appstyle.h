// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QIcon>
#include <QProxyStyle>

namespace rc::ui {

// The platform's style (or the one chosen with -style), with the app's own small SVG icons for
// the buttons of the first window: the dock's title bar, the fields' clear buttons, the menu and
// tool bars' extension. Fusion has none of its own: it searches the icon theme and falls back to
// PNGs, which loads every image-format plugin before the first paint. Each icon is parsed once,
// on first use, and shared by every widget. For the same reason, under Fusion a group box's frame
// is drawn with the painter, in the colours of Fusion's own frame image, instead of decoding it.
class AppStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // Takes `base` (nullptr: the platform's default style).
    explicit AppStyle(QStyle *base = nullptr);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

    // The style `style` draws with: the base of an AppStyle, else itself.
    static const QStyle *drawingStyle(const QStyle *style);

private:
    bool m_fusion = false;
    mutable QIcon m_close;
    mutable QIcon m_restore;
    mutable QIcon m_clear;
    mutable QIcon m_horizontalExtension;
    mutable QIcon m_verticalExtension;
};

// Makes QApplication's style an AppStyle around the style it has now, unless it is one already.
void installAppStyle();

}  // namespace rc::ui
