#include "gui/browserrequests.h"

#include "engine/filenames.h"

#include <QDir>
#include <QUrl>

namespace bytehaul::app {

namespace {

void apply(DownloadRequest &request, const QByteArray &cookieHeader, const QString &referrer, const QByteArray &userAgent)
{
    if (!cookieHeader.isEmpty())
        request.overrides.headers.append({ QByteArrayLiteral("Cookie"), cookieHeader });
    if (!referrer.isEmpty())
        request.overrides.headers.append({ QByteArrayLiteral("Referer"), QUrl(referrer).toEncoded() });
    if (!userAgent.isEmpty())
        request.overrides.userAgent = userAgent;
}

} // namespace

QString browserFileName(const BrowserCapture &capture)
{
    // Its last part (Firefox gives a whole path), and only a name.
    const QString base = capture.fileName.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1).trimmed();
    if (base.isEmpty() || base == QLatin1String(".") || base == QLatin1String(".."))
        return {};
    const QString name = sanitizeFileName(base);
    // sanitizeFileName() falls back to "download" when nothing usable is left.
    return name == QLatin1String("download") && base != name ? QString() : name;
}

RequestDecorator captureContext(const BrowserCapture &capture)
{
    return [capture](DownloadRequest &request) {
        const bool sameOrigin = originOf(request.url.toString()) == originOf(capture.url);
        apply(request, sameOrigin ? capture.cookieHeader : QByteArray(), capture.referrer, capture.userAgent);
    };
}

RequestDecorator linksContext(const BrowserLinks &links)
{
    return [links](DownloadRequest &request) {
        const QString target = request.url.toString();
        const QString pageOrigin = originOf(links.pageUrl);
        const QString referrer = pageOrigin.isEmpty() || originOf(target) == pageOrigin
            ? links.pageUrl
            : QUrl(links.pageUrl).adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString() + QLatin1Char('/');
        apply(request, links.cookieHeaderFor(target), referrer, links.userAgent);
    };
}

DownloadRequest captureRequest(const BrowserCapture &capture, const QString &dir, int connections)
{
    DownloadRequest request;
    request.url = QUrl(capture.url);
    request.outputDir = dir;
    request.overrides.connections = connections;
    if (const QString name = browserFileName(capture); !name.isEmpty())
        request.outputPath = QDir(dir).filePath(name);
    captureContext(capture)(request);
    return request;
}

} // namespace bytehaul::app
