#include "ui/downloadlistmodel.h"

#include "engine/httpparse.h"
#include "ui/errortext.h"

#include <QApplication>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QStyle>

namespace bytehaul::ui {

DownloadListModel::DownloadListModel(QObject *parent) : QAbstractTableModel(parent) { }

int DownloadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int DownloadListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

DownloadId DownloadListModel::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items[row].id : 0;
}

const DownloadSnapshot *DownloadListModel::snapshot(DownloadId id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_items[row];
}

namespace {
// The address is in its own column and in the tooltip; the status says what went wrong.
QString withoutUrl(const DownloadSnapshot &s, QString text)
{
    for (const QUrl &u : { s.finalUrl, s.url }) {
        const QString prefix = u.toDisplayString(QUrl::RemoveUserInfo) + QStringLiteral(": ");
        if (!u.isEmpty() && text.startsWith(prefix))
            text = text.mid(prefix.size());
    }
    return text;
}
} // namespace

QString DownloadListModel::statusText(const DownloadSnapshot &s)
{
    if ((s.state == DownloadState::Failed || s.state == DownloadState::Paused) && !s.error.isEmpty()) {
        const QString what = ErrorText::summary(s);
        return s.state == DownloadState::Failed ? tr("Failed: %1").arg(what) : tr("Paused: %1").arg(what);
    }
    if ((s.state == DownloadState::Downloading || s.state == DownloadState::Probing) && s.retryInMs >= 0) {
        // Nothing connected, a retry pending: say so, with when and why.
        const int seconds = int((s.retryInMs + 999) / 1000);
        const QString why = withoutUrl(s, s.note);
        return why.isEmpty() ? tr("Retrying in %n s (attempt %1)", nullptr, seconds).arg(s.retryAttempt)
                             : tr("Retrying in %n s (attempt %1): %2", nullptr, seconds).arg(s.retryAttempt).arg(why);
    }
    return stateName(s.state);
}

QVariant DownloadListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const DownloadSnapshot &s = m_items[index.row()];
    const bool active = s.state == DownloadState::Downloading;
    const double progress = s.total > 0 ? double(s.done) / double(s.total)
        : s.state == DownloadState::Completed ? 1.0
                                              : -1.0;
    switch (role) {
    case IdRole:
        return QVariant::fromValue(s.id);
    case StateRole:
        return int(s.state);
    case ProgressRole:
        return progress;
    case FilePathRole:
        return s.filePath;
    case UrlRole:
        return s.url;
    case Qt::ToolTipRole:
        if (index.column() == Status || index.column() == Name)
            return s.error.isEmpty() ? (s.note.isEmpty() ? s.url.toDisplayString(QUrl::RemoveUserInfo) : s.note)
                                     : ErrorText::full(s);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size || index.column() == Speed || index.column() == Eta || index.column() == Connections)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (index.column() == Name) {
            static QFileIconProvider provider;
            const QString name = s.fileName.isEmpty() ? s.url.fileName() : s.fileName;
            const QMimeType mime = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension);
            const QIcon icon = QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName()));
            return icon.isNull() ? provider.icon(QFileIconProvider::File) : icon;
        }
        return {};
    case RawRole:
        switch (index.column()) {
        case Name:
            return s.fileName.toLower();
        case Size:
            return s.total;
        case Progress:
            return progress;
        case Speed:
            return active ? s.speed : 0.0;
        case Eta:
            return active && s.etaSeconds >= 0 ? s.etaSeconds : std::numeric_limits<qint64>::max();
        case Status:
            return int(s.state);
        case Connections:
            return s.connections;
        case Added:
            return s.added;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return s.fileName.isEmpty() ? s.url.toDisplayString(QUrl::RemoveUserInfo) : s.fileName;
        case Size:
            return s.total >= 0 ? formatSize(s.total) : QString();
        case Progress:
            return progress >= 0 ? QStringLiteral("%1%").arg(progress * 100, 0, 'f', 1) : QString();
        case Speed:
            return active && s.speed > 0 ? tr("%1/s").arg(formatSize(qint64(s.speed))) : QString();
        case Eta:
            return active && s.etaSeconds >= 0 ? formatDuration(s.etaSeconds) : QString();
        case Status:
            return statusText(s);
        case Connections:
            return active ? QString::number(s.connections) : QString();
        case Added:
            return QLocale().toString(s.added, QLocale::ShortFormat);
        }
        return {};
    }
    return {};
}

QVariant DownloadListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Size:
        return tr("Size");
    case Progress:
        return tr("Progress");
    case Speed:
        return tr("Speed");
    case Eta:
        return tr("ETA");
    case Status:
        return tr("Status");
    case Connections:
        return tr("Conn.", "column header: connections");
    case Added:
        return tr("Added");
    }
    return {};
}

void DownloadListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::DisplayRole, Qt::ToolTipRole });
}

void DownloadListModel::addOrUpdate(const DownloadSnapshot &snapshot)
{
    applySnapshots({ snapshot });
}

void DownloadListModel::applySnapshots(const QList<DownloadSnapshot> &snapshots)
{
    QList<int> changed;
    for (const DownloadSnapshot &s : snapshots) {
        const int row = rowOf(s.id);
        if (row >= 0) {
            m_items[row] = s;
            changed.append(row);
            continue;
        }
        const int at = int(m_items.size());
        beginInsertRows({}, at, at);
        m_items.append(s);
        m_rows.insert(s.id, at);
        endInsertRows();
    }
    if (changed.isEmpty())
        return;
    if (changed.size() * 2 > m_items.size()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1));
        return;
    }
    for (int row : std::as_const(changed))
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void DownloadListModel::remove(DownloadId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    m_rows.remove(id);
    reindex(row);
    endRemoveRows();
}

bool DownloadListModel::moveDownload(DownloadId id, int delta)
{
    const int row = rowOf(id);
    const int to = row + delta;
    if (row < 0 || delta == 0 || to < 0 || to >= m_items.size())
        return false;
    // beginMoveRows wants the destination as "the row before which to insert".
    if (!beginMoveRows({}, row, row, {}, delta > 0 ? to + 1 : to))
        return false;
    m_items.move(row, to);
    reindex(std::min(row, to));
    endMoveRows();
    return true;
}

void DownloadListModel::reindex(int from)
{
    for (int i = from; i < m_items.size(); ++i)
        m_rows.insert(m_items[i].id, i);
}

} // namespace bytehaul::ui
