"""What every reader returns: a raw frame with provenance, counts, and skipped items."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["RawBatch"]


@dataclass
class RawBatch:
    """Raw records read from one corpus path, before validation.

    Attributes
    ----------
    frame : pandas.DataFrame of shape (n_records, n_fields)
        One row per record that parsed, with the provenance columns
        :data:`~framing.corpus.schema.PROVENANCE_FILE` and
        :data:`~framing.corpus.schema.PROVENANCE_LINE`; fields named as in the file.
    n_read : int
        Records read, including those rejected while parsing (each of which is in
        the :class:`~framing.corpus.schema.Rejections` collector passed to the reader).
    files : list of str
        Files read, in order (a folder or archive lists its members).
    skipped : list of tuple
        ``(file, line, reason, detail)`` per file or archive record that was not
        read as a corpus record (line 0 for a whole file).
    """

    frame: pd.DataFrame
    n_read: int
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
