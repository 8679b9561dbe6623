#include "engine/safefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bytehaul::safefile {

namespace {
struct SafeFileText
{
    Q_DECLARE_TR_FUNCTIONS(bytehaul::SafeFileText)
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString randomSuffix()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    for (int i = 0; i < 8; ++i)
        s.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return s;
}

#ifdef Q_OS_UNIX
QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

void syncFolder(const QString &path)
{
    const int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}
#endif
#ifdef Q_OS_UNIX
int openRegular(const QString &path, Access access, bool create, bool truncate, QString *error)
{
    int flags = (access == Access::Read ? O_RDONLY : O_RDWR) | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
    if (create)
        flags |= O_CREAT;
    const int fd = ::open(QFile::encodeName(path).constData(), flags, 0644);
    if (fd < 0) {
        const int err = errno;
        if (error) {
            *error = err == ELOOP ? SafeFileText::tr("%1 is a symbolic link; bytehaul does not write or read through links")
                                        .arg(native(path))
                                  : errnoText(err);
        }
        return -1;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        if (error)
            *error = SafeFileText::tr("%1 is not a regular file").arg(native(path));
        return -1;
    }
    // Truncated only now that it is known to be a regular file (O_TRUNC on a device or FIFO
    // would act before the check).
    if ((truncate && access == Access::ReadWrite && ::ftruncate(fd, 0) != 0)
        || ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
        const int err = errno;
        ::close(fd);
        if (error)
            *error = errnoText(err);
        return -1;
    }
    return fd;
}
#endif

} // namespace

bool open(QFile &file, const QString &path, Access access, bool create, bool truncate, QString *error)
{
    file.close();
    file.setFileName(path); // (an open on a descriptor forgets it again)
    const QIODevice::OpenMode mode = (access == Access::Read ? QIODevice::ReadOnly : QIODevice::ReadWrite) | QIODevice::Unbuffered;
#ifdef Q_OS_UNIX
    const int fd = openRegular(path, access, create, truncate, error);
    if (fd < 0)
        return false;
    if (!file.open(fd, mode, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
#else
    const QFileInfo fi(path);
    if (fi.isSymLink() || (fi.exists() && !fi.isFile())) {
        if (error)
            *error = fi.isSymLink() ? SafeFileText::tr("%1 is a symbolic link; bytehaul does not write or read through links").arg(native(path))
                                    : SafeFileText::tr("%1 is not a regular file").arg(native(path));
        return false;
    }
    if (!create && !fi.exists()) {
        if (error)
            *error = SafeFileText::tr("%1 does not exist").arg(native(path));
        return false;
    }
    if (!file.open(mode | (truncate ? QIODevice::Truncate : QIODevice::OpenMode()))) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
#endif
}

ReadResult readRegular(const QString &path, qint64 maxBytes)
{
    ReadResult result;
    if (!lexists(path))
        return result;
    result.exists = true;
    QFile file;
    if (!open(file, path, Access::Read, false, false, &result.error))
        return result;
    if (file.size() > maxBytes) {
        result.error = SafeFileText::tr("%1 is larger than %2 bytes").arg(native(path)).arg(maxBytes);
        return result;
    }
    // Bounded even if the file grows while it is read.
    result.data = file.read(std::min(maxBytes, file.size()) + 1);
    if (result.data.size() > maxBytes) {
        result.data.clear();
        result.error = SafeFileText::tr("%1 is larger than %2 bytes").arg(native(path)).arg(maxBytes);
    }
    return result;
}

bool lexists(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
#else
    const QFileInfo fi(path);
    return fi.exists() || fi.isSymLink();
#endif
}

QString replaceDurably(const QString &path, const QByteArray &bytes)
{
#ifdef Q_OS_UNIX
    QString temp;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temp = path + QLatin1Char('.') + randomSuffix() + QStringLiteral(".tmp");
        fd = ::open(QFile::encodeName(temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0)
        return SafeFileText::tr("cannot write %1: %2").arg(native(temp), errnoText(errno));
    const QByteArray tempName = QFile::encodeName(temp);
    qint64 written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString error = errnoText(n < 0 ? errno : ENOSPC);
            ::close(fd);
            ::unlink(tempName.constData());
            return SafeFileText::tr("cannot write %1: %2").arg(native(temp), error);
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const QString error = errnoText(errno);
        ::close(fd);
        ::unlink(tempName.constData());
        return SafeFileText::tr("cannot sync %1: %2").arg(native(temp), error);
    }
    ::close(fd);
    if (::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString error = errnoText(errno);
        ::unlink(tempName.constData());
        return SafeFileText::tr("cannot replace %1: %2").arg(native(path), error);
    }
    syncFolder(path); // the rename is durable only once the folder's entry is
    return {};
#else
    const QString temp = path + QLatin1Char('.') + randomSuffix() + QStringLiteral(".tmp");
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(bytes) != bytes.size() || !file.flush()) {
        const QString error = SafeFileText::tr("cannot write %1: %2").arg(native(temp), file.errorString());
        file.close();
        QFile::remove(temp);
        return error;
    }
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temp, path)) {
        QFile::remove(temp);
        return SafeFileText::tr("cannot replace %1").arg(native(path));
    }
    return {};
