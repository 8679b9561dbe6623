#include "gui/singleinstance.h"

#include "gui/instancemessage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bytehaul::app {

namespace {

#ifdef Q_OS_UNIX
// A directory (not a link) owned by this user that nobody else may enter.
bool isPrivateDirectory(const QString &dir)
{
    struct stat st;
    return !dir.isEmpty() && ::lstat(QFile::encodeName(dir).constData(), &st) == 0 && S_ISDIR(st.st_mode)
        && st.st_uid == ::getuid() && (st.st_mode & 077) == 0;
}

// Something at the path that is not a socket of this user: never connected to or removed.
bool isForeign(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return false; // nothing there
    return !S_ISSOCK(st.st_mode) || st.st_uid != ::getuid();
}

bool peerIsThisUser(const QLocalSocket *socket)
{
#ifdef Q_OS_LINUX
    struct ucred cred {};
    socklen_t len = sizeof(cred);
    return ::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0
        && cred.uid == ::getuid();
#else
    Q_UNUSED(socket)
    return true; // the directory's permissions keep others out
#endif
}
#endif

} // namespace

SingleInstance::SingleInstance(const QString &path, QObject *parent)
    : QObject(parent), m_path(path.isEmpty() ? defaultPath() : path)
{
}

QString SingleInstance::defaultPath(QString *error)
{
    // Two desktop sessions of one user (two displays) each get their own instance.
    QString display = qEnvironmentVariable("WAYLAND_DISPLAY", qEnvironmentVariable("DISPLAY"));
    display.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString name = display.isEmpty() ? QStringLiteral("bytehaul.socket") : QStringLiteral("bytehaul-%1.socket").arg(display.left(64));
#ifdef Q_OS_UNIX
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (isPrivateDirectory(runtime))
        return QDir(runtime).filePath(name);
    // No usable runtime directory: one of our own, created 0700, and checked (another user may
    // have created it first: then it is not ours and not used).
    const QString own = QDir(QDir::tempPath()).filePath(QStringLiteral("bytehaul-%1").arg(::getuid()));
    ::mkdir(QFile::encodeName(own).constData(), 0700);
    if (isPrivateDirectory(own))
        return QDir(own).filePath(name);
    if (error)
        *error = QStringLiteral("%1 is not a private directory of this user").arg(own);
    return {};
#else
    Q_UNUSED(error)
    QString user = qEnvironmentVariable("USERNAME", QStringLiteral("default"));
    return QStringLiteral("bytehaul-%1-%2").arg(user, name); // a named pipe, per user
#endif
}

bool SingleInstance::handOver(const QStringList &urls, bool raise)
{
    QString error;
    const QJsonObject reply = request(m_path, { { QStringLiteral("urls"), QJsonArray::fromStringList(urls) },
                                                { QStringLiteral("raise"), raise } },
                                      2000, &error);
    return reply.value(QStringLiteral("ok")).toBool();
}

QJsonObject SingleInstance::request(const QString &path, const QJsonObject &object, int timeoutMs, QString *error,
                                    bool *connected)
{
    if (connected)
        *connected = false;
    if (path.isEmpty()) {
        *error = QStringLiteral("no place for the socket");
        return {};
    }
#ifdef Q_OS_UNIX
    if (isForeign(path)) {
        *error = QStringLiteral("%1 is not this user's socket").arg(path);
        return {}; // not our socket: never handed anything
    }
#endif
    // timeoutMs bounds the whole exchange: a caller with a deadline (bytehaul-nmhost) gets its
    // answer, or an error, within it.
    const QDeadlineTimer deadline(std::max(0, timeoutMs));
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(int(std::min<qint64>(deadline.remainingTime(), 1000)))) {
        *error = QStringLiteral("bytehaul is not running");
        return {}; // nobody there (or a stale socket from a crash)
    }
    if (connected)
        *connected = true;
    socket.write(frame(object));
    if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) {
        *error = QStringLiteral("bytehaul did not take the message");
        return {};
    }
    // The running instance acknowledges with a frame of its own.
    QByteArray reply;
    for (int i = 0; i < 64 && reply.size() < kMaxMessageBytes; ++i) {
        QJsonObject answer;
        qsizetype used = 0;
        switch (takeFrame(reply, &answer, &used, error)) {
        case FrameResult::Complete:
            return answer;
        case FrameResult::Bad:
            return {};
        case FrameResult::Incomplete:
            break;
        }
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime()))) {
            *error = QStringLiteral("bytehaul did not answer in time");
            return {};
        }
        reply += socket.readAll();
    }
    *error = QStringLiteral("bytehaul's answer is too long");
    return {};
}

bool SingleInstance::listen()
{
    if (m_path.isEmpty())
        return false;
#ifdef Q_OS_UNIX
    if (isForeign(m_path))
        return false;
#endif
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server.listen(m_path)) {
        // A socket file left by a crashed instance: nobody answered handOver(), so replace it.
        QLocalServer::removeServer(m_path);
        if (!m_server.listen(m_path))
            return false;
    }
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
#ifdef Q_OS_UNIX
            if (!peerIsThisUser(socket)) {
                socket->abort();
                continue;
            }
#endif
            // A sender that stops half-way is dropped after a while, not held open forever.
            QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QLocalSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                QJsonObject object;
                qsizetype used = 0;
                QString error;
                const FrameResult result = takeFrame(*buffer, &object, &used, &error);
                if (result == FrameResult::Incomplete)
                    return; // bounded: takeFrame refuses a declared length above the maximum
                InstanceMessage message;
                if (result == FrameResult::Bad || !toMessage(object, &message, &error)) {
                    socket->write(frame({ { QStringLiteral("ok"), false }, { QStringLiteral("error"), error } }));
                    socket->flush();
                    socket->disconnectFromServer();
                    return;
                }
                buffer->remove(0, used);
                // A capture the browser has stopped waiting for (bytehaul was busy, or slow to
                // start): the browser keeps its own download, so taking it now would make the
                // file twice. The expiry is on the monotonic clock both processes share.
                if (message.capture && message.capture->expiresAtMs > 0
                    && QDeadlineTimer::current().deadline() >= message.capture->expiresAtMs) {
                    socket->write(frame({ { QStringLiteral("ok"), false },
                                          { QStringLiteral("error"), QStringLiteral("too late: the browser keeps this download") } }));
                    socket->flush();
                    Q_EMIT lateCaptureRefused(message.capture->url);
                    return;
                }
                const QJsonObject reply = m_handler ? m_handler(message) : QJsonObject { { QStringLiteral("ok"), true } };
                socket->write(frame(reply));
                socket->flush();
                if (!message.capture && message.outcomeToken.isEmpty())
                    Q_EMIT received(message.urls, message.raise);
            });
        }
    });
    return true;
}

} // namespace bytehaul::app
