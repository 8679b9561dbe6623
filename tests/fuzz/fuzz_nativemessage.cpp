// libFuzzer target for the browser's native-messaging stream as bytehaul-nmhost reads it (what
// a web page can influence through the extension): framing, then the capture checks, bounded,
// never a crash.
#include "gui/instancemessage.h"
#include "nmhost/nativemessaging.h"

#include <cstdint>
#include <cstdlib>

using namespace bytehaul::app;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray buffer(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size > 0 && data[0] & 1) {
        // A valid length around the rest, so that the fuzzer reaches the content checks.
        const quint32 n = quint32(size - 1);
        buffer = QByteArray(reinterpret_cast<const char *>(&n), 4) + buffer.mid(1);
    }
    for (int frames = 0; frames < 16 && !buffer.isEmpty(); ++frames) {
        QJsonObject request;
        qsizetype used = 0;
        QString error;
        const NativeResult result = takeNativeFrame(buffer, &request, &used, &error);
        if (result == NativeResult::Incomplete || result == NativeResult::Fatal)
            break;
        if (used < 4 || used > buffer.size())
            std::abort();
        buffer.remove(0, used);
        if (result == NativeResult::Malformed)
            continue;
        InstanceMessage message;
        if (toMessage({ { QStringLiteral("capture"), request } }, &message, &error)) {
            if (!message.capture || message.capture->cookieHeader.contains('\n') || message.capture->cookieHeader.contains('\r')
                || message.capture->userAgent.contains('\n') || message.capture->cookieHeader.size() > kMaxCookieHeaderBytes)
                std::abort(); // nothing that could split a header gets through
        }
        (void)nativeFrame(request);
    }
    return 0;
}
