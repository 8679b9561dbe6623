// AddDialog: several URLs (one per line, each checked), a folder, an optional file name for a
// single URL, connections, an optional checksum, and "start paused".
#pragma once

#include "engine/downloadtypes.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace bytehaul::ui {

class AddDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddDialog)

public:
    AddDialog(const QString &folder, int connections, QWidget *parent = nullptr);

    void setUrlsText(const QString &text);
    QList<DownloadRequest> requests() const;
    QString folder() const;

private:
    void validate();
    void browse();

    QPlainTextEdit *m_urls;
    QLabel *m_problems;
    QLineEdit *m_folder;
    QLineEdit *m_fileName;
    QSpinBox *m_connections;
    QLineEdit *m_checksum;
    QCheckBox *m_paused;
    QDialogButtonBox *m_buttons;
};

} // namespace bytehaul::ui
