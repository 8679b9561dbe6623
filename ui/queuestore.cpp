#include "ui/queuestore.h"

#include "engine/httpparse.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace bytehaul::ui {

namespace {
constexpr int kFormat = 1;

QString stateKey(DownloadState s)
{
    switch (s) {
    case DownloadState::Queued: return QStringLiteral("queued");
    case DownloadState::Probing:
    case DownloadState::Downloading:
    case DownloadState::Verifying: return QStringLiteral("active");
    case DownloadState::Paused: return QStringLiteral("paused");
    case DownloadState::Completed: return QStringLiteral("completed");
    case DownloadState::Failed: return QStringLiteral("failed");
    case DownloadState::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("queued");
}

// A size from the file: a whole number from -1 to 2^53, else the fallback (a double outside
// qint64's range must never reach a conversion: that is undefined behaviour).
qint64 toSize(const QJsonValue &value, qint64 fallback)
{
    const double d = value.toDouble(double(fallback));
    if (!(d >= -1 && d <= double(kMaxSaneSize)))
        return fallback;
    return qint64(d);
}

DownloadState stateFromKey(const QString &key)
{
    if (key == QLatin1String("active")) return DownloadState::Downloading;
    if (key == QLatin1String("paused")) return DownloadState::Paused;
    if (key == QLatin1String("completed")) return DownloadState::Completed;
    if (key == QLatin1String("failed")) return DownloadState::Failed;
    if (key == QLatin1String("cancelled")) return DownloadState::Cancelled;
    return DownloadState::Queued;
}
} // namespace

bool QueueStore::save(const QList<StoredDownload> &downloads, QString *error) const
{
    QJsonArray list;
    for (const StoredDownload &d : downloads) {
        QJsonObject o;
        // Never a password in clear on disk: a restored download asks the server again, and a
        // 401 then says a user name and password are needed.
        o.insert(QStringLiteral("url"), d.request.url.toString(QUrl::FullyEncoded | QUrl::RemovePassword));
        o.insert(QStringLiteral("outputPath"), d.request.outputPath);
        o.insert(QStringLiteral("outputDir"), d.request.outputDir);
        if (d.request.overrides.connections)
            o.insert(QStringLiteral("connections"), *d.request.overrides.connections);
        if (d.request.overrides.rateLimit)
            o.insert(QStringLiteral("rateLimit"), double(*d.request.overrides.rateLimit));
        if (!d.request.checksumAlgorithm.isEmpty())
            o.insert(QStringLiteral("checksum"),
                     QString::fromLatin1(d.request.checksumAlgorithm + '=' + d.request.checksumHex));
        o.insert(QStringLiteral("state"), stateKey(d.state));
        o.insert(QStringLiteral("added"), d.added.toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("total"), double(d.total));
        o.insert(QStringLiteral("done"), double(d.done));
        if (!d.name.isEmpty())
            o.insert(QStringLiteral("name"), d.name);
        if (!d.error.isEmpty()) {
            o.insert(QStringLiteral("error"), d.error);
            o.insert(QStringLiteral("errorCode"), int(d.errorCode));
            o.insert(QStringLiteral("httpStatus"), d.httpStatus);
            o.insert(QStringLiteral("errorDetail"), d.errorDetail);
        }
        list.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("downloads"), list);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QList<StoredDownload> QueueStore::load(QString *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    if (file.size() > kMaxQueueBytes) {
        if (error)
            *error = QCoreApplication::translate("bytehaul::ui::QueueStore", "the download list is damaged (%1)")
                         .arg(QStringLiteral("%1 bytes").arg(file.size()));
        return {};
    }
    return parse(file.read(kMaxQueueBytes), error);
}

QList<StoredDownload> QueueStore::parse(const QByteArray &json, QString *error)
{
    QList<StoredDownload> out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject() || doc.object().value(QStringLiteral("format")).toInt() != kFormat) {
        if (error)
            *error = QCoreApplication::translate("bytehaul::ui::QueueStore", "the download list is damaged (%1)")
                         .arg(parseError.errorString());
        return out;
    }
    for (const QJsonValue &v : doc.object().value(QStringLiteral("downloads")).toArray()) {
        const QJsonObject o = v.toObject();
        StoredDownload d;
        d.request.url = QUrl(o.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
        if (!d.request.url.isValid())
            continue;
        d.request.outputPath = o.value(QStringLiteral("outputPath")).toString();
        d.request.outputDir = o.value(QStringLiteral("outputDir")).toString();
        if (o.contains(QStringLiteral("connections")))
            d.request.overrides.connections = o.value(QStringLiteral("connections")).toInt();
        if (o.contains(QStringLiteral("rateLimit")))
            d.request.overrides.rateLimit = std::max<qint64>(0, toSize(o.value(QStringLiteral("rateLimit")), 0));
        const QString checksum = o.value(QStringLiteral("checksum")).toString();
        if (!checksum.isEmpty()) {
            d.request.checksumAlgorithm = checksum.section(QLatin1Char('='), 0, 0).toLatin1();
            d.request.checksumHex = checksum.section(QLatin1Char('='), 1).toLatin1();
        }
        d.state = stateFromKey(o.value(QStringLiteral("state")).toString());
        d.added = QDateTime::fromString(o.value(QStringLiteral("added")).toString(), Qt::ISODateWithMs);
        d.total = toSize(o.value(QStringLiteral("total")), -1);
        d.done = std::max<qint64>(0, toSize(o.value(QStringLiteral("done")), 0)); // (fuzz_queue: -1 got through)
        d.name = o.value(QStringLiteral("name")).toString();
        d.error = o.value(QStringLiteral("error")).toString();
        const int code = o.value(QStringLiteral("errorCode")).toInt(int(ErrorCode::Other));
        d.errorCode = d.error.isEmpty() ? ErrorCode::None
            : code >= int(ErrorCode::Other) && code <= int(ErrorCode::InvalidHeader) ? ErrorCode(code)
                                                                                           : ErrorCode::Other;
        d.httpStatus = std::clamp(o.value(QStringLiteral("httpStatus")).toInt(), 0, 999);
        d.errorDetail = o.value(QStringLiteral("errorDetail")).toString().left(4096);
        out.append(d);
    }
    return out;
}

} // namespace bytehaul::ui
