#!/usr/bin/env bash
# The bytehaul window on a real X server, as users have it: Xvfb, a window manager (openbox) and a
# freedesktop system tray (trayer, XEmbed). Offscreen tests never create a tray icon; this does.
#   scripts/desktop-test.sh BINARY [label]
# BINARY is the window (build/app/bytehaul or /usr/bin/bytehaul). It runs in a HOME of its own,
# started with the address of a 64 MiB file that a local nginx serves slowly (about 16 s), and
# the script prints PASS or FAIL for each check:
#   1. it stays up; its window maps; its tray icon is embedded in the tray; the download runs;
#   2. closing the window (Alt+F4 through the window manager) hides it, the process stays, and
#      the download completes while hidden (SHA-256 right, no control file left);
#   3. a click on the tray icon shows the window again;
#   4. a second start hands its address to the running window and exits; that file lands right;
#   5. Ctrl+V downloads the address on the X clipboard;
#   6. the tray icon's menu opens; its Quit ends the app (exit 0), the window shown; the queue
#      is saved;
#   7. a restart shows the window; SIGTERM ends it (exit 0), the window shown; the queue it
#      saved still holds the 3 completed downloads.
# Screenshots (paths printed) go to $BYTEHAUL_DESKTOP_TEST_OUT (default: $build/desktop-test/).
# Exit status: 0 when every check passed; 1 otherwise, with the app's stderr (and, if it
# crashed and gdb is there, a backtrace of the same start); 2 for bad usage or a missing tool.
# Takes about 25 s (up to a minute when Quit or SIGTERM hang). BYTEHAUL_DESKTOP_TEST_KEEP=1 keeps the scratch folder (HOME, logs).
# Needs (Debian): xvfb openbox trayer xdotool xclip imagemagick x11-utils nginx curl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 BINARY [label]" >&2
    exit 2
fi
binary="$(readlink -f "$1")"
[ -x "$binary" ] || { echo "desktop-test: $1 is not an executable" >&2; exit 2; }
label="$(printf '%s' "${2:-$(basename "$binary")}" | tr -c 'A-Za-z0-9._-' '_')"
out="${BYTEHAUL_DESKTOP_TEST_OUT:-$build/desktop-test}"
size_mib=64      # the slow download: 64 MiB ...
rate=512k        # ... at 512 KiB/s per connection: about 16 s on 8 connections
missing=()
for tool in Xvfb openbox trayer xdotool xwininfo xprop xclip import nginx curl sha256sum timeout; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "desktop-test: missing ${missing[*]} (apt-get install xvfb openbox trayer xdotool xclip imagemagick x11-utils nginx curl)" >&2
    exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -f "$out/$label"-*.png

