# Page 8: the same count-down as one thread, two threads, then two processes. Only the
# processes are facts (threads are not processes); times are not compared, so N is small.
import multiprocessing as mp
import time
from threading import Thread
from multiprocessing import Process
from oracle_facts import *

def cuenta(n):
    while n > 0:
        n -= 1

N = 2_000_000

def medir(titulo, Clase, trabajadores):
    if Clase is Process:
        partes = [Clase(target=run, args=(None, cuenta, N // trabajadores))
                  for _ in range(trabajadores)]
    else:
        partes = [Clase(target=cuenta, args=(N // trabajadores,))
                  for _ in range(trabajadores)]
    t = time.perf_counter()
    for w in partes:
        w.start()
    for w in partes:
        w.join()
    print(f"{titulo:<12} {time.perf_counter() - t:5.2f} s")
    return partes

if __name__ == '__main__':
    mp.set_start_method(start_method())
    medir("1 hilo", Thread, 1)
    medir("2 hilos", Thread, 2)
    codes(medir("2 procesos", Process, 2))
