// bytehaul-stallbench: what a stalled connection costs a download, against the in-process test
// server on 127.0.0.1 (no internet). A 48 MiB file at 4 MiB/s per connection over 4
// connections (about 3 s), downloaded clean and with one answer that stalls:
//   - "headers, then nothing" on a connection that has already carried answers;
//   - "mid-answer": 256 KiB of the body, then nothing (the connection stays open).
// Runs are interleaved; prints the median wall time of each case, the extra time against the
// clean case, and how long the engine waited before it dropped the stalled connection (from
// its note). Every result's SHA-256 is checked. The target: a stall costs <= 1 s.
//   bytehaul-stallbench [repetitions]   (default 3)
#include "engine/downloadmanager.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace bytehaul;
using namespace bytehaul::test;

namespace {

constexpr qint64 MiB = 1024 * 1024;

struct Case
{
    const char *name;
    std::function<Fault(int, int)> fault;
    QList<double> wall;
    QList<double> detected;
};

double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int reps = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    const QByteArray data = TestServer::makeData(48 * MiB, 77);
    const QByteArray digest = sha256(data);
    QList<Case> cases;
    cases.append({ "clean", {}, {}, {} });
    cases.append({ "headers, then nothing", [](int i, int) {
                      Fault f;
                      f.stall = i == 8;
                      return f;
                  }, {}, {} });
    cases.append({ "mid-answer", [](int i, int) {
                      Fault f;
                      if (i == 8)
                          f.stallAfter = 256 * 1024;
                      return f;
                  }, {}, {} });
    const QRegularExpression noData(QStringLiteral("no data for ([0-9.]+) s"));
    bool ok = true;
    for (int rep = 0; rep < reps; ++rep) {
        for (Case &c : cases) {
            TestServer server;
            Resource r;
            r.data = data;
            r.bytesPerSecond = 4 * MiB;
            r.fault = c.fault;
            server.setResource("/f.bin", r);
            QTemporaryDir dir;
            DownloadManager manager;
            DownloadOptions o = fastOptions(4);
            o.readTimeout = std::chrono::minutes(2);
            manager.setDefaultOptions(o);
            double detected = -1;
            QObject::connect(&manager, &DownloadManager::downloadChanged, &manager, [&](const DownloadSnapshot &s) {
                const QRegularExpressionMatch m = noData.match(s.note);
                if (m.hasMatch())
                    detected = std::max(detected, m.captured(1).toDouble());
            });
            DownloadRequest request;
            request.url = QUrl(server.url(QStringLiteral("/f.bin")));
            request.outputDir = dir.path();
            QElapsedTimer clock;
            clock.start();
            const DownloadSnapshot s = waitFinished(manager, manager.add(request), 60000);
            const double wall = clock.elapsed() / 1000.0;
            if (s.state != DownloadState::Completed || fileSha256(s.filePath) != digest) {
                std::fprintf(stderr, "%s: not completed with the right bytes: %s\n", c.name, qPrintable(s.error));
                ok = false;
                continue;
            }
            c.wall.append(wall);
            if (detected >= 0)
                c.detected.append(detected);
            std::printf("rep %d  %-22s %6.2f s  connections %d%s\n", rep + 1, c.name, wall, server.connectionCount(),
                        detected >= 0 ? qPrintable(QStringLiteral("  dropped after %1 s").arg(detected)) : "");
            std::fflush(stdout);
        }
    }
    const double clean = median(cases.first().wall);
    std::printf("\n%-22s %8s %8s %10s\n", "case", "median", "extra", "dropped");
    for (const Case &c : std::as_const(cases)) {
        std::printf("%-22s %7.2fs %7.2fs %9.1fs\n", c.name, median(c.wall), median(c.wall) - clean, median(c.detected));
    }
    return ok ? 0 : 1;
}
