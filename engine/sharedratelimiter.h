// SharedRateLimiter: the overall speed limit, shared fairly by the downloads under it. One token
// bucket refills at the overall rate. A download that found too little is a contender for a
// while; when there are several, what the bucket holds is split equally among them and
// credited to each (water-filling: a credit is capped, and what a full one cannot take goes
// to the others). So a download with sixteen connections gets no more than one with a single
// connection, and a download that needs less (its own limit, a slow server) leaves the rest to
// the others: max-min fairness. Time comes in as a parameter, as in RateLimiter, so it is
// tested with a fake clock. A rate of 0: unlimited.
#pragma once

#include "engine/ratelimiter.h"

#include <QHash>

namespace bytehaul {

class SharedRateLimiter final
{
public:
    using Key = quintptr; // one per download

    void setRate(qint64 bytesPerSecond, qint64 nowMs);
    qint64 rate() const { return m_bucket.rate(); }
    bool isLimited() const { return m_bucket.isLimited(); }

    qint64 available(Key who, qint64 nowMs); // bytes `who` may pass now
    void consume(Key who, qint64 bytes); // after available(); may overshoot by a chunk
    void wait(Key who, qint64 nowMs); // `who` found too little: a contender for a while
    qint64 msUntil(Key who, qint64 bytes, qint64 nowMs); // until `who` can expect `bytes`
    void leave(Key who); // `who` stopped: its unused credit goes back to the others

    qint64 credit(Key who) const { return qint64(m_credit.value(who)); }

private:
    void prune(qint64 nowMs);
    void split(qint64 nowMs);
    bool contendedFor(Key who) const;

    RateLimiter m_bucket;
    QHash<Key, double> m_credit; // tokens handed to a download and not yet used
    QHash<Key, qint64> m_contenders; // downloads that ran dry lately, and when they last did
};

} // namespace bytehaul
