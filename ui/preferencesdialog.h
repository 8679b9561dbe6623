// PreferencesDialog: edits UiPreferences; applied when accepted, without a restart.
#pragma once

#include "ui/uipreferences.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace bytehaul::ui {

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    // setupBrowsers: "Set up for my browsers" (writes the host manifests; returns what it did,
    // shown under the button). Without it the button is hidden.
    explicit PreferencesDialog(const UiPreferences &preferences, QWidget *parent = nullptr,
                               std::function<QString()> setupBrowsers = {});
    UiPreferences preferences() const;

private:
    UiPreferences m_prefs;
    QLineEdit *m_folder = nullptr;
    QSpinBox *m_connections = nullptr;
    QSpinBox *m_maxConnections = nullptr;
    QSpinBox *m_concurrent = nullptr;
    QSpinBox *m_globalLimit = nullptr;
    QSpinBox *m_downloadLimit = nullptr;
    QCheckBox *m_resumeOnStart = nullptr;
    QCheckBox *m_dropDirect = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_notifications = nullptr;
    QCheckBox *m_startMinimized = nullptr;
    QCheckBox *m_watchClipboard = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_caFile = nullptr;
    QSpinBox *m_giveUp = nullptr;
    QCheckBox *m_capture = nullptr;
    QLineEdit *m_captureTypes = nullptr;
    QSpinBox *m_captureMin = nullptr;
    QCheckBox *m_captureAsk = nullptr;
    QLabel *m_setupResult = nullptr;
};

} // namespace bytehaul::ui
