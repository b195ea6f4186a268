#!/usr/bin/env python3
"""The multiprocessing side of bench/spawn, in a main module of its own.

spawn and forkserver children run the parent's main module again (as __mp_main__) and import
what it imports. This module imports only what the measurement needs, as a small user program
would, so those children do not also import the harness's json, subprocess, statistics, ...
(which would make CPython look slower than it is).

Reads commands on stdin, one per line, answers one line each on stdout:
  lat METHOD REPS   REPS latencies, start() -> the target's first line, in ns
  64 METHOD         one repetition: 64 processes started, then all joined; processes per second
"""
import multiprocessing as mp
import sys
import time

N64 = 64


def _report_start(conn):
    conn.send(time.monotonic_ns())  # the target's first line
    conn.close()


def _nothing():
    pass


def latency(method, reps):
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


def started_joined_64(method):
    ctx = mp.get_context(method)
    ps = [ctx.Process(target=_nothing) for _ in range(N64)]
    t0 = time.monotonic_ns()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return N64 / ((time.monotonic_ns() - t0) / 1e9)


def main():
    for line in sys.stdin:
        words = line.split()
        if words[0] == "lat":
            values = latency(words[1], int(words[2]))
        else:
            values = [started_joined_64(words[1])]
        print(" ".join(str(v) for v in values), flush=True)


if __name__ == "__main__":
    main()
