// TestServer: an in-process HTTP/1.1 server on 127.0.0.1 for the engine's tests. It serves
// generated content and can honour or ignore Range, hide the total, omit Content-Length, use
// chunked encoding, throttle or stall connections, and logs every connection and request so
// tests can assert what the engine really did on the wire.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QElapsedTimer>
#include <QObject>
#include <QTcpServer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace bytehaul::test {

// A fault for one request; the Resource's `fault` hook picks one per request.
struct Fault
{
    int status = 0; // answer this status instead (with Retry-After when set)
    QByteArray retryAfter;
    bool ignoreRange = false; // 200 with the whole file to a Range request
    qint64 shiftRange = 0; // Content-Range (and body) start moved by this many bytes
    qint64 extraLength = 0; // Content-Length declares this much more than the range
    qint64 cutAfter = -1; // close the connection after this many body bytes
    QByteArray contentEncoding;
    QByteArray rawContentLength; // sent verbatim instead of the real one
    QByteArray rawTotal; // a 206's Content-Range total, sent verbatim instead of the real one
    QByteArray location; // with a 3xx status: the Location header (empty: none)
    bool stall = false; // send the headers, then nothing (the client's read timeout must act)
    qint64 stallAfter = -1; // send this many body bytes, then nothing (the connection stays open)
};

struct Resource
{
    QByteArray data;
    bool honorRange = true;
    bool sendLength = true;
    bool chunked = false;
    bool hideTotal = false; // 206 with "bytes a-b/*"
    QByteArray contentEncoding; // sent as Content-Encoding (body unchanged)
    QByteArray contentDisposition;
    QByteArray etag;
    QByteArray lastModified;
    qint64 bytesPerSecond = 0; // per connection; 0 = unlimited
    qint64 totalBytesPerSecond = 0; // shared by all connections (a full link); 0 = unlimited
    int slowEvery = 0; // connection ids divisible by this are 10x slower (0 = none)
    bool silent = false; // reads requests and never answers
    int stallRequest = -1; // this request index (0-based, per resource) sends headers then stalls
    int failFirstRequests = 0; // that many requests get failStatus first
    int failStatus = 503;
    int dropAfterBytes = -1; // each response body is cut after this many bytes (once per request index < dropCount)
    int dropCount = 0;
    int maxConnections = 0; // > 0: answer 503 and close when more connections are open
    int headerDelayMs = 0; // each answer's headers wait this long (a WAN round trip)
    int bodyDelayMs = 0; // from request bodyDelayFrom on, the body starts this long after the headers
    int bodyDelayFrom = 0;
    bool http10 = false; // answers as HTTP/1.0 and closes after each answer
    QByteArray basicAuth; // "user:password": a 401 challenge until a request carries them
    QByteArray requireCookie; // "name=value": 403 unless the Cookie header carries it
    // Called with the request's index (per resource) and the connection's id.
    std::function<Fault(int request, int connection)> fault;
};

struct RequestLog
{
    int connection = 0;
    QByteArray path;
    QByteArray range;
    bool proxied = false; // asked as a forward proxy (absolute URI)
    bool pipelined = false; // sent before the previous answer on its connection had ended
    QHash<QByteArray, QByteArray> headers;
};

class TestServer final : public QObject
{
    Q_OBJECT

public:
    // tls: an HTTPS listener with the self-signed certificate in tests/support/tls.
    explicit TestServer(QObject *parent = nullptr, bool tls = false);
    static QString tlsCertificatePath();
    ~TestServer() override;

    static QByteArray makeData(qint64 size, quint32 seed = 1);

    quint16 port() const { return m_server->serverPort(); }
    QString url(const QString &path) const;
    void setResource(const QByteArray &path, const Resource &resource) { m_resources.insert(path, resource); }
    Resource &resource(const QByteArray &path) { return m_resources[path]; }
    void addRedirect(const QByteArray &from, const QByteArray &to) { m_redirects.insert(from, to); }

    int connectionCount() const { return m_connectionCount; }
    // The most connections open together, counted at each accept (exactly: see liveConnections).
    int maxConcurrentConnections() const { return m_maxConcurrent; }
    // The most connections busy answering a request together (idle keep-alive ones excluded),
    // counted at each request.
    int maxBusyConnections() const { return m_maxBusy; }
    const QList<RequestLog> &requests() const { return m_requests; }
    qint64 bodyBytesSent() const { return m_bodyBytesSent; }
    // Requests answered 503 for a connection beyond Resource::maxConnections.
    int refusedConnections() const { return m_refused; }

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(Connection *c);
    void handleRequest(Connection *c, const QByteArray &head);
    void pump(Connection *c);
    void finishResponse(Connection *c);
    void closeConnection(Connection *c);
    int liveConnections(bool busyOnly) const;

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QHash<QByteArray, Resource> m_resources;
    QHash<QByteArray, QByteArray> m_redirects;
    QHash<QByteArray, int> m_requestIndex;
    QList<Connection *> m_connections;
    QList<RequestLog> m_requests;
    int m_connectionCount = 0;
    int m_open = 0;
    int m_maxConcurrent = 0;
    int m_maxBusy = 0;
    int m_refused = 0;
    qint64 m_bodyBytesSent = 0;
    QElapsedTimer m_sharedClock; // Resource::totalBytesPerSecond: one bucket for all connections
    qint64 m_sharedSent = 0;
};

} // namespace bytehaul::test
