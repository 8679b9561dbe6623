#include "ui/queuecontroller.h"

#include "engine/controlfile.h"
#include "engine/filenames.h"
#include "ui/downloadlistmodel.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace bytehaul::ui {

namespace {
constexpr int kFlushMs = 200; // snapshots are applied to the model at most 5 times a second
constexpr int kSaveMs = 500;

bool canResume(DownloadState s) { return s == DownloadState::Paused; }
bool canRetry(DownloadState s) { return s == DownloadState::Failed || s == DownloadState::Cancelled; }
bool canPause(DownloadState s)
{
    return s == DownloadState::Queued || s == DownloadState::Probing || s == DownloadState::Downloading;
}
} // namespace

QueueController::QueueController(DownloadManager *manager, const QString &queueFile, const UiPreferences &preferences,
                                 QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_store(queueFile)
    , m_model(new DownloadListModel(this))
{
    setPreferences(preferences);
    m_flushTimer.setInterval(kFlushMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &QueueController::flush);
    m_saveTimer.setInterval(kSaveMs);
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        if (const QString error = saveNow(); !error.isEmpty())
            Q_EMIT saveFailed(error);
    });
    connect(m_manager, &DownloadManager::downloadChanged, this, [this](const DownloadSnapshot &s) {
        const DownloadSnapshot *shown = m_model->snapshot(s.id);
        const bool stateChanged = !m_pending.contains(s.id) && shown && shown->state != s.state;
        m_pending.insert(s.id, s);
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
        if (stateChanged)
            scheduleSave();
    });
    connect(m_manager, &DownloadManager::downloadFinished, this, [this](const DownloadSnapshot &s) {
        scheduleSave();
        Q_EMIT downloadFinished(s);
    });
    connect(m_manager, &DownloadManager::downloadRemoved, this, [this](DownloadId id) {
        m_pending.remove(id); // a late snapshot must not bring a removed row back
    });
    connect(m_manager, &DownloadManager::urlReplaced, this, [this](DownloadId id, bool accepted, const QString &reason) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        if (accepted) {
            m_requests[id].url = m_manager->snapshot(id).url;
            scheduleSave();
        }
        Q_EMIT urlReplaced(s ? s->fileName : QString(), accepted, reason);
    });
}

QueueController::~QueueController()
{
    saveNow();
}

void QueueController::setPreferences(const UiPreferences &preferences)
{
    m_prefs = preferences;
    m_manager->setMaxConcurrent(m_prefs.maxConcurrent);
    m_manager->setGlobalRateLimit(m_prefs.globalRateLimit);
    DownloadOptions defaults = m_manager->defaultOptions();
    defaults.retry.maxStall = std::chrono::seconds(m_prefs.giveUpSeconds);
    defaults.maxConnections = m_prefs.maxConnections;
    m_manager->setDefaultOptions(defaults); // new downloads; running ones keep theirs
}

QList<DownloadId> QueueController::add(const QList<DownloadRequest> &requests)
{
    QList<DownloadId> ids;
    for (DownloadRequest r : requests) {
        if (!r.overrides.rateLimit && m_prefs.downloadRateLimit > 0)
            r.overrides.rateLimit = m_prefs.downloadRateLimit; // Preferences: limit per new download
        const DownloadId id = m_manager->add(r);
        if (r.overrides.rateLimit)
            m_limits.insert(id, *r.overrides.rateLimit);
        m_requests.insert(id, r);
        m_model->addOrUpdate(m_manager->snapshot(id));
        ids.append(id);
    }
    if (!ids.isEmpty())
        scheduleSave();
    return ids;
}

QList<DownloadId> QueueController::addUrls(const QList<QUrl> &urls)
{
    QList<DownloadRequest> requests;
    for (const QUrl &url : urls) {
        DownloadRequest r;
        r.url = url;
        r.outputDir = m_prefs.defaultDirectory;
        r.overrides.connections = m_prefs.connections;
        requests.append(r);
    }
    return add(requests);
}

void QueueController::flush()
{
    QList<DownloadSnapshot> batch;
    batch.reserve(m_pending.size());
    for (const DownloadSnapshot &s : std::as_const(m_pending)) {
        if (m_model->rowOf(s.id) >= 0)
            batch.append(s);
        if (!s.filePath.isEmpty() && m_requests.contains(s.id) && m_requests[s.id].outputPath != s.filePath) {
            // Remember the chosen file, so a restart continues this very file.
            m_requests[s.id].outputPath = s.filePath;
            scheduleSave();
        }
    }
    m_pending.clear();
    m_model->applySnapshots(batch);
    Q_EMIT flushed();
}

