// TrayIcon: bytehaul in the system tray. The icon shows whether something is downloading, the
// tooltip the speed and counts, the menu the window's own actions; messages tell when a
// download completes or fails, and an offer (a copied link) is accepted by clicking its
// message. The window creates one only when the platform has a tray.
#pragma once

#include <QIcon>
#include <QObject>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace bytehaul::ui {

class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    // menuActions: what the tray's menu offers after "Show or hide the window" (nullptr: a
    // separator).
    TrayIcon(const QIcon &icon, const QList<QAction *> &menuActions, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();

    void notify(const QString &title, const QString &text, bool warning, int ms);
    // A message whose click emits offerAccepted(); any later message replaces the offer.
    void offer(const QString &title, const QString &text, int ms);
    void setStatus(const QString &tooltip, bool downloading);
    void retranslate();

Q_SIGNALS:
    void toggleWindowRequested();
    void offerAccepted();

private:
    std::unique_ptr<QMenu> m_menu; // a widget: it cannot be a child of this QObject
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_toggle = nullptr;
    QIcon m_idle;
    QIcon m_busy;
    bool m_messageIsOffer = false;
};

} // namespace bytehaul::ui
