// DownloadListModel: the download queue as a table, over value snapshots from the engine.
// Display roles give text for people; RawRole gives numbers for sorting (the proxy sorts on
// it). Updates come in batches: one dataChanged per changed row, or one for the whole table
// when more than half the rows changed (qBittorrent's rule), so a busy list stays cheap.
#pragma once

#include "engine/downloadtypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace bytehaul::ui {

class DownloadListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadListModel)

public:
    enum Column { Name, Size, Progress, Speed, Eta, Status, Connections, Added, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole + 1, // sortable value of the cell
        IdRole,
        StateRole, // int(DownloadState)
        ProgressRole, // 0..1 as double, -1 when unknown
        FilePathRole,
        UrlRole,
    };

    explicit DownloadListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // After a language change: headers and texts (states, errors) are shown anew.
    void retranslate();
    void addOrUpdate(const DownloadSnapshot &snapshot);
    void applySnapshots(const QList<DownloadSnapshot> &snapshots); // batched
    void remove(DownloadId id);
    bool moveDownload(DownloadId id, int delta);

    int rowOf(DownloadId id) const { return m_rows.value(id, -1); }
    DownloadId idAt(int row) const;
    const DownloadSnapshot *snapshot(DownloadId id) const;
    const QList<DownloadSnapshot> &all() const { return m_items; }

    static QString statusText(const DownloadSnapshot &s);

private:
    void reindex(int from);

    QList<DownloadSnapshot> m_items;
    QHash<DownloadId, int> m_rows;
};

} // namespace bytehaul::ui