void QueueController::scheduleSave()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

QString QueueController::saveNow()
{
    m_saveTimer.stop();
    QList<StoredDownload> list;
    for (const DownloadSnapshot &s : m_model->all()) {
        StoredDownload d;
        if (m_archived.contains(s.id)) {
            d.request = m_requests.value(s.id);
            d.request.url = s.url;
            d.request.outputPath = s.filePath;
        } else {
            d.request = m_requests.value(s.id);
            if (!s.filePath.isEmpty())
                d.request.outputPath = s.filePath;
        }
        d.state = s.state;
        d.added = s.added;
        d.total = s.total;
        d.done = s.done;
        d.name = s.fileName;
        d.error = s.error;
        d.errorCode = s.errorCode;
        d.httpStatus = s.httpStatus;
        d.errorDetail = s.errorDetail;
        list.append(d);
    }
    QString error;
    m_store.save(list, &error);
    return error;
}

QString QueueController::restore()
{
    QString error;
    const QList<StoredDownload> stored = m_store.load(&error);
    for (const StoredDownload &d : stored) {
        if (isTerminal(d.state)) {
            // Finished: shown as it was; Resume or Retry brings it back to the engine.
            DownloadSnapshot s;
            s.id = m_nextArchivedId++;
            s.url = d.request.url;
            s.filePath = d.request.outputPath;
            s.fileName = !d.name.isEmpty()              ? d.name
                : !d.request.outputPath.isEmpty() ? QFileInfo(d.request.outputPath).fileName()
                                                    : fileNameFromUrl(d.request.url);
            s.state = d.state;
            s.total = d.total;
            s.done = d.state == DownloadState::Completed ? d.total : d.done;
            s.added = d.added;
            s.error = d.error;
            s.errorCode = d.errorCode;
            s.httpStatus = d.httpStatus;
            s.errorDetail = d.errorDetail;
            m_archived.insert(s.id, s);
            m_requests.insert(s.id, d.request);
            m_model->addOrUpdate(s);
            continue;
        }
        DownloadRequest r = d.request;
        r.startPaused = d.state == DownloadState::Paused || !m_prefs.resumeOnStart;
        const DownloadId id = m_manager->add(r);
        m_requests.insert(id, r);
        if (r.overrides.rateLimit)
            m_limits.insert(id, *r.overrides.rateLimit);
        DownloadSnapshot s = m_manager->snapshot(id);
        s.added = d.added.isValid() ? d.added : s.added;
        if (s.filePath.isEmpty() && !r.outputPath.isEmpty())
            s.filePath = r.outputPath;
        if (!d.name.isEmpty() && s.total < 0) {
            // Not seen by the engine yet (no control file): as it was saved.
            s.fileName = d.name;
            s.total = d.total;
            s.done = d.done;
        }
        m_model->addOrUpdate(s);
    }
    return error;
}

DownloadSnapshot QueueController::latest(DownloadId id) const
{
    if (isEngineDownload(id))
        return m_manager->snapshot(id);
    const DownloadSnapshot *s = m_model->snapshot(id);
    return s ? *s : DownloadSnapshot();
}

QStringList QueueController::filesOnDisk(DownloadId id) const
{
    const DownloadSnapshot s = latest(id);
    QStringList files;
    if (s.filePath.isEmpty())
        return files;
    // A finished download is its file; an unfinished one is its bytes (the .part, or the file
    // itself as older versions kept it) and its control file, never a file that merely has the
    // name it will get.
    const QString data = s.state == DownloadState::Completed ? s.filePath
        : !s.dataPath.isEmpty()                              ? s.dataPath
                                                             : existingDataPath(s.filePath);
    for (const QString &path : { data, controlFilePath(s.filePath) }) {
        if (path.isEmpty())
            continue;
        const QFileInfo fi(path);
        if (fi.isFile() && !fi.isSymLink() && !files.contains(path))
            files << path;
    }
    return files;
}

void QueueController::pause(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        if (isEngineDownload(id))
            m_manager->pause(id);
    }
}

