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
    QFormLayout *m_form;
    QLabel *m_url;
    QLabel *m_destination;
    QLabel *m_size;
    QLabel *m_validators;
    QLabel *m_checksum;
    QLabel *m_note;
    QLabel *m_retries;
    SegmentMapWidget *m_map;
    QTreeWidget *m_connections;
};

} // namespace bytehaul::ui
