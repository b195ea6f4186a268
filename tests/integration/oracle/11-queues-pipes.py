# Page 11: the page's four listings (a square through a queue, producer and consumer, MyWorker
# sent through a queue, a pipe), arranged as the preset runs them in one program. The main
# program reads the square and the pipe itself, as the listings do; the consumer of listing 2
# and the putter of listing 3 are workers in the preset.
import multiprocessing as mp
from multiprocessing import Pipe, Process, Queue
import time
from oracle_facts import *

def worker(num, q):                      # listing 1
    print("Se pone en la cola:", num * num)
    q.put(num * num)
    queue_facts('q', puts=1)

def productor(q):                        # listing 2, with the preset's 0.1 s per value
    for i in range(5):
        time.sleep(0.1)
        q.put(i)
    queue_facts('jobs', puts=5)

def consumidor(q):                       # listing 2's main program
    got = [q.get() for _ in range(5)]
    print(got)
    queue_facts('jobs', gets=len(got), in_order=got == sorted(got))

class MyWorker():                        # listing 3
    def __init__(self, x):
        self.x = x

    def process(self):
        pname = mp.current_process().name
        print('Starting process %s for number %i...' % (pname, self.x))

def work(q):
    worker = q.get()
    queue_facts('objs', gets=1)
    worker.process()

def pone(q):                             # listing 3's main program: my_queue.put(MyWorker(5))
    q.put(MyWorker(5))
    q.close()
    q.join_thread()
    queue_facts('objs', puts=1)

PALABRAS = ["hola", "desde", "el", "hijo", None]

def emisor(conn):                        # listing 4
    for palabra in PALABRAS:
        conn.send(palabra)               # the last one, None, is the end marker
    conn.close()
    queue_facts('p', puts=len(PALABRAS))

if __name__ == '__main__':
    mp.set_start_method(start_method())
    q, jobs, objs = Queue(16), Queue(16), Queue(4)
    extremo_padre, extremo_hijo = Pipe()
    getter = Process(target=run, args=(None, work, objs))
    sq = Process(target=run, args=(None, worker, 5, q))
    prod = Process(target=run, args=(None, productor, jobs), name='Productor')
    cons = Process(target=run, args=(None, consumidor, jobs), name='Consumidor')
    putter = Process(target=run, args=(None, pone, objs), name='MyWorker')
    sender = Process(target=run, args=(None, emisor, extremo_hijo), name='Emisor')
    sq.start(); sq.join()
    print("Se lee de la cola:", q.get())   # listing 1's main program
    queue_facts('q', gets=1)
    cons.start(); prod.start(); prod.join(); cons.join()
    getter.start(); putter.start(); putter.join(); getter.join()
    sender.start()
    got = []                                 # listing 4's main program
    while (mensaje := extremo_padre.recv()) is not None:
        print("Recibido:", mensaje)
        got.append(mensaje)
    got.append(None)
    queue_facts('p', gets=len(got), in_order=got == PALABRAS)
    sender.join()
    codes([getter, sq, prod, cons, putter, sender])
