#include "engine/filewriter.h"

#include "engine/piecemap.h"
#include "engine/safefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QHash>
#include <QFileInfo>
#include <QStorageInfo>
#include <QThread>
#include <QThreadPool>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

namespace bytehaul {

namespace {

QString describeErrno(int err)
{
    if (err == ENOSPC)
        return FileWriter::tr("the disk is full");
#ifdef EDQUOT
    if (err == EDQUOT)
        return FileWriter::tr("the disk quota is exceeded");
#endif
    return QString::fromLocal8Bit(std::strerror(err));
}

constexpr qint64 kWriteBehindBytes = 16 << 20;
constexpr int kBatchMs = 20; // how long chunks may wait before the writer's thread takes them

// Completion syncs: blocking, I/O-bound, and independent of each other (the kernel batches
// concurrent ones into one journal commit), so more threads than cores.
QThreadPool &syncPool()
{
    static QThreadPool pool;
    static const bool named = [] {
        pool.setMaxThreadCount(8);
        pool.setObjectName(QStringLiteral("bytehaul-sync"));
        return true;
    }();
    Q_UNUSED(named);
    return pool;
}

void removeControlFiles(const QString &controlPath)
{
    if (controlPath.isEmpty())
        return;
    QFile::remove(controlPath);
    safefile::removeStaleTemporaries(controlPath);
}

// A removal or rename is durable once its directory is synced.
void syncDirectoryOf(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path)
#endif
}

} // namespace

FileWriter::FileWriter(QObject *parent)
    : QObject(parent)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(kBatchMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &FileWriter::drain);
}

FileWriter::~FileWriter()
{
    if (m_file.isOpen())
        m_file.close();
}

void FileWriter::open(const QString &path, qint64 size, bool truncate, bool preallocate, qint64 memoryBudget,
                      qint64 pieceSize, const QString &controlPath)
{
    {
        // A batch stays well below what the budget lets wait for the disk (half of it).
        QMutexLocker lock(&m_queueLock);
        m_batchBytes = std::clamp<qint64>(memoryBudget / 16, 16 << 10, 512 << 10);
    }
    enqueue([=, this] {
            // Below the session's share for waiting bytes (half the budget), so the cache always
            // drains before the network side runs out of room: no stall, whatever the sizes.
            m_highWater = std::max<qint64>(1, memoryBudget / 4);
            m_runBytes = std::min<qint64>(1 << 20, std::max<qint64>(1, memoryBudget / 8));
            m_pieceSize = std::max<qint64>(1, pieceSize);
            m_crcs.reset(size, pieceSize);
            if (truncate && !controlPath.isEmpty() && safefile::lexists(controlPath)) {
                // A kill right after the truncation left a ranged control file over a stream's
                // bytes, trusted by the next run: the old one goes durably first.
                removeControlFiles(controlPath);
                syncDirectoryOf(controlPath);
            }
            doOpen(path, size, truncate, preallocate);
        });
}

void FileWriter::write(qint64 offset, const QByteArray &data)
{
    // Chunks wait here for a moment, so the writer's thread wakes once per batch, not once per
    // chunk (at 4 MiB/s a connection brings a 20 KiB chunk every 5 ms).
    QMutexLocker lock(&m_queueLock);
    m_queue.push_back({ offset, data, {} });
    m_queuedBytes += data.size();
    if (m_kickPosted)
        return;
    if (m_queuedBytes >= m_batchBytes) {
        m_kickPosted = true;
        QMetaObject::invokeMethod(this, &FileWriter::drain, Qt::QueuedConnection);
    } else if (!m_timerPosted) {
        m_timerPosted = true;
        QMetaObject::invokeMethod(this, [this] {
            if (!m_drainTimer.isActive())
                m_drainTimer.start();
        }, Qt::QueuedConnection);
    }
}

void FileWriter::enqueue(std::function<void()> work)
{
    // Through the same queue as the chunks, so everything runs in the order it was asked for.
    QMutexLocker lock(&m_queueLock);
    m_queue.push_back({ 0, {}, std::move(work) });
    if (!m_kickPosted) {
        m_kickPosted = true;
        QMetaObject::invokeMethod(this, &FileWriter::drain, Qt::QueuedConnection);
    }
}

