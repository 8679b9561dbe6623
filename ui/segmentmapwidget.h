// SegmentMapWidget: the file drawn as a bar. Completed pieces are filled; each connection's
// segment is drawn in its own colour, dark for the part received and light for the rest.
#pragma once

#include "engine/downloadtypes.h"

#include <QWidget>

namespace bytehaul::ui {

class SegmentMapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentMapWidget)

public:
    explicit SegmentMapWidget(QWidget *parent = nullptr);
    void setSnapshot(const DownloadSnapshot &snapshot);
    QSize sizeHint() const override { return { 400, 28 }; }
    QSize minimumSizeHint() const override { return { 100, 20 }; }

    static QColor colorFor(int worker);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    DownloadSnapshot m_snapshot;
};

} // namespace bytehaul::ui
