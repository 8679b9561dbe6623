#include "engine/filenames.h"

#include "engine/safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QStringDecoder>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace bytehaul {

namespace {

// Splits "a; b=c; d=\"e;f\"" into parameters, honouring quoted strings with backslash escapes.
QList<std::pair<QByteArray, QByteArray>> parseParameters(const QByteArray &header)
{
    QList<std::pair<QByteArray, QByteArray>> params;
    qsizetype i = 0;
    const qsizetype n = header.size();
    while (i < n) {
        while (i < n && (header[i] == ';' || header[i] == ' ' || header[i] == '\t'))
            ++i;
        qsizetype keyStart = i;
        while (i < n && header[i] != '=' && header[i] != ';')
            ++i;
        const QByteArray key = header.mid(keyStart, i - keyStart).trimmed().toLower();
        QByteArray value;
        if (i < n && header[i] == '=') {
            ++i;
            while (i < n && (header[i] == ' ' || header[i] == '\t'))
                ++i;
            if (i < n && header[i] == '"') {
                ++i;
                while (i < n && header[i] != '"') {
                    if (header[i] == '\\' && i + 1 < n)
                        ++i;
                    value.append(header[i]);
                    ++i;
                }
                ++i; // closing quote
                while (i < n && header[i] != ';')
                    ++i;
            } else {
                qsizetype vs = i;
                while (i < n && header[i] != ';')
                    ++i;
                value = header.mid(vs, i - vs).trimmed();
            }
        }
        if (!key.isEmpty())
            params.append({ key, value });
    }
    return params;
}

// RFC 5987 ext-value: charset'lang'percent-encoded
QString decodeExtValue(const QByteArray &value)
{
    const qsizetype q1 = value.indexOf('\'');
    const qsizetype q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
    if (q2 < 0)
        return {};
    const QByteArray charset = value.left(q1).trimmed().toLower();
    const QByteArray bytes = QByteArray::fromPercentEncoding(value.mid(q2 + 1));
    if (charset == "utf-8") {
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString s = decoder(bytes);
        return decoder.hasError() ? QString() : s;
    }
    if (charset == "iso-8859-1")
        return QString::fromLatin1(bytes);
    return {};
}

bool isReservedWindowsName(const QString &base)
{
    static const QStringList reserved = { QStringLiteral("CON"), QStringLiteral("PRN"),
                                          QStringLiteral("AUX"), QStringLiteral("NUL") };
    const QString upper = base.toUpper();
    if (reserved.contains(upper))
        return true;
    if (upper.size() == 4 && (upper.startsWith(QLatin1String("COM")) || upper.startsWith(QLatin1String("LPT")))
        && upper[3] >= QLatin1Char('1') && upper[3] <= QLatin1Char('9'))
        return true;
    return false;
}

// "a.tar.gz" -> {"a", ".tar.gz"}; "a.txt" -> {"a", ".txt"}; ".x" / "x" -> {name, ""}
std::pair<QString, QString> splitExtension(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || name.size() - dot > 16)
        return { name, QString() };
    qsizetype start = dot;
    if (name.left(dot).endsWith(QLatin1String(".tar"), Qt::CaseInsensitive) && dot > 4)
        start = dot - 4;
    return { name.left(start), name.mid(start) };
}

} // namespace

QString fileNameFromContentDisposition(const QByteArray &header)
{
    QString plain;
    QString extended;
    for (const auto &[key, value] : parseParameters(header)) {
        if (key == "filename*" && extended.isEmpty())
            extended = decodeExtValue(value);
        else if (key == "filename" && plain.isEmpty()) {
            QStringDecoder decoder(QStringDecoder::Utf8);
            plain = decoder(value);
            if (decoder.hasError())
                plain = QString::fromLatin1(value);
        }
    }
    return extended.isEmpty() ? plain : extended;
}

QString fileNameFromUrl(const QUrl &url)
{
    // Split before decoding: an encoded "%2F" is part of the name, not a separator.
    const QList<QByteArray> segments = url.path(QUrl::FullyEncoded).toUtf8().split('/');
    for (auto it = segments.crbegin(); it != segments.crend(); ++it) {
        if (!it->isEmpty())
            return QUrl::fromPercentEncoding(*it);
    }
    return {};
}

