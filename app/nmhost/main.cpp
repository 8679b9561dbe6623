// bytehaul-nmhost: the browser extension's native-messaging host. The browser starts it (once
// per message with runtime.sendNativeMessage) and speaks the native framing on stdin/stdout
// (nmhost/nativemessaging.h). Each request goes to the running bytehaul over its
// single-instance socket (gui/singleinstance.h); when none runs, bytehaul is started in the
// tray and the request waits for its socket. Requests and answers:
//   {"type": "ping"}     -> {"ok": true, "running": bool, "version": "..."}
//   {"type": "capture", "url", "referrer", "fileName", "userAgent", "cookies": [{"name", "value"}]}
//                        -> {"ok": true, "id": N} or {"ok": false, "error": "..."}
// Only frames are written to stdout (anything else breaks the browser's side); a frame longer
// than allowed ends the host with an error answer, a malformed one gets an error answer.
// For tests: BYTEHAUL_INSTANCE_SOCKET names the socket, BYTEHAUL_GUI the program to start.
#include "gui/instancemessage.h"
#include "gui/singleinstance.h"
#include "nmhost/nativemessaging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#else
#include <cerrno>
#include <unistd.h>
#endif

using namespace bytehaul::app;

namespace {

constexpr int kStartWaitMs = 15000; // a cold start of bytehaul (tray only) until its socket answers

QString socketPath()
{
    const QString path = qEnvironmentVariable("BYTEHAUL_INSTANCE_SOCKET");
    return path.isEmpty() ? SingleInstance::defaultPath() : path;
}

QString guiProgram()
{
    QString program = qEnvironmentVariable("BYTEHAUL_GUI");
    if (program.isEmpty()) {
        // Beside this host (the .deb and the tarball install both in one bin/), else on PATH.
        const QFileInfo beside(QCoreApplication::applicationDirPath() + QStringLiteral("/bytehaul"));
        program = beside.isExecutable() ? beside.filePath() : QStringLiteral("bytehaul");
    }
    return program;
}

QJsonObject failure(const QString &error)
{
    return { { QStringLiteral("ok"), false }, { QStringLiteral("error"), error } };
}

QJsonObject capture(QJsonObject request)
{
    // The extension keeps the browser's own download if no answer comes within its budget: a
    // capture delivered after that would make the file twice. So nothing is delivered after
    // the deadline it gives (milliseconds from now; none: the start wait alone bounds it).
    QElapsedTimer sinceRequest;
    sinceRequest.start();
    const qint64 deadlineMs = std::clamp<qint64>(request.value(QStringLiteral("deadlineMs")).toInteger(kStartWaitMs), 0, kStartWaitMs);
    request.remove(QStringLiteral("type"));
    request.remove(QStringLiteral("deadlineMs"));
    const QJsonObject message { { QStringLiteral("capture"), request }, { QStringLiteral("raise"), false } };
    // Checked here first: a request bytehaul would refuse does not start it.
    InstanceMessage parsed;
    QString error;
    if (!toMessage(message, &parsed, &error))
        return failure(error);
    const QString path = socketPath();
    bool connected = false;
    QJsonObject reply = SingleInstance::request(path, message, 5000, &error, &connected);
    if (!reply.isEmpty() || connected)
        return reply.isEmpty() ? failure(error) : reply;
    // Nobody there: start bytehaul in the tray and wait for its socket.
    const QString program = guiProgram();
    if (!QProcess::startDetached(program, { QStringLiteral("--minimized") }))
        return failure(QStringLiteral("bytehaul is not running and %1 could not be started").arg(program));
    while (sinceRequest.elapsed() + 100 < deadlineMs) {
        QThread::msleep(100);
        reply = SingleInstance::request(path, message, 5000, &error, &connected);
        if (!reply.isEmpty() || connected)
            break;
    }
    if (reply.isEmpty())
        return failure(connected ? error : QStringLiteral("bytehaul was started but did not answer within %1 ms").arg(deadlineMs));
    reply.insert(QStringLiteral("started"), true);
    return reply;
}

QJsonObject handle(const QJsonObject &request)
{
    const QString type = request.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping")) {
        QString error;
        bool connected = false;
        // An empty list of addresses: a harmless message that only asks whether anybody is there.
        SingleInstance::request(socketPath(), { { QStringLiteral("urls"), QJsonArray() }, { QStringLiteral("raise"), false } },
                                2000, &error, &connected);
        return { { QStringLiteral("ok"), true }, { QStringLiteral("running"), connected },
                 { QStringLiteral("version"), QStringLiteral(BYTEHAUL_VERSION) } };
    }
    if (type == QLatin1String("capture"))
        return capture(request);
    return failure(QStringLiteral("unknown request type \"%1\"").arg(type.left(64)));
}

bool answer(const QJsonObject &reply)
{
    const QByteArray bytes = nativeFrame(reply);
    return std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size())
        && std::fflush(stdout) == 0;
}

} // namespace

int main(int argc, char **argv)
{
#ifdef Q_OS_WIN
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    QCoreApplication app(argc, argv); // the browser's arguments (the caller's origin) are not used
    QCoreApplication::setApplicationName(QStringLiteral("bytehaul-nmhost"));
    QByteArray buffer;
    char chunk[65536];
    for (;;) {
        for (;;) {
            QJsonObject request;
            qsizetype used = 0;
            QString error;
            const NativeResult result = takeNativeFrame(buffer, &request, &used, &error);
            if (result == NativeResult::Incomplete)
                break;
            if (result == NativeResult::Fatal) {
                answer(failure(error));
                return 1;
            }
            buffer.remove(0, used);
            if (!answer(result == NativeResult::Malformed ? failure(error) : handle(request)))
                return 1; // the browser went away
        }
        // What is there, not a full chunk (fread would wait for more than the browser sends).
#ifdef Q_OS_WIN
        const int n = _read(0, chunk, sizeof chunk);
#else
        const ssize_t n = ::read(0, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
#endif
        if (n <= 0)
            return buffer.isEmpty() ? 0 : 1; // the browser closed the pipe (mid-frame: an error)
        buffer.append(chunk, qsizetype(n));
    }
}
