// DownloadListView: the queue as a table. Rows of the text's height, the progress delegate, a
// header whose context menu chooses the columns, a context menu of the window's actions, links
// dropped on it, and an empty state that tells a new user what to do. It shows the model (the
// filter proxy over DownloadListModel) and does nothing to downloads itself.
#pragma once

#include "ui/urlinput.h"

#include <QTableView>

namespace bytehaul::ui {

class DownloadListView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadListView)

public:
    explicit DownloadListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // What the context menu offers (nullptr: a separator).
    void setContextActions(const QList<QAction *> &actions) { m_contextActions = actions; }

Q_SIGNALS:
    void dropped(const bytehaul::ui::ParsedUrls &parsed);

protected:
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QList<QAction *> m_contextActions;
};

} // namespace bytehaul::ui
