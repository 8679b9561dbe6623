# Shared by the benchmark scripts (sourced): installs the tools they run and builds bytehaul.
#   bench_setup "$build" command:package ...
bench_setup() {
    local build="$1"; shift
    local need=() tool
    for tool in "$@"; do
        command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
    done
    if [ ${#need[@]} -gt 0 ]; then
        local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
    fi
    [ -x "$build/app/bytehaul-cli" ] || bash "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh" build
}
