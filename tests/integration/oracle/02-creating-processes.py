# Page 2: Process(target, args), start(), join().
import multiprocessing as mp
from oracle_facts import *

def tarea(nombre):
    print("Hola", nombre)

if __name__ == '__main__':
    mp.set_start_method(start_method())
    p = mp.Process(target=run, args=(None, tarea, 'Saul'))
    emit(checks=[dict(name=p.name, alive=p.is_alive(), exitcode=p.exitcode)])  # "Antes de start():"
    p.start()
    p.join()
    emit(checks=[dict(name=p.name, alive=p.is_alive(), exitcode=p.exitcode)])  # "Después de join():"
    codes([p])
