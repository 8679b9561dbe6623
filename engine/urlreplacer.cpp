#include "engine/urlreplacer.h"

#include "engine/httpparse.h"
#include "engine/piececrcs.h"
#include "engine/replycheck.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace bytehaul {

namespace {
constexpr int kPiecesToCompare = 3;
}

UrlReplacer::UrlReplacer(QNetworkAccessManager *nam, const DownloadOptions &options, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_options(options)
{
}

UrlReplacer::~UrlReplacer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void UrlReplacer::start(const QUrl &url, const Known &known)
{
    m_url = url;
    m_known = known;
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        done(false, tr("%1 is not an http or https address").arg(url.toDisplayString(QUrl::RemoveUserInfo)));
        return;
    }
    // First look: size and validators, from the first byte only.
    QNetworkReply *reply = m_nam->get(makeRequest(url, m_options, 0, 1));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_done)
            return;
        const QString where = reply->url().toDisplayString(QUrl::RemoveUserInfo);
        if (httpStatus(reply) != 206) {
            const ReplyError error = classifyReply(reply, false);
            done(false, error.isError() ? error.message
                                        : tr("%1 does not answer byte ranges (HTTP %2), so it cannot continue this download")
                                              .arg(where)
                                              .arg(httpStatus(reply)));
            return;
        }
        m_url = reply->url();
        const auto cr = parseContentRange(reply->rawHeader("Content-Range"));
        if (!cr || cr->total != m_known.total) {
            done(false, tr("%1 serves a file of another size (%2 bytes, this download has %3)")
                            .arg(where, cr && cr->total >= 0 ? QString::number(cr->total) : tr("unknown"))
                            .arg(m_known.total));
            return;
        }
        const QByteArray etag = reply->rawHeader("ETag");
        const QByteArray lastModified = reply->rawHeader("Last-Modified");
        if (!etag.isEmpty() && !m_known.etag.isEmpty()) {
            if (etag == m_known.etag)
                done(true, tr("same size and ETag"));
            else
                done(false, tr("%1 serves another version of the file (ETag %2, this download has %3)")
                                .arg(where, QString::fromLatin1(etag), QString::fromLatin1(m_known.etag)));
            return;
        }
        if (!lastModified.isEmpty() && !m_known.lastModified.isEmpty() && lastModified != m_known.lastModified) {
            done(false, tr("%1 serves a file modified at another time (%2, this download has %3)")
                            .arg(where, QString::fromLatin1(lastModified), QString::fromLatin1(m_known.lastModified)));
            return;
        }
        checkNextPiece(); // no validators to trust: compare content
    });
}

void UrlReplacer::checkNextPiece()
{
    if (m_checked >= std::min<qsizetype>(kPiecesToCompare, m_known.pieces.size())) {
        done(true, m_checked > 0 ? tr("same size, and %n piece(s) match", nullptr, m_checked)
                                 : tr("same size (no piece to compare yet)"));
        return;
    }
    // Spread the samples: first, middle and last completed pieces.
    const qsizetype count = m_known.pieces.size();
    const qsizetype index = m_checked == 0 ? 0 : m_checked == 1 ? count / 2 : count - 1;
    const auto [piece, crc] = m_known.pieces[index];
    const qint64 start = piece * m_known.pieceSize;
    const qint64 end = std::min(m_known.total, start + m_known.pieceSize);
    QNetworkReply *reply = m_nam->get(makeRequest(m_url, m_options, start, end));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, piece = piece, crc = crc, start, end] {
        reply->deleteLater();
        if (m_done)
            return;
        const ReplyError error = checkRangeReply(reply, start, end, m_known.total);
        if (error.isError() || reply->error() != QNetworkReply::NoError) {
            done(false, error.isError() ? error.message : classifyReply(reply, false).message);
            return;
        }
        const QByteArray data = reply->readAll();
        if (data.size() != end - start || PieceCrcs::compute(data) != crc) {
            done(false, tr("%1 serves different content (piece %2 does not match)")
                            .arg(m_url.toDisplayString(QUrl::RemoveUserInfo))
                            .arg(piece));
            return;
        }
        ++m_checked;
        checkNextPiece();
    });
}

void UrlReplacer::done(bool accepted, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(accepted, reason, m_url);
}

} // namespace bytehaul
