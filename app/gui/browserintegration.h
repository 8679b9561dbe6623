// Browser integration, shared by the window (Preferences, --setup-browsers) and the browser's
// host (bytehaul-nmhost), Qt Core only:
// - the capture rules: which downloads the browser hands over. They live in bytehaul's
//   settings; the host reads them (so they hold with bytehaul not running) and decides, and the
//   extension's popup shows them.
// - the host manifests that tell each browser where bytehaul-nmhost is and which extension may
//   talk to it: written per user here, installed system-wide by the .deb (installer/).
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace bytehaul::app {

inline constexpr char kHostName[] = "org.bytehaul.nmhost";
// The extension's ids: Chromium derives it from the "key" in resources/browser/manifest.json
// (the same for every copy of the extension, wherever it is unpacked); Firefox takes
// browser_specific_settings.gecko.id from the Firefox package's manifest.
inline constexpr char kChromiumExtensionId[] = "iolmlodoigklbhpjjiigcooogkeepfej";
inline constexpr char kFirefoxExtensionId[] = "bytehaul@bytehaul.org";

struct CaptureRules
{
    bool enabled = true; // browsers hand downloads over at all
    QStringList types; // file name endings without the dot, lower case; empty: every type
    qint64 minBytes = 0; // smaller downloads stay in the browser (unknown sizes are taken)
    bool askFirst = false; // open the Add dialog instead of starting at once

    static QStringList defaultTypes();
    // "iso, .ZIP  mp4" -> {"iso", "zip", "mp4"}: separators are commas and spaces, dots dropped.
    static QStringList parseTypes(const QString &text);

    // Whether a download the browser is about to make is bytehaul's; false with *why (for the
    // extension's popup) when not. fileName: the browser's name for it, else the address's.
    bool wants(const QString &fileName, const QString &url, qint64 totalBytes, QString *why) const;
};

// bytehaul's own settings (the window's QSettings: organisation and application "bytehaul"),
// opened the same way by the host, which has another application name.
std::unique_ptr<QSettings> openAppSettings();
CaptureRules readCaptureRules(const QSettings &settings);
void writeCaptureRules(QSettings &settings, const CaptureRules &rules);

// The host manifest a browser reads: name, path to the host, and the extension it serves.
QByteArray hostManifest(const QString &hostPath, bool firefox);

struct BrowserHostDir
{
    QString browser; // "Chromium", "Firefox", ...
    QString dir;
    bool firefox = false;
};
// Where each browser looks for a user's host manifests on this system.
QList<BrowserHostDir> userHostDirs();

// Writes the manifests for every browser in userHostDirs(), pointing at hostPath; returns one
// line per browser ("Chromium: /home/u/.config/chromium/NativeMessagingHosts/...") and, in
// *errors, the ones that could not be written. A browser that is not installed gets its
// manifest anyway (installing it later then needs nothing more).
QStringList writeUserHostManifests(const QString &hostPath, QStringList *errors);

// bytehaul-nmhost beside the running program (the .deb and the tarball put both in one bin/).
QString hostBesideProgram(const QString &programDir);

} // namespace bytehaul::app
