// The desktop UI, offscreen: the model under QAbstractItemModelTester, and the real window
// driven through its buttons, a drop, and a restart.
#include "testhelpers.h"
#include "testserver.h"
#include "ui/clipboardwatcher.h"
#include "ui/downloadfilterproxy.h"
#include "ui/downloadlistmodel.h"
#include "ui/mainwindow.h"
#include "ui/queuestore.h"
#include "ui/urlinput.h"

#include "engine/controlfile.h"
#include "gui/appsettings.h"
#include "gui/browserintegration.h"
#include "gui/browserrequests.h"
#include "translations/languages.h"
#include "ui/adddialog.h"
#include "ui/detailspane.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace bytehaul;
using namespace bytehaul::test;
using namespace bytehaul::ui;

namespace {
constexpr qint64 MiB = 1024 * 1024;

DownloadSnapshot snap(DownloadId id, const QString &name, DownloadState state, qint64 total, qint64 done)
{
    DownloadSnapshot s;
    s.id = id;
    s.fileName = name;
    s.url = QUrl(QStringLiteral("http://example.org/") + name);
    s.state = state;
    s.total = total;
    s.done = done;
    s.added = QDateTime::currentDateTime().addSecs(qint64(id));
    return s;
}

// Answers the next modal message box (polled, bounded) by clicking the button whose text
// contains `button` (mnemonics ignored), checking its check box first if asked; what it said is
// kept in *said.
void answerNextMessageBox(const QString &button, QString *said, bool check = false)
{
    auto *poll = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, poll, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (++*tries > 500)
                poll->deleteLater();
            return;
        }
        poll->deleteLater();
        if (said)
            *said = box->text() + QLatin1Char('\n') + box->informativeText()
                + (box->checkBox() ? QLatin1Char('\n') + box->checkBox()->text() : QString());
        if (check && box->checkBox())
            box->checkBox()->setChecked(true);
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')).contains(button)) {
                b->click();
                return;
            }
        }
        box->reject();
    });
    poll->start(20);
}

// Triggers an action that may have no toolbar button (menus only).
void clickActionByName(MainWindow &window, const QString &name)
{
    QAction *action = window.action(name);
    QVERIFY(action);
    QVERIFY2(action->isEnabled(), qPrintable(name + " is disabled"));
    action->trigger();
}

UiPreferences prefsFor(const QString &dir)
{
    UiPreferences p;
    p.defaultDirectory = dir;
    p.connections = 4;
    p.maxConcurrent = 3;
    return p;
}

void clickAction(MainWindow &window, const QString &name)
{
    QAction *action = window.action(name);
    QVERIFY(action);
    QVERIFY2(action->isEnabled(), qPrintable(name + " is disabled"));
    // Through the real toolbar button when there is one.
    for (QToolBar *bar : window.findChildren<QToolBar *>()) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action))) {
            QTest::mouseClick(button, Qt::LeftButton);
            return;
        }
    }
    action->trigger();
}

void selectDownload(MainWindow &window, DownloadId id)
{
    QTableView *view = window.view();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(DownloadListModel::IdRole).value<DownloadId>() == id) {
            // Explicitly, whatever modifier state an earlier key click left behind.
            view->selectionModel()->select(view->model()->index(row, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            view->selectionModel()->setCurrentIndex(view->model()->index(row, 0), QItemSelectionModel::NoUpdate);
            return;
        }
    }
    QFAIL("download not in the view");
}
} // namespace

class TestUi final : public QObject
{
    Q_OBJECT
private slots:
    // A proxy's user name and password are used for the session and never written to the
    // settings file.
    // The browser rules as the Preferences page gives them ("ISO, .zip") are saved as the
    // host reads them, and read back the same.
    void captureRulesAreSavedAsTheHostReadsThem()
    {
        const QString org = QCoreApplication::organizationName();
        QCoreApplication::setOrganizationName("bytehaul-test-" + QString::number(QCoreApplication::applicationPid()));
        const auto restore = qScopeGuard([&] { QCoreApplication::setOrganizationName(org); });
        {
            bytehaul::app::AppSettings settings;
            bytehaul::ui::UiPreferences p = settings.preferences();
            QVERIFY(p.captureEnabled);
            QVERIFY(p.captureTypes.contains("iso") && p.captureTypes.contains("zip")); // sensible defaults
            QVERIFY(!p.captureTypes.contains("html"));
            p.captureTypes = "ISO, .zip  *.mp4 zip";
            p.captureMinBytes = 2 << 20;
            p.captureEnabled = false;
            p.captureAskFirst = true;
            settings.setPreferences(p);
        }
        QSettings raw;
        const bytehaul::app::CaptureRules rules = bytehaul::app::readCaptureRules(raw);
        QCOMPARE(rules.types, (QStringList { "iso", "zip", "mp4" }));
        QCOMPARE(rules.minBytes, qint64(2 << 20));
        QVERIFY(!rules.enabled);
        QVERIFY(rules.askFirst);
        const bytehaul::ui::UiPreferences back = bytehaul::app::AppSettings().preferences();
        QCOMPARE(back.captureTypes, QString("iso zip mp4"));
        QCOMPARE(back.captureMinBytes, qint64(2 << 20));
        QVERIFY(!back.captureEnabled && back.captureAskFirst);
        QString why;
        QVERIFY(!rules.wants("a.iso", "https://x/a.iso", 5 << 20, &why) && why.contains("switched off"));
        QFile::remove(raw.fileName());
    }

