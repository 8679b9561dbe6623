#include "engine/downloadtypes.h"

#include <QCoreApplication>

namespace bytehaul {

DownloadOptions DownloadOverrides::applyTo(DownloadOptions base) const
{
    if (connections)
        base.connections = *connections;
    if (pieceSize)
        base.pieceSize = *pieceSize;
    if (memoryBudget)
        base.memoryBudget = *memoryBudget;
    for (const auto &header : headers) {
        // (Not a structured binding: clang 14 cannot capture one.)
        base.headers.removeIf([&header](const auto &h) { return h.first.compare(header.first, Qt::CaseInsensitive) == 0; });
        base.headers.append(header);
    }
    if (userAgent)
        base.userAgent = *userAgent;
    if (connectTimeout)
        base.connectTimeout = *connectTimeout;
    if (readTimeout)
        base.readTimeout = *readTimeout;
    if (retry)
        base.retry = *retry;
    if (rateLimit)
        base.rateLimit = *rateLimit;
    return base;
}

bool isTerminal(DownloadState state)
{
    return state == DownloadState::Completed || state == DownloadState::Failed
        || state == DownloadState::Cancelled;
}

QString stateName(DownloadState state)
{
    switch (state) {
    case DownloadState::Queued:
        return QCoreApplication::translate("bytehaul", "Queued");
    case DownloadState::Probing:
        return QCoreApplication::translate("bytehaul", "Connecting");
    case DownloadState::Downloading:
        return QCoreApplication::translate("bytehaul", "Downloading");
    case DownloadState::Paused:
        return QCoreApplication::translate("bytehaul", "Paused");
    case DownloadState::Verifying:
        return QCoreApplication::translate("bytehaul", "Verifying");
    case DownloadState::Completed:
        return QCoreApplication::translate("bytehaul", "Completed");
    case DownloadState::Failed:
        return QCoreApplication::translate("bytehaul", "Failed");
    case DownloadState::Cancelled:
        return QCoreApplication::translate("bytehaul", "Cancelled");
    }
    return {};
}

} // namespace bytehaul
