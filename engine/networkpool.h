// NetworkPool: network managers kept warm between downloads. A download borrows its managers
// while it runs and gives them back when it ends, with their idle keep-alive connections, so
// the next download from the same host skips the TCP (and TLS) handshake and the manager's
// thread start-up. A manager is used by one download at a time, so "N connections" stays N.
//
// Managers are kept apart by the certificates a download trusts on top of the system's
// (DownloadOptions::extraCaCertificates): a connection verified with extra trust is never
// handed to a download without it.

#pragma once

#include <QNetworkAccessManager>

#include <map>
#include <memory>
#include <vector>

namespace bytehaul {

struct DownloadOptions;

class NetworkPool final
{
public:
    NetworkPool();
    ~NetworkPool();

    // The key of a download's trust set (empty: the system's certificates only).
    static QByteArray trustKey(const DownloadOptions &options);

    std::unique_ptr<QNetworkAccessManager> acquire(const QByteArray &trust = {});
    void release(std::unique_ptr<QNetworkAccessManager> nam, const QByteArray &trust = {});


private:
    static constexpr size_t kMaxIdle = 32;
    std::map<QByteArray, std::vector<std::unique_ptr<QNetworkAccessManager>>> m_idle; // most recently used last
};

} // namespace bytehaul
