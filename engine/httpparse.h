// Small, strict parsers for what servers and users send us. None of them trusts its input:
// each returns std::nullopt for anything malformed, negative or absurdly large.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <QDateTime>

#include <chrono>
#include <optional>

namespace bytehaul {

struct ContentRange
{
    qint64 start = -1; // -1 with "bytes */total"
    qint64 end = -1; // inclusive
    qint64 total = -1; // -1 when the server sent "*"
};

// "bytes 0-99/1000", "bytes 0-99/*", "bytes */1000".
std::optional<ContentRange> parseContentRange(const QByteArray &value);

// A Content-Length: digits only, at most 2^53 (no real file is larger; refuses 2^62 and friends).
std::optional<qint64> parseContentLength(const QByteArray &value);

// Retry-After: delay-seconds or an HTTP-date, as a delay from now, capped at maxDelay.
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &now,
                                                         std::chrono::milliseconds maxDelay);

// A header field name: an RFC 9110 token ("X-Token", never "Bad Name" or "a:b").
bool isHeaderName(QByteArrayView name);
// A header field value a request may carry: no CR, LF, NUL or other control character but
// tab (a CR LF would end the header and inject another one).
bool isHeaderValue(QByteArrayView value);

// An address as text without what stands between "scheme://" and the last '@' (a user name and
// password), whether or not it parses as a URL: for showing and saving proxy addresses.
QString withoutUserInfo(const QString &address);

// "1048576", "512K", "16M", "2G", "1.5M" (binary multiples, case-insensitive, optional "iB"/"B").
std::optional<qint64> parseSize(const QString &text);

// "1.5 MiB", "512 B": for people.
QString formatSize(qint64 bytes);
QString formatDuration(qint64 seconds);

inline constexpr qint64 kMaxSaneSize = qint64(1) << 53;

} // namespace bytehaul
