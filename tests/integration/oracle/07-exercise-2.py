# Page 7 (exercise 2): funP1..funP3 after a 2 s wait; one terminated at random.
import multiprocessing as mp
import os
import random
import time
from oracle_facts import *

def informa(valor):
    print("{}: PID {}, PPID {}, valor {}".format(
        mp.current_process().name, os.getpid(), os.getppid(), valor))

def funP1(a, b, c):
    time.sleep(2)
    informa(a * b + c)

def funP2(a, b, c):
    time.sleep(2)
    informa(a * b * c)

def funP3(a, b, c):
    time.sleep(2)
    informa((a * b) / c)

if __name__ == '__main__':
    mp.set_start_method(start_method())
    ready = mp.Semaphore(0)
    a, b, c = 2, 3, 4
    procesos = [mp.Process(target=run, args=(ready, f, a, b, c), name=f.__name__)
                for f in (funP1, funP2, funP3)]
    for p in procesos:
        p.start()
    for p in procesos:
        ready.acquire(timeout=30)  # all have reported
    time.sleep(0.5)
    victima = random.choice(procesos)
    victima.terminate()
    emit(random_terminations=[dict(candidates=[p.name for p in procesos], victim=victima.name)])
    for p in procesos:
        p.join()
    codes(procesos)
