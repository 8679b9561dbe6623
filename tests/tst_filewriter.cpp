// FileWriter's end of a download: the control file goes only once the data is on disk, and a
// final write that fails keeps it, so a crash or a full disk never leaves a file that looks
// complete but is not.
#include "engine/filewriter.h"
#include "engine/piecemap.h"
#include "testhelpers.h"

#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {
void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}
} // namespace

class TestFileWriter final : public QObject
{
    Q_OBJECT

private slots:
    void controlFileGoesOnceTheDataIsWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("data.bin");
        const QString control = path + ".bytehaul";
        QFile marker(control);
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("progress");
        marker.close();

        const QByteArray data = QByteArray(300000, 'a') + QByteArray(300000, 'b');
        QPointer<FileWriter> writer = new FileWriter; // it deletes itself once closed
        QSignalSpy opened(writer, &FileWriter::opened);
        QSignalSpy closed(writer, &FileWriter::closed);
        writer->open(path, data.size(), true, true, 16 << 20, 1 << 20);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).toBool(), true);
        writer->write(300000, data.mid(300000)); // out of order, held in the cache
        writer->write(0, data.left(300000));
        writer->close(true, false, control);
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.at(0).at(0).toBool(), true);
        QTRY_VERIFY(writer.isNull()); // owns itself: gone after closed()
        QVERIFY(!QFile::exists(control));
        QCOMPARE(fileSha256(path), sha256(data));
    }

    // Chunks wait in the writer's queue for a moment (one wake-up per batch), through the same
    // queue as every other call: a checkpoint covers exactly the bytes handed over before it,
    // never one handed over after it, and a lone small chunk still leaves memory by itself.
    void queuedChunksKeepTheOrderOfTheCalls()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("f.bin");
        const QString control = path + ".bytehaul";
        const qint64 piece = 64 * 1024;
        const QByteArray data = QByteArray(int(piece), 'p') + QByteArray(int(piece), 'q');
        QPointer<FileWriter> writer = new FileWriter;
        QSignalSpy opened(writer, &FileWriter::opened);
        QSignalSpy written(writer, &FileWriter::written);
        QSignalSpy checkpointed(writer, &FileWriter::checkpointed);
        QSignalSpy closed(writer, &FileWriter::closed);
        writer->open(path, data.size(), true, true, 16 << 20, piece);
        QVERIFY(opened.wait(5000));
        ControlState st;
        st.mode = ControlState::Mode::Ranged;
        st.originalUrl = st.finalUrl = "http://example/f";
        st.totalSize = data.size();
        st.pieceSize = piece;
        st.pieceCount = 2;
        st.completedBitset = QByteArray(1, char(0x3)); // the session thinks both are complete
        st.sequence = 1;
        writer->write(0, data.left(int(piece)));
        writer->checkpoint(st, control);
        writer->write(piece, data.mid(int(piece))); // after the checkpoint: not in it
        QVERIFY(checkpointed.wait(5000));
        QCOMPARE(checkpointed.at(0).at(1).toString(), QString());
        const ControlFileResult saved = loadControlFile(control);
        QVERIFY(saved.state);
        PieceMap map(st.totalSize, st.pieceSize);
        map.loadBitset(saved.state->completedBitset);
        QVERIFY(map.isComplete(0));
        QVERIFY2(!map.isComplete(1), "the checkpoint claimed a piece handed over after it");
        QCOMPARE(saved.state->pieceCrcs.value(0), PieceCrcs::compute(data.left(int(piece))));
        writer->close(true, false, control);
        QVERIFY(closed.wait(5000));
        QCOMPARE(fileSha256(path), sha256(data));

        // A lone chunk below a batch, with nothing called after it, is still written (and its
        // memory freed): a budget of 64 KiB writes runs of 8 KiB, and batches are 16 KiB.
        QPointer<FileWriter> lone = new FileWriter;
        QSignalSpy loneOpened(lone, &FileWriter::opened);
        QSignalSpy loneWritten(lone, &FileWriter::written);
        lone->open(dir.filePath("lone.bin"), -1, true, false, 64 * 1024, piece);
        QVERIFY(loneOpened.wait(5000));
        lone->write(0, QByteArray(10 * 1024, 'z'));
        QVERIFY(loneWritten.wait(5000));
        QCOMPARE(loneWritten.at(0).at(0).toLongLong(), qint64(10 * 1024));
        QSignalSpy loneClosed(lone, &FileWriter::closed);
        lone->close(false);
        QVERIFY(loneClosed.wait(5000));
    }

    void workOnTheFilesBetweenWritersKeepsThemAPair()
    {
        // Without an open writer (paused, or between a restart's two writers) the files are
        // still changed only on the writer's side: the control file goes first, then the data
        // is emptied in place (the same inode, so a lock on it holds) or removed.
        QTemporaryDir dir;
        const QString path = dir.filePath("f.part");
        const QString control = dir.filePath("f.bytehaul");
        writeFile(path, QByteArray(100000, 'x'));
        writeFile(control, "progress");
        const auto inode = [](const QString &p) {
            struct stat st {};
            return ::stat(QFile::encodeName(p).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
        };
        const auto before = inode(path);
        {
            QPointer<FileWriter> settler = new FileWriter;
            QSignalSpy closed(settler, &FileWriter::closed);
            settler->settle(control, path, FileWriter::DataFile::Empty);
            QVERIFY(closed.wait(5000));
            QCOMPARE(closed.at(0).at(0).toBool(), true);
            QTRY_VERIFY(settler.isNull());
        }
        QVERIFY(!QFile::exists(control));
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFileInfo(path).size(), 0);
        QCOMPARE(inode(path), before);
        writeFile(control, "progress");
        {
            auto *settler = new FileWriter;
            QSignalSpy closed(settler, &FileWriter::closed);
            settler->settle(control, path, FileWriter::DataFile::Remove);
            QVERIFY(closed.wait(5000));
        }
        QVERIFY(!QFile::exists(control));
        QVERIFY(!QFile::exists(path));
    }

    void replaceAddressRewritesOnlyTheAddressesAndValidators()
    {
        QTemporaryDir dir;
        const QString control = dir.filePath("f.bytehaul");
        ControlState st;
        st.mode = ControlState::Mode::Ranged;
        st.originalUrl = "http://old.example/f";
        st.finalUrl = "http://old.example/f";
        st.totalSize = 3 << 20;
        st.pieceSize = 1 << 20;
        st.pieceCount = 3;
        st.completedBitset = QByteArray(1, char(0x5));
        st.pieceCrcs = { 11u, 0u, 33u };
        st.etag = "\"v1\"";
        st.sequence = 7;
        st.cleanStop = true;
        QVERIFY(saveControlFile(control, serializeControl(st)).isEmpty());
        auto *writer = new FileWriter;
        QSignalSpy closed(writer, &FileWriter::closed);
        writer->rewriteControl(control, "http://new.example/f", "http://cdn.example/f", "\"n1\"", "Tue, 01 Dec 2026 10:00:00 GMT");
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.at(0).at(0).toBool(), true);
        const ControlFileResult after = loadControlFile(control);
        QVERIFY(after.state);
        QCOMPARE(after.state->originalUrl, QByteArray("http://new.example/f"));
        QCOMPARE(after.state->finalUrl, QByteArray("http://cdn.example/f"));
        QCOMPARE(after.state->etag, QByteArray("\"n1\""));
        QCOMPARE(after.state->lastModified, QByteArray("Tue, 01 Dec 2026 10:00:00 GMT"));
        QCOMPARE(after.state->completedBitset, st.completedBitset);
        QCOMPARE(after.state->pieceCrcs, st.pieceCrcs);
        QCOMPARE(after.state->totalSize, st.totalSize);
    }

