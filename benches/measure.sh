#!/usr/bin/env bash
# Whole-process measurements of docs/performance.md, on the release binary.
#
#   cargo build --release --bin otchet --example load --example generate
#   benches/measure.sh [--otchet target/release/otchet] [--work /tmp/otchet-perf] [STEP...]
#
# Steps (all by default, in this order): setup size import status tui server idle load.
# Needs hyperfine, /usr/bin/time (Debian: apt-get install -y hyperfine time) and python3.
# Everything happens under --work, with a HOME and settings of its own; the servers it
# starts are stopped at the end. Daily backups are off in the measured store (see the
# server section of docs/performance.md for what they cost).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
otchet=$(pwd)/target/release/otchet
work=/tmp/otchet-perf
steps=()
while [ $# -gt 0 ]; do
    case "$1" in
        --otchet) otchet=$(realpath "$2"); shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) steps+=("$1"); shift ;;
    esac
done
[ ${#steps[@]} -gt 0 ] || steps=(setup size import status tui server idle load)

export HOME=$work/home XDG_CONFIG_HOME=$work/home/config OTCHET_SYSTEM_CONFIG=$work/home/none.toml LANG=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/otchet"
printf '[server]\nbackup_days = 0\n' > "$XDG_CONFIG_HOME/otchet/config.toml"
sample=$here/../samples/serov-2020-q1.txt
big=$work/store-10k
small=$work/store-sample

say() { printf '\n== %s\n' "$*"; }
server_pid() { pgrep -f -x "$otchet serve --db $1 --idle-timeout 0" || true; }
start_server() {
    [ -n "$(server_pid "$1")" ] && return
    (setsid "$otchet" serve --db "$1" --idle-timeout 0 >/dev/null 2>>"$work/servers.log" </dev/null &)
    until [ -S "$1/otchet.sock" ]; do sleep 0.01; done
}
stop_server() { "$otchet" serve --stop --db "$1" >/dev/null 2>&1 || true; }
rss() { grep -E '^(VmRSS|VmHWM)' "/proc/$1/status" | tr -s ' \t' ' ' | tr '\n' ' '; }
cleanup() { stop_server "$big"; stop_server "$small"; stop_server "$work/store-import"; }
trap cleanup EXIT

setup() {
    say "machine"; nproc; lscpu | grep -E 'Model name|^CPU\(s\)'; uptime
    if [ ! -f "$big/.generated" ]; then
        say "generating 10,000 items x 4 quarters, importing them"
        rm -rf "$work/gen" "$big"
        "$(dirname "$otchet")/examples/generate" --items 10000 --periods 4 --output "$work/gen"
        ls -l "$work/gen"
        for q in 1 2 3 4; do "$otchet" import "$work/gen/otchet-2020-Q$q.txt" --db "$big"; done
        stop_server "$big"
        touch "$big/.generated"
    fi
    # A marker, not the folder: a run stopped before the import leaves an empty store.
    if [ ! -f "$small/.imported" ]; then
        rm -rf "$small"
        "$otchet" import "$sample" --db "$small"; stop_server "$small"
        touch "$small/.imported"
    fi
    du -sh "$big" "$small"
}

size() { say "release binary"; ls -l "$otchet"; }

import() {
    say "import of the sample into an empty store, server running"
    local db=$work/store-import
    hyperfine -N -w 2 -r 20 \
        --prepare "sh -c '$otchet serve --stop --db $db >/dev/null 2>&1; rm -rf $db; mkdir -m 700 $db; (setsid $otchet serve --db $db --idle-timeout 0 >/dev/null 2>&1 </dev/null &); until [ -S $db/otchet.sock ]; do sleep 0.01; done'" \
        "$otchet import $sample --db $db"
    say "the same, the server started by the import itself"
    hyperfine -N -w 2 -r 10 \
        --prepare "sh -c '$otchet serve --stop --db $db >/dev/null 2>&1; rm -rf $db'" \
        "$otchet import $sample --db $db"
    stop_server "$db"
}

status() {
    start_server "$big"
    say "otchet status --json at 10,000 items, server running"
    hyperfine -N -w 3 -r 20 --output=null "$otchet status --json --db $big --as-of 2020-04-13" \
        "$otchet status --db $big --as-of 2020-04-13"
    /usr/bin/time -f 'status --json: %e s, max RSS %M KiB' "$otchet" status --json --db "$big" --as-of 2020-04-13 >/dev/null
    /usr/bin/time -f 'status (text): %e s, max RSS %M KiB' "$otchet" status --db "$big" --as-of 2020-04-13 >/dev/null
}

tui() {
    start_server "$small"; start_server "$big"
    say "TUI: start to first frame (sample; 10,000 items)"
    python3 "$here/pty_tui.py" first-frame --otchet "$otchet" --db "$small" --runs 20
    python3 "$here/pty_tui.py" first-frame --otchet "$otchet" --db "$big" --runs 20
    say "TUI: bytes for one step down at 80x24 (sample; 10,000 items)"
    python3 "$here/pty_tui.py" step --otchet "$otchet" --db "$small"
    python3 "$here/pty_tui.py" step --otchet "$otchet" --db "$big"
    say "TUI: resident memory (sample; 10,000 items)"
    python3 "$here/pty_tui.py" memory --otchet "$otchet" --db "$small"
    python3 "$here/pty_tui.py" memory --otchet "$otchet" --db "$big"
}

server() {
    say "server at 10,000 items x 4 quarters: resident memory"
    stop_server "$big"; start_server "$big"
    local pid; pid=$(server_pid "$big")
    sleep 1; echo "started, no client: $(rss "$pid")"
    "$otchet" status --db "$big" >/dev/null
    echo "after one snapshot (status): $(rss "$pid")"
    for _ in 1 2 3 4 5; do "$otchet" status --db "$big" >/dev/null; done
    echo "after five more, one at a time: $(rss "$pid")"
    local jobs=()
    for _ in 1 2 3; do "$otchet" status --db "$big" >/dev/null & jobs+=($!); done
    wait "${jobs[@]}"
    echo "after three at once: $(rss "$pid")"
    say "server start with the daily backup on (the default: backup_days = 14)"
    stop_server "$big"
    printf '[server]\nbackup_days = 14\n' > "$XDG_CONFIG_HOME/otchet/config.toml"
    start_server "$big"; pid=$(server_pid "$big")
    sleep 15; echo "15 s after the start: $(rss "$pid")"; ls -l "$big/backups" || true
    stop_server "$big"
    printf '[server]\nbackup_days = 0\n' > "$XDG_CONFIG_HOME/otchet/config.toml"
}

idle() {
    start_server "$big"
    say "idle for 60 s: a TUI at 10,000 items and its server"
    python3 "$here/pty_tui.py" idle --otchet "$otchet" --db "$big" --seconds 60 --server-pid "$(server_pid "$big")"
    say "the same, with their system calls (strace -c)"
    python3 "$here/pty_tui.py" idle --otchet "$otchet" --db "$big" --seconds 60 --server-pid "$(server_pid "$big")" \
        --strace "$work/strace"
}

load() {
    say "save latency: 20 clients x 50 saves (examples/load)"
    "$(dirname "$otchet")/examples/load" --otchet "$otchet" --clients 20 --saves 50
}

for step in "${steps[@]}"; do "$step"; done
