# Shared by Scripts/bench-line and Scripts/bench-compare (sourced, not run): builds the
# release binaries, starts the servers under test, and measures them with one load driver
# (hotelline replay --connect --concurrency). Expects DURATION, ROUNDS; sets bin, work,
# echo_port, line_port; every server started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10}"
GUESTS="${GUESTS:-100 1000}"
ROUNDS="${ROUNDS:-1}"

swift build -c release --product hotelline >/dev/null
swift build -c release --product hotelline-bench >/dev/null
bin="$PWD/.build/release"
work="$(mktemp -d)"
# The line's data directory (journal, one transcript file per call) is on tmpfs unless
# DATA_PARENT names another place: creating thousands of files a second on the shared
# ext4 disk costs whatever others deleted there in the last 30 s (ext4 steps over recently
# freed inodes one by one), which is not a property of the line.
data_parent="${DATA_PARENT:-/dev/shm}"
[ -d "$data_parent" ] && [ -w "$data_parent" ] || data_parent="${TMPDIR:-/tmp}"
data="$(mktemp -d -p "$data_parent" hotelline-bench.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work" "$data"
}
trap cleanup EXIT

# port_of FILE [PATTERN]: waits for a server's listening line in FILE; prints its port.
port_of() {
    local file="$1" pattern="${2:-listening on}"
    for _ in $(seq 200); do
        if grep -q "$pattern" "$file" 2>/dev/null; then
            grep -m1 "$pattern" "$file" | sed 's/.*://' | tr -dc '0-9'
            return
        fi
        sleep 0.05
    done
    echo "$(basename "$0"): no \"$pattern\" line in $file:" >&2
    cat "$file" >&2
    return 1
}

# The echo baseline and the conversation line, on ports of their own choosing.
"$bin/hotelline-bench" echo >"$work/echo.out" 2>&1 &
pids+=($!)
"$bin/hotelline" serve --guest-port 0 --agent-port 0 --data "$data" --max-guests 60000 --max-per-address 60000 --idle-timeout 86400 \
    >"$work/line.out" 2>"$work/line.err" &
pids+=($!)
echo_port="$(port_of "$work/echo.out")"
line_port="$(port_of "$work/line.out" "guest line listening on")"

# measure GUESTS PORT [driver options…]: "LINES_PER_S P50_MS P99_MS ERRORS", the median
# (by lines/s) of ROUNDS runs; the first errors of each run go to stderr.
measure() {
    local guests="$1" port="$2"
    shift 2
    for _ in $(seq "$ROUNDS"); do
        "$bin/hotelline" replay --connect "127.0.0.1:$port" --concurrency "$guests" --duration "$DURATION" "$@" \
            >"$work/run.out" 2>&1 || true
        awk '$1=="lines/s"{l=$2} $1=="p50"{a=$3} $1=="p99"{b=$3} $1=="errors"{e=$2} END{print l, a, b, e}' "$work/run.out"
        if grep -q "^  " "$work/run.out"; then grep "^  " "$work/run.out" | head -3 >&2; fi
    done | sort -n -k1,1 | awk -v n="$ROUNDS" 'NR==int((n+1)/2)'
}

load_average() { uptime | sed 's/.*load average: //'; }
