// A paused or idle engine costs nothing: no timer fires in any of its threads while every
// download is paused or finished. Counted through QCoreApplication::notify, which sees the
// events of every thread, so the result does not depend on the machine's speed.
#include "testhelpers.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {

std::atomic<bool> g_counting { false };
std::atomic<int> g_timerEvents { 0 };

class CountingApp final : public QCoreApplication
{
public:
    using QCoreApplication::QCoreApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (g_counting && event->type() == QEvent::Timer)
            ++g_timerEvents;
        return QCoreApplication::notify(receiver, event);
    }
};

int timerEventsDuring(int ms)
{
    g_timerEvents = 0;
    g_counting = true;
    QTest::qWait(ms); // QTest's own wait loop uses no timer events
    g_counting = false;
    return g_timerEvents;
}

} // namespace

class TestIdle final : public QObject
{
    Q_OBJECT

private slots:
    void pausedAndFinishedDownloadsWakeNoTimers()
    {
        TestServer server;
        Resource slow;
        slow.data = TestServer::makeData(8 << 20, 61);
        slow.bytesPerSecond = 2 << 20;
        server.setResource("/slow.bin", slow);
        Resource small;
        small.data = TestServer::makeData(300000, 62);
        server.setResource("/small.bin", small);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        manager.setGlobalRateLimit(64 << 20); // a limit in force: its bucket must not tick either
        DownloadRequest request;
        request.outputDir = dir.path();
        request.url = QUrl(server.url("/small.bin"));
        const DownloadId done = manager.add(request);
        request.url = QUrl(server.url("/slow.bin"));
        const DownloadId paused = manager.add(request);
        QCOMPARE(stateName(waitFinished(manager, done).state), stateName(DownloadState::Completed));
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(paused).done > 0, 30000);
        // While downloading, the engine's timers do fire (the counter works): seen within 10 s.
        bool ticked = false;
        for (int i = 0; i < 100 && !ticked; ++i)
            ticked = timerEventsDuring(100) > 0;
        QVERIFY(ticked);
        QVERIFY(pauseAndWait(manager, paused));
        // Single-shot timers armed before the pause (a snapshot) run out: once half a second
        // passed without any (bounded: 10 s), nothing may tick for two seconds. A slow machine
        // only makes the first wait longer.
        bool quiet = false;
        for (int i = 0; i < 20 && !quiet; ++i)
            quiet = timerEventsDuring(500) == 0;
        QVERIFY2(quiet, "the engine's timers never stopped after the pause");
        QCOMPARE(timerEventsDuring(2000), 0);
    }
};

int main(int argc, char *argv[])
{
    CountingApp app(argc, argv);
    TestIdle test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_idle.moc"
