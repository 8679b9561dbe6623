#include "engine/sharedratelimiter.h"

#include <cmath>
#include <limits>

namespace bytehaul {

namespace {
// A credit never grows past this many bytes: a download that stops reading cannot hoard.
qint64 creditCap(qint64 rate) { return std::max<qint64>(rate / 10, 16 * 1024); }
// How long a download that ran dry still counts as wanting more.
constexpr qint64 kContentionMs = 250;
} // namespace

void SharedRateLimiter::setRate(qint64 bytesPerSecond, qint64 nowMs)
{
    m_bucket.setRate(bytesPerSecond, nowMs);
    if (!m_bucket.isLimited()) {
        m_credit.clear();
        m_contenders.clear();
    }
}

void SharedRateLimiter::prune(qint64 nowMs)
{
    for (auto it = m_contenders.begin(); it != m_contenders.end();) {
        if (nowMs - it.value() > kContentionMs)
            it = m_contenders.erase(it);
        else
            ++it;
    }
}

bool SharedRateLimiter::contendedFor(Key who) const
{
    return m_contenders.size() > 1 || (m_contenders.size() == 1 && !m_contenders.contains(who));
}

void SharedRateLimiter::split(qint64 nowMs)
{
    double pool = double(m_bucket.available(nowMs));
    if (pool <= 0)
        return;
    const double cap = double(creditCap(m_bucket.rate()));
    QList<Key> open;
    for (auto it = m_contenders.cbegin(); it != m_contenders.cend(); ++it) {
        if (m_credit.value(it.key()) < cap)
            open.append(it.key());
    }
    double given = 0;
    while (pool > 0.5 && !open.isEmpty()) {
        const double share = pool / double(open.size());
        for (qsizetype i = open.size() - 1; i >= 0; --i) {
            double &c = m_credit[open[i]];
            const double add = std::min(share, cap - c);
            c += add;
            given += add;
            pool -= add;
            if (c >= cap)
                open.removeAt(i);
        }
    }
    m_bucket.consume(qint64(std::ceil(given)));
}

qint64 SharedRateLimiter::available(Key who, qint64 nowMs)
{
    if (!m_bucket.isLimited())
        return std::numeric_limits<qint64>::max();
    prune(nowMs);
    const double own = std::max(0.0, m_credit.value(who));
    if (contendedFor(who)) {
        split(nowMs);
        return qint64(std::max(0.0, m_credit.value(who)));
    }
    // Nobody else wants more: the bucket's tokens are free for whoever asks.
    return qint64(own) + m_bucket.available(nowMs);
}

void SharedRateLimiter::consume(Key who, qint64 bytes)
{
    if (!m_bucket.isLimited() || bytes <= 0)
        return;
    auto it = m_credit.find(who);
    double fromCredit = 0;
    if (it != m_credit.end() && *it > 0) {
        fromCredit = std::min(*it, double(bytes));
        *it -= fromCredit;
    }
    const double rest = double(bytes) - fromCredit;
    if (rest > 0)
        m_bucket.consume(qint64(std::ceil(rest))); // a chunk's overshoot is a debt of the bucket
}

void SharedRateLimiter::wait(Key who, qint64 nowMs)
{
    if (m_bucket.isLimited())
        m_contenders.insert(who, nowMs);
}

qint64 SharedRateLimiter::msUntil(Key who, qint64 bytes, qint64 nowMs)
{
    if (!m_bucket.isLimited())
        return 0;
    prune(nowMs);
    const qint64 want = std::min(bytes, creditCap(m_bucket.rate()));
    const qint64 missing = want - qint64(std::max(0.0, m_credit.value(who)));
    if (missing <= 0)
        return 0;
    // A split gives each contender an equal part of what the bucket holds then.
    const qint64 parties
        = std::max<qint64>(1, m_contenders.size() + (m_contenders.contains(who) ? 0 : 1));
    return m_bucket.msUntil(std::min(missing * parties, creditCap(m_bucket.rate())), nowMs);
}

void SharedRateLimiter::leave(Key who)
{
    m_contenders.remove(who);
    m_credit.remove(who); // unused tokens are simply not spent: the overall rate is never exceeded
}

} // namespace bytehaul
