# Page 2: Process(target, args), start(), join().
import multiprocessing as mp
from oracle_facts import *

def tarea(nombre):
    print("Hola", nombre)

if __name__ == '__main__':
    mp.set_start_method(start_method())
    p = mp.Process(target=run, args=(None, tarea, 'Saul'))
    p.start()
    p.join()
    codes([p])
