#!/usr/bin/env bash
# Benchmark: bytehaul-cli against aria2c and curl, side by side, on nginx over loopback.
#   bench/run.sh            full run: 2 GiB payload, 5 interleaved repetitions
#   bench/run.sh --quick    256 MiB payload, 1 repetition (about a minute)
# Prints medians (min-max) of wall time, throughput, CPU (user+sys) and peak RSS, the
# requests and TCP connections nginx saw, and the ratio bytehaul / best peer per row.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
size_mib=2048
reps=5
if [ "${1:-}" = "--quick" ]; then size_mib=256; reps=1; fi

need=()
for tool in nginx:nginx-light aria2c:aria2 curl:curl /usr/bin/time:time; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi
[ -x "$build/app/bytehaul-cli" ] || bash "$here/scripts/setup.sh" build

work="$(mktemp -d "${TMPDIR:-/var/tmp}/bytehaul-bench.XXXXXX")"
nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

chmod 755 "$work"
mkdir -p "$work/www" "$work/out" "$work/nginx/logs" "$work/nginx/tmp"
echo "== payload: $size_mib MiB"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/www/payload.bin"
want="$(sha256sum "$work/www/payload.bin" | cut -d' ' -f1)"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $work/nginx/logs/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log $work/nginx/logs/access.log combined_conn;
    log_format combined_conn '\$connection \$request "\$http_range" \$status \$body_bytes_sent';
    client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
    sendfile on; tcp_nopush on; keepalive_requests 100000;
    server { listen 127.0.0.1:$port; root $work/www; }
}
CONF
# log_format must precede its use.
sed -i 's|^    access_log .*||; s|^    log_format \(.*\)|    log_format \1\n    access_log '"$work"'/nginx/logs/access.log combined_conn;|' "$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/payload.bin" -r 0-0 && break; sleep 0.1; done

url="http://127.0.0.1:$port/payload.bin"
results="$work/results.txt"
: >"$results"

run_one() { # name, command...
    local name="$1"; shift
    rm -rf "$work/out"/*
    : >"$work/nginx/logs/access.log"
    kill -USR1 "$nginx_pid" 2>/dev/null || true
    sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || true
    if ! /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$@" >/dev/null 2>"$work/cmd.err"; then
        echo "!! $name failed:"; tail -5 "$work/cmd.err"; exit 1
    fi
    local t; t="$(tail -1 "$work/time.txt")"
    local file; file="$(find "$work/out" -type f ! -name '*.bytehaul' ! -name '*.aria2' | head -1)"
    local got=""; [ -n "$file" ] && got="$(sha256sum "$file" | cut -d' ' -f1)"
    if [ "$got" != "$want" ]; then echo "!! $name: wrong SHA-256 ($got)"; cat "$work/cmd.err" | tail -5; exit 1; fi
    sleep 0.3
    local reqs conns
    reqs="$(grep -c . "$work/nginx/logs/access.log" || true)"
    conns="$(awk '{print $1}' "$work/nginx/logs/access.log" | sort -u | wc -l)"
    echo "$name $t $reqs $conns" >>"$results"
}

echo "== $reps interleaved repetitions"
for rep in $(seq "$reps"); do
    for c in 1 8; do
        run_one "bytehaul-c$c" "$build/app/bytehaul-cli" -q -c "$c" -d "$work/out" "$url"
        run_one "aria2c-c$c" aria2c -q -x "$c" -s "$c" -k 1M --file-allocation=falloc --allow-overwrite=true -d "$work/out" "$url"
        run_one "curl-c$c" curl -s -o "$work/out/payload.bin" "$url"
    done
    echo "   repetition $rep done"
done

echo "== machine ceilings (same run)"
/usr/bin/time -f 'curl -o /dev/null: %e s' curl -s -o /dev/null "$url"
/usr/bin/time -f "dd of $size_mib MiB to the same file system: %e s" \
    dd if=/dev/zero of="$work/out/dd.bin" bs=1M count="$size_mib" conv=fdatasync status=none

python3 - "$results" "$size_mib" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    name, wall, user, sys_, rss, reqs, conns = line.split()
    rows.setdefault(name, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024, int(reqs), int(conns)))
mib = int(sys.argv[2])
def med(v): return statistics.median(v)
def fmt(vals, f="{:.2f}"): return f"{f.format(med(vals))} ({f.format(min(vals))}-{f.format(max(vals))})"
print()
print(f"{'tool':<14} {'wall s':<20} {'MiB/s':<10} {'CPU s':<20} {'peak RSS MiB':<20} {'req':>5} {'conn':>5}")
for name, r in sorted(rows.items()):
    wall = [x[0] for x in r]; cpu = [x[1] for x in r]; rss = [x[2] for x in r]
    print(f"{name:<14} {fmt(wall):<20} {mib / med(wall):<10.0f} {fmt(cpu):<20} {fmt(rss, '{:.1f}'):<20} {r[0][3]:>5} {r[0][4]:>5}")
print()
for c in ("c1", "c8"):
    b = rows.get(f"bytehaul-{c}")
    peers = {k: v for k, v in rows.items() if k.endswith(c) and not k.startswith("bytehaul")}
    if not b or not peers: continue
    best = min(peers, key=lambda k: med([x[0] for x in peers[k]]))
    bw = med([x[0] for x in b]); pw = med([x[0] for x in peers[best]])
    bc = med([x[1] for x in b]); pc = med([x[1] for x in peers[best]])
    a = rows.get(f"aria2c-{c}")
    line = f"{c}: wall bytehaul/{best} = {bw / pw:.2f}, CPU = {bc / pc:.2f}"
    if a:
        line += f"; vs aria2c: wall {bw / med([x[0] for x in a]):.2f}, CPU {bc / med([x[1] for x in a]):.2f}"
    line += f"; bytehaul peak RSS {max(x[2] for x in b):.1f} MiB"
    print(line)
PY
