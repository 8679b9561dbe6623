// PieceCrcs: the CRC32 of every completed piece, computed from the bytes as they are written,
// so the control file can prove after a crash that a piece on disk is the piece we received.
// Pieces fill in any order and from several streams; each piece keeps the CRCs of its filled
// sub-ranges and joins neighbours with zlib's crc32_combine, so no byte is read back.
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QtGlobal>

#include <map>
#include <unordered_map>

namespace bytehaul {

class PieceCrcs final
{
public:
    void reset(qint64 totalSize, qint64 pieceSize); // totalSize < 0: nothing is tracked
    void add(qint64 offset, QByteArrayView data);
    void setComplete(qint64 piece, quint32 crc);
    bool isComplete(qint64 piece) const;
    quint32 crc(qint64 piece) const { return m_crcs.value(piece); }
    const QList<quint32> &all() const { return m_crcs; } // 0 for incomplete pieces

    static quint32 compute(QByteArrayView data);

private:
    struct Part
    {
        qint64 end;
        quint32 crc;
    };
    void addToPiece(qint64 piece, qint64 start, qint64 end, quint32 crc);

    qint64 m_total = -1;
    qint64 m_pieceSize = 1;
    QList<quint32> m_crcs;
    std::vector<bool> m_complete;
    std::unordered_map<qint64, std::map<qint64, Part>> m_partial; // piece -> start -> part
};

} // namespace bytehaul
