#include "engine/networkpool.h"

namespace bytehaul {

std::unique_ptr<QNetworkAccessManager> NetworkPool::acquire()
{
    if (!m_idle.empty()) {
        auto nam = std::move(m_idle.back()); // the warmest
        m_idle.pop_back();
        return nam;
    }
    auto nam = std::make_unique<QNetworkAccessManager>();
    nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    return nam;
}

void NetworkPool::release(std::unique_ptr<QNetworkAccessManager> nam)
{
    if (!nam)
        return;
    if (m_idle.size() >= kMaxIdle)
        m_idle.erase(m_idle.begin()); // the coldest goes
    m_idle.push_back(std::move(nam));
}

} // namespace bytehaul
