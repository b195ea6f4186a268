# Page 1: squares and cubes of range(10), 0.2 s each, in two processes (the page's second
# listing; its first one runs both in the main program and starts no process).
import multiprocessing as mp
import time
from oracle_facts import *

def calc_cuad(numeros):
    print("calcula cuadrado de números")
    for n in numeros:
        time.sleep(0.2)
        print('cuadrado:', n * n)

def calc_cubo(numeros):
    print("calcula cubo de números")
    for n in numeros:
        time.sleep(0.2)
        print('cubo:', n * n * n)

if __name__ == '__main__':
    mp.set_start_method(start_method())
    nums = range(10)
    p1 = mp.Process(target=run, args=(None, calc_cuad, nums))
    p2 = mp.Process(target=run, args=(None, calc_cubo, nums))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    codes([p1, p2])
