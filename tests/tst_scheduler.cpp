#include "engine/byterangeset.h"
#include "engine/scheduler.h"

#include <QTest>

using namespace bytehaul;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;

// Feeds a stream's bytes [from, to) in chunks, returning how many were accepted.
qint64 feed(Scheduler &s, int worker, const Scheduler::Lease &lease, qint64 from, qint64 to, qint64 now,
            bool *done = nullptr)
{
    qint64 accepted = 0;
    for (qint64 off = from; off < to; off += 64 * KiB) {
        const auto a = s.accept(worker, lease, off, std::min(64 * KiB, to - off), now);
        accepted += a.length;
        if (done)
            *done = a.streamDone;
        if (a.streamDone)
            break;
    }
    return accepted;
}
} // namespace

class TestScheduler final : public QObject
{
    Q_OBJECT
private slots:
    void rangeSetMergesAndSplits()
    {
        ByteRangeSet set;
        set.add(0, 10);
        set.add(20, 30);
        set.add(10, 20); // touching both: one range
        QCOMPARE(set.ranges().size(), 1);
        QCOMPARE(set.totalBytes(), qint64(30));
        set.remove(5, 24);
        QCOMPARE(set.ranges().size(), 2);
        QVERIFY(set.covers(0, 5));
        QVERIFY(!set.covers(4, 6));
        QVERIFY(set.covers(24, 30));
        QCOMPARE(set.largest(), ByteRangeSet::Range(24, 30));
    }

    // Requests are bounded and, once sent, keep their bytes: a split takes only what no request
    // has asked for, so the owner's connection never has to drop a request half way.
    void splitOnlyMovesWhatNoRequestAskedFor()
    {
        Scheduler s(64 * MiB, MiB, MiB);
        const Scheduler::Lease a = s.assign(0, 0, 1);
        QCOMPARE(a.start, qint64(0));
        QCOMPARE(a.end, 64 * MiB);
        QCOMPARE(s.unrequestedBytes(), 64 * MiB);
        QCOMPARE(s.requestEnd(0, a, 0, 40 * MiB), 40 * MiB);
        QCOMPARE(s.unrequestedBytes(), 24 * MiB);
        QCOMPARE(feed(s, 0, a, 0, 8 * MiB, 1000), 8 * MiB);
        // Half of what is left would be [36, 64) MiB, but [8, 40) is asked for: the split
        // takes only from 40 MiB on.
        const Scheduler::Lease b = s.assign(1, 2000, 1);
        QVERIFY(b.isValid());
        QCOMPARE(b.start, 40 * MiB);
        QCOMPARE(b.end, 64 * MiB);
        QCOMPARE(s.unrequestedBytes(), 24 * MiB); // b has not asked for anything yet
        // The owner's next request ends at the split; after it, nothing is left to ask for.
        QCOMPARE(s.requestEnd(0, a, 40 * MiB, 64 * MiB), 40 * MiB);
        // Every requested byte is written once, whatever order the streams arrive in.
        QCOMPARE(s.requestEnd(1, b, 40 * MiB, 4 * MiB), 44 * MiB);
        QCOMPARE(feed(s, 1, b, 40 * MiB, 44 * MiB, 2100), 4 * MiB);
        QCOMPARE(feed(s, 0, a, 8 * MiB, 40 * MiB, 2200), 32 * MiB);
        // A tail smaller than half a segment is not left behind on its own.
        QCOMPARE(s.requestEnd(1, b, 44 * MiB, 20 * MiB - 256 * KiB), 64 * MiB);
        QCOMPARE(feed(s, 1, b, 44 * MiB, 64 * MiB, 2300), 20 * MiB);
        QVERIFY(s.isFinished());
        QCOMPARE(s.unrequestedBytes(), qint64(0));
        // Nothing more for anyone, and a stale lease asks for nothing.
        QCOMPARE(s.requestEnd(0, a, 40 * MiB, MiB), 40 * MiB);
    }

