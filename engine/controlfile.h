// ControlFile: the ".bytehaul" file next to a download, which lets it continue after a pause,
// a crash or a reboot. A 16-byte header (magic, version, payload length, CRC32 of the payload;
// little-endian) and a versioned payload; docs/control-file.md describes every byte.
//
// Parsing never trusts the file: every length is checked against what is left, every count
// against the geometry, and any inconsistency is an error with a reason, never a crash or a
// half-filled state. Saving is atomic and durable: temp file, fsync, rename, fsync of the
// directory.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace bytehaul {

struct ControlSegment
{
    qint64 start = 0;
    qint64 durableEnd = 0; // bytes [start, durableEnd) are on disk
    qint64 end = 0;
};

struct ControlState
{
    enum class Mode : quint8 { Ranged = 1, Stream = 2 };

    Mode mode = Mode::Ranged;
    QByteArray originalUrl; // without credentials
    QByteArray finalUrl;
    qint64 totalSize = -1; // -1: unknown (stream)
    qint64 pieceSize = 0;
    qint64 pieceCount = 0;
    QByteArray completedBitset;
    QList<quint32> pieceCrcs; // one per piece; meaningful for completed pieces
    QList<ControlSegment> segments; // partial progress outside completed pieces
    qint64 streamDurable = 0; // stream mode: bytes [0, streamDurable) are on disk
    QByteArray etag;
    QByteArray lastModified;
    QByteArray contentType;
    quint64 sequence = 0;
    bool cleanStop = false; // saved by a pause or a quit, not a periodic save
};

struct ControlFileResult
{
    std::optional<ControlState> state;
    QString error; // why the file was refused
    quint32 version = 0;
};

inline constexpr quint32 kControlMagic = 0x42594845;
inline constexpr quint32 kControlVersion = 2;
inline constexpr int kControlHeaderSize = 16;

QString controlFilePath(const QString &dataPath);
QByteArray serializeControl(const ControlState &state);
ControlFileResult parseControl(const QByteArray &bytes);
ControlFileResult loadControlFile(const QString &path); // error "" and no state: no file
// Writes atomically and durably; returns an error text or an empty string.
QString saveControlFile(const QString &path, const QByteArray &bytes);

} // namespace bytehaul
