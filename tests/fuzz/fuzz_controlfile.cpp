// libFuzzer target for the control-file parser: whatever the bytes, parseControl() returns a
// state or an error, never crashes, and a state it returns survives a round trip.
#include "engine/controlfile.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>
#include <zlib.h>

using namespace bytehaul;

namespace {
void put32(QByteArray &out, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    QByteArray file;
    if (data[0] & 1) {
        file = input; // a raw file, header and all
    } else {
        // A valid header around fuzzed payload bytes, so the fuzzer reaches the payload parser.
        put32(file, kControlMagic);
        put32(file, (data[0] & 2) ? 1 : kControlVersion);
        put32(file, quint32(input.size()));
        put32(file, quint32(::crc32(0, reinterpret_cast<const Bytef *>(input.constData()), uInt(input.size()))));
        file += input;
    }
    const ControlFileResult result = parseControl(file);
    if (result.state.has_value() == !result.error.isEmpty())
        std::abort(); // exactly one of state and error
    if (result.state) {
        const ControlFileResult again = parseControl(serializeControl(*result.state));
        if (!again.state || again.state->completedBitset != result.state->completedBitset
            || again.state->totalSize != result.state->totalSize || again.state->segments.size() != result.state->segments.size())
            std::abort();
    }
    return 0;
}
