# Page 9: a daemon joined with a timeout (returns alive), then the end of main terminates it.
import multiprocessing as mp
from multiprocessing import Process, current_process
import time
from oracle_facts import *

def f1():
    p = current_process()
    print('Starting process %s, ID %s...' % (p.name, p.pid))
    time.sleep(4)
    print('Exiting process %s, ID %s...' % (p.name, p.pid))

def f2():
    p = current_process()
    print('Starting process %s, ID %s...' % (p.name, p.pid))
    time.sleep(2)
    print('Exiting process %s, ID %s...' % (p.name, p.pid))

if __name__ == '__main__':
    mp.set_start_method(start_method())
    p1 = Process(name='Worker 1', target=run, args=(None, f1))
    p1.daemon = True
    p2 = Process(name='Worker 2', target=run, args=(None, f2))

    p1.start()
    time.sleep(1)
    p2.start()

    timed_join(p1, 1)
    print('Whether Worker 1 is still alive:', p1.is_alive())
    p2.join()
    end_of_main()  # the script ends: the daemon is terminated
    codes([p1, p2])
