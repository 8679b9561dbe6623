#include "cli/clioptions.h"

#include "engine/cookiefile.h"
#include "engine/httpparse.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <cctype>

namespace bytehaul::cli {

namespace {

// The translation context of this file's free functions (lupdate reads it from the macro).
struct CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(bytehaul::cli::CliOptions)
};

} // namespace

ParseResult parseCommandLine(const QStringList &arguments)
{
    ParseResult result;
    CliConfig &config = result.config;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliOptions::tr("Download files over HTTP(S) with many parallel connections.\n"
           "Unfinished downloads continue where they stopped when the same command runs again.\n"
           "Exit codes: 0 all downloads completed, 1 a download failed, 2 bad usage,\n"
           "3 interrupted (Ctrl+C): progress saved, run the same command again to resume."));
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") }, CliOptions::tr("Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"), CliOptions::tr("Show the version."));
    const QCommandLineOption output({ QStringLiteral("o"), QStringLiteral("output") },
                                    CliOptions::tr("Save to FILE (one URL only)."), QStringLiteral("FILE"));
    const QCommandLineOption dir({ QStringLiteral("d"), QStringLiteral("dir") },
                                 CliOptions::tr("Save into DIR (default: the current directory)."), QStringLiteral("DIR"));
    const QCommandLineOption connections({ QStringLiteral("c"), QStringLiteral("connections") },
                                         CliOptions::tr("Connections per download, 1-64 (default: 8, and more while "
                                                        "they help, up to 16)."),
                                         QStringLiteral("N"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        CliOptions::tr("Add connections while each one makes the download faster, up to N (1-64; default: 16 "
                       "without -c, no more than -c with it)."),
        QStringLiteral("N"));
    const QCommandLineOption concurrent({ QStringLiteral("j"), QStringLiteral("max-concurrent") },
                                        CliOptions::tr("Downloads running at once (default 5)."), QStringLiteral("N"));
    const QCommandLineOption input({ QStringLiteral("i"), QStringLiteral("input-file") },
                                   CliOptions::tr("Read URLs from FILE, one per line ('-' for standard input)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption pieceSize(QStringLiteral("piece-size"),
                                       CliOptions::tr("Piece size, e.g. 1M (default 1M)."), QStringLiteral("SIZE"));
    const QCommandLineOption memoryBudget(QStringLiteral("memory-budget"),
                                          CliOptions::tr("Memory for unwritten data per download, e.g. 16M (default 16M)."),
                                          QStringLiteral("SIZE"));
    const QCommandLineOption header(QStringLiteral("header"), CliOptions::tr("Extra request header 'Name: value' (repeatable)."),
                                    QStringLiteral("HEADER"));
    const QCommandLineOption userAgent(QStringLiteral("user-agent"), CliOptions::tr("User-Agent header."), QStringLiteral("UA"));
    const QCommandLineOption quiet({ QStringLiteral("q"), QStringLiteral("quiet") }, CliOptions::tr("Print errors only."));
    const QCommandLineOption noResume(QStringLiteral("no-resume"),
                                      CliOptions::tr("Start over even when an unfinished download of the same URL is found."));
    const QCommandLineOption verify(QStringLiteral("verify"),
                                    CliOptions::tr("When resuming, check the CRC32 of every piece already on disk."));
    const QCommandLineOption checksum(QStringLiteral("checksum"),
                                      CliOptions::tr("Check the finished file: ALGO=HEX with md5, sha1, sha256 or sha512 (one URL only)."),
                                      QStringLiteral("ALGO=HEX"));
    const QCommandLineOption saveInterval(QStringLiteral("save-interval"),
                                          CliOptions::tr("Seconds between saves of the control file (default 1)."),
                                          QStringLiteral("SECONDS"));
    const QCommandLineOption maxRetries(QStringLiteral("max-retries"),
                                        CliOptions::tr("Retries per request or segment (default 5)."), QStringLiteral("N"));
    const QCommandLineOption retryWait(QStringLiteral("retry-wait"),
                                       CliOptions::tr("Base of the exponential back-off, in seconds (default 1)."), QStringLiteral("SECONDS"));
    const QCommandLineOption connectTimeout(QStringLiteral("connect-timeout"),
                                            CliOptions::tr("Seconds to wait for an answer to a request (default 30)."),
                                            QStringLiteral("SECONDS"));
    const QCommandLineOption readTimeout(QStringLiteral("read-timeout"),
                                         CliOptions::tr("Seconds without data before a connection is retried (default 60)."),
                                         QStringLiteral("SECONDS"));
    const QCommandLineOption proxy(QStringLiteral("proxy"),
                                   CliOptions::tr("Proxy: http://host:port, socks5://host:port (names resolved here) or "
                                      "socks5h://host:port (names resolved by the proxy); user:password@ before the host "
                                      "when it asks (never printed or saved). Default: http_proxy, https_proxy, "
                                      "all_proxy, no_proxy from the environment."),
                                   QStringLiteral("URL"));
    const QCommandLineOption caCertificate(QStringLiteral("ca-certificate"),
                                           CliOptions::tr("Also trust the CA certificate(s) in this PEM file. Certificate "
                                              "checks are never switched off."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption loadCookies(QStringLiteral("load-cookies"),
                                         CliOptions::tr("Send the cookies from this Netscape cookies.txt file."), QStringLiteral("FILE"));
    const QCommandLineOption maxRetryTime(QStringLiteral("max-retry-time"),
                                          CliOptions::tr("Give up after this many seconds of failing retries without any data (default 60)."),
                                          QStringLiteral("SECONDS"));
    const QCommandLineOption limitRate(QStringLiteral("limit-rate"),
                                       CliOptions::tr("Speed limit per download, e.g. 2M (bytes per second)."), QStringLiteral("RATE"));
    const QCommandLineOption overallLimit(QStringLiteral("max-overall-limit"),
                                          CliOptions::tr("Speed limit for all downloads together, e.g. 10M."), QStringLiteral("RATE"));
    const QCommandLineOption keepPartial(QStringLiteral("keep-partial"),
                                         CliOptions::tr("Keep the partial file and its control file when a download is cancelled."));
    parser.addOptions({ helpOption, versionOption, output, dir, connections, maxConnections, concurrent, input, pieceSize,
                        memoryBudget, header, userAgent, quiet, noResume, verify, checksum, saveInterval,
                        keepPartial, maxRetries, retryWait, connectTimeout, readTimeout, proxy, caCertificate,
                        limitRate, overallLimit, loadCookies, maxRetryTime });
    parser.addPositionalArgument(QStringLiteral("URL"), CliOptions::tr("Addresses to download."), QStringLiteral("URL..."));
    config.helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        config.showHelp = true;
        return result;
    }
    if (parser.isSet(versionOption)) {
        config.showVersion = true;
        return result;
    }
    config.quiet = parser.isSet(quiet);

    DownloadOptions options;
    const auto parseCount = [&](const QCommandLineOption &opt, int lo, int hi, int &out) {
        if (!parser.isSet(opt))
            return true;
        bool ok = false;
        const int v = parser.value(opt).toInt(&ok);
        if (!ok || v < lo || v > hi) {
            result.error = CliOptions::tr("--%1 must be a whole number from %2 to %3, not '%4'")
                               .arg(opt.names().constLast())
                               .arg(lo)
                               .arg(hi)
                               .arg(parser.value(opt));
            return false;
        }
        out = v;
        return true;
    };
    const auto parseSizeOption = [&](const QCommandLineOption &opt, qint64 lo, qint64 hi, qint64 &out) {
        if (!parser.isSet(opt))
            return true;
        const auto v = parseSize(parser.value(opt));
        if (!v || *v < lo || *v > hi) {
            result.error = CliOptions::tr("--%1: '%2' is not a size from %3 to %4 (use a number with K, M or G)")
                               .arg(opt.names().constLast(), parser.value(opt), formatSize(lo), formatSize(hi));
            return false;
        }
        out = *v;
        return true;
    };
    if (!parseCount(connections, 1, 64, options.connections) || !parseCount(maxConnections, 1, 64, options.maxConnections)
        || !parseCount(concurrent, 1, 100, config.maxConcurrent)
        || !parseSizeOption(pieceSize, 16 << 10, kMaxPieceSize, options.pieceSize)
        || !parseSizeOption(memoryBudget, 256 << 10, kMaxMemoryBudget, options.memoryBudget)
        || !parseSizeOption(limitRate, 1024, kMaxSaneSize, options.rateLimit)
        || !parseSizeOption(overallLimit, 1024, kMaxSaneSize, config.overallLimit))
        return result;
    // Connections adapt by default, as in the window: 8 to start with, more while each one
    // raises the speed. A count the user gives (-c) is kept, unless they allow more too.
    if (!parser.isSet(connections) && !parser.isSet(maxConnections))
        options.maxConnections = kDefaultMaxConnections;
    // Names must be tokens and values free of CR, LF, NUL and other controls: a line break
    // would end the header and inject another one (or lose the Range header after it).
    for (const QString &h : parser.values(header)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        const QByteArray name = h.left(colon).trimmed().toLatin1();
        const QByteArray value = h.mid(colon + 1).trimmed().toUtf8();
        if (colon <= 0 || !isHeaderName(name) || !isHeaderValue(value)) {
            result.error = CliOptions::tr("--header must look like 'Name: value' with a name of letters, digits and "
                                          "-_.!#$%&'*+^`|~ and no line break, not '%1'")
                               .arg(h.simplified());
            return result;
        }
        options.headers.append({ name, value });
    }
    if (parser.isSet(userAgent)) {
        const QByteArray ua = parser.value(userAgent).toUtf8();
        if (!isHeaderValue(ua)) {
            result.error = CliOptions::tr("--user-agent must not hold a line break or control character");
            return result;
        }
        options.userAgent = ua;
    }
    const auto parseSeconds = [&](const QCommandLineOption &opt, double lo, double hi, std::chrono::milliseconds &out) {
        if (!parser.isSet(opt))
            return true;
        bool ok = false;
        const double seconds = parser.value(opt).toDouble(&ok);
        if (!ok || seconds < lo || seconds > hi) {
            result.error = CliOptions::tr("--%1 must be a number of seconds from %2 to %3, not '%4'")
                               .arg(opt.names().constLast())
                               .arg(lo)
                               .arg(hi)
                               .arg(parser.value(opt));
            return false;
        }
        out = std::chrono::milliseconds(qint64(seconds * 1000));
        return true;
    };
    if (!parseCount(maxRetries, 0, 1000, options.retry.maxRetries)
        || !parseSeconds(retryWait, 0, 3600, options.retry.baseDelay)
        || !parseSeconds(connectTimeout, 0.1, 3600, options.connectTimeout)
        || !parseSeconds(readTimeout, 0.1, 3600, options.readTimeout)
        || !parseSeconds(maxRetryTime, 0.1, 86400, options.retry.maxElapsed))
        return result;
    if (parser.isSet(maxRetryTime))
        options.retry.maxStall = options.retry.maxElapsed;
    options.retry.maxDelay = std::max(options.retry.maxDelay, options.retry.baseDelay);
    if (parser.isSet(proxy)) {
        // Tolerant: a password with characters a URL would escape still works; never printed.
        const QUrl p(parser.value(proxy), QUrl::TolerantMode);
        const QStringList schemes = { QStringLiteral("http"), QStringLiteral("socks5"), QStringLiteral("socks5h") };
        if (!p.isValid() || p.host().isEmpty() || !schemes.contains(p.scheme())) {
            result.error = CliOptions::tr("--proxy must look like http://host:port or socks5://host:port, not '%1'")
                               .arg(withoutUserInfo(parser.value(proxy)));
            return result;
        }
        options.proxy = p;
    }
    if (parser.isSet(caCertificate)) {
        QFile pem(parser.value(caCertificate));
        if (!pem.open(QIODevice::ReadOnly)) {
            result.error = CliOptions::tr("Cannot read the CA certificate %1: %2").arg(parser.value(caCertificate), pem.errorString());
            return result;
        }
        const QByteArray bytes = pem.readAll();
        if (!bytes.contains("-----BEGIN CERTIFICATE-----")) {
            result.error = CliOptions::tr("%1 holds no PEM certificate").arg(parser.value(caCertificate));
            return result;
        }
        options.extraCaCertificates.append(bytes);
    }
    if (parser.isSet(loadCookies)) {
        QFile file(parser.value(loadCookies));
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = CliOptions::tr("Cannot read the cookie file %1: %2").arg(parser.value(loadCookies), file.errorString());
            return result;
        }
        const CookieFile cookies = parseNetscapeCookies(file.readAll());
        if (!cookies.problems.isEmpty()) {
            result.error = CliOptions::tr("%1 is not a Netscape cookie file: %2").arg(parser.value(loadCookies), cookies.problems.first());
            return result;
        }
        options.cookies = cookies.cookies;
    }
    options.resume = !parser.isSet(noResume);
    options.verifyOnResume = parser.isSet(verify);
    options.keepPartialOnCancel = parser.isSet(keepPartial);
    if (parser.isSet(saveInterval)) {
        bool ok = false;
        const double seconds = parser.value(saveInterval).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            result.error = CliOptions::tr("--save-interval must be a number of seconds above 0 (and at most 3600), not '%1'")
                               .arg(parser.value(saveInterval));
            return result;
        }
        options.saveInterval = std::chrono::milliseconds(qint64(seconds * 1000));
    }
    QByteArray checksumAlgorithm, checksumHex;
    if (parser.isSet(checksum)) {
        const QString spec = parser.value(checksum);
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        checksumAlgorithm = spec.left(eq).trimmed().toLower().toLatin1();
        checksumHex = spec.mid(eq + 1).trimmed().toLower().toLatin1();
        static const QHash<QByteArray, int> hexLength = { { "md5", 32 }, { "sha1", 40 }, { "sha256", 64 }, { "sha512", 128 } };
        const bool isHex = !checksumHex.isEmpty()
            && std::all_of(checksumHex.begin(), checksumHex.end(), [](char c) { return std::isxdigit(uchar(c)); });
        if (eq <= 0 || !hexLength.contains(checksumAlgorithm) || !isHex
            || checksumHex.size() != hexLength.value(checksumAlgorithm)) {
            result.error = CliOptions::tr("--checksum must look like sha256=<64 hex digits> (md5, sha1, sha256 or sha512), not '%1'")
                               .arg(spec);
            return result;
        }
    }

    QStringList urls = parser.positionalArguments();
    if (parser.isSet(input)) {
        QFile file(parser.value(input));
        const bool ok = parser.value(input) == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                                  : file.open(QIODevice::ReadOnly);
        if (!ok) {
            result.error = CliOptions::tr("Cannot read the input file %1: %2").arg(parser.value(input), file.errorString());
            return result;
        }
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                urls.append(line);
        }
    }
    config.options = options;
    if (urls.isEmpty()) {
        result.error = CliOptions::tr("No URL given. Try --help.");
        return result;
    }
    if (parser.isSet(checksum) && urls.size() != 1) {
        result.error = CliOptions::tr("--checksum takes one URL.");
        return result;
    }
    if (parser.isSet(output) && urls.size() != 1) {
        result.error = CliOptions::tr("-o/--output takes one URL; use -d/--dir for several.");
        return result;
    }
    // -o names a file: normalised first ("a/b/.." is "a", never two levels up), and a name that
    // is empty or a folder is a usage error, not a file called "dir (1)".
    QString outputPath;
    if (parser.isSet(output)) {
        const QString given = parser.value(output);
        outputPath = QDir::cleanPath(QDir::current().absoluteFilePath(given));
        const QString name = QFileInfo(outputPath).fileName();
        if (given.isEmpty() || given.endsWith(QLatin1Char('/')) || name.isEmpty() || name == QLatin1String("..")
            || name == QLatin1String(".") || QFileInfo(outputPath).isDir()) {
            result.error = given.isEmpty() ? CliOptions::tr("-o/--output needs a file name.")
                                           : CliOptions::tr("-o/--output needs a file name, and '%1' is a folder; use -d/--dir "
                                                            "to save into a folder.")
                                                 .arg(given);
            return result;
        }
    }
    for (const QString &u : std::as_const(urls)) {
        const QUrl strict(u, QUrl::StrictMode);
        if (!strict.isValid() || strict.host().isEmpty()
            || (strict.scheme() != QLatin1String("http") && strict.scheme() != QLatin1String("https"))) {
            result.error = CliOptions::tr("Not an http or https URL: '%1'").arg(u);
            return result;
        }
        DownloadRequest request;
        request.url = strict;
        request.checksumAlgorithm = checksumAlgorithm;
        request.checksumHex = checksumHex;
        request.outputPath = outputPath;
        request.outputDir = parser.isSet(dir) ? QDir::current().absoluteFilePath(parser.value(dir)) : QDir::currentPath();
        config.requests.append(request);
    }
    return result;
}

} // namespace bytehaul::cli
