// AddDialog: several URLs (one per line, each checked), a folder, an optional file name for a
// single URL, connections, an optional checksum, and "start paused". Or, for a page's links
// (the browser's "Download all links with bytehaul"), a list to pick from, filtered by type.
#pragma once

#include "engine/downloadtypes.h"

#include <QDialog>
#include <QHash>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace bytehaul::ui {

class AddDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddDialog)

public:
    AddDialog(const QString &folder, int connections, QWidget *parent = nullptr);

    struct Link
    {
        QUrl url;
        QString text; // the link's text on its page
    };

    void setUrlsText(const QString &text);
    void setFileName(const QString &name);
    // Lists links to pick from instead of the address box. Shown at first: the links whose
    // file type is in preferredTypes ("iso zip mp4"; empty: every link).
    void setLinks(const QList<Link> &links, const QString &preferredTypes);
    int shownLinkCount() const; // for tests: the links the filter lets through
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
    void filterLinks();

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
    QWidget *m_linkBox = nullptr;
    QComboBox *m_linkTypes = nullptr;
    QLineEdit *m_linkFilter = nullptr;
    QListWidget *m_links = nullptr;
    QLabel *m_urlsLabel = nullptr;
};

} // namespace bytehaul::ui
