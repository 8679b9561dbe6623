// Work on a download's files between two writers (FileWriter::settle, rewriteControl) when the
// download goes away or the program quits before that work reports back. Found by a review of
// the change that moved this work onto the writer thread: each case lost it. Another download's
// long flush is played by a job that keeps the shared writer thread busy.
#include "engine/session.h"
#include "engine/controlfile.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <atomic>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {
constexpr qint64 kMiB = 1 << 20;
// Another download's long flush/fsync on the shared writer thread.
void occupyWriter(QThread *thread, int ms)
{
    auto *o = new QObject;
    o->moveToThread(thread);
    QMetaObject::invokeMethod(o, [o, ms] { QThread::msleep(ms); o->deleteLater(); }, Qt::QueuedConnection);
}
// Pauses and waits for "Paused" to be announced: it is, once the pause's close is done.
bool pauseAndWaitForClose(Session *s)
{
    QSignalSpy changed(s, &Session::snapshotChanged);
    s->pause();
    const auto paused = [&changed] {
        for (const QList<QVariant> &args : std::as_const(changed))
            if (args.at(0).value<DownloadSnapshot>().state == DownloadState::Paused)
                return true;
        return false;
    };
    QElapsedTimer clock;
    clock.start();
    while (!paused() && clock.elapsed() < 10000)
        changed.wait(100);
    return paused();
}
QStringList files(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden);
}
}

class TestFileWork final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Replace address accepted, then the user removes the download with "delete files"
    // (EngineCore::remove: cancel(Delete), then the session is destroyed at once).
    void removeWithDeleteRightAfterReplaceAddressDeletesTheFiles()
    {
        QThread writer;
        writer.start();
        auto guard = qScopeGuard([&] { writer.quit(); writer.wait(); });
        TestServer server;
        Resource old;
        old.data = TestServer::makeData(8 * kMiB, 11);
        old.bytesPerSecond = 2 * kMiB;
        old.etag = "\"e1\"";
        server.setResource("/old.bin", old);
        Resource fresh = old;
        fresh.bytesPerSecond = 0;
        server.setResource("/new.bin", fresh);
        QTemporaryDir dir;
        DownloadRequest req;
        req.url = QUrl(server.url("/old.bin"));
        req.outputDir = dir.path();
        auto *s = new Session(1, req, fastOptions(4), &writer);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->snapshot().done > 2 * kMiB, 30000);
        QVERIFY(pauseAndWaitForClose(s));
        QSignalSpy verdict(s, &Session::urlReplaced);
        s->replaceUrl(QUrl(server.url("/new.bin")));
        occupyWriter(&writer, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(verdict.count(), 1, 10000);
        QVERIFY(verdict.at(0).at(1).toBool());
        s->cancel(PartialData::Delete); // what EngineCore::remove does...
        delete s; // ...and the session goes at once (its destructor waits for the queued file work)
        QVERIFY2(files(dir.path()).isEmpty(), qPrintable(files(dir.path()).join(", ")));
    }

    // Replace address accepted while the writer thread is busy, then quit (sessions destroyed,
    // the writer thread quit as ~DownloadManager does).
    void quitRightAfterReplaceAddressKeepsTheNewAddress()
    {
        auto *writer = new QThread;
        writer->start();
        TestServer server;
        Resource old;
        old.data = TestServer::makeData(8 * kMiB, 11);
        old.bytesPerSecond = 2 * kMiB;
        old.etag = "\"e1\"";
        server.setResource("/old.bin", old);
        Resource fresh = old;
        fresh.bytesPerSecond = 0;
        server.setResource("/new.bin", fresh);
        QTemporaryDir dir;
        DownloadRequest req;
        req.url = QUrl(server.url("/old.bin"));
        req.outputDir = dir.path();
        auto *s = new Session(1, req, fastOptions(4), writer);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->snapshot().done > 2 * kMiB, 30000);
        QVERIFY(pauseAndWaitForClose(s));
        QSignalSpy verdict(s, &Session::urlReplaced);
        s->replaceUrl(QUrl(server.url("/new.bin")));
        occupyWriter(writer, 1500);
        QTRY_COMPARE_WITH_TIMEOUT(verdict.count(), 1, 10000);
        QVERIFY(verdict.at(0).at(1).toBool());
        delete s;
        writer->quit();
        writer->wait();
        delete writer;
        const ControlFileResult c = loadControlFile(dir.filePath("old.bin.bytehaul"));
        QVERIFY(c.state);
        QVERIFY(c.state->originalUrl.endsWith("/new.bin"));
    }

    // Quit (the session destroyed) after the file is in place, before its control file's
    // settle has run on a busy writer thread; then the next run.
    void quitRightAfterTheFileIsInPlaceLosesNothing()
    {
        QThread writer;
        writer.start();
        std::atomic<bool> stop { false };
        auto guard = qScopeGuard([&] { stop = true; writer.quit(); writer.wait(); });
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(4 * kMiB, 21);
        r.bytesPerSecond = 4 * kMiB;
        r.etag = "\"e1\"";
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadRequest req;
        req.url = QUrl(server.url("/f.bin"));
        req.outputDir = dir.path();
        const QString final = dir.filePath("f.bin");
        auto *s = new Session(1, req, fastOptions(2), &writer);
        QSignalSpy fin(s, &Session::finished);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->snapshot().done >= 3 * kMiB, 30000);
        // Another download keeps the writer thread busy: 150 ms jobs back to back.
        auto *busy = new QObject;
        busy->moveToThread(&writer);
        QMetaObject::invokeMethod(busy, [busy, &stop] {
            auto *t = new QTimer(busy);
            QObject::connect(t, &QTimer::timeout, busy, [&stop, t] { if (stop) t->stop(); else QThread::msleep(150); });
            t->start(0);
        }, Qt::QueuedConnection);
        QElapsedTimer clock;
        clock.start();
        while (!QFile::exists(final) && clock.elapsed() < 30000)
            QTest::qWait(1);
        // Whole under its final name is Completed in the same step: a quit now loses nothing.
        QVERIFY(QFile::exists(final));
        QCOMPARE(int(s->state()), int(DownloadState::Completed));
        QCOMPARE(fin.count(), 1);
        QVERIFY(!QFile::exists(final + QStringLiteral(".bytehaul")));
        delete s; // quit: Session::~Session
        stop = true;
        QCOMPARE(fileSha256(final), sha256(r.data));
    }
};

QTEST_GUILESS_MAIN(TestFileWork)
#include "tst_filework.moc"
