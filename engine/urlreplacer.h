// UrlReplacer: decides whether a new URL serves the same file as a paused download (an expired
// signed link replaced by a fresh one). Same size is required; validators are compared when
// both sides have them; otherwise a few completed pieces are fetched from the new URL and their
// CRC32 compared with the ones on record. One finished() signal with the verdict.
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
        QList<std::pair<qint64, quint32>> pieces; // completed pieces and their CRC32
    };

    UrlReplacer(QNetworkAccessManager *nam, const DownloadOptions &options, QObject *parent = nullptr);
    ~UrlReplacer() override;

    void start(const QUrl &url, const Known &known);

Q_SIGNALS:
    void finished(bool accepted, const QString &reason, const QUrl &finalUrl);

private:
    void checkNextPiece();
    void done(bool accepted, const QString &reason);

    QNetworkAccessManager *m_nam = nullptr;
    DownloadOptions m_options;
    QUrl m_url;
    Known m_known;
    QPointer<QNetworkReply> m_reply;
    int m_checked = 0;
    bool m_done = false;
};

} // namespace bytehaul
