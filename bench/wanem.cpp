// wanem: a user-space WAN emulator for the benchmarks (this kernel has no netem). A TCP proxy
// on 127.0.0.1 in front of one server that
//   - delays every byte by half the round-trip time in each direction, and a new connection by
//     a whole round trip before its first byte (the TCP handshake), so the first byte of an
//     answer comes about 2 RTT after connect();
//   - caps each connection's download rate (as CDNs do), optionally 10x lower for every Nth new
//     connection (a slow route);
//   - refuses connections beyond a per-client maximum (closes them at once, as a server
//     that allows N connections does).
// One thread, epoll, no Qt. On SIGINT or SIGTERM it prints the connections it accepted and
// refused, the bytes it carried each way, and its own CPU time, so a benchmark can check it was
// never the bottleneck.
//
//   wanem --listen PORT --to HOST:PORT [--rtt MS] [--rate BYTES_PER_S] [--slow-every N]
//         [--max-conns N]
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

volatile sig_atomic_t g_stop = 0;

int64_t nowUs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

struct Chunk
{
    int64_t dueUs; // not sent before this time
    std::string bytes;
    size_t sent = 0;
};

// One direction of a proxied connection: bytes read from `from`, written to `to` after the delay
// (and, downstream, no faster than the rate).
struct Pipe
{
    std::deque<Chunk> queue;
    size_t queued = 0;
    bool eof = false; // `from` closed: shut `to` down once the queue is empty
    bool shut = false;
    bool blocked = false; // the last write hit a full socket buffer: wait for EPOLLOUT
    uint32_t events = EPOLLIN | EPOLLOUT; // what epoll watches on the fd this pipe reads from
    double rate = 0; // bytes per second; 0: unlimited
    int64_t nextFreeUs = 0; // rate pacing: when the next byte may leave
};

struct Conn
{
    int client = -1;
    int server = -1;
    bool connected = false;
    int64_t openUs = 0; // the handshake round trip ends here
    Pipe up; // client -> server
    Pipe down; // server -> client
};

struct Stats
{
    uint64_t accepted = 0, refused = 0, upBytes = 0, downBytes = 0, delivered = 0;
};

// Per direction: stop reading beyond this (backpressure). A real path holds about one
// bandwidth-delay product in flight, so that is what the emulator buffers (at least 256 KiB,
// at most 4 MiB when no cap defines the bandwidth): bytes a client discards by closing a
// connection early are then about what a real network would have carried for nothing.
size_t kMaxQueued = 4 << 20;

void nonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void onSignal(int)
{
    g_stop = 1;
}

} // namespace

