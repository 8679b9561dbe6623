#!/usr/bin/env bash
# The WAN benchmark: bytehaul-cli against aria2c, axel, curl and wget through bytehaul-wanem (a
# user-space WAN emulator: delay each way, per-connection rate caps, slow routes, a connection
# limit) in front of nginx on 127.0.0.1. Interleaved, every result SHA-256 checked.
#   bench/wan.sh            256 MiB, 3 interleaved repetitions (about 15 minutes on 2 cores)
#   bench/wan.sh --quick    64 MiB, 1 repetition (about 2 minutes)
#   BYTEHAUL_WAN_CELLS="rtt80-cap4 small-rtt20" bench/wan.sh --quick   only these cells
#   BYTEHAUL_WAN_MIB and BYTEHAUL_WAN_REPS override the size and the repetitions
# bytehaul is the CLI's default (8 connections, more added while they help, up to 16: its ratio
# to the 8-connection ideal may go below 1); bytehaul-c8 is -c 8, exactly 8 connections.
# Prints per cell and tool the median wall time, CPU (user+sys), the TCP connections the client
# opened, the requests nginx saw, the bytes delivered per byte of file, the emulator's CPU as a
# share of the wall time (it must never be the bottleneck), and bytehaul's share of the ideal
# (where per-connection caps define one), ratio to the best peer and CPU against aria2c's.
# Single-connection tools (curl, wget) run only in uncapped cells: under a per-connection cap
# they take 8x as long and say nothing new.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
size_mib=256
reps=3
if [ "${1:-}" = "--quick" ]; then size_mib=64; reps=1; fi
size_mib="${BYTEHAUL_WAN_MIB:-$size_mib}"
reps="${BYTEHAUL_WAN_REPS:-$reps}"
cap=$((4 << 20))

. "$here/bench/common.sh"
bench_setup "$build" nginx:nginx-light aria2c:aria2 curl:curl axel:axel wget:wget /usr/bin/time:time
[ -x "$build/bench/bytehaul-wanem" ] || cmake --build "$build" --target bytehaul-wanem >/dev/null
wanem="$build/bench/bytehaul-wanem"
cli="$build/app/bytehaul-cli"

work="$(mktemp -d "${TMPDIR:-/var/tmp}/bytehaul-wan.XXXXXX")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
chmod 755 "$work" # nginx workers run as another user
mkdir -p "$work/www/small" "$work/out" "$work/nginx/tmp"
head -c "$((size_mib << 20))" /dev/urandom >"$work/www/payload.bin"
want="$(sha256sum "$work/www/payload.bin" | cut -d' ' -f1)"
head -c $((100 << 10)) /dev/urandom >"$work/www/small/f000.bin"
for i in $(seq 1 199); do cp "$work/www/small/f000.bin" "$work/www/small/f$(printf %03d "$i").bin"; done
want_small="$(sha256sum "$work/www/small/f000.bin" | cut -d' ' -f1)"

