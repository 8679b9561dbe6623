#include "cli/cliapp.h"

#include "engine/httpparse.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace bytehaul::cli {

namespace {

void printErr(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

} // namespace

CliApp::CliApp(const CliConfig &config, QObject *parent) : QObject(parent), m_config(config)
{
#ifdef Q_OS_UNIX
    m_tty = ::isatty(STDERR_FILENO) == 1 && !config.quiet;
#endif
    m_manager.setDefaultOptions(config.options);
    m_manager.setMaxConcurrent(config.maxConcurrent);
    m_manager.setGlobalRateLimit(config.overallLimit);
    connect(&m_manager, &DownloadManager::downloadFinished, this, &CliApp::onFinished);
    connect(&m_manager, &DownloadManager::downloadChanged, this, &CliApp::onChanged);
    m_redraw.setInterval(250);
    connect(&m_redraw, &QTimer::timeout, this, &CliApp::drawProgress);
}

void CliApp::start()
{
    for (const DownloadRequest &request : std::as_const(m_config.requests))
        m_asked.insert(m_manager.add(request), request.outputPath);
    if (m_tty)
        m_redraw.start();
}

void CliApp::interrupt()
{
    clearProgressLine();
    // The manager saves every running download when it is destroyed on the way out.
    printErr(tr("Interrupted: progress saved. Run the same command again to resume."));
    Q_EMIT done(3);
}

void CliApp::onChanged(const DownloadSnapshot &snapshot)
{
    // Each new note once: warnings (a damaged control file, a changed remote file) always, on
    // stderr; news (a fallback, a resume) unless quiet; passing events (retries) not at all.
    if (!snapshot.note.isEmpty() && snapshot.noteKind != NoteKind::Transient
        && snapshot.note != m_lastNote.value(snapshot.id)) {
        m_lastNote.insert(snapshot.id, snapshot.note);
        clearProgressLine();
        if (snapshot.noteKind == NoteKind::Warning)
            printErr(tr("%1: %2").arg(snapshot.url.toDisplayString(QUrl::RemoveUserInfo), snapshot.note));
        else if (!m_config.quiet)
            printOut(tr("%1: %2").arg(snapshot.fileName, snapshot.note));
    }
    if (m_config.quiet || m_tty || snapshot.state != DownloadState::Downloading)
        return;
    // Plain output: one line when a download starts, none per progress tick.
    static QSet<DownloadId> announced;
    if (announced.contains(snapshot.id))
        return;
    announced.insert(snapshot.id);
    printOut(tr("Downloading %1 -> %2 (%3, %n connection(s))", nullptr, std::max(1, snapshot.connections))
                 .arg(snapshot.url.toDisplayString(QUrl::RemoveUserInfo), QDir::toNativeSeparators(snapshot.filePath),
                      formatSize(snapshot.total)));
}

void CliApp::onFinished(const DownloadSnapshot &snapshot)
{
    ++m_finished;
    clearProgressLine();
    if (snapshot.state == DownloadState::Completed) {
        const QString asked = m_asked.value(snapshot.id);
        if (!asked.isEmpty() && QFileInfo(asked).absoluteFilePath() != QFileInfo(snapshot.filePath).absoluteFilePath()) {
            // Said even with -q: a script that hashes the -o file must not read the old one.
            if (QFileInfo::exists(asked))
                printErr(tr("%1 already existed and was left alone; the download was saved as %2")
                             .arg(QDir::toNativeSeparators(asked), QDir::toNativeSeparators(snapshot.filePath)));
            else // the name was made safe (".part" and ".bytehaul" are bytehaul's own, say)
                printErr(tr("%1 is not a safe file name; the download was saved as %2")
                             .arg(QDir::toNativeSeparators(asked), QDir::toNativeSeparators(snapshot.filePath)));
        }
        if (!m_config.quiet)
            printOut(tr("Completed %1 (%2)").arg(QDir::toNativeSeparators(snapshot.filePath), formatSize(snapshot.done)));
    } else {
        ++m_failed;
        const QString what = snapshot.state == DownloadState::Cancelled ? tr("Cancelled") : tr("Failed");
        printErr(tr("%1: %2").arg(what, snapshot.error.isEmpty() ? snapshot.url.toDisplayString(QUrl::RemoveUserInfo)
                                                                 : snapshot.error));
    }
    if (m_finished >= m_config.requests.size()) {
        m_redraw.stop();
        Q_EMIT done(m_failed > 0 ? 1 : 0);
    }
}

void CliApp::clearProgressLine()
{
    if (m_tty && m_lastLineLength > 0) {
        std::fprintf(stderr, "\r%*s\r", m_lastLineLength, "");
        std::fflush(stderr);
        m_lastLineLength = 0;
    }
}

void CliApp::drawProgress()
{
    qint64 done = 0, total = 0;
    double speed = 0;
    int connections = 0, active = 0;
    bool totalKnown = true;
    QString name;
    for (DownloadId id : m_manager.ids()) {
        const DownloadSnapshot s = m_manager.snapshot(id);
        if (s.state != DownloadState::Downloading && s.state != DownloadState::Probing)
            continue;
        ++active;
        name = s.fileName;
        done += s.done;
        totalKnown = totalKnown && s.total >= 0;
        total += std::max<qint64>(0, s.total);
        speed += s.speed;
        connections += s.connections;
    }
    if (active == 0)
        return;
    QString line;
    const QString percent = totalKnown && total > 0 ? QStringLiteral("%1%").arg(done * 100 / total) : QStringLiteral("--");
    const qint64 eta = totalKnown && speed >= 1 ? qint64(double(total - done) / speed) : -1;
    line = tr("%1 %2 %3/%4 %5/s ETA %6 [%n conn]", nullptr, connections)
               .arg(active == 1 ? name.left(30) : tr("%1 downloads").arg(active), percent, formatSize(done),
                    totalKnown ? formatSize(total) : QStringLiteral("?"), formatSize(qint64(speed)),
                    formatDuration(eta));
    const int len = int(line.size());
    std::fprintf(stderr, "\r%s%*s", qPrintable(line), std::max(0, m_lastLineLength - len), "");
    std::fflush(stderr);
    m_lastLineLength = len;
}

} // namespace bytehaul::cli
