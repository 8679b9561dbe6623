// Session, part 2: the probe, the file name, and whether a control file found next to the
// target lets us continue.
#include "engine/filenames.h"
#include "engine/httpparse.h"
#include "engine/probe.h"
#include "engine/retrypolicy.h"
#include "engine/session.h"
#include "engine/sessionutil.h"
#include "engine/worker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStorageInfo>

namespace bytehaul {

void Session::sendProbe()
{
    const QUrl url = m_probeUrl.isValid() ? m_probeUrl : m_request.url;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail({ ErrorClass::Fatal,
               tr("%1: not a valid http or https address").arg(url.toDisplayString(QUrl::RemoveUserInfo)),
               ErrorCode::InvalidUrl });
        return;
    }
    // A header that would inject another (CR LF), or a name that is not a token, is never sent.
    for (const auto &[name, value] : m_options.headers) {
        if (!isHeaderName(name) || !isHeaderValue(value)) {
            fail({ ErrorClass::Fatal,
                   tr("%1: the request header '%2' is not a valid HTTP header")
                       .arg(url.toDisplayString(QUrl::RemoveUserInfo), QString::fromUtf8(name.left(80))),
                   ErrorCode::InvalidHeader });
            return;
        }
    }
    if (!isHeaderValue(m_options.userAgent)) {
        fail({ ErrorClass::Fatal,
               tr("%1: the User-Agent holds a line break or control character").arg(url.toDisplayString(QUrl::RemoveUserInfo)),
               ErrorCode::InvalidHeader });
        return;
    }
    QNetworkReply *reply = sendGet(m_ranged->probeNetworkManager(), makeRequest(url, m_options, 0, m_options.pieceSize));
    m_probe = reply;
    m_plainGet = false;
    m_probeTimeout.start(m_options.connectTimeout);
    m_probeSentAt.start();
    reply->setReadBufferSize(replyBufferSize());
    connect(reply, &QNetworkReply::metaDataChanged, this, &Session::onProbeMetaData);
    connect(reply, &QNetworkReply::finished, this, &Session::onProbeFinished);
}

