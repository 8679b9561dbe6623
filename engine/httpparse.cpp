#include "engine/httpparse.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace bytehaul {

namespace {

std::optional<qint64> parseDigits(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 16)
        return std::nullopt;
    qint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > kMaxSaneSize)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<ContentRange> parseContentRange(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (!v.startsWith("bytes "))
        return std::nullopt;
    const QByteArray rest = v.mid(6).trimmed();
    const qsizetype slash = rest.indexOf('/');
    if (slash < 0)
        return std::nullopt;
    const QByteArray range = rest.left(slash).trimmed();
    const QByteArray total = rest.mid(slash + 1).trimmed();
    ContentRange cr;
    if (total != "*") {
        const auto t = parseDigits(total);
        if (!t)
            return std::nullopt;
        cr.total = *t;
    }
    if (range == "*") {
        if (cr.total < 0)
            return std::nullopt;
        return cr;
    }
    const qsizetype dash = range.indexOf('-');
    if (dash <= 0)
        return std::nullopt;
    const auto s = parseDigits(QByteArrayView(range).first(dash));
    const auto e = parseDigits(QByteArrayView(range).sliced(dash + 1));
    if (!s || !e || *e < *s || (cr.total >= 0 && *e >= cr.total))
        return std::nullopt;
    cr.start = *s;
    cr.end = *e;
    return cr;
}

QString withoutUserInfo(const QString &address)
{
    const qsizetype scheme = address.indexOf(QLatin1String("://"));
    const qsizetype start = scheme < 0 ? 0 : scheme + 3;
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at >= start ? address.left(start) + address.mid(at + 1) : address;
}

bool isHeaderName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

bool isHeaderValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

std::optional<qint64> parseContentLength(const QByteArray &value)
{
    return parseDigits(QByteArrayView(value.trimmed()));
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &now,
                                                         std::chrono::milliseconds maxDelay)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    qint64 ms = -1;
    if (const auto seconds = parseDigits(QByteArrayView(v)))
        ms = std::min<qint64>(*seconds, maxDelay.count() / 1000 + 1) * 1000;
    else {
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
        if (!when.isValid())
            return std::nullopt;
        ms = std::max<qint64>(0, now.msecsTo(when)); // a date in the past means "now"
    }
    return std::chrono::milliseconds(std::min(ms, qint64(maxDelay.count())));
}

std::optional<qint64> parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double number = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = m.captured(2).toLower();
    if (unit.isEmpty() && !m.captured(3).isEmpty() && m.captured(3).toLower() != QLatin1String("b"))
        return std::nullopt; // "5ib"
    double mult = 1;
    if (unit == QLatin1String("k"))
        mult = 1024.0;
    else if (unit == QLatin1String("m"))
        mult = 1024.0 * 1024;
    else if (unit == QLatin1String("g"))
        mult = 1024.0 * 1024 * 1024;
    else if (unit == QLatin1String("t"))
        mult = 1024.0 * 1024 * 1024 * 1024;
    const double bytes = std::floor(number * mult);
    if (bytes > double(kMaxSaneSize))
        return std::nullopt;
    return qint64(bytes);
}

QString formatSize(qint64 bytes)
{
    if (bytes < 0)
        return QCoreApplication::translate("bytehaul", "unknown");
    static const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    double v = double(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(bytes)
                  : QStringLiteral("%1 %2").arg(v, 0, 'f', v < 10 ? 2 : 1).arg(QLatin1String(units[u]));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    if (seconds >= 100 * 3600)
        return QStringLiteral(">99h");
    const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace bytehaul
