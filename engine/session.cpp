#include "engine/session.h"

#include "engine/filenames.h"
#include "engine/filewriter.h"
#include "engine/retrypolicy.h"
#include "engine/worker.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

namespace bytehaul {

namespace {
constexpr int kTickMs = 200;

// Lets go of a reply we no longer want, without hearing from it again.
void discard(QPointer<QNetworkReply> &slot, QObject *listener)
{
    if (QNetworkReply *reply = slot.data()) {
        slot = nullptr;
        reply->disconnect(listener);
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
}
} // namespace

Session::Session(DownloadId id, const DownloadRequest &request, const DownloadOptions &options,
                 QThread *writerThread, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_request(request)
    , m_options(options)
    , m_writerThread(writerThread)
    , m_finalUrl(request.url)
    , m_added(QDateTime::currentDateTime())
{
    DownloadOptions &o = m_options;
    o.connections = std::clamp(o.connections, 1, 64);
    o.pieceSize = std::max<qint64>(o.pieceSize, 16 << 10);
    o.minSegmentSize = std::clamp<qint64>(o.minSegmentSize, 16 << 10, o.pieceSize);
    o.memoryBudget = std::max<qint64>(o.memoryBudget, 256 << 10);
    m_clock.start();
    m_probeRetry.setSingleShot(true);
    connect(&m_probeRetry, &QTimer::timeout, this, &Session::sendProbe);
    m_probeTimeout.setSingleShot(true);
    connect(&m_probeTimeout, &QTimer::timeout, this, [this] {
        retryProbe({ ErrorClass::Retry, tr("%1: no answer within %2 s (connect timeout)")
                                            .arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo))
                                            .arg(m_options.connectTimeout.count() / 1000.0) });
    });
    m_tickTimer.setInterval(kTickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &Session::tick);
    if (request.startPaused)
        m_state = DownloadState::Paused;
}

Session::~Session()
{
    stopNetwork();
    if (m_writer) {
        // Shutdown: finish the writer's queue synchronously so no byte is lost.
        FileWriter *writer = m_writer;
        m_writer = nullptr;
        writer->disconnect(this);
        QMetaObject::invokeMethod(
            writer, [writer] { writer->doClose(true, false); delete writer; },
            Qt::BlockingQueuedConnection);
    }
    if (!m_path.isEmpty())
        releaseFilePath(m_path);
}

qint64 Session::replyBufferSize() const
{
    // Qt holds up to this much per reply on each side of its HTTP thread: a quarter of the
    // budget in all (see budgetRoom()).
    const qint64 perConnection = m_options.memoryBudget / (8 * m_options.connections);
    return std::clamp<qint64>(perConnection, 16 << 10, 256 << 10);
}

DownloadSnapshot Session::snapshot() const
{
    DownloadSnapshot s;
    s.id = m_id;
    s.url = m_request.url;
    s.finalUrl = m_finalUrl;
    s.filePath = m_path;
    s.fileName = m_path.isEmpty() ? fileNameFromUrl(m_request.url) : QFileInfo(m_path).fileName();
    s.state = m_state;
    s.total = m_total;
    s.done = m_lastDone;
    s.added = m_added;
    s.etag = m_etag;
    s.lastModified = m_lastModified;
    s.contentType = m_contentType;
    s.error = m_error;
    s.errorClass = m_errorClass;
    s.note = m_note;
    s.multiConnection = m_mode == Mode::Ranged && m_workers.size() > 1;
    if (m_state == DownloadState::Downloading || m_state == DownloadState::Probing) {
        s.speed = m_speed.rate(nowMs(), 1000);
        if (m_total >= 0 && s.speed >= 1)
            s.etaSeconds = qint64(double(m_total - s.done) / s.speed + 0.5);
        for (const auto &w : m_workers)
            s.connections += w->isConnected() ? 1 : 0;
        if (m_stream)
            s.connections = 1;
        if (m_scheduler)
            s.segments = m_scheduler->segments(nowMs());
    }
    return s;
}

void Session::setState(DownloadState state)
{
    if (m_state == state)
        return;
    m_state = state;
    const bool active = state == DownloadState::Probing || state == DownloadState::Downloading;
    if (active && !m_tickTimer.isActive())
        m_tickTimer.start();
    else if (!active)
        m_tickTimer.stop(); // no timers while idle: a paused engine costs nothing
    publish();
}

void Session::publish()
{
    if (m_scheduler)
        m_lastDone = std::max(m_lastDone, m_scheduler->doneBytes());
    else if (m_mode == Mode::Stream)
        m_lastDone = m_streamPos;
    Q_EMIT snapshotChanged(snapshot());
}

void Session::tick()
{

    if (m_scheduler)
        m_lastDone = std::max(m_lastDone, m_scheduler->doneBytes());
    else if (m_mode == Mode::Stream)
        m_lastDone = m_streamPos;
    m_speed.sample(nowMs(), m_lastDone);
    if (m_mode == Mode::Ranged && m_state == DownloadState::Downloading)
        assignIdleWorkers(); // an idle worker may now split or race a stalled segment
    publish();
}

// ---- Job control --------------------------------------------------------------------------

void Session::start()
{
    if (isTerminal(m_state) || m_state == DownloadState::Downloading || m_state == DownloadState::Probing)
        return;
    m_error.clear();
    m_errorClass = ErrorClass::None;
    m_speed.reset();
    if (m_workers.empty())
        addWorker();
    if (m_mode == Mode::Ranged && m_scheduler && !m_path.isEmpty()) {
        // Continue in place: the scheduler remembers every accepted byte.
        setState(DownloadState::Downloading);
        openWriter(false);
        assignIdleWorkers();
        return;
    }
    // Probing afresh (also for a stream download, which cannot continue mid-way).
    m_mode = Mode::None;
    m_scheduler.reset();
    m_lastDone = 0;
    m_streamPos = 0;
    m_probeFailures = 0;
    setState(DownloadState::Probing);
    sendProbe();
}

void Session::setQueued()
{
    if (m_state == DownloadState::Paused)
        setState(DownloadState::Queued);
}

void Session::pause()
{
    // Verifying: the last bytes are being synced; the download completes in a moment.
    if (isTerminal(m_state) || m_state == DownloadState::Paused || m_state == DownloadState::Verifying)
        return;
    stopNetwork();
    if (m_mode == Mode::Stream) {
        m_note = tr("The server does not support resuming; the download will restart from the beginning.");
    }
    setState(DownloadState::Paused);
    closeWriter(false, [](bool) {});
}

void Session::cancel()
{
    if (isTerminal(m_state))
        return;
    stopNetwork();
    m_state = DownloadState::Cancelled;
    m_tickTimer.stop();
    if (m_writer) {
        closeWriter(true, [this](bool) { finish(DownloadState::Cancelled); });
    } else {
        if (!m_path.isEmpty() && m_mode != Mode::None)
            QFile::remove(m_path); // a paused download's partial file
        finish(DownloadState::Cancelled);
    }
}

void Session::stopNetwork()
{
    m_probeRetry.stop();
    m_probeTimeout.stop();
    discard(m_probe, this);
    discard(m_stream, this);
    for (auto &w : m_workers)
        w->stop();
    m_budgetWaiters.clear();
}

void Session::finish(DownloadState terminal)
{
    if (m_finishedEmitted)
        return; // exactly one terminal signal
    m_finishedEmitted = true;
    m_tickTimer.stop();
    m_state = terminal;
    publish();
    Q_EMIT finished(snapshot());
}

void Session::fail(const ReplyError &error)
{
    if (isTerminal(m_state))
        return;
    stopNetwork();
    m_error = error.message;
    m_errorClass = error.errorClass == ErrorClass::None ? ErrorClass::User : error.errorClass;
    m_state = DownloadState::Failed;
    m_tickTimer.stop();
    // Keep every byte already received: flush and sync what the writer holds.
    if (m_writer)
        closeWriter(false, [this](bool) { finish(DownloadState::Failed); });
    else
        finish(DownloadState::Failed);
}

// ---- Probe and path choice -----------------------------------------------------------------

void Session::sendProbe()
{
    const QUrl &url = m_request.url;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail({ ErrorClass::Fatal, tr("%1: not a valid http or https address")
                                      .arg(url.toDisplayString(QUrl::RemoveUserInfo)) });
        return;
    }
    QNetworkReply *reply = m_workers[0]->networkManager()->get(
        makeRequest(url, m_options, 0, m_options.pieceSize));
    m_probe = reply;
    m_probeTimeout.start(m_options.connectTimeout);
    reply->setReadBufferSize(replyBufferSize());
    connect(reply, &QNetworkReply::metaDataChanged, this, &Session::onProbeMetaData);
    connect(reply, &QNetworkReply::finished, this, &Session::onProbeFinished);
}

