#include "engine/writebackcache.h"

namespace bytehaul {

void WriteBackCache::insert(qint64 offset, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    qint64 end = offset + data.size();
    // Fast path: appends to the run that ends exactly here (a stream's next chunk).
    auto it = m_runs.upper_bound(offset);
    if (it != m_runs.begin()) {
        auto prev = std::prev(it);
        const qint64 prevEnd = prev->first + prev->second.size();
        if (prevEnd == offset && (it == m_runs.end() || it->first > end)) {
            prev->second.append(data);
            m_bytes += data.size();
            return;
        }
    }
    // General case: merge with every run that overlaps or touches [offset, end).
    qint64 start = offset;
    QByteArray merged = data;
    if (it != m_runs.begin()) {
        auto prev = std::prev(it);
        const qint64 prevEnd = prev->first + prev->second.size();
        if (prevEnd >= offset) {
            QByteArray head = prev->second.left(offset - prev->first);
            QByteArray tail = prevEnd > end ? prev->second.mid(end - prev->first) : QByteArray();
            m_bytes -= prev->second.size();
            start = prev->first;
            merged = head + merged + tail;
            end = std::max(end, prevEnd);
            m_runs.erase(prev);
        }
    }
    it = m_runs.lower_bound(offset);
    while (it != m_runs.end() && it->first <= end) {
        const qint64 runEnd = it->first + it->second.size();
        if (runEnd > end) {
            merged.append(it->second.mid(end - it->first));
            end = runEnd;
        }
        m_bytes -= it->second.size();
        it = m_runs.erase(it);
    }
    m_bytes += merged.size();
    m_runs.emplace(start, std::move(merged));
}

QList<WriteBackCache::Block> WriteBackCache::take(qint64 minRunBytes)
{
    QList<Block> out;
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        if (minRunBytes <= 0 || it->second.size() >= minRunBytes) {
            m_bytes -= it->second.size();
            out.append({ it->first, std::move(it->second) });
            it = m_runs.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

} // namespace bytehaul
