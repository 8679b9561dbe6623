// The model test: seeded random sequences of server moves and user moves against the real
// engine (and the real bytehaul-cli process, for SIGKILL and for a second process on the same
// file), with the promises checked against the bytes on disk after every step that leaves the
// files at rest. A failure prints the seed and the moves; BYTEHAUL_MODEL_SEED=S replays one
// sequence (the moves are the same, the timing is the machine's).
//
// The invariants:
//  I1 Completed => the file is exactly one version the server served (SHA-256). In the last
//     phase of a sequence, with the server healthy and still, exactly the version it serves now.
//  I2 A control file describes only bytes that are on disk: the CRC32 it keeps for each completed
//     piece matches the data file, and its pieces and durable segments are all one version.
//  I3 Durable progress after a clean pause or quit never goes down while the server neither
//     changed the file nor stopped honouring ranges.
//  I4 A second process on a live file ends with an error or a file of its own; the live
//     download is untouched (I1 and I2 keep checking it).
//  I5 Cancel ends terminal (Cancelled unless the download ended first); cancel-and-delete
//     leaves nothing of the download behind.
//  I6 Every file in the folder under a final name (not .part, not .bytehaul) is a whole version.
//  I7 Every wait is bounded: a pause reaches Paused, a cancel a terminal state, a sequence its end.
//
// BYTEHAUL_MODEL_RUNS=N sets the number of sequences (default 200; CI runs the default),
// BYTEHAUL_MODEL_BASE_SEED the first seed (default 1; "time" takes one from the clock).
#include "engine/controlfile.h"
#include "engine/crc32.h"
#include "engine/downloadmanager.h"
#include "engine/piecemap.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {
constexpr qint64 KiB = 1024;

// The built bytehaul-cli, or BYTEHAUL_CLI (a copy for a long soak while the tree rebuilds).
QString cliPath()
{
    return qEnvironmentVariable("BYTEHAUL_CLI", QStringLiteral(BYTEHAUL_CLI_PATH));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs the event loop (the server lives in this thread) until pred() or the timeout.
template<typename Pred>
bool spinUntil(Pred pred, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!pred()) {
        if (clock.elapsed() >= timeoutMs)
            return pred();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qWait(1);
    }
    return true;
}

struct Version
{
    QByteArray data;
    QByteArray etag;
    QByteArray lastModified;
};

// What the server does to a request, drawn anew for each one.
struct Profile
{
    QString name = QStringLiteral("healthy");
    double busy = 0; // 503
    double notFound = 0; // 404
    double unsatisfiable = 0; // 416
    double cut = 0; // the connection is cut mid-body
    double stall = 0; // headers, then silence
    double ignoreRange = 0; // 200 with the whole file
    double compressed = 0; // Content-Encoding: gzip on the answer
};

class Sequence
{
public:
    Sequence(quint64 seed) : m_seed(seed), m_rng(quint32(seed ^ (seed >> 32))) { }

    // Returns an empty string when every invariant held, else what broke.
    QString run()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        m_faultRng.seed(quint32(m_seed * 2654435761u));
        Resource r;
        r.bytesPerSecond = 4 * 1024 * KiB;
        r.fault = [this](int, int) { return drawFault(); };
        m_server.setResource("/m.bin", r);
        m_server.setResource("/alt.bin", r);
        setVersion("/m.bin", newVersion(-1));
        setVersion("/alt.bin", m_main);
        m_saveInterval = std::chrono::milliseconds(QList<int> { 40, 200, 1000 }.at(m_rng.bounded(3)));
        newManager();

        const int moves = 6 + int(m_rng.bounded(10));
        for (int i = 0; i < moves && m_failure.isEmpty(); ++i)
            step();
        if (m_failure.isEmpty())
            finishPhase();
        m_manager.reset();
        if (m_failure.isEmpty())
            checkFiles("end");
        return m_failure;
    }

    QString log() const { return m_moves.join(QStringLiteral("\n    ")); }

