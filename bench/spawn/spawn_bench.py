#!/usr/bin/env python3
"""Process start-up: CPython's multiprocessing against `concurrente --run`, in the same run.

Latency: the moment the parent asks for a process (Process.start() / the run log's
`start_request`) to the moment the child's own code runs (the target's first line / the
worker's `start` event). Both sides read CLOCK_MONOTONIC (time.monotonic_ns() and the run log's
t_ns), so the differences are comparable. Throughput: 64 workers started, then all joined.
Medians of repetitions: the machine is shared and noisy. A benchmark never asserts.
"""
import json
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPS_MP_SPAWN = int(os.environ.get("SPAWN_BENCH_REPS_MP_SPAWN", "15"))
REPS_MP_FORK = int(os.environ.get("SPAWN_BENCH_REPS_MP_FORK", "40"))
RUNS_OURS = int(os.environ.get("SPAWN_BENCH_RUNS", "3"))
WORKERS_PER_RUN = int(os.environ.get("SPAWN_BENCH_WORKERS", "20"))
RUNS_64 = int(os.environ.get("SPAWN_BENCH_RUNS_64", "9"))
N64 = 64


def _report_start(conn):
    conn.send(time.monotonic_ns())  # the target's first line
    conn.close()


def _nothing():
    pass


def mp_latency(method, reps):
    ctx = mp.get_context(method)
    out = []
    for _ in range(reps):
        recv, send = ctx.Pipe(duplex=False)
        p = ctx.Process(target=_report_start, args=(send,))
        t0 = time.monotonic_ns()
        p.start()
        t_child = recv.recv()
        p.join()
        send.close()
        recv.close()
        out.append(t_child - t0)
    return out


def mp_64(method, runs):
    ctx = mp.get_context(method)
    rates = []
    for _ in range(runs):
        ps = [ctx.Process(target=_nothing) for _ in range(N64)]
        t0 = time.monotonic_ns()
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        rates.append(N64 / ((time.monotonic_ns() - t0) / 1e9))
    return rates


