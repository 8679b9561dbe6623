// ProgressDelegate: paints the Progress column as a progress bar from the model's ProgressRole.
#pragma once

#include <QStyledItemDelegate>

namespace bytehaul::ui {

class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace bytehaul::ui