void Session::retryProbe(const ReplyError &error)
{
    m_probeTimeout.stop();
    discard(m_probe, this);
    if (error.errorClass != ErrorClass::Retry || m_probeFailures >= m_options.retry.maxRetries) {
        fail(error);
        return;
    }
    m_note = error.message;
    ++m_retries;
    m_probeRetry.start(retryDelay(m_options.retry, m_probeFailures++));
}

void Session::onProbeFinished()
{
    // Reached only when the reply ended before its headers were handled (an error).
    QNetworkReply *reply = m_probe.data();
    if (!reply)
        return;
    const ReplyError error = classifyReply(reply, reply->error() == QNetworkReply::OperationCanceledError);
    if (error.isError())
        retryProbe(error);
    else
        onProbeMetaData();
}

bool Session::chooseOutputPath(const QNetworkReply *reply)
{
    if (!m_path.isEmpty())
        return true;
    QString dir;
    QString name;
    if (!m_request.outputPath.isEmpty()) {
        const QFileInfo fi(m_request.outputPath);
        dir = fi.absolutePath();
        name = sanitizeFileName(fi.fileName());
    } else {
        dir = !m_request.outputDir.isEmpty() ? m_request.outputDir
            : !m_options.directory.isEmpty()  ? m_options.directory
                                              : QDir::currentPath();
        name = chooseFileName(reply->rawHeader("Content-Disposition"), m_finalUrl);
    }
    if (!QDir().mkpath(dir)) {
        fail({ ErrorClass::User, tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(dir)) });
        return false;
    }
    m_path = reserveUniqueFilePath(dir, name);
    if (m_path.isEmpty()) {
        fail({ ErrorClass::User, tr("No free file name for %1 in %2").arg(name, QDir::toNativeSeparators(dir)) });
        return false;
    }
    if (QFileInfo(m_path).fileName() != name)
        m_note = tr("%1 already exists; saving as %2").arg(name, QFileInfo(m_path).fileName());
    return true;
}

