#include "engine/replycheck.h"

#include "engine/httpparse.h"
#include "engine/retrypolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace bytehaul {

ReplyError classifyStatus(const QNetworkReply *reply, bool timedOut);

namespace {

// The translation context of this file's free functions (lupdate reads it from the macro).
struct ReplyCheck
{
    Q_DECLARE_TR_FUNCTIONS(bytehaul::ReplyCheck)
};

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace

QByteArray ifRangeValidator(const QByteArray &etag, const QByteArray &lastModified)
{
    const QByteArray e = etag.trimmed();
    if (!e.isEmpty() && !e.startsWith("W/"))
        return e;
    return lastModified.trimmed();
}

QNetworkProxy networkProxy(const QUrl &url)
{
    const bool socks = url.scheme().startsWith(QLatin1String("socks"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        quint16(url.port(socks ? 1080 : 8080)), url.userName(), url.password());
    if (url.scheme() == QLatin1String("socks5")) // socks5h: the proxy resolves names
        proxy.setCapabilities(proxy.capabilities() & ~QNetworkProxy::HostNameLookupCapability);
    return proxy;
}

bool usesSocksProxy(const QUrl &proxy, const QUrl &url)
{
    if (proxy.isValid())
        return proxy.scheme().startsWith(QLatin1String("socks"));
    const QList<QNetworkProxy> system = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    return !system.isEmpty() && system.first().type() == QNetworkProxy::Socks5Proxy;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && defaultPort(a) == defaultPort(b);
}

bool isCredentialHeader(const QByteArray &name)
{
    const QByteArray n = name.trimmed().toLower();
    return n == "authorization" || n == "cookie" || n == "proxy-authorization";
}

namespace {
constexpr auto kCarriesCredentials = QNetworkRequest::Attribute(QNetworkRequest::User + 1);
} // namespace

QNetworkReply *sendGet(QNetworkAccessManager *nam, const QNetworkRequest &request)
{
    return nam->get(request);
}

QNetworkRequest makeRequest(const QUrl &url, const DownloadOptions &options, qint64 start, qint64 end,
                            const QByteArray &ifRange)
{
    // Credentials only for the origin they were given for.
    const bool credentialsHere = !options.credentialOrigin.isValid() || sameOrigin(url, options.credentialOrigin);
    QNetworkRequest request(credentialsHere ? url : url.adjusted(QUrl::RemoveUserInfo));
    // Cookies from a jar count too: Qt puts them into the request, and a redirect copies them.
    bool carries = (credentialsHere && !url.userInfo().isEmpty()) || !options.cookies.isEmpty();
    for (const auto &[name, value] : options.headers)
        carries = carries || (credentialsHere && isCredentialHeader(name));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Qt copies every header into a redirected request: one that carries credentials follows no
    // redirect itself; classifyReply() reports it (redirectTo) and the owner asks the target,
    // with makeRequest() deciding again what goes there. (Qt 6.4's user-verified redirects
    // delivered a body twice after a second hop: found by review, a file of twice the size.)
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         carries ? QNetworkRequest::ManualRedirectPolicy : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(kCarriesCredentials, carries);
    request.setMaximumRedirectsAllowed(10);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(int(options.readTimeout.count()));
    request.setRawHeader("Accept-Encoding", "identity");
    if (!options.extraCaCertificates.isEmpty()) {
        // Verification stays on: these certificates are trusted in addition to the system's.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        for (const QByteArray &pem : options.extraCaCertificates)
            tls.addCaCertificates(QSslCertificate::fromData(pem, QSsl::Pem));
        request.setSslConfiguration(tls);
    }
    if (!options.userAgent.isEmpty())
        request.setRawHeader("User-Agent", options.userAgent);
    for (const auto &[name, value] : options.headers) {
        if (credentialsHere || !isCredentialHeader(name))
            request.setRawHeader(name, value);
    }
    if (start >= 0) {
        const QByteArray range = end > start
                                     ? "bytes=" + QByteArray::number(start) + '-' + QByteArray::number(end - 1)
                                     : "bytes=" + QByteArray::number(start) + '-';
        request.setRawHeader("Range", range);
        if (!ifRange.isEmpty())
            request.setRawHeader("If-Range", ifRange);
    }
    return request;
}

int httpStatus(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

bool isIdentityEncoding(const QNetworkReply *reply)
{
    const QByteArray enc = reply->rawHeader("Content-Encoding").trimmed().toLower();
    return enc.isEmpty() || enc == "identity";
}

ReplyError checkRangeReply(const QNetworkReply *reply, qint64 start, qint64 end, qint64 total,
                           bool ifRangeSent, const QByteArray &etag, const QByteArray &lastModified)
{
    const QString url = displayUrl(reply->url());
    const int status = httpStatus(reply);
    if (status == 200 && ifRangeSent) {
        ReplyError changed { ErrorClass::Retry,
                             ReplyCheck::tr("%1: the file on the server has changed (it no longer matches its ETag "
                                "or date)")
                                 .arg(url) };
        changed.remoteChanged = true;
        return changed;
    }
    if (status == 200) {
        return { ErrorClass::Retry,
                 ReplyCheck::tr("%1: the server ignored the byte range and sent the whole file (HTTP 200); "
                    "nothing was written from that answer")
                     .arg(url) };
    }
    if (status != 206)
        return classifyReply(reply, false);
    // The same version as the probe saw: a weak ETag cannot go into If-Range, so every answer
    // is compared here (a file replaced by one of the same size would otherwise mix). Exactly:
    // a validator that appears or vanishes is a change too (RFC 9110 15.3.7: a 206 carries the
    // ETag and Last-Modified a 200 would), e.g. a file without validators replaced by one with.
    const QByteArray gotEtag = reply->rawHeader("ETag");
    const QByteArray gotModified = reply->rawHeader("Last-Modified");
    if (gotEtag != etag || gotModified != lastModified) {
        const bool etagDiffers = gotEtag != etag;
        const auto shown = [](const QByteArray &v) { return v.isEmpty() ? ReplyCheck::tr("none") : QString::fromLatin1(v); };
        ReplyError changed { ErrorClass::Retry,
                             ReplyCheck::tr("%1: the file on the server has changed (ETag %2, was %3)")
                                 .arg(url, shown(etagDiffers ? gotEtag : gotModified),
                                      shown(etagDiffers ? etag : lastModified)) };
        changed.remoteChanged = true;
        return changed;
    }
    const auto cr = parseContentRange(reply->rawHeader("Content-Range"));
    if (cr && cr->total >= 0 && cr->total != total) {
        ReplyError changed { ErrorClass::Retry, ReplyCheck::tr("%1: the file on the server changed size (%2 bytes, was %3)")
                                                    .arg(url)
                                                    .arg(cr->total)
                                                    .arg(total) };
        changed.remoteChanged = true;
        return changed;
    }
    if (!cr || cr->start != start || cr->end != end - 1 || cr->total != total) {
        return { ErrorClass::Retry,
                 ReplyCheck::tr("%1: the server answered bytes %2 for the range %3-%4 of %5 bytes; "
                    "nothing was written from that answer")
                     .arg(url, QString::fromLatin1(reply->rawHeader("Content-Range")))
                     .arg(start)
                     .arg(end - 1)
                     .arg(total) };
    }
    if (reply->hasRawHeader("Content-Length")) {
        const auto len = parseContentLength(reply->rawHeader("Content-Length"));
        if (!len || *len != end - start) {
            return { ErrorClass::Retry,
                     ReplyCheck::tr("%1: Content-Length %2 does not match the range of %3 bytes")
                         .arg(url, QString::fromLatin1(reply->rawHeader("Content-Length")))
                         .arg(end - start) };
        }
    }
    if (!isIdentityEncoding(reply)) {
        return { ErrorClass::Retry, ReplyCheck::tr("%1: the server compressed a byte range (Content-Encoding: %2)")
                                        .arg(url, QString::fromLatin1(reply->rawHeader("Content-Encoding"))) };
    }
    return {};
}

std::chrono::milliseconds retryWait(const ReplyError &error, const RetryPolicy &policy, int attempt)
{
    if (error.retryAfter)
        return *error.retryAfter;
    return retryDelay(policy, attempt);
}

ReplyError classifyReply(const QNetworkReply *reply, bool timedOut)
{
    const int status = httpStatus(reply);
    const QByteArray location = reply->rawHeader("Location").trimmed();
    if (reply->request().attribute(kCarriesCredentials).toBool() && status >= 300 && status < 400 && status != 304
        && !location.isEmpty()) {
        const QUrl from = reply->url();
        const QUrl target = from.resolved(QUrl::fromEncoded(location));
        if (!target.isValid() || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https"))) {
            return { ErrorClass::User, ReplyCheck::tr("%1: HTTP %2 redirect without a usable Location").arg(displayUrl(from)).arg(status),
                     ErrorCode::BadRedirect, status };
        }
        if (from.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https"))
            return { ErrorClass::User, ReplyCheck::tr("%1: refused a redirect from https to http").arg(displayUrl(from)), ErrorCode::InsecureRedirect };
        ReplyError moved { ErrorClass::Retry,
                           sameOrigin(from, target)
                               ? ReplyCheck::tr("%1: redirected to %2").arg(displayUrl(from), displayUrl(target))
                               : ReplyCheck::tr("%1: redirected to %2, another server; following without the credentials "
                                                "given for the first")
                                     .arg(displayUrl(from), displayUrl(target)) };
        moved.redirectTo = target;
        moved.httpStatus = status;
        return moved;
    }
    ReplyError result = classifyStatus(reply, timedOut);
    if (reply->hasRawHeader("Retry-After"))
        result.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc(), kMaxRetryAfter);
    return result;
}

ReplyError readTimeoutError(const QUrl &url)
{
    return { ErrorClass::Retry, ReplyCheck::tr("%1: no data received for too long (read timeout)").arg(displayUrl(url)),
             ErrorCode::Timeout };
}

ReplyError classifyStatus(const QNetworkReply *reply, bool timedOut)
{
    const QString url = displayUrl(reply->url());
    const int status = httpStatus(reply);
    if (status >= 300 && status < 400 && reply->rawHeader("Location").trimmed().isEmpty()) {
        // Qt reports this as an unknown protocol (a redirect to ""): say what really happened.
        return { ErrorClass::User, ReplyCheck::tr("%1: HTTP %2 redirect without a Location header").arg(url).arg(status), ErrorCode::BadRedirect, status };
    }
    if (timedOut)
        return readTimeoutError(reply->url());
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QString head = ReplyCheck::tr("%1: HTTP %2 %3").arg(url).arg(status).arg(reason).trimmed();
        switch (status) {
        case 408:
        case 429:
        case 500:
        case 502:
        case 503:
        case 504:
            return { ErrorClass::Retry, ReplyCheck::tr("%1 (the server is busy or failing; retrying)").arg(head), ErrorCode::HttpServerBusy, status, reason };
        case 401:
        case 407:
            return { ErrorClass::User, ReplyCheck::tr("%1: the server wants a user name and password").arg(head), ErrorCode::HttpAuth, status, reason };
        case 403:
            return { ErrorClass::User, ReplyCheck::tr("%1: access is forbidden (the link may have expired)").arg(head), ErrorCode::HttpForbidden, status, reason };
        case 404:
        case 410:
            return { ErrorClass::User, ReplyCheck::tr("%1: the file is not on the server; check the address").arg(head), ErrorCode::HttpNotFound, status, reason };
        default:
            return { ErrorClass::User, head, ErrorCode::HttpOther, status, reason };
        }
    }
    switch (reply->error()) {
    case QNetworkReply::NoError:
        if (status >= 300 && status < 400) {
            return { ErrorClass::User, ReplyCheck::tr("%1: HTTP %2 redirect without a usable Location").arg(url).arg(status), ErrorCode::BadRedirect, status };
        }
        return {};
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return { ErrorClass::Fatal, ReplyCheck::tr("%1: unsupported address (only http and https)").arg(url), ErrorCode::UnsupportedScheme };
    case QNetworkReply::HostNotFoundError:
        return { ErrorClass::User, ReplyCheck::tr("%1: host not found; check the address and your connection").arg(url), ErrorCode::HostNotFound };
    case QNetworkReply::SslHandshakeFailedError:
        return { ErrorClass::User, ReplyCheck::tr("%1: secure connection failed: %2").arg(url, reply->errorString()), ErrorCode::TlsFailed, 0, reply->errorString() };
    case QNetworkReply::TooManyRedirectsError:
        return { ErrorClass::User, ReplyCheck::tr("%1: too many redirects (more than 10)").arg(url), ErrorCode::TooManyRedirects };
    case QNetworkReply::InsecureRedirectError:
        return { ErrorClass::User, ReplyCheck::tr("%1: refused a redirect from https to http").arg(url), ErrorCode::InsecureRedirect };
    case QNetworkReply::ConnectionRefusedError:
        return { ErrorClass::Retry, ReplyCheck::tr("%1: %2").arg(url, reply->errorString()), ErrorCode::ConnectionRefused, 0,
                 reply->errorString() };
    case QNetworkReply::TimeoutError:
        return { ErrorClass::Retry, ReplyCheck::tr("%1: %2").arg(url, reply->errorString()), ErrorCode::Timeout, 0,
                 reply->errorString() };
    default:
        return { ErrorClass::Retry, ReplyCheck::tr("%1: %2").arg(url, reply->errorString()), ErrorCode::Network, 0,
                 reply->errorString() };
    }
}

} // namespace bytehaul
