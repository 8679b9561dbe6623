#include "engine/retrypolicy.h"

#include "engine/replycheck.h"

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

std::optional<std::chrono::milliseconds> RetryBudget::next(const ReplyError &error)
{
    if (m_attempts == 0)
        m_since.start();
    const std::chrono::milliseconds wait = retryWait(error, m_policy, m_attempts);
    const qint64 budget = m_policy.maxElapsed.count();
    if (error.errorClass != ErrorClass::Retry || m_attempts >= m_policy.maxRetries
        || (budget > 0 && m_since.elapsed() + wait.count() > budget))
        return std::nullopt;
    ++m_attempts;
    return wait;
}

} // namespace bytehaul
