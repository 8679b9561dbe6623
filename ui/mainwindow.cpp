#include "ui/mainwindow.h"

#include "ui/clipboardwatcher.h"
#include "ui/trayicon.h"

#include "engine/controlfile.h"
#include "engine/filenames.h"
#include "engine/httpparse.h"
#include "ui/adddialog.h"
#include "ui/desktopnotifier.h"
#include "ui/detailspane.h"
#include "ui/errortext.h"
#include "ui/downloadfilterproxy.h"
#include "ui/downloadlistmodel.h"
#include "ui/downloadlistview.h"
#include "ui/preferencesdialog.h"
#include "ui/urlinput.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QCloseEvent>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace bytehaul::ui {

namespace {
constexpr int kSourceTextRole = Qt::UserRole + 1; // a category's untranslated name
constexpr int kFar = QueueController::kFar; // "to the top / bottom"

bool canPause(DownloadState s)
{
    return s == DownloadState::Queued || s == DownloadState::Probing || s == DownloadState::Downloading;
}
bool canResume(DownloadState s)
{
    return s == DownloadState::Paused;
}
bool canRetry(DownloadState s)
{
    return s == DownloadState::Failed || s == DownloadState::Cancelled;
}

QString listFiles(const QStringList &files)
{
    constexpr int kShown = 8;
    QStringList lines;
    for (int i = 0; i < files.size() && i < kShown; ++i)
        lines << QStringLiteral("  %1").arg(QDir::toNativeSeparators(files[i]));
    if (files.size() > kShown)
        lines << MainWindow::tr("  … and %n more", nullptr, int(files.size() - kShown));
    return lines.join(QLatin1Char('\n'));
}
} // namespace

MainWindow::MainWindow(DownloadManager *manager, const QString &queueFile, const UiPreferences &preferences,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_manager(manager)
    , m_queue(new QueueController(manager, queueFile, preferences, this))
    , m_prefs(preferences)
    , m_model(m_queue->model())
    , m_proxy(new DownloadFilterProxy(this))
    , m_view(new DownloadListView)
    , m_categories(new QListWidget)
    , m_search(new QLineEdit)
    , m_details(new DetailsPane)
    , m_statusSpeed(new QLabel)
    , m_statusCounts(new QLabel)
    , m_statusOthers(new QLabel)
    , m_clipboardWatcher(new ClipboardWatcher(QApplication::clipboard(), this))
{
    setWindowIcon(QIcon(QStringLiteral(":/bytehaul/icons/bytehaul.svg")));
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_model);
    createActions();
    createLayout();
    createMenus();
    createTray();
    connect(m_clipboardWatcher, &ClipboardWatcher::offered, this, &MainWindow::offerLinks);
    m_clipboardWatcher->setEnabled(m_prefs.watchClipboard);

    connect(m_queue, &QueueController::flushed, this, &MainWindow::afterFlush);
    connect(m_queue, &QueueController::saveFailed, this, [this](const QString &error) {
        showMessage(tr("Could not save the download list: %1").arg(error));
    });
    connect(m_queue, &QueueController::downloadFinished, this, [this](const DownloadSnapshot &s) {
        if (m_prefs.notifications && s.state == DownloadState::Completed)
            trayMessage(tr("Download complete"), s.fileName, false, 5000);
        else if (m_prefs.notifications && s.state == DownloadState::Failed)
            trayMessage(tr("Download failed"), tr("%1: %2").arg(s.fileName, ErrorText::summary(s)), true, 8000);
    });
    connect(m_queue, &QueueController::urlReplaced, this, [this](const QString &name, bool accepted, const QString &reason) {
        if (accepted) {
            statusBar()->showMessage(tr("New address accepted for %1: %2").arg(name, reason), 8000);
        } else {
            QMessageBox::warning(this, tr("Address not replaced"), tr("The new address was refused for %1:\n%2").arg(name, reason));
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showDetails();
        // The details fold away when nothing is selected: the list gets the room.
        m_details->setVisible(!m_view->selectionModel()->selectedRows().isEmpty());
    });
    m_details->setVisible(false);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    retranslate();
    updateActions();
    resize(1000, 620);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // Preferences changed the language: every text again, no restart
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("bytehaul"));
    for (auto it = m_sourceTexts.cbegin(); it != m_sourceTexts.cend(); ++it)
        it.key()->setText(tr(it.value()));
    m_toolBar->setWindowTitle(tr("Main"));
    for (int row = 0; row < m_categories->count(); ++row) {
        QListWidgetItem *item = m_categories->item(row);
        item->setText(tr(item->data(kSourceTextRole).toByteArray().constData()));
    }
    m_search->setPlaceholderText(tr("Search by name or address"));
    m_model->retranslate();
    if (m_tray)
        m_tray->retranslate();
    updateStatusBar();
    showDetails();
    m_view->viewport()->update(); // the empty-state text
    m_view->horizontalHeader()->viewport()->update();
}

