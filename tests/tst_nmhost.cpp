// bytehaul-nmhost, the browser extension's native-messaging host, as the browser runs it: a
// process with framed JSON on stdin and stdout. Against a stand-in instance (this process
// listening on the socket) for the framing and the answers, and against the real bytehaul
// window (offscreen) for a capture that must land byte-exact with the browser's cookie.
#include "gui/browserintegration.h"
#include "gui/singleinstance.h"
#include "nmhost/nativemessaging.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <QtEndian>

#include <csignal>

#include <signal.h>

using namespace bytehaul;
using namespace bytehaul::app;
using namespace bytehaul::test;

namespace {

QByteArray nativeBytes(const QByteArray &json)
{
    QByteArray out(4, Qt::Uninitialized);
    qToUnaligned<quint32>(quint32(json.size()), out.data());
    return out + json;
}

// Waits (running this thread's event loop: the stand-in instance lives here) for one answer.
QJsonObject readAnswer(QProcess &host, QByteArray &buffer, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        buffer += host.readAllStandardOutput();
        QJsonObject answer;
        qsizetype used = 0;
        QString error;
        const NativeResult result = takeNativeFrame(buffer, &answer, &used, &error);
        if (result == NativeResult::Complete) {
            buffer.remove(0, used);
            return answer;
        }
        if (result != NativeResult::Incomplete)
            return { { QStringLiteral("unreadable"), error } };
        QTest::qWait(20);
    }
    return {};
}

// The bytehaul the host started (detached, so not our child): found by its program and its HOME,
// since other tests may run bytehaul windows of their own at the same time.
qint64 findApp(const QString &home)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        QFile environ(QStringLiteral("/proc/%1/environ").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly) || !environ.open(QIODevice::ReadOnly))
            continue;
        if (cmdline.readAll().startsWith(BYTEHAUL_APP_PATH)
            && environ.readAll().split('\0').contains("HOME=" + QFile::encodeName(home)))
            return pid;
    }
    return 0;
}

bool waitExit(QProcess &p, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (p.state() != QProcess::NotRunning && clock.elapsed() < ms)
        QTest::qWait(20);
    return p.state() == QProcess::NotRunning;
}

QJsonObject captureRequest(const QString &url)
{
    return { { QStringLiteral("type"), QStringLiteral("capture") },
             { QStringLiteral("url"), url },
             { QStringLiteral("referrer"), QStringLiteral("http://127.0.0.1/page.html") },
             { QStringLiteral("fileName"), QStringLiteral("from browser.bin") },
             { QStringLiteral("userAgent"), QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1") },
             { QStringLiteral("cookies"),
               QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("sid") },
                                          { QStringLiteral("value"), QStringLiteral("s3cr3t-cookie") } },
                            QJsonObject { { QStringLiteral("name"), QStringLiteral("lang") },
                                          { QStringLiteral("value"), QStringLiteral("en") } } } } };
}

} // namespace

