// ClipboardWatcher: when switched on (Preferences, off by default), offers the http(s) links to
// downloadable-looking files (an .iso, a .zip, a video...) that the user copies anywhere. It
// only ever reads the clipboard, never writes it; a link is offered once, whatever was on the
// clipboard when watching began is not offered, and text the window itself copies (Copy
// address) is ignored.
#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

class QClipboard;

namespace bytehaul::ui {

class ClipboardWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipboardWatcher)

public:
    explicit ClipboardWatcher(QClipboard *clipboard, QObject *parent = nullptr);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Text this program is about to put on the clipboard: never offered back.
    void ignore(const QString &text);

    // An http(s) link whose last path segment ends in a file type people download.
    static bool looksDownloadable(const QUrl &url);

Q_SIGNALS:
    void offered(const QList<QUrl> &urls);

private:
    void check();
    QList<QUrl> candidates(const QString &text) const;

    QClipboard *m_clipboard = nullptr;
    bool m_enabled = false;
    QSet<QUrl> m_seen;
};

} // namespace bytehaul::ui
