#include "ui/errortext.h"

namespace bytehaul::ui {

QString ErrorText::summary(const DownloadSnapshot &s)
{
    switch (s.errorCode) {
    case ErrorCode::None:
    case ErrorCode::Other:
        break;
    case ErrorCode::InvalidUrl:
        return tr("not a valid http or https address");
    case ErrorCode::UnsupportedScheme:
        return tr("unsupported address (only http and https)");
    case ErrorCode::HostNotFound:
        return tr("server not found");
    case ErrorCode::ConnectionRefused:
        return tr("the server refused the connection");
    case ErrorCode::Network:
        return tr("network error");
    case ErrorCode::Timeout:
        return tr("the server did not answer in time");
    case ErrorCode::TlsFailed:
        return tr("secure connection failed: the certificate is not trusted");
    case ErrorCode::HttpAuth:
        return tr("HTTP %1: a user name and password are needed").arg(s.httpStatus);
    case ErrorCode::HttpForbidden:
        return tr("HTTP %1: access forbidden").arg(s.httpStatus);
    case ErrorCode::HttpNotFound:
        return tr("HTTP %1: not on the server").arg(s.httpStatus);
    case ErrorCode::HttpServerBusy:
        return tr("HTTP %1: the server is busy or failing").arg(s.httpStatus);
    case ErrorCode::HttpOther:
        return s.errorDetail.isEmpty() ? tr("HTTP %1").arg(s.httpStatus)
                                       : tr("HTTP %1 %2").arg(s.httpStatus).arg(s.errorDetail);
    case ErrorCode::BadRedirect:
        return tr("a redirect without a usable address");
    case ErrorCode::TooManyRedirects:
        return tr("too many redirects");
    case ErrorCode::InsecureRedirect:
        return tr("refused a redirect from https to http");
    case ErrorCode::BadResponse:
        return tr("the server sent a broken answer");
    case ErrorCode::NoProgress:
        return tr("no data from the server");
    case ErrorCode::CannotCreateFolder:
        return tr("cannot create the folder");
    case ErrorCode::NoFreeName:
        return tr("no free file name");
    case ErrorCode::DiskFull:
        return tr("the disk is full");
    case ErrorCode::WriteFailed:
        return tr("cannot write the file");
    case ErrorCode::ChecksumMismatch:
        return tr("checksum mismatch");
    case ErrorCode::FileInUse:
        return tr("another bytehaul is downloading this file");
    case ErrorCode::InvalidHeader:
        return tr("a request header is not valid");
    }
    // Not classified: the engine's own words, without the address (it has a column of its own).
    QString text = s.error;
    for (const QUrl &u : { s.finalUrl, s.url }) {
        const QString prefix = u.toDisplayString(QUrl::RemoveUserInfo) + QStringLiteral(": ");
        if (!u.isEmpty() && text.startsWith(prefix))
            text = text.mid(prefix.size());
    }
    return text;
}

QString ErrorText::advice(const DownloadSnapshot &s)
{
    switch (s.errorCode) {
    case ErrorCode::HostNotFound:
    case ErrorCode::ConnectionRefused:
    case ErrorCode::Network:
    case ErrorCode::Timeout:
    case ErrorCode::NoProgress:
    case ErrorCode::HttpServerBusy:
        return tr("Check your connection, then Resume: what was downloaded is kept.");
    case ErrorCode::TlsFailed:
        return tr("If this server uses a certificate authority of your own, add it in Preferences, "
                  "Extra CA certificate, then Resume.");
    case ErrorCode::HttpAuth:
    case ErrorCode::HttpForbidden:
    case ErrorCode::HttpNotFound:
        return tr("The link may have expired: get a new one from the web page and use Replace address.");
    case ErrorCode::DiskFull:
        return tr("Free some space, then Resume: the bytes written so far are kept.");
    case ErrorCode::WriteFailed:
    case ErrorCode::CannotCreateFolder:
        return tr("Check that the folder exists and that you may write there.");
    case ErrorCode::ChecksumMismatch:
        return tr("The file is kept for inspection; the checksum given may be for another version.");
    default:
        return {};
    }
}

QString ErrorText::full(const DownloadSnapshot &s)
{
    QStringList parts;
    const QString head = summary(s);
    if (!head.isEmpty())
        parts << head;
    if (const QString next = advice(s); !next.isEmpty())
        parts << next;
    // What the server or the system said, as it said it: the engine's full sentence.
    if (s.errorCode != ErrorCode::Other && s.errorCode != ErrorCode::None && !s.error.isEmpty())
        parts << s.error;
    if (s.errorCode == ErrorCode::ChecksumMismatch && !s.errorDetail.isEmpty())
        parts << tr("Got: %1").arg(s.errorDetail);
    return parts.join(QLatin1Char('\n'));
}

} // namespace bytehaul::ui
