#include "gui/singleinstance.h"

#include <QDataStream>
#include <QLocalSocket>

namespace bytehaul::app {

namespace {
constexpr quint32 kMagic = 0x42484931; // "BHI1"
constexpr quint32 kVersion = 1;
} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent) : QObject(parent), m_name(name) { }

QString SingleInstance::defaultName()
{
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (user.isEmpty())
        user = QStringLiteral("default");
    return QStringLiteral("bytehaul-%1").arg(user);
}

bool SingleInstance::handOver(const QStringList &urls, bool raise)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(1000))
        return false; // nobody there (or a stale socket from a crash)
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kMagic << kVersion << raise << urls;
    socket.write(message);
    if (!socket.waitForBytesWritten(2000))
        return false;
    socket.waitForReadyRead(2000); // the running instance acknowledges
    return socket.readAll() == "ok";
}

bool SingleInstance::listen()
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server.listen(m_name)) {
        // A socket file left by a crashed instance: nobody answered handOver(), so replace it.
        QLocalServer::removeServer(m_name);
        if (!m_server.listen(m_name))
            return false;
    }
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                QDataStream in(socket);
                in.setVersion(QDataStream::Qt_6_0);
                in.startTransaction();
                quint32 magic = 0, version = 0;
                bool raise = false;
                QStringList urls;
                in >> magic >> version >> raise >> urls;
                if (!in.commitTransaction())
                    return; // wait for the rest
                if (magic != kMagic || version != kVersion || urls.size() > 10000) {
                    socket->abort();
                    return;
                }
                socket->write("ok");
                socket->flush();
                Q_EMIT received(urls, raise);
            });
        }
    });
    return true;
}

} // namespace bytehaul::app
