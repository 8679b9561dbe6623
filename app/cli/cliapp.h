// CliApp: runs the requests of one bytehaul-cli invocation through a DownloadManager and
// reports on the terminal: a live progress line on a TTY, plain lines otherwise.
#pragma once

#include "cli/clioptions.h"
#include "engine/downloadmanager.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace bytehaul::cli {

class CliApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    explicit CliApp(const CliConfig &config, QObject *parent = nullptr);
    void start();
    void interrupt(); // Ctrl+C: stop, keep what was downloaded, exit 1

Q_SIGNALS:
    void done(int exitCode);

private:
    void onFinished(const DownloadSnapshot &snapshot);
    void onChanged(const DownloadSnapshot &snapshot);
    void drawProgress();
    void clearProgressLine();

    CliConfig m_config;
    DownloadManager m_manager;
    QTimer m_redraw;
    bool m_tty = false;
    int m_finished = 0;
    int m_failed = 0;
    int m_lastLineLength = 0;
    QHash<DownloadId, QString> m_lastNote;
    QHash<DownloadId, QString> m_asked; // the -o path given, per download
};

} // namespace bytehaul::cli
