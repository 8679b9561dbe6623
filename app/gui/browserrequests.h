// What the browser hands over, as downloads: the browser's cookies, referrer and User-Agent
// applied to a request the way the browser itself would send them. Pure functions, used by the
// window's handler (main.cpp) and tested in tst_ui.
#pragma once

#include "engine/downloadtypes.h"
#include "gui/instancemessage.h"

#include <functional>

namespace bytehaul::app {

using RequestDecorator = std::function<void(DownloadRequest &)>;

// The browser's name for the file when it is one; empty when sanitising leaves nothing of it
// ("..", "/"): the server's answer names it then, as for any download.
QString browserFileName(const BrowserCapture &capture);

// For a captured download (and whatever address the Add dialog ends with): its cookies only
// to the captured address's origin; the referrer and the User-Agent.
RequestDecorator captureContext(const BrowserCapture &capture);

// For a page's links: each site's cookies to that site only; the page as the referrer, whole to
// its own origin and as its origin only to another (as browsers do); the User-Agent.
RequestDecorator linksContext(const BrowserLinks &links);

// A captured download started at once, in dir.
DownloadRequest captureRequest(const BrowserCapture &capture, const QString &dir, int connections);

} // namespace bytehaul::app