void FileWriter::drain()
{
    std::vector<Queued> work;
    {
        QMutexLocker lock(&m_queueLock);
        work.swap(m_queue);
        m_queuedBytes = 0;
        m_kickPosted = false;
        m_timerPosted = false;
    }
    if (QThread::currentThread() == thread())
        m_drainTimer.stop();
    for (Queued &item : work) {
        if (item.work)
            item.work();
        else
            doWrite(item.offset, item.data);
    }
}

void FileWriter::seed(const QList<std::pair<qint64, quint32>> &completePieces,
                      const QList<std::pair<qint64, qint64>> &partialRanges)
{
    enqueue([=, this] {
            for (const auto &[piece, crc] : completePieces)
                m_crcs.setComplete(piece, crc);
            for (const auto &[start, end] : partialRanges) {
                QByteArray data;
                if (readAt(start, end - start, data))
                    m_crcs.add(start, data);
            }
        });
}

void FileWriter::seedFromControlFile(const QString &controlPath)
{
    enqueue([=, this] {
            const ControlFileResult saved = loadControlFile(controlPath);
            if (!saved.state || saved.state->mode != ControlState::Mode::Ranged)
                return;
            const ControlState &st = *saved.state;
            PieceMap map(st.totalSize, st.pieceSize);
            map.loadBitset(st.completedBitset);
            for (qint64 p = 0; p < map.pieceCount(); ++p) {
                if (map.isComplete(p))
                    m_crcs.setComplete(p, st.pieceCrcs.value(p));
            }
            for (const ControlSegment &seg : st.segments) {
                QByteArray data;
                if (seg.durableEnd > seg.start && readAt(seg.start, seg.durableEnd - seg.start, data))
                    m_crcs.add(seg.start, data);
            }
        });
}

void FileWriter::verify(const QList<std::pair<qint64, quint32>> &pieces)
{
    enqueue([=, this] {
            QList<qint64> bad;
            for (const auto &[piece, crc] : pieces) {
                QByteArray data;
                const qint64 pieceSize = m_pieceSize;
                const qint64 start = piece * pieceSize;
                const qint64 length = std::min(pieceSize, m_size - start);
                if (length <= 0 || !readAt(start, length, data) || PieceCrcs::compute(data) != crc)
                    bad.append(piece);
            }
            Q_EMIT verified(bad);
        });
}

void FileWriter::checkpoint(const ControlState &state, const QString &controlPath)
{
    enqueue([=, this] {
            const QString error = doCheckpoint(state, controlPath);
            Q_EMIT checkpointed(state.sequence, error);
        });
}

QString FileWriter::doCheckpoint(ControlState state, const QString &controlPath)
{
    // Data first: the control file may only claim bytes that are already durable.
    if (!flushBlocks(0) || !syncData())
        return tr("the data could not be saved");
    if (state.mode == ControlState::Mode::Ranged) {
        state.pieceCrcs = m_crcs.all();
        PieceMap map(state.totalSize, state.pieceSize);
        map.loadBitset(state.completedBitset);
        for (qint64 p = 0; p < state.pieceCount; ++p) {
            // Only pieces whose CRC we hold are claimed complete; the others are fetched again.
            if (map.isComplete(p) && !m_crcs.isComplete(p))
                map.setComplete(p, false);
        }
        state.completedBitset = map.toBitset();
    }
    return saveControlFile(controlPath, serializeControl(state));
}

