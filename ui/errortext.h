// Errors in words, made when they are shown: the snapshot carries what happened (an ErrorCode,
// the HTTP status, what the system said), and these functions say it in the language of the
// moment, short for the list and with the next step for the tooltip and the details pane.
#pragma once

#include "engine/downloadtypes.h"

#include <QCoreApplication>

namespace bytehaul::ui {

struct ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    // A few words for the Status column ("HTTP 404: not on the server").
    static QString summary(const DownloadSnapshot &s);
    // What the user can do next, or empty.
    static QString advice(const DownloadSnapshot &s);
    // Everything: summary, advice and what the server or the system said.
    static QString full(const DownloadSnapshot &s);
};

} // namespace bytehaul::ui
