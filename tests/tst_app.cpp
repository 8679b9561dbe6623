// The bytehaul executable as a person runs it: one instance per user, URLs handed over by a
// second start, a stale socket from a crashed instance replaced. Real processes, offscreen.
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

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
        env.remove("DISPLAY"); // the socket's name then carries no display
        env.remove("WAYLAND_DISPLAY");
        env.insert("USER", "bytehaul-test-" + QString::number(QCoreApplication::applicationPid()));
        QDir().mkpath(home.filePath("runtime"));
        QFile::setPermissions(home.filePath("runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QDir().mkpath(home.filePath("Downloads"));
        return env;
    }

    static bool answers(const QString &path)
    {
        QLocalSocket probe;
        probe.connectToServer(path);
        return probe.waitForConnected(100);
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
        const QString name = home.filePath("runtime/bytehaul.socket");

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

    // Two instances with different runtime directories (two users, two sessions) never see
    // each other: the second start downloads by itself instead of handing over.
    void differentRuntimeDirectoriesNeverMeet()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(1024 * 1024, 82);
        server.setResource("/own.bin", r);
        QTemporaryDir homeA, homeB;
        QProcess first, second;
        first.setProcessEnvironment(environment(homeA));
        first.start(QStringLiteral(BYTEHAUL_APP_PATH), {});
        QVERIFY(first.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(answers(homeA.filePath("runtime/bytehaul.socket")), 20000);
        second.setProcessEnvironment(environment(homeB));
        second.start(QStringLiteral(BYTEHAUL_APP_PATH), { server.url("/own.bin") });
        QVERIFY(second.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(fileSha256(homeB.filePath("Downloads/own.bin")) == sha256(r.data), 30000);
        QVERIFY(second.state() == QProcess::Running); // it became an instance of its own
        QVERIFY(answers(homeB.filePath("runtime/bytehaul.socket")));
        QVERIFY(!QFile::exists(homeA.filePath("Downloads/own.bin")));
        for (QProcess *p : { &first, &second }) {
            p->terminate();
            QVERIFY(waitFinished(*p, 10000));
        }
    }

    // A socket at the instance's path that belongs to another user is never handed anything
    // (it could be anyone's listener, receiving every URL and its tokens).
    void aForeignSocketIsNeverUsed()
    {
#ifdef Q_OS_UNIX
        if (::geteuid() != 0)
            QSKIP("needs root to give a socket to another user");
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(1024 * 1024, 83);
        server.setResource("/secret-token.bin", r);
        QTemporaryDir home;
        const QProcessEnvironment env = environment(home);
        QLocalServer impostor;
        impostor.setSocketOptions(QLocalServer::WorldAccessOption);
        QVERIFY(impostor.listen(home.filePath("runtime/bytehaul.socket")));
        QCOMPARE(::chown(QFile::encodeName(home.filePath("runtime/bytehaul.socket")).constData(), 65534, 65534), 0);
        int connections = 0;
        connect(&impostor, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket *s = impostor.nextPendingConnection()) {
                ++connections;
                s->deleteLater();
            }
        });
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(BYTEHAUL_APP_PATH), { server.url("/secret-token.bin") });
        QVERIFY(app.waitForStarted(10000));
        // It downloads by itself (without a single instance), and never spoke to the impostor.
        QTRY_VERIFY_WITH_TIMEOUT(fileSha256(home.filePath("Downloads/secret-token.bin")) == sha256(r.data), 30000);
        QCOMPARE(connections, 0);
        app.terminate();
        QVERIFY(waitFinished(app, 10000));
#else
        QSKIP("Unix sockets only");
#endif
    }

    // Malformed or oversized messages are answered with an error and dropped; the instance
    // stays up and still takes a good message.
    void badMessagesAreRefused()
    {
        QTemporaryDir home;
        QProcess app;
        app.setProcessEnvironment(environment(home));
        app.start(QStringLiteral(BYTEHAUL_APP_PATH), {});
        QVERIFY(app.waitForStarted(10000));
        const QString path = home.filePath("runtime/bytehaul.socket");
        QTRY_VERIFY_WITH_TIMEOUT(answers(path), 20000);
        const QList<QByteArray> bad {
            QByteArray("GET / HTTP/1.1\r\n\r\n"),
            QByteArray("BHI2\xff\xff\xff\xff", 8), // 4 GiB declared
            QByteArray("BHI2\x00\x00\x00\x05", 8) + "{\"url", // not JSON
            QByteArray("BHI2\x00\x00\x00\x02[]", 10), // not an object
            QByteArray("BHI2\x00\x00\x00\x0c{\"urls\":42}", 20), // no list
        };
        for (const QByteArray &message : bad) {
            QLocalSocket socket;
            socket.connectToServer(path);
            QVERIFY(socket.waitForConnected(2000));
            socket.write(message);
            QVERIFY(socket.waitForBytesWritten(2000));
            // An error frame, then the connection closes.
            QTRY_VERIFY2_WITH_TIMEOUT(socket.state() != QLocalSocket::ConnectedState || socket.bytesAvailable() > 0,
                                      message.toHex().constData(), 10000);
            const QByteArray reply = socket.readAll();
            QVERIFY2(reply.isEmpty() || reply.contains("\"ok\":false"), reply.constData());
        }
        QVERIFY(app.state() == QProcess::Running);
        QProcess second;
        second.setProcessEnvironment(environment(home));
        second.start(QStringLiteral(BYTEHAUL_APP_PATH), {});
        QVERIFY(waitFinished(second, 20000));
        QCOMPARE(second.exitCode(), 0); // handed over: the instance still listens
        app.terminate();
        QVERIFY(waitFinished(app, 10000));
    }
};

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
