// DownloadManager: the engine's front door for the UI and the CLI. It lives in the caller's
// thread and owns two threads: "bytehaul-engine", where every Session and its network
// managers run, and "bytehaul-writer", where the FileWriters run. Callers never get a pointer
// into those threads: they send commands by id and receive value snapshots.
//
// It keeps a queue: at most maxConcurrent downloads run, the others wait in Queued, in the
// order they were added (or resumed).
#pragma once

#include "engine/downloadtypes.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <atomic>

namespace bytehaul {

class EngineCore;

class DownloadManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadManager)

public:
    explicit DownloadManager(QObject *parent = nullptr);
    ~DownloadManager() override; // running downloads are saved (control files) and stopped

    DownloadOptions defaultOptions() const { return m_defaults; }
    void setDefaultOptions(const DownloadOptions &options) { m_defaults = options; }

    int maxConcurrent() const { return m_maxConcurrent; }
    void setMaxConcurrent(int count);

    DownloadId add(const DownloadRequest &request);
    void pause(DownloadId id);
    void resume(DownloadId id);
    // Resumes a paused download after checking every piece already on disk (CRC32).
    void verify(DownloadId id);
    // Cancelled is final; what happens to the partial file is the caller's choice.
    void cancel(DownloadId id, PartialData partial = PartialData::AsConfigured);
    // Cancels if needed and forgets the download. Files are kept unless asked otherwise.
    void remove(DownloadId id, PartialData partial = PartialData::Keep);
    // For a paused or queued download: accepted only if the new URL serves the same file
    // (size, validators, or the CRC32 of a few completed pieces). See urlReplaced().
    void replaceUrl(DownloadId id, const QUrl &url);
    // Moves a queued download earlier (delta < 0) or later in the start order.
    void moveInQueue(DownloadId id, int delta);
    // Starts a queued or paused download at once, even when maxConcurrent are running.
    void startNow(DownloadId id);
    // Speed limits in bytes per second (0: none), changeable while downloads run.
    void setGlobalRateLimit(qint64 bytesPerSecond);
    void setRateLimit(DownloadId id, qint64 bytesPerSecond);
    // Connections to one host across all downloads (default 16), to be polite to a server.
    void setMaxConnectionsPerHost(int count);
    // Connections of one download (1-64), changeable while it runs.
    void setConnections(DownloadId id, int count);

    // The latest snapshot received (state Queued with no data before the first one).
    DownloadSnapshot snapshot(DownloadId id) const { return m_snapshots.value(id); }
    QList<DownloadId> ids() const { return m_order; }

Q_SIGNALS:
    void downloadAdded(const bytehaul::DownloadSnapshot &snapshot);
    void downloadChanged(const bytehaul::DownloadSnapshot &snapshot);
    void downloadFinished(const bytehaul::DownloadSnapshot &snapshot); // terminal, once
    void downloadRemoved(bytehaul::DownloadId id);
    void urlReplaced(bytehaul::DownloadId id, bool accepted, const QString &reason);

private:
    void onSnapshot(const DownloadSnapshot &snapshot, bool terminal);

    DownloadOptions m_defaults;
    int m_maxConcurrent = 5;
    QThread m_engineThread;
    QThread m_writerThread;
    EngineCore *m_core = nullptr;
    std::atomic<DownloadId> m_nextId { 1 };
    QHash<DownloadId, DownloadSnapshot> m_snapshots;
    QList<DownloadId> m_order;
};

} // namespace bytehaul
