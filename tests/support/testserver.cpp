#include "testserver.h"

#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <sys/types.h>
#endif

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>
#include <QPointer>
#include <QUrl>

#include <utility>

namespace bytehaul::test {

struct TestServer::Connection
{
    int id = 0;
    QTcpSocket *socket = nullptr;
    QByteArray in;
    // The response being sent.
    bool sending = false;
    bool arrivedWhileSending = false; // a request came in before the answer being sent ended
    QByteArray body; // shared with the resource's data (implicit sharing)
    qint64 pos = 0;
    qint64 end = 0;
    qint64 rate = 0;
    qint64 sharedRate = 0;
    bool chunked = false;
    bool closeAfter = false;
    bool stalled = false;
    qint64 dropAt = -1;
    qint64 stallAt = -1;
    bool delayDone = false;
    QElapsedTimer clock;
    qint64 sentThisResponse = 0;
    QTimer *timer = nullptr;
};

QString TestServer::tlsCertificatePath()
{
    return QStringLiteral(BYTEHAUL_TEST_TLS_DIR "/server.crt");
}

TestServer::TestServer(QObject *parent, bool tls) : QObject(parent), m_tls(tls)
{
    if (tls) {
        auto *server = new QSslServer;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        QFile cert(tlsCertificatePath());
        QFile key(QStringLiteral(BYTEHAUL_TEST_TLS_DIR "/server.key"));
        cert.open(QIODevice::ReadOnly);
        key.open(QIODevice::ReadOnly);
        conf.setLocalCertificate(QSslCertificate(cert.readAll(), QSsl::Pem));
        conf.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
        server->setSslConfiguration(conf);
        m_server.reset(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &TestServer::onNewConnection);
}

TestServer::~TestServer()
{
    for (Connection *c : std::as_const(m_connections)) {
        c->socket->disconnect(this);
        c->socket->abort();
        delete c->socket;
        delete c;
    }
}

QByteArray TestServer::makeData(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    qint64 i = 0;
    for (; i + 4 <= size; i += 4) {
        const quint32 v = gen.generate();
        memcpy(data.data() + i, &v, 4);
    }
    for (; i < size; ++i)
        data[i] = char(gen.generate());
    return data;
}

QString TestServer::url(const QString &path) const
{
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http")).arg(port()).arg(path);
}

void TestServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        c->id = m_connectionCount++;
        c->socket = socket;
        c->timer = new QTimer(socket);
        c->timer->setInterval(5);
        connect(c->timer, &QTimer::timeout, this, [this, c] { pump(c); });
        m_connections.append(c);
        ++m_open;
        m_maxConcurrent = std::max(m_maxConcurrent, liveConnections(false));
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, c] { pump(c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c] { closeConnection(c); });
    }
}

