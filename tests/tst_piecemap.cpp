#include "engine/piecemap.h"

#include <QTest>

#include <limits>

using namespace bytehaul;

class TestPieceMap final : public QObject
{
    Q_OBJECT
private slots:
    // The count of any size a server may announce, without overflow: the bound is checked on it.
    void countForNeverOverflows()
    {
        constexpr qint64 max = std::numeric_limits<qint64>::max();
        QCOMPARE(PieceMap::countFor(max, 1 << 20), max / (1 << 20) + 1);
        QCOMPARE(PieceMap::countFor(qint64(1) << 53, 1 << 20), qint64(1) << 33);
        QCOMPARE(PieceMap::countFor(0, 1 << 20), 0);
        QCOMPARE(PieceMap::countFor(1, 1 << 20), 1);
        QVERIFY(PieceMap::countFor(qint64(1) << 53, 1 << 20) > PieceMap::kMaxPieces);
        QCOMPARE(PieceMap::countFor(PieceMap::kMaxPieces << 20, 1 << 20), PieceMap::kMaxPieces);
    }
    void geometry_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("piece");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("lastLength");
        QTest::newRow("exact multiple: 4 pieces of 10?") << qint64(40) << qint64(10) << qint64(4) << qint64(10);
        QTest::newRow("short last piece?") << qint64(41) << qint64(10) << qint64(5) << qint64(1);
        QTest::newRow("one byte file?") << qint64(1) << qint64(1 << 20) << qint64(1) << qint64(1);
        QTest::newRow("empty file has no pieces?") << qint64(0) << qint64(10) << qint64(0) << qint64(0);
    }
    void geometry()
    {
        QFETCH(qint64, total);
        QFETCH(qint64, piece);
        QFETCH(qint64, count);
        QFETCH(qint64, lastLength);
        PieceMap map(total, piece);
        QCOMPARE(map.pieceCount(), count);
        QCOMPARE(map.pieceLength(count - 1), lastLength);
        QCOMPARE(map.firstMissing(), count > 0 ? 0 : -1);
        QCOMPARE(map.allComplete(), count == 0);
    }
    void completionAndBytes()
    {
        PieceMap map(41, 10);
        map.setComplete(4);
        QCOMPARE(map.completeBytes(), qint64(1));
        map.setComplete(4); // twice is harmless
        QCOMPARE(map.completeCount(), qint64(1));
        map.setComplete(0);
        QCOMPARE(map.completeBytes(), qint64(11));
        QCOMPARE(map.firstMissing(), qint64(1));
        for (int i = 1; i < 4; ++i)
            map.setComplete(i);
        QVERIFY(map.allComplete());
        QCOMPARE(map.firstMissing(), qint64(-1));
        map.setComplete(2, false);
        QCOMPARE(map.firstMissing(), qint64(2));
        QCOMPARE(map.completeBytes(), qint64(31));
    }
    void bitsetRoundTrip()
    {
        PieceMap map(100, 10); // 10 pieces -> 2 bytes
        map.setComplete(0);
        map.setComplete(9);
        const QByteArray bits = map.toBitset();
        QCOMPARE(bits, QByteArray::fromHex("0102"));
        PieceMap other(100, 10);
        QVERIFY(other.loadBitset(bits));
        QVERIFY(other.isComplete(0));
        QVERIFY(other.isComplete(9));
        QCOMPARE(other.completeCount(), qint64(2));
    }
    void bitsetForOtherGeometryIsRefused()
    {
        PieceMap map(100, 10);
        QVERIFY(!map.loadBitset(QByteArray(3, '\0'))); // wrong length
        QVERIFY(!map.loadBitset(QByteArray::fromHex("0004"))); // bit 10 set: no such piece
        QCOMPARE(map.completeCount(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestPieceMap)
#include "tst_piecemap.moc"
