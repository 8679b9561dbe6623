#include "engine/writebackcache.h"

namespace bytehaul {

qint64 WriteBackCache::Block::size() const
{
    qint64 n = 0;
    for (const QByteArray &c : chunks)
        n += c.size();
    return n;
}

QByteArray WriteBackCache::Block::joined() const
{
    QByteArray out;
    out.reserve(size());
    for (const QByteArray &c : chunks)
        out.append(c);
    return out;
}

void WriteBackCache::insert(qint64 offset, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    qint64 end = offset + data.size();
    auto next = m_runs.lower_bound(offset);
    // Fast path: the chunk continues the run that ends exactly here (a stream's next chunk).
    if (next != m_runs.begin()) {
        auto prev = std::prev(next);
        if (prev->first + prev->second.size == offset && (next == m_runs.end() || next->first > end)) {
            prev->second.chunks.append(data);
            prev->second.size += data.size();
            m_bytes += data.size();
            return;
        }
    }
    if ((next == m_runs.end() || next->first > end)
        && (next == m_runs.begin() || std::prev(next)->first + std::prev(next)->second.size < offset)) {
        // Touches nothing: a new run.
        m_runs.emplace(offset, Run { data.size(), { data } });
        m_bytes += data.size();
        return;
    }
    // Overlap or a chunk that joins runs: flatten everything involved, newest bytes last.
    qint64 start = offset;
    auto first = next;
    if (next != m_runs.begin()) {
        auto prev = std::prev(next);
        if (prev->first + prev->second.size >= offset) {
            first = prev;
            start = prev->first;
        }
    }
    auto last = first;
    while (last != m_runs.end() && last->first <= end) {
        end = std::max(end, last->first + last->second.size);
        ++last;
    }
    QByteArray merged(end - start, Qt::Uninitialized);
    for (auto it = first; it != last; ++it) {
        qint64 pos = it->first - start;
        for (const QByteArray &c : std::as_const(it->second.chunks)) {
            memcpy(merged.data() + pos, c.constData(), size_t(c.size()));
            pos += c.size();
        }
        m_bytes -= it->second.size;
    }
    memcpy(merged.data() + (offset - start), data.constData(), size_t(data.size()));
    m_runs.erase(first, last);
    m_bytes += merged.size();
    m_runs.emplace(start, Run { merged.size(), { merged } });
}

QList<WriteBackCache::Block> WriteBackCache::take(qint64 minRunBytes)
{
    QList<Block> out;
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        if (minRunBytes <= 0 || it->second.size >= minRunBytes) {
            m_bytes -= it->second.size;
            out.append({ it->first, std::move(it->second.chunks) });
            it = m_runs.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

} // namespace bytehaul
