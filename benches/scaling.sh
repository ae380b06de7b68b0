#!/usr/bin/env bash
# How otchet grows with the plan (docs/performance.md, "Scaling"): for each size, one
# generated quarter imported into an empty store, then `otchet status` and `status --json`
# beside taskwarrior's `task overdue` over as many dated tasks, the server's and the TUI's
# peak memory, the TUI's first frame and one search keystroke. Writes a table (TSV and
# Markdown) and an SVG plot.
#
#   cargo build --release --bin otchet --example generate
#   benches/scaling.sh [--otchet target/release/otchet] [--work /tmp/otchet-scaling]
#                      [--sizes "100 1000 10000 100000"] [--plot docs/scaling.svg]
#
# Needs hyperfine, /usr/bin/time, python3, gnuplot and taskwarrior 2.6 (Debian: apt-get
# install -y hyperfine time gnuplot-nox taskwarrior). The search keystroke is criterion's
# (`cargo bench --bench tui_keys -- search_keystroke` with OTCHET_BENCH_ITEMS), the rest
# whole processes. Everything happens under --work, with a HOME of its own.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
otchet=$root/target/release/otchet
work=/tmp/otchet-scaling
sizes="100 1000 10000 100000"
plot=$root/docs/scaling.svg
while [ $# -gt 0 ]; do
    case "$1" in
        --otchet) otchet=$(realpath "$2"); shift 2 ;;
        --work) work=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --plot) plot=$(realpath -m "$2"); shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
for tool in hyperfine gnuplot task python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "scaling.sh needs $tool" >&2; exit 2; }
done

mkdir -p "$work"
# cargo (for the search bench) needs the real home's toolchain.
real_home=$HOME
export HOME=$work/home XDG_CONFIG_HOME=$work/home/config OTCHET_SYSTEM_CONFIG=$work/home/none.toml LANG=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/otchet"
# A quarter of 100,000 items is a 211 MB file.
printf 'import_max_mib = 512\n[server]\nbackup_days = 0\n' > "$XDG_CONFIG_HOME/otchet/config.toml"
generate=$(dirname "$otchet")/examples/generate
as_of=2020-04-13
table=$work/scaling.tsv

