// Session: one download from probe to completion (the reference design's run_download), as a
// job with one state machine (setState() is the only place the state changes).
//
// It sends the probe (Range: bytes=0-(piece-1), Accept-Encoding: identity), judges the answer
// (judgeProbe(): a ProbeResult value) and picks a path: a 206 with a total goes "ranged"
// (RangedTransfer: a Scheduler plus 1..N Workers; the probe's reply becomes worker 0's first
// segment), anything else that carries the file (200, a 206 without a total or with a
// compressed body after a plain GET) goes "stream" (StreamTransfer: one reply read front to
// back). Either transfer reads within the download's FlowControl (memory budget and speed
// limits) and hands its bytes to the session, which passes them to the FileWriter on the
// writer thread; the transfers never touch a file.
//
// Progress survives pause, crash and reboot through the control file next to the data file
// (see ControlFile): saved as soon as the first piece is durable, then by time and by bytes,
// and on pause, failure and quit, always after the data it describes is durable. A later
// session finds it, checks the data file and the server (same size, same validators,
// If-Range on every request), re-verifies piece CRCs after an unclean stop, and continues; if
// anything disagrees it starts over cleanly instead.
//
// Job contract (KJob): start / pause / cancel, a state, and exactly one finished() signal for
// the terminal states Completed, Failed and Cancelled, with a typed error code and text in
// the snapshot. Paused is not terminal: start() again continues. The implementation is split:
// session.cpp (job control, writer, checkpoints), sessionprobe.cpp (probe, naming, resume
// decision), sessiontransfer.cpp (starting and resuming the transfers, restarts).
#pragma once

#include "engine/controlfile.h"
#include "engine/downloadtypes.h"
#include "engine/filelock.h"
#include "engine/flowcontrol.h"
#include "engine/hostlimits.h"
#include "engine/httpparse.h"
#include "engine/probe.h"
#include "engine/rangedtransfer.h"
#include "engine/replycheck.h"
#include "engine/scheduler.h"
#include "engine/speedmeter.h"
#include "engine/streamtransfer.h"
#include "engine/urlreplacer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

namespace bytehaul {


class FileWriter;
class NetworkPool;

class Session final : public QObject, public RangedHost, public StreamHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    // globalLimit: the manager-wide bucket all downloads share (same thread), or nullptr.
    Session(DownloadId id, const DownloadRequest &request, const DownloadOptions &options,
            QThread *writerThread, SharedRateLimiter *globalLimit = nullptr, NetworkPool *pool = nullptr,
            QObject *parent = nullptr);
    ~Session() override; // a running download is checkpointed and its file closed first

    DownloadId id() const { return m_id; }
    DownloadState state() const { return m_state; }
    DownloadSnapshot snapshot() const;

    void start(); // from Queued or Paused
    void pause();
    void cancel(PartialData partial = PartialData::AsConfigured);
    void setQueued(); // Paused -> Queued (waiting for a free slot)
    // For a paused download: the next start checks the CRC32 of every piece on disk against the
    // control file and fetches again the ones that differ.
    void verifyOnNextStart();
    // Gives a paused or queued download a new address, once UrlReplacer agrees it serves the
    // same file; urlReplaced() tells the verdict.
    void replaceUrl(const QUrl &url);

    // RangedHost and StreamHost: for the transfers (same thread).
    const QUrl &url() const override { return m_finalUrl; }
    const DownloadOptions &options() const override { return m_options; }
    qint64 totalSize() const override { return m_total; }
    const QByteArray &ifRange() const override { return m_ifRange; }
    // The version the probe saw; every 206 must carry exactly the same validators.
    const QByteArray &etag() const override { return m_etag; }
    const QByteArray &lastModified() const override { return m_lastModified; }
    qint64 replyBufferSize() const override;
    bool isTransferring() const override { return m_state == DownloadState::Downloading; }
    void writeRanged(qint64 offset, const QByteArray &data) override;
    void rangedComplete() override { completeDownload(); }
    void rangedFailed(const ReplyError &error) override { fail(error); }
    void noteRetry(const ReplyError &error) override;
    void noteConnections(const QString &text, NoteKind kind) override { setNote(text, kind); }
    void remoteChanged(const QString &why) override;
    void movedTo(const QUrl &url) override;
    qint64 budgetRoom() const override { return m_flow.room(); }
    qint64 tokens() override { return m_flow.tokens(); }
    void consumeTokens(qint64 bytes) override { m_flow.consume(bytes); }
    void waitForStreamTokens() override;
    bool writerReady() const override { return m_writer != nullptr; }
    void writeStream(qint64 offset, const QByteArray &data) override;
    void streamComplete(qint64 total) override;
    void streamBroken(const ReplyError &error) override { restartStream(error); }
    void streamInvalid(const ReplyError &error) override { fail(error); }

