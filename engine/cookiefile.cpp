#include "engine/cookiefile.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bytehaul {

CookieFile parseNetscapeCookies(const QByteArray &text)
{
    CookieFile out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        bool httpOnly = false;
        if (line.startsWith("#HttpOnly_")) {
            httpOnly = true;
            line = line.mid(10);
        } else if (line.trimmed().isEmpty() || line.startsWith('#')) {
            continue;
        }
        const QList<QByteArray> f = line.split('\t');
        bool expiryOk = false;
        const qint64 expiry = f.size() == 7 ? f[4].toLongLong(&expiryOk) : 0;
        if (f.size() != 7 || f[0].isEmpty() || f[5].isEmpty() || !expiryOk) {
            out.problems << QCoreApplication::translate("bytehaul::CookieFile", "line %1: not a cookie (seven tab-separated fields expected)")
                                .arg(i + 1);
            continue;
        }
        QNetworkCookie cookie(f[5], f[6]);
        QByteArray domain = f[0];
        // "TRUE" in the second field: valid for subdomains too, which a leading dot expresses.
        if (f[1].toUpper() == "TRUE" && !domain.startsWith('.'))
            domain.prepend('.');
        cookie.setDomain(QString::fromUtf8(domain));
        cookie.setPath(QString::fromUtf8(f[2]));
        cookie.setSecure(f[3].toUpper() == "TRUE");
        cookie.setHttpOnly(httpOnly);
        if (expiry > 0)
            cookie.setExpirationDate(QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC));
        out.cookies.append(cookie);
    }
    return out;
}

} // namespace bytehaul
