#!/usr/bin/env bash
# The server's peak memory through each whole-store operation at 10,000 items × 4 quarters
# (issue 15: ≤ 40 MiB in every one), as docs/performance.md quotes it. For each operation
# the server's peak (VmHWM) is reset first (`echo 5 > /proc/PID/clear_refs`), then read
# after it, with what it still holds (VmRSS) and the operation's time:
#
#   cargo build --release --bin otchet --example generate
#   benches/server_memory.sh [--otchet target/release/otchet] [--items 10000] [--work DIR] [--goal 40]
#
# Prints a tab-separated table: operation, server peak MiB, held after MiB, seconds; exits
# with 1, naming them, if any operation's peak is over the goal (--goal MiB, default 40).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
otchet=$root/target/release/otchet
items=10000
work=/tmp/otchet-server-memory
goal=40
while [ $# -gt 0 ]; do
    case "$1" in
        --otchet) otchet=$(realpath "$2"); shift 2 ;;
        --items) items=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --goal) goal=$2; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
command -v /usr/bin/time >/dev/null || { echo "server_memory.sh needs /usr/bin/time" >&2; exit 2; }

mkdir -p "$work"
export HOME=$work/home XDG_CONFIG_HOME=$work/home/config OTCHET_SYSTEM_CONFIG=$work/home/none.toml LANG=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/otchet"
printf 'import_max_mib = 512\n[server]\nbackup_days = 0\n' > "$XDG_CONFIG_HOME/otchet/config.toml"
gen=$work/gen-$items
[ -f "$gen/otchet-2020-Q4.txt" ] || "$(dirname "$otchet")/examples/generate" --items "$items" --periods 4 --output "$gen" >/dev/null
store=$work/store restored=$work/restored
rm -rf "$store" "$restored" "$work/export.json" "$work/backup.otchet"

start_server() {
    (setsid "$otchet" serve --db "$1" --idle-timeout 0 >/dev/null 2>>"$work/servers.log" </dev/null &)
    until [ -S "$1/otchet.sock" ]; do sleep 0.01; done
    pgrep -n -f -x "$otchet serve --db $1 --idle-timeout 0"
}
stop_server() { "$otchet" serve --stop --db "$1" >/dev/null 2>&1 || true; }
trap 'stop_server "$store"; stop_server "$restored"' EXIT
mib() { awk -v f="$2" '$1 == f":" { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

over=()
# One operation against the server `pid`: its peak, what it holds after, the time taken.
measure() {
    local name=$1 pid=$2 seconds peak
    shift 2
    echo 5 > "/proc/$pid/clear_refs"
    seconds=$(/usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1)
    peak=$(mib "$pid" VmHWM)
    printf '%s\t%s\t%s\t%s\n' "$name" "$peak" "$(mib "$pid" VmRSS)" "$seconds"
    if awk -v p="$peak" -v g="$goal" 'BEGIN { exit !(p > g) }'; then over+=("$name: $peak MiB"); fi
}

printf 'operation\tserver_peak_mib\tserver_held_mib\tseconds\n'
pid=$(start_server "$store")
printf '%s\t%s\t%s\t-\n' "started" "$(mib "$pid" VmHWM)" "$(mib "$pid" VmRSS)"
for q in 1 2 3; do
    measure "import 2020-Q$q" "$pid" "$otchet" import "$gen/otchet-2020-Q$q.txt" --db "$store"
done
# Every text of a quarter carried into the next, then that period taken back again.
measure "period open 2020-Q4 --copy-from 2020-Q3" "$pid" \
    "$otchet" period open 2020-Q4 --copy-from 2020-Q3 --db "$store"
measure "period close 2020-Q4" "$pid" "$otchet" period close 2020-Q4 --db "$store"
measure "import 2020-Q4" "$pid" "$otchet" import "$gen/otchet-2020-Q4.txt" --db "$store"
measure "import 2020-Q4 again" "$pid" "$otchet" import "$gen/otchet-2020-Q4.txt" --db "$store"
measure "status" "$pid" "$otchet" status --db "$store" --period 2020-Q4 --as-of 2021-01-20
# The first renders the quarter's items and keeps them (server::rendered); the next reads them back.
measure "status --json" "$pid" "$otchet" status --json --db "$store" --period 2020-Q4 --as-of 2021-01-20
measure "status --json again" "$pid" "$otchet" status --json --db "$store" --period 2020-Q4 --as-of 2021-01-20
measure "export json (whole store)" "$pid" "$otchet" export --format json --output "$work/export.json" --db "$store"
measure "backup" "$pid" "$otchet" backup "$work/backup.otchet" --db "$store"
pid=$(start_server "$restored")
measure "restore" "$pid" "$otchet" restore "$work/backup.otchet" --db "$restored"
if [ ${#over[@]} -gt 0 ]; then
    printf 'over %s MiB: %s\n' "$goal" "$(IFS=';'; echo "${over[*]}")" >&2
    exit 1
fi
