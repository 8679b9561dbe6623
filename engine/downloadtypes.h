// Value types shared by the engine, the CLI and the UI: the per-download options, the
// progress snapshot that crosses threads, and the state and error enums. Everything here is a
// plain value (implicitly shared Qt containers), registered as a metatype so it can travel
// through queued connections.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QNetworkCookie>
#include <QString>
#include <QUrl>
#include <QtGlobal>

#include <chrono>
#include <optional>
#include <utility>

namespace bytehaul {

using DownloadId = quint64;

enum class DownloadState {
    Queued,
    Probing,
    Downloading,
    Paused,
    Verifying,
    Completed,
    Failed,
    Cancelled,
};

bool isTerminal(DownloadState state);
QString stateName(DownloadState state);

// KGet's classification: what may fix the error.
enum class ErrorClass {
    None,
    Retry, // transient: retried automatically
    User, // needs the user (404, 403, disk full, ...)
    Fatal, // can never succeed (bad URL, unsupported scheme)
};

// What went wrong, as data: the UI and the CLI turn it into words when they show it (in the
// language of the moment), and tests tell a 404 from a full disk without matching text.
enum class ErrorCode {
    None,
    Other, // see the error text
    InvalidUrl,
    UnsupportedScheme,
    HostNotFound,
    ConnectionRefused,
    Network, // the connection failed or was cut
    Timeout,
    TlsFailed,
    HttpAuth, // 401, 407
    HttpForbidden, // 403
    HttpNotFound, // 404, 410
    HttpServerBusy, // 408, 429, 5xx retried until the budget ran out
    HttpOther, // any other status >= 400 (httpStatus says which)
    BadRedirect, // a redirect without a usable Location
    TooManyRedirects,
    InsecureRedirect, // https -> http refused
    BadResponse, // a server that lies about lengths or ranges
    NoProgress, // retried without receiving anything for the whole budget
    CannotCreateFolder,
    NoFreeName,
    DiskFull,
    WriteFailed,
    ChecksumMismatch,
    FileInUse, // another bytehaul process is downloading into this file
    InvalidHeader, // a request header (or the User-Agent) that is not a valid HTTP header
};

// What a download's note is: news (a fallback, a resume), a warning the user should see (a
// damaged control file, a file that changed on the server), or a passing event (a retry).
enum class NoteKind { Info, Warning, Transient };

struct RetryPolicy
{
    int maxRetries = 5;
    std::chrono::milliseconds baseDelay { 1000 };
    std::chrono::milliseconds maxDelay { 30000 };
    std::chrono::milliseconds maxElapsed { 0 }; // give up once retrying took this long; 0: never
    // The download fails once it has received no byte for this long while its requests keep
    // failing (a dead server, a network that is gone): it frees its queue slot instead of
    // saying "Downloading" forever. Everything on disk is kept for a later resume. 0: never.
    std::chrono::milliseconds maxStall { 60000 };
};

// What cancelling or removing a download does with the bytes already on disk. Nothing is
// deleted unless the caller asks for exactly that (the window asks the user, naming the files).
enum class PartialData {
    AsConfigured, // DownloadOptions::keepPartialOnCancel decides (the CLI's --keep-partial)
    Keep,
    Delete,
};

// Bounds every caller's numbers are clamped to (the CLI refuses values outside them).
inline constexpr qint64 kMaxMemoryBudget = qint64(4) << 30; // 4 GiB between network and disk
inline constexpr qint64 kMaxPieceSize = qint64(256) << 20;
// Where the user set no count, the window and the CLI start with 8 connections and add more
// while each one raises the speed, up to this.
inline constexpr int kDefaultMaxConnections = 16;

// Everything that can be set downloader-wide and overridden per download.
struct DownloadOptions
{
    int connections = 8; // 1..64: what a download starts with (fewer for small files)
    // While every connection is busy, one more is added as long as the last one raised the
    // download's speed (by at least half a connection's share), up to this many (at most 64;
    // <= connections: never more than asked for).
    int maxConnections = 0;
    qint64 pieceSize = 1 << 20;
    qint64 minSplitSize = 4 << 20; // multi-connection only above this total size
    qint64 minSegmentSize = 256 << 10; // dynamic splitting never cuts below this
    qint64 memoryBudget = 16 << 20; // bytes held between the network and the disk
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray userAgent = QByteArrayLiteral("bytehaul/" BYTEHAUL_VERSION);
    std::chrono::milliseconds connectTimeout { 30000 };
    std::chrono::milliseconds readTimeout { 60000 };
    RetryPolicy retry;
    bool preallocate = true;
    qint64 rateLimit = 0; // bytes per second for this download, shared by its connections; 0: none
    // Control-file saves while there is new progress; must be > 0. A save costs about 2 ms of
    // CPU and a sync that write-behind keeps small, so a crash costs at most about a second.
    std::chrono::milliseconds saveInterval { 1000 };
    bool resume = true; // continue from a control file found next to the target
    bool verifyOnResume = false; // check every completed piece's CRC32 even after a clean stop
    bool keepPartialOnCancel = false;
    QString directory; // where automatic names go when a request names no folder (default: cwd)
    QUrl proxy; // http://host:port or socks5://host:port; empty: the system's (environment) proxy
    QList<QByteArray> extraCaCertificates; // PEM; trusted besides the system's. Never fewer checks.
    QList<QNetworkCookie> cookies; // sent where their domain and path match
    // Set by the engine to the download's address: Authorization, Cookie and
    // Proxy-Authorization headers and URL user-info go only to this scheme, host and port,
    // never to another origin a redirect leads to (as curl does). Empty: no restriction.
    QUrl credentialOrigin;
};

// Per-download settings: each one that is set replaces the manager's default; headers are
// added to the default headers (a header of the same name replaces the default one).
struct DownloadOverrides
{
    std::optional<int> connections;
    std::optional<qint64> pieceSize;
    std::optional<qint64> memoryBudget;
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::optional<QByteArray> userAgent;
    std::optional<std::chrono::milliseconds> connectTimeout;
    std::optional<std::chrono::milliseconds> readTimeout;
    std::optional<RetryPolicy> retry;
    std::optional<qint64> rateLimit;

