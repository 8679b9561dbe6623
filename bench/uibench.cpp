// GUI responsiveness benchmark (not a test): a queue of 10,000 rows with 50 active downloads
// updated the way the engine does it (batched, a few times a second), in a real QTableView
// behind the sort/filter proxy. Prints the GUI thread's busy share and its longest stall.
#include "engine/downloadtypes.h"
#include "ui/downloadfilterproxy.h"
#include "ui/downloadlistmodel.h"
#include "ui/progressdelegate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace bytehaul;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int active = argc > 2 ? std::atoi(argv[2]) : 50;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 10;

    ui::DownloadListModel model;
    ui::DownloadFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setItemDelegateForColumn(ui::DownloadListModel::Progress, new ui::ProgressDelegate(&view));
    view.setSortingEnabled(true);
    view.sortByColumn(ui::DownloadListModel::Speed, Qt::DescendingOrder); // the worst case: resorting
    view.resize(1000, 700);
    view.show();

    QList<DownloadSnapshot> all;
    for (int i = 0; i < rows; ++i) {
        DownloadSnapshot s;
        s.id = DownloadId(i + 1);
        s.fileName = QStringLiteral("file-%1.iso").arg(i);
        s.url = QUrl(QStringLiteral("http://example.org/file-%1.iso").arg(i));
        s.state = i < active ? DownloadState::Downloading : (i % 3 ? DownloadState::Completed : DownloadState::Paused);
        s.total = qint64(1) << 30;
        s.done = i < active ? 0 : s.total;
        s.added = QDateTime::currentDateTime();
        all.append(s);
    }
    QElapsedTimer fill;
    fill.start();
    model.applySnapshots(all);
    const qint64 fillMs = fill.elapsed();

    qint64 busyNs = 0;
    qint64 longestStallMs = 0;
    QElapsedTimer wall, lastTick;
    wall.start();
    lastTick.start();
    // A probe timer: how late does the GUI thread get to it?
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        longestStallMs = std::max(longestStallMs, lastTick.elapsed() - 5);
        lastTick.restart();
    });
    probe.start();
    // The engine's batches: every 200 ms, all active downloads change.
    QTimer updates;
    updates.setInterval(200);
    int tick = 0;
    QObject::connect(&updates, &QTimer::timeout, [&] {
        QElapsedTimer busy;
        busy.start();
        QList<DownloadSnapshot> batch;
        ++tick;
        for (int i = 0; i < active; ++i) {
            DownloadSnapshot s = all[i];
            s.done = std::min(s.total, qint64(tick) * (1 << 20) * (i + 1) / 10);
            s.speed = double((i + 1) * 1000000 + tick);
            s.etaSeconds = 100 - tick % 100;
            s.connections = 8;
            batch.append(s);
        }
        model.applySnapshots(batch);
        view.viewport()->repaint(); // include painting in the measured time
        busyNs += busy.nsecsElapsed();
    });
    updates.start();
    QTimer::singleShot(seconds * 1000, &app, &QApplication::quit);
    app.exec();
    const double busyShare = double(busyNs) / 1e6 / double(wall.elapsed());
    std::printf("rows %d, active %d, %d s: fill %lld ms; GUI busy %.1f%% (target <= 10%%); "
                "longest stall %lld ms (target <= 50 ms)\n",
                rows, active, seconds, static_cast<long long>(fillMs), busyShare * 100,
                static_cast<long long>(longestStallMs));
    return 0;
}