    void freshLeasesShareTheFileFairly()
    {
        Scheduler s(8 * MiB, MiB, 256 * KiB);
        QList<Scheduler::Lease> leases;
        for (int w = 0; w < 4; ++w)
            leases.append(s.assign(w, 0, 4 - w));
        qint64 covered = 0;
        for (const auto &l : leases) {
            QVERIFY(l.isValid());
            QCOMPARE(l.end - l.start, 2 * MiB); // piece-aligned quarters
            covered += l.end - l.start;
        }
        QCOMPARE(covered, 8 * MiB);
        // Disjoint and in order.
        for (int i = 1; i < leases.size(); ++i)
            QCOMPARE(leases[i].start, leases[i - 1].end);
    }

    void acceptWritesEachByteOnceAndOnlyInsideTheLease()
    {
        Scheduler s(4 * MiB, MiB, 256 * KiB);
        const auto a = s.assign(0, 0, 2);
        const auto b = s.assign(1, 0, 1);
        // A chunk running past the lease end is clipped.
        const auto r = s.accept(0, a, a.end - 10, 100, 1);
        QCOMPARE(r.length, qint64(0)); // ahead of the frontier: nothing written
        QVERIFY(r.streamDone);
        bool done = false;
        QCOMPARE(feed(s, 1, b, b.start, b.end + 1000, 1, &done), b.end - b.start);
        QVERIFY(done);
        QCOMPARE(s.doneBytes(), b.end - b.start);
    }

    void completedPiecesFollowAcceptedBytes()
    {
        Scheduler s(3 * MiB + 5, MiB, 256 * KiB);
        const auto l = s.assign(0, 0, 1);
        QCOMPARE(l.end, 3 * MiB + 5);
        feed(s, 0, l, 0, MiB + 10, 1);
        QVERIFY(s.pieces().isComplete(0));
        QVERIFY(!s.pieces().isComplete(1));
        feed(s, 0, l, MiB + 10, l.end, 2);
        QVERIFY(s.pieces().allComplete());
        QVERIFY(s.isFinished());
    }

    void staleLeaseWritesNothing()
    {
        Scheduler s(2 * MiB, MiB, 256 * KiB);
        const auto l = s.assign(0, 0, 1);
        s.release(0, l);
        const auto r = s.accept(0, l, 0, 100, 1);
        QCOMPARE(r.length, qint64(0));
        QVERIFY(r.streamDone);
        // The released range is handed out again.
        const auto again = s.assign(1, 2, 1);
        QCOMPARE(again.start, qint64(0));
        QCOMPARE(again.end, 2 * MiB);
    }

    void releasedPartialSegmentResumesAtItsFrontier()
    {
        Scheduler s(4 * MiB, MiB, 256 * KiB);
        const auto l = s.assign(0, 0, 1);
        feed(s, 0, l, 0, 1536 * KiB, 1);
        s.release(0, l); // connection failed
        const auto next = s.assign(1, 2, 1);
        QCOMPARE(next.start, 1536 * KiB); // the received part is kept
        QCOMPARE(s.doneBytes(), 1536 * KiB);
    }

    void idleWorkerSplitsTheSegmentWithTheLongestProjectedFinish()
    {
        Scheduler s(16 * MiB, MiB, 256 * KiB);
        const auto fast = s.assign(0, 0, 2);
        const auto slow = s.assign(1, 0, 1);
        QCOMPARE(fast.end, 8 * MiB);
        // Over 2 s the fast segment moves 6000 KiB, the slow one 500 KiB.
        for (int i = 1; i <= 20; ++i) {
            s.accept(0, fast, fast.start + (i - 1) * 300 * KiB, 300 * KiB, i * 100);
            s.accept(1, slow, slow.start + (i - 1) * 25 * KiB, 25 * KiB, i * 100);
        }
        // A third worker arrives: fast needs under a second, slow half a minute.
        const auto split = s.assign(2, 2000, 1);
        QVERIFY(split.isValid());
        const qint64 slowFrontier = slow.start + 500 * KiB;
        QCOMPARE(split.start, slowFrontier + (slow.end - slowFrontier) / 2);
        QCOMPARE(split.end, slow.end);
        // The owner's end shrank: its stream stops at the split point.
        bool done = false;
        const qint64 got = feed(s, 1, slow, slowFrontier, slow.end, 2100, &done);
        QCOMPARE(got, split.start - slowFrontier);
        QVERIFY(done);
    }

