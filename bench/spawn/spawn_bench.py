#!/usr/bin/env python3
"""Process start-up: CPython's multiprocessing against `concurrente --run`, in the same run.

For each start method (spawn, fork, forkserver), 64 workers started, then all joined, by our app
and by multiprocessing.get_context(method) (in mp_baseline.py, a small main module of its own);
plus two floors measured on the machine in the same
run: a bare posix_spawn() loop of the worker binary (under any spawn launcher) and a bare fork()
loop in a small static program (bench/spawn/fork_floor.cpp, under any fork launcher).

Our interval: from the run log's first `start_request` of the 64 to the last of their `join`
events (the engine records `join` when the script's join returns), both CLOCK_MONOTONIC. The
main program (concurrente-main) is running before it begins: the run starts it and waits for its
`helper_ready` before the script's first line, as CPython's interpreter runs before
Process.start(). Under forkserver the server is running too, on both sides: our scenario starts
and joins one warm-up worker first, and multiprocessing's server is started before the timed
runs (it lives as long as mp_baseline.py).

Multiprocessing's interval: time.monotonic_ns() before the first start() to after the last
join().

Latency (the per-start table): the moment the parent asks for a process (Process.start() / the
run log's `start_request`) to the moment the child's own code runs (the target's first line /
the worker's `start` event); both sides read CLOCK_MONOTONIC.

The 64-worker measurements run in rounds, each round one repetition of every row, so a change
in the machine's load hits ours and its baseline alike. Headline ratios are ratios of medians.
Medians of repetitions: the machine is shared and noisy. A benchmark never asserts.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

METHODS = ("spawn", "fork", "forkserver")
REPS_MP_LATENCY = {
    "spawn": int(os.environ.get("SPAWN_BENCH_REPS_MP_SPAWN", "15")),
    "fork": int(os.environ.get("SPAWN_BENCH_REPS_MP_FORK", "40")),
    "forkserver": int(os.environ.get("SPAWN_BENCH_REPS_MP_FORKSERVER", "30")),
}
RUNS_OURS = int(os.environ.get("SPAWN_BENCH_RUNS", "3"))
WORKERS_PER_RUN = int(os.environ.get("SPAWN_BENCH_WORKERS", "20"))
RUNS_64 = int(os.environ.get("SPAWN_BENCH_RUNS_64", "9"))
# multiprocessing's spawn takes seconds per 64 (a fresh interpreter each): fewer rounds.
RUNS_64_MP_SPAWN = int(os.environ.get("SPAWN_BENCH_RUNS_64_MP_SPAWN", "3"))
N64 = 64


class MpBaseline:
    """bench/spawn/mp_baseline.py in a python3 of its own: a small main module, which CPython's
    spawn and forkserver children run again (see there). Its fork server, once started, lives
    as long as it does, so forkserver repetitions after the first find it running."""

    def __init__(self, here):
        self.proc = subprocess.Popen([sys.executable, os.path.join(here, "mp_baseline.py")],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"mp_baseline.py ended (exit code {self.proc.wait()})")
        return [float(x) for x in answer.split()]

    def latency(self, method, reps):
        return self.ask(f"lat {method} {reps}")

    def rate64(self, method):
        return self.ask(f"64 {method}")[0]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def exec_floor_64(worker, devnull):
    """The floor under any exec-based launcher on this machine: 64 concurrente-worker processes
    started with a bare posix_spawn() (glibc's clone(CLONE_VFORK) path, as concurrente-main's)
    from this script, no Qt and no event handling, then all reaped. Workers per second."""
    args = [worker, "--name", "Process-1", "--task", "sleep", "ms=0"]
    env = {k: v for k, v in os.environ.items() if k != "CONCURRENTE_EVENT_FD"}
    t0 = time.monotonic_ns()
    pids = [os.posix_spawn(worker, args, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
            for _ in range(N64)]
    for pid in pids:
        os.waitpid(pid, 0)
    return N64 / ((time.monotonic_ns() - t0) / 1e9)


def fork_floor_64(exe):
    """The floor under any fork launcher here: bench/spawn/fork_floor.cpp forks 64 children that
    each write two short lines to a pipe, drains it and reaps them (timed inside that program,
    so its own start is not counted). Children per second, or None if it is not built."""
    if not os.access(exe, os.X_OK):
        return None
    out = subprocess.run([exe, str(N64), "1"], capture_output=True, text=True, timeout=120)
    return float(out.stdout.split()[0]) if out.returncode == 0 and out.stdout.split() else None


def main_alone_64(bindir, method):
    """Where the time goes: concurrente-main driven by this script instead of the app, for one
    repetition. It is started and reports `helper_ready` first (outside the interval), then gets
    the 64 `start` commands in one write; the interval ends when its 64th `exited` line has been
    read. What the app adds on top of this is the app's own work (its event handling shares the
    two CPUs with the main program and the workers). Workers per second."""
    r, w = os.pipe()
    env = dict(os.environ, CONCURRENTE_EVENT_FD=str(w))
    proc = subprocess.Popen([os.path.join(bindir, "concurrente-main"), "--worker",
                             os.path.join(bindir, "concurrente-worker")],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, pass_fds=(w,))
    os.close(w)
    try:
        pending = b""

        def lines():
            nonlocal pending
            chunk = os.read(r, 65536)
            if not chunk:
                raise RuntimeError("concurrente-main ended early")
            *done, pending = (pending + chunk).split(b"\n")
            return done

        while not any(b'"ev":"helper_ready"' in x for x in lines()):
            pass
        cmds = b"".join(b"start\tProcess-%d\tsleep\tmethod=%s\tdaemon=0\tms=0\tannounce=0\n"
                        % (i + 1, method.encode()) for i in range(N64))
        t0 = time.monotonic_ns()
        proc.stdin.write(cmds)
        proc.stdin.flush()
        exited = 0
        while exited < N64:
            exited += sum(1 for x in lines() if b'"ev":"exited"' in x)
        t1 = time.monotonic_ns()
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
        os.close(r)
    return N64 / ((t1 - t0) / 1e9)


def scenario(method, n, together, warmup=False):
    """Format 2: every worker by the run's start method; `warmup` adds worker 0, started and
    joined before the measured ones (it starts the fork server under forkserver)."""
    first = 1 if warmup else 0
    workers = [{"task": "sleep", "args": {"ms": 0, "announce": False}} for _ in range(first + n)]
    main = [{"action": "start", "worker": 0}, {"action": "join", "worker": 0}] if warmup else []
    idx = range(first, first + n)
    if together:
        main += [{"action": "start", "worker": i} for i in idx] + [{"action": "join", "worker": i} for i in idx]
    else:
        for i in idx:
            main += [{"action": "start", "worker": i}, {"action": "join", "worker": i}]
    main.append({"action": "end_main"})
    return {"format": "concurrente-scenario/2", "title": {"es": "Arranque", "en": "Start-up"},
            "start_method": method, "workers": workers, "main": main}


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


def worker_names(data, first_index=0):
    """The scenario workers' names (not MainProcess, not the ForkServer), from index on."""
    return {p["name"] for p in data["processes"]
            if p.get("kind") == "worker" and p.get("index", -1) >= first_index}