    void setRateLimit(qint64 bytesPerSecond); // changeable while running; 0: none
    void setConnections(int count); // changeable while running: workers are added or retired
    // Politeness per host: this download opens no connection while the others on the same host
    // already hold `limit` (othersOnHost() counts them). Set by the engine core.
    // limits: what the engine learned about servers' connection limits (may be null).
    void setHostBudget(std::function<int()> othersOnHost, int limit, HostLimits *limits = nullptr);
    QString host() const { return m_finalUrl.host(); }
    int activeConnections() const;

Q_SIGNALS:
    void snapshotChanged(const bytehaul::DownloadSnapshot &snapshot);
    void finished(const bytehaul::DownloadSnapshot &snapshot);
    void urlReplaced(bytehaul::DownloadId id, bool accepted, const QString &reason);

private:
    enum class Mode { None, Ranged, Stream };

    // session.cpp
    // The one place the state changes (with its timers). Later: the caller announces it once
    // the disk is settled ("Paused" on screen means saved; a terminal state through finish()).
    enum class Announce { Now, Later };
    void setState(DownloadState state, Announce announce = Announce::Now);
    void showSavedProgress();
    void seedWriterFromControlFile();
    void setNote(const QString &note, NoteKind kind);
    void publish();
    void tick();
    qint64 nowMs() const { return m_clock.elapsed(); }
    void stopNetwork();
    void fail(const ReplyError &error);
    void finish(DownloadState terminal);
    void openWriter(bool truncate);
    // emptyData: starting over: the control file goes (durably), then the data file is cut to
    // zero in place (the lock on it stays).
    void closeWriter(bool removeData, bool removeControl, std::function<void(bool)> then, bool emptyData = false);
    // A writer that opens no file, for the work on the files between two writers; then(ok)
    // once it is done (and every earlier callback has run).
    FileWriter *startFileWork(std::function<void(bool)> then);
    void trackFileWork(FileWriter *writer, std::function<void(bool)> then);
    void afterFileWork(std::function<void(bool)> then); // after all work on the files asked for so far
    void runFileWorkCallbacks();
    void onWritten(qint64 bytes);
    void onWriterFailed(const QString &error, bool diskFull);
    ControlState controlState(bool cleanStop);
    void checkpoint(bool cleanStop);
    void completeDownload();
    void onDataSynced(bool ok, bool sampled); // the data file is whole and durable
    void sampleFinishedFile(); // no validators: sampled ranges compared with the server first
    static constexpr qint64 kSampleWindow = 16 << 10;
    UrlReplacer::Known sampleWindows(const QList<std::pair<qint64, qint64>> &windows); // read from the data file; fails on a read error
    // Compares, retrying a failed request; then(same, reason) once the answer is known.
    void runSampleCheck(const UrlReplacer::Known &known, std::function<void(bool, const QString &)> then, int attempt = 0);
    bool moveIntoPlace(QString *error); // m_dataPath -> m_path, never over an existing file
    bool dataSharesFinalName() const; // the bytes are (also) under the final name
    bool relocateToFreshName(); // before starting over: never truncate the final name
    // What the bytes on disk are, for a same-file check: size, validators and sampled ranges.
    UrlReplacer::Known knownFromControl(const ControlState &st, const QString &dataPath) const;
    void releaseNetwork(); // after the end: workers go, managers return to the pool

    // sessionprobe.cpp
    void sendProbe();
    void onProbeMetaData();
    void onProbeFinished();
    void retryProbe(const ReplyError &error);
    void startPlainGet(const QString &why);
    bool chooseOutputPath(const QNetworkReply *reply);
    // A size the server announced, checked before anything is allocated for it: at most
    // PieceMap::kMaxPieces pieces, and (when preallocating) room for it on the disk.
    bool admitTotal(qint64 total, qint64 pieceSize);
    // Adopts our own unfinished download at path, locking its data file. *busy: another
    // process holds it.
    bool adoptExistingPath(const QString &path, bool *busy);
    void failFileInUse(const QString &path);

