#include "engine/controlfile.h"

#include "engine/crc32.h"
#include "engine/piecemap.h"
#include "engine/safefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace bytehaul {

namespace {

// The translation context of this file's free functions (lupdate reads it from the macro).
struct ControlFileText
{
    Q_DECLARE_TR_FUNCTIONS(bytehaul::ControlFile)
};

class Writer
{
public:
    void u8(quint8 v) { m_out.append(char(v)); }
    void u32(quint32 v)
    {
        for (int i = 0; i < 4; ++i)
            m_out.append(char((v >> (8 * i)) & 0xff));
    }
    void u64(quint64 v)
    {
        for (int i = 0; i < 8; ++i)
            m_out.append(char((v >> (8 * i)) & 0xff));
    }
    void i64(qint64 v) { u64(quint64(v)); }
    void bytes(const QByteArray &b)
    {
        u32(quint32(b.size()));
        m_out.append(b);
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

class Reader
{
public:
    explicit Reader(QByteArrayView data) : m_data(data) { }
    bool ok() const { return m_ok; }
    qsizetype left() const { return m_data.size() - m_pos; }

    quint8 u8() { return quint8(take(1) ? uchar(m_data[m_pos - 1]) : 0); }
    quint32 u32()
    {
        if (!take(4))
            return 0;
        quint32 v = 0;
        for (int i = 0; i < 4; ++i)
            v |= quint32(uchar(m_data[m_pos - 4 + i])) << (8 * i);
        return v;
    }
    quint64 u64()
    {
        if (!take(8))
            return 0;
        quint64 v = 0;
        for (int i = 0; i < 8; ++i)
            v |= quint64(uchar(m_data[m_pos - 8 + i])) << (8 * i);
        return v;
    }
    qint64 i64() { return qint64(u64()); }
    QByteArray bytes(qsizetype max)
    {
        const quint32 n = u32();
        if (!m_ok || n > quint32(max) || qsizetype(n) > left()) {
            m_ok = false;
            return {};
        }
        const QByteArray b = m_data.sliced(m_pos, n).toByteArray();
        m_pos += n;
        return b;
    }

private:
    bool take(qsizetype n)
    {
        if (!m_ok || left() < n) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

constexpr qsizetype kMaxText = 64 * 1024; // URLs and validators
constexpr qint64 kMaxPieces = PieceMap::kMaxPieces;
constexpr quint32 kMaxSegments = 4096;

quint32 crc(QByteArrayView data)
{
    return crc32Update(0, data);
}

} // namespace

QString controlFilePath(const QString &dataPath)
{
    return dataPath + QStringLiteral(".bytehaul");
}

QByteArray serializeControl(const ControlState &s)
{
    Writer w;
    w.u8(quint8(s.mode));
    w.bytes(s.originalUrl);
    w.bytes(s.finalUrl);
    w.i64(s.totalSize);
    w.i64(s.pieceSize);
    w.i64(s.pieceCount);
    w.bytes(s.completedBitset);
    w.u32(quint32(s.pieceCrcs.size()));
    for (quint32 c : s.pieceCrcs)
        w.u32(c);
    w.u32(quint32(s.segments.size()));
    for (const ControlSegment &seg : s.segments) {
        w.i64(seg.start);
        w.i64(seg.durableEnd);
        w.i64(seg.end);
    }
    w.i64(s.streamDurable);
    w.bytes(s.etag);
    w.bytes(s.lastModified);
    w.bytes(s.contentType);
    w.u64(s.sequence);
    w.u8(s.cleanStop ? 1 : 0);
    const QByteArray payload = w.take();

    Writer h;
    h.u32(kControlMagic);
    h.u32(kControlVersion);
    h.u32(quint32(payload.size()));
    h.u32(crc(payload));
    return h.take() + payload;
}

ControlFileResult parseControl(const QByteArray &bytes)
{
    ControlFileResult result;
    if (bytes.size() < kControlHeaderSize) {
        result.error = ControlFileText::tr("the control file is truncated (%n byte(s))", nullptr, int(bytes.size()));
        return result;
    }
    Reader header(QByteArrayView(bytes).first(kControlHeaderSize));
    const quint32 magic = header.u32();
    result.version = header.u32();
    const quint32 length = header.u32();
    const quint32 storedCrc = header.u32();
    if (magic != kControlMagic) {
        result.error = ControlFileText::tr("not a bytehaul control file");
        return result;
    }
    if (result.version < 1 || result.version > kControlVersion) {
        result.error = ControlFileText::tr("control file version %1 is newer than this program understands (%2)")
                           .arg(result.version)
                           .arg(kControlVersion);
        return result;
    }
    if (qint64(length) > qint64(bytes.size()) - kControlHeaderSize) {
        result.error = ControlFileText::tr("the control file is truncated");
        return result;
    }
    const QByteArrayView payload = QByteArrayView(bytes).sliced(kControlHeaderSize, length);
    if (crc(payload) != storedCrc) {
        result.error = ControlFileText::tr("the control file is corrupt (checksum mismatch)");
        return result;
    }

    Reader r(payload);
    ControlState s;
    if (result.version >= 2) {
        const quint8 mode = r.u8();
        if (mode != quint8(ControlState::Mode::Ranged) && mode != quint8(ControlState::Mode::Stream)) {
            result.error = ControlFileText::tr("the control file names an unknown download mode");
            return result;
        }
        s.mode = ControlState::Mode(mode);
        s.originalUrl = r.bytes(kMaxText);
    }
    s.finalUrl = r.bytes(kMaxText);
    if (result.version == 1)
        s.originalUrl = s.finalUrl;
    s.totalSize = r.i64();
    s.pieceSize = r.i64();
    s.pieceCount = r.i64();
    if (!r.ok() || s.totalSize < -1 || s.totalSize > (qint64(1) << 53) || s.pieceSize <= 0
        || s.pieceSize > (qint64(1) << 53) || s.pieceCount < 0 || s.pieceCount > kMaxPieces) {
        result.error = ControlFileText::tr("the control file's sizes are impossible");
        return result;
    }
    if (s.mode == ControlState::Mode::Ranged
        && (s.totalSize < 0 || s.pieceCount != (s.totalSize + s.pieceSize - 1) / s.pieceSize)) {
        result.error = ControlFileText::tr("the control file's piece count does not match its size");
        return result;
    }
    s.completedBitset = r.bytes(qsizetype((s.pieceCount + 7) / 8));
    if (!r.ok() || s.completedBitset.size() != (s.pieceCount + 7) / 8) {
        result.error = ControlFileText::tr("the control file's piece map is damaged");
        return result;
    }
    if (s.mode == ControlState::Mode::Ranged) {
        PieceMap check(s.totalSize, s.pieceSize);
        if (!check.loadBitset(s.completedBitset)) {
            result.error = ControlFileText::tr("the control file's piece map does not fit the file");
            return result;
        }
    }
    if (result.version >= 2) {
        const quint32 crcCount = r.u32();
        if (!r.ok() || qint64(crcCount) != s.pieceCount || qint64(crcCount) * 4 > r.left()) {
            result.error = ControlFileText::tr("the control file's piece checksums are damaged");
            return result;
        }
        s.pieceCrcs.reserve(crcCount);
        for (quint32 i = 0; i < crcCount; ++i)
            s.pieceCrcs.append(r.u32());
        const quint32 segCount = r.u32();
        if (!r.ok() || segCount > kMaxSegments || qint64(segCount) * 24 > r.left()) {
            result.error = ControlFileText::tr("the control file's segment list is damaged");
            return result;
        }
        for (quint32 i = 0; i < segCount; ++i) {
            ControlSegment seg;
            seg.start = r.i64();
            seg.durableEnd = r.i64();
            seg.end = r.i64();
            if (seg.start < 0 || seg.durableEnd < seg.start || seg.end < seg.durableEnd || seg.end > s.totalSize) {
                result.error = ControlFileText::tr("the control file's segment list is damaged");
                return result;
            }
            s.segments.append(seg);
        }
        s.streamDurable = r.i64();
        if (s.streamDurable < 0 || (s.totalSize >= 0 && s.streamDurable > s.totalSize)) {
            result.error = ControlFileText::tr("the control file's progress is impossible");
            return result;
        }
    }
    s.etag = r.bytes(kMaxText);
    s.lastModified = r.bytes(kMaxText);
    if (result.version >= 2) {
        s.contentType = r.bytes(kMaxText);
        s.sequence = r.u64();
        s.cleanStop = r.u8() == 1;
    }
    if (!r.ok()) {
        result.error = ControlFileText::tr("the control file is truncated");
        return result;
    }
    if (s.pieceCrcs.isEmpty())
        s.pieceCrcs = QList<quint32>(s.pieceCount, 0); // version 1 kept no checksums
    result.state = std::move(s);
    return result;
}

ControlFileResult loadControlFile(const QString &path)
{
    // A control file is small (8 bytes per piece at most): a larger one, a link, a FIFO or a
    // device is never read (a FIFO once hung the CLI, /dev/zero exhausted its memory).
    const safefile::ReadResult read = safefile::readRegular(path, kControlHeaderSize + 8 * kMaxPieces);
    if (!read.exists)
        return {};
    if (!read.error.isEmpty()) {
        ControlFileResult result;
        result.error = ControlFileText::tr("cannot read the control file: %1").arg(read.error);
        return result;
    }
    return parseControl(read.data);
}

QString saveControlFile(const QString &path, const QByteArray &bytes)
{
    // A new file under an unpredictable name (never through a link planted at "<path>.tmp"),
    // synced, renamed over the old one, the folder synced.
    return safefile::replaceDurably(path, bytes);
}

} // namespace bytehaul
