// SPDX-License-Identifier: BSD-3-Clause
#include "appstyle.h"

#include <QApplication>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

// The corners of Fusion's fusion_groupbox.png, from its outline's corner pixel inwards: the
// top-left and bottom-right ones are alike, and so are the other two.
using Corner = QRgb[3][3];
constexpr Corner kLeadingCorner = {
    {0x0d272727, 0x345d5d5d, 0x346c6c6c},
    {0x39626262, 0x1f5a5a5a, 0x0a000000},
    {0x346c6c6c, 0x09000000, 0x03000000},
};
constexpr Corner kTrailingCorner = {
    {0x0c151515, 0x37666666, 0x346c6c6c},
    {0x355b5b5b, 0x1e5e5e5e, 0x0a000000},
    {0x346c6c6c, 0x09000000, 0x03000000},
};

const QIcon &loadOnce(QIcon &icon, const QString &path)
{
    if (icon.isNull())
        icon = QIcon(path);
    return icon;
}

}  // namespace

AppStyle::AppStyle(QStyle *base)
    : QProxyStyle(base)
{ }

bool AppStyle::drawsWithFusion(const QStyle *style)
{
    return drawingStyle(style)->name().compare(u"fusion", Qt::CaseInsensitive) == 0;
}

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                             const QWidget *widget) const
{
    if (standardIcon == SP_LineEditClearButton)
        return loadOnce(m_clear, u":/icons/edit-clear.svg"_s);
    if (!drawsWithFusion(this))
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    switch (standardIcon) {
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
        return loadOnce(m_close, u":/icons/window-close.svg"_s);
    case SP_TitleBarNormalButton:
        return loadOnce(m_restore, u":/icons/window-restore.svg"_s);
    case SP_ToolBarHorizontalExtensionButton:
        return loadOnce(m_horizontalExtension, u":/icons/extension-horizontal.svg"_s);
    case SP_ToolBarVerticalExtensionButton:
        return loadOnce(m_verticalExtension, u":/icons/extension-vertical.svg"_s);
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

void AppStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                             QPainter *painter, const QWidget *widget) const
{
    if (element != PE_FrameGroupBox || !drawsWithFusion(this) || !option) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion stretches fusion_groupbox.png over option->rect, keeping its corners: a transparent
    // first row and column, then a 1 px outline of #757575 at 20 %, a ring of black at 3 % inside
    // it and black at 1 % over the rest, and its corners (kLeadingCorner, kTrailingCorner). Here
    // the same pixels, to a colour level, are drawn with fills (an antialiased path over the whole
    // box would cost more than the image did; a pen's line blends pixel by pixel, a fill row by
    // row).
    const QRect box = option->rect.adjusted(1, 1, 0, 0);
    if (box.width() < 7 || box.height() < 7) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);  // corners meet: the image
        return;
    }
    const int right = box.width() - 1;
    const int bottom = box.height() - 1;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->translate(box.topLeft());
    painter->fillRect(QRect(QPoint(2, 2), QPoint(right - 2, bottom - 2)),
                      QColor::fromRgba(0x03000000));
    const int across = right - 5;  // from 3 to right - 3
    const int down = bottom - 5;
    const auto edges = [&](QRgb rgba, int inset) {
        const QColor colour = QColor::fromRgba(rgba);
        painter->fillRect(QRect(3, inset, across, 1), colour);
        painter->fillRect(QRect(3, bottom - inset, across, 1), colour);
        painter->fillRect(QRect(inset, 3, 1, down), colour);
        painter->fillRect(QRect(right - inset, 3, 1, down), colour);
    };
    edges(0x32757575, 0);
    edges(0x07000000, 1);
    for (int y = 0; y < 3; ++y) {
        for (int x = 0; x < 3; ++x) {
            if (x == 2 && y == 2)
                continue;  // the fill's
            const QColor leading = QColor::fromRgba(kLeadingCorner[y][x]);
            const QColor trailing = QColor::fromRgba(kTrailingCorner[y][x]);
            painter->fillRect(QRect(x, y, 1, 1), leading);
            painter->fillRect(QRect(right - x, bottom - y, 1, 1), leading);
            painter->fillRect(QRect(right - x, y, 1, 1), trailing);
            painter->fillRect(QRect(x, bottom - y, 1, 1), trailing);
        }
    }
    painter->restore();
}

const QStyle *AppStyle::drawingStyle(const QStyle *style)
{
    const auto *appStyle = qobject_cast<const AppStyle *>(style);
    return appStyle ? appStyle->baseStyle() : style;
}

void installAppStyle()
{
    QStyle *current = QApplication::style();
    if (qobject_cast<AppStyle *>(current))
        return;
    // A style cannot be shared by two owners: the proxy gets a new instance of the same kind
    // (QApplication deletes the one it had). Where there is no such kind, the style stays.
    if (QStyle *base = QStyleFactory::create(current->name()))
        QApplication::setStyle(new AppStyle(base));
}

}  // namespace rc::ui
