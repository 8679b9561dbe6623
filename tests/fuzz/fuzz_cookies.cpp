// libFuzzer target for the cookies file (Netscape format, from --load-cookies): any bytes give
// cookies and per-line problems, never a crash; every cookie has a name and a domain.
#include "engine/cookiefile.h"

#include <cstdint>
#include <cstdlib>

using namespace bytehaul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const CookieFile file = parseNetscapeCookies(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const QNetworkCookie &c : file.cookies) {
        if (c.name().isEmpty() || c.domain().isEmpty())
            std::abort();
    }
    return 0;
}
