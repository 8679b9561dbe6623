// A server that lies, fails and stalls: every case ends in a byte-identical file, or in a
// clear error with nothing written from a bad answer.
#include "engine/downloadmanager.h"
#include "engine/piececrcs.h"
#include "engine/urlreplacer.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <memory>
#include <QSet>
#include <QTest>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {
constexpr qint64 MiB = 1024 * 1024;
using FaultFn = std::function<Fault(int, int)>;

DownloadSnapshot runDownload(TestServer &server, const QString &path, const QString &dir, int connections = 4)
{
    DownloadManager manager;
    DownloadOptions o = fastOptions(connections);
    o.retry.maxRetries = 4;
    manager.setDefaultOptions(o);
    DownloadRequest request;
    request.url = QUrl(server.url(path));
    request.outputDir = dir;
    return waitFinished(manager, manager.add(request));
}

// One download of `path` through a manager the test set up (its options, what it learned).
DownloadSnapshot fetch(DownloadManager &manager, TestServer &server, const QString &path, const QString &dir,
                       int timeoutMs = 60000)
{
    DownloadRequest request;
    request.url = QUrl(server.url(path));
    request.outputDir = dir;
    return waitFinished(manager, manager.add(request), timeoutMs);
}
} // namespace

Q_DECLARE_METATYPE(FaultFn)

class TestFaults final : public QObject
{
    Q_OBJECT
private slots:
    void lyingServerStillGivesTheRightBytes_data()
    {
        QTest::addColumn<FaultFn>("fault");
        QTest::addColumn<int>("connections");
        const auto at = [](int which, Fault f) { return FaultFn([which, f](int i, int) { return i == which ? f : Fault {}; }); };
        Fault f;
        f.ignoreRange = true;
        QTest::newRow("200 to a Range request mid-download?") << at(2, f) << 4;
        f = {};
        f.shiftRange = 1000;
        QTest::newRow("206 with a shifted Content-Range?") << at(2, f) << 4;
        f = {};
        f.extraLength = 4096;
        QTest::newRow("Content-Length longer than the range?") << at(2, f) << 4;
        f = {};
        f.cutAfter = 100000;
        QTest::newRow("body shorter than declared?") << at(2, f) << 4;
        f = {};
        f.contentEncoding = "gzip";
        QTest::newRow("gzip on a range?") << at(3, f) << 4;
        f = {};
        f.status = 503;
        f.retryAfter = "0";
        QTest::newRow("503 with Retry-After for the first three requests?")
            << FaultFn([f](int i, int) { return i < 3 ? f : Fault {}; }) << 4;
        f.status = 429;
        f.retryAfter = QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1();
        QTest::newRow("429 with an HTTP-date Retry-After?") << at(1, f) << 4;
        QTest::newRow("server allows two connections, 6 asked: continue with fewer?") << FaultFn() << 6;
    }
    void lyingServerStillGivesTheRightBytes()
    {
        QFETCH(FaultFn, fault);
        QFETCH(int, connections);
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(10 * MiB + 333, 61);
        r.fault = fault;
        if (!fault)
            r.maxConnections = 2;
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        const DownloadSnapshot s = runDownload(server, "/f.bin", dir.path(), connections);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
    }

