# Page 6: a long child terminated by its parent, then joined: exitcode -15.
import multiprocessing
import os
import time
from oracle_facts import *

def TareaProceso():
    print("Proceso hijo, PID: {}, PID del padre: {}".format(os.getpid(), os.getppid()))
    time.sleep(20)
    print("Proceso hijo: esta línea nunca se imprime")

if __name__ == '__main__':
    multiprocessing.set_start_method(start_method())
    ready = multiprocessing.Semaphore(0)
    miProceso = multiprocessing.Process(target=run, args=(ready, TareaProceso))
    miProceso.start()
    ready.acquire(timeout=30)  # it has reported (a slow start under load)
    time.sleep(1)
    miProceso.terminate()
    emit(checks=[dict(name=miProceso.name, alive=miProceso.is_alive(), exitcode=miProceso.exitcode)])
    miProceso.join()
    emit(checks=[dict(name=miProceso.name, alive=miProceso.is_alive(), exitcode=miProceso.exitcode)])
    codes([miProceso])
