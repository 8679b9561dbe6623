#include "engine/worker.h"

#include "engine/retrypolicy.h"

#include <QNetworkReply>

namespace bytehaul {

Worker::Worker(int index, WorkerHost *host, QNetworkAccessManager *nam)
    : m_index(index)
    , m_host(host)
    , m_nam(nam)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Worker::sendRequest);
    m_benched.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        handleFailure({ ErrorClass::Retry, tr("%1: no answer within %2 s (connect timeout)")
                                               .arg(m_host->url().toDisplayString(QUrl::RemoveUserInfo))
                                               .arg(m_host->options().connectTimeout.count() / 1000.0) });
    });
}

Worker::~Worker()
{
    dropReply();
}

void Worker::dropReply()
{
    m_connectTimer.stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void Worker::bench(std::chrono::milliseconds rest)
{
    m_benched.start(rest);
}

void Worker::retireReply()
{
    m_connectTimer.stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        // Deleting or aborting an unfinished reply closes its connection; letting it finish
        // returns the connection to the manager's pool for the next Range request.
        if (reply->isFinished())
            reply->deleteLater();
        else
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
}

void Worker::startLease(const Scheduler::Lease &lease)
{
    m_lease = lease;
    m_retry.progress();
    sendRequest();
}

void Worker::adoptReply(QNetworkReply *reply, const Scheduler::Lease &lease)
{
    m_lease = lease;
    m_retry.progress();
    m_pos = lease.start;
    m_requestEnd = lease.end;
    m_attemptBytes = 0;
    m_checked = true;
    m_replyFinished = reply->isFinished();
    attach(reply);
    if (m_replyFinished)
        QMetaObject::invokeMethod(this, &Worker::onFinished, Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(this, &Worker::pump, Qt::QueuedConnection);
}

void Worker::attach(QNetworkReply *reply)
{
    m_reply = reply;
    reply->setReadBufferSize(m_host->replyBufferSize());
    connect(reply, &QNetworkReply::metaDataChanged, this, &Worker::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &Worker::pump);
    connect(reply, &QNetworkReply::finished, this, [this] {
        m_replyFinished = true;
        onFinished();
    });
}

void Worker::sendRequest()
{
    if (!m_lease.isValid())
        return;
    dropReply();
    m_pos = m_lease.start;
    m_requestEnd = m_lease.end;
    m_attemptBytes = 0;
    m_checked = false;
    m_replyFinished = false;
    attach(sendGet(m_nam, makeRequest(m_host->url(), m_host->options(), m_lease.start, m_lease.end,
                                  m_host->ifRange())));
    m_connectTimer.start(m_host->options().connectTimeout);
    m_sentAt.start();
}

void Worker::onMetaData()
{
    if (m_connectTimer.isActive()) // the first headers of this request
        m_host->noteResponseLatency(int(m_sentAt.elapsed()));
    m_connectTimer.stop();
    if (!m_reply || m_checked)
        return;
    const int status = httpStatus(m_reply);
    if (status >= 300 && status < 400)
        return; // a redirect being followed
    const ReplyError error = checkRangeReply(m_reply, m_lease.start, m_lease.end, m_host->totalSize(),
                                             !m_host->ifRange().isEmpty(), m_host->etag(),
                                             m_host->lastModified());
    if (error.remoteChanged) {
        // Not this connection's fault: the whole download starts over (the session stops us).
        m_host->remoteChanged(error.message);
        return;
    }
    if (error.isError()) {
        handleFailure(error);
        return;
    }
    m_checked = true;
}

void Worker::pump()
{
    if (!m_reply || !m_lease.isValid())
        return;
    if (!m_checked) {
        onMetaData();
        if (!m_checked)
            return;
    }
    while (m_reply && m_reply->bytesAvailable() > 0) {
        const qint64 room = m_host->budgetRoom();
        if (room <= 0) {
            m_host->waitForBudget(this);
            return;
        }
        const qint64 tokens = m_host->tokens();
        if (tokens <= 0) {
            m_host->waitForTokens(this); // the reply's bounded buffer then slows the server
            return;
        }
        const QByteArray data = m_reply->read(std::min({ room, tokens, m_reply->bytesAvailable() }));
        if (data.isEmpty())
            break;
        m_host->consumeTokens(data.size());
        const qint64 offset = m_pos;
        m_pos += data.size();
        m_attemptBytes += data.size();
        if (m_pos > m_lease.end) {
            // More bytes than the 206 declared: the server is lying. Keep what fits.
            const QByteArray fits = data.left(data.size() - (m_pos - m_lease.end));
            m_host->deliver(this, m_lease, offset, fits);
            handleFailure({ ErrorClass::Retry, tr("%1: the server sent more bytes than the range asked for")
                                                   .arg(m_host->url().toDisplayString(QUrl::RemoveUserInfo)) });
            return;
        }
        const Scheduler::Accepted accepted = m_host->deliver(this, m_lease, offset, data);
        if (accepted.streamDone) {
            // All that was asked for has arrived: wait for the reply to finish so that its
            // connection is idle again before the next request (otherwise Qt opens another).
            if (m_pos >= m_requestEnd && !m_replyFinished)
                return;
            endLease();
            return;
        }
    }
    if (m_replyFinished && m_reply && m_reply->bytesAvailable() == 0)
        onFinished();
}

void Worker::onFinished()
{
    if (!m_reply)
        return;
    if (m_reply->bytesAvailable() > 0 && m_checked) {
        // Drain first, even after an error: bytes that arrived before a connection broke are
        // good, and keeping them is what lets the retry ask only for the missing tail. pump()
        // calls back here once the reply is empty.
        pump();
        return;
    }
    if (m_reply->error() != QNetworkReply::NoError) {
        handleFailure(classifyReply(m_reply, m_reply->error() == QNetworkReply::OperationCanceledError));
        return;
    }
    if (const int status = httpStatus(m_reply); !m_checked && status >= 300 && status < 400) {
        handleFailure(classifyReply(m_reply, false)); // a redirect Qt did not follow (credentials)
        return;
    }
    if (!m_checked) {
        onMetaData();
        if (!m_checked)
            return;
    }
    if (m_pos < m_lease.end) {
        handleFailure({ ErrorClass::Retry,
                        tr("%1: the connection closed after %2 of %3 bytes of a segment")
                            .arg(m_host->url().toDisplayString(QUrl::RemoveUserInfo))
                            .arg(m_pos - m_lease.start)
                            .arg(m_lease.end - m_lease.start) });
        return;
    }
    endLease();
}

void Worker::handleFailure(const ReplyError &error)
{
    dropReply();
    if (error.redirectTo.isValid())
        m_host->movedTo(error.redirectTo);
    if (m_attemptBytes > 0)
        m_retry.progress(); // progress was made: this is a flaky link, not a dead one
    const Scheduler::Lease renewed = m_host->renewLease(this, m_lease);
    if (!renewed.isValid()) {
        endLease(); // someone else finished the segment meanwhile
        return;
    }
    m_retry.setPolicy(m_host->options().retry);
    const std::optional<std::chrono::milliseconds> wait = m_retry.next(error);
    if (!wait) {
        const Scheduler::Lease lease = m_lease;
        m_lease = {};
        m_host->workerFailed(this, lease, error);
        return;
    }
    m_host->noteRetry(this, error);
    m_lease = renewed;
    m_retryTimer.start(*wait);
}

void Worker::endLease()
{
    if (m_reply && m_pos >= m_requestEnd)
        retireReply();
    else
        dropReply();
    m_retryTimer.stop();
    const Scheduler::Lease lease = m_lease;
    m_lease = {};
    m_host->workerIdle(this, lease);
}

void Worker::stop()
{
    dropReply();
    m_retryTimer.stop();
    const Scheduler::Lease lease = m_lease;
    m_lease = {};
    if (lease.isValid())
        m_host->releaseLease(this, lease);
}

} // namespace bytehaul
