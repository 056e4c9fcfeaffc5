// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/virtualclock.h"

namespace rc::sandbox {

VirtualClock::VirtualClock(const QDateTime &start, QObject *parent)
    : QObject(parent)
    , m_now(start.toUTC())
{
    m_ticker.setInterval(std::chrono::milliseconds(100));
    connect(&m_ticker, &QTimer::timeout, this, &VirtualClock::tick);
}

void VirtualClock::advance(std::chrono::milliseconds step)
{
    if (step.count() <= 0)
        return;
    m_now = m_now.addMSecs(step.count());
    emit advanced(m_now);
}

void VirtualClock::advanceTo(const QDateTime &time)
{
    if (time > m_now)
        advance(std::chrono::milliseconds(m_now.msecsTo(time)));
}

void VirtualClock::setSpeed(double factor)
{
    m_speed = factor > 0.0 ? factor : 0.0;
    if (m_speed > 0.0) {
        m_sinceLastTick.start();
        m_ticker.start();
    } else {
        m_ticker.stop();
    }
}

void VirtualClock::tick()
{
    // Fractions of a millisecond are carried so slow speeds still move the clock.
    m_carriedMilliseconds += double(m_sinceLastTick.restart()) * m_speed;
    const auto whole = static_cast<qint64>(m_carriedMilliseconds);
    m_carriedMilliseconds -= double(whole);
    advance(std::chrono::milliseconds(whole));
}

}  // namespace rc::sandbox
