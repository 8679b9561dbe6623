// bytehaul: the desktop application. Composition root: settings, engine, window.
#include "engine/downloadmanager.h"
#include "gui/appsettings.h"
#include "ui/mainwindow.h"
#include "ui/urlinput.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkProxyFactory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, 2); // see bytehaul-cli's main: keeps peak RSS near the memory budget
#endif
    QApplication app(argc, argv);
    QNetworkProxyFactory::setUseSystemConfiguration(true); // the desktop's / environment's proxy
    QApplication::setApplicationName(QStringLiteral("bytehaul"));
    QApplication::setOrganizationName(QStringLiteral("bytehaul"));
    QApplication::setApplicationVersion(QStringLiteral(BYTEHAUL_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/bytehaul/icons/bytehaul.svg")));
    QApplication::setDesktopFileName(QStringLiteral("bytehaul"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "bytehaul download manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("URL"), QApplication::translate("main", "Addresses to download."),
                                 QStringLiteral("[URL...]"));
    parser.process(app);

    bytehaul::app::AppSettings settings;
    bytehaul::DownloadManager manager;
    bytehaul::ui::MainWindow window(&manager, bytehaul::app::AppSettings::queueFile(), settings.preferences());
    QObject::connect(&window, &bytehaul::ui::MainWindow::preferencesChanged, &window,
                     [&settings](const bytehaul::ui::UiPreferences &p) { settings.setPreferences(p); });
    window.restoreGeometry(settings.windowGeometry());
    window.restoreViewState(settings.headerState());
    window.restoreQueue();
    const bytehaul::ui::ParsedUrls fromArgs = bytehaul::ui::parseUrlLines(parser.positionalArguments().join(QLatin1Char('\n')));
    if (!fromArgs.urls.isEmpty())
        window.addFromUrls(fromArgs, false);
    window.show();
    const int code = app.exec();
    settings.setWindowGeometry(window.saveGeometry());
    settings.setHeaderState(window.saveViewState());
    window.saveQueueNow();
    return code;
}