server_pid() { pgrep -n -f -x "$otchet serve --db $1 --idle-timeout 0" || true; }
start_server() {
    (setsid "$otchet" serve --db "$1" --idle-timeout 0 >/dev/null 2>>"$work/servers.log" </dev/null &)
    until [ -S "$1/otchet.sock" ]; do sleep 0.01; done
}
stop_server() { "$otchet" serve --stop --db "$1" >/dev/null 2>&1 || true; }
stop_all() { for n in $sizes; do stop_server "$work/store-$n"; done; }
trap stop_all EXIT
# A process's peak resident memory in MiB (VmHWM).
peak_mib() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# One run of a command, its output discarded: the wall time in ms.
elapsed_ms() {
    local start end
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e6 }'
}
# A hyperfine run's mean, in ms.
mean_ms() { python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$1"; }
# The median of the last number (ms) of each line pty_tui.py prints.
median_ms() { sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' | head -1; }

# taskwarrior over `n` pending tasks with a due date, one in 20 overdue (otchet's generated
# quarter has about the same share of overdue items at the date measured).
taskwarrior_store() {
    local n=$1 dir=$work/task-$1
    export TASKDATA=$dir/data TASKRC=$dir/taskrc
    [ -f "$dir/.made" ] && return
    rm -rf "$dir"; mkdir -p "$dir/data"
    printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ngc=off\n' "$dir/data" > "$TASKRC"
    python3 - "$n" > "$dir/tasks.json" <<'PY'
import datetime, json, sys, uuid
today = datetime.date.today()
for i in range(int(sys.argv[1])):
    days = -1 - i % 90 if i % 20 == 0 else 1 + i % 300
    due = (today + datetime.timedelta(days=days)).strftime("%Y%m%dT000000Z")
    print(json.dumps({"uuid": str(uuid.UUID(int=i + 1)), "status": "pending", "entry": "20200101T000000Z",
                      "description": f"Мероприятие {i + 1}: обеспечение взаимодействия с экспертами", "due": due}))
PY
    task import "$dir/tasks.json" >/dev/null 2>&1
    touch "$dir/.made"
}

measure_size() {
    local n=$1 gen=$work/gen-$1 db=$work/store-$1
    echo "== $n items" >&2
    [ -f "$gen/otchet-2020-Q1.txt" ] || "$generate" --items "$n" --periods 1 --output "$gen" >/dev/null
    stop_server "$db"; rm -rf "$db"; mkdir -m 700 "$db"; start_server "$db"
    local pid import_s import_peak held status_ms status_peak task_ms frame_ms tui_peak
    pid=$(server_pid "$db")
    import_s=$(/usr/bin/time -f %e "$otchet" import "$gen/otchet-2020-Q1.txt" --db "$db" 2>&1 >/dev/null | tail -1)
    import_peak=$(peak_mib "$pid")
    # The server gives an import's memory back before it answers.
    held=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
    # A fresh server, so that its peak is one of serving status.
    stop_server "$db"; start_server "$db"; pid=$(server_pid "$db")
    hyperfine -N -w 2 -r 10 --export-json "$work/status-$n.json" "$otchet status --db $db --as-of $as_of" >/dev/null
    status_ms=$(mean_ms "$work/status-$n.json")
    status_peak=$(peak_mib "$pid")
    # status --json: the first after a start renders the period's items and keeps them
    # (server::rendered), the next read them back.
    json_first_ms=$(elapsed_ms "$otchet" status --db "$db" --as-of "$as_of" --json)
    hyperfine -N -w 2 -r 10 --export-json "$work/status-json-$n.json" "$otchet status --db $db --as-of $as_of --json" >/dev/null
    json_ms=$(mean_ms "$work/status-json-$n.json")
    json_peak=$(peak_mib "$pid")
    taskwarrior_store "$n"
    hyperfine -N -w 2 -r 10 --export-json "$work/task-$n.json" "task overdue" >/dev/null
    task_ms=$(mean_ms "$work/task-$n.json")
    frame_ms=$(python3 "$here/pty_tui.py" first-frame --otchet "$otchet" --db "$db" --runs 5 | median_ms)
    tui_peak=$(python3 "$here/pty_tui.py" memory --otchet "$otchet" --db "$db" |
        sed -n 's/^after paging.*VmHWM \([0-9]*\) kB.*/\1/p' | awk '{ printf "%.1f", $1 / 1024 }')
    stop_server "$db"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$import_s" "$import_peak" "$held" \
        "$status_ms" "$json_first_ms" "$json_ms" "$task_ms" "$status_peak" "$json_peak" "$frame_ms" "$tui_peak" \
        "$(search_ms "$n")" >> "$table"
}

# criterion's median for one search keystroke at `n` items, in ms.
search_ms() {
    (cd "$root" && HOME=$real_home OTCHET_BENCH_ITEMS=$1 cargo bench -q --bench tui_keys -- --noplot "search_keystroke/$1\$" \
        >>"$work/bench.log" 2>&1)
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e6))' \
        "$root/target/criterion/search_keystroke/$1/new/estimates.json"
}

{ nproc; uptime; } >&2
printf 'items\timport_s\tserver_import_peak_mib\tserver_held_after_mib\tstatus_ms\tstatus_json_first_ms\tstatus_json_ms\ttask_overdue_ms\tserver_status_peak_mib\tserver_status_json_peak_mib\tfirst_frame_ms\ttui_peak_mib\tsearch_key_ms\n' > "$table"
for n in $sizes; do measure_size "$n"; done
uptime >&2

# The table as Markdown, for docs/performance.md.
python3 - "$table" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter="\t"))
print("| " + " | ".join(rows[0]) + " |")
print("|" + "---|" * len(rows[0]))
for r in rows[1:]:
    print("| " + " | ".join(r) + " |")
PY

gnuplot <<GP
set terminal svg size 960,420 dynamic font "sans,11"
set output "$plot"
set datafile separator "\t"
set key top left
set logscale xy
set grid
set xlabel "items in the quarter"
set multiplot layout 1,2 title "otchet at 100 … 100,000 items (benches/scaling.sh)"
set ylabel "ms"
set title "time"
plot "$table" skip 1 using 1:(\$2*1000) with linespoints title "import", \
     "" skip 1 using 1:5 with linespoints title "status", \
     "" skip 1 using 1:7 with linespoints title "status --json", \
     "" skip 1 using 1:8 with linespoints title "task overdue (taskwarrior)", \
     "" skip 1 using 1:11 with linespoints title "TUI first frame", \
     "" skip 1 using 1:13 with linespoints title "search keystroke"
set ylabel "MiB"
set title "peak resident memory"
plot "$table" skip 1 using 1:3 with linespoints title "server, import", \
     "" skip 1 using 1:10 with linespoints title "server, status and status --json", \
     "" skip 1 using 1:4 with linespoints title "server, held after", \
     "" skip 1 using 1:12 with linespoints title "TUI"
unset multiplot
GP
echo "plot: $plot" >&2
