// bytehaul: the desktop application. Composition root: settings, engine, window.
#include "engine/downloadmanager.h"
#include "engine/filenames.h"
#include "engine/messagefilter.h"
#include "gui/appsettings.h"
#include "gui/browserintegration.h"
#include "gui/browserrequests.h"
#include "gui/networkpreferences.h"
#include "gui/singleinstance.h"
#include "translations/languages.h"
#include "ui/mainwindow.h"
#include "ui/urlinput.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkProxyFactory>

#include <QSocketNotifier>
#include <QUuid>

#include <csignal>
#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// "Set up for my browsers" (Preferences) and --setup-browsers: the host manifests for this
// user, pointing at the bytehaul-nmhost beside this program. The first line says whether it
// worked ("!" first when not), the others what was written where.
QStringList setUpBrowsers()
{
    const QString host = bytehaul::app::hostBesideProgram(QCoreApplication::applicationDirPath());
    if (!QFileInfo(host).isExecutable())
        return { QLatin1Char('!') + QCoreApplication::translate("main", "The browser helper %1 is missing: reinstall bytehaul.").arg(QDir::toNativeSeparators(host)) };
    QStringList errors;
    const QStringList written = bytehaul::app::writeUserHostManifests(host, &errors);
    QStringList lines;
    if (errors.isEmpty())
        lines << QCoreApplication::translate("main", "Done. Install bytehaul's extension in your browser (see the README); it finds bytehaul through these files:");
    else
        lines << QLatin1Char('!') + QCoreApplication::translate("main", "Some browsers could not be set up:") << errors;
    lines += written;
    // The extension's packages, installed beside (the .deb: /usr/share/bytehaul/browser).
    const QString packages = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/bytehaul/browser"));
    if (QFileInfo::exists(packages + QStringLiteral("/chromium/manifest.json"))) {
        lines << QCoreApplication::translate("main", "The extension for Chromium, Chrome, Brave, Vivaldi and Edge: %1 (Extensions, Developer mode, Load unpacked).")
                     .arg(QDir::toNativeSeparators(QDir::cleanPath(packages + QStringLiteral("/chromium"))))
              << QCoreApplication::translate("main", "The extension for Firefox: %1.")
                     .arg(QDir::toNativeSeparators(QDir::cleanPath(packages + QStringLiteral("/bytehaul-firefox.xpi"))));
    }
    return lines;
}

// --setup-browsers needs no display (it may run over ssh, or from a script): handled before
// QApplication, which would need one.
int setUpBrowsersAndExit(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bytehaul"));
    QCoreApplication::setOrganizationName(QStringLiteral("bytehaul"));
    bytehaul::installTranslations(bytehaul::app::AppSettings().preferences().language);
    const QStringList lines = setUpBrowsers();
    std::fputs(qPrintable(lines.join(QLatin1Char('\n')) + QLatin1Char('\n')), stdout);
    return lines.first().startsWith(QLatin1Char('!')) ? 1 : 0;
}

} // namespace
#ifdef Q_OS_UNIX
#include <unistd.h>