void Session::retryProbe(const ReplyError &error)
{
    m_probeTimeout.stop();
    discard(m_probe, this);
    if (error.redirectTo.isValid()) {
        // A redirect followed by hand, so that credentials go only to their origin
        // (makeRequest() decides for the target). Not a failure: no retry is spent.
        if (++m_redirectHops > 10) {
            fail({ ErrorClass::User, tr("%1: too many redirects (more than 10)").arg(m_request.url.toDisplayString(QUrl::RemoveUserInfo)),
                   ErrorCode::TooManyRedirects });
            return;
        }
        m_probeUrl = error.redirectTo;
        sendProbe();
        return;
    }
    m_probeUrl.clear(); // a retry asks the address the user gave again
    m_redirectHops = 0;
    m_probeAttempts.setPolicy(m_options.retry);
    const std::optional<std::chrono::milliseconds> wait = m_probeAttempts.next(error);
    if (!wait) {
        fail(error);
        return;
    }
    setNote(error.message, NoteKind::Transient);
    ++m_retries;
    m_probeRetry.start(*wait);
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

bool Session::adoptExistingPath(const QString &path, bool *busy)
{
    // Our own partial download: keep its name, unless a running download holds it right now
    // (in this process: the reservation; in another one: the lock on its data file).
    const QString data = existingDataPath(path);
    if (data.isEmpty() || !reserveFilePath(path))
        return false;
    const FileLock::Result locked = m_lock.acquire(data, FileLock::Open::Existing, nullptr);
    if (locked != FileLock::Result::Locked) {
        releaseFilePath(path);
        *busy = locked == FileLock::Result::Busy;
        return false;
    }
    m_path = path;
    m_dataPath = data;
    return true;
}

bool Session::admitTotal(qint64 total, qint64 pieceSize)
{
    if (total < 0)
        return true; // unknown: the writer's own checks stand
    const QString url = m_finalUrl.toDisplayString(QUrl::RemoveUserInfo);
    if (PieceMap::countFor(total, pieceSize) > PieceMap::kMaxPieces) {
        fail({ ErrorClass::User,
               tr("%1: the server says the file is %2 bytes, more than bytehaul can download (%3 bytes at most)")
                   .arg(url)
                   .arg(total)
                   .arg(PieceMap::kMaxPieces * pieceSize),
               ErrorCode::BadResponse });
        return false;
    }
    // Preallocated files must fit now; a sparse one (preallocate off) may fill the disk on the
    // way and pauses then, keeping its bytes, until the user makes room.
    if (!m_options.preallocate)
        return true;
    const qint64 have = std::max<qint64>(0, QFileInfo(m_dataPath).size());
    const QStorageInfo storage(QFileInfo(m_dataPath).absolutePath());
    const qint64 available = storage.isValid() ? storage.bytesAvailable() : -1;
    if (available >= 0 && total - have > available) {
        fail({ ErrorClass::User,
               tr("Not enough disk space for %1: it needs %2 more bytes, %3 are free")
                   .arg(QDir::toNativeSeparators(m_path))
                   .arg(total - have)
                   .arg(available),
               ErrorCode::DiskFull, 0, QDir::toNativeSeparators(m_path) });
        return false;
    }
    return true;
}

void Session::failFileInUse(const QString &path)
{
    fail({ ErrorClass::User,
           tr("%1 is already being downloaded by another bytehaul process").arg(QDir::toNativeSeparators(path)),
           ErrorCode::FileInUse, 0, QDir::toNativeSeparators(path) });
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
        fail({ ErrorClass::User, tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(dir)),
               ErrorCode::CannotCreateFolder, 0, QDir::toNativeSeparators(dir) });
        return false;
    }
    // A control file for this URL next to the target means: this is our unfinished download.
    // It may carry a number ("f (1).iso": the first f.iso was finished when it started).
    const QByteArray ourUrl = m_request.url.toEncoded(QUrl::RemoveUserInfo);
    QString candidate = QDir(dir).filePath(name);
    ControlFileResult found = loadControlFile(controlFilePath(candidate));
    // Also for an explicit -o: a run that saved as "f (1).iso" because f.iso existed is found
    // again by the same command (found by review: a third copy was started).
    if (!(found.state && found.state->originalUrl == ourUrl)) {
        for (const QString &numbered : numberedCandidates(dir, name)) {
            ControlFileResult other = loadControlFile(controlFilePath(numbered));
            if (other.state && other.state->originalUrl == ourUrl) {
                candidate = numbered;
                found = std::move(other);
                break;
            }
        }
    }
    bool busy = false;
    if (found.state && found.state->originalUrl == ourUrl && adoptExistingPath(candidate, &busy)) {
        if (m_options.resume && !m_startOver)
            m_resume = found.state;
        else
            setNote(tr("Starting over as asked; the earlier partial download is replaced."), NoteKind::Info);
        return true;
    }
    if (busy) {
        failFileInUse(candidate); // never adopted, never truncated
        return false;
    }
    if (!found.error.isEmpty() && adoptExistingPath(candidate, &busy)) {
        // Never trusted: the partial file it describes is restarted from zero.
        setNote(tr("Warning: %1 (%2); starting this download over from the beginning.")
                     .arg(found.error, QDir::toNativeSeparators(controlFilePath(candidate))), NoteKind::Warning);
        return true;
    }
    if (busy) {
        failFileInUse(candidate);
        return false;
    }
    // A new .part, created exclusively: a name taken between the choice and the creation (by
    // another program, or a file planted there) is skipped for the next free one.
    QString error;
    FileLock::Result locked = FileLock::Result::Exists;
    for (int attempt = 0; attempt < 16 && locked == FileLock::Result::Exists; ++attempt) {
        if (!m_path.isEmpty())
            releaseFilePath(m_path);
        m_path = reserveUniqueFilePath(dir, name);
        if (m_path.isEmpty()) {
            fail({ ErrorClass::User, tr("No free file name for %1 in %2").arg(name, QDir::toNativeSeparators(dir)),
                   ErrorCode::NoFreeName, 0, name });
            return false;
        }
        m_dataPath = partialDataPath(m_path);
        locked = m_lock.acquire(m_dataPath, FileLock::Open::CreateNew, &error);
    }
    switch (locked) {
    case FileLock::Result::Locked:
        break;
    case FileLock::Result::Busy:
        failFileInUse(m_path);
        return false;
    case FileLock::Result::Failed:
    case FileLock::Result::Exists:
        fail({ ErrorClass::User, tr("Cannot create %1: %2").arg(QDir::toNativeSeparators(m_dataPath), error),
               ErrorCode::WriteFailed, 0, error });
        return false;
    }
    if (QFileInfo(m_path).fileName() != name)
        // A warning: a script (or a user) that expects the old name must learn it is another file.
        setNote(tr("%1 already exists; saving as %2").arg(name, QFileInfo(m_path).fileName()), NoteKind::Warning);
    return true;
}

