// SPDX-License-Identifier: BSD-3-Clause
// The reference for the cold-start benchmark: a bare Qt Widgets window of the same size, with
// nothing else, that quits after its first paint exactly like release-console does.
#include "firstpaint.h"

#include <QApplication>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.resize(1180, 760);
    new QuitAfterFirstPaint(&window);
    window.show();
    return QApplication::exec();
}
