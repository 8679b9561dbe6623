// AppSettings: the one place that reads and writes QSettings, with typed accessors and the
// defaults beside the keys. The UI and the engine receive plain values.
#pragma once

#include "ui/uipreferences.h"

#include <QByteArray>
#include <QSettings>

namespace bytehaul::app {

class AppSettings final
{
public:
    AppSettings();

    ui::UiPreferences preferences() const;
    void setPreferences(const ui::UiPreferences &preferences);
    // The proxy address as saved: without a user name and password.
    static QString withoutCredentials(const QString &proxy);

    QByteArray windowGeometry() const { return m_settings.value(QStringLiteral("window/geometry")).toByteArray(); }
    void setWindowGeometry(const QByteArray &g) { m_settings.setValue(QStringLiteral("window/geometry"), g); }
    QByteArray headerState() const { return m_settings.value(QStringLiteral("window/header")).toByteArray(); }
    void setHeaderState(const QByteArray &s) { m_settings.setValue(QStringLiteral("window/header"), s); }

    static QString queueFile(); // the download list, in the app data directory

private:
    mutable QSettings m_settings;
    QString m_sessionProxy; // the proxy as given, credentials included: memory only
};

} // namespace bytehaul::app
