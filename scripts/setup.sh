#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   scripts/setup.sh run    install what is missing, build, start bytehaul
#   scripts/setup.sh test   install what is missing, build, run the whole test suite
#   scripts/setup.sh build  install what is missing and build
# Debian packages are installed with apt-get (as root, or through sudo).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BYTEHAUL_BUILD_DIR:-$here/build}"
mode="${1:-build}"

packages=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    libgl-dev zlib1g-dev libqt6svg6 qt6-qpa-plugins qt6-translations-l10n
    xvfb xauth
    openbox trayer xdotool xclip imagemagick x11-utils nginx curl microsocks tinyproxy
    dpkg-dev desktop-file-utils appstream
    clang libclang-rt-14-dev
    chromium
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
    cmake --build "$build" --parallel "$(nproc)"
}

case "$mode" in
build)
    install_missing
    configure_and_build
    ;;
run)
    install_missing
    configure_and_build
    shift || true
    if [ -x "$build/app/bytehaul" ]; then
        # A desktop session is needed; without one, run under a virtual X server.
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            exec xvfb-run -a "$build/app/bytehaul" "$@"
        fi
        exec "$build/app/bytehaul" "$@"
    fi
    exec "$build/app/bytehaul-cli" "${@:---help}"
    ;;
test)
    install_missing
    configure_and_build
    # Every parser of untrusted input under libFuzzer (clang, ASan, UBSan), each for a bounded
    # time from its committed corpus; new inputs go to a scratch directory in the build tree.
    fuzz="$build-fuzz"
    CXX=clang++ CC=clang cmake -S "$here" -B "$fuzz" -G Ninja -DBYTEHAUL_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$fuzz" --target fuzzers
    for target in controlfile filename httpparse cookies instancemessage nativemessage queue probe; do
        mkdir -p "$fuzz/corpus/$target"
        "$fuzz/tests/fuzz/fuzz_$target" -max_total_time="${BYTEHAUL_FUZZ_SECONDS:-30}" -rss_limit_mb=2048 \
            -max_len=65536 -artifact_prefix="$fuzz/$target-" "$fuzz/corpus/$target" "$here/tests/fuzz/corpus/$target" \
            2>"$fuzz/fuzz_$target.log" \
            || { tail -40 "$fuzz/fuzz_$target.log"; echo "fuzz_$target: FAILED"; exit 1; }
        echo "fuzz_$target: no crash in ${BYTEHAUL_FUZZ_SECONDS:-30} s ($(grep -o 'Done [0-9]* runs' "$fuzz/fuzz_$target.log" || echo "? runs"))"
    done
    # The package: desktop file and metainfo valid, the .deb installs with apt and runs.
    desktop-file-validate "$here/resources/bytehaul.desktop"
    appstreamcli validate --no-net "$here/resources/bytehaul.metainfo.xml"
    (cd "$build" && rm -f bytehaul_*.deb bytehaul-*.tar.gz && cpack -G "DEB;TGZ" >/dev/null)
    # Unpacked into a scratch root first: every file a desktop needs is in the package.
    scratch="$(mktemp -d)"
    dpkg-deb -x "$(ls "$build"/bytehaul_*.deb)" "$scratch"
    for f in usr/bin/bytehaul usr/bin/bytehaul-cli usr/bin/bytehaul-nmhost usr/share/applications/bytehaul.desktop \
             usr/share/metainfo/bytehaul.metainfo.xml usr/share/mime/packages/bytehaul.xml \
             usr/share/icons/hicolor/scalable/apps/bytehaul.svg usr/share/icons/hicolor/48x48/apps/bytehaul.png \
             usr/share/bytehaul/browser/bytehaul-firefox.xpi usr/share/bytehaul/browser/bytehaul-chromium.zip \
             usr/share/bytehaul/browser/chromium/manifest.json \
             etc/chromium/native-messaging-hosts/org.bytehaul.nmhost.json etc/opt/chrome/native-messaging-hosts/org.bytehaul.nmhost.json \
             etc/opt/vivaldi/native-messaging-hosts/org.bytehaul.nmhost.json etc/opt/edge/native-messaging-hosts/org.bytehaul.nmhost.json \
             usr/lib/mozilla/native-messaging-hosts/org.bytehaul.nmhost.json; do
        [ -s "$scratch/$f" ] || { echo "package: $f is missing"; ls -R "$scratch"; exit 1; }
    done
    "$scratch/usr/bin/bytehaul-cli" --version >/dev/null
    # Each browser's host manifest names the packaged host and bytehaul's extension.
    for m in "$scratch"/etc/chromium/native-messaging-hosts/*.json "$scratch"/etc/opt/*/native-messaging-hosts/*.json \
             "$scratch"/usr/lib/mozilla/native-messaging-hosts/*.json; do
        python3 - "$m" <<'PY' || { echo "package: $m is wrong"; cat "$m"; exit 1; }
import json, sys
m = json.load(open(sys.argv[1]))
assert m["name"] == "org.bytehaul.nmhost" and m["path"] == "/usr/bin/bytehaul-nmhost" and m["type"] == "stdio"
assert m.get("allowed_origins") == ["chrome-extension://iolmlodoigklbhpjjiigcooogkeepfej/"] or m.get("allowed_extensions") == ["bytehaul@bytehaul.org"]
PY
    done
    dpkg-deb -e "$(ls "$build"/bytehaul_*.deb)" "$scratch/DEBIAN"
    grep -qx /etc/chromium/native-messaging-hosts/org.bytehaul.nmhost.json "$scratch/DEBIAN/conffiles" \
        || { echo "package: the host manifests under /etc are not conffiles"; exit 1; }
    rm -rf "$scratch"
    echo "package: $(ls "$build"/bytehaul_*.deb | xargs -n1 basename) and $(ls "$build"/bytehaul-*.tar.gz | xargs -n1 basename) hold every file"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$(ls "$build"/bytehaul_*.deb)" >/dev/null
    echo "installed package: $(dpkg-query -W -f='${Package} ${Version}' bytehaul); $(/usr/bin/bytehaul-cli --version)"
    # Per-user browser set-up from the installed program, without a display: manifests naming
    # the installed host, and where the extension's packages are.
    userhome="$(mktemp -d)"
    env -u DISPLAY HOME="$userhome" XDG_CONFIG_HOME="$userhome/.config" /usr/bin/bytehaul --setup-browsers >"$userhome/out" \
        && grep -q '"path": "/usr/bin/bytehaul-nmhost"' "$userhome/.mozilla/native-messaging-hosts/org.bytehaul.nmhost.json" \
        && grep -q '"path": "/usr/bin/bytehaul-nmhost"' "$userhome/.config/chromium/NativeMessagingHosts/org.bytehaul.nmhost.json" \
        && grep -q "/usr/share/bytehaul/browser/chromium " "$userhome/out" && grep -q "/usr/share/bytehaul/browser/bytehaul-firefox.xpi" "$userhome/out" \
        || { cat "$userhome/out"; echo "installed package: bytehaul --setup-browsers FAILED"; exit 1; }
    rm -rf "$userhome"
    echo "installed package: bytehaul --setup-browsers writes the host manifests and names the extension's packages"
    # The real window on an X server with a window manager and a system tray, built and installed.
    bash "$here/scripts/desktop-test.sh" "$build/app/bytehaul" build
    bash "$here/scripts/desktop-test.sh" /usr/bin/bytehaul installed
    # The browser extension in real browsers (Debian's chromium and firefox-esr, headless)
    # through the built host into the built window: puppeteer-core and web-ext, pinned in
    # tests/browser/package-lock.json. The Firefox package passes `web-ext lint` first.
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q nodejs npm >/dev/null
    fi
    if ! command -v firefox-esr >/dev/null; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends firefox-esr >/dev/null
    fi
    (cd "$here/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    "$here/tests/browser/node_modules/.bin/web-ext" lint --source-dir "$build/browser/firefox" --warnings-as-errors --output text \
        >"$build/web-ext-lint.log" 2>&1 || { cat "$build/web-ext-lint.log"; echo "web-ext lint: FAILED"; exit 1; }
    echo "web-ext lint: the Firefox package has no errors and no warnings"
    node "$here/tests/browser/capture.mjs" "$build" chromium || { echo "browser (chromium): FAILED"; exit 1; }
    node "$here/tests/browser/capture.mjs" "$build" firefox || { echo "browser (firefox): FAILED"; exit 1; }
    # The whole suite once more under AddressSanitizer and UndefinedBehaviorSanitizer, in a
    # build directory of its own (ccache keeps a rebuild cheap). Leak checking is off: Qt's
    # global caches are reported as leaks at exit and would drown a real report.
    san="$build-asan"
    # (UBSAN_OPTIONS=halt_on_error=1 below makes every undefined behaviour fatal.)
    cmake -S "$here" -B "$san" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
        -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
    cmake --build "$san" --parallel "$(nproc)" >/dev/null
    # The model test runs 50 sequences here (200 in the normal run below): ASan triples its time.
    (cd "$san" && QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 BYTEHAUL_MODEL_RUNS=50 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --output-on-failure --timeout 900 -j "$(nproc)" >"$san/ctest.log" 2>&1) \
        || { tail -80 "$san/ctest.log"; echo "sanitizers: FAILED"; exit 1; }
    echo "sanitizers: $(grep -E 'tests passed' "$san/ctest.log")"
    # As root the full-disk test mounts a small tmpfs; there a skip is a failure.
    [ "$(id -u)" -eq 0 ] && export BYTEHAUL_REQUIRE_DISK_TEST=1
    export BYTEHAUL_REQUIRE_PROXY_TEST=1 # microsocks and tinyproxy are installed above
    export BYTEHAUL_REQUIRE_NGINX_TEST=1 # and nginx (tst_http2)
    # Last, so that CTest's summary closes the output.
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j "$(nproc)"
    ;;
*)
    echo "usage: $0 run|test|build" >&2
    exit 2
    ;;
esac
