#include "engine/rangedtransfer.h"

#include "engine/flowcontrol.h"
#include "engine/networkpool.h"
#include "engine/sessionutil.h"

#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <limits>

namespace bytehaul {

namespace {
// A split pays off when the half it saves outlasts what the new connection costs: its wait
// for headers plus TCP's ramp-up, taken as four times the measured wait, capped (a slow
// server must not stop splitting altogether).
qint64 splitThreshold(double responseLatencyMs)
{
    return responseLatencyMs < 0 ? 0 : std::min<qint64>(qint64(4 * responseLatencyMs), 4000);
}
// A request asks for about this much of a connection's measured speed: long enough that its
// headers cost little, short enough that a split never waits long for a boundary.
constexpr double kRequestSeconds = 1.5;
constexpr qint64 kFirstRequestBytes = 1 << 20; // speed not yet known: little, until it is
constexpr qint64 kMinRequestBytes = 1 << 20;
constexpr qint64 kMaxRequestBytes = 256 << 20;
} // namespace

RangedTransfer::RangedTransfer(RangedHost *host, FlowControl *flow, NetworkPool *pool, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_flow(flow)
    , m_pool(pool)
{
    m_clock.start();
    connect(m_flow, &FlowControl::roomFreed, this, [this] {
        const QSet<Worker *> waiters = std::exchange(m_budgetWaiters, {});
        for (Worker *w : waiters)
            w->pump();
    });
    connect(m_flow, &FlowControl::tokensReady, this, [this] {
        const QSet<Worker *> waiters = std::exchange(m_tokenWaiters, {});
        for (Worker *w : waiters)
            w->pump();
    });
}

RangedTransfer::~RangedTransfer()
{
    stop();
    m_workers.clear(); // before the managers they use
}

// ---- Connections ---------------------------------------------------------------------------

Worker *RangedTransfer::addWorker()
{
    // One network manager per worker: a manager spreads its requests over up to six
    // connections, so only a manager of its own keeps a worker's pipelined requests on the
    // worker's one connection.
    const int index = int(m_workers.size());
    const size_t group = size_t(index);
    const DownloadOptions &o = options();
    if (!m_pooled) {
        // Plain settings: warm managers from the pool. Own cookies, a proxy or credentials
        // (in the address or a header): private ones, never handed on. (A manager keeps the
        // credentials it answered a 401 with and uses them for the next 401 from that host:
        // pooled, they went to a later download that had none, found by review.)
        m_pooled = m_pool && o.cookies.isEmpty() && !o.proxy.isValid() && !carriesCredentials();
        m_trustKey = NetworkPool::trustKey(o);
    }
    while (m_networkManagers.size() <= group) {
        auto nam = *m_pooled ? m_pool->acquire(m_trustKey) : std::make_unique<QNetworkAccessManager>();
        nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        if (!o.cookies.isEmpty()) {
            auto *jar = new QNetworkCookieJar(nam.get());
            for (const QNetworkCookie &cookie : o.cookies)
                jar->insertCookie(cookie);
            nam->setCookieJar(jar);
        }
        if (o.proxy.isValid())
            nam->setProxy(networkProxy(o.proxy));
        m_networkManagers.push_back(std::move(nam));
    }
    m_workers.push_back(std::make_unique<Worker>(index, this, m_networkManagers[group].get()));
    return m_workers.back().get();
}

bool RangedTransfer::carriesCredentials() const
{
    bool credentials = !url().userInfo().isEmpty();
    for (const auto &[name, value] : options().headers)
        credentials = credentials || isCredentialHeader(name);
    return credentials;
}

QNetworkAccessManager *RangedTransfer::probeNetworkManager()
{
    if (m_workers.empty())
        addWorker();
    return m_workers[0]->networkManager();
}

QNetworkAccessManager *RangedTransfer::spareNetworkManager()
{
    for (const auto &w : m_workers) {
        if (w->hasIdleConnection())
            return w->networkManager();
    }
    return probeNetworkManager();
}

int RangedTransfer::targetWorkers() const
{
    const DownloadOptions &o = m_host->options();
    const qint64 total = m_host->totalSize();
    if (o.connections > 1 && total > o.minSplitSize)
        return int(std::clamp<qint64>(total / o.minSegmentSize, 1, o.connections));
    return 1;
}

void RangedTransfer::setConnections()
{
    m_userCount = true; // the user's count from now on: no growth
    m_growth = Growth::Done;
    if (!m_scheduler)
        return; // takes effect when the download (re)starts
    const int target = targetWorkers();
    while (int(m_workers.size()) > target) {
        // The retired worker's range goes back to the pool; the others split it up.
        Worker *w = m_workers.back().get();
        w->stop();
        m_budgetWaiters.remove(w);
        m_tokenWaiters.remove(w);
        m_workers.pop_back();
    }
    while (int(m_workers.size()) < target)
        addWorker();
    assignIdleWorkers();
}

int RangedTransfer::connectedCount() const
{
    int n = 0;
    for (const auto &w : m_workers)
        n += w->isConnected() ? 1 : 0;
    return n;
}

int RangedTransfer::busyCount() const
{
    int n = 0;
    for (const auto &w : m_workers)
        n += w->isBusy() ? 1 : 0;
    return n;
}

std::pair<qint64, int> RangedTransfer::nextRetry() const
{
    std::pair<qint64, int> next { -1, 0 };
    for (const auto &w : m_workers) {
        const qint64 in = w->retryRemainingMs();
        if (in >= 0 && (next.first < 0 || in < next.first))
            next = { in, w->failures() + 1 };
    }
    return next;
}

void RangedTransfer::setHostBudget(std::function<int()> othersOnHost, int limit, HostLimits *limits)
{
    m_othersOnHost = std::move(othersOnHost);
    m_hostLimit = limit;
    m_learnedLimits = limits;
}

int RangedTransfer::connectionCap() const
{
    const HostLimits &known = m_learnedLimits ? *m_learnedLimits : m_ownLimits;
    const int learned = known.limit(url());
    if (learned <= 0)
        return m_hostLimit;
    return m_hostLimit > 0 ? std::min(m_hostLimit, learned) : learned;
}

void RangedTransfer::stop()
{
    m_growStartMs = -1; // a speed is never measured across a pause
    m_growStartBytes = -1;
    for (auto &w : m_workers)
        w->stop();
    m_budgetWaiters.clear();
    m_tokenWaiters.clear();
}

void RangedTransfer::release()
{
    // Managers whose connection is open go back to the pool last, so the next download takes
    // them first: a new connection beside an idle open one may be one more than the server
    // allows.
    QList<size_t> order;
    for (size_t i = 0; i < m_networkManagers.size(); ++i) {
        const bool open = i < m_workers.size() && m_workers[i]->hasIdleConnection();
        if (open)
            order.append(i);
        else
            order.prepend(i);
    }
    stop();
    for (size_t i : std::as_const(order)) {
        // (Checked again: Replace address may have brought credentials since.)
        if (m_pooled.value_or(false) && !carriesCredentials()) {
            // The cookies servers set during this download stay with it.
            m_networkManagers[i]->setCookieJar(new QNetworkCookieJar);
            m_pool->release(std::move(m_networkManagers[i]), m_trustKey);
        }
    }
    m_networkManagers.clear();
    // The stopped workers still point at those managers but never send again (the download is
    // over); they go later, not now, as one of them may be on the call stack that led here.
    QMetaObject::invokeMethod(this, [this] { m_workers.clear(); }, Qt::QueuedConnection);
}

// ---- Scheduling ----------------------------------------------------------------------------

void RangedTransfer::begin(qint64 total, qint64 pieceSize, qint64 minSegmentSize)
{
    m_scheduler.emplace(total, pieceSize, minSegmentSize);
    m_scheduler->setSplitThresholdMs(splitThreshold(m_responseLatencyMs));
    // Another version, or another address: measured afresh (a count the user chose stays).
    m_growth = m_userCount ? Growth::Done : Growth::Measuring;
    m_growStartMs = -1;
    m_growStartBytes = -1;
    const int n = targetWorkers();
    while (int(m_workers.size()) < n)
        addWorker();
}

bool RangedTransfer::adoptProbe(QNetworkReply *probe, qint64 probeEnd)
{
    if (!m_scheduler || !probe)
        return false;
    const Scheduler::Lease first = m_scheduler->claim(0, 0, probeEnd, nowMs());
    if (!first.isValid())
        return false;
    if (m_workers.empty())
        addWorker();
    m_workers[0]->adoptReply(probe, first);
    return true;
}

void RangedTransfer::assignIdleWorkers()
{
    if (!m_scheduler || !m_host->isTransferring())
        return;
    int idle = 0;
    int busy = 0;
    for (const auto &w : m_workers) {
        idle += w->isAvailable() ? 1 : 0;
        busy += w->isBusy() ? 1 : 0;
    }
    // Politeness: never more than the per-host limit across all downloads from this host, nor
    // more than the server was found to allow (at least one connection each, so every
    // download moves).
    const int cap = connectionCap();
    const int others = m_othersOnHost ? m_othersOnHost() : 0;
    const int allowed = cap > 0 ? std::max(1, cap - others) : std::numeric_limits<int>::max();
    idle = std::min(idle, std::max(0, allowed - busy));
    // Workers whose connection is open go first: a new connection beside an idle open one
    // would be one more than a limited server allows.
    for (const bool open : { true, false }) {
        for (const auto &w : m_workers) {
            if (idle <= 0)
                break;
            if (!w->isAvailable() || w->hasIdleConnection() != open)
                continue;
            const Scheduler::Lease lease = m_scheduler->assign(w->index(), nowMs(), idle--);
            if (!lease.isValid()) {
                idle = 0;
                break;
            }
            w->startLease(lease);
        }
    }
    maybeComplete();
}

void RangedTransfer::maybeComplete()
{
    if (!m_scheduler || !m_scheduler->isFinished() || !m_host->isTransferring())
        return;
    for (const auto &w : m_workers) {
        if (w->isBusy())
            return;
    }
    m_host->rangedComplete();
}

void RangedTransfer::tick()
{
    for (const auto &w : m_workers)
        w->checkStall();
    learnRefusals();
    considerGrowth();
    assignIdleWorkers(); // an idle worker may now split or race a stalled segment
}

namespace {
constexpr qint64 kGrowWindowMs = 1500; // the speed is measured over this long
constexpr qint64 kGrowRampMs = 500; // a new connection's slow start is left out
constexpr double kGrowLeftSeconds = 3; // a new connection pays off only with this much left
} // namespace

void RangedTransfer::considerGrowth()
{
    // A server or a CDN that caps each connection gives more for more connections; a full link
    // does not. So a download starts with what was asked for and, while every connection is
    // busy, adds a quarter more (at least one) for as long as the last ones raised the speed by
    // at least half a connection's share each; then it stops (the connections it has stay: closing one would
    // waste its bytes in flight). Never beyond the per-host politeness cap, a learned limit,
    // after a refusal, or under a speed limit (there more connections only cost).
    const DownloadOptions &o = options();
    const int count = int(m_workers.size());
    const int ceiling = std::min(64, o.maxConnections);
    if (!m_scheduler || m_growth == Growth::Done || count >= ceiling)
        return;
    const int cap = connectionCap();
    const int others = m_othersOnHost ? m_othersOnHost() : 0;
    if (m_refusals > 0 || m_flow->isLimited() || (cap > 0 && count >= cap - others)) {
        m_growth = Growth::Done;
        return;
    }
    const qint64 now = nowMs();
    const qint64 done = m_scheduler->doneBytes();
    bool steady = true;
    for (const auto &w : m_workers)
        steady = steady && w->isBusy() && w->isReceiving();
    if (!steady) {
        // A connection without work, or one starting: measure afresh once all are busy (a
        // new connection's ramp-up still left out).
        m_growStartBytes = -1;
        if (m_growStartMs < now)
            m_growStartMs = -1;
        return;
    }
    if (m_growStartMs >= 0 && now < m_growStartMs)
        return;
    if (m_growStartMs < 0 || m_growStartBytes < 0) {
        m_growStartMs = now;
        m_growStartBytes = done;
        return;
    }
    if (now - m_growStartMs < kGrowWindowMs)
        return;
    const double rate = double(done - m_growStartBytes) * 1000.0 / double(now - m_growStartMs);
    const int added = count - m_growFrom;
    if (m_growth == Growth::Trial && rate < m_growBaseRate * (1.0 + 0.5 * added / std::max(1, m_growFrom))) {
        m_growth = Growth::Done; // the last connection did not help: the link, not the server, is the limit
        return;
    }
    if (double(totalSize() - done) < rate * kGrowLeftSeconds) {
        m_growStartMs = -1;
        return; // too little left for a new connection to pay off
    }
    // A quarter more at a time (at least one), so 8 connections reach 16 in four steps.
    int more = std::max(1, count / 4);
    more = std::min(more, ceiling - count);
    if (cap > 0)
        more = std::min(more, cap - others - count);
    m_growBaseRate = rate;
    m_growFrom = count;
    m_growth = Growth::Trial;
    for (int i = 0; i < more; ++i)
        addWorker();
    m_growStartMs = now + kGrowRampMs; // then a new window, without the new connection's ramp-up
    m_growStartBytes = -1;
}

qint64 RangedTransfer::nextRequestEnd(Worker *worker, const Scheduler::Lease &lease, qint64 from, double bytesPerSecond)
{
    if (!m_scheduler)
        return from;
    qint64 want = bytesPerSecond > 0 ? qint64(bytesPerSecond * kRequestSeconds) : kFirstRequestBytes;
    // Towards the end, requests shrink with what is left to ask for (down to a quarter of a
    // second), so that no connection holds a long requested tail while others run out of work.
    if (m_workers.size() > 1) {
        const qint64 left = m_scheduler->unrequestedBytes() / qint64(2 * m_workers.size());
        want = std::min(want, std::max(left, qint64(bytesPerSecond / 4)));
    }
    want = std::clamp(want, kMinRequestBytes, kMaxRequestBytes);
    return m_scheduler->requestEnd(worker->index(), lease, from, want);
}

void RangedTransfer::noteResponseLatency(int ms)
{
    if (ms < 0)
        return;
    m_responseLatencyMs = m_responseLatencyMs < 0 ? ms : 0.7 * m_responseLatencyMs + 0.3 * ms;
    if (m_scheduler)
        m_scheduler->setSplitThresholdMs(splitThreshold(m_responseLatencyMs));
}

// ---- Flow ----------------------------------------------------------------------------------

qint64 RangedTransfer::budgetRoom() const
{
    return m_flow->room();
}

void RangedTransfer::waitForBudget(Worker *worker)
{
    m_budgetWaiters.insert(worker);
}

qint64 RangedTransfer::tokens()
{
    return m_flow->tokens();
}

bool RangedTransfer::speedLimited() const
{
    return m_flow->isLimited();
}

void RangedTransfer::consumeTokens(qint64 bytes)
{
    m_flow->consume(bytes);
}

void RangedTransfer::waitForTokens(Worker *worker)
{
    m_tokenWaiters.insert(worker);
    m_flow->waitForTokens();
}

// ---- What the workers report ---------------------------------------------------------------

Scheduler::Accepted RangedTransfer::deliver(Worker *worker, const Scheduler::Lease &lease, qint64 offset,
                                            const QByteArray &data)
{
    Scheduler::Accepted accepted = m_scheduler->accept(worker->index(), lease, offset, data.size(), nowMs());
    if (accepted.length > 0) {
        m_host->writeRanged(accepted.writeOffset, accepted.skip == 0 && accepted.length == data.size()
                                                      ? data
                                                      : data.mid(accepted.skip, accepted.length));
    }
    for (int loser : std::as_const(accepted.losers))
        m_workers[size_t(loser)]->stop();
    if (!accepted.losers.isEmpty())
        QMetaObject::invokeMethod(this, &RangedTransfer::assignIdleWorkers, Qt::QueuedConnection);
    return accepted;
}

Scheduler::Lease RangedTransfer::renewLease(Worker *worker, const Scheduler::Lease &lease)
{
    return m_scheduler ? m_scheduler->renew(worker->index(), lease) : Scheduler::Lease {};
}

void RangedTransfer::releaseLease(Worker *worker, const Scheduler::Lease &lease)
{
    m_budgetWaiters.remove(worker);
    m_tokenWaiters.remove(worker);
    if (m_scheduler)
        m_scheduler->release(worker->index(), lease);
}

void RangedTransfer::workerIdle(Worker *worker, const Scheduler::Lease &lease)
{
    releaseLease(worker, lease);
    // Queued: the worker is still inside its reply's signal handler.
    QMetaObject::invokeMethod(this, &RangedTransfer::assignIdleWorkers, Qt::QueuedConnection);
}

void RangedTransfer::noteRetry(Worker *, const ReplyError &error)
{
    m_host->noteRetry(error);
}

bool RangedTransfer::refusedExtraConnection(Worker *worker, const ReplyError &error)
{
    // A server that allows fewer connections than asked refuses the extra one (or resets it,
    // or answers 503 or 429) while the others work. Retrying it would only be refused again,
    // by this download and by the next from the same server: learn the limit instead, and go
    // on with the connections that work.
    const bool refusal = error.code == ErrorCode::ConnectionRefused || error.code == ErrorCode::Network
        || error.httpStatus == 503 || error.httpStatus == 429;
    if (!refusal || error.remoteChanged)
        return false;
    // Counted only once every other connection has been answered or refused. While some are
    // still being set up the limit is not known yet: this worker rests a second (not a storm
    // of retries), its range back in the pool, and tries again if the limit allows by then.
    // A connection between two leases (idle, open) is one the server allows too: left out, the
    // limit learnt could be below the server's, for this download and the next (suspected in
    // one WAN run against a server allowing 4: 4 connections, but twice the time).
    int working = 0;
    bool pending = false;
    for (const auto &w : m_workers) {
        if (w.get() == worker)
            continue;
        if (!w->isBusy()) {
            working += w->hasIdleConnection() ? 1 : 0;
            continue;
        }
        pending = pending || (w->isConnected() && !w->isReceiving());
        working += w->isReceiving() ? 1 : 0;
    }
    if (working == 0 && !pending)
        return false; // nothing else works: an ordinary failure, retried as such
    // One refusal may be a passing 503: the worker rests a second and tries again. A second
    // refusal in this download is the server's limit.
    ++m_refusals;
    if (pending || m_refusals < 2) {
        m_refusedWhilePending = m_refusedWhilePending || pending; // see learnRefusals()
        worker->bench(std::chrono::seconds(1));
        return true;
    }
    m_refusedWhilePending = false;
    limits().learn(url(), working + (m_othersOnHost ? m_othersOnHost() : 0));
    m_host->noteConnections(tr("The server refused connection %1 (%2); going on with %n connection(s).", nullptr, working)
                                .arg(working + 1)
                                .arg(error.message),
                            NoteKind::Info);
    return true;
}

void RangedTransfer::learnRefusals()
{
    // A connection was refused while others were still being set up: once none is, those
    // answered are what the server allows.
    if (!m_refusedWhilePending || m_refusals < 2)
        return;
    int working = 0;
    for (const auto &w : m_workers) {
        if (w->isBusy() && w->isConnected() && !w->isReceiving())
            return; // still being set up
        working += (w->isBusy() && w->isReceiving()) || w->hasIdleConnection() ? 1 : 0;
    }
    m_refusedWhilePending = false;
    if (working == 0)
        return;
    limits().learn(url(), working + (m_othersOnHost ? m_othersOnHost() : 0));
}

void RangedTransfer::workerFailed(Worker *worker, const Scheduler::Lease &lease, const ReplyError &error)
{
    releaseLease(worker, lease);
    if (error.remoteChanged) {
        m_host->remoteChanged(error.message);
        return;
    }
    // One failing connection does not fail the download while others still make progress: it
    // rests (a server that refuses an extra connection gets fewer), its range goes back to the
    // pool, and the remaining workers take it over.
    if (error.errorClass == ErrorClass::Retry) {
        worker->bench(std::chrono::seconds(10));
        m_host->noteConnections(error.message, NoteKind::Transient);
        assignIdleWorkers();
        for (const auto &w : m_workers) {
            if (w->isBusy())
                return;
        }
    }
    m_host->rangedFailed(error);
}

} // namespace bytehaul
