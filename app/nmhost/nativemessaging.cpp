#include "nmhost/nativemessaging.h"

#include <QJsonDocument>
#include <QtEndian>

namespace bytehaul::app {

NativeResult takeNativeFrame(const QByteArray &buffer, QJsonObject *object, qsizetype *used, QString *error)
{
    if (buffer.size() < 4)
        return NativeResult::Incomplete;
    const quint32 length = qFromUnaligned<quint32>(buffer.constData()); // native byte order
    if (length > kMaxNativeMessageBytes) {
        *error = QStringLiteral("message too large (%1 bytes, at most %2)").arg(length).arg(kMaxNativeMessageBytes);
        return NativeResult::Fatal;
    }
    if (buffer.size() - 4 < qsizetype(length))
        return NativeResult::Incomplete;
    *used = 4 + qsizetype(length);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.mid(4, length), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("malformed message: %1").arg(parseError.errorString())
            : QStringLiteral("malformed message: not a JSON object");
        return NativeResult::Malformed;
    }
    *object = doc.object();
    return NativeResult::Complete;
}

QByteArray nativeFrame(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QByteArray out(4, Qt::Uninitialized);
    qToUnaligned<quint32>(quint32(json.size()), out.data());
    return out + json;
}

} // namespace bytehaul::app