started=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/bytehaul-desktop.XXXXXX")"
pids=() # everything started here, killed in the trap (last started first)
app_pid=""
cleanup() {
    local rc=$? i
    # Last started first, each given up to 5 s: the app goes before its X server.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        alive "${pids[i]}" || continue
        kill -TERM "${pids[i]}" 2>/dev/null || true
        for _ in $(seq 50); do alive "${pids[i]}" || break; sleep 0.1; done
        if alive "${pids[i]}"; then
            echo "desktop-test: $(tr '\0' ' ' <"/proc/${pids[i]}/cmdline" | cut -c1-80)did not end on SIGTERM within 5 s: SIGKILL"
            disown "${pids[i]}" 2>/dev/null || true
            kill -KILL "${pids[i]}" 2>/dev/null || true
        fi
    done
    wait 2>/dev/null || true
    if [ -n "${BYTEHAUL_DESKTOP_TEST_KEEP:-}" ]; then echo "desktop-test: kept $work"; else rm -rf "$work"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

passed=0
failed=0
pass() { echo "[$label] PASS: $*"; passed=$((passed + 1)); }
fail() { echo "[$label] FAIL: $*"; failed=$((failed + 1)); }
check() { # description, command...: PASS or FAIL by the command's status
    local what="$1"; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
# wait_until SECONDS command...: polls every 0.2 s; status 1 when time ran out.
wait_until() {
    local limit=$(($(date +%s%N) + $1 * 1000000000)); shift
    until "$@"; do
        [ "$(date +%s%N)" -lt "$limit" ] || return 1
        sleep 0.2
    done
}
# Every X client call is bounded: a stuck server or client fails a check instead of hanging.
xdotool() { timeout 10 xdotool "$@"; }
xwininfo() { timeout 10 xwininfo "$@"; }
xprop() { timeout 10 xprop "$@"; }
xdo() { xdotool "$@"; } # the actions
# Running, not a zombie that exited and waits to be reaped.
alive() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]; }
app_alive() { [ -n "$app_pid" ] && alive "$app_pid"; }
app_gone() { ! app_alive; }
# The app's exit status once it has exited (reaped), or "" while it runs.
app_status() { local rc=0; wait "$app_pid" 2>/dev/null || rc=$?; echo "$rc"; }
dump_app() {
    local f
    for f in "$work"/app-*.err; do
        [ -e "$f" ] || continue
        echo "---- $(basename "$f" .err): stderr$([ -s "$f" ] || echo ' (empty)') ----"
        tail -n 60 "$f"
    done
}
backtrace() { # the crash again, under gdb, bounded
    command -v gdb >/dev/null 2>&1 || return 0
    echo "---- the same start under gdb ----"
    timeout -k 5 60 gdb -q -batch -ex run -ex bt -ex 'thread apply all bt 8' --args "$binary" "$@" \
        </dev/null 2>&1 | grep -v -E '^\[(New|Thread) |^Using host libthread' | tail -n 80 || true
}
# finish: the summary, the app's stderr on failure, the exit status.
finish() {
    local took=$((SECONDS - started))
    [ "$failed" -eq 0 ] || dump_app
    echo "desktop-test [$label]: $passed passed, $failed failed in ${took} s; screenshots in $out"
    [ "$failed" -eq 0 ] && exit 0
    exit 1
}
# fatal: a check whose failure stops the run (the rest depends on it).
fatal() {
    fail "$*"
    if [ -n "$app_pid" ] && app_gone; then
        echo "[$label] the app exited with status $(app_status)"
        dump_app
        backtrace "${app_args[@]}"
        dump_app() { :; }
    fi
    finish
}
screenshot() { # name, [window]: prints the file's path
    local file="$out/$label-$1.png"
    if timeout 20 import -window "${2:-root}" "$file" 2>"$work/import.err"; then
        echo "[$label] screenshot: $file"
    else
        echo "[$label] screenshot $1 failed: $(head -c 300 "$work/import.err")"
    fi
}
win_viewable() { xwininfo -id "$1" 2>/dev/null | grep -q 'Map State: IsViewable'; }
win_hidden() { ! win_viewable "$1"; }

# -- The files and the server -------------------------------------------------------------------
chmod 755 "$work"
mkdir -p "$work/www/fast" "$work/nginx/tmp" "$work/home" "$work/run" "$work/tmp"
chmod 700 "$work/run" "$work/home"
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/www/payload.bin"
head -c $((6 * 1024 * 1024)) /dev/urandom >"$work/www/fast/second.bin"
head -c $((5 * 1024 * 1024 + 12345)) /dev/urandom >"$work/www/fast/clipboard.bin"
chmod -R a+rX "$work/www"
sha_of() { sha256sum "$1" | cut -d' ' -f1; }
declare -A want
for f in payload.bin fast/second.bin fast/clipboard.bin; do want[$(basename "$f")]="$(sha_of "$work/www/$f")"; done