MainWindow::~MainWindow()
{
    saveQueueNow();
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

void MainWindow::createActions()
{
    // The desktop's icon theme first; our own SVG icons (sharp at any scale) where it has none.
    static const QHash<QString, QString> ownIcons = {
        { QStringLiteral("list-add"), QStringLiteral("add") },
        { QStringLiteral("media-playback-start"), QStringLiteral("resume") },
        { QStringLiteral("media-playback-pause"), QStringLiteral("pause") },
        { QStringLiteral("process-stop"), QStringLiteral("cancel") },
        { QStringLiteral("edit-delete"), QStringLiteral("remove") },
        { QStringLiteral("view-refresh"), QStringLiteral("retry") },
        { QStringLiteral("document-open"), QStringLiteral("open-file") },
        { QStringLiteral("folder-open"), QStringLiteral("open-folder") },
        { QStringLiteral("go-up"), QStringLiteral("up") },
        { QStringLiteral("go-down"), QStringLiteral("down") },
    };
    // Texts are kept untranslated (QT_TR_NOOP) so that retranslate() can set them again.
    const auto make = [this](const QString &name, const char *text, const QKeySequence &key, const QString &icon,
                             std::function<void()> slot) {
        const QString own = ownIcons.value(icon);
        const QIcon fallback = own.isEmpty() ? QIcon() : QIcon(QStringLiteral(":/bytehaul/icons/icons/%1.svg").arg(own));
        auto *a = new QAction(icon.isEmpty() ? QIcon() : QIcon::fromTheme(icon, fallback), tr(text), this);
        m_sourceTexts.insert(a, text);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, [slot = std::move(slot)] { slot(); });
        m_actions.insert(name, a);
        addAction(a);
    };
    make(QStringLiteral("add"), QT_TR_NOOP("&Add…"), QKeySequence::New, QStringLiteral("list-add"), [this] { addDialog(); });
    make(QStringLiteral("paste"), QT_TR_NOOP("Add from &clipboard"), QKeySequence::Paste, QStringLiteral("edit-paste"), [this] { pasteUrls(); });
    make(QStringLiteral("resume"), QT_TR_NOOP("&Resume"), QKeySequence(tr("Ctrl+R")), QStringLiteral("media-playback-start"), [this] { resumeSelected(); });
    make(QStringLiteral("pause"), QT_TR_NOOP("&Pause"), QKeySequence(tr("Ctrl+P")), QStringLiteral("media-playback-pause"), [this] { pauseSelected(); });
    make(QStringLiteral("toggle"), QT_TR_NOOP("Pause or resume"), QKeySequence(Qt::Key_Space), QString(), [this] { togglePause(); });
    make(QStringLiteral("cancel"), QT_TR_NOOP("&Cancel"), QKeySequence(tr("Ctrl+Shift+X")), QStringLiteral("process-stop"), [this] { cancelSelected(); });
    make(QStringLiteral("remove"), QT_TR_NOOP("Re&move…"), QKeySequence::Delete, QStringLiteral("edit-delete"), [this] { removeSelected(); });
    make(QStringLiteral("retry"), QT_TR_NOOP("Re&try"), QKeySequence(tr("Ctrl+Shift+R")), QStringLiteral("view-refresh"), [this] { retrySelected(); });
    make(QStringLiteral("openFile"), QT_TR_NOOP("&Open file"), QKeySequence(tr("Ctrl+O")), QStringLiteral("document-open"), [this] { openFile(); });
    make(QStringLiteral("openFolder"), QT_TR_NOOP("Open &folder"), QKeySequence(tr("Ctrl+Shift+O")), QStringLiteral("folder-open"), [this] { openFolder(); });
    make(QStringLiteral("moveUp"), QT_TR_NOOP("Move &up"), QKeySequence(tr("Ctrl+Up")), QStringLiteral("go-up"), [this] { moveSelected(-1); });
    make(QStringLiteral("moveDown"), QT_TR_NOOP("Move do&wn"), QKeySequence(tr("Ctrl+Down")), QStringLiteral("go-down"), [this] { moveSelected(1); });
    make(QStringLiteral("moveTop"), QT_TR_NOOP("Move to &top"), QKeySequence(tr("Ctrl+Home")), QStringLiteral("go-top"), [this] { moveSelected(-kFar); });
    make(QStringLiteral("moveBottom"), QT_TR_NOOP("Move to &bottom"), QKeySequence(tr("Ctrl+End")), QStringLiteral("go-bottom"), [this] { moveSelected(kFar); });
    make(QStringLiteral("startNow"), QT_TR_NOOP("&Start now"), QKeySequence(tr("Ctrl+Shift+S")), QString(),
         [this] { m_queue->startNow(selectedIds()); });
    make(QStringLiteral("copyUrl"), QT_TR_NOOP("Copy &address"), QKeySequence::Copy, QStringLiteral("edit-copy"), [this] { copyUrl(); });
    make(QStringLiteral("replaceUrl"), QT_TR_NOOP("Replace a&ddress…"), QKeySequence(tr("Ctrl+E")), QString(), [this] { replaceUrl(); });
    make(QStringLiteral("verify"), QT_TR_NOOP("&Verify and resume"), QKeySequence(tr("Ctrl+Shift+V")), QString(),
         [this] { m_queue->verify(selectedIds()); });
    make(QStringLiteral("connections"), QT_TR_NOOP("Co&nnections…"), QKeySequence(tr("Ctrl+K")), QString(), [this] {
        const QList<DownloadId> ids = selectedIds();
        const DownloadSnapshot *first = ids.isEmpty() ? nullptr : m_model->snapshot(ids.first());
        if (!first)
            return;
        bool ok = false;
        const int n = QInputDialog::getInt(this, tr("Connections"), tr("Connections for the selected download(s):"),
                                           first->maxConnections > 0 ? first->maxConnections : m_prefs.connections, 1, 64, 1, &ok);
        if (!ok)
            return;
        m_queue->setConnections(ids, n);
    });
    make(QStringLiteral("speedLimit"), QT_TR_NOOP("Speed &limit…"), QKeySequence(tr("Ctrl+L")), QString(), [this] { setSpeedLimit(); });
    make(QStringLiteral("resumeAll"), QT_TR_NOOP("Resume a&ll"), QKeySequence(tr("Ctrl+Alt+R")), QString(), [this] { resumeAll(); });
    make(QStringLiteral("pauseAll"), QT_TR_NOOP("Pause al&l"), QKeySequence(tr("Ctrl+Alt+P")), QString(), [this] { pauseAll(); });
    make(QStringLiteral("preferences"), QT_TR_NOOP("&Preferences…"), QKeySequence::Preferences, QStringLiteral("preferences-system"), [this] { showPreferences(); });
    make(QStringLiteral("about"), QT_TR_NOOP("&About bytehaul"), QKeySequence(), QStringLiteral("help-about"), [this] {
        QMessageBox::about(this, tr("About bytehaul"),
                           tr("<b>bytehaul %1</b><p>Fast, safe multi-connection downloads.</p>"
                              "<p>Unfinished downloads continue from their control files after a pause, "
                              "a crash or a reboot.</p>")
                               .arg(QStringLiteral(BYTEHAUL_VERSION)));
    });
    make(QStringLiteral("quit"), QT_TR_NOOP("&Quit"), QKeySequence::Quit, QStringLiteral("application-exit"), [this] { quitApplication(); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(QString());
    m_sourceTexts.insert(file->menuAction(), QT_TR_NOOP("&File"));
    for (const char *name : { "add", "paste" })
        file->addAction(m_actions[QLatin1String(name)]);
    file->addSeparator();
    file->addAction(m_actions[QStringLiteral("preferences")]);
    file->addSeparator();
    file->addAction(m_actions[QStringLiteral("quit")]);
    QMenu *downloads = menuBar()->addMenu(QString());
    m_sourceTexts.insert(downloads->menuAction(), QT_TR_NOOP("&Downloads"));
    for (const char *name : std::initializer_list<const char *> { "resume", "pause", "startNow", "cancel", "retry", "remove", nullptr, "openFile", "openFolder", nullptr,
                              "moveTop", "moveUp", "moveDown", "moveBottom", nullptr, "copyUrl", "replaceUrl", "speedLimit", nullptr, "resumeAll", "pauseAll" }) {
        if (name)
            downloads->addAction(m_actions[QLatin1String(name)]);
        else
            downloads->addSeparator();
    }
    QMenu *help = menuBar()->addMenu(QString());
    m_sourceTexts.insert(help->menuAction(), QT_TR_NOOP("&Help"));
    help->addAction(m_actions[QStringLiteral("about")]);

    QToolBar *bar = addToolBar(QString());
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char *name : std::initializer_list<const char *> { "add", "resume", "pause", "cancel", "remove", nullptr, "openFile", "openFolder", nullptr, "moveUp", "moveDown" }) {
        if (name)
            bar->addAction(m_actions[QLatin1String(name)]);
        else
            bar->addSeparator();
    }

    QList<QAction *> context;
    for (const char *name : std::initializer_list<const char *> { "resume", "pause", "startNow", "cancel", "retry", "remove", nullptr, "openFile", "openFolder",
                              nullptr, "copyUrl", "replaceUrl", "verify", "connections", "speedLimit", nullptr, "moveTop", "moveUp", "moveDown", "moveBottom" })
        context << (name ? m_actions[QLatin1String(name)] : nullptr);
    m_view->setContextActions(context);
}

void MainWindow::createLayout()
{
    m_view->setModel(m_proxy);
    connect(m_view, &DownloadListView::dropped, this, [this](const ParsedUrls &parsed) {
        adoptControlFiles(parsed.controlFiles);
        if (!parsed.urls.isEmpty())
            addFromUrls(parsed, !m_prefs.dropAddsDirectly);
    });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto state = DownloadState(index.data(DownloadListModel::StateRole).toInt());
        if (state == DownloadState::Completed)
            openFile();
        else
            m_details->setFocus();
    });

    const QList<std::pair<const char *, DownloadFilterProxy::Category>> categories = {
        { QT_TR_NOOP("All"), DownloadFilterProxy::Category::All },
        { QT_TR_NOOP("Active"), DownloadFilterProxy::Category::Active },
        { QT_TR_NOOP("Queued"), DownloadFilterProxy::Category::Queued },
        { QT_TR_NOOP("Paused"), DownloadFilterProxy::Category::Paused },
        { QT_TR_NOOP("Completed"), DownloadFilterProxy::Category::Completed },
        { QT_TR_NOOP("Failed"), DownloadFilterProxy::Category::Failed },
    };
    for (const auto &[text, category] : categories) {
        auto *item = new QListWidgetItem(m_categories);
        item->setData(Qt::UserRole, int(category));
        item->setData(kSourceTextRole, QByteArray(text));
    }
    m_categories->setCurrentRow(0);
    m_categories->setMaximumWidth(160);
    connect(m_categories, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_proxy->setCategory(DownloadFilterProxy::Category(m_categories->item(row)->data(Qt::UserRole).toInt()));
    });
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this); // Ctrl+V of a link adds it, even from the search box
    connect(m_search, &QLineEdit::textChanged, m_proxy, &DownloadFilterProxy::setSearchText);

    auto *listSide = new QWidget;
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_view);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(listSide);
    right->addWidget(m_details);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_categories);
    main->addWidget(right);
    main->setStretchFactor(1, 1);
    main->setSizes({ 140, 860 });
    right->setSizes({ 420, 200 });
    setCentralWidget(main);
    statusBar()->addPermanentWidget(m_statusOthers);
    statusBar()->addPermanentWidget(m_statusCounts);
    statusBar()->addPermanentWidget(m_statusSpeed);
}

