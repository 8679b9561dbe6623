// EngineCore: the part of DownloadManager that lives on the engine thread. It owns the
// sessions and the queue (which downloads may run now). Internal to the engine.
#pragma once

#include "engine/downloadtypes.h"
#include "engine/hostlimits.h"
#include "engine/networkpool.h"
#include "engine/ratelimiter.h"
#include "engine/sharedratelimiter.h"

#include <QElapsedTimer>

#include <QObject>
#include <QSet>

#include <map>
#include <memory>

class QThread;

namespace bytehaul {

class Session;

class EngineCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineCore)

public:
    explicit EngineCore(QThread *writerThread);
    ~EngineCore() override;

    void add(DownloadId id, const DownloadRequest &request, const DownloadOptions &options);
    void pause(DownloadId id);
    void resume(DownloadId id);
    void verify(DownloadId id);
    void cancel(DownloadId id, PartialData partial);
    void remove(DownloadId id, PartialData partial);
    void setMaxConcurrent(int count);
    void replaceUrl(DownloadId id, const QUrl &url);
    void moveInQueue(DownloadId id, int delta);
    void startNow(DownloadId id);
    void setGlobalRateLimit(qint64 bytesPerSecond);
    void setRateLimit(DownloadId id, qint64 bytesPerSecond);
    void setMaxConnectionsPerHost(int count);
    void setConnections(DownloadId id, int count);

Q_SIGNALS:
    void snapshot(const bytehaul::DownloadSnapshot &snapshot, bool terminal);
    void urlReplaced(bytehaul::DownloadId id, bool accepted, const QString &reason);

private:
    void schedule();
    void schedulePass();
    void applyHostBudget(Session *session);
    Session *find(DownloadId id) const;

    QThread *m_writerThread = nullptr;
    int m_maxConcurrent = 5;
    SharedRateLimiter m_globalLimit; // shared fairly by every download; sessions live on this thread too
    NetworkPool m_pool; // declared before the sessions, so it outlives them
    int m_maxPerHost = 16;
    HostLimits m_hostLimits; // connection limits learned from servers during this run
    std::map<DownloadId, std::unique_ptr<Session>> m_sessions;
    QList<DownloadId> m_queue; // waiting to start, in order
    // Started and perhaps still running (pruned by schedule()): what the concurrency limit and
    // the per-host budget look at, so their cost follows the running downloads, not the list.
    QSet<Session *> m_started;
    bool m_scheduling = false;
    bool m_scheduleAgain = false;
};

} // namespace bytehaul
