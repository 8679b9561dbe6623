// PieceMap: which fixed-size pieces of a file are complete. A compact bitset (LSB first within
// each byte, piece i = byte i/8, bit i%8) that is also the on-disk form of the control file's
// completed-piece set. The last piece may be shorter than the others.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace bytehaul {

class PieceMap final
{
public:
    // The most pieces a download may have: 64 TiB at the default 1 MiB. Every size a server
    // announces is checked against it before a map (or its CRCs) is allocated.
    static constexpr qint64 kMaxPieces = qint64(1) << 26;
    // How many pieces of pieceSize hold totalSize bytes, without overflow for any qint64.
    static qint64 countFor(qint64 totalSize, qint64 pieceSize)
    {
        return totalSize <= 0 || pieceSize <= 0 ? 0 : totalSize / pieceSize + (totalSize % pieceSize != 0);
    }

    PieceMap() = default;
    PieceMap(qint64 totalSize, qint64 pieceSize);

    qint64 totalSize() const { return m_total; }
    qint64 pieceSize() const { return m_pieceSize; }
    qint64 pieceCount() const { return m_count; }
    qint64 pieceStart(qint64 piece) const { return piece * m_pieceSize; }
    qint64 pieceLength(qint64 piece) const;
    qint64 pieceAt(qint64 offset) const { return offset / m_pieceSize; }

    bool isComplete(qint64 piece) const;
    void setComplete(qint64 piece, bool complete = true);
    qint64 completeCount() const { return m_completeCount; }
    qint64 completeBytes() const;
    bool allComplete() const { return m_completeCount == m_count; }
    qint64 firstMissing() const; // -1 when all complete

    QByteArray toBitset() const { return m_bits; }
    // Fails (returns false, map unchanged) when the bitset does not fit the geometry.
    bool loadBitset(const QByteArray &bits);

private:
    qint64 m_total = 0;
    qint64 m_pieceSize = 1;
    qint64 m_count = 0;
    qint64 m_completeCount = 0;
    QByteArray m_bits;
};

} // namespace bytehaul
