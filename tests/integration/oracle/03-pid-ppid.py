# Page 3: os.getpid(), os.getppid() in the parent and in the child.
import multiprocessing as mp
import os
from oracle_facts import *

def info(titulo):
    print(titulo)
    print("Nombre del proceso:", __name__)
    print("Proceso padre:", os.getppid())
    print("Proceso actual:", os.getpid())

def f(nombre):
    info("Función f")
    print("Hola", nombre)
    print("----------")

if __name__ == '__main__':
    mp.set_start_method(start_method())
    info("Inicio")
    p = mp.Process(target=run, args=(None, f, "Valeriano"))
    p.start()
    p.join()
    codes([p])
