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

    enum class Result { Locked, Busy, Failed };
    // Opens path (creating it when create is set, never through a link) and locks it without
    // waiting. Busy: another process holds it. Failed: the file cannot be opened (see error).
    Result acquire(const QString &path, bool create, QString *error);
    void release();
    bool isLocked() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

} // namespace bytehaul