void Session::onProbeMetaData()
{
    m_probeTimeout.stop();
    QNetworkReply *reply = m_probe.data();
    if (!reply)
        return;
    const int status = httpStatus(reply);
    if (status >= 300 && status < 400 && !reply->isFinished())
        return; // redirect in progress
    m_finalUrl = reply->url();
    if (status == 416) {
        startPlainGet(QString()); // an empty file, or a server that dislikes our range
        return;
    }
    if (status != 200 && status != 206) {
        ReplyError error = classifyReply(reply, false);
        if (!error.isError())
            error = { ErrorClass::User, tr("%1: unexpected HTTP %2").arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo)).arg(status) };
        if (status >= 400 && error.errorClass == ErrorClass::User && status != 401 && status != 403
            && status != 404 && status != 407 && status != 410) {
            startPlainGet(error.message); // some servers refuse Range requests outright
            return;
        }
        retryProbe(error);
        return;
    }
    m_etag = reply->rawHeader("ETag");
    m_lastModified = reply->rawHeader("Last-Modified");
    m_contentType = reply->rawHeader("Content-Type");
    if (status == 206) {
        const auto cr = parseContentRange(reply->rawHeader("Content-Range"));
        const auto len = reply->hasRawHeader("Content-Length")
                             ? parseContentLength(reply->rawHeader("Content-Length"))
                             : std::optional<qint64>(cr ? cr->end - cr->start + 1 : -1);
        if (!isIdentityEncoding(reply)) {
            startPlainGet(tr("The server compresses ranges; using one connection."));
            return;
        }
        if (!cr || cr->total < 0 || cr->start != 0 || cr->end >= m_options.pieceSize || !len
            || *len != cr->end + 1) {
            startPlainGet(tr("The server's range answer was unusable (%1); using one connection.")
                              .arg(QString::fromLatin1(reply->rawHeader("Content-Range"))));
            return;
        }
        m_total = cr->total;
        if (!chooseOutputPath(reply))
            return;
        m_probe = nullptr;
        reply->disconnect(this);
        startRanged(reply, cr->end + 1);
        return;
    }
    // 200: the server sends the whole file on this connection.
    if (!chooseOutputPath(reply))
        return;
    m_probe = nullptr;
    reply->disconnect(this);
    if (m_note.isEmpty())
        m_note = tr("The server does not support byte ranges; using one connection.");
    attachStream(reply);
}