void Session::onProbeMetaData()
{
    if (m_probeTimeout.isActive())
        m_ranged->noteResponseLatency(int(m_probeSentAt.elapsed()));
    m_probeTimeout.stop();
    QNetworkReply *reply = m_probe.data();
    if (!reply)
        return;
    const ProbeResult result = judgeProbe(ProbeAnswer::fromReply(reply), m_options.pieceSize, m_plainGet,
                                          reply->url().toDisplayString(QUrl::RemoveUserInfo));
    if (result.path == ProbeResult::Path::NotYet)
        return;
    m_finalUrl = reply->url();
    switch (result.path) {
    case ProbeResult::Path::NotYet:
        return;
    case ProbeResult::Path::PlainGet:
        startPlainGet(result.reason);
        return;
    case ProbeResult::Path::Refused: {
        const int status = httpStatus(reply);
        ReplyError error = classifyReply(reply, false);
        if (!error.isError())
            error = { ErrorClass::User, tr("%1: unexpected HTTP %2").arg(m_finalUrl.toDisplayString(QUrl::RemoveUserInfo)).arg(status) };
        // Some servers refuse Range requests outright: asked again without one.
        if (!m_plainGet && status >= 400 && error.errorClass == ErrorClass::User && status != 401 && status != 403
            && status != 404 && status != 407 && status != 410) {
            startPlainGet(error.message);
            return;
        }
        retryProbe(error);
        return;
    }
    case ProbeResult::Path::Invalid:
        fail({ ErrorClass::User, result.reason, ErrorCode::BadResponse });
        return;
    case ProbeResult::Path::Ranged:
    case ProbeResult::Path::Stream:
        break;
    }
    m_etag = result.identity.etag;
    m_lastModified = result.identity.lastModified;
    m_contentType = result.identity.contentType;
    m_ifRange = ifRangeValidator(m_etag, m_lastModified);
    if (result.path == ProbeResult::Path::Ranged) {
        m_total = result.identity.total;
        if (!chooseOutputPath(reply)
            || !admitTotal(m_total, m_resume ? m_resume->pieceSize : m_options.pieceSize))
            return;
        m_probe = nullptr;
        reply->disconnect(this);
        if (m_resume) {
            QString why;
            if (canResume(*m_resume, result.identity, QFileInfo(m_dataPath).size(), &why)) {
                startResumed(reply, result.probeEnd);
                return;
            }
            m_resume.reset();
            setNote(tr("Starting over: %1. Old and new bytes are never mixed.").arg(why), NoteKind::Warning);
        }
        startRanged(reply, result.probeEnd);
        return;
    }
    // The whole file on this connection.
    if (!chooseOutputPath(reply))
        return;
    m_probe = nullptr;
    reply->disconnect(this);
    if (m_resume) {
        m_resume.reset();
        setNote(m_plainGet ? tr("Starting over: the earlier attempt cannot be continued with this server.")
                           : tr("Starting over: the server now sends the whole file and cannot continue the earlier attempt."),
                NoteKind::Warning);
    }
    if (m_note.isEmpty() && !m_plainGet) // a plain GET has said why (or is an empty file's)
        setNote(tr("The server does not support byte ranges; using one connection."), NoteKind::Info);
    attachStream(reply, result.identity);
}

void Session::startPlainGet(const QString &why)
{
    discard(m_probe, this);
    if (!why.isEmpty())
        setNote(why, NoteKind::Info);
    m_plainGet = true; // judged like a probe, where only a 200 leads on
    m_probeSentAt.start(); // its own response time, not the range probe's as well
    QNetworkReply *reply = sendGet(m_ranged->probeNetworkManager(), makeRequest(m_finalUrl, m_options));
    reply->setReadBufferSize(replyBufferSize());
    m_probe = reply;
    m_probeTimeout.start(m_options.connectTimeout);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Session::onProbeMetaData);
    connect(reply, &QNetworkReply::finished, this, &Session::onProbeFinished);
}

} // namespace bytehaul
