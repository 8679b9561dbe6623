// Choosing the name of a downloaded file: Content-Disposition (RFC 6266 / RFC 5987), else the
// URL's last path segment, else "download"; then sanitised so that no server can make us
// write outside the chosen directory or create a name the file system rejects.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace bytehaul {

// The raw (unsanitised) name from a Content-Disposition header; empty when none.
QString fileNameFromContentDisposition(const QByteArray &header);
// The percent-decoded last non-empty path segment; empty when none.
QString fileNameFromUrl(const QUrl &url);
// An unfinished download's bytes live in "<file>.part" until it is Completed, so that a file
// manager (and a user) can tell it from a finished file.
QString partialDataPath(const QString &finalPath);
// The regular file (no link) holding an unfinished download's bytes: "<file>.part", or
// "<file>" itself as older versions saved it; empty when there is none.
QString existingDataPath(const QString &finalPath);
// The names a download of `name` may have been given in dir: name itself, then "base (1).ext",
// "base (2).ext", ... as long as those exist (up to a bound), for finding one's own partial
// download under a numbered name.
// Two names for one file (a hard link)? Links are not followed.
bool sameFile(const QString &a, const QString &b);
QStringList numberedCandidates(const QString &dir, const QString &name, int max = 100);
// The longest name sanitizeFileName() returns, in bytes of UTF-8: a file system allows 255, and
// bytehaul's own names add up to 40 (" (100)", ".bytehaul", a temporary suffix).
inline constexpr qsizetype kMaxNameBytes = 215;
// Makes any string a safe single file name (never empty, never a path): no control, bidi or
// zero-width characters, no separators, no leading dots, no name of bytehaul's own files
// (".bytehaul", ".part"), at most kMaxNameBytes cut on a code point boundary.
QString sanitizeFileName(const QString &name);
// Picks the name for a download: Content-Disposition, URL, "download"; sanitised.
QString chooseFileName(const QByteArray &contentDisposition, const QUrl &url);
// dir/name, or dir/"name (1).ext", ... when that path (or its control file) already exists,
// including as a dangling symlink. Returns an empty string when no free name is found.
QString uniqueFilePath(const QString &dir, const QString &name);

// uniqueFilePath() that also skips, and then holds, paths reserved by other downloads of this
// process, so two downloads started together never pick the same name.
QString reserveUniqueFilePath(const QString &dir, const QString &name);
// Claims a path this download already owns (its partial file); false when another download of
// this process holds it.
bool reserveFilePath(const QString &path);
void releaseFilePath(const QString &path);

} // namespace bytehaul
