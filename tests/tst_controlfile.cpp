// The control file format: round trip, and refusal (with a reason) of anything damaged.
#include "engine/controlfile.h"
#include "engine/piececrcs.h"
#include "engine/safefile.h"
#include "engine/scheduler.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <limits>
#include <QTest>

#include <zlib.h>

using namespace bytehaul;

namespace {

ControlState sample()
{
    ControlState s;
    s.mode = ControlState::Mode::Ranged;
    s.originalUrl = "http://example.org/a.iso";
    s.finalUrl = "http://cdn.example.org/a.iso";
    s.totalSize = 10 * 1024 * 1024 + 5;
    s.pieceSize = 1024 * 1024;
    s.pieceCount = 11;
    s.completedBitset = QByteArray::fromHex("0503"); // pieces 0, 2, 8, 9
    s.pieceCrcs = QList<quint32>(11, 0);
    s.pieceCrcs[0] = 0xdeadbeef;
    s.segments = { { 4 * 1024 * 1024, 4 * 1024 * 1024 + 777, 4 * 1024 * 1024 + 777 } };
    s.etag = "\"abc\"";
    s.lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
    s.contentType = "application/x-iso9660-image";
    s.sequence = 42;
    s.cleanStop = true;
    return s;
}

QByteArray withHeader(quint32 magic, quint32 version, const QByteArray &payload, bool goodCrc = true)
{
    QByteArray out;
    const auto put = [&out](quint32 v) {
        for (int i = 0; i < 4; ++i)
            out.append(char((v >> (8 * i)) & 0xff));
    };
    put(magic);
    put(version);
    put(quint32(payload.size()));
    const quint32 crc = quint32(::crc32(0, reinterpret_cast<const Bytef *>(payload.constData()), uInt(payload.size())));
    put(goodCrc ? crc : crc ^ 1);
    return out + payload;
}

} // namespace

