#include "ui/preferencesdialog.h"

#include "translations/languages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QSystemTrayIcon>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bytehaul::ui {

PreferencesDialog::PreferencesDialog(const UiPreferences &preferences, QWidget *parent,
                                     std::function<QString()> setupBrowsers)
    : QDialog(parent)
    , m_prefs(preferences)
    , m_folder(new QLineEdit(QDir::toNativeSeparators(preferences.defaultDirectory)))
    , m_connections(new QSpinBox)
    , m_maxConnections(new QSpinBox)
    , m_concurrent(new QSpinBox)
    , m_globalLimit(new QSpinBox)
    , m_downloadLimit(new QSpinBox)
    , m_resumeOnStart(new QCheckBox(tr("Continue unfinished downloads when bytehaul starts")))
    , m_dropDirect(new QCheckBox(tr("Dropped links start at once (otherwise the Add dialog opens)")))
    , m_closeToTray(new QCheckBox(tr("Closing the window keeps downloads running in the tray")))
    , m_notifications(new QCheckBox(tr("Tell me when a download completes or fails")))
    , m_startMinimized(new QCheckBox(tr("Start in the tray")))
    , m_watchClipboard(new QCheckBox(tr("Offer to download links to files when they are copied")))
    , m_language(new QComboBox)
    , m_proxy(new QLineEdit(preferences.proxy))
    , m_caFile(new QLineEdit(QDir::toNativeSeparators(preferences.caCertificateFile)))
    , m_giveUp(new QSpinBox)
    , m_capture(new QCheckBox(tr("Take over downloads from my web browsers")))
    , m_captureTypes(new QLineEdit(preferences.captureTypes))
    , m_captureMin(new QSpinBox)
    , m_captureAsk(new QCheckBox(tr("Show the Add dialog first (otherwise they start at once)")))
    , m_setupResult(new QLabel)
{
    setWindowTitle(tr("Preferences"));
    m_connections->setRange(1, 64);
    m_connections->setValue(preferences.connections);
    m_maxConnections->setRange(1, 64);
    m_maxConnections->setValue(std::max(preferences.maxConnections, preferences.connections));
    m_maxConnections->setToolTip(tr("A server that limits each connection gives more for more connections: while every "
                                    "connection is busy, one more is added as long as the last one made the download "
                                    "faster."));
    // The ceiling is never below the start.
    connect(m_connections, &QSpinBox::valueChanged, m_maxConnections, [this](int v) {
        if (m_maxConnections->value() < v)
            m_maxConnections->setValue(v);
    });
    connect(m_maxConnections, &QSpinBox::valueChanged, m_connections, [this](int v) {
        if (m_connections->value() > v)
            m_connections->setValue(v);
    });
    m_concurrent->setRange(1, 50);
    m_concurrent->setValue(preferences.maxConcurrent);
    m_globalLimit->setRange(0, 10 * 1024 * 1024);
    m_globalLimit->setSuffix(tr(" KiB/s"));
    m_globalLimit->setSpecialValueText(tr("No limit"));
    m_globalLimit->setValue(int(preferences.globalRateLimit / 1024));
    m_downloadLimit->setRange(0, 10 * 1024 * 1024);
    m_downloadLimit->setSuffix(tr(" KiB/s"));
    m_downloadLimit->setSpecialValueText(tr("No limit"));
    m_downloadLimit->setValue(int(preferences.downloadRateLimit / 1024));
    // Speeds step by a tenth of their size (64 -> 70, 1000 -> 1100), not by 1 KiB/s.
    m_globalLimit->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_downloadLimit->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_giveUp->setRange(0, 86400);
    m_giveUp->setSuffix(tr(" s"));
    m_giveUp->setSpecialValueText(tr("Never"));
    m_giveUp->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_giveUp->setValue(preferences.giveUpSeconds);
    m_giveUp->setToolTip(tr("A download whose server cannot be reached fails after this long without data; "
                            "what it downloaded stays on disk, and Resume continues it."));
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        // No tray on this desktop: nothing to close or start into.
        m_closeToTray->setVisible(false);
        m_startMinimized->setVisible(false);
    }
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(languageName(QStringLiteral("en")), QStringLiteral("en"));
    for (const QString &code : availableLanguages())
        m_language->addItem(languageName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    m_resumeOnStart->setChecked(preferences.resumeOnStart);
    m_dropDirect->setChecked(preferences.dropAddsDirectly);
    m_closeToTray->setChecked(preferences.closeToTray);
    m_notifications->setChecked(preferences.notifications);
    m_startMinimized->setChecked(preferences.startMinimized);
    m_watchClipboard->setChecked(preferences.watchClipboard);
    m_watchClipboard->setToolTip(tr("The clipboard is only read, never changed."));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Default folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(dir));
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *tabs = new QTabWidget;
    auto *general = new QWidget;
    tabs->addTab(general, tr("&General"));
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(tabs);
    outer->addWidget(buttons);
    auto *form = new QFormLayout(general);
    auto *folderLabel = new QLabel(tr("Default &folder:"));
    folderLabel->setBuddy(m_folder); // a layout cannot be a buddy: without this the & shows
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("&Connections per download:"), m_connections);
    form->addRow(tr("Add connections while they &help, up to:"), m_maxConnections);
    form->addRow(tr("Downloads at &once:"), m_concurrent);
    form->addRow(tr("Overall speed &limit:"), m_globalLimit);
    form->addRow(tr("Speed limit per &new download:"), m_downloadLimit);
    form->addRow(tr("&Give up without data after:"), m_giveUp);
    form->addRow(QString(), m_resumeOnStart);
    form->addRow(QString(), m_dropDirect);
    form->addRow(QString(), m_closeToTray);
    form->addRow(QString(), m_notifications);
    form->addRow(QString(), m_startMinimized);
    form->addRow(QString(), m_watchClipboard);
    form->addRow(tr("&Language:"), m_language);
    m_proxy->setPlaceholderText(tr("System setting (http_proxy, ...), or http://host:port, socks5://host:port"));
    m_caFile->setPlaceholderText(tr("Optional PEM file; certificates are always checked"));
    form->addRow(tr("&Proxy:"), m_proxy);
    form->addRow(tr("Extra &CA certificate:"), m_caFile);

    // Browser integration: the rules bytehaul-nmhost applies to what the extension offers.
    auto *browsers = new QWidget;
    tabs->addTab(browsers, tr("&Browser integration"));
    auto *browserForm = new QFormLayout(browsers);
    m_capture->setChecked(preferences.captureEnabled);
    m_captureTypes->setCursorPosition(0); // the list from its start
    m_captureTypes->setPlaceholderText(tr("Every type"));
    m_captureTypes->setToolTip(tr("File name endings, separated by spaces or commas, e.g. iso zip mp4. Empty: every type."));
    m_captureMin->setRange(0, 1024 * 1024);
    m_captureMin->setSuffix(tr(" KiB"));
    m_captureMin->setSpecialValueText(tr("Any size"));
    m_captureMin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_captureMin->setValue(int(std::min<qint64>(preferences.captureMinBytes / 1024, 1024 * 1024)));
    m_captureAsk->setChecked(preferences.captureAskFirst);
    const auto syncEnabled = [this] {
        for (QWidget *w : { static_cast<QWidget *>(m_captureTypes), static_cast<QWidget *>(m_captureMin),
                            static_cast<QWidget *>(m_captureAsk) })
            w->setEnabled(m_capture->isChecked());
    };
    connect(m_capture, &QCheckBox::toggled, this, syncEnabled);
    syncEnabled();
    browserForm->addRow(QString(), m_capture);
    browserForm->addRow(tr("File &types:"), m_captureTypes);
    browserForm->addRow(tr("&Smallest size:"), m_captureMin);
    browserForm->addRow(QString(), m_captureAsk);
    auto *how = new QLabel(tr("Hold Alt while clicking a link to let the browser download it itself. "
                              "The browser extension needs bytehaul's helper registered with each browser:"));
    how->setWordWrap(true);
    browserForm->addRow(how);
    if (setupBrowsers) {
        auto *setup = new QPushButton(tr("Set &up for my browsers"));
        m_setupResult->setWordWrap(true);
        m_setupResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
        connect(setup, &QPushButton::clicked, this, [this, setupBrowsers] { m_setupResult->setText(setupBrowsers()); });
        browserForm->addRow(QString(), setup);
        browserForm->addRow(m_setupResult);
    }
}

