// HostLimits: how many connections each server allows, as learned during this run of the
// engine (a server that refuses or resets one more connection while the others work). Shared
// by all downloads of one engine, so a second download from the same server starts within
// the limit instead of learning it again with a storm of refused connections.
#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

namespace bytehaul {

class HostLimits final
{
public:
    static QString key(const QUrl &url)
    {
        return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':')
            + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    }
    // 0: nothing learned.
    int limit(const QUrl &url) const { return m_limits.value(key(url), 0); }
    // Keeps the lowest limit seen (at least one connection).
    void learn(const QUrl &url, int connections)
    {
        const int n = std::max(1, connections);
        int &known = m_limits[key(url)];
        known = known > 0 ? std::min(known, n) : n;
    }

private:
    QHash<QString, int> m_limits;
};

} // namespace bytehaul