class TestControlFile final : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const ControlState s = sample();
        const QByteArray bytes = serializeControl(s);
        QCOMPARE(bytes.left(4), QByteArray::fromHex("45485942")); // magic 0x42594845, little-endian
        const ControlFileResult r = parseControl(bytes);
        QVERIFY2(r.state.has_value(), qPrintable(r.error));
        QCOMPARE(r.version, kControlVersion);
        QCOMPARE(r.state->originalUrl, s.originalUrl);
        QCOMPARE(r.state->finalUrl, s.finalUrl);
        QCOMPARE(r.state->totalSize, s.totalSize);
        QCOMPARE(r.state->completedBitset, s.completedBitset);
        QCOMPARE(r.state->pieceCrcs, s.pieceCrcs);
        QCOMPARE(r.state->segments.size(), 1);
        QCOMPARE(r.state->segments[0].durableEnd, s.segments[0].durableEnd);
        QCOMPARE(r.state->etag, s.etag);
        QCOMPARE(r.state->lastModified, s.lastModified);
        QCOMPARE(r.state->contentType, s.contentType);
        QCOMPARE(r.state->sequence, quint64(42));
        QVERIFY(r.state->cleanStop);
    }

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray good = serializeControl(sample());
        QTest::newRow("empty file?") << QByteArray() << "truncated";
        QTest::newRow("header cut short?") << good.left(10) << "truncated";
        QTest::newRow("payload cut short?") << good.left(good.size() - 3) << "truncated";
        QTest::newRow("foreign file?") << QByteArray("PK\x03\x04 this is a zip file, not ours") << "not a bytehaul";
        QTest::newRow("future version?") << withHeader(kControlMagic, 99, good.mid(16)) << "newer";
        QTest::newRow("version zero?") << withHeader(kControlMagic, 0, good.mid(16)) << "newer";
        QByteArray flipped = good;
        flipped[40] = char(flipped[40] ^ 0x20);
        QTest::newRow("one flipped bit?") << flipped << "corrupt";
        QTest::newRow("bad CRC?") << withHeader(kControlMagic, 2, good.mid(16), false) << "corrupt";
        ControlState wrongCount = sample();
        wrongCount.pieceCount = 12;
        QTest::newRow("piece count does not fit the size?") << serializeControl(wrongCount) << "piece count";
        ControlState extraBit = sample();
        extraBit.completedBitset = QByteArray::fromHex("05ff");
        QTest::newRow("bit for a piece that does not exist?") << serializeControl(extraBit) << "piece map";
        ControlState badSegment = sample();
        badSegment.segments = { { 100, 50, 200 } };
        QTest::newRow("segment ending before it starts?") << serializeControl(badSegment) << "segment";
        ControlState hugePiece = sample(); // found by the fuzzer: overflowed the piece count
        hugePiece.pieceSize = std::numeric_limits<qint64>::max();
        QTest::newRow("absurd piece size?") << serializeControl(hugePiece) << "impossible";
        ControlState huge = sample();
        huge.totalSize = qint64(1) << 62;
        QTest::newRow("absurd size?") << serializeControl(huge) << "impossible";
    }
    void damagedFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const ControlFileResult r = parseControl(bytes);
        QVERIFY(!r.state.has_value());
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    }

    void versionOneFilesStillLoad()
    {
        // Version 1: final URL, sizes, bitset, ETag, Last-Modified; no checksums or segments.
        QByteArray p;
        const auto u32 = [&p](quint32 v) {
            for (int i = 0; i < 4; ++i)
                p.append(char((v >> (8 * i)) & 0xff));
        };
        const auto u64 = [&p](quint64 v) {
            for (int i = 0; i < 8; ++i)
                p.append(char((v >> (8 * i)) & 0xff));
        };
        const auto bytes = [&](const QByteArray &b) {
            u32(quint32(b.size()));
            p.append(b);
        };
        bytes("http://old.example/f.bin");
        u64(3000);
        u64(1000);
        u64(3);
        bytes(QByteArray::fromHex("05"));
        bytes("\"v1\"");
        bytes("");
        const ControlFileResult r = parseControl(withHeader(kControlMagic, 1, p));
        QVERIFY2(r.state.has_value(), qPrintable(r.error));
        QCOMPARE(r.version, 1u);
        QCOMPARE(r.state->originalUrl, QByteArray("http://old.example/f.bin"));
        QCOMPARE(r.state->totalSize, qint64(3000));
        QCOMPARE(r.state->etag, QByteArray("\"v1\""));
        QCOMPARE(r.state->pieceCrcs.size(), 3);
        QVERIFY(!r.state->cleanStop); // unknown: treated as unclean, so pieces get verified
    }

    void saveIsAtomicAndLoadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("x.bin.bytehaul");
        QCOMPARE(saveControlFile(path, serializeControl(sample())), QString());
        QVERIFY(!QFile::exists(path + ".tmp"));
        const ControlFileResult r = loadControlFile(path);
        QVERIFY(r.state.has_value());
        QCOMPARE(loadControlFile(dir.filePath("missing.bytehaul")).error, QString()); // no file, no error
    }

    void pieceCrcsCombineOutOfOrderWrites()
    {
        const QByteArray data = QByteArray(2500, 'x') + QByteArray(500, 'y');
        PieceCrcs crcs;
        crcs.reset(3000, 1000);
        crcs.add(1500, QByteArrayView(data).sliced(1500, 700)); // middle of piece 1 into piece 2
        crcs.add(0, QByteArrayView(data).first(1200));
        QVERIFY(crcs.isComplete(0));
        QVERIFY(!crcs.isComplete(1));
        crcs.add(1200, QByteArrayView(data).sliced(1200, 300));
        QVERIFY(crcs.isComplete(1));
        QCOMPARE(crcs.crc(1), PieceCrcs::compute(QByteArrayView(data).sliced(1000, 1000)));
        crcs.add(2200, QByteArrayView(data).sliced(2200));
        QVERIFY(crcs.isComplete(2));
        QCOMPARE(crcs.crc(2), PieceCrcs::compute(QByteArrayView(data).sliced(2000)));
        QCOMPARE(crcs.crc(0), PieceCrcs::compute(QByteArrayView(data).first(1000)));
    }

    void partialRangesAreWhatThePieceMapLacks()
    {
        Scheduler s(4000, 1000, 100);
        s.markDone(0, 1000); // piece 0 complete
        s.markDone(1500, 3600); // half of piece 1, all of piece 2, part of piece 3
        QVERIFY(s.pieces().isComplete(2));
        const auto partial = s.partialRanges();
        QCOMPARE(partial.size(), 2);
        QCOMPARE(partial[0], ByteRangeSet::Range(1500, 2000));
        QCOMPARE(partial[1], ByteRangeSet::Range(3000, 3600));
    }

    void staleTemporariesGoAndNothingElse()
    {
        // What replaceDurably() leaves after a crash ("<name>.XXXXXXXX.tmp", and the old fixed
        // "<name>.tmp") goes; look-alikes, other files' temporaries and links stay.
        QTemporaryDir dir;
        const QString control = dir.filePath(QStringLiteral("file.iso.bytehaul"));
        const auto make = [&dir](const QString &name) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        };
        const QStringList ours { QStringLiteral("file.iso.bytehaul.tmp"), QStringLiteral("file.iso.bytehaul.Ab3dE6gH.tmp"),
                                 QStringLiteral("file.iso.bytehaul.ZZZZ9999.tmp") };
        const QStringList others { QStringLiteral("file.iso.bytehaul"),
                                   QStringLiteral("file.iso.bytehaul.Ab3dE6g.tmp"),   // 7 characters
                                   QStringLiteral("file.iso.bytehaul.Ab3dE6gHi.tmp"), // 9
                                   QStringLiteral("file.iso.bytehaul.Ab3-E6gH.tmp"),  // not a letter or digit
                                   QStringLiteral("file.iso.bytehaul.Äb3dE6gH.tmp"),  // not ASCII
                                   QStringLiteral("file.iso.bytehaul.Ab3dE6gH.tmpx"),
                                   QStringLiteral("other.iso.bytehaul.Ab3dE6gH.tmp"),
                                   QStringLiteral("file.iso"), QStringLiteral("file.iso.part") };
        for (const QString &name : ours + others)
            make(name);
        for (int i = 0; i < 2000; ++i) // a crowded folder
            make(QStringLiteral("unrelated-%1.dat").arg(i));
        make(QStringLiteral("target.dat"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("target.dat")), dir.filePath(QStringLiteral("file.iso.bytehaul.Li9kLi9k.tmp"))));
        safefile::removeStaleTemporaries(control);
        for (const QString &name : ours)
            QVERIFY2(!QFile::exists(dir.filePath(name)), qPrintable(name));
        for (const QString &name : others)
            QVERIFY2(QFile::exists(dir.filePath(name)), qPrintable(name));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("file.iso.bytehaul.Li9kLi9k.tmp"))).isSymLink()); // a link stays
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("target.dat"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::System).size(), others.size() + 2000 + 2);
    }
};

QTEST_GUILESS_MAIN(TestControlFile)
#include "tst_controlfile.moc"
