#include "gui/appsettings.h"

#include "engine/httpparse.h"
#include "gui/browserintegration.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace bytehaul::app {

namespace {
const QString kFolder = QStringLiteral("downloads/folder");
const QString kConnections = QStringLiteral("downloads/connections");
const QString kMaxConnections = QStringLiteral("downloads/maxConnections");
const QString kMaxConcurrent = QStringLiteral("downloads/maxConcurrent");
const QString kResumeOnStart = QStringLiteral("downloads/resumeOnStart");
const QString kDropDirect = QStringLiteral("downloads/dropAddsDirectly");
const QString kGlobalLimit = QStringLiteral("downloads/globalRateLimit");
const QString kDownloadLimit = QStringLiteral("downloads/downloadRateLimit");
const QString kStartMinimized = QStringLiteral("window/startMinimized");
const QString kWatchClipboard = QStringLiteral("window/watchClipboard");
const QString kLanguage = QStringLiteral("window/language");
const QString kCloseToTray = QStringLiteral("window/closeToTray");
const QString kGiveUp = QStringLiteral("network/giveUpSeconds");
const QString kNotifications = QStringLiteral("window/notifications");
const QString kProxy = QStringLiteral("network/proxy");
const QString kCaFile = QStringLiteral("network/caCertificateFile");
} // namespace

AppSettings::AppSettings() = default;

ui::UiPreferences AppSettings::preferences() const
{
    ui::UiPreferences p;
    QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (downloads.isEmpty())
        downloads = QDir::homePath();
    p.defaultDirectory = m_settings.value(kFolder, downloads).toString();
    p.connections = std::clamp(m_settings.value(kConnections, 8).toInt(), 1, 64);
    p.maxConnections = std::clamp(m_settings.value(kMaxConnections, 16).toInt(), p.connections, 64);
    p.maxConcurrent = std::clamp(m_settings.value(kMaxConcurrent, 3).toInt(), 1, 50);
    p.resumeOnStart = m_settings.value(kResumeOnStart, true).toBool();
    p.dropAddsDirectly = m_settings.value(kDropDirect, true).toBool();
    p.globalRateLimit = std::max<qint64>(0, m_settings.value(kGlobalLimit, 0).toLongLong());
    p.downloadRateLimit = std::max<qint64>(0, m_settings.value(kDownloadLimit, 0).toLongLong());
    p.closeToTray = m_settings.value(kCloseToTray, true).toBool();
    p.giveUpSeconds = std::clamp(m_settings.value(kGiveUp, 60).toInt(), 0, 86400);
    p.startMinimized = m_settings.value(kStartMinimized, false).toBool();
    p.watchClipboard = m_settings.value(kWatchClipboard, false).toBool();
    p.language = m_settings.value(kLanguage).toString();
    p.notifications = m_settings.value(kNotifications, true).toBool();
    p.proxy = m_settings.value(kProxy).toString();
    // A proxy's user name and password live in memory only, for this session.
    if (!m_sessionProxy.isEmpty() && withoutCredentials(m_sessionProxy) == p.proxy)
        p.proxy = m_sessionProxy;
    p.caCertificateFile = m_settings.value(kCaFile).toString();
    const CaptureRules rules = readCaptureRules(m_settings);
    p.captureEnabled = rules.enabled;
    p.captureTypes = rules.types.join(QLatin1Char(' '));
    p.captureMinBytes = rules.minBytes;
    p.captureAskFirst = rules.askFirst;
    return p;
}

void AppSettings::setPreferences(const ui::UiPreferences &p)
{
    m_settings.setValue(kFolder, p.defaultDirectory);
    m_settings.setValue(kConnections, p.connections);
    m_settings.setValue(kMaxConnections, p.maxConnections);
    m_settings.setValue(kMaxConcurrent, p.maxConcurrent);
    m_settings.setValue(kResumeOnStart, p.resumeOnStart);
    m_settings.setValue(kDropDirect, p.dropAddsDirectly);
    m_settings.setValue(kGlobalLimit, p.globalRateLimit);
    m_settings.setValue(kDownloadLimit, p.downloadRateLimit);
    m_settings.setValue(kCloseToTray, p.closeToTray);
    m_settings.setValue(kGiveUp, p.giveUpSeconds);
    m_settings.setValue(kStartMinimized, p.startMinimized);
    m_settings.setValue(kWatchClipboard, p.watchClipboard);
    m_settings.setValue(kLanguage, p.language);
    m_settings.setValue(kNotifications, p.notifications);
    m_settings.setValue(kProxy, withoutCredentials(p.proxy)); // never saved with its password
    m_sessionProxy = p.proxy;
    m_settings.setValue(kCaFile, p.caCertificateFile);
    CaptureRules rules;
    rules.enabled = p.captureEnabled;
    rules.types = CaptureRules::parseTypes(p.captureTypes);
    rules.minBytes = p.captureMinBytes;
    rules.askFirst = p.captureAskFirst;
    writeCaptureRules(m_settings, rules);
    m_settings.sync(); // bytehaul-nmhost reads the capture rules from the file at once
}

QString AppSettings::withoutCredentials(const QString &proxy)
{
    // As text: a password QUrl would reject ("p^ss") must not be saved either (found by review).
    return bytehaul::withoutUserInfo(proxy);
}

QString AppSettings::queueFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("queue.json"));
}

} // namespace bytehaul::app
