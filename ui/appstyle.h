// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QIcon>
#include <QProxyStyle>

namespace rc::ui {

// The platform's style (or the one chosen with -style), with the app's own small SVG icons where
// the style's would make the first paint read a PNG, which loads every image-format plugin.
// Fusion searches the icon theme for its dock title-bar and menu- and tool-bar extension buttons
// and falls back to PNGs; under Fusion those get bundled SVGs, and a group box's frame (a PNG
// too) is drawn with the painter in the colours of Fusion's own image. Other styles keep their
// own. The fields' clear buttons get the bundled SVG under every style. Each icon is parsed once,
// on first use, and shared by every widget.
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
    // Whether that style is Fusion.
    static bool drawsWithFusion(const QStyle *style);

private:
    mutable QIcon m_close;
    mutable QIcon m_restore;
    mutable QIcon m_clear;
    mutable QIcon m_horizontalExtension;
    mutable QIcon m_verticalExtension;
};

// Makes QApplication's style an AppStyle around the style it has now, unless it is one already.
void installAppStyle();

}  // namespace rc::ui