QList<DownloadId> QueueController::resume(const QList<DownloadId> &ids)
{
    QList<DownloadId> again;
    for (DownloadId id : ids) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        if (s && canRetry(s->state))
            again << id; // continues from what is on disk
        else if (isEngineDownload(id))
            m_manager->resume(id);
    }
    return again.isEmpty() ? QList<DownloadId>() : retry(again);
}

QList<DownloadId> QueueController::retry(const QList<DownloadId> &ids)
{
    QList<DownloadRequest> again;
    for (DownloadId id : ids) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        if (!s || !canRetry(s->state))
            continue;
        DownloadRequest r = m_requests.value(id);
        if (r.url.isEmpty())
            r.url = s->url;
        if (!s->filePath.isEmpty() && QFileInfo::exists(controlFilePath(s->filePath)))
            r.outputPath = s->filePath; // continues from what is on disk
        r.startPaused = false;
        if (isEngineDownload(id))
            m_manager->remove(id, PartialData::Keep);
        m_archived.remove(id);
        m_requests.remove(id);
        m_limits.remove(id);
        m_model->remove(id);
        again.append(r);
    }
    return add(again);
}

void QueueController::cancel(const QList<DownloadId> &ids, PartialData partial)
{
    for (DownloadId id : ids) {
        if (isEngineDownload(id))
            m_manager->cancel(id, partial);
    }
}

void QueueController::remove(const QList<DownloadId> &ids, bool deleteFiles)
{
    for (DownloadId id : ids) {
        const QStringList own = deleteFiles ? filesOnDisk(id) : QStringList();
        if (isEngineDownload(id))
            m_manager->remove(id, deleteFiles ? PartialData::Delete : PartialData::Keep);
        for (const QString &path : own)
            QFile::remove(path); // the files named to the user, nothing else
        m_archived.remove(id);
        m_requests.remove(id);
        m_limits.remove(id);
        m_pending.remove(id);
        m_model->remove(id);
    }
    scheduleSave();
}

void QueueController::move(const QList<DownloadId> &selected, int delta)
{
    QList<DownloadId> ids = selected;
    // Move in an order that keeps a multi-selection together.
    std::sort(ids.begin(), ids.end(), [this, delta](DownloadId a, DownloadId b) {
        return delta < 0 ? m_model->rowOf(a) < m_model->rowOf(b) : m_model->rowOf(a) > m_model->rowOf(b);
    });
    const bool far = delta <= -kFar || delta >= kFar;
    int placed = 0;
    for (DownloadId id : std::as_const(ids)) {
        // To the top or the bottom: the k-th selected row goes to row k from that end.
        const int row = m_model->rowOf(id);
        const int by = !far ? delta : delta < 0 ? placed - row : (m_model->rowCount() - 1 - placed) - row;
        ++placed;
        if (by != 0 && m_model->moveDownload(id, by) && isEngineDownload(id))
            m_manager->moveInQueue(id, far ? delta : by); // the engine clamps to its own queue
    }
    scheduleSave();
}

void QueueController::startNow(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        if (s && isEngineDownload(id) && (s->state == DownloadState::Queued || s->state == DownloadState::Paused))
            m_manager->startNow(id);
    }
}

void QueueController::verify(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        if (isEngineDownload(id))
            m_manager->verify(id);
    }
}

void QueueController::setRateLimit(const QList<DownloadId> &ids, qint64 bytesPerSecond)
{
    for (DownloadId id : ids) {
        if (!isEngineDownload(id))
            continue;
        m_limits.insert(id, bytesPerSecond);
        m_requests[id].overrides.rateLimit = bytesPerSecond; // kept across restarts
        m_manager->setRateLimit(id, bytesPerSecond);
    }
    scheduleSave();
}

void QueueController::setConnections(const QList<DownloadId> &ids, int count)
{
    for (DownloadId id : ids) {
        if (!isEngineDownload(id))
            continue;
        m_requests[id].overrides.connections = count; // kept across restarts
        m_manager->setConnections(id, count);
    }
    scheduleSave();
}

void QueueController::pauseAll()
{
    for (const DownloadSnapshot &s : m_model->all()) {
        if (isEngineDownload(s.id) && canPause(s.state))
            m_manager->pause(s.id);
    }
}

void QueueController::resumeAll()
{
    for (const DownloadSnapshot &s : m_model->all()) {
        if (isEngineDownload(s.id) && canResume(s.state))
            m_manager->resume(s.id);
    }
}

} // namespace bytehaul::ui