    void segmentAboutToFinishIsNotSplit()
    {
        // The first segment moves at 6.3 MiB/s with 1.6 MiB left (a quarter second), the second
        // at 2 MiB/s with 6 MiB left (3 s): with a 1 s threshold the second is still split.
        Scheduler s(16 * MiB, MiB, 256 * KiB);
        s.setSplitThresholdMs(1000);
        s.setRaceThresholdMs(1 << 30);
        const auto a = s.assign(0, 0, 2);
        const auto b = s.assign(1, 0, 1);
        for (int i = 1; i <= 10; ++i) {
            s.accept(0, a, a.start + (i - 1) * 650 * KiB, 650 * KiB, i * 100);
            s.accept(1, b, b.start + (i - 1) * 200 * KiB, 200 * KiB, i * 100);
        }
        const auto split = s.assign(2, 1000, 1);
        QVERIFY(split.isValid());
        QVERIFY(split.start > b.start && split.end == b.end); // the long one was split
        // Now every remaining segment is projected under a second: an idle worker waits.
        Scheduler t(4 * MiB, MiB, 256 * KiB);
        t.setSplitThresholdMs(1000);
        t.setRaceThresholdMs(1 << 30);
        const auto only = t.assign(0, 0, 1);
        for (int i = 1; i <= 10; ++i)
            t.accept(0, only, (i - 1) * 300 * KiB, 300 * KiB, i * 100); // 3 MiB/s, 1 MiB left
        QVERIFY(!t.assign(1, 1000, 1).isValid());
        t.setSplitThresholdMs(0);
        QVERIFY(t.assign(1, 1000, 1).isValid()); // without the threshold it would be split
    }

    void noSplitBelowTheMinimumSegment()
    {
        Scheduler s(MiB, MiB, 256 * KiB);
        const auto l = s.assign(0, 0, 1);
        feed(s, 0, l, 0, MiB - 300 * KiB, 100);
        s.setRaceThresholdMs(1 << 30); // racing off: only splitting is under test
        QVERIFY(!s.assign(1, 200, 1).isValid()); // 300 KiB left < 2 x 256 KiB
    }

    void duplicateRacesAStalledSegmentAndTheFirstFinisherWins()
    {
        Scheduler s(MiB, MiB, 256 * KiB);
        s.setRaceThresholdMs(1000);
        const auto owner = s.assign(0, 0, 1);
        feed(s, 0, owner, 0, MiB - 400 * KiB, 100); // then the owner stalls
        // Below 2 x min segment nothing can be split, and at t=5s the owner is stalled.
        const auto racer = s.assign(1, 5000, 1);
        QVERIFY(racer.isValid());
        QVERIFY(racer.duplicate);
        QCOMPARE(racer.start, MiB - 400 * KiB);
        // The owner wakes up and sends 100 KiB; the racer then sends all 400 KiB from its start.
        QCOMPARE(feed(s, 0, owner, MiB - 400 * KiB, MiB - 300 * KiB, 5100), 100 * KiB);
        qint64 written = 0;
        QList<int> losers;
        for (qint64 off = racer.start; off < MiB; off += 50 * KiB) {
            const auto a = s.accept(1, racer, off, 50 * KiB, 5200);
            written += a.length;
            losers += a.losers;
        }
        QCOMPARE(written, 300 * KiB); // the 100 KiB the owner wrote are not written twice
        QCOMPARE(losers, QList<int> { 0 }); // the owner is told to stop
        QVERIFY(s.isFinished());
        QVERIFY(s.accept(0, owner, MiB - 300 * KiB, 10, 5300).streamDone); // stale now
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
