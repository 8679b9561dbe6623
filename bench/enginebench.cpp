// bytehaul-enginebench: what the engine's bookkeeping costs for a big download, without the
// network: the control-file save (serialize, then temp file + fsync + rename + directory
// fsync) and load for a 100 GiB download in 1 MiB pieces (102,400 pieces, half complete), the
// piece-map copy each progress snapshot carries, and the scheduler's work for a whole 100 GiB
// file received in 64 KiB chunks by 8 connections. Prints medians; CPU time is the process's
// user+sys for the phase.
//   bytehaul-enginebench [dir]   (dir: where the control file is saved; default: a temp dir)
#include "engine/controlfile.h"
#include "engine/crc32.h"
#include "engine/piecemap.h"
#include "engine/scheduler.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <sys/resource.h>
#include <zlib.h>

using namespace bytehaul;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Median wall time of `runs` calls, in milliseconds.
double medianMs(int runs, const std::function<void()> &f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

ControlState bigState()
{
    ControlState s;
    s.originalUrl = "https://example.org/big.img";
    s.finalUrl = s.originalUrl;
    s.totalSize = 100 * GiB;
    s.pieceSize = MiB;
    s.pieceCount = s.totalSize / s.pieceSize;
    PieceMap map(s.totalSize, s.pieceSize);
    for (qint64 p = 0; p < s.pieceCount; p += 2)
        map.setComplete(p);
    s.completedBitset = map.toBitset();
    s.pieceCrcs.resize(s.pieceCount);
    for (qint64 p = 0; p < s.pieceCount; ++p)
        s.pieceCrcs[p] = quint32(p * 2654435761u);
    for (int i = 0; i < 8; ++i)
        s.segments.append(
            { i * 12 * GiB + MiB, i * 12 * GiB + MiB + 300000, i * 12 * GiB + 2 * MiB });
    s.etag = "\"5f3c-1a2b3c\"";
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temp;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temp.path();
    const QString path = QDir(dir).filePath(QStringLiteral("bench.bin.bytehaul"));

    const ControlState state = bigState();
    QByteArray bytes;
    const double serializeMs = medianMs(21, [&] { bytes = serializeControl(state); });
    const double saveMs = medianMs(21, [&] {
        const QString error = saveControlFile(path, bytes);
        if (!error.isEmpty())
            std::fprintf(stderr, "save failed: %s\n", qPrintable(error));
    });
    const double cpuBefore = cpuSeconds();
    for (int i = 0; i < 20; ++i)
        saveControlFile(path, serializeControl(state));
    const double saveCpuMs = (cpuSeconds() - cpuBefore) * 1000 / 20;
    bool parsedOk = true;
    const double loadMs
        = medianMs(21, [&] { parsedOk = parsedOk && loadControlFile(path).state.has_value(); });
    std::printf("control file, 100 GiB in 1 MiB pieces (%lld pieces, half complete, 8 segments): "
                "%.1f KiB\n",
        static_cast<long long>(state.pieceCount), double(bytes.size()) / 1024);
    std::printf("  serialize      %8.2f ms (median of 21)\n", serializeMs);
    std::printf("  write durably  %8.2f ms (temp file, fsync, rename, directory fsync)\n", saveMs);
    std::printf("  one whole save %8.2f ms CPU (serialize and write)\n", saveCpuMs);
    std::printf("  load + verify  %8.2f ms%s\n", loadMs, parsedOk ? "" : "  (FAILED to parse)");
    std::printf("  at one save per 5 s: %.3f%% of one core\n", saveCpuMs / 5000 * 100);

    PieceMap map(100 * GiB, MiB);
    for (qint64 p = 0; p < map.pieceCount(); p += 3)
        map.setComplete(p);
    QByteArray copy;
    const double snapshotUs = medianMs(101, [&] {
        copy = map.toBitset();
        copy.detach(); // what crossing to the GUI thread costs at worst
    }) * 1000;
    std::printf(
        "progress snapshot's piece map (%.1f KiB): %.1f us per snapshot, at most 5 per second\n",
        double(copy.size()) / 1024, snapshotUs);

    // The piece checksum every downloaded byte goes through, against zlib's.
    QByteArray block(64 * MiB, Qt::Uninitialized);
    for (qsizetype i = 0; i < block.size(); ++i)
        block[i] = char(i * 131 + (i >> 12));
    quint32 sink = 0;
    const double oursMs = medianMs(7, [&] { sink ^= crc32Update(0, block); });
    const double zlibMs = medianMs(7, [&] {
        sink ^= quint32(
            ::crc32(0, reinterpret_cast<const Bytef *>(block.constData()), uInt(block.size())));
    });
    std::printf("piece CRC32: %.2f GB/s%s, zlib's crc32(): %.2f GB/s (%u)\n",
        double(block.size()) / oursMs / 1e6,
        crc32IsAccelerated() ? " (carry-less multiplication)" : "",
        double(block.size()) / zlibMs / 1e6, sink & 1);

    // The scheduler's bookkeeping for a whole 100 GiB file: 8 connections, 64 KiB chunks.
    const qint64 total = 100 * GiB, chunk = 64 * 1024;
    Scheduler scheduler(total, MiB, 256 * 1024);
    std::vector<Scheduler::Lease> leases(8);
    std::vector<qint64> position(8);
    for (int w = 0; w < 8; ++w) {
        leases[w] = scheduler.assign(w, 0, 8 - w);
        position[w] = leases[w].start;
    }
    const double schedCpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    qint64 now = 0, chunks = 0;
    while (!scheduler.isFinished()) {
        bool any = false;
        for (int w = 0; w < 8; ++w) {
            if (!leases[w].isValid())
                continue;
            any = true;
            const qint64 length = std::min(chunk, leases[w].end - position[w]);
            const Scheduler::Accepted a = scheduler.accept(w, leases[w], position[w], length, now);
            position[w] += length;
            ++chunks;
            if (a.streamDone || position[w] >= leases[w].end) {
                scheduler.release(w, leases[w]);
                leases[w] = scheduler.assign(w, now, 1);
                position[w] = leases[w].start;
            }
        }
        now += 1;
        if (!any)
            break;
    }
    const double schedCpu = cpuSeconds() - schedCpu0;
    std::printf("scheduler, 100 GiB in %lld chunks of 64 KiB on 8 connections: %.2f s CPU (%.1f ms "
                "per GiB)%s\n",
        static_cast<long long>(chunks), schedCpu, schedCpu * 1000 / 100,
        scheduler.isFinished() ? "" : "  (did NOT finish)");
    Q_UNUSED(wall);
    return scheduler.isFinished() && parsedOk ? 0 : 1;
}
