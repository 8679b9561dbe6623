// The message a second bytehaul start (and, later, the browser bridge) sends to the running
// one over its local socket: "BHI2", a 32-bit big-endian length, then that many bytes of UTF-8
// JSON. Bounded everywhere: a message is at most kMaxMessageBytes, at most kMaxUrls addresses
// of at most kMaxUrlBytes each. The parser is fuzzed (tests/fuzz/fuzz_instancemessage.cpp).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace bytehaul::app {

struct InstanceMessage
{
    QStringList urls;
    bool raise = true; // show the window
};

inline constexpr qsizetype kMaxMessageBytes = 4 << 20;
inline constexpr qsizetype kMaxUrls = 10000;
inline constexpr qsizetype kMaxUrlBytes = 64 << 10;

// One frame around a JSON object.
QByteArray frame(const QJsonObject &object);
QByteArray encodeMessage(const InstanceMessage &message);

enum class FrameResult { Incomplete, Complete, Bad };
// Takes one frame from the front of buffer: Complete with *object and *used set, Incomplete
// (wait for more bytes), or Bad with *error (the connection should be dropped).
FrameResult takeFrame(const QByteArray &buffer, QJsonObject *object, qsizetype *used, QString *error);
// A frame's object as a message; false with *error when a field is missing or out of bounds.
bool toMessage(const QJsonObject &object, InstanceMessage *message, QString *error);

} // namespace bytehaul::app
