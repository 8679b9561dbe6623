// libFuzzer target for the probe's judgement (engine/probe.h): a status line and headers as a
// server may send them, "STATUS\nName: value\n...". Whatever they say: no crash, and a Ranged
// verdict always describes a usable first range (0 < probeEnd <= the piece, <= the total);
// a Stream's total is unknown or sane.
#include "engine/httpparse.h"
#include "engine/probe.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstdlib>

using namespace bytehaul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');
    ProbeAnswer answer;
    answer.status = lines.value(0).left(3).toInt();
    answer.finished = lines.value(0).size() > 3 && lines.value(0).at(3) == 'F';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            answer.headers.append({ lines[i].left(colon), lines[i].mid(colon + 1).trimmed() });
    }
    for (bool plainGet : { false, true }) {
        const qint64 piece = 1 << 20;
        const ProbeResult r = judgeProbe(answer, piece, plainGet, QStringLiteral("http://h/f"));
        switch (r.path) {
        case ProbeResult::Path::Ranged:
            if (plainGet || answer.status != 206 || r.probeEnd <= 0 || r.probeEnd > piece || r.identity.total < r.probeEnd
                || r.identity.total > kMaxSaneSize)
                std::abort();
            break;
        case ProbeResult::Path::Stream:
            if (answer.status != 200 || r.identity.total < -1 || r.identity.total > kMaxSaneSize)
                std::abort();
            break;
        case ProbeResult::Path::Invalid:
            if (r.reason.isEmpty())
                std::abort();
            break;
        default:
            break;
        }
    }
    return 0;
}