#endif
}

void removeStaleTemporaries(const QString &path)
{
    // Only regular files: what bytehaul wrote. A link or FIFO someone planted under such a name
    // is left as it is (it is never written through either).
    const auto removeIfRegular = [](const QString &file) {
        const QFileInfo fi(file);
        if (fi.isFile() && !fi.isSymLink())
            QFile::remove(file);
    };
    removeIfRegular(path + QStringLiteral(".tmp"));
    const QFileInfo fi(path);
    // "<name>." + 8 letters or digits + ".tmp": only what replaceDurably() creates.
    const QString prefix = fi.fileName() + QLatin1Char('.');
    const auto isOurs = [&prefix](const QString &name) {
        if (name.size() != prefix.size() + 12 || !name.startsWith(prefix) || !name.endsWith(QLatin1String(".tmp")))
            return false;
        const QStringView middle = QStringView(name).sliced(prefix.size(), 8);
        return std::all_of(middle.begin(), middle.end(), [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128; });
    };
    // The folder is read once, by name only: a Downloads folder may hold tens of thousands of
    // files, and a sorted listing with a QFileInfo for each (as before) took 50 ms per call
    // there, 24 s for a list of 200 small files into a folder of 20,000.
#ifdef Q_OS_UNIX
    const QByteArray dirPath = QFile::encodeName(fi.absolutePath());
    const QByteArray prefixBytes = QFile::encodeName(prefix);
    DIR *dir = ::opendir(dirPath.constData());
    if (!dir)
        return;
    QStringList found;
    while (const dirent *entry = ::readdir(dir)) {
        const size_t length = std::strlen(entry->d_name);
        if (length == size_t(prefixBytes.size()) + 12 && std::memcmp(entry->d_name, prefixBytes.constData(), size_t(prefixBytes.size())) == 0) {
            const QString name = QFile::decodeName(QByteArray(entry->d_name, qsizetype(length)));
            if (isOurs(name))
                found.append(name);
        }
    }
    ::closedir(dir);
    const QDir folder(fi.absolutePath());
    for (const QString &name : std::as_const(found))
        removeIfRegular(folder.filePath(name));
#else
    // (No name filter: a file name may hold wildcard characters such as '['.)
    QDirIterator it(fi.absolutePath(), QDir::Files | QDir::Hidden | QDir::System);
    QStringList found;
    while (it.hasNext()) {
        it.next();
        if (isOurs(it.fileName()))
            found.append(it.filePath());
    }
    for (const QString &file : std::as_const(found))
        removeIfRegular(file);
#endif
}

} // namespace bytehaul::safefile
