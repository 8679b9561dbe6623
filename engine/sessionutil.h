// Small helpers shared by the Session's implementation files.
#pragma once

#include <QNetworkReply>
#include <QPointer>

namespace bytehaul {

// Lets go of a reply we no longer want, without hearing from it again.
inline void discard(QPointer<QNetworkReply> &slot, QObject *listener)
{
    if (QNetworkReply *reply = slot.data()) {
        slot = nullptr;
        reply->disconnect(listener);
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
}

} // namespace bytehaul