QString sanitizeFileName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            continue; // control characters vanish
        // A surrogate stays only as half of a pair (found by fuzz_filename: a lone one made a
        // name that is not valid text).
        if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, name.at(i + 1));
            if (QChar::category(ucs4) != QChar::Other_Format) { // tags (U+E0000-E007F) are invisible
                out.append(c);
                out.append(name.at(i + 1));
            }
            ++i;
            continue;
        }
        if (c.isSurrogate())
            continue;
        // So do the invisible ones that make a name look like another: every format character
        // (bidi overrides and isolates: "invoice\u202Egpj.exe" shows as "invoiceexe.jpg";
        // zero-width characters and marks, the soft hyphen, tags), line separators, and the
        // Hangul fillers that render as nothing (found by review: U+2064, U+00AD, U+E0001).
        if (c.category() == QChar::Other_Format || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph || u == 0x115f || u == 0x1160 || u == 0x3164 || u == 0xffa0)
            continue;
        if (QStringLiteral("/\\:*?\"<>|").contains(c))
            out.append(QLatin1Char('_'));
        else
            out.append(c);
    }
    // No leading dots or spaces (no "..", no hidden files); no trailing ones (Windows drops them).
    qsizetype b = 0;
    while (b < out.size() && (out[b] == QLatin1Char('.') || out[b].isSpace()))
        ++b;
    qsizetype e = out.size();
    while (e > b && (out[e - 1] == QLatin1Char('.') || out[e - 1].isSpace()))
        --e;
    out = out.mid(b, e - b);
    if (out.isEmpty())
        return QStringLiteral("download");

    auto [base, ext] = splitExtension(out);
    if (isReservedWindowsName(base) || isReservedWindowsName(base.section(QLatin1Char('.'), 0, 0)))
        base.append(QLatin1Char('_'));

    // At most kMaxNameBytes of UTF-8, keeping the extension, so that "<name> (99).bytehaul.tmp..."
    // still fits a file system's 255 bytes (one byte kept for the '_' below); cut on a code
    // point boundary (never half a surrogate pair: 100 emoji once ended in '?').
    const qsizetype limit = kMaxNameBytes - 1 - ext.toUtf8().size();
    while (!base.isEmpty() && base.toUtf8().size() > limit) {
        base.chop(1);
        if (!base.isEmpty() && base.back().isHighSurrogate())
            base.chop(1);
    }
    if (ext.isEmpty()) {
        while (!base.isEmpty() && (base.back() == QLatin1Char('.') || base.back().isSpace()))
            base.chop(1); // a cut may end in a dot or a space, which Windows drops
    }
    if (base.isEmpty())
        base = QStringLiteral("download");
    // Never one of bytehaul's own names: a server must not plant a control file (or what looks
    // like a partial download) next to a future download. Checked last, on the final name (found
    // by fuzz_filename: a cut once produced "....part").
    QString result = base + ext;
    if (result.endsWith(QLatin1String(".bytehaul"), Qt::CaseInsensitive) || result.endsWith(QLatin1String(".part"), Qt::CaseInsensitive)
        || result.contains(QLatin1String(".bytehaul."), Qt::CaseInsensitive))
        result.append(QLatin1Char('_'));
    return result;
}

QString chooseFileName(const QByteArray &contentDisposition, const QUrl &url)
{
    QString name = fileNameFromContentDisposition(contentDisposition);
    if (sanitizeFileName(name) == QLatin1String("download"))
        name = fileNameFromUrl(url);
    return sanitizeFileName(name);
}

namespace {

QMutex g_reservedMutex;
QSet<QString> g_reserved;

QString findFree(const QString &dir, const QString &name, const QSet<QString> &reserved)
{
    const QDir d(dir);
    const auto taken = [&reserved](const QString &path) {
        // Anything at a name counts, a dangling link or a FIFO too: it is never written through.
        return reserved.contains(path) || safefile::lexists(path) || safefile::lexists(path + QStringLiteral(".bytehaul"))
            || safefile::lexists(path + QStringLiteral(".part"));
    };
    QString candidate = d.filePath(name);
    if (!taken(candidate))
        return candidate;
    const auto [base, ext] = splitExtension(name);
    for (int i = 1; i < 10000; ++i) {
        candidate = d.filePath(QStringLiteral("%1 (%2)%3").arg(base).arg(i).arg(ext));
        if (!taken(candidate))
            return candidate;
    }
    return {};
}

} // namespace

bool sameFile(const QString &a, const QString &b)
{
#ifdef Q_OS_UNIX
    struct stat sa, sb;
    return ::lstat(QFile::encodeName(a).constData(), &sa) == 0 && ::lstat(QFile::encodeName(b).constData(), &sb) == 0
        && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
#else
    Q_UNUSED(a)
    Q_UNUSED(b)
    return false;
#endif
}

QString partialDataPath(const QString &finalPath)
{
    return finalPath.isEmpty() ? QString() : finalPath + QStringLiteral(".part");
}

QString existingDataPath(const QString &finalPath)
{
    const QFileInfo part(partialDataPath(finalPath));
    const QFileInfo final(finalPath);
    const bool hasPart = part.isFile() && !part.isSymLink();
    const bool hasFinal = final.isFile() && !final.isSymLink();
    if (hasPart && hasFinal) {
        // Both: one name for one file (a crash between link and unlink) is ours; two different
        // files are ambiguous (a stale .part of a browser, say), and neither is trusted.
        return sameFile(part.filePath(), finalPath) ? part.filePath() : QString();
    }
    return hasPart ? part.filePath() : hasFinal ? finalPath : QString();
}

QStringList numberedCandidates(const QString &dir, const QString &name, int max)
{
    const QDir d(dir);
    QStringList out { d.filePath(name) };
    const auto [base, ext] = splitExtension(name);
    for (int i = 1; i <= max; ++i) {
        const QString candidate = d.filePath(QStringLiteral("%1 (%2)%3").arg(base).arg(i).arg(ext));
        if (!QFileInfo::exists(candidate + QStringLiteral(".bytehaul")) && !QFileInfo::exists(candidate))
            break; // the numbering ends here
        out << candidate;
    }
    return out;
}

QString uniqueFilePath(const QString &dir, const QString &name)
{
    return findFree(dir, name, {});
}

QString reserveUniqueFilePath(const QString &dir, const QString &name)
{
    QMutexLocker lock(&g_reservedMutex);
    const QString path = findFree(dir, name, g_reserved);
    if (!path.isEmpty())
        g_reserved.insert(path);
    return path;
}

bool reserveFilePath(const QString &path)
{
    QMutexLocker lock(&g_reservedMutex);
    if (g_reserved.contains(path))
        return false;
    g_reserved.insert(path);
    return true;
}

void releaseFilePath(const QString &path)
{
    QMutexLocker lock(&g_reservedMutex);
    g_reserved.remove(path);
}

} // namespace bytehaul