    void proxyCredentialsAreNeverSaved()
    {
        const QString org = QCoreApplication::organizationName();
        QCoreApplication::setOrganizationName("bytehaul-test-" + QString::number(QCoreApplication::applicationPid()));
        const auto restore = qScopeGuard([&] { QCoreApplication::setOrganizationName(org); });
        QString file;
        {
            bytehaul::app::AppSettings settings;
            bytehaul::ui::UiPreferences p = settings.preferences();
            p.proxy = "socks5h://alice:pr0xy-s3cret@127.0.0.1:1080";
            settings.setPreferences(p);
            QCOMPARE(settings.preferences().proxy, QString("socks5h://alice:pr0xy-s3cret@127.0.0.1:1080")); // this session
            QSettings raw;
            raw.sync();
            file = raw.fileName();
            QCOMPARE(raw.value("network/proxy").toString(), QString("socks5h://127.0.0.1:1080"));
        }
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY2(!text.contains("pr0xy-s3cret") && !text.contains("alice"), text.constData());
        QVERIFY(text.contains("127.0.0.1:1080"));
        // The next session has the address, without the credentials.
        QCOMPARE(bytehaul::app::AppSettings().preferences().proxy, QString("socks5h://127.0.0.1:1080"));
        saved.remove();
        // A password a URL would reject is not saved either (found by review: "p^ss" was).
        {
            bytehaul::app::AppSettings settings;
            bytehaul::ui::UiPreferences p = settings.preferences();
            p.proxy = "http://alice:p^ss w0rd@proxy.example:3128";
            settings.setPreferences(p);
            QSettings raw;
            raw.sync();
            QCOMPARE(raw.value("network/proxy").toString(), QString("http://proxy.example:3128"));
        }
        QFile again(file);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QVERIFY(!again.readAll().contains("w0rd"));
        again.remove();
    }

