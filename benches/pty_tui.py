#!/usr/bin/env python3
"""Measures the TUI on a real pseudo-terminal (docs/performance.md). Standard library only.

    pty_tui.py first-frame --otchet BIN --db DIR [--runs 20]
        time from exec to the end of the first frame (its last byte before a pause of
        FRAME_GAP), and to the end of the output that follows (a long list's later parts,
        the shown item's text) until output stops for QUIET
    pty_tui.py step --otchet BIN --db DIR
        bytes written for one step down the list at 80x24: within the window, and one that
        scrolls; whether the screen was cleared; which rows were written
    pty_tui.py memory --otchet BIN --db DIR
        the TUI's resident memory (VmRSS, VmHWM) after the first frame and after use
    pty_tui.py idle --otchet BIN --db DIR [--seconds 60] [--server-pid PID] [--strace FILE]
        CPU time and wake-ups (context switches, per thread) of an idle TUI, and of the
        server while that TUI is attached; with --strace, their system calls too

The store's server should be running already (`otchet serve --db DIR --idle-timeout 0`).
"""

import argparse
import os
import pty
import re
import select
import signal
import statistics
import subprocess
import struct
import sys
import time

try:
    import fcntl
    import termios
except ImportError:  # pragma: no cover
    sys.exit("needs a Unix system")

QUIET = 0.3  # seconds without output that end a burst of frames
FRAME_GAP = 0.01  # seconds without output that end one frame: it is written at once
CSI_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


class Tui:
    def __init__(self, otchet, db, cols=80, rows=24, extra=()):
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            os.execvp(otchet, [otchet, "--db", db, *extra])
        self.pid, self.fd = pid, fd

    def read_frame(self, timeout=30.0, quiet=QUIET, first_within=None):
        """Output until it has been quiet for `quiet` seconds: (bytes, time of the last byte).
        With `first_within`, nothing at all for that long is an end too (b"", None)."""
        out, last = b"", None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            wait = quiet if out else max(0.0, deadline - time.monotonic())
            if not out and first_within is not None:
                wait = min(wait, first_within)
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                if out or first_within is not None:
                    break
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            last = time.monotonic()
        return out, last

    def alive(self):
        return os.waitpid(self.pid, os.WNOHANG) == (0, 0)

    def first(self, timeout=30.0, quiet=QUIET):
        """The first frame (it starts at the top left corner), or the program's message if it
        exited instead."""
        out, last = b"", None
        deadline = time.monotonic() + timeout
        while b"\x1b[1;1H" not in out and time.monotonic() < deadline:
            more, at = self.read_frame(deadline - time.monotonic(), quiet)
            out += more
            last = at or last
            if not self.alive():
                sys.exit("otchet exited: " + out.decode(errors="replace").strip())
        if last is None:
            sys.exit("no frame")
        return out, last

    def send(self, data):
        os.write(self.fd, data)

    def quit(self):
        for key in (b"q", b"d", b"\x1b", b"q"):
            try:
                self.send(key)
            except OSError:
                break
            time.sleep(0.2)
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)


def proc_status(pid, *keys):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, rest = line.partition(":")
            if name in keys:
                values[name] = rest.strip()
    return values


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) * 1000 / ticks  # utime + stime


