// The queue's behaviour without a widget (QueueController over a real engine and a local
// server): what Remove and Cancel keep, Resume of failed and cancelled downloads from disk,
// a dead server within the give-up time, and a restart that shows every row as it was.
#include "engine/controlfile.h"
#include "testhelpers.h"
#include "testserver.h"
#include "ui/downloadlistmodel.h"
#include "ui/queuecontroller.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bytehaul;
using namespace bytehaul::test;
using namespace bytehaul::ui;

namespace {
constexpr qint64 MiB = 1024 * 1024;

UiPreferences prefsFor(const QString &dir)
{
    UiPreferences p;
    p.defaultDirectory = dir;
    p.connections = 2;
    p.maxConcurrent = 3;
    return p;
}

DownloadRequest requestFor(const TestServer &server, const char *path, const QString &dir)
{
    DownloadRequest r;
    r.url = QUrl(server.url(path));
    r.outputDir = dir;
    return r;
}
} // namespace

class TestQueue final : public QObject
{
    Q_OBJECT
private slots:
    void removeKeepsFilesUnlessAskedAndThenOnlyThoseNamed()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 51);
        r.bytesPerSecond = 1 * MiB;
        server.setResource("/keep.bin", r);
        server.setResource("/drop.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        QueueController queue(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        const QList<DownloadId> ids = queue.add({ requestFor(server, "/keep.bin", dir.path()),
                                                  requestFor(server, "/drop.bin", dir.path()) });
        for (DownloadId id : ids)
            QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 512 * 1024, 30000);
        QCOMPARE(queue.filesOnDisk(ids[0]), QStringList({ dir.filePath("keep.bin.part"), dir.filePath("keep.bin.bytehaul") }));
        queue.remove({ ids[0] }, false);
        QCOMPARE(queue.model()->rowCount(), 1);
        QTRY_COMPARE(manager.snapshot(ids[0]).id, DownloadId(0));
        QVERIFY(QFile::exists(dir.filePath("keep.bin.part")));
        QVERIFY(loadControlFile(dir.filePath("keep.bin.bytehaul")).state.has_value());
        queue.remove({ ids[1] }, true);
        QTRY_VERIFY(!QFile::exists(dir.filePath("drop.bin.part")));
        QTRY_VERIFY(!QFile::exists(dir.filePath("drop.bin.bytehaul")));
        QVERIFY(QFile::exists(dir.filePath("keep.bin.part")));
        QCOMPARE(queue.model()->rowCount(), 0);
    }

    void cancelledAndFailedDownloadsResumeFromDisk()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 52);
        r.bytesPerSecond = 1 * MiB;
        server.setResource("/c.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        QueueController queue(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        const DownloadId id = queue.add({ requestFor(server, "/c.bin", dir.path()) }).first();
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 2 * MiB, 30000);
        queue.cancel({ id }, PartialData::Keep);
        QTRY_COMPARE(stateName(manager.snapshot(id).state), stateName(DownloadState::Cancelled));
        QTRY_COMPARE(queue.model()->snapshot(id)->state, DownloadState::Cancelled);
        const qint64 kept = queue.model()->snapshot(id)->done;
        QVERIFY(kept > 2 * MiB);
        server.resource("/c.bin").bytesPerSecond = 0;
        const QList<DownloadId> again = queue.resume({ id });
        QCOMPARE(again.size(), 1);
        QCOMPARE(queue.model()->rowCount(), 1);
        const DownloadSnapshot s = waitFinished(manager, again.first());
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QVERIFY2(s.note.contains("Resumed"), qPrintable(s.note));
        QCOMPARE(fileSha256(dir.filePath("c.bin")), sha256(r.data));
    }

    void deadServerFailsWithinTheGiveUpTimeAndRestartShowsTheRow()
    {
        auto server = std::make_unique<TestServer>();
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 53);
        r.bytesPerSecond = 1 * MiB;
        server->setResource("/dead.bin", r);
        QTemporaryDir dir;
        const QString list = dir.filePath("queue.json");
        UiPreferences prefs = prefsFor(dir.path());
        prefs.giveUpSeconds = 1;
        qint64 done = 0;
        {
            DownloadManager manager;
            DownloadOptions o = fastOptions(2);
            o.retry.maxRetries = 100000;
            manager.setDefaultOptions(o);
            QueueController queue(&manager, list, prefs);
            const DownloadId id = queue.add({ requestFor(*server, "/dead.bin", dir.path()) }).first();
            QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 1 * MiB, 30000);
            server.reset();
            const DownloadSnapshot s = waitFinished(manager, id, 60000);
            QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
            QCOMPARE(int(s.errorCode), int(ErrorCode::NoProgress));
            QTRY_COMPARE(queue.model()->snapshot(id)->state, DownloadState::Failed);
            done = queue.model()->snapshot(id)->done;
        } // saved on destruction, like a quit
        DownloadManager manager;
        QueueController queue(&manager, list, prefs);
        QCOMPARE(queue.restore(), QString());
        QCOMPARE(queue.model()->rowCount(), 1);
        const DownloadSnapshot row = queue.model()->all().first();
        QCOMPARE(row.fileName, QString("dead.bin"));
        QCOMPARE(stateName(row.state), stateName(DownloadState::Failed));
        QCOMPARE(int(row.errorCode), int(ErrorCode::NoProgress)); // worded in the language of the day
        QCOMPARE(row.total, 8 * MiB);
        QCOMPARE(row.done, done);
        QCOMPARE(queue.filesOnDisk(row.id).size(), 2); // the .part and the control file, kept
    }
};

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
