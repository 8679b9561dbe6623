#include "ui/trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace bytehaul::ui {

TrayIcon::TrayIcon(const QIcon &icon, const QList<QAction *> &menuActions, QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(new QSystemTrayIcon(icon, this))
    , m_idle(icon)
    , m_busy(QIcon::fromTheme(QStringLiteral("emblem-downloads"), icon))
{
    QMenu *menu = m_menu.get();
    m_toggle = menu->addAction(tr("Show or hide the window"));
    connect(m_toggle, &QAction::triggered, this, &TrayIcon::toggleWindowRequested);
    for (QAction *action : menuActions) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
        [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                Q_EMIT toggleWindowRequested();
        });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (std::exchange(m_messageIsOffer, false))
            Q_EMIT offerAccepted();
    });
    retranslate();
    m_tray->setToolTip(tr("bytehaul"));
    m_tray->show();
}

void TrayIcon::retranslate() { m_toggle->setText(tr("Show or hide the window")); }

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }

void TrayIcon::notify(const QString &title, const QString &text, bool warning, int ms)
{
    m_messageIsOffer = false;
    m_tray->showMessage(
        title, text, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, ms);
}

void TrayIcon::offer(const QString &title, const QString &text, int ms)
{
    notify(title, text, false, ms);
    m_messageIsOffer = true;
}

void TrayIcon::setStatus(const QString &tooltip, bool downloading)
{
    m_tray->setToolTip(tooltip);
    m_tray->setIcon(downloading ? m_busy : m_idle);
}

} // namespace bytehaul::ui
