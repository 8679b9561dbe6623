#include "engine/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace bytehaul {

std::chrono::milliseconds retryDelay(const RetryPolicy &policy, int attempt)
{
    const qint64 base = std::max<qint64>(0, policy.baseDelay.count());
    const qint64 cap = std::max<qint64>(0, policy.maxDelay.count());
    const qint64 ceiling = std::min(cap, base << std::clamp(attempt, 0, 20));
    if (ceiling <= 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(QRandomGenerator::global()->bounded(ceiling + 1));
}

} // namespace bytehaul