void MainWindow::createTray()
{
    if (!TrayIcon::isAvailable())
        return; // closing the window then asks before quitting with downloads active
    m_tray = new TrayIcon(windowIcon(),
                          { m_actions[QStringLiteral("paste")], m_actions[QStringLiteral("pauseAll")],
                            m_actions[QStringLiteral("resumeAll")], nullptr, m_actions[QStringLiteral("quit")] },
                          this);
    connect(m_tray, &TrayIcon::toggleWindowRequested, this, [this] {
        setVisible(!isVisible());
        if (isVisible()) {
            raise();
            activateWindow();
        }
    });
    connect(m_tray, &TrayIcon::offerAccepted, this, &MainWindow::acceptClipboardOffer);
    QApplication::setQuitOnLastWindowClosed(false);
}

void MainWindow::trayMessage(const QString &title, const QString &text, bool warning, int ms)
{
    if (m_tray)
        m_tray->notify(title, text, warning, ms);
    else
        DesktopNotifier::notify(title, text, warning, ms); // no tray: the desktop's notifications
}

void MainWindow::offerLinks(const QList<QUrl> &urls)
{
    m_clipboardOffer = urls;
    QString links = urls.first().toDisplayString(QUrl::RemoveUserInfo);
    if (urls.size() > 1)
        links = tr("%1 and %n more", nullptr, int(urls.size() - 1)).arg(links);
    if (m_tray) {
        m_tray->offer(tr("Download the copied link?"), tr("%1\nClick here to download.").arg(links), 10000);
    } else {
        // No tray: an unobtrusive line in the status bar; Ctrl+V takes the clipboard's links.
        statusBar()->showMessage(tr("Copied: %1. Press %2 to download.")
                                     .arg(links, QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)),
                                 15000);
    }
}

