// libFuzzer target for file names from servers: a Content-Disposition header and a URL path,
// whatever their bytes, give a safe single name: not empty, no separator, no control, bidi or
// zero-width character, no lone surrogate, at most kMaxNameBytes of UTF-8, never one of
// bytehaul's own names (.bytehaul, .part).
#include "engine/filenames.h"

#include <QByteArray>
#include <QUrl>

#include <cstdint>
#include <cstdlib>

using namespace bytehaul;

namespace {
void check(const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name == QLatin1String(".")
        || name == QLatin1String("..") || name.startsWith(QLatin1Char('.')))
        std::abort();
    if (name.toUtf8().size() > kMaxNameBytes || QString::fromUtf8(name.toUtf8()) != name)
        std::abort(); // too long, or a lone surrogate
    for (const QChar c : name) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || (u >= 0x200b && u <= 0x200f)
            || u == 0xfeff)
            std::abort();
    }
    if (name.endsWith(QLatin1String(".bytehaul"), Qt::CaseInsensitive) || name.endsWith(QLatin1String(".part"), Qt::CaseInsensitive))
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    // "header\npath": the first line is the header, the rest a URL path.
    const qsizetype nl = input.indexOf('\n');
    const QByteArray header = nl < 0 ? input : input.left(nl);
    const QByteArray path = nl < 0 ? QByteArray() : input.mid(nl + 1);
    QUrl url(QStringLiteral("http://h/"));
    url.setPath(QString::fromUtf8(path), QUrl::TolerantMode);
    check(chooseFileName(header, url));
    check(sanitizeFileName(fileNameFromContentDisposition(header)));
    check(sanitizeFileName(QString::fromUtf8(input)));
    check(sanitizeFileName(QString::fromUtf16(reinterpret_cast<const char16_t *>(data), qsizetype(size / 2))));
    return 0;
}
