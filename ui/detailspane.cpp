#include "ui/detailspane.h"

#include "engine/httpparse.h"
#include "ui/errortext.h"
#include "ui/segmentmapwidget.h"

#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bytehaul::ui {

namespace {
QLabel *selectableLabel()
{
    auto *label = new QLabel;
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A word longer than about 32 characters (a hash, a path, an address) gets zero-width spaces
// so that a wrapping label can break it; copying the text keeps them out of nothing that
// matters to a user, and the tooltip has the plain text.
QString breakable(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 32);
    int run = 0;
    for (const QChar c : text) {
        out += c;
        run = c.isSpace() ? 0 : run + 1;
        if (run >= 32) {
            out += QChar(0x200B);
            run = 0;
        }
    }
    return out;
}
} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_url(selectableLabel())
    , m_destination(selectableLabel())
    , m_size(selectableLabel())
    , m_validators(selectableLabel())
    , m_checksum(selectableLabel())
    , m_note(selectableLabel())
    , m_retries(selectableLabel())
    , m_map(new SegmentMapWidget)
    , m_connections(new QTreeWidget)
{
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Each row gets a label of its own now: addRow() with an empty text creates none, and
    // retranslate() would then find nothing to name.
    for (QLabel *field : { m_url, m_destination, m_size, m_validators, m_checksum, m_note, m_retries }) {
        auto *label = new QLabel;
        label->setBuddy(field);
        m_form->addRow(label, field);
    }

    QFormLayout *form = m_form;
    retranslate();
    m_connections->setRootIsDecorated(false);
    m_connections->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_map);
    layout->addWidget(m_connections, 1);
    setSnapshot(nullptr);
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // the fields are refilled by the window's next setSnapshot()
    QWidget::changeEvent(event);
}

void DetailsPane::retranslate()
{
    const std::pair<QLabel *, QString> rows[] = {
        { m_url, tr("Address:") },     { m_destination, tr("Saved to:") }, { m_size, tr("Size:") },
        { m_validators, tr("Validators:") }, { m_checksum, tr("Checksum:") }, { m_note, tr("Note:") },
        { m_retries, tr("Retries:") },
    };
    for (const auto &[field, text] : rows) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    }
    m_connections->setHeaderLabels({ tr("Connection"), tr("Range"), tr("Received"), tr("Speed") });
}

void DetailsPane::setSnapshot(const DownloadSnapshot *s)
{
    m_id = s ? s->id : 0;
    setEnabled(s != nullptr);
    if (!s) {
        for (QLabel *l : { m_url, m_destination, m_size, m_validators, m_checksum, m_note, m_retries })
            l->clear();
        m_map->setSnapshot({});
        m_connections->clear();
        return;
    }
    QString url = s->url.toDisplayString(QUrl::RemoveUserInfo);
    if (!s->finalUrl.isEmpty() && s->finalUrl != s->url)
        url += tr("\n→ %1").arg(s->finalUrl.toDisplayString(QUrl::RemoveUserInfo));
    m_url->setText(breakable(url));
    m_destination->setText(breakable(QDir::toNativeSeparators(s->filePath)));
    m_size->setText(s->total >= 0 ? tr("%1 of %2 (%3 bytes)").arg(formatSize(s->done), formatSize(s->total)).arg(s->total)
                                  : formatSize(s->done));
    QStringList validators;
    if (!s->etag.isEmpty())
        validators << tr("ETag %1").arg(QString::fromLatin1(s->etag));
    if (!s->lastModified.isEmpty())
        validators << tr("modified %1").arg(QString::fromLatin1(s->lastModified));
    m_validators->setText(validators.isEmpty() ? tr("none") : validators.join(QStringLiteral("; ")));
    m_checksum->setText(s->checksum.isEmpty() ? tr("none") : breakable(QString::fromLatin1(s->checksum)));
    const QString note = s->error.isEmpty() ? s->note : ErrorText::full(*s);
    m_note->setText(breakable(note));
    m_note->setToolTip(note);
    m_retries->setText(QString::number(s->retries));
    m_map->setSnapshot(*s);
    m_connections->clear();
    for (const SegmentSnapshot &seg : s->segments) {
        auto *item = new QTreeWidgetItem(m_connections);
        item->setText(0, seg.streams > 1 ? tr("#%1 (racing)").arg(seg.worker + 1) : tr("#%1").arg(seg.worker + 1));
        item->setForeground(0, SegmentMapWidget::colorFor(seg.worker));
        item->setText(1, tr("%1 – %2").arg(formatSize(seg.start), formatSize(seg.end)));
        item->setText(2, tr("%1 of %2").arg(formatSize(seg.done), formatSize(seg.end - seg.start)));
        item->setText(3, tr("%1/s").arg(formatSize(qint64(seg.speed))));
    }
}

} // namespace bytehaul::ui