void MainWindow::acceptClipboardOffer()
{
    const QList<QUrl> urls = std::exchange(m_clipboardOffer, {});
    if (urls.isEmpty())
        return;
    ParsedUrls parsed;
    parsed.urls = urls;
    addFromUrls(parsed, !m_prefs.dropAddsDirectly);
}

void MainWindow::quitApplication()
{
    // QApplication::quit() first closes every window; a close that hides to the tray would
    // cancel it (a SIGTERM at logout, or Quit from the tray menu, then did nothing).
    m_quitting = true;
    saveQueueNow();
    QApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveQueueNow();
    if (m_quitting) {
        event->accept();
        return;
    }
    if (m_tray && m_prefs.closeToTray) {
        // Downloads go on in the tray; say so the first time.
        hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            trayMessage(tr("bytehaul is still running"),
                        tr("Downloads continue in the background. Quit from the tray menu."), false, 6000);
        }
        event->ignore();
        return;
    }
    int active = 0;
    for (const DownloadSnapshot &s : m_model->all())
        active += isEngineDownload(s.id) && canPause(s.state) ? 1 : 0;
    if (active > 0
        && QMessageBox::question(this, tr("Quit bytehaul?"),
                                 tr("%n download(s) are running. Quit anyway? They are saved and continue "
                                    "where they stopped next time.", nullptr, active))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    event->accept();
    quitApplication();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)
        && !parseUrlLines(QApplication::clipboard()->text()).urls.isEmpty()) {
        // A link on the clipboard is a download, not a search: let the window's Paste take it.
        event->ignore();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (mimeDataHasUrls(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // Read the dropped data only: the clipboard is never touched.
    const ParsedUrls parsed = parseMimeData(event->mimeData());
    if (parsed.urls.isEmpty() && parsed.controlFiles.isEmpty())
        return;
    event->acceptProposedAction();
    adoptControlFiles(parsed.controlFiles);
    if (!parsed.urls.isEmpty())
        addFromUrls(parsed, !m_prefs.dropAddsDirectly);
}

void MainWindow::addFromUrls(const ParsedUrls &parsed, bool viaDialog)
{
    if (viaDialog) {
        QStringList lines;
        for (const QUrl &u : parsed.urls)
            lines << u.toString();
        addDialog(lines.join(QLatin1Char('\n')));
        return;
    }
    selectIds(m_queue->addUrls(parsed.urls));
    if (!parsed.problems.isEmpty())
        statusBar()->showMessage(parsed.problems.join(QStringLiteral("; ")), 8000);
}

void MainWindow::adoptControlFiles(const QStringList &paths)
{
    // A dropped .bytehaul file: continue that partial download where it lies.
    QList<DownloadRequest> requests;
    for (const QString &path : paths) {
        const ControlFileResult found = loadControlFile(path);
        if (!found.state) {
            QMessageBox::warning(this, tr("Cannot continue"),
                                 tr("%1 cannot be used: %2").arg(QDir::toNativeSeparators(path), found.error));
            continue;
        }
        DownloadRequest r;
        r.url = QUrl::fromEncoded(found.state->originalUrl);
        r.outputPath = path.chopped(int(QStringLiteral(".bytehaul").size()));
        r.overrides.connections = m_prefs.connections;
        requests.append(r);
    }
    addRequests(requests);
}

QList<DownloadId> MainWindow::addRequests(const QList<DownloadRequest> &requests)
{
    const QList<DownloadId> ids = m_queue->add(requests);
    selectIds(ids); // what was just added is selected and in view
    return ids;
}

QTableView *MainWindow::view() const
{
    return m_view;
}

bool MainWindow::isEngineDownload(DownloadId id) const
{
    return m_queue->isEngineDownload(id);
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 10000);
}

void MainWindow::selectIds(const QList<DownloadId> &ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (DownloadId id : ids) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        if (!index.isValid())
            continue;
        selection.select(index, index.siblingAtColumn(m_proxy->columnCount() - 1));
        if (!first.isValid())
            first = index;
    }
    if (!first.isValid())
        return;
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_view->scrollTo(first);
}

