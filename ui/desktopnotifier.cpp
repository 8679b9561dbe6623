#include "ui/desktopnotifier.h"

#ifdef BYTEHAUL_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QVariantMap>
#endif

namespace bytehaul::ui {

bool DesktopNotifier::notify(const QString &title, const QString &text, bool warning, int ms)
{
#ifdef BYTEHAUL_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(service))
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/Notifications"),
                                                       service, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(warning ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("bytehaul"));
    call << QStringLiteral("bytehaul") << uint(0) << QStringLiteral("bytehaul") << title << text << QStringList()
         << hints << ms;
    return bus.send(call); // asynchronous: the window never waits for the service
#else
    Q_UNUSED(title)
    Q_UNUSED(text)
    Q_UNUSED(warning)
    Q_UNUSED(ms)
    return false;
#endif
}

} // namespace bytehaul::ui
