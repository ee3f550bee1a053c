"""Execution engines: this process, a local process pool, or a Dask cluster.

Each engine has ``submit(task) -> future`` and ``close(cancel=False)``; futures
have ``result()``.
"""

from __future__ import annotations

import importlib
import os

__all__ = [
    "ENGINES",
    "DaskEngine",
    "LocalEngine",
    "dask_workers",
    "is_done",
    "start_fork_server",
]

#: Execution engines of :func:`score_corpus`.
ENGINES = ("local", "dask")


def _worker():
    """:mod:`framing.scale.worker`, imported on first use (it loads the scorers)."""
    return importlib.import_module("framing.scale.worker")


def _process_cpu_seconds(pid) -> float:
    """CPU time (user + system, seconds) of process `pid` so far; 0.0 when unreadable."""
    if not pid:
        return 0.0
    try:  # Linux
        with open(f"/proc/{int(pid)}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:  # pragma: no cover - other platforms
        import psutil
    except ImportError:  # pragma: no cover
        return 0.0
    try:  # pragma: no cover
        times = psutil.Process(int(pid)).cpu_times()
    except psutil.Error:  # pragma: no cover - process gone
        return 0.0
    return float(times.user + times.system)  # pragma: no cover


def _forkserver_cpu_seconds() -> float:
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    return _process_cpu_seconds(getattr(server, "_forkserver_pid", None))


#: CPU seconds of the fork server when :func:`start_fork_server` started it early (the
#: baseline of :attr:`LocalEngine.extra_cpu_seconds`); None when it did not.
_server_cpu_at_start = None

#: Corpus size (bytes) from which the commands start the fork server early: below it a
#: corpus is one or two chunks, and a worker pool may not be used at all.
EARLY_START_BYTES = 4 << 20


def start_fork_server() -> bool:
    """Start the local engine's fork server now; it loads its modules in the background.

    The fork server imports the worker code and loads the language identifier and the
    stance lexicon (about two seconds of CPU) before it forks the first worker.
    Started at the top of a command, that overlaps this process's own imports instead
    of following them. Harmless when it is running already; :class:`LocalEngine` uses
    it as is.

    Returns
    -------
    started : bool
        False where fork servers do not exist (Windows): the pool then spawns.
    """
    global _server_cpu_at_start
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return False
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(["framing._preload"])
    if _server_cpu_at_start is None:
        _server_cpu_at_start = _forkserver_cpu_seconds()
    forkserver.ensure_running()  # returns once started; the preload runs in the server
    return True


class LocalEngine:
    """In-process (jobs=1) or a process pool; results are consumed in submission order.

    Worker processes come from a fork server that has imported the worker code
    (pandas, scikit-learn, pyarrow ...) and loaded the language identifier once
    (:mod:`framing._preload`; the workers share its pages), so a worker starts in milliseconds
    instead of re-importing for 2-4 s of CPU as a spawned interpreter does; the
    fork server is a fresh single-threaded process, so forking it is safe where
    forking this (possibly threaded) process would not be. Platforms without fork
    servers use spawn. :attr:`extra_cpu_seconds` is the fork server's CPU during
    the run (its imports, the first time), which worker CPU times do not include.
    """

    def __init__(self, jobs, state_key, state_bytes):
        self.jobs = jobs
        self.pool = None
        self.extra_cpu_seconds = 0.0
        if jobs == 1:
            _worker().init_worker(state_key, state_bytes)
        else:
            import concurrent.futures
            import multiprocessing

            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["framing._preload"])
                global _server_cpu_at_start
                self._server_cpu0 = (_server_cpu_at_start if _server_cpu_at_start is not None
                                     else _forkserver_cpu_seconds())
                _server_cpu_at_start = None
            else:  # pragma: no cover - Windows
                context = multiprocessing.get_context("spawn")
                self._server_cpu0 = None
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=context,
                initializer=_worker().init_pool_worker,
                initargs=(state_key, state_bytes),
            )

    def submit(self, task):
        if self.pool is None:
            return _Done(_worker().process_chunk(task))
        return self.pool.submit(_worker().process_chunk, task)

    def close(self, cancel=False):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)
            if self._server_cpu0 is not None:
                self.extra_cpu_seconds = _forkserver_cpu_seconds() - self._server_cpu0


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class DaskEngine:
    """Submit chunks to a ``dask.distributed`` scheduler; the state ships once per worker."""

    def __init__(self, scheduler, state_key, state_bytes):
        try:
            from distributed import Client, WorkerPlugin
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError(
                "engine='dask' needs dask.distributed, which is not installed. Install it "
                "with: pip install 'framing[dask]' (or pip install 'dask[distributed]')."
            ) from err
        if scheduler is None:
            raise ValueError(
                "The 'scheduler' parameter of score_corpus is required with engine='dask': "
                "pass a scheduler address such as 'tcp://10.0.0.5:8786' or a "
                "distributed.Client. Got None."
            )

        class _Setup(WorkerPlugin):
            name = f"framing-scale-{state_key[:16]}"

            def setup(self, worker):
                _worker().init_worker(state_key, state_bytes)

        self.own = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self.own else scheduler
        self.client.register_plugin(_Setup())
        self.state_key, self.state_bytes = state_key, state_bytes

    def submit(self, task):
        return self.client.submit(_dask_task, task, self.state_key, self.state_bytes, pure=False)

    def close(self, cancel=False):
        if self.own:
            self.client.close()


def dask_workers(engine) -> int:
    """Worker threads of the Dask cluster behind `engine` (at least 1)."""
    client = getattr(engine, "client", None)
    threads = client.nthreads() if client is not None else {}
    return max(sum(threads.values()), 1)


def _dask_task(task, state_key, state_bytes):
    _worker().init_worker(state_key, state_bytes)  # no-op when the plugin ran
    return _worker().process_chunk(task)


def is_done(future) -> bool:
    """True when `future` (an engine's result handle) has finished."""
    return isinstance(future, _Done) or future.done()