int main(int argc, char **argv)
{
    int listenPort = 0;
    std::string toHost = "127.0.0.1";
    int toPort = 0;
    int64_t rttUs = 0;
    double rate = 0;
    int slowEvery = 0, maxConns = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--listen")
            listenPort = std::atoi(v.c_str());
        else if (k == "--to") {
            const size_t colon = v.rfind(':');
            toHost = v.substr(0, colon);
            toPort = std::atoi(v.c_str() + colon + 1);
        } else if (k == "--rtt")
            rttUs = int64_t(std::atof(v.c_str()) * 1000);
        else if (k == "--rate")
            rate = std::atof(v.c_str());
        else if (k == "--slow-every")
            slowEvery = std::atoi(v.c_str());
        else if (k == "--max-conns")
            maxConns = std::atoi(v.c_str());
        else {
            std::fprintf(stderr, "wanem: unknown option %s\n", k.c_str());
            return 2;
        }
    }
    if (listenPort <= 0 || toPort <= 0) {
        std::fprintf(stderr, "usage: wanem --listen PORT --to HOST:PORT [--rtt MS] [--rate B/S] [--slow-every N] [--max-conns N]\n");
        return 2;
    }
    if (rate > 0)
        kMaxQueued = std::clamp<size_t>(size_t(rate * double(rttUs) / 1e6), 256 << 10, 4 << 20);
    signal(SIGINT, onSignal);
    signal(SIGTERM, onSignal);
    signal(SIGPIPE, SIG_IGN);

    const int lfd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(listenPort));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || listen(lfd, 256) != 0) {
        std::perror("wanem: listen");
        return 1;
    }
    nonBlocking(lfd);
    sockaddr_in target {};
    target.sin_family = AF_INET;
    target.sin_port = htons(uint16_t(toPort));
    inet_pton(AF_INET, toHost.c_str(), &target.sin_addr);

    const int ep = epoll_create1(0);
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = lfd;
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);

    std::map<int, std::shared_ptr<Conn>> byFd;
    std::vector<std::shared_ptr<Conn>> conns;
    Stats stats;
    uint64_t opened = 0;
    std::vector<char> buf(1 << 20);

    const auto closeConn = [&](const std::shared_ptr<Conn> &c) {
        for (int fd : { c->client, c->server }) {
            if (fd >= 0) {
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
                byFd.erase(fd);
                close(fd);
            }
        }
        c->client = c->server = -1;
    };
    // Reads what a socket has into a pipe (when the pipe has room), stamped with its due time.
    const auto readInto = [&](int fd, Pipe &p, int64_t now, uint64_t &counter) {
        while (!p.eof && p.queued < kMaxQueued) {
            const ssize_t n = read(fd, buf.data(), buf.size());
            if (n > 0) {
                p.queue.push_back({ now + rttUs / 2, std::string(buf.data(), size_t(n)) });
                p.queued += size_t(n);
                counter += uint64_t(n);
            } else if (n == 0) {
                p.eof = true;
            } else {
                if (errno != EAGAIN && errno != EWOULDBLOCK)
                    p.eof = true;
                break;
            }
        }
    };
    // Writes what is due; returns the time the pipe next wants to write (or INT64_MAX).
    const auto flush = [&](int fd, Pipe &p, int64_t now, bool toClient) -> int64_t {
        while (!p.queue.empty()) {
            Chunk &c = p.queue.front();
            const int64_t due = std::max(c.dueUs, p.nextFreeUs);
            if (due > now)
                return due;
            size_t want = c.bytes.size() - c.sent;
            if (p.rate > 0) // paced in slices of at most 5 ms of transfer
                want = std::min(want, std::max<size_t>(1460, size_t(p.rate * 0.005)));
            const ssize_t n = write(fd, c.bytes.data() + c.sent, want);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOTCONN)) {
                p.blocked = true;
                return INT64_MAX;
            }
            if (n <= 0)
                return -1;
            p.blocked = false;
            c.sent += size_t(n);
            p.queued -= size_t(n);
            if (toClient)
                stats.delivered += uint64_t(n);
            // Paced against the ideal schedule: a wake-up that comes late is caught up (within
            // 20 ms), so timer granularity does not lower the rate; an idle pipe starts afresh.
            if (p.rate > 0)
                p.nextFreeUs = (p.nextFreeUs < now - 20000 ? now : p.nextFreeUs) + int64_t(double(n) * 1e6 / p.rate);
            if (c.sent == c.bytes.size())
                p.queue.pop_front();
        }
        if (p.eof && !p.shut) {
            shutdown(fd, SHUT_WR);
            p.shut = true;
        }
        return INT64_MAX;
    };

    while (!g_stop) {
        const int64_t now = nowUs();
        // Connections whose handshake round trip is over get their upstream connection.
        int64_t nextWake = INT64_MAX;
        for (auto &c : conns) {
            if (c->client < 0)
                continue;
            if (!c->connected) {
                if (c->openUs <= now) {
                    c->server = socket(AF_INET, SOCK_STREAM, 0);
                    nonBlocking(c->server);
                    connect(c->server, reinterpret_cast<sockaddr *>(&target), sizeof target);
                    byFd[c->server] = c;
                    epoll_event e {};
                    e.events = EPOLLIN | EPOLLOUT;
                    e.data.fd = c->server;
                    epoll_ctl(ep, EPOLL_CTL_ADD, c->server, &e);
                    e.data.fd = c->client;
                    epoll_ctl(ep, EPOLL_CTL_ADD, c->client, &e);
                    byFd[c->client] = c;
                    c->connected = true;
                } else {
                    nextWake = std::min(nextWake, c->openUs);
                    continue;
                }
            }
            // Read where there is room (also what arrived before the upstream connection), then
            // write what is due, and wake when the next chunk is.
            if (c->up.queued < kMaxQueued && !c->up.eof)
                readInto(c->client, c->up, now, stats.upBytes);
            if (c->down.queued < kMaxQueued && !c->down.eof)
                readInto(c->server, c->down, now, stats.downBytes);
            const int64_t a = flush(c->server, c->up, now, false);
            const int64_t b = flush(c->client, c->down, now, true);
            if (a < 0 || b < 0 || (c->up.shut && c->down.shut)) {
                closeConn(c);
                continue;
            }
            nextWake = std::min({ nextWake, a, b });
            // Level-triggered interest only where it can act: reading while the pipe has room,
            // writing while a write waits for buffer space (a due time is a timer, not an event).
            const auto interest = [&](int fd, Pipe &in, const Pipe &out) {
                const uint32_t want = (in.eof || in.queued >= kMaxQueued ? 0u : uint32_t(EPOLLIN)) | (out.blocked ? uint32_t(EPOLLOUT) : 0u);
                if (want == in.events)
                    return; // a system call only when the interest changes
                in.events = want;
                epoll_event e {};
                e.events = want;
                e.data.fd = fd;
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &e);
            };
            interest(c->client, c->up, c->down);
            interest(c->server, c->down, c->up);
        }
        conns.erase(std::remove_if(conns.begin(), conns.end(), [](const auto &c) { return c->client < 0; }), conns.end());
        int timeoutMs = 50;
        if (nextWake < INT64_MAX)
            timeoutMs = int(std::clamp<int64_t>((nextWake - nowUs() + 999) / 1000, 0, 50));
        epoll_event events[64];
        const int n = epoll_wait(ep, events, 64, timeoutMs);
        const int64_t t = nowUs();
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == lfd) {
                for (;;) {
                    const int cfd = accept(lfd, nullptr, nullptr);
                    if (cfd < 0)
                        break;
                    size_t live = 0;
                    for (const auto &c : conns)
                        live += c->client >= 0;
                    if (maxConns > 0 && live >= size_t(maxConns)) {
                        linger lg { 1, 0 }; // a reset, as a server over its limit does
                        setsockopt(cfd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
                        close(cfd);
                        ++stats.refused;
                        continue;
                    }
                    nonBlocking(cfd);
                    auto c = std::make_shared<Conn>();
                    c->client = cfd;
                    c->openUs = t + rttUs; // SYN, SYN-ACK: a round trip before the first byte
                    ++opened;
                    c->down.rate = (slowEvery > 0 && opened % uint64_t(slowEvery) == 0) ? rate / 10 : rate;
                    conns.push_back(c);
                    ++stats.accepted;
                }
                continue;
            }
            auto it = byFd.find(fd);
            if (it == byFd.end())
                continue;
            const std::shared_ptr<Conn> c = it->second;
            if (fd == c->client)
                readInto(c->client, c->up, t, stats.upBytes);
            else
                readInto(c->server, c->down, t, stats.downBytes);
        }
    }
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    const double cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    std::fprintf(stderr, "wanem: connections %llu accepted, %llu refused; bytes %llu up, %llu down, %llu delivered; cpu %.2f s\n",
                 (unsigned long long)stats.accepted, (unsigned long long)stats.refused, (unsigned long long)stats.upBytes,
                 (unsigned long long)stats.downBytes, (unsigned long long)stats.delivered, cpu);
    return 0;
}
