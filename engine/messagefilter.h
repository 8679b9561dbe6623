// What bytehaul prints is bytehaul's: Qt's internal warnings ("QNetworkReplyImplPrivate::error:
// Internal problem, ...", "qt.network.ssl: ...") are about Qt's own bookkeeping, say nothing a
// user can act on, and once stood as the last line after a 404 instead of our error. The
// filter drops them; BYTEHAUL_DEBUG=1 in the environment lets everything through again.
#pragma once

#include <QString>
#include <QtGlobal>

namespace bytehaul {

// True for a message that Qt itself logged about its internals.
bool isQtInternalMessage(QtMsgType type, const char *category, const QString &message);
// Installs the filter in front of the current message handler (once per process).
void installMessageFilter();

} // namespace bytehaul
