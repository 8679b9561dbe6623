// Session, part 3: moving the bytes, on the ranged path (scheduler and workers) and on the
// stream path (one reply read front to back).
#include "engine/filewriter.h"
#include "engine/networkpool.h"
#include "engine/session.h"
#include "engine/sessionutil.h"
#include "engine/worker.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>

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

qint64 Session::nextRequestEnd(Worker *worker, const Scheduler::Lease &lease, qint64 from, double bytesPerSecond)
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

void Session::noteResponseLatency(int ms)
{
    if (ms < 0)
        return;
    m_responseLatencyMs = m_responseLatencyMs < 0 ? ms : 0.7 * m_responseLatencyMs + 0.3 * ms;
    if (m_scheduler)
        m_scheduler->setSplitThresholdMs(splitThreshold(m_responseLatencyMs));
}

// ---- Ranged path ---------------------------------------------------------------------------

void Session::startRanged(QNetworkReply *probe, qint64 probeEnd)
{
    m_mode = Mode::Ranged;
    const DownloadOptions &o = m_options;
    int n = 1;
    if (o.connections > 1 && m_total > o.minSplitSize)
        n = int(std::clamp<qint64>(m_total / o.minSegmentSize, 1, o.connections));
    m_scheduler.emplace(m_total, o.pieceSize, o.minSegmentSize);
    m_scheduler->setSplitThresholdMs(splitThreshold(m_responseLatencyMs));
    while (int(m_workers.size()) < n)
        addWorker();
    setState(DownloadState::Downloading);
    openWriter(true);
    // From now on the partial file is recognisably ours, unless the probe carries the whole
    // file: then the download finishes with this one answer and a control file would only cost
    // two fsyncs (measured: a quarter of the time of 200 small downloads).
    if (probeEnd < m_total)
        checkpoint(false);
    if (m_total == 0) {
        if (probe)
            probe->deleteLater();
        maybeComplete();
        return;
    }
    if (probe) { // the probe's answer is the first segment (none after a failed same-file check)
        const Scheduler::Lease first = m_scheduler->claim(0, 0, probeEnd, nowMs());
        m_workers[0]->adoptReply(probe, first);
    }
    assignIdleWorkers();
}

void Session::setConnections(int count)
{
    m_options.connections = std::clamp(count, 1, 64);
    if (m_mode != Mode::Ranged || !m_scheduler)
        return; // takes effect when the download (re)starts
    int target = 1;
    if (m_options.connections > 1 && m_total > m_options.minSplitSize)
        target = int(std::clamp<qint64>(m_total / m_options.minSegmentSize, 1, m_options.connections));
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
    if (m_state == DownloadState::Downloading)
        assignIdleWorkers();
    publish();
}

Worker *Session::addWorker()
{
    // One network manager per worker: a manager spreads its requests over up to six
    // connections, so only a manager of its own keeps a worker's pipelined requests on the
    // worker's one connection.
    const int index = int(m_workers.size());
    const size_t group = size_t(index);
    while (m_networkManagers.size() <= group) {
        // Plain settings: a warm manager from the pool. Own cookies or proxy: a private one.
        const bool pooled = m_pool && m_options.cookies.isEmpty() && !m_options.proxy.isValid();
        auto nam = pooled ? m_pool->acquire() : std::make_unique<QNetworkAccessManager>();
        nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        if (!m_options.cookies.isEmpty()) {
            auto *jar = new QNetworkCookieJar(nam.get());
            for (const QNetworkCookie &cookie : m_options.cookies)
                jar->insertCookie(cookie);
            nam->setCookieJar(jar);
        }
        if (m_options.proxy.isValid())
            nam->setProxy(networkProxy(m_options.proxy));
        m_networkManagers.push_back(std::move(nam));
    }
    m_workers.push_back(std::make_unique<Worker>(index, this, m_networkManagers[group].get()));
    return m_workers.back().get();
}

QNetworkAccessManager *Session::spareNetworkManager() const
{
    for (const auto &w : m_workers) {
        if (w->hasIdleConnection())
            return w->networkManager();
    }
    return m_workers[0]->networkManager();
}

