// RateLimiter: a token bucket. Tokens (bytes) refill at `rate` per second up to a burst of
// 100 ms worth; take() hands out what is there. Time comes in as a parameter, so the bucket is
// tested with a fake clock. A rate of 0 means unlimited.
#pragma once

#include <QtGlobal>

#include <algorithm>

namespace bytehaul {

class RateLimiter final
{
public:
    // One clock for every bucket, so a bucket shared by several downloads sees one time line.
    static qint64 steadyMs();

    void setRate(qint64 bytesPerSecond, qint64 nowMs);
    qint64 rate() const { return m_rate; }
    bool isLimited() const { return m_rate > 0; }

    qint64 available(qint64 nowMs); // bytes that may pass now
    void consume(qint64 bytes); // after available(): can go negative by a chunk's overshoot
    // Milliseconds until at least `bytes` (capped at the burst) are available.
    qint64 msUntil(qint64 bytes, qint64 nowMs);

private:
    void refill(qint64 nowMs);
    qint64 burst() const { return std::max<qint64>(m_rate / 10, 16 * 1024); }

    qint64 m_rate = 0;
    double m_tokens = 0;
    qint64 m_lastMs = -1;
};

} // namespace bytehaul
