// Scheduler: hands out byte-range leases to the workers of one multi-connection download and
// decides which received bytes get written.
//
// The file is split into Segments [start, end). Each segment has a frontier: bytes before it
// have been accepted (handed to the writer) exactly once. One or more streams (worker requests)
// feed a segment; a chunk is written only where it lies beyond the frontier and before the
// segment's end, so no byte is ever written twice and none outside the range a worker asked
// for. That one rule gives three behaviours:
//  - dynamic splitting: an idle worker takes the second half of the not yet requested part of
//    the segment with the longest projected finish; the owner's end shrinks to there, beyond
//    every request it has sent (workers ask for their segment in bounded requests, so every
//    connection lives on; see requestEnd());
//  - end-game racing: with nothing left to split, an idle worker may attach a second stream to
//    a stalled segment from its frontier; whichever stream reaches the end first wins and the
//    other is told to stop;
//  - stale leases: a stream whose segment is gone (finished, released) writes nothing.
// Completed pieces are tracked in a PieceMap from the union of accepted bytes. The scheduler
// is a plain object with no timers or I/O: time comes in as a parameter.
#pragma once

#include "engine/byterangeset.h"
#include "engine/downloadtypes.h"
#include "engine/piecemap.h"
#include "engine/speedmeter.h"

#include <QList>

#include <map>

namespace bytehaul {

class Scheduler final
{
public:
    struct Lease
    {
        int segment = -1;
        qint64 start = 0; // first byte the stream asks for
        qint64 end = 0; // exclusive end the stream asks for
        bool duplicate = false; // races an existing stream
        bool isValid() const { return segment >= 0 && end > start; }
    };

    struct Accepted
    {
        qint64 skip = 0; // bytes at the chunk's front that were already written
        qint64 length = 0; // bytes to write, starting at writeOffset
        qint64 writeOffset = 0;
        bool streamDone = false; // this stream has nothing more to contribute: stop it
        QList<int> losers; // other workers whose stream on the same segment must stop
    };

    Scheduler(qint64 totalSize, qint64 pieceSize, qint64 minSegmentSize);

    // Marks already-present bytes (resume). Only valid before the first assign().
    void markDone(qint64 start, qint64 end);

    // idleWorkers: how many workers are asking now, so fresh ranges are shared fairly.
    Lease assign(int worker, qint64 nowMs, int idleWorkers = 1);
    // Hands the worker exactly [start, end), which must be unassigned (the probe's range,
    // already requested).
    Lease claim(int worker, qint64 start, qint64 end, qint64 nowMs);
    // The end of the worker's next request on its segment, from `from` (where its previous
    // request ends) for at most maxBytes; `from` when nothing is left to ask for. Bytes once
    // requested stay with the request: a split only moves the boundary of what is not yet
    // requested, so no request is ever cut short (over HTTP/1.1 that would close its connection).
    qint64 requestEnd(int worker, const Lease &lease, qint64 from, qint64 maxBytes);
    // Bytes nobody has requested yet (unassigned, or in a segment beyond its last request).
    qint64 unrequestedBytes() const;
    Accepted accept(int worker, const Lease &lease, qint64 offset, qint64 length, qint64 nowMs);
    // The worker's stream ended (finished, failed or stopped). Its unfinished remainder goes
    // back to the pool when no other stream feeds that segment.
    void release(int worker, const Lease &lease);
    // Stream position after a retry: the worker continues at the segment's frontier.
    Lease renew(int worker, const Lease &lease) const;

    bool isFinished() const { return m_doneBytes >= m_total; }
    qint64 doneBytes() const { return m_doneBytes; }
    qint64 totalSize() const { return m_total; }
    const PieceMap &pieces() const { return m_pieces; }
    QList<SegmentSnapshot> segments(qint64 nowMs) const;
    // Received ranges that lie in pieces not yet complete (what a control file must remember
    // besides the piece map).
    QList<ByteRangeSet::Range> partialRanges() const;
    int activeSegments() const { return int(m_segments.size()); }

    // End-game racing kicks in only for a segment projected to need longer than this.
    void setRaceThresholdMs(qint64 ms) { m_raceThresholdMs = ms; }
    // A segment is split only when projected to need longer than this: a split stops the
    // owner's request (over HTTP/1.1, its connection) and a new one must connect and ramp up,
    // which a segment about to finish does not repay.
    void setSplitThresholdMs(qint64 ms) { m_splitThresholdMs = ms; }

private:
    struct Segment
    {
        qint64 start = 0;
        qint64 frontier = 0;
        qint64 end = 0;
        qint64 requested = 0; // end of the furthest request sent for this segment
        QList<int> workers; // streams feeding this segment; the first is the owner
        SpeedMeter speed { 3000 };
        qint64 createdMs = 0;
    };

    Lease createFresh(int worker, qint64 nowMs, int idleWorkers);
    Lease split(int worker, qint64 nowMs);
    Lease race(int worker, qint64 nowMs);
    double projectedMs(const Segment &seg, qint64 nowMs) const;
    void markAccepted(qint64 start, qint64 end);

    qint64 m_total;
    qint64 m_minSegment;
    qint64 m_raceThresholdMs = 3000;
    qint64 m_splitThresholdMs = 0;
    PieceMap m_pieces;
    ByteRangeSet m_unassigned;
    ByteRangeSet m_done;
    qint64 m_doneBytes = 0;
    std::map<int, Segment> m_segments;
    int m_nextSegment = 0;
};

} // namespace bytehaul
