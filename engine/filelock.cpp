#include "engine/filelock.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bytehaul {

FileLock::Result FileLock::acquire(const QString &path, Open open, QString *error)
{
    release();
#ifdef Q_OS_UNIX
    // No link is followed, and only a regular file is locked: a FIFO (O_NONBLOCK keeps its open
    // from waiting) or device planted at the data file's name is refused.
    int flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK;
    if (open != Open::Existing)
        flags |= O_CREAT;
    if (open == Open::CreateNew)
        flags |= O_EXCL; // a file planted between choosing the name and creating it is not ours
    const int fd = ::open(QFile::encodeName(path).constData(), flags, 0644);
    if (fd < 0 && errno == EEXIST && open == Open::CreateNew)
        return Result::Exists;
    if (fd < 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return Result::Failed;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        if (error)
            *error = QStringLiteral("not a regular file");
        return Result::Failed;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            return Result::Busy;
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(err));
        return Result::Failed;
    }
    m_fd = fd;
    return Result::Locked;
#else
    // Elsewhere the in-process reservation (filenames.h) is the only guard for now.
    Q_UNUSED(path)
    Q_UNUSED(open)
    Q_UNUSED(error)
    return Result::Locked;
#endif
}

void FileLock::release()
{
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd); // closing the descriptor drops the lock
#endif
    m_fd = -1;
}

} // namespace bytehaul
