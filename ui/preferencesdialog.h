// PreferencesDialog: edits UiPreferences; applied when accepted, without a restart.
#pragma once

#include "ui/uipreferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace bytehaul::ui {

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const UiPreferences &preferences, QWidget *parent = nullptr);
    UiPreferences preferences() const;

private:
    UiPreferences m_prefs;
    QLineEdit *m_folder = nullptr;
    QSpinBox *m_connections = nullptr;
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
};

} // namespace bytehaul::ui
