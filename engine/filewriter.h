// FileWriter: the only object that touches a download's data file. It lives on the writer
// thread; the session talks to it through queued calls and hears back through signals, so a
// slow disk never blocks the network side. Incoming chunks go through a WriteBackCache and
// leave as large positioned writes (pwrite). written() reports how many bytes left memory,
// which is what frees the download's memory budget.
#pragma once

#include "engine/writebackcache.h"

#include <QFile>
#include <QObject>

namespace bytehaul {

class FileWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileWriter)

public:
    explicit FileWriter(QObject *parent = nullptr);
    ~FileWriter() override;

    // Thread-safe entry points: each posts to the writer's thread.
    // size < 0: unknown. truncate: start from an empty file. memoryBudget: what the session
    // lets the network hold; the cache always flushes before holding half of it, so the
    // budget can never be exhausted by bytes that wait here.
    void open(const QString &path, qint64 size, bool truncate, bool preallocate, qint64 memoryBudget);
    void write(qint64 offset, const QByteArray &data);
    void flush(bool sync, quint64 token); // emits flushed(token)
    // Flushes, syncs, closes; emits closed(). removeFile drops the cache and deletes the file.
    void close(bool sync, bool removeFile = false);
    // The same, on the calling thread (the writer's thread must not be running it).
    void doClose(bool sync, bool removeFile);


Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void written(qint64 bytes);
    void flushed(quint64 token);
    void failed(const QString &error);
    void closed(bool ok);

private:
    void doOpen(const QString &path, qint64 size, bool truncate, bool preallocate);
    void doWrite(qint64 offset, const QByteArray &data);
    bool flushBlocks(qint64 minRunBytes);
    bool writeBlock(const WriteBackCache::Block &block);
    bool writeAt(qint64 offset, const char *data, qint64 length);
    bool syncData();
    void fail(const QString &error);

    QFile m_file;
    WriteBackCache m_cache;
    qint64 m_highWater = 8 << 20; // cache bytes that force a full flush
    qint64 m_runBytes = 1 << 20; // a run this big is written at once
    bool m_failed = false;
};

} // namespace bytehaul
