// Retry timing: exponential back-off with full jitter, delay = random(0, min(max, base * 2^n)).
#pragma once

#include "engine/downloadtypes.h"

namespace bytehaul {

// attempt: 0 for the first retry.
std::chrono::milliseconds retryDelay(const RetryPolicy &policy, int attempt);

} // namespace bytehaul
