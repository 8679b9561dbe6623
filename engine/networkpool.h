// NetworkPool: network managers kept warm between downloads. A download borrows its managers
// while it runs and gives them back when it ends, with their idle keep-alive connections, so
// the next download from the same host skips the TCP (and TLS) handshake and the manager's
// thread start-up. A manager is used by one download at a time, so "N connections" stays N.
#pragma once

#include <QNetworkAccessManager>

#include <memory>
#include <vector>

namespace bytehaul {

class NetworkPool final
{
public:
    std::unique_ptr<QNetworkAccessManager> acquire();
    void release(std::unique_ptr<QNetworkAccessManager> nam);
    int idleCount() const { return int(m_idle.size()); }

private:
    static constexpr size_t kMaxIdle = 32;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_idle; // most recently used last
};

} // namespace bytehaul
