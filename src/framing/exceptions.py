"""Exceptions raised on purpose by framing.

Every class derives from :class:`FramingError` and from the matching builtin, so
callers can catch either (the pattern of scikit-learn's ``NotFittedError``).
Not-fitted scorers raise :class:`sklearn.exceptions.NotFittedError`.

>>> from framing.exceptions import CorpusFormatError
>>> issubclass(CorpusFormatError, ValueError)
True
"""

from __future__ import annotations


class FramingError(Exception):
    """Root of every error that framing raises on purpose."""


class CorpusFormatError(FramingError, ValueError):
    """A corpus file or record cannot be read; the message names the file and line.

    Parameters
    ----------
    message : str
        Full sentence: what was expected, what was found, how to fix it.
    path : str or os.PathLike, optional
        The offending file.
    line : int, optional
        1-based line (JSONL, CSV physical line where the record starts) or row number.
    """

    def __init__(self, message, *, path=None, line=None):
        super().__init__(message)
        self.path = path
        self.line = line


class MissingColumnError(FramingError, KeyError):
    """A required column is absent from a table; the message lists the missing columns."""

    def __str__(self):  # KeyError would otherwise repr() the message
        return str(self.args[0]) if self.args else ""


class UnknownActorError(FramingError, KeyError):
    """An actor id is not in the registry; the message suggests close ids."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class DuplicateAliasError(FramingError, ValueError):
    """The same alias is registered for two actors in one registry."""


class RegistryFormatError(FramingError, ValueError):
    """An actor or outlet registry file is malformed; the message names file and entry."""


class UnknownScorerError(FramingError, KeyError):
    """A scorer name is not registered; the message lists the available names."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class NotebookParameterError(FramingError, ValueError):
    """A notebook parameter is unknown or has the wrong type (raised before execution)."""


class NotebookExecutionError(FramingError, RuntimeError):
    """A notebook cell failed, timed out or killed the kernel; the message names the cell.

    Parameters
    ----------
    message : str
        What happened, in which notebook and cell.
    output_path : pathlib.Path, optional
        The partially executed notebook, kept for inspection.
    cell_index : int, optional
        0-based index of the failing cell.
    """

    def __init__(self, message, *, output_path=None, cell_index=None):
        super().__init__(message)
        self.output_path = output_path
        self.cell_index = cell_index


class CodingSheetError(FramingError, ValueError):
    """A coding sheet or key file cannot be used; the message names the file and row(s).

    Parameters
    ----------
    message : str
        What was expected, what was found (file and rows), how to fix it.
    path : str or os.PathLike, optional
        The offending file.
    rows : list of int, optional
        1-based row numbers in the file (row 1 is the header).
    """

    def __init__(self, message, *, path=None, rows=None):
        super().__init__(message)
        self.path = path
        self.rows = list(rows or [])


class OverwriteError(FramingError, FileExistsError):
    """An output already exists and overwriting was not requested."""


class UnsupportedLanguageError(FramingError, ValueError):
    """No article of a corpus is in a language that the chosen scorer supports.

    The message names the languages found and the registered scorers that support them.
    """


#: Errors that mean a command was called wrongly: exit code 2. Every other error a
#: command reports (data errors: malformed or missing input) exits with code 1.
USAGE_ERRORS = (NotebookParameterError, OverwriteError, UnknownScorerError, ImportError)
#: Errors a command reports as one ``error: <message>`` line instead of a traceback.
REPORTED_ERRORS = (FramingError, FileNotFoundError, ValueError, ImportError)


def exit_code(err: BaseException) -> int:
    """The command-line exit code for an error: 2 for usage errors, 1 for data errors.

    Parameters
    ----------
    err : BaseException
        An error from :data:`REPORTED_ERRORS`.

    Returns
    -------
    code : int
        2 if `err` is one of :data:`USAGE_ERRORS` (an unknown parameter or scorer,
        an existing output, a missing optional dependency), else 1.

    Examples
    --------
    >>> exit_code(OverwriteError("exists")), exit_code(CorpusFormatError("bad line"))
    (2, 1)
    """
    return 2 if isinstance(err, USAGE_ERRORS) else 1
