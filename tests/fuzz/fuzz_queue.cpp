// libFuzzer target for the saved download list (queue.json): whatever the file holds, it loads
// as downloads or as empty with an error, never a crash or undefined behaviour (a size of 1e300
// once reached a double-to-integer conversion).
#include "ui/queuestore.h"

#include <cstdint>
#include <cstdlib>

using namespace bytehaul;
using namespace bytehaul::ui;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size > 0 && data[0] & 1) // inside a valid envelope, to reach the entries
        json = "{\"format\":1,\"downloads\":[" + json.mid(1) + "]}";
    const QList<StoredDownload> list = QueueStore::parse(json);
    for (const StoredDownload &d : list) {
        if (!d.request.url.isValid() || d.done < 0 || d.total < -1)
            std::abort();
    }
    return 0;
}
