// FileWriter's end of a download: the control file goes only once the data is on disk, and a
// final write that fails keeps it, so a crash or a full disk never leaves a file that looks
// complete but is not.
#include "engine/filewriter.h"
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
