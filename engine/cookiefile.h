// Cookies from a Netscape cookies.txt file (the format curl, wget and browser exporters use):
// one cookie per line, seven tab-separated fields; "#HttpOnly_" before the domain marks an
// HttpOnly cookie. Bad lines are reported, not guessed at.
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkCookie>
#include <QStringList>

namespace bytehaul {

struct CookieFile
{
    QList<QNetworkCookie> cookies;
    QStringList problems; // "line 4: ..." per line that is not a cookie
};

CookieFile parseNetscapeCookies(const QByteArray &text);

} // namespace bytehaul