void FileWriter::hashFile(const QString &path, const QByteArray &algorithm)
{
    enqueue([=, this] {
            const QHash<QByteArray, QCryptographicHash::Algorithm> algorithms = {
                { "md5", QCryptographicHash::Md5 },
                { "sha1", QCryptographicHash::Sha1 },
                { "sha256", QCryptographicHash::Sha256 },
                { "sha512", QCryptographicHash::Sha512 },
            };
            flushBlocks(0); // every byte handed over before this call is in the file
            QFile file;
            QString error;
            if (!algorithms.contains(algorithm.toLower())
                || !safefile::open(file, path, safefile::Access::Read, false, false, &error)) {
                Q_EMIT hashed({}, tr("Cannot read %1 to check it: %2").arg(QDir::toNativeSeparators(path), error));
                return;
            }
            QCryptographicHash hash(algorithms.value(algorithm.toLower()));
            hash.addData(&file);
            Q_EMIT hashed(hash.result().toHex(), QString());
        });
}

bool FileWriter::readAt(qint64 offset, qint64 length, QByteArray &out)
{
    out.resize(length);
#ifdef Q_OS_UNIX
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_file.handle(), out.data() + done, size_t(length - done), off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
#else
    return m_file.seek(offset) && m_file.read(out.data(), length) == length;
#endif
}

void FileWriter::close(bool sync, bool removeFile, const QString &controlPath, bool emptyFile)
{
    enqueue([=, this] {
            if (emptyFile) {
                doEmpty(controlPath);
                return;
            }
#ifdef Q_OS_UNIX
            // Written out here; the blocking sync goes to the pool with a copy of the descriptor,
            // so this thread writes on for the other downloads at once.
            if (sync && !removeFile && m_file.isOpen() && flushBlocks(0) && !m_failed) {
                if (const int fd = ::dup(m_file.handle()); fd >= 0) {
                    m_file.close();
                    syncPool().start([this, fd, controlPath] {
#if defined(Q_OS_LINUX)
                        const bool ok = ::fdatasync(fd) == 0;
#else
                        const bool ok = ::fsync(fd) == 0;
#endif
                        ::close(fd);
                        if (ok)
                            removeControlFiles(controlPath);
                        // This object lives until closed() is handled (Session::closeWriter).
                        QMetaObject::invokeMethod(this, [this, ok] { closedNow(ok); }, Qt::QueuedConnection);
                    });
                    return;
                }
            }
#endif
            doClose(sync, removeFile, controlPath); // also reports a failed flush, keeping the control file
        });
}

void FileWriter::doClose(bool sync, bool removeFile, const QString &controlPath)
{
    bool ok = true;
    if (removeFile) {
        m_cache.take(0); // dropped on purpose: the user cancelled
    } else {
        ok = flushBlocks(0);
        if (ok && sync && m_file.isOpen())
            ok = syncData();
    }
    if (m_file.isOpen())
        m_file.close();
    if (removeFile && !m_path.isEmpty())
        QFile::remove(m_path);
    ok = ok && !m_failed;
    if (ok || removeFile)
        removeControlFiles(controlPath);
    closedNow(ok);
}

void FileWriter::closeNowForQuit(const std::optional<ControlState> &last, const QString &controlPath)
{
    drain(); // what was queued first, here on the calling thread (the writer's is not running)
    if (last)
        doCheckpoint(*last, controlPath);
    bool ok = flushBlocks(0);
    if (ok && m_file.isOpen())
        ok = syncData();
    if (m_file.isOpen())
        m_file.close();
}

void FileWriter::doEmpty(const QString &controlPath)
{
    m_cache.take(0); // another version's bytes: dropped on purpose
    removeControlFiles(controlPath);
    bool ok = true;
    if (!controlPath.isEmpty())
        syncDirectoryOf(controlPath); // the control file's removal is durable before its bytes go
    if (m_file.isOpen()) {
        ok = m_file.resize(0) && syncData();
        m_file.close();
    }
    closedNow(ok);
}

void FileWriter::settle(const QString &controlPath, const QString &dataPath, DataFile data)
{
    enqueue([=, this] {
            bool ok = true;
            if (!controlPath.isEmpty() && safefile::lexists(controlPath)) {
                removeControlFiles(controlPath);
                syncDirectoryOf(controlPath);
            }
            if (data == DataFile::Empty && !dataPath.isEmpty() && safefile::lexists(dataPath)) {
                // Through our own descriptor checks (no link, no FIFO planted there).
                QFile file;
                ok = safefile::open(file, dataPath, safefile::Access::ReadWrite, false, false, nullptr) && file.resize(0);
            } else if (data == DataFile::Remove && !dataPath.isEmpty()) {
                QFile::remove(dataPath);
            }
            closedNow(ok);
        });
}

