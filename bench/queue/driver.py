#!/usr/bin/env python3
"""Runs the queue benchmark: every implementation, interleaved rounds, medians, table, headlines.

  driver.py --bin BENCH_QUEUE_EXECUTABLE [--rounds 7] [--target-ms 300]

Each implementation is first calibrated (message counts so that one measurement lasts about
--target-ms; the calibration runs double as the warm-up), then measured in --rounds rounds.
The rounds rotate the order of the implementations, so a burst of load from something else on
this shared machine lands on all of them rather than on one: the ratios compare like with like.
Only the medians are reported; nothing is asserted (a benchmark reports, tests judge).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = "shmq"
IMPLS = ["shmq", "mpqueue", "boost", "pipe"]
LABELS = {
    "shmq": "concurrente shmq",
    "mpqueue": "python3 multiprocessing.Queue",
    "boost": "Boost.Interprocess message_queue",
    "pipe": "pipe (one write per message)",
}
SHAPES = ["1to1", "4to4"]
SIZES = [8, 64]
RUN_TIMEOUT_S = 150


def command(impl, bench_bin):
    if impl == "mpqueue":
        return [sys.executable, os.path.join(HERE, "mpqueue_bench.py")]
    return [bench_bin, "--impl", impl]


def run(cmd, log):
    """Runs one benchmark process and returns its JSON lines (stderr goes to the log)."""
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             timeout=RUN_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        log.append(f"{' '.join(cmd)}: no answer after {RUN_TIMEOUT_S} s")
        return []
    if out.returncode != 0:
        log.append(f"{' '.join(cmd)}: exit status {out.returncode}: {out.stderr.strip()[-300:]}")
    rows = []
    for line in out.stdout.splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            log.append(f"{cmd[0]}: unreadable line {line!r}")
    return rows


def available(bench_bin):
    built = set()
    if bench_bin and os.access(bench_bin, os.X_OK):
        out = subprocess.run([bench_bin, "--list"], stdout=subprocess.PIPE, text=True, check=False)
        built.update(out.stdout.split())
    built.add("mpqueue")
    return [i for i in IMPLS if i in built]


def progress(text):
    """A line on stderr so a person watching knows the run is alive (stdout stays the report)."""
    print(f"queue bench: {text}", file=sys.stderr, flush=True)


def fmt_rate(v):
    return f"{v:,.0f}" if v else "-"


def fmt_us(v):
    return f"{v:.2f}" if v else "-"


def spread_pct(values):
    """Half the min..max range of the rounds as a percentage of their median (None if unknown)."""
    if not values or len(values) < 2:
        return None
    m = statistics.median(values)
    return (max(values) - min(values)) / 2 / m * 100 if m else None


def spread(values):
    """spread_pct as the table's noise column."""
    p = spread_pct(values)
    return f"±{p:.0f}%" if p is not None else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="", help="the bench_queue executable")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--target-ms", type=float, default=300)
    args = ap.parse_args()

    started = time.monotonic()
    load_start = os.getloadavg()[0]
    log = []
    impls = available(args.bin)
    missing = [i for i in IMPLS if i not in impls]

    # 1. Calibrate (and warm up) every implementation.
    plans = {}
    for impl in impls:
        progress(f"calibrating {impl}")
        for row in run(command(impl, args.bin) + ["--calibrate", "--target-ms",
                                                  str(args.target_ms)], log):
            if row.get("kind") == "plan":
                plans[(impl, row["shape"], row["size"])] = row.get("iters") or row.get("msgs")
    # 2. Interleaved rounds.
    tput = {}  # (impl, shape, size) -> [rates]
    secs = {}  # (impl, shape, size) -> [seconds per measurement]
    rtt = {}   # impl -> [(median, p99)]
    notes = {}
    for r in range(args.rounds):
        order = impls[r % len(impls):] + impls[:r % len(impls)] if impls else []
        progress(f"round {r + 1}/{args.rounds}")
        for impl in order:
            specs = []
            for shape in SHAPES:
                for size in SIZES:
                    n = plans.get((impl, shape, size))
                    if n:
                        specs += ["--tput", f"{shape}:{size}:{n}"]
            if (impl, "pingpong", 8) in plans:
                specs += ["--rtt", f"8:{plans[(impl, 'pingpong', 8)]}"]
            if not specs:
                continue
            for row in run(command(impl, args.bin) + specs, log):
                if not row.get("ok"):
                    notes[(impl, row.get("shape"), row.get("size"))] = row.get("note", "failed")
                    continue
                if row["kind"] == "tput":
                    tput.setdefault((impl, row["shape"], row["size"]), []).append(row["rate"])
                    secs.setdefault((impl, row["shape"], row["size"]), []).append(row["secs"])
                elif row["kind"] == "rtt":
                    rtt.setdefault(impl, []).append((row["median_us"], row["p99_us"]))

    def med_rate(impl, shape, size):
        v = tput.get((impl, shape, size))
        return statistics.median(v) if v else 0.0

    def med_rtt(impl):
        v = rtt.get(impl)
        if not v:
            return 0.0, 0.0
        return statistics.median(m for m, _ in v), statistics.median(p for _, p in v)

    # 3. The table.
    # The load average says how much else ran: absolute figures from a busy machine are low and
    # noisy, the same-run ratios much less so.
    print(f"Queue benchmark: {args.rounds} rounds, medians; {os.cpu_count()} CPUs, "
          f"load average {load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    print("Throughput = messages/s over a fixed count (release of all workers to the last get), "
          "s/run = seconds per measurement;")
    print("noise = half the min..max range of the rounds; RTT = ping-pong of one 8-byte message "
          "between two processes through two queues.")
    head = (f"{'implementation':34} {'shape':6} {'size':>5} {'msgs':>10} {'s/run':>5} {'msgs/s (median)':>16} "
            f"{'noise':>6} {'RTT median µs':>14} {'RTT p99 µs':>11}")
    print(head)
    print("-" * len(head))
    for impl in IMPLS:
        for shape in SHAPES:
            for size in SIZES:
                key = (impl, shape, size)
                dur = ""
                if impl in missing:
                    rate_txt, noise, count = "not built", "", ""
                elif key in tput:
                    rate_txt, noise = fmt_rate(med_rate(*key)), spread(tput[key])
                    count = f"{plans.get(key, 0):,}"
                    dur = f"{statistics.median(secs[key]):.2f}"
                else:
                    rate_txt, noise, count = "failed", "", ""
                rtt_txt = p99_txt = ""
                if shape == "1to1" and size == 8 and impl not in missing:
                    m, p = med_rtt(impl)
                    rtt_txt, p99_txt = (fmt_us(m), fmt_us(p)) if m else ("failed", "")
                print(f"{LABELS[impl]:34} {shape:6} {str(size) + ' B':>5} {count:>10} {dur:>5} "
                      f"{rate_txt:>16} {noise:>6} {rtt_txt:>14} {p99_txt:>11}")
    for key, note in sorted(notes.items(), key=str):
        print(f"note: {key[0]} {key[1]} {key[2]}: {note}")
    for line in log:
        print(f"note: {line}")

    # 4. Headlines (ratios against baselines measured in this same run).
    def ratio(a, b):
        return f"{a / b:.2f}" if a and b else "n/a"

    ours_rtt = med_rtt(OURS)[0]
    # Our 1→1 8 B rate must be steady, not only fast: a lead that holds in one round and not in
    # the next is no lead.
    ours_spread = spread_pct(tput.get((OURS, "1to1", 8)))
    heads = [
        ("queue_1to1_8B_vs_mpqueue", ratio(med_rate(OURS, "1to1", 8), med_rate("mpqueue", "1to1", 8)), "≥ 50"),
        ("queue_1to1_8B_vs_boost", ratio(med_rate(OURS, "1to1", 8), med_rate("boost", "1to1", 8)), "≥ 1.5"),
        ("queue_4to4_8B_vs_mpqueue", ratio(med_rate(OURS, "4to4", 8), med_rate("mpqueue", "4to4", 8)), "≥ 30"),
        ("queue_rtt_8B_median_us", fmt_us(ours_rtt) if ours_rtt else "n/a", "≤ 2"),
        ("queue_rtt_8B_vs_mpqueue", ratio(med_rtt("mpqueue")[0], ours_rtt), ""),
        ("queue_1to1_8B_spread_pct", f"{ours_spread:.1f}" if ours_spread is not None else "n/a", "≤ 15"),
    ]
    print()
    print(f"goals: " + "; ".join(f"{k} {g}" for k, _, g in heads if g)
          + f"  (whole run {time.monotonic() - started:.0f} s)")
    for key, value, _ in heads:
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
