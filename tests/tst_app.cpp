// The bytehaul executable as a person runs it: one instance per user, URLs handed over by a
// second start, a stale socket from a crashed instance replaced. Real processes, offscreen.
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QLocalSocket>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace bytehaul::test;

class TestApp final : public QObject
{
    Q_OBJECT

    QProcessEnvironment environment(const QTemporaryDir &home) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("HOME", home.path());
        env.insert("XDG_CONFIG_HOME", home.filePath(".config"));
        env.insert("XDG_DATA_HOME", home.filePath(".local/share"));
        env.insert("XDG_RUNTIME_DIR", home.filePath("runtime"));
        env.insert("USER", "bytehaul-test-" + QString::number(QCoreApplication::applicationPid()));
        QDir().mkpath(home.filePath("runtime"));
        QDir().mkpath(home.filePath("Downloads"));
        return env;
    }

    // The server lives in this thread: wait with the event loop running.
    static bool waitFinished(QProcess &p, int ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (p.state() != QProcess::NotRunning && clock.elapsed() < ms)
            QTest::qWait(50);
        return p.state() == QProcess::NotRunning;
    }

private slots:
    void secondStartHandsItsUrlsToTheFirst()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(2 * 1024 * 1024, 81);
        server.setResource("/handed-over.bin", r);
        QTemporaryDir home;
        const QProcessEnvironment env = environment(home);
        const QString name = "bytehaul-" + env.value("USER");

        QProcess first;
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(BYTEHAUL_APP_PATH), {});
        QVERIFY(first.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QLocalSocket probe;
            probe.connectToServer(name);
            return probe.waitForConnected(100);
        }(), 20000);

        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(BYTEHAUL_APP_PATH), { server.url("/handed-over.bin") });
        QVERIFY(waitFinished(second, 20000));
        QCOMPARE(second.exitCode(), 0); // handed over, and gone
        const QString file = home.filePath("Downloads/handed-over.bin");
        QTRY_VERIFY_WITH_TIMEOUT(fileSha256(file) == sha256(r.data), 30000); // the first one downloaded it

        // A crash leaves the socket behind; the next start notices nobody answers and takes over.
        first.kill();
        QVERIFY(waitFinished(first, 10000));
        QProcess third;
        third.setProcessEnvironment(env);
        third.start(QStringLiteral(BYTEHAUL_APP_PATH), {});
        QVERIFY(third.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QLocalSocket probe;
            probe.connectToServer(name);
            return probe.waitForConnected(100);
        }(), 20000);
        QProcess fourth;
        fourth.setProcessEnvironment(env);
        fourth.start(QStringLiteral(BYTEHAUL_APP_PATH), {});
        QVERIFY(waitFinished(fourth, 20000));
        QCOMPARE(fourth.exitCode(), 0);
        QVERIFY(third.state() == QProcess::Running);
        third.terminate(); // SIGTERM: a clean quit
        QVERIFY(waitFinished(third, 10000));
        QCOMPARE(third.exitStatus(), QProcess::NormalExit);
    }
};

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
