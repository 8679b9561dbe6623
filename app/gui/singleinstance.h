// SingleInstance: one bytehaul per user. The first process listens on a per-user local socket;
// a later one hands its URLs over (a small versioned message) and exits. A socket left behind
// by a crashed instance is detected (nobody answers) and replaced.
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QStringList>

namespace bytehaul::app {

class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString &name = defaultName(), QObject *parent = nullptr);
    static QString defaultName();

    // true: another instance took the arguments; this process should exit.
    bool handOver(const QStringList &urls, bool raise);
    // Becomes the instance that others hand over to; false if the socket cannot be created.
    bool listen();

Q_SIGNALS:
    void received(const QStringList &urls, bool raise);

private:
    QString m_name;
    QLocalServer m_server;
};

} // namespace bytehaul::app
