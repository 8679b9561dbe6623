#!/usr/bin/env bash
# A list of small files into a crowded folder: 200 files of 100 KiB, 8 at a time, from nginx on
# 127.0.0.1, into an empty folder and into one that already holds 20,000 files (a Downloads
# folder after some years). bytehaul-cli against aria2c and curl --parallel, interleaved,
# every file SHA-256 checked. Prints median wall time and CPU per tool and folder.
#   bench/crowded.sh          3 repetitions (about a minute)
#   BYTEHAUL_CROWDED_FILES=50000 BYTEHAUL_CROWDED_REPS=5 bench/crowded.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
crowd="${BYTEHAUL_CROWDED_FILES:-20000}"
reps="${BYTEHAUL_CROWDED_REPS:-3}"

. "$here/bench/common.sh"
bench_setup "$build" nginx:nginx-light aria2c:aria2 curl:curl /usr/bin/time:time
cli="$build/app/bytehaul-cli"

work="$(mktemp -d "${TMPDIR:-/var/tmp}/bytehaul-crowded.XXXXXX")"
nginx_pid=""
cleanup() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
chmod 755 "$work"
mkdir -p "$work/www/small" "$work/nginx/tmp" "$work/empty" "$work/crowded"
head -c $((100 << 10)) /dev/urandom >"$work/www/small/f000.bin"
for i in $(seq 1 199); do cp "$work/www/small/f000.bin" "$work/www/small/f$(printf %03d "$i").bin"; done
want="$(sha256sum "$work/www/small/f000.bin" | cut -d' ' -f1)"
(cd "$work/crowded" && seq -f "photo-%06g.jpg" 1 "$crowd" | xargs touch)

port=$((20000 + RANDOM % 20000))
cat >"$work/nginx/nginx.conf" <<CONF
daemon off; worker_processes 1; error_log $work/nginx/error.log warn; pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  sendfile on; keepalive_requests 100000; keepalive_timeout 60s;
  server { listen 127.0.0.1:$port; root $work/www; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/small/f000.bin" && break; sleep 0.1; done

: >"$work/list.txt"
for i in $(seq 0 199); do echo "http://127.0.0.1:$port/small/f$(printf %03d "$i").bin" >>"$work/list.txt"; done
curl_list() { # folder
    for i in $(seq 0 199); do
        f="f$(printf %03d "$i").bin"
        printf 'url = "http://127.0.0.1:%s/small/%s"\noutput = "%s/%s"\n' "$port" "$f" "$1" "$f"
    done
}
curl_list "$work/empty" >"$work/curl-empty.txt"
curl_list "$work/crowded" >"$work/curl-crowded.txt"

results="$work/results.txt"
: >"$results"
run_one() { # folder tool command...
    local folder="$1" tool="$2"; shift 2
    find "$work/$folder" -name 'f*.bin*' -delete
    if ! /usr/bin/time -o "$work/time.txt" -f '%e %U %S' timeout 300 "$@" >/dev/null 2>"$work/err.txt"; then
        echo "!! $folder $tool failed:"; tail -3 "$work/err.txt"; return 1
    fi
    local n bad
    n="$(find "$work/$folder" -name 'f*.bin' | wc -l)"
    bad="$(find "$work/$folder" -name 'f*.bin' -exec sha256sum {} + | awk -v w="$want" '$1 != w' | wc -l)"
    if [ "$n" != 200 ] || [ "$bad" != 0 ]; then echo "!! $folder $tool: $n files, $bad wrong"; return 1; fi
    echo "$folder $tool $(cat "$work/time.txt")" >>"$results"
}

echo "== 200 x 100 KiB, 8 at a time, into an empty folder and one of $crowd files; $reps repetition(s)"
for rep in $(seq "$reps"); do
    for folder in empty crowded; do
        run_one "$folder" bytehaul "$cli" -q -c 1 -j 8 -d "$work/$folder" -i "$work/list.txt" || true
        run_one "$folder" aria2c aria2c -q -j 8 -x 1 -d "$work/$folder" -i "$work/list.txt" || true
        run_one "$folder" curl-parallel curl -s --parallel --parallel-max 8 -K "$work/curl-$folder.txt" || true
    done
    echo "   rep $rep done"
done

python3 - "$results" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    folder, tool, wall, user, sys_ = line.split()
    rows.setdefault((folder, tool), []).append((float(wall), float(user) + float(sys_)))
print(f"\n{'folder':<10}{'tool':<15}{'wall s':>8}{'CPU s':>8}")
for (folder, tool), v in rows.items():
    print(f"{folder:<10}{tool:<15}{statistics.median(x[0] for x in v):>8.2f}{statistics.median(x[1] for x in v):>8.2f}")
PY