void MainWindow::afterFlush()
{
    if (const DownloadSnapshot *shown = m_model->snapshot(m_details->shownId()))
        m_details->setSnapshot(shown);
    updateActions();
    updateStatusBar();
}

void MainWindow::updateStatusBar()
{
    double speed = 0;
    int active = 0, queued = 0;
    for (const DownloadSnapshot &s : m_model->all()) {
        if (s.state == DownloadState::Downloading || s.state == DownloadState::Probing) {
            ++active;
            speed += s.speed;
        } else if (s.state == DownloadState::Queued) {
            ++queued;
        }
    }
    m_statusCounts->setText(tr("%1, %2", "status bar: active, queued")
                                .arg(tr("%n active", nullptr, active), tr("%n queued", nullptr, queued)));
    // The categories count their rows, so "200 paused" is seen without clicking.
    QHash<int, int> counts;
    for (const DownloadSnapshot &s : m_model->all()) {
        for (int row = 0; row < m_categories->count(); ++row) {
            const auto category = DownloadFilterProxy::Category(m_categories->item(row)->data(Qt::UserRole).toInt());
            counts[row] += DownloadFilterProxy::inCategory(category, s.state) ? 1 : 0;
        }
    }
    int paused = 0, failed = 0;
    for (int row = 0; row < m_categories->count(); ++row) {
        QListWidgetItem *item = m_categories->item(row);
        const QString name = tr(item->data(kSourceTextRole).toByteArray().constData());
        item->setText(counts.value(row) > 0 ? tr("%1 (%2)", "category and its count").arg(name).arg(counts.value(row)) : name);
        const auto category = DownloadFilterProxy::Category(item->data(Qt::UserRole).toInt());
        if (category == DownloadFilterProxy::Category::Paused)
            paused = counts.value(row);
        else if (category == DownloadFilterProxy::Category::Failed)
            failed = counts.value(row);
    }
    QStringList others;
    if (paused > 0)
        others << tr("%n paused", nullptr, paused);
    if (failed > 0)
        others << tr("%n failed or cancelled", nullptr, failed);
    m_statusOthers->setText(others.join(tr(", ", "status bar: separator")));
    m_statusOthers->setVisible(!others.isEmpty());
    m_statusSpeed->setText(tr("%1/s").arg(formatSize(qint64(speed))));
    if (m_tray)
        m_tray->setStatus(tr("bytehaul: %1/s, %2").arg(formatSize(qint64(speed)), m_statusCounts->text()), active > 0);
}