def ours_latency(binary, method, tmp):
    out = []
    for _ in range(RUNS_OURS):
        data = run_ours(binary, scenario(method, WORKERS_PER_RUN, together=False), tmp)
        names = worker_names(data)
        requested = {}
        for e in data["events"]:
            if e.get("name") not in names:
                continue
            if e["ev"] == "start_request":
                requested[e["name"]] = e["t_ns"]
            elif e["ev"] == "start" and e["name"] in requested:
                out.append(e["t_ns"] - requested.pop(e["name"]))
    return out


def ours_64(binary, method, tmp):
    """One repetition. Returns workers per second (first start_request of the 64 to the last of
    their joins) and where the time went, in ns from that first request: the last request, the
    last worker running (`start`), the last reaped (`exited`), and under forkserver when the
    server reported itself up (from the warm-up's request; None otherwise)."""
    warm = method == "forkserver"
    data = run_ours(binary, scenario(method, N64, together=True, warmup=warm), tmp)
    names = worker_names(data, 1 if warm else 0)
    ev = [e for e in data["events"] if e.get("name") in names]
    t = lambda kind: [e["t_ns"] for e in ev if e["ev"] == kind]
    requests, starts, exited, joins = t("start_request"), t("start"), t("exited"), t("join")
    if len(joins) != N64 or len(starts) != N64:
        raise RuntimeError(f"{method}: {len(starts)} started and {len(joins)} joined of {N64}")
    first = min(requests)
    server_up = None
    if warm:
        up = [e["t_ns"] for e in data["events"] if e["ev"] == "forkserver_started"]
        req0 = [e["t_ns"] for e in data["events"] if e["ev"] == "start_request" and e.get("name") not in names
                and e.get("name") != "MainProcess"]
        if up and req0:
            server_up = min(up) - min(req0)
    return {"rate": N64 / ((max(joins) - first) / 1e9), "issued": max(requests) - first,
            "running": max(starts) - first, "exited": max(exited) - first, "server_up": server_up}


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    bindir = os.environ.get("CONCURRENTE_BIN_DIR", "")
    binary = os.path.join(bindir, "concurrente")
    if not os.access(binary, os.X_OK):
        print(f"spawn: {binary} is not built (set CONCURRENTE_BIN_DIR)", file=sys.stderr)
        return 2
    worker = os.path.join(bindir, "concurrente-worker")
    fork_floor_exe = os.path.join(bindir, "fork_floor")
    load_before = os.getloadavg()[0]
    ours = {m: [] for m in METHODS}
    mp64 = {m: [] for m in METHODS}
    alone = {m: [] for m in ("spawn", "fork")}
    floor64, forkfloor64 = [], []
    baseline = MpBaseline(here)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        lat_mp = {m: baseline.latency(m, REPS_MP_LATENCY[m]) for m in METHODS}
        with tempfile.TemporaryDirectory(prefix="concurrente-spawn-") as tmp:
            lat_ours = {m: ours_latency(binary, m, tmp) for m in METHODS}
            baseline.rate64("fork")  # warm-up; the fork server is up since the latencies
            baseline.rate64("forkserver")
            for r in range(RUNS_64):
                # One repetition of every row per round, each floor next to what it bounds.
                floor64.append(exec_floor_64(worker, devnull))
                ours["spawn"].append(ours_64(binary, "spawn", tmp))
                alone["spawn"].append(main_alone_64(bindir, "spawn"))
                ff = fork_floor_64(fork_floor_exe)
                if ff is not None:
                    forkfloor64.append(ff)
                ours["fork"].append(ours_64(binary, "fork", tmp))
                alone["fork"].append(main_alone_64(bindir, "fork"))
                ours["forkserver"].append(ours_64(binary, "forkserver", tmp))
                mp64["fork"].append(baseline.rate64("fork"))
                mp64["forkserver"].append(baseline.rate64("forkserver"))
                if r < RUNS_64_MP_SPAWN:
                    mp64["spawn"].append(baseline.rate64("spawn"))
    finally:
        os.close(devnull)
        baseline.close()

    rate = {m: [x["rate"] for x in ours[m]] for m in METHODS}
    us = lambda ns: ns / 1000.0
    print(f"{'measure':52} {'n':>4} {'median':>12} {'min':>12} {'max':>12}")
    rows = []
    for m in METHODS:
        rows.append((f"python3 mp {m}: start() -> target (us)", lat_mp[m], us))
    for m in METHODS:
        rows.append((f"concurrente {m}: request -> start (us)", lat_ours[m], us))
    for m in METHODS:
        rows.append((f"python3 mp {m}: 64 started+joined (/s)", mp64[m], float))
    rows += [
        ("bare posix_spawn of the worker: 64 (/s)", floor64, float),
        ("concurrente spawn: 64 started+joined (/s)", rate["spawn"], float),
        ("bare fork() loop, small program: 64 (/s)", forkfloor64, float),
        ("concurrente fork: 64 started+joined (/s)", rate["fork"], float),
        ("concurrente forkserver: 64 started+joined (/s)", rate["forkserver"], float),
        ("  concurrente-main alone, spawn: 64 (/s)", alone["spawn"], float),
        ("  concurrente-main alone, fork: 64 (/s)", alone["fork"], float),
    ]
    for m in METHODS:
        rows.append((f"  {m}: 64 start requests issued in (us)", [x["issued"] for x in ours[m]], us))
        rows.append((f"  {m}: last of 64 running after (us)", [x["running"] for x in ours[m]], us))
        rows.append((f"  {m}: last of 64 reaped after (us)", [x["exited"] for x in ours[m]], us))
    rows.append(("  forkserver: server up after request (us)",
                 [x["server_up"] for x in ours["forkserver"] if x["server_up"] is not None], us))
    for label, xs, conv in rows:
        if not xs:
            print(f"{label:52}    0  (not measured)")
            continue
        print(f"{label:52} {len(xs):>4} {conv(med(xs)):>12.1f} {conv(min(xs)):>12.1f} {conv(max(xs)):>12.1f}")
    print(f"python3 {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"spawn_vs_mp_spawn: {med(rate['spawn']) / med(mp64['spawn']):.1f}")
    print(f"fork_vs_mp_fork: {med(rate['fork']) / med(mp64['fork']):.1f}")
    print(f"forkserver_vs_mp_forkserver: {med(rate['forkserver']) / med(mp64['forkserver']):.1f}")
    print(f"spawn64_vs_exec_floor: {med(rate['spawn']) / med(floor64):.2f}")
    if forkfloor64:
        print(f"fork64_vs_fork_floor: {med(rate['fork']) / med(forkfloor64):.2f}")
    print(f"spawn64_spawn_per_s: {med(rate['spawn']):.0f}")
    print(f"spawn64_fork_per_s: {med(rate['fork']):.0f}")
    print(f"spawn64_forkserver_per_s: {med(rate['forkserver']):.0f}")
    print(f"spawn64_exec_floor_per_s: {med(floor64):.0f}")
    if forkfloor64:
        print(f"spawn64_fork_floor_per_s: {med(forkfloor64):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
