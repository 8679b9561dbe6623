// Command-line parsing for bytehaul-cli: turns argv into download requests, or an error text
// for exit code 2. Kept apart from the run loop so it can be tested without a network.
#pragma once

#include "engine/downloadtypes.h"

#include <QStringList>

namespace bytehaul::cli {

struct CliConfig
{
    DownloadOptions options; // the manager's defaults for this run
    QList<DownloadRequest> requests;
    int maxConcurrent = 5;
    qint64 overallLimit = 0; // bytes per second for all downloads together; 0: none
    bool quiet = false;
    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
};

struct ParseResult
{
    CliConfig config;
    QString error; // non-empty: bad usage
};

ParseResult parseCommandLine(const QStringList &arguments);

} // namespace bytehaul::cli