def exec_floor_64(worker, runs):
    """The floor under any exec-based launcher on this machine: 64 concurrente-worker processes
    started with a bare posix_spawn() (glibc's vfork path, as QProcess's) from this script, no
    Qt and no event handling, then all reaped. Workers per second."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    args = [worker, "--name", "Process-1", "--task", "sleep", "ms=0"]
    env = {k: v for k, v in os.environ.items() if k != "CONCURRENTE_EVENT_FD"}
    rates = []
    try:
        for _ in range(runs):
            t0 = time.monotonic_ns()
            pids = [os.posix_spawn(worker, args, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
                    for _ in range(N64)]
            for pid in pids:
                os.waitpid(pid, 0)
            rates.append(N64 / ((time.monotonic_ns() - t0) / 1e9))
    finally:
        os.close(devnull)
    return rates


def fork_floor_64(bindir, runs):
    """The floor under any fork launcher here: bench/spawn/fork_floor.cpp forks 64 children that
    each write two short lines to a pipe, drains it and reaps them. Children per second."""
    exe = os.path.join(bindir, "fork_floor")
    if not os.access(exe, os.X_OK):
        return []
    out = subprocess.run([exe, str(N64), str(runs)], capture_output=True, text=True, timeout=120)
    return [float(x) for x in out.stdout.split()] if out.returncode == 0 else []


def scenario(launcher, n, together):
    workers = [{"task": "sleep", "args": {"ms": 0, "announce": False}, "launcher": launcher} for _ in range(n)]
    if together:
        main = [{"action": "start", "worker": i} for i in range(n)] + [{"action": "join", "worker": i} for i in range(n)]
    else:
        main = []
        for i in range(n):
            main += [{"action": "start", "worker": i}, {"action": "join", "worker": i}]
    main.append({"action": "end_main"})
    return {"format": "concurrente-scenario/1", "title": {"es": "Arranque", "en": "Start-up"},
            "workers": workers, "main": main}


def run_ours(binary, scen, tmp):
    path = os.path.join(tmp, "scenario.json")
    log = os.path.join(tmp, "run.json")
    with open(path, "w") as f:
        json.dump(scen, f)
    r = subprocess.run([binary, "--run", path, "--export", log], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"concurrente --run exited with {r.returncode}: {r.stderr.strip()}")
    with open(log) as f:
        data = json.load(f)
    os.remove(log)
    return data


def ours_latency(binary, launcher, tmp):
    out = []
    for _ in range(RUNS_OURS):
        data = run_ours(binary, scenario(launcher, WORKERS_PER_RUN, together=False), tmp)
        requested = {}
        for e in data["events"]:
            if e["ev"] == "start_request":
                requested[e["name"]] = e["t_ns"]
            elif e["ev"] == "start" and e.get("name") in requested:
                out.append(e["t_ns"] - requested.pop(e["name"]))
    return out


def ours_64(binary, launcher, tmp):
    """Workers per second, plus where the time went: how long issuing the 64 start requests
    took, and when the last worker was running (both from the first request, in ns)."""
    rates, issuing, running = [], [], []
    for _ in range(RUNS_64):
        data = run_ours(binary, scenario(launcher, N64, together=True), tmp)
        ev = data["events"]
        # Workers only: the fork launcher's main program (the helper) is running before the
        # script's first line, as Python's interpreter is before Process.start().
        requests = [e["t_ns"] for e in ev if e["ev"] == "start_request" and e.get("name") != "MainProcess"]
        exited = [e["t_ns"] for e in ev if e["ev"] == "exited" and e.get("name") != "MainProcess"]
        starts = [e["t_ns"] for e in ev if e["ev"] == "start"]
        first = min(requests)
        rates.append(len(exited) / ((max(exited) - first) / 1e9))
        issuing.append(max(requests) - first)
        running.append(max(starts) - first)
    return rates, issuing, running


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    bindir = os.environ.get("CONCURRENTE_BIN_DIR", "")
    binary = os.path.join(bindir, "concurrente")
    if not os.access(binary, os.X_OK):
        print(f"spawn: {binary} is not built (set CONCURRENTE_BIN_DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="concurrente-spawn-") as tmp:
        mp_spawn = mp_latency("spawn", REPS_MP_SPAWN)
        mp_fork = mp_latency("fork", REPS_MP_FORK)
        q_lat = ours_latency(binary, "qprocess", tmp)
        f_lat = ours_latency(binary, "fork", tmp)
        mp64_spawn = mp_64("spawn", max(1, min(2, RUNS_64 // 2)))  # ~3 s per run
        mp64_fork = mp_64("fork", RUNS_64)
        q64, q64_issue, q64_run = ours_64(binary, "qprocess", tmp)
        floor64 = exec_floor_64(os.path.join(bindir, "concurrente-worker"), RUNS_64)
        forkfloor64 = fork_floor_64(bindir, RUNS_64)
        f64, f64_issue, f64_run = ours_64(binary, "fork", tmp)

    us = lambda ns: ns / 1000.0
    print(f"{'measure':44} {'n':>4} {'median':>12} {'min':>12} {'max':>12}")
    rows = [
        ("python3 mp spawn: start() -> target (us)", mp_spawn, us),
        ("python3 mp fork:  start() -> target (us)", mp_fork, us),
        ("concurrente qprocess: request -> start (us)", q_lat, us),
        ("concurrente fork:     request -> start (us)", f_lat, us),
        ("python3 mp spawn: 64 started+joined (/s)", mp64_spawn, float),
        ("python3 mp fork:  64 started+joined (/s)", mp64_fork, float),
        ("bare posix_spawn of the worker: 64 (/s)", floor64, float),
        ("concurrente qprocess: 64 started+joined (/s)", q64, float),
        ("bare fork() loop, small program: 64 (/s)", forkfloor64, float),
        ("concurrente fork:     64 started+joined (/s)", f64, float),
        ("  qprocess: 64 start requests issued in (us)", q64_issue, us),
        ("  qprocess: last of 64 running after (us)", q64_run, us),
        ("  fork:     64 start requests issued in (us)", f64_issue, us),
        ("  fork:     last of 64 running after (us)", f64_run, us),
    ]
    for label, xs, conv in rows:
        if not xs:
            print(f"{label:44}    0  (not measured)")
            continue
        print(f"{label:44} {len(xs):>4} {conv(med(xs)):>12.1f} {conv(min(xs)):>12.1f} {conv(max(xs)):>12.1f}")
    print(f"python3 {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(f"spawn_qprocess_speedup_vs_mp_spawn: {med(mp_spawn) / med(q_lat):.1f}")
    print(f"spawn_fork_speedup_vs_mp_fork: {med(mp_fork) / med(f_lat):.1f}")
    print(f"spawn64_qprocess_per_s: {med(q64):.0f}")
    print(f"spawn64_fork_per_s: {med(f64):.0f}")
    # Not a goal: how close the QProcess launcher comes to a bare posix_spawn of the same
    # worker (1.0 = no overhead at all), and that floor itself.
    print(f"spawn64_exec_floor_per_s: {med(floor64):.0f}")
    print(f"spawn64_qprocess_vs_exec_floor: {med(q64) / med(floor64):.2f}")
    if forkfloor64:
        print(f"spawn64_fork_floor_per_s: {med(forkfloor64):.0f}")
        print(f"spawn64_fork_vs_fork_floor: {med(f64) / med(forkfloor64):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
