#!/usr/bin/env bash
# Benchmark: how much does a crash cost? Each client downloads one file from nginx over
# loopback, is SIGKILLed at a random moment early in the download several times in a row
# (each restart continues from what is on disk), then runs to the end. Reported: the body
# bytes nginx sent, summed over all the runs, divided by the file size (1.00 = nothing was
# fetched twice), and whether the final file's SHA-256 is right.
#
#   crash-waste.sh                 256 MiB, 5 kills + 1 finishing run, seeds "1 2 3"
# Environment (all optional):
#   CRASH_SIZE_MIB=256   file size
#   CRASH_RATE_MIB=7     nginx limit_rate per request, MiB/s (8 connections: 8x this)
#   CRASH_KILLS=5        SIGKILLs before the finishing run
#   CRASH_SEEDS="1 2 3"  one repetition per seed; a seed fixes the kill times (replayable),
#                        the same kill times for every client in that repetition
#                        ("at1.2" instead of a seed: a single kill 1.2 s after the start)
#   CRASH_LO=0.05 CRASH_HI=0.40  kill moment, as a fraction of the expected download time
#                        (size / (8 x rate)), uniform, measured from the client's start
#   CRASH_CLIENTS="bytehaul bytehaul-save5 aria2c axel"
#   CRASH_BASELINE=1     also one uninterrupted run per client (its ratio should be 1.00)
#   CRASH_KEEP=DIR       copy nginx's access log and the raw results there at the end
#   BYTEHAUL_BUILD_DIR   default: <repo>/build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -d "$here/app" ] || here="$(cd "$here/.." && pwd)"   # works from the repo root or from bench/
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
size_mib="${CRASH_SIZE_MIB:-256}"
rate_mib="${CRASH_RATE_MIB:-7}"
kills="${CRASH_KILLS:-5}"
seeds="${CRASH_SEEDS:-1 2 3}"
lo="${CRASH_LO:-0.05}"
hi="${CRASH_HI:-0.40}"
clients="${CRASH_CLIENTS:-bytehaul bytehaul-save5 aria2c axel}"
baseline="${CRASH_BASELINE:-1}"
final_timeout=300   # seconds for a finishing run
quiet_timeout=20    # seconds to wait for nginx to close and log every connection

need=()
for tool in nginx:nginx-light aria2c:aria2 axel:axel curl:curl python3:python3; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi
case " $clients " in *" bytehaul"*)
    [ -x "$build/app/bytehaul-cli" ] || { echo "no $build/app/bytehaul-cli: build it first" >&2; exit 1; } ;;
esac

work="$(mktemp -d "${TMPDIR:-/var/tmp}/bytehaul-crash.XXXXXX")"
nginx_pid=""
client_pid=""
cleanup() {
    if [ -n "${CRASH_KEEP:-}" ] && [ -d "$work/nginx" ]; then
        mkdir -p "$CRASH_KEEP" && cp "$work/nginx/logs/access.log" "$work/results.txt" "$CRASH_KEEP/" 2>/dev/null || true
    fi
    [ -n "$client_pid" ] && kill -KILL "$client_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && wait "$nginx_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

chmod 755 "$work"
mkdir -p "$work/www" "$work/out" "$work/nginx/logs" "$work/nginx/tmp"
echo "== payload: $size_mib MiB, limit_rate ${rate_mib} MiB/s per request"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/www/payload.bin"
want="$(sha256sum "$work/www/payload.bin" | cut -d' ' -f1)"
size_bytes="$((size_mib * 1024 * 1024))"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $work/nginx/logs/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    log_format bytes '\$connection \$status \$body_bytes_sent "\$http_range" \$request_time';
    access_log $work/nginx/logs/access.log bytes;
    client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
    sendfile on; tcp_nopush on; keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port; root $work/www;
        limit_rate ${rate_mib}m;
        location = /status { stub_status; access_log off; }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/status" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/status" || { echo "nginx did not start" >&2; cat "$work/nginx/logs/error.log" >&2; exit 1; }
url="http://127.0.0.1:$port/payload.bin"
log="$work/nginx/logs/access.log"

# Expected time of an uninterrupted download on 8 connections, and the kill times per seed.
expected="$(python3 -c "print($size_mib / (8 * $rate_mib))")"
kill_times() { # seed -> $kills kill moments in seconds, one per line; "atS" -> one kill at S s
    case "$1" in at*) echo "${1#at}"; return ;; esac
    python3 -c "
import random
r = random.Random($1)
for _ in range($kills): print(f'{r.uniform($lo, $hi) * $expected:.3f}')"
}
echo "== expected download time ${expected} s; kills at ${lo}-${hi} of it; seeds: $seeds"

