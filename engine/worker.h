// Worker: one connection of a ranged download, alive for the whole download. Each worker has a
// network manager of its own, so its requests all go down its one keep-alive connection.
// A worker runs one lease (a segment) at a time and asks for it in bounded Range requests of
// about a second and a half of its own measured speed. Once its connection has carried a whole
// answer, the next request is pipelined behind the current one (HTTP/1.1 pipelining), so no
// round trip is spent idle between requests; a split only moves the boundary of what is not
// yet requested, so no request is cut short and no connection closed for it.
// Each 206 is checked against its request and the download's identity; the worker reads only
// as much as the session's memory budget allows (the reply's bounded read buffer then stops
// the socket, so TCP slows the server), and retries a failed request from the segment's
// frontier with back-off.
#pragma once

#include "engine/replycheck.h"
#include "engine/retrypolicy.h"
#include "engine/scheduler.h"
#include "engine/speedmeter.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace bytehaul {

class Worker;

// What a worker needs from the transfer it works for: the download's identity and options,
// the memory budget and speed limit, and the scheduler's leases. The session implements it;
// a worker knows nothing else of it (and the session header does not include this one).
class WorkerHost
{
public:
    virtual const QUrl &url() const = 0;
    virtual const DownloadOptions &options() const = 0;
    virtual qint64 totalSize() const = 0;
    virtual const QByteArray &ifRange() const = 0;
    virtual const QByteArray &etag() const = 0;
    virtual const QByteArray &lastModified() const = 0;
    virtual qint64 replyBufferSize() const = 0;
    // The end of the worker's next request on its lease, from `from`, sized from the worker's
    // speed (bytes per second, 0 when not yet known); `from` when nothing is left to ask for.
    virtual qint64 nextRequestEnd(Worker *worker, const Scheduler::Lease &lease, qint64 from,
                                  double bytesPerSecond) = 0;
    virtual void noteResponseLatency(int ms) = 0;
    virtual qint64 budgetRoom() const = 0;
    virtual void waitForBudget(Worker *worker) = 0;
    virtual qint64 tokens() = 0;
    virtual bool speedLimited() const = 0; // a speed limit applies (the download's or a global one)
    virtual void consumeTokens(qint64 bytes) = 0;
    virtual void waitForTokens(Worker *worker) = 0;
    virtual Scheduler::Accepted deliver(Worker *worker, const Scheduler::Lease &lease, qint64 offset,
                                        const QByteArray &data) = 0;
    virtual Scheduler::Lease renewLease(Worker *worker, const Scheduler::Lease &lease) = 0;
    virtual void releaseLease(Worker *worker, const Scheduler::Lease &lease) = 0;
    virtual void workerIdle(Worker *worker, const Scheduler::Lease &lease) = 0;
    virtual void workerFailed(Worker *worker, const Scheduler::Lease &lease, const ReplyError &error) = 0;
    virtual void noteRetry(Worker *worker, const ReplyError &error) = 0;
    // A new connection failed before any answer while the download's others work: true when
    // that is (or may be) the server's connection limit (the worker then stops, its range back
    // in the pool), false to retry as usual.
    virtual bool refusedExtraConnection(Worker *worker, const ReplyError &error) = 0;
    virtual void remoteChanged(const QString &why) = 0;
    // A request carrying credentials was redirected to another origin: later requests go there
    // (without the credentials; every 206 is still checked against the download's identity).
    virtual void movedTo(const QUrl &url) = 0;

protected:
    ~WorkerHost() = default;
};

class Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker(int index, WorkerHost *host, QNetworkAccessManager *nam);
    ~Worker() override;

    int index() const { return m_index; }
    bool isBusy() const { return m_lease.isValid(); }
    // A worker whose connection keeps failing (the server refuses another connection) rests a
    // while, so the download goes on with fewer connections instead of failing.
    void bench(std::chrono::milliseconds rest);
    bool isAvailable() const { return !isBusy() && !m_benched.isActive(); }
    bool isConnected() const { return !m_reply.isNull(); }
    // Idle, with its connection open for another request (a check asks there: another
    // connection might be one more than the server allows).
    bool hasIdleConnection() const;
    // Its connection was accepted: an answer came on it (not just being connected).
    bool isReceiving() const;
    // Waiting to try again: ms until the next attempt, else -1; and that attempt's number.
    qint64 retryRemainingMs() const { return m_retryTimer.isActive() ? m_retryTimer.remainingTime() : -1; }
    int failures() const { return m_retry.attempts(); }
    const Scheduler::Lease &lease() const { return m_lease; }
    QNetworkAccessManager *networkManager() const { return m_nam; }

    void startLease(const Scheduler::Lease &lease);
    // Takes over a reply already validated for this lease (the probe).
    void adoptReply(QNetworkReply *reply, const Scheduler::Lease &lease);
    // Stops at once and gives the lease back; no callbacks.
    void stop();
    // Reads what the memory budget allows; called again when the writer frees memory.
    void pump();
    // Called every few hundred ms: a connection whose data stopped, measured against its own
    // speed (silent for four times as long as 64 KiB took it, at least half a second), or
    // whose answer does not start, measured against how long this server's answers took to
    // start (at least a second; 3 s with no history), is dropped and its range asked for again
    // at once on a new connection.
    void checkStall();

private:
    void sendRequest(); // the first request of a lease, or a retry: from the lease's start
    QNetworkReply *request(qint64 start, qint64 end);
    void attach(QNetworkReply *reply);
    QByteArray take(qint64 maxBytes);
    bool wantsBoundedReply() const;
    void updateReplyBuffer();
    void onMetaData();
    void onFinished();
    void pipelineNext();
    void requestDone(); // the current request delivered all it asked for
    void handleFailure(const ReplyError &error, bool immediate = false);
    void endLease();
    void dropReply();
    void retireReply(); // the reply delivered all it was asked for: keep its connection alive
    double speed() const;
    qint64 firstByteLimitMs() const; // silence allowed before an answer's first byte

    int m_index;
    WorkerHost *m_host = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    Scheduler::Lease m_lease;
    qint64 m_pos = 0;
    qint64 m_requestStart = 0; // the range the current request asked for
    qint64 m_requestEnd = 0;
    bool m_timeHeaders = false; // the current request was sent alone: its wait is a latency
    bool m_checked = false;
    bool m_replyFinished = false;
    // The request pipelined behind the current one: [m_nextStart, m_nextEnd). Its signals are
    // connected only once it is current.
    QPointer<QNetworkReply> m_next;
    qint64 m_nextStart = 0;
    qint64 m_nextEnd = 0;
    // The connection has carried a whole answer and stays open: Qt pipelines into it only then
    // (before, a second request would open a second connection).
    bool m_warm = false;
    QElapsedTimer m_clock;
    SpeedMeter m_speed { 3000 };
    qint64 m_received = 0;
    qint64 m_lastByteMs = 0; // when bytes last came (or the current request became current)
    double m_lastRate = 0; // this connection's speed when they did
    double m_firstByteMs = -1; // how long answers took to start: a decaying maximum; -1: none yet
    bool m_waiting = false; // for the memory budget or the speed limit: not a stall
    bool m_pipelining = true; // off once Qt would not pipeline into this connection
    bool m_promoted = false; // the current request was sent ahead (pipelined, we hoped), until its headers
    bool m_sentAhead = false; // the same, for the current request's whole life
    RetryBudget m_retry; // failed attempts since the last progress
    QElapsedTimer m_sentAt; // when the current request went out
    qint64 m_attemptBytes = 0;
    qint64 m_unacked = 0; // bytes taken from the current reply since Qt was last told (see take())
    bool m_bounded = false; // the current reply's read buffer is bounded (see wantsBoundedReply())
    QTimer m_retryTimer;
    QTimer m_connectTimer; // no response headers in time: retry
    QTimer m_benched;
};

} // namespace bytehaul