#ifdef Q_OS_LINUX
    void failedFinalWriteKeepsTheControlFile()
    {
        // A file-size limit makes the last flush at close fail (EFBIG, like a full disk) on a
        // regular file: the writer opens nothing else (a device such as /dev/full is refused).
        QTemporaryDir dir;
        const QString control = dir.filePath("full.bytehaul");
        QFile marker(control);
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("progress");
        marker.close();
        struct rlimit old;
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldSignal = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 500;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const auto restore = qScopeGuard([&] {
            ::setrlimit(RLIMIT_FSIZE, &old);
            std::signal(SIGXFSZ, oldSignal);
        });
        QPointer<FileWriter> writer = new FileWriter; // it deletes itself once closed
        QSignalSpy opened(writer, &FileWriter::opened);
        QSignalSpy closed(writer, &FileWriter::closed);
        writer->open(dir.filePath("full"), -1, false, false, 16 << 20, 1 << 20);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).toBool(), true);
        writer->write(0, QByteArray(1000, 'x')); // small: waits in the cache until close
        writer->close(true, false, control);
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.at(0).at(0).toBool(), false);
        QVERIFY(QFile::exists(control));
    }

    // The writer never writes through a device or FIFO someone put at its path.
    void specialFilesAreRefused()
    {
        QPointer<FileWriter> writer = new FileWriter;
        QSignalSpy opened(writer, &FileWriter::opened);
        writer->open(QStringLiteral("/dev/full"), -1, false, false, 16 << 20, 1 << 20);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).toBool(), false);
        QVERIFY2(opened.at(0).at(1).toString().contains("not a regular file"), qPrintable(opened.at(0).at(1).toString()));
        delete writer;
    }
#endif

    void freeSpaceIsReadFromTheOpenFile()
    {
        QTemporaryDir dir;
        QPointer<FileWriter> writer = new FileWriter; // it deletes itself once closed
        QCOMPARE(writer->bytesAvailable(), qint64(-1)); // nothing open
        QSignalSpy opened(writer, &FileWriter::opened);
        writer->open(dir.filePath("f.bin"), 4096, true, true, 16 << 20, 1 << 20);
        QVERIFY(opened.wait(5000));
        QVERIFY(writer->bytesAvailable() > 0);
        QSignalSpy closed(writer, &FileWriter::closed);
        writer->close(false);
        QVERIFY(closed.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestFileWriter)
#include "tst_filewriter.moc"
