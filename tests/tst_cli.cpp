// bytehaul-cli through QProcess: exit codes, messages and the file it writes.
#include "testhelpers.h"
#include "testserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Result res = runCli(args);
        QCOMPARE(res.exitCode, 2);
        QVERIFY2(res.err.contains(message), res.err.constData());
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
