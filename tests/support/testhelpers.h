// Helpers shared by the engine tests: hashing files and running a download to its end.
#pragma once

#include "engine/controlfile.h"
#include "engine/downloadmanager.h"
#include "engine/piecemap.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace bytehaul::test {

inline QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

inline QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return "missing:" + path.toUtf8();
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

// What a control file says is durably on disk: whole pieces and partial segments; -1 when
// there is no (valid) control file.
inline qint64 durableBytes(const QString &controlPath)
{
    const ControlFileResult saved = loadControlFile(controlPath);
    if (!saved.state)
        return -1;
    PieceMap map(saved.state->totalSize, saved.state->pieceSize);
    map.loadBitset(saved.state->completedBitset);
    qint64 bytes = map.completeBytes();
    for (const ControlSegment &seg : saved.state->segments)
        bytes += std::max<qint64>(0, seg.durableEnd - seg.start);
    return bytes;
}

// Waits (bounded) for the download's terminal snapshot.
inline DownloadSnapshot waitFinished(DownloadManager &manager, DownloadId id, int timeoutMs = 60000)
{
    QSignalSpy spy(&manager, &DownloadManager::downloadFinished);
    QElapsedTimer clock;
    clock.start();
    while (!isTerminal(manager.snapshot(id).state) && clock.elapsed() < timeoutMs)
        spy.wait(100);
    return manager.snapshot(id);
}

// Pauses and waits (bounded) until the engine reports Paused, i.e. the checkpoint is durable.
inline bool pauseAndWait(DownloadManager &manager, DownloadId id, int timeoutMs = 10000)
{
    manager.pause(id);
    QSignalSpy spy(&manager, &DownloadManager::downloadChanged);
    QElapsedTimer clock;
    clock.start();
    while (manager.snapshot(id).state != DownloadState::Paused && clock.elapsed() < timeoutMs)
        spy.wait(50);
    return manager.snapshot(id).state == DownloadState::Paused;
}

// The length of a request's "bytes=a-b" range; -1 for anything else (no range, open-ended).
inline qint64 rangeLength(const QByteArray &range)
{
    const qsizetype dash = range.indexOf('-');
    if (!range.startsWith("bytes=") || dash < 0 || dash + 1 >= range.size())
        return -1;
    return range.mid(dash + 1).toLongLong() - range.mid(6, dash - 6).toLongLong() + 1;
}

// Fast retries so that tests do not wait on back-off.
inline DownloadOptions fastOptions(int connections = 8)
{
    DownloadOptions o;
    o.connections = connections;
    o.retry.baseDelay = std::chrono::milliseconds(10);
    o.retry.maxDelay = std::chrono::milliseconds(50);
    return o;
}

} // namespace bytehaul::test
