// SPDX-License-Identifier: BSD-3-Clause
#include "firstpaint.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

// VmHWM from /proc: Linux only; elsewhere the benchmark compares time alone.
QByteArray peakResidentKib()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return "unknown"_ba;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0);
    }
    return "unknown"_ba;
}

}  // namespace

QuitAfterFirstPaint::QuitAfterFirstPaint(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

bool QuitAfterFirstPaint::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // Quit once this paint has been delivered, not from inside it.
        QTimer::singleShot(0, this, [] {
            QTextStream(stderr) << "peak_rss_kib=" << peakResidentKib() << '\n';
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}
