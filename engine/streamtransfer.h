// StreamTransfer: the stream path of a download, for a server that sends the whole file in
// one answer (no usable ranges). It reads that answer into the writer in order, within the
// download's memory budget and speed limit, and judges its end: complete, broken (the download
// restarts it from zero, as this server cannot continue mid-way) or invalid (more bytes than
// announced). It talks to its download through StreamHost only; the download keeps the state,
// the writer and the retry decisions.
#pragma once

#include "engine/downloadtypes.h"
#include "engine/replycheck.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;

namespace bytehaul {

class StreamHost
{
public:
    virtual ~StreamHost() = default;
    virtual qint64 budgetRoom() const = 0; // bytes the writer may still take now
    virtual qint64 tokens() = 0; // bytes the speed limits allow now
    virtual void consumeTokens(qint64 bytes) = 0;
    virtual void waitForStreamTokens() = 0; // calls StreamTransfer::pump() when there are some
    virtual bool writerReady() const = 0;
    virtual void writeStream(qint64 offset, const QByteArray &data) = 0;
    virtual void streamComplete(qint64 total) = 0; // every byte handed to the writer
    virtual void streamBroken(const ReplyError &error) = 0; // a restart from zero may help
    virtual void streamInvalid(const ReplyError &error) = 0; // the answer itself is wrong
};

class StreamTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamTransfer)

public:
    // total: the Content-Length, or -1. Takes the reply (deleted when stopped or done).
    StreamTransfer(QNetworkReply *reply, qint64 total, const QString &displayUrl, StreamHost *host);
    ~StreamTransfer() override; // stops

    qint64 position() const { return m_pos; } // bytes handed to the writer
    bool isReceiving() const { return !m_reply.isNull(); }
    void start(); // reads from the next turn of the event loop
    void pump(); // reads what the budget and the limits allow
    void roomFreed(); // the writer took bytes: reads again if it was waiting for room
    void stop(); // drops the answer; the position stays (what was written)

private:
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    qint64 m_total = -1;
    qint64 m_pos = 0;
    bool m_waitingForRoom = false;
    QString m_displayUrl;
    StreamHost *m_host = nullptr;
};

} // namespace bytehaul
