#include "engine/worker.h"

#include "engine/replycheck.h"
#include "engine/retrypolicy.h"

#include <QNetworkReply>

#include <utility>

namespace bytehaul {

namespace {
constexpr qint64 kMinStallMs = 500;
constexpr qint64 kUnknownStallMs = 3000;
// Before an answer's first byte, on a server whose answers usually start at once: a second.
constexpr qint64 kMinFirstByteStallMs = 1000;
constexpr qint64 kMaxFirstByteStallMs = 30000;
} // namespace

Worker::Worker(int index, WorkerHost *host, QNetworkAccessManager *nam)
    : m_index(index)
    , m_host(host)
    , m_nam(nam)
{
    m_clock.start();
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
    // Aborting an unfinished reply closes its connection (and one pipelined behind it).
    for (QPointer<QNetworkReply> *slot : { &m_next, &m_reply }) {
        if (QNetworkReply *reply = slot->data()) {
            *slot = nullptr;
            reply->disconnect(this);
            if (!reply->isFinished())
                m_warm = false;
            reply->abort();
            reply->deleteLater();
        }
    }
}

bool Worker::hasIdleConnection() const
{
    return m_warm && !isBusy() && m_reply.isNull() && m_next.isNull();
}

bool Worker::isReceiving() const
{
    return !m_reply.isNull() && (m_checked || m_warm);
}

qint64 Worker::firstByteLimitMs() const
{
    if (m_firstByteMs < 0)
        return kUnknownStallMs;
    return std::clamp<qint64>(qint64(2 * m_firstByteMs) + 500, kMinFirstByteStallMs, kMaxFirstByteStallMs);
}

double Worker::speed() const
{
    return m_speed.rate(m_clock.elapsed(), 200);
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
    m_pos = m_requestStart = lease.start;
    m_requestEnd = lease.end;
    m_attemptBytes = 0;
    m_waiting = false;
    m_sentAhead = false;
    m_lastByteMs = m_clock.elapsed();
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
    m_unacked = 0;
    m_bounded = wantsBoundedReply(); // see there; updateReplyBuffer() follows changes
    reply->setReadBufferSize(m_bounded ? m_host->replyBufferSize() : 0);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Worker::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &Worker::pump);
    connect(reply, &QNetworkReply::finished, this, [this] {
        m_replyFinished = true;
        onFinished();
    });
}

QNetworkReply *Worker::request(qint64 start, qint64 end)
{
    QNetworkRequest request = makeRequest(m_host->url(), m_host->options(), start, end, m_host->ifRange());
    request.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, true);
    // Qt's transfer timeout restarts a timer through a queued call for every chunk that
    // arrives; checkStall() judges silence (within the read timeout) instead.
    request.setTransferTimeout(0);
    QNetworkReply *reply = sendGet(m_nam, request);
    reply->setReadBufferSize(m_host->replyBufferSize()); // at once: a pipelined answer waits too
    return reply;
}

void Worker::sendRequest()
{
    if (!m_lease.isValid())
        return;
    dropReply();
    m_pos = m_requestStart = m_lease.start;
    m_requestEnd = m_host->nextRequestEnd(this, m_lease, m_pos, speed());
    if (m_requestEnd <= m_pos) {
        endLease(); // nothing left to ask for (another stream finished the segment)
        return;
    }
    m_attemptBytes = 0;
    m_checked = false;
    m_replyFinished = false;
    m_waiting = false;
    m_promoted = false;
    m_sentAhead = false;
    m_lastByteMs = m_clock.elapsed();
    attach(request(m_pos, m_requestEnd));
    m_connectTimer.start(m_host->options().connectTimeout);
    m_timeHeaders = true;
    m_sentAt.start();
}

void Worker::pipelineNext()
{
    // Only the segment's owner, only once the current answer checked out, only on a connection
    // known to stay open, and one request ahead at most.
    if (!m_pipelining || !m_warm || !m_checked || m_next || m_lease.duplicate || !m_reply || m_replyFinished)
        return;
    const qint64 end = m_host->nextRequestEnd(this, m_lease, m_requestEnd, speed());
    if (end <= m_requestEnd)
        return;
    m_nextStart = m_requestEnd;
    m_nextEnd = end;
    m_next = request(m_nextStart, m_nextEnd);
}

