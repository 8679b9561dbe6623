// What the first answer of a download says, as a value: the remote file's identity and the
// path the download takes. Pure functions of the status line and headers (no network, no
// Session), so they are unit-tested and fuzzed directly (tests/tst_probe.cpp,
// tests/fuzz/fuzz_probe.cpp); Session applies the result (sessionprobe.cpp).
#pragma once

#include "engine/controlfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

class QNetworkReply;

namespace bytehaul {

// The version of the remote file a download is bound to: every later answer must carry the
// same (replycheck.h).
struct RemoteIdentity
{
    qint64 total = -1; // -1: unknown (a stream without Content-Length)
    QByteArray etag;
    QByteArray lastModified;
    QByteArray contentType;
};

// The parts of an answer the probe looks at.
struct ProbeAnswer
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers; // names as sent
    bool finished = false; // the reply has ended (a redirect that will not be followed)

    QByteArray header(const QByteArray &name) const; // case-insensitive; the first one
    bool hasHeader(const QByteArray &name) const;
    static ProbeAnswer fromReply(const QNetworkReply *reply);
};

struct ProbeResult
{
    enum class Path {
        NotYet, // a redirect Qt is following: wait for the next answer
        Ranged, // 206 from 0: many connections; the probe's reply carries [0, probeEnd)
        Stream, // 200: the whole file on this connection
        PlainGet, // ask again without a Range header (416, a range answer we cannot use, ...)
        Refused, // another status: the caller classifies it (retry, fail, or a plain GET)
        Invalid, // a 200 whose length is nonsense: fail with `reason`
    };
    Path path = Path::NotYet;
    RemoteIdentity identity;
    qint64 probeEnd = 0;
    QString reason; // PlainGet (may be empty) and Invalid: why
};

// plainGet: the answer to a request without Range (then only 200 leads anywhere).
// displayUrl: for the texts.
ProbeResult judgeProbe(const ProbeAnswer &answer, qint64 pieceSize, bool plainGet, const QString &displayUrl);

// Whether an unfinished download's control file describes this remote file, exactly (total
// size and both validators as they were), and whether the data file holds every byte the
// control file claims. false with *why (for the note) when not.
bool canResume(const ControlState &saved, const RemoteIdentity &remote, qint64 dataFileSize, QString *why);

} // namespace bytehaul
