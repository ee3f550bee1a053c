"""Subcommands of the ``framing`` command line, one module each.

:func:`reports_errors` gives every command the same error handling: one
``error: <message>`` line on stderr and the exit code of
:func:`framing.exceptions.exit_code` (``--debug`` on the group shows the traceback).
"""

from __future__ import annotations

import functools
import sys

import click

__all__ = ["reports_errors"]


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
