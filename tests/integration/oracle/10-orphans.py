# Page 10: terminate() ends the child, not the grandchild, which is re-parented.
import multiprocessing as mp
import os
import time
from oracle_facts import *

def nieto(done):
    me('child')
    first = os.getppid()
    for _ in range(4):
        print("Nieto  PID {}: mi padre es {}".format(os.getpid(), os.getppid()))
        time.sleep(1)
    # Nobody of ours can reap the orphan: it says what it saw and how it ends (the target
    # returned, so multiprocessing exits with 0).
    emit(processes=[dict(name=mp.current_process().name, reparented=os.getppid() != first,
                         exitcode=0)])
    done.release()

def hijo(done):
    print("Hijo   PID {}: mi padre es {}".format(os.getpid(), os.getppid()))
    n = mp.Process(target=nieto, args=(done,))
    n.start()
    n.join()

if __name__ == '__main__':
    mp.set_start_method(start_method())
    done = mp.Semaphore(0)
    h = mp.Process(target=run, args=(None, hijo, done))
    h.start()
    time.sleep(1.5)
    h.terminate()
    h.join()
    codes([h])
    time.sleep(3)
    done.acquire(timeout=30)  # the orphan has reported its end