void Session::startPlainGet(const QString &why)
{
    discard(m_probe, this);
    if (!why.isEmpty())
        m_note = why;
    QNetworkRequest request = makeRequest(m_finalUrl, m_options);
    QNetworkReply *reply = m_workers[0]->networkManager()->get(request);
    reply->setReadBufferSize(replyBufferSize());
    m_probe = reply;
    m_probeTimeout.start(m_options.connectTimeout);
    // A plain GET is judged like a probe that got its 200.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_probeTimeout.stop();
        QNetworkReply *r = m_probe.data();
        if (!r)
            return;
        const int status = httpStatus(r);
        if (status >= 300 && status < 400)
            return;
        m_finalUrl = r->url();
        if (status != 200) {
            retryProbe(classifyReply(r, false).isError()
                           ? classifyReply(r, false)
                           : ReplyError { ErrorClass::User, tr("%1: unexpected HTTP %2")
                                                                .arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo))
                                                                .arg(status) });
            return;
        }
        if (!chooseOutputPath(r))
            return;
        m_probe = nullptr;
        r->disconnect(this);
        attachStream(r);
    });
    connect(reply, &QNetworkReply::finished, this, &Session::onProbeFinished);
}

void Session::openWriter(bool truncate)
{
    if (m_writer)
        return;
    m_writer = new FileWriter;
    m_writer->moveToThread(m_writerThread);
    m_budgetHeld = 0;
    connect(m_writer, &FileWriter::opened, this, [this](bool ok, const QString &error) {
        if (!ok)
            fail({ ErrorClass::User, error });
    });
    connect(m_writer, &FileWriter::written, this, &Session::onWritten);
    connect(m_writer, &FileWriter::failed, this, &Session::onWriterFailed);
    m_writer->open(m_path, m_total, truncate, m_options.preallocate, m_options.memoryBudget);
}

void Session::closeWriter(bool removeFile, std::function<void(bool)> then)
{
    FileWriter *writer = m_writer;
    if (!writer) {
        then(true);
        return;
    }
    m_writer = nullptr;
    m_budgetHeld = 0;
    connect(writer, &FileWriter::closed, this, [writer, then = std::move(then)](bool ok) {
        writer->disconnect();
        writer->deleteLater();
        then(ok);
    });
    disconnect(writer, &FileWriter::written, this, nullptr);
    disconnect(writer, &FileWriter::failed, this, nullptr);
    writer->close(true, removeFile);
}

void Session::onWritten(qint64 bytes)
{
    m_budgetHeld = std::max<qint64>(0, m_budgetHeld - bytes);
    if (budgetRoom() <= 0)
        return;
    const QSet<Worker *> waiters = std::exchange(m_budgetWaiters, {});
    for (Worker *w : waiters)
        w->pump();
    if (m_streamWaiting) {
        m_streamWaiting = false;
        pumpStream();
    }
}

void Session::onWriterFailed(const QString &error)
{
    fail({ ErrorClass::User, error + tr(" (the bytes written so far are kept)") });
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
    while (int(m_workers.size()) < n)
        addWorker();
    setState(DownloadState::Downloading);
    openWriter(true);
    if (m_total == 0) {
        probe->deleteLater();
        maybeComplete();
        return;
    }
    const Scheduler::Lease first = m_scheduler->claim(0, 0, probeEnd, nowMs());
    m_workers[0]->adoptReply(probe, first);
    assignIdleWorkers();
}

Worker *Session::addWorker()
{
    const int index = int(m_workers.size());
    const size_t groups = size_t((m_options.connections + 5) / 6);
    const size_t group = size_t(index) % groups;
    while (m_networkManagers.size() <= group) {
        auto nam = std::make_unique<QNetworkAccessManager>();
        nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_networkManagers.push_back(std::move(nam));
    }
    m_workers.push_back(std::make_unique<Worker>(index, this, m_networkManagers[group].get()));
    return m_workers.back().get();
}

