#include "engine/byterangeset.h"

#include <algorithm>

namespace bytehaul {

void ByteRangeSet::add(qint64 start, qint64 end)
{
    if (start >= end)
        return;
    auto it = m_ranges.upper_bound(start);
    if (it != m_ranges.begin()) {
        auto prev = std::prev(it);
        if (prev->second >= start) { // overlaps or touches the previous range
            start = prev->first;
            end = std::max(end, prev->second);
            it = m_ranges.erase(prev);
        }
    }
    while (it != m_ranges.end() && it->first <= end) {
        end = std::max(end, it->second);
        it = m_ranges.erase(it);
    }
    m_ranges.emplace(start, end);
}

void ByteRangeSet::remove(qint64 start, qint64 end)
{
    if (start >= end)
        return;
    auto it = m_ranges.upper_bound(start);
    if (it != m_ranges.begin())
        --it;
    while (it != m_ranges.end() && it->first < end) {
        const qint64 s = it->first;
        const qint64 e = it->second;
        if (e <= start) {
            ++it;
            continue;
        }
        it = m_ranges.erase(it);
        if (s < start)
            m_ranges.emplace(s, start);
        if (e > end)
            it = m_ranges.emplace(end, e).first;
    }
}

bool ByteRangeSet::covers(qint64 start, qint64 end) const
{
    if (start >= end)
        return true;
    auto it = m_ranges.upper_bound(start);
    if (it == m_ranges.begin())
        return false;
    --it;
    return it->first <= start && it->second >= end;
}

qint64 ByteRangeSet::totalBytes() const
{
    qint64 sum = 0;
    for (const auto &[s, e] : m_ranges)
        sum += e - s;
    return sum;
}

ByteRangeSet::Range ByteRangeSet::largest() const
{
    Range best { 0, 0 };
    for (const auto &[s, e] : m_ranges) {
        if (e - s > best.second - best.first)
            best = { s, e };
    }
    return best;
}

QList<ByteRangeSet::Range> ByteRangeSet::ranges() const
{
    QList<Range> out;
    out.reserve(qsizetype(m_ranges.size()));
    for (const auto &[s, e] : m_ranges)
        out.append({ s, e });
    return out;
}

} // namespace bytehaul
