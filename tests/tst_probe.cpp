// The probe's judgement (engine/probe.h) answer by answer: which path a download takes and the
// identity it is bound to, from the status line and headers alone; and when a control file
// may be continued.
#include "engine/piecemap.h"
#include "engine/probe.h"

#include <QTest>

using namespace bytehaul;

namespace {
constexpr qint64 kPiece = 1 << 20;

ProbeAnswer answer(int status, QList<std::pair<QByteArray, QByteArray>> headers, bool finished = false)
{
    ProbeAnswer a;
    a.status = status;
    a.headers = std::move(headers);
    a.finished = finished;
    return a;
}

ProbeResult judge(const ProbeAnswer &a, bool plainGet = false)
{
    return judgeProbe(a, kPiece, plainGet, QStringLiteral("http://h/f"));
}
} // namespace

Q_DECLARE_METATYPE(ProbeResult::Path)

class TestProbe final : public QObject
{
    Q_OBJECT
private slots:
    void pathFromTheAnswer_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentRange");
        QTest::addColumn<QByteArray>("contentLength");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<ProbeResult::Path>("path");
        QTest::addColumn<qint64>("total");
        using P = ProbeResult::Path;
        QTest::newRow("206 from 0") << 206 << QByteArray("bytes 0-1048575/5000000") << QByteArray("1048576") << QByteArray() << P::Ranged << qint64(5000000);
        QTest::newRow("206, no Content-Length") << 206 << QByteArray("bytes 0-99/100") << QByteArray() << QByteArray() << P::Ranged << qint64(100);
        QTest::newRow("206 not from 0") << 206 << QByteArray("bytes 5-99/100") << QByteArray("95") << QByteArray() << P::PlainGet << qint64(-1);
        QTest::newRow("206 longer than asked") << 206 << QByteArray("bytes 0-2000000/5000000") << QByteArray("2000001") << QByteArray() << P::PlainGet << qint64(-1);
        QTest::newRow("206, total unknown") << 206 << QByteArray("bytes 0-99/*") << QByteArray("100") << QByteArray() << P::PlainGet << qint64(-1);
        QTest::newRow("206, length disagrees") << 206 << QByteArray("bytes 0-99/100") << QByteArray("99") << QByteArray() << P::PlainGet << qint64(-1);
        QTest::newRow("206 compressed") << 206 << QByteArray("bytes 0-99/100") << QByteArray("100") << QByteArray("gzip") << P::PlainGet << qint64(-1);
        QTest::newRow("206, no Content-Range") << 206 << QByteArray() << QByteArray("100") << QByteArray() << P::PlainGet << qint64(-1);
        QTest::newRow("200 with a length") << 200 << QByteArray() << QByteArray("12345") << QByteArray() << P::Stream << qint64(12345);
        QTest::newRow("200 without") << 200 << QByteArray() << QByteArray() << QByteArray() << P::Stream << qint64(-1);
        QTest::newRow("200, length nonsense") << 200 << QByteArray() << QByteArray("-5") << QByteArray() << P::Invalid << qint64(-1);
        QTest::newRow("416") << 416 << QByteArray("bytes */0") << QByteArray() << QByteArray() << P::PlainGet << qint64(-1);
        QTest::newRow("404") << 404 << QByteArray() << QByteArray() << QByteArray() << P::Refused << qint64(-1);
        QTest::newRow("503") << 503 << QByteArray() << QByteArray() << QByteArray() << P::Refused << qint64(-1);
        QTest::newRow("302 on its way") << 302 << QByteArray() << QByteArray() << QByteArray() << P::NotYet << qint64(-1);
    }

    void pathFromTheAnswer()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentRange);
        QFETCH(QByteArray, contentLength);
        QFETCH(QByteArray, encoding);
        QFETCH(ProbeResult::Path, path);
        QFETCH(qint64, total);
        QList<std::pair<QByteArray, QByteArray>> headers { { "etag", "\"v1\"" }, { "Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT" } };
        if (!contentRange.isEmpty())
            headers.append({ "Content-Range", contentRange });
        if (!contentLength.isEmpty())
            headers.append({ "content-length", contentLength });
        if (!encoding.isEmpty())
            headers.append({ "Content-Encoding", encoding });
        const ProbeResult r = judge(answer(status, headers));
        QCOMPARE(r.path, path);
        if (path == ProbeResult::Path::Ranged || path == ProbeResult::Path::Stream) {
            QCOMPARE(r.identity.total, total);
            QCOMPARE(r.identity.etag, QByteArray("\"v1\"")); // header names in any case
            QCOMPARE(r.identity.lastModified, QByteArray("Tue, 01 Dec 2026 10:00:00 GMT"));
        }
        if (path == ProbeResult::Path::Ranged)
            QVERIFY(r.probeEnd > 0 && r.probeEnd <= kPiece && r.probeEnd <= r.identity.total);
        if (path == ProbeResult::Path::Invalid)
            QVERIFY(r.reason.contains("invalid Content-Length"));
    }

    // Two Content-Lengths (or Content-Ranges) that disagree are no usable answer.
    void repeatedHeadersAreJoinedAsQtDoes()
    {
        QCOMPARE(judge(answer(200, { { "Content-Length", "10" }, { "content-length", "20" } })).path, ProbeResult::Path::Invalid);
        QCOMPARE(judge(answer(206, { { "Content-Range", "bytes 0-9/10" }, { "Content-Range", "bytes 0-9/20" } })).path,
                 ProbeResult::Path::PlainGet);
    }

    // Asked without a range, only a 200 leads on; a 206 or a 416 is the server's fault.
    void aPlainGetTakesOnlyA200()
    {
        QCOMPARE(judge(answer(200, { { "Content-Length", "10" } }), true).path, ProbeResult::Path::Stream);
        QCOMPARE(judge(answer(206, { { "Content-Range", "bytes 0-9/10" } }), true).path, ProbeResult::Path::Refused);
        QCOMPARE(judge(answer(416, {}), true).path, ProbeResult::Path::Refused);
        QCOMPARE(judge(answer(301, {}, true), true).path, ProbeResult::Path::Refused); // a redirect Qt did not follow
    }

    // A control file is continued only for exactly the same remote file, and only when the
    // data file holds what it claims.
    void resumeOnlyTheSameVersion()
    {
        ControlState saved;
        saved.mode = ControlState::Mode::Ranged;
        saved.totalSize = 4 * kPiece;
        saved.pieceSize = kPiece;
        saved.etag = "W/\"v1\"";
        saved.lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
        PieceMap pieces(saved.totalSize, saved.pieceSize);
        pieces.setComplete(0);
        pieces.setComplete(2);
        saved.completedBitset = pieces.toBitset();
        RemoteIdentity remote { saved.totalSize, saved.etag, saved.lastModified, {} };
        QString why;
        QVERIFY(canResume(saved, remote, 3 * kPiece, &why));
        QVERIFY(!canResume(saved, remote, 3 * kPiece - 1, &why)); // piece 2 is not all there
        QVERIFY(why.contains("shorter"));
        RemoteIdentity weakChanged = remote;
        weakChanged.etag = "W/\"v2\""; // weak validators count too, compared exactly
        QVERIFY(!canResume(saved, weakChanged, 4 * kPiece, &why));
        QVERIFY(why.contains("ETag"));
        RemoteIdentity lostDate = remote;
        lostDate.lastModified.clear(); // a validator that vanished is no proof of sameness
        QVERIFY(!canResume(saved, lostDate, 4 * kPiece, &why));
        RemoteIdentity resized = remote;
        resized.total += 1;
        QVERIFY(!canResume(saved, resized, 4 * kPiece, &why));
        QVERIFY(why.contains("size"));
        ControlState stream = saved;
        stream.mode = ControlState::Mode::Stream;
        QVERIFY(!canResume(stream, remote, 4 * kPiece, &why));
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
