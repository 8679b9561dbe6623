#include "ui/downloadlistview.h"

#include "ui/downloadlistmodel.h"
#include "ui/progressdelegate.h"

#include <QAbstractProxyModel>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMimeData>
#include <QPainter>

namespace bytehaul::ui {

DownloadListView::DownloadListView(QWidget *parent) : QTableView(parent)
{
    setItemDelegateForColumn(DownloadListModel::Progress, new ProgressDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    verticalHeader()->hide();
    // Rows as high as the text needs (the style's default was 30 px: 7 rows in a window).
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);

    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        for (QAction *action : std::as_const(m_contextActions)) {
            if (action)
                menu.addAction(action);
            else
                menu.addSeparator();
        }
        menu.exec(viewport()->mapToGlobal(pos));
    });
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(false);
    // The header's context menu chooses the columns (kept with the header's saved state).
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        if (!model())
            return;
        QMenu menu(this);
        for (int c = 0; c < model()->columnCount(); ++c) {
            QAction *a = menu.addAction(model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
            a->setCheckable(true);
            a->setChecked(!header->isSectionHidden(c));
            a->setEnabled(c != DownloadListModel::Name); // the name always shows
            connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
}

void DownloadListView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    sortByColumn(-1, Qt::AscendingOrder); // queue order until a header is clicked
    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(DownloadListModel::Name, QHeaderView::Stretch);
    const int widths[] = { 240, 80, 120, 85, 60, 170, 45, 120 };
    for (int c = DownloadListModel::Size; c < DownloadListModel::ColumnCount && c < model->columnCount(); ++c)
        header->resizeSection(c, widths[c]);
}

void DownloadListView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount() > 0)
        return;
    // Empty state: tell a new user what to do (or that the filter hides everything).
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model());
    const bool nothingAtAll = !proxy || !proxy->sourceModel() || proxy->sourceModel()->rowCount() == 0;
    const char *context = "bytehaul::ui::MainWindow"; // where translators know these texts
    const QString text = nothingAtAll
        ? QCoreApplication::translate(context, "No downloads yet.\nDrop a link here, press %1 to paste one, or %2 to add.")
              .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText),
                   QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText))
        : QCoreApplication::translate(context, "Nothing matches this filter.");
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(viewport()->rect(), Qt::AlignCenter, text);
}

void DownloadListView::dragEnterEvent(QDragEnterEvent *event)
{
    if (mimeDataHasUrls(event->mimeData()))
        event->acceptProposedAction();
}

void DownloadListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (mimeDataHasUrls(event->mimeData()))
        event->acceptProposedAction();
}

void DownloadListView::dropEvent(QDropEvent *event)
{
    // Read the dropped data only: the clipboard is never touched.
    const ParsedUrls parsed = parseMimeData(event->mimeData());
    if (parsed.urls.isEmpty() && parsed.controlFiles.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT dropped(parsed);
}

} // namespace bytehaul::ui
