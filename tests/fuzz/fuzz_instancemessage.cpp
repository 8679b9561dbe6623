// libFuzzer target for the single-instance message (what any local process of the same user
// may send to the running bytehaul): framing and content, bounded, never a crash.
#include "gui/instancemessage.h"

#include <cstdint>
#include <cstdlib>

using namespace bytehaul::app;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray buffer(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size > 0 && data[0] & 1) {
        // A valid frame around the rest, so that the fuzzer reaches the content checks.
        QByteArray framed("BHI2");
        const quint32 n = quint32(size - 1);
        for (int i = 3; i >= 0; --i)
            framed.append(char((n >> (8 * i)) & 0xff));
        buffer = framed + buffer.mid(1);
    }
    for (int frames = 0; frames < 16 && !buffer.isEmpty(); ++frames) {
        QJsonObject object;
        qsizetype used = 0;
        QString error;
        const FrameResult result = takeFrame(buffer, &object, &used, &error);
        if (result != FrameResult::Complete)
            break;
        if (used <= 0 || used > buffer.size())
            std::abort();
        InstanceMessage message;
        if (toMessage(object, &message, &error) && message.urls.size() > kMaxUrls)
            std::abort();
        buffer.remove(0, used);
    }
    return 0;
}
