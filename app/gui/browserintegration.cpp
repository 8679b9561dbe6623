#include "gui/browserintegration.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace bytehaul::app {

namespace {
const QString kEnabled = QStringLiteral("browser/capture");
const QString kTypes = QStringLiteral("browser/types");
const QString kMinBytes = QStringLiteral("browser/minBytes");
const QString kAskFirst = QStringLiteral("browser/askFirst");
} // namespace

QStringList CaptureRules::defaultTypes()
{
    // What people fetch with a download manager: archives, disc images, installers, video,
    // audio, documents (IDM's and FDM's lists, trimmed). Web pages and images stay in the browser.
    return parseTypes(QStringLiteral("7z apk appimage avi bin bz2 cab deb dmg epub exe flac gz img iso jar "
                                     "m4a m4v mkv mov mp3 mp4 mpg msi ogg pdf pkg rar rpm tar tgz torrent "
                                     "wav webm wmv xz zip zst"));
}

QStringList CaptureRules::parseTypes(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QStringList out;
    for (QString t : text.split(separators, Qt::SkipEmptyParts)) {
        while (t.startsWith(QLatin1Char('.')) || t.startsWith(QLatin1Char('*')))
            t.remove(0, 1);
        t = t.toLower().left(32);
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

bool CaptureRules::wants(const QString &fileName, const QString &url, qint64 totalBytes, QString *why) const
{
    if (!enabled)
        return *why = QStringLiteral("browser downloads are switched off in bytehaul's Preferences"), false;
    if (totalBytes > 0 && totalBytes < minBytes)
        return *why = QStringLiteral("smaller than the %1 KiB set in bytehaul's Preferences").arg(minBytes / 1024), false;
    if (types.isEmpty())
        return true;
    QString name = fileName.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    if (name.isEmpty())
        name = QUrl(url).fileName();
    name = name.toLower();
    for (const QString &type : types) {
        if (name.endsWith(QLatin1Char('.') + type))
            return true;
    }
    return *why = QStringLiteral("its type is not in bytehaul's list"), false;
}

std::unique_ptr<QSettings> openAppSettings()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("bytehaul"),
                                       QStringLiteral("bytehaul"));
}

CaptureRules readCaptureRules(const QSettings &settings)
{
    CaptureRules rules;
    rules.enabled = settings.value(kEnabled, true).toBool();
    rules.types = settings.contains(kTypes) ? CaptureRules::parseTypes(settings.value(kTypes).toString())
                                            : CaptureRules::defaultTypes();
    rules.minBytes = std::max<qint64>(0, settings.value(kMinBytes, 0).toLongLong());
    rules.askFirst = settings.value(kAskFirst, false).toBool();
    return rules;
}

void writeCaptureRules(QSettings &settings, const CaptureRules &rules)
{
    settings.setValue(kEnabled, rules.enabled);
    settings.setValue(kTypes, rules.types.join(QLatin1Char(' ')));
    settings.setValue(kMinBytes, rules.minBytes);
    settings.setValue(kAskFirst, rules.askFirst);
}

QByteArray hostManifest(const QString &hostPath, bool firefox)
{
    QJsonObject manifest {
        { QStringLiteral("name"), QLatin1String(kHostName) },
        { QStringLiteral("description"), QStringLiteral("bytehaul download manager: takes downloads from the browser") },
        { QStringLiteral("path"), QDir::toNativeSeparators(hostPath) },
        { QStringLiteral("type"), QStringLiteral("stdio") },
    };
    if (firefox)
        manifest.insert(QStringLiteral("allowed_extensions"), QJsonArray { QLatin1String(kFirefoxExtensionId) });
    else
        manifest.insert(QStringLiteral("allowed_origins"),
                        QJsonArray { QStringLiteral("chrome-extension://%1/").arg(QLatin1String(kChromiumExtensionId)) });
    return QJsonDocument(manifest).toJson(QJsonDocument::Indented);
}

