# Page 5: named and unnamed processes; the unnamed third one is Process-3.
import multiprocessing as mp
from multiprocessing import Process, current_process
import time
from oracle_facts import *

def f1():
    pname = current_process().name
    print('Starting process %s...' % pname)
    time.sleep(2)
    print('Exiting process %s...' % pname)

def f2():
    pname = current_process().name
    print('Starting process %s...' % pname)
    time.sleep(4)
    print('Exiting process %s...' % pname)

if __name__ == '__main__':
    mp.set_start_method(start_method())
    p1 = Process(name='Worker 1', target=run, args=(None, f1))
    p2 = Process(name='Worker 2', target=run, args=(None, f2))
    p3 = Process(target=run, args=(None, f1))
    p1.start()
    p2.start()
    p3.start()

    p1.join()
    p2.join()
    p3.join()
    codes([p1, p2, p3])
