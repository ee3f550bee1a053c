"""Apache Parquet files: one record per row; ``source_line`` is the 1-based row number."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.corpus.readers.base import RawBatch
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE

__all__ = ["iter_parquet_records", "read_parquet"]


def read_parquet(path, *, encoding="utf-8", rejections=None):
    """Read a Parquet file whole; `encoding` and `rejections` are unused (same signature).

    Returns
    -------
    batch : RawBatch
    """
    df = pd.read_parquet(path).reset_index(drop=True)
    df[PROVENANCE_FILE] = str(path)
    df[PROVENANCE_LINE] = np.arange(1, len(df) + 1, dtype="int64")
    return RawBatch(df, len(df), [str(path)])


def iter_parquet_records(path, batch_size):
    """Yield the rows of a Parquet file as raw records, `batch_size` rows at a time.

    Parameters
    ----------
    path : pathlib.Path
    batch_size : int
        Rows per batch (unit: records).

    Yields
    ------
    first_row : int
        1-based row number of the batch's first row.
    records : list of dict
        One per row, with the provenance keys (line = row number).
    """
    import pyarrow.parquet as pq

    line = 1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
        records = batch.to_pandas().to_dict("records")
        for i, rec in enumerate(records):
            rec[PROVENANCE_FILE] = str(path)
            rec[PROVENANCE_LINE] = line + i
        yield line, records
        line += len(records)
