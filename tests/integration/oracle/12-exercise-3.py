# Page 12 (exercise 3): two children read what the parent puts, each stopping at its own None.
import multiprocessing
from oracle_facts import *

class MyWorker():
    def __init__(self, x):
        self.x = x

    def process(self):
        pname = multiprocessing.current_process().name
        print('Starting process %s for number %i...' % (pname, self.x))

def work(q):
    got = []
    while True:
        worker = q.get()
        got.append(worker)
        if worker is None:         # marca de fin: no hay más objetos
            break
        worker.process()
    xs = [w.x for w in got[:-1]]
    queue_facts('q', gets=len(got), in_order=xs == sorted(xs))

if __name__ == '__main__':
    multiprocessing.set_start_method(start_method())
    my_queue = multiprocessing.Queue()
    hijos = [multiprocessing.Process(target=run, args=(None, work, my_queue),
                                     name='Lector {}'.format(i + 1))
             for i in range(2)]
    for p in hijos:
        p.start()
    for x in range(1, 7):
        my_queue.put(MyWorker(x))
    for _ in hijos:
        my_queue.put(None)         # una marca de fin por hijo
    queue_facts('q', puts=6 + len(hijos))
    my_queue.close()
    my_queue.join_thread()
    for p in hijos:
        p.join()
    codes(hijos)
