// FlowControl: what one download may read from the network now, shared by whichever transfer
// moves its bytes (ranged or stream). Two gates:
// - the memory budget: bytes handed to the writer and not yet written count against half of
//   the download's budget; a quarter goes to Qt's reply buffers, and the rest is what the
//   allocator needs around them (measured: with 3/4 for waiting bytes, peak RSS at 8
//   connections was 50-54 MiB; with 1/2, 33-36 MiB, at the same speed);
// - the speed limits: the download's own token bucket and the manager-wide one it shares.
// A transfer that finds a gate shut waits for roomFreed() or tokensReady().
#pragma once

#include "engine/ratelimiter.h"
#include "engine/sharedratelimiter.h"

#include <QObject>
#include <QTimer>

namespace bytehaul {

class FlowControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowControl)

public:
    // global: the manager-wide bucket (same thread), or nullptr.
    explicit FlowControl(SharedRateLimiter *global, QObject *parent = nullptr);

    // Memory budget.
    void setMemoryBudget(qint64 bytes) { m_memoryBudget = bytes; }
    qint64 room() const { return m_memoryBudget / 2 - m_held; }
    void hold(qint64 bytes) { m_held += bytes; } // handed to the writer
    void written(qint64 bytes); // left memory: may emit roomFreed()
    void resetHeld() { m_held = 0; } // a new writer (the old one's queue is gone with it)

    // Speed limits.
    qint64 tokens(); // bytes both buckets allow now
    void consume(qint64 bytes);
    void waitForTokens(); // tokensReady() once there are some (at most a second later)
    void setRate(qint64 bytesPerSecond); // 0: none; waiters check again at once
    bool isLimited() const { return m_limit.isLimited() || (m_global && m_global->isLimited()); }
    void leave(); // the download stopped reading: its share of the global limit goes to others

Q_SIGNALS:
    void roomFreed();
    void tokensReady();

private:
    qint64 m_memoryBudget = 0;
    qint64 m_held = 0;
    RateLimiter m_limit;
    SharedRateLimiter *m_global = nullptr;
    QTimer m_tokenTimer;
};

} // namespace bytehaul