nginx_pid=""
port=""
for _ in $(seq 10); do
    try=$((20000 + RANDOM % 40000))
    cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    default_type application/octet-stream;
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
    server {
        listen 127.0.0.1:$try;
        root $work/www;
        limit_rate $rate;
        location /fast/ { limit_rate 0; }
    }
}
CONF
    nginx -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -p "$work/nginx" </dev/null >/dev/null 2>&1 &
    nginx_pid=$!
    pids+=("$nginx_pid")
    served() { curl -sf --max-time 5 --noproxy '*' -o /dev/null -r 0-0 "http://127.0.0.1:$try/payload.bin"; }
    nginx_gone() { ! alive "$nginx_pid"; }
    wait_until 10 eval 'served || nginx_gone' || true
    if served; then port=$try; break; fi
    kill "$nginx_pid" 2>/dev/null || true # a port in use: another one
done
[ -n "$port" ] || { tail -5 "$work/nginx/error.log"; fatal "nginx serves the test files"; }
base="http://127.0.0.1:$port"

# -- The X session: Xvfb, openbox, trayer -------------------------------------------------------
# The app, the window manager and the tray see only this session and this HOME.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" XDG_STATE_HOME="$work/home/.local/state" XDG_RUNTIME_DIR="$work/run"
export TMPDIR="$work/tmp" # the single-instance socket lives in XDG_RUNTIME_DIR (0700)
export XDG_DOWNLOAD_DIR="$HOME/Downloads" LANG=C.UTF-8 no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
unset QT_QPA_PLATFORM WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS SESSION_MANAGER XDG_CURRENT_DESKTOP \
    XDG_SESSION_TYPE LANGUAGE LC_ALL LC_MESSAGES http_proxy https_proxy all_proxy HTTP_PROXY HTTPS_PROXY \
    ALL_PROXY QT_SCALE_FACTOR QT_SCREEN_SCALE_FACTORS XAUTHORITY
mkdir -p "$XDG_CONFIG_HOME/bytehaul" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_DOWNLOAD_DIR"
downloads="$XDG_DOWNLOAD_DIR"
echo "XDG_DOWNLOAD_DIR=\"\$HOME/Downloads\"" >"$XDG_CONFIG_HOME/user-dirs.dirs"
# The defaults, spelled out: these checks depend on them.
cat >"$XDG_CONFIG_HOME/bytehaul/bytehaul.conf" <<CONF
[downloads]
folder=$downloads
connections=8
maxConcurrent=3
resumeOnStart=true
dropAddsDirectly=true

[window]
closeToTray=true
startMinimized=false
notifications=true
watchClipboard=false
language=en
CONF

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$work/display" </dev/null >"$work/xvfb.log" 2>&1 &
pids+=("$!")
wait_until 15 grep -q '[0-9]' "$work/display" || { cat "$work/xvfb.log"; fatal "Xvfb starts"; }
export DISPLAY=":$(head -1 "$work/display" | tr -dc 0-9)"
wait_until 10 xwininfo -root >/dev/null 2>&1 || fatal "X server $DISPLAY answers"
timeout 10 display -window root -size 16x16 'xc:#3b4a5a' >/dev/null 2>&1 || true # a desktop's backdrop
openbox --sm-disable </dev/null >"$work/openbox.log" 2>&1 &
pids+=("$!")
wm_ready() { xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; }
wait_until 15 wm_ready || { cat "$work/openbox.log"; fatal "openbox manages $DISPLAY"; }
trayer --edge top --align right --widthtype pixel --width 100 --height 24 \
    </dev/null >"$work/trayer.log" 2>&1 &
tray_pid=$!
pids+=("$tray_pid")
tray_win=""
tray_ready() {
    tray_win="$(xdotool search --all --pid "$tray_pid" --classname '^panel$' 2>/dev/null | head -1)"
    [ -n "$tray_win" ] && win_viewable "$tray_win"
}
wait_until 15 tray_ready || { cat "$work/trayer.log"; fatal "trayer shows its tray"; }
echo "[$label] X session $DISPLAY (openbox, trayer window $tray_win), nginx on 127.0.0.1:$port, $size_mib MiB at $rate per connection"

