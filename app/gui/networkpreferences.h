// The preferences that configure the engine's network side (proxy, extra CA certificate),
// applied to the DownloadManager's defaults for new downloads. In app/: reading a PEM file and
// mapping settings onto the engine is the composition root's job, not a widget's.
#pragma once

#include "engine/downloadmanager.h"
#include "ui/uipreferences.h"

namespace bytehaul::app {

// Returns a warning for the user (an unreadable certificate file), or nothing.
QString applyNetworkPreferences(DownloadManager *manager, const ui::UiPreferences &preferences);

} // namespace bytehaul::app
