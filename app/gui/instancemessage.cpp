#include "gui/instancemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace bytehaul::app {

namespace {
constexpr char kMagic[4] = { 'B', 'H', 'I', '2' };
constexpr qsizetype kHeader = 8;
} // namespace

QByteArray frame(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QByteArray out(kHeader, Qt::Uninitialized);
    std::memcpy(out.data(), kMagic, 4);
    qToBigEndian<quint32>(quint32(json.size()), out.data() + 4);
    return out + json;
}

QByteArray encodeMessage(const InstanceMessage &message)
{
    return frame({ { QStringLiteral("urls"), QJsonArray::fromStringList(message.urls) },
                   { QStringLiteral("raise"), message.raise } });
}

FrameResult takeFrame(const QByteArray &buffer, QJsonObject *object, qsizetype *used, QString *error)
{
    if (buffer.size() < 4 && !QByteArrayView(kMagic, 4).startsWith(buffer))
        return *error = QStringLiteral("not a bytehaul message"), FrameResult::Bad;
    if (buffer.size() < kHeader)
        return FrameResult::Incomplete;
    if (std::memcmp(buffer.constData(), kMagic, 4) != 0)
        return *error = QStringLiteral("not a bytehaul message"), FrameResult::Bad;
    const quint32 length = qFromBigEndian<quint32>(buffer.constData() + 4);
    if (length > quint32(kMaxMessageBytes))
        return *error = QStringLiteral("message too large (%1 bytes)").arg(length), FrameResult::Bad;
    if (buffer.size() < kHeader + qsizetype(length))
        return FrameResult::Incomplete;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.mid(kHeader, length), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return *error = QStringLiteral("malformed message: %1").arg(parseError.errorString()), FrameResult::Bad;
    *object = doc.object();
    *used = kHeader + qsizetype(length);
    return FrameResult::Complete;
}

namespace {

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// A cookie name is an HTTP token; a value has no control characters, spaces, quotes, commas,
// semicolons or backslashes (RFC 6265's cookie-octet; browsers send nothing else).
bool isCookieName(const QString &name)
{
    if (name.isEmpty() || name.size() > 256)
        return false;
    for (QChar c : name) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || QStringLiteral("()<>@,;:\\\"/[]?={}").contains(c))
            return false;
    }
    return true;
}

bool isCookieValue(const QString &value)
{
    for (QChar c : value) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('"') || c == QLatin1Char(',')
            || c == QLatin1Char(';') || c == QLatin1Char('\\'))
            return false;
    }
    return true;
}

bool isHeaderText(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() > 0x7e)
            return false; // CR, LF, NUL and anything that is not printable ASCII
    }
    return true;
}

// The cookies of a capture or an origin as one Cookie header, each checked.
bool toCookieHeader(const QJsonValue &value, QByteArray *header, QString *error)
{
    const QJsonArray cookies = value.toArray();
    if (cookies.size() > kMaxCookies)
        return *error = QStringLiteral("too many cookies (%1)").arg(cookies.size()), false;
    QStringList pairs;
    for (const QJsonValue &v : cookies) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const QString value = v.toObject().value(QStringLiteral("value")).toString();
        if (!isCookieName(name) || !isCookieValue(value))
            return *error = QStringLiteral("a cookie is not valid in a Cookie header"), false;
        pairs.append(name + QLatin1Char('=') + value);
    }
    *header = pairs.join(QStringLiteral("; ")).toLatin1();
    if (header->size() > kMaxCookieHeaderBytes)
        return *error = QStringLiteral("the cookies are too long"), false;
    return true;
}

bool toLinks(const QJsonObject &object, BrowserLinks *links, QString *error)
{
    BrowserLinks out;
    out.pageUrl = object.value(QStringLiteral("page")).toString();
    if (out.pageUrl.size() > kMaxUrlBytes || !isHttpUrl(out.pageUrl))
        out.pageUrl.clear(); // the page is only the referrer
    const QString agent = object.value(QStringLiteral("userAgent")).toString();
    if (agent.size() <= kMaxFieldBytes && isHeaderText(agent))
        out.userAgent = agent.toLatin1();
    const QJsonArray list = object.value(QStringLiteral("links")).toArray();
    if (list.size() > kMaxUrls)
        return *error = QStringLiteral("too many links (%1)").arg(list.size()), false;
    for (const QJsonValue &v : list) {
        const QString url = v.toObject().value(QStringLiteral("url")).toString();
        if (url.size() > kMaxUrlBytes || !isHttpUrl(url))
            continue; // mailto:, javascript: and the like: not downloads
        bool known = false;
        for (const PageLink &link : std::as_const(out.links))
            known = known || link.url == url;
        if (!known)
            out.links.append({ url, v.toObject().value(QStringLiteral("text")).toString().simplified().left(200) });
    }
    if (out.links.isEmpty())
        return *error = QStringLiteral("the page has no http(s) links"), false;
    const QJsonArray origins = object.value(QStringLiteral("cookies")).toArray();
    if (origins.size() > kMaxCookieOrigins)
        return *error = QStringLiteral("cookies for too many sites (%1)").arg(origins.size()), false;
    for (const QJsonValue &v : origins) {
        const QString origin = originOf(v.toObject().value(QStringLiteral("url")).toString());
        QByteArray header;
        if (origin.isEmpty())
            continue;
        if (!toCookieHeader(v.toObject().value(QStringLiteral("cookies")), &header, error))
            return false;
        if (!header.isEmpty())
            out.cookies.append({ origin, header });
    }
    *links = std::move(out);
    return true;
}