namespace {
int g_signalPipe[2] = { -1, -1 };
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &c, 1);
}
} // namespace
#endif

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, 2); // see bytehaul-cli's main: keeps peak RSS near the memory budget
#endif
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--setup-browsers") == 0)
            return setUpBrowsersAndExit(argc, argv);
    }
    QApplication app(argc, argv);
    bytehaul::installMessageFilter(); // Qt's internal warnings are not our output (BYTEHAUL_DEBUG=1 shows them)
    QNetworkProxyFactory::setUseSystemConfiguration(true); // the desktop's / environment's proxy
    QApplication::setApplicationName(QStringLiteral("bytehaul"));
    QApplication::setOrganizationName(QStringLiteral("bytehaul"));
    QApplication::setApplicationVersion(QStringLiteral(BYTEHAUL_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/bytehaul/icons/bytehaul.svg")));
    QApplication::setDesktopFileName(QStringLiteral("bytehaul"));
    bytehaul::app::AppSettings settings;
    bytehaul::installTranslations(settings.preferences().language); // empty: the system's

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "bytehaul download manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("URL"), QApplication::translate("main", "Addresses to download."),
                                 QStringLiteral("[URL...]"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QApplication::translate("main", "Start hidden in the system tray."));
    parser.addOption(minimized);
    const QCommandLineOption setupBrowsers(QStringLiteral("setup-browsers"),
                                           QApplication::translate("main", "Register bytehaul's browser helper with your web browsers (for this user) and exit."));
    parser.addOption(setupBrowsers); // listed in --help; handled before QApplication
    parser.process(app);

    // One instance per user: a second start hands its URLs to the first and exits.
    bytehaul::app::SingleInstance instance;
    if (instance.handOver(parser.positionalArguments(), !parser.isSet(minimized)))
        return 0;
    instance.listen();

    bytehaul::DownloadManager manager;
    bytehaul::app::applyNetworkPreferences(&manager, settings.preferences());
    bytehaul::ui::MainWindow window(&manager, bytehaul::app::AppSettings::queueFile(), settings.preferences());
    QObject::connect(&window, &bytehaul::ui::MainWindow::preferencesChanged, &window,
                     [&settings, &manager, &window](const bytehaul::ui::UiPreferences &p) {
                         if (p.language != settings.preferences().language)
                             bytehaul::installTranslations(p.language); // the window retranslates itself
                         settings.setPreferences(p);
                         if (const QString warning = bytehaul::app::applyNetworkPreferences(&manager, p); !warning.isEmpty())
                             window.showMessage(warning);
                     });
    window.restoreGeometry(settings.windowGeometry());
    window.restoreViewState(settings.headerState());
    window.restoreQueue();
    const bytehaul::ui::ParsedUrls fromArgs = bytehaul::ui::parseUrlLines(parser.positionalArguments().join(QLatin1Char('\n')));
    if (!fromArgs.urls.isEmpty())
        window.addFromUrls(fromArgs, false);
    // A download the browser handed over (bytehaul-nmhost): started at once with the browser's
    // cookies for that address, its referrer and User-Agent, and acknowledged with its id only
    // once it is in the queue (the browser cancels its own copy only then). Or, per
    // Preferences, the Add dialog opens with it (acknowledged with id 0: the user decides
    // there). The cookies stay in memory with the download: the saved queue keeps addresses
    // and names, never headers. A page's links open the Add dialog to pick from.
    QHash<QString, QString> dialogOutcomes; // capture token -> "pending", "added", "cancelled"
    instance.setHandler([&window, &dialogOutcomes](const bytehaul::app::InstanceMessage &message) -> QJsonObject {
        if (!message.outcomeToken.isEmpty()) {
            const QString state = dialogOutcomes.value(message.outcomeToken, QStringLiteral("unknown"));
            if (state != QLatin1String("pending"))
                dialogOutcomes.remove(message.outcomeToken); // told once
            return { { QStringLiteral("ok"), true }, { QStringLiteral("state"), state } };
        }
        if (message.links) {
            const bytehaul::app::BrowserLinks links = *message.links;
            bytehaul::ui::MainWindow::AddDialogInput input;
            for (const bytehaul::app::PageLink &link : links.links)
                input.links.append({ QUrl(link.url), link.text });
            input.decorate = bytehaul::app::linksContext(links);
            window.openAddDialog(input);
            return { { QStringLiteral("ok"), true }, { QStringLiteral("links"), double(links.links.size()) } };
        }
        if (!message.capture)
            return { { QStringLiteral("ok"), true } };
        const bytehaul::app::BrowserCapture &capture = *message.capture;
        const QString name = bytehaul::app::browserFileName(capture);
        // The cookies only for their own origin: the Add dialog lets the user change the address.
        const bytehaul::app::RequestDecorator decorate = bytehaul::app::captureContext(capture);
        if (window.preferences().captureAskFirst) {
            // The browser holds its download until the user decides here; it asks with the
            // token ({"outcome"}), and takes it back when the user cancels (or bytehaul quits).
            const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
            dialogOutcomes.insert(token, QStringLiteral("pending"));
            window.openAddDialog({ capture.url, name, {}, decorate, [&dialogOutcomes, token](bool added) {
                                      dialogOutcomes.insert(token, added ? QStringLiteral("added") : QStringLiteral("cancelled"));
                                  } });
            return { { QStringLiteral("ok"), true }, { QStringLiteral("id"), 0 }, { QStringLiteral("dialog"), true },
                     { QStringLiteral("token"), token } };
        }
        const QList<bytehaul::DownloadId> ids = window.addRequests(
            { bytehaul::app::captureRequest(capture, window.preferences().defaultDirectory, window.preferences().connections) });
        if (ids.isEmpty())
            return { { QStringLiteral("ok"), false }, { QStringLiteral("error"), QStringLiteral("not added") } };
        return { { QStringLiteral("ok"), true }, { QStringLiteral("id"), double(ids.first()) } };
    });
    QObject::connect(&instance, &bytehaul::app::SingleInstance::lateCaptureRefused, &window, [&window](const QString &url) {
        window.showMessage(QApplication::translate("main", "A download from the browser came too late and stays in the browser: %1")
                               .arg(QUrl(url).toDisplayString(QUrl::RemoveUserInfo)));
    });
    window.setBrowserSetup([] { return setUpBrowsers().join(QLatin1Char('\n')); });
    QObject::connect(&instance, &bytehaul::app::SingleInstance::received, &window,
                     [&window](const QStringList &urls, bool raise) {
                         const auto parsed = bytehaul::ui::parseUrlLines(urls.join(QLatin1Char('\n')));
                         if (!parsed.urls.isEmpty())
                             window.addFromUrls(parsed, false);
                         if (raise) {
                             window.show();
                             window.raise();
                             window.activateWindow();
                         }
                     });
    const bool startHidden = parser.isSet(minimized) || window.preferences().startMinimized;
    if (!startHidden || !window.hasTray())
        window.show();
#ifdef Q_OS_UNIX
    // SIGTERM / SIGINT (a logout, `kill`): quit as from the menu, saving every download.
    if (::pipe(g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier, &window] {
            char c;
            [[maybe_unused]] auto n = ::read(g_signalPipe[0], &c, 1);
            notifier->setEnabled(false);
            window.quitApplication();
        });
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
#endif
    const int code = app.exec();
    settings.setWindowGeometry(window.saveGeometry());
    settings.setHeaderState(window.saveViewState());
    window.saveQueueNow();
    return code;
}
