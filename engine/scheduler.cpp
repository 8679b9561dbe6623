#include "engine/scheduler.h"

#include <algorithm>
#include <limits>

namespace bytehaul {

Scheduler::Scheduler(qint64 totalSize, qint64 pieceSize, qint64 minSegmentSize)
    : m_total(totalSize)
    , m_minSegment(std::max<qint64>(1, minSegmentSize))
    , m_pieces(totalSize, pieceSize)
{
    m_unassigned.add(0, m_total);
}

void Scheduler::markDone(qint64 start, qint64 end)
{
    start = std::clamp<qint64>(start, 0, m_total);
    end = std::clamp<qint64>(end, start, m_total);
    m_unassigned.remove(start, end);
    markAccepted(start, end);
}

void Scheduler::markAccepted(qint64 start, qint64 end)
{
    if (start >= end)
        return;
    m_done.add(start, end);
    m_doneBytes = m_done.totalBytes();
    const qint64 first = m_pieces.pieceAt(start);
    const qint64 last = m_pieces.pieceAt(end - 1);
    for (qint64 p = first; p <= last; ++p) {
        const qint64 ps = m_pieces.pieceStart(p);
        if (!m_pieces.isComplete(p) && m_done.covers(ps, ps + m_pieces.pieceLength(p)))
            m_pieces.setComplete(p);
    }
}

Scheduler::Lease Scheduler::assign(int worker, qint64 nowMs, int idleWorkers)
{
    if (!m_unassigned.isEmpty())
        return createFresh(worker, nowMs, idleWorkers);
    Lease lease = split(worker, nowMs);
    if (!lease.isValid())
        lease = race(worker, nowMs);
    return lease;
}

Scheduler::Lease Scheduler::claim(int worker, qint64 start, qint64 end, qint64 nowMs)
{
    if (start >= end || !m_unassigned.covers(start, end))
        return {};
    m_unassigned.remove(start, end);
    const int id = m_nextSegment++;
    Segment &seg = m_segments[id];
    seg.start = seg.frontier = start;
    seg.end = end;
    seg.requested = end;
    seg.workers = { worker };
    seg.createdMs = nowMs;
    seg.speed.sample(nowMs, 0);
    return { id, start, end, false };
}

qint64 Scheduler::requestEnd(int worker, const Lease &lease, qint64 from, qint64 maxBytes)
{
    auto it = m_segments.find(lease.segment);
    if (it == m_segments.end() || !it->second.workers.contains(worker))
        return from;
    Segment &seg = it->second;
    if (from < seg.frontier || from >= seg.end)
        return from;
    qint64 end = std::min(seg.end, from + std::max<qint64>(1, maxBytes));
    if (seg.end - end < m_minSegment / 2)
        end = seg.end; // no tail too small to be worth a request of its own
    seg.requested = std::max(seg.requested, end);
    return end;
}

qint64 Scheduler::unrequestedBytes() const
{
    qint64 bytes = m_unassigned.totalBytes();
    for (const auto &[id, seg] : m_segments)
        bytes += std::max<qint64>(0, seg.end - std::max(seg.frontier, seg.requested));
    return bytes;
}

Scheduler::Lease Scheduler::createFresh(int worker, qint64 nowMs, int idleWorkers)
{
    const auto [a, b] = m_unassigned.largest();
    const qint64 len = b - a;
    const auto fresh = [&](qint64 end) {
        Lease lease = claim(worker, a, end, nowMs);
        m_segments[lease.segment].requested = a; // nothing requested yet
        return lease;
    };
    qint64 share = (len + std::max(1, idleWorkers) - 1) / std::max(1, idleWorkers);
    share = std::max(share, m_minSegment);
    // End on a piece boundary when that costs little, so pieces complete cleanly.
    qint64 end = std::min(b, a + share);
    const qint64 pieceEnd = ((end + m_pieces.pieceSize() - 1) / m_pieces.pieceSize()) * m_pieces.pieceSize();
    if (pieceEnd < b && pieceEnd - a <= share + m_pieces.pieceSize() / 2)
        end = pieceEnd;
    if (b - end < m_minSegment)
        end = b;
    return fresh(end);
}

double Scheduler::projectedMs(const Segment &seg, qint64 nowMs) const
{
    const qint64 remaining = seg.end - seg.frontier;
    const double rate = seg.speed.rate(nowMs, 300);
    if (rate <= 0) {
        // No rate yet: a young segment is assumed average, an old one with no bytes is stalled.
        return nowMs - seg.createdMs < 1000 ? double(remaining) : std::numeric_limits<double>::max();
    }
    return double(remaining) * 1000.0 / rate;
}

Scheduler::Lease Scheduler::split(int worker, qint64 nowMs)
{
    auto best = m_segments.end();
    double bestMs = double(m_splitThresholdMs) - 1;
    for (auto it = m_segments.begin(); it != m_segments.end(); ++it) {
        const Segment &seg = it->second;
        if (seg.workers.isEmpty() || seg.end - std::max(seg.frontier, seg.requested) < 2 * m_minSegment)
            continue;
        const double ms = projectedMs(seg, nowMs);
        if (ms > bestMs) {
            bestMs = ms;
            best = it;
        }
    }
    if (best == m_segments.end())
        return {};
    Segment &owner = best->second;
    // Halve what is left, as far as no request has claimed it already.
    const qint64 mid = std::max(owner.requested, owner.frontier + (owner.end - owner.frontier) / 2);
    const qint64 end = owner.end;
    owner.end = mid;
    const int id = m_nextSegment++;
    Segment &seg = m_segments[id];
    seg.start = seg.frontier = seg.requested = mid;
    seg.end = end;
    seg.workers = { worker };
    seg.createdMs = nowMs;
    seg.speed.sample(nowMs, 0);
    return { id, mid, end, false };
}

Scheduler::Lease Scheduler::race(int worker, qint64 nowMs)
{
    auto best = m_segments.end();
    double bestMs = double(m_raceThresholdMs);
    for (auto it = m_segments.begin(); it != m_segments.end(); ++it) {
        const Segment &seg = it->second;
        if (seg.workers.size() != 1 || seg.workers.contains(worker) || seg.frontier >= seg.end)
            continue;
        if (nowMs - seg.createdMs < 1000 && seg.speed.rate(nowMs, 300) <= 0)
            continue; // just started (a split's new half): not stalled, only young
        const double ms = projectedMs(seg, nowMs);
        if (ms > bestMs) {
            bestMs = ms;
            best = it;
        }
    }
    if (best == m_segments.end())
        return {};
    best->second.workers.append(worker);
    return { best->first, best->second.frontier, best->second.end, true };
}

Scheduler::Accepted Scheduler::accept(int worker, const Lease &lease, qint64 offset, qint64 length,
                                      qint64 nowMs)
{
    Accepted result;
    auto it = m_segments.find(lease.segment);
    if (it == m_segments.end() || !it->second.workers.contains(worker)) {
        result.streamDone = true; // stale lease: the segment finished or was taken away
        return result;
    }
    Segment &seg = it->second;
    if (offset > seg.frontier || length < 0) {
        // A stream is contiguous from a start at or before the frontier, so it can never be
        // ahead of it. If it is, the server sent something else: write nothing.
        result.streamDone = true;
        return result;
    }
    const qint64 writeStart = std::max(offset, seg.frontier);
    const qint64 writeEnd = std::min(offset + length, seg.end);
    if (writeEnd > writeStart) {
        result.skip = writeStart - offset;
        result.length = writeEnd - writeStart;
        result.writeOffset = writeStart;
        seg.frontier = writeEnd;
        seg.speed.sample(nowMs, seg.frontier - seg.start);
        markAccepted(writeStart, writeEnd);
    }
    result.streamDone = offset + length >= seg.end;
    if (seg.frontier >= seg.end) {
        result.streamDone = true;
        for (int w : std::as_const(seg.workers)) {
            if (w != worker)
                result.losers.append(w);
        }
        m_segments.erase(it);
    }
    return result;
}

void Scheduler::release(int worker, const Lease &lease)
{
    auto it = m_segments.find(lease.segment);
    if (it == m_segments.end())
        return;
    Segment &seg = it->second;
    seg.workers.removeAll(worker);
    if (!seg.workers.isEmpty())
        return;
    if (seg.frontier < seg.end)
        m_unassigned.add(seg.frontier, seg.end);
    m_segments.erase(it);
}

Scheduler::Lease Scheduler::renew(int worker, const Lease &lease) const
{
    auto it = m_segments.find(lease.segment);
    if (it == m_segments.end() || !it->second.workers.contains(worker)
        || it->second.frontier >= it->second.end)
        return {};
    return { lease.segment, it->second.frontier, it->second.end, lease.duplicate };
}

QList<ByteRangeSet::Range> Scheduler::partialRanges() const
{
    QList<ByteRangeSet::Range> out;
    for (const auto &[s, e] : m_done.ranges()) {
        // Trim to the incomplete pieces at either end; whole pieces inside are complete.
        qint64 a = s;
        while (a < e && m_pieces.isComplete(m_pieces.pieceAt(a)))
            a = std::min(e, m_pieces.pieceStart(m_pieces.pieceAt(a) + 1));
        qint64 b = e;
        while (b > a && m_pieces.isComplete(m_pieces.pieceAt(b - 1)))
            b = std::max(a, m_pieces.pieceStart(m_pieces.pieceAt(b - 1)));
        if (a >= b)
            continue;
        // Inside [a, b) there can be complete pieces too: emit the incomplete stretches.
        qint64 runStart = -1;
        for (qint64 p = m_pieces.pieceAt(a); p <= m_pieces.pieceAt(b - 1); ++p) {
            const qint64 ps = std::max(a, m_pieces.pieceStart(p));
            const qint64 pe = std::min(b, m_pieces.pieceStart(p) + m_pieces.pieceLength(p));
            if (!m_pieces.isComplete(p)) {
                if (runStart < 0)
                    runStart = ps;
                if (p == m_pieces.pieceAt(b - 1))
                    out.append({ runStart, pe });
            } else if (runStart >= 0) {
                out.append({ runStart, ps });
                runStart = -1;
            }
        }
    }
    return out;
}

QList<SegmentSnapshot> Scheduler::segments(qint64 nowMs) const
{
    QList<SegmentSnapshot> out;
    out.reserve(qsizetype(m_segments.size()));
    for (const auto &[id, seg] : m_segments) {
        SegmentSnapshot s;
        s.start = seg.start;
        s.done = seg.frontier - seg.start;
        s.end = seg.end;
        s.speed = seg.speed.rate(nowMs);
        s.worker = seg.workers.value(0, -1);
        s.streams = int(seg.workers.size());
        out.append(s);
    }
    return out;
}

} // namespace bytehaul
