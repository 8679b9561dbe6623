// WriteBackCache: holds received chunks until they are worth a write. Adjacent chunks (the
// normal case: a stream's chunks arrive in order) are coalesced into one run without copying:
// a run is a list of chunks, written with one vectored write (pwritev). So the writer issues a
// few large writes instead of many small ones, and the cache holds exactly the bytes it was
// given. Overlapping data is not expected (the scheduler never accepts a byte twice); if it
// comes anyway, the runs involved are flattened and the newer bytes win.
#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <map>

namespace bytehaul {

class WriteBackCache final
{
public:
    struct Block
    {
        qint64 offset = 0;
        QList<QByteArray> chunks; // contiguous, in order
        qint64 size() const;
        QByteArray joined() const; // for tests and non-vectored writers
    };

    void insert(qint64 offset, const QByteArray &data);
    qint64 bytes() const { return m_bytes; }
    int runCount() const { return int(m_runs.size()); }
    bool isEmpty() const { return m_runs.empty(); }

    // Removes and returns the runs of at least minRunBytes (all runs when minRunBytes <= 0).
    QList<Block> take(qint64 minRunBytes = 0);

private:
    struct Run
    {
        qint64 size = 0;
        QList<QByteArray> chunks;
    };
    std::map<qint64, Run> m_runs; // offset -> contiguous bytes
    qint64 m_bytes = 0;
};

} // namespace bytehaul
