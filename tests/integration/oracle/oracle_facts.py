"""What every oracle script shares: report the facts src/core/factcheck.h compares.

Each fact goes to standard output as one JSON object per line, written with a single
os.write() so the lines of processes sharing the pipe never interleave (docs/facts.md).
The listings' own print() output goes to standard error instead.
"""
import json
import multiprocessing as mp
import os
import sys

# The main program's pid, the same in every process: children inherit the environment (a
# spawned child imports this module again, where os.getpid() would be its own).
os.environ.setdefault('ORACLE_MAIN_PID', str(os.getpid()))
MAIN = int(os.environ['ORACLE_MAIN_PID'])
_FACTS_FD = 1
sys.stdout = sys.stderr  # the listings' prints must not mix with the facts


def emit(**facts):
    """One facts line: {"processes": [...], "joins": [...], "messages": {...}, ...}."""
    os.write(_FACTS_FD, (json.dumps(facts) + '\n').encode())


def me(kind='worker'):
    """The calling process reports its name and who its parents are, as relations."""
    p = mp.current_process()
    parent = mp.parent_process()
    emit(processes=[dict(name=p.name, kind=kind, ppid_is_main=os.getppid() == MAIN,
                         parent_is_main=parent is not None and parent.pid == MAIN,
                         parent=parent.name if parent is not None else None)])


def run(ready, f, *args):
    """Target wrapper: report, tell the main program (a Semaphore, or None), run f."""
    me()
    if ready is not None:
        ready.release()
    return f(*args)


def codes(processes):
    """The main program reports exit codes (after joining)."""
    emit(processes=[dict(name=p.name, exitcode=p.exitcode) for p in processes])


def timed_join(p, timeout):
    """p.join(timeout) and what it left: timed out (still alive), is_alive(), exitcode."""
    p.join(timeout)
    emit(joins=[dict(name=p.name, timed_out=p.exitcode is None, alive=p.is_alive(),
                     exitcode=p.exitcode)])


def end_of_main():
    """What multiprocessing does when the main script ends (util._exit_function): terminate
    the daemonic children still alive, then join every child. Returns the children."""
    children = mp.active_children()
    for p in children:
        if p.daemon:
            p.terminate()
    for p in children:
        p.join()
    return children


def queue_facts(name, puts=0, gets=0, in_order=True):
    emit(messages={name: dict(puts=puts, gets=gets, per_producer_order=in_order)})


def start_method():
    """The preset's start method, passed by the test as the first argument."""
    return sys.argv[1] if len(sys.argv) > 1 else 'fork'
