// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>

class QWidget;

// For start-up benchmarks: quits the application right after `window` has painted for the first
// time, and reports the process's peak resident memory on standard error ("peak_rss_kib=N").
class QuitAfterFirstPaint : public QObject
{
public:
    explicit QuitAfterFirstPaint(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_painted = false;
};
