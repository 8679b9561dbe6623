// The message a second bytehaul start and the browser bridge (bytehaul-nmhost) send to the
// running one over its local socket: "BHI2", a 32-bit big-endian length, then that many bytes
// of UTF-8 JSON; the answer is a frame too ({"ok": true, "id": N} or {"ok": false, "error"}).
//   {"urls": [...], "raise": bool}                      addresses to add (a second start)
//   {"capture": {"url", "referrer", "fileName", "userAgent", "cookies": [{"name", "value"}], "expiresAt"}}
//                                                       a download the browser handed over
//   {"links": {"page", "userAgent", "links": [{"url", "text"}],
//              "cookies": [{"url", "cookies": [{"name", "value"}]}]}}
//                                                       a page's links, for the Add dialog
//   {"outcome": "token"}                                what became of a capture shown in the
//                                                       Add dialog: {"ok", "state": "pending" |
//                                                       "added" | "cancelled" | "unknown"}
// Bounded everywhere: a message is at most kMaxMessageBytes, at most kMaxUrls addresses of at
// most kMaxUrlBytes each, kMaxCookies cookies. The parser is fuzzed
// (tests/fuzz/fuzz_instancemessage.cpp).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace bytehaul::app {

// A download the browser handed over, with what the server may want to see again: the
// browser's cookies for that address (only those), its referrer and User-Agent. The cookies
// stay in memory with the download: never saved.
struct BrowserCapture
{
    QString url; // http(s): the browser's address for the download (after redirects)
    QString referrer; // empty, or an http(s) address
    QString fileName; // the browser's suggested name (sanitised again when saving)
    QByteArray userAgent;
    QByteArray cookieHeader; // "a=b; c=d", checked name by name
    // When the browser stops waiting (QDeadlineTimer's monotonic milliseconds, the same clock
    // in every process here); 0: no limit. Not taken after that (see SingleInstance).
    qint64 expiresAtMs = 0;
};

// A page's links ("Download all links with bytehaul"): listed in the Add dialog, where the
// user picks. Addresses that are not http(s) are left out. The cookies come per origin (each
// only for the links there), in memory only like a capture's.
struct PageLink
{
    QString url;
    QString text; // the link's text on the page, shortened
};

struct BrowserLinks
{
    QString pageUrl; // http(s), sent as the referrer
    QByteArray userAgent;
    QList<PageLink> links;
    QList<std::pair<QString, QByteArray>> cookies; // origin ("https://host:443") -> Cookie header

    // The Cookie header for an address: its origin's, else empty.
    QByteArray cookieHeaderFor(const QString &url) const;
};

inline constexpr qsizetype kMaxCookieOrigins = 64;

// "scheme://host:port" of an http(s) address (the port always written), else empty.
QString originOf(const QString &url);

struct InstanceMessage
{
    QStringList urls;
    bool raise = true; // show the window
    std::optional<BrowserCapture> capture;
    std::optional<BrowserLinks> links;
    QString outcomeToken; // {"outcome": token}: at most kMaxTokenBytes of [0-9a-f-]
};

inline constexpr qsizetype kMaxTokenBytes = 64;

inline constexpr qsizetype kMaxMessageBytes = 4 << 20;
inline constexpr qsizetype kMaxUrls = 10000;
inline constexpr qsizetype kMaxUrlBytes = 64 << 10;
inline constexpr qsizetype kMaxCookies = 300;
inline constexpr qsizetype kMaxCookieHeaderBytes = 64 << 10;
inline constexpr qsizetype kMaxFieldBytes = 4 << 10; // user agent, file name

// One frame around a JSON object.
QByteArray frame(const QJsonObject &object);
QByteArray encodeMessage(const InstanceMessage &message);

enum class FrameResult { Incomplete, Complete, Bad };
// Takes one frame from the front of buffer: Complete with *object and *used set, Incomplete
// (wait for more bytes), or Bad with *error (the connection should be dropped).
FrameResult takeFrame(const QByteArray &buffer, QJsonObject *object, qsizetype *used, QString *error);
// A frame's object as a message; false with *error when a field is missing or out of bounds.
bool toMessage(const QJsonObject &object, InstanceMessage *message, QString *error);

} // namespace bytehaul::app
