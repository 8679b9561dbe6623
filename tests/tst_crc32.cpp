// The piece checksum: bit for bit zlib's crc32() for every length, alignment and chaining,
// whichever path (carry-less multiplication or zlib's own) computes it.
#include "engine/crc32.h"
#include "testserver.h"

#include <QTest>

#include <zlib.h>

using namespace bytehaul;

namespace {
quint32 zlibCrc(quint32 crc, QByteArrayView data)
{
    return quint32(::crc32(crc, reinterpret_cast<const Bytef *>(data.data()), uInt(data.size())));
}
} // namespace

class TestCrc32 final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInfo("carry-less multiplication path: %s",
            crc32IsAccelerated() ? "in use" : "not available here");
    }

    void knownValues()
    {
        QCOMPARE(crc32Update(0, QByteArrayView()), quint32(0));
        QCOMPARE(crc32Update(0, "123456789"), quint32(0xCBF43926)); // the standard check value
        const QByteArray zeros(4096, '\0');
        QCOMPARE(crc32Update(0, zeros), zlibCrc(0, zeros));
    }

    void matchesZlibForEveryLengthAndAlignment()
    {
        const QByteArray data = bytehaul::test::TestServer::makeData(3000, 7);
        for (qsizetype offset = 0; offset < 17; ++offset) {
            for (qsizetype length = 0; offset + length <= data.size();
                 length += (length < 300 ? 1 : 37)) {
                const QByteArrayView piece = QByteArrayView(data).sliced(offset, length);
                if (crc32Update(0, piece) != zlibCrc(0, piece))
                    QFAIL(
                        qPrintable(QStringLiteral("offset %1, length %2").arg(offset).arg(length)));
            }
        }
    }

    void chainsLikeZlib()
    {
        const QByteArray data = bytehaul::test::TestServer::makeData(1 << 20, 8);
        quint32 ours = 0, theirs = 0;
        for (qsizetype at = 0, step = 1; at < data.size();
             at += step, step = step * 3 % 70001 + 1) {
            const QByteArrayView part
                = QByteArrayView(data).sliced(at, std::min(step, data.size() - at));
            ours = crc32Update(ours, part);
            theirs = zlibCrc(theirs, part);
        }
        QCOMPARE(ours, theirs);
        QCOMPARE(ours, zlibCrc(0, data));
    }

    void largeBuffer()
    {
        const QByteArray data = bytehaul::test::TestServer::makeData(24 << 20, 9);
        QCOMPARE(crc32Update(0, data), zlibCrc(0, data));
    }
};

QTEST_GUILESS_MAIN(TestCrc32)
#include "tst_crc32.moc"