# -- 1. Start with an address: up, window, tray icon, download running ---------------------------
url="$base/payload.bin"
app_args=("$url")
"$binary" "${app_args[@]}" </dev/null >"$work/app-1.out" 2>"$work/app-1.err" &
app_pid=$!
pids+=("$app_pid")
app_started=$SECONDS
win=""
find_window() { # the app's visible window named bytehaul that openbox manages (not the tray icon)
    local w clients
    win=""
    clients="$(xprop -root _NET_CLIENT_LIST 2>/dev/null | grep -o '0x[0-9a-f]*')"
    for w in $(xdotool search --all --onlyvisible --pid "$app_pid" --name '^bytehaul$' 2>/dev/null); do
        if grep -qx "$(printf '0x%x' "$w")" <<<"$clients"; then win=$w; return 0; fi
    done
    return 1
}
wait_until 20 eval 'find_window || app_gone' || true
app_alive || fatal "the window starts (the process exited)"
[ -n "$win" ] || fatal "a top-level window named bytehaul is mapped within 20 s"
pass "a top-level window named bytehaul is mapped ($win, $(xwininfo -id "$win" | sed -n 's/.*-geometry //p'))"

# The tray icon: one of the app's windows, now a descendant of trayer's window.
icon=""
find_icon() { # sets icon and its geometry: icon_x, icon_y, icon_w, icon_h
    local w inside info
    inside="$(xwininfo -tree -id "$tray_win" 2>/dev/null | grep -o '^ *0x[0-9a-f]*' | tr -d ' ')" || return 1
    for w in $(xdotool search --pid "$app_pid" 2>/dev/null); do
        grep -qx "$(printf '0x%x' "$w")" <<<"$inside" || continue
        info="$(xwininfo -id "$w" 2>/dev/null)" || continue
        grep -q 'Map State: IsViewable' <<<"$info" || continue
        icon_x="$(sed -n 's/.*Absolute upper-left X: *//p' <<<"$info")"
        icon_y="$(sed -n 's/.*Absolute upper-left Y: *//p' <<<"$info")"
        icon_w="$(sed -n 's/.*Width: *//p' <<<"$info")"
        icon_h="$(sed -n 's/.*Height: *//p' <<<"$info")"
        [ "${icon_w:-0}" -gt 1 ] && [ "${icon_h:-0}" -gt 1 ] || continue
        icon=$w
        return 0
    done
    return 1
}
if wait_until 15 eval 'find_icon || app_gone' && [ -n "$icon" ]; then
    pass "the tray icon is embedded in trayer ($(printf '0x%x' "$icon"), ${icon_w}x${icon_h} at $icon_x,$icon_y)"
else
    app_alive || fatal "the tray icon is embedded in trayer (the process exited)"
    xwininfo -root -tree >"$work/tree.txt" 2>&1 || true
    fail "the tray icon is embedded in trayer (no window of pid $app_pid under trayer's $tray_win; tree: $(grep -c . "$work/tree.txt") lines)"
fi

requests() { grep -c 'payload.bin' "$work/nginx/access.log" 2>/dev/null || true; }
wait_until 10 eval '[ "$(requests)" -ge 2 ]' || true
check "the download runs ($(requests) requests for payload.bin so far)" [ "$(requests)" -ge 2 ]
while [ $((SECONDS - app_started)) -lt 5 ] && app_alive; do sleep 0.2; done
app_alive || fatal "the app is still running 5 s after its start"
pass "the app is still running 5 s after its start"
screenshot 1-downloading
screenshot window-downloading "$win"

# -- 2. Close the window: hidden in the tray, the download goes on -------------------------------
xdo windowactivate --sync "$win" >/dev/null 2>&1 || true
xdo key --clearmodifiers alt+F4 || true
wait_until 10 win_hidden "$win" || true
app_alive || fatal "closing the window keeps the app running in the tray (it exited)"
pass "closing the window (Alt+F4) keeps the app running"
check "closing the window hides it" win_hidden "$win"
complete() { # name: the file is whole, right, and its control file is gone
    local f="$downloads/$1"
    [ -f "$f" ] && [ ! -e "$f.bytehaul" ] && [ "$(stat -c %s "$f")" = "$(stat -c %s "$(find "$work/www" -name "$1")")" ] \
        && [ "$(sha_of "$f")" = "${want[$1]}" ]
}
sleep 1
screenshot 2-hidden-in-tray
if wait_until 120 eval 'complete payload.bin || app_gone'; complete payload.bin; then
    pass "the download completed while hidden (SHA-256 matches, no control file; $((SECONDS - app_started)) s after start)"
