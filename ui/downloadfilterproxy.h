// DownloadFilterProxy: sorting on raw values and filtering by category and text, for the
// queue view. Only this proxy sorts or filters; the model keeps queue order.
#pragma once

#include "engine/downloadtypes.h"

#include <QSortFilterProxyModel>

namespace bytehaul::ui {

class DownloadFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadFilterProxy)

public:
    enum class Category { All, Active, Queued, Paused, Completed, Failed };

    explicit DownloadFilterProxy(QObject *parent = nullptr);

    void setCategory(Category category);
    Category category() const { return m_category; }
    void setSearchText(const QString &text);
    static bool inCategory(Category category, DownloadState state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Category m_category = Category::All;
    QString m_search;
};

} // namespace bytehaul::ui
