// UrlReplacer: decides whether a URL serves the same file as the bytes on disk: a new address
// for a paused download (an expired signed link replaced by a fresh one), or the same address
// after a restart when the server gives no ETag or Last-Modified to compare. Same size is
// required; a strong ETag that matches decides; validators that differ refuse; otherwise the
// sampled ranges the caller picked (completed pieces, durable partial ranges) are fetched from
// the URL and their CRC32 compared with the ones on disk. One finished() signal with the verdict.
#pragma once

#include "engine/downloadtypes.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace bytehaul {

class UrlReplacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UrlReplacer)

public:
    struct Known
    {
        qint64 total = -1;
        qint64 pieceSize = 0;
        QByteArray etag;
        QByteArray lastModified;
        struct Sample
        {
            qint64 start = 0;
            qint64 end = 0; // exclusive
            quint32 crc = 0; // CRC32 of those bytes on disk
        };
        QList<Sample> samples; // all are compared, in this order
        bool sameUrl = false; // the download's own address: no first look (its identity is known)
    };

    UrlReplacer(QNetworkAccessManager *nam, const DownloadOptions &options, QObject *parent = nullptr);
    ~UrlReplacer() override;

    void start(const QUrl &url, const Known &known);
    // After a refusal: the URL serves something else (size, validators, content), as opposed
    // to a request that failed.
    bool contentDiffers() const { return m_differs; }
    int matchedSamples() const { return m_checked; } // Known::samples compared and found the same, in order

Q_SIGNALS:
    // etag, lastModified: what the URL serves now (the download's identity from then on).
    void finished(bool accepted, const QString &reason, const QUrl &finalUrl, const QByteArray &etag,
                  const QByteArray &lastModified);

private:
    void checkNextSample();
    void done(bool accepted, const QString &reason);

    QNetworkAccessManager *m_nam = nullptr;
    DownloadOptions m_options;
    QUrl m_url;
    Known m_known;
    QByteArray m_etag, m_lastModified;
    QPointer<QNetworkReply> m_reply;
    int m_checked = 0;
    int m_hops = 0; // redirects followed by hand
    bool m_done = false;
    bool m_differs = false;
};

} // namespace bytehaul