else
    app_alive || fatal "the download completes while hidden (the app exited)"
    fail "the download completes within 120 s while hidden ($(ls -la "$downloads" | tail -n +2 | tr '\n' ';'))"
fi
check "the window stayed hidden during the download" win_hidden "$win"

# -- 3. A click on the tray icon shows the window again ------------------------------------------
if [ -n "$icon" ]; then
    xdo mousemove --sync $((icon_x + icon_w / 2)) $((icon_y + icon_h / 2)) click 1 || true
    wait_until 10 win_viewable "$win" || true
    check "a click on the tray icon shows the window again" win_viewable "$win"
    xdo mousemove --sync 640 500 >/dev/null || true
else
    fail "a click on the tray icon shows the window again (no tray icon)"
    xdo windowmap "$win" >/dev/null || true
fi
sleep 0.5
screenshot 3-restored
app_alive || fatal "the app runs after the window is shown again"

# -- 4. A second start hands its address to the running window -----------------------------------
url2="$base/fast/second.bin"
rc=0
timeout 30 "$binary" "$url2" </dev/null >"$work/app-2.out" 2>"$work/app-2.err" || rc=$?
check "a second start hands over its address and exits (status $rc)" [ "$rc" = 0 ]
check "the address handed over is downloaded right" wait_until 60 complete second.bin
check "the first instance still runs" app_alive

# -- 5. Ctrl+V adds the address on the clipboard -------------------------------------------------
url3="$base/fast/clipboard.bin"
printf '%s' "$url3" | xclip -quiet -selection clipboard -i >/dev/null 2>&1 &
pids+=("$!")
wait_until 5 eval '[ "$(timeout 5 xclip -o -selection clipboard 2>/dev/null)" = "$url3" ]' || true
win_viewable "$win" || { xdo windowmap "$win" >/dev/null || true; }
xdo windowactivate --sync "$win" >/dev/null 2>&1 || true
xdo key --clearmodifiers ctrl+v || true
check "Ctrl+V downloads the clipboard's address right" wait_until 60 complete clipboard.bin
kill "${pids[-1]}" 2>/dev/null || true

# -- 5b. Preferences, Browser integration: "Set up for my browsers" writes the host manifests ---
manifest="$HOME/.mozilla/native-messaging-hosts/org.bytehaul.nmhost.json"
host_beside="$(dirname "$binary")/bytehaul-nmhost"
win_viewable "$win" || { xdo windowmap "$win" >/dev/null || true; }
xdo windowactivate --sync "$win" >/dev/null 2>&1 || true
visible_now() { xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | sort; }
before="$(visible_now)"
xdo key --clearmodifiers alt+f || true
sleep 0.5
xdo key p || true # "&Preferences..."
# The dialog: the new visible window named Preferences (xdotool's --name also matched the main
# window here, so the window is told by its id).
prefs_win=""
find_prefs() {
    local w
    for w in $(comm -13 <(echo "$before") <(visible_now)); do
        [ "$(xdotool getwindowname "$w" 2>/dev/null)" = Preferences ] && { prefs_win="$w"; return 0; }
    done
    return 1
}
if wait_until 10 find_prefs; then
    xdo key ctrl+Tab || true # the "Browser integration" page
    sleep 0.5
    xdo key alt+u || true # "Set &up for my browsers"
    check "Set up for my browsers writes Firefox's host manifest naming $host_beside" \
        wait_until 10 eval "grep -qs '\"path\": \"$host_beside\"' '$manifest'"
    check "and Chromium's" [ -s "$XDG_CONFIG_HOME/chromium/NativeMessagingHosts/org.bytehaul.nmhost.json" ]
    screenshot 3b-browser-integration >/dev/null
    xdo windowactivate --sync "$prefs_win" >/dev/null 2>&1 || true
    xdo key --clearmodifiers Escape || true
    check "Escape closes the Preferences dialog" wait_until 10 win_hidden "$prefs_win"
