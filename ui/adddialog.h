// AddDialog: several URLs (one per line, each checked), a folder, an optional file name for a
// single URL, connections, an optional checksum, and "start paused".
#pragma once

#include "engine/downloadtypes.h"

#include <QDialog>
#include <QHash>
#include <QUrl>

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
    // Addresses already in the list: pointed out, and skipped unless the user adds them again.
    void setExistingUrls(const QHash<QUrl, QString> &urlToName);
    QList<DownloadRequest> requests() const;
    QString folder() const;
    bool makeFolderDefault() const; // "use this folder from now on" was checked

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void validate();
    void browse();
    QList<QUrl> acceptedUrls() const;

    QPlainTextEdit *m_urls = nullptr;
    QLabel *m_problems = nullptr;
    QLineEdit *m_folder = nullptr;
    QLineEdit *m_fileName = nullptr;
    QSpinBox *m_connections = nullptr;
    QLineEdit *m_checksum = nullptr;
    QCheckBox *m_paused = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QCheckBox *m_folderDefault = nullptr;
    QCheckBox *m_addDuplicates = nullptr;
    QHash<QUrl, QString> m_existing;
};

} // namespace bytehaul::ui
