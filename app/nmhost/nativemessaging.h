// The browsers' native-messaging framing (Chromium and Firefox alike): each message is a 32-bit
// length in the machine's byte order, then that many bytes of UTF-8 JSON. A browser sends a
// host at most kMaxNativeMessageBytes here (ours: a capture with its cookies is a few KiB); a
// host's answer may be at most 1 MiB. The parser is fuzzed (tests/fuzz/fuzz_nativemessage.cpp).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace bytehaul::app {

inline constexpr quint32 kMaxNativeMessageBytes = 1 << 20;

enum class NativeResult {
    Incomplete, // wait for more bytes
    Complete, // *object and *used set
    Malformed, // *used set: the frame is skipped, the host answers with an error and goes on
    Fatal, // a length beyond the maximum: the stream cannot be trusted any more
};

NativeResult takeNativeFrame(const QByteArray &buffer, QJsonObject *object, qsizetype *used, QString *error);
QByteArray nativeFrame(const QJsonObject &object);

} // namespace bytehaul::app