void Session::assignIdleWorkers()
{
    if (!m_scheduler || m_state != DownloadState::Downloading)
        return;
    int idle = 0;
    for (const auto &w : m_workers)
        idle += w->isBusy() ? 0 : 1;
    for (const auto &w : m_workers) {
        if (w->isBusy())
            continue;
        const Scheduler::Lease lease = m_scheduler->assign(w->index(), nowMs(), idle--);
        if (!lease.isValid())
            break;
        w->startLease(lease);
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
    m_state = DownloadState::Verifying; // the file is whole once the writer has synced it
    publish();
    closeWriter(false, [this](bool ok) {
        if (ok)
            finish(DownloadState::Completed);
        else if (!isTerminal(m_state))
            fail({ ErrorClass::User, tr("Could not finish writing %1").arg(QDir::toNativeSeparators(m_path)) });
    });
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
    m_note = error.message;
}

void Session::workerFailed(Worker *worker, const Scheduler::Lease &lease, const ReplyError &error)
{
    releaseLease(worker, lease);
    // One dead connection does not fail the download while others still make progress: the
    // failed range goes back to the pool and the remaining workers take it over.
    int busy = 0;
    for (const auto &w : m_workers)
        busy += w->isBusy() ? 1 : 0;
    if (busy > 0 && error.errorClass == ErrorClass::Retry) {
        m_note = error.message;
        return;
    }
    fail(error);
}

// ---- Stream path ---------------------------------------------------------------------------

void Session::attachStream(QNetworkReply *reply)
{
    m_mode = Mode::Stream;
    m_stream = reply;
    m_streamPos = 0;
    m_total = -1;
    if (reply->hasRawHeader("Content-Length")) {
        const auto len = parseContentLength(reply->rawHeader("Content-Length"));
        if (!len) {
            fail({ ErrorClass::User, tr("%1: the server sent an invalid Content-Length (%2)")
                                         .arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo),
                                              QString::fromLatin1(reply->rawHeader("Content-Length").left(40))) });
            return;
        }
        m_total = *len;
    }
    m_etag = reply->rawHeader("ETag");
    m_lastModified = reply->rawHeader("Last-Modified");
    m_contentType = reply->rawHeader("Content-Type");
    setState(DownloadState::Downloading);
    openWriter(true);
    connect(reply, &QNetworkReply::readyRead, this, &Session::pumpStream);
    connect(reply, &QNetworkReply::finished, this, &Session::onStreamFinished);
    if (reply->isFinished())
        QMetaObject::invokeMethod(this, &Session::onStreamFinished, Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(this, &Session::pumpStream, Qt::QueuedConnection);
}

void Session::pumpStream()
{
    QNetworkReply *reply = m_stream.data();
    if (!reply || !m_writer)
        return;
    while (reply->bytesAvailable() > 0) {
        const qint64 room = budgetRoom();
        if (room <= 0) {
            m_streamWaiting = true;
            return;
        }
        const QByteArray data = reply->read(std::min(room, reply->bytesAvailable()));
        if (data.isEmpty())
            break;
        if (m_total >= 0 && m_streamPos + data.size() > m_total) {
            fail({ ErrorClass::Retry, tr("%1: the server sent more bytes than its Content-Length (%2)")
                                          .arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo))
                                          .arg(m_total) });
            return;
        }
        m_budgetHeld += data.size();
        m_writer->write(m_streamPos, data);
        m_streamPos += data.size();
    }
    if (reply->isFinished())
        onStreamFinished();
}

void Session::onStreamFinished()
{
    QNetworkReply *reply = m_stream.data();
    if (!reply)
        return;
    if (reply->bytesAvailable() > 0 && reply->error() == QNetworkReply::NoError) {
        if (!m_streamWaiting)
            pumpStream();
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        fail(classifyReply(reply, reply->error() == QNetworkReply::OperationCanceledError));
        return;
    }
    if (m_total >= 0 && m_streamPos != m_total) {
        fail({ ErrorClass::Retry, tr("%1: the connection closed after %2 of %3 bytes")
                                      .arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo))
                                      .arg(m_streamPos)
                                      .arg(m_total) });
        return;
    }
    m_stream = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    m_total = m_streamPos;
    m_state = DownloadState::Verifying;
    publish();
    closeWriter(false, [this](bool ok) {
        if (ok)
            finish(DownloadState::Completed);
        else if (!isTerminal(m_state))
            fail({ ErrorClass::User, tr("Could not finish writing %1").arg(QDir::toNativeSeparators(m_path)) });
    });
}

} // namespace bytehaul