    // English plurals ("1 download"), as the application installs them.
    void initTestCase() { QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en")); }

    void modelPassesTheTesterThroughChanges()
    {
        DownloadListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        DownloadFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshots({ snap(1, "b.iso", DownloadState::Downloading, 300, 30),
                               snap(2, "a.zip", DownloadState::Paused, 100, 50),
                               snap(3, "c.mp4", DownloadState::Completed, 200, 200) });
        QCOMPARE(model.rowCount(), 3);
        model.applySnapshots({ snap(1, "b.iso", DownloadState::Downloading, 300, 60) }); // one row changed
        QCOMPARE(model.index(0, DownloadListModel::Progress).data(DownloadListModel::ProgressRole).toDouble(), 0.2);
        QVERIFY(model.moveDownload(3, -2));
        QCOMPARE(model.idAt(0), DownloadId(3));
        QVERIFY(!model.moveDownload(3, -1));
        model.remove(2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(1), 1);
    }

    void proxySortsOnRawValuesAndFilters()
    {
        DownloadListModel model;
        DownloadFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.applySnapshots({ snap(1, "small.bin", DownloadState::Downloading, 2 * 1024, 1),
                               snap(2, "large.bin", DownloadState::Paused, 900 * MiB, 1),
                               snap(3, "medium.bin", DownloadState::Completed, 5 * MiB, 5 * MiB),
                               snap(4, "broken.bin", DownloadState::Failed, -1, 0) });
        proxy.sort(DownloadListModel::Size, Qt::DescendingOrder); // "900 MiB" > "5 MiB" > "2 KiB" as numbers
        QCOMPARE(proxy.index(0, 0).data(DownloadListModel::IdRole).value<DownloadId>(), DownloadId(2));
        QCOMPARE(proxy.index(1, 0).data(DownloadListModel::IdRole).value<DownloadId>(), DownloadId(3));
        QCOMPARE(proxy.index(2, 0).data(DownloadListModel::IdRole).value<DownloadId>(), DownloadId(1));
        proxy.setCategory(DownloadFilterProxy::Category::Active);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setCategory(DownloadFilterProxy::Category::Failed);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setCategory(DownloadFilterProxy::Category::All);
        proxy.setSearchText("MEDIUM");
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText("example.org/large");
        QCOMPARE(proxy.rowCount(), 1);
    }

    void savedListHoldsNoPassword()
    {
        QTemporaryDir dir;
        QueueStore store(dir.filePath("queue.json"));
        StoredDownload d;
        d.request.url = QUrl("http://alice:s3cr3t@example.org/f.iso");
        d.state = DownloadState::Paused;
        QVERIFY(store.save({ d }));
        QFile file(dir.filePath("queue.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("s3cr3t"));
        QCOMPARE(store.load().first().request.url.userName(), QStringLiteral("alice"));
    }

    void urlLinesAreCheckedOneByOne()
    {
        const ParsedUrls parsed = parseUrlLines("https://a.example/x.iso\n\nftp://b.example/y\nnot a url\n# comment\nhttp://c.example/");
        QCOMPARE(parsed.urls.size(), 2);
        QCOMPARE(parsed.problems.size(), 2);
        QVERIFY(parsed.problems[0].startsWith("line 3: only http and https"));
        QVERIFY(parsed.problems[1].startsWith("line 4: not a valid address"));
    }

    void pauseResumeAndCancelThroughTheButtons()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 21);
        r.bytesPerSecond = 2 * MiB;
        server.setResource("/gui.bin", r);
        Resource other;
        other.data = TestServer::makeData(8 * MiB, 22);
        other.bytesPerSecond = 512 * 1024;
        server.setResource("/other.bin", other);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        MainWindow window(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        window.show();
        DownloadRequest request;
        request.url = QUrl(server.url("/gui.bin"));
        request.outputDir = dir.path();
        const DownloadId id = window.addRequests({ request }).first();
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 1 * MiB, 30000);
        selectDownload(window, id);
        QTRY_VERIFY(window.action("pause")->isEnabled());
        clickAction(window, "pause");
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(id).state), stateName(DownloadState::Paused), 10000);
        QTRY_VERIFY(window.action("resume")->isEnabled());
        QVERIFY(!window.action("pause")->isEnabled());
        server.resource("/gui.bin").bytesPerSecond = 0;
        clickAction(window, "resume");
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(id).state), stateName(DownloadState::Completed), 30000);
        QCOMPARE(fileSha256(dir.filePath("gui.bin")), sha256(r.data));
        QTRY_VERIFY(window.action("openFile")->isEnabled());

        request.url = QUrl(server.url("/other.bin"));
        const DownloadId second = window.addRequests({ request }).first();
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(second).done > 0, 30000);
        selectDownload(window, second);
        QTRY_VERIFY(window.action("cancel")->isEnabled());
        // Cancel asks, naming the files; "Don't cancel" changes nothing.
        QString said;
        answerNextMessageBox("Don't cancel", &said);
        clickAction(window, "cancel");
        QVERIFY2(said.contains(QDir::toNativeSeparators(dir.filePath("other.bin.part"))), qPrintable(said));
        QVERIFY2(said.contains(QDir::toNativeSeparators(dir.filePath("other.bin.bytehaul"))), qPrintable(said));
        QVERIFY(!isTerminal(manager.snapshot(second).state));
        // Deleting is a button that names what goes; afterwards the row shows what is on disk.
        answerNextMessageBox("delete these files", &said);
        clickAction(window, "cancel");
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(second).state), stateName(DownloadState::Cancelled), 10000);
        QTRY_VERIFY(!QFile::exists(dir.filePath("other.bin.part")));
        QVERIFY(!QFile::exists(dir.filePath("other.bin")));
        QVERIFY(!QFile::exists(dir.filePath("other.bin.bytehaul")));
        QTRY_COMPARE(window.model()->snapshot(second)->state, DownloadState::Cancelled);
        QCOMPARE(window.model()->snapshot(second)->done, 0);
        QVERIFY(window.model()->snapshot(second)->completedPieces.count(char(0)) == window.model()->snapshot(second)->completedPieces.size());
    }

    void cancelKeepsThePartialFileAndResumeContinuesIt()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 41);
        r.bytesPerSecond = 1 * MiB;
        server.setResource("/kept.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        MainWindow window(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        window.show();
        DownloadRequest request;
        request.url = QUrl(server.url("/kept.bin"));
        request.outputDir = dir.path();
        const DownloadId id = window.addRequests({ request }).first();
        QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 1 * MiB, 30000);
        selectDownload(window, id);
        QString said;
        answerNextMessageBox("keep the partial files", &said); // the default button
        clickAction(window, "cancel");
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(id).state), stateName(DownloadState::Cancelled), 10000);
        QVERIFY(QFile::exists(dir.filePath("kept.bin.part")));
        const ControlFileResult saved = loadControlFile(dir.filePath("kept.bin.bytehaul"));
        QVERIFY2(saved.state, qPrintable(saved.error));
        QTRY_VERIFY(window.model()->snapshot(id) && window.model()->snapshot(id)->done > 1 * MiB);
        // Resume (the toolbar's) continues a cancelled download from what is on disk.
        const qint64 keptDone = window.model()->snapshot(id)->done;
        server.resource("/kept.bin").bytesPerSecond = 0;
        selectDownload(window, id);
        QTRY_VERIFY(window.action("resume")->isEnabled());
        clickAction(window, "resume");
        QTRY_COMPARE_WITH_TIMEOUT(window.model()->rowCount(), 1, 5000);
        const DownloadId again = window.model()->all().first().id;
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(again).state), stateName(DownloadState::Completed), 30000);
        QCOMPARE(fileSha256(dir.filePath("kept.bin")), sha256(r.data));
        // The kept bytes count from the start: the note says how much was already on disk.
        const QString note = manager.snapshot(again).note;
        static const QRegularExpression kept("Resumed: ([0-9.]+) MiB");
        const QRegularExpressionMatch m = kept.match(note);
        QVERIFY2(m.hasMatch() && m.captured(1).toDouble() * MiB >= double(keptDone) * 0.99, qPrintable(note));
        QCOMPARE(window.view()->selectionModel()->selectedRows().size(), 1); // selection kept
    }

    void removeKeepsFilesUnlessTheBoxNamingThemIsChecked()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(8 * MiB, 42);
        r.bytesPerSecond = 1 * MiB;
        server.setResource("/a.bin", r);
        server.setResource("/b.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        MainWindow window(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        window.show();
        QList<DownloadId> ids;
        for (const char *path : { "/a.bin", "/b.bin" }) {
            DownloadRequest request;
            request.url = QUrl(server.url(path));
            request.outputDir = dir.path();
            ids << window.addRequests({ request }).first();
        }
        for (DownloadId id : ids)
            QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(id).done > 512 * 1024, 30000);
        // Unchecked box: the unfinished file and its control file stay.
        selectDownload(window, ids[0]);
        QString said;
        answerNextMessageBox("Yes", &said);
        clickAction(window, "remove");
        QVERIFY2(said.contains(QDir::toNativeSeparators(dir.filePath("a.bin.part"))), qPrintable(said));
        QCOMPARE(window.model()->rowCount(), 1);
        QTest::qWait(0);
        QTRY_VERIFY(manager.snapshot(ids[0]).id == 0); // gone from the engine
        QVERIFY(QFile::exists(dir.filePath("a.bin.part")));
        QVERIFY(QFile::exists(dir.filePath("a.bin.bytehaul")));
        QVERIFY(loadControlFile(dir.filePath("a.bin.bytehaul")).state.has_value());
        // Checked: exactly the named files go.
        selectDownload(window, ids[1]);
        answerNextMessageBox("Yes", &said, true);
        clickAction(window, "remove");
        QVERIFY2(said.contains("b.bin"), qPrintable(said));
        QCOMPARE(window.model()->rowCount(), 0);
        QTRY_VERIFY(!QFile::exists(dir.filePath("b.bin.part")));
        QTRY_VERIFY(!QFile::exists(dir.filePath("b.bin.bytehaul")));
        QVERIFY(QFile::exists(dir.filePath("a.bin.part")));
    }

    void detailsPaneNamesEveryField()
    {
        DetailsPane pane;
        DownloadSnapshot s = snap(7, "x.iso", DownloadState::Failed, 100, 50);
        s.error = QString("checksum mismatch: expected %1, got %2").arg(QString(64, 'a'), QString(64, 'b'));
        pane.setSnapshot(&s);
        auto *form = pane.findChild<QFormLayout *>();
        QVERIFY(form);
        QStringList labels;
        for (int row = 0; row < form->rowCount(); ++row) {
            auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)
                                                     ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                                                     : nullptr);
            QVERIFY2(label && !label->text().isEmpty(), qPrintable(QString("row %1 has no label").arg(row)));
            labels << label->text();
        }
        QVERIFY2(labels.contains("Validators:") && labels.contains("Checksum:") && labels.contains("Note:")
                     && labels.contains("Retries:"),
                 qPrintable(labels.join(", ")));
        // The whole error is there (wrapping, selectable), the got-hash included.
        bool found = false;
        for (QLabel *l : pane.findChildren<QLabel *>()) {
            QString text = l->text();
            text.remove(QChar(0x200B));
            found |= text.contains(QString(64, 'b')) && l->wordWrap()
                && (l->textInteractionFlags() & Qt::TextSelectableByMouse);
        }
        QVERIFY(found);
    }

    // A page's links from the browser: listed, filtered by type (the types from Preferences
    // first), by text, and only the shown and checked ones are added.
    void addDialogListsAPagesLinksByType()
    {
        AddDialog dialog("/tmp", 4);
        dialog.setExistingUrls({ { QUrl("http://127.0.0.1:1/old.zip"), "old.zip" } });
        dialog.setLinks({ { QUrl("http://127.0.0.1:1/disc.iso"), "The disc" },
                          { QUrl("http://127.0.0.1:1/src.tar.gz"), "Sources" },
                          { QUrl("http://127.0.0.1:1/old.zip"), "Old" },
                          { QUrl("http://127.0.0.1:1/about.html"), "About us" },
                          { QUrl("http://127.0.0.1:1/clip.MP4?x=1"), "A clip" } },
                        "iso zip");
        dialog.show();
        QVERIFY(!dialog.findChild<QPlainTextEdit *>()->isVisible()); // the list instead of the box
        const auto urls = [&dialog] {
            QStringList out;
            for (const DownloadRequest &r : dialog.requests())
                out << r.url.fileName();
            return out;
        };
        QCOMPARE(dialog.shownLinkCount(), 2); // "Types from Preferences": disc.iso, old.zip
        QCOMPARE(urls(), QStringList { "disc.iso" }); // old.zip is in the list already
        auto *types = dialog.findChild<QComboBox *>();
        QVERIFY(types);
        types->setCurrentIndex(types->findText("All links"));
        QCOMPARE(dialog.shownLinkCount(), 5);
        QCOMPARE(urls(), (QStringList { "disc.iso", "src.tar.gz", "about.html", "clip.MP4" }));
        types->setCurrentIndex(types->findText("Video"));
        QCOMPARE(urls(), QStringList { "clip.MP4" }); // the ending counts, not the query, in any case
        types->setCurrentIndex(types->findText("Archives"));
        QCOMPARE(urls(), QStringList { "src.tar.gz" });
        types->setCurrentIndex(types->findText("All links"));
        auto *list = dialog.findChild<QListWidget *>();
        list->item(0)->setCheckState(Qt::Unchecked); // the user unticks disc.iso
        QCOMPARE(urls(), (QStringList { "src.tar.gz", "about.html", "clip.MP4" }));
        QLineEdit *filter = nullptr;
        for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
            filter = e->placeholderText().contains("Filter") ? e : filter;
        QVERIFY(filter);
        filter->setText("sources");
        QCOMPARE(urls(), QStringList { "src.tar.gz" }); // by the link's text on the page
        QPushButton *none = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            none = b->text() == "Check none" ? b : none;
        QVERIFY(none);
        none->click();
        QVERIFY(urls().isEmpty());
        QPushButton *add = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            add = b->isDefault() ? b : add;
        QVERIFY(!add->isEnabled()); // nothing to add
    }

    void addDialogKeysAddAndBadLinesAreSkipped()
    {
        {
            AddDialog dialog("/tmp", 4);
            dialog.setUrlsText("http://127.0.0.1:1/one.iso");
            dialog.show();
            auto *box = dialog.findChild<QPlainTextEdit *>();
            QVERIFY(box);
            box->setFocus();
            QTest::keyClick(box, Qt::Key_Return); // one line: Return adds
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.requests().size(), 1);
        }
        {
            AddDialog dialog("/tmp", 4);
            dialog.setUrlsText("http://127.0.0.1:1/one.iso\nnot a url\nftp://x/y\nhttp://127.0.0.1:1/two.iso");
            dialog.show();
            auto *box = dialog.findChild<QPlainTextEdit *>();
            box->setFocus();
            box->moveCursor(QTextCursor::End);
            QTest::keyClick(box, Qt::Key_Return); // several lines: Return is a new line
            QVERIFY(dialog.isVisible());
            QVERIFY(box->toPlainText().endsWith('\n'));
            QPushButton *add = nullptr;
            for (QPushButton *b : dialog.findChildren<QPushButton *>())
                add = b->isDefault() ? b : add;
            QVERIFY(add);
            QVERIFY2(add->isEnabled(), "bad lines must not block the good ones");
            QCOMPARE(dialog.requests().size(), 2);
            bool listed = false;
            for (QLabel *l : dialog.findChildren<QLabel *>())
                listed |= l->text().contains("Skipped: line 2") && l->text().contains("Skipped: line 3");
            QVERIFY(listed);
            QTest::keyClick(box, Qt::Key_Return, Qt::ControlModifier); // Ctrl+Return adds
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            AddDialog dialog("/tmp", 4);
            dialog.setExistingUrls({ { QUrl("http://127.0.0.1:1/one.iso"), "one.iso" } });
            dialog.setUrlsText("http://127.0.0.1:1/one.iso\nhttp://127.0.0.1:1/new.iso");
            QCOMPARE(dialog.requests().size(), 1); // the duplicate is pointed out and skipped
            QCOMPARE(dialog.requests().first().url, QUrl("http://127.0.0.1:1/new.iso"));
            QCheckBox *again = nullptr;
            for (QCheckBox *c : dialog.findChildren<QCheckBox *>())
                again = c->text().contains("again") ? c : again;
            QVERIFY(again);
            again->setChecked(true);
            QCOMPARE(dialog.requests().size(), 2);
            QVERIFY(!dialog.makeFolderDefault()); // a batch's folder is not the new default
        }
    }

    void droppedUrlsAreAddedAndTheClipboardIsUntouched()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(300000, 23);
        server.setResource("/dropped-1.bin", r);
        server.setResource("/dropped-2.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        MainWindow window(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        window.show();
        QApplication::clipboard()->setText("clipboard stays");
        QMimeData mime;
        mime.setData("text/uri-list", (server.url("/dropped-1.bin") + "\r\n" + server.url("/dropped-2.bin") + "\r\n").toUtf8());
        QWidget *target = window.view()->viewport();
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        QCOMPARE(window.model()->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(fileSha256(dir.filePath("dropped-1.bin")) == sha256(r.data)
                                     && fileSha256(dir.filePath("dropped-2.bin")) == sha256(r.data),
                                 30000);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("clipboard stays"));
    }

    // A browser download with "Show the Add dialog first": the dialog opens without blocking
    // (the browser is answered meanwhile), with the browser's name for the file, and what the
    // user adds keeps the browser's cookie (the server answers 403 without it).
    void aBrowserDownloadInTheAddDialogKeepsItsCookie()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(400000, 29);
        r.requireCookie = "sid=from-browser";
        server.setResource("/get", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        MainWindow window(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        window.show();
        bytehaul::app::BrowserCapture capture;
        capture.url = server.url("/get");
        capture.cookieHeader = "sid=from-browser";
        std::optional<bool> outcome;
        window.openAddDialog({ capture.url, "Named by the browser.iso", {}, bytehaul::app::captureContext(capture),
                               [&outcome](bool added) { outcome = added; } });
        AddDialog *dialog = window.findChild<AddDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(window.model()->rowCount(), 0); // nothing before the user says so
        QPushButton *add = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            add = b->isDefault() ? b : add;
        QVERIFY(add && add->isEnabled());
        QVERIFY(!outcome.has_value()); // the browser holds its download while the user decides
        add->click();
        QCOMPARE(outcome, std::optional<bool>(true)); // the browser may now drop its copy
        QCOMPARE(window.model()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(fileSha256(dir.filePath("Named by the browser.iso")) == sha256(r.data), 30000);
        for (const RequestLog &request : server.requests())
            QCOMPARE(request.headers.value("cookie"), QByteArray("sid=from-browser"));

        // Cancelled: the browser is told, and takes its download back.
        outcome.reset();
        window.openAddDialog({ capture.url, "Other.iso", {}, bytehaul::app::captureContext(capture),
                               [&outcome](bool added) { outcome = added; } });
        AddDialog *second = nullptr;
        for (AddDialog *d : window.findChildren<AddDialog *>())
            second = d->isVisible() ? d : second;
        QVERIFY(second);
        second->reject();
        QCOMPARE(outcome, std::optional<bool>(false));
        QCOMPARE(window.model()->rowCount(), 1);
    }

    // The browser's cookies go only to the origin they came for, even when the user changes
    // the address in the Add dialog (found by review: they went to any address typed there);
    // a page's referrer goes whole to its own site and as its origin elsewhere; a browser's
    // name that sanitising empties leaves the name to the server.
    void browserContextGoesOnlyWhereTheBrowserWouldSendIt()
    {
        bytehaul::app::BrowserCapture capture;
        capture.url = "https://files.example/get?id=1";
        capture.cookieHeader = "sid=1";
        capture.referrer = "https://files.example/page";
        capture.userAgent = "UA/1";
        const auto headerOf = [](const DownloadRequest &r, const QByteArray &name) {
            for (const auto &[n, v] : r.overrides.headers)
                if (n.compare(name, Qt::CaseInsensitive) == 0)
                    return v;
            return QByteArray();
        };
        DownloadRequest same;
        same.url = QUrl("https://files.example/other.bin");
        bytehaul::app::captureContext(capture)(same);
        QCOMPARE(headerOf(same, "Cookie"), QByteArray("sid=1"));
        QCOMPARE(same.overrides.userAgent, QByteArray("UA/1"));
        for (const char *elsewhere : { "https://evil.example/x", "http://files.example/x", "https://files.example:8443/x" }) {
            DownloadRequest other;
            other.url = QUrl(elsewhere);
            bytehaul::app::captureContext(capture)(other);
            QVERIFY2(headerOf(other, "Cookie").isEmpty(), elsewhere);
        }
        const DownloadRequest started = bytehaul::app::captureRequest(capture, "/tmp/d", 4);
        QCOMPARE(headerOf(started, "Cookie"), QByteArray("sid=1"));
        QVERIFY(started.outputPath.isEmpty()); // no name from the browser: the server's

        bytehaul::app::BrowserLinks links;
        links.pageUrl = "https://site.example/list/page.html?q=1";
        links.cookies = { { bytehaul::app::originOf("https://site.example/"), "s=2" } };
        DownloadRequest own;
        own.url = QUrl("https://site.example/a.iso");
        bytehaul::app::linksContext(links)(own);
        QCOMPARE(headerOf(own, "Referer"), QByteArray("https://site.example/list/page.html?q=1"));
        QCOMPARE(headerOf(own, "Cookie"), QByteArray("s=2"));
        DownloadRequest cdn;
        cdn.url = QUrl("https://cdn.example/a.iso");
        bytehaul::app::linksContext(links)(cdn);
        QCOMPARE(headerOf(cdn, "Referer"), QByteArray("https://site.example/"));
        QVERIFY(headerOf(cdn, "Cookie").isEmpty());

        for (const char *bad : { "..", "/", "  " }) {
            capture.fileName = bad;
            QVERIFY2(bytehaul::app::browserFileName(capture).isEmpty(), bad);
        }
        capture.fileName = "/home/u/Downloads/Disk 1.iso";
        QCOMPARE(bytehaul::app::browserFileName(capture), QString("Disk 1.iso"));
        capture.fileName = "download";
        QCOMPARE(bytehaul::app::browserFileName(capture), QString("download"));
    }

    void copiedLinksToFilesAreRecognised_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("offered");
        QTest::newRow("an ISO image?") << "https://example.org/debian-12.iso" << true;
        QTest::newRow("upper-case suffix?") << "http://example.org/Movie.MKV" << true;
        QTest::newRow("a tarball, with a query?") << "https://example.org/src.tar.xz?mirror=1" << true;
        QTest::newRow("a web page?") << "https://example.org/index.html" << false;
        QTest::newRow("no path?") << "https://example.org/" << false;
        QTest::newRow("ftp?") << "ftp://example.org/file.iso" << false;
        QTest::newRow("a suffix only in the query?") << "https://example.org/get?f=file.zip" << false;
    }

    void copiedLinksToFilesAreRecognised()
    {
        QFETCH(QString, url);
        QFETCH(bool, offered);
        QCOMPARE(ClipboardWatcher::looksDownloadable(QUrl(url)), offered);
    }

    void copiedLinkIsOfferedOnceAndTheClipboardIsOnlyRead()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(300000, 26);
        server.setResource("/copied.iso", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        QClipboard *clipboard = QApplication::clipboard();
        clipboard->setText(server.url("/before.iso")); // there before watching began: not offered
        UiPreferences prefs = prefsFor(dir.path());
        prefs.watchClipboard = true;
        MainWindow window(&manager, dir.filePath("queue.json"), prefs);
        window.show();
        QVERIFY(window.clipboardOffer().isEmpty());

        clipboard->setText("https://example.org/page.html"); // not a file
        QVERIFY(window.clipboardOffer().isEmpty());
        const QString link = server.url("/copied.iso");
        clipboard->setText(link);
        QTRY_COMPARE(window.clipboardOffer(), QList<QUrl> { QUrl(link) });
        QVERIFY2(window.statusBar()->currentMessage().contains(link), qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.model()->rowCount(), 0); // offered, not started
        window.acceptClipboardOffer();
        QCOMPARE(window.model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(fileSha256(dir.filePath("copied.iso")), sha256(r.data), 30000);
        QCOMPARE(clipboard->text(), link); // read, never written

        // The same link copied again, or copied by the window itself, is not offered again.
        clipboard->setText("x");
        clipboard->setText(link);
        QVERIFY(window.clipboardOffer().isEmpty());
        window.view()->selectRow(0);
        window.action("copyUrl")->trigger();
        QCOMPARE(clipboard->text(), link);
        QVERIFY(window.clipboardOffer().isEmpty());

        // Switched off in Preferences: nothing is offered.
        prefs.watchClipboard = false;
        window.setPreferences(prefs);
        clipboard->setText(server.url("/later.zip"));
        QVERIFY(window.clipboardOffer().isEmpty());
    }

    void newDownloadsTakeThePerDownloadLimitFromPreferences()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(100000, 27);
        server.setResource("/limited.bin", r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        UiPreferences prefs = prefsFor(dir.path());
        prefs.downloadRateLimit = 256 * 1024;
        MainWindow window(&manager, dir.filePath("queue.json"), prefs);
        DownloadRequest request;
        request.url = QUrl(server.url("/limited.bin"));
        request.outputDir = dir.path();
        const DownloadId id = window.addRequests({ request }).first();
        DownloadRequest own = request;
        own.overrides.rateLimit = 0; // set explicitly: kept
        const DownloadId unlimited = window.addRequests({ own }).first();
        QCOMPARE(waitFinished(manager, id).state, DownloadState::Completed);
        QCOMPARE(waitFinished(manager, unlimited).state, DownloadState::Completed);
        window.saveQueueNow();
        QueueStore store(dir.filePath("queue.json"));
        QString error;
        const QList<StoredDownload> saved = store.load(&error);
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.at(0).request.overrides.rateLimit.value_or(-1), 256 * 1024);
        QCOMPARE(saved.at(1).request.overrides.rateLimit.value_or(-1), 0);
    }

    void countsMoveToTopAndStartNow()
    {
        TestServer server;
        Resource r;
        r.data = TestServer::makeData(300000, 44);
        for (const char *path : { "/p1.bin", "/p2.bin", "/p3.bin" })
            server.setResource(path, r);
        QTemporaryDir dir;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        MainWindow window(&manager, dir.filePath("queue.json"), prefsFor(dir.path()));
        window.show();
        QList<DownloadRequest> requests;
        for (const char *path : { "/p1.bin", "/p2.bin", "/p3.bin" }) {
            DownloadRequest request;
            request.url = QUrl(server.url(path));
            request.outputDir = dir.path();
            request.startPaused = true;
            requests << request;
        }
        const QList<DownloadId> ids = window.addRequests(requests);
        // The new rows are selected; the categories and the status bar count them.
        QCOMPARE(window.view()->selectionModel()->selectedRows().size(), 3);
        QTRY_VERIFY(!window.findChild<QListWidget *>()->findItems("Paused (3)", Qt::MatchExactly).isEmpty());
        QStringList texts;
        QTRY_VERIFY([&] {
            texts.clear();
            for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
                texts << label->text();
            return texts.contains("3 paused");
        }());
        // Move to top: the last goes first, and stays selected.
        selectDownload(window, ids[2]);
        clickActionByName(window, "moveTop");
        QCOMPARE(window.model()->idAt(0), ids[2]);
        QCOMPARE(window.view()->selectionModel()->selectedRows().size(), 1);
        // Start now: that one runs, the others stay paused.
        QTRY_VERIFY(window.action("startNow")->isEnabled());
        clickActionByName(window, "startNow");
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(ids[2]).state), stateName(DownloadState::Completed), 20000);
        QCOMPARE(fileSha256(dir.filePath("p3.bin")), sha256(r.data));
        QCOMPARE(stateName(manager.snapshot(ids[0]).state), stateName(DownloadState::Paused));
    }

    void restartShowsEveryRowAsItWas()
    {
        TestServer server;
        Resource slow;
        slow.data = TestServer::makeData(8 * MiB, 43);
        slow.bytesPerSecond = 1 * MiB;
        server.setResource("/paused.bin", slow);
        QTemporaryDir dir;
        const QString queue = dir.filePath("queue.json");
        qint64 pausedDone = 0;
        {
            DownloadManager manager;
            manager.setDefaultOptions(fastOptions(2));
            MainWindow window(&manager, queue, prefsFor(dir.path()));
            DownloadRequest a;
            a.url = QUrl(server.url("/paused.bin"));
            a.outputDir = dir.path();
            const DownloadId paused = window.addRequests({ a }).first();
            QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(paused).done > 1 * MiB, 30000);
            QVERIFY(pauseAndWait(manager, paused));
            pausedDone = manager.snapshot(paused).done;
            DownloadRequest b;
            b.url = QUrl(server.url("/missing.bin"));
            b.outputDir = dir.path();
            const DownloadId failed = window.addRequests({ b }).first();
            QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(failed).state), stateName(DownloadState::Failed), 20000);
            QTRY_COMPARE(window.model()->snapshot(paused)->state, DownloadState::Paused);
            QTRY_COMPARE(window.model()->snapshot(failed)->state, DownloadState::Failed);
        }
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(2));
        MainWindow window(&manager, queue, prefsFor(dir.path()));
        QSignalSpy flushed(window.queue(), &QueueController::flushed);
        window.restoreQueue();
        QCOMPARE(window.model()->rowCount(), 2);
        QVERIFY(flushed.wait(10000)); // the engine's first snapshots, applied, must not blank the rows
        const DownloadSnapshot paused = window.model()->all().at(0);
        QCOMPARE(stateName(paused.state), stateName(DownloadState::Paused));
        QCOMPARE(paused.fileName, QString("paused.bin"));
        QCOMPARE(paused.total, 8 * MiB);
        QVERIFY2(paused.done >= pausedDone && paused.done < 8 * MiB, qPrintable(QString::number(paused.done)));
        QVERIFY(!paused.completedPieces.isEmpty());
        const DownloadSnapshot failed = window.model()->all().at(1);
        QCOMPARE(stateName(failed.state), stateName(DownloadState::Failed));
        QCOMPARE(failed.fileName, QString("missing.bin")); // a name, not the raw address
        QVERIFY(!failed.error.isEmpty());
    }

    void queueSurvivesARestartAndUnfinishedWorkContinues()
    {
        TestServer server;
        Resource done, unfinished;
        done.data = TestServer::makeData(200000, 24);
        unfinished.data = TestServer::makeData(8 * MiB, 25);
        unfinished.bytesPerSecond = 2 * MiB;
        server.setResource("/done.bin", done);
        server.setResource("/unfinished.bin", unfinished);
        QTemporaryDir dir;
        const QString queue = dir.filePath("queue.json");
        {
            DownloadManager manager;
            manager.setDefaultOptions(fastOptions(4));
            MainWindow window(&manager, queue, prefsFor(dir.path()));
            DownloadRequest a;
            a.url = QUrl(server.url("/done.bin"));
            a.outputDir = dir.path();
            const DownloadId first = window.addRequests({ a }).first();
            QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(first).state), stateName(DownloadState::Completed), 20000);
            DownloadRequest b;
            b.url = QUrl(server.url("/unfinished.bin"));
            b.outputDir = dir.path();
            const DownloadId second = window.addRequests({ b }).first();
            QTRY_VERIFY_WITH_TIMEOUT(manager.snapshot(second).done > 2 * MiB, 30000);
            QTRY_COMPARE_WITH_TIMEOUT(window.model()->snapshot(first)->state, DownloadState::Completed, 5000);
        } // the window saves the list, the manager saves the control file: like a quit
        QVERIFY(QFile::exists(queue));
        QVERIFY(QFile::exists(dir.filePath("unfinished.bin.bytehaul")));

        server.resource("/unfinished.bin").bytesPerSecond = 0;
        DownloadManager manager;
        manager.setDefaultOptions(fastOptions(4));
        MainWindow window(&manager, queue, prefsFor(dir.path()));
        window.restoreQueue();
        QCOMPARE(window.model()->rowCount(), 2);
        const DownloadSnapshot &restoredDone = window.model()->all().at(0);
        QCOMPARE(restoredDone.state, DownloadState::Completed);
        QCOMPARE(restoredDone.filePath, dir.filePath("done.bin"));
        const DownloadId resumed = window.model()->all().at(1).id;
        QTRY_COMPARE_WITH_TIMEOUT(stateName(manager.snapshot(resumed).state), stateName(DownloadState::Completed), 30000);
        QCOMPARE(manager.snapshot(resumed).filePath, dir.filePath("unfinished.bin")); // the same file, continued
        QVERIFY2(manager.snapshot(resumed).note.contains("Resumed"), qPrintable(manager.snapshot(resumed).note));
        QCOMPARE(fileSha256(dir.filePath("unfinished.bin")), sha256(unfinished.data));
    }
};

QTEST_MAIN(TestUi)
#include "tst_ui.moc"
