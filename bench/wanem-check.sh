#!/usr/bin/env bash
# Checks the WAN emulator itself before any benchmark trusts it: the first byte of an answer
# comes about 2 RTT after connect (a handshake round trip, then the request's), a rate cap holds
# within 3%, and the emulator's own CPU stays small (it must never be the bottleneck).
#   bench/wanem-check.sh     (needs nginx and curl; builds bytehaul-wanem if missing)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
[ -x "$build/bench/bytehaul-wanem" ] || cmake --build "$build" --target bytehaul-wanem >/dev/null
wanem="$build/bench/bytehaul-wanem"
work="$(mktemp -d "${TMPDIR:-/var/tmp}/bytehaul-wanem.XXXXXX")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
chmod 755 "$work" # nginx workers run as another user
mkdir -p "$work/www" "$work/nginx/tmp"
head -c $((32 << 20)) /dev/urandom >"$work/www/32m.bin"
printf 'small\n' >"$work/www/small.txt"
port=$((20000 + RANDOM % 20000))
cat >"$work/nginx/nginx.conf" <<CONF
daemon off; worker_processes 1; error_log $work/nginx/error.log warn; pid $work/nginx/nginx.pid;
events { worker_connections 256; }
http { access_log off; client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  server { listen 127.0.0.1:$port; root $work/www; } }
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & pids+=($!)
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/small.txt" && break; sleep 0.1; done
failed=0
for rtt in 20 80 200; do
    wport=$((port + 1))
    "$wanem" --listen "$wport" --to "127.0.0.1:$port" --rtt "$rtt" --rate 4194304 2>"$work/wanem.log" & wp=$!
    for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$wport/small.txt" && break; sleep 0.05; done
    ttfb="$(curl -s -o /dev/null -w '%{time_starttransfer}' "http://127.0.0.1:$wport/small.txt")"
    read -r first total size < <(curl -s -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "http://127.0.0.1:$wport/32m.bin")
    kill "$wp"; wait "$wp" 2>/dev/null || true
    cpu="$(grep -o 'cpu [0-9.]* s' "$work/wanem.log")"
    [ "$size" = "$((32 << 20))" ] || { echo "RTT $rtt ms: got $size bytes, not 32 MiB"; failed=1; }
    python3 - "$rtt" "$ttfb" "$first" "$total" "$cpu" <<'PY' || failed=1
import sys
rtt, ttfb, first, total, cpu = float(sys.argv[1]) / 1000, float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
rate = (32 << 20) / (total - first)
ok_ttfb = abs(ttfb - 2 * rtt) <= max(0.1 * 2 * rtt, 0.005)
ok_rate = abs(rate / 4194304 - 1) <= 0.03
print(f"RTT {rtt*1000:.0f} ms: first byte {ttfb*1000:.1f} ms (2 RTT = {2*rtt*1000:.0f} ms) {'ok' if ok_ttfb else 'OFF'}; "
      f"capped rate {rate/1048576:.3f} MiB/s of 4 ({(rate/4194304-1)*100:+.1f}%) {'ok' if ok_rate else 'OFF'}; emulator {cpu}")
sys.exit(0 if ok_ttfb and ok_rate else 1)
PY
done
[ "$failed" -eq 0 ] && echo "wanem: verified" || { echo "wanem: NOT within its targets"; exit 1; }
