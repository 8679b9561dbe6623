// RangedTransfer: the ranged path of a download: a Scheduler over the file's pieces and 1..N
// Workers, one keep-alive connection each (see Worker). It hands out leases, takes the bytes
// the workers deliver (first come, first written: the scheduler drops a duplicate), sizes
// their requests, keeps within the download's FlowControl, stays polite to the host (a
// per-host cap and the connection limits learned from refusals) and tells its download when
// every byte is in or when it cannot go on. It talks to the download through RangedHost only;
// the download keeps the state, the writer, the control file and the retry of the whole job.
//
// It lives as long as its download: its network managers (and so the open connections) serve
// the probe and one-off checks too, and stay warm across pause and resume. The scheduler
// exists from begin() to end(): one version of the file at one piece size.
#pragma once

#include "engine/downloadtypes.h"
#include "engine/hostlimits.h"
#include "engine/replycheck.h"
#include "engine/scheduler.h"
#include "engine/worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace bytehaul {

class FlowControl;
class NetworkPool;

class RangedHost
{
public:
    // The download's identity: every 206 must carry exactly these validators.
    virtual const QUrl &url() const = 0;
    virtual const DownloadOptions &options() const = 0;
    virtual qint64 totalSize() const = 0;
    virtual const QByteArray &ifRange() const = 0;
    virtual const QByteArray &etag() const = 0;
    virtual const QByteArray &lastModified() const = 0;
    virtual qint64 replyBufferSize() const = 0;
    virtual bool isTransferring() const = 0; // idle workers may take work now
    virtual void writeRanged(qint64 offset, const QByteArray &data) = 0; // accepted bytes, to the writer
    virtual void rangedComplete() = 0; // every byte accepted, no request left in flight
    virtual void rangedFailed(const ReplyError &error) = 0; // no connection can go on
    virtual void remoteChanged(const QString &why) = 0;
    virtual void movedTo(const QUrl &url) = 0;
    virtual void noteRetry(const ReplyError &error) = 0; // a request failed and is retried
    virtual void noteConnections(const QString &text, NoteKind kind) = 0;

protected:
    ~RangedHost() = default;
};

class RangedTransfer final : public QObject, public WorkerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangedTransfer)

