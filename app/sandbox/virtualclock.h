// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace rc::sandbox {

// The simulator's notion of "now". Tests move it explicitly with advance(); `sandbox serve`
// lets it follow the wall clock multiplied by a speed factor. Nothing in the simulator reads
// the system clock directly, so a test can play an hour of a workflow run in milliseconds.
class VirtualClock : public QObject
{
    Q_OBJECT

public:
    explicit VirtualClock(const QDateTime &start, QObject *parent = nullptr);

    QDateTime now() const { return m_now; }
    void advance(std::chrono::milliseconds step);
    void advanceTo(const QDateTime &time);
    // 0 (the default) stops automatic ticking; X > 0 makes one real second X virtual seconds.
    void setSpeed(double factor);
    double speed() const { return m_speed; }

signals:
    void advanced(const QDateTime &now);

private:
    void tick();

    QDateTime m_now;
    double m_speed = 0.0;
    QTimer m_ticker;
    QElapsedTimer m_sinceLastTick;
    double m_carriedMilliseconds = 0.0;
};

}  // namespace rc::sandbox
