#include "engine/piecemap.h"

#include <algorithm>
#include <bit>

namespace bytehaul {

PieceMap::PieceMap(qint64 totalSize, qint64 pieceSize)
    : m_total(std::max<qint64>(0, totalSize))
    , m_pieceSize(std::max<qint64>(1, pieceSize))
{
    // Callers bound the count (kMaxPieces) before building a map; this arithmetic cannot
    // overflow or truncate whatever they pass.
    m_count = countFor(m_total, m_pieceSize);
    m_bits = QByteArray(qsizetype(m_count / 8 + (m_count % 8 != 0)), '\0');
}

qint64 PieceMap::pieceLength(qint64 piece) const
{
    if (piece < 0 || piece >= m_count)
        return 0;
    return std::min(m_pieceSize, m_total - piece * m_pieceSize);
}

bool PieceMap::isComplete(qint64 piece) const
{
    if (piece < 0 || piece >= m_count)
        return false;
    return (uchar(m_bits.at(piece / 8)) >> (piece % 8)) & 1;
}

void PieceMap::setComplete(qint64 piece, bool complete)
{
    if (piece < 0 || piece >= m_count || isComplete(piece) == complete)
        return;
    const uchar mask = uchar(1u << (piece % 8));
    char &byte = m_bits[piece / 8];
    byte = char(complete ? (uchar(byte) | mask) : (uchar(byte) & ~mask));
    m_completeCount += complete ? 1 : -1;
}

qint64 PieceMap::completeBytes() const
{
    qint64 bytes = m_completeCount * m_pieceSize;
    // Only the last piece can be short.
    if (m_count > 0 && isComplete(m_count - 1))
        bytes -= m_pieceSize - pieceLength(m_count - 1);
    return bytes;
}

qint64 PieceMap::firstMissing() const
{
    for (qint64 i = 0; i < m_bits.size(); ++i) {
        const uchar byte = uchar(m_bits.at(i));
        if (byte != 0xff) {
            const qint64 piece = i * 8 + std::countr_one(byte);
            return piece < m_count ? piece : -1;
        }
    }
    return -1;
}

bool PieceMap::loadBitset(const QByteArray &bits)
{
    if (bits.size() != m_bits.size())
        return false;
    // Bits past the last piece must be clear, or the file was not written for this geometry.
    if (m_count % 8 != 0 && !bits.isEmpty()) {
        const uchar tailMask = uchar(0xff << (m_count % 8));
        if (uchar(bits.back()) & tailMask)
            return false;
    }
    m_bits = bits;
    m_completeCount = 0;
    for (char c : bits)
        m_completeCount += std::popcount(uchar(c));
    return true;
}

} // namespace bytehaul
