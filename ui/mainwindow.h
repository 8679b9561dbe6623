// MainWindow: the download queue. A table over DownloadListModel behind DownloadFilterProxy, a
// category list and search, a details pane with the segment map, toolbar, menus, context menu,
// shortcuts, drag and drop, and a status bar. It drives the engine only through
// DownloadManager commands by id and redraws from its snapshots, batched a few times a second.
// The list is kept on disk by QueueStore after every change, so nothing is lost on a kill.
#pragma once

#include "engine/downloadmanager.h"
#include "ui/adddialog.h"
#include "ui/queuecontroller.h"
#include "ui/uipreferences.h"

#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QToolBar;

namespace bytehaul::ui {

class ClipboardWatcher;
class DetailsPane;
class DownloadFilterProxy;
class DownloadListModel;
class DownloadListView;
class TrayIcon;
struct ParsedUrls;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(DownloadManager *manager, const QString &queueFile, const UiPreferences &preferences,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void restoreQueue();
    void setPreferences(const UiPreferences &preferences);
    const UiPreferences &preferences() const { return m_prefs; }
    QByteArray saveViewState() const;
    void restoreViewState(const QByteArray &state);

    // Adds downloads as if the user had: no dialog. Returns the engine ids.
    QList<DownloadId> addRequests(const QList<DownloadRequest> &requests);
    void addFromUrls(const ParsedUrls &parsed, bool viaDialog);
    // The Add dialog without waiting for it (a request from the browser is answered while the
    // dialog is open): filled with addresses or a page's links (AddDialog::setLinks). decorate
    // is applied to each request the user adds (the browser's cookies, referrer, User-Agent).
    struct AddDialogInput
    {
        QString urlsText;
        QString fileName;
        QList<AddDialog::Link> links;
        std::function<void(DownloadRequest &)> decorate;
        std::function<void(bool added)> finished; // the user's choice: added, or cancelled
    };
    void openAddDialog(const AddDialogInput &input);
    // "Set up for my browsers" in Preferences (see PreferencesDialog).
    void setBrowserSetup(std::function<QString()> setup) { m_browserSetup = std::move(setup); }
    void saveQueueNow();
    void showMessage(const QString &text); // in the status bar, for a while
    QueueController *queue() const { return m_queue; }
    // Quits bytehaul (the menu, the tray, SIGTERM): every download is saved, nothing hides.
    void quitApplication();

    DownloadListModel *model() const { return m_model; }
    QTableView *view() const;
    QAction *action(const QString &name) const;
    bool hasTray() const { return m_tray != nullptr; }
    // Links copied elsewhere and offered for download (Preferences: watch the clipboard).
    QList<QUrl> clipboardOffer() const { return m_clipboardOffer; }
    void acceptClipboardOffer();

Q_SIGNALS:
    void preferencesChanged(const bytehaul::ui::UiPreferences &preferences);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createLayout();
    void createTray();
    void retranslate();
    void trayMessage(const QString &title, const QString &text, bool warning, int ms);
    void offerLinks(const QList<QUrl> &urls);
    void updateActions();
    void afterFlush();
    void updateStatusBar();
    void showDetails();
    QList<DownloadId> selectedIds() const;
    void selectIds(const QList<DownloadId> &ids);
    DownloadId currentId() const;
    bool isEngineDownload(DownloadId id) const;

    void addDialog(const QString &prefill = {});
    void pasteUrls();
    void pauseSelected();
    void resumeSelected();
    void togglePause();
    void cancelSelected();
    void removeSelected();
    void retrySelected();
    void openFile();
    void openFolder();
    void moveSelected(int delta);
    void copyUrl();
    void replaceUrl();
    void pauseAll();
    void setSpeedLimit();
    void resumeAll();
    void showPreferences();
    void adoptControlFiles(const QStringList &paths);

    DownloadManager *m_manager = nullptr;
    QueueController *m_queue = nullptr; // the queue's behaviour; this window is its view
    UiPreferences m_prefs;
    DownloadListModel *m_model = nullptr;
    DownloadFilterProxy *m_proxy = nullptr;
    DownloadListView *m_view = nullptr;
    QListWidget *m_categories = nullptr;
    QLineEdit *m_search = nullptr;
    DetailsPane *m_details = nullptr;
    QLabel *m_statusSpeed = nullptr;
    QLabel *m_statusCounts = nullptr;
    QLabel *m_statusOthers = nullptr;
    QHash<QString, QAction *> m_actions;
    QHash<QAction *, const char *> m_sourceTexts; // untranslated texts of actions and menus
    QToolBar *m_toolBar = nullptr;
    TrayIcon *m_tray = nullptr;
    bool m_toldAboutTray = false;
    bool m_quitting = false;
    ClipboardWatcher *m_clipboardWatcher = nullptr;
    std::function<QString()> m_browserSetup;
    QList<QUrl> m_clipboardOffer;
};

} // namespace bytehaul::ui
