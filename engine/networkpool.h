// NetworkPool: network managers kept warm between downloads. A download borrows its managers
// while it runs and gives them back when it ends, with their idle keep-alive connections, so
// the next download from the same host skips the TCP (and TLS) handshake and the manager's
// thread start-up. A manager is used by one download at a time, so "N connections" stays N.
//
// Managers are kept apart by the certificates a download trusts on top of the system's
// (DownloadOptions::extraCaCertificates): a connection verified with extra trust is never
// handed to a download without it.
//
// The pool also holds one shared manager per such trust set for the first request of HTTPS
// downloads (the probe), with HTTP/2 allowed: where the server speaks it, the probes of every
// download from that host travel as streams of one connection, so a list of small files (each
// carried whole by its probe) needs one TCP and TLS handshake, not one per download. A host
// that answered over HTTP/1.1 there is remembered, and its probes go back to the download's
// own managers.
#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>

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
    int idleCount() const;

    // The shared manager for probes of HTTPS downloads with this trust set.
    QNetworkAccessManager *sharedManager(const QByteArray &trust);
    // What a host's answers on the shared manager said: false once one came over HTTP/1.1.
    bool mayShare(const QUrl &url, const QByteArray &trust) const;
    void noteProtocol(const QUrl &url, const QByteArray &trust, bool http2);

private:
    static QString originKey(const QUrl &url, const QByteArray &trust);
    static constexpr size_t kMaxIdle = 32;
    std::map<QByteArray, std::vector<std::unique_ptr<QNetworkAccessManager>>> m_idle; // most recently used last
    std::map<QByteArray, std::unique_ptr<QNetworkAccessManager>> m_shared;
    QSet<QString> m_http1Only;
};

} // namespace bytehaul