QList<BrowserHostDir> userHostDirs()
{
    const QString home = QDir::homePath();
#if defined(Q_OS_MACOS)
    const QString support = home + QStringLiteral("/Library/Application Support/");
    return {
        { QStringLiteral("Chromium"), support + QStringLiteral("Chromium/NativeMessagingHosts"), false },
        { QStringLiteral("Google Chrome"), support + QStringLiteral("Google/Chrome/NativeMessagingHosts"), false },
        { QStringLiteral("Brave"), support + QStringLiteral("BraveSoftware/Brave-Browser/NativeMessagingHosts"), false },
        { QStringLiteral("Vivaldi"), support + QStringLiteral("Vivaldi/NativeMessagingHosts"), false },
        { QStringLiteral("Microsoft Edge"), support + QStringLiteral("Microsoft Edge/NativeMessagingHosts"), false },
        { QStringLiteral("Firefox"), support + QStringLiteral("Mozilla/NativeMessagingHosts"), true },
    };
#elif defined(Q_OS_WIN)
    // Windows finds a manifest through the registry (writeUserHostManifests sets the keys).
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/bytehaul/NativeMessagingHosts");
    return {
        { QStringLiteral("Chromium-family browsers"), dir + QStringLiteral("/chromium"), false },
        { QStringLiteral("Firefox"), dir + QStringLiteral("/firefox"), true },
    };
#else
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || QDir::isRelativePath(config))
        config = home + QStringLiteral("/.config");
    return {
        { QStringLiteral("Chromium"), config + QStringLiteral("/chromium/NativeMessagingHosts"), false },
        { QStringLiteral("Google Chrome"), config + QStringLiteral("/google-chrome/NativeMessagingHosts"), false },
        { QStringLiteral("Brave"), config + QStringLiteral("/BraveSoftware/Brave-Browser/NativeMessagingHosts"), false },
        { QStringLiteral("Vivaldi"), config + QStringLiteral("/vivaldi/NativeMessagingHosts"), false },
        { QStringLiteral("Microsoft Edge"), config + QStringLiteral("/microsoft-edge/NativeMessagingHosts"), false },
        { QStringLiteral("Firefox"), home + QStringLiteral("/.mozilla/native-messaging-hosts"), true },
    };
#endif
}

QStringList writeUserHostManifests(const QString &hostPath, QStringList *errors)
{
    QStringList written;
    for (const BrowserHostDir &target : userHostDirs()) {
        const QString path = target.dir + QLatin1Char('/') + QLatin1String(kHostName) + QStringLiteral(".json");
        QSaveFile file(path);
        if (!QDir().mkpath(target.dir) || !file.open(QIODevice::WriteOnly) || file.write(hostManifest(hostPath, target.firefox)) < 0
            || !file.commit()) {
            errors->append(QStringLiteral("%1: %2 (%3)").arg(target.browser, QDir::toNativeSeparators(path),
                                                             file.errorString().isEmpty() ? QStringLiteral("cannot create the folder")
                                                                                          : file.errorString()));
            continue;
        }
        written << QStringLiteral("%1: %2").arg(target.browser, QDir::toNativeSeparators(path));
#ifdef Q_OS_WIN
        const QStringList keys = target.firefox
            ? QStringList { QStringLiteral("Mozilla") }
            : QStringList { QStringLiteral("Chromium"), QStringLiteral("Google\\Chrome"), QStringLiteral("BraveSoftware\\Brave-Browser"),
                            QStringLiteral("Vivaldi"), QStringLiteral("Microsoft\\Edge") };
        for (const QString &key : keys) {
            QSettings registry(QStringLiteral("HKEY_CURRENT_USER\\Software\\%1\\NativeMessagingHosts\\%2").arg(key, QLatin1String(kHostName)),
                               QSettings::NativeFormat);
            registry.setValue(QStringLiteral("Default"), QDir::toNativeSeparators(path));
        }
#endif
    }
    return written;
}

QString hostBesideProgram(const QString &programDir)
{
#ifdef Q_OS_WIN
    return QDir(programDir).filePath(QStringLiteral("bytehaul-nmhost.exe"));
#else
    return QDir(programDir).filePath(QStringLiteral("bytehaul-nmhost"));
#endif
}

} // namespace bytehaul::app
