#include "engine/downloadtypes.h"

#include <QCoreApplication>

namespace bytehaul {

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
