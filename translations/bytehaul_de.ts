<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>bytehaul</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ControlFile</name>
    <message numerus="yes">
        <source>the control file is truncated (%n byte(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not a bytehaul control file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control file version %1 is newer than this program understands (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file is corrupt (checksum mismatch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file names an unknown download mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s sizes are impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s piece count does not match its size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s piece map is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s piece map does not fit the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s piece checksums are damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s segment list is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file&apos;s progress is impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the control file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control file is impossibly large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sync %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::CookieFile</name>
    <message>
        <source>line %1: not a cookie (seven tab-separated fields expected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::EngineCore</name>
    <message>
        <source>No such download.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::FileWriter</name>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 to check it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: it is a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more bytes, %3 are free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough space for %1 (%2 bytes): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot size %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output file is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sync %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ReplyCheck</name>
    <message>
        <source>%1: the file on the server has changed (it no longer matches its ETag or date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server ignored the byte range and sent the whole file (HTTP 200); nothing was written from that answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file on the server changed size (%2 bytes, was %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server answered bytes %2 for the range %3-%4 of %5 bytes; nothing was written from that answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Content-Length %2 does not match the range of %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server compressed a byte range (Content-Encoding: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 redirect without a Location header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no data received for too long (read timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the server is busy or failing; retrying)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server wants a user name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: access is forbidden (the link may have expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is not on the server; check the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 redirect without a usable Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unsupported address (only http and https)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: host not found; check the address and your connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: secure connection failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: too many redirects (more than 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: refused a redirect from https to http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::Session</name>
    <message>
        <source>%1: no answer within %2 s (connect timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The save interval must be positive (got %1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the download before replacing its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another address is being checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address replaced (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address not replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not support resuming; the download will restart from the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save progress: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Paused: free some space, then resume; the bytes written so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checksum mismatch: expected %2, got %3 (the file is kept for inspection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a valid http or https address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting over as asked; the earlier partial download is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1 (%2); starting this download over from the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free file name for %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; saving as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the earlier attempt could not be resumed (the server sent it in one piece)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file on the server changed size (%1, was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file on the server changed (ETag %1, was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file on the server changed (modified %1, was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the partial file is shorter than its control file says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unexpected HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server compresses ranges; using one connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s range answer was unusable (%1); using one connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting over: %1. Old and new bytes are never mixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting over: the server now sends the whole file and cannot continue the earlier attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not support byte ranges; using one connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting over: the earlier attempt cannot be continued with this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed: %1 already on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resumed: %1 already on disk; %n damaged piece(s) will be fetched again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1; starting over from the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server sent an invalid Content-Length (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server sent more bytes than its Content-Length (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the server cannot resume, so the download restarts from the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the connection closed after %2 of %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::UrlReplacer</name>
    <message>
        <source>%1 is not an http or https address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer byte ranges (HTTP %2), so it cannot continue this download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves a file of another size (%2 bytes, this download has %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same size and ETag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves another version of the file (ETag %2, this download has %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves a file modified at another time (%2, this download has %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>same size, and %n piece(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>same size (no piece to compare yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves different content (piece %2 does not match)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::Worker</name>
    <message>
        <source>%1: no answer within %2 s (connect timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server sent more bytes than the range asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the connection closed after %2 of %3 bytes of a segment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliApp</name>
    <message>
        <source>Interrupted: progress saved. Run the same command again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Downloading %1 -&gt; %2 (%3, %n connection(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Completed %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3/%4 %5/s ETA %6 [%n conn]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 downloads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliOptions</name>
    <message>
        <source>Download files over HTTP(S) with many parallel connections.
Unfinished downloads continue where they stopped when the same command runs again.
Exit codes: 0 all downloads completed, 1 a download failed, 2 bad usage,
3 interrupted (Ctrl+C): progress saved, run the same command again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to FILE (one URL only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save into DIR (default: the current directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections per download, 1-64 (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads running at once (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read URLs from FILE, one per line (&apos;-&apos; for standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Piece size, e.g. 1M (default 1M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory for unwritten data per download, e.g. 16M (default 16M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra request header &apos;Name: value&apos; (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User-Agent header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print errors only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over even when an unfinished download of the same URL is found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When resuming, check the CRC32 of every piece already on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the finished file: ALGO=HEX with md5, sha1, sha256 or sha512 (one URL only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between saves of the control file (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries per request or segment (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base of the exponential back-off, in seconds (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for an answer to a request (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds without data before a connection is retried (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: http://host:port or socks5://host:port (default: http_proxy, https_proxy, all_proxy, no_proxy from the environment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also trust the CA certificate(s) in this PEM file. Certificate checks are never switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the cookies from this Netscape cookies.txt file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up retrying a request after this many seconds (default: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed limit per download, e.g. 2M (bytes per second).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed limit for all downloads together, e.g. 10M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the partial file and its control file when a download is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a size of at least %3 (use a number with K, M or G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--header must look like &apos;Name: value&apos;, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds from %2 to %3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--proxy must look like http://host:port or socks5://host:port, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the cookie file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Netscape cookie file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--save-interval must be a number of seconds above 0 (and at most 3600), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--checksum must look like sha256=&lt;64 hex digits&gt; (md5, sha1, sha256 or sha512), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the input file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No URL given. Try --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--checksum takes one URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o/--output takes one URL; use -d/--dir for several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an http or https URL: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::AddDialog</name>
    <message>
        <source>Add paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One address per line, e.g. https://example.org/file.iso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the server (one URL only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: sha256=… (md5, sha1, sha256, sha512)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check&amp;sum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save downloads in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checksum must look like sha256= followed by 64 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checksum applies to one address only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DetailsPane</name>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 (racing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DownloadListModel</name>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conn.</source>
        <comment>column header: connections</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::MainWindow</name>
    <message>
        <source>bytehaul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address accepted for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address not replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new address was refused for %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from &amp;clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace a&amp;ddress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify and resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections for the selected download(s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed &amp;limit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause al&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About bytehaul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About bytehaul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;bytehaul %1&lt;/b&gt;&lt;p&gt;Fast, safe multi-connection downloads.&lt;/p&gt;&lt;p&gt;Unfinished downloads continue from their control files after a pause, a crash or a reboot.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytehaul is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads continue in the background. Quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit bytehaul?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are running. Quit anyway? They are saved and continue where they stopped next time.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No downloads yet.
Drop a link here, press %1 to paste one, or %2 to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytehaul: %1/s, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the download list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1; starting with an empty list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n download(s) from the list?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Also delete the downloaded files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address for %1 (it must serve the same file):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed limit for the selected download(s), in KiB/s (0: none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Download the copied link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Click here to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1. Press %2 to download.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::PreferencesDialog</name>
    <message>
        <source>Continue unfinished downloads when bytehaul starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped links start at once (otherwise the Add dialog opens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps downloads running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a download completes or fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections per download:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads at &amp;once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall speed &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System setting (http_proxy, ...), or http://host:port, socks5://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional PEM file; certificates are always checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra &amp;CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer to download links to files when they are copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used from the next start of bytehaul.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard is only read, never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed limit per &amp;new download:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::QueueStore</name>
    <message>
        <source>the download list is damaged (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::SegmentMapWidget</name>
    <message>
        <source>The file as a bar: filled pieces are complete; each connection has its own colour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::UrlInput</name>
    <message>
        <source>line %1: only http and https addresses can be downloaded (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: not a valid address (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a downloadable address: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>bytehaul download manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start hidden in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
