// SingleInstance: one bytehaul per user and desktop session. The first process listens on a
// local socket in a directory only its user can enter ($XDG_RUNTIME_DIR, else a 0700
// directory of its own in the temporary folder); a later one hands its URLs over (a framed,
// bounded JSON message, gui/instancemessage.h) and exits. A socket that is not the user's is
// never used; a peer that is not the user is refused; a socket left behind by a crashed
// instance is detected (nobody answers) and replaced.
#pragma once

#include "gui/instancemessage.h"

#include <QJsonObject>
#include <QLocalServer>
#include <QObject>
#include <QStringList>

#include <functional>

namespace bytehaul::app {

class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    // path: the socket's full path; empty: defaultPath().
    explicit SingleInstance(const QString &path = QString(), QObject *parent = nullptr);
    // "<private dir>/bytehaul[-<display>].socket"; empty (with *error) when no private
    // directory can be had.
    static QString defaultPath(QString *error = nullptr);
    QString path() const { return m_path; }

    // true: another instance took the arguments; this process should exit.
    bool handOver(const QStringList &urls, bool raise);
    // Sends one frame to the instance at `path` and waits for its answer (blocking, bounded by
    // timeoutMs for each step). Empty with *error when nobody answers, nobody is there, or the
    // socket is not this user's; *connected says whether anybody was there.
    static QJsonObject request(const QString &path, const QJsonObject &object, int timeoutMs,
                               QString *error, bool *connected = nullptr);
    // Becomes the instance that others hand over to; false if the socket cannot be created.
    bool listen();
    // Answers each message (the reply frame). Without a handler, every valid message is
    // acknowledged with {"ok": true} and only received() is emitted.
    using Handler = std::function<QJsonObject(const InstanceMessage &)>;
    void setHandler(Handler handler) { m_handler = std::move(handler); }

Q_SIGNALS:
    void received(const QStringList &urls, bool raise);
    // A capture that came after the browser stopped waiting (bytehaul was busy or slow to
    // start) was refused: the browser kept that download.
    void lateCaptureRefused(const QString &url);

private:
    QString m_path;
    QLocalServer m_server;
    Handler m_handler;
};

} // namespace bytehaul::app
