#include "engine/probe.h"

#include "engine/httpparse.h"
#include "engine/piecemap.h"

#include <QCoreApplication>
#include <QNetworkReply>

namespace bytehaul {

// The texts keep Session's translation context (they were Session's before this file).
QByteArray ProbeAnswer::header(const QByteArray &name) const
{
    // Repeated headers joined with ", ", as QNetworkReply::rawHeader() gives them (so two
    // Content-Lengths are refused here as in a real reply).
    QByteArray value;
    bool found = false;
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            if (found)
                value += ", ";
            value += v;
            found = true;
        }
    }
    return value;
}

bool ProbeAnswer::hasHeader(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ProbeAnswer ProbeAnswer::fromReply(const QNetworkReply *reply)
{
    ProbeAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.headers = reply->rawHeaderPairs();
    a.finished = reply->isFinished();
    return a;
}

ProbeResult judgeProbe(const ProbeAnswer &answer, qint64 pieceSize, bool plainGet, const QString &displayUrl)
{
    ProbeResult r;
    const int status = answer.status;
    if (status >= 300 && status < 400 && !answer.finished)
        return r; // a redirect in progress
    if (status == 416 && !plainGet) {
        r.path = ProbeResult::Path::PlainGet; // an empty file, or a server that dislikes our range
        return r;
    }
    if (status != 200 && (status != 206 || plainGet)) {
        r.path = ProbeResult::Path::Refused;
        return r;
    }
    r.identity.etag = answer.header("ETag");
    r.identity.lastModified = answer.header("Last-Modified");
    r.identity.contentType = answer.header("Content-Type");
    if (status == 206) {
        const QByteArray range = answer.header("Content-Range");
        const auto cr = parseContentRange(range);
        const auto len = answer.hasHeader("Content-Length") ? parseContentLength(answer.header("Content-Length"))
                                                            : std::optional<qint64>(cr ? cr->end - cr->start + 1 : -1);
        const QByteArray encoding = answer.header("Content-Encoding").trimmed().toLower();
        if (!encoding.isEmpty() && encoding != "identity") {
            r.path = ProbeResult::Path::PlainGet;
            r.reason = QCoreApplication::translate("bytehaul::Session", "The server compresses ranges; using one connection.");
            return r;
        }
        if (!cr || cr->total < 0 || cr->start != 0 || cr->end >= pieceSize || !len || *len != cr->end + 1) {
            r.path = ProbeResult::Path::PlainGet;
            r.reason = QCoreApplication::translate("bytehaul::Session", "The server's range answer was unusable (%1); using one connection.").arg(QString::fromLatin1(range));
            return r;
        }
        r.path = ProbeResult::Path::Ranged;
        r.identity.total = cr->total;
        r.probeEnd = cr->end + 1;
        return r;
    }
    // 200: the whole file on this connection, of the length it says (or until it closes).
    r.path = ProbeResult::Path::Stream;
    if (answer.hasHeader("Content-Length")) {
        const auto len = parseContentLength(answer.header("Content-Length"));
        if (!len) {
            r.path = ProbeResult::Path::Invalid;
            r.reason = QCoreApplication::translate("bytehaul::Session", "%1: the server sent an invalid Content-Length (%2)")
                           .arg(displayUrl, QString::fromLatin1(answer.header("Content-Length").left(40)));
            return r;
        }
        r.identity.total = *len;
    }
    return r;
}

bool canResume(const ControlState &st, const RemoteIdentity &remote, qint64 dataFileSize, QString *why)
{
    if (st.mode != ControlState::Mode::Ranged) {
        *why = QCoreApplication::translate("bytehaul::Session", "the earlier attempt could not be resumed (the server sent it in one piece)");
        return false;
    }
    if (st.totalSize != remote.total) {
        *why = QCoreApplication::translate("bytehaul::Session", "the file on the server changed size (%1, was %2)").arg(remote.total).arg(st.totalSize);
        return false;
    }
    // The validators must be the same, exactly: one that appeared, vanished or changed is
    // another version (a file saved with Last-Modified only and served now with an ETag only
    // has nothing to compare, and is no proof of sameness).
    if (st.etag != remote.etag) {
        *why = QCoreApplication::translate("bytehaul::Session", "the file on the server changed (ETag %1, was %2)")
                   .arg(remote.etag.isEmpty() ? QCoreApplication::translate("bytehaul::Session", "none") : QString::fromLatin1(remote.etag),
                        st.etag.isEmpty() ? QCoreApplication::translate("bytehaul::Session", "none") : QString::fromLatin1(st.etag));
        return false;
    }
    if (st.lastModified != remote.lastModified) {
        *why = QCoreApplication::translate("bytehaul::Session", "the file on the server changed (modified %1, was %2)")
                   .arg(remote.lastModified.isEmpty() ? QCoreApplication::translate("bytehaul::Session", "unknown") : QString::fromLatin1(remote.lastModified),
                        st.lastModified.isEmpty() ? QCoreApplication::translate("bytehaul::Session", "unknown") : QString::fromLatin1(st.lastModified));
        return false;
    }
    // Local: the data file must hold every byte the control file claims.
    qint64 needed = 0;
    PieceMap pieces(st.totalSize, st.pieceSize);
    pieces.loadBitset(st.completedBitset);
    for (qint64 p = pieces.pieceCount() - 1; p >= 0; --p) {
        if (pieces.isComplete(p)) {
            needed = pieces.pieceStart(p) + pieces.pieceLength(p);
            break;
        }
    }
    for (const ControlSegment &seg : st.segments)
        needed = std::max(needed, seg.durableEnd);
    if (dataFileSize < needed) {
        *why = QCoreApplication::translate("bytehaul::Session", "the partial file is shorter than its control file says");
        return false;
    }
    return true;
}

} // namespace bytehaul
