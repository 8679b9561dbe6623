#include "engine/enginecore.h"

#include "engine/session.h"

namespace bytehaul {

EngineCore::EngineCore(QThread *writerThread) : m_writerThread(writerThread) { }

void EngineCore::setGlobalRateLimit(qint64 bytesPerSecond)
{
    m_globalLimit.setRate(bytesPerSecond, RateLimiter::steadyMs());
}

void EngineCore::setRateLimit(DownloadId id, qint64 bytesPerSecond)
{
    if (Session *s = find(id))
        s->setRateLimit(bytesPerSecond);
}

EngineCore::~EngineCore() = default;

Session *EngineCore::find(DownloadId id) const
{
    auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

void EngineCore::add(DownloadId id, const DownloadRequest &request, const DownloadOptions &options)
{
    auto session = std::make_unique<Session>(id, request, options, m_writerThread, &m_globalLimit, &m_pool);
    connect(session.get(), &Session::snapshotChanged, this,
            [this](const DownloadSnapshot &s) { Q_EMIT snapshot(s, false); });
    connect(session.get(), &Session::finished, this, [this](const DownloadSnapshot &s) {
        Q_EMIT snapshot(s, true);
        schedule();
    });
    connect(session.get(), &Session::urlReplaced, this, &EngineCore::urlReplaced);
    applyHostBudget(session.get());
    Session *raw = session.get();
    m_sessions.emplace(id, std::move(session));
    Q_EMIT snapshot(raw->snapshot(), false);
    if (raw->state() == DownloadState::Queued)
        m_queue.append(id);
    schedule();
}

void EngineCore::pause(DownloadId id)
{
    if (Session *s = find(id)) {
        m_queue.removeAll(id); // a queued download is parked as well
        s->pause();
        schedule();
    }
}

void EngineCore::resume(DownloadId id)
{
    Session *s = find(id);
    if (!s || s->state() != DownloadState::Paused)
        return;
    s->setQueued();
    if (!m_queue.contains(id))
        m_queue.append(id);
    schedule();
}

void EngineCore::verify(DownloadId id)
{
    if (Session *s = find(id)) {
        s->verifyOnNextStart();
        resume(id);
    }
}

void EngineCore::cancel(DownloadId id, PartialData partial)
{
    if (Session *s = find(id)) {
        m_queue.removeAll(id);
        s->cancel(partial);
    }
}

void EngineCore::remove(DownloadId id, PartialData partial)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    m_queue.removeAll(id);
    m_started.remove(it->second.get());
    it->second->disconnect(this);
    it->second->cancel(partial);
    m_sessions.erase(it);
    schedule();
}

void EngineCore::replaceUrl(DownloadId id, const QUrl &url)
{
    if (Session *s = find(id))
        s->replaceUrl(url);
    else
        Q_EMIT urlReplaced(id, false, tr("No such download."));
}

void EngineCore::moveInQueue(DownloadId id, int delta)
{
    const qsizetype from = m_queue.indexOf(id);
    if (from < 0)
        return;
    const qsizetype to = std::clamp<qsizetype>(from + delta, 0, m_queue.size() - 1);
    m_queue.move(from, to);
}

void EngineCore::startNow(DownloadId id)
{
    Session *s = find(id);
    if (!s || (s->state() != DownloadState::Queued && s->state() != DownloadState::Paused))
        return;
    m_queue.removeAll(id);
    if (s->state() == DownloadState::Paused)
        s->setQueued();
    m_started.insert(s); // counts as running: the queue waits for it like for any other
    s->start();
}

void EngineCore::applyHostBudget(Session *self)
{
    self->setHostBudget(
        [this, self] {
            int n = 0;
            const QString host = self->host();
            for (const Session *other : std::as_const(m_started)) {
                if (other != self && other->activeConnections() > 0 && other->host() == host)
                    n += other->activeConnections();
            }
            return n;
        },
        m_maxPerHost, &m_hostLimits);
}

void EngineCore::setConnections(DownloadId id, int count)
{
    if (Session *s = find(id))
        s->setConnections(count);
}

void EngineCore::setMaxConnectionsPerHost(int count)
{
    m_maxPerHost = std::max(1, count);
    for (const auto &[id, s] : m_sessions)
        applyHostBudget(s.get());
}

void EngineCore::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    schedule();
}

void EngineCore::schedule()
{
    // A download may finish inside start() (a bad address) and call back in here: run again
    // after this pass instead of nesting, so the count below is never stale.
    if (m_scheduling) {
        m_scheduleAgain = true;
        return;
    }
    m_scheduling = true;
    do {
        m_scheduleAgain = false;
        schedulePass();
    } while (m_scheduleAgain);
    m_scheduling = false;
}

void EngineCore::schedulePass()
{
    for (auto it = m_started.begin(); it != m_started.end();) {
        const DownloadState st = (*it)->state();
        if (st == DownloadState::Probing || st == DownloadState::Downloading || st == DownloadState::Verifying)
            ++it;
        else
            it = m_started.erase(it);
    }
    qsizetype running = m_started.size();
    while (running < m_maxConcurrent && !m_queue.isEmpty()) {
        Session *s = find(m_queue.takeFirst());
        if (!s || s->state() != DownloadState::Queued)
            continue;
        m_started.insert(s);
        ++running;
        s->start();
    }
}

} // namespace bytehaul
