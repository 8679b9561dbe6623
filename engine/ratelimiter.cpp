#include "engine/ratelimiter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace bytehaul {

qint64 RateLimiter::steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void RateLimiter::setRate(qint64 bytesPerSecond, qint64 nowMs)
{
    refill(nowMs);
    m_rate = std::max<qint64>(0, bytesPerSecond);
    m_tokens = std::min(m_tokens, double(burst()));
}

void RateLimiter::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs && m_rate > 0)
        m_tokens = std::min(double(burst()), m_tokens + double(m_rate) * double(nowMs - m_lastMs) / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
}

qint64 RateLimiter::available(qint64 nowMs)
{
    if (m_rate <= 0)
        return std::numeric_limits<qint64>::max();
    refill(nowMs);
    return m_tokens > 0 ? qint64(m_tokens) : 0;
}

void RateLimiter::consume(qint64 bytes)
{
    if (m_rate > 0)
        m_tokens -= double(bytes);
}

qint64 RateLimiter::msUntil(qint64 bytes, qint64 nowMs)
{
    if (m_rate <= 0)
        return 0;
    refill(nowMs);
    const double need = std::min<double>(double(bytes), double(burst())) - m_tokens;
    return need <= 0 ? 0 : qint64(std::ceil(need * 1000.0 / double(m_rate)));
}

} // namespace bytehaul