QList<DownloadId> MainWindow::selectedIds() const
{
    QList<DownloadId> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(DownloadListModel::IdRole).value<DownloadId>());
    return ids;
}

DownloadId MainWindow::currentId() const
{
    const QList<DownloadId> ids = selectedIds();
    return ids.size() == 1 ? ids.first() : 0;
}

void MainWindow::updateActions()
{
    bool anyPause = false, anyResume = false, anyCancel = false, anyRetry = false, anyQueued = false;
    const QList<DownloadId> ids = selectedIds();
    for (DownloadId id : ids) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        if (!s)
            continue;
        const bool engine = isEngineDownload(id);
        anyPause |= engine && canPause(s->state);
        anyResume |= (engine && canResume(s->state)) || canRetry(s->state);
        anyCancel |= engine && !isTerminal(s->state);
        anyRetry |= s->state == DownloadState::Failed || s->state == DownloadState::Cancelled;
        anyQueued |= engine && s->state == DownloadState::Queued;
    }
    const DownloadSnapshot *one = ids.size() == 1 ? m_model->snapshot(ids.first()) : nullptr;
    m_actions[QStringLiteral("pause")]->setEnabled(anyPause);
    m_actions[QStringLiteral("resume")]->setEnabled(anyResume);
    bool anyPaused = false;
    for (DownloadId id : ids) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        anyPaused |= s && isEngineDownload(id) && canResume(s->state);
    }
    m_actions[QStringLiteral("verify")]->setEnabled(anyPaused);
    m_actions[QStringLiteral("toggle")]->setEnabled(anyPause || anyPaused);
    m_actions[QStringLiteral("cancel")]->setEnabled(anyCancel);
    m_actions[QStringLiteral("retry")]->setEnabled(anyRetry);
    m_actions[QStringLiteral("remove")]->setEnabled(!ids.isEmpty());
    m_actions[QStringLiteral("copyUrl")]->setEnabled(!ids.isEmpty());
    bool anyEngine = false;
    for (DownloadId id : ids)
        anyEngine |= isEngineDownload(id) && m_model->snapshot(id) && !isTerminal(m_model->snapshot(id)->state);
    m_actions[QStringLiteral("speedLimit")]->setEnabled(anyEngine);
    m_actions[QStringLiteral("connections")]->setEnabled(anyEngine);
    m_actions[QStringLiteral("openFile")]->setEnabled(one && one->state == DownloadState::Completed);
    m_actions[QStringLiteral("openFolder")]->setEnabled(one && !one->filePath.isEmpty());
    m_actions[QStringLiteral("replaceUrl")]->setEnabled(one && isEngineDownload(one->id)
                                                        && (one->state == DownloadState::Paused || one->state == DownloadState::Queued));
    m_actions[QStringLiteral("moveUp")]->setEnabled(anyQueued || (one && m_model->rowOf(one->id) > 0));
    m_actions[QStringLiteral("moveDown")]->setEnabled(anyQueued || (one && m_model->rowOf(one->id) < m_model->rowCount() - 1));
    m_actions[QStringLiteral("moveTop")]->setEnabled(m_actions[QStringLiteral("moveUp")]->isEnabled());
    m_actions[QStringLiteral("moveBottom")]->setEnabled(m_actions[QStringLiteral("moveDown")]->isEnabled());
    bool anyStartable = false;
    for (DownloadId id : ids) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        anyStartable |= s && isEngineDownload(id) && (s->state == DownloadState::Queued || s->state == DownloadState::Paused);
    }
    m_actions[QStringLiteral("startNow")]->setEnabled(anyStartable);
    bool anyActive = false, anyPausedAll = false;
    for (const DownloadSnapshot &s : m_model->all()) {
        anyActive |= isEngineDownload(s.id) && canPause(s.state);
        anyPausedAll |= isEngineDownload(s.id) && canResume(s.state);
    }
    m_actions[QStringLiteral("pauseAll")]->setEnabled(anyActive);
    m_actions[QStringLiteral("resumeAll")]->setEnabled(anyPausedAll);
}

void MainWindow::showDetails()
{
    m_details->setSnapshot(m_model->snapshot(currentId()));
}