public:
    RangedTransfer(RangedHost *host, FlowControl *flow, NetworkPool *pool, QObject *parent = nullptr);
    ~RangedTransfer() override;

    // Connections (they outlive a scheduler).
    QNetworkAccessManager *probeNetworkManager(); // worker 0's: the probe opens its connection
    // For a one-off request: an idle worker's manager, whose connection is open.
    QNetworkAccessManager *spareNetworkManager();
    // Politeness per host: no connection while the others on the same host already hold
    // `limit` (othersOnHost() counts them); limits: what the engine learned about servers'
    // connection limits (may be null).
    void setHostBudget(std::function<int()> othersOnHost, int limit, HostLimits *limits);
    void setConnections(); // options().connections changed: workers are added or retired
    int workerCount() const { return int(m_workers.size()); }
    int connectedCount() const;
    int busyCount() const;
    // The soonest retry a worker waits for: ms (else -1) and its attempt number.
    std::pair<qint64, int> nextRetry() const;

    // The scheduler.
    void begin(qint64 total, qint64 pieceSize, qint64 minSegmentSize);
    void end() { m_scheduler.reset(); }
    Scheduler *scheduler() { return m_scheduler ? &*m_scheduler : nullptr; }
    const Scheduler *scheduler() const { return m_scheduler ? &*m_scheduler : nullptr; }
    // The probe's answer as worker 0's first segment: false (the reply untouched) when its
    // bytes are already in.
    bool adoptProbe(QNetworkReply *probe, qint64 probeEnd);
    void assignIdleWorkers(); // idle workers take leases (or split and race); may complete
    void maybeComplete(); // every byte in and no request in flight: rangedComplete()
    void tick(); // stalls, learned limits, growth, new leases
    void stop(); // every worker stops; leases go back, no callbacks
    void release(); // the download is over: managers back to the pool
    qint64 nowMs() const { return m_clock.elapsed(); } // the scheduler's clock

    // WorkerHost
    const QUrl &url() const override { return m_host->url(); }
    const DownloadOptions &options() const override { return m_host->options(); }
    qint64 totalSize() const override { return m_host->totalSize(); }
    const QByteArray &ifRange() const override { return m_host->ifRange(); }
    const QByteArray &etag() const override { return m_host->etag(); }
    const QByteArray &lastModified() const override { return m_host->lastModified(); }
    qint64 replyBufferSize() const override { return m_host->replyBufferSize(); }
    qint64 nextRequestEnd(Worker *worker, const Scheduler::Lease &lease, qint64 from, double bytesPerSecond) override;
    void noteResponseLatency(int ms) override;
    qint64 budgetRoom() const override;
    void waitForBudget(Worker *worker) override;
    qint64 tokens() override;
    bool speedLimited() const override;
    void consumeTokens(qint64 bytes) override;
    void waitForTokens(Worker *worker) override;
    Scheduler::Accepted deliver(Worker *worker, const Scheduler::Lease &lease, qint64 offset,
                                const QByteArray &data) override;
    Scheduler::Lease renewLease(Worker *worker, const Scheduler::Lease &lease) override;
    void releaseLease(Worker *worker, const Scheduler::Lease &lease) override;
    void workerIdle(Worker *worker, const Scheduler::Lease &lease) override;
    void workerFailed(Worker *worker, const Scheduler::Lease &lease, const ReplyError &error) override;
    void noteRetry(Worker *worker, const ReplyError &error) override;
    bool refusedExtraConnection(Worker *worker, const ReplyError &error) override;
    void remoteChanged(const QString &why) override { m_host->remoteChanged(why); }
    void movedTo(const QUrl &url) override { m_host->movedTo(url); }

private:
    Worker *addWorker();
    int targetWorkers() const;
    int connectionCap() const; // politeness and the server's learned limit together; 0: none
    void learnRefusals();
    // Adaptive connections: measure, add one, measure again; stop when one did not help.
    void considerGrowth();
    enum class Growth { Measuring, Trial, Done };
    Growth m_growth = Growth::Measuring;
    qint64 m_growStartMs = -1; // the current measuring window: when it began (-1: not yet)
    qint64 m_growStartBytes = 0;
    double m_growBaseRate = 0; // the speed before the last connection was added
    int m_growFrom = 0; // connections then (the ones added since are on trial)
    bool m_userCount = false; // the user set the count while it ran
    HostLimits &limits() { return m_learnedLimits ? *m_learnedLimits : m_ownLimits; }

    RangedHost *m_host = nullptr;
    FlowControl *m_flow = nullptr;
    NetworkPool *m_pool = nullptr;
    bool carriesCredentials() const; // in the address or a header
    std::optional<bool> m_pooled; // decided with the first manager: taken from (and given back to) m_pool
    QByteArray m_trustKey; // NetworkPool::trustKey() of the options then
    std::optional<Scheduler> m_scheduler;
    double m_responseLatencyMs = -1; // smoothed; -1: none measured yet
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_networkManagers;
    std::vector<std::unique_ptr<Worker>> m_workers; // destroyed before the managers
    QSet<Worker *> m_budgetWaiters;
    QSet<Worker *> m_tokenWaiters;
    std::function<int()> m_othersOnHost;
    int m_hostLimit = 0;
    HostLimits *m_learnedLimits = nullptr; // the engine's; else m_ownLimits
    HostLimits m_ownLimits;
    bool m_refusedWhilePending = false;
    int m_refusals = 0; // new connections refused in this download (see refusedExtraConnection())
    QElapsedTimer m_clock;
};

} // namespace bytehaul