// Counted at the moment, without a delay: connections the client already closed (its FIN is
// in the kernel, not yet seen by Qt) do not count. A client that closes one connection and
// opens the next sends the FIN first, so the new accept or request never sees both.
int TestServer::liveConnections(bool busyOnly) const
{
    int n = 0;
    for (const Connection *c : std::as_const(m_connections)) {
        if (busyOnly && !c->sending)
            continue;
#ifdef Q_OS_UNIX
        const qintptr fd = c->socket->socketDescriptor();
        char byte;
        if (fd < 0)
            continue;
        const ssize_t r = ::recv(int(fd), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
            continue; // closed by the client
#endif
        ++n;
    }
    return n;
}

void TestServer::closeConnection(Connection *c)
{
    if (!m_connections.removeOne(c))
        return;
    --m_open;
    c->socket->disconnect(this);
    c->timer->stop();
    c->socket->deleteLater();
    delete c;
}

void TestServer::onReadyRead(Connection *c)
{
    c->in += c->socket->readAll();
    if (c->sending && c->in.contains("\r\n\r\n"))
        c->arrivedWhileSending = true;
    while (!c->sending) {
        const qsizetype end = c->in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = c->in.left(end);
        c->in.remove(0, end + 4);
        handleRequest(c, head);
        if (!m_connections.contains(c))
            return;
    }
}

void TestServer::handleRequest(Connection *c, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (!c->delayDone && m_resources.contains(requestLine.value(1)) && m_resources[requestLine.value(1)].headerDelayMs > 0) {
        c->sending = true;
        QTimer::singleShot(m_resources[requestLine.value(1)].headerDelayMs, this, [this, c, head] {
            if (!m_connections.contains(c))
                return;
            c->sending = false;
            c->delayDone = true;
            handleRequest(c, head);
            if (!m_connections.contains(c))
                return;
            c->delayDone = false;
            if (!c->sending)
                onReadyRead(c);
        });
        return;
    }
    RequestLog log;
    log.connection = c->id;
    log.pipelined = std::exchange(c->arrivedWhileSending, false);
    log.path = requestLine.value(1);
    if (log.path.startsWith("http://")) {
        // An absolute URI: the client takes this server for a forward proxy.
        log.proxied = true;
        log.path = QUrl(QString::fromLatin1(log.path)).path(QUrl::FullyEncoded).toLatin1();
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            log.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    log.range = log.headers.value("range");
    m_requests.append(log);

    QByteArray response;
    if (m_redirects.contains(log.path)) {
        response = "HTTP/1.1 302 Found\r\nLocation: " + m_redirects.value(log.path) + "\r\nContent-Length: 0\r\n\r\n";
        c->socket->write(response);
        return;
    }
    if (!m_resources.contains(log.path)) {
        response = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found";
        c->socket->write(response);
        return;
    }
    const Resource &r = m_resources[log.path];
    const int index = m_requestIndex[log.path]++;
    if (r.silent) {
        c->sending = true; // holds the connection without a byte of answer
        c->stalled = true;
        return;
    }
    if (index < r.failFirstRequests) {
        response = "HTTP/1.1 " + QByteArray::number(r.failStatus) + " Busy\r\nRetry-After: 0\r\nContent-Length: 4\r\n\r\nbusy";
        c->socket->write(response);
        return;
    }
    if (!r.basicAuth.isEmpty() && log.headers.value("authorization") != "Basic " + r.basicAuth.toBase64()) {
        c->socket->write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"files\"\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    if (!r.requireCookie.isEmpty()
        && !(QByteArrayLiteral("; ") + log.headers.value("cookie") + QByteArrayLiteral(";")).contains("; " + r.requireCookie + ';')) {
        c->socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden");
        return;
    }
    if (r.maxConnections > 0 && m_open > r.maxConnections) {
        ++m_refused;
        c->socket->write("HTTP/1.1 503 Too many connections\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy");
        c->socket->disconnectFromHost();
        return;
    }
    const Fault fault = r.fault ? r.fault(index, c->id) : Fault {};
    if (fault.status >= 300 && fault.status < 400) {
        response = "HTTP/1.1 " + QByteArray::number(fault.status) + " Moved\r\n";
        if (!fault.location.isEmpty())
            response += "Location: " + fault.location + "\r\n";
        response += "Content-Length: 0\r\n\r\n";
        c->socket->write(response);
        return;
    }
    if (fault.status != 0) {
        response = "HTTP/1.1 " + QByteArray::number(fault.status) + " Fault\r\n";
        if (!fault.retryAfter.isEmpty())
            response += "Retry-After: " + fault.retryAfter + "\r\n";
        response += "Content-Length: 5\r\n\r\nfault";
        c->socket->write(response);
        return;
    }
    const qint64 size = r.data.size();
    qint64 start = 0, end = size;
    int status = 200;
    // If-Range that does not match the current validators: the whole (new) file, as RFC 9110 says.
    const QByteArray ifRange = log.headers.value("if-range");
    const bool ifRangeFails = !ifRange.isEmpty() && ifRange != r.etag && ifRange != r.lastModified;
    if (r.honorRange && !ifRangeFails && !fault.ignoreRange && log.range.startsWith("bytes=")) {
        const QByteArray spec = log.range.mid(6);
        const qsizetype dash = spec.indexOf('-');
        bool ok = false;
        const qint64 a = spec.left(dash).toLongLong(&ok);
        const QByteArray bText = spec.mid(dash + 1);
        const qint64 b = bText.isEmpty() ? size - 1 : std::min(bText.toLongLong(), size - 1);
        if (!ok || a >= size || b < a) {
            response = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + QByteArray::number(size)
                + "\r\nContent-Length: 0\r\n\r\n";
            c->socket->write(response);
            return;
        }
        start = std::min(size - 1, a + fault.shiftRange);
        end = std::min(size, b + 1 + fault.shiftRange);
        status = 206;
    }
    response = (r.http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray(status == 206 ? "206 Partial Content" : "200 OK") + "\r\n";
    if (status == 206) {
        response += "Content-Range: bytes " + QByteArray::number(start) + '-' + QByteArray::number(end - 1) + '/'
            + (!fault.rawTotal.isEmpty() ? fault.rawTotal : r.hideTotal ? QByteArray("*") : QByteArray::number(size))
            + "\r\n";
    }
    if (r.honorRange)
        response += "Accept-Ranges: bytes\r\n";
    if (!r.etag.isEmpty())
        response += "ETag: " + r.etag + "\r\n";
    if (!r.lastModified.isEmpty())
        response += "Last-Modified: " + r.lastModified + "\r\n";
    if (!r.contentDisposition.isEmpty())
        response += "Content-Disposition: " + r.contentDisposition + "\r\n";
    if (!r.contentEncoding.isEmpty())
        response += "Content-Encoding: " + r.contentEncoding + "\r\n";
    if (!fault.contentEncoding.isEmpty())
        response += "Content-Encoding: " + fault.contentEncoding + "\r\n";
    c->chunked = r.chunked;
    c->closeAfter = r.http10;
    if (r.chunked)
        response += "Transfer-Encoding: chunked\r\n";
    else if (!fault.rawContentLength.isEmpty()) {
        response += "Content-Length: " + fault.rawContentLength + "\r\nConnection: close\r\n";
        c->closeAfter = true;
    } else if (r.sendLength)
        response += "Content-Length: " + QByteArray::number(end - start + fault.extraLength) + "\r\n";
    else {
        response += "Connection: close\r\n";
        c->closeAfter = true;
    }
    response += "\r\n";
    c->socket->write(response);
    c->body = r.data;
    c->pos = start;
    c->end = end;
    c->rate = r.bytesPerSecond;
    c->sharedRate = r.totalBytesPerSecond;
    if (c->sharedRate > 0 && !m_sharedClock.isValid())
        m_sharedClock.start();
    if (r.slowEvery > 0 && c->id % r.slowEvery == r.slowEvery - 1)
        c->rate = std::max<qint64>(1, c->rate / 10);
    c->stalled = index == r.stallRequest || fault.stall;
    if (r.bodyDelayMs > 0 && index >= r.bodyDelayFrom && !c->stalled) {
        c->stalled = true;
        QPointer<QTcpSocket> sock(c->socket);
        QTimer::singleShot(r.bodyDelayMs, this, [this, c, sock] {
            if (!sock || !m_connections.contains(c))
                return;
            c->stalled = false;
            pump(c);
        });
    }
    c->dropAt = fault.cutAfter >= 0 ? fault.cutAfter : index < r.dropCount ? r.dropAfterBytes : -1;
    c->stallAt = fault.stallAfter;
    if (fault.extraLength > 0)
        c->dropAt = end - start; // declared more than it sends: close after the real bytes
    c->sentThisResponse = 0;
    c->sending = true;
    m_maxBusy = std::max(m_maxBusy, liveConnections(true));
    c->clock.start();
    if (c->rate > 0 || c->sharedRate > 0 || c->stalled)
        c->timer->start();
    pump(c);
}

void TestServer::pump(Connection *c)
{
    if (!c->sending || c->stalled)
        return;
    if (c->socket->bytesToWrite() > (256 << 10))
        return;
    qint64 allowed = 256 << 10;
    if (c->rate > 0) {
        const qint64 budget = c->rate * (c->clock.elapsed() + 5) / 1000 - c->sentThisResponse;
        allowed = std::min(allowed, budget);
        if (allowed <= 0)
            return;
    }
    if (c->sharedRate > 0) {
        // A link all connections share: more connections do not make it faster.
        const qint64 budget = c->sharedRate * (m_sharedClock.elapsed() + 5) / 1000 - m_sharedSent;
        allowed = std::min(allowed, std::min<qint64>(budget, 64 << 10));
        if (allowed <= 0)
            return;
    }
    qint64 n = std::min(allowed, c->end - c->pos);
    if (c->sharedRate > 0)
        m_sharedSent += std::max<qint64>(0, n);
    if (c->stallAt >= 0 && c->sentThisResponse + n >= c->stallAt) {
        n = c->stallAt - c->sentThisResponse;
        if (n > 0)
            c->socket->write(c->body.constData() + c->pos, n);
        c->pos += std::max<qint64>(0, n);
        c->sentThisResponse += std::max<qint64>(0, n);
        m_bodyBytesSent += std::max<qint64>(0, n);
        c->stalled = true; // nothing more on this connection; it stays open
        return;
    }
    if (c->dropAt >= 0 && c->sentThisResponse + n >= c->dropAt) {
        n = c->dropAt - c->sentThisResponse;
        if (n > 0)
            c->socket->write(c->body.constData() + c->pos, n);
        m_bodyBytesSent += n;
        c->sending = false;
        // Sends what is buffered, then closes; may delete c through disconnected(): return.
        c->socket->disconnectFromHost();
        return;
    }
    if (n > 0) {
        if (c->chunked)
            c->socket->write(QByteArray::number(n, 16) + "\r\n");
        c->socket->write(c->body.constData() + c->pos, n);
        if (c->chunked)
            c->socket->write("\r\n");
        c->pos += n;
        c->sentThisResponse += n;
        m_bodyBytesSent += n;
    }
    if (c->pos >= c->end)
        finishResponse(c);
}

void TestServer::finishResponse(Connection *c)
{
    c->sending = false;
    c->timer->stop();
    c->body.clear();
    if (c->chunked)
        c->socket->write("0\r\n\r\n");
    if (c->closeAfter) {
        c->socket->disconnectFromHost();
        return;
    }
    if (!c->in.isEmpty())
        QTimer::singleShot(0, this, [this, c] {
            if (m_connections.contains(c))
                onReadyRead(c);
        });
}

} // namespace bytehaul::test
