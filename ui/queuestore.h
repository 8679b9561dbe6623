// QueueStore: the download list on disk (JSON, written atomically with QSaveFile), so that a
// restart, or a kill, loses nothing: each entry is enough to add the download again, and its
// control file lets it continue where it was.
#pragma once

#include "engine/downloadtypes.h"

#include <QList>
#include <QString>

namespace bytehaul::ui {

struct StoredDownload
{
    DownloadRequest request; // with outputPath set to the file once it is known
    DownloadState state = DownloadState::Queued;
    QDateTime added;
    qint64 total = -1;
    qint64 done = 0; // on disk when saved
    QString name; // the file's name as shown
    QString error;
    ErrorCode errorCode = ErrorCode::None; // shown in the language of the day, not of the error
    int httpStatus = 0;
    QString errorDetail;
};

class QueueStore final
{
public:
    explicit QueueStore(QString path) : m_path(std::move(path)) { }
    const QString &path() const { return m_path; }

    bool save(const QList<StoredDownload> &downloads, QString *error = nullptr) const;
    QList<StoredDownload> load(QString *error = nullptr) const; // a damaged file loads as empty
    // The file's content as downloads (fuzzed: tests/fuzz/fuzz_queue.cpp).
    static QList<StoredDownload> parse(const QByteArray &json, QString *error = nullptr);
    static constexpr qint64 kMaxQueueBytes = 64 << 20;

private:
    QString m_path;
};

} // namespace bytehaul::ui
