"""The outlets map: raw outlet names and URL hosts → canonical outlets and group columns.

>>> from framing.corpus import load_outlets
>>> outlets = load_outlets("corpus/outlets.yml")  # doctest: +SKIP
>>> outlets.lookup("www.kyivledger.example")["outlet"]  # doctest: +SKIP
'Kyiv Ledger'
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing import paths
from framing.corpus.schema import ARTICLE_COLUMNS
from framing.exceptions import RegistryFormatError

__all__ = ["OutletMap", "as_outlet_map", "load_outlets"]


@dataclass(frozen=True)
class OutletMap:
    """Map raw outlet names and URL hosts to canonical outlets and group columns.

    Build it with :func:`load_outlets` (YAML file) or :meth:`from_dict`.

    Attributes
    ----------
    entries : tuple of dict
        One dict per canonical outlet: ``{"outlet": str, <group column>: scalar, ...}``.
        Every entry has every group column (None where the YAML omits it).
    group_columns : tuple of str
        Extra keys of the entries (e.g. ``leaning``, ``country``), in first-seen order.
    keys : dict of str to int
        Normalised match key (case-folded, ``www.`` stripped) → index into `entries`.
    source : str
        Where the map came from (a path, or ``"<dict>"``).
    """

    entries: tuple
    group_columns: tuple
    keys: dict
    source: str = "<dict>"

    @classmethod
    def from_yaml(cls, path):
        """Read an outlets YAML file; see :func:`load_outlets`."""
        import yaml

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as err:
            raise FileNotFoundError(
                f"Outlets file {str(path)!r} does not exist. Pass outlets=None to keep raw "
                "outlet names, or write the file (see framing.corpus.load_outlets)."
            ) from err
        try:
            data = yaml.safe_load(text)
            root = yaml.compose(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark is not None else ""
            raise RegistryFormatError(
                f"Outlets file {str(path)!r}{where} is not valid YAML ({err}). "
                "Fix the syntax; see framing.corpus.load_outlets for the format."
            ) from err
        lines = []
        try:
            for key_node, value_node in root.value:
                if key_node.value == "outlets":
                    lines = [node.start_mark.line + 1 for node in value_node.value]
        except (AttributeError, TypeError, ValueError):
            lines = []
        return cls.from_dict(data, source=str(path), _lines=lines)

    @classmethod
    def from_dict(cls, data, *, source="<dict>", _lines=()):
        """Build the map from the parsed YAML structure ``{"outlets": [...]}``.

        Parameters
        ----------
        data : dict
            ``{"outlets": [{"outlet": str, "match": list of str, <group>: scalar}, ...]}``.
        source : str, default="<dict>"
            Name used in error messages.

        Returns
        -------
        outlet_map : OutletMap

        Raises
        ------
        RegistryFormatError
            If the structure, an entry, or a match key is invalid; names the source
            and the entry (index, name and YAML line when known).
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("outlets"), list):
            got = type(data).__name__ if not isinstance(data, Mapping) else sorted(data)
            raise RegistryFormatError(
                f"Outlets map {source!r} must be a mapping with an 'outlets' list. Got {got!r}. "
                "Write 'outlets:' followed by '- outlet: <name>' entries."
            )
        reserved = set(ARTICLE_COLUMNS) | {"match"}
        entries, keys, group_columns = [], {}, []
        for i, entry in enumerate(data["outlets"]):
            line = _lines[i] if i < len(_lines) else None
            where = f"Outlets map {source!r} entry {i + 1}" + (f" (line {line})" if line else "")
            if not isinstance(entry, Mapping):
                raise RegistryFormatError(
                    f"{where} must be a mapping with an 'outlet' key. Got {entry!r}."
                )
            name = entry.get("outlet")
            if not isinstance(name, str) or not name.strip():
                raise RegistryFormatError(
                    f"{where} needs a non-empty string 'outlet' (the canonical name). Got {name!r}."
                )
            name = name.strip()
            where += f" ({name!r})"
            match = entry.get("match", [])
            if isinstance(match, str):
                match = [match]
            if not isinstance(match, list) or not all(
                isinstance(m, str | int | float) and not isinstance(m, bool) for m in match
            ):
                raise RegistryFormatError(
                    f"{where}: 'match' must be a list of raw outlet names or URL hosts. "
                    f"Got {match!r}."
                )
            record = {"outlet": name}
            for key, value in entry.items():
                if key in ("outlet", "match"):
                    continue
                if not isinstance(key, str) or key in reserved:
                    raise RegistryFormatError(
                        f"{where}: group key {key!r} clashes with an articles column. "
                        f"Rename it (reserved: {sorted(reserved)!r})."
                    )
                if isinstance(value, list | dict | set | tuple):
                    raise RegistryFormatError(
                        f"{where}: group key {key!r} must have a single value "
                        f"(str, number, bool or null). Got {value!r}."
                    )
                record[key] = value
                if key not in group_columns:
                    group_columns.append(key)
            index = len(entries)
            for raw in [name, *match]:
                key = _outlet_key(str(raw))
                if not key:
                    raise RegistryFormatError(f"{where}: empty match value {raw!r}.")
                if key in keys and keys[key] != index:
                    other = entries[keys[key]]["outlet"]
                    raise RegistryFormatError(
                        f"{where}: match value {raw!r} also maps to {other!r}. "
                        "Each raw name or host may belong to one outlet only."
                    )
                keys[key] = index
            entries.append(record)
        entries = [{"outlet": e["outlet"], **{c: e.get(c) for c in group_columns}} for e in entries]
        return cls(tuple(entries), tuple(group_columns), keys, source)

    def lookup(self, value):
        """Return the entry for a raw outlet name, domain or URL host, or None.

        Matching is case-insensitive and ignores a leading ``www.``; a value that
        looks like a host also matches through its parent domains
        (``blogs.nytimes.com`` → ``nytimes.com``).

        Parameters
        ----------
        value : str

        Returns
        -------
        entry : dict or None
            ``{"outlet": canonical, <group column>: value, ...}``.
        """
        key = _outlet_key(value)
        if not key:
            return None
        if key in self.keys:
            return self.entries[self.keys[key]]
        if "." in key and " " not in key:
            labels = key.split(".")
            for start in range(1, len(labels) - 1):
                parent = ".".join(labels[start:])
                if parent in self.keys:
                    return self.entries[self.keys[parent]]
        return None

    def to_frame(self) -> pd.DataFrame:
        """Return one row per canonical outlet: ``outlet`` + group columns."""
        return pd.DataFrame(list(self.entries), columns=["outlet", *self.group_columns])


