#include "engine/streamtransfer.h"

#include "engine/sessionutil.h"

#include <QNetworkReply>

#include <algorithm>

namespace bytehaul {

StreamTransfer::StreamTransfer(QNetworkReply *reply, qint64 total, const QString &displayUrl, StreamHost *host)
    : m_reply(reply)
    , m_total(total)
    , m_displayUrl(displayUrl)
    , m_host(host)
{
    connect(reply, &QNetworkReply::readyRead, this, &StreamTransfer::pump);
    connect(reply, &QNetworkReply::finished, this, &StreamTransfer::onFinished);
}

StreamTransfer::~StreamTransfer()
{
    stop();
}

void StreamTransfer::start()
{
    if (QNetworkReply *reply = m_reply.data()) {
        QMetaObject::invokeMethod(this, reply->isFinished() ? &StreamTransfer::onFinished : &StreamTransfer::pump,
                                  Qt::QueuedConnection);
    }
}

void StreamTransfer::stop()
{
    m_waitingForRoom = false;
    discard(m_reply, this);
}

void StreamTransfer::roomFreed()
{
    if (std::exchange(m_waitingForRoom, false))
        pump();
}

void StreamTransfer::pump()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply || !m_host->writerReady())
        return;
    while (reply->bytesAvailable() > 0) {
        const qint64 room = m_host->budgetRoom();
        if (room <= 0) {
            m_waitingForRoom = true;
            return;
        }
        const qint64 tokens = m_host->tokens();
        if (tokens <= 0) {
            m_host->waitForStreamTokens();
            return;
        }
        const QByteArray data = reply->read(std::min({ room, tokens, reply->bytesAvailable() }));
        if (data.isEmpty())
            break;
        m_host->consumeTokens(data.size());
        if (m_total >= 0 && m_pos + data.size() > m_total) {
            stop();
            m_host->streamInvalid({ ErrorClass::Retry, tr("%1: the server sent more bytes than its Content-Length (%2)")
                                                           .arg(m_displayUrl)
                                                           .arg(m_total) });
            return;
        }
        m_host->writeStream(m_pos, data);
        m_pos += data.size();
    }
    if (reply->isFinished())
        onFinished();
}

void StreamTransfer::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    if (reply->bytesAvailable() > 0) {
        if (!m_waitingForRoom)
            pump(); // drain first, even after an error; comes back here when empty
        return;
    }
    ReplyError error;
    if (reply->error() != QNetworkReply::NoError)
        error = classifyReply(reply, reply->error() == QNetworkReply::OperationCanceledError);
    else if (m_total >= 0 && m_pos != m_total)
        error = { ErrorClass::Retry, tr("%1: the connection closed after %2 of %3 bytes").arg(m_displayUrl).arg(m_pos).arg(m_total) };
    stop();
    if (error.isError())
        m_host->streamBroken(error);
    else
        m_host->streamComplete(m_pos);
}

} // namespace bytehaul
