#include "engine/flowcontrol.h"

#include <algorithm>

namespace bytehaul {

namespace {
constexpr qint64 kTokenChunk = 16 * 1024; // a waiter wakes once this much may pass
}

FlowControl::FlowControl(SharedRateLimiter *global, QObject *parent)
    : QObject(parent)
    , m_global(global)
{
    m_tokenTimer.setSingleShot(true);
    connect(&m_tokenTimer, &QTimer::timeout, this, &FlowControl::tokensReady);
}

void FlowControl::written(qint64 bytes)
{
    m_held = std::max<qint64>(0, m_held - bytes);
    if (room() > 0)
        Q_EMIT roomFreed();
}

qint64 FlowControl::tokens()
{
    const qint64 now = RateLimiter::steadyMs();
    qint64 t = m_limit.available(now);
    if (m_global)
        t = std::min(t, m_global->available(quintptr(this), now));
    return t;
}

void FlowControl::consume(qint64 bytes)
{
    m_limit.consume(bytes);
    if (m_global)
        m_global->consume(quintptr(this), bytes);
}

void FlowControl::waitForTokens()
{
    if (m_tokenTimer.isActive())
        return;
    const qint64 now = RateLimiter::steadyMs();
    qint64 wait = m_limit.msUntil(kTokenChunk, now);
    if (m_global) {
        // Short of the overall limit (not only of its own): a contender for the fair split.
        if (m_global->available(quintptr(this), now) < kTokenChunk)
            m_global->wait(quintptr(this), now);
        wait = std::max(wait, m_global->msUntil(quintptr(this), kTokenChunk, now));
    }
    m_tokenTimer.start(int(std::clamp<qint64>(wait, 1, 1000)));
}

void FlowControl::setRate(qint64 bytesPerSecond)
{
    m_limit.setRate(std::max<qint64>(0, bytesPerSecond), RateLimiter::steadyMs());
    m_tokenTimer.start(0);
}

void FlowControl::leave()
{
    if (m_global)
        m_global->leave(quintptr(this));
}

} // namespace bytehaul