    DownloadOptions applyTo(DownloadOptions base) const;
};

struct DownloadRequest
{
    QUrl url;
    QString outputPath; // explicit file path (wins over everything)
    QString outputDir; // directory for an automatic name (default: the manager's directory)
    DownloadOverrides overrides;
    QByteArray checksumAlgorithm; // md5, sha1, sha256 or sha512; empty: none
    QByteArray checksumHex;
    bool startPaused = false;
};

struct SegmentSnapshot
{
    qint64 start = 0;
    qint64 done = 0; // bytes [start, start+done) received
    qint64 end = 0; // exclusive
    double speed = 0; // bytes per second
    int worker = -1;
    int streams = 0; // > 1 while a duplicate races a stalled owner
};

struct DownloadSnapshot
{
    DownloadId id = 0;
    QUrl url;
    QUrl finalUrl;
    QString fileName;
    QString filePath; // the finished file's name and path
    QString dataPath; // where the bytes are now: filePath + ".part" until Completed
    DownloadState state = DownloadState::Queued;
    qint64 total = -1; // -1: unknown
    qint64 done = 0;
    double speed = 0; // bytes per second over a sliding window
    qint64 etaSeconds = -1; // -1: unknown
    int connections = 0;
    int retries = 0; // requests retried so far (probe and segments)
    // While no connection is up and a retry is pending: when the next attempt starts (ms from
    // the snapshot) and which attempt it is. -1: not waiting for a retry.
    qint64 retryInMs = -1;
    int retryAttempt = 0;
    bool multiConnection = false;
    QList<SegmentSnapshot> segments;
    QByteArray etag;
    QByteArray lastModified;
    QByteArray contentType;
    ErrorClass errorClass = ErrorClass::None;
    ErrorCode errorCode = ErrorCode::None;
    int httpStatus = 0; // with the Http* codes
    QString errorDetail; // what the system or the server said (a TLS reason, an errno text, a hash)
    QString error; // the engine's full message, in the language of the moment it happened
    QString note; // non-fatal information (fallbacks, renamed file, ...)
    NoteKind noteKind = NoteKind::Info;
    QDateTime added;
    int maxConnections = 0; // what this download may use
    QByteArray checksum; // "sha256=<hex>" when one was given
    qint64 pieceSize = 0; // ranged downloads: the piece map, for drawing
    QByteArray completedPieces; // bitset, piece i = bit i%8 of byte i/8
};

} // namespace bytehaul

Q_DECLARE_METATYPE(bytehaul::DownloadSnapshot)
Q_DECLARE_METATYPE(bytehaul::DownloadId)
