#include "gui/instancemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

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

bool toMessage(const QJsonObject &object, InstanceMessage *message, QString *error)
{
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
