#include "gui/networkpreferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace bytehaul::app {

QString applyNetworkPreferences(DownloadManager *manager, const ui::UiPreferences &preferences)
{
    QString warning;
    // New downloads use these; running ones keep the settings they started with.
    DownloadOptions defaults = manager->defaultOptions();
    // Tolerant: a password with characters a URL would escape ("p^ss", "50%off") still works.
    defaults.proxy = QUrl(preferences.proxy, QUrl::TolerantMode);
    if (!defaults.proxy.isValid() || defaults.proxy.host().isEmpty())
        defaults.proxy = QUrl();
    defaults.extraCaCertificates.clear();
    if (!preferences.caCertificateFile.isEmpty()) {
        QFile pem(preferences.caCertificateFile);
        if (pem.open(QIODevice::ReadOnly) && pem.size() < (1 << 20))
            defaults.extraCaCertificates.append(pem.read(1 << 20));
        else
            warning = QCoreApplication::translate("bytehaul::ui::MainWindow", "Cannot read the CA certificate %1: %2")
                          .arg(QDir::toNativeSeparators(preferences.caCertificateFile), pem.errorString());
    }
    manager->setDefaultOptions(defaults);
    return warning;
}

} // namespace bytehaul::app
