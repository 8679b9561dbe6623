#include "engine/downloadmanager.h"

#include "engine/enginecore.h"

namespace bytehaul {

DownloadManager::DownloadManager(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<DownloadSnapshot>();
    qRegisterMetaType<DownloadId>("bytehaul::DownloadId");
    m_engineThread.setObjectName(QStringLiteral("bytehaul-engine"));
    m_writerThread.setObjectName(QStringLiteral("bytehaul-writer"));
    m_writerThread.start();
    m_engineThread.start();
    m_core = new EngineCore(&m_writerThread);
    m_core->moveToThread(&m_engineThread);
    connect(m_core, &EngineCore::snapshot, this, &DownloadManager::onSnapshot, Qt::QueuedConnection);
    connect(m_core, &EngineCore::urlReplaced, this, &DownloadManager::urlReplaced, Qt::QueuedConnection);
}

DownloadManager::~DownloadManager()
{
    EngineCore *core = m_core;
    core->disconnect(this);
    // Sessions flush their writers synchronously while being destroyed on their own thread.
    QMetaObject::invokeMethod(core, [core] { delete core; }, Qt::BlockingQueuedConnection);
    m_engineThread.quit();
    m_engineThread.wait();
    m_writerThread.quit();
    m_writerThread.wait();
}

void DownloadManager::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    QMetaObject::invokeMethod(m_core, [core = m_core, count = m_maxConcurrent] { core->setMaxConcurrent(count); });
}

DownloadId DownloadManager::add(const DownloadRequest &request)
{
    const DownloadId id = m_nextId++;
    DownloadSnapshot s;
    s.id = id;
    s.url = request.url;
    s.state = request.startPaused ? DownloadState::Paused : DownloadState::Queued;
    s.added = QDateTime::currentDateTime();
    m_snapshots.insert(id, s);
    m_order.append(id);
    Q_EMIT downloadAdded(s);
    const DownloadOptions options = request.overrides.applyTo(m_defaults);
    QMetaObject::invokeMethod(m_core, [core = m_core, id, request, options] { core->add(id, request, options); });
    return id;
}

void DownloadManager::pause(DownloadId id)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id] { core->pause(id); });
}

void DownloadManager::resume(DownloadId id)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id] { core->resume(id); });
}

void DownloadManager::replaceUrl(DownloadId id, const QUrl &url)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, url] { core->replaceUrl(id, url); });
}

void DownloadManager::moveInQueue(DownloadId id, int delta)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, delta] { core->moveInQueue(id, delta); });
}

void DownloadManager::startNow(DownloadId id)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id] { core->startNow(id); });
}

void DownloadManager::setGlobalRateLimit(qint64 bytesPerSecond)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, bytesPerSecond] { core->setGlobalRateLimit(bytesPerSecond); });
}

void DownloadManager::setRateLimit(DownloadId id, qint64 bytesPerSecond)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, bytesPerSecond] { core->setRateLimit(id, bytesPerSecond); });
}

void DownloadManager::setConnections(DownloadId id, int count)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, count] { core->setConnections(id, count); });
}

void DownloadManager::setMaxConnectionsPerHost(int count)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, count] { core->setMaxConnectionsPerHost(count); });
}

void DownloadManager::verify(DownloadId id)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id] { core->verify(id); });
}

void DownloadManager::cancel(DownloadId id, PartialData partial)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, partial] { core->cancel(id, partial); });
}

void DownloadManager::remove(DownloadId id, PartialData partial)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, partial] { core->remove(id, partial); });
    if (m_snapshots.remove(id)) {
        m_order.removeAll(id);
        Q_EMIT downloadRemoved(id);
    }
}

void DownloadManager::onSnapshot(const DownloadSnapshot &snapshot, bool terminal)
{
    if (!m_snapshots.contains(snapshot.id))
        return; // removed meanwhile
    // Progress never goes backwards on screen, even when a late snapshot overtakes.
    const DownloadSnapshot &old = m_snapshots[snapshot.id];
    if (isTerminal(old.state) && !terminal)
        return;
    m_snapshots[snapshot.id] = snapshot;
    Q_EMIT downloadChanged(snapshot);
    if (terminal)
        Q_EMIT downloadFinished(snapshot);
}

} // namespace bytehaul
