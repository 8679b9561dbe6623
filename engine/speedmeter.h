// SpeedMeter: bytes per second over a sliding window of (time, cumulative bytes) samples.
// Time is passed in by the caller (milliseconds on any monotonic clock) so tests can use a
// fake clock.
#pragma once

#include <QtGlobal>

#include <deque>

namespace bytehaul {

class SpeedMeter final
{
public:
    explicit SpeedMeter(qint64 windowMs = 5000) : m_windowMs(windowMs) { }

    void sample(qint64 nowMs, qint64 cumulativeBytes);
    // 0 until the samples span at least minSpanMs.
    double rate(qint64 nowMs, qint64 minSpanMs = 500) const;
    void reset() { m_samples.clear(); }

private:
    struct Sample
    {
        qint64 t;
        qint64 bytes;
    };
    qint64 m_windowMs;
    std::deque<Sample> m_samples;
};

} // namespace bytehaul