client_cmd() { # client name -> the command line in the array cmd
    case "$1" in
        bytehaul)       cmd=("$build/app/bytehaul-cli" -q -c 8 -d "$work/out" "$url") ;;
        bytehaul-save5) cmd=("$build/app/bytehaul-cli" -q -c 8 --save-interval 5 -d "$work/out" "$url") ;;
        aria2c)         cmd=(aria2c -q -x 8 -s 8 -k 1M --file-allocation=falloc -d "$work/out" "$url") ;;
        axel)           cmd=(axel -q -n 8 -o "$work/out/payload.bin" "$url") ;;
        *) echo "unknown client $1" >&2; exit 2 ;;
    esac
}

# Waits until nginx has no connection left but the one asking (so every request is logged).
wait_quiet() {
    local deadline=$((SECONDS + quiet_timeout)) active
    while [ "$SECONDS" -lt "$deadline" ]; do
        active="$(curl -sf "http://127.0.0.1:$port/status" | awk '/^Active connections/ {print $3}')"
        [ "$active" = 1 ] && return 0
        sleep 0.2
    done
    echo "   (nginx still had $active connections after ${quiet_timeout} s)" >&2
}

# Runs the client; with a kill time, SIGKILLs it then (if it is still running). Sets rc and
# killed. A finishing run is bounded by final_timeout.
run_client() { # kill_seconds or "" , runlog
    local at="$1" runlog="$2" start deadline
    "${cmd[@]}" >>"$runlog" 2>&1 </dev/null &
    client_pid=$!
    killed=0; rc=0
    if [ -n "$at" ]; then
        sleep "$at"
        kill -KILL "$client_pid" 2>/dev/null || true
        wait "$client_pid" 2>/dev/null || rc=$?
        [ "$rc" != 137 ] || killed=1   # 128 + SIGKILL: it was still running
    else
        deadline=$((SECONDS + final_timeout))
        while kill -0 "$client_pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
        if kill -0 "$client_pid" 2>/dev/null; then
            kill -KILL "$client_pid" 2>/dev/null || true
            echo "   !! finishing run still going after ${final_timeout} s: killed" >&2
        fi
        wait "$client_pid" 2>/dev/null || rc=$?
    fi
    client_pid=""
}

