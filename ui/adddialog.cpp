#include "ui/adddialog.h"

#include "ui/urlinput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

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
    , m_folderDefault(new QCheckBox(tr("Use this folder from now on")))
    , m_addDuplicates(new QCheckBox(tr("Add them again anyway")))
{
    setWindowTitle(tr("Add downloads"));
    m_urls->setPlaceholderText(tr("One address per line, e.g. https://example.org/file.iso"));
    // Tab leaves the box; Return adds (a single line) and Ctrl+Return always adds.
    m_urls->setTabChangesFocus(true);
    m_urls->installEventFilter(this);
    m_urls->setToolTip(tr("Return adds a single address; Ctrl+Return adds several; Shift+Return starts a new line."));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addDuplicates->setVisible(false);
    connect(m_addDuplicates, &QCheckBox::toggled, this, &AddDialog::validate);
    m_fileName->setPlaceholderText(tr("From the server (one URL only)"));
    m_connections->setRange(1, 64);
    m_connections->setValue(connections);
    m_checksum->setPlaceholderText(tr("Optional: sha256=… (md5, sha1, sha256, sha512)"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout(this);
    // A label names its field with a mnemonic only through a buddy; a layout has none, so the
    // folder's label points at the line edit (else "&Folder:" shows its ampersand).
    const auto label = [](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text);
        l->setBuddy(buddy);
        return l;
    };
    m_urlsLabel = label(tr("&Addresses:"), m_urls);
    form->addRow(m_urlsLabel, m_urls);
    // A page's links (setLinks): hidden until there are some.
    m_linkBox = new QWidget;
    m_linkTypes = new QComboBox;
    m_linkFilter = new QLineEdit;
    m_links = new QListWidget;
    m_linkFilter->setPlaceholderText(tr("Filter by name or address"));
    m_linkFilter->setClearButtonEnabled(true);
    auto *all = new QPushButton(tr("Check all"));
    auto *none = new QPushButton(tr("Check none"));
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_linkTypes);
    linkRow->addWidget(m_linkFilter, 1);
    linkRow->addWidget(all);
    linkRow->addWidget(none);
    auto *linkLayout = new QVBoxLayout(m_linkBox);
    linkLayout->setContentsMargins(0, 0, 0, 0);
    linkLayout->addLayout(linkRow);
    linkLayout->addWidget(m_links);
    m_linkBox->setVisible(false);
    form->addRow(label(tr("&Links:"), m_linkTypes), m_linkBox);
    form->labelForField(m_linkBox)->setVisible(false);
    connect(m_linkTypes, &QComboBox::currentIndexChanged, this, &AddDialog::filterLinks);
    connect(m_linkFilter, &QLineEdit::textChanged, this, &AddDialog::filterLinks);
    connect(m_links, &QListWidget::itemChanged, this, &AddDialog::validate);
    const auto checkShown = [this](Qt::CheckState state) {
        {
            // One check for the whole list, not one per item (10,000 links froze the window).
            const QSignalBlocker block(m_links);
            for (int i = 0; i < m_links->count(); ++i) {
                if (!m_links->item(i)->isHidden())
                    m_links->item(i)->setCheckState(state);
            }
        }
        m_links->viewport()->update();
        validate();
    };
    connect(all, &QPushButton::clicked, this, [checkShown] { checkShown(Qt::Checked); });
    connect(none, &QPushButton::clicked, this, [checkShown] { checkShown(Qt::Unchecked); });
    form->addRow(QString(), m_problems);
    form->addRow(QString(), m_addDuplicates);
    form->addRow(label(tr("&Folder:"), m_folder), folderRow);
    form->addRow(QString(), m_folderDefault);
    form->addRow(label(tr("File &name:"), m_fileName), m_fileName);
    form->addRow(label(tr("&Connections:"), m_connections), m_connections);
    form->addRow(label(tr("Check&sum:"), m_checksum), m_checksum);
    form->addRow(QString(), m_paused);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
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

void AddDialog::setFileName(const QString &name)
{
    m_fileName->setText(name);
}

namespace {

// The groups the link filter offers, by file name ending.
struct TypeGroup
{
    const char *name;
    const char *types;
};
constexpr TypeGroup kTypeGroups[] = {
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Archives"), "7z bz2 cab gz rar tar tgz xz zip zst" },
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Programs"), "apk appimage deb dmg exe jar msi pkg rpm" },
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Disc images"), "bin img iso" },
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Video"), "avi m4v mkv mov mp4 mpg mpeg webm wmv" },
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Audio"), "aac flac m4a mp3 ogg opus wav" },
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Documents"), "doc docx epub odp ods odt pdf ppt pptx txt xls xlsx" },
    { QT_TRANSLATE_NOOP("bytehaul::ui::AddDialog", "Images"), "gif jpeg jpg png svg tif tiff webp" },
};

QString linkFileName(const QUrl &url)
{
    const QString name = url.fileName();
    return name.isEmpty() ? url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment) : name;
}

} // namespace

void AddDialog::setLinks(const QList<Link> &links, const QString &preferredTypes)
{
    m_links->clear();
    for (const Link &link : links) {
        const QString name = linkFileName(link.url);
        auto *item = new QListWidgetItem(link.text.isEmpty() || link.text == name ? name
                                                                                   : QStringLiteral("%1  —  %2").arg(name, link.text));
        item->setData(Qt::UserRole, link.url);
        item->setToolTip(link.url.toDisplayString(QUrl::RemoveUserInfo));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        m_links->addItem(item);
    }
    const QSignalBlocker block(m_linkTypes);
    m_linkTypes->clear();
    const QString preferred = preferredTypes.simplified();
    if (!preferred.isEmpty())
        m_linkTypes->addItem(tr("Types from Preferences"), preferred);
    m_linkTypes->addItem(tr("All links"), QString());
    for (const TypeGroup &group : kTypeGroups)
        m_linkTypes->addItem(tr(group.name), QString::fromLatin1(group.types));
    m_linkBox->setVisible(true);
    m_urls->setVisible(false);
    m_urlsLabel->setVisible(false);
    if (auto *form = qobject_cast<QFormLayout *>(layout()))
        form->labelForField(m_linkBox)->setVisible(true);
    setWindowTitle(tr("Download links from the page"));
    resize(720, 520);
    filterLinks();
}

