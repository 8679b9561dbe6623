#include "ui/adddialog.h"

#include "ui/urlinput.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace bytehaul::ui {

AddDialog::AddDialog(const QString &folder, int connections, QWidget *parent)
    : QDialog(parent)
    , m_urls(new QPlainTextEdit)
    , m_problems(new QLabel)
    , m_folder(new QLineEdit(QDir::toNativeSeparators(folder)))
    , m_fileName(new QLineEdit)
    , m_connections(new QSpinBox)
    , m_checksum(new QLineEdit)
    , m_paused(new QCheckBox(tr("Add paused")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Add downloads"));
    m_urls->setPlaceholderText(tr("One address per line, e.g. https://example.org/file.iso"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: palette(link)"));
    m_fileName->setPlaceholderText(tr("From the server (one URL only)"));
    m_connections->setRange(1, 64);
    m_connections->setValue(connections);
    m_checksum->setPlaceholderText(tr("Optional: sha256=… (md5, sha1, sha256, sha512)"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Addresses:"), m_urls);
    form->addRow(QString(), m_problems);
    form->addRow(tr("&Folder:"), folderRow);
    form->addRow(tr("File &name:"), m_fileName);
    form->addRow(tr("&Connections:"), m_connections);
    form->addRow(tr("Check&sum:"), m_checksum);
    form->addRow(QString(), m_paused);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &AddDialog::browse);
    connect(m_urls, &QPlainTextEdit::textChanged, this, &AddDialog::validate);
    connect(m_checksum, &QLineEdit::textChanged, this, &AddDialog::validate);
    connect(m_folder, &QLineEdit::textChanged, this, &AddDialog::validate);
    resize(560, 380);
    validate();
}

void AddDialog::setUrlsText(const QString &text)
{
    m_urls->setPlainText(text);
}

QString AddDialog::folder() const
{
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

void AddDialog::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save downloads in"), folder());
    if (!dir.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(dir));
}

void AddDialog::validate()
{
    const ParsedUrls parsed = parseUrlLines(m_urls->toPlainText());
    QStringList problems = parsed.problems;
    static const QRegularExpression checksumRe(
        QStringLiteral("^(md5=[0-9a-f]{32}|sha1=[0-9a-f]{40}|sha256=[0-9a-f]{64}|sha512=[0-9a-f]{128})$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString checksum = m_checksum->text().trimmed();
    if (!checksum.isEmpty() && !checksumRe.match(checksum).hasMatch())
        problems << tr("The checksum must look like sha256= followed by 64 hex digits.");
    if (!checksum.isEmpty() && parsed.urls.size() > 1)
        problems << tr("A checksum applies to one address only.");
    if (folder().isEmpty())
        problems << tr("Choose a folder.");
    m_fileName->setEnabled(parsed.urls.size() <= 1);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!parsed.urls.isEmpty() && problems.isEmpty());
}

QList<DownloadRequest> AddDialog::requests() const
{
    const ParsedUrls parsed = parseUrlLines(m_urls->toPlainText());
    QList<DownloadRequest> out;
    const QString checksum = m_checksum->text().trimmed().toLower();
    for (const QUrl &url : parsed.urls) {
        DownloadRequest r;
        r.url = url;
        r.outputDir = folder();
        if (parsed.urls.size() == 1 && !m_fileName->text().trimmed().isEmpty())
            r.outputPath = QDir(folder()).filePath(m_fileName->text().trimmed());
        r.overrides.connections = m_connections->value();
        r.startPaused = m_paused->isChecked();
        if (!checksum.isEmpty()) {
            r.checksumAlgorithm = checksum.section(QLatin1Char('='), 0, 0).toLatin1();
            r.checksumHex = checksum.section(QLatin1Char('='), 1).toLatin1();
        }
        out.append(r);
    }
    return out;
}

} // namespace bytehaul::ui
