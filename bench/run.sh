#!/usr/bin/env bash
# Benchmark: bytehaul-cli against aria2c, axel, curl and wget, side by side, on nginx over loopback.
#   bench/run.sh            full run: 2 GiB payload, 5 interleaved repetitions
#   bench/run.sh --quick    256 MiB payload, 1 repetition (about a minute)
# Prints medians (min-max) of wall time, throughput, CPU (user+sys) and peak RSS, the
# requests and TCP connections nginx saw, and the ratio bytehaul / best peer per row.
# bytehaul's Completed means the file is on disk (fdatasync); the peers stop at the page
# cache. So the peers also run once followed by `sync -d` ("+sync": the same guarantee), and
# bytehaul once under eatmydata ("nosync-", a diagnostic: what its syncs cost).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
size_mib=2048
limited_mib=1024
reps=5
if [ "${1:-}" = "--quick" ]; then size_mib=256; limited_mib=128; reps=1; fi

. "$here/bench/common.sh"
bench_setup "$build" nginx:nginx-light aria2c:aria2 curl:curl axel:axel wget:wget /usr/bin/time:time eatmydata:eatmydata

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
head -c "$((limited_mib * 1024 * 1024))" "$work/www/payload.bin" >"$work/www/limited.bin"
want_limited="$(sha256sum "$work/www/limited.bin" | cut -d' ' -f1)"
mkdir -p "$work/www/small"
head -c $((100 * 1024)) /dev/urandom >"$work/www/small/f000.bin"
for i in $(seq 1 199); do cp "$work/www/small/f000.bin" "$work/www/small/f$(printf %03d "$i").bin"; done
want_small="$(sha256sum "$work/www/small/f000.bin" | cut -d' ' -f1)"

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
    # Scenario 4: one connection in four (serial numbers divisible by 4) is ten times slower.
    map \$connection \$straggler_rate { "~(^|[02468])[048]\$|[13579][26]\$" 2m; default 20m; }
    server {
        listen 127.0.0.1:$port; root $work/www;
        location /limited/ { alias $work/www/; limit_rate 20m; }
        location /straggler/ { alias $work/www/; limit_rate \$straggler_rate; }
        location /norange/ { alias $work/www/; max_ranges 0; }
    }
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
        if [ "$c" = 1 ]; then
            run_one "wget-c1" wget -q -O "$work/out/payload.bin" "$url"
            # bytehaul reports Completed only once the file is on disk (fdatasync); the peers
            # stop when it is in the page cache. The same guarantee for a peer costs this:
            run_one "curl+sync-c1" sh -c "curl -s -o '$work/out/payload.bin' '$url' && sync -d '$work/out/payload.bin'"
        else
            run_one "axel-c$c" axel -q -n "$c" -o "$work/out/payload.bin" "$url"
            run_one "aria2c+sync-c$c" sh -c "aria2c -q -x $c -s $c -k 1M --file-allocation=falloc --allow-overwrite=true -d '$work/out' '$url' && sync -d '$work/out/payload.bin'"
        fi
        # Diagnostic, not a peer: bytehaul with its syncs made no-ops (eatmydata), i.e. what
        # the durability costs.
        run_one "nosync-bytehaul-c$c" eatmydata "$build/app/bytehaul-cli" -q -c "$c" -d "$work/out" "$url"
    done
    echo "   repetition $rep done"
done

# Scenarios 3-6: each tool's wall time, checked like the others.
scen="$work/scenarios.txt"
: >"$scen"
run_case() { # scenario, tool, expected sha256 (or "small"), command...
    local scenario="$1" tool="$2" expect="$3"; shift 3
    rm -rf "$work/out"; mkdir -p "$work/out"
    if ! /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$@" >/dev/null 2>"$work/cmd.err"; then
        echo "!! $scenario $tool failed:"; tail -5 "$work/cmd.err"; exit 1
    fi
    if [ "$expect" = small ]; then
        local n; n="$(find "$work/out" -type f -name 'f*.bin' | wc -l)"
        local bad; bad="$(find "$work/out" -type f -name 'f*.bin' -exec sha256sum {} + | awk -v w="$want_small" '$1 != w' | wc -l)"
        if [ "$n" != 200 ] || [ "$bad" != 0 ]; then echo "!! $scenario $tool: $n files, $bad wrong"; exit 1; fi
    else
        local file; file="$(find "$work/out" -type f ! -name '*.bytehaul' ! -name '*.aria2' | head -1)"
        if [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$expect" ]; then echo "!! $scenario $tool: wrong SHA-256"; exit 1; fi
    fi
    echo "$scenario $tool $(tail -1 "$work/time.txt")" >>"$scen"
}
base="http://127.0.0.1:$port"
: >"$work/list-bytehaul.txt"; : >"$work/list-curl.txt"
for i in $(seq 0 199); do
    f="f$(printf %03d "$i").bin"
    echo "$base/small/$f" >>"$work/list-bytehaul.txt"
    printf 'url = "%s"\noutput = "%s"\n' "$base/small/$f" "$work/out/$f" >>"$work/list-curl.txt"
done
echo "== scenarios 3-6, $reps interleaved repetitions"
for rep in $(seq "$reps"); do
    run_case 3-limit_rate bytehaul "$want_limited" "$build/app/bytehaul-cli" -q -c 8 -d "$work/out" "$base/limited/limited.bin"
    run_case 3-limit_rate aria2c "$want_limited" aria2c -q -x 8 -s 8 -k 1M --file-allocation=falloc -d "$work/out" "$base/limited/limited.bin"
    run_case 4-straggler bytehaul "$want_limited" "$build/app/bytehaul-cli" -q -c 8 -d "$work/out" "$base/straggler/limited.bin"
    run_case 4-straggler aria2c "$want_limited" aria2c -q -x 8 -s 8 -k 1M --file-allocation=falloc -d "$work/out" "$base/straggler/limited.bin"
    run_case 5-200files bytehaul small "$build/app/bytehaul-cli" -q -c 1 -j 8 -d "$work/out" -i "$work/list-bytehaul.txt"
    run_case 5-200files curl-parallel small curl -s --parallel --parallel-max 8 -K "$work/list-curl.txt"
    run_case 5-200files curl-parallel+sync small sh -c "curl -s --parallel --parallel-max 8 -K '$work/list-curl.txt' && sync -d '$work'/out/f*.bin"
    run_case 5-200files aria2c small aria2c -q -j 8 -x 1 -d "$work/out" -i "$work/list-bytehaul.txt"
    run_case 6-no-range bytehaul "$want" "$build/app/bytehaul-cli" -q -c 8 -d "$work/out" "$base/norange/payload.bin"
    run_case 6-no-range aria2c "$want" aria2c -q -x 8 -s 8 -k 1M --file-allocation=falloc -d "$work/out" "$base/norange/payload.bin"
    run_case 6-no-range curl "$want" curl -s -o "$work/out/payload.bin" "$base/norange/payload.bin"
    echo "   repetition $rep done"
done

echo "== machine ceilings (same run)"
/usr/bin/time -f 'curl -o /dev/null: %e s' curl -s -o /dev/null "$url"
/usr/bin/time -f "dd of $size_mib MiB to the same file system: %e s" \
    dd if=/dev/zero of="$work/out/dd.bin" bs=1M count="$size_mib" conv=fdatasync status=none

python3 - "$scen" "$limited_mib" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    scenario, tool, wall, user, sys_, rss = line.split()
    rows.setdefault(scenario, {}).setdefault(tool, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024))