void FileWriter::rewriteControl(const QString &controlPath, const QByteArray &originalUrl, const QByteArray &finalUrl,
                                const QByteArray &etag, const QByteArray &lastModified)
{
    enqueue([=, this] {
            ControlFileResult saved = loadControlFile(controlPath);
            bool ok = true;
            if (saved.state) {
                saved.state->originalUrl = originalUrl;
                saved.state->finalUrl = finalUrl;
                saved.state->etag = etag;
                saved.state->lastModified = lastModified;
                ok = saveControlFile(controlPath, serializeControl(*saved.state)).isEmpty();
            }
            closedNow(ok);
        });
}

void FileWriter::closedNow(bool ok)
{
    // The writer owns itself: whoever closed it hears closed() and never touches it again
    // (a download removed meanwhile does not leak it).
    Q_EMIT closed(ok);
    deleteLater();
}

qint64 FileWriter::bytesAvailable() const
{
#ifdef Q_OS_UNIX
    // fstatvfs on the open file: one call, where QStorageInfo parses the whole mount table.
    struct statvfs info;
    if (m_file.isOpen() && ::fstatvfs(m_file.handle(), &info) == 0)
        return qint64(info.f_bavail) * qint64(info.f_frsize);
    return -1;
#else
    const QStorageInfo storage(QFileInfo(m_path).absolutePath());
    return storage.isValid() ? storage.bytesAvailable() : -1;
#endif
}

