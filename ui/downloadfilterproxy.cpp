#include "ui/downloadfilterproxy.h"

#include "engine/downloadtypes.h"
#include "ui/downloadlistmodel.h"

namespace bytehaul::ui {

DownloadFilterProxy::DownloadFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DownloadListModel::RawRole);
    setDynamicSortFilter(true);
}

void DownloadFilterProxy::setCategory(Category category)
{
    if (m_category == category)
        return;
    m_category = category;
    invalidateFilter();
}

void DownloadFilterProxy::setSearchText(const QString &text)
{
    if (m_search == text.trimmed())
        return;
    m_search = text.trimmed();
    invalidateFilter();
}

bool DownloadFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, DownloadListModel::Name, sourceParent);
    const auto state = DownloadState(idx.data(DownloadListModel::StateRole).toInt());
    const bool ok = inCategory(m_category, state);
    if (!ok || m_search.isEmpty())
        return ok;
    return idx.data(Qt::DisplayRole).toString().contains(m_search, Qt::CaseInsensitive)
        || idx.data(DownloadListModel::UrlRole).toUrl().toString().contains(m_search, Qt::CaseInsensitive);
}

bool DownloadFilterProxy::inCategory(Category category, DownloadState state)
{
    bool ok = true;
    switch (category) {
    case Category::All:
        break;
    case Category::Active:
        ok = state == DownloadState::Downloading || state == DownloadState::Probing || state == DownloadState::Verifying;
        break;
    case Category::Queued:
        ok = state == DownloadState::Queued;
        break;
    case Category::Paused:
        ok = state == DownloadState::Paused;
        break;
    case Category::Completed:
        ok = state == DownloadState::Completed;
        break;
    case Category::Failed:
        ok = state == DownloadState::Failed || state == DownloadState::Cancelled;
        break;
    }
    return ok;
}

} // namespace bytehaul::ui
