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
    QLineEdit *m_folder;
    QSpinBox *m_connections;
    QSpinBox *m_concurrent;
    QSpinBox *m_globalLimit;
    QSpinBox *m_downloadLimit;
    QCheckBox *m_resumeOnStart;
    QCheckBox *m_dropDirect;
    QCheckBox *m_closeToTray;
    QCheckBox *m_notifications;
    QCheckBox *m_startMinimized;
    QCheckBox *m_watchClipboard;
    QComboBox *m_language;
    QLineEdit *m_proxy;
    QLineEdit *m_caFile;
};

} // namespace bytehaul::ui
