"""Directed sentiment between two entities: who is for or against whom in one sentence.

Readers for the DSE pair data (Park et al., ACL 2021) and BASIL's quoted-speaker spans
(Fan et al., EMNLP 2019), a direction-aware holder → target classifier trained on DSE
(TF-IDF views and pooled MiniLM-distilled word vectors, linear SVM; scikit-learn, shipped
as a pickle-free ``.npz``) and its evaluation.

>>> from framing.directed import load_dse, DirectedSentimentClassifier
>>> pairs = load_dse("../shared/data/dse_directed_sentiment/valid.txt")  # doctest: +SKIP
>>> DirectedSentimentClassifier.load_default().predict(pairs)[:3]  # doctest: +SKIP
array([0, 0, 3])
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from framing.exceptions import CorpusFormatError, MissingColumnError
from framing.paths import PACKAGE_DIR
from framing.scorers.trained import DEFAULT_WORD_VECTORS_PATH, tokenize
from framing.text import straighten_curly_quotes

#: Folder of the shipped model artefacts.
MODELS_DIR = PACKAGE_DIR / "models"
#: The shipped directed-sentiment model (see :meth:`DirectedSentimentClassifier.save`).
DEFAULT_DIRECTED_MODEL_PATH = MODELS_DIR / "directed_dse_linear.npz"
#: Version of the artefact format written by :meth:`DirectedSentimentClassifier.save`.
ARTEFACT_FORMAT = 2
#: Artefact formats :meth:`DirectedSentimentClassifier.load` reads (1: TF-IDF views only).
_READABLE_FORMATS = (1, 2)
#: The five DSE classes (Park et al., 2021), by integer label.
DSE_CLASSES = {
    0: "neutral",
    1: "p_positive_q",
    2: "q_positive_p",
    3: "p_negative_q",
    4: "q_negative_p",
}
#: Direction-collapsed classes: sentiment between the pair, whoever holds it.
COLLAPSED = {0: "neutral", 1: "positive", 2: "positive", 3: "negative", 4: "negative"}
#: Columns of a pairs table (from :func:`load_dse` or :func:`load_basil_pairs`).
PAIR_COLUMNS = (
    "sentence",
    "p",
    "q",
    "p_start",
    "p_end",
    "q_start",
    "q_end",
    "label",
    "label3",
    "source_file",
    "source_line",
)
_X_COLUMNS = ("sentence", "p_start", "p_end", "q_start", "q_end")
# Positional relabelling when p comes after q: swap the direction of the label.
_SWAP = np.array([0, 2, 1, 4, 3])
_BRACKET_RE = re.compile(r"\[([^\[\]]*)\]")
_TOKEN_RE = re.compile(r"[a-z]+(?=n't)|n't|[a-z]+|\d+|[^\w\s]", re.IGNORECASE)
#: The feature views: name -> (n-gram range, minimum document frequency).
_VIEWS = ("full", "between", "left", "right")
#: Segments whose word vectors are mean-pooled (positional: a = earlier entity, b = later).
SEGMENTS = (
    "left",
    "entity_a",
    "between",
    "entity_b",
    "right",
    "window_left_of_a",
    "window_right_of_b",
    "first_between",
    "last_between",
)
#: Width of the pooled windows around and between the entities. Unit: tokens.
_POOL_WINDOW = 3


# --------------------------------------------------------------------------- readers
def _format_error(path, lineno, what, got, fix):
    return CorpusFormatError(f"DSE file {str(path)!r} line {lineno}: {what}. Got {got!r}; {fix}.")


def load_dse(path, *, encoding="utf-8") -> pd.DataFrame:
    """Read a DSE directed-sentiment file into a pairs table.

    Each line holds a sentence in which both entities are wrapped in ``[ ]``, the
    entity ``p``, the entity ``q`` and the label; the brackets are removed and the
    entity spans recorded as character offsets in the cleaned sentence.

    Parameters
    ----------
    path : str or os.PathLike
        A DSE ``train.txt`` / ``valid.txt`` (TSV, no header, 4 columns:
        sentence, p, q, label in 0–4).
    encoding : str, default='utf-8'
        Text encoding of the file.

    Returns
    -------
    pairs : pandas.DataFrame of shape (n_lines, 11)
        Columns :data:`PAIR_COLUMNS`: ``sentence`` (str, brackets removed), ``p``, ``q``
        (str), ``p_start``, ``p_end``, ``q_start``, ``q_end`` (int, offsets in
        ``sentence``; ``sentence[p_start:p_end] == p``), ``label`` (int in 0–4, see
        :data:`DSE_CLASSES`), ``label3`` ({'neutral', 'positive', 'negative'}),
        ``source_file`` (str), ``source_line`` (int, 1-based).

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    CorpusFormatError
        If a line does not have 4 tab-separated fields, its label is not an integer
        in 0–4, or its sentence does not hold exactly two bracketed entities; the
        message names the file and the line.

    Notes
    -----
    The bracketed span that matches ``p`` is taken as ``p`` (in DSE it is almost
    always the first one); when neither or both match, the first span is ``p``.
    Park, Pan & Joo (2021), "Who Blames or Endorses Whom? Entity-to-Entity Directed
    Sentiment Extraction in News Text", Findings of ACL.
    """
    path = Path(path)
    rows = []
    with open(path, encoding=encoding, newline="") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise _format_error(
                    path,
                    lineno,
                    "expected 4 tab-separated fields (sentence, p, q, label)",
                    line[:80],
                    "fix or remove the line",
                )
            raw, p, _q, lab = parts
            try:
                label = int(lab.strip())
            except ValueError:
                label = -1
            if label not in DSE_CLASSES:
                raise _format_error(
                    path,
                    lineno,
                    "the label must be an integer in 0-4",
                    lab,
                    "use the DSE labels (0 neutral, 1/2 positive, 3/4 negative)",
                )
            spans, clean, pos = [], [], 0
            for m in _BRACKET_RE.finditer(raw):
                clean.append(raw[pos : m.start()])
                start = sum(map(len, clean))
                clean.append(m.group(1))
                spans.append((start, start + len(m.group(1)), m.group(1)))
                pos = m.end()
            clean.append(raw[pos:])
            sentence = "".join(clean)
            if len(spans) != 2 or "[" in sentence or "]" in sentence:
                raise _format_error(
                    path,
                    lineno,
                    "the sentence must wrap exactly two entities in [ ]",
                    raw[:80],
                    "bracket the two entities p and q",
                )
            (a0, a1, at), (b0, b1, bt) = spans
            if bt.strip() == p.strip() and at.strip() != p.strip():
                (a0, a1, at), (b0, b1, bt) = (b0, b1, bt), (a0, a1, at)
            rows.append(
                (sentence, at, bt, a0, a1, b0, b1, label, COLLAPSED[label], str(path), lineno)
            )
    return pd.DataFrame.from_records(rows, columns=list(PAIR_COLUMNS))


def _entity_span(sentence: str, entity: str) -> tuple[int, int] | None:
    """Locate an entity such as 'Donald_Trump' in a sentence (full name, else surname)."""
    name = entity.replace("_", " ").strip()
    for cand in (name, name.split()[-1] if name else ""):
        if len(cand) < 3:
            continue
        m = re.search(rf"(?<!\w){re.escape(cand)}(?!\w)", sentence)
        if m:
            return m.start(), m.end()
    return None


def load_basil_pairs(path, *, encoding="utf-8") -> pd.DataFrame:
    """Read BASIL phrase annotations as speaker → target pairs.

    Keeps the annotated spans that are quotes of a *named* speaker (not
    ``other_pro``/``other_anti``/``other_neutral``) where both the speaker and the
    target can be found in the annotated sentence (full name, else surname). The
    speaker is ``p``, the target ``q``; BASIL polarity ``pos`` becomes DSE label 1
    (p positive toward q), ``neg`` label 3.

    Parameters
    ----------
    path : str or os.PathLike
        ``basil_train.jsonl`` (one article per line with ``body-paragraphs`` and
        ``phrase-level-annotations``).
    encoding : str, default='utf-8'

    Returns
    -------
    pairs : pandas.DataFrame of shape (n_pairs, 11)
        Columns :data:`PAIR_COLUMNS`; ``label`` ∈ {1, 3}, ``label3`` ∈
        {'positive', 'negative'} (BASIL annotates biased spans only: no neutral class).

    Raises
    ------
    CorpusFormatError
        If a line is not a JSON object with ``body-paragraphs``; names file and line.

    Notes
    -----
    Fan et al. (2019), "In Plain Sight: Media Bias Through the Lens of Factual
    Reporting", EMNLP. Span ids ``p<k>`` index the flattened body sentences.
    """
    path = Path(path)
    rows = []
    with open(path, encoding=encoding) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                art = json.loads(line)
                sentences = [s for para in art["body-paragraphs"] for s in para]
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise CorpusFormatError(
                    f"BASIL file {str(path)!r} line {lineno}: expected a JSON object with "
                    f"'body-paragraphs' and 'phrase-level-annotations'. Got {line[:60]!r}; "
                    f"use basil_train.jsonl from the BASIL release."
                ) from err
            for ann in art.get("phrase-level-annotations") or ():
                speaker = str(ann.get("speaker") or "")
                if ann.get("quote") != "yes" or not speaker or speaker.startswith("other_"):
                    continue
                pol = ann.get("polarity")
                sid = str(ann.get("id", ""))
                if pol not in ("pos", "neg") or not sid.startswith("p"):
                    continue
                try:
                    sentence = sentences[int(sid[1:])]
                except (ValueError, IndexError):
                    continue
                ps = _entity_span(sentence, speaker)
                qs = _entity_span(sentence, str(ann.get("target") or ""))
                if ps is None or qs is None or ps[0] < qs[1] and qs[0] < ps[1]:
                    continue
                label = 1 if pol == "pos" else 3
                rows.append(
                    (
                        sentence,
                        sentence[ps[0] : ps[1]],
                        sentence[qs[0] : qs[1]],
                        *ps,
                        *qs,
                        label,
                        COLLAPSED[label],
                        str(path),
                        lineno,
                    )
                )
    return pd.DataFrame.from_records(rows, columns=list(PAIR_COLUMNS))


# --------------------------------------------------------------------------- features
def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN_RE.findall(straighten_curly_quotes(text))]


def _views(sentence: str, a: tuple[int, int], b: tuple[int, int], window: int) -> dict:
    """Token strings of the feature views; `a` is the earlier entity, `b` the later."""
    left = _tokens(sentence[: a[0]])
    between = _tokens(sentence[a[1] : b[0]])
    right = _tokens(sentence[b[1] :])
    full = left + ["enta"] + between + ["entb"] + right
    return {
        "full": " ".join(full),
        "between": " ".join(["enta"] + between + ["entb"]),
        "left": " ".join((["bos"] + left)[-window:] + ["enta"]),
        "right": " ".join(["entb"] + (right + ["eos"])[:window]),
    }


def _prepare(X) -> tuple[list[dict], np.ndarray]:
    """View texts per row and whether p comes after q (the label is then swapped)."""
    if isinstance(X, str) or not isinstance(X, pd.DataFrame):
        raise TypeError(
            f"Expected a pairs DataFrame with columns {list(_X_COLUMNS)!r} (from load_dse), "
            f"got {type(X).__name__}."
        )
    missing = [c for c in _X_COLUMNS if c not in X.columns]
    if missing:
        raise MissingColumnError(
            f"The pairs table lacks column(s) {missing!r}; expected {list(_X_COLUMNS)!r}. "
            f"Got columns {list(X.columns)!r}; build it with framing.directed.load_dse."
        )
    return X, np.asarray(X["p_start"], dtype=np.int64) > np.asarray(X["q_start"], np.int64)


def _read_word_vectors(source):
    """Return (word -> row, vectors float32 (n_words, n_dims), reference dict) or empties."""
    if source is None:
        return {}, np.zeros((0, 0), np.float32), {"file": "none"}
    default = str(source) == "default"
    path = DEFAULT_WORD_VECTORS_PATH if default else Path(source)
    if not path.is_file():
        raise FileNotFoundError(
            f"Word-vector file {str(path)!r} does not exist. Reinstall framing to restore the "
            f"shipped vectors, or pass word_vectors=None (and embedding_weight=0) to train "
            f"without embeddings."
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with np.load(path, allow_pickle=False) as z:
        index = {w: i for i, w in enumerate(z["words"].tolist())}
        vectors = z["vectors"].astype(np.float32)
    return index, vectors, {"file": "default" if default else str(path), "sha256": digest}


def _pooled_vectors(X, flipped, index, vectors) -> np.ndarray:
    """Mean word vectors of the :data:`SEGMENTS` of each pair, shape (n, 9 * n_dims).

    The sentence is cut at the two entity spans and each piece tokenised with
    :func:`framing.scorers.trained.tokenize`; out-of-vocabulary tokens are skipped and
    an empty segment pools to zeros.
    """
    n, d, w = len(X), vectors.shape[1], _POOL_WINDOW
    get = index.get
    indptr, indices, vals = [0], [], []
    for s, ps, pe, qs, qe, f in zip(
        X["sentence"], X["p_start"], X["p_end"], X["q_start"], X["q_end"], flipped, strict=True
    ):
        s = str(s)
        (a0, a1), (b0, b1) = ((qs, qe), (ps, pe)) if f else ((ps, pe), (qs, qe))
        b0 = max(int(b0), int(a1))
        pieces = (s[:a0], s[a0:a1], s[a1:b0], s[b0:b1], s[b1:])
        left, ent_a, between, ent_b, right = (
            [i for i in (get(t, -1) for t, _, _ in tokenize(x)) if i >= 0] for x in pieces
        )
        for seg in (
            left,
            ent_a,
            between,
            ent_b,
            right,
            left[-w:],
            right[:w],
            between[:w],
            between[-w:],
        ):
            if seg:
                indices += seg
                vals += [1.0 / len(seg)] * len(seg)
            indptr.append(len(indices))
    pool = sp.csr_matrix(
        (np.asarray(vals), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(n * len(SEGMENTS), vectors.shape[0]),
    )
    return np.asarray(pool @ vectors, dtype=np.float64).reshape(n, len(SEGMENTS) * d)


class DirectedSentimentClassifier(ClassifierMixin, BaseEstimator):
    """Holder → target sentiment between two entities of a sentence (5 DSE classes).

    Each pair is rewritten by position (the earlier entity becomes ``enta``, the
    later ``entb``, and the label is swapped when ``p`` comes second), turned into
    four TF-IDF views (the whole sentence, the words between the entities, a window
    left of the first and right of the second entity) plus the mean static word
    vectors of nine positional segments (:data:`SEGMENTS`: left of, each entity,
    between, right of, and 3-token windows; MiniLM-distilled vectors shared with
    :mod:`framing.scorers.trained`), standardised and scaled by `embedding_weight`,
    and classified by a one-vs-rest linear SVM (default) or a multinomial logistic
    regression.

    Parameters
    ----------
    C : float, default=1.0
        Inverse regularisation strength of the linear classifier (> 0).
    ngram_max : int, default=2
        Longest word n-gram in the sentence and between views. Unit: tokens.
    window_tokens : int, default=5
        Width of the left and right windows. Unit: tokens.
    min_df : int, default=2
        Minimum number of training pairs an n-gram must occur in.
    class_weight : {'balanced'} or None, default='balanced'
        Passed to the classifier.
    random_state : int, default=0
    classifier : {'svm', 'logreg'}, default='svm'
        :class:`sklearn.svm.LinearSVC` (squared hinge, one-vs-rest) or
        :class:`sklearn.linear_model.LogisticRegression` (multinomial, lbfgs).
    embedding_weight : float, default=0.02
        Factor on the standardised pooled word vectors (>= 0; 0 turns them off).
    word_vectors : {'default'} or str or os.PathLike or None, default='default'
        Static word vectors (``.npz`` with ``words`` and ``vectors``); 'default' is
        the shipped ``minilm_word_vectors.npz``. Ignored when `embedding_weight` is 0.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        ``'<view>|<n-gram>'`` → feature column.
    idf_ : ndarray of shape (n_features,)
    dense_mean_, dense_scale_ : ndarray of shape (9 * n_dims,)
        Standardisation of the pooled word vectors (empty without embeddings).
    coef_ : ndarray of shape (5, n_features + 9 * n_dims)
    intercept_ : ndarray of shape (5,)
    classes_ : ndarray of shape (5,)
        ``[0, 1, 2, 3, 4]`` (see :data:`DSE_CLASSES`).
    metadata_ : dict
        Training data, metrics and versions (saved with the model).

    Notes
    -----
    With ``classifier='svm'`` :meth:`predict_proba` is the softmax of the SVM
    margins: a ranking score that sums to 1, not a calibrated probability.
    """

    def __init__(
        self,
        C=1.0,
        ngram_max=2,
        window_tokens=5,
        min_df=2,
        class_weight="balanced",
        random_state=0,
        classifier="svm",
        embedding_weight=0.02,
        word_vectors="default",
    ):
        self.C = C
        self.ngram_max = ngram_max
        self.window_tokens = window_tokens
        self.min_df = min_df
        self.class_weight = class_weight
        self.random_state = random_state
        self.classifier = classifier
        self.embedding_weight = embedding_weight
        self.word_vectors = word_vectors

    # -- featurisation
    def _view_docs(self, X, window):
        X, flipped = _prepare(X)
        docs = []
        for s, ps, pe, qs, qe, f in zip(
            X["sentence"], X["p_start"], X["p_end"], X["q_start"], X["q_end"], flipped, strict=True
        ):
            a, b = (
                ((int(qs), int(qe)), (int(ps), int(pe)))
                if f
                else ((int(ps), int(pe)), (int(qs), int(qe)))
            )
            docs.append(_views(str(s), a, b, window))
        return docs, flipped

    def _ngram_range(self, view, ngram_max):
        return (1, ngram_max) if view in ("full", "between") else (1, 2)

    def _transform(self, docs):
        cols = []
        for view in _VIEWS:
            vocab = self._view_vocab[view]
            cv = CountVectorizer(
                token_pattern=r"\S+",
                lowercase=False,
                vocabulary=vocab,
                ngram_range=self._ngram_range(view, self._ngram_max),
            )
            cols.append(cv.transform([d[view] for d in docs]))
        M = sp.hstack(cols, format="csr").astype(np.float64)
        M.data = 1.0 + np.log(M.data)
        M = M.multiply(self.idf_).tocsr()
        return normalize(M)

    def _features(self, X, docs, flipped):
        """TF-IDF views, then the scaled pooled word vectors (when embeddings are on)."""
        M = self._transform(docs)
        if not self.dense_mean_.size:
            return M
        dense = _pooled_vectors(X, flipped, self._word_index, self._word_vectors)
        dense = (dense - self.dense_mean_) / self.dense_scale_ * self._embedding_weight
        return sp.hstack([M, sp.csr_matrix(dense)], format="csr")

    def fit(self, X, y=None):
        """Fit on a pairs table.

        Parameters
        ----------
        X : pandas.DataFrame of shape (n_pairs, >=5)
            Columns ``sentence``, ``p_start``, ``p_end``, ``q_start``, ``q_end``.
        y : array-like of shape (n_pairs,), optional
            DSE labels in 0–4; default ``X['label']``.

        Returns
        -------
        self : DirectedSentimentClassifier

        Raises
        ------
        MissingColumnError
            If `X` lacks a required column.
        ValueError
            If a label is outside 0–4, or `classifier` is not 'svm' or 'logreg'.
        FileNotFoundError
            If `word_vectors` names a missing file.
        """
        if self.classifier not in ("svm", "logreg"):
            raise ValueError(
                f"The 'classifier' parameter of DirectedSentimentClassifier must be 'svm' or "
                f"'logreg'. Got {self.classifier!r}; pick one of the two."
            )
        y = np.asarray(X["label"] if y is None else y, dtype=np.int64)
        if y.size and (y.min() < 0 or y.max() > 4):
            raise ValueError(
                f"DirectedSentimentClassifier.fit() expects labels in 0-4 (DSE classes). "
                f"Got values {sorted(set(y.tolist()) - set(DSE_CLASSES))!r}."
            )
        self._ngram_max = int(self.ngram_max)
        self._window = int(self.window_tokens)
        docs, flipped = self._view_docs(X, self._window)
        y_pos = np.where(flipped, _SWAP[y], y)
        self._view_vocab = {}
        names = []
        dfs = []
        for view in _VIEWS:
            cv = CountVectorizer(
                token_pattern=r"\S+",
                lowercase=False,
                binary=True,
                min_df=int(self.min_df),
                ngram_range=self._ngram_range(view, self._ngram_max),
            )
            B = cv.fit_transform([d[view] for d in docs])
            vocab = cv.vocabulary_
            order = sorted(vocab, key=vocab.get)
            self._view_vocab[view] = {g: i for i, g in enumerate(order)}
            names += [f"{view}|{g}" for g in order]
            dfs.append(np.asarray(B.sum(axis=0)).ravel())
        df = np.concatenate(dfs)
        n = len(docs)
        self.idf_ = np.log((1.0 + n) / (1.0 + df)) + 1.0
        self.vocabulary_ = {g: i for i, g in enumerate(names)}
        self._embedding_weight = float(self.embedding_weight)
        self.dense_mean_ = self.dense_scale_ = np.zeros(0)
        self.word_vectors_ref_ = {"file": "none"}
        if self._embedding_weight > 0:
            self._word_index, self._word_vectors, self.word_vectors_ref_ = _read_word_vectors(
                self.word_vectors
            )
            if self._word_vectors.size:
                dense = _pooled_vectors(X, flipped, self._word_index, self._word_vectors)
                # rounded to float32 as saved, so a loaded model predicts the same
                self.dense_mean_ = dense.mean(axis=0).astype(np.float32).astype(np.float64)
                scale = dense.std(axis=0)
                scale = np.where(scale > 1e-6, scale, 1.0).astype(np.float32).astype(np.float64)
                self.dense_scale_ = scale
        if self.classifier == "svm":
            clf = LinearSVC(
                C=float(self.C),
                class_weight=self.class_weight,
                max_iter=5000,
                random_state=self.random_state,
            )
        else:
            clf = LogisticRegression(
                C=float(self.C),
                class_weight=self.class_weight,
                max_iter=3000,
                random_state=self.random_state,
            )
        clf.fit(self._features(X, docs, flipped), y_pos)
        n_cols = clf.coef_.shape[1]
        coef, intercept = np.zeros((5, n_cols)), np.full(5, -1e3)
        if len(clf.classes_) == 2 and clf.coef_.shape[0] == 1:  # binary: one row of weights
            rows = (-clf.coef_[0] / 2, clf.coef_[0] / 2)
            icpt = (-clf.intercept_[0] / 2, clf.intercept_[0] / 2)
        else:
            rows, icpt = clf.coef_, clf.intercept_
        for k, c in enumerate(clf.classes_):
            coef[c], intercept[c] = rows[k], icpt[k]
        self.coef_, self.intercept_ = coef, intercept
        self.classes_ = np.arange(5)
        self.metadata_ = {"n_train": int(n), "word_vectors": dict(self.word_vectors_ref_)}
        return self

    # -- prediction
    def predict_proba(self, X):
        """Class probabilities for each pair, in p → q terms.

        Parameters
        ----------
        X : pandas.DataFrame of shape (n_pairs, >=5)

        Returns
        -------
        proba : ndarray of shape (n_pairs, 5)
            Columns follow :data:`DSE_CLASSES`; rows sum to 1.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the model is neither fitted nor loaded.
        """
        check_is_fitted(self, "coef_")
        docs, flipped = self._view_docs(X, self._window)
        if not docs:
            return np.zeros((0, 5))
        z = self._features(X, docs, flipped) @ self.coef_.T + self.intercept_
        z -= z.max(axis=1, keepdims=True)
        proba = np.exp(z)
        proba /= proba.sum(axis=1, keepdims=True)
        proba[flipped] = proba[flipped][:, _SWAP]
        return proba

    def predict(self, X):
        """DSE label (int in 0–4) for each pair; see :data:`DSE_CLASSES`."""
        return self.predict_proba(X).argmax(axis=1)

    def predict_collapsed(self, X):
        """Direction-collapsed label ({'neutral', 'positive', 'negative'}) per pair."""
        return np.array([COLLAPSED[int(k)] for k in self.predict(X)], dtype=object)

    # -- persistence
    def save(self, path):
        """Write the fitted model to one ``.npz`` file of plain arrays (no pickles).

        Parameters
        ----------
        path : str or os.PathLike

        Returns
        -------
        path : pathlib.Path

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the model has not been fitted.
        """
        check_is_fitted(self, "coef_")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = dict(self.metadata_)
        meta["params"] = self.get_params()
        names = sorted(self.vocabulary_, key=self.vocabulary_.get)
        np.savez_compressed(
            path,
            format=np.array(ARTEFACT_FORMAT),
            metadata=np.array(json.dumps(meta, sort_keys=True, default=str)),
            features=np.array(names, dtype=str),
            idf=self.idf_.astype(np.float32),
            dense_mean=self.dense_mean_.astype(np.float32),
            dense_scale=self.dense_scale_.astype(np.float32),
            coef=self.coef_.astype(np.float32),
            intercept=self.intercept_.astype(np.float32),
        )
        return path if path.suffix == ".npz" else path.with_suffix(path.suffix + ".npz")

    @classmethod
    def load(cls, path):
        """Load a model written by :meth:`save`.

        Parameters
        ----------
        path : str or os.PathLike

        Returns
        -------
        model : DirectedSentimentClassifier

        Raises
        ------
        FileNotFoundError
            If `path` does not exist (the message says how to rebuild it).
        ValueError
            If the artefact format is not readable, or the word-vector file differs
            from the one the model was trained with.
        """
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(
                f"Directed model {str(path)!r} does not exist. Reinstall framing to restore "
                f"the shipped model, or rebuild it with "
                f"framing.directed.train_directed_model(data_dir, out_dir)."
            )
        with np.load(path, allow_pickle=False) as z:
            fmt = int(z["format"])
            if fmt not in _READABLE_FORMATS:
                raise ValueError(
                    f"Directed model {str(path)!r} has format {fmt!r}; expected one of "
                    f"{_READABLE_FORMATS!r}. Retrain with framing.directed.train_directed_model."
                )
            meta = json.loads(str(z["metadata"]))
            names = z["features"].tolist()
            params = dict(meta.get("params", {}))
            if fmt == 1:  # TF-IDF views + logistic regression, no word vectors
                params.update(classifier="logreg", embedding_weight=0.0, word_vectors=None)
            model = cls(**params)
            model.idf_ = z["idf"].astype(np.float64)
            empty = np.zeros(0)
            model.dense_mean_ = z["dense_mean"].astype(np.float64) if fmt > 1 else empty
            model.dense_scale_ = z["dense_scale"].astype(np.float64) if fmt > 1 else empty
            model.coef_ = z["coef"].astype(np.float64)
            model.intercept_ = z["intercept"].astype(np.float64)
        model.metadata_ = meta
        model.vocabulary_ = {g: i for i, g in enumerate(names)}
        model._view_vocab = {v: {} for v in _VIEWS}
        for g in names:
            view, _, gram = g.partition("|")
            d = model._view_vocab[view]
            d[gram] = len(d)
        model._ngram_max = int(model.ngram_max)
        model._window = int(model.window_tokens)
        model._embedding_weight = float(model.embedding_weight)
        model.word_vectors_ref_ = meta.get("word_vectors", {"file": "none"})
        if model.dense_mean_.size:
            source = model.word_vectors_ref_.get("file")
            model._word_index, model._word_vectors, ref = _read_word_vectors(
                "default" if source == "default" else source
            )
            expected = model.word_vectors_ref_.get("sha256")
            if expected not in (None, ref.get("sha256")) or (
                len(model.dense_mean_) != len(SEGMENTS) * model._word_vectors.shape[1]
            ):
                raise ValueError(
                    f"Directed model {str(path)!r} was trained with word vectors "
                    f"{expected!r:.14}, but {ref['file']!r} has SHA-256 {ref['sha256'][:12]!r}. "
                    f"Reinstall framing or retrain with framing.directed.train_directed_model."
                )
        model.classes_ = np.arange(5)
        return model

    @classmethod
    def load_default(cls):
        """Load the shipped model :data:`DEFAULT_DIRECTED_MODEL_PATH` (offline)."""
        return cls.load(DEFAULT_DIRECTED_MODEL_PATH)


# --------------------------------------------------------------------------- evaluation
def directed_scores(y_true, y_pred) -> dict:
    """Macro-F1 and accuracy of DSE labels, 5-class and direction-collapsed.

    Parameters
    ----------
    y_true, y_pred : array-like of int of shape (n_pairs,)
        DSE labels in 0–4.

    Returns
    -------
    scores : dict
        ``macro_f1`` and ``accuracy`` (collapsed 3-class, float in [0, 1]),
        ``macro_f1_5class``, ``accuracy_5class`` (float in [0, 1]), ``n`` (int).
        Macro averages run over the classes present in `y_true` or `y_pred`.
    """
    t = np.asarray(y_true, dtype=np.int64)
    p = np.asarray(y_pred, dtype=np.int64)
    t3 = np.array([COLLAPSED[k] for k in t], dtype=object)
    p3 = np.array([COLLAPSED[k] for k in p], dtype=object)
    return {
        "macro_f1": float(f1_score(t3, p3, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(t3, p3)),
        "macro_f1_5class": float(f1_score(t, p, average="macro", zero_division=0)),
        "accuracy_5class": float(accuracy_score(t, p)),
        "n": int(t.size),
    }


def evaluate_directed(pairs, model=None) -> dict:
    """Score a directed-sentiment model on a labelled pairs table.

    Parameters
    ----------
    pairs : pandas.DataFrame of shape (n_pairs, 11)
        From :func:`load_dse` or :func:`load_basil_pairs`.
    model : DirectedSentimentClassifier, optional
        Default: the shipped model (:meth:`DirectedSentimentClassifier.load_default`).

    Returns
    -------
    scores : dict
        As :func:`directed_scores`, plus ``seconds`` (wall time of prediction).

    Raises
    ------
    MissingColumnError
        If `pairs` lacks ``label`` or a span column.
    """
    if "label" not in pairs.columns:
        raise MissingColumnError(
            f"evaluate_directed() needs a 'label' column (DSE 0-4) in 'pairs'; got columns "
            f"{list(pairs.columns)!r}. Build it with load_dse or load_basil_pairs."
        )
    model = DirectedSentimentClassifier.load_default() if model is None else model
    t0 = time.perf_counter()
    pred = model.predict(pairs)
    out = directed_scores(pairs["label"], pred)
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


def train_directed_model(data_dir, out_dir, random_state=0, **params):
    """Train the directed model on DSE train and write it to `out_dir`.

    Reproduces the shipped artefact: the parameters default to the values chosen
    on DSE valid (``benchmarks/directed.py`` runs the search); the valid scores are
    stored in the model's metadata.

    Parameters
    ----------
    data_dir : str or os.PathLike
        The labelled-datasets folder holding ``dse_directed_sentiment/train.txt`` and
        ``valid.txt`` (see :func:`framing.paths.shared_data_dir`).
    out_dir : str or os.PathLike
        Folder to write ``directed_dse_linear.npz`` to (created if needed).
    random_state : int, default=0
    **params
        Overrides of :class:`DirectedSentimentClassifier` parameters.

    Returns
    -------
    path : pathlib.Path
        The artefact written.

    Raises
    ------
    FileNotFoundError
        If the DSE files are absent.
    """
    dse = Path(data_dir) / "dse_directed_sentiment"
    train = load_dse(dse / "train.txt")
    valid = load_dse(dse / "valid.txt")
    model = DirectedSentimentClassifier(random_state=random_state, **params)
    t0 = time.process_time()
    model.fit(train)
    cpu = time.process_time() - t0
    scores = directed_scores(valid["label"], model.predict(valid))
    model.metadata_.update(
        {
            "train": "DSE train.txt (Park et al., 2021)",
            "valid_scores": scores,
            "fit_cpu_seconds": round(cpu, 2),
            "sklearn": __import__("sklearn").__version__,
        }
    )
    out = Path(out_dir) / DEFAULT_DIRECTED_MODEL_PATH.name
    return model.save(out)


__all__ = [
    "COLLAPSED",
    "DEFAULT_DIRECTED_MODEL_PATH",
    "DSE_CLASSES",
    "PAIR_COLUMNS",
    "DirectedSentimentClassifier",
    "directed_scores",
    "evaluate_directed",
    "load_basil_pairs",
    "load_dse",
    "train_directed_model",
]
