// bytehaul-cli through QProcess: exit codes, messages and the file it writes.
#include "testhelpers.h"
#include "testserver.h"

#include "engine/controlfile.h"
#include "engine/piecemap.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace bytehaul;
using namespace bytehaul::test;

class TestCli final : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // The server lives in this thread: wait with the event loop running, never block it.
    Result runCli(const QStringList &args, const QString &workDir = {})
    {
        QProcess p;
        if (!workDir.isEmpty())
            p.setWorkingDirectory(workDir);
        QSignalSpy spy(&p, &QProcess::finished);
        p.start(QStringLiteral(BYTEHAUL_CLI_PATH), args);
        if (!p.waitForStarted(10000))
            return {};
        for (int i = 0; i < 600 && p.state() != QProcess::NotRunning; ++i)
            spy.wait(100);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
        return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    }

private slots:
    void downloadsAndExitsZero()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(12 * 1024 * 1024, 77);
        r.bytesPerSecond = 8 * 1024 * 1024; // long enough for all four to overlap
        server.setResource("/data.bin", r);
        QTemporaryDir dir;
        const Result res = runCli({ "-c", "4", "-d", dir.path(), server.url("/data.bin") });
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("data.bin")), sha256(r.data));
        QVERIFY2(res.out.contains("Completed"), res.out.constData());
        QCOMPARE(server.maxConcurrentConnections(), 4);
    }

    void connectionsGrowByDefaultAndAGivenCountStays()
    {
        // A server that caps each connection (as CDNs do): without -c the CLI starts with 8 and
        // adds more while they help; with -c 8 it keeps exactly 8.
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(64 * 1024 * 1024, 78);
        r.bytesPerSecond = 1024 * 1024;
        server.setResource("/capped.bin", r);
        QTemporaryDir dir;
        const Result grown = runCli({ "-q", "-d", dir.path(), server.url("/capped.bin") });
        QCOMPARE(grown.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("capped.bin")), sha256(r.data));
        QVERIFY2(server.maxBusyConnections() > 8, qPrintable(QString::number(server.maxBusyConnections())));
        QVERIFY2(server.maxBusyConnections() <= 16, qPrintable(QString::number(server.maxBusyConnections())));

        TestServer exact;
        exact.setResource("/capped.bin", r);
        QTemporaryDir other;
        const Result kept = runCli({ "-q", "-c", "8", "-d", other.path(), exact.url("/capped.bin") });
        QCOMPARE(kept.exitCode, 0);
        QCOMPARE(fileSha256(other.filePath("capped.bin")), sha256(r.data));
        QCOMPARE(exact.maxConcurrentConnections(), 8);
    }

    void outputOptionAndInputFile()
    {
        TestServer server;
        Resource a, b;
        a.data = TestServer::makeData(100000, 1);
        b.data = TestServer::makeData(200000, 2);
        server.setResource("/a", a);
        server.setResource("/b", b);
        QTemporaryDir dir;
        QCOMPARE(runCli({ "-q", "-o", dir.filePath("named.out"), server.url("/a") }).exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("named.out")), sha256(a.data));
        QFile list(dir.filePath("urls.txt"));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write((server.url("/a") + "\n# comment\n\n" + server.url("/b") + "\n").toUtf8());
        list.close();
        QDir().mkpath(dir.filePath("many"));
        const Result res = runCli({ "-i", list.fileName(), "-d", dir.filePath("many"), "-j", "2" });
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("many/a")), sha256(a.data));
        QCOMPARE(fileSha256(dir.filePath("many/b")), sha256(b.data));
    }

    void failedDownloadExitsOneAndSaysWhy()
    {
        TestServer server;
        QTemporaryDir dir;
        const Result res = runCli({ "-d", dir.path(), server.url("/nope") });
        QCOMPARE(res.exitCode, 1);
        QVERIFY2(res.err.contains("404"), res.err.constData());
        QVERIFY2(res.err.contains(server.url("/nope").toUtf8()), res.err.constData());
        // Every line is ours: none of Qt's internal warnings, and the last one names the URL.
        const QList<QByteArray> lines = res.err.trimmed().split('\n');
        for (const QByteArray &line : lines)
            QVERIFY2(!QRegularExpression("^Q[A-Za-z]+(::\\w+)+:").match(QString::fromUtf8(line)).hasMatch(), line.constData());
        QVERIFY2(lines.last().contains(server.url("/nope").toUtf8()), res.err.constData());
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no URL?") << QStringList {} << QByteArray("No URL");
        QTest::newRow("65 connections?") << QStringList { "-c", "65", "http://127.0.0.1/x" } << QByteArray("connections");
        QTest::newRow("bad size suffix?") << QStringList { "--piece-size", "12Q", "http://127.0.0.1/x" }
                                          << QByteArray("piece-size");
        QTest::newRow("not http?") << QStringList { "ftp://example/x" } << QByteArray("Not an http");
        QTest::newRow("-o with two URLs?") << QStringList { "-o", "f", "http://127.0.0.1/a", "http://127.0.0.1/b" }
                                           << QByteArray("one URL");
        QTest::newRow("malformed header?") << QStringList { "--header", "novalue", "http://127.0.0.1/a" }
                                           << QByteArray("Name: value");
        QTest::newRow("unknown option?") << QStringList { "--frobnicate", "http://127.0.0.1/a" }
                                         << QByteArray("frobnicate");
        QTest::newRow("checksum without hex?") << QStringList { "--checksum", "sha256=xyz", "http://127.0.0.1/a" }
                                               << QByteArray("checksum");
        QTest::newRow("proxy of an unknown kind?") << QStringList { "--proxy", "ftp://p:1", "http://127.0.0.1/a" }
                                                   << QByteArray("--proxy");
        QTest::newRow("negative retries?") << QStringList { "--max-retries", "-1", "http://127.0.0.1/a" }
                                           << QByteArray("max-retries");
        QTest::newRow("missing CA file?") << QStringList { "--ca-certificate", "/nonexistent.pem", "http://127.0.0.1/a" }
                                          << QByteArray("CA certificate");
        QTest::newRow("zero save interval?") << QStringList { "--save-interval", "0", "http://127.0.0.1/a" }
                                             << QByteArray("save-interval");
        // Input that once slipped through: a header injected through the User-Agent, a header
        // name with a space (sent verbatim, and the server lost the Range after it), an empty
        // or folder -o, a memory budget of a terabyte.
        QTest::newRow("CR LF in the user agent?") << QStringList { "--user-agent", "ua\r\nInjected: 1", "http://127.0.0.1/a" }
                                                  << QByteArray("--user-agent");
        QTest::newRow("LF in the user agent?") << QStringList { "--user-agent", "ua\nInjected: 1", "http://127.0.0.1/a" }
                                               << QByteArray("--user-agent");
        QTest::newRow("space in a header name?") << QStringList { "--header", "Bad Name: v", "http://127.0.0.1/a" }
                                                 << QByteArray("--header");
        QTest::newRow("control character in a header?") << QStringList { "--header", "X-A: a\x01b", "http://127.0.0.1/a" }
                                                        << QByteArray("--header");
        QTest::newRow("empty -o?") << QStringList { "-o", "", "http://127.0.0.1/a" } << QByteArray("needs a file name");
        QTest::newRow("-o a folder?") << QStringList { "-o", "/tmp", "http://127.0.0.1/a" } << QByteArray("is a folder");
        QTest::newRow("-o a folder with ..?") << QStringList { "-o", "/tmp/x/..", "http://127.0.0.1/a" }
                                              << QByteArray("is a folder");
        QTest::newRow("-o ending in a slash?") << QStringList { "-o", "newdir/", "http://127.0.0.1/a" }
                                               << QByteArray("needs a file name");
        QTest::newRow("memory budget of 1T?") << QStringList { "--memory-budget", "1T", "http://127.0.0.1/a" }
                                              << QByteArray("memory-budget");
        QTest::newRow("memory budget of 64G?") << QStringList { "--memory-budget", "64G", "http://127.0.0.1/a" }
                                               << QByteArray("memory-budget");
    }

    // A bad --proxy is refused without printing its password (found by review).
    void badProxyNeverPrintsItsPassword()
    {
        for (const QString &proxy : { QStringLiteral("ftp://user:SECRETPW@127.0.0.1:1"), QStringLiteral("http://user:SECRET PW@") }) {
            const Result res = runCli({ "--proxy", proxy, "http://127.0.0.1:1/a" });
            QCOMPARE(res.exitCode, 2);
            QVERIFY2(res.err.contains("--proxy") && !res.err.contains("SECRET"), res.err.constData());
        }
    }

    // -o with .. is normalised before the name is taken: "sub/x/../f.bin" is sub/f.bin.
    void outputPathIsNormalised()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(300000, 8);
        server.setResource("/a", r);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("sub/x"));
        const Result res = runCli({ "-q", "-o", "sub/x/../f.bin", server.url("/a") }, dir.path());
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("sub/f.bin")), sha256(r.data));
        QVERIFY(!QFile::exists(dir.filePath("f.bin")));
    }

    // -o naming a file that exists: the old file is left alone, and stderr says where the
    // download went, even with -q, so a script never hashes the old file unawares.
    void existingOutputFileIsSaidEvenWhenQuiet()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(300000, 9);
        server.setResource("/a", r);
        QTemporaryDir dir;
        QFile old(dir.filePath("out.bin"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the user's own file");
        old.close();
        const Result res = runCli({ "-q", "-o", dir.filePath("out.bin"), server.url("/a") });
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("out.bin")), sha256("the user's own file"));
        QCOMPARE(fileSha256(dir.filePath("out (1).bin")), sha256(r.data));
        QVERIFY2(res.err.contains("out (1).bin") && res.err.contains("out.bin"), res.err.constData());
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Result res = runCli(args);
        QCOMPARE(res.exitCode, 2);
        QVERIFY2(res.err.contains(message), res.err.constData());
    }

    void interruptSavesAndTheSameCommandResumes()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * 1024 * 1024, 88);
        r.bytesPerSecond = 2 * 1024 * 1024;
        server.setResource("/big.iso", r);
        QTemporaryDir dir;
        const QStringList args = { "-c", "4", "-d", dir.path(), "--save-interval", "0.2", server.url("/big.iso") };
        QProcess p;
        QSignalSpy spy(&p, &QProcess::finished);
        p.start(QStringLiteral(BYTEHAUL_CLI_PATH), args);
        QVERIFY(p.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("big.iso.bytehaul")), 20000);
        p.terminate(); // SIGTERM, like Ctrl+C
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAllStandardError().contains("Run the same command again"));
        const ControlFileResult saved = loadControlFile(dir.filePath("big.iso.bytehaul"));
        QVERIFY2(saved.state.has_value(), qPrintable(saved.error));
        QVERIFY(saved.state->cleanStop);

        server.resource("/big.iso").bytesPerSecond = 0;
        const Result res = runCli(args);
        QCOMPARE(res.exitCode, 0);
        QVERIFY2(res.out.contains("Resumed"), res.out.constData());
        QCOMPARE(fileSha256(dir.filePath("big.iso")), sha256(r.data));
        QVERIFY(!QFile::exists(dir.filePath("big.iso.bytehaul")));
    }

    // -o naming an existing file saves as "out (1).bin"; interrupted, the same command finds
    // "out (1).bin" again and continues it (found by review: a third copy was started).
    void renamedOutputIsFoundAgainByTheSameCommand()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * 1024 * 1024, 89);
        r.bytesPerSecond = 2 * 1024 * 1024;
        server.setResource("/o.bin", r);
        QTemporaryDir dir;
        QFile old(dir.filePath("out.bin"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the user's own file");
        old.close();
        const QStringList args = { "-q", "-c", "2", "--save-interval", "0.2", "-o", dir.filePath("out.bin"), server.url("/o.bin") };
        QProcess p;
        p.start(QStringLiteral(BYTEHAUL_CLI_PATH), args);
        QVERIFY(p.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("out (1).bin.bytehaul")), 20000);
        p.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
        QCOMPARE(p.exitCode(), 3);
        server.resource("/o.bin").bytesPerSecond = 0;
        const Result res = runCli(args);
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("out (1).bin")), sha256(r.data));
        QVERIFY(!QFile::exists(dir.filePath("out (2).bin")) && !QFile::exists(dir.filePath("out (2).bin.part")));
        QCOMPARE(fileSha256(dir.filePath("out.bin")), sha256("the user's own file"));
    }

    // Two processes on one file: the second (even with --no-resume) is refused while the first
    // runs, and never adopts or truncates the first one's live file.
    void aSecondProcessNeverTakesALiveFile()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(12 * 1024 * 1024, 89);
        r.bytesPerSecond = 2 * 1024 * 1024;
        server.setResource("/shared.iso", r);
        QTemporaryDir dir;
        const QStringList args = { "-c", "2", "-d", dir.path(), "--save-interval", "0.2", server.url("/shared.iso") };
        QProcess first;
        QSignalSpy spy(&first, &QProcess::finished);
        first.start(QStringLiteral(BYTEHAUL_CLI_PATH), args);
        QVERIFY(first.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("shared.iso.bytehaul")), 20000);
        for (const QStringList &second : { args, QStringList { "--no-resume" } + args }) {
            const Result res = runCli(second);
            QCOMPARE(res.exitCode, 1);
            QVERIFY2(res.err.contains("already being downloaded by another bytehaul process"), res.err.constData());
            QVERIFY(first.state() == QProcess::Running);
        }
        QVERIFY(!QFile::exists(dir.filePath("shared (1).iso.part"))); // no second copy either
        server.resource("/shared.iso").bytesPerSecond = 0;
        QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 60000);
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(fileSha256(dir.filePath("shared.iso")), sha256(r.data));
        // Once it is finished, the file is free again: a new run saves a second copy beside it.
        QCOMPARE(runCli(args).exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("shared (1).iso")), sha256(r.data));
    }

    // Run 1 ranged and stopped; run 2 finds the server ignoring Range, restarts the file from
    // zero as one stream and is killed before its first save; run 3 (ranges back) must not trust
    // run 1's control file over run 2's bytes.
    void aStaleControlFileNeverOutlivesARestartFromZero()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(16 * 1024 * 1024, 90);
        r.bytesPerSecond = 2 * 1024 * 1024;
        server.setResource("/s.iso", r);
        QTemporaryDir dir;
        const QString control = dir.filePath("s.iso.bytehaul");
        const QStringList args = { "-c", "4", "-d", dir.path(), server.url("/s.iso") };
        {
            QProcess p;
            p.start(QStringLiteral(BYTEHAUL_CLI_PATH), args);
            QVERIFY(p.waitForStarted(10000));
            QTRY_VERIFY_WITH_TIMEOUT(loadControlFile(control).state.has_value(), 20000);
            p.terminate();
            QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
        }
        QVERIFY(loadControlFile(control).state->mode == ControlState::Mode::Ranged);
        server.resource("/s.iso").honorRange = false;
        {
            QProcess p;
            p.start(QStringLiteral(BYTEHAUL_CLI_PATH), QStringList { "--save-interval", "600" } + args);
            QVERIFY(p.waitForStarted(10000));
            // The stream has started over (the old control file is gone), nothing saved yet.
            QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(control), 20000);
            p.kill();
            QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
        }
        server.resource("/s.iso").honorRange = true;
        server.resource("/s.iso").bytesPerSecond = 0;
        const Result res = runCli(args);
        QCOMPARE(res.exitCode, 0);
        // Run 2's orphaned .part (no control file says it is ours) is left alone; every finished
        // file holds exactly the server's bytes.
        int finished = 0;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
            if (name.endsWith(".part") || name.endsWith(".bytehaul"))
                continue;
            ++finished;
            QCOMPARE(fileSha256(dir.filePath(name)), sha256(r.data));
        }
        QCOMPARE(finished, 1);
    }

    // SIGKILL at random moments, ten times, then a clean finish: byte-identical, progress never
    // goes back, and each crash costs at most one save interval of traffic plus what was in
    // flight.
    void survivesTenCrashes()
    {
        constexpr qint64 size = 24 * 1024 * 1024;
        constexpr qint64 perConnection = 1024 * 1024; // bytes per second
        constexpr int connections = 4;
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(size, 99);
        r.bytesPerSecond = perConnection;
        server.setResource("/crash.bin", r);
        QTemporaryDir dir;
        const QString control = dir.filePath("crash.bin.bytehaul");
        const QStringList args = { "-q", "-c", QString::number(connections), "-d", dir.path(), "--save-interval", "0.2",
                                   server.url("/crash.bin") };
        // One save interval of traffic, plus what Qt and the kernel hold per connection, plus
        // the probe's first piece, which is asked for again at every start.
        const qint64 allowance = qint64(0.2 * perConnection * connections) + connections * 512 * 1024 + 1024 * 1024;
        const auto durableNow = [&] { return std::max<qint64>(0, durableBytes(control)); };
        qint64 durable = 0;
        for (int cycle = 0; cycle < 10; ++cycle) {
            const qint64 sentBefore = server.bodyBytesSent();
            QProcess p;
            QSignalSpy spy(&p, &QProcess::finished);
            p.start(QStringLiteral(BYTEHAUL_CLI_PATH), args);
            QVERIFY(p.waitForStarted(10000));
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(control) || p.state() == QProcess::NotRunning, 20000);
            QTest::qWait(100 + QRandomGenerator::global()->bounded(400));
            QVERIFY2(p.state() == QProcess::Running, "finished too early: the file should be larger");
            p.kill(); // SIGKILL: no chance to save
            QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 10000);
            const qint64 now = durableNow();
            QVERIFY2(now >= durable, qPrintable(QStringLiteral("cycle %1: durable progress went back from %2 to %3")
                                                    .arg(cycle).arg(durable).arg(now)));
            const qint64 served = server.bodyBytesSent() - sentBefore;
            QVERIFY2(served <= now - durable + allowance,
                     qPrintable(QStringLiteral("cycle %1: served %2 bytes for %3 new durable ones")
                                    .arg(cycle).arg(served).arg(now - durable)));
            durable = now;
        }
        QVERIFY(durable > 0);
        const qint64 sentBefore = server.bodyBytesSent();
        // Still throttled: "sent" counts what the server wrote, and at full loopback speed an
        // aborted connection (a split) would count kernel buffers the client never read.
        server.resource("/crash.bin").bytesPerSecond = 4 * perConnection;
        const Result res = runCli(args);
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("crash.bin")), sha256(r.data));
        QVERIFY(server.bodyBytesSent() - sentBefore <= size - durable + allowance);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void checksumAndNoResume()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(2 * 1024 * 1024, 66);
        server.setResource("/sum.bin", r);
        QTemporaryDir dir;
        const QByteArray good = QCryptographicHash::hash(r.data, QCryptographicHash::Sha256).toHex();
        QCOMPARE(runCli({ "-q", "-d", dir.path(), "--checksum", "sha256=" + good, server.url("/sum.bin") }).exitCode, 0);
        const Result bad = runCli({ "-q", "-d", dir.filePath("b"), "--checksum", "sha256=" + QString(64, '0'),
                                    server.url("/sum.bin") });
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("mismatch") && bad.err.contains(good), bad.err.constData());
    }

    void httpsWithAnExtraCa()
    {
        TestServer server(nullptr, true);
        Resource r;
        r.data = TestServer::makeData(3 * 1024 * 1024, 67);
        server.setResource("/s.bin", r);
        QTemporaryDir dir;
        const Result refused = runCli({ "-q", "-d", dir.path(), "--max-retries", "0", server.url("/s.bin") });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("secure connection failed"), refused.err.constData());
        const Result ok = runCli({ "-q", "-d", dir.path(), "--ca-certificate", TestServer::tlsCertificatePath(),
                                   server.url("/s.bin") });
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("s.bin")), sha256(r.data));
    }

    void proxyAndCookies()
    {
        TestServer proxy; // answers absolute-URI requests, as a forward proxy would
        Resource r;
        r.data = TestServer::makeData(3 * 1024 * 1024, 68);
        proxy.setResource("/via-proxy.bin", r);
        QTemporaryDir dir;
        QFile cookies(dir.filePath("cookies.txt"));
        QVERIFY(cookies.open(QIODevice::WriteOnly));
        cookies.write("# Netscape HTTP Cookie File\n"
                      "files.example.invalid\tFALSE\t/\tFALSE\t0\tsession\tabc123\n"
                      "#HttpOnly_.example.invalid\tTRUE\t/\tFALSE\t4102444800\ttheme\tdark\n"
                      "other.invalid\tFALSE\t/\tFALSE\t0\tnot\tsent\n");
        cookies.close();
        // The host does not exist: only the proxy can answer, so nothing leaves this machine.
        const Result res = runCli({ "-q", "-c", "2", "-d", dir.path(), "--proxy", proxy.url(""), "--load-cookies",
                                    cookies.fileName(), "http://files.example.invalid/via-proxy.bin" });
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath("via-proxy.bin")), sha256(r.data));
        QVERIFY(!proxy.requests().isEmpty());
        for (const RequestLog &req : proxy.requests()) {
            QVERIFY(req.proxied);
            const QByteArray cookie = req.headers.value("cookie");
            QVERIFY2(cookie.contains("session=abc123") && cookie.contains("theme=dark") && !cookie.contains("not="),
                     cookie.constData());
        }
        const Result bad = runCli({ "--load-cookies", dir.filePath("urls-not-cookies.txt"), "http://127.0.0.1/x" });
        QCOMPARE(bad.exitCode, 2);
    }

    void versionAndHelp()
    {
        const Result v = runCli({ "--version" });
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("bytehaul-cli "));
        const Result h = runCli({ "--help" });
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--connections"));
    }

    void headersAndUserAgentReachTheServer()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(1000, 5);
        server.setResource("/h", r);
        QTemporaryDir dir;
        const Result res = runCli({ "-q", "-d", dir.path(), "--header", "X-Token: abc", "--user-agent", "tester/1",
                                    server.url("/h") });
        QCOMPARE(res.exitCode, 0);
        QCOMPARE(server.requests().first().headers.value("x-token"), QByteArray("abc"));
        QCOMPARE(server.requests().first().headers.value("user-agent"), QByteArray("tester/1"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
