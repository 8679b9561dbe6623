#include "engine/piececrcs.h"

#include "engine/crc32.h"

#include <zlib.h>

namespace bytehaul {

quint32 PieceCrcs::compute(QByteArrayView data)
{
    return crc32Update(0, data);
}

void PieceCrcs::reset(qint64 totalSize, qint64 pieceSize)
{
    m_total = totalSize;
    m_pieceSize = std::max<qint64>(1, pieceSize);
    const qint64 count = totalSize > 0 ? (totalSize + m_pieceSize - 1) / m_pieceSize : 0;
    m_crcs = QList<quint32>(count, 0);
    m_complete.assign(size_t(count), false);
    m_partial.clear();
}

bool PieceCrcs::isComplete(qint64 piece) const
{
    return piece >= 0 && piece < qint64(m_complete.size()) && m_complete[size_t(piece)];
}

void PieceCrcs::setComplete(qint64 piece, quint32 crc)
{
    if (piece < 0 || piece >= qint64(m_complete.size()))
        return;
    m_complete[size_t(piece)] = true;
    m_crcs[piece] = crc;
    m_partial.erase(piece);
}

void PieceCrcs::add(qint64 offset, QByteArrayView data)
{
    if (m_total <= 0)
        return;
    qint64 pos = offset;
    qsizetype consumed = 0;
    while (consumed < data.size() && pos < m_total) {
        const qint64 piece = pos / m_pieceSize;
        const qint64 pieceEnd = std::min(m_total, (piece + 1) * m_pieceSize);
        const qsizetype n = qsizetype(std::min<qint64>(pieceEnd - pos, data.size() - consumed));
        if (!isComplete(piece))
            addToPiece(piece, pos, pos + n, compute(data.sliced(consumed, n)));
        pos += n;
        consumed += n;
    }
}

void PieceCrcs::addToPiece(qint64 piece, qint64 start, qint64 end, quint32 crc)
{
    auto &parts = m_partial[piece];
    auto next = parts.lower_bound(start);
    // Overlap means bytes were written twice; the scheduler never does that, so the CRC of this
    // piece cannot be trusted any more: forget it (the piece is then re-verified by reading).
    if ((next != parts.end() && next->first < end)
        || (next != parts.begin() && std::prev(next)->second.end > start)) {
        parts.clear();
        return;
    }
    if (next != parts.begin()) {
        auto prev = std::prev(next);
        if (prev->second.end == start) {
            crc = quint32(::crc32_combine(prev->second.crc, crc, z_off_t(end - start)));
            start = prev->first;
            parts.erase(prev);
        }
    }
    if (next != parts.end() && next->first == end) {
        crc = quint32(::crc32_combine(crc, next->second.crc, z_off_t(next->second.end - next->first)));
        end = next->second.end;
        parts.erase(next);
    }
    const qint64 pieceStart = piece * m_pieceSize;
    const qint64 pieceEnd = std::min(m_total, pieceStart + m_pieceSize);
    if (start == pieceStart && end == pieceEnd) {
        setComplete(piece, crc);
        return;
    }
    parts.emplace(start, Part { end, crc });
}

} // namespace bytehaul
