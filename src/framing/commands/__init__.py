"""Subcommands of the ``framing`` command line, one module each.

:func:`reports_errors` gives every command the same error handling: one
``error: <message>`` line on stderr and the exit code of
:func:`framing.exceptions.exit_code` (``--debug`` on the group shows the traceback).
"""

from __future__ import annotations

import functools
import sys

import click

__all__ = ["reports_errors", "start_workers_early"]


def start_workers_early(corpus, jobs: int, engine: str) -> bool:
    """Start the worker pool's fork server before this command imports the scoring code.

    Parameters
    ----------
    corpus : str, os.PathLike, sequence of them or None
        The corpus files or folders to be scored (None: the bundled corpus).
    jobs : int
        Worker processes asked for.
    engine : str
        Scoring engine.

    Returns
    -------
    started : bool
        True when the server was started: local engine, more than one job and a corpus
        of at least :data:`framing.scale.engines.EARLY_START_BYTES` (smaller ones are
        scored in one or two chunks). Its imports (about 1.5 s) then overlap this
        process's instead of following them; importing the command line itself imports
        no pandas (the ``--format`` choices come from :mod:`framing.formats`), so the
        server starts about 0.1 s after the command.
    """
    from pathlib import Path

    if jobs <= 1 or engine != "local" or not corpus:
        return False
    from framing.scale.engines import EARLY_START_BYTES, start_fork_server

    total = 0
    for path in map(Path, [corpus] if isinstance(corpus, str | Path) else corpus):
        files = [f for f in path.iterdir() if f.is_file()] if path.is_dir() else [path]
        total += sum(f.stat().st_size for f in files if f.is_file())
    return total >= EARLY_START_BYTES and start_fork_server()


def reports_errors(func):
    """Decorate a command callback: report :data:`~framing.exceptions.REPORTED_ERRORS`.

    Parameters
    ----------
    func : callable
        A click command callback.

    Returns
    -------
    wrapped : callable
        Calls `func`; an error from ``REPORTED_ERRORS`` prints ``error: <message>`` on
        stderr and exits with :func:`~framing.exceptions.exit_code` (or propagates when
        the group was started with ``--debug``).
    """
    from framing.exceptions import REPORTED_ERRORS, exit_code

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except REPORTED_ERRORS as err:
            ctx = click.get_current_context(silent=True)
            root = ctx.find_root() if ctx is not None else None
            if root is not None and (root.obj or {}).get("debug"):
                raise
            click.echo(f"error: {err}", err=True)
            sys.exit(exit_code(err))

    return wrapped
