// FileWriter: the only object that writes a download's data file and its control file (saves,
// rewrites and removals all run here, in the order the session asked for them). It
// lives on the writer thread; the session talks to it through queued calls and hears back
// through signals, so a slow disk never blocks the network side. Incoming chunks go through a
// WriteBackCache and leave as large positioned writes (pwritev); their CRC32 per piece is kept
// on the way. written() reports how many bytes left memory, which frees the download's memory
// budget. Because calls run in the order they were made, a checkpoint covers exactly the
// bytes handed over before it.
#pragma once

#include "engine/controlfile.h"
#include "engine/piececrcs.h"
#include "engine/writebackcache.h"

#include <QFile>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace bytehaul {

class FileWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileWriter)

public:
    explicit FileWriter(QObject *parent = nullptr);
    ~FileWriter() override;

    // Thread-safe entry points: each posts to the writer's thread.
    // size < 0: unknown. truncate: start from an empty file; then the control file at
    // controlPath goes first, durably (a control file never describes bytes that are not in
    // the data file). memoryBudget: what the session lets the network hold; the cache always
    // flushes before holding half of it, so the budget can never be exhausted by bytes that
    // wait here.
    void open(const QString &path, qint64 size, bool truncate, bool preallocate, qint64 memoryBudget,
              qint64 pieceSize, const QString &controlPath = {});
    void write(qint64 offset, const QByteArray &data);
    // Pieces already on disk from an earlier run: their known CRCs, and byte ranges of
    // incomplete pieces whose CRC is rebuilt by reading them.
    // Seeds from a control file, read on the writer thread: after every checkpoint queued
    // before this call (a pause's), so the newest one is what is read.
    void seedFromControlFile(const QString &controlPath);
    void seed(const QList<std::pair<qint64, quint32>> &completePieces,
              const QList<std::pair<qint64, qint64>> &partialRanges);
    // Reads the given pieces and reports those whose CRC32 differs (torn writes).
    void verify(const QList<std::pair<qint64, quint32>> &pieces);
    // Flush + fdatasync the data, then write the control file atomically (filling in the
    // piece CRCs); emits checkpointed(sequence, error).
    void checkpoint(const ControlState &state, const QString &controlPath);
    // Bytes free on the file system holding the open file; -1 when unknown.
    qint64 bytesAvailable() const;
    // Reads the closed file once; emits hashed(hex digest or empty, error).
    void hashFile(const QString &path, const QByteArray &algorithm);
    // Flushes, syncs, closes; emits closed(). removeFile drops the cache and deletes the file.
    // controlPath, when given, is removed once the data is durable (never before: a crash in
    // between must leave a control file that tells the data is not yet trustworthy). The
    // blocking sync runs on a pool thread, so one download finishing never stalls the writes
    // of the others sharing the writer thread.
    // emptyFile: starting over (another version on the server): the control file goes first,
    // durably, then the file is cut to zero bytes in place (the same inode: the lock on it
    // stays; deleting it would let another process create the name anew).
    // The writer deletes itself after closed() (deleteLater on its thread): the caller never
    // touches it again.
    void close(bool sync, bool removeFile = false, const QString &controlPath = {}, bool emptyFile = false);
    // At quit, on the calling thread, synchronously (the writer's thread must not be running
    // it): the last checkpoint when given, then flush, sync and close; then the caller deletes
    // the writer.
    void closeNowForQuit(const std::optional<ControlState> &last, const QString &controlPath);

    // For a writer that never opened a file: the work on a download's files between two
    // writers, or after the last one. Each emits closed() and deletes itself, like close().
    enum class DataFile { Keep, Empty, Remove };
    // The control file goes (durably, when there is one), then the data file at dataPath is
    // kept, emptied in place (starting over; the same inode, so the lock on it stays) or
    // removed (the user cancelled and asked for it).
    void settle(const QString &controlPath, const QString &dataPath, DataFile data);
    // Replace address: the download's addresses and validators in its control file change,
    // everything else stays. Nothing to rewrite (no control file) is no failure.
    void rewriteControl(const QString &controlPath, const QByteArray &originalUrl, const QByteArray &finalUrl,
                        const QByteArray &etag, const QByteArray &lastModified);


Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void verified(const QList<qint64> &badPieces);
    void checkpointed(quint64 sequence, const QString &error);
    void hashed(const QByteArray &hexDigest, const QString &error);
    void written(qint64 bytes);
    void failed(const QString &error, bool diskFull);
    void closed(bool ok);

private:
    void doOpen(const QString &path, qint64 size, bool truncate, bool preallocate);
    void doClose(bool sync, bool removeFile, const QString &controlPath = {});
    QString doCheckpoint(ControlState state, const QString &controlPath);
    void closedNow(bool ok); // emits closed(), then deletes itself
    void doEmpty(const QString &controlPath);
    void doWrite(qint64 offset, const QByteArray &data);
    void enqueue(std::function<void()> work);
    void drain(); // on the writer's thread: runs what was queued, in order
    bool flushBlocks(qint64 minRunBytes);
    bool writeBlock(const WriteBackCache::Block &block);
    bool writeAt(qint64 offset, const char *data, qint64 length);
    bool syncData();
    bool readAt(qint64 offset, qint64 length, QByteArray &out);
    void fail(const QString &error, int err = 0); // err: the errno, when there is one

    // What the session asked for, in order: chunks (offset, data) and other work. Written from
    // the session's thread, drained on the writer's (see write()).
    struct Queued
    {
        qint64 offset = 0;
        QByteArray data;
        std::function<void()> work; // set: not a chunk
    };
    QMutex m_queueLock;
    std::vector<Queued> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_batchBytes = 256 << 10; // queued chunk bytes that wake the writer at once
    bool m_kickPosted = false; // a drain() is on its way
    bool m_timerPosted = false; // the drain timer is being started
    QTimer m_drainTimer { this }; // a child: it moves to the writer's thread with this object

    QFile m_file;
    QString m_path; // m_file is opened on a descriptor (safefile::open) and does not keep its name
    qint64 m_size = -1;
    qint64 m_pieceSize = 1;
    WriteBackCache m_cache;
    PieceCrcs m_crcs;
    qint64 m_highWater = 8 << 20; // cache bytes that force a full flush
    qint64 m_runBytes = 1 << 20; // a run this big is written at once
    bool m_failed = false;
    qint64 m_unkicked = 0; // bytes written since the disk was last told to start on them
};

} // namespace bytehaul
