// FileLock: one owner per download across processes. An advisory lock (flock) on the file that
// holds a download's bytes, taken before the file is adopted, truncated or written and held for
// the download's life, so that a second bytehaul (the window and the CLI, or two CLIs) asked for
// the same file is refused instead of adopting and truncating a live file. flock locks belong to
// an open file description, so two downloads in one process exclude each other too.
#pragma once

#include <QString>

namespace bytehaul {

class FileLock final
{
public:
    FileLock() = default;
    ~FileLock() { release(); }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    enum class Result { Locked, Busy, Failed, Exists };
    enum class Open { Existing, Create, CreateNew };
    // Opens path (never through a link, only a regular file) and locks it without waiting.
    // Create makes it when missing; CreateNew only makes a new one (O_EXCL): Exists when
    // something is there already. Busy: another process holds it. Failed: see error.
    Result acquire(const QString &path, Open open, QString *error);
    void release();
    bool isLocked() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

} // namespace bytehaul