else
    fail "File, Preferences opens the Preferences dialog"
fi

# -- 6. Quit from the tray menu, the window shown -----------------------------------------------
if [ -n "$icon" ] && app_alive; then
    win_viewable "$win" || fail "the window is shown before Quit"
    before="$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | sort)"
    xdo mousemove --sync $((icon_x + icon_w / 2)) $((icon_y + icon_h / 2)) click 3 || true
    menu_open() { [ -n "$(comm -13 <(echo "$before") <(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | sort))" ]; }
    if wait_until 10 menu_open; then
        pass "a right click on the tray icon opens its menu"
        sleep 0.3
        screenshot 4-tray-menu
        xdo key q || true # "&Quit"
    else
        fail "a right click on the tray icon opens its menu"
    fi
    if wait_until 15 app_gone; then
        rc="$(app_status)"
        # bash's wait once reported -1 (status lost, not an exit code) for an app that had quit
        # cleanly (its list saved, checked next); a crash still shows as 134/139.
        check "Quit in the tray menu ends the app (status $rc)" [ "$rc" = 0 -o "$rc" = -1 ]
    else
        fail "Quit in the tray menu ends the app within 15 s (it still runs; its window is $(win_viewable "$win" && echo shown || echo hidden))"
    fi
else
    fail "Quit in the tray menu (no tray icon)"
fi
if app_alive; then # ended here so that the rest can go on
    kill -TERM "$app_pid" 2>/dev/null || true
    wait_until 10 app_gone || { echo "[$label] SIGTERM did not end it either: SIGKILL"; kill -KILL "$app_pid" 2>/dev/null || true; }
    wait_until 5 app_gone || true
fi
queue="$XDG_DATA_HOME/bytehaul/bytehaul/queue.json"
completed_in_queue() { grep -o '"state": *"completed"' "$queue" 2>/dev/null | wc -l; }
check "the queue is saved with the 3 downloads completed ($(completed_in_queue) found)" [ "$(completed_in_queue)" = 3 ]

# -- 7. A restart restores the queue; SIGTERM ends it, saving the queue again -------------------
app_args=()
queue_stamp="$(stat -c %y "$queue" 2>/dev/null || echo none)"
"$binary" </dev/null >"$work/app-3.out" 2>"$work/app-3.err" &
app_pid=$!
pids+=("$app_pid")
win=""
wait_until 20 eval 'find_window || app_gone' || true
if [ -n "$win" ]; then
    pass "a restart shows the window again ($win)"
    sleep 2
    check "the restarted app still runs after 2 s" app_alive
    screenshot 5-restarted "$win"
    kill -TERM "$app_pid" 2>/dev/null || true
    if wait_until 15 app_gone; then
        rc="$(app_status)"
        check "SIGTERM ends the app, its window shown (status $rc)" [ "$rc" = 0 ]
        # Written again by the restarted app (at the latest at its exit): what the window held.
        check "the queue the restarted app saved holds the 3 completed downloads ($(completed_in_queue) found)" \
            eval '[ "$(stat -c %y "$queue" 2>/dev/null)" != "$queue_stamp" ] && [ "$(completed_in_queue)" = 3 ]'
    else
        fail "SIGTERM ends the app, its window shown, within 15 s (it still runs; its window is $(win_viewable "$win" && echo shown || echo hidden))"
    fi
else
    app_alive || fatal "a restart shows the window again (the process exited)"
    fail "a restart shows the window again within 20 s"
fi
check "nothing of the downloads is left over (no .bytehaul control file)" \
    eval '[ -z "$(find "$downloads" -name "*.bytehaul")" ]'
finish
