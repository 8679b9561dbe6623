// Resume you can trust: pause, quit and crash, then continue byte-identical without fetching
// again what was already on disk; start over when the server's file changed.
#include "engine/controlfile.h"
#include "engine/downloadmanager.h"
#include "engine/piecemap.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif
#include <QTest>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {
constexpr qint64 MiB = 1024 * 1024;

DownloadRequest requestFor(const TestServer &server, const QString &path, const QString &dir)
{
    DownloadRequest request;
    request.url = QUrl(server.url(path));
    request.outputDir = dir;
    return request;
}

// Runs until `done` bytes are received, then destroys the manager: the quit path.
void downloadThenQuit(TestServer &server, const QString &path, const QString &dir, qint64 done,
                      DownloadOptions options = fastOptions(4))
{
    DownloadManager manager;
    manager.setDefaultOptions(options);
    const DownloadId id = manager.add(requestFor(server, path, dir));
    QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done >= done, 30000);
}
} // namespace

class TestResume final : public QObject
{
    Q_OBJECT
private slots:
    void pauseKeepsAControlFileAndResumeFinishes()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 1);
        r.bytesPerSecond = 2 * MiB;
        r.etag = "\"v1\"";
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadId id = manager.add(requestFor(server, "/f.bin", dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 2 * MiB, 30000);
        QVERIFY(pauseAndWait(manager, id));
        const QString control = dir.filePath("f.bin.bytehaul");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(control), 5000);
        const ControlFileResult saved = loadControlFile(control);
        QVERIFY2(saved.state.has_value(), qPrintable(saved.error));
        QVERIFY(saved.state->cleanStop);
        QCOMPARE(saved.state->etag, QByteArray("\"v1\""));
        manager.resume(id);
        const DownloadSnapshot s = waitFinished(manager, id);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY(!QFile::exists(control)); // removed once complete
        // Every request after the probe carried If-Range with the strong ETag.
        for (int i = 1; i < server.requests().size(); ++i)
            QCOMPARE(server.requests()[i].headers.value("if-range"), QByteArray("\"v1\""));
    }

    void quitAndRestartContinuesWithoutRefetching_data()
    {
        QTest::addColumn<int>("connections");
        QTest::newRow("multi-connection?") << 4;
        QTest::newRow("one connection?") << 1;
    }
    void quitAndRestartContinuesWithoutRefetching()
    {
        QFETCH(int, connections);
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 2);
        r.bytesPerSecond = 2 * MiB;
        r.lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        server.setResource("/q.bin", r);
        QTemporaryDir dir;
        downloadThenQuit(server, "/q.bin", dir.path(), 3 * MiB, fastOptions(connections));
        const ControlFileResult saved = loadControlFile(dir.filePath("q.bin.bytehaul"));
        QVERIFY2(saved.state.has_value(), qPrintable(saved.error));
        QVERIFY(saved.state->cleanStop);
        const qint64 sentBefore = server.bodyBytesSent();

        // A new manager stands for a new process: it finds the control file and continues.
        // (Throttled, so that the bytes the server counts as sent are bytes the client read.)
        server.resource("/q.bin").bytesPerSecond = 4 * MiB;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(connections));
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/q.bin", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(s.filePath, dir.filePath("q.bin")); // the same file, not "q (1).bin"
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(s.note.contains("Resumed"), qPrintable(s.note));
        // Durable bytes were not fetched again: the second run sent little more than the rest
        // (the probe's first piece may be re-sent when the first piece was not complete).
        const qint64 secondRun = server.bodyBytesSent() - sentBefore;
        QVERIFY2(secondRun <= 8 * MiB - 3 * MiB + 2 * MiB,
                 qPrintable(QStringLiteral("second run fetched %1 bytes").arg(secondRun)));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void remoteChangeStartsOver_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::newRow("ETag flip?") << QByteArray("etag");
        QTest::newRow("size change?") << QByteArray("size");
    }
    void remoteChangeStartsOver()
    {
        QFETCH(QByteArray, change);
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 3);
        r.bytesPerSecond = 4 * MiB;
        r.etag = "\"old\"";
        server.setResource("/c.bin", r);
        QTemporaryDir dir;
        downloadThenQuit(server, "/c.bin", dir.path(), 2 * MiB);
        Resource &now = server.resource("/c.bin");
        now.bytesPerSecond = 0;
        now.data = TestServer::makeData(change == "size" ? 9 * MiB : 8 * MiB, 4);
        now.etag = "\"new\"";
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/c.bin", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(s.filePath, dir.filePath("c.bin"));
        QCOMPARE(fileSha256(s.filePath), sha256(now.data)); // only new bytes
        QVERIFY2(s.note.contains("Starting over"), qPrintable(s.note));
    }

    void changeNoticedMidDownloadThroughIfRange()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 5);
        r.bytesPerSecond = 2 * MiB;
        r.etag = "\"one\"";
        server.setResource("/m.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        const DownloadId id = manager.add(requestFor(server, "/m.bin", dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 1 * MiB, 30000);
        QVERIFY(pauseAndWait(manager, id));
        Resource &now = server.resource("/m.bin");
        now.data = TestServer::makeData(8 * MiB, 6);
        now.etag = "\"two\"";
        now.bytesPerSecond = 0;
        manager.resume(id); // in-process: no probe, the segments' If-Range gets a 200
        const DownloadSnapshot s = waitFinished(manager, id);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(fileSha256(s.filePath), sha256(now.data));
        QVERIFY2(s.note.contains("starting over"), qPrintable(s.note));
    }

    void corruptControlFileRestartsCleanly()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(6 * MiB, 7);
        server.setResource("/k.bin", r);
        QTemporaryDir dir;
        QFile partial(dir.filePath("k.bin"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write(QByteArray(6 * MiB, 'G')); // garbage that must not survive
        partial.close();
        QFile control(dir.filePath("k.bin.bytehaul"));
        QVERIFY(control.open(QIODevice::WriteOnly));
        control.write(QByteArray::fromHex("45485942") + QByteArray(40, '\x7f'));
        control.close();
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/k.bin", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        // Starting over never truncates a file under the final name (it may be a whole file):
        // it stays as it is, and the download lands beside it.
        QCOMPARE(s.filePath, dir.filePath("k (1).bin"));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QCOMPARE(QFileInfo(dir.filePath("k.bin")).size(), 6 * MiB);
        QVERIFY2(s.note.contains("kept as it is"), qPrintable(s.note));
        QVERIFY(!QFile::exists(dir.filePath("k (1).bin.bytehaul")));
        QVERIFY(QFile::exists(dir.filePath("k.bin.bytehaul"))); // still marks k.bin as not ours to finish
    }

    void unfinishedBytesLiveInAPartFileAndOldLayoutsStillResume_data()
    {
        QTest::addColumn<bool>("oldLayout");
        QTest::newRow("<file>.part, as saved now?") << false;
        QTest::newRow("<file> itself, as older versions saved it?") << true;
    }

    void unfinishedBytesLiveInAPartFileAndOldLayoutsStillResume()
    {
        QFETCH(bool, oldLayout);
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 9);
        r.bytesPerSecond = 4 * MiB;
        server.setResource("/p.iso", r);
        QTemporaryDir dir;
        downloadThenQuit(server, "/p.iso", dir.path(), 3 * MiB);
        // A file manager can tell: the unfinished file is p.iso.part, p.iso does not exist yet.
        QVERIFY(QFileInfo(dir.filePath("p.iso.part")).isFile());
        QVERIFY(!QFileInfo::exists(dir.filePath("p.iso")));
        QVERIFY(QFileInfo(dir.filePath("p.iso.bytehaul")).isFile());
        if (oldLayout)
            QVERIFY(QFile::rename(dir.filePath("p.iso.part"), dir.filePath("p.iso")));
        server.resource("/p.iso").bytesPerSecond = 0;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/p.iso", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QVERIFY2(s.note.contains("Resumed"), qPrintable(s.note));
        QCOMPARE(s.filePath, dir.filePath("p.iso"));
        QCOMPARE(fileSha256(dir.filePath("p.iso")), sha256(r.data));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { "p.iso" }); // no .part, no control file
    }

    // Durable progress never goes down across pause / resume / pause in one process: the
    // control file is read back after every pause.
    void pauseResumePauseNeverLosesDurableProgress()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 10);
        r.bytesPerSecond = 2 * MiB;
        server.setResource("/cycle.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2)); // two 8 MiB segments: whole pieces before each pause
        const DownloadId id = manager.add(requestFor(server, "/cycle.bin", dir.path()));
        qint64 durable = 0;
        const QString control = dir.filePath("cycle.bin.bytehaul");
        for (int cycle = 0; cycle < 4; ++cycle) {
            const qint64 target = manager.snapshot(id).done + 3 * MiB;
            QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done >= target, 30000);
            QVERIFY(pauseAndWait(manager, id));
            const qint64 now = durableBytes(control);
            QVERIFY2(now > durable, qPrintable(QString("cycle %1: %2 durable, was %3").arg(cycle).arg(now).arg(durable)));
            durable = now;
            manager.resume(id);
        }
        server.resource("/cycle.bin").bytesPerSecond = 0;
        const DownloadSnapshot s = waitFinished(manager, id);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
    }

    // The first copy is finished, a second run of the same URL is stopped: a third run finds
    // its partial download under the numbered name instead of starting a third copy.
    void aNumberedPartialDownloadIsFoundAgain()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 12);
        server.setResource("/n.bin", r);
        QTemporaryDir dir;
        {
            DownloadManager manager;
            manager.setDefaultOptions(fastOptions(2));
            QCOMPARE(stateName(waitFinished(manager, manager.add(requestFor(server, "/n.bin", dir.path()))).state),
                     stateName(DownloadState::Completed));
        }
        server.resource("/n.bin").bytesPerSecond = 2 * MiB;
        downloadThenQuit(server, "/n.bin", dir.path(), 3 * MiB);
        QVERIFY(QFileInfo(dir.filePath("n (1).bin.part")).isFile());
        server.resource("/n.bin").bytesPerSecond = 0;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/n.bin", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(s.filePath, dir.filePath("n (1).bin"));
        QVERIFY2(s.note.contains("Resumed"), qPrintable(s.note));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({ "n (1).bin", "n.bin" }));
    }

    void tornPiecesAfterACrashAreFetchedAgain()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 8);
        r.bytesPerSecond = 4 * MiB;
        server.setResource("/t.bin", r);
        QTemporaryDir dir;
        downloadThenQuit(server, "/t.bin", dir.path(), 5 * MiB);
        const QString controlPath = dir.filePath("t.bin.bytehaul");
        ControlFileResult saved = loadControlFile(controlPath);
        QVERIFY(saved.state.has_value());
        // Pretend the process died: no clean-stop mark, and a completed piece torn on disk.
        saved.state->cleanStop = false;
        QCOMPARE(saveControlFile(controlPath, serializeControl(*saved.state)), QString());
        PieceMap map(saved.state->totalSize, saved.state->pieceSize);
        QVERIFY(map.loadBitset(saved.state->completedBitset));
        const qint64 torn = map.firstMissing() == 0 ? 1 : 0;
        QVERIFY(map.isComplete(torn));
        QFile data(dir.filePath("t.bin.part")); // unfinished bytes live in .part
        QVERIFY(data.open(QIODevice::ReadWrite));
        data.seek(map.pieceStart(torn) + 100);
        data.write(QByteArray(4096, '\0'));
        data.close();

        server.resource("/t.bin").bytesPerSecond = 0;
        const int before = int(server.requests().size());
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/t.bin", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(s.note.contains("damaged"), qPrintable(s.note));
        bool refetched = false;
        const QByteArray tornStart = "bytes=" + QByteArray::number(map.pieceStart(torn)) + '-';
        for (int i = before; i < server.requests().size(); ++i)
            refetched = refetched || server.requests()[i].range.startsWith(tornStart);
        QVERIFY(refetched);
    }

    void verifyActionFindsADamagedPiece()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 73);
        r.bytesPerSecond = 4 * MiB;
        server.setResource("/v.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadId id = manager.add(requestFor(server, "/v.bin", dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 5 * MiB, 30000);
        QVERIFY(pauseAndWait(manager, id));
        const ControlFileResult saved = loadControlFile(dir.filePath("v.bin.bytehaul"));
        QVERIFY(saved.state.has_value());
        PieceMap map(saved.state->totalSize, saved.state->pieceSize);
        QVERIFY(map.loadBitset(saved.state->completedBitset));
        const qint64 damaged = map.firstMissing() == 0 ? 1 : 0;
        QVERIFY(map.isComplete(damaged));
        QFile data(dir.filePath("v.bin.part"));
        QVERIFY(data.open(QIODevice::ReadWrite));
        data.seek(map.pieceStart(damaged) + 7);
        data.write("bit rot");
        data.close();
        server.resource("/v.bin").bytesPerSecond = 0;
        const int before = int(server.requests().size());
        manager.verify(id);
        const DownloadSnapshot s = waitFinished(manager, id);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        const QByteArray start = "bytes=" + QByteArray::number(map.pieceStart(damaged)) + '-';
        bool refetched = false;
        for (int i = before; i < server.requests().size(); ++i)
            refetched = refetched || server.requests()[i].range.startsWith(start);
        QVERIFY(refetched);
    }

    void checksum_data()
    {
        QTest::addColumn<QByteArray>("algorithm");
        QTest::addColumn<bool>("correct");
        QTest::newRow("sha256 matches?") << QByteArray("sha256") << true;
        QTest::newRow("md5 matches?") << QByteArray("md5") << true;
        QTest::newRow("sha256 mismatch fails?") << QByteArray("sha256") << false;
    }
    void checksum()
    {
        QFETCH(QByteArray, algorithm);
        QFETCH(bool, correct);
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(3 * MiB, 9);
        server.setResource("/s.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        DownloadRequest request = requestFor(server, "/s.bin", dir.path());
        request.checksumAlgorithm = algorithm;
        const QByteArray digest = QCryptographicHash::hash(r.data, algorithm == "md5" ? QCryptographicHash::Md5
                                                                                      : QCryptographicHash::Sha256)
                                      .toHex();
        request.checksumHex = correct ? digest.toUpper() : QByteArray(digest.size(), '0');
        const DownloadSnapshot s = waitFinished(manager, manager.add(request));
        if (correct) {
            QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        } else {
            QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
            QVERIFY2(s.error.contains("mismatch") && s.error.contains(QString::fromLatin1(digest)), qPrintable(s.error));
        }
        QVERIFY(!QFile::exists(dir.filePath("s.bin.bytehaul")));
    }

    void replaceUrl_data()
    {
        QTest::addColumn<bool>("withEtag");
        QTest::addColumn<QByteArray>("newEtag");
        QTest::addColumn<qint64>("newSize");
        QTest::addColumn<quint32>("newSeed");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");
        QTest::newRow("same file, same ETag: accepted?") << true << QByteArray("\"e1\"") << 8 * MiB << 11u << true << "ETag";
        QTest::newRow("other ETag: refused?") << true << QByteArray("\"e2\"") << 8 * MiB << 11u << false << "another version";
        QTest::newRow("other size: refused?") << true << QByteArray("\"e1\"") << 9 * MiB << 11u << false << "another size";
        QTest::newRow("no validators, same bytes: accepted by CRC?") << false << QByteArray() << 8 * MiB << 11u << true << "match";
        QTest::newRow("no validators, other bytes: refused by CRC?") << false << QByteArray() << 8 * MiB << 12u << false << "different content";
    }
    void replaceUrl()
    {
        QFETCH(bool, withEtag);
        QFETCH(QByteArray, newEtag);
        QFETCH(qint64, newSize);
        QFETCH(quint32, newSeed);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        TestServer server;
        Resource old;
        old.data = TestServer::makeData(8 * MiB, 11);
        old.bytesPerSecond = 2 * MiB;
        old.etag = withEtag ? QByteArray("\"e1\"") : QByteArray();
        server.setResource("/old.bin", old);
        Resource fresh;
        fresh.data = TestServer::makeData(newSize, newSeed);
        fresh.etag = newEtag;
        server.setResource("/new.bin", fresh);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadId id = manager.add(requestFor(server, "/old.bin", dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 4 * MiB, 30000);
        QVERIFY(pauseAndWait(manager, id));
        QSignalSpy verdict(&manager, &DownloadManager::urlReplaced);
        manager.replaceUrl(id, QUrl(server.url("/new.bin")));
        QTRY_COMPARE_WITH_TIMEOUT(verdict.count(), 1, 20000);
        QCOMPARE(verdict.at(0).at(1).toBool(), accepted);
        QVERIFY2(verdict.at(0).at(2).toString().contains(reason), qPrintable(verdict.at(0).at(2).toString()));
        server.resource("/old.bin").bytesPerSecond = 0;
        const int before = int(server.requests().size());
        manager.resume(id);
        const DownloadSnapshot s = waitFinished(manager, id);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Completed));
        QCOMPARE(fileSha256(s.filePath), sha256(old.data)); // either way, the one file
        const QByteArray continuedFrom = server.requests().value(before).path;
        QCOMPARE(continuedFrom, accepted ? QByteArray("/new.bin") : QByteArray("/old.bin"));
    }

    // A full disk: a file that cannot fit fails at once with a clear error; one that fills the
    // disk while downloading pauses, keeps its bytes, and completes once there is room.
    void diskFull()
    {
#ifdef Q_OS_LINUX
        // CI (scripts/setup.sh test as root) sets BYTEHAUL_REQUIRE_DISK_TEST: a skip there fails.
        const bool required = qEnvironmentVariableIsSet("BYTEHAUL_REQUIRE_DISK_TEST");
        if (::geteuid() != 0) {
            if (required)
                QFAIL("the full-disk test must run: it needs root to mount a small tmpfs");
            QSKIP("needs root to mount a small tmpfs; run the suite as root (CI does)");
        }
        QTemporaryDir base;
        const QString mnt = base.filePath("small");
        QDir().mkpath(mnt);
        if (QProcess::execute("mount", { "-t", "tmpfs", "-o", "size=6m", "tmpfs", mnt }) != 0) {
            if (required)
                QFAIL("the full-disk test must run: cannot mount a tmpfs (no CAP_SYS_ADMIN)");
            QSKIP("cannot mount a tmpfs here (no CAP_SYS_ADMIN)");
        }
        const auto unmount = qScopeGuard([&] { QProcess::execute("umount", { mnt }); });

        TestServer server;
        Resource r;
        r.data = TestServer::makeData(10 * MiB, 70);
        r.bytesPerSecond = 4 * MiB;
        server.setResource("/big.bin", r);

        DownloadManager manager;
        DownloadOptions o = fastOptions(4);
        o.saveInterval = std::chrono::milliseconds(100);
        manager.setDefaultOptions(o);
        // Preallocated: refused before a byte is fetched.
        const DownloadSnapshot refused = waitFinished(manager, manager.add(requestFor(server, "/big.bin", mnt)));
        QCOMPARE(stateName(refused.state), stateName(DownloadState::Failed));
        QVERIFY2(refused.error.contains("Not enough disk space"), qPrintable(refused.error));
        QFile::remove(refused.filePath);

        // Sparse: the disk fills up mid-way.
        o.preallocate = false;
        manager.setDefaultOptions(o);
        const DownloadId id = manager.add(requestFor(server, "/big.bin", mnt));
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).state == DownloadState::Paused || isTerminal(manager.snapshot(id).state), 30000);
        const DownloadSnapshot paused = manager.snapshot(id);
        QVERIFY2(paused.state == DownloadState::Paused, qPrintable(stateName(paused.state) + ": " + paused.error));
        QVERIFY2(paused.error.contains("disk is full"), qPrintable(paused.error));
        QVERIFY(QFile::exists(paused.filePath + ".bytehaul"));
        QCOMPARE(QProcess::execute("mount", { "-o", "remount,size=32m", mnt }), 0);
        manager.resume(id);
        const DownloadSnapshot s = waitFinished(manager, id);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
#else
        QSKIP("the small-filesystem test needs Linux");
#endif
    }

    void invalidSaveIntervalIsRejected()
    {
        TestServer server;
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions();
        o.saveInterval = std::chrono::milliseconds(0);
        manager.setDefaultOptions(o);
        const DownloadSnapshot s = waitFinished(manager, manager.add(requestFor(server, "/x", dir.path())));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
        QVERIFY2(s.error.contains("save interval"), qPrintable(s.error));
        QCOMPARE(server.requests().size(), 0);
    }

    void cancelRemovesDataAndControlFile()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 10);
        r.bytesPerSecond = 1 * MiB;
        server.setResource("/x.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(2);
        o.saveInterval = std::chrono::milliseconds(100);
        manager.setDefaultOptions(o);
        const DownloadId id = manager.add(requestFor(server, "/x.bin", dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("x.bin.bytehaul")), 10000);
        QVERIFY(pauseAndWait(manager, id));
        manager.cancel(id); // cancelling a paused download
        const DownloadSnapshot s = waitFinished(manager, id);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Cancelled));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