mib = int(sys.argv[2])
ideal = {"3-limit_rate": mib / (8 * 20), "4-straggler": mib / (6 * 20 + 2 * 2)}
print()
print(f"{'scenario':<14} {'tool':<20} {'wall s':>8} {'CPU s':>7} {'RSS MiB':>8}  note")
for scenario, tools in sorted(rows.items()):
    best = min((statistics.median(x[0] for x in v), t) for t, v in tools.items() if t != "bytehaul" and "+sync" not in t)
    durable = [(statistics.median(x[0] for x in v), t) for t, v in tools.items() if "+sync" in t]
    for tool, v in sorted(tools.items()):
        wall = statistics.median(x[0] for x in v)
        note = ""
        if tool == "bytehaul":
            note = f"/ best peer ({best[1]}) = {wall / best[0]:.2f}"
            if durable:
                note += f"; / {min(durable)[1]} = {wall / min(durable)[0]:.2f}"
            if scenario in ideal:
                note += f"; / ideal {ideal[scenario]:.2f} s = {wall / ideal[scenario]:.2f}"
        print(f"{scenario:<14} {tool:<20} {wall:>8.2f} {statistics.median(x[1] for x in v):>7.2f} {max(x[2] for x in v):>8.1f}  {note}")
PY

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
print(f"{'tool':<20} {'wall s':<20} {'MiB/s':<10} {'CPU s':<20} {'CPU s/GiB':<10} {'peak RSS MiB':<20} {'req':>5} {'conn':>5}")
for name, r in sorted(rows.items()):
    wall = [x[0] for x in r]; cpu = [x[1] for x in r]; rss = [x[2] for x in r]
    print(f"{name:<20} {fmt(wall):<20} {mib / med(wall):<10.0f} {fmt(cpu):<20} {med(cpu) * 1024 / mib:<10.2f} {fmt(rss, '{:.1f}'):<20} {r[0][3]:>5} {r[0][4]:>5}")
print()
for c in ("c1", "c8"):
    b = rows.get(f"bytehaul-{c}")
    others = {k: v for k, v in rows.items() if k.endswith(c) and "bytehaul" not in k}
    peers = {k: v for k, v in others.items() if "+sync" not in k}
    durable = {k: v for k, v in others.items() if "+sync" in k}
    if not b or not peers: continue
    bw = med([x[0] for x in b]); bc = med([x[1] for x in b])
    best = min(peers, key=lambda k: med([x[0] for x in peers[k]]))
    pw = med([x[0] for x in peers[best]]); pc = med([x[1] for x in peers[best]])
    a = rows.get(f"aria2c-{c}")
    line = f"{c}: wall bytehaul/{best} = {bw / pw:.2f}, CPU = {bc / pc:.2f}"
    if a:
        line += f"; vs aria2c: wall {bw / med([x[0] for x in a]):.2f}, CPU {bc / med([x[1] for x in a]):.2f}"
    if durable:
        d = min(durable, key=lambda k: med([x[0] for x in durable[k]]))
        line += f"; vs the best peer made durable ({d}): wall {bw / med([x[0] for x in durable[d]]):.2f}"
    n = rows.get(f"nosync-bytehaul-{c}")
    if n:
        line += f"; without its syncs bytehaul/{best} = {med([x[0] for x in n]) / pw:.2f}"
    line += f"; bytehaul peak RSS {max(x[2] for x in b):.1f} MiB"
    print(line)
PY