def _outlet_key(value):
    key = unicodedata.normalize("NFC", " ".join(str(value).split())).casefold()
    return key.removeprefix("www.")


def load_outlets(path=None):
    """Read an outlets map: raw outlet names / URL hosts → canonical outlet + groups.

    The YAML lists one entry per canonical outlet; ``match`` holds the raw values
    (outlet names as found in files, or URL hosts) that mean this outlet, matched
    case-insensitively. Every further key becomes a group column of the articles
    table (``leaning``, ``country``, ...)::

        outlets:
          - outlet: Kyiv Ledger
            match: [Kyiv Ledger, kyivledger.example, m.kyivledger.example]
            leaning: pro-Ukraine
            country: UA

    Parameters
    ----------
    path : str or os.PathLike, default=None
        The YAML file; None means :data:`framing.paths.DEFAULT_OUTLETS`.

    Returns
    -------
    outlet_map : OutletMap

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    RegistryFormatError
        If the YAML is invalid or an entry is malformed (no ``outlet``, a nested
        group value, a group key named like an articles column, or a match value
        claimed by two outlets). The message names the file and the entry.

    Examples
    --------
    >>> outlets = load_outlets("corpus/outlets.yml")  # doctest: +SKIP
    >>> outlets.lookup("www.kyivledger.example")["outlet"]  # doctest: +SKIP
    'Kyiv Ledger'
    """
    return OutletMap.from_yaml(paths.DEFAULT_OUTLETS if path is None else path)


def as_outlet_map(outlets, *, caller="load_corpus"):
    """Return `outlets` as an :class:`OutletMap` (or None), reading a path or a dict.

    Parameters
    ----------
    outlets : str, os.PathLike, OutletMap, dict or None
        A YAML path (see :func:`load_outlets`), a map, ``{"outlets": [...]}``, or None.
    caller : str, default="load_corpus"
        Function named in the error message.

    Returns
    -------
    outlet_map : OutletMap or None

    Raises
    ------
    TypeError
        If `outlets` is of another type.
    FileNotFoundError, RegistryFormatError
        As :func:`load_outlets`.
    """
    if outlets is None or isinstance(outlets, OutletMap):
        return outlets
    if isinstance(outlets, str | os.PathLike):
        return load_outlets(outlets)
    if isinstance(outlets, Mapping):
        return OutletMap.from_dict(outlets)
    raise TypeError(
        f"The 'outlets' parameter of {caller} must be a path, an OutletMap or a dict "
        f"like {{'outlets': [...]}}. Got {type(outlets).__name__!r} instead."
    )


