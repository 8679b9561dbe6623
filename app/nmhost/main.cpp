// bytehaul-nmhost: the browser extension's native-messaging host. The browser starts it (once
// per message with runtime.sendNativeMessage) and speaks the native framing on stdin/stdout
// (nmhost/nativemessaging.h). Each request goes to the running bytehaul over its
// single-instance socket (gui/singleinstance.h); when none runs, bytehaul is started in the
// tray and the request waits for its socket. Requests and answers:
//   {"type": "ping"}     -> {"ok": true, "running": bool, "version": "..."}
//   {"type": "config"}   -> {"ok": true, "enabled", "types": [...], "minBytes", "askFirst"}
//                           (the capture rules from bytehaul's Preferences, gui/browserintegration.h)
//   {"type": "capture", "url", "referrer", "fileName", "userAgent", "cookies": [{"name", "value"}],
//    "totalBytes", "explicit", "deadlineMs"}
//                        -> {"ok": true, "id": N} (N = 0: the Add dialog is open with it),
//                           {"ok": false, "skipped": true, "error": why} (the rules leave it to
//                           the browser; bytehaul is not started for it; "explicit": a user's
//                           "Download with bytehaul", which no rule holds back),
//                           or {"ok": false, "error": "..."}
//   {"type": "outcome", "token"} -> {"ok": true, "state": "pending" | "added" | "cancelled" | "unknown"}
//                           (a capture shown in the Add dialog: the browser holds its download
//                           until the user decides; "unknown": bytehaul no longer knows it)
//   {"type": "links", "page", "userAgent", "links": [{"url", "text"}], "cookies": [{"url", "cookies"}]}
//                        -> {"ok": true, "links": N}: bytehaul's Add dialog lists them
// Only frames are written to stdout (anything else breaks the browser's side); a frame longer
// than allowed ends the host with an error answer, a malformed one gets an error answer.
// For tests: BYTEHAUL_INSTANCE_SOCKET names the socket, BYTEHAUL_GUI the program to start.
#include "gui/browserintegration.h"
#include "gui/instancemessage.h"
#include "gui/singleinstance.h"
#include "nmhost/nativemessaging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
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
constexpr qint64 kAnswerMarginMs = 400; // bytehaul takes a capture until this long before the deadline

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

// Delivers a message to the running bytehaul, starting it (in the tray) when none runs, and
// never after deadlineMs from now: the extension keeps the browser's own download when no
// answer comes within its budget, so a capture delivered later would make the file twice.
QJsonObject deliver(const QJsonObject &message, qint64 deadlineMs)
{
    const QDeadlineTimer deadline(deadlineMs);
    const auto remaining = [&deadline] { return int(std::max<qint64>(0, deadline.remainingTime())); };
    // Checked here first: a request bytehaul would refuse does not start it.
    InstanceMessage parsed;
    QString error;
    if (!toMessage(message, &parsed, &error))
        return failure(error);
    const QString path = socketPath();
    bool connected = false;
    // Every wait is bounded by what is left of the deadline: the answer comes within it.
    QJsonObject reply = SingleInstance::request(path, message, remaining(), &error, &connected);
    if (!reply.isEmpty() || connected)
        return reply.isEmpty() ? failure(error) : reply;
    // Nobody there: start bytehaul in the tray and wait for its socket.
    const QString program = guiProgram();
    if (!QProcess::startDetached(program, { QStringLiteral("--minimized") }))
        return failure(QStringLiteral("bytehaul is not running and %1 could not be started").arg(program));
    while (remaining() > 100) {
        QThread::msleep(100);
        reply = SingleInstance::request(path, message, remaining(), &error, &connected);
        if (!reply.isEmpty() || connected)
            break;
    }
    if (reply.isEmpty())
        return failure(connected ? error : QStringLiteral("bytehaul was started but did not answer within %1 ms").arg(deadlineMs));
    reply.insert(QStringLiteral("started"), true);
    return reply;
}

qint64 deadlineOf(const QJsonObject &request)
{
    return std::clamp<qint64>(request.value(QStringLiteral("deadlineMs")).toInteger(kStartWaitMs), 0, kStartWaitMs);
}

QJsonObject capture(QJsonObject request)
{
    const qint64 deadlineMs = deadlineOf(request);
    if (!request.value(QStringLiteral("explicit")).toBool(false)) {
        // The rules decide here, with bytehaul's own settings: the browser keeps what they
        // leave out, and bytehaul is not started for it.
        const CaptureRules rules = readCaptureRules(*openAppSettings());
        QString why;
        if (!rules.wants(request.value(QStringLiteral("fileName")).toString(), request.value(QStringLiteral("url")).toString(),
                         request.value(QStringLiteral("totalBytes")).toInteger(-1), &why)) {
            return { { QStringLiteral("ok"), false }, { QStringLiteral("skipped"), true }, { QStringLiteral("error"), why } };
        }
    }
    // The browser keeps its own download when no answer comes in time: bytehaul must not take
    // it after that. It takes it only until a margin before this deadline (the margin carries
    // its answer back here); the clock is the monotonic one both processes share.
    if (request.contains(QStringLiteral("deadlineMs")))
        request.insert(QStringLiteral("expiresAt"), double(QDeadlineTimer(std::max<qint64>(0, deadlineMs - kAnswerMarginMs)).deadline()));
    for (const char *field : { "type", "deadlineMs", "explicit", "totalBytes" })
        request.remove(QLatin1String(field));
    return deliver({ { QStringLiteral("capture"), request }, { QStringLiteral("raise"), false } }, deadlineMs);
}

QJsonObject links(QJsonObject request)
{
    const qint64 deadlineMs = deadlineOf(request);
    request.remove(QStringLiteral("type"));
    request.remove(QStringLiteral("deadlineMs"));
    return deliver({ { QStringLiteral("links"), request }, { QStringLiteral("raise"), true } }, deadlineMs);
}

// What became of a capture bytehaul showed in its Add dialog. Never starts bytehaul: if it is
// not running, the dialog is gone ("unknown") and the browser takes its download back.
QJsonObject outcome(const QJsonObject &request)
{
    const QJsonObject message { { QStringLiteral("outcome"), request.value(QStringLiteral("token")).toString() } };
    InstanceMessage parsed;
    QString error;
    if (!toMessage(message, &parsed, &error))
        return failure(error);
    bool connected = false;
    const QJsonObject reply = SingleInstance::request(socketPath(), message, 2000, &error, &connected);
    if (!reply.isEmpty())
        return reply;
    if (!connected)
        return { { QStringLiteral("ok"), true }, { QStringLiteral("state"), QStringLiteral("unknown") } };
    return failure(error);
}

QJsonObject config()
{
    const CaptureRules rules = readCaptureRules(*openAppSettings());
    return { { QStringLiteral("ok"), true },
             { QStringLiteral("enabled"), rules.enabled },
             { QStringLiteral("types"), QJsonArray::fromStringList(rules.types) },
             { QStringLiteral("minBytes"), double(rules.minBytes) },
             { QStringLiteral("askFirst"), rules.askFirst } };
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
    if (type == QLatin1String("links"))
        return links(request);
    if (type == QLatin1String("config"))
        return config();
    if (type == QLatin1String("outcome"))
        return outcome(request);
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
