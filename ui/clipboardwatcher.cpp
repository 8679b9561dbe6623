#include "ui/clipboardwatcher.h"

#include "ui/urlinput.h"

#include <QClipboard>
#include <QFileInfo>

namespace bytehaul::ui {

namespace {
// Far more than any list of links someone copies; a copied book is not looked at.
constexpr qsizetype kMaxText = 64 * 1024;
} // namespace

ClipboardWatcher::ClipboardWatcher(QClipboard *clipboard, QObject *parent)
    : QObject(parent)
    , m_clipboard(clipboard)
{
    connect(m_clipboard, &QClipboard::dataChanged, this, &ClipboardWatcher::check);
}

void ClipboardWatcher::setEnabled(bool enabled)
{
    if (enabled && !m_enabled) {
        // What was copied before watching began is not offered.
        for (const QUrl &url : candidates(m_clipboard->text()))
            m_seen.insert(url);
    }
    m_enabled = enabled;
}

void ClipboardWatcher::ignore(const QString &text)
{
    for (const QUrl &url : candidates(text))
        m_seen.insert(url);
}

bool ClipboardWatcher::looksDownloadable(const QUrl &url)
{
    static const QSet<QString> suffixes = {
        // archives and disk images
        QStringLiteral("7z"),
        QStringLiteral("bz2"),
        QStringLiteral("gz"),
        QStringLiteral("img"),
        QStringLiteral("iso"),
        QStringLiteral("lz"),
        QStringLiteral("rar"),
        QStringLiteral("tar"),
        QStringLiteral("tgz"),
        QStringLiteral("xz"),
        QStringLiteral("zip"),
        QStringLiteral("zst"),
        // installers and packages
        QStringLiteral("apk"),
        QStringLiteral("appimage"),
        QStringLiteral("deb"),
        QStringLiteral("dmg"),
        QStringLiteral("exe"),
        QStringLiteral("flatpak"),
        QStringLiteral("jar"),
        QStringLiteral("msi"),
        QStringLiteral("pkg"),
        QStringLiteral("rpm"),
        QStringLiteral("whl"),
        // video and audio
        QStringLiteral("avi"),
        QStringLiteral("flac"),
        QStringLiteral("m4a"),
        QStringLiteral("m4v"),
        QStringLiteral("mkv"),
        QStringLiteral("mov"),
        QStringLiteral("mp3"),
        QStringLiteral("mp4"),
        QStringLiteral("ogg"),
        QStringLiteral("opus"),
        QStringLiteral("wav"),
        QStringLiteral("webm"),
        // documents and data sets
        QStringLiteral("bin"),
        QStringLiteral("csv"),
        QStringLiteral("epub"),
        QStringLiteral("h5"),
        QStringLiteral("parquet"),
        QStringLiteral("pdf"),
        QStringLiteral("safetensors"),
    };
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return false;
    return suffixes.contains(QFileInfo(url.path()).suffix().toLower());
}

QList<QUrl> ClipboardWatcher::candidates(const QString &text) const
{
    QList<QUrl> out;
    if (text.size() > kMaxText)
        return out;
    for (const QUrl &url : parseUrlLines(text).urls) {
        if (looksDownloadable(url))
            out.append(url);
    }
    return out;
}

void ClipboardWatcher::check()
{
    if (!m_enabled)
        return;
    QList<QUrl> fresh;
    for (const QUrl &url : candidates(m_clipboard->text())) {
        if (!m_seen.contains(url)) {
            m_seen.insert(url);
            fresh.append(url);
        }
    }
    if (!fresh.isEmpty())
        Q_EMIT offered(fresh);
}

} // namespace bytehaul::ui
