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

using namespace bytehaul;
using namespace bytehaul::test;

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
