// DetailsPane: everything about the selected download: address (selectable), destination,
// size, validators, checksum, the segment map and one line per connection.
#pragma once

#include "engine/downloadtypes.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace bytehaul::ui {

class SegmentMapWidget;

class DetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(QWidget *parent = nullptr);
    void setSnapshot(const DownloadSnapshot *snapshot); // nullptr: nothing selected
    DownloadId shownId() const { return m_id; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    DownloadId m_id = 0;
    QFormLayout *m_form = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_destination = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_validators = nullptr;
    QLabel *m_checksum = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_retries = nullptr;
    SegmentMapWidget *m_map = nullptr;
    QTreeWidget *m_connections = nullptr;
};

} // namespace bytehaul::ui