UiPreferences PreferencesDialog::preferences() const
{
    UiPreferences p = m_prefs;
    p.defaultDirectory = QDir::fromNativeSeparators(m_folder->text().trimmed());
    p.connections = m_connections->value();
    p.maxConnections = m_maxConnections->value();
    p.maxConcurrent = m_concurrent->value();
    p.globalRateLimit = qint64(m_globalLimit->value()) * 1024;
    p.downloadRateLimit = qint64(m_downloadLimit->value()) * 1024;
    p.resumeOnStart = m_resumeOnStart->isChecked();
    p.dropAddsDirectly = m_dropDirect->isChecked();
    p.closeToTray = m_closeToTray->isChecked();
    p.notifications = m_notifications->isChecked();
    p.startMinimized = m_startMinimized->isChecked();
    p.watchClipboard = m_watchClipboard->isChecked();
    p.giveUpSeconds = m_giveUp->value();
    p.language = m_language->currentData().toString();
    p.proxy = m_proxy->text().trimmed();
    p.caCertificateFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    p.captureEnabled = m_capture->isChecked();
    p.captureTypes = m_captureTypes->text().simplified();
    p.captureMinBytes = qint64(m_captureMin->value()) * 1024;
    p.captureAskFirst = m_captureAsk->isChecked();
    return p;
}

} // namespace bytehaul::ui
