// Turning what people paste or drop into download addresses: one URL per line, with a clear
// reason for each line that is not one.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QMimeData;

namespace bytehaul::ui {

struct ParsedUrls
{
    QList<QUrl> urls;
    QStringList problems; // "line 3: ..." for each bad line
    QStringList controlFiles; // dropped .bytehaul files (local paths)
};

ParsedUrls parseUrlLines(const QString &text);
ParsedUrls parseMimeData(const QMimeData *mime);
bool mimeDataHasUrls(const QMimeData *mime);

} // namespace bytehaul::ui