void Worker::requestDone()
{
    // The current request delivered all it asked for; its connection stays open.
    retireReply();
    m_retry.progress();
    if (QNetworkReply *next = m_next.data()) {
        m_next = nullptr;
        m_promoted = true; // see onMetaData()
        m_sentAhead = true;
        m_pos = m_requestStart = m_nextStart;
        m_requestEnd = m_nextEnd;
        m_timeHeaders = false;
        m_lastByteMs = m_clock.elapsed();
        m_checked = false;
        m_replyFinished = next->isFinished();
        m_attemptBytes = 0;
        attach(next);
        if (!m_replyFinished && !next->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            m_connectTimer.start(m_host->options().connectTimeout);
        if (m_replyFinished)
            QMetaObject::invokeMethod(this, &Worker::onFinished, Qt::QueuedConnection);
        else if (next->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            QMetaObject::invokeMethod(this, &Worker::pump, Qt::QueuedConnection);
        return;
    }
    // Nothing pipelined: ask for the next part of the segment (from its frontier: a racing
    // stream may be ahead), or end the lease when nothing is left.
    const Scheduler::Lease renewed = m_host->renewLease(this, m_lease);
    if (!renewed.isValid()) {
        endLease();
        return;
    }
    m_lease = renewed;
    sendRequest();
}

void Worker::onMetaData()
{
    // Nothing to check before the answer's status line has come: a pump() from a timer (the
    // speed limit's, the batch's) may run before it; a reply is checked only on its headers.
    // (Checking an answer that had not come marked it checked, and its real headers, a 503 or
    // a shifted range, were never looked at: found by an adversarial review, Completed with
    // wrong bytes.)
    if (!m_reply || m_checked || !m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return;
    // Qt pipelines only into an HTTP/1.1 connection it trusts; otherwise a request sent ahead
    // went on a second connection (an HTTP/1.0 server, say): then stop asking ahead. (Known
    // only with the answer's headers.)
    if (std::exchange(m_promoted, false) && !m_reply->attribute(QNetworkRequest::HttpPipeliningWasUsedAttribute).toBool())
        m_pipelining = false;
    if (m_connectTimer.isActive() && std::exchange(m_timeHeaders, false)) // this request's first headers
        m_host->noteResponseLatency(int(m_sentAt.elapsed()));
    m_connectTimer.stop();
    const int status = httpStatus(m_reply);
    if (status >= 300 && status < 400)
        return; // a redirect being followed
    const ReplyError error = checkRangeReply(m_reply, m_requestStart, m_requestEnd, m_host->totalSize(),
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
    // A request sent alone: the silence before its first byte counts from its headers (its
    // round trip and the server's wait before them are the connect timeout's business). One
    // sent ahead counts from when it became current, as its answer should follow at once.
    if (!m_sentAhead)
        m_lastByteMs = m_clock.elapsed();
    pipelineNext();
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
    updateReplyBuffer();
    while (m_reply && m_reply->bytesAvailable() > 0) {
        const qint64 room = m_host->budgetRoom();
        if (room <= 0) {
            m_waiting = true;
            updateReplyBuffer();
            m_host->waitForBudget(this);
            return;
        }
        const qint64 tokens = m_host->tokens();
        if (tokens <= 0) {
            m_waiting = true;
            updateReplyBuffer();
            m_host->waitForTokens(this); // the reply's bounded buffer then slows the server
            return;
        }
        m_waiting = false;
        const QByteArray data = take(std::min({ room, tokens, m_reply->bytesAvailable() }));
        if (data.isEmpty())
            break;
        m_host->consumeTokens(data.size());
        const qint64 offset = m_pos;
        if (m_pos == m_requestStart) {
            // This answer's first byte: how long the server took to start it (from the request
            // becoming current), the history a silence before a first byte is judged by.
            const qint64 waited = m_clock.elapsed() - m_lastByteMs;
            m_firstByteMs = std::max<double>(double(waited), 0.8 * std::max(0.0, m_firstByteMs));
        }
        m_pos += data.size();
        m_attemptBytes += data.size();
        m_received += data.size();
        m_lastByteMs = m_clock.elapsed();
        m_speed.sample(m_lastByteMs, m_received);
        m_lastRate = speed();
        if (m_pos > m_requestEnd) {
            // More bytes than the 206 declared: the server is lying. Keep what fits.
            const QByteArray fits = data.left(data.size() - (m_pos - m_requestEnd));
            m_host->deliver(this, m_lease, offset, fits);
            handleFailure({ ErrorClass::Retry, tr("%1: the server sent more bytes than the range asked for")
                                                   .arg(m_host->url().toDisplayString(QUrl::RemoveUserInfo)) });
            return;
        }
        const Scheduler::Accepted accepted = m_host->deliver(this, m_lease, offset, data);
        if (accepted.streamDone && m_pos < m_requestEnd) {
            endLease(); // another stream finished the segment, or it is gone: stop this one
            return;
        }
        if (m_pos >= m_requestEnd) {
            // All that was asked for has arrived. With the next request pipelined, go on at
            // once; else wait for the reply to finish, so that its connection is idle again
            // before the next request (otherwise Qt opens another).
            if (m_next && !accepted.streamDone) {
                requestDone();
                return;
            }
            if (!m_replyFinished)
                return;
            break;
        }
    }
    if (m_replyFinished && m_reply && m_reply->bytesAvailable() == 0)
        onFinished();
}

bool Worker::wantsBoundedReply() const
{
    // Qt's HTTP thread reads a reply with a bounded read buffer (setReadBufferSize()) only as the
    // reader frees room, and pays for that on every chunk: it schedules itself another read
    // through a queued call, the reader's thread sends room back, and each of those wakes a
    // thread (strace of 256 MiB over 8 connections capped at 4 MiB/s: five extra system calls
    // and two extra wake-ups per 20 KiB chunk, about a third of all). A connection slower than
    // this thread can take its bytes needs no bound, so it reads unbounded, unless:
    // - a speed limit applies, or the memory budget or the limit makes this worker wait: the
    //   bound is what stops Qt reading, and so what slows the server (TCP's back-pressure);
    // - its speed is not known yet, or it is fast (above 12 MiB/s; below 8 it is unbounded
    //   again). A fast connection can deliver faster than this thread takes the bytes, and
    //   then Qt holds them all (measured on loopback: 110 MiB of peak memory instead of 38).
    //   Fast connections come in big chunks, so the bound costs them little.
    constexpr double kUnboundedBelow = 8 << 20;
    constexpr double kBoundedAbove = 12 << 20;
    if (m_waiting || m_host->speedLimited() || m_lastRate <= 0 || m_lastRate > kBoundedAbove)
        return true;
    return m_bounded && m_lastRate >= kUnboundedBelow;
}

void Worker::updateReplyBuffer()
{
    const qint64 bound = m_host->replyBufferSize();
    if (!m_reply || bound == 0) // through SOCKS: never bounded (see Session::replyBufferSize())
        return;
    const bool bounded = wantsBoundedReply();
    if (bounded == m_bounded && m_reply->readBufferSize() == (bounded ? bound : 0))
        return;
    m_bounded = bounded;
    m_unacked = 0;
    m_reply->setReadBufferSize(bounded ? bound : 0);
}

QByteArray Worker::take(qint64 maxBytes)
{
    // A reply with a bounded read buffer hands its HTTP thread room each time the reader asks
    // it for more than it holds, and QIODevice::read(qint64) does that whenever it empties the
    // reply: a round trip between the threads for every chunk. Reading exactly what is held
    // asks for nothing; the room goes back once the reply is empty and half its buffer has been
    // taken since the last time. The HTTP thread stops only when its whole buffer is out, so it
    // never waits on a reader that has taken all it was given. (Unbounded, Qt's own read hands
    // over its chunk without a copy; when that empties the reply it also resets Qt's count of
    // bytes to give room back for, so a bound that comes later starts near zero.)
    const qint64 limit = m_reply->readBufferSize();
    if (limit == 0)
        return m_reply->read(maxBytes); // Qt's chunk itself, no copy: unbounded, room is no matter
    QByteArray data(qsizetype(maxBytes), Qt::Uninitialized);
    const qint64 got = m_reply->read(data.data(), maxBytes);
    if (got <= 0)
        return {};
    data.truncate(qsizetype(got));
    m_unacked += got;
    if (m_unacked >= limit / 2 && m_reply->bytesAvailable() == 0) {
        m_unacked = 0;
        char none;
        m_reply->read(&none, 1); // finds nothing, and so hands back the room
    }
    return data;
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
        if (m_reply && m_reply->bytesAvailable() > 0) {
            pump(); // a pipelined answer that had all arrived before it was current
            return;
        }
    }
    if (m_pos < m_requestEnd) {
        handleFailure({ ErrorClass::Retry,
                        tr("%1: the connection closed after %2 of %3 bytes of a segment")
                            .arg(m_host->url().toDisplayString(QUrl::RemoveUserInfo))
                            .arg(m_pos - m_requestStart)
                            .arg(m_requestEnd - m_requestStart) });
        return;
    }
    // A whole answer on a connection that stays open: from now on the next request can be
    // pipelined behind the current one.
    m_warm = m_reply->rawHeader("Connection").toLower() != "close";
    requestDone();
}

void Worker::checkStall()
{
    if (!m_reply || m_replyFinished || m_waiting || !m_lease.isValid())
        return;
    // A request sent alone waits for its headers under the connect timeout (its connection may
    // be new: a setup of several round trips is no stall); one sent ahead on a connection that
    // is carrying answers is judged from when it became current.
    const qint64 silentMs = m_clock.elapsed() - m_lastByteMs;
    const qint64 readTimeoutMs = m_host->options().readTimeout.count();
    if (!m_checked && !m_sentAhead) {
        // (The read timeout is judged here, not by Qt's transfer timeout: see request().)
        if (silentMs >= readTimeoutMs)
            handleFailure(readTimeoutError(m_host->url()));
        return;
    }
    // Judged against the connection's own speed once this answer's body flows. Before its first
    // byte, against how long this server's answers took to start (a server may think before
    // its body: 1 s, or twice its slowest recent start and half a second, whichever is more);
    // with no history yet, a fixed, longer wait.
    const bool flowing = m_lastRate > 0 && m_pos > m_requestStart;
    const qint64 limitMs = std::min<qint64>(flowing ? std::max<qint64>(kMinStallMs, qint64(4 * 65536 * 1000.0 / m_lastRate))
                                                    : firstByteLimitMs(),
                                            readTimeoutMs);
    if (silentMs < limitMs)
        return;
    const QString where = m_host->url().toDisplayString(QUrl::RemoveUserInfo);
    if (!flowing) {
        // Perhaps not a stall but a server that now thinks longer: the next wait is longer
        // (with no history too: 3 s, then 6.5 s, ...), so a slow server costs a reconnection or
        // two, never a retry storm.
        m_firstByteMs = std::max<double>(m_firstByteMs, double(limitMs));
        handleFailure({ ErrorClass::Retry,
                        tr("%1: no data for %2 s before the answer started; asking again (this server may "
                           "take up to %3 s next time)")
                            .arg(where)
                            .arg(silentMs / 1000.0, 0, 'f', 1)
                            .arg(firstByteLimitMs() / 1000.0, 0, 'f', 1),
                        ErrorCode::Timeout },
                      true);
        return;
    }
    handleFailure({ ErrorClass::Retry,
                    tr("%1: no data for %2 s on a connection that was delivering %3 KiB/s; asking again")
                        .arg(where)
                        .arg(silentMs / 1000.0, 0, 'f', 1)
                        .arg(qint64(m_lastRate / 1024)),
                    ErrorCode::Timeout },
                  true);
}

void Worker::handleFailure(const ReplyError &error, bool immediate)
{
    const bool freshConnection = !m_warm && !m_checked && m_attemptBytes == 0;
    dropReply();
    if (freshConnection && m_host->refusedExtraConnection(this, error)) {
        const Scheduler::Lease lease = m_lease;
        m_lease = {};
        m_host->releaseLease(this, lease);
        return;
    }
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
    m_retryTimer.start(immediate ? std::chrono::milliseconds(0) : *wait);
}

void Worker::endLease()
{
    if (m_reply && m_pos >= m_requestEnd && !m_next)
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