    // sessiontransfer.cpp
    void startRanged(QNetworkReply *probe, qint64 probeEnd);
    void startResumed(QNetworkReply *probe, qint64 probeEnd);
    void continueResumed(QNetworkReply *probe, qint64 probeEnd);
    void sampleThenResume(const QList<qint64> &badPieces); // no validators: sampled same-file check first
    void applyResume(const QList<qint64> &badPieces);
    void attachStream(QNetworkReply *reply, const RemoteIdentity &identity);
    qint64 streamPosition() const { return m_stream ? m_stream->position() : 0; }
    // Starting over: the stream transfer goes (later: this may run inside its own callback).
    void dropStream();
    void restartStream(const ReplyError &error);

    DownloadId m_id;
    DownloadRequest m_request;
    DownloadOptions m_options; // the manager's defaults with this download's overrides
    QThread *m_writerThread = nullptr;
    DownloadState m_state = DownloadState::Queued;
    Mode m_mode = Mode::None;
    QUrl m_finalUrl;
    QString m_path; // the finished file
    QString m_dataPath; // the bytes until Completed: m_path + ".part" (or m_path, as saved by older versions)
    FileLock m_lock; // on m_dataPath, for the download's life: one owner across processes
    qint64 m_total = -1;
    QByteArray m_etag, m_lastModified, m_contentType;
    QByteArray m_ifRange;
    QString m_error;
    ErrorClass m_errorClass = ErrorClass::None;
    ErrorCode m_errorCode = ErrorCode::None;
    int m_httpStatus = 0;
    QString m_errorDetail;
    QString m_note;
    NoteKind m_noteKind = NoteKind::Info;
    QDateTime m_added;

    QPointer<QNetworkReply> m_probe;
    bool m_plainGet = false; // m_probe asks without a Range header (see startPlainGet())
    bool m_socks = false; // through a SOCKS proxy (see replyBufferSize())
    QUrl m_probeUrl; // where the probe goes when not to m_request.url: a cross-origin redirect's target
    int m_redirectHops = 0; // cross-origin redirects followed by hand in this probe
    RetryBudget m_probeAttempts; // the probe's retries since the last answer
    QTimer m_probeRetry;
    QTimer m_probeTimeout; // no response headers in time
    QElapsedTimer m_probeSentAt;

    std::optional<ControlState> m_resume; // found next to the target, not yet applied
    bool m_startOver = false; // the next probe must not resume (the remote file changed)
    bool m_reloadFromControl = false; // after a write error: trust only the control file
    quint64 m_sequence = 0;
    qint64 m_lastSavedDone = -1;
    QTimer m_saveTimer;
    QPointer<UrlReplacer> m_replacer;
    quint64 m_run = 0; // counts start() and pause(): a callback from an earlier run stays out
    // Work on the files queued on the writer thread (closes, settles, rewrites) and callbacks
    // waiting for it, in the order asked for.
    struct FileWork
    {
        quint64 ticket = 0;
        bool done = false;
        bool ok = true;
        std::function<void(bool)> then;
    };
    std::deque<FileWork> m_fileWork;
    quint64 m_fileWorkTickets = 0;
    QPointer<UrlReplacer> m_sampleCheck;
    QTimer m_sampleRetry;
    RetryBudget m_checkAttempts; // a same-file check's failed requests
    std::function<void()> m_sampleRetryAction; // a resume without validators: sampled ranges compared first
    QString m_resumeCheck; // what that check found, for the note

    FlowControl m_flow; // the memory budget and the speed limits, for either transfer
    std::unique_ptr<RangedTransfer> m_ranged; // the ranged path; its connections serve the probe too
    Scheduler *scheduler() const { return m_ranged->scheduler(); } // null outside a ranged transfer
    bool m_streamWaitsForTokens = false;

    std::unique_ptr<StreamTransfer> m_stream; // the stream path; kept after its end for its position
    RetryBudget m_streamAttempts; // the stream path's restarts

    FileWriter *m_writer = nullptr;
    bool m_finishedEmitted = false;

    QElapsedTimer m_clock;
    QTimer m_tickTimer;
    SpeedMeter m_speed;
    qint64 m_lastDone = 0;
    int m_retries = 0;
    int m_remoteChanges = 0; // restarts from zero because the file changed on the server
    static constexpr int kMaxRemoteChanges = 5;
    static constexpr qint64 kSaveEveryBytes = 16 << 20;
    QString m_savedPath; // restored paused: the file its control file describes
    qint64 m_savedPieceSize = 0;
    QByteArray m_savedPieces;
    qint64 m_progressAtMs = 0; // when m_lastDone last grew (or the download started)
    qint64 m_progressDone = -1;
};

} // namespace bytehaul
