#include "engine/writebackcache.h"

#include <QTest>

using namespace bytehaul;

class TestWriteBackCache final : public QObject
{
    Q_OBJECT
private slots:
    void adjacentChunksCoalesceIntoOneRun()
    {
        WriteBackCache cache;
        cache.insert(0, "abc");
        cache.insert(3, "def");
        cache.insert(6, "g");
        QCOMPARE(cache.runCount(), 1);
        QCOMPARE(cache.bytes(), qint64(7));
        const auto blocks = cache.take();
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].offset, qint64(0));
        QCOMPARE(blocks[0].joined(), QByteArray("abcdefg"));
        QCOMPARE(blocks[0].chunks.size(), 3); // coalesced without copying
        QVERIFY(cache.isEmpty());
        QCOMPARE(cache.bytes(), qint64(0));
    }
    void gapKeepsRunsApartUntilFilled()
    {
        WriteBackCache cache;
        cache.insert(10, "klm");
        cache.insert(0, "abc");
        QCOMPARE(cache.runCount(), 2);
        cache.insert(3, "defghij"); // fills 3..9 and touches both neighbours
        QCOMPARE(cache.runCount(), 1);
        const auto blocks = cache.take();
        QCOMPARE(blocks[0].joined(), QByteArray("abcdefghijklm"));
    }
    void overlapKeepsNewestBytes()
    {
        WriteBackCache cache;
        cache.insert(0, "aaaaaa");
        cache.insert(2, "BB");
        QCOMPARE(cache.bytes(), qint64(6));
        QCOMPARE(cache.take()[0].joined(), QByteArray("aaBBaa"));
        cache.insert(4, "xy");
        cache.insert(2, "ABCDEF"); // covers and extends past the old run
        QCOMPARE(cache.take()[0].joined(), QByteArray("ABCDEF"));
    }
    void takeOnlyLargeRuns()
    {
        WriteBackCache cache;
        cache.insert(0, QByteArray(100, 'a'));
        cache.insert(1000, QByteArray(10, 'b'));
        const auto big = cache.take(50);
        QCOMPARE(big.size(), 1);
        QCOMPARE(big[0].offset, qint64(0));
        QCOMPARE(cache.bytes(), qint64(10));
        QCOMPARE(cache.runCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWriteBackCache)
#include "tst_writebackcache.moc"
