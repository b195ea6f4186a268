#!/usr/bin/env python3
"""Where the two CPUs' time goes while 64 workers are forked: ours against the fork floor.

A diagnostic beside spawn_bench.py, not a benchmark (it needs `perf` and root or
perf_event_paranoid <= 1, and tracing slows every context switch a little). For each repetition
it records the scheduler's switch and wake-up tracepoints over one run of
`concurrente --run` (64 forked workers, started together, then joined) and one of
`fork_floor 64 1`, and reports, from the forking process's first fork to its last:

  - CPU time of the forking process (concurrente-main / the floor's parent), of the forked
    children, of the app, and idle time summed over the CPUs;
  - where the kernel put each new child: on the CPU that forked it, or on another one, and what
    that other CPU was doing at the moment (idle, a child, the app).

Usage: CONCURRENTE_BIN_DIR=build/bin bench/spawn/sched_trace.py [REPETITIONS]
"""
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SWITCH = re.compile(r"\s*\S+\s+\d+\s+\[(\d+)\]\s+([\d.]+):\s+sched:sched_switch: prev_comm=.*? prev_pid=(\d+) "
                    r".*prev_state=\S+ ==> next_comm=(.*?) next_pid=(\d+)")
NEW = re.compile(r"\s*\S+\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+sched:sched_wakeup_new: .*?pid=(\d+) .*target_cpu=(\d+)")


def trace(cmd, tmp):
    data = os.path.join(tmp, "sched.data")
    subprocess.run(["perf", "record", "-q", "-a", "-m", "1024", "-o", data, "-e", "sched:sched_switch",
                    "-e", "sched:sched_wakeup", "-e", "sched:sched_wakeup_new", "--"] + cmd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    out = subprocess.run(["perf", "script", "-i", data], capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def analyse(lines, app_comm):
    forks = [(int(m[1]), int(m[2]), float(m[3]), int(m[4]), int(m[5])) for m in map(NEW.match, lines) if m]
    forker = collections.Counter(f[0] for f in forks).most_common(1)[0][0]
    forks = [f for f in forks if f[0] == forker]
    children = {f[3] for f in forks}
    t0, t1 = forks[0][2], forks[-1][2]

    def kind(pid, comm):
        if pid == 0:
            return "idle"
        if pid == forker:
            return "forker"
        if pid in children:
            return "child"
        return "app" if comm == app_comm else "other"

    busy = collections.Counter()
    on, since = {}, {}
    placement = collections.Counter()
    fork_at = {(f[2], f[3]): f for f in forks}
    for line in lines:
        m = SWITCH.match(line)
        if m:
            cpu, t = int(m[1]), float(m[2])
            if cpu in on and t > t0 and since[cpu] < t1:
                busy[on[cpu]] += min(t, t1) - max(since[cpu], t0)
            on[cpu], since[cpu] = kind(int(m[5]), m[4]), t
            continue
        n = NEW.match(line)
        if n and int(n[1]) == forker and (float(n[3]), int(n[4])) in fork_at:
            here, target = int(n[2]), int(n[5])
            others = [on.get(c, "idle") for c in on if c != here]
            placement[("forking CPU" if target == here else "other CPU",
                       "other CPU " + (others[0] if others else "?"))] += 1
    span = t1 - t0
    return {"span_us": span * 1e6, **{k + "_us": v * 1e6 for k, v in busy.items()}}, placement


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    bindir = os.environ.get("CONCURRENTE_BIN_DIR", "build/bin")
    sys.path.insert(0, HERE)
    import spawn_bench
    with tempfile.TemporaryDirectory(prefix="concurrente-sched-") as tmp:
        scen = os.path.join(tmp, "s.json")
        with open(scen, "w") as f:
            json.dump(spawn_bench.scenario("fork", 64, together=True), f)
        rows = {"concurrente fork": [], "fork floor": []}
        places = {k: collections.Counter() for k in rows}
        for _ in range(reps):
            for name, cmd, comm in (
                    ("concurrente fork", [os.path.join(bindir, "concurrente"), "--run", scen, "--export",
                                          os.path.join(tmp, "r.json")], "concurrente"),
                    ("fork floor", [os.path.join(bindir, "fork_floor"), "64", "1"], "")):
                figures, placement = analyse(trace(cmd, tmp), comm)
                rows[name].append(figures)
                places[name].update(placement)
    keys = ["span_us", "forker_us", "child_us", "app_us", "idle_us", "other_us"]
    print(f"{'median of ' + str(reps) + ', µs (first fork to last)':<40}" + "".join(f"{k[:-3]:>9}" for k in keys))
    for name, figures in rows.items():
        print(f"{name:<40}" + "".join(f"{statistics.median(f.get(k, 0.0) for f in figures):9.0f}" for k in keys))
    print("\nwhere new children were put (all repetitions):")
    for name, counter in places.items():
        for (where, other), n in sorted(counter.items()):
            print(f"  {name:<18} {where:<12} ({other}): {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
