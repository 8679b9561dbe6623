// Opening files in folders other programs share, without being fooled: a symbolic link is
// never followed at the last component (O_NOFOLLOW), only regular files are read or written
// (fstat after open, O_NONBLOCK so a FIFO cannot hang us), reads are bounded, and temporary
// files are created exclusively under names nobody can predict. On systems without these
// calls (Windows) the same functions fall back to QFile with a symlink check.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace bytehaul::safefile {

enum class Access { Read, ReadWrite };

// Opens `file` on an existing regular file, or creates one when `create` (never through a
// link), unbuffered. False with *error set: "is a symbolic link", "is not a regular file", or
// the system's words. On Unix the QFile is opened on the descriptor and its fileName() is
// empty: keep the path yourself.
bool open(QFile &file, const QString &path, Access access, bool create, bool truncate, QString *error);

struct ReadResult
{
    bool exists = false; // false: nothing at the path (not an error)
    QByteArray data;
    QString error; // set when something is there and could not be read
};
// The whole content of a regular file of at most maxBytes.
ReadResult readRegular(const QString &path, qint64 maxBytes);

// True when something (a file, a link, even a dangling one, a FIFO) is at the path.
bool lexists(const QString &path);

// Writes bytes to a new file beside `path` (created with O_EXCL under an unpredictable name),
// syncs it, renames it over `path` (replacing a link there, never writing through it) and
// syncs the folder. Returns an error text, empty on success.
QString replaceDurably(const QString &path, const QByteArray &bytes);

// The temporary files replaceDurably(path) may leave after a crash ("<name>.XXXXXXXX.tmp"),
// and the fixed "<name>.tmp" older versions used: removed (a link is removed, not followed).
void removeStaleTemporaries(const QString &path);

} // namespace bytehaul::safefile