void AddDialog::filterLinks()
{
    const QStringList types = m_linkTypes->currentData().toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString text = m_linkFilter->text().trimmed();
    for (int i = 0; i < m_links->count(); ++i) {
        QListWidgetItem *item = m_links->item(i);
        const QUrl url = item->data(Qt::UserRole).toUrl();
        const QString name = linkFileName(url).toLower();
        bool shown = types.isEmpty();
        for (const QString &type : types)
            shown = shown || name.endsWith(QLatin1Char('.') + type);
        if (!text.isEmpty())
            shown = shown && (item->text().contains(text, Qt::CaseInsensitive) || url.toString().contains(text, Qt::CaseInsensitive));
        item->setHidden(!shown);
    }
    validate();
}

int AddDialog::shownLinkCount() const
{
    int shown = 0;
    for (int i = 0; i < m_links->count(); ++i)
        shown += m_links->item(i)->isHidden() ? 0 : 1;
    return shown;
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

void AddDialog::setExistingUrls(const QHash<QUrl, QString> &urlToName)
{
    m_existing = urlToName;
    validate();
}

bool AddDialog::makeFolderDefault() const
{
    return m_folderDefault->isChecked();
}

bool AddDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_urls && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
            const bool oneLine = !m_urls->toPlainText().trimmed().contains(QLatin1Char('\n'));
            if (mods == Qt::ControlModifier || (mods == Qt::NoModifier && oneLine)) {
                if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
                    accept();
                return true;
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

QList<QUrl> AddDialog::acceptedUrls() const
{
    QList<QUrl> candidates;
    if (m_linkBox->isVisibleTo(this)) {
        // The links shown and checked: what the filter hides is not added.
        for (int i = 0; i < m_links->count(); ++i) {
            const QListWidgetItem *item = m_links->item(i);
            if (!item->isHidden() && item->checkState() == Qt::Checked)
                candidates << item->data(Qt::UserRole).toUrl();
        }
    } else {
        candidates = parseUrlLines(m_urls->toPlainText()).urls;
    }
    QList<QUrl> urls;
    QSet<QUrl> seen;
    for (const QUrl &url : std::as_const(candidates)) {
        if (!seen.contains(url) && (m_addDuplicates->isChecked() || !m_existing.contains(url))) {
            seen.insert(url);
            urls << url;
        }
    }
    return urls;
}

void AddDialog::validate()
{
    const bool fromLinks = m_linkBox && m_linkBox->isVisibleTo(this);
    const ParsedUrls parsed = parseUrlLines(fromLinks ? QString() : m_urls->toPlainText());
    // Bad lines are listed and skipped; they do not hold back the good ones.
    QStringList notes;
    for (const QString &problem : parsed.problems)
        notes << tr("Skipped: %1").arg(problem);
    QList<QUrl> offered = parsed.urls;
    for (int i = 0; fromLinks && i < m_links->count(); ++i) {
        if (!m_links->item(i)->isHidden() && m_links->item(i)->checkState() == Qt::Checked)
            offered << m_links->item(i)->data(Qt::UserRole).toUrl();
    }
    QStringList duplicates;
    for (const QUrl &url : std::as_const(offered)) {
        if (m_existing.contains(url))
            duplicates << m_existing.value(url);
    }
    if (!duplicates.isEmpty())
        notes << tr("Already in the list: %1").arg(duplicates.join(QStringLiteral(", ")));
    m_addDuplicates->setVisible(!duplicates.isEmpty());
    QStringList problems;
    static const QRegularExpression checksumRe(
        QStringLiteral("^(md5=[0-9a-f]{32}|sha1=[0-9a-f]{40}|sha256=[0-9a-f]{64}|sha512=[0-9a-f]{128})$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString checksum = m_checksum->text().trimmed();
    if (!checksum.isEmpty() && !checksumRe.match(checksum).hasMatch())
        problems << tr("The checksum must look like sha256= followed by 64 hex digits.");
    const QList<QUrl> urls = acceptedUrls();
    if (!checksum.isEmpty() && urls.size() > 1)
        problems << tr("A checksum applies to one address only.");
    if (folder().isEmpty())
        problems << tr("Choose a folder.");
    m_fileName->setEnabled(urls.size() <= 1);
    m_problems->setText((problems + notes).join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty() || !notes.isEmpty());
    QPushButton *add = m_buttons->button(QDialogButtonBox::Ok);
    add->setEnabled(!urls.isEmpty() && problems.isEmpty());
    add->setText(urls.size() > 1 ? tr("Add %n", nullptr, int(urls.size())) : tr("Add"));
}

QList<DownloadRequest> AddDialog::requests() const
{
    const QList<QUrl> urls = acceptedUrls();
    QList<DownloadRequest> out;
    const QString checksum = m_checksum->text().trimmed().toLower();
    for (const QUrl &url : urls) {
        DownloadRequest r;
        r.url = url;
        r.outputDir = folder();
        if (urls.size() == 1 && !m_fileName->text().trimmed().isEmpty())
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
