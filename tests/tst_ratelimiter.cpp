// The token bucket, on a fake clock.
#include "engine/ratelimiter.h"

#include <QTest>

using namespace bytehaul;

class TestRateLimiter final : public QObject
{
    Q_OBJECT
private slots:
    void unlimitedByDefault()
    {
        RateLimiter limiter;
        QVERIFY(!limiter.isLimited());
        QVERIFY(limiter.available(0) > qint64(1) << 40);
        QCOMPARE(limiter.msUntil(1 << 20, 0), qint64(0));
    }

    void refillsAtTheRateUpToABurst()
    {
        RateLimiter limiter;
        limiter.setRate(1000 * 1000, 0); // 1 MB/s: a burst of 100 kB
        QCOMPARE(limiter.available(0), qint64(0));
        QCOMPARE(limiter.available(10), qint64(10000)); // 10 ms later
        limiter.consume(10000);
        QCOMPARE(limiter.available(10), qint64(0));
        QCOMPARE(limiter.available(5000), qint64(100000)); // capped at the burst
    }

    void tenSecondsPassTenSecondsOfBytes()
    {
        // Drained in reads of up to 64 KiB every 7 ms (faster than the rate), the bucket passes
        // rate x time, give or take one burst.
        RateLimiter limiter;
        const qint64 rate = 3 * 1024 * 1024;
        limiter.setRate(rate, 0);
        qint64 passed = 0;
        for (qint64 t = 0; t <= 10000; t += 7) {
            qint64 n = std::min<qint64>(limiter.available(t), 64 * 1024);
            if (n > 0) {
                limiter.consume(n);
                passed += n;
            }
        }
        QVERIFY(std::abs(passed - 10 * rate) <= rate / 10 + 16 * 1024);
    }

    void overshootIsPaidBack()
    {
        RateLimiter limiter;
        limiter.setRate(100000, 0);
        QCOMPARE(limiter.available(1000), qint64(16384)); // capped at the smallest burst
        limiter.consume(50000); // a chunk bigger than what was there
        QCOMPARE(limiter.available(1000), qint64(0));
        QCOMPARE(limiter.msUntil(1000, 1000), qint64(347)); // 33,616 bytes of debt, then 1,000
        QCOMPARE(limiter.available(1300), qint64(0));
        QVERIFY(limiter.available(1400) > 0);
    }

    void rateChangesWhileRunning()
    {
        RateLimiter limiter;
        limiter.setRate(1000, 0);
        QCOMPARE(limiter.available(1000), qint64(1000));
        limiter.setRate(0, 1000); // lifted
        QVERIFY(!limiter.isLimited());
        limiter.setRate(2000, 2000);
        QVERIFY(limiter.available(2000) <= 16 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
