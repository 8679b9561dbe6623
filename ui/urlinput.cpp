#include "ui/urlinput.h"

#include <QCoreApplication>
#include <QMimeData>

namespace bytehaul::ui {

namespace {
// The translation context of this file's free functions (lupdate reads it from the macro).
struct UrlInput
{
    Q_DECLARE_TR_FUNCTIONS(bytehaul::ui::UrlInput)
};

bool isDownloadable(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}
} // namespace

ParsedUrls parseUrlLines(const QString &text)
{
    ParsedUrls out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QUrl url(line, QUrl::StrictMode);
        if (isDownloadable(url))
            out.urls.append(url);
        else if (url.isValid() && !url.scheme().isEmpty() && url.scheme() != QLatin1String("http")
                 && url.scheme() != QLatin1String("https"))
            out.problems.append(UrlInput::tr("line %1: only http and https addresses can be downloaded (%2)").arg(i + 1).arg(line));
        else
            out.problems.append(UrlInput::tr("line %1: not a valid address (%2)").arg(i + 1).arg(line));
    }
    return out;
}

ParsedUrls parseMimeData(const QMimeData *mime)
{
    ParsedUrls out;
    if (!mime)
        return out;
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".bytehaul")))
                out.controlFiles.append(url.toLocalFile());
            else if (isDownloadable(url))
                out.urls.append(url);
            else
                out.problems.append(UrlInput::tr("not a downloadable address: %1").arg(url.toDisplayString()));
        }
        return out;
    }
    if (mime->hasText())
        return parseUrlLines(mime->text());
    return out;
}

bool mimeDataHasUrls(const QMimeData *mime)
{
    if (!mime)
        return false;
    const ParsedUrls parsed = parseMimeData(mime);
    return !parsed.urls.isEmpty() || !parsed.controlFiles.isEmpty();
}

} // namespace bytehaul::ui