void Session::assignIdleWorkers()
{
    if (!m_scheduler || m_state != DownloadState::Downloading)
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

void Session::maybeComplete()
{
    if (!m_scheduler || !m_scheduler->isFinished() || m_state != DownloadState::Downloading)
        return;
    for (const auto &w : m_workers) {
        if (w->isBusy())
            return;
    }
    completeDownload();
}

void Session::startResumed(QNetworkReply *probe, qint64 probeEnd)
{
    const ControlState &st = *m_resume;
    m_mode = Mode::Ranged;
    const DownloadOptions &o = m_options;
    int n = 1;
    if (o.connections > 1 && m_total > o.minSplitSize)
        n = int(std::clamp<qint64>(m_total / o.minSegmentSize, 1, o.connections));
    // The geometry is the saved one: the piece map and CRCs only make sense with it.
    m_scheduler.emplace(m_total, st.pieceSize, std::min(o.minSegmentSize, st.pieceSize));
    m_scheduler->setSplitThresholdMs(splitThreshold(m_responseLatencyMs));
    while (int(m_workers.size()) < n)
        addWorker();
    openWriter(false);
    continueResumed(probe, probeEnd);
}

void Session::sampleThenResume(const QList<qint64> &badPieces)
{
    // No ETag or Last-Modified tells this version from another of the same size: fetch 16 KiB
    // windows again and compare them with the disk before trusting the rest: the end of each
    // completed run (the newest bytes a connection wrote), the start of the first, two random
    // pieces, the end of each durable partial range. Pieces that failed their CRC check are
    // left out (they are fetched again anyway: a torn piece is no sign of another version).
    const ControlState &st = *m_resume;
    setState(DownloadState::Verifying);
    QList<std::pair<qint64, qint64>> windows;
    PieceMap map(st.totalSize, st.pieceSize);
    map.loadBitset(st.completedBitset);
    for (qint64 piece : badPieces)
        map.setComplete(piece, false);
    QList<qint64> complete;
    for (qint64 p = 0; p < map.pieceCount(); ++p) {
        if (!map.isComplete(p))
            continue;
        complete.append(p);
        const qint64 end = map.pieceStart(p) + map.pieceLength(p);
        if ((p + 1 == map.pieceCount() || !map.isComplete(p + 1)) && windows.size() < 8)
            windows.append({ std::max<qint64>(map.pieceStart(p), end - kSampleWindow), end });
    }
    if (!complete.isEmpty()) {
        windows.append({ map.pieceStart(complete.first()), map.pieceStart(complete.first()) + kSampleWindow });
        for (int i = 0; i < 2; ++i) {
            const qint64 p = complete.at(QRandomGenerator::global()->bounded(int(complete.size())));
            windows.append({ map.pieceStart(p), std::min(map.pieceStart(p) + kSampleWindow, map.pieceStart(p) + map.pieceLength(p)) });
        }
    }
    for (const ControlSegment &seg : st.segments) {
        const qint64 first = map.pieceAt(seg.start);
        const qint64 last = map.pieceAt(std::max(seg.start, seg.durableEnd - 1));
        bool tainted = false;
        for (qint64 piece : badPieces)
            tainted = tainted || (piece >= first && piece <= last);
        if (seg.durableEnd > seg.start && !tainted)
            windows.append({ std::max(seg.start, seg.durableEnd - kSampleWindow), seg.durableEnd });
    }
    const UrlReplacer::Known known = sampleWindows(windows);
    if (m_state != DownloadState::Verifying)
        return; // the data file could not be read
    runSampleCheck(known, [this, badPieces, count = int(known.samples.size())](bool same, const QString &reason) {
        if (!m_resume)
            return;
        if (same) {
            m_resumeCheck = tr("The server gives no ETag or Last-Modified, so %n sampled range(s) "
                               "were fetched again and compared: they match.",
                               nullptr, count);
            applyResume(badPieces);
            assignIdleWorkers();
            return;
        }
        // Another version: start over, the old control file removed before the data file is
        // truncated.
        m_resume.reset();
        setNote(tr("Starting over: %1. Old and new bytes are never mixed.").arg(reason), NoteKind::Warning);
        closeWriter(
            false, true,
            [this, run = m_run](bool) {
                if (m_state == DownloadState::Verifying && run == m_run)
                    startRanged(nullptr, 0);
            },
            !dataSharesFinalName());
    });
}

void Session::continueResumed(QNetworkReply *probe, qint64 probeEnd)
{
    const ControlState &st = *m_resume;
    const DownloadOptions &o = m_options;
    if (!st.cleanStop || o.verifyOnResume) {
        // After a crash, a completed piece may be torn: check each one's CRC32 on disk and
        // fetch again only those that fail.
        QPointer<QNetworkReply> unused(probe); // re-requested once the pieces are checked
        discard(unused, this);
        setState(DownloadState::Verifying);
        QList<std::pair<qint64, quint32>> pieces;
        PieceMap map(st.totalSize, st.pieceSize);
        map.loadBitset(st.completedBitset);
        for (qint64 p = 0; p < map.pieceCount(); ++p) {
            if (map.isComplete(p))
                pieces.append({ p, st.pieceCrcs.value(p) });
        }
        connect(m_writer, &FileWriter::verified, this, [this](const QList<qint64> &bad) {
            if (m_state != DownloadState::Verifying || !m_resume)
                return; // paused or cancelled meanwhile
            if (m_resume->etag.isEmpty() && m_resume->lastModified.isEmpty()) {
                sampleThenResume(bad);
                return;
            }
            applyResume(bad);
            assignIdleWorkers();
        });
        m_writer->verify(pieces);
        return;
    }
    if (st.etag.isEmpty() && st.lastModified.isEmpty()) {
        QPointer<QNetworkReply> unused(probe); // re-requested once the check is done
        discard(unused, this);
        sampleThenResume({});
        return;
    }
    applyResume({});
    const Scheduler::Lease first = probe ? m_scheduler->claim(0, 0, probeEnd, nowMs()) : Scheduler::Lease {};
    if (first.isValid()) {
        m_workers[0]->adoptReply(probe, first);
    } else {
        QPointer<QNetworkReply> unused(probe); // its bytes are already on disk
        discard(unused, this);
    }
    assignIdleWorkers();
}

void Session::applyResume(const QList<qint64> &badPieces)
{
    const ControlState st = *m_resume;
    m_resume.reset();
    PieceMap map(st.totalSize, st.pieceSize);
    map.loadBitset(st.completedBitset);
    for (qint64 piece : badPieces)
        map.setComplete(piece, false);
    QList<std::pair<qint64, quint32>> good;
    for (qint64 p = 0; p < map.pieceCount(); ++p) {
        if (map.isComplete(p)) {
            m_scheduler->markDone(map.pieceStart(p), map.pieceStart(p) + map.pieceLength(p));
            good.append({ p, st.pieceCrcs.value(p) });
        }
    }
    QList<std::pair<qint64, qint64>> partial;
    for (const ControlSegment &seg : st.segments) {
        // A partial range inside a piece that failed verification is fetched again with it.
        const qint64 first = map.pieceAt(seg.start);
        const qint64 last = map.pieceAt(std::max(seg.start, seg.durableEnd - 1));
        bool tainted = false;
        for (qint64 piece : badPieces)
            tainted = tainted || (piece >= first && piece <= last);
        if (!tainted && seg.durableEnd > seg.start) {
            m_scheduler->markDone(seg.start, seg.durableEnd);
            partial.append({ seg.start, seg.durableEnd });
        }
    }
    m_writer->seed(good, partial);
    m_lastDone = m_scheduler->doneBytes();
    m_lastSavedDone = m_lastDone;
    QString note = badPieces.isEmpty()
        ? tr("Resumed: %1 already on disk.").arg(formatSize(m_lastDone))
        : tr("Resumed: %1 already on disk; %n damaged piece(s) will be fetched again.", nullptr,
             int(badPieces.size()))
              .arg(formatSize(m_lastDone));
    if (!m_resumeCheck.isEmpty())
        note += QLatin1Char(' ') + std::exchange(m_resumeCheck, QString());
    setNote(note, NoteKind::Info);
    setState(DownloadState::Downloading);
}

void Session::movedTo(const QUrl &url)
{
    if (m_finalUrl == url)
        return;
    const bool otherOrigin = !sameOrigin(url, m_finalUrl);
    m_finalUrl = url;
    if (otherOrigin) {
        setNote(tr("Redirected to %1; the credentials given for %2 stay there.")
                    .arg(url.toDisplayString(QUrl::RemoveUserInfo), m_request.url.host()),
                NoteKind::Info);
    }
}

void Session::remoteChanged(const QString &why)
{
    if (isTerminal(m_state) || m_mode == Mode::None)
        return;
    // Old and new bytes are never mixed: drop everything and start from zero at the same path.
    stopNetwork();
    if (++m_remoteChanges > kMaxRemoteChanges) {
        // A file that changes on every answer (load-balanced nodes with their own ETags, say)
        // can never be downloaded whole: say so instead of starting over forever.
        fail({ ErrorClass::User,
               tr("%1; the file changed on the server %n time(s) during this download, so it cannot be "
                  "downloaded consistently", nullptr, m_remoteChanges)
                   .arg(why),
               ErrorCode::BadResponse, 0, why });
        return;
    }
    setNote(tr("%1; starting over from the beginning.").arg(why), NoteKind::Warning);
    m_scheduler.reset();
    m_resume.reset();
    m_mode = Mode::None;
    m_startOver = true;
    m_lastDone = 0;
    dropStream();
    m_probeAttempts.progress();
    setState(DownloadState::Probing); // before closeWriter(), which may call back at once
    // The old version's bytes go with their control file: a failure before the new version's
    // first save (the next answer a 404, say) leaves an empty .part, not a full-size file of the
    // old version without a control file. (Never a file under the final name: the user's.)
    closeWriter(
        false, true,
        [this, run = m_run](bool) {
            if (m_state != DownloadState::Probing || run != m_run)
                return; // paused, resumed or cancelled while closing (start() probes itself)
            sendProbe();
        },
        !dataSharesFinalName());
}

void Session::waitForBudget(Worker *worker)
{
    m_budgetWaiters.insert(worker);
}

Scheduler::Accepted Session::deliver(Worker *worker, const Scheduler::Lease &lease, qint64 offset,
                                     const QByteArray &data)
{
    Scheduler::Accepted accepted = m_scheduler->accept(worker->index(), lease, offset, data.size(), nowMs());
    if (accepted.length > 0 && m_writer) {
        m_budgetHeld += accepted.length;
        m_writer->write(accepted.writeOffset, accepted.skip == 0 && accepted.length == data.size()
                                                  ? data
                                                  : data.mid(accepted.skip, accepted.length));
    }
    for (int loser : std::as_const(accepted.losers))
        m_workers[size_t(loser)]->stop();
    if (!accepted.losers.isEmpty())
        QMetaObject::invokeMethod(this, &Session::assignIdleWorkers, Qt::QueuedConnection);
    return accepted;
}

Scheduler::Lease Session::renewLease(Worker *worker, const Scheduler::Lease &lease)
{
    return m_scheduler ? m_scheduler->renew(worker->index(), lease) : Scheduler::Lease {};
}

void Session::releaseLease(Worker *worker, const Scheduler::Lease &lease)
{
    m_budgetWaiters.remove(worker);
    m_tokenWaiters.remove(worker);
    if (m_scheduler)
        m_scheduler->release(worker->index(), lease);
}

void Session::workerIdle(Worker *worker, const Scheduler::Lease &lease)
{
    releaseLease(worker, lease);
    // Queued: the worker is still inside its reply's signal handler.
    QMetaObject::invokeMethod(this, &Session::assignIdleWorkers, Qt::QueuedConnection);
}

void Session::noteRetry(Worker *, const ReplyError &error)
{
    ++m_retries;
    setNote(error.message, NoteKind::Transient);
}

bool Session::refusedExtraConnection(Worker *worker, const ReplyError &error)
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
    int working = 0;
    bool pending = false;
    for (const auto &w : m_workers) {
        if (w.get() == worker || !w->isBusy())
            continue;
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
    HostLimits &limits = m_learnedLimits ? *m_learnedLimits : m_ownLimits;
    limits.learn(m_finalUrl, working + (m_othersOnHost ? m_othersOnHost() : 0));
    setNote(tr("The server refused connection %1 (%2); going on with %n connection(s).", nullptr, working)
                .arg(working + 1)
                .arg(error.message),
            NoteKind::Info);
    return true;
}

void Session::learnRefusals()
{
    // A connection was refused while others were still being set up: once none is, those
    // answered are what the server allows.
    if (!m_refusedWhilePending || m_refusals < 2)
        return;
    int working = 0;
    for (const auto &w : m_workers) {
        if (w->isBusy() && w->isConnected() && !w->isReceiving())
            return; // still being set up
        working += w->isBusy() && w->isReceiving() ? 1 : 0;
    }
    m_refusedWhilePending = false;
    if (working == 0)
        return;
    HostLimits &limits = m_learnedLimits ? *m_learnedLimits : m_ownLimits;
    limits.learn(m_finalUrl, working + (m_othersOnHost ? m_othersOnHost() : 0));
}

void Session::workerFailed(Worker *worker, const Scheduler::Lease &lease, const ReplyError &error)
{
    releaseLease(worker, lease);
    if (error.remoteChanged) {
        remoteChanged(error.message);
        return;
    }
    // One failing connection does not fail the download while others still make progress: it
    // rests (a server that refuses an extra connection gets fewer), its range goes back to the
    // pool, and the remaining workers take it over.
    if (error.errorClass == ErrorClass::Retry) {
        worker->bench(std::chrono::seconds(10));
        setNote(error.message, NoteKind::Transient);
        assignIdleWorkers();
        for (const auto &w : m_workers) {
            if (w->isBusy())
                return;
        }
    }
    fail(error);
}

// ---- Stream path ---------------------------------------------------------------------------

void Session::attachStream(QNetworkReply *reply, const RemoteIdentity &identity)
{
    m_mode = Mode::Stream;
    m_stream = std::make_unique<StreamTransfer>(reply, identity.total, m_finalUrl.toDisplayString(QUrl::RemoveUserInfo), this);
    m_total = identity.total;
    if (!admitTotal(m_total, m_options.pieceSize))
        return;
    setState(DownloadState::Downloading);
    openWriter(true);
    m_stream->start();
}

void Session::dropStream()
{
    if (m_stream) {
        m_stream->stop();
        m_stream.release()->deleteLater();
    }
}

void Session::writeStream(qint64 offset, const QByteArray &data)
{
    m_budgetHeld += data.size();
    m_writer->write(offset, data);
}

void Session::streamComplete(qint64 total)
{
    m_total = total;
    completeDownload();
}

void Session::restartStream(const ReplyError &error)
{
    // This server cannot continue a transfer mid-way (that is why this is the stream path), so
    // a broken connection means starting over: honestly, truncating what was written, and
    // saying so. Bounded by the retry policy like any other retry.
    m_streamAttempts.setPolicy(m_options.retry);
    const std::optional<std::chrono::milliseconds> wait = m_streamAttempts.next(error);
    if (!wait) {
        fail(error);
        return;
    }
    dropStream();
    setNote(tr("%1; the server cannot resume, so the download restarts from the beginning.").arg(error.message),
            NoteKind::Warning);
    m_mode = Mode::None;
    m_lastDone = 0;
    m_probeAttempts.progress();
    closeWriter(
        false, true,
        [this, wait, run = m_run](bool) {
            if (m_state != DownloadState::Downloading || run != m_run)
                return; // paused, resumed or cancelled meanwhile
            setState(DownloadState::Probing);
            m_probeRetry.start(*wait);
        },
        !dataSharesFinalName());
}

} // namespace bytehaul
