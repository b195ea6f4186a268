# Page 4 (exercise 1): three children a·b·c, a+b+c, (a+b)/c; the preset's a, b, c.
import multiprocessing as mp
import os
from oracle_facts import *

def producto(a, b, c):
    informa(a * b * c)

def suma(a, b, c):
    informa(a + b + c)

def division(a, b, c):
    informa((a + b) / c)

def informa(valor):
    print("{}: PID {}, PPID {}, valor {}".format(
        mp.current_process().name, os.getpid(), os.getppid(), valor))

if __name__ == '__main__':
    mp.set_start_method(start_method())
    a, b, c = 2, 3, 4
    hijos = [
        mp.Process(target=run, args=(None, producto, a, b, c), name="Producto"),
        mp.Process(target=run, args=(None, suma, a, b, c), name="Suma"),
        mp.Process(target=run, args=(None, division, a, b, c), name="División"),
    ]
    for p in hijos:
        p.start()
    for p in hijos:
        p.join()
    codes(hijos)
