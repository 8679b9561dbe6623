// QueueController: the download queue's behaviour, without a widget. It owns what each
// download was added with, the finished rows restored from disk, per-download limits, the saved
// list (QueueStore) and the batching of the engine's snapshots into the model; it is driven by
// the DownloadManager's signals and by commands by id. The window is a view over it, and tests
// exercise it without widgets (qBittorrent's split between base/ and its transfer list).
#pragma once

#include "engine/downloadmanager.h"
#include "ui/queuestore.h"
#include "ui/uipreferences.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace bytehaul::ui {

class DownloadListModel;

class QueueController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueController)

public:
    QueueController(DownloadManager *manager, const QString &queueFile, const UiPreferences &preferences,
                    QObject *parent = nullptr);
    ~QueueController() override; // saves the list

    DownloadListModel *model() const { return m_model; }
    DownloadManager *manager() const { return m_manager; }
    // The queue's share of the preferences: new downloads' folder, connections and limit, the
    // queue limit, the overall limit, the give-up time, continuing at start.
    void setPreferences(const UiPreferences &preferences);

    QList<DownloadId> add(const QList<DownloadRequest> &requests);
    QList<DownloadId> addUrls(const QList<QUrl> &urls); // into the default folder
    // Restores the saved list: every row as it was; unfinished ones go back to the engine.
    // Returns a warning for the user (a damaged list), or nothing.
    QString restore();
    QString saveNow(); // the error, or nothing
    void scheduleSave();

    bool isEngineDownload(DownloadId id) const { return !m_archived.contains(id); }
    // The engine's latest snapshot for its downloads (fresher than the batched model row).
    DownloadSnapshot latest(DownloadId id) const;
    // The files of a download that are on disk now: the finished file, or the partial one and
    // its control file.
    QStringList filesOnDisk(DownloadId id) const;

    void pause(const QList<DownloadId> &ids);
    // Resumes paused downloads; failed and cancelled ones continue from what is on disk.
    // Returns the ids that replace retried rows.
    QList<DownloadId> resume(const QList<DownloadId> &ids);
    QList<DownloadId> retry(const QList<DownloadId> &ids);
    void cancel(const QList<DownloadId> &ids, PartialData partial);
    // Takes rows off the list; with deleteFiles, exactly filesOnDisk() of each goes too.
    void remove(const QList<DownloadId> &ids, bool deleteFiles);
    void move(const QList<DownloadId> &ids, int delta); // |delta| >= kFar: to the top / bottom
    void startNow(const QList<DownloadId> &ids);
    void verify(const QList<DownloadId> &ids);
    void setRateLimit(const QList<DownloadId> &ids, qint64 bytesPerSecond);
    qint64 rateLimit(DownloadId id) const { return m_limits.value(id); }
    void setConnections(const QList<DownloadId> &ids, int count);
    void pauseAll();
    void resumeAll();

    static constexpr int kFar = 1 << 20;

Q_SIGNALS:
    void flushed(); // the model took a batch of snapshots
    void downloadFinished(const bytehaul::DownloadSnapshot &snapshot);
    void urlReplaced(const QString &name, bool accepted, const QString &reason);
    void saveFailed(const QString &error);

private:
    void flush();

    DownloadManager *m_manager = nullptr;
    QueueStore m_store;
    UiPreferences m_prefs;
    DownloadListModel *m_model = nullptr;
    QHash<DownloadId, DownloadSnapshot> m_pending; // batched until the next flush
    QHash<DownloadId, DownloadRequest> m_requests; // what each download was added with
    QHash<DownloadId, DownloadSnapshot> m_archived; // finished entries restored from disk
    QHash<DownloadId, qint64> m_limits; // per-download speed limits set here
    DownloadId m_nextArchivedId = DownloadId(1) << 62;
    QTimer m_flushTimer;
    QTimer m_saveTimer;
};

} // namespace bytehaul::ui