void MainWindow::saveQueueNow()
{
    if (const QString error = m_queue->saveNow(); !error.isEmpty())
        showMessage(tr("Could not save the download list: %1").arg(error));
}

void MainWindow::restoreQueue()
{
    if (const QString error = m_queue->restore(); !error.isEmpty())
        statusBar()->showMessage(tr("Warning: %1; starting with an empty list.").arg(error), 10000);
}

void MainWindow::addDialog(const QString &prefill)
{
    AddDialog dialog(m_prefs.defaultDirectory, m_prefs.connections, this);
    QString text = prefill;
    if (text.isEmpty()) {
        // The clipboard as it is: lines that are no address are shown as skipped, not dropped.
        const QString clip = QApplication::clipboard()->text();
        if (!parseUrlLines(clip).urls.isEmpty())
            text = clip.trimmed();
    }
    QHash<QUrl, QString> existing;
    for (const DownloadSnapshot &s : m_model->all())
        existing.insert(s.url, s.fileName.isEmpty() ? s.url.toDisplayString(QUrl::RemoveUserInfo) : s.fileName);
    dialog.setExistingUrls(existing);
    dialog.setUrlsText(text);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.makeFolderDefault() && dialog.folder() != m_prefs.defaultDirectory) {
        m_prefs.defaultDirectory = dialog.folder(); // asked for: "use this folder from now on"
        Q_EMIT preferencesChanged(m_prefs);
    }
    addRequests(dialog.requests());
}

