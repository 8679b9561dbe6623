// Session, part 3: starting the transfers: the ranged path (a RangedTransfer, fresh or resumed
// from a control file, with the same-file checks a resume needs) and the stream path (a
// StreamTransfer, restarted from zero when its connection breaks).
#include "engine/filewriter.h"
#include "engine/session.h"
#include "engine/sessionutil.h"

#include <QDir>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace bytehaul {

// ---- Ranged path ---------------------------------------------------------------------------

void Session::startRanged(QNetworkReply *probe, qint64 probeEnd)
{
    m_mode = Mode::Ranged;
    m_ranged->begin(m_total, m_options.pieceSize, m_options.minSegmentSize);
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
        m_ranged->maybeComplete();
        return;
    }
    // The probe's answer is the first segment (none after a failed same-file check).
    if (probe && !m_ranged->adoptProbe(probe, probeEnd))
        probe->deleteLater();
    m_ranged->assignIdleWorkers();
}

void Session::setConnections(int count)
{
    m_options.connections = std::clamp(count, 1, 64);
    if (m_mode == Mode::Ranged)
        m_ranged->setConnections(); // else it takes effect when the download (re)starts
    publish();
}

void Session::writeRanged(qint64 offset, const QByteArray &data)
{
    if (!m_writer)
        return;
    m_flow.hold(data.size());
    m_writer->write(offset, data);
}

void Session::noteRetry(const ReplyError &error)
{
    ++m_retries;
    setNote(error.message, NoteKind::Transient);
}

void Session::startResumed(QNetworkReply *probe, qint64 probeEnd)
{
    const ControlState &st = *m_resume;
    m_mode = Mode::Ranged;
    // The geometry is the saved one: the piece map and CRCs only make sense with it.
    m_ranged->begin(m_total, st.pieceSize, std::min(m_options.minSegmentSize, st.pieceSize));
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
            m_ranged->assignIdleWorkers();
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
            m_ranged->assignIdleWorkers();
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
    if (probe && !m_ranged->adoptProbe(probe, probeEnd)) {
        QPointer<QNetworkReply> unused(probe); // its bytes are already on disk
        discard(unused, this);
    }
    m_ranged->assignIdleWorkers();
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
            scheduler()->markDone(map.pieceStart(p), map.pieceStart(p) + map.pieceLength(p));
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
            scheduler()->markDone(seg.start, seg.durableEnd);
            partial.append({ seg.start, seg.durableEnd });
        }
    }
    m_writer->seed(good, partial);
    m_lastDone = scheduler()->doneBytes();
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
    m_ranged->end();
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
    m_flow.hold(data.size());
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