class TestNmHost final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString socketPath() const { return m_dir.filePath(QStringLiteral("instance.socket")); }
    QString configHome() const { return m_dir.filePath(QStringLiteral("config")); }
    // bytehaul's settings file as the window writes it (QSettings, native format).
    QString settingsFile() const { return configHome() + QStringLiteral("/bytehaul/bytehaul.conf"); }

    // The host with a socket of our own and, to start when nobody answers, a script that only
    // notes that it ran (and with which arguments).
    void startHost(QProcess &host, const QString &gui = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BYTEHAUL_INSTANCE_SOCKET"), socketPath());
        env.insert(QStringLiteral("BYTEHAUL_GUI"), gui.isEmpty() ? m_dir.filePath(QStringLiteral("fake-gui.sh")) : gui);
        // bytehaul's settings (the capture rules) from this test's folder, not the user's.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        host.setProcessEnvironment(env);
        host.start(QStringLiteral(BYTEHAUL_NMHOST_PATH), { QStringLiteral("chrome-extension://test/") });
        QVERIFY(host.waitForStarted(10000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile script(m_dir.filePath(QStringLiteral("fake-gui.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/gui-started\"\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("gui-started")));
        QFile::remove(socketPath());
        QFile::remove(settingsFile()); // bytehaul's defaults
    }

    // bytehaul busy (or slow to start) past the browser's deadline: the host answers within the
    // deadline, and bytehaul, when it gets to the message, does not take it: the browser has
    // kept its own download, so taking it would make the file twice (found by review: a
    // stopped window took it 5 s later).
    void aBusyBytehaulTakesNothingAfterTheDeadline()
    {
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        bool delivered = false;
        instance.setHandler([&delivered](const InstanceMessage &) -> QJsonObject {
            delivered = true;
            return { { QStringLiteral("ok"), true }, { QStringLiteral("id"), 3 } };
        });
        QString refused;
        connect(&instance, &SingleInstance::lateCaptureRefused, this, [&refused](const QString &url) { refused = url; });
        QProcess host;
        startHost(host);
        QJsonObject request = captureRequest(QStringLiteral("https://example.org/busy.iso"));
        request.insert(QStringLiteral("deadlineMs"), 800);
        host.write(nativeBytes(QJsonDocument(request).toJson()));
        // This "bytehaul" is busy: its event loop does not run until the host has answered (a
        // blocking wait on the host's output alone), so the message waits past its expiry.
        QVERIFY(host.waitForBytesWritten(10000));
        QVERIFY(host.waitForReadyRead(20000));
        QByteArray buffer;
        const QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("in time")),
                 qPrintable(answer.value(QStringLiteral("error")).toString()));
        // Now it reads the message, and refuses it.
        QTRY_COMPARE_WITH_TIMEOUT(refused, QStringLiteral("https://example.org/busy.iso"), 10000);
        QVERIFY(!delivered);
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
    }

    // The rules in bytehaul's Preferences decide what the browser hands over, in the host,
    // with bytehaul not running: what they leave out is answered "skipped" and starts nothing;
    // a user's explicit "Download with bytehaul" passes them. The popup reads them ("config").
    void theRulesInBytehaulsSettingsDecide()
    {
        {
            QSettings settings(settingsFile(), QSettings::IniFormat);
            CaptureRules rules;
            rules.types = CaptureRules::parseTypes(QStringLiteral(".ISO, zip"));
            rules.minBytes = 1 << 20;
            writeCaptureRules(settings, rules);
        }
        QProcess host;
        startHost(host);
        QByteArray buffer;
        host.write(nativeBytes("{\"type\": \"config\"}"));
        QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("types")).toArray(), (QJsonArray { QStringLiteral("iso"), QStringLiteral("zip") }));
        QCOMPARE(answer.value(QStringLiteral("minBytes")).toInteger(), 1 << 20);

        const auto ask = [&](const QString &url, const QString &fileName, qint64 size, bool explicitly) {
            QJsonObject request = captureRequest(url);
            request.insert(QStringLiteral("fileName"), fileName);
            request.insert(QStringLiteral("totalBytes"), size);
            request.insert(QStringLiteral("explicit"), explicitly);
            request.insert(QStringLiteral("deadlineMs"), 300);
            host.write(nativeBytes(QJsonDocument(request).toJson()));
            return readAnswer(host, buffer);
        };
        answer = ask(QStringLiteral("https://example.org/page.html"), QStringLiteral("page.html"), 5 << 20, false);
        QCOMPARE(answer.value(QStringLiteral("skipped")).toBool(), true);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("type")));
        answer = ask(QStringLiteral("https://example.org/small.iso"), QStringLiteral("small.iso"), 4096, false);
        QCOMPARE(answer.value(QStringLiteral("skipped")).toBool(), true);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("smaller")));
        // The name the browser gives counts (Content-Disposition), not the address's.
        answer = ask(QStringLiteral("https://example.org/get?id=4"), QStringLiteral("/home/u/Downloads/Disk.ISO"), -1, false);
        QVERIFY(!answer.value(QStringLiteral("skipped")).toBool());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("gui-started")))); // wanted: bytehaul was started
        QFile::remove(m_dir.filePath(QStringLiteral("gui-started")));

        // Nothing skipped started bytehaul; an explicit request for a page does.
        answer = ask(QStringLiteral("https://example.org/page.html"), QStringLiteral("page.html"), 5 << 20, false);
        QCOMPARE(answer.value(QStringLiteral("skipped")).toBool(), true);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("gui-started"))));
        answer = ask(QStringLiteral("https://example.org/page.html"), QStringLiteral("page.html"), 5 << 20, true);
        QVERIFY(!answer.value(QStringLiteral("skipped")).toBool());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("gui-started"))));

        // Switched off in bytehaul: nothing is taken, the popup is told.
        {
            QSettings settings(settingsFile(), QSettings::IniFormat);
            CaptureRules rules = readCaptureRules(settings);
            rules.enabled = false;
            writeCaptureRules(settings, rules);
        }
        host.write(nativeBytes("{\"type\": \"config\"}"));
        QCOMPARE(readAnswer(host, buffer).value(QStringLiteral("enabled")).toBool(true), false);
        answer = ask(QStringLiteral("https://example.org/big.iso"), QStringLiteral("big.iso"), 5 << 20, false);
        QCOMPARE(answer.value(QStringLiteral("skipped")).toBool(), true);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("switched off")));
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
    }

    // A capture waiting in bytehaul's Add dialog: the browser asks what became of it. Nobody
    // running means the dialog is gone: "unknown", and bytehaul is not started for it.
    void theOutcomeOfADialogIsAskedWithoutStartingBytehaul()
    {
        QProcess host;
        startHost(host);
        QByteArray buffer;
        host.write(nativeBytes("{\"type\": \"outcome\", \"token\": \"0b6c-77\"}"));
        QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("unknown"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("gui-started"))));
        host.write(nativeBytes("{\"type\": \"outcome\", \"token\": \"../../etc\"}"));
        QVERIFY(readAnswer(host, buffer).value(QStringLiteral("error")).toString().contains(QStringLiteral("token")));
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        QString asked;
        instance.setHandler([&asked](const InstanceMessage &m) -> QJsonObject {
            asked = m.outcomeToken;
            return { { QStringLiteral("ok"), true }, { QStringLiteral("state"), QStringLiteral("added") } };
        });
        host.write(nativeBytes("{\"type\": \"outcome\", \"token\": \"0b6c-77\"}"));
        answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("added"));
        QCOMPARE(asked, QStringLiteral("0b6c-77"));
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
    }

    // "Download all links with bytehaul": the page's http(s) links (no mailto:, no duplicates)
    // reach bytehaul with the page as referrer and each site's cookies for that site only.
    void aPagesLinksReachBytehaul()
    {
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        std::optional<BrowserLinks> seen;
        instance.setHandler([&seen](const InstanceMessage &m) -> QJsonObject {
            seen = m.links;
            return { { QStringLiteral("ok"), true }, { QStringLiteral("links"), double(m.links ? m.links->links.size() : -1) } };
        });
        QProcess host;
        startHost(host);
        const auto link = [](const char *url, const char *text) {
            return QJsonObject { { QStringLiteral("url"), QLatin1String(url) }, { QStringLiteral("text"), QLatin1String(text) } };
        };
        const auto cookie = [](const char *name, const char *value) {
            return QJsonObject { { QStringLiteral("name"), QLatin1String(name) }, { QStringLiteral("value"), QLatin1String(value) } };
        };
        const QJsonObject request {
            { QStringLiteral("type"), QStringLiteral("links") },
            { QStringLiteral("page"), QStringLiteral("https://site.example/list.html") },
            { QStringLiteral("userAgent"), QStringLiteral("TestBrowser/2") },
            { QStringLiteral("links"), QJsonArray { link("https://site.example/a.iso", " Disc\n image "), link("mailto:x@site.example", "mail"),
                                                    link("https://cdn.example:8443/b.zip", "archive"), link("https://site.example/a.iso", "again"),
                                                    link("javascript:void(0)", "js") } },
            { QStringLiteral("cookies"), QJsonArray { QJsonObject { { QStringLiteral("url"), QStringLiteral("https://site.example/a.iso") },
                                                                    { QStringLiteral("cookies"), QJsonArray { cookie("sid", "1"), cookie("t", "2") } } },
                                                      QJsonObject { { QStringLiteral("url"), QStringLiteral("https://cdn.example:8443/b.zip") },
                                                                    { QStringLiteral("cookies"), QJsonArray { cookie("edge", "9") } } } } },
        };
        host.write(nativeBytes(QJsonDocument(request).toJson()));
        QByteArray buffer;
        const QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("links")).toInt(), 2);
        QVERIFY(seen.has_value());
        QCOMPARE(seen->links.size(), 2);
        QCOMPARE(seen->links[0].url, QStringLiteral("https://site.example/a.iso"));
        QCOMPARE(seen->links[0].text, QStringLiteral("Disc image"));
        QCOMPARE(seen->pageUrl, QStringLiteral("https://site.example/list.html"));
        QCOMPARE(seen->userAgent, QByteArray("TestBrowser/2"));
        QCOMPARE(seen->cookieHeaderFor(QStringLiteral("https://site.example/other/c.bin")), QByteArray("sid=1; t=2"));
        QCOMPARE(seen->cookieHeaderFor(QStringLiteral("https://cdn.example:8443/b.zip")), QByteArray("edge=9"));
        QCOMPARE(seen->cookieHeaderFor(QStringLiteral("https://cdn.example/b.zip")), QByteArray()); // another port
        QCOMPARE(seen->cookieHeaderFor(QStringLiteral("http://site.example/a.iso")), QByteArray()); // not over plain http
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
    }

    // A request written in pieces is one request; its answer is bytehaul's, with the id.
    void aCaptureInPiecesIsForwardedAndAcknowledged()
    {
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        std::optional<BrowserCapture> seen;
        instance.setHandler([&seen](const InstanceMessage &m) -> QJsonObject {
            seen = m.capture;
            return { { QStringLiteral("ok"), true }, { QStringLiteral("id"), 42 } };
        });
        QProcess host;
        startHost(host);
        QJsonObject request = captureRequest(QStringLiteral("https://example.org/f.iso"));
        request.insert(QStringLiteral("deadlineMs"), 5000); // in time: taken
        const QByteArray bytes = nativeBytes(QJsonDocument(request).toJson());
        for (qsizetype at = 0; at < bytes.size(); at += 7) { // the length itself split too
            host.write(bytes.mid(at, 7));
            host.waitForBytesWritten(1000);
            QTest::qWait(1);
        }
        QByteArray buffer;
        const QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("id")).toInt(), 42);
        QVERIFY(seen.has_value());
        QCOMPARE(seen->url, QStringLiteral("https://example.org/f.iso"));
        QCOMPARE(seen->cookieHeader, QByteArray("sid=s3cr3t-cookie; lang=en"));
        QCOMPARE(seen->referrer, QStringLiteral("http://127.0.0.1/page.html"));
        QCOMPARE(seen->userAgent, QByteArray("Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1"));
        QCOMPARE(seen->fileName, QStringLiteral("from browser.bin"));
        QVERIFY(seen->expiresAtMs > QDeadlineTimer::current().deadline()); // taken before the browser gives up
        host.closeWriteChannel(); // the browser is done: the host ends quietly
        QVERIFY(waitExit(host, 10000));
        QCOMPARE(host.exitCode(), 0);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("gui-started")))); // it was running
    }

    // Malformed JSON gets an error answer and the host goes on; a refusal by bytehaul is passed
    // on; a request bytehaul would refuse (not http, a cookie that could split a header) is
    // answered by the host without starting anything.
    void badRequestsGetErrorAnswers()
    {
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        instance.setHandler([](const InstanceMessage &) -> QJsonObject {
            return { { QStringLiteral("ok"), false }, { QStringLiteral("error"), QStringLiteral("refused by the test") } };
        });
        QProcess host;
        startHost(host);
        QByteArray buffer;
        host.write(nativeBytes("{\"type\": \"capture\", \"url\": "));
        QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("malformed")),
                 qPrintable(answer.value(QStringLiteral("error")).toString()));
        host.write(nativeBytes("[1, 2]"));
        answer = readAnswer(host, buffer);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("not a JSON object")));
        host.write(nativeBytes(QJsonDocument(captureRequest(QStringLiteral("https://example.org/x"))).toJson()));
        answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("error")).toString(), QStringLiteral("refused by the test"));
        QJsonObject ftp = captureRequest(QStringLiteral("ftp://example.org/x"));
        host.write(nativeBytes(QJsonDocument(ftp).toJson()));
        answer = readAnswer(host, buffer);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("not http(s)")));
        QJsonObject split = captureRequest(QStringLiteral("https://example.org/x"));
        split.insert(QStringLiteral("cookies"), QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("a") },
                                                                           { QStringLiteral("value"), QStringLiteral("b\r\nX-Evil: 1") } } });
        host.write(nativeBytes(QJsonDocument(split).toJson()));
        answer = readAnswer(host, buffer);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("cookie")));
        host.write(nativeBytes("{\"type\": \"format-disk\"}"));
        answer = readAnswer(host, buffer);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("unknown request type")));
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
        QCOMPARE(host.exitCode(), 0);
    }

    // A frame longer than allowed cannot be skipped safely: one error answer, then the host
    // ends. A stream cut in the middle of a frame ends it with an error code.
    void oversizedAndCutFramesEndTheHost()
    {
        QProcess host;
        startHost(host);
        QByteArray header(4, Qt::Uninitialized);
        qToUnaligned<quint32>(quint32(64 << 20), header.data());
        host.write(header);
        QByteArray buffer;
        const QJsonObject answer = readAnswer(host, buffer);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("too large")));
        QVERIFY(waitExit(host, 10000));
        QCOMPARE(host.exitCode(), 1);

        QProcess cut;
        startHost(cut);
        cut.write(nativeBytes("{\"type\": \"ping\"}").left(10));
        cut.closeWriteChannel();
        QVERIFY(waitExit(cut, 10000));
        QCOMPARE(cut.exitCode(), 1);
        QCOMPARE(cut.readAllStandardOutput(), QByteArray()); // nothing but frames, ever
    }

    // Nobody running: a ping says so without starting anything; a capture starts bytehaul in
    // the tray and waits for its socket, then forwards.
    void aCaptureStartsBytehaulWhenNoneRuns()
    {
        QProcess host;
        startHost(host);
        QByteArray buffer;
        host.write(nativeBytes("{\"type\": \"ping\"}"));
        QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("running")).toBool(true), false);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("gui-started"))));

        host.write(nativeBytes(QJsonDocument(captureRequest(QStringLiteral("https://example.org/f.iso"))).toJson()));
        // The fake bytehaul only notes that it ran; this test then plays the started instance.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(QStringLiteral("gui-started"))), 10000);
        QFile started(m_dir.filePath(QStringLiteral("gui-started")));
        QVERIFY(started.open(QIODevice::ReadOnly));
        QCOMPARE(started.readAll().trimmed(), QByteArray("--minimized"));
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        instance.setHandler([](const InstanceMessage &) -> QJsonObject {
            return { { QStringLiteral("ok"), true }, { QStringLiteral("id"), 7 } };
        });
        answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("id")).toInt(), 7);
        QCOMPARE(answer.value(QStringLiteral("started")).toBool(), true);
        host.write(nativeBytes("{\"type\": \"ping\"}"));
        answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("running")).toBool(), true);
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
    }

    // The extension keeps the browser's own download when no answer comes within its budget;
    // so the host delivers nothing after the deadline it was given (else: the file twice).
    void nothingIsDeliveredAfterTheDeadline()
    {
        QProcess host;
        startHost(host); // the fake bytehaul never opens the socket
        QJsonObject request = captureRequest(QStringLiteral("https://example.org/late.iso"));
        request.insert(QStringLiteral("deadlineMs"), 600);
        host.write(nativeBytes(QJsonDocument(request).toJson()));
        QByteArray buffer;
        const QJsonObject answer = readAnswer(host, buffer);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("did not answer within 600 ms")),
                 qPrintable(answer.value(QStringLiteral("error")).toString()));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("gui-started"))));
        // bytehaul comes up now: the host, having answered, hands it nothing.
        SingleInstance instance(socketPath());
        QVERIFY(instance.listen());
        bool delivered = false;
        instance.setHandler([&delivered](const InstanceMessage &) -> QJsonObject {
            delivered = true;
            return { { QStringLiteral("ok"), true } };
        });
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));
        QTest::qWait(200);
        QVERIFY(!delivered);
    }

    // The whole way without the browser: the host starts the real bytehaul (offscreen), which
    // downloads with the browser's cookie (the server answers 403 without it), referrer and
    // User-Agent, under the browser's file name, and never writes the cookie to its saved queue.
    void theRealWindowDownloadsWithTheBrowsersCookie()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(3 * 1024 * 1024 + 5, 91);
        r.requireCookie = "sid=s3cr3t-cookie";
        server.setResource("/protected.bin", r);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("BYTEHAUL_INSTANCE_SOCKET"));
        env.insert(QStringLiteral("BYTEHAUL_GUI"), QStringLiteral(BYTEHAUL_APP_PATH));
        QDir().mkpath(home.filePath(QStringLiteral("runtime")));
        QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QDir().mkpath(home.filePath(QStringLiteral("Downloads")));
        // Whatever happens below, the window this test caused to start does not outlive it.
        struct Guard
        {
            QString home;
            qint64 pid = -1;
            ~Guard()
            {
                if (pid != 0 && (pid = findApp(home)) > 0)
                    ::kill(pid_t(pid), SIGKILL);
            }
        } guard { home.path() };
        QProcess host;
        host.setProcessEnvironment(env);
        host.start(QStringLiteral(BYTEHAUL_NMHOST_PATH), {});
        QVERIFY(host.waitForStarted(10000));
        host.write(nativeBytes(QJsonDocument(captureRequest(server.url(QStringLiteral("/protected.bin")))).toJson()));
        QByteArray buffer;
        const QJsonObject answer = readAnswer(host, buffer, 30000);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(answer.value(QStringLiteral("id")).toInt() > 0);
        QCOMPARE(answer.value(QStringLiteral("started")).toBool(), true);
        host.closeWriteChannel();
        QVERIFY(waitExit(host, 10000));

        const QString file = home.filePath(QStringLiteral("Downloads/from browser.bin"));
        QTRY_VERIFY_WITH_TIMEOUT(fileSha256(file) == sha256(r.data), 30000);
        QVERIFY(!server.requests().isEmpty());
        for (const RequestLog &request : server.requests()) {
            QVERIFY(request.headers.value("cookie").contains("sid=s3cr3t-cookie"));
            QCOMPARE(request.headers.value("referer"), QByteArray("http://127.0.0.1/page.html"));
            QCOMPARE(request.headers.value("user-agent"), QByteArray("Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1"));
        }
        // Quit bytehaul cleanly (it saves its queue) and look for the cookie on disk.
        const qint64 pid = findApp(home.path());
        QVERIFY(pid > 0);
        guard.pid = 0;
        QProcess::execute(QStringLiteral("kill"), { QStringLiteral("-TERM"), QString::number(pid) });
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1").arg(pid)), 15000);
        QProcess grep;
        grep.start(QStringLiteral("grep"), { QStringLiteral("-r"), QStringLiteral("-l"), QStringLiteral("s3cr3t-cookie"), home.path() });
        grep.waitForFinished(10000);
        QCOMPARE(grep.readAllStandardOutput(), QByteArray()); // not in the queue, settings or control files
    }
};

QTEST_GUILESS_MAIN(TestNmHost)
#include "tst_nmhost.moc"