private:
    // ---- the server ----
    Version newVersion(qint64 sameSizeAs)
    {
        Version v;
        const qint64 size = sameSizeAs > 0 && m_rng.bounded(10) < 7 ? sameSizeAs
                                                                      : (256 + qint64(m_rng.bounded(1280))) * KiB + qint64(m_rng.bounded(16 * KiB));
        const int n = ++m_versionCount;
        v.data = TestServer::makeData(size, quint32(m_seed * 1000 + quint64(n)));
        switch (m_rng.bounded(4)) {
        case 0:
            v.etag = "\"v" + QByteArray::number(n) + '"';
            break;
        case 1:
            v.etag = "W/\"v" + QByteArray::number(n) + '"';
            break;
        case 2:
            v.lastModified = QLocale::c()
                                 .toString(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(n * 60),
                                           QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                 .toLatin1();
            break;
        default:
            break; // no validators at all
        }
        m_shas.insert(sha256(v.data));
        m_allData.append(v.data);
        return v;
    }

    void setVersion(const QByteArray &path, const Version &v)
    {
        Resource &r = m_server.resource(path);
        r.data = v.data;
        r.etag = v.etag;
        r.lastModified = v.lastModified;
        if (path == "/m.bin")
            m_main = v;
        else
            m_alt = v;
    }

    const Version &served(const QByteArray &path) const { return path == "/alt.bin" ? m_alt : m_main; }

    static QString describe(const Version &v)
    {
        return QStringLiteral("%1 bytes, etag %2, last-modified %3")
            .arg(v.data.size())
            .arg(v.etag.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(v.etag))
            .arg(v.lastModified.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(v.lastModified));
    }

    Fault drawFault()
    {
        Fault f;
        const auto hit = [this](double p) { return p > 0 && m_faultRng.generateDouble() < p; };
        if (hit(m_profile.busy)) {
            f.status = 503;
            f.retryAfter = "0";
        } else if (hit(m_profile.notFound))
            f.status = 404;
        else if (hit(m_profile.unsatisfiable))
            f.status = 416;
        else if (hit(m_profile.stall))
            f.stall = true;
        else {
            if (hit(m_profile.cut))
                f.cutAfter = qint64(m_faultRng.bounded(64 * 1024));
            if (hit(m_profile.ignoreRange))
                f.ignoreRange = true;
            if (hit(m_profile.compressed))
                f.contentEncoding = "gzip";
        }
        return f;
    }

    void setProfile(int which)
    {
        Profile p;
        switch (which) {
        case 0:
            break;
        case 1:
            p.name = QStringLiteral("flaky");
            p.busy = 0.1;
            p.cut = 0.15;
            p.stall = 0.04;
            break;
        case 2:
            p.name = QStringLiteral("no-ranges");
            p.ignoreRange = 0.5;
            p.compressed = 0.2;
            break;
        default:
            p.name = QStringLiteral("hostile");
            p.busy = 0.05;
            p.notFound = 0.05;
            p.unsatisfiable = 0.05;
            p.cut = 0.1;
            p.ignoreRange = 0.1;
            p.compressed = 0.05;
            break;
        }
        if (p.ignoreRange > 0 || p.compressed > 0)
            m_mayReset = true; // a restart from zero is then the right answer
        m_profile = p;
    }

    // ---- the client ----
    void newManager()
    {
        m_manager = std::make_unique<DownloadManager>();
        DownloadOptions o = fastOptions(4);
        o.maxConnections = 8; // connections may grow while they raise the speed
        o.pieceSize = 16 * KiB;
        o.minSplitSize = 64 * KiB;
        o.minSegmentSize = 16 * KiB;
        o.readTimeout = std::chrono::milliseconds(400);
        o.connectTimeout = std::chrono::milliseconds(2000);
        o.retry.maxRetries = 4;
        o.retry.maxStall = std::chrono::milliseconds(3000);
        o.saveInterval = m_saveInterval;
        m_manager->setDefaultOptions(o);
        m_id = 0;
    }

    DownloadSnapshot snap() const { return m_id ? m_manager->snapshot(m_id) : DownloadSnapshot {}; }
    bool live() const { return m_id && !isTerminal(snap().state); }

    void startDownload()
    {
        DownloadRequest request;
        request.url = QUrl(m_server.url(QStringLiteral("/m.bin")));
        request.outputDir = m_dir.path();
        m_id = m_manager->add(request);
        m_urlPath = "/m.bin";
        m_watchedId = m_id;
        m_checkedTerminal = false;
    }

    bool waitState(std::function<bool(DownloadState)> pred, int timeoutMs)
    {
        return spinUntil([&] { return pred(snap().state); }, timeoutMs);
    }

    void fail(const QString &what)
    {
        if (m_failure.isEmpty()) {
            m_failure = what;
            const DownloadSnapshot s = snap();
            if (m_id)
                m_failure += QStringLiteral("\n  download: %1, %2 of %3, error \"%4\", note \"%5\", file %6")
                                 .arg(stateName(s.state))
                                 .arg(s.done)
                                 .arg(s.total)
                                 .arg(s.error, s.note, s.filePath);
            m_failure += QStringLiteral("\n  server now: /m.bin %1; /alt.bin %2; %3 requests")
                             .arg(describe(m_main), describe(m_alt))
                             .arg(m_server.requests().size());
        }
    }

    // What a wrong file holds: an earlier version whole, or how its 64 KiB blocks split
    // between the version wanted and the others (for the failure report).
    QString describeMix(const QString &path, const QByteArray &want) const
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("unreadable");
        const QByteArray got = f.readAll();
        for (qsizetype i = 0; i < m_allData.size(); ++i) {
            if (m_allData.at(i) == got)
                return QStringLiteral("exactly version %1 of %2 served").arg(i + 1).arg(m_allData.size());
        }
        constexpr qsizetype block = 64 * 1024;
        int fromWant = 0, fromOther = 0, neither = 0;
        for (qsizetype at = 0; at < got.size(); at += block) {
            const QByteArray b = got.mid(at, block);
            if (want.mid(at, block) == b) {
                ++fromWant;
                continue;
            }
            bool other = false;
            for (const QByteArray &v : m_allData)
                other = other || v.mid(at, block) == b;
            ++(other ? fromOther : neither);
        }
        return QStringLiteral("a mix of 64 KiB blocks: %1 of the version wanted, %2 of other versions, %3 of none")
            .arg(fromWant)
            .arg(fromOther)
            .arg(neither);
    }

    // After a download's end: I1 for a Completed one.
    void checkTerminal(bool exact)
    {
        const DownloadSnapshot s = snap();
        // Once, right after the end: later, another process may rightly take the file over.
        if (!isTerminal(s.state) || m_checkedTerminal)
            return;
        if (s.state != DownloadState::Completed)
            m_checkedTerminal = true;
        if (s.state == DownloadState::Failed && !s.dataPath.isEmpty() && s.dataPath != s.filePath) {
            // I2: a failure leaves a consistent pair: a partial file only with its control file.
            const QFileInfo data(s.dataPath);
            if (data.exists() && data.size() > 0 && !QFile::exists(controlFilePath(s.filePath)))
                fail(QStringLiteral("I2: Failed left %1 (%2 bytes) without a control file").arg(s.dataPath).arg(data.size()));
        }
        if (s.state != DownloadState::Completed)
            return;
        m_checkedTerminal = true;
        const QByteArray got = fileSha256(s.filePath);
        if (exact) {
            const Version &want = served(m_urlPath);
            if (got != sha256(want.data))
                fail(QStringLiteral("I1: Completed with bytes that are not the version served now (%1 of %2 bytes; %3)")
                         .arg(QFileInfo(s.filePath).size())
                         .arg(want.data.size())
                         .arg(describeMix(s.filePath, want.data)));
        } else if (!m_shas.contains(got)) {
            fail(QStringLiteral("I1: Completed with bytes that are no version the server ever served: %1 (%2 bytes)")
                     .arg(s.filePath)
                     .arg(QFileInfo(s.filePath).size()));
        }
        if (QFile::exists(s.filePath + QStringLiteral(".part")) || QFile::exists(controlFilePath(s.filePath)))
            fail(QStringLiteral("I1: Completed left its .part or control file behind"));
    }

    void step()
    {
        // A download that ended on its own is checked first.
        if (m_id && isTerminal(snap().state))
            checkTerminal(false);
        if (!m_failure.isEmpty())
            return;

        const int move = int(m_rng.bounded(100));
        if (move < 16) { // let it run
            const int ms = int(m_rng.bounded(150));
            m_moves << QStringLiteral("wait %1 ms").arg(ms);
            if (!m_id || !live())
                startDownload();
            spinUntil([&] { return !live(); }, ms);
            if (m_id && isTerminal(snap().state))
                checkTerminal(false);
        } else if (move < 28) {
            if (live()) {
                m_moves << QStringLiteral("pause");
                pauseNow();
            } else {
                m_moves << QStringLiteral("start");
                startDownload();
            }
        } else if (move < 38) {
            if (m_id && snap().state == DownloadState::Paused) {
                const bool check = m_rng.bounded(4) == 0;
                m_moves << (check ? QStringLiteral("verify and resume") : QStringLiteral("resume"));
                if (check)
                    m_manager->verify(m_id);
                else
                    m_manager->resume(m_id);
            } else {
                m_moves << QStringLiteral("start");
                if (!live())
                    startDownload();
            }
        } else if (move < 44) {
            cancelNow(m_rng.bounded(2) == 0 ? PartialData::Keep : PartialData::Delete);
        } else if (move < 54) {
            m_moves << QStringLiteral("quit");
            quitNow();
        } else if (move < 64) {
            killNow();
        } else if (move < 70) {
            secondProcess();
        } else if (move < 77) {
            replaceNow();
        } else if (move < 90) {
            const bool sameSize = m_rng.bounded(10) < 8;
            const Version v = newVersion(sameSize ? m_main.data.size() : -1);
            m_moves << QStringLiteral("server: new version of /m.bin (%1)").arg(describe(v));
            setVersion("/m.bin", v);
            m_mayReset = true;
        } else {
            const int which = int(m_rng.bounded(4));
            setProfile(which);
            m_moves << QStringLiteral("server: %1").arg(m_profile.name);
        }
    }

    void pauseNow()
    {
        m_manager->pause(m_id);
        const bool ok = waitState([](DownloadState s) { return s == DownloadState::Paused || isTerminal(s); }, 15000);
        if (!ok) {
            fail(QStringLiteral("I7: pause did not reach Paused within 15 s"));
            return;
        }
        if (isTerminal(snap().state))
            checkTerminal(false);
        checkFiles("after pause");
        checkProgress();
    }

    void cancelNow(PartialData partial)
    {
        if (!live()) {
            m_moves << QStringLiteral("cancel (nothing running: start)");
            startDownload();
            return;
        }
        m_moves << (partial == PartialData::Keep ? QStringLiteral("cancel, keep") : QStringLiteral("cancel, delete"));
        m_manager->cancel(m_id, partial);
        if (!waitState([](DownloadState s) { return isTerminal(s); }, 15000)) {
            fail(QStringLiteral("I7: cancel did not end the download within 15 s"));
            return;
        }
        const DownloadSnapshot s = snap();
        if (s.state == DownloadState::Completed) {
            checkTerminal(false); // it finished before the cancel reached it
        } else if (s.state != DownloadState::Cancelled && s.state != DownloadState::Failed) {
            fail(QStringLiteral("I5: cancel ended in %1").arg(stateName(s.state)));
        } else if (s.state == DownloadState::Cancelled && partial == PartialData::Delete && !s.filePath.isEmpty()) {
            for (const QString &leftover : { s.dataPath, controlFilePath(s.filePath) })
                if (!leftover.isEmpty() && leftover != s.filePath && QFile::exists(leftover))
                    fail(QStringLiteral("I5: cancel-and-delete left %1").arg(leftover));
        }
        if (partial == PartialData::Delete)
            m_lastDurable = -1;
        checkFiles("after cancel");
    }

    void quitNow()
    {
        const bool wasLive = live();
        m_manager.reset(); // the destructor saves and stops
        newManager();
        if (wasLive) {
            checkFiles("after quit");
            checkProgress();
        }
    }

    QStringList cliArgs(bool noResume) const
    {
        QStringList args { m_server.url(QString::fromLatin1(m_urlPath)), QStringLiteral("-d"), m_dir.path(),
                           QStringLiteral("-c"), QStringLiteral("3"), QStringLiteral("--piece-size"), QStringLiteral("16K"),
                           QStringLiteral("--retry-wait"), QStringLiteral("0.01"), QStringLiteral("--read-timeout"),
                           QStringLiteral("0.4"), QStringLiteral("--max-retry-time"), QStringLiteral("3"),
                           QStringLiteral("--save-interval"), QString::number(m_saveInterval.count() / 1000.0), QStringLiteral("-q") };
        if (noResume)
            args << QStringLiteral("--no-resume");
        return args;
    }

    // SIGKILL of a bytehaul-cli downloading the same file at a random moment.
    void killNow()
    {
        if (live()) {
            m_moves << QStringLiteral("quit (before a kill)");
            quitNow();
        }
        const int after = 30 + int(m_rng.bounded(400));
        m_moves << QStringLiteral("cli on %1, SIGKILL after %2 ms").arg(QString::fromLatin1(m_urlPath)).arg(after);
        QProcess p;
        p.start(cliPath(), cliArgs(false));
        if (!p.waitForStarted(10000)) {
            fail(QStringLiteral("the cli did not start"));
            return;
        }
        spinUntil([&] { return p.state() == QProcess::NotRunning; }, after);
        const bool ended = p.state() == QProcess::NotRunning;
        if (!ended) {
            p.kill();
            if (!spinUntil([&] { return p.state() == QProcess::NotRunning; }, 10000)) {
                fail(QStringLiteral("the cli did not die"));
                return;
            }
        }
        const QByteArray err = p.readAllStandardError();
        m_moves.last() += ended ? QStringLiteral(" (it ended first: exit %1 %2)").arg(p.exitCode()).arg(QString::fromUtf8(err.trimmed().left(200)))
                                : QStringLiteral(" (killed)");
        checkFiles("after a kill"); // I6 covers whatever name it completed under
    }

    // A second process on the file a live download writes.
    void secondProcess()
    {
        if (!live() || snap().state != DownloadState::Downloading) {
            m_moves << QStringLiteral("second process (nothing downloading: start)");
            if (!live())
                startDownload();
            return;
        }
        const bool noResume = m_rng.bounded(2) == 0;
        m_moves << QStringLiteral("second process on the live file%1").arg(noResume ? QStringLiteral(", --no-resume") : QString());
        QProcess p;
        p.start(cliPath(), cliArgs(noResume));
        if (!p.waitForStarted(10000)) {
            fail(QStringLiteral("the cli did not start"));
            return;
        }
        if (!spinUntil([&] { return p.state() == QProcess::NotRunning; }, 30000)) {
            p.kill();
            spinUntil([&] { return p.state() == QProcess::NotRunning; }, 10000);
            fail(QStringLiteral("I7: the second process ran for 30 s"));
            return;
        }
        const QByteArray err = p.readAllStandardError();
        m_moves.last() += QStringLiteral(" -> exit %1 %2").arg(p.exitCode()).arg(QString::fromUtf8(err.trimmed().left(200)));
    }

    void replaceNow()
    {
        if (!m_id || snap().state != DownloadState::Paused) {
            if (live()) {
                m_moves << QStringLiteral("pause (before a replace)");
                pauseNow();
            } else {
                m_moves << QStringLiteral("replace (nothing paused: start)");
                startDownload();
                return;
            }
            if (!m_failure.isEmpty() || snap().state != DownloadState::Paused)
                return;
        }
        const QByteArray target = m_urlPath == "/m.bin" ? QByteArray("/alt.bin") : QByteArray("/m.bin");
        if (target == "/alt.bin") {
            const bool same = m_rng.bounded(10) < 6;
            setVersion("/alt.bin", same ? m_main : newVersion(m_main.data.size()));
            m_moves << QStringLiteral("replace address with /alt.bin (%1)").arg(same ? QStringLiteral("the same file") : describe(m_alt));
        } else {
            m_moves << QStringLiteral("replace address with /m.bin");
        }
        bool answered = false, accepted = false;
        QString reason;
        const auto connection = QObject::connect(m_manager.get(), &DownloadManager::urlReplaced, m_manager.get(),
                                                 [&](DownloadId id, bool ok, const QString &why) {
                                                     if (id == m_id) {
                                                         answered = true;
                                                         accepted = ok;
                                                         reason = why;
                                                     }
                                                 });
        m_manager->replaceUrl(m_id, QUrl(m_server.url(QString::fromLatin1(target))));
        const bool ok = spinUntil([&] { return answered; }, 15000);
        QObject::disconnect(connection);
        if (!ok) {
            fail(QStringLiteral("I7: no verdict on the replaced address within 15 s"));
            return;
        }
        m_moves.last() += accepted ? QStringLiteral(" -> accepted") : QStringLiteral(" -> refused: %1").arg(reason);
        if (accepted)
            m_urlPath = target;
    }

    // The end: a healthy, still server; the download must complete with exactly what it serves.
    void finishPhase()
    {
        setProfile(0);
        m_moves << QStringLiteral("finish (server healthy)");
        // A transfer already under way may rightly end with the version it started on: pause
        // it first, so that what follows starts (or resumes) against the version served now.
        if (live()) {
            pauseNow();
            if (!m_failure.isEmpty())
                return;
        }
        if (m_id && snap().state == DownloadState::Paused)
            m_manager->resume(m_id);
        else
            startDownload();
        if (!waitState([](DownloadState s) { return isTerminal(s); }, 60000)) {
            fail(QStringLiteral("I7: the download did not end within 60 s of a healthy server"));
            return;
        }
        if (snap().state == DownloadState::Failed) {
            // A failure from before the server healed (a 404 in flight): one more start.
            m_moves << QStringLiteral("failed (%1): start again").arg(snap().error);
            startDownload();
            if (!waitState([](DownloadState s) { return isTerminal(s); }, 60000)) {
                fail(QStringLiteral("I7: the download did not end within 60 s of a healthy server"));
                return;
            }
        }
        if (snap().state != DownloadState::Completed) {
            fail(QStringLiteral("a healthy server, and the download ended %1").arg(stateName(snap().state)));
            return;
        }
        checkTerminal(true);
    }

    // ---- the files ----
    void checkProgress()
    {
        if (!m_id || !m_failure.isEmpty())
            return;
        const QString data = snap().filePath;
        if (data.isEmpty() || snap().state == DownloadState::Completed)
            return;
        const qint64 durable = durableBytes(controlFilePath(data));
        // A drop is right when the server no longer serves the version the last record's bytes
        // were (even if the download had not noticed yet), or stopped honouring ranges.
        const bool sameVersion = !m_lastVersion.isEmpty() && sha256(served(m_urlPath).data) == m_lastVersion;
        if (m_lastDurable >= 0 && !m_mayReset && sameVersion && durable >= 0 && durable < m_lastDurable
            && data == m_lastDataPath)
            fail(QStringLiteral("I3: durable progress went down from %1 to %2 bytes").arg(m_lastDurable).arg(durable));
        m_lastDurable = durable;
        m_lastDataPath = data;
        m_lastVersion = vouchedVersion(controlFilePath(data));
        m_mayReset = m_profile.ignoreRange > 0 || m_profile.compressed > 0;
    }

    // SHA-256 of the one version all the bytes a control file vouches for belong to; empty when
    // it vouches for nothing or they match no version.
    QByteArray vouchedVersion(const QString &path) const
    {
        const ControlFileResult saved = loadControlFile(path);
        if (!saved.state || saved.state->mode != ControlState::Mode::Ranged)
            return {};
        const ControlState &st = *saved.state;
        const QString partPath = path.chopped(int(qstrlen(".bytehaul"))) + QStringLiteral(".part");
        const QByteArray data = readAll(partPath);
        PieceMap map(st.totalSize, st.pieceSize);
        if (!map.loadBitset(st.completedBitset))
            return {};
        QList<std::pair<qint64, qint64>> ranges;
        for (qint64 i = 0; i < map.pieceCount(); ++i)
            if (map.isComplete(i))
                ranges.append({ map.pieceStart(i), map.pieceStart(i) + map.pieceLength(i) });
        for (const ControlSegment &seg : st.segments)
            if (seg.durableEnd > seg.start)
                ranges.append({ seg.start, seg.durableEnd });
        if (ranges.isEmpty())
            return {};
        for (const QByteArray &candidate : std::as_const(m_allData)) {
            if (candidate.size() != st.totalSize)
                continue;
            bool all = true;
            for (const auto &[a, b] : std::as_const(ranges))
                all = all && b <= data.size() && QByteArrayView(data).sliced(a, b - a) == QByteArrayView(candidate).sliced(a, b - a);
            if (all)
                return sha256(candidate);
        }
        return {};
    }

    void checkFiles(const char *when)
    {
        if (!m_failure.isEmpty())
            return;
        const QFileInfoList files = QDir(m_dir.path()).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
        for (const QFileInfo &fi : files) {
            const QString name = fi.fileName();
            if (name.endsWith(QStringLiteral(".bytehaul"))) {
                checkControl(fi.filePath(), when);
            } else if (name.endsWith(QStringLiteral(".part")) || name.endsWith(QStringLiteral(".tmp"))) {
                continue; // a .part is judged through its control file
            } else if (!m_shas.contains(fileSha256(fi.filePath()))) {
                fail(QStringLiteral("I6 (%1): %2 (%3 bytes) is under a final name but is no whole version")
                         .arg(QString::fromLatin1(when), name)
                         .arg(fi.size()));
            }
            if (!m_failure.isEmpty())
                return;
        }
    }

    void checkControl(const QString &path, const char *when)
    {
        const ControlFileResult saved = loadControlFile(path);
        if (!saved.state) {
            fail(QStringLiteral("I2 (%1): %2 cannot be read: %3").arg(QString::fromLatin1(when), path, saved.error));
            return;
        }
        const ControlState &st = *saved.state;
        // The control file is named after the final file; the bytes are in its .part (or, as
        // older versions saved them, under the final name).
        const QString finalPath = path.chopped(int(qstrlen(".bytehaul")));
        const QString partPath = finalPath + QStringLiteral(".part");
        const QByteArray data = readAll(QFile::exists(partPath) ? partPath : finalPath);
        // The byte ranges the control file vouches for.
        QList<std::pair<qint64, qint64>> ranges;
        if (st.mode == ControlState::Mode::Stream) {
            if (st.streamDurable > 0)
                ranges.append({ 0, st.streamDurable });
        } else {
            PieceMap map(st.totalSize, st.pieceSize);
            if (!map.loadBitset(st.completedBitset)) {
                fail(QStringLiteral("I2 (%1): %2 has a bitset that does not fit").arg(QString::fromLatin1(when), path));
                return;
            }
            for (qint64 i = 0; i < map.pieceCount(); ++i) {
                if (!map.isComplete(i))
                    continue;
                const qint64 a = map.pieceStart(i), len = map.pieceLength(i);
                if (a + len > data.size()) {
                    fail(QStringLiteral("I2 (%1): %2 says piece %3 is complete; the data file has %4 bytes")
                             .arg(QString::fromLatin1(when), path)
                             .arg(i)
                             .arg(data.size()));
                    return;
                }
                if (i < st.pieceCrcs.size() && crc32Update(0, QByteArrayView(data).sliced(a, len)) != st.pieceCrcs.at(i)) {
                    fail(QStringLiteral("I2 (%1): %2: piece %3's CRC32 in the control file does not match the data file")
                             .arg(QString::fromLatin1(when), path)
                             .arg(i));
                    return;
                }
                ranges.append({ a, a + len });
            }
            for (const ControlSegment &seg : st.segments)
                if (seg.durableEnd > seg.start)
                    ranges.append({ seg.start, seg.durableEnd });
        }
        if (ranges.isEmpty())
            return;
        for (const auto &[a, b] : std::as_const(ranges)) {
            if (b > data.size()) {
                fail(QStringLiteral("I2 (%1): %2 vouches for bytes up to %3; the data file has %4")
                         .arg(QString::fromLatin1(when), path)
                         .arg(b)
                         .arg(data.size()));
                return;
            }
        }
        // One version must hold all of them, when the control file records an identity. Without
        // ETag and Last-Modified a change during the download cannot be seen until the sampled
        // checks at the resume and at the end (I1 holds them to account).
        if (st.etag.isEmpty() && st.lastModified.isEmpty())
            return;
        for (const QByteArray &candidate : std::as_const(m_allData)) {
            if (st.totalSize >= 0 && candidate.size() != st.totalSize)
                continue;
            bool all = true;
            for (const auto &[a, b] : std::as_const(ranges)) {
                if (b > candidate.size() || QByteArrayView(data).sliced(a, b - a) != QByteArrayView(candidate).sliced(a, b - a)) {
                    all = false;
                    break;
                }
            }
            if (all)
                return;
        }
        fail(QStringLiteral("I2 (%1): %2 vouches for %3 ranges that are not all one version (mode %4, %5 bytes)")
                 .arg(QString::fromLatin1(when), path)
                 .arg(ranges.size())
                 .arg(st.mode == ControlState::Mode::Stream ? QStringLiteral("stream") : QStringLiteral("ranged"))
                 .arg(st.totalSize));
    }

    quint64 m_seed;
    QRandomGenerator m_rng;
    QRandomGenerator m_faultRng;
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<DownloadManager> m_manager;
    DownloadId m_id = 0;
    DownloadId m_watchedId = 0;
    QByteArray m_urlPath = "/m.bin";
    Version m_main, m_alt;
    int m_versionCount = 0;
    QSet<QByteArray> m_shas;
    QList<QByteArray> m_allData; // every version ever served, for I2
    Profile m_profile;
    std::chrono::milliseconds m_saveInterval { 1000 };
    QStringList m_moves;
    QString m_failure;
    bool m_checkedTerminal = false;
    qint64 m_lastDurable = -1;
    QString m_lastDataPath;
    bool m_mayReset = false;
    QByteArray m_lastVersion; // the version the last record's bytes were
};
} // namespace

