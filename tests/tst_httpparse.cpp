#include "engine/httpparse.h"

#include <QTest>

using namespace bytehaul;

class TestHttpParse final : public QObject
{
    Q_OBJECT
private slots:
    void sizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes"); // -1: rejected
        QTest::newRow("plain bytes?") << "1048576" << qint64(1048576);
        QTest::newRow("K suffix?") << "512K" << qint64(512 * 1024);
        QTest::newRow("lower-case m?") << "16m" << qint64(16 << 20);
        QTest::newRow("G with iB?") << "2GiB" << qint64(2) * 1024 * 1024 * 1024;
        QTest::newRow("fraction?") << "1.5M" << qint64(1572864);
        QTest::newRow("B suffix?") << "100B" << qint64(100);
        QTest::newRow("negative rejected?") << "-5M" << qint64(-1);
        QTest::newRow("garbage rejected?") << "lots" << qint64(-1);
        QTest::newRow("unknown unit rejected?") << "5X" << qint64(-1);
        QTest::newRow("empty rejected?") << "" << qint64(-1);
        QTest::newRow("absurd size rejected?") << "99999999T" << qint64(-1);
    }
    void sizes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const auto parsed = parseSize(text);
        QCOMPARE(parsed.value_or(-1), bytes);
    }

    void contentRange_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("total");
        QTest::newRow("plain range?") << QByteArray("bytes 0-99/1000") << true << qint64(0) << qint64(99) << qint64(1000);
        QTest::newRow("unknown total?") << QByteArray("bytes 5-9/*") << true << qint64(5) << qint64(9) << qint64(-1);
        QTest::newRow("unsatisfied form?") << QByteArray("bytes */42") << true << qint64(-1) << qint64(-1) << qint64(42);
        QTest::newRow("end beyond total rejected?") << QByteArray("bytes 0-1000/1000") << false << qint64(0) << qint64(0) << qint64(0);
        QTest::newRow("end before start rejected?") << QByteArray("bytes 9-5/100") << false << qint64(0) << qint64(0) << qint64(0);
        QTest::newRow("negative rejected?") << QByteArray("bytes -1-5/100") << false << qint64(0) << qint64(0) << qint64(0);
        QTest::newRow("huge total rejected?") << QByteArray("bytes 0-1/4611686018427387904") << false << qint64(0) << qint64(0) << qint64(0);
        QTest::newRow("wrong unit rejected?") << QByteArray("items 0-1/2") << false << qint64(0) << qint64(0) << qint64(0);
        QTest::newRow("garbage rejected?") << QByteArray("bytes x-y/z") << false << qint64(0) << qint64(0) << qint64(0);
    }
    void contentRange()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, valid);
        const auto cr = parseContentRange(header);
        QCOMPARE(cr.has_value(), valid);
        if (!valid)
            return;
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, total);
        QCOMPARE(cr->start, start);
        QCOMPARE(cr->end, end);
        QCOMPARE(cr->total, total);
    }

    void contentLength_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("value");
        QTest::newRow("normal?") << QByteArray("12345") << qint64(12345);
        QTest::newRow("zero?") << QByteArray("0") << qint64(0);
        QTest::newRow("2^62 refused?") << QByteArray("4611686018427387904") << qint64(-1);
        QTest::newRow("negative refused?") << QByteArray("-1") << qint64(-1);
        QTest::newRow("malformed refused?") << QByteArray("12abc") << qint64(-1);
    }
    void contentLength()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, value);
        QCOMPARE(parseContentLength(header).value_or(-1), value);
    }
};

QTEST_GUILESS_MAIN(TestHttpParse)
#include "tst_httpparse.moc"
