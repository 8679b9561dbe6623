#include "ui/segmentmapwidget.h"

#include <QEvent>
#include <QPainter>

namespace bytehaul::ui {

SegmentMapWidget::SegmentMapWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
}

void SegmentMapWidget::retranslate()
{
    setToolTip(tr("The file as a bar: filled pieces are complete; each connection has its own colour."));
}

void SegmentMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SegmentMapWidget::setSnapshot(const DownloadSnapshot &snapshot)
{
    m_snapshot = snapshot;
    update();
}

QColor SegmentMapWidget::colorFor(int worker)
{
    // Evenly spread hues, readable on light and dark palettes.
    return QColor::fromHsv((worker * 47 + 200) % 360, 170, 220);
}

void SegmentMapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect r = rect().adjusted(0, 2, -1, -3);
    const QPalette &pal = palette();
    p.fillRect(r, pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(r);
    const DownloadSnapshot &s = m_snapshot;
    if (s.total <= 0) {
        if (s.state == DownloadState::Completed)
            p.fillRect(r.adjusted(1, 1, 0, 0), pal.color(QPalette::Highlight));
        return;
    }
    const double scale = double(r.width() - 1) / double(s.total);
    const auto xOf = [&](qint64 byte) { return r.left() + 1 + int(double(byte) * scale); };
    const QColor done = pal.color(QPalette::Highlight);
    if (s.state == DownloadState::Completed) {
        p.fillRect(r.adjusted(1, 1, 0, 0), done);
        return;
    }
    // Completed pieces, merged into runs so a 100k-piece map costs a few rectangles.
    if (s.pieceSize > 0) {
        const qint64 count = (s.total + s.pieceSize - 1) / s.pieceSize;
        qint64 runStart = -1;
        for (qint64 i = 0; i <= count; ++i) {
            const bool complete = i < count && i / 8 < s.completedPieces.size()
                && ((uchar(s.completedPieces.at(i / 8)) >> (i % 8)) & 1);
            if (complete && runStart < 0)
                runStart = i;
            if (!complete && runStart >= 0) {
                const int x1 = xOf(runStart * s.pieceSize);
                const int x2 = xOf(std::min(s.total, i * s.pieceSize));
                p.fillRect(QRect(QPoint(x1, r.top() + 1), QPoint(std::max(x1, x2 - 1), r.bottom() - 1)), done);
                runStart = -1;
            }
        }
    } else if (s.done > 0) {
        p.fillRect(QRect(QPoint(r.left() + 1, r.top() + 1), QPoint(xOf(s.done), r.bottom() - 1)), done);
    }
    for (const SegmentSnapshot &seg : s.segments) {
        const QColor c = colorFor(seg.worker);
        QColor light = c;
        light.setAlpha(90);
        const int x0 = xOf(seg.start), x1 = xOf(seg.start + seg.done), x2 = xOf(seg.end);
        p.fillRect(QRect(QPoint(x0, r.top() + 1), QPoint(std::max(x0, x2 - 1), r.bottom() - 1)), light);
        p.fillRect(QRect(QPoint(x0, r.top() + 1), QPoint(std::max(x0, x1 - 1), r.bottom() - 1)), c);
    }
}

} // namespace bytehaul::ui