    // A server that allows four connections, asked for eight: the limit is learned from the
    // refusals once the four are answered, and the download goes on with those four instead
    // of retrying the others into more 503s. A second download from the server in the same
    // engine starts within the limit (on the connections left open) and is refused nothing.
    void aConnectionLimitIsLearnedOnce()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 71);
        r.bytesPerSecond = 4 * MiB; // keeps them all busy together
        r.maxConnections = 4;
        server.setResource("/f.bin", r);
        r.data = TestServer::makeData(16 * MiB, 72);
        server.setResource("/g.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(8);
        o.retry.maxRetries = 4;
        manager.setDefaultOptions(o);
        DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(server.resource("/f.bin").data));
        const int refused = server.refusedConnections();
        QVERIFY(refused >= 1); // the server did refuse: the limit was there to learn
        // At most two for each of the four extra connections (one while the others were still
        // being answered), where retrying them refused 20.
        QVERIFY2(refused <= 8, qPrintable(QStringLiteral("%1 connections refused").arg(refused)));
        s = fetch(manager, server, QStringLiteral("/g.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(server.resource("/g.bin").data));
        QCOMPARE(server.refusedConnections(), refused);
    }

    // A connection that stops delivering mid-download (headers, then nothing) is noticed
    // against its own speed, dropped, and its range asked for again on a new connection. (The
    // engine before left it hanging until the end game raced its segment, or the read timeout,
    // here two minutes, longer than the test waits.)
    void aStalledConnectionIsReplacedQuickly()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(96 * MiB, 73); // six seconds: the end game comes later
        r.bytesPerSecond = 4 * MiB;
        r.stallRequest = 6; // headers, then nothing: noticed after 3 s (no first byte yet)
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(4);
        o.readTimeout = std::chrono::minutes(2);
        manager.setDefaultOptions(o);
        const DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(server.connectionCount() >= 5, "the stalled connection was never replaced");
    }

    // A connection that stops in the middle of an answer (it had been delivering 4 MiB/s) is
    // noticed against its own speed within about a second, well before the end game could
    // race it, and replaced by a new connection.
    void aConnectionStalledMidAnswerIsReplaced()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(32 * MiB, 74); // 2 s at 4 x 4 MiB/s
        r.bytesPerSecond = 4 * MiB;
        r.fault = [](int i, int) {
            Fault f;
            if (i == 6)
                f.stallAfter = 256 * 1024;
            return f;
        };
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(4);
        o.readTimeout = std::chrono::minutes(2);
        manager.setDefaultOptions(o);
        const DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(server.connectionCount() >= 5, "the stalled connection was never replaced");
    }

    // Found by an adversarial review of the pipelined workers. A server that sends its headers
    // at once and its body 0.7 s later is slow, not stalled: the download completes (it failed
    // after 12 connections, each dropped for a "stall" before its first byte).
    void aSlowFirstByteIsNotAStall()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 88);
        r.bytesPerSecond = 4 * MiB;
        r.bodyDelayMs = 700;
        r.bodyDelayFrom = 4;
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(2);
        o.retry.baseDelay = std::chrono::milliseconds(1000);
        o.retry.maxDelay = std::chrono::milliseconds(30000);
        manager.setDefaultOptions(o);
        const DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path(), 120000);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QCOMPARE(server.connectionCount(), 2);
    }

    // A silence before an answer's first byte is judged by how long this server's answers took
    // to start (about a second when they start at once). A server that starts thinking longer
    // mid-download (1.5 s before every body from request 4 on) costs each connection one
    // reconnection at most: the wait it is judged by grows, so there is no retry storm.
    void aServerThatStartsThinkingCostsOneReconnectionPerConnection()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 89);
        r.bytesPerSecond = 4 * MiB;
        r.bodyDelayMs = 1500;
        r.bodyDelayFrom = 4;
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(2);
        o.retry.baseDelay = std::chrono::milliseconds(1000);
        o.retry.maxDelay = std::chrono::milliseconds(30000);
        manager.setDefaultOptions(o);
        const DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path(), 120000);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        qInfo("connections: %d", server.connectionCount());
        QVERIFY2(server.connectionCount() <= 4, qPrintable(QString::number(server.connectionCount())));
    }

    // A server that thinks longer than the 3 s allowed without history, before every body from
    // the first on: each drop makes the next wait longer, so it costs one reconnection, not
    // every retry (found by review: the wait grew only once there was history).
    void aServerThinkingBeforeEveryBodyCostsOneReconnection()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(2 * MiB, 93);
        r.bytesPerSecond = 8 * MiB;
        r.bodyDelayMs = 3300;
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(1);
        o.retry.maxRetries = 2;
        manager.setDefaultOptions(o);
        const DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path(), 120000);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(server.connectionCount() <= 2, qPrintable(QString::number(server.connectionCount())));
    }

    // A same-file check whose answer is cut short learnt nothing: it is a failed request,
    // retried, not "other content" (which starts a download over from zero, or refuses a
    // replaced address). Here Qt reports the close; in tst_faults::soak it reported none for a
    // kept-alive connection's short body (seen with instrumentation in 6 of 8 runs: a needless
    // restart from zero each, and a failure after six), which this test does not reproduce.
    void aCutShortCheckIsNotOtherContent()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(1 * MiB, 94);
        r.fault = [](int i, int) {
            Fault f;
            if (i > 0)
                f.cutAfter = 3000;
            return f;
        };
        server.setResource("/f.bin", r);
        // On a connection kept alive from an earlier answer, as the download's checks are (on
        // a fresh one Qt does report the close).
        QNetworkAccessManager nam;
        QNetworkRequest first(QUrl(server.url(QStringLiteral("/f.bin"))));
        first.setRawHeader("Range", "bytes=0-99");
        QNetworkReply *warm = nam.get(first);
        QSignalSpy warmed(warm, &QNetworkReply::finished);
        QVERIFY(warmed.wait(10000));
        warm->deleteLater();
        UrlReplacer check(&nam, fastOptions(1));
        UrlReplacer::Known known;
        known.total = r.data.size();
        known.sameUrl = true;
        known.samples.append({ 0, 16384, PieceCrcs::compute(r.data.left(16384)) });
        QSignalSpy finished(&check, &UrlReplacer::finished);
        check.start(QUrl(server.url(QStringLiteral("/f.bin"))), known);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(!check.contentDiffers(), qPrintable(finished.at(0).at(1).toString()));
    }

    // One passing 503 on a new connection is not the server's limit: the next download from
    // it still gets its connections (it was capped at one for the rest of the run).
    void onePassing503IsNotALimit()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 85);
        r.bytesPerSecond = 4 * MiB;
        r.fault = [](int i, int) {
            Fault f;
            if (i == 1) {
                f.status = 503;
                f.retryAfter = "0";
            }
            return f;
        };
        server.setResource("/f.bin", r);
        Resource g;
        g.data = TestServer::makeData(16 * MiB, 86);
        g.bytesPerSecond = 4 * MiB;
        server.setResource("/g.bin", g);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        const qsizetype before = server.requests().size();
        s = fetch(manager, server, QStringLiteral("/g.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(g.data));
        QSet<int> connections;
        for (qsizetype i = before; i < server.requests().size(); ++i)
            connections.insert(server.requests().at(i).connection);
        QCOMPARE(connections.size(), 2);
    }

    // An HTTP/1.0 server (closes after each answer; Qt does not pipeline to it): the right
    // bytes. (Each worker asks ahead once, on a connection of its own, before it stops.)
    void anHttp10ServerGivesTheRightBytes()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(24 * MiB, 84);
        r.bytesPerSecond = 4 * MiB;
        r.http10 = true;
        server.setResource("/f.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        const DownloadSnapshot s = fetch(manager, server, QStringLiteral("/f.bin"), dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
    }

    void badAnswersEndInAClearError_data()
    {
        QTest::addColumn<FaultFn>("fault");
        QTest::addColumn<bool>("honorRange");
        QTest::addColumn<QString>("expected");
        Fault f;
        f.rawContentLength = "4611686018427387904";
        QTest::newRow("Content-Length of 2^62?") << FaultFn([f](int, int) { return f; }) << false << "Content-Length";
        f.rawContentLength = "12abc";
        QTest::newRow("malformed Content-Length?") << FaultFn([f](int, int) { return f; }) << false << "invalid Content-Length";
        f = {};
        f.status = 302;
        QTest::newRow("redirect without Location?") << FaultFn([f](int, int) { return f; }) << true << "redirect";
        f.location = "/loop";
        QTest::newRow("redirect loop?") << FaultFn([f](int, int) { return f; }) << true << "redirects";
        f = {};
        f.status = 403;
        QTest::newRow("403 is not retried?") << FaultFn([f](int, int) { return f; }) << true << "forbidden";
    }
    void badAnswersEndInAClearError()
    {
        QFETCH(FaultFn, fault);
        QFETCH(bool, honorRange);
        QFETCH(QString, expected);
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(2 * MiB, 62);
        r.honorRange = honorRange;
        r.fault = fault;
        server.setResource("/loop", r);
        QTemporaryDir dir;
        const DownloadSnapshot s = runDownload(server, "/loop", dir.path());
        QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
        QVERIFY2(s.error.contains(expected, Qt::CaseInsensitive), qPrintable(s.error));
        qInfo("%s: %s (%d requests)", QTest::currentDataTag(), qPrintable(s.error), int(server.requests().size()));
        // No endless retrying: a redirect loop stops after 10 hops (11 requests), for the probe
        // and for at most one plain GET.
        QVERIFY2(server.requests().size() <= 22, qPrintable(QString::number(server.requests().size())));
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY(QFileInfo(dir.filePath(name)).size() <= 2 * MiB); // no huge allocation on disk
    }

    void noRangeServerRestartsHonestlyAfterADrop()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(5 * MiB, 65);
        r.honorRange = false;
        r.dropAfterBytes = 1 * MiB; // the first two answers break off
        r.dropCount = 2;
        server.setResource("/plain.bin", r);
        QTemporaryDir dir;
        const DownloadSnapshot s = runDownload(server, "/plain.bin", dir.path());
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(s.note.contains("restarts from the beginning"), qPrintable(s.note));
        // Two broken answers, then the whole one; on a loaded machine a read timeout may add a
        // fourth (seen once under ctest -j2), never more.
        QVERIFY2(server.requests().size() >= 3 && server.requests().size() <= 4,
                 qPrintable(QString::number(server.requests().size())));
    }

    void tlsIsVerifiedAndAnExtraCaCanBeTrusted()
    {
        TestServer server(nullptr, true);
        Resource r;
        r.data = TestServer::makeData(6 * MiB, 64);
        r.bytesPerSecond = 4 * MiB; // slow enough to see the connections side by side
        server.setResource("/secure.bin", r);
        QTemporaryDir dir;
        // Unknown issuer: refused, with the reason in words, and nothing written.
        const DownloadSnapshot refused = runDownload(server, "/secure.bin", dir.path());
        QCOMPARE(stateName(refused.state), stateName(DownloadState::Failed));
        QVERIFY2(refused.error.contains("secure connection failed"), qPrintable(refused.error));
        QCOMPARE(int(refused.errorCode), int(ErrorCode::TlsFailed)); // the window says: add an extra CA
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        // The same server, its certificate trusted explicitly: checked, and accepted.
        QFile pem(TestServer::tlsCertificatePath());
        QVERIFY(pem.open(QIODevice::ReadOnly));
        DownloadManager manager;
        DownloadOptions o = fastOptions(4);
        o.extraCaCertificates = { pem.readAll() };
        manager.setDefaultOptions(o);
        DownloadRequest request;
        request.url = QUrl(server.url("/secure.bin"));
        request.outputDir = dir.path();
        const DownloadSnapshot s = waitFinished(manager, manager.add(request));
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY(s.multiConnection); // HTTPS too gets real parallel connections (no HTTP/2)
        QCOMPARE(server.maxConcurrentConnections(), 4);
        // The same manager, the extra CA no longer trusted: refused, although connections that
        // were verified with it are still open and warm in the manager's pool.
        manager.setDefaultOptions(fastOptions(4));
        QTemporaryDir other;
        request.outputDir = other.path();
        const DownloadSnapshot untrusted = waitFinished(manager, manager.add(request));
        QCOMPARE(stateName(untrusted.state), stateName(DownloadState::Failed));
        QCOMPARE(int(untrusted.errorCode), int(ErrorCode::TlsFailed));
        QVERIFY(QDir(other.path()).entryList(QDir::Files).isEmpty());
    }

    void retryingStopsAtTheTimeBudget()
    {
        TestServer server;
        Resource r;
        r.fault = [](int, int) {
            Fault f;
            f.status = 503;
            return f;
        };
        server.setResource("/busy", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions();
        o.retry.maxRetries = 100000; // only the time budget can stop it
        o.retry.baseDelay = std::chrono::milliseconds(20);
        o.retry.maxDelay = std::chrono::milliseconds(40);
        o.retry.maxElapsed = std::chrono::milliseconds(400);
        manager.setDefaultOptions(o);
        DownloadRequest request;
        request.url = QUrl(server.url("/busy"));
        request.outputDir = dir.path();
        const DownloadSnapshot s = waitFinished(manager, manager.add(request), 20000);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
        QVERIFY2(s.error.contains("503"), qPrintable(s.error));
        QVERIFY(server.requests().size() < 200);
    }

    void deadServerFailsWithinTheStallBudgetAndKeepsTheData()
    {
        // The server goes away mid-download: the row must not say "Downloading" forever. It
        // says it is retrying (no stale speed), then fails within the budget, keeping the data.
        auto server = std::make_unique<TestServer>();
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 31);
        r.bytesPerSecond = 1 * MiB;
        server->setResource("/dies.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(2);
        o.retry.maxRetries = 100000; // only the stall budget can stop it
        o.retry.maxStall = std::chrono::milliseconds(1500);
        o.saveInterval = std::chrono::milliseconds(200);
        manager.setDefaultOptions(o);
        bool sawRetry = false, staleSpeed = false;
        connect(&manager, &DownloadManager::downloadChanged, this, [&](const DownloadSnapshot &s) {
            if (s.retryInMs >= 0) {
                sawRetry = true;
                staleSpeed |= s.speed > 0 || s.etaSeconds >= 0;
            }
        });
        DownloadRequest request;
        request.url = QUrl(server->url("/dies.bin"));
        request.outputDir = dir.path();
        const DownloadId id = manager.add(request);
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 1 * MiB, 30000);
        server.reset(); // killed: connections cut, the port refuses
        const DownloadSnapshot s = waitFinished(manager, id, 60000);
        QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
        QVERIFY2(s.error.contains("No data"), qPrintable(s.error));
        QVERIFY(sawRetry);
        QVERIFY(!staleSpeed);
        QVERIFY(s.done > 1 * MiB);
        QVERIFY(QFile::exists(dir.filePath("dies.bin.part"))); // unfinished: recognisable on disk
        QVERIFY(!QFile::exists(dir.filePath("dies.bin")));
        QVERIFY(QFile::exists(dir.filePath("dies.bin.bytehaul"))); // Resume continues from here
    }

    void httpsToHttpRedirectIsRefused()
    {
        TestServer plain;
        Resource r;
        r.data = TestServer::makeData(1 * MiB, 71);
        plain.setResource("/f.bin", r);
        TestServer tls(nullptr, true);
        tls.addRedirect("/f.bin", plain.url("/f.bin").toLatin1());
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions();
        QFile pem(TestServer::tlsCertificatePath());
        QVERIFY(pem.open(QIODevice::ReadOnly));
        o.extraCaCertificates = { pem.readAll() };
        manager.setDefaultOptions(o);
        DownloadRequest request;
        request.url = QUrl(tls.url("/f.bin"));
        request.outputDir = dir.path();
        const DownloadSnapshot s = waitFinished(manager, manager.add(request));
        QCOMPARE(stateName(s.state), stateName(DownloadState::Failed));
        QVERIFY2(s.error.contains("https to http"), qPrintable(s.error));
        QVERIFY(plain.requests().isEmpty()); // never followed
    }

    void credentialsAreUsedButNeverStoredInClear()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(6 * MiB, 72);
        r.basicAuth = "alice:s3cr3t-pass";
        r.bytesPerSecond = 2 * MiB;
        server.setResource("/private.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        DownloadRequest request;
        QUrl url(server.url("/private.bin"));
        url.setUserName("alice");
        url.setPassword("s3cr3t-pass");
        request.url = url;
        request.outputDir = dir.path();
        const DownloadId id = manager.add(request);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("private.bin.bytehaul")), 20000);
        QVERIFY(pauseAndWait(manager, id));
        QFile control(dir.filePath("private.bin.bytehaul"));
        QVERIFY(control.open(QIODevice::ReadOnly));
        const QByteArray saved = control.readAll();
        QVERIFY(!saved.contains("s3cr3t") && !saved.contains("alice"));
        QVERIFY(saved.contains("/private.bin"));
        control.close();
        server.resource("/private.bin").bytesPerSecond = 0;
        manager.resume(id);
        const DownloadSnapshot s = waitFinished(manager, id);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY(!s.note.contains("s3cr3t") && !s.error.contains("s3cr3t"));
    }

    // A few hundred random faults during one download: it still ends byte-identical.
    void soak()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * MiB, 63);
        // Every answer after the probe is faulty; data arrives only in answers cut short after
        // at most 256 KiB, so a few hundred faults happen before the file is whole.
        auto faults = std::make_shared<int>(0);
        r.fault = [faults](int i, int) {
            Fault f;
            if (i == 0)
                return f; // let the probe through, so the download goes multi-connection
            QRandomGenerator *rng = QRandomGenerator::global();
            ++*faults;
            switch (rng->bounded(4)) {
            case 0: f.status = 503; f.retryAfter = "0"; break;
            case 1: f.ignoreRange = true; break;
            case 2: f.shiftRange = 1 + rng->bounded(5000); break;
            default: f.cutAfter = rng->bounded(256 * 1024); break;
            }
            return f;
        };
        server.setResource("/soak.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        DownloadOptions o = fastOptions(8);
        o.retry.maxRetries = 1000; // faults are the point here; attempts with progress reset the count
        o.pieceSize = 256 * 1024;
        o.minSegmentSize = 64 * 1024;
        manager.setDefaultOptions(o);
        DownloadRequest request;
        request.url = QUrl(server.url("/soak.bin"));
        request.outputDir = dir.path();
        const DownloadSnapshot s = waitFinished(manager, manager.add(request), 120000);
        QVERIFY2(s.state == DownloadState::Completed, qPrintable(s.error));
        QCOMPARE(fileSha256(s.filePath), sha256(r.data));
        QVERIFY2(*faults >= 200, qPrintable(QString::number(*faults)));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
