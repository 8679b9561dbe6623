#include "engine/networkpool.h"

#include "engine/downloadtypes.h"

#include <QCryptographicHash>

namespace bytehaul {

NetworkPool::NetworkPool() = default;
NetworkPool::~NetworkPool() = default;

QByteArray NetworkPool::trustKey(const DownloadOptions &options)
{
    if (options.extraCaCertificates.isEmpty())
        return {};
    QList<QByteArray> pems = options.extraCaCertificates;
    std::sort(pems.begin(), pems.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &pem : std::as_const(pems)) {
        hash.addData(pem);
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result();
}

std::unique_ptr<QNetworkAccessManager> NetworkPool::acquire(const QByteArray &trust)
{
    auto &idle = m_idle[trust];
    if (!idle.empty()) {
        auto nam = std::move(idle.back()); // the warmest
        idle.pop_back();
        return nam;
    }
    auto nam = std::make_unique<QNetworkAccessManager>();
    nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    return nam;
}

void NetworkPool::release(std::unique_ptr<QNetworkAccessManager> nam, const QByteArray &trust)
{
    if (!nam)
        return;
    auto &idle = m_idle[trust];
    if (idle.size() >= kMaxIdle)
        idle.erase(idle.begin()); // the coldest goes
    idle.push_back(std::move(nam));
}

} // namespace bytehaul
