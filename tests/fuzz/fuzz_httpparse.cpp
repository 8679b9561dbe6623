// libFuzzer target for the response parsers: Content-Range, Content-Length, Retry-After,
// header tokens and values, sizes. Whatever the bytes: no crash, no undefined behaviour, and
// every value returned within its promised bounds.
#include "engine/httpparse.h"

#include <QByteArray>
#include <QDateTime>

#include <cstdint>
#include <cstdlib>

using namespace bytehaul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto cr = parseContentRange(input)) {
        if (cr->total < -1 || cr->total > kMaxSaneSize)
            std::abort();
        if (cr->start >= 0 && (cr->end < cr->start || (cr->total >= 0 && cr->end >= cr->total)))
            std::abort();
        if (cr->start < 0 && cr->total < 0)
            std::abort();
    }
    if (const auto len = parseContentLength(input); len && (*len < 0 || *len > kMaxSaneSize))
        std::abort();
    const std::chrono::milliseconds cap(5 * 60 * 1000);
    if (const auto wait = parseRetryAfter(input, QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC), cap);
        wait && (wait->count() < 0 || *wait > cap))
        std::abort();
    if (isHeaderValue(input) && (input.contains('\r') || input.contains('\n') || input.contains('\0')))
        std::abort();
    if (isHeaderName(input) && (input.isEmpty() || input.contains(' ') || input.contains(':')))
        std::abort();
    if (const auto s = parseSize(QString::fromUtf8(input)); s && *s < 0)
        std::abort();
    return 0;
}