bool toCapture(const QJsonObject &object, BrowserCapture *capture, QString *error)
{
    BrowserCapture out;
    out.url = object.value(QStringLiteral("url")).toString();
    if (out.url.size() > kMaxUrlBytes || !isHttpUrl(out.url))
        return *error = QStringLiteral("the address to capture is not http(s)"), false;
    out.referrer = object.value(QStringLiteral("referrer")).toString();
    if (!out.referrer.isEmpty() && (out.referrer.size() > kMaxUrlBytes || !isHttpUrl(out.referrer)))
        out.referrer.clear(); // a referrer is a courtesy: a strange one is left out
    out.fileName = object.value(QStringLiteral("fileName")).toString().left(kMaxFieldBytes);
    const QString agent = object.value(QStringLiteral("userAgent")).toString();
    if (agent.size() <= kMaxFieldBytes && isHeaderText(agent))
        out.userAgent = agent.toLatin1();
    if (!toCookieHeader(object.value(QStringLiteral("cookies")), &out.cookieHeader, error))
        return false;
    out.expiresAtMs = std::max<qint64>(0, object.value(QStringLiteral("expiresAt")).toInteger(0));
    *capture = std::move(out);
    return true;
}

} // namespace

QString originOf(const QString &text)
{
    if (text.size() > kMaxUrlBytes || !isHttpUrl(text))
        return {};
    const QUrl url(text);
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1://%2:%3").arg(url.scheme(), url.host(QUrl::FullyEncoded)).arg(port);
}

QByteArray BrowserLinks::cookieHeaderFor(const QString &url) const
{
    const QString origin = originOf(url);
    for (const auto &[o, header] : cookies) {
        if (!origin.isEmpty() && o == origin)
            return header;
    }
    return {};
}

bool toMessage(const QJsonObject &object, InstanceMessage *message, QString *error)
{
    if (object.contains(QStringLiteral("capture"))) {
        InstanceMessage out;
        BrowserCapture capture;
        if (!object.value(QStringLiteral("capture")).isObject()
            || !toCapture(object.value(QStringLiteral("capture")).toObject(), &capture, error)) {
            if (error->isEmpty())
                *error = QStringLiteral("the capture is not an object");
            return false;
        }
        out.capture = std::move(capture);
        out.raise = object.value(QStringLiteral("raise")).toBool(false);
        *message = std::move(out);
        return true;
    }
    if (object.contains(QStringLiteral("outcome"))) {
        const QString token = object.value(QStringLiteral("outcome")).toString();
        static const QRegularExpression tokenRe(QStringLiteral("^[0-9a-f-]{1,64}$"));
        if (!tokenRe.match(token).hasMatch())
            return *error = QStringLiteral("not a capture's token"), false;
        InstanceMessage out;
        out.outcomeToken = token;
        out.raise = false;
        *message = std::move(out);
        return true;
    }
    if (object.contains(QStringLiteral("links"))) {
        InstanceMessage out;
        BrowserLinks links;
        if (!object.value(QStringLiteral("links")).isObject()
            || !toLinks(object.value(QStringLiteral("links")).toObject(), &links, error)) {
            if (error->isEmpty())
                *error = QStringLiteral("the links are not an object");
            return false;
        }
        out.links = std::move(links);
        out.raise = true;
        *message = std::move(out);
        return true;
    }
    const QJsonValue urls = object.value(QStringLiteral("urls"));
    if (!urls.isArray()) {
        *error = QStringLiteral("no list of addresses");
        return false;
    }
    const QJsonArray list = urls.toArray();
    if (list.size() > kMaxUrls) {
        *error = QStringLiteral("too many addresses (%1)").arg(list.size());
        return false;
    }
    InstanceMessage out;
    for (const QJsonValue &v : list) {
        if (!v.isString() || v.toString().size() > kMaxUrlBytes) {
            *error = QStringLiteral("an address is not text or too long");
            return false;
        }
        out.urls.append(v.toString());
    }
    out.raise = object.value(QStringLiteral("raise")).toBool(true);
    *message = std::move(out);
    return true;
}

} // namespace bytehaul::app
