// Retry timing: exponential back-off with full jitter, delay = random(0, min(max, base * 2^n)).
#pragma once

#include "engine/downloadtypes.h"

#include <QElapsedTimer>

#include <optional>

namespace bytehaul {

struct ReplyError;

// attempt: 0 for the first retry.
std::chrono::milliseconds retryDelay(const RetryPolicy &policy, int attempt);

// The one retry decision, used by everything that retries (the probe, each worker's segment,
// the stream path, the same-file checks): the wait before the next attempt (Retry-After when
// the server gave one, else back-off with jitter), or none once the error is not one to retry
// or the policy's retries or time are used up.
class RetryBudget
{
public:
    explicit RetryBudget(const RetryPolicy &policy = {}) : m_policy(policy) { }
    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    // Counts an attempt when it grants one.
    std::optional<std::chrono::milliseconds> next(const ReplyError &error);
    void progress() { m_attempts = 0; } // something worked: counting starts over
    int attempts() const { return m_attempts; } // retries granted since the last progress

private:
    RetryPolicy m_policy;
    int m_attempts = 0;
    QElapsedTimer m_since; // since the first retry after the last progress
};

} // namespace bytehaul