def switches(pid):
    """Context switches of each thread: every wake-up of a sleeping thread is one."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            s = proc_status(f"{pid}/task/{tid}", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")
        except FileNotFoundError:
            continue
        out[f"{tid} {name}"] = int(s["voluntary_ctxt_switches"]) + int(s["nonvoluntary_ctxt_switches"])
    return out


def first_frame(args):
    times, settled = [], []
    for _ in range(args.runs):
        tui = Tui(args.otchet, args.db)
        _, last = tui.first(quiet=FRAME_GAP)
        times.append((last - tui.started) * 1000)
        # A screen drawn whole in its first frame writes nothing more: waiting the full
        # timeout for it made 20 runs on the sample take ten minutes.
        _, later = tui.read_frame(first_within=1.0)
        settled.append(((later or last) - tui.started) * 1000)
        tui.quit()
    times.sort()
    settled.sort()
    # The first line is what benches/scaling.sh reads (`median … ms`).
    print(
        f"start to first frame, {len(times)} runs: median {statistics.median(times):.1f} ms, "
        f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms"
    )
    print(f"start to the last frame before output stops (the whole list, the shown text): median "
          f"{statistics.median(settled):.1f} ms, min {settled[0]:.1f} ms, max {settled[-1]:.1f} ms")


def describe_step(name, out, right_from):
    rows = {}
    for m in CSI_MOVE.finditer(out):
        row, col = int(m.group(1)), int(m.group(2))
        rows.setdefault(row, []).append(col)
    left = sorted(r for r, cols in rows.items() if min(cols) <= right_from)
    cleared = b"\x1b[2J" in out or b"\x1b[J" in out or b"\x1b[0J" in out
    print(
        f"{name}: {len(out)} bytes ({len(out) / 1024:.2f} KiB); full clear: {'yes' if cleared else 'no'}; "
        f"rows written: {len(rows)} of 24 (with cells in the list's columns: {left})"
    )


def step(args):
    tui = Tui(args.otchet, args.db)
    first, _ = tui.first()
    print(f"first frame: {len(first)} bytes")
    # The list is 32 columns wide at 80x24; its rows are 2-21 (inside the border).
    tui.send(b"j")
    out, _ = tui.read_frame()
    describe_step("one step down (within the window)", out, 32)
    for _ in range(25):
        tui.send(b"j")
        tui.read_frame()
    tui.send(b"j")
    out, _ = tui.read_frame()
    describe_step("one step down (the list scrolls by a row)", out, 32)
    tui.quit()


def memory(args):
    tui = Tui(args.otchet, args.db)
    tui.first()
    after_start = proc_status(tui.pid, "VmRSS", "VmHWM")
    # Use it: page through, search, filter, open the editor and type.
    for key in [b"\x1b[6~"] * 30 + [b"f"] * 5 + [b"/", "контроль".encode(), b"\r", b"\x1b", b"e", "текст".encode()]:
        tui.send(key)
        tui.read_frame()
    after_use = proc_status(tui.pid, "VmRSS", "VmHWM")
    print(f"after the first frame: VmRSS {after_start['VmRSS']}, VmHWM {after_start['VmHWM']}")
    print(f"after paging, filtering, a search and typing: VmRSS {after_use['VmRSS']}, VmHWM {after_use['VmHWM']}")
    tui.send(b"\x1b")
    tui.read_frame()
    tui.quit()


def idle(args):
    tui = Tui(args.otchet, args.db)
    tui.first()
    time.sleep(1)
    watched = [("TUI", tui.pid)] + ([("server", args.server_pid)] if args.server_pid else [])
    before = {name: (cpu_ms(pid), switches(pid)) for name, pid in watched}
    tracers = []
    if args.strace:
        # Every system call of each process and its threads over the same window.
        for name, pid in watched:
            out = f"{args.strace}-{name.lower()}.txt"
            tracers.append((name, out, subprocess.Popen(["strace", "-f", "-c", "-o", out, "-p", str(pid)])))
    time.sleep(args.seconds)
    for _, _, tracer in tracers:
        tracer.send_signal(signal.SIGINT)
        tracer.wait()
    for name, pid in watched:
        cpu0, sw0 = before[name]
        sw1 = switches(pid)
        woken = {t: sw1[t] - sw0.get(t, 0) for t in sw1}
        busy = {t: n for t, n in woken.items() if n}
        print(
            f"{name} (pid {pid}) idle for {args.seconds} s: CPU {cpu_ms(pid) - cpu0:.0f} ms; "
            f"{len(sw1)} threads; wake-ups {sum(woken.values())}"
            + (f" ({', '.join(f'{t}: {n}' for t, n in sorted(busy.items()))})" if busy else "")
        )
    for name, out, _ in tracers:
        with open(out) as f:
            print(f"strace -c of the {name} over the same {args.seconds} s:\n" + f.read().rstrip())
    tui.quit()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["first-frame", "step", "memory", "idle"])
    p.add_argument("--otchet", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--server-pid", type=int)
    p.add_argument("--strace", help="also count system calls with strace, into FILE-tui.txt, FILE-server.txt")
    args = p.parse_args()
    {"first-frame": first_frame, "step": step, "memory": memory, "idle": idle}[args.what](args)


if __name__ == "__main__":
    main()