results="$work/results.txt"
: >"$results"
quiet() { # wait_quiet, saying so when it took long
    local q0=$SECONDS
    wait_quiet
    [ $((SECONDS - q0)) -lt 2 ] || echo "   (waited $((SECONDS - q0)) s for nginx to go quiet)"
}
sent_since() { # log offset -> "bytes requests" logged since then
    tail -c +"$(($1 + 1))" "$log" | awk '{s += $3; n++} END {printf "%d %d\n", s, n}'
}
mib() { python3 -c "print(f'{$1 / 1048576:.0f}')"; }
one_rep() { # client, seed ("-" = no kills)
    local client="$1" seed="$2" runlog="$work/run.log" from at t0 run_s=0 ratio sha ok landed=0 notes=""
    local bytes=0 reqs=0 b n per_run=""
    client_cmd "$client"
    rm -rf "$work/out"; mkdir -p "$work/out"
    : >"$runlog"
    quiet
    # Each run's bytes are counted on their own: after a kill, nginx is let notice the closed
    # connections and log them before the next run starts (a fraction of a second).
    for at in $( [ "$seed" = - ] || kill_times "$seed") final; do
        from="$(stat -c %s "$log")"
        t0="$(date +%s.%N)"
        if [ "$at" = final ]; then
            run_client "" "$runlog"
            [ "$rc" = 0 ] || notes+=" final-rc=$rc"
        else
            run_client "$at" "$runlog"
            if [ "$killed" = 1 ]; then landed=$((landed + 1)); else notes+=" exited-before-kill(rc=$rc)"; fi
        fi
        # Finished before its kill: the download is complete, nothing left to crash or resume
        # (running the command again would start a second copy of the file).
        local done_early=0
        [ "$at" != final ] && [ "$killed" = 0 ] && [ "$rc" = 0 ] && done_early=1
        run_s="$(python3 -c "print($run_s + $(date +%s.%N) - $t0)")"
        quiet
        read -r b n < <(sent_since "$from")
        bytes=$((bytes + b)); reqs=$((reqs + n)); per_run+="$(mib "$b")+"
        [ "$done_early" = 0 ] || { notes+=" (complete after $landed kills)"; break; }
    done
    sha="$( [ -f "$work/out/payload.bin" ] && sha256sum "$work/out/payload.bin" | cut -d' ' -f1 || echo none)"
    ok=no; [ "$sha" = "$want" ] && ok=yes
    local extra; extra="$(find "$work/out" -mindepth 1 ! -name payload.bin -printf '%f ' 2>/dev/null)"
    [ -n "$extra" ] && notes+=" left:[${extra% }]"
    ratio="$(python3 -c "print(f'{$bytes / $size_bytes:.3f}')")"
    printf '%s %s %s %s %s %s %s %.1f %s%s\n' "$client" "$seed" "$ratio" "$ok" "$reqs" "$landed" "$bytes" \
        "$run_s" "${per_run%+}" "${notes:+ #$notes}" >>"$results"
    printf '   %-15s seed %-2s ratio %s  sha %-3s  req %-4s kills %s  %5.1f s  MiB sent per run %s%s\n' "$client" \
        "$seed" "$ratio" "$ok" "$reqs" "$landed" "$run_s" "${per_run%+}" "$notes"
    if [ "$ok" != yes ]; then echo "   --- $client output:"; tail -5 "$runlog" | sed 's/^/   /'; fi
}

began=$SECONDS
if [ "$baseline" = 1 ]; then
    echo "== baseline: one uninterrupted run per client"
    for c in $clients; do one_rep "$c" -; done
fi
for seed in $seeds; do
    echo "== seed $seed: kills at $(kill_times "$seed" | paste -sd' ') s, then a finishing run (each run stopping early if it completes)"
    for c in $clients; do one_rep "$c" "$seed"; done
done
echo "== took $((SECONDS - began)) s"

python3 - "$results" "$kills" <<'PY'
import sys, statistics
rows = {}
base = {}
for line in open(sys.argv[1]):
    f = line.split("#")[0].split()
    client, seed, ratio, ok, wall = f[0], f[1], float(f[2]), f[3], float(f[7])
    if seed == "-":
        base[client] = (ratio, ok, wall)
    else:
        rows.setdefault(client, []).append((ratio, ok, wall))
print()
print(f"{sys.argv[2]} SIGKILLs (fewer if the download completes before one) then a finishing run; ratio = body bytes nginx sent / file size")
print(f"{'client':<16} {'median':>7} {'min-max':>13} {'SHA ok':>7} {'n':>3}   {'no-kill ratio':>13} {'no-kill s':>9}")
for client, r in rows.items():
    v = [x[0] for x in r]
    b = base.get(client)
    bs = f"{b[0]:>13.3f} {b[2]:>9.1f}" if b else ""
    print(f"{client:<16} {statistics.median(v):>7.2f} {min(v):>6.2f}-{max(v):<6.2f} "
          f"{sum(x[1] == 'yes' for x in r):>3}/{len(r):<3} {len(r):>3}   {bs}")
PY
