// SPDX-License-Identifier: BSD-3-Clause
#include "appearance.h"

#include "appstyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x35, 0x74, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::LinkVisited, highlight.lighter(110));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

}  // namespace

void applyColorScheme(Qt::ColorScheme scheme)
{
    if (scheme == Qt::ColorScheme::Unknown)
        return;
    const bool wantDark = scheme == Qt::ColorScheme::Dark;
    if (isDark(QApplication::palette()) == wantDark)
        return;  // the platform theme already did it
    // A hand-made palette reads right only with a style that takes it whole.
    if (wantDark && !AppStyle::drawsWithFusion(QApplication::style()))
        QApplication::setStyle(new AppStyle(QStyleFactory::create(u"Fusion"_s)));
    QApplication::setPalette(wantDark ? darkPalette() : QApplication::style()->standardPalette());
}

void followSystemColorScheme()
{
    QStyleHints *hints = QGuiApplication::styleHints();
    applyColorScheme(hints->colorScheme());
    QObject::connect(hints, &QStyleHints::colorSchemeChanged, qApp,
                     [](Qt::ColorScheme scheme) { applyColorScheme(scheme); });
}

void showTextAsProblem(QWidget *widget)
{
    // Only this role is the widget's own: a copy of widget->palette() would pin every role it
    // had inherited, and the label would keep a light window in a dark scheme.
    QPalette own;
    own.setColor(QPalette::WindowText, QColor(0xe0, 0x43, 0x3a));
    widget->setPalette(own);
}

}  // namespace rc::ui
