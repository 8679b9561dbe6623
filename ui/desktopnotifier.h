// DesktopNotifier: a message through the desktop's notification service (freedesktop.org
// org.freedesktop.Notifications over D-Bus) for desktops without a system tray, where
// QSystemTrayIcon cannot show one. Without D-Bus (or a service) nothing is shown.
#pragma once

#include <QString>

namespace bytehaul::ui {

class DesktopNotifier final
{
public:
    // True when the message was handed to a notification service.
    static bool notify(const QString &title, const QString &text, bool warning, int ms);
};

} // namespace bytehaul::ui
