// What a reply means: building our requests, checking a 206 against the range we asked for,
// and turning a failed reply into an error class plus words a person can act on.
#pragma once

#include "engine/downloadtypes.h"

#include <QNetworkProxy>
#include <QNetworkRequest>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace bytehaul {

struct ReplyError
{
    ReplyError() = default;
    ReplyError(ErrorClass c, QString text, ErrorCode what = ErrorCode::Other, int status = 0, QString detail = {})
        : errorClass(c), message(std::move(text)), code(what), httpStatus(status), detail(std::move(detail))
    {
    }

    ErrorClass errorClass = ErrorClass::None;
    QString message;
    ErrorCode code = ErrorCode::None;
    int httpStatus = 0;
    QString detail;
    bool remoteChanged = false; // the file on the server is not the one we were fetching
    // A redirect of a request that carried credentials: not followed by Qt (it would copy them
    // to any origin); the owner asks this address, with what makeRequest() allows there.
    QUrl redirectTo;
    std::optional<std::chrono::milliseconds> retryAfter; // the server said when to come back
    bool isError() const { return errorClass != ErrorClass::None; }
};

// A GET with our headers; start >= 0 adds "Range: bytes=start-(end-1)" (end < 0: open-ended).
// ifRange: a validator (strong ETag or Last-Modified) sent as If-Range.
QNetworkRequest makeRequest(const QUrl &url, const DownloadOptions &options, qint64 start = -1,
                            qint64 end = -1, const QByteArray &ifRange = {});

// http://[user:pass@]host:port, socks5:// (names resolved here) or socks5h:// (names resolved by
// the proxy) as Qt's proxy.
QNetworkProxy networkProxy(const QUrl &url);
// Whether requests to url go through a SOCKS proxy (the given one, else the system's).
bool usesSocksProxy(const QUrl &proxy, const QUrl &url);

// Same scheme, host (case-insensitive) and port (defaults filled in).
bool sameOrigin(const QUrl &a, const QUrl &b);
// Authorization, Cookie, Proxy-Authorization (any case).
bool isCredentialHeader(const QByteArray &name);

// nam->get(request). A request that carries credentials follows no redirect by itself:
// classifyReply() reports its 3xx with redirectTo set (or refuses https -> http), and the
// owner asks the target, for which makeRequest() decides again what may be sent.
QNetworkReply *sendGet(QNetworkAccessManager *nam, const QNetworkRequest &request);

int httpStatus(const QNetworkReply *reply);
bool isIdentityEncoding(const QNetworkReply *reply);

// Checks a segment reply: 206, Content-Range exactly [start, end) of total, Content-Length,
// identity encoding. Returns an error (class Retry for a lying server) or none.
// etag / lastModified: what the probe recorded; a 206 whose validators differ (compared
// exactly, weak ETags too; one that appears or vanishes counts) is a remote change, whether or
// not If-Range could be sent.
ReplyError checkRangeReply(const QNetworkReply *reply, qint64 start, qint64 end, qint64 total, bool ifRangeSent,
                           const QByteArray &etag, const QByteArray &lastModified);
// The validator to send as If-Range: a strong ETag, else Last-Modified, else nothing.
QByteArray ifRangeValidator(const QByteArray &etag, const QByteArray &lastModified);

inline constexpr std::chrono::milliseconds kMaxRetryAfter { 5 * 60 * 1000 }; // a sane maximum

// How long to wait before retry number `attempt` (0-based): the server's Retry-After when it
// sent one (capped), else exponential back-off with full jitter.
std::chrono::milliseconds retryWait(const ReplyError &error, const RetryPolicy &policy, int attempt);

// For a reply that failed or answered with an HTTP error status.
ReplyError classifyReply(const QNetworkReply *reply, bool timedOut);
// No data within the read timeout (DownloadOptions::readTimeout).
ReplyError readTimeoutError(const QUrl &url);

} // namespace bytehaul
