// The overall speed limit shared by several downloads, on a fake clock: equal shares whatever
// the number of connections, what one does not need goes to the others, and the total never
// passes the rate.
#include "engine/sharedratelimiter.h"

#include <QTest>

using namespace bytehaul;

namespace {

struct Download
{
    SharedRateLimiter::Key key;
    int connections;
    qint64 ownRate = 0; // the download's own limit (0: none)
    RateLimiter own;
    qint64 received = 0;
};

// Every millisecond each connection of each download asks for up to 16 KiB, as workers do
// when data is waiting in their sockets; a download that gets nothing waits.
void run(SharedRateLimiter &shared, QList<Download *> downloads, qint64 fromMs, qint64 toMs)
{
    for (qint64 t = fromMs; t < toMs; ++t) {
        for (Download *d : downloads) {
            for (int c = 0; c < d->connections; ++c) {
                qint64 n = std::min<qint64>(shared.available(d->key, t), 16 * 1024);
                if (d->ownRate > 0)
                    n = std::min(n, d->own.available(t));
                if (n <= 0) {
                    shared.wait(d->key, t);
                    break;
                }
                shared.consume(d->key, n);
                d->own.consume(n);
                d->received += n;
            }
        }
    }
}

bool within(qint64 value, double expected, double tolerance)
{
    return std::abs(double(value) - expected) <= expected * tolerance;
}

} // namespace

class TestSharedRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void unlimitedByDefault()
    {
        SharedRateLimiter shared;
        QVERIFY(!shared.isLimited());
        QVERIFY(shared.available(1, 0) > qint64(1) << 40);
        QCOMPARE(shared.msUntil(1, 1 << 20, 0), qint64(0));
    }

    void manyConnectionsGetNoMoreThanOne()
    {
        const qint64 rate = 4 * 1024 * 1024;
        SharedRateLimiter shared;
        shared.setRate(rate, 0);
        Download wide { 1, 16 }, narrow { 2, 1 };
        run(shared, { &wide, &narrow }, 0, 10000);
        const double half = 10.0 * double(rate) / 2;
        QVERIFY2(within(wide.received, half, 0.05) && within(narrow.received, half, 0.05),
            qPrintable(QStringLiteral("16 connections: %1, 1 connection: %2 bytes; fair: %3")
                           .arg(wide.received)
                           .arg(narrow.received)
                           .arg(qint64(half))));
        QVERIFY(wide.received + narrow.received <= 10 * rate + rate / 10 + 2 * 16 * 1024);
    }

    void whatOneDoesNotNeedGoesToTheOthers()
    {
        const qint64 rate = 4 * 1024 * 1024;
        SharedRateLimiter shared;
        shared.setRate(rate, 0);
        Download slow { 1, 4, 512 * 1024 }, fast { 2, 4 };
        slow.own.setRate(slow.ownRate, 0);
        run(shared, { &slow, &fast }, 0, 10000);
        QVERIFY2(within(slow.received, 10.0 * 512 * 1024, 0.05),
            qPrintable(QString::number(slow.received)));
        QVERIFY2(within(fast.received, 10.0 * (rate - 512 * 1024), 0.05),
            qPrintable(QString::number(fast.received)));
    }

    void threeDownloadsShareEqually()
    {
        const qint64 rate = 3 * 1024 * 1024;
        SharedRateLimiter shared;
        shared.setRate(rate, 0);
        Download a { 1, 8 }, b { 2, 2 }, c { 3, 1 };
        run(shared, { &a, &b, &c }, 0, 10000);
        for (const Download *d : { &a, &b, &c })
            QVERIFY2(within(d->received, 10.0 * rate / 3, 0.05),
                qPrintable(QString::number(d->received)));
    }

    void aDownloadThatLeavesFreesItsShare()
    {
        const qint64 rate = 2 * 1024 * 1024;
        SharedRateLimiter shared;
        shared.setRate(rate, 0);
        Download a { 1, 4 }, b { 2, 4 };
        run(shared, { &a, &b }, 0, 5000);
        shared.leave(a.key);
        const qint64 before = b.received;
        run(shared, { &b }, 5000, 10000);
        QVERIFY2(within(b.received - before, 5.0 * rate, 0.05),
            qPrintable(QString::number(b.received - before)));
    }

    void rateChangesWhileRunning()
    {
        SharedRateLimiter shared;
        shared.setRate(1024 * 1024, 0);
        Download a { 1, 2 }, b { 2, 2 };
        run(shared, { &a, &b }, 0, 5000);
        shared.setRate(4 * 1024 * 1024, 5000);
        const qint64 total = a.received + b.received;
        run(shared, { &a, &b }, 5000, 10000);
        QVERIFY2(within(a.received + b.received - total, 5.0 * 4 * 1024 * 1024, 0.05),
            qPrintable(QString::number(a.received + b.received - total)));
        shared.setRate(0, 10000);
        QVERIFY(shared.available(a.key, 10000) > qint64(1) << 40);
    }

    void waitingDownloadIsToldWhenItsShareArrives()
    {
        SharedRateLimiter shared;
        shared.setRate(1000 * 1000, 0); // 1 MB/s
        shared.wait(1, 0);
        shared.wait(2, 0);
        QVERIFY(shared.msUntil(1, 10000, 0) >= 20); // 10 kB each: 20 kB must accumulate
        QCOMPARE(shared.available(1, 20), qint64(10000));
        QCOMPARE(shared.credit(2), qint64(10000)); // the split credited the other one too
        QCOMPARE(shared.msUntil(2, 10000, 20), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSharedRateLimiter)
#include "tst_sharedratelimiter.moc"