void MainWindow::openAddDialog(const AddDialogInput &input)
{
    auto *dialog = new AddDialog(m_prefs.defaultDirectory, m_prefs.connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QHash<QUrl, QString> existing;
    for (const DownloadSnapshot &s : m_model->all())
        existing.insert(s.url, s.fileName.isEmpty() ? s.url.toDisplayString(QUrl::RemoveUserInfo) : s.fileName);
    dialog->setExistingUrls(existing);
    if (!input.links.isEmpty())
        dialog->setLinks(input.links, m_prefs.captureTypes);
    else
        dialog->setUrlsText(input.urlsText);
    dialog->setFileName(input.fileName);
    connect(dialog, &QDialog::accepted, this, [this, dialog, decorate = input.decorate, finished = input.finished] {
        if (dialog->makeFolderDefault() && dialog->folder() != m_prefs.defaultDirectory) {
            m_prefs.defaultDirectory = dialog->folder();
            Q_EMIT preferencesChanged(m_prefs);
        }
        QList<DownloadRequest> requests = dialog->requests();
        if (decorate) {
            for (DownloadRequest &r : requests)
                decorate(r);
        }
        const QList<DownloadId> ids = addRequests(requests);
        if (finished)
            finished(!ids.isEmpty());
    });
    if (input.finished)
        connect(dialog, &QDialog::rejected, this, [finished = input.finished] { finished(false); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::pasteUrls()
{
    const ParsedUrls parsed = parseUrlLines(QApplication::clipboard()->text());
    if (parsed.urls.isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no http or https address."), 5000);
        return;
    }
    addFromUrls(parsed, false);
}

void MainWindow::pauseSelected()
{
    m_queue->pause(selectedIds());
}

void MainWindow::resumeSelected()
{
    if (const QList<DownloadId> again = m_queue->resume(selectedIds()); !again.isEmpty())
        selectIds(again); // failed or cancelled ones, continued: their new rows stay selected
}

void MainWindow::togglePause()
{
    for (DownloadId id : selectedIds()) {
        const DownloadSnapshot *s = m_model->snapshot(id);
        if (!s || !isEngineDownload(id))
            continue;
        if (canPause(s->state))
            m_manager->pause(id);
        else if (canResume(s->state))
            m_manager->resume(id);
    }
}

void MainWindow::cancelSelected()
{
    QList<DownloadId> ids;
    QStringList files;
    qint64 bytes = 0;
    for (DownloadId id : selectedIds()) {
        const DownloadSnapshot *shown = m_model->snapshot(id);
        if (!shown || !isEngineDownload(id) || isTerminal(shown->state))
            continue;
        ids << id;
        files << m_queue->filesOnDisk(id);
        bytes += m_queue->latest(id).done; // fresher than the row (batched)
    }
    if (ids.isEmpty())
        return;
    // Cancelling never deletes by surprise: the partial data is kept (Retry continues from it)
    // unless the user picks the button that names the files to delete.
    QMessageBox box(QMessageBox::Question, tr("Cancel downloads"),
                    tr("Cancel %n download(s)?", nullptr, int(ids.size())), QMessageBox::NoButton, this);
    QPushButton *keep = box.addButton(tr("Cancel, &keep the partial files"), QMessageBox::AcceptRole);
    QPushButton *discard = nullptr;
    if (!files.isEmpty()) {
        box.setInformativeText(tr("%1 already downloaded is on disk in:\n%2\n\nKept files let Retry continue "
                                  "where the download stopped.")
                                   .arg(formatSize(bytes), listFiles(files)));
        discard = box.addButton(tr("Cancel and &delete these files"), QMessageBox::DestructiveRole);
    }
    QPushButton *back = box.addButton(tr("&Don't cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(back);
    box.exec();
    if (box.clickedButton() != keep && (!discard || box.clickedButton() != discard))
        return;
    m_queue->cancel(ids, box.clickedButton() == discard ? PartialData::Delete : PartialData::Keep);
}

void MainWindow::retrySelected()
{
    selectIds(m_queue->retry(selectedIds()));
}

void MainWindow::removeSelected()
{
    const QList<DownloadId> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QStringList files;
    for (DownloadId id : ids)
        files << m_queue->filesOnDisk(id);
    // Removing takes rows off the list; files go only when the box naming them is checked.
    QMessageBox box(QMessageBox::Question, tr("Remove downloads"),
                    tr("Remove %n download(s) from the list?", nullptr, int(ids.size())),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setDefaultButton(QMessageBox::No);
    QCheckBox *alsoDelete = nullptr;
    if (!files.isEmpty()) {
        box.setInformativeText(tr("The files stay on disk unless you check the box:\n%1").arg(listFiles(files)));
        alsoDelete = new QCheckBox(tr("Also delete these %n file(s) from the disk", nullptr, int(files.size())));
        box.setCheckBox(alsoDelete);
    }
    if (box.exec() != QMessageBox::Yes)
        return;
    const bool deleteFiles = alsoDelete && alsoDelete->isChecked();
    int row = -1;
    for (DownloadId id : ids) {
        const int r = m_proxy->mapFromSource(m_model->index(m_model->rowOf(id), 0)).row();
        row = row < 0 ? r : std::min(row, r);
    }
    m_queue->remove(ids, deleteFiles);
    // The selection moves to the row that took the first removed one's place.
    if (m_proxy->rowCount() > 0 && row >= 0)
        m_view->selectRow(std::min(row, m_proxy->rowCount() - 1));
    updateActions();
    updateStatusBar();
}

void MainWindow::openFile()
{
    if (const DownloadSnapshot *s = m_model->snapshot(currentId()); s && s->state == DownloadState::Completed)
        QDesktopServices::openUrl(QUrl::fromLocalFile(s->filePath));
}

void MainWindow::openFolder()
{
    if (const DownloadSnapshot *s = m_model->snapshot(currentId()); s && !s->filePath.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(s->filePath).absolutePath()));
}

void MainWindow::moveSelected(int delta)
{
    const QList<DownloadId> ids = selectedIds();
    m_queue->move(ids, delta);
    selectIds(ids); // the moved rows stay selected
}

void MainWindow::copyUrl()
{
    QStringList urls;
    for (DownloadId id : selectedIds()) {
        if (const DownloadSnapshot *s = m_model->snapshot(id))
            urls << s->url.toDisplayString(QUrl::RemoveUserInfo);
    }
    if (urls.isEmpty())
        return;
    m_clipboardWatcher->ignore(urls.join(QLatin1Char('\n'))); // our own copy is not offered back
    QApplication::clipboard()->setText(urls.join(QLatin1Char('\n')));
}

void MainWindow::replaceUrl()
{
    const DownloadSnapshot *s = m_model->snapshot(currentId());
    if (!s)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Replace address"),
                                               tr("New address for %1 (it must serve the same file):").arg(s->fileName),
                                               QLineEdit::Normal, s->url.toString(), &ok);
    if (ok && !text.trimmed().isEmpty())
        m_manager->replaceUrl(s->id, QUrl(text.trimmed(), QUrl::StrictMode));
}

void MainWindow::setSpeedLimit()
{
    const QList<DownloadId> ids = selectedIds();
    if (ids.isEmpty())
        return;
    bool ok = false;
    const int kib = QInputDialog::getInt(this, tr("Speed limit"),
                                         tr("Speed limit for the selected download(s), in KiB/s (0: none):"),
                                         int(m_queue->rateLimit(ids.first()) / 1024), 0, 10 * 1024 * 1024, 64, &ok);
    if (ok)
        m_queue->setRateLimit(ids, qint64(kib) * 1024);
}

void MainWindow::pauseAll()
{
    m_queue->pauseAll();
}

void MainWindow::resumeAll()
{
    m_queue->resumeAll();
}

void MainWindow::setPreferences(const UiPreferences &preferences)
{
    m_prefs = preferences;
    m_queue->setPreferences(m_prefs);
    m_clipboardWatcher->setEnabled(m_prefs.watchClipboard);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_prefs, this, m_browserSetup);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setPreferences(dialog.preferences());
    Q_EMIT preferencesChanged(m_prefs);
}

QByteArray MainWindow::saveViewState() const
{
    return m_view->horizontalHeader()->saveState();
}

void MainWindow::restoreViewState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

} // namespace bytehaul::ui