port=$((20000 + RANDOM % 20000))
wport=$((port + 1))
tport=$((port + 2)) # nginx over TLS, HTTP/2 offered (ALPN)
# A certificate for 127.0.0.1, trusted by every client through its own option (nothing is
# installed into the system's store).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
cat >"$work/nginx/nginx.conf" <<CONF
daemon off; worker_processes 1; error_log $work/nginx/error.log warn; pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  log_format conn '\$connection \$status \$body_bytes_sent \$server_protocol';
  access_log $work/nginx/access.log conn;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  sendfile on; keepalive_requests 100000; keepalive_timeout 60s;
  server { listen 127.0.0.1:$port; root $work/www; }
  server { listen 127.0.0.1:$tport ssl http2; root $work/www;
           ssl_certificate $work/nginx/cert.pem; ssl_certificate_key $work/nginx/key.pem; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & pids+=($!)
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/small/f000.bin" && break; sleep 0.1; done

# cell: name rtt_ms cap_bytes_per_s slow_every max_conns kind(big|small|tls: small files over
# HTTPS, where nginx offers HTTP/2)
cells=(
    "rtt20-nocap 20 0 0 0 big"
    "rtt80-nocap 80 0 0 0 big"
    "rtt200-nocap 200 0 0 0 big"
    "rtt20-cap4 20 $cap 0 0 big"
    "rtt80-cap4 80 $cap 0 0 big"
    "rtt200-cap4 200 $cap 0 0 big"
    "rtt80-cap4-slowroutes 80 $cap 4 0 big"
    "rtt80-cap4-max4conns 80 $cap 0 4 big"
    "small-rtt20 20 0 0 0 small"
    "small-rtt80 80 0 0 0 small"
    "smalltls-rtt0 0 0 0 0 tls"
    "smalltls-rtt20 20 0 0 0 tls"
    "smalltls-rtt80 80 0 0 0 tls"
)
if [ -n "${BYTEHAUL_WAN_CELLS:-}" ]; then
    keep=()
    for c in "${cells[@]}"; do
        for w in $BYTEHAUL_WAN_CELLS; do [ "${c%% *}" = "$w" ] && keep+=("$c"); done
    done
    cells=("${keep[@]}")
fi

base="http://127.0.0.1:$wport"
: >"$work/list.txt"; : >"$work/list-curl.txt"; : >"$work/tls-list.txt"; : >"$work/tls-list-curl.txt"
for i in $(seq 0 199); do
    f="f$(printf %03d "$i").bin"
    echo "$base/small/$f" >>"$work/list.txt"
    printf 'url = "%s"\noutput = "%s"\n' "$base/small/$f" "$work/out/$f" >>"$work/list-curl.txt"
    echo "https://127.0.0.1:$wport/small/$f" >>"$work/tls-list.txt"
    printf 'url = "%s"\noutput = "%s"\n' "https://127.0.0.1:$wport/small/$f" "$work/out/$f" >>"$work/tls-list-curl.txt"
done

results="$work/results.txt"
: >"$results"
start_wanem() { # rtt cap slow maxconns
    local to="$port"; [ "$kind" = tls ] && to="$tport"
    local args=(--listen "$wport" --to "127.0.0.1:$to" --rtt "$1")
    [ "$2" != 0 ] && args+=(--rate "$2")
    [ "$3" != 0 ] && args+=(--slow-every "$3")
    [ "$4" != 0 ] && args+=(--max-conns "$4")
    "$wanem" "${args[@]}" 2>"$work/wanem.log" & wp=$!
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$wport") 2>/dev/null && break; sleep 0.05
    done
}
stop_wanem() {
    kill "$wp"; wait "$wp" 2>/dev/null || true
}
# One run of one tool through a fresh emulator, so its counters are this run's alone: TCP
# connections the client opened, bytes delivered to it (sent for nothing when it closes a
# connection early), the emulator's CPU; the requests come from nginx's log.
run_one() { # cell, tool, kind, command...
    local cell="$1" tool="$2" kind="$3"; shift 3
    rm -rf "$work/out"; mkdir -p "$work/out"
    start_wanem "$rtt" "$rate" "$slow" "$maxc"
    : >"$work/nginx/access.log"; kill -USR1 "$nginx_pid"; sleep 0.1
    local ok=1
    /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' timeout 600 "$@" >/dev/null 2>"$work/cmd.err" || ok=0
    sleep 0.3 # nginx logs a request when its connection's write ends
    stop_wanem
    if [ "$ok" = 0 ]; then echo "!! $cell $tool failed:"; tail -5 "$work/cmd.err"; return 1; fi
    if [ "$kind" != big ]; then
        local n bad
        n="$(find "$work/out" -type f -name 'f*.bin' | wc -l)"
        bad="$(find "$work/out" -type f -name 'f*.bin' -exec sha256sum {} + | awk -v w="$want_small" '$1 != w' | wc -l)"
        if [ "$n" != 200 ] || [ "$bad" != 0 ]; then echo "!! $cell $tool: $n files, $bad wrong"; return 1; fi
    else
        local file; file="$(find "$work/out" -type f ! -name '*.bytehaul' ! -name '*.aria2' ! -name '*.st' | head -1)"
        if [ -z "$file" ] || [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$want" ]; then
            echo "!! $cell $tool: wrong SHA-256"; return 1
        fi
    fi
    local t conns reqs bytes emcpu
    t="$(tail -1 "$work/time.txt")"
    conns="$(sed -n 's/.*connections \([0-9]*\) accepted.*/\1/p' "$work/wanem.log")"
    conns=$((conns - 1)) # the readiness check's connection
    bytes="$(sed -n 's/.* \([0-9]*\) delivered.*/\1/p' "$work/wanem.log")"
    emcpu="$(sed -n 's/.*cpu \([0-9.]*\) s.*/\1/p' "$work/wanem.log")"
    reqs="$(grep -c . "$work/nginx/access.log" || true)"
    if [ "$kind" = tls ]; then # which protocol carried the requests
        echo "   $cell $tool: $(awk '{print $4}' "$work/nginx/access.log" | sort | uniq -c | tr '\n' ' ')"
    fi
    echo "$cell $tool $t $conns $reqs $bytes $emcpu" >>"$results"
}

echo "== $size_mib MiB, $reps interleaved repetition(s), ${#cells[@]} cell(s)"
for rep in $(seq "$reps"); do
    for c in "${cells[@]}"; do
        read -r name rtt rate slow maxc kind <<<"$c"
        url="$base/payload.bin"
        if [ "$kind" = big ]; then
            # The default (8 connections, more while they help, up to 16), and exactly 8.
            run_one "$name" bytehaul big "$cli" -q -d "$work/out" "$url" || true
            run_one "$name" bytehaul-c8 big "$cli" -q -c 8 -d "$work/out" "$url" || true
            run_one "$name" aria2c big aria2c -q -x 8 -s 8 -k 1M --file-allocation=falloc -d "$work/out" "$url" || true
            run_one "$name" axel big axel -q -n 8 -o "$work/out/payload.bin" "$url" || true
            if [ "$rate" = 0 ]; then
                run_one "$name" curl big curl -s -o "$work/out/payload.bin" "$url" || true
                run_one "$name" wget big wget -q -O "$work/out/payload.bin" "$url" || true
            fi
        elif [ "$kind" = tls ]; then
            ca="$work/nginx/cert.pem"
            run_one "$name" bytehaul tls "$cli" -q -c 1 -j 8 --ca-certificate "$ca" -d "$work/out" -i "$work/tls-list.txt" || true
            run_one "$name" curl-parallel tls curl -s --cacert "$ca" --parallel --parallel-max 8 -K "$work/tls-list-curl.txt" || true
            run_one "$name" curl-parallel-h1 tls curl -s --http1.1 --cacert "$ca" --parallel --parallel-max 8 -K "$work/tls-list-curl.txt" || true
            run_one "$name" aria2c tls aria2c -q -j 8 -x 1 --ca-certificate="$ca" -d "$work/out" -i "$work/tls-list.txt" || true
        else
            run_one "$name" bytehaul small "$cli" -q -c 1 -j 8 -d "$work/out" -i "$work/list.txt" || true
            run_one "$name" curl-parallel small curl -s --parallel --parallel-max 8 -K "$work/list-curl.txt" || true
            run_one "$name" aria2c small aria2c -q -j 8 -x 1 -d "$work/out" -i "$work/list.txt" || true
        fi
        echo "   rep $rep $name done"
    done
done

python3 - "$results" "$size_mib" "$cap" <<'PY'
import sys, statistics
rows, order = {}, []
for line in open(sys.argv[1]):
    cell, tool, wall, user, sys_, rss, conns, reqs, served, emcpu = line.split()
    if cell not in rows:
        order.append(cell)
    rows.setdefault(cell, {}).setdefault(tool, []).append(
        (float(wall), float(user) + float(sys_), int(conns), int(reqs), int(served), float(emcpu)))
mib, cap = int(sys.argv[2]), int(sys.argv[3]) / 1048576
def ideal(cell):
    rtt = int(cell.split("-")[-1 if cell.startswith("small") else 0].replace("rtt", "") or 0) / 1000
    if "slowroutes" in cell:   # the first 8 connections: 6 at the cap, 2 slow routes at a tenth
        return mib / (6 * cap + 2 * cap / 10) + 2 * rtt
    if "max4conns" in cell:
        return mib / (4 * cap) + 2 * rtt
    if "cap4" in cell:
        return mib / (8 * cap) + 2 * rtt
    return None
med = lambda v, i: statistics.median(x[i] for x in v)
print(f"\n{'cell':<24}{'tool':<15}{'wall s':>8}{'CPU s':>7}{'conns':>7}{'reqs':>6}{'served':>8}{'emu %':>6}  ratios")
for cell in order:
    tools = rows[cell]
    size = (200 * 100 * 1024) if cell.startswith("small") else mib << 20  # small and smalltls
    peers = [(med(v, 0), t) for t, v in tools.items() if not t.startswith("bytehaul")]
    best = min(peers) if peers else None
    aria = tools.get("aria2c")
    for tool, v in tools.items():
        note = ""
        if tool.startswith("bytehaul"):
            parts = []
            if ideal(cell):
                parts.append(f"ideal {ideal(cell):.2f} s: {ideal(cell) / med(v, 0):.2f} of it")
            if best:
                parts.append(f"/ best peer ({best[1]}) {med(v, 0) / best[0]:.2f}")
            if aria:
                parts.append(f"CPU / aria2c {med(v, 1) / max(med(aria, 1), 0.01):.2f}")
            note = "; ".join(parts)
        print(f"{cell:<24}{tool:<15}{med(v, 0):>8.2f}{med(v, 1):>7.2f}{med(v, 2):>7.0f}{med(v, 3):>6.0f}"
              f"{med(v, 4) / size:>8.3f}{100 * med(v, 5) / med(v, 0):>6.0f}  {note}")
PY
