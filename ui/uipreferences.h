// The settings the window works with, as a plain value. app/ loads and stores them (QSettings);
// the UI library never touches QSettings itself.
#pragma once

#include <QString>

namespace bytehaul::ui {

struct UiPreferences
{
    QString defaultDirectory;
    int connections = 8;
    int maxConnections = 16; // connections are added while each makes a download faster, up to this
    int maxConcurrent = 3;
    qint64 globalRateLimit = 0; // bytes per second for all downloads; 0: none
    qint64 downloadRateLimit = 0; // bytes per second for each new download; 0: none
    bool resumeOnStart = true; // unfinished downloads continue at start (else they stay paused)
    bool dropAddsDirectly = true; // a drop adds at once (else it opens the Add dialog)
    bool closeToTray = true; // closing the window keeps downloads running in the tray
    bool notifications = true; // a tray message when a download completes or fails
    bool startMinimized = false; // start in the tray (when there is one), as with --minimized
    bool watchClipboard = false; // offer copied links to downloadable-looking files
    int giveUpSeconds = 60; // a download retrying without any data fails after this; 0: never
    QString language; // "de", "zh_CN", "en"; empty: the system's
    QString proxy; // http://host:port or socks5://host:port; empty: the system's
    QString caCertificateFile; // PEM, trusted besides the system's certificates
    // Browser integration (the extension reads these through bytehaul-nmhost).
    bool captureEnabled = true; // browsers hand their downloads over
    QString captureTypes; // file name endings, "iso zip mp4" (app/ parses them); empty: every type
    qint64 captureMinBytes = 0; // smaller downloads stay in the browser
    bool captureAskFirst = false; // a captured download opens the Add dialog instead of starting
};

} // namespace bytehaul::ui