void FileWriter::doOpen(const QString &path, qint64 size, bool truncate, bool preallocate)
{
    m_size = size;
    m_path = path;
    // Never through a link or into a FIFO or device someone planted at the target path: the
    // check is the open itself (O_NOFOLLOW, then fstat), not a look before it.
    QString openError;
    if (!safefile::open(m_file, path, safefile::Access::ReadWrite, true, truncate, &openError)) {
        m_failed = true;
        Q_EMIT opened(false, tr("Cannot open %1 for writing: %2").arg(QDir::toNativeSeparators(path), openError));
        return;
    }
    if (size > 0 && m_file.size() < size) {
        // Check first, so a file that cannot fit fails now with a clear message, not at 97%.
        const qint64 needed = size - m_file.size();
        const qint64 available = preallocate ? bytesAvailable() : -1;
        if (available >= 0 && available < needed) {
            m_failed = true;
            m_file.close();
            Q_EMIT opened(false, tr("Not enough disk space for %1: it needs %2 more bytes, %3 are free")
                                     .arg(QDir::toNativeSeparators(path))
                                     .arg(needed)
                                     .arg(available));
            return;
        }
        bool done = false;
#if defined(Q_OS_LINUX)
        if (preallocate) {
            const int err = ::posix_fallocate(m_file.handle(), 0, size);
            if (err == 0) {
                done = true;
            } else if (err == ENOSPC || err == EFBIG) {
                m_failed = true;
                m_file.close();
                Q_EMIT opened(false, tr("Not enough space for %1 (%2 bytes): %3")
                                         .arg(QDir::toNativeSeparators(path))
                                         .arg(size)
                                         .arg(describeErrno(err)));
                return;
            }
        }
#else
        Q_UNUSED(preallocate);
#endif
        // Elsewhere (or when the file system cannot allocate) a sparse file of the right size.
        if (!done && !m_file.resize(size)) {
            m_failed = true;
            Q_EMIT opened(false, tr("Cannot size %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString()));
            m_file.close();
            return;
        }
    }
    Q_EMIT opened(true, QString());
}

void FileWriter::doWrite(qint64 offset, const QByteArray &data)
{
    if (m_failed) {
        Q_EMIT written(data.size()); // nothing will be written; still free the budget
        return;
    }
    m_cache.insert(offset, data);
    flushBlocks(m_cache.bytes() >= m_highWater ? 0 : m_runBytes);
}

bool FileWriter::flushBlocks(qint64 minRunBytes)
{
    const QList<WriteBackCache::Block> blocks = m_cache.take(minRunBytes);
    qint64 released = 0;
    bool ok = true;
    for (const auto &block : blocks) {
        if (ok && !m_failed) {
            ok = writeBlock(block);
            qint64 offset = block.offset;
            for (const QByteArray &chunk : block.chunks) {
                m_crcs.add(offset, chunk);
                offset += chunk.size();
            }
        }
        released += block.size();
    }
    if (released > 0)
        Q_EMIT written(released);
    return ok && !m_failed;
}

bool FileWriter::writeBlock(const WriteBackCache::Block &block)
{
#ifdef Q_OS_LINUX
    // One vectored write per run: no copy to join the chunks.
    qint64 offset = block.offset;
    qsizetype index = 0;
    qint64 skip = 0; // bytes of chunks[index] already written
    while (index < block.chunks.size()) {
        iovec iov[64];
        int count = 0;
        for (qsizetype i = index; i < block.chunks.size() && count < 64; ++i, ++count) {
            const qint64 from = i == index ? skip : 0;
            iov[count].iov_base = const_cast<char *>(block.chunks[i].constData() + from);
            iov[count].iov_len = size_t(block.chunks[i].size() - from);
        }
        const ssize_t n = ::pwritev(m_file.handle(), iov, count, off_t(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), describeErrno(errno)), errno);
            return false;
        }
        offset += n;
        qint64 left = n;
        while (left > 0 && index < block.chunks.size()) {
            const qint64 rest = block.chunks[index].size() - skip;
            if (left >= rest) {
                left -= rest;
                ++index;
                skip = 0;
            } else {
                skip += left;
                left = 0;
            }
        }
    }
    // Write-behind: every few MiB, start the disk on what was written (asynchronously), so
    // the syncs of the checkpoints and of the end find little left to do instead of the
    // whole file at once (512 MiB over loopback: 0.75 -> 0.40 s, durable either way).
    m_unkicked += offset - block.offset;
    if (m_unkicked >= kWriteBehindBytes) {
        m_unkicked = 0;
        ::sync_file_range(m_file.handle(), 0, 0, SYNC_FILE_RANGE_WRITE);
    }
    return true;
#else
    qint64 offset = block.offset;
    for (const QByteArray &chunk : block.chunks) {
        if (!writeAt(offset, chunk.constData(), chunk.size()))
            return false;
        offset += chunk.size();
    }
    return true;
#endif
}

bool FileWriter::writeAt(qint64 offset, const char *data, qint64 length)
{
    if (!m_file.isOpen()) {
        fail(tr("The output file is not open"));
        return false;
    }
#ifdef Q_OS_UNIX
    const int fd = m_file.handle();
    while (length > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(length), off_t(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), describeErrno(errno)), errno);
            return false;
        }
        data += n;
        offset += n;
        length -= n;
    }
    return true;
#else
    if (!m_file.seek(offset) || m_file.write(data, length) != length) {
        fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file.errorString()));
        return false;
    }
    return true;
#endif
}

bool FileWriter::syncData()
{
#if defined(Q_OS_LINUX)
    if (::fdatasync(m_file.handle()) != 0) {
        fail(tr("Cannot sync %1: %2").arg(QDir::toNativeSeparators(m_path), describeErrno(errno)), errno);
        return false;
    }
#elif defined(Q_OS_UNIX)
    if (::fsync(m_file.handle()) != 0) {
        fail(tr("Cannot sync %1: %2").arg(QDir::toNativeSeparators(m_path), describeErrno(errno)), errno);
        return false;
    }
#else
    m_file.flush();
#endif
    return true;
}

void FileWriter::fail(const QString &error, int err)
{
    if (m_failed)
        return;
    m_failed = true;
    Q_EMIT failed(error, err == ENOSPC || err == EDQUOT);
}

} // namespace bytehaul
