#include "engine/speedmeter.h"

namespace bytehaul {

void SpeedMeter::sample(qint64 nowMs, qint64 cumulativeBytes)
{
    if (!m_samples.empty() && cumulativeBytes < m_samples.back().bytes)
        m_samples.clear(); // counter went back (restart): old samples mean nothing now
    // Keep at most one sample per 50 ms so a fast stream does not grow the deque.
    if (!m_samples.empty() && nowMs - m_samples.back().t < 50 && m_samples.size() > 1)
        m_samples.back() = { nowMs, cumulativeBytes };
    else
        m_samples.push_back({ nowMs, cumulativeBytes });
    while (m_samples.size() > 2 && nowMs - m_samples[1].t >= m_windowMs)
        m_samples.pop_front();
}

double SpeedMeter::rate(qint64 nowMs, qint64 minSpanMs) const
{
    if (m_samples.empty())
        return 0;
    const Sample &first = m_samples.front();
    const Sample &last = m_samples.back();
    // A stall counts: the span runs to "now", not to the last sample.
    const qint64 span = nowMs - first.t;
    if (span < minSpanMs || span <= 0)
        return 0;
    return double(last.bytes - first.bytes) * 1000.0 / double(span);
}

} // namespace bytehaul