class TestModel final : public QObject
{
    Q_OBJECT
private slots:
    void randomSequencesKeepEveryPromise()
    {
        const QByteArray one = qgetenv("BYTEHAUL_MODEL_SEED");
        const int runs = one.isEmpty() ? qEnvironmentVariableIntValue("BYTEHAUL_MODEL_RUNS") : 1;
        const QByteArray baseText = qgetenv("BYTEHAUL_MODEL_BASE_SEED");
        quint64 base = one.isEmpty() ? 1 : one.toULongLong();
        if (one.isEmpty() && baseText == "time")
            base = quint64(QDateTime::currentMSecsSinceEpoch());
        else if (one.isEmpty() && !baseText.isEmpty())
            base = baseText.toULongLong();
        const int count = runs > 0 ? runs : 200;
        qInfo("model: %d sequences from seed %llu", count, static_cast<unsigned long long>(base));
        QElapsedTimer clock;
        clock.start();
        int failures = 0;
        QStringList report;
        for (int i = 0; i < count; ++i) {
            const quint64 seed = base + quint64(i);
            Sequence sequence(seed);
            const QString failure = sequence.run();
            if ((i + 1) % 500 == 0)
                qInfo("model: %d of %d sequences, %d failed, %.0f s", i + 1, count, failures, clock.elapsed() / 1000.0);
            if (!failure.isEmpty()) {
                ++failures;
                report << QStringLiteral("seed %1: %2\n  moves:\n    %3").arg(seed).arg(failure, sequence.log());
                qWarning().noquote() << QStringLiteral("model: FAILED, replay with BYTEHAUL_MODEL_SEED=%1\n").arg(seed) + report.last();
                if (failures >= 5)
                    break;
            }
        }
        qInfo("model: %d sequences in %.1f s, %d failed", count, clock.elapsed() / 1000.0, failures);
        QVERIFY2(failures == 0, qPrintable(report.join(QStringLiteral("\n"))));
    }
};

int main(int argc, char *argv[])
{
    // A soak runs for hours: QTest's watchdog (5 minutes per function) must not end it. Each
    // wait inside a sequence is bounded on its own.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "86400000");
    QCoreApplication app(argc, argv);
    TestModel test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_model.moc"
